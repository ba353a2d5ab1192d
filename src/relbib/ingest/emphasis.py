"""Italics inside a note's text, written as Markdown's ``*…*``.

Input: a reader's plain text with two private-use stand-ins around what the
source set in italics (``<i>``, ``<em>``, ``<cite>``, Word's ``<w:i/>``,
``\\emph{}``, Markdown's ``*x*`` and ``_x_``), and the source offset of each
character.
Output: the same text with each italic run written ``*run*`` (the marks
placed at the source offsets of the run's first and last characters), and
the stand-ins gone.
Never: nest marks, mark a run that holds no letter or digit, mark part of a
word, or move any other character (the body of an essay carries no
stand-ins, so its text and offsets stay as they were).

Italics are the strongest evidence of a title in a real footnote
(``Roe, *A Book Title* (London: Pub, 2001)``); :mod:`relbib.parse.italics`
reads the marks and takes them out of every field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from relbib.ingest.textmap import TextBuilder

__all__ = ["ITALIC_CLOSE", "ITALIC_OPEN", "ItalicRuns", "italic_style", "marked_text", "settle_marks"]

# Stand-ins a reader writes where italics open and close (Unicode private use:
# no source text holds them).
ITALIC_OPEN = "\ue000"
ITALIC_CLOSE = "\ue001"
_STANDINS = frozenset((ITALIC_OPEN, ITALIC_CLOSE))
# What a run sheds at its end before the mark closes it: a Word user italicises
# the comma after a title ("*Title,* 12"), Chicago sets it roman.
_TRAILING = frozenset(" \t,;:")
# What may part two runs that are one title: space, a subtitle's colon.
_JOIN = re.compile(r"[ \t]*(?::[ \t]*)?")
# An element's class or style naming italics: class "italic", "ital", "emphasis";
# style "font-style: italic" (or oblique).
_ITALIC_CLASS = re.compile(r"(?:^|[\s_-])(?:italic|italics|ital|emphasis)(?:$|[\s_-])", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*(?:italic|oblique)", re.IGNORECASE)


def italic_style(css_class: str | None, style: str | None) -> bool:
    """Whether an element's class or style attribute names italics
    (``<span class="italic">``, ``style="font-style: italic"``)."""
    return bool(_ITALIC_CLASS.search(css_class or "") or _ITALIC_STYLE.search(style or ""))


def settle_marks(out: TextBuilder, hints: list[tuple[int, int]] | None = None) -> None:
    """Replace the stand-ins in ``out`` by ``*`` marks (see the module
    docstring); the spans in ``hints`` (markers) move with their text."""
    if not any(c in _STANDINS for c in out.chars):
        return
    chars, where, marks = _settled(out.chars, range(len(out.chars)))
    if hints:
        new_at = {old: new for new, old in enumerate(where) if new not in marks}
        hints[:] = [(new_at.get(a, a), new_at.get(b - 1, b - 1) + 1) for a, b in hints]
    offsets = out.offsets
    out.chars[:] = chars
    out.offsets[:] = [offsets[i] for i in where]


def marked_text(text: str) -> tuple[str, str, tuple[int, ...]]:
    """``text`` (with stand-ins) marked; ``text`` bare (no stand-ins, no marks);
    and for each character of the marked text the index in the bare text of
    the character it stands at."""
    bare_at: list[int] = []
    count = 0
    for c in text:
        bare_at.append(count)
        count += c not in _STANDINS
    chars, where, _ = _settled(list(text), bare_at)
    return "".join(chars), "".join(c for c in text if c not in _STANDINS), tuple(where)


def _settled(chars: Sequence[str], offsets: Sequence[int]) -> tuple[list[str], list[int], set[int]]:
    """The characters without stand-ins, with ``*`` around each italic run;
    their offsets, and where the marks stand."""
    text, at, runs = _runs(chars, offsets)
    out: list[str] = []
    where: list[int] = []
    marks: set[int] = set()
    pos = 0
    for start, end in _clean_runs(text, runs):
        out.extend(text[pos:start])
        where.extend(at[pos:start])
        marks.update((len(out), len(out) + end - start + 1))
        out.append("*")
        where.append(at[start])
        out.extend(text[start:end])
        where.extend(at[start:end])
        out.append("*")
        where.append(at[end - 1])
        pos = end
    out.extend(text[pos:])
    where.extend(at[pos:])
    return out, where, marks


def _runs(chars: Sequence[str], offsets: Sequence[int]) -> tuple[list[str], list[int], list[tuple[int, int]]]:
    """The characters without stand-ins, and the italic runs as spans of them
    (an outer run only: marks never nest; a run ends with its line)."""
    text: list[str] = []
    at: list[int] = []
    runs: list[tuple[int, int]] = []
    depth = 0
    start = 0
    dropped = False  # a stand-in was just dropped: a space after it may double one before
    for c, o in zip(chars, offsets, strict=True):
        if c in _STANDINS:
            if c == ITALIC_OPEN and depth == 0:
                start = len(text)
            elif c == ITALIC_CLOSE and depth == 1:
                runs.append((start, len(text)))
            depth = depth + 1 if c == ITALIC_OPEN else max(depth - 1, 0)
            dropped = True
            continue
        if c == "\n" and depth:
            runs.append((start, len(text)))
            start = len(text) + 1
        if c == " " and dropped and text and text[-1] == " ":
            continue
        dropped = False
        text.append(c)
        at.append(o)
    if depth:
        runs.append((start, len(text)))
    return text, at, runs


def _clean_runs(text: Sequence[str], runs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs trimmed of space (and of a closing comma, semicolon or colon),
    joined where only space or a subtitle's colon parts them, without the runs
    that hold no letter or digit or that stand inside a word."""
    out: list[tuple[int, int]] = []
    for start, end in runs:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if not any(c.isalnum() for c in text[start:end]):
            continue
        if out and _JOIN.fullmatch("".join(text[out[-1][1]:start])):
            out[-1] = (out[-1][0], end)  # "<i>Title: </i><i>Subtitle</i>": one run
            continue
        out.append((start, end))
    return [(s, e) for s, e in out
            if not (s > 0 and text[s - 1].isalnum() or e < len(text) and text[e].isalnum())]


class ItalicRuns:
    """Stand-ins a reader writes into a note's builder as its italics open and
    close; one run open at a time (an inner one is no new run)."""

    def __init__(self, out: TextBuilder) -> None:
        self.out = out
        self.opened = -1  # where the open run's stand-in stands in ``out``
        self.depth = 0
        self.stars = 0  # Markdown: emphasis opened by stars and not yet closed

    def open(self, src: int) -> None:
        self.depth += 1
        if self.depth == 1:
            self.opened = len(self.out)
            self.out.generated(ITALIC_OPEN, src)

    def close(self, src: int) -> None:
        if self.depth == 1:
            self.out.generated(ITALIC_CLOSE, src)
            self.opened = -1
        self.depth = max(self.depth - 1, 0)

    def drop_open(self) -> None:
        """Forget a run that never closed (a lone "*" opened no italics)."""
        if self.opened >= 0 and self.out.chars[self.opened:self.opened + 1] == [ITALIC_OPEN]:
            del self.out.chars[self.opened], self.out.offsets[self.opened]
        self.opened, self.depth, self.stars = -1, 0, 0


# Elements that set their words in italics, and those that may by their class or style.
_ITALIC_TAGS = frozenset({"i", "em", "cite", "dfn", "var"})
_STYLED_TAGS = frozenset({"span", "font"})
# What sets a title inside a source line (see HtmlItalics._source_line).
_TITLE_TAGS = frozenset({"i", "em"})
# A heading that opens the notes ("Notes", "Endnotes", "Footnotes"): what follows are notes.
NOTES_TITLE = re.compile(r"\s*(?:foot\s*|end\s*)?notes?\s*:?\s*$", re.IGNORECASE)


class HtmlItalics:
    """The italics of an HTML page's notes: an ``<i>``, ``<em>``, ``<cite>``
    or italic-styled ``<span>`` opens a run, its end tag closes it.  The
    open stand-in is written before the run's first visible character, so
    an italic element holding nothing leaves no trace."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, bool]] = []  # open italic-capable elements: (tag, opened a run)
        self.depth = 0
        self.pending = False  # a run opened and nothing written in it yet
        self.written = False  # the open run's stand-in is written
        self.after_heading = False  # a "Notes" heading was read: notes follow

    def start(self, tag: str, attrs: dict[str, str], in_note: bool, out: TextBuilder | None = None) -> None:
        if tag not in _ITALIC_TAGS and tag not in _STYLED_TAGS:
            return
        if tag in _TITLE_TAGS and out is not None:
            self._source_line(out)
        italic = (tag in _ITALIC_TAGS or italic_style(attrs.get("class"), attrs.get("style"))) \
            and (in_note or self.after_heading)
        self.stack.append((tag, italic))
        if italic:
            self.depth += 1
            self.pending = self.pending or self.depth == 1

    def _source_line(self, out: TextBuilder) -> None:
        """A ``<cite>`` holding an ``<i>`` is a quotation's source line, not a title
        (Standard Ebooks: ``<cite><i>Title</i>, 1900, p. 39</cite>``): its own run
        is taken back, so that only the title inside is italic."""
        opener = next((k for k, (_, italic) in enumerate(self.stack) if italic), None)
        if self.depth != 1 or opener is None or self.stack[opener][0] != "cite":
            return
        if self.written:
            k = len(out.chars) - 1 - out.chars[::-1].index(ITALIC_OPEN)
            del out.chars[k], out.offsets[k]
        self.stack[opener] = ("cite", False)
        self.depth, self.pending, self.written = 0, False, False

    def end(self, tag: str, out: TextBuilder) -> None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                italic = self.stack[k][1]
                del self.stack[k:]
                break
        else:
            return
        if not italic:
            return
        self.depth = max(self.depth - 1, 0)
        if self.depth == 0 and self.written:
            k = len(out.chars)
            while k > 0 and out.chars[k - 1] == " ":
                k -= 1  # "<i>Title </i>": the run ends before the space
            out.chars.insert(k, ITALIC_CLOSE)
            out.offsets.insert(k, out.offsets[k - 1] if k else 0)
        if self.depth == 0:
            self.pending = self.written = False

    def before_char(self, out: TextBuilder, src: int) -> None:
        """A visible character is written at ``src``: the open run's stand-in goes first."""
        if self.pending:
            out.generated(ITALIC_OPEN, src)
            self.pending, self.written = False, True
