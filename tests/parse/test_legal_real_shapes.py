"""Legal shapes of real notes (issue 10, real footnotes, round 2): British acts by
name, initials and regnal year, a statute named after a lead-in sentence, and two
cases joined by a comma alone.  Names, titles and numbers are made up.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef
from relbib.parse import parse_note
from relbib.parse.split import read_note


def _full(text: str) -> FullRef:
    ref = parse_note(text)
    assert isinstance(ref, FullRef), ref
    return ref


@pytest.mark.parametrize(
    ("text", "title", "year", "pin"),
    [
        ("Harbours, Docks and Piers Act 2011, ch. 3, s. 7 (2).", "Harbours, Docks and Piers Act 2011", "2011",
         "ch. 3, s. 7 (2)"),
        ("Harbours, Docks and Piers Act, ch. 3, s. 12.", "Harbours, Docks and Piers Act", None, "ch. 3, s. 12"),
        ("Local Ferries Act 1998, section 14.", "Local Ferries Act 1998", "1998", "section 14"),
        ("Coastal Wardens Act, 1971, ss. 3-4: *\u201cComplaints are made through the wardens\u201d*.",
         "Coastal Wardens Act", "1971", "ss. 3-4"),
        ("PDA s. 4(2).", "PDA", None, "s. 4(2)"),
        ("HWR, Art. 31, r. 31.2.", "HWR", None, "Art. 31, r. 31.2"),
    ],
)
def test_british_acts(text: str, title: str, year: str | None, pin: str) -> None:
    ref = _full(text)
    assert ref.type == "legislation"
    assert ref.fields["title"] == title
    assert ref.fields.get("year") == year
    assert ref.pinpoint == pin


@pytest.mark.parametrize(
    ("text", "title", "pin"),
    [
        ("7 Geo. II, c. 31.", "7 Geo. II, c. 31", None),
        ("12 and 13 W. III, c. 4, \u00a7 9.", "12 and 13 W. III, c. 4", "\u00a7 9"),
        ("See the preamble to 31 Geo. II, c. 22.", "31 Geo. II, c. 22", None),
        ("Perhaps the act meant is 3 Vict. c. 15, but it concerns only the ports.", "3 Vict. c. 15", None),
    ],
)
def test_regnal_statutes(text: str, title: str, pin: str | None) -> None:
    note = read_note(1, text)
    assert note.kind == "citation"
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef) and ref.type == "legislation"
    assert ref.fields["title"] == title
    assert ref.pinpoint == pin


def test_statute_named_after_a_lead_in_sentence() -> None:
    ref = _full("The quoted language is from 16 U.S.C. \u00a7 1531(c).")
    assert ref.type == "legislation"
    assert ref.fields["title"] == "16 U.S.C. \u00a7 1531(c)"


def test_two_cases_joined_by_a_comma() -> None:
    note = read_note(4, "Harbor Watch, Inc. v. Lyle, 412 F. Supp. 77, 81 (D. Or. 1979), Coastline League v. "
                        "Harbor Watch, Inc., 455 U.S. 210 (1982).")
    refs = [c.reference for c in note.citations]
    assert len(refs) == 2
    assert all(isinstance(r, FullRef) and r.type == "jurisdiction" for r in refs)
    first, second = refs
    assert first.fields["title"] == "Harbor Watch, Inc. v. Lyle"  # type: ignore[union-attr]
    assert first.fields["howpublished"] == "412 F. Supp. 77" and first.pinpoint == "81"  # type: ignore[union-attr]
    assert second.fields["title"] == "Coastline League v. Harbor Watch, Inc."  # type: ignore[union-attr]
    assert second.fields["year"] == "1982"  # type: ignore[union-attr]


def test_regnal_acts_in_a_row_are_cited_apart() -> None:
    note = read_note(7, "4 Geo. III, c. 12, for three years; continued by 8 Geo. III, c. 5, and 15 Geo. III, c. 40.")
    titles = [c.reference.fields.get("title") for c in note.citations if isinstance(c.reference, FullRef)]
    assert titles == ["4 Geo. III, c. 12", "8 Geo. III, c. 5", "15 Geo. III, c. 40"]


def test_decisions_that_leave_out_the_court_named_before() -> None:
    note = read_note(8, "Cass. civ. 1re, 3 mars 2015, n\u00b0 13-11.204, Bull. civ. I, n\u00b0 40 ; 3 mars 2015, "
                        "n\u00b0 13-12.880, Bull. civ. I, n\u00b0 41 et 3 mars 2015, n\u00b0 14-10.002, Bull. civ. I, n\u00b0 42.")
    refs = [c.reference for c in note.citations]
    assert len(refs) == 3
    assert all(isinstance(r, FullRef) and r.type == "jurisdiction" for r in refs)
    assert [r.fields.get("number") for r in refs] == ["13-11.204", "13-12.880", "14-10.002"]  # type: ignore[union-attr]
    assert {r.fields.get("institution") for r in refs} == {"Cass. civ. 1re"}  # type: ignore[union-attr]
    assert refs[1].fields["howpublished"] == "Bull. civ. I, n\u00b0 41"  # type: ignore[union-attr]
    assert note.citations[1].text.startswith("3 mars 2015")  # the note's own words, the court not in them
