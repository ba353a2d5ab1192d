"""Text extracted from a PDF → text one notes finder can read, with an offset map.

Input: the plain text of an essay (pdftotext's, or copied from a PDF viewer).
Output: the same words rearranged — double spacing undone, and footnotes
found at the foot of each page moved into a ``Notes`` section at the end —
with one source offset per character; or None when the text needs neither.
Never: change, drop or reorder the words of the body or of a note, or touch
a file.

Two shapes of PDF text defeat a reader of ordinary essays:

* **double spacing**: every line ends in a hard break with a blank line
  after it, so each line would be read as a paragraph (and a claim cut to
  one line).  Where most lines are so spaced and look wrapped, a single
  blank line is a line break, and a paragraph ends at a short line that
  ends a sentence, or at two blank lines.
* **per-page footnotes**: each page ends with its notes ("1 A. Smith,
  Empire …"), after a blank line or a rule, before the form feed ``\\f``
  that pdftotext puts between pages (or before the next page's text).  A
  foot block is taken only when its numbers continue the numbers of the
  blocks before, and the body above it carries its first number glued to a
  word or as a superscript.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from relbib import lexicon
from relbib.ingest.textmap import TextBuilder, finish
from relbib.notes import has_notes_heading

# --- regexes ------------------------------------------------------------------

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
# A footnote opening a line: "1 Text", "1. Text", "12) Text", "¹ Text", "¹Text".
_FOOT_ITEM_RE = re.compile(r"[ \t]*(?:(?P<n>\d{1,3})(?:[.)][ \t]*|[ \t]+)|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})[ \t]*)"
                           r"(?=\S)")
# A footnote rule ("____", "———") or a page number alone ("12", "- 12 -", "Page 3").
_RULE_RE = re.compile(rf"[ \t]*[_{lexicon.DASH_CHARS}]{{3,}}[ \t]*$")
_PAGE_NUMBER_RE = re.compile(rf"[ \t]*+(?:{lexicon.DASH}?[ \t]*\d{{1,4}}[ \t]*+{lexicon.DASH}?|page[ \t]+\d{{1,4}})[ \t]*$",
                             re.IGNORECASE)
# A sentence end closing a line: a double-spaced paragraph may end here.
_SENTENCE_END_RE = re.compile(r"[.!?:][’”\"')\]]*\d{0,3}[ \t]*$")

# Double spacing: this share of non-blank lines has exactly one blank line after it.
_DOUBLE_SHARE = 0.75
_DOUBLE_MIN_LINES = 6
# A page's line is no wider than this (typewriter pages hold 60–90 characters).
_WRAP_MAX = 120
# A wrapped line is at least this share of the text's usual line width.
_FULL_LINE = 0.8


@dataclass(frozen=True, slots=True, kw_only=True)
class _Line:
    start: int
    end: int
    page: int  # pages are counted by form feeds


@dataclass(frozen=True, slots=True, kw_only=True)
class _Foot:
    """One footnote at a page's foot: its number and its lines."""

    n: int
    number_end: int  # where its text starts on its first line
    lines: tuple[_Line, ...]


def _split_lines(text: str) -> list[_Line]:
    """Every line of ``text`` (a form feed opens a new page and a new line)."""
    out: list[_Line] = []
    page, pos = 0, 0
    for m in re.finditer(r"[\n\f]|$", text):
        out.append(_Line(start=pos, end=m.start(), page=page))
        if m.group() == "\f":
            page += 1
        pos = m.end()
        if m.end() >= len(text):
            break
    return out


def _blank(text: str, line: _Line) -> bool:
    return not text[line.start:line.end].strip()


# --- double spacing -------------------------------------------------------------


def _double_spaced(text: str, lines: Sequence[_Line]) -> bool:
    """Whether most lines are followed by exactly one blank line and look wrapped."""
    full = [k for k, line in enumerate(lines) if not _blank(text, line)]
    if len(full) < _DOUBLE_MIN_LINES:
        return False
    spaced = sum(1 for a, b in zip(full, full[1:], strict=False) if b - a == 2)
    unended = sum(1 for k in full if not _SENTENCE_END_RE.search(text, lines[k].start, lines[k].end))
    widths = sorted(lines[k].end - lines[k].start for k in full)
    usual = widths[len(widths) * 3 // 4]
    # wrapped: lines of a page's width, most of them near it (an essay pasted
    # one paragraph a line, blank lines between, has long lines of any length)
    wrapped = usual <= _WRAP_MAX and sum(1 for w in widths if w >= 0.6 * usual) >= 0.5 * len(widths)
    return wrapped and spaced >= _DOUBLE_SHARE * (len(full) - 1) and unended * 3 >= len(full)


def _undouble(text: str, lines: Sequence[_Line], out: TextBuilder) -> None:
    """The text with one blank line read as a line break, two as a paragraph break."""
    widths = sorted(line.end - line.start for line in lines if not _blank(text, line))
    usual = widths[len(widths) * 3 // 4]
    previous: _Line | None = None
    blanks = 0
    for line in lines:
        if _blank(text, line):
            blanks += 1
            continue
        if previous is not None:
            short = previous.end - previous.start < _FULL_LINE * usual
            ended = _SENTENCE_END_RE.search(text, previous.start, previous.end)
            indented = text[line.start:line.start + 2] in ("  ", "\t") or text[line.start:line.start + 1] == "\t"
            paragraph = blanks >= 2 or bool(ended) and (short or indented or previous.page != line.page)
            out.generated("\n\n" if paragraph else "\n", previous.end)
        out.add(text[line.start:line.end], line.start)
        previous, blanks = line, 0


# --- per-page footnotes -----------------------------------------------------------


def _item_at(text: str, line: _Line) -> tuple[int, int] | None:
    """(number, text start) when ``line`` opens a footnote."""
    m = _FOOT_ITEM_RE.match(text, line.start, line.end)
    if m is None:
        return None
    digits = m.group("n") or m.group("sup").translate(_TO_DIGITS)
    return (int(digits), m.end()) if not digits.startswith("0") else None


def _groups(text: str, lines: Sequence[_Line]) -> list[list[int]]:
    """Indexes of the lines of each group: non-blank lines of one page that
    no blank line, rule or page number parts."""
    groups: list[list[int]] = []
    cur: list[int] = []
    for k, line in enumerate(lines):
        separator = _blank(text, line) or _RULE_RE.match(text, line.start, line.end) or \
            _PAGE_NUMBER_RE.match(text, line.start, line.end)
        if cur and (separator or lines[cur[-1]].page != line.page):
            groups.append(cur)
            cur = []
        if not separator:
            cur.append(k)
    if cur:
        groups.append(cur)
    return groups


def _feet(text: str, lines: Sequence[_Line], group: Sequence[int], first: int) -> list[_Foot] | None:
    """The footnotes of ``group`` when it opens with footnote ``first`` and
    every further footnote in it follows on (a line opening with another
    number continues the note before)."""
    opened = _item_at(text, lines[group[0]])
    if opened is None or opened[0] != first:
        return None
    feet: list[_Foot] = []
    n, number_end, cur = first, opened[1], [lines[group[0]]]
    for k in group[1:]:
        nxt = _item_at(text, lines[k])
        if nxt is not None and nxt[0] == n + 1:
            feet.append(_Foot(n=n, number_end=number_end, lines=tuple(cur)))
            n, number_end, cur = nxt[0], nxt[1], []
        cur.append(lines[k])
    feet.append(_Foot(n=n, number_end=number_end, lines=tuple(cur)))
    return feet


def _marked_before(text: str, start: int, end: int, n: int) -> bool:
    """Whether text[start:end] carries marker ``n``: glued to a word or
    punctuation ("Vienna.3", "Vienna3"), or as a superscript."""
    sup = str(n).translate(str.maketrans("0123456789", _SUPERSCRIPT_DIGITS))
    return sup in text[start:end] or re.compile(rf"(?<=[^\s\d]){n}(?!\d)").search(text, start, end) is not None


def _tight_foot(text: str, lines: Sequence[_Line], group: Sequence[int], expected: int | None
                ) -> Sequence[int]:
    """The foot of a page's last group when its notes follow the text with no
    blank line or rule: from the first line, after a line that ends a
    sentence, that opens the note expected next (any number at first)."""
    if _item_at(text, lines[group[0]]) is not None:
        return group
    for j in range(1, len(group)):
        item = _item_at(text, lines[group[j]])
        above = lines[group[j - 1]]
        if item is not None and (expected is None or item[0] == expected) and \
                _SENTENCE_END_RE.search(text, above.start, above.end):
            return group[j:]
    return group


def _page_feet(text: str, lines: Sequence[_Line]) -> list[tuple[list[int], list[_Foot]]]:
    """(line indexes, footnotes) of every foot block, in order, numbered on
    from the block before and marked in the body above it."""
    paged = any(line.page for line in lines)
    groups = _groups(text, lines)
    blocks: list[tuple[list[int], list[_Foot]]] = []
    expected: int | None = None
    body_from = 0
    for g, whole in enumerate(groups):
        later = groups[g + 1] if g + 1 < len(groups) else None
        ends_page = paged and (later is None or lines[later[0]].page != lines[whole[0]].page)
        group = _tight_foot(text, lines, whole, expected) if ends_page else whole
        opened = _item_at(text, lines[group[0]])
        if opened is None or g == 0 and group is whole:
            continue
        first = opened[0] if expected is None else expected
        feet = _feet(text, lines, group, first)
        if feet is None or not _marked_before(text, body_from, lines[group[0]].start, first):
            continue
        if paged and later is not None and lines[later[0]].page == lines[group[0]].page:
            if _item_at(text, lines[later[0]]) is None:
                continue  # body text follows on the same page: not the page's foot
        blocks.append((list(group), feet))
        expected = feet[-1].n + 1
        body_from = lines[group[-1]].end
    return blocks


def _lift(text: str, lines: Sequence[_Line], blocks: Sequence[tuple[list[int], list[_Foot]]],
          out: TextBuilder) -> None:
    """The body without its foot blocks, then a Notes section of them."""
    lifted = {k for indexes, _ in blocks for k in indexes}
    previous: _Line | None = None
    blank = broken = False  # since the previous line: a blank line; a lifted block or a page break
    for k, line in enumerate(lines):
        if previous is not None and (k in lifted or line.page != previous.page):
            broken = True
        if k in lifted or _blank(text, line):
            blank = blank or not broken
            continue
        if previous is not None:
            ended = _SENTENCE_END_RE.search(text, previous.start, previous.end)
            runs_on = not ended or text[line.start:line.end].lstrip()[:1].islower()
            paragraph = (blank and not broken) or (broken and not runs_on)
            out.generated("\n\n" if paragraph else "\n", previous.end)
        out.add(text[line.start:line.end], line.start)
        previous, blank, broken = line, False, False
    at = blocks[0][1][0].lines[0].start
    out.newlines(2, at)
    out.generated("Notes\n\n", at)
    for _, feet in blocks:
        for foot in feet:
            out.generated(f"{foot.n}. ", foot.lines[0].start)
            out.add(text[foot.number_end:foot.lines[0].end], foot.number_end)
            for line in foot.lines[1:]:
                if not (len(out) > 1 and out.chars[-1] == "-" and out.chars[-2].isalpha()
                        and text[line.start:line.end].lstrip()[:1].islower()):
                    out.generated(" ", line.start)  # no space inside a word broken at a hyphen
                out.add(text[line.start:line.end].strip(), line.start + len(text[line.start:line.end])
                        - len(text[line.start:line.end].lstrip()))
            out.generated("\n", foot.lines[-1].end)


# --- public ---------------------------------------------------------------------


def reflow_pdf_text(text: str) -> tuple[str, tuple[int, ...]] | None:
    """``text`` with double spacing undone and per-page footnotes gathered
    into a Notes section, and the offset of each character in ``text``;
    None when it has neither."""
    lines = _split_lines(text)
    base, base_map = text, tuple(range(len(text)))
    changed = False
    if _double_spaced(text, lines):
        out = TextBuilder()
        _undouble(text, lines, out)
        base, base_map = finish(out), tuple(out.offsets)
        lines = _split_lines(base)
        changed = True
    blocks = [] if has_notes_heading(base) else _page_feet(base, lines)
    paged = any(line.page for line in lines)
    if len(blocks) >= 2 or blocks and paged:
        out = TextBuilder()
        _lift(base, lines, blocks, out)
        lifted = finish(out)
        return lifted, tuple(base_map[o] if o < len(base_map) else len(text) for o in out.offsets)
    return (base, base_map) if changed else None
