"""Paragraphs and sentences of an essay's plain text.

Input: plain text, the region to segment, and the spans of note markers
(so ``parties.2 As`` ends a sentence at ``parties.`` and the ``2`` belongs
to neither sentence).
Output: paragraph spans and :class:`relbib.model.Sentence` records whose
spans lie in the text, with 1-based lines and 0-based paragraph indexes.
Never: change the text, look at notes or metadata, or touch a file.

A sentence's ``text`` is its span with marker digits removed
(``Pakistan,1 Russia`` reads ``Pakistan, Russia``); ``start``/``end`` are
the span in the plain text.  Work is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from relbib import lexicon
from relbib.model import Sentence, Span

# --- regexes ------------------------------------------------------------------

# A bullet or list number opening a line: "* item", "- item", "• item", "1. item".
_BULLET = rf"(?:[*•{lexicon.DASH_CHARS}]|\d{{1,3}}[.)])[ \t]+"
BULLET_RE = re.compile(_BULLET)

# Sentence-final punctuation: one or more of . ! ? and the ellipsis character.
_FINAL = r"[.!?…]+"
# Quotes and brackets that close after the period: ‘…do.’8  (SCO).6
_CLOSERS = r"[’”\"')\]»]*"
BOUNDARY_RE = re.compile(_FINAL + _CLOSERS)

# The word just before a period, to test for abbreviations.
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]{0,63})$")  # bounded: searched in a 20-character window

# Titles and reference words that are followed by a name or number, never
# by a new sentence ("Mr. Khan", "Vol. 4", "pp. 43", "e.g. Russia").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen col lt maj capt cmdr adm sgt rev hon gov sen rep
    pres amb vol vols no nos pp p ed eds fig figs ch chap sec art para vs v cf al approx
    dept univ jan feb mar apr jun jul aug sep sept oct nov dec mt ft e.g i.e viz ca""".split()
)
# Dotted initialisms ("U.S.", "U.K.") end a sentence only before a word that
# usually opens one; otherwise "the U.S. Congress" would be cut in two.
_INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.){2,30}$")  # bounded: only whether it matches counts
SENTENCE_OPENERS = frozenset(
    """the this that these those it its he she they we i in on at by for from with as but
    however moreover furthermore thus hence therefore yet and so after before since while
    when although though there here a an our their his her some many most all both one
    meanwhile nevertheless also instead""".split()
)

# Quotes: an opening single quote is ‘; ’ closes a quote unless it sits
# between letters (don’t, Pakistan’s), where it is an apostrophe.
_OPEN_QUOTES = "“‘"
_CLOSE_QUOTES = "”’"
# How far ahead to look for the close of a quote before deciding a period
# inside it does not end the sentence.
_QUOTE_LOOKAHEAD = 400

# A line that runs on into the next: it ends inside a word broken by a
# hyphen ("com-"), or the next line opens with a lower-case word.
_CONTINUES_RE = re.compile(r"[^\W\d_]-$")
_LOWER_START_RE = re.compile(r"[a-z]")
# A lower-case word broken at a line end ("com-\nmentary"): the reader reads
# one word.  A capitalised first part ("Russia-\nbacked") keeps its hyphen.
_BROKEN_WORD_RE = re.compile(r"(?<![^\W\d_])([a-z]+)-[ \t]*\n[ \t]*(?=[a-z])")


def join_broken_words(text: str) -> str:
    """``text`` with words broken over a line end ("ac-\ncelerating") joined."""
    return _BROKEN_WORD_RE.sub(r"\1", text) if "-\n" in text or "- \n" in text else text


# Above this length a line is a paragraph of its own, not a hard-wrapped line.
_WRAP_WIDTH = 100


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where each line of ``text`` starts."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return tuple(starts)


def line_of(starts: Sequence[int], offset: int) -> int:
    """1-based line of ``offset`` given ``line_starts``."""
    return bisect_right(starts, offset)


# --- paragraphs -----------------------------------------------------------------


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Paragraph spans of ``text[start:end]``.

    Blank lines separate blocks.  A block is one paragraph when it is
    hard-wrapped (all lines short and of similar width); otherwise each of
    its lines is a paragraph (essays pasted from the web put one paragraph
    per line).  A bullet line always opens a paragraph.
    """
    end = len(text) if end is None else end
    lines: list[tuple[int, int]] = []  # (start, end) of non-blank lines, stripped
    blocks: list[list[tuple[int, int]]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        s, e = pos, line_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append((s, e))
        elif lines:
            blocks.append(lines)
            lines = []
        pos = line_end + 1
    if lines:
        blocks.append(lines)

    out: list[Span] = []
    for block in blocks:
        widths = [e - s for s, e in block]
        widest = max(widths)
        wrapped = len(block) > 1 and widest <= _WRAP_WIDTH and all(
            w >= 0.6 * widest for w in widths[:-1]
        )
        if not wrapped:
            # one paragraph per line, except where a line plainly runs on
            # (text pasted from a PDF: "a flash-" / "point.", "the" / "treaty")
            para_start, para_end = block[0]
            for s, e in block[1:]:
                if not _CONTINUES_RE.search(text, para_start, para_end) and not _LOWER_START_RE.match(text, s):
                    out.append(Span(start=para_start, end=para_end))
                    para_start = s
                para_end = e
            out.append(Span(start=para_start, end=para_end))
            continue
        para_start, para_end = block[0]
        for s, e in block[1:]:
            if BULLET_RE.match(text, s):
                out.append(Span(start=para_start, end=para_end))
                para_start = s
            para_end = e
        out.append(Span(start=para_start, end=para_end))
    return tuple(out)


# --- sentences ------------------------------------------------------------------


def _is_apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def _inside_open_quote(text: str, start: int, at: int, limit: int) -> bool:
    """Whether a quotation opened in text[start:at] is still open at ``at``
    and closes within the paragraph (a stray quote never blocks splitting)."""
    depth = 0
    for i in range(start, at):
        ch = text[i]
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES and depth and not _is_apostrophe(text, i):
            depth -= 1
    if not depth:
        return False
    stop = min(limit, at + _QUOTE_LOOKAHEAD)
    for i in range(at, stop):
        if text[i] in _CLOSE_QUOTES and not _is_apostrophe(text, i):
            return True
    return False


def _opens_sentence(text: str, i: int, end: int) -> bool:
    """Whether a sentence may start at text[i] (after whitespace)."""
    while i < end and text[i] in "‘“\"'([*•-–—":
        i += 1
    return i < end and (text[i].isupper() or text[i].isdigit())


def _abbreviation_blocks(text: str, dot: int, next_start: int, end: int) -> bool:
    """Whether the period at ``dot`` belongs to an abbreviation or initial."""
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # initials: "A. B. Smith", "Vladimir V. Chirkin"
        return True
    if word.rstrip(".").lower() in ABBREVIATIONS or word.lower() in ABBREVIATIONS:
        # "No." and "Vol." only abbreviate before a number: "said No. The" ends.
        if word.lower() in ("no", "vol", "p", "pp", "v", "al") and not text[next_start:next_start + 1].isdigit():
            return word.lower() == "al"  # "et al. Smith" keeps going
        return True
    if _INITIALISM_RE.search(word + "."):
        nxt = re.match(r"[A-Za-z]+", text[next_start:min(end, next_start + 30)])
        return not (nxt and nxt.group(0).lower() in SENTENCE_OPENERS)
    return False


def _strip_markers(text: str, start: int, end: int, marker_spans: Sequence[tuple[int, int]]) -> str:
    parts: list[str] = []
    pos = start
    for ms, me in marker_spans:
        if me <= start or ms >= end:
            continue
        parts.append(text[pos:ms])
        pos = me
    parts.append(text[pos:end])
    return "".join(parts)


def split_sentences(
    text: str,
    paragraphs: Sequence[Span],
    markers: Sequence[tuple[int, int]] = (),
) -> tuple[Sentence, ...]:
    """The sentences of each paragraph, in order.

    ``markers`` are (start, end) spans of note markers, sorted.  A bullet's
    sign is not part of its first sentence; a heading (no final
    punctuation) is one sentence.
    """
    starts = line_starts(text)
    marker_ends = {s: e for s, e in markers}
    sorted_markers = sorted(markers)
    marker_starts = [s for s, _ in sorted_markers]
    out: list[Sentence] = []

    def emit(s: int, e: int, para: int) -> None:
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            return
        lo = bisect_right(marker_starts, s) - 1
        hi = bisect_right(marker_starts, e)
        inside = sorted_markers[max(lo, 0):hi]
        words = _strip_markers(text, s, e, inside)
        out.append(Sentence(text=join_broken_words(words.rstrip() if inside else words), start=s,
                            end=e, line=line_of(starts, s), paragraph=para))

    for index, para in enumerate(paragraphs):
        p_start, p_end = para.start, para.end
        bullet = BULLET_RE.match(text, p_start, p_end)
        sent_start = bullet.end() if bullet else p_start
        for m in BOUNDARY_RE.finditer(text, sent_start, p_end):
            dot, close = m.start(), m.end()
            if close <= sent_start:
                continue
            after = close
            while after in marker_ends:  # "2002.[3][2] The": past every marker
                after = marker_ends[after]
            # the next sentence must follow whitespace (or the paragraph ends)
            if after >= p_end:
                break
            if not text[after].isspace():
                continue
            nxt = after
            while nxt < p_end and text[nxt].isspace():
                nxt += 1
            if nxt in marker_ends:
                # a spaced marker ("Vienna. [^1] The", "once. <sup>2</sup>")
                # closes the sentence before it, not the one after
                close = nxt
                while close in marker_ends:
                    close = marker_ends[close]
                nxt = close
                while nxt < p_end and text[nxt].isspace():
                    nxt += 1
                if nxt >= p_end:
                    break
            if not _opens_sentence(text, nxt, p_end):
                continue
            final = m.group(0).rstrip("’”\"')]»")
            if final == "." and _abbreviation_blocks(text, dot, nxt, p_end):
                continue
            if _inside_open_quote(text, sent_start, close, p_end):
                continue
            emit(sent_start, close, index)
            sent_start = nxt
        emit(sent_start, p_end, index)
    return tuple(out)
