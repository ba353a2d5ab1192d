"""Ibid. and Id. after a note that cites several works (CMOS 14.34, Bluebook 4.1).

Both guides forbid it, so no work of that note is the rule's answer: the note
stays unresolved with a finding that names the note before it, unless the
pinpoint lies inside the page range of exactly one of its works.
"""

from __future__ import annotations

from relbib.parse.split import read_note
from relbib.resolve import ResolveResult, resolve_cited


def _resolve(*texts: str) -> ResolveResult:
    notes = [read_note(n, t) for n, t in enumerate(texts, start=1)]
    return resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in notes])


_TWO_ARTICLES = (
    "Nora Halden, “Tidal Courts,” Journal of Coastal Law 12, no. 1 (1994): 101–30; "
    "Piet Ostrava, “Salt Rights,” Journal of Coastal Law 15, no. 2 (1997): 201–25."
)


def test_bluebook_id_after_two_authorities_names_the_note_and_guesses_nothing() -> None:
    result = _resolve(
        "Mira Tolland, Harbor Rules, 88 Tul. L. Rev. 401, 410 (2014); Evan Pruitt, "
        "Dock Leases, 70 Ohio St. L.J. 77, 80 (2009).",
        "Id. at 415.",
    )
    last = result.citations[-1]
    assert (last.source, last.refers_to, last.form.value) == (None, None, "idem")
    (finding,) = result.diagnostics
    assert finding.kind == "ambiguous-reference" and finding.note == 2
    assert "note 1" in finding.message and "2 works" in finding.message


def test_chicago_ibid_after_two_works_without_a_telling_page_is_unresolved() -> None:
    result = _resolve(
        "Nora Halden, The Tidal Courts (Boston: Lantern Press, 1994), 12; "
        "Piet Ostrava, Salt Rights (Leiden: Brill, 1997), 40.",
        "Ibid., 44.",
    )
    assert result.citations[-1].source is None
    assert result.citations[-1].rule == "ibid-previous-several"
    assert [d.note for d in result.diagnostics] == [2]


def test_ibid_whose_page_only_one_of_the_works_holds_resolves_to_it() -> None:
    result = _resolve(_TWO_ARTICLES, "Ibid., 210.")
    last = result.citations[-1]
    assert (last.source, last.source_index, last.refers_to) == (1, 1, 1)
    assert last.rule == "ibid-previous-by-page" and last.pinpoint == "210"
    assert result.diagnostics == ()


def test_ibid_whose_page_both_works_could_hold_is_unresolved() -> None:
    result = _resolve(
        "Nora Halden, “Tidal Courts,” Journal of Coastal Law 12 (1994): 101–230; "
        "Piet Ostrava, “Salt Rights,” Journal of Coastal Law 15 (1997): 201–25.",
        "Ibid., 210.",
    )
    assert result.citations[-1].source is None


def test_bare_ibid_after_several_works_is_unresolved() -> None:
    result = _resolve(_TWO_ARTICLES, "Ibid.")
    assert result.citations[-1].source is None
    assert [d.kind for d in result.diagnostics] == ["ambiguous-reference"]
