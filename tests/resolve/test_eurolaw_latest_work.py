"""Italian subsequent forms that name the author's work cited last (issue 10).

"Rossi, ult. op. cit." (ultima opera citata) and "A. Rossi, Ibidem, 40" (the
Italian style sheets' Ibidem after the author) both point to the work of that
author cited most recently, even when the author has several works earlier in
the notes or another source was cited in between.  A plain "Rossi, op. cit."
with two works by Rossi stays unresolved.  Names and works are made up.
"""

from __future__ import annotations

from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _resolved(notes: tuple[str, ...]) -> dict[int, tuple[int | None, int | None, str | None]]:
    read = [read_note(n, text) for n, text in enumerate(notes, start=1)]
    result = resolve_cited([(note.n, tuple(c.reference for c in note.citations)) for note in read])
    last = {c.note: c for c in result.citations}
    return {n: (c.source, c.source_index, c.pinpoint) for n, c in last.items()}


NOTES = (
    "A. Ferri, Il diritto comparato, Torino, Giappichelli, 2019, p. 10.",
    "A. Ferri, La giustizia amministrativa in Europa, Bologna, Il Mulino, 2021, p. 3.",
    "§ 80 VwGO.",
    "Ferri, ult. op. cit., p. 9.",
    "Cfr. A. Ferri, Ibidem, 14.",
    "Ferri, op. cit., p. 2.",
    "In A. Ferri, Il diritto comparato, cit., p. 45, si legge che la regola non vale per gli enti locali.",
)


def test_ult_op_cit_is_the_authors_last_work() -> None:
    got = _resolved(NOTES)
    assert got[4] == (2, 0, "9")
    assert got[6][0] is None  # a plain "Ferri, op. cit." with two works by Ferri stays open


def test_ibidem_after_the_author_skips_the_provision_between() -> None:
    assert _resolved(NOTES)[5] == (2, 0, "14")


def test_in_before_a_short_title_cit_then_prose() -> None:
    assert _resolved(NOTES)[7] == (1, 0, "45")
