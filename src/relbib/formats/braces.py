"""Brace groups in BibTeX and LaTeX text: balance and the matching close.

Input: a string (a field value, a .bib file, LaTeX source).
Output: truth values and offsets.
Never: read a file, or look at a character twice: each function is one
linear pass (the .bib scanner calls them on multi-megabyte files, and a
hostile file may nest braces deeply).

BibTeX itself counts every brace, even one after a backslash; LaTeX does not
count ``\\{`` and ``\\}``.  ``escaped=True`` reads text the LaTeX way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["balanced", "brace_depths", "matching_brace", "split_top_level"]

_BRACES = re.compile(r"[{}]")
# "\{" is matched whole so that its brace is skipped.
_LATEX_BRACES = re.compile(r"\\[{}]|[{}]")


def brace_depths(text: str, start: int = 0, *, escaped: bool = False) -> Iterator[tuple[int, int]]:
    """(offset just after each counted brace, depth after it) from ``start`` on."""
    depth = 0
    for match in (_LATEX_BRACES if escaped else _BRACES).finditer(text, start):
        brace = match.group()
        if len(brace) == 1:
            depth += 1 if brace == "{" else -1
            yield match.end(), depth


def balanced(text: str, *, escaped: bool = False) -> bool:
    """True when every ``{`` of ``text`` is closed and no ``}`` closes nothing."""
    if "{" not in text and "}" not in text:
        return True  # the common value
    depth = 0
    for _, depth in brace_depths(text, escaped=escaped):
        if depth < 0:
            return False
    return depth == 0


def matching_brace(text: str, start: int, *, escaped: bool = False) -> int:
    """Offset just after the ``}`` that closes the group opening at ``text[start]``
    (which must be ``{``); -1 when the group is never closed."""
    for end, depth in brace_depths(text, start, escaped=escaped):
        if depth == 0:
            return end
    return -1


def split_top_level(text: str, separator: str, *, escaped: bool = False) -> list[str]:
    """``text`` split at the regex ``separator`` (case ignored) where it is outside
    every brace group: BibTeX's "and" between names, the commas of a name."""
    braces = (_LATEX_BRACES if escaped else _BRACES).pattern
    token = re.compile(braces + r"|(?P<sep>" + separator + ")", re.IGNORECASE)
    parts: list[str] = []
    depth = 0
    start = 0
    for match in token.finditer(text):
        piece = match.group(0)
        if piece == "{":
            depth += 1
        elif piece == "}":
            depth -= 1
        elif match.group("sep") is not None and depth == 0 and match.end() > match.start():
            parts.append(text[start:match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts
