"""Where a source starts or ends inside a note of prose (for ``parse.split``).

Input: the text before and after a full stop, or a piece's lead-in and its Reference.
Output: whether a whole short form closes the text, whether a source opens the
sentence after a sentence of prose, and a Reference given the writer its lead-in names.
Never: cut a note itself (``parse.split`` does), look at other notes, or touch a file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from relbib.model import FullRef, Reference, freeze_fields
from relbib.parse.mentions import lead_author
from relbib.parse.names import split_names
from relbib.parse.shortform import read_short_note

__all__ = ["folio_closes", "short_form_closes", "source_opens", "with_lead_author"]

# "Ada Roe, *Title* (…)" / "Roe, “Title,” …": an author, then a title in italics or quotes.
_AUTHOR_THEN_TITLE = re.compile(r"[A-Z][^\s,.;:()]{0,30}(?:\s[A-Z][^\s,;:()]{0,30}){0,3},\s[*_\u201c\"]")
# A manuscript's leaf closing a sentence: "68v", "4r", "2v, 3r".
_FOLIO_CLOSES = re.compile(r"(?<![\w-])\d{1,4}[rv]$")
# A short form is short: longer text is no whole short form (and is not read as one).
_SHORT_FORM_LENGTH = 200


def folio_closes(body: str) -> bool:
    """The text ends with a manuscript's leaf, recto or verso ("Tide Book, 68v")."""
    return _FOLIO_CLOSES.search(body[-8:]) is not None


def short_form_closes(body: str) -> bool:
    """The text since the last cut is a whole short form with its pinpoint ("Roe, *Title*, 2:79")."""
    note = read_short_note(body) if len(body) <= _SHORT_FORM_LENGTH else None
    return note is not None and note.pinpoint is not None and note.short_title is not None


def source_opens(after: str) -> bool:
    """The sentence after a sentence of prose opens a source: a whole short form, or an
    author and a title ("…, the shop had moved. Ada Roe, *Almanach* (Paris, 1833), 220")."""
    return short_form_closes(after.split(". ", 1)[0]) or _AUTHOR_THEN_TITLE.match(after) is not None


def with_lead_author(signal: str, ref: Reference) -> Reference:
    """A reference without an author, given the writer its prose lead-in names
    ("Ada Roe analyzes it in “Title,” in Book": Roe wrote the chapter)."""
    if not isinstance(ref, FullRef) or "author" in ref.fields:
        return ref
    name = lead_author(signal)
    names = split_names(name) if name else ()
    if not names:
        return ref
    return replace(ref, fields=freeze_fields({**ref.fields, "author": names}))
