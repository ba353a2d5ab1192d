"""Stage 3: one note or reference string → a Reference.

Input: the text of one note (or one item of a reference list).
Output: a FullRef, a subsequent-reference form (IbidRef, IdRef, OpCitRef,
SupraRef, ShortRef) or an UnparsedRef with its reason.
Never: look at other notes (that is resolve.py's work) or touch a file.

The readers run from the most specific to the most general, and each returns
None when the note is not its shape: subsequent forms (Ibid., Id., op. cit.,
supra), legal citations (Bluebook: articles, cases, statutes, treaties, UN
documents), short notes ("Snyder, Bloodlands, 201."), humanities shapes
(archival items, reference entries, books and chapters with a bracket of
facts, MLA notes: humanities.py), and last the full reference parser (rules and CRF), which reads everything else.
"""

from __future__ import annotations

from relbib.model import FullRef, Reference
from relbib.parse.forms import classify_note
from relbib.parse.humanities import read_humanities_note
from relbib.parse.legal import parse_legal
from relbib.parse.reference import parse_reference
from relbib.parse.shortform import parse_short_note

__all__ = ["parse_note", "parse_reference", "classify_note"]


def parse_note(text: str) -> Reference:
    """The Reference one note's text describes."""
    for read in (classify_note, parse_legal, parse_short_note):
        ref = read(text)
        if ref is not None:
            return ref
    archival = read_humanities_note(text, archival_only=True)
    if archival is not None:
        return archival
    ref = parse_reference(text, note=True)
    if isinstance(ref, FullRef) and ref.confidence and min(ref.confidence.values()) >= 1.0:
        return ref  # the rule readers of reference.py read the whole note
    return read_humanities_note(text) or ref
