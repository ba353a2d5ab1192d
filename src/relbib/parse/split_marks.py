"""Which characters of a note stand inside a bracket, a quotation or italics.

Input: the text of one note.
Output: one boolean per character, for :mod:`relbib.parse.split`, which cuts a
note only at the semicolons standing outside all of them.
Never: cut or read the note (split.py does), or touch a file.
"""

from __future__ import annotations

import re

__all__ = ["enclosed"]

# How far after an opening quotation mark its closing one is looked for: longer
# than any quoted title or passage, and it keeps hostile text linear.
_SPAN = 2000
# "*Id.; see also*": italic signals across two citations, not a title's semicolon.
_SIGNAL_AFTER_SEMICOLON = re.compile(r"(?i);\s*(?:see\b|cf\.|but\s|accord\b|compare\b|contra\b|e\.\s?g\.)")


def enclosed(text: str) -> list[bool]:
    """For each character, whether it stands inside a bracket that closes, or a
    quotation or Markdown italics that close inside the same bracket.  A mark
    left open (a typo, a lost character) encloses nothing: it must not swallow
    the citations after it."""
    change = [0] * (len(text) + 1)
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in "([":
            stack.append(i)
        elif ch in ")]" and stack:
            change[stack.pop() + 1] += 1
            change[i] -= 1
    depth, level = [], 0
    for step in change:
        level += step
        depth.append(level)
    inside = [d > 0 for d in depth[: len(text)]]
    for opener, closer in (("\u201c", "\u201d"), ('"', '"'), ("*", "*")):
        start = 0
        while (opened := text.find(opener, start)) != -1:
            closed = text.find(closer, opened + 1, opened + _SPAN)  # (bounded: linear on hostile text)
            if closed == -1 or (opener == "*" and not _italic_span(text, opened, closed)):
                start = opened + 1
                continue
            if depth[opened] == depth[closed] and min(depth[opened:closed]) >= depth[opened]:
                for j in range(opened + 1, closed):
                    inside[j] = True
                start = closed + 1
            else:
                start = opened + 1  # a mark left open inside a bracket: the next one opens
    return inside


def _italic_span(text: str, opened: int, closed: int) -> bool:
    """Whether ``*…*`` at opened/closed is Markdown italics ("*Title; Subtitle*"),
    not a star page ("Commentaries *154"), bold's doubled marks or italic signals
    across two citations ("*Id.; see also*")."""
    first, last = text[opened + 1 : opened + 2], text[closed - 1 : closed]
    if closed == opened + 1 or first.isspace() or first.isdigit() or first == "*" or last.isspace():
        return False
    return _SIGNAL_AFTER_SEMICOLON.search(text, opened, closed) is None  # "*Id.; see also*": two citations

