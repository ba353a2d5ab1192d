"""Notes marked by a symbol (``*``, ``†``, ``‡``, ``§``, ``¶``, ``**``) instead of a number.

Input: a line of a notes section, or an essay body's plain text and the
symbols of its symbol notes.
Output: whether a line opens a symbol note (its symbol, where its text
starts); the symbol markers glued to the body's words; which marker each
symbol note belongs to.
Never: read a file, number a symbol note among the numbered notes (the
author's unnumbered first note must not shift note 1), or take a symbol
opening a word (``*emphasis*``, ``§ 1983``) for a marker.

Journal articles mark the author's note with ``*`` (``Jane Roe*``) and
number the rest; some documents mark every note with symbols, restarting
``* † ‡`` on each page.  A note is matched to a marker of its own symbol:
the k-th note marked ``†`` to the k-th ``†`` glued to the body's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# --- regexes ------------------------------------------------------------------

# One note symbol, doubled or tripled for the notes after the first round
# ("**", "††"); a star, dagger, double dagger, section or pilcrow sign.
SYMBOL = r"(?:\*{1,3}|∗{1,3}|†{1,3}|‡{1,3}|§{1,2}|¶{1,2})"  # ∗: the asterisk of text from a LaTeX PDF
_SYMBOL_CHARS = "*∗†‡§¶"
# A symbol note opening a line: "* I thank …", "† Professor of Law.", "*Professor".
_ITEM_RE = re.compile(rf"[ \t]*(?P<sym>{SYMBOL})[ \t]*(?=[^\s{re.escape(_SYMBOL_CHARS)}])")
# A symbol marker: glued to a word, a closing quote or punctuation ("Roe*",
# "end.†", "said’‡"), and followed by a space, punctuation or the end.
_MARKER_RE = re.compile(rf"(?<=[^\s{re.escape(_SYMBOL_CHARS)}])(?P<sym>{SYMBOL})(?=[\s,;:.!?)\]”’\"']|$)")
# The star closing an emphasis: glued to the word before, a space, punctuation or the end after.
_EMPHASIS_CLOSE_RE = re.compile(r"(?<=[^\s*])\*{1,2}(?=[\s,;:.!?)\]]|$)")
# An emphasis opened by a star at a word's start: its closing star is no marker.
_EMPHASIS_OPEN_RE = re.compile(r"(?:^|(?<=[\s(\[“‘\"']))\*{1,2}(?=[^\s*])")


def symbol_item(text: str, start: int, end: int) -> tuple[str, int] | None:
    """(symbol, text start) when the line text[start:end] opens a symbol note."""
    m = _ITEM_RE.match(text, start, end)
    if m is None:
        return None
    after = text[m.end():end]
    if m.group("sym").startswith("*") and after.rstrip().endswith("*") and "*" not in after[:-1].rstrip():
        return None  # "*A heading in emphasis*"
    if m.group("sym") in ("*", "**") and m.end() == m.start("sym") + len(m.group("sym")) \
            and _EMPHASIS_CLOSE_RE.search(after):
        return None  # "*Quare non respondes?* (Job iv. 2)": a line opening in italics
    return m.group("sym"), m.end()


def symbol_markers(text: str, start: int, end: int, symbols: set[str]) -> list[tuple[str, int, int]]:
    """(symbol, start, end) of each marker of one of ``symbols`` in text[start:end]."""
    if not symbols:
        return []
    out: list[tuple[str, int, int]] = []
    for m in _MARKER_RE.finditer(text, start, end):
        sym = m.group("sym")
        if sym not in symbols:
            continue
        if sym.startswith("*") and _closes_emphasis(text, m.start()):
            continue
        out.append((sym, m.start(), m.end()))
    return out


def _closes_emphasis(text: str, at: int) -> bool:
    """Whether the star at ``at`` closes an emphasis opened earlier on its line."""
    line_start = text.rfind("\n", 0, at) + 1
    opened = list(_EMPHASIS_OPEN_RE.finditer(text, line_start, at))
    return bool(opened) and text.count("*", opened[-1].end(), at) == 0


def pair_by_symbol(notes: Sequence[str], markers: Sequence[str]) -> dict[int, int]:
    """Note index → marker index: the k-th note of a symbol to the k-th marker of it."""
    seen: dict[str, list[int]] = {}
    for k, sym in enumerate(markers):
        seen.setdefault(sym, []).append(k)
    taken: dict[str, int] = {}
    out: dict[int, int] = {}
    for i, sym in enumerate(notes):
        k = taken.get(sym, 0)
        if k < len(seen.get(sym, ())):
            out[i] = seen[sym][k]
        taken[sym] = k + 1
    return out


def symbol_marker_spans(text: str, body_end: int, labels: Sequence[str],
                        hints: Sequence[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """Index of each symbol note (by its symbol in ``labels``) → the span of its
    marker: the k-th ``†`` marker in text[:body_end] for the k-th note marked
    ``†`` (among the spans the markup made explicit, when it did)."""
    if not labels:
        return {}
    wanted = set(labels)
    explicit = [(text[s:e], s, e) for s, e in sorted(hints) if s < body_end and text[s:e] in wanted]
    found = explicit or symbol_markers(text, 0, body_end, wanted)
    pairs = pair_by_symbol(labels, [sym for sym, _, _ in found])
    return {i: (found[k][1], found[k][2]) for i, k in pairs.items()}
