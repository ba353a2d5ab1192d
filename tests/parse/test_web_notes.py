"""Footnote shapes of web-era humanities writing (tutorials, DH essays, blogs).

Names, titles, publishers and numbers are made up, in the shapes of real notes
in digital-history essays and blog-to-book posts (issue 10, "real footnotes").
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, Name
from relbib.parse import parse_note
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _full(text: str) -> FullRef:
    ref = parse_note(text)
    assert isinstance(ref, FullRef), ref
    return ref


def _authors(ref: FullRef) -> list[tuple[str, str]]:
    names = ref.fields.get("author") or ()
    assert isinstance(names, tuple)
    return [(n.family, n.given) for n in names if isinstance(n, Name)]


# --- a bracket of facts with a publisher and no place ------------------------------


@pytest.mark.parametrize(
    ("text", "authors", "title", "publisher", "year", "pin"),
    [
        (
            "Mara Quill, Tomas Berg, and Lena Ort, Reading Machines at Scale (Harbor Lane Press, 2019), 45.",
            [("Quill", "Mara"), ("Berg", "Tomas"), ("Ort", "Lena")],
            "Reading Machines at Scale", "Harbor Lane Press", "2019", "45",
        ),
        (
            "Oskar Venn and Ruth Amsel, Cleaning Messy Archives (Pellucid Media, 2017), ch. 4.",
            [("Venn", "Oskar"), ("Amsel", "Ruth")],
            "Cleaning Messy Archives", "Pellucid Media", "2017", "ch. 4",
        ),
    ],
)
def test_publisher_without_place(text: str, authors: list[tuple[str, str]], title: str,
                                 publisher: str, year: str, pin: str) -> None:
    ref = _full(text)
    assert ref.type == "book"
    assert _authors(ref) == authors
    assert ref.fields["title"] == title
    assert ref.fields["publisher"] == publisher
    assert "address" not in ref.fields
    assert ref.fields["year"] == year
    assert ref.pinpoint == pin


def test_place_and_year_bracket_is_no_publisher() -> None:
    """ "(Lisbon, 1998)": a place and a year, no publisher word: not read as a publisher."""
    ref = parse_note("Ana Sousa, Harbour Towns and Their Ledgers (Lisbon, 1998), 12.")
    assert not (isinstance(ref, FullRef) and ref.fields.get("publisher") == "Lisbon")


# --- a work named by its writer in the possessive -------------------------------------


@pytest.mark.parametrize(
    ("text", "family", "given", "title", "kind"),
    [
        ("Ines Varga's blog post on \u201cLedgers in the Cloud.\u201d", "Varga", "Ines", "Ledgers in the Cloud", "online"),
        ("Pavel Hurt\u2019s essay, \u201cWhat Counting Hides.\u201d", "Hurt", "Pavel", "What Counting Hides", "misc"),
    ],
)
def test_possessive_writer_and_genre(text: str, family: str, given: str, title: str, kind: str) -> None:
    ref = _full(text)
    assert _authors(ref) == [(family, given)]
    assert ref.fields["title"] == title
    assert ref.type == kind


def test_possessive_post_after_a_signal() -> None:
    note = read_note(4, "See also Ines Varga's post on \u201cLedgers in the Cloud.\u201d")
    assert note.kind == "citation" and len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert _authors(ref) == [("Varga", "Ines")]
    assert ref.fields["title"] == "Ledgers in the Cloud"


# --- a periodical dated in a parenthesis --------------------------------------------------


def test_magazine_dated_in_parenthesis() -> None:
    """A periodical whose name opens with a place: no publisher's place in the parenthesis."""
    ref = _full("Ada Kern, \u201cFences and Fields,\u201d Montana Valley Farmer (May 1981): 22.")
    assert ref.type == "article"
    assert _authors(ref) == [("Kern", "Ada")]
    assert ref.fields["title"] == "Fences and Fields"
    assert ref.fields["journal"] == "Montana Valley Farmer"
    assert ref.fields["year"] == "1981"
    assert ref.pinpoint == "22"


def test_magazine_short_form_resolves_to_it() -> None:
    notes = [
        read_note(1, "Ada Kern, \u201cFences and Fields,\u201d Montana Valley Farmer (May 1981): 22."),
        read_note(2, "Kern, \u201cFences and Fields,\u201d 24."),
    ]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in notes])
    full = notes[0].citations[0].reference
    assert isinstance(full, FullRef) and full.fields["journal"] == "Montana Valley Farmer"
    second = [c for c in result.citations if c.note == 2]
    assert len(second) == 1
    assert (second[0].refers_to, second[0].refers_index) == (1, 0)
    assert second[0].pinpoint == "24"


# --- web pages, programs, videos and films --------------------------------------------


def test_url_closing_a_note_gives_no_pinpoint() -> None:
    """ "…/abs/1907.04512.": the digits after the URL's dot are no page cited."""
    ref = _full("Jane Doe, \u201cText Reuse at Scale,\u201d arXiv, 2019, https://arxiv.org/abs/1907.04512.")
    assert ref.pinpoint is None
    assert ref.fields["url"] == "https://arxiv.org/abs/1907.04512"
    assert ref.fields["year"] == "2019"
    assert "volume" not in ref.fields


def test_last_modified_is_the_page_date() -> None:
    ref = _full("\u201cVellum 3.1 documentation,\u201d Vellum, last modified October 11, 2020, "
                "https://docs.vellum.example.org/en/latest/.")
    assert ref.fields["title"] == "Vellum 3.1 documentation"
    container = ref.fields.get("journal") or ref.fields.get("howpublished")
    assert container == "Vellum"
    assert ref.fields["year"] == "2020"


def test_organisation_with_and_is_one_author() -> None:
    ref = _full("National Office of Maps and Surveys, \u201cParish Boundaries,\u201d last updated August 15, 2016, "
                "https://maps.example.gov/parish.")
    assert ref.fields["author"] == (Name(family="National Office of Maps and Surveys", literal=True),)
    assert ref.fields["title"] == "Parish Boundaries"
    assert ref.fields["year"] == "2016"


def test_program_version_after_quoted_title() -> None:
    ref = _full("\u201cLoom,\u201d Loom Consortium, version 0.9.2, 2017, https://loom.example.org.")
    assert ref.type == "software"
    assert ref.fields["version"] == "0.9.2"
    assert ref.fields["year"] == "2017"
    assert "volume" not in ref.fields


def test_video_site_running_time_and_poster() -> None:
    ref = _full("\u201cHow to Read a Ledger,\u201d YouTube video, 12:30, posted by ArchiveTeach, April 3, 2016, "
                "https://www.youtube.com/watch?v=xyz123.")
    assert ref.type == "online"
    assert ref.fields["title"] == "How to Read a Ledger"
    assert ref.fields["howpublished"] == "YouTube"
    assert ref.fields["year"] == "2016"
    assert "journal" not in ref.fields


def test_site_named_alone_has_no_date_of_its_own() -> None:
    ref = _full("Harbor Texts Online, accessed July 1, 2020, https://harbortexts.example.org/.")
    assert ref.fields["title"] == "Harbor Texts Online"
    assert ref.fields["urldate"] == "2020-07-01"
    assert "year" not in ref.fields and "author" not in ref.fields


def test_repository_on_a_code_host() -> None:
    ref = _full("Tom Vale, inkscan, GitHub repository, 2019, https://github.com/tvale/inkscan.")
    assert ref.type == "software"
    assert _authors(ref) == [("Vale", "Tom")]
    assert ref.fields["title"] == "inkscan"
    assert ref.fields["year"] == "2019"


def test_film_by_its_director() -> None:
    ref = _full("Mark Stone, dir., Salt and Iron (2010).")
    assert _authors(ref) == [("Stone", "Mark")]
    assert ref.fields["title"] == "Salt and Iron"
    assert ref.fields["year"] == "2010"


def test_blog_mark_is_no_part_of_the_blog_name() -> None:
    ref = _full("Rita Moss, \u201cHandling Dates in R,\u201d Data Notes (blog), March 12, 2017, "
                "https://datanotes.example.com/dates.")
    container = ref.fields.get("journal") or ref.fields.get("howpublished")
    assert container == "Data Notes"
    assert ref.fields["year"] == "2017"


def test_signal_before_the_organisation() -> None:
    note = read_note(3, "See the National Library of Vestland, \u201cOld Maps,\u201d https://maps.example.no/old.")
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    authors = ref.fields.get("author")
    assert isinstance(authors, tuple) and authors[0].family == "National Library of Vestland"
    assert ref.fields["title"] == "Old Maps"


def test_data_host_in_the_bracket_is_the_publisher() -> None:
    ref = _full("Ben Hart, Shipping Records 1850\u20131900 (Zenodo, 2020), https://doi.org/10.5281/zenodo.12345.")
    assert ref.fields["publisher"] == "Zenodo"
    assert "address" not in ref.fields
    assert ref.fields["year"] == "2020"


def test_signal_with_a_colon() -> None:
    """ "See: Roe, “Title.”": the colon closes the signal, no part of the author."""
    note = read_note(5, "Ivo Sand has studied this in depth. See: Sand, \u201cReading Ledgers at Scale.\u201d")
    cited = [s for s in note.citations if isinstance(s.reference, FullRef)]
    assert len(cited) == 1
    assert _authors(cited[0].reference) == [("Sand", "")]  # type: ignore[arg-type]
    assert cited[0].reference.fields["title"] == "Reading Ledgers at Scale"  # type: ignore[union-attr]


# --- issue 10, real footnotes (round 2) -----------------------------------------------


def test_only_people_are_authors_before_a_part_title() -> None:
    """ "Mara K. Vell, Crown and Country, *Title* (Press, 1984)": "Crown and Country" is a title, no two authors."""
    ref = _full("Mara K. Vell, Crown and Country, *The Northern Leagues, 1650\u20131720* "
                "(Ohio Valley University Press, 1984).")
    assert _authors(ref) == [("Vell", "Mara K.")]
    assert ref.fields["title"] == "Crown and Country, The Northern Leagues, 1650\u20131720"
    assert ref.fields["publisher"] == "Ohio Valley University Press"


@pytest.mark.parametrize("who", ["Ines Dow", "Ines Dow (@inesdow)"])
def test_a_posts_time_of_day_is_no_page(who: str) -> None:
    ref = _full(f"{who}, \u201cThe reading room opens at nine,\u201d Twitter, May 4, 2021, 9:40 a.m., "
                "https://twitter.com/inesdow/status/1234.")
    assert _authors(ref) == [("Dow", "Ines")]
    assert ref.fields["title"] == "The reading room opens at nine"
    assert "pages" not in ref.fields and "volume" not in ref.fields
    assert ref.fields["year"] == "2021"
    assert "a.m" not in str(ref.fields.get("howpublished", "")) + str(ref.fields.get("organization", ""))


def test_a_title_opening_with_a_year() -> None:
    ref = _full("Vestland Statistics Office, 2015 Harbour Survey Table 4, https://stats.example.no/t4.")
    assert ref.fields["title"] == "2015 Harbour Survey Table 4"
    assert "year" not in ref.fields


def test_link_text_kept_as_title_loses_its_article() -> None:
    note = read_note(2, "See the Coastal Charts Portal, https://charts.example.org.")
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields["title"] == "Coastal Charts Portal"


def test_a_video_by_genre_alone_with_its_date_of_publication() -> None:
    """CMOS 14.267: "“Title,” video, 1:27, published 2 June 2014 by Map Lab, URL": no page, the date the video's."""
    ref = _full("Ciro Vand, \u201cHow the Valley Was Drawn,\u201d video, 1:27, published 2 June 2014 by Map Lab, "
                "https://youtu.be/abc123.")
    assert ref.type == "online"
    assert ref.fields["title"] == "How the Valley Was Drawn"
    assert ref.fields["year"] == "2014"
    assert "pages" not in ref.fields and "volume" not in ref.fields


# --- a speech or paper on a documents site: its date before the site (CMOS 14.233) ---------


@pytest.mark.parametrize("tail", [
    "https://papers.example.org/doc/4411.",
    "eds. Kern and Lund, https://papers.example.org/doc/4411.",
])
def test_dated_document_then_its_site_names_the_site_as_container(tail: str) -> None:
    ref = _full(f"Ada Morrow, “Address to the Harbour Board on Tolls,” March 3, 1911, The Harbour Papers Project, {tail}")
    assert _authors(ref) == [("Morrow", "Ada")]
    assert ref.fields["title"] == "Address to the Harbour Board on Tolls"
    container = ref.fields.get("howpublished") or ref.fields.get("journal")
    assert container == "The Harbour Papers Project"
    assert ref.fields["year"] == "1911"


def test_a_site_named_by_its_domain_before_the_pages_title_is_the_body_whose_page_it_is() -> None:
    # "domain.tld, Title, URL": the domain leads as a body's name does ("Ministry of X, Title, URL")
    ref = read_note(1, "harbourhistory.net, Die Schleusen von Kassel, https://www.harbourhistory.net/themen/schleusen "
                       "(letzter Zugriff: 11.03.22).").citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields["author"] == (Name(family="harbourhistory.net", literal=True),)
    assert ref.fields["title"] == "Die Schleusen von Kassel"
