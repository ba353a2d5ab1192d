"""Acts, decisions and web papers cited again with "cit." in Italian notes (issue 10).

"L. 12 marzo 2001, n. 88, cit., art. 12" names the act by its full designation; "Trib.
Pavia, n. 212/2021, cit." names a decision by its court, number and year, cut short of
the section, kind and date its first note printed; "Fabrikam, *Widget Guide*, cit.,
sezione 3" names a body's paper.  Each resolves to the one earlier citation it names, in
whatever place of its note it stood; a number that no earlier decision holds resolves to
nothing.  Names, numbers and titles are made up.
"""

from __future__ import annotations

from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _resolved(notes: tuple[str, ...]) -> dict[tuple[int, int], tuple[int | None, int | None]]:
    read = [read_note(n, text) for n, text in enumerate(notes, start=1)]
    result = resolve_cited([(note.n, tuple(c.reference for c in note.citations)) for note in read])
    seen: dict[int, int] = {}
    out: dict[tuple[int, int], tuple[int | None, int | None]] = {}
    for c in result.citations:
        i = seen[c.note] = seen.get(c.note, -1) + 1
        out[c.note, i] = (c.source, c.source_index)
    return out


NOTES = (
    "L. 12 marzo 2001, n. 88, *Norme sulla pesca*, art. 4, comma 2, normattiva.it.",
    "Trib. Lodi, sentenza 5 giugno 2021, n. 90; Trib. Pavia, sez. II civile, sentenza 4 maggio 2021, n. 212.",
    "Fabrikam, *Widget Guide*, 2025, fabrikam.com; Contoso Cloud, *Prompt Craft: Good Habits*, 2025, contoso.com.",
    "L. 12 marzo 2001, n. 88, cit., art. 12, che subordina la concessione ai criteri.",
    "Trib. Pavia, n. 212/2021, cit., che ha condannato la parte alle spese.",
    'Fabrikam, *Widget Guide*, cit., sezione "Start here"; Contoso Cloud, *Prompt Craft: Good Habits*, cit.',
    "Trib. Pavia, n. 999/2021, cit.",
)


def test_an_act_cited_again_by_its_designation() -> None:
    assert _resolved(NOTES)[4, 0] == (1, 0)


def test_a_decision_cited_again_by_court_number_and_year() -> None:
    assert _resolved(NOTES)[5, 0] == (2, 1)


def test_papers_cited_again_by_body_and_title() -> None:
    got = _resolved(NOTES)
    assert (got[6, 0], got[6, 1]) == ((3, 0), (3, 1))


def test_a_number_no_earlier_decision_holds_names_nothing() -> None:
    assert _resolved(NOTES)[7, 0][0] is None
