"""The numbered items of a notes section: where each note starts and what it says.

Input: an essay's plain text and where its notes section's first item is.
Output: :class:`Item` per numbered (or symbol) item, its printed number,
text with wrapped lines joined, span and line; the regexes that tell a
numbered line (``ITEM_RE``) and a notes heading (``NOTES_HEADING_RE``).
Never: renumber (relbib.ingest.numbering reads restarts and duplicates),
look at markers, read a file, or raise.

Split out of :mod:`relbib.notes`, which finds the section and fits the
markers to these items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from relbib.ingest.sentences import line_of, line_starts
from relbib.ingest.symbols import symbol_item

# --- regexes ------------------------------------------------------------------

# The heading of a notes section: "Footnotes :", "Notes", "End Notes",
# "References", "Sources", "Bibliography", "Works Cited", "Notes and References".
# German headings too: "Fußnoten", "Fussnoten", "Endnoten", "Anmerkungen".
_SECTION_WORD = (r"(?:foot\s*notes?|end\s*notes?|notes?|references?|sources?|bibliography|works\s+cited|citations"
                 r"|fu(?:ß|ss)noten|endnoten|anmerkungen)")
NOTES_HEADING_RE = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]*)?" + _SECTION_WORD + r"(?:[ \t]+(?:and|&)[ \t]+" + _SECTION_WORD + r")?"
    r"[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)


# A numbered item at line start, in its three punctuated forms and bare:
# "1. text", "1) text", "[1] text", "(1) text", "1 text".  Up to four digits (a long
# reference list); a four-digit number opens an item only where the list has
# reached it: a line starting "2018. London" is a wrapped line, not note 2018.
_NUMBER = r"(\d{1,4})"
ITEM_RE = re.compile(
    r"[ \t]*(?:[\[(]" + _NUMBER + r"[\])]|" + _NUMBER + r"[.)]|" + _NUMBER + r"(?=[ \t]))[ \t]*"
)
# A bare number ("12 Ibid.") only counts as an item near the expected
# number; further off it is a wrapped line that starts with a quantity.
_BARE_SLACK = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    n: int | None
    text: str
    start: int
    end: int
    line: int
    label: str = ""  # a symbol note's symbol ("*", "†")



def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line in text[start:end], without the newline."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        out.append((pos, line_end))
        if nl == -1:
            break
        pos = nl + 1
    return out


def item_form(text: str, s: int, e: int) -> str:
    """How the item on line text[s:e] is numbered: "[", ".", ")" or " " (bare)."""
    m = ITEM_RE.match(text, s, e)
    if not m:
        return ""
    if m.group(1):
        return "["
    if m.group(2):
        return text[m.end(2)]
    return " "


def item_number(text: str, s: int, e: int, expected: int | None,
                 form: str = "", *, restart: bool = False) -> tuple[int, int] | None:
    """(number, text start) when the line text[s:e] opens a numbered item
    (of the list's ``form`` when known: one list numbers one way; a bare
    "1 " may restart the numbering where ``restart``)."""
    m = ITEM_RE.match(text, s, e)
    if not m or m.end() >= e:
        return None
    if form and (form == " ") != (item_form(text, s, e) == " "):
        return None  # a list numbered "1." or "[1]" has no bare-number items
    bracket, dotted, bare = m.group(1), m.group(2), m.group(3)
    n = int(bracket or dotted or bare)
    if n == 0 or n >= 1000 and n != expected:
        return None  # no note is numbered 0
    if bare is not None and restart and n == 1:
        return n, m.end()
    if bare is not None and expected is not None and not expected <= n <= expected + _BARE_SLACK:
        return None
    if bare is not None and expected is None and n != 1:
        return None
    return n, m.end()


def numbered_items(text: str, start: int, end: int, *, first: int) -> tuple[list[Item], int]:
    """Items from the numbered line at ``first``: wrapped lines joined; stops
    at the first unnumbered line after a blank line.  Returns the items and
    where the last one ends."""
    items: list[Item] = []
    starts = line_starts(text)
    cur: list[tuple[int, int]] = []  # text spans of the current item
    cur_n: int | None = None
    cur_label = ""  # the symbol of a symbol note ("*")
    cur_line = 0
    blank = False
    last_end = first
    form = ""
    opening = ITEM_RE.match(text, first)
    first_n = int(next(g for g in opening.groups() if g)) if opening and any(opening.groups()) else 1

    def close() -> None:
        nonlocal last_end
        if cur_n is None and not cur_label or not cur:
            return
        s = cur[0][0]
        e = cur[-1][1]
        joined = join_lines(text[a:b].strip() for a, b in cur if text[a:b].strip())
        items.append(Item(n=cur_n, text=joined, start=s, end=e, line=cur_line, label=cur_label))
        last_end = e

    for s, e in line_spans(text, first, end):
        stripped = text[s:e].strip()
        if not stripped:
            blank = True
            continue
        numbered = [item.n for item in items if item.n]
        expected = (numbered[-1] + 1 if numbered else first_n) if cur_n is None else cur_n + 1
        resume = max(numbered, default=expected - 1) + 1  # the notes carried on after a list inside one
        number = item_number(text, s, e, expected, form, restart=blank) or (
            item_number(text, s, e, resume, form) if resume > expected else None)
        symbol = symbol_item(text, s, e) if number is None else None
        if number is not None or symbol is not None:
            form = form or item_form(text, s, e)
            close()
            cur_n, body = number if number is not None else (None, symbol[1] if symbol else e)
            cur_label = symbol[0] if symbol else ""
            cur = [(body, e)]
            cur_line = line_of(starts, s)
            blank = False
            continue
        if NOTES_HEADING_RE.match(text, s, e):
            break  # a heading ("Bibliography") ends the list
        if blank and chapter_heading(text, s, e):
            close()  # "Chapter 2" between two runs of notes
            cur_n, cur_label, cur = None, "", []
            continue
        if blank:
            break  # an unnumbered line after a blank line ends the list
        cur.append((s, e))
    close()
    return items, last_end


def join_lines(lines: Iterable[str]) -> str:
    """Wrapped lines of one note as one line: a space between two lines, none
    after a word broken at a hyphen ("Ruhr-" + "bergbaus" → "Ruhr-bergbaus";
    the hyphen stays, for it may be the word's own)."""
    pieces: list[str] = []
    for line in lines:
        last = pieces[-1] if pieces else ""
        broken = len(last) > 1 and last[-1] == "-" and last[-2].isalpha() and line[:1].islower()
        pieces.extend((line,) if broken or not pieces else (" ", line))
    return "".join(pieces)


# A chapter heading inside a notes section is short and ends in no sentence.
_CHAPTER_HEADING_MAX = 80


def chapter_heading(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] is a heading between two runs of notes ("Chapter 2",
    "2. The Empire" is an item): short, not a sentence, a numbered item next."""
    line = text[s:e].strip()
    if len(line) > _CHAPTER_HEADING_MAX or line.endswith((".", ",", ";", ":")) and not re.search(
            r"\d[.:]$", line):
        return False
    nxt = first_item_after(text, e + 1) if e < len(text) else None
    return nxt is not None and bool(ITEM_RE.match(text, nxt))


def first_item_after(text: str, pos: int, *, past_heading: bool = False) -> int | None:
    """Start of the next non-blank line after ``pos`` if it is a numbered item
    (or, ``past_heading``, the item after a chapter heading: "Notes", "Chapter 1", "1. …")."""
    for s, e in line_spans(text, pos, len(text)):
        if text[s:e].strip():
            if item_number(text, s, e, None) or ITEM_RE.match(text, s, e) or symbol_item(text, s, e):
                return s
            if past_heading and e < len(text) and chapter_heading(text, s, e):
                return first_item_after(text, e + 1)
            return None
    return None
