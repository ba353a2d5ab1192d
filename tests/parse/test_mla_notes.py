"""Notes written as works-cited entries (issue 10, real footnotes: MLA among the styles).

Each case is self-written (names, titles and numbers made up) in the shape of a
note measured in a real document: the MLA 7 endnotes of a literature thesis
(given name first, sentences closed by full stops, the medium "Print" or "Web"
last) and a history essay's notes written as author-date bibliography lines.
Every case failed before relbib.parse.mla read them.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, Name, ShortRef
from relbib.parse import parse_note
from relbib.parse.mla import read_mla_note


def _full(text: str) -> FullRef:
    ref = parse_note(text)
    assert isinstance(ref, FullRef), ref
    return ref


def _people(ref: FullRef, role: str = "author") -> list[str]:
    names = ref.fields.get(role) or ()
    assert isinstance(names, tuple)
    return ["{" + n.family + "}" if n.literal else f"{n.family}, {n.given}" for n in names if isinstance(n, Name)]


# --- MLA 7: the medium closes the entry and is no field --------------------------------


@pytest.mark.parametrize("text", [
    "Jane Roe. *The Salt Roads of the North*. London: Harwick Press, 2001. Print.",
    "Roe, Jane. *The Salt Roads of the North*. London: Harwick Press, 2001. Print.",
    "Jane Roe. The Salt Roads of the North. London: Harwick Press, 2001. Print.",
])
def test_an_mla7_book_keeps_its_author_and_no_medium(text: str) -> None:
    ref = _full(text)
    assert ref.type == "book"
    assert _people(ref) == ["Roe, Jane"]
    assert ref.fields["title"] == "The Salt Roads of the North"
    assert ref.fields["publisher"] == "Harwick Press" and ref.fields["year"] == "2001"
    assert "Print" not in str(dict(ref.fields))


def test_trans_names_the_translator_not_an_author() -> None:
    ref = _full("Roe, Jane. *Letters from the Marsh*. Trans. Ann Doe. Paris: Vaillot, 1853. Print.")
    assert _people(ref) == ["Roe, Jane"]
    assert _people(ref, "translator") == ["Doe, Ann"]
    assert ref.fields["title"] == "Letters from the Marsh" and ref.fields["address"] == "Paris"


def test_an_edition_and_its_editors_with_initials() -> None:
    ref = _full("Tom Pell. *The Collected Verses*. 2nd ed. Ed. K. L. Marsh and J. J. R. Hollis. "
                "Boston: Harrow Mifflin, 1997.")
    assert _people(ref) == ["Pell, Tom"]
    assert _people(ref, "editor") == ["Marsh, K. L.", "Hollis, J. J. R."]
    assert ref.fields["edition"] == "2nd ed" and ref.fields["year"] == "1997"


def test_an_mla7_article_with_volume_issue_and_pages() -> None:
    ref = _full('Roe, Jane. "Tides and Tithes." *Journal of Coastal History* 12.3 (2001): 45-67. Print.')
    assert ref.type == "article"
    assert _people(ref) == ["Roe, Jane"]
    assert ref.fields["title"] == "Tides and Tithes"
    assert ref.fields["journal"] == "Journal of Coastal History"
    assert (ref.fields["volume"], ref.fields["number"], ref.fields["year"]) == ("12", "3", "2001")
    assert ref.fields["pages"] == "45--67" and ref.pinpoint is None


def test_a_given_name_first_article_and_the_page_cited_after_its_range() -> None:
    ref = _full("Lee Marlowe. \u201cThe Quiet Court.\u201d Past and Present 189 (2005): 3\u201339. 39.")
    assert _people(ref) == ["Marlowe, Lee"]  # a person, though "Lee" is no listed given name
    assert ref.fields["journal"] == "Past and Present"
    assert ref.fields["pages"] == "3--39" and ref.pinpoint == "39"


def test_the_journal_in_a_sentence_of_its_own() -> None:
    ref = _full("Sam Kettle. \u201cThe Last Parliament.\u201d The Northern Journal. 45.4 (2002): 727\u201354.")
    assert ref.type == "article" and _people(ref) == ["Kettle, Sam"]
    assert (ref.fields["volume"], ref.fields["number"]) == ("45", "4")
    assert ref.fields["journal"] == "The Northern Journal" and ref.fields["pages"] == "727--754"


@pytest.mark.parametrize("text", [
    'Roe, Jane. "The Weir." *River Essays*. Ed. Ann Doe. New York: Fenwick Press, 2004. 12-30. Print.',
    "Jane Roe. \u201cThe Weir\u201d in River Essays. Ed. Ann Doe. New York: Fenwick Press, 2004. 12\u201330.",
])
def test_a_chapter_its_book_and_editor(text: str) -> None:
    ref = _full(text)
    assert ref.type == "incollection"
    assert _people(ref) == ["Roe, Jane"]
    assert _people(ref, "editor") == ["Doe, Ann"]
    assert ref.fields["title"] == "The Weir" and ref.fields["booktitle"] == "River Essays"
    assert ref.fields["pages"] == "12--30"


def test_a_bibliography_chapter_its_editors_and_pages_in_the_book_sentence() -> None:
    """A guard: the reader, which runs first, reads Chicago's bibliography chapter as the others did."""
    ref = read_mla_note('Quill, Ada. "Fathers and Heirs in the House of Lind." In *Heirs and Thrones: Succession in '
                        'Europe*, edited by Karl Lorenz Ohm and Ida Maas, 19\u201337. London: Fenwick Macmillan, 2016.')
    assert ref is not None and ref.type == "incollection"
    assert ref.fields["booktitle"] == "Heirs and Thrones: Succession in Europe"
    assert _people(ref, "editor") == ["Ohm, Karl Lorenz", "Maas, Ida"]
    assert ref.fields["pages"] == "19--37" and ref.pinpoint is None


def test_a_chapter_whose_book_is_named_after_its_editor() -> None:
    ref = _full("Dora Finch. \u201cThe Green Hour\u201d in Kit Farrow, Ed. Essays on the Green. "
                "New York: Hall & Co., 1999. 121\u201334. 122\u201323.")
    assert ref.fields["booktitle"] == "Essays on the Green"
    assert _people(ref, "editor") == ["Farrow, Kit"]
    assert ref.fields["pages"] == "121--134" and ref.pinpoint == "122--23"


def test_a_chapter_with_a_volume_and_a_series_before_the_imprint() -> None:
    ref = _full("Karl Brandt. \u201cDer Hof.\u201d *Werke*. Lindauer Ausg. Vol. 2. Lindau: Stahl, 2007. "
                "357\u2013429. Print.")
    assert ref.type == "incollection" and ref.fields["booktitle"] == "Werke"
    assert ref.fields["volume"] == "2" and ref.fields["pages"] == "357--429"


def test_the_page_cited_after_the_medium() -> None:
    ref = _full("Jonas Pike. *Rough Justice: Drama and the State*. Brighton: Harvel, 1984. Print. 218\u2013230.")
    assert _people(ref) == ["Pike, Jonas"]
    assert ref.fields["title"] == "Rough Justice: Drama and the State"
    assert ref.pinpoint == "218--230" and "howpublished" not in ref.fields  # "Print" is no container


def test_a_web_page_its_site_publisher_and_access_date() -> None:
    ref = _full('Roe, Jane. "Harbour Lights." *Coastal Notes*. Fenwick Trust, 3 May 2010. Web. 4 June 2012.')
    assert ref.type == "online"
    assert _people(ref) == ["Roe, Jane"]
    assert ref.fields["title"] == "Harbour Lights" and ref.fields["howpublished"] == "Coastal Notes"
    assert ref.fields["year"] == "2010" and ref.fields["urldate"] == "2012-06-04"


def test_a_web_entry_with_abbreviated_months_and_a_body_of_contributors() -> None:
    ref = _full('Atlas contributors. "Salt Pan." Open Atlas, The Free Gazetteer. Open Atlas, The Free Gazetteer, '
                "3 Dec. 2012. Web. 4 Dec. 2012.")
    assert ref.type == "online" and _people(ref) == ["{Atlas contributors}"]
    assert ref.fields["howpublished"] == "Open Atlas, The Free Gazetteer"
    assert (ref.fields["date"], ref.fields["urldate"]) == ("2012-12-03", "2012-12-04")


def test_no_publisher_and_no_date_are_no_fields() -> None:
    ref = _full('"Rules of the Lindhaven Club." Lindhaven. N.p., n.d. Web. 16 Dec. 2012. <http://example.org/rules>.')
    assert ref.type == "online" and ref.fields["title"] == "Rules of the Lindhaven Club"
    assert ref.fields["howpublished"] == "Lindhaven" and "organization" not in ref.fields
    assert ref.fields["url"] == "http://example.org/rules" and ref.fields["urldate"] == "2012-12-16"


def test_a_newspaper_article_by_its_date_and_page() -> None:
    ref = _full('Roe, Jane. "Harbour Lights." *The Harbour Times* 3 May 2010, late ed.: A4. Print.')
    assert ref.type == "article" and ref.fields["journal"] == "The Harbour Times"
    assert ref.fields["date"] == "2010-05-03" and "volume" not in ref.fields
    assert ref.pinpoint == "A4"


@pytest.mark.parametrize(("text", "kind"), [
    ('Roe, Jane. "The Salt Roads of the North." Diss. U of Lindfield, 2005. Print.', "phdthesis"),
    ('Roe, Jane. "The Salt Roads of the North." MA thesis. U of Lindfield, 2005. Print.', "mastersthesis"),
])
def test_a_thesis_its_school_and_year(text: str, kind: str) -> None:
    ref = _full(text)
    assert ref.type == kind and _people(ref) == ["Roe, Jane"]
    assert ref.fields["school"] == "U of Lindfield" and ref.fields["year"] == "2005"
    assert "booktitle" not in ref.fields


def test_a_remark_then_see_and_the_entry() -> None:
    ref = _full("For a longer account of the weirs, see Ada Quill. \u201cThe Weir\u201d in River Essays. "
                "Ed. Ann Doe. New York: Fenwick Press, 2004. 12\u201330.")
    assert _people(ref) == ["Quill, Ada"]
    assert ref.fields["title"] == "The Weir"


# --- author-date bibliography lines used as notes ----------------------------------------


@pytest.mark.parametrize(("text", "pin"), [
    ("Roe, Jane. 2005. The Salt Roads. Lindfield: Harwick. 8", "8"),
    ("Roe, Jane. 2005. The Salt Roads. Lindfield: Harwick, 8", "8"),
])
def test_an_author_date_line_its_year_and_the_page_cited(text: str, pin: str | None) -> None:
    ref = _full(text)
    assert _people(ref)[0].startswith("Roe, ")
    assert ref.fields["title"] == "The Salt Roads"
    assert ref.fields["publisher"] == "Harwick" and ref.fields["year"] == "2005"
    assert ref.pinpoint == pin


def test_places_before_the_publisher_of_an_author_date_line() -> None:
    ref = _full("Winks, Robin W and Joan Pell. 2005. Europe Remade, 1815-1914. "
                "Oxford ; New York, Harwick University Press. 8")
    assert _people(ref) == ["Winks, Robin W", "Pell, Joan"]
    assert ref.fields["title"] == "Europe Remade, 1815-1914" and ref.pinpoint == "8"


def test_a_web_entry_names_its_site_not_a_journal() -> None:
    ref = _full("Harbour Museum. \u201cLead Shot.\u201d Harbour Guides. Accessed November 23, 2024. "
                "https://example.org/lead.")
    assert ref.type == "online" and _people(ref) == ["{Harbour Museum}"]
    assert ref.fields["howpublished"] == "Harbour Guides" and "journal" not in ref.fields
    assert ref.fields["urldate"] == "2024-11-23"


# --- what the reader leaves to the others ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Rachel Ambrose, The Novel and the Crowd (Columbia UP, 2012), p. 33.",
    "Ibid. 45.",
    "This is a point Roe himself concedes. See his preface.",
    "Shakespeare and Republicanism. London: Harwick Press, 2005.",
    "(Roe, 15)",  # a short form by author and page: forms.py and shortform.py read it
    "Roe 2005, 8",
])
def test_the_reader_declines_what_is_no_works_cited_entry(text: str) -> None:
    assert read_mla_note(text) is None
    if text.startswith(("(Roe", "Roe 2005")):
        ref = parse_note(text)
        assert isinstance(ref, ShortRef) and ref.authors == ("Roe",)


def test_an_mla8_journal_keeps_its_volume_out_of_its_name() -> None:
    """MLA 8 puts the volume inside the container, after a comma: "Journal, vol. 3, no. 1"."""
    ref = _full("Kit Abbott-Lindqvist. \u201cStores of Things: A Crisis?\u201d Journal of Harbour Studies, "
                "vol. 3, no. 1 (2015): 42-54.")
    assert ref.fields["journal"] == "Journal of Harbour Studies"
    assert (ref.fields["volume"], ref.fields["number"], ref.fields["pages"]) == ("3", "1", "42--54")


def test_a_person_in_direct_order_before_a_quoted_title_stays_a_person() -> None:
    """A student's "Given Family. “Title.” Journal …" names a person even when the given name
    is not a common one; a lead closed by a stop is a site or body only on a web entry."""
    ref = _full("Ottoline Abbott-Lindqvist. \u201cThe keeper as citizen: on the morals of stores.\u201d "
                "Harbour Studies (2009): 140-165.")
    assert _people(ref) == ["Abbott-Lindqvist, Ottoline"]


def test_an_author_date_page_with_no_author_keeps_its_year_and_its_site() -> None:
    # "“Title.” Year. Site. Date. URL": the author-date manner of a page no one signed
    ref = read_mla_note("“Harbour Row.” 2018. Port Wiki. May 2, 2018. https://port.example.org/Harbour_Row.")
    assert ref is not None
    assert ref.fields["title"] == "Harbour Row"
    assert ref.fields["year"] == "2018"
    assert (ref.fields.get("howpublished") or ref.fields.get("journal")) == "Port Wiki"
