"""Subsequent references of German history notes: an interview cited again by its
title and year, a short form by two authors joined by "/".

Shapes of the endnotes of real German history studies; every name, title and date
here is made up.  Each case failed before the rules it names.
"""

from __future__ import annotations

from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _resolve(*texts: str) -> list[tuple[int, int, int | None, int | None]]:
    notes = [read_note(n, text) for n, text in enumerate(texts, 1)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in notes])
    return [(c.note, c.index, c.refers_to, c.refers_index) for c in result.citations]


def test_an_interview_cited_again_by_its_year_is_the_interview_of_that_day() -> None:
    # sources.same_work: an anonymous item's year alone matches a full date in that year
    assert _resolve(
        "Vgl. Roth, Mühlenbuch, S. 4; Interview mit Erna Kolb am 10.11.1981, Interviewerin Ute Sand, Kassel.",
        "Vgl. z.B. Interview mit Erna Kolb, 1981.",
    )[-1] == (2, 0, 1, 1)

    # ... and one of another year is another interview
    assert _resolve(
        "Interview mit Erna Kolb am 10.11.1981, Interviewerin Ute Sand, Kassel.",
        "Interview mit Erna Kolb, 1994.",
    )[-1][2] is None


def test_a_short_form_by_editors_marked_hrsg_resolves() -> None:
    # shortform: the editors' mark after the names of a short form is no part of them
    assert _resolve(
        "Vgl. Mühlenmuseum / Freundeskreis (Hrsg.), Tag der Mühle, Kassel 2001, S. 3.",
        "Zit. nach: Mühlenmuseum / Freundeskreis (Hrsg.), Tag der Mühle.",
    )[-1] == (2, 0, 1, 0)
