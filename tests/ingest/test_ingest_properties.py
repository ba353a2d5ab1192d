"""Invariants of load_essay on random texts: spans in bounds, markers increasing,
nothing raised but InputError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relbib.diagnostics import InputError
from relbib.ingest.essay import load_essay

# Pieces that exercise the tricky paths: markers, years, notes headings,
# numbered lines, quotes, bullets, Markdown and HTML footnote syntax.
PIECES = st.sampled_from([
    "word", "Pakistan,", "parties.", "2018.", "17", "1", "2", "3", " ", "\n", "\n\n", "Notes\n",
    "1. Source.\n", "2. Ibid.\n", "[1]", "’", "‘", "“", "”", ")", "(", "U2", "G20", "COVID-19",
    "Mr.", "U.S.", "...", "* ", "- ", "[^1]", "[^1]: note\n", "^2^", "<sup>1</sup>", "<p>", "</p>",
    "<ol>", "<li id='fn1'>", "</li>", "&amp;", "\r\n", "The", "A.", "1,100", "2.5",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=300))


def check(text: str, path: str) -> None:
    try:
        essay, diagnostics = load_essay(text, path=path)
    except InputError:
        return
    n = len(essay.text)
    assert 0 <= essay.body_end <= n
    assert all(0 <= p.start <= p.end <= n for p in essay.paragraphs)
    assert all(0 <= s.start < s.end <= n and s.line >= 1 for s in essay.sentences)
    numbers = [m.n for m in essay.markers]
    assert numbers == sorted(set(numbers))
    assert all(0 <= m.start < m.end <= essay.body_end for m in essay.markers)
    # numbered from any number, with gaps, but unique and increasing
    note_numbers = [note.n for note in essay.notes]
    assert note_numbers == sorted(set(note_numbers)) and all(k >= 1 for k in note_numbers)
    for note in essay.notes:
        assert 0 <= note.start <= note.end <= n
        if note.claim is not None:
            assert 0 <= note.claim.start < note.claim.end <= n
    if essay.offset_map:
        assert len(essay.offset_map) == n
        assert all(0 <= o <= len(text) for o in essay.offset_map)
    assert all(d.path == path for d in diagnostics)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["e.txt", "e.md", "e.html"]))
def test_random_texts_keep_the_invariants(text: str, path: str) -> None:
    check(text, path)
