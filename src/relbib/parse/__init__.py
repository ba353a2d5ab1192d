"""Stage 3: one note or reference string → a Reference.

Input: the text of one note (or one item of a reference list).
Output: a FullRef, a subsequent-reference form (IbidRef, IdRef, OpCitRef,
SupraRef) or an UnparsedRef with its reason.
Never: look at other notes (that is resolve.py's work) or touch a file.
"""

from __future__ import annotations

from relbib.model import Reference
from relbib.parse.forms import classify_note
from relbib.parse.reference import parse_reference

__all__ = ["parse_note", "parse_reference", "classify_note"]


def parse_note(text: str) -> Reference:
    """The Reference one note's text describes."""
    subsequent = classify_note(text)
    if subsequent is not None:
        return subsequent
    return parse_reference(text, note=True)
