"""Footnotes of older English histories (1850–1920): titles in quotation marks after an
author in the possessive, "ed. X" for the edition cited, "vol. i., p. 4" locators,
"L. c." for the place cited last, honorifics and ranks before names, and official
papers cited by their kind and date.

The shapes are those of real books' footnotes; every name, title and number is made up.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, Name
from relbib.parse import parse_note
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _author(ref: FullRef) -> list[tuple[str, str]]:
    names = ref.fields.get("author") or ()
    assert isinstance(names, tuple)
    return [(n.family, n.given) for n in names if isinstance(n, Name)]


def _resolved(notes: list[str]) -> dict[int, tuple[int | None, int | None]]:
    cited = [read_note(i + 1, text) for i, text in enumerate(notes)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    return {c.note: (c.refers_to, c.source) for c in result.citations}


@pytest.mark.parametrize(
    ("text", "author", "title", "editor", "pin"),
    [
        # the editor of the edition cited is no container ("ed. Wilson" was read as a journal)
        ('Harrow\'s "History of the Northern Provinces," ed. Quill, vol. i., p. 312.',
         "Harrow", "History of the Northern Provinces", "Quill", "312"),
        ('Harrow\'s "Annals," ed. Quill, vol. ii., p. 48.', "Harrow", "Annals", "Quill", "48"),
        # a one-word title before "vol. i., p." is a book, not a journal's volume and pages
        ('Harrow\'s "Annals," vol. i., p. 229.', "Harrow", "Annals", None, "229"),
        ('See Dunmere, "Travels in the Hills," ed. Pell, p. 119, note.',
         "Dunmere", "Travels in the Hills", "Pell", "119"),
    ],
)
def test_a_quoted_title_with_an_edition_and_a_volume(text: str, author: str, title: str,
                                                     editor: str | None, pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef)
    assert _author(ref) == [(author, "")]
    assert ref.fields["title"] == title
    assert "journal" not in ref.fields
    editors = ref.fields.get("editor") or ()
    assert [n.family for n in editors if isinstance(n, Name)] == ([editor] if editor else [])
    assert ref.pinpoint == pin


def test_a_shorter_quoted_title_cites_the_earlier_work_again() -> None:
    notes = ['Harrow\'s "History of the Northern Provinces," ed. Quill, vol. i., p. 312.',
             'Harrow\'s "History," ed. Quill, vol. i., p. 300.',
             'Harrow\'s "History," vol. i., p. 301.']
    resolved = _resolved(notes)
    assert resolved[2] == (1, 1)
    assert resolved[3] == (1, 1)


def test_loco_citato_alone_is_the_place_cited_last() -> None:
    """ "L. c. p. 325.": no author named, the work of the note before (a bare "Op. cit."
    stays unresolved: tests/cases/resolve/opcit_names_nothing.json)."""
    notes = ['Harrow\'s "Annals," vol. i., p. 229.', "L. c. p. 231.", "L. c., p. 240."]
    resolved = _resolved(notes)
    assert resolved[2] == (1, 1)
    assert resolved[3] == (2, 1)


@pytest.mark.parametrize(
    ("text", "family", "given"),
    [
        ("Sir Ch. Morrow, Faith and Custom, 1880, p. 42.", "Morrow", "Ch."),
        ("Major Tillet, A Year in the Marches.", "Tillet", ""),
        ("Quoted in Mr. Walter Penn's *Heard Unheard* (London, 1891).", "Penn", "Walter"),
    ],
)
def test_an_honorific_or_rank_is_no_part_of_the_name(text: str, family: str, given: str) -> None:
    note = read_note(1, text)
    ref = note.citations[-1].reference
    assert isinstance(ref, FullRef)
    assert _author(ref) == [(family, given)]


@pytest.mark.parametrize(
    ("text", "author", "title", "year"),
    [
        ("Despatch dated July 7, 1869.", [], "Despatch", "1869"),
        ("Minute, dated September 4, 1858.", [], "Minute", "1858"),
        ("Letter of February 18, 1860.", [], "Letter", "1860"),
        ("Lord Kerrow's letter to the Queen, dated November 15, 1866.", [("Kerrow", "")],
         "Letter to the Queen", "1866"),
        ("Letter from Thomas Garve to Lord Kerrow, dated Nov. 23, 1865.", [("Garve", "Thomas")],
         "Letter from Thomas Garve to Lord Kerrow", "1865"),
        ("The Rajah's reply, received on Sept. 3, 1866.", [], "The Rajah's reply", "1866"),
        ("Papers presented to the House of Lords on February 28, 1871.", [],
         "Papers presented to the House of Lords", "1871"),
    ],
)
def test_an_official_paper_cited_by_its_kind_and_date(text: str, author: list[tuple[str, str]],
                                                      title: str, year: str) -> None:
    note = read_note(1, text)
    assert note.kind == "citation"
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert _author(ref) == author
    assert ref.fields["title"] == title
    assert ref.fields["year"] == year


def test_a_sentence_with_a_date_is_no_paper_and_an_office_no_author() -> None:
    assert read_note(1, "Report of his death reached Oldgate on May 3, 1860.").kind == "comment"
    ref = parse_note("Letter of the Collector of Tarnpur to the Resident at Oldgate, dated May 6, 1866.")
    assert isinstance(ref, FullRef) and "author" not in ref.fields


@pytest.mark.parametrize(
    ("text", "author", "title"),
    [
        # the whole note: an author in the possessive and a title in title case
        ("Dunlevy's History of the Marcher Lords.", [("Dunlevy", "")], "History of the Marcher Lords"),
        # a signal and a rank before the possessive; the year in brackets is no author-date form
        ("See Captain Ivor Grant's Hill Stations (1871), p. 20.", [("Grant", "Ivor")], "Hill Stations"),
        # a title about a person, its author after "by": the possessive stays in the title
        ("Lord Tarrow's Eastern Years, by Agnes Welk, London, 1899, p. 133.", [("Welk", "Agnes")],
         "Lord Tarrow's Eastern Years"),
    ],
)
def test_an_author_in_the_possessive(text: str, author: list[tuple[str, str]], title: str) -> None:
    note = read_note(1, text)
    assert note.kind == "citation"
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert _author(ref) == author
    assert ref.fields["title"] == title


def test_a_possessive_before_words_that_are_no_title_is_no_citation() -> None:
    assert read_note(1, "Napoleon's armies marched on Moscow.").kind == "comment"


@pytest.mark.parametrize(
    ("text", "title", "series", "year", "pin"),
    [
        ("Tarnpur Papers, 1851, pp. 112 and 119.", "Tarnpur Papers", None, "1851", "112 and 119"),
        ("Second Oldgate Blue Book, p. 56.", "Second Oldgate Blue Book", None, None, "56"),
        ("Tarnpur Papers (1857).", "Tarnpur Papers", None, "1857", None),  # no author-date short form
        ("Parliamentary Papers. Articles of Agreement with the Rajah, 1849, p. 24.",
         "Articles of Agreement with the Rajah", "Parliamentary Papers", "1849", "24"),
    ],
)
def test_government_papers_named_by_subject_and_kind(text: str, title: str, series: str | None,
                                                      year: str | None, pin: str | None) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef)
    assert "author" not in ref.fields
    assert ref.fields["title"] == title
    assert ref.fields.get("howpublished") == series
    assert ref.fields.get("year") == year
    assert ref.pinpoint == pin


@pytest.mark.parametrize(
    ("text", "author", "journal", "year", "pin"),
    [
        ("Northern Review, vol. xii. (1816) p. 3.", [], "Northern Review", "1816", "3"),
        ("Hallam, in the Northern Review, vol. xii. p. 30.", [("Hallam", "")], "Northern Review", None, "30"),
        ('See Corvin in "Deccan Antiquary," 1879, p. 92.', [("Corvin", "")], "Deccan Antiquary", "1879", "92"),
        ("See Paul Marcet, Journal Asiatique, 1848, Août, pp. 98, 105.", [("Marcet", "Paul")],
         "Journal Asiatique", "1848", "98, 105"),
        ("Western Magazine, Jan. 1851, p. 12.", [], "Western Magazine", "1851", "12"),
    ],
)
def test_a_periodical_cited_by_name_volume_year_and_page(text: str, author: list[tuple[str, str]],
                                                         journal: str, year: str | None, pin: str) -> None:
    """The article is not named: the periodical is the container, and there is no title."""
    note = read_note(1, text)
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.type == "article"
    assert _author(ref) == author
    assert ref.fields["journal"] == journal and "title" not in ref.fields
    assert ref.fields.get("year") == year
    assert ref.pinpoint == pin


@pytest.mark.parametrize(
    ("text", "author", "title", "pin"),
    [
        ("\u201cThe villages were little republics, wanting nothing from without.\u201d\u2014Pellow's *Growth of Empire*.",
         [("Pellow", "")], "Growth of Empire", None),
        ("The younger brother was long a supporter of the plan; but he came round to the new policy.\u2014"
         "See Colonel Marsh's *Second Frontier War*, vol. i. p. 172.", [("Marsh", "")], "Second Frontier War", "172"),
    ],
)
def test_the_source_after_a_dash_names_its_author_in_the_possessive(
        text: str, author: list[tuple[str, str]], title: str, pin: str | None) -> None:
    note = read_note(1, text)
    ref = note.citations[-1].reference
    assert isinstance(ref, FullRef)
    assert _author(ref) == author
    assert ref.fields["title"] == title
    assert ref.pinpoint == pin


@pytest.mark.parametrize(
    ("text", "author", "title", "pin"),
    [
        ("Pellinger\u2014*Coasts of the Eastern Sea*, p. xviii.", [("Pellinger", "")], "Coasts of the Eastern Sea", "xviii"),
        ("Harlow and Quint\u2014*Tales of the Salt Road*, p. 7.", [("Harlow", ""), ("Quint", "")],
         "Tales of the Salt Road", "7"),
    ],
)
def test_an_author_parted_from_the_title_by_a_dash(text: str, author: list[tuple[str, str]], title: str,
                                                   pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef)
    assert _author(ref) == author
    assert ref.fields["title"] == title
    assert ref.pinpoint == pin


def test_a_spaced_dash_parts_a_page_title_from_its_site_not_an_author() -> None:
    ref = parse_note("Page Log \u2014 Toolkit 2.1 documentation, https://example.org/log.html.")
    assert isinstance(ref, FullRef) and "author" not in ref.fields


@pytest.mark.parametrize(
    ("text", "author", "journal", "volume", "pin"),
    [
        ("BEFEO iii pp. 439-40.", [], "BEFEO", "iii", "439--440"),
        ("JQ. 11:14, pp. 7-8.", [], "JQ", "11:14", "7--8"),
        ("Tallis JQ: 11:13, pp. 458-9.", [("Tallis", "")], "JQ", "11:13", "458--459"),
        ("Morand in JRAS. 1903 pp. 368-70.", [("Morand", "")], "JRAS", None, "368--370"),
    ],
)
def test_a_journal_cited_by_its_siglum(text: str, author: list[tuple[str, str]], journal: str,
                                       volume: str | None, pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef) and ref.type == "article"
    assert _author(ref) == author
    assert ref.fields["journal"] == journal
    assert ref.fields.get("volume") == volume
    assert ref.pinpoint == pin


def test_a_body_by_year_is_no_siglum_journal() -> None:
    ref = parse_note("OECD, 2015, p. 4.")
    assert not (isinstance(ref, FullRef) and ref.fields.get("journal") == "OECD")


def test_ibid_with_the_author_named_is_the_citation_before() -> None:
    """ "Quint, ibid.": the work of Quint's the note before cites, though Quint wrote two."""
    notes = ["Quint, *Salt Roads*, p. 19.", "Harlow, *Tides*, p. 4.", "Quint, *Periplus of the Inner Sea*, p. 6.",
             "Quint, ibid.", "Quint, ibid., p. 9."]
    resolved = _resolved(notes)
    assert resolved[4] == (3, 3)
    assert resolved[5] == (4, 3)


@pytest.mark.parametrize(
    ("text", "title", "year", "pin"),
    [
        # the edition cited, its year in brackets after the title or the page
        ("Marlowe, History of the Fens (ed. 1856), ii. 45.", "History of the Fens", "1856", "45"),
        ("Marlowe, Essays, vol. ii. p. 12 (ed. 1860).", "Essays", "1860", "12"),
        # the volume and page after a bracketed imprint
        ("Marlowe, *Annals* (London, 1848), vol. ii. p. 45.", "Annals", "1848", "45"),
    ],
)
def test_the_edition_year_and_the_volume_after_the_imprint(text: str, title: str, year: str, pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef)
    assert _author(ref) == [("Marlowe", "")]
    assert ref.fields["title"] == title
    assert ref.fields["year"] == year
    assert ref.pinpoint == pin


def test_a_quoted_title_in_the_possessive_quoted_in_another_work() -> None:
    """ "Harrow's “Annals,” Vol. II, quoted in Poe's “Old Roads,” p. 25.": two works, each its author's;
    the volume alone is no pinpoint."""
    note = read_note(1, 'Harrow\'s "Annals of Kent," Vol. II, quoted in Poe\'s "Old Roads," p. 25.')
    first, second = (c.reference for c in note.citations)
    assert isinstance(first, FullRef) and isinstance(second, FullRef)
    assert (_author(first), first.fields["title"], first.pinpoint) == ([("Harrow", "")], "Annals of Kent", None)
    assert (_author(second), second.fields["title"], second.pinpoint) == ([("Poe", "")], "Old Roads", "25")
    bare = read_note(2, 'Harrow\'s "Annals of Kent," quoted in Poe\'s "Old Roads," p. 26.').citations[0].reference
    assert isinstance(bare, FullRef) and _author(bare) == [("Harrow", "")]


def test_quoted_from_a_book_with_its_by_line_and_the_page() -> None:
    """ "Quoted from *Title*, by the Rev. Dr. A. Roe (Place, Year), p. 33.": the lead-in is no part
    of the title, the honorifics none of the name, and the page after the bracket is the pinpoint."""
    note = read_note(1, "Quoted from *Old Roads of the Weald*, by the Rev. Dr. Amos Pell (Leeds, 1903), p. 33.")
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields["title"] == "Old Roads of the Weald"
    assert _author(ref) == [("Pell", "Amos")]
    assert (ref.fields["year"], ref.pinpoint) == ("1903", "33")


@pytest.mark.parametrize(
    ("text", "author", "title", "year", "pin"),
    [
        # the editors' mark closing a note they added is no part of the pinpoint
        ("The letter is printed in Amos Pell\u2019s *Life of Ivo Marsh* (Leeds 1881) pp. 14-15.\u2014*Editors*.",
         [("Pell", "Amos")], "Life of Ivo Marsh", "1881", "14--15"),
        # an edition named by its place and year ("Leeds Ed. 1915"): no editor
        ("See Ada Quill *The Final Years of Ivo Marsh*, Leeds Ed. 1915, pp. 158-59.\u2014*Editors*.",
         [("Quill", "Ada")], "The Final Years of Ivo Marsh", "1915", "158--159"),
    ],
)
def test_an_edited_books_note_signed_by_its_editors(text: str, author: list[tuple[str, str]], title: str,
                                                    year: str, pin: str) -> None:
    ref = read_note(1, text).citations[0].reference
    assert isinstance(ref, FullRef)
    assert _author(ref) == author and "editor" not in ref.fields
    assert (ref.fields["title"], ref.fields["year"], ref.pinpoint) == (title, year, pin)


def test_a_surname_before_an_italic_title_and_its_pages() -> None:
    """ "Tarrant *Title* No. 238, pp. 457-60": the author, no comma before the title."""
    ref = read_note(1, "For the full text, see Tarrant *Ivo Marsh and the Reform Movements* No. 238, pp. 457-60.")\
        .citations[0].reference
    assert isinstance(ref, FullRef)
    assert _author(ref) == [("Tarrant", "")]
    assert ref.fields["title"] == "Ivo Marsh and the Reform Movements"


def test_a_title_with_and_without_its_article_is_one_work() -> None:
    notes = ["See Ada Quill, *The Final Years of Ivo Marsh* (Leeds, 1915), pp. 131-32.",
             "Ada Quill, *Final Years of Ivo Marsh* (Leeds, 1915), p. 140."]
    assert _resolved(notes)[2] == (1, 1)


def test_a_locator_alone_after_a_semicolon_is_the_pinpoint_of_the_paper_before() -> None:
    note = read_note(1, "See Report of the Select Committee on Tolls, dated December 12, 1833; paragraph 199.")
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields["title"] == "Report of the Select Committee on Tolls"
    assert ref.pinpoint == "paragraph 199"


def test_see_however_is_a_signal() -> None:
    ref = read_note(1, "See, however, Tallis in JRAS. 1904, pp. 399-405.").citations[0].reference
    assert isinstance(ref, FullRef)
    assert _author(ref) == [("Tallis", "")] and ref.fields["journal"] == "JRAS"
