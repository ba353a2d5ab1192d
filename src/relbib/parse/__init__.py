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

from relbib.model import Reference
from relbib.parse.forms import classify_note
from relbib.parse.humanities import read_humanities_note
from relbib.parse.legal import parse_legal
from relbib.parse.reference import parse_reference
from relbib.parse.shortform import parse_short_note

__all__ = ["parse_note", "parse_reference", "classify_note"]


def parse_note(text: str) -> Reference:
    """The Reference one note's text describes."""
    for read in (classify_note, parse_legal, parse_short_note, read_humanities_note):
        ref = read(text)
        if ref is not None:
            return ref
    return parse_reference(text, note=True)
