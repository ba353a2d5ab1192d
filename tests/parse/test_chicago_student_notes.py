"""Chicago notes as students and DH essayists write them in Markdown.

Shapes seen on real history-course sites and DH essays; names, titles and
numbers are made up.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, ShortRef
from relbib.parse.split import read_note


def _only(text: str):  # type: ignore[no-untyped-def]
    note = read_note(1, text)
    assert len(note.citations) == 1, note.citations
    return note.citations[0].reference


# A site essay whose notes give only the author (a person or a body) and the
# year of a bibliography entry, with a comma between them: a short form, not a
# full citation of a work with no title.
@pytest.mark.parametrize(("text", "authors"), [
    ("Marlow, 1968.", ("Marlow",)),
    ("Quoted in Marlow, 1968.", ("Marlow",)),
    ("Harlan County Historical Society, 2015.", ("Harlan County Historical Society",)),
    ("Tovey, 1994", ("Tovey",)),
])
def test_an_author_comma_year_note_is_a_short_form(text: str, authors: tuple[str, ...]) -> None:
    ref = _only(text)
    assert isinstance(ref, ShortRef)
    assert ref.authors == authors
    assert ref.pinpoint is None


def test_a_title_then_year_is_still_no_author_date_form() -> None:
    ref = _only("Ada Kern, *Salt Roads*, 2011.")
    assert isinstance(ref, FullRef)


# A DH essay cites a web project by its italic title alone, full stop inside
# the italics, a colon before its subtitle: the title, not an author "Online,
# Harbour Lights" and a container "A Digital Edition".
def test_an_italic_title_alone_with_a_subtitle() -> None:
    ref = _only("*Harbour Lights Online: A Digital Edition.*")
    assert isinstance(ref, FullRef)
    assert dict(ref.fields) == {"title": "Harbour Lights Online: A Digital Edition"}


# A blog post whose site ends a sentence and whose date opens the next one
# ("@handle. May 2, 2012, https://…"; "May" is no author here): the date and the link belong to the post.
def test_a_date_after_the_sites_full_stop_stays_in_the_citation() -> None:
    ref = _only('Roe, "Notes on Loose Leaves," @roeblog. May 4, 2013, https://roeblog.example.org/2013/05/04/leaves/.')
    assert isinstance(ref, FullRef)
    assert ref.fields.get("title") == "Notes on Loose Leaves"
    assert ref.fields.get("year") == "2013"
    assert ref.fields.get("url") == "https://roeblog.example.org/2013/05/04/leaves/"


# A manual or web document by its date, then the page cited and its link:
# the number after the year is the pinpoint, not a volume.
def test_the_page_between_a_date_and_the_link_is_the_pinpoint() -> None:
    ref = _only("Ada Kern and Ivo Sand, *Loom Handbook: Release 2.1*, March 3, 2015, 14, "
                "https://loom.example.org/handbook.pdf.")
    assert isinstance(ref, FullRef)
    assert ref.pinpoint == "14"
    assert "volume" not in ref.fields
    assert ref.fields.get("url") == "https://loom.example.org/handbook.pdf"
    assert ref.fields.get("year") == "2015"


# A student note that names only the author of a work its bibliography lists
# ("Marlow." / "Marlow"): an author-only short form, not a remark.
@pytest.mark.parametrize("text", ["Marlow.", "McAllister", "O'Dwyer."])
def test_a_surname_alone_is_an_author_only_short_form(text: str) -> None:
    ref = _only(text)
    assert isinstance(ref, ShortRef)
    assert ref.authors == (text.rstrip("."),)


@pytest.mark.parametrize("text", ["Passim.", "Emphasis added.", "Thanks.", "Ibid."])
def test_a_one_word_remark_is_no_author(text: str) -> None:
    note = read_note(1, text)
    assert not any(isinstance(c.reference, ShortRef) and c.reference.authors for c in note.citations)


def test_a_surname_at_the_end_of_a_remark_is_its_source() -> None:
    note = read_note(1, "The fire was almost certainly set by the wagon trains. Marlow")
    refs = [c.reference for c in note.citations]
    assert len(refs) == 1 and isinstance(refs[0], ShortRef) and refs[0].authors == ("Marlow",)


def test_a_speaker_quoted_in_a_work_is_no_author_only_citation() -> None:
    note = read_note(1, "Marlow, quoted in Ada Kern, *Salt Roads* (Bergen: Fjord Press, 2011), 154.")
    assert len(note.citations) == 1
    assert isinstance(note.citations[0].reference, FullRef)


# A chapter or article cited with its container in italics, then the year and
# the pages, no volume or bracket ("“Title,” *Book: Subtitle*, 2010, 183–210."):
# the range is the work's pages and the colon is the container's own.
@pytest.mark.parametrize("quotes", ['""', "\u201c\u201d"])
def test_quoted_title_italic_container_year_and_pages(quotes: str) -> None:
    ref = _only(f"Ada Kern, {quotes[0]}Salt and Empire,{quotes[1]} *Harbour Studies: Ships from "
                "Ancient Tyre to Modern Times*, 2010, 183--210.")
    assert isinstance(ref, FullRef)
    container = ref.fields.get("journal") or ref.fields.get("booktitle")
    assert ref.fields.get("title") == "Salt and Empire"
    assert container == "Harbour Studies: Ships from Ancient Tyre to Modern Times"
    assert ref.fields.get("year") == "2010" and ref.fields.get("pages") == "183--210"
    assert ref.pinpoint is None


# A book in a numbered series: "*Title*, Series, no. 42 (Place: Publisher, Year)".
def test_a_numbered_series_after_the_title_is_no_part_of_it() -> None:
    ref = _only("Edward Roe, *English Canals: Their Growth and Their Owners*, Studies in Transport "
                "and Trade, no. 12 (London: Fenwick, 1921).")
    assert isinstance(ref, FullRef)
    assert ref.fields.get("title") == "English Canals: Their Growth and Their Owners"
    assert ref.fields.get("series") == "Studies in Transport and Trade"
    assert ref.fields.get("number") == "12"
    assert ref.fields.get("year") == "1921"


# A preprint whose container is its arXiv identifier, in italics, then the day:
# the identifier is the container, and its digits are no year.
def test_an_arxiv_identifier_in_italics_is_the_container() -> None:
    ref = _only('Ada Kern and Ivo Sand, "Counting Hulls with Topic Models," *arXiv:1811.04512 [Cs]*, '
                "March 3, 2018, http://arxiv.org/abs/1811.04512.")
    assert isinstance(ref, FullRef)
    assert ref.fields.get("year") == "2018"
    assert ref.fields.get("title") == "Counting Hulls with Topic Models"
    assert ref.fields.get("journal") == "arXiv:1811.04512 [Cs]"


# An issue range with an en dash ("no.1–3") after an italic container whose name
# holds a colon: the pages after the date stay the article's.
def test_an_issue_range_with_an_en_dash_keeps_the_pages() -> None:
    ref = _only('Ada Kern, "Counting Hulls," *Harbour Review: Ships and Ports* 22, no.1\u20133 '
                "(October 1986): 120\u201349, https://doi.org/10.5555/hr.22.120.")
    assert isinstance(ref, FullRef)
    assert ref.fields.get("journal") == "Harbour Review: Ships and Ports"
    assert ref.fields.get("pages") == "120--149" and ref.fields.get("volume") == "22"


# A short form whose writer left out the comma between the authors and the
# quoted short title: "Roe and Kern “Salt Roads,” 239."
@pytest.mark.parametrize("text", ['Roe and Kern "Salt Roads," 239.',
                                  "Roe, Kern, Sand and Vale \u201cSalt Roads,\u201d 239."])
def test_a_short_form_without_the_comma_before_its_quoted_title(text: str) -> None:
    ref = _only(text)
    assert isinstance(ref, FullRef)
    assert ref.fields.get("title") == "Salt Roads"
    assert [n.family for n in ref.fields["author"]][:2] == ["Roe", "Kern"]
    assert ref.pinpoint == "239"


# Two short forms in a sentence, joined by "and" after the first one's pages:
# "… can be seen in Roe, *Salt Roads*, 66-7 and Kern and Sand, *Harbours*, 43."
def test_two_short_forms_joined_by_and_after_a_page() -> None:
    note = read_note(1, "A comparison of the two methods can be seen in Roe, *Salt Roads*, 66-7 and "
                        "Kern and Sand, *Harbour Lights*, 43, 52.")
    refs = [c.reference for c in note.citations]
    assert len(refs) == 2
    assert [str(r.fields.get("title")) for r in refs if isinstance(r, FullRef)] == ["Salt Roads", "Harbour Lights"]


# A list of pages cited closing with "and": "…, 127, 177-8, and 262." / "Roe, 258, and 122."
@pytest.mark.parametrize(("text", "pin"), [("Roe, *The Salt Roads*, 127, 177-8, and 262.", "127, 177--178, and 262"),
                                          ("Roe, 258, and 122.", "258, and 122")])
def test_a_page_list_closing_with_and_is_the_pinpoint(text: str, pin: str) -> None:
    ref = _only(text)
    assert ref.pinpoint == pin
    title = ref.fields.get("title") if isinstance(ref, FullRef) else getattr(ref, "short_title", None)
    assert title in ("The Salt Roads", None)


# The page cited in brackets after the work's range (British and DH notes):
# "…, 2002), 129-56 (134)." / "…: 8-33 (8)."
@pytest.mark.parametrize(("text", "pages", "pin"), [
    ("Ada Kern, “Salt Roads”, in *The Sea Trade*, ed. Ivo Sand (Bergen: Fjord Press, 2002), 129-56 (134).",
     "129--156", "134"),
    ("Ada Kern, “Salt Roads”, *Harbour Review* 39 (2000): 8-33 (8).", "8--33", "8"),
])
def test_the_page_cited_in_brackets_after_the_range(text: str, pages: str, pin: str) -> None:
    ref = _only(text)
    assert isinstance(ref, FullRef)
    assert ref.fields.get("pages") == pages and ref.pinpoint == pin


def test_a_year_in_brackets_after_a_cases_pages_is_no_pinpoint() -> None:
    ref = _only("Roe v. Kern Shipping Co., 512 U.S. 104, 116\u201317 (1994).")
    assert isinstance(ref, FullRef)
    assert ref.fields.get("year") == "1994" and ref.pinpoint == "116--117"


# A second full citation joined by "and" after the first one's bracketed page,
# its author with a given name: "…, 309-34 (332) and Ivo W. Sand, *Harbours* (…) agree."
def test_a_full_citation_joined_by_and_after_a_bracketed_page() -> None:
    note = read_note(1, "Ada Kern, \u201cSalt Roads\u201d, in *The Sea Trade*, ed. Olaf Berg (Bergen: Fjord "
                        "Press, 2006), 309-34 (332) and Ivo W. Sand, *Harbour Lights* (London: Tide, 1989) "
                        "come to no clear conclusions.")
    refs = [c.reference for c in note.citations]
    assert len(refs) == 2 and all(isinstance(r, FullRef) for r in refs)
    assert refs[0].pinpoint == "332" and refs[1].fields.get("title") == "Harbour Lights"


# The comma between the author and an italic title left out, before the facts:
# "and M. E. Roe *Salt Roads* (Bergen: Fjord Press, 2010)".
@pytest.mark.parametrize("text", ["M. E. J. Roe *Salt Roads: An Introduction* (Bergen: Fjord Press, 2010).",
                                  "Ada Roe *Salt Roads: An Introduction* (Bergen: Fjord Press, 2010)."])
def test_an_author_without_a_comma_before_an_italic_title(text: str) -> None:
    ref = _only(text)
    assert isinstance(ref, FullRef)
    assert ref.fields.get("title") == "Salt Roads: An Introduction"
    assert [n.family for n in ref.fields["author"]] == ["Roe"]


def test_an_author_in_the_possessive_before_an_italic_title_keeps_no_s() -> None:
    ref = _only("Ada Roe\u2019s *Salt Roads* (Bergen: Fjord Press, 2010).")
    assert isinstance(ref, FullRef)
    assert [(n.family, n.given) for n in ref.fields["author"]] == [("Roe", "Ada")]
