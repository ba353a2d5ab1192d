"""Subsequent references of history notes that point back by note number ("as n. 4",
"n. 4 above") or cite a part of the book ("epilogue"), and the archive an Italian
note names by its abbreviation: the citation each resolves to (names made up)."""

from __future__ import annotations

from relbib.model import Citation
from relbib.parse import parse_note
from relbib.resolve import resolve


def _resolved(*notes: str) -> dict[int, Citation]:
    return {c.note: c for c in resolve([(n, parse_note(t)) for n, t in enumerate(notes, start=1)]).citations}


_BOOK = "R. J. Ebert, The Rise of the Leagues (London, 2003), p. 12."
_ARTICLE = "K. Maurer, ‘Bauern und Staat’, Zeitschrift für Agrargeschichte, 12 (1986), 45–67."


def test_as_n_points_to_the_work_of_that_note_not_the_last_one() -> None:
    got = _resolved(_BOOK, _ARTICLE, "Ebert, Rise (as n. 1), p. 20.")
    assert (got[3].refers_to, got[3].source, got[3].pinpoint) == (1, 1, "20")


def test_n_above_points_to_the_work_of_that_note() -> None:
    got = _resolved(_BOOK, _ARTICLE, "Maurer, n. 2 above, 52.")
    assert (got[3].refers_to, got[3].source, got[3].pinpoint) == (2, 2, "52")


def test_a_short_form_citing_the_epilogue_is_the_book_again() -> None:
    got = _resolved("Jonas Weller, The Old Empire (Oxford: Clarendon, 2015), 12.", _ARTICLE,
                    "Weller, The Old Empire, Epilogue.")
    assert (got[3].source, got[3].pinpoint) == (1, "Epilogue")


def test_the_archive_abbreviated_and_named_in_full_is_one_item() -> None:
    got = _resolved("Archivio Centrale dello Stato, Rome, Ministero della Guerra, b. 12, fasc. 3.",
                    "ACS, Ministero della Guerra, b. 12, fasc. 3.")
    assert got[2].source == 1
