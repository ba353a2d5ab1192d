"""The full references relbib reads from one note, for the parse tests that
check them field by field (tests/parse/test_*_notes.py)."""

from __future__ import annotations

from relbib.model import FullRef
from relbib.parse.split import read_note


def refs_of(text: str) -> list[FullRef]:
    """Every citation of the note ``text``, each a full reference."""
    note = read_note(1, text)
    refs = [c.reference for c in note.citations]
    assert all(isinstance(r, FullRef) for r in refs), refs
    return refs  # type: ignore[return-value]


def one_ref(text: str) -> FullRef:
    """The one full reference of the note ``text``."""
    refs = refs_of(text)
    assert len(refs) == 1, [r.text for r in refs]
    return refs[0]


def people(ref: FullRef, key: str = "author") -> list[str]:
    """The names of ``key`` as "Family, Given" (an organisation: its name)."""
    return [f"{n.family}, {n.given}" if n.given else n.family for n in ref.fields.get(key) or ()]  # type: ignore[union-attr]
