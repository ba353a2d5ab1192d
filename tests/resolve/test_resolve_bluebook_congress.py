"""Short forms in law-review notes: a committee report cited again
without its year is Bluebook's short form of it, and two bills that share an
act's name (a Senate bill and its House companion) are two works; a case's
short form names a party with its company suffix ("Harborline, Inc., 136 S. Ct. at
1548").  Report numbers, bills and names are made up."""

from __future__ import annotations

import pytest
from test_resolve_citations import _resolve


def test_report_without_its_year_is_the_short_form_of_the_full_citation() -> None:
    result = _resolve(
        "H.R. Rep. No. 117-88, at 12 (2021).",
        "S. Rep. No. 117-301, at 4 (2022).",
        "H.R. Rep. No. 117-88, at 40; S. Rep. No. 117-301, at 9–10.",
    )
    house, senate = [c for c in result.citations if c.note == 3]
    assert (house.source, house.pinpoint) == (1, "40")
    assert (senate.source, senate.pinpoint) == (2, "9--10")
    assert not result.diagnostics


def test_companion_bills_with_one_name_are_two_works() -> None:
    result = _resolve(
        "Dock Workers Mobility Act, S. 2782, 115th Cong. (2018); "
        "Dock Workers Mobility Act, H.R. 5631, 115th Cong. (2018).",
    )
    senate, house = result.citations
    assert (senate.source, house.source) == (1, 1)
    assert (senate.source_index, house.source_index) == (0, 1)
    assert house.rule == "full"



@pytest.mark.parametrize(
    ("first", "later", "rule", "pinpoint"),
    [
        # the report in full once more: the same report
        ("S. Rep. No. 117-301, at 4 (2022).", "S. Rep. No. 117-301, at 9 (2022).", "repeat-full", "9"),
        # a case's short form naming a party with its company suffix
        ("Harborline, Inc. v. Dock, 136 S. Ct. 1540, 1545 (2016).",
         "See Harborline, Inc., 136 S. Ct. at 1548–49.", "short-case-report", "1548--1549"),
    ],
)
def test_later_citation_finds_the_first_work(first: str, later: str, rule: str, pinpoint: str) -> None:
    result = _resolve(first, "See Ann Lee, Harbors, 70 Stan. L. Rev. 1, 3 (2018).", later)
    last = result.citations[-1]
    assert (last.source, last.rule, last.pinpoint) == (1, rule, pinpoint)
