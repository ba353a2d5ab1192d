"""Chicago notes written the British way (single quotes ‘…’, as Zotero prints them
in UK theses) that the readers got wrong: a quoted title closed by ’ before its
container, prose leading into a citation in the same note, edition and printing
words left in a title or container, and a note citing two works in full.

Every note is written here in the shape of the real ones (names, titles and
numbers made up), with the fields a reader would write down for it.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, IbidRef, Name
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _refs(text: str) -> list[FullRef]:
    note = read_note(1, text)
    refs = [c.reference for c in note.citations]
    assert all(isinstance(r, FullRef) for r in refs), refs
    return [r for r in refs if isinstance(r, FullRef)]


def _people(ref: FullRef) -> list[tuple[str, str]]:
    names = ref.fields.get("author") or ()
    assert isinstance(names, tuple)
    return [(n.family, n.given) for n in names if isinstance(n, Name)]


def _sources(*texts: str) -> list[tuple[int | None, int | None, str | None]]:
    """(note, index, pinpoint) of the work each citation of the notes comes to."""
    notes = [read_note(n, t) for n, t in enumerate(texts, start=1)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in notes])
    return [(c.source, c.source_index, c.pinpoint) for c in result.citations]


def _container(ref: FullRef) -> object:
    return next((ref.fields[k] for k in ("journal", "booktitle", "howpublished") if ref.fields.get(k)), "")


QUOTED_TITLE_CASES = [
    # a dictionary entry by its authors: the entry is the title, the dictionary its container
    ("Margaret Elwood and Peter Dunn, ‘Vellum’, A Glossary of Bookbinding (Bristol: Harrow Press, 1911).",
     [("Elwood", "Margaret"), ("Dunn", "Peter")], "Vellum", "A Glossary of Bookbinding"),
    # an online dictionary's entry, with the editor's draft remark left after its URL
    ("‘Ledger, n.2’, Old Words Online (Clarendon House, March 2019), https://example.org/entry/1234 "
     "Draft revision May 2008, sense 2.",
     [], "Ledger, n.2", "Old Words Online"),
    # a verse "in" a book, its version no part of the book's title
    ("‘Psalm 3:14’, in The Hymnal, Parish Version, n.d.", [], "Psalm 3:14", "The Hymnal"),
]


@pytest.mark.parametrize(("text", "authors", "title", "container"), QUOTED_TITLE_CASES)
def test_the_closing_single_quote_ends_the_title_before_its_container(
    text: str, authors: list[tuple[str, str]], title: str, container: str
) -> None:
    ref = _refs(text)[0]
    assert _people(ref) == authors
    assert ref.fields["title"] == title
    assert _container(ref) == container


LEAD_IN_CASES = [
    # prose "… can be found via" before the author
    ("A survey of the lab’s influence on design teaching can be found via Ruth Okafor, ‘Drawing Machines: "
     "Pens, Plotters and the Studio’, in The Plotted Line: Essays on Computing in Design, ed. Tom Hale and "
     "Ruth Okafor (Leeds: Northgate, 2014), 51–70.",
     [("Okafor", "Ruth")], "Drawing Machines: Pens, Plotters and the Studio",
     "The Plotted Line: Essays on Computing in Design"),
    # a long sentence with commas and a quoted word of its own, then "in" and the author
    ("Note that Varga’s account of habit is close to, but distinct from, Lund’s ‘routines’ in Erik Lund, "
     "‘A Theory of Routines’, in Habit and Mind, ed. Ann Pike (Oslo: Fjord Press, 1981), 3–40.",
     [("Lund", "Erik")], "A Theory of Routines", "Habit and Mind"),
    # a lead-in ending with a colon before a quoted title
    ("See the discussion page on Markup for a sample of the arguments made: ‘Talk:Markup Language’, "
     "Wikipedia, 3 May 2018, https://en.wikipedia.org/wiki/Talk:Markup_language.",
     [], "Talk:Markup Language", "Wikipedia"),
]


@pytest.mark.parametrize(("text", "authors", "title", "container"), LEAD_IN_CASES)
def test_prose_before_the_citation_is_neither_author_nor_title(
    text: str, authors: list[tuple[str, str]], title: str, container: str
) -> None:
    ref = _refs(text)[-1]
    assert _people(ref) == authors
    assert ref.fields["title"] == title
    assert _container(ref) == container


def test_a_lead_in_after_a_semicolon_ending_see_colon_is_no_author() -> None:
    refs = _refs("There are many guides to the subject; for a short list of recent ones, see: T. J. Rusk, "
                 "‘On Shell Tools’, Software Notes 12, no. 4 (May 2009): 10–15; Ida Brandt, Pipes and "
                 "Filters (Harbour Books, 2012).")
    assert [_people(r) for r in refs] == [[("Rusk", "T. J.")], [("Brandt", "Ida")]]
    assert refs[0].fields["title"] == "On Shell Tools"


EDITION_CASES = [
    ("Greta Hall, ‘Loops’, in Patterns of Thought, 13. printing (Chicago: Lakeside, 1987), 40.",
     "booktitle", "Patterns of Thought"),
    ("Olaf Brandt, Signs and Meaning: An Essay in Semantics, Fifth edition, second printing "
     "(Lakeville: Semantic Press, 1995), 22.",
     "title", "Signs and Meaning: An Essay in Semantics"),
    # Zotero prints an empty field as "Array"
    ("Ruth Pell, A Small Dictionary of Old Trades., Array (Leeds: Kirk & Sons, 1961), 88.",
     "title", "A Small Dictionary of Old Trades"),
]


@pytest.mark.parametrize(("text", "field", "value"), EDITION_CASES)
def test_edition_and_printing_words_are_no_part_of_a_title(text: str, field: str, value: str) -> None:
    ref = _refs(text)[0]
    assert ref.fields[field] == value
    assert ref.pinpoint is not None


TWO_WORKS = (
    "The history is traced in Anna Vold, The Printed Column: Type, Image and Order in Early Treatises, "
    "trans. Carl Hesse (Boston: Lanthorn, 1999). The main source for this chapter is Anna Vold, The Grid "
    "and the Code, Design Studies (Boston: Lanthorn, 2012)."
)


def test_a_note_citing_two_works_after_prose_keeps_both() -> None:
    refs = _refs(TWO_WORKS)
    assert [r.fields["title"] for r in refs] == [
        "The Printed Column: Type, Image and Order in Early Treatises", "The Grid and the Code"]
    assert [r.fields.get("year") for r in refs] == ["1999", "2012"]
    assert refs[0].fields["translator"] == (Name(family="Hesse", given="Carl"),)


def test_a_short_title_finds_the_second_work_of_a_prose_note() -> None:
    found = _sources(TWO_WORKS, "Vold, The Printed Column, 4.", "Vold, The Grid and the Code, 13.", "Ibid., 14.")
    assert found[-3:] == [(1, 0, "4"), (1, 1, "13"), (1, 1, "14")]


def test_short_forms_after_a_colon_lead_in_both_find_their_works() -> None:
    found = _sources(
        "Ida Brandt, Pipes and Filters (Harbour Books, 2012), 3; Ida Brandt, ‘On Streams’, Software Notes 9, "
        "no. 2 (2010): 4–9.",
        "Brandt argues this more than once, in several places: Brandt, Pipes and Filters; Brandt, ‘On Streams’.",
    )
    assert [(note, index) for note, index, _ in found[-2:]] == [(1, 0), (1, 1)]


def test_a_remark_closing_a_list_of_works_is_no_part_of_the_last() -> None:
    ref = _refs("Tom Rye, Scripting for Builders: Tools and Habits (Lakeside, 2009)., and many more.")[0]
    assert ref.fields["title"] == "Scripting for Builders: Tools and Habits"
    assert ref.fields["year"] == "2009"


def test_ibid_after_a_quotation_that_ends_its_sentence_is_its_own_citation() -> None:
    note = read_note(1, "Hal Mott, Counting Machines (Leeds: Northgate, 1961), 1. The preface also warns: ‘The "
                        "operator must say exactly what he wants done.’ Ibid., 5.")
    refs = [c.reference for c in note.citations]
    assert [type(r).__name__ for r in refs] == ["FullRef", "IbidRef"]
    assert isinstance(refs[1], IbidRef) and refs[1].pinpoint == "5"


def test_citations_in_brackets_between_sentences_of_prose_are_read() -> None:
    note = read_note(1, "Moths signal in several ways. Some signals draw mates together. (Ann Kerr and T. Lowe, "
                        "‘Scent Trails: Signals of Moths’, Insect Letters 7, no. 2 (1994): 88, doi:10.1000/xyz12.) "
                        "Other signals ‘keep rivals away from the food.’ (Ibid., 89.) They also mark the nest. "
                        "(Ibid.)")
    refs = [c.reference for c in note.citations]
    assert [type(r).__name__ for r in refs] == ["FullRef", "IbidRef", "IbidRef"]
    first = refs[0]
    assert isinstance(first, FullRef)
    assert first.fields["title"] == "Scent Trails: Signals of Moths"
    assert _people(first) == [("Kerr", "Ann"), ("Lowe", "T.")]
    assert [r.pinpoint for r in refs[1:] if isinstance(r, IbidRef)] == ["89", None]


def test_a_medieval_poem_in_a_reprinted_ebook_keeps_its_author_and_title() -> None:
    ref = _refs("Walter Brandon, Hector and Ysolde, Lantern Ebooks (1390; repr., Leeds, Yorkshire: Lantern, "
                "2011), ll. 120, 455, http://example.org/ebooks/257.txt.")[0]
    assert _people(ref) == [("Brandon", "Walter")]
    assert ref.fields["title"] == "Hector and Ysolde"
    assert (ref.fields["year"], ref.fields["origdate"]) == ("2011", "1390")
    assert ref.fields["series"] == "Lantern Ebooks"
    assert "volume" not in ref.fields


def test_a_short_note_repeating_a_long_title_cites_a_page_not_a_volume() -> None:
    later = "Brandt, Signs and Meaning: An Introduction to Semantic Systems and Their Uses in Daily Life, 58."
    assert "volume" not in getattr(read_note(2, later).citations[0].reference, "fields", {})
    found = _sources("Olaf Brandt, Signs and Meaning: An Introduction to Semantic Systems and Their Uses in "
                     "Daily Life (Lakeville: Semantic Press, 1995), 22.", later)
    assert found[-1] == (1, 0, "58")


@pytest.mark.parametrize(("text", "pages", "pin", "doi"), [
    ("Ann Kerr, ‘Scent Trails’, Insect Letters 7, no. 2 (1994): 88, doi:10.1000/xyz12.", None, "88",
     "10.1000/xyz12"),
    # the DOI's last number is no page cited
    ("Ann Kerr, ‘Scent Trails’, Insect Letters 7, no. 2 (1994): 80–95, doi:10.1000/IL.1994.228.", "80--95", None,
     "10.1000/IL.1994.228"),
])
def test_a_doi_closing_an_article_note_leaves_its_page_and_keeps_its_digits(
    text: str, pages: str | None, pin: str | None, doi: str
) -> None:
    ref = _refs(text)[0]
    assert (ref.fields.get("pages"), ref.pinpoint, ref.fields["doi"]) == (pages, pin, doi)


def test_a_dictionary_entry_cited_again_by_its_sense_finds_the_entry() -> None:
    found = _sources("‘Ledger, n.2’, Old Words Online (Clarendon House, March 2019), https://example.org/entry/1234.",
                     "‘Ledger, n.2’ Definition 1; Hal Mott, Counting Machines (Leeds: Northgate, 1961), 4.")
    assert found[1] == (1, 0, "Definition 1")


@pytest.mark.parametrize(("text", "edition", "where"), [
    # an edition opening a bracket of place and year: "ed." is the edition's, not an editor's
    ("Tom Hale, The Drowned Parishes (2nd ed., London 2009), 45.", "2nd", ("address", "London")),
    ("Tom Hale, The Drowned Parishes (3rd ed., Norwich, 1988), 12.", "3rd", ("address", "Norwich")),
    # the edition worded out after the title
    ("Tom Hale, The Drowned Parishes, Revised edition (Norwich 1990), p. 4.", "Revised",
     ("address", "Norwich")),
])
def test_an_edition_in_the_imprint_is_no_editor(text: str, edition: str, where: tuple[str, str]) -> None:
    ref = _refs(text)[0]
    assert "editor" not in ref.fields
    assert (ref.fields.get("edition"), ref.fields.get(where[0]), ref.fields["year"]) == (
        edition, where[1], text.split(")")[0][-4:])


def test_a_bluebook_editor_before_the_edition_is_still_read() -> None:
    ref = _refs("Ann Roe, Law of Drowned Parishes 45 (Tom Hale ed., 2d ed. 2014).")[0]
    editors = ref.fields["editor"]
    assert isinstance(editors, tuple)
    assert ([(n.family, n.given) for n in editors if isinstance(n, Name)], ref.fields["edition"]) == (
        [("Hale", "Tom")], "2nd")
