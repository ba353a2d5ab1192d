"""US legal-history notes in Chicago style (issue 10, real footnotes): cases by docket or
date alone, two cases joined by "and", a case cited inside a sentence, a journal's
first page before the page cited, links between single guillemets, and lead-ins
ending in a verb.  Names, titles and numbers are made up.
"""

from __future__ import annotations

import pytest
from note_refs import refs_of as _refs

from relbib.model import ShortRef
from relbib.parse import parse_note


def test_two_cases_joined_by_and() -> None:
    first, second = _refs("Harbor Broad. Sys. v. FTC, 611 U.S. 402 (1994) and Harbor Broad. Sys. v. FTC, "
                          "620 U.S. 18 (1997).")
    assert (first.type, second.type) == ("jurisdiction", "jurisdiction")
    assert first.fields["title"] == second.fields["title"] == "Harbor Broad. Sys. v. FTC"
    assert (first.fields["howpublished"], first.fields["year"]) == ("611 U.S. 402", "1994")
    assert (second.fields["howpublished"], second.fields["year"]) == ("620 U.S. 18", "1997")


@pytest.mark.parametrize(
    ("text", "title", "number", "year", "pin"),
    [
        ("Marlow v. Coastal Shipping Indus. Assoc. of Oregon Inc., No. CV- 03-1187 (D. Or. May 4, 2003).",
         "Marlow v. Coastal Shipping Indus. Assoc. of Oregon Inc.", "CV- 03-1187", "2003", None),
        ("Pell v. Ridgeway Mills, No. 21-448, slip op. at 7 (U.S. June 2, 2022).",
         "Pell v. Ridgeway Mills", "21-448", "2022", "7"),
    ],
)
def test_case_by_docket_number(text: str, title: str, number: str, year: str, pin: str | None) -> None:
    (ref,) = _refs(text)
    assert ref.type == "jurisdiction"
    assert ref.fields["title"] == title
    assert ref.fields["number"] == number and ref.fields["year"] == year
    assert ref.pinpoint == pin


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Northern Cable and Wire Association v. Delta Network Services (decided May 3, 2006).",
         "Northern Cable and Wire Association v. Delta Network Services"),
        ("Harrow-Lyle Pictures v. Quarry, Ltd. (decided May 3, 2006).", "Harrow-Lyle Pictures v. Quarry, Ltd."),
    ],
)
def test_case_by_its_date_alone(text: str, title: str) -> None:
    (ref,) = _refs(text)
    assert ref.type == "jurisdiction"
    assert ref.fields["title"] == title and ref.fields["year"] == "2006"


@pytest.mark.parametrize(
    ("text", "title", "report"),
    [
        ("The remedy could follow the model adopted by the Third Circuit in NHL v. Quorra, 115 F.3d 612 "
         "(3d Cir. 1998), which confined such claims narrowly. That would need proof of harm.",
         "NHL v. Quorra", "115 F.3d 612"),
        ("At most, a \u201cfresh news\u201d rule on the model of Western Wire Service v. Lyle Press, 250 U.S. 31 "
         "(1919), might be needed.", "Western Wire Service v. Lyle Press", "250 U.S. 31"),
    ],
)
def test_case_cited_inside_a_sentence(text: str, title: str, report: str) -> None:
    (ref,) = _refs(text)
    assert ref.type == "jurisdiction"
    assert ref.fields["title"] == title and ref.fields["howpublished"] == report


def test_report_and_page_alone_is_a_short_form() -> None:
    ref = parse_note("412 F3d 77, 85.")
    assert isinstance(ref, ShortRef) and ref.pinpoint == "85"


@pytest.mark.parametrize(
    ("text", "pages", "pin"),
    [
        ("Ada Quill, \u201cLicences and Locks,\u201d Western Law Review 61 (1994): 1317, 1320\u20131324.",
         "1317", "1320--1324"),
        ("Ada Quill, \u201cLicences and Locks,\u201d Western Law Review 61 (1994): 2071.", None, "2071"),
    ],
)
def test_journal_first_page_then_page_cited(text: str, pages: str | None, pin: str) -> None:
    (ref,) = _refs(text)
    assert ref.fields.get("pages") == pages
    assert ref.pinpoint == pin


def test_link_between_single_guillemets_is_no_pinpoint() -> None:
    (ref,) = _refs("Ona Brill, \u201cThe Net as a Haven\u201d (1997), \u2039http://www.example.edu/brill/haven.htm\u203a.")
    assert ref.pinpoint is None
    assert ref.fields["url"] == "http://www.example.edu/brill/haven.htm"
    assert ref.fields["title"] == "The Net as a Haven"


def test_lead_ins_ending_in_a_verb() -> None:
    first, second = _refs(
        "The classic statement of the critique was Ivo Marrant, \u201cThe Radio Board,\u201d Journal of Law "
        "and Markets 3 (1961): 4. The best account of such rights remains Lena P. Osk et al., \u201cA Market "
        "for the Airwaves,\u201d Western Law Review 22 (1970): 812.")
    assert first.fields["author"][0].family == "Marrant"  # type: ignore[union-attr]
    assert first.fields["author"][0].given == "Ivo"  # type: ignore[union-attr]
    assert second.fields["title"] == "A Market for the Airwaves"
    assert second.fields["author"][0].family == "Osk"  # type: ignore[union-attr]


@pytest.mark.parametrize("page", ["A22", "p. A01"])
def test_daily_paper_section_page_is_the_page_cited(page: str) -> None:
    (ref,) = _refs(f"Ned Piper, \u201cQuay Plans Stall,\u201d Harbor Courier, April 9, 2003, {page}.")
    assert ref.fields["journal"] == "Harbor Courier"
    assert ref.pinpoint == page.removeprefix("p. ") and "pages" not in ref.fields


def test_lead_in_before_two_authors_joined_by_and() -> None:
    first, second = _refs(
        "Ivo Marrant, \u201cTides,\u201d Journal of Ports 4 (1988): 12. The harbor effect is described in Lena P. "
        "Osk and Ruth Pell, \u201cHarbor Theory,\u201d Journal of Quays 15, no. 5 (2001): 589.")
    authors = second.fields["author"]
    assert [(n.family, n.given) for n in authors] == [("Osk", "Lena P."), ("Pell", "Ruth")]  # type: ignore[union-attr]
    assert second.fields["title"] == "Harbor Theory" and first.fields["title"] == "Tides"


def test_supplement_pages_first_then_page_cited() -> None:
    (ref,) = _refs("Ivo Marrant, \u201cTides,\u201d Journal of Ports 94, supplement (1988): S95, S108.")
    assert ref.fields["pages"] == "S95" and ref.pinpoint == "S108"


def test_working_paper_parenthetical_keeps_its_year() -> None:
    (ref,) = _refs("Ned Piper, \u201cQuay Rights Over 90 Years\u201d (working paper no. 4471, Harbor Bureau of "
                   "Research, Salem, MA, 2003).")
    assert ref.fields["year"] == "2003"
    assert ref.fields["title"] == "Quay Rights Over 90 Years"


@pytest.mark.parametrize(
    ("text", "title", "number", "year"),
    [
        ("H.R. 5120, 98th Cong., 2d sess. (1984).", "H.R. 5120", "H.R. 5120", "1984"),
        ("Quay Safety Act, S. 733, 98th Cong., 1st sess. (1983).", "Quay Safety Act", "S. 733", "1983"),
        ("S. 733, 98th Congress, 1st Session.", "S. 733", "S. 733", None),
    ],
)
def test_bill_with_chicago_session(text: str, title: str, number: str, year: str | None) -> None:
    (ref,) = _refs(text)
    assert ref.type == "legislation"
    assert (ref.fields["title"], ref.fields["number"], ref.fields.get("year")) == (title, number, year)


@pytest.mark.parametrize(
    ("text", "body", "title", "number", "year", "pin"),
    [
        ("U.S. Congress, House, Committee on Wharves, Report on Pier Tolls, 61st Cong., 2d sess., 1910, "
         "H. Rep. 2207, 14.", "U.S. Congress, House, Committee on Wharves", "Report on Pier Tolls",
         "H. Rep. 2207", "1910", "14"),
        ("Senate Committee on Canals, Lock Fees Bill: Hearings on S. 418, 70th Cong., 1st sess., March 3, 1928, 52.",
         "Senate Committee on Canals", "Lock Fees Bill: Hearings on S. 418", None, "1928", "52"),
        ("House Committee on Wharves, Pier Law Revision, H.R. Rep. No. 88-1302, 88th Cong., 2d sess. (1964), 9.",
         "House Committee on Wharves", "Pier Law Revision", "H.R. Rep. No. 88-1302", "1964", "9"),
    ],
)
def test_congressional_document_in_chicago_order(text: str, body: str, title: str, number: str | None,
                                                 year: str, pin: str) -> None:
    (ref,) = _refs(text)
    assert ref.type == "report"
    assert ref.fields["author"][0].family == body and ref.fields["author"][0].literal  # type: ignore[union-attr]
    assert (ref.fields["title"], ref.fields.get("number"), ref.fields["year"], ref.pinpoint) == (title, number, year, pin)
