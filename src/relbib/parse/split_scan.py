"""Where a note may be cut: outside brackets, quoted titles and older titles.

Input: a note's text and positions in it. Output: the pieces between the
semicolons that stand outside brackets and quotations (joined again across a
semicolon inside an older title or a list of authors or places), the cut
before a quotation's source line, whether a position stands inside a quoted
title, and a linear bracket-depth counter. Never reads a citation's fields:
``relbib.parse.split`` decides what each piece is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from relbib.parse.split_history import authors_go_on, imprint_goes_on, places_go_on
from relbib.parse.split_marks import enclosed
from relbib.parse.split_patterns import QUOTE_SOURCE as _QUOTE_SOURCE


def top_level_pieces(text: str) -> list[tuple[int, int]]:
    """Spans between the ``;`` that stand outside brackets and quotations."""
    inside = enclosed(text)
    pieces, start = [], 0
    for i, ch in enumerate(text):
        if ch == ";" and not inside[i]:
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, len(text)))
    return _title_semicolons(text, pieces)


# What goes on after a semicolon inside an older title ("The Soul; Its Sorrows
# and Joys", "Emile; or, On Education"): never the start of a citation.
_TITLE_GOES_ON = re.compile(r"\s*(?:or\b|Or\b|(?:Its|His|Her|Their|Being|Containing|Comprising|Together)\s)")
_DIGIT = re.compile(r"\d")


def _title_semicolons(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces joined again across a semicolon inside a title: the piece
    before holds no number yet, and the one after goes on with the title."""
    out: list[tuple[int, int]] = []
    numbered = True  # whether the last piece in ``out`` holds a number (each piece read once)
    for start, end in pieces:
        if out and not numbered and _TITLE_GOES_ON.match(text, start):
            out[-1] = (out[-1][0], end)
        elif out and (authors_go_on(text, out[-1], start) or places_go_on(text, out[-1], start)
                      or imprint_goes_on(text, out[-1], start, end)):
            out[-1] = (out[-1][0], end)  # "Roe, Jane; Doe, John: Title": one citation's authors
        else:
            out.append((start, end))
            numbered = False
        numbered = numbered or _DIGIT.search(text, start, end) is not None
    return out


# A quoted title is short; a longer quotation holds sentences of its own.
TITLE_SPAN = 150


def quote_source(text: str, start: int, end: int) -> re.Match[str] | None:
    """The cut before a quotation's source line closing the piece (``QUOTE_SOURCE``), unless
    the quotation is short enough to be a quoted title (“The Idea of a Colony.” *Journal* …)."""
    m = _QUOTE_SOURCE.search(text, start, end)
    if m is None:
        return None
    opened = max(text.rfind("\u201c", start, m.start()), text.rfind('"', start, m.start() - 1))
    passage = re.search(r"[.?!;]\s[A-Za-z]", text[opened:m.start()]) is not None  # sentences of its own
    return m if opened < 0 or passage or m.start() - opened > TITLE_SPAN else None


def in_quoted_title(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` stands inside a “…” opened in text[start:pos] and
    closed soon enough after it to be a quoted title, not a passage."""
    for opener, closer in (("\u201c", "\u201d"), ('"', '"')):
        opened = text.rfind(opener, start, pos)
        if opened == -1 or text.find(closer, opened + 1, pos) != -1:
            continue
        if opener == '"' and text[opened - 1 : opened] not in ("", " ", "("):
            continue  # a straight quote that closes, not opens
        closed = text.find(closer, pos, opened + TITLE_SPAN)
        # a title goes on to the rest of its citation: “Title,” / “Title”, (a
        # quotation ends its sentence: “… the sides to myself.”)
        if closed != -1 and (text[closed - 1] == "," or text[closed + 1 : closed + 2] == ","):
            return True
    return False


def _depth(text: str, start: int, end: int) -> int:
    depth = 0
    for ch in text[start:end]:
        depth += 1 if ch in "([" else -1 if ch in ")]" else 0
    return depth


def depth_counter(text: str, start: int) -> Callable[[int], int]:
    """``_depth(text, start, pos)`` for positions that never go back: each
    character is counted once, so a scan over many matches stays linear."""
    state = [start, 0]

    def depth(pos: int) -> int:
        state[1] += _depth(text, state[0], pos)
        state[0] = pos
        return state[1]

    return depth
