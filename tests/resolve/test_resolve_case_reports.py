"""Cases the text names and the note cites by report alone ("491 U.S. 324 (1989)."):
their short forms, a later full citation and a bare "138 S. Ct. at 2098" find them
by the report.  Case names and reports are made up."""

from __future__ import annotations

from test_resolve_citations import _resolve


def test_short_form_finds_a_case_cited_by_report_alone() -> None:
    result = _resolve(
        "512 U.S. 410 (1994).",
        "Id. at 415.",
        "Ardmore Dairy Co. v. Lyle, 601 F.3d 77, 80 (3d Cir. 2010).",
        "Harlan, 512 U.S. at 422–23; Ardmore, 601 F.3d at 81.",
    )
    harlan, ardmore = [c for c in result.citations if c.note == 4]
    assert (harlan.source, harlan.pinpoint, harlan.rule) == (1, "422--423", "short-case-report")
    assert (ardmore.source, ardmore.pinpoint) == (3, "81")
    assert not result.diagnostics


def test_later_full_citation_of_the_same_report_is_the_same_case() -> None:
    result = _resolve(
        "512 U.S. 410 (1994).",
        "Harlan v. Ostend Cnty., 512 U.S. 410, 418 (1994).",
    )
    second = result.citations[-1]
    assert (second.source, second.rule) == (1, "repeat-full")


def test_bare_report_short_form_without_a_name() -> None:
    result = _resolve(
        "Penrose v. Idle Hour Stables, Inc., 141 S. Ct. 1900, 1904 (2021).",
        "See generally Nell Ames, Horses, 70 Stan. L. Rev. 1, 3 (2018).",
        "141 S. Ct. at 1911.",
    )
    last = result.citations[-1]
    assert (last.source, last.pinpoint, last.rule) == (1, "1911", "short-case-report")


def test_two_cases_in_one_volume_leave_a_nameless_short_form_ambiguous() -> None:
    result = _resolve(
        "Penrose v. Idle Hour Stables, Inc., 141 S. Ct. 1900, 1904 (2021); "
        "Quill v. Marsh, 141 S. Ct. 2200, 2203 (2021).",
        "141 S. Ct. at 2210.",
    )
    assert result.citations[-1].source is None
    assert [d.kind for d in result.diagnostics] == ["ambiguous-reference"]


def test_report_and_page_without_at_find_the_case_whatever_its_dots() -> None:
    # Chicago notes in law-and-society books: "412 F3d 77, 85." after "… 412 F.3d 77 (6th Cir. 2005)."
    result = _resolve(
        "Quarry Records, Inc. v. Lantern Films, 412 F.3d 77 (6th Cir. 2005).",
        "Ada Quill, Owning Sound (Boston: Harbor Press, 2001), 12.",
        "412 F3d 77, 85.",
    )
    last = result.citations[-1]
    assert (last.refers_to, last.source, last.pinpoint, last.rule) == (1, 1, "85", "short-case-report")
