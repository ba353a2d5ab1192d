"""Mangled notes and notes sections: splitting, parsing and resolving never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from relbib.parse.split import read_note
from relbib.pipeline import parse_list
from relbib.resolve import resolve_cited

_PIECES = st.sampled_from([
    "See ", "Id. at 4", "Ibid.", "supra note 3", "; ", ". ", "(", ")", "“", "”", "‘", "’", '"',
    "Smith, Empire", " (London, 1980), 12", "quoted in ", "Compare ", ", with ", "v. ", "§ 1983",
    "123 HARV. L. REV. 1, 5 (1990)", "[2004] UKHL 22, [15]", "here pp. 7–8", "*", "_", "\n", "1. ",
    "repr., ", "infra notes 4–5", "(holding that x)", "Jones (n 3) 9", "2 ", "0", "–",
])
_NOTE = st.one_of(st.lists(_PIECES, max_size=14).map("".join), st.text(max_size=120))


@settings(max_examples=150, deadline=None)
@given(st.lists(_NOTE, max_size=8))
def test_notes_never_raise(texts: list[str]) -> None:
    notes = [read_note(n, t) for n, t in enumerate(texts, start=1)]
    for note in notes:
        for c in note.citations:
            assert 0 <= c.start <= c.end
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in notes])
    assert len(result.citations) == sum(len(c.citations) for c in notes)


@settings(max_examples=60, deadline=None)
@given(st.lists(_NOTE, max_size=8))
def test_notes_sections_never_raise(texts: list[str]) -> None:
    section = "\n".join(f"{n}. {t}" for n, t in enumerate(texts, start=1))
    result = parse_list(section)
    assert all(note.citations or note.cited is None or note.cited.kind == "comment"
               for note in result.notes)
