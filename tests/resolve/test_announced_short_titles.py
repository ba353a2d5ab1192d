"""A full note announces the short title later notes cite its work by ("(hereafter
*Weavers’ Letters*)", "usually cited as “…”"); a later note by that title alone
resolves to it, even when another earlier title opens with the same words.
Names, titles and numbers are made up, in the shapes of real notes.
"""

from __future__ import annotations

from relbib.model import FullRef
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _links(notes: list[str]) -> list[tuple[int, int, int | None, int | None]]:
    cited = [read_note(i + 1, t) for i, t in enumerate(notes)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    return [(c.note, c.index, c.refers_to, c.source) for c in result.citations]


def test_hereafter_in_brackets_names_the_work() -> None:
    full = "Ann Roe, *Letters of the Weavers of Leeds* (Leeds, 1845) (hereafter *Weavers’ Letters*), 12."
    ref = read_note(1, full).citations[0].reference
    assert isinstance(ref, FullRef) and ref.fields.get("shorttitle") == "Weavers’ Letters"
    assert _links([full, "*Weavers’ Letters*, 40."]) == [(1, 0, None, 1), (2, 0, 1, 1)]


def test_usually_cited_as_in_a_sentence_of_its_own() -> None:
    notes = [
        "*Report of the Commission of Inquiry into the Labour of Children in Mills and Mines*. First Report, 1841. "
        "Second Report usually cited as “Children’s Labour Report.”",
        "*Children’s Labour Report: Evidence from the Mills* (London, 1844).",  # opens with the same words
        "*Children’s Labour Report*, p. 19.",
    ]
    first = read_note(1, notes[0])
    assert len(first.citations) == 1  # the announcing sentence cites nothing of its own
    assert _links(notes) == [(1, 0, None, 1), (2, 0, None, 2), (3, 0, 1, 1)]
