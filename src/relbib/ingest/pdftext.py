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
from dataclasses import dataclass, replace

from relbib import lexicon
from relbib.ingest.symbols import SYMBOL, symbol_markers
from relbib.ingest.textmap import TextBuilder, finish
from relbib.notes import has_notes_heading

# --- regexes ------------------------------------------------------------------

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
# A footnote opening a line: "1 Text", "1. Text", "12) Text", "¹ Text", "¹Text".
# A symbol note: "* Professor of Law.", "† See …" (the author's note, or a
# document that marks its notes with symbols).
_FOOT_ITEM_RE = re.compile(r"[ \t]*(?:(?P<n>\d{1,3})(?:[.)][ \t]*|[ \t]+)|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})[ \t]*"
                           rf"|(?P<sym>{SYMBOL})[ \t]*)(?=[^\s*∗†‡§¶])")
# A footnote rule ("____", "———") or a page number alone ("12", "- 12 -", "Page 3").
_RULE_RE = re.compile(rf"[ \t]*[_{lexicon.DASH_CHARS}]{{3,}}[ \t]*$")
_PAGE_NUMBER_RE = re.compile(rf"[ \t]*+(?:{lexicon.DASH}?[ \t]*\d{{1,4}}[ \t]*+{lexicon.DASH}?|page[ \t]+\d{{1,4}})[ \t]*$",
                             re.IGNORECASE)
# A page break written as a line of its own by a PDF converter:
# "<<PAGE_BREAK>>", "<!-- PageBreak -->", "--- Page 3 ---", "[Page 3]".
_PAGE_BREAK_RE = re.compile(r"[ \t]*(?:<<\s*PAGE[ _]BREAK\s*>>|<!--\s*Page\s?Break\s*-->"
                            r"|-{2,}[ \t]*Page[ \t]+\d{1,4}[ \t]*-{2,}|\[Page[ \t]+\d{1,4}\])[ \t]*",
                            re.IGNORECASE)
# A sentence end closing a line: a double-spaced paragraph may end here.
_SENTENCE_END_RE = re.compile(r"[.!?:][’”\"')\]]*\d{0,3}[ \t]*$")

# Notes are set in wider lines than the text when their usual line is this
# much wider (judged on this many lines of each at least).
_WIDER = 1.06
_WIDTH_SAMPLE = 20
# Text with no page breaks is read as notes at the feet of pages only when
# two blocks or more hold this many notes (a table's numbered rows are not).
_UNPAGED_NOTES = 3
# A line at the top or foot of this many pages is a running head or foot.
_RUNNING_PAGES = 3
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
    """One footnote at a page's foot: its number (0 for a symbol note) and its lines."""

    n: int
    number_end: int  # where its text starts on its first line
    lines: tuple[_Line, ...]
    label: str = ""  # a symbol note's symbol


def _split_lines(text: str) -> list[_Line]:
    """Every line of ``text`` (a form feed opens a new page and a new line;
    a page-break line a converter writes is a blank line opening a new page)."""
    out: list[_Line] = []
    page, pos = 0, 0
    for m in re.finditer(r"[\n\f]|$", text):
        if _PAGE_BREAK_RE.fullmatch(text, pos, m.start()):
            page += 1
            out.append(_Line(start=pos, end=pos, page=page))
        else:
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


def _item_at(text: str, line: _Line) -> tuple[int, int, str] | None:
    """(number, text start, symbol) when ``line`` opens a footnote; a symbol
    note ("* Professor of Law.") has number 0."""
    m = _FOOT_ITEM_RE.match(text, line.start, line.end)
    if m is None:
        return None
    if m.group("sym"):
        return 0, m.end(), m.group("sym")
    digits = m.group("n") or m.group("sup").translate(_TO_DIGITS)
    return (int(digits), m.end(), "") if not digits.startswith("0") else None


def _running(text: str, lines: Sequence[_Line]) -> set[int]:
    """Indexes of the running heads and feet: a page's first or last line
    that, its numbers aside, stands at the top or foot of many pages
    ("ARBEL, A THEORY OF LAW 4/51", "Electronic copy available at: …")."""
    ends: dict[int, list[int]] = {}
    for k, line in enumerate(lines):
        if not _blank(text, line):
            ends.setdefault(line.page, []).append(k)
    if len(ends) < _RUNNING_PAGES:
        return set()
    seen: dict[str, list[int]] = {}
    for ks in ends.values():
        for k in {ks[0], ks[-1]}:
            seen.setdefault(re.sub(r"\d+", "#", text[lines[k].start:lines[k].end].strip()), []).append(k)
    return {k for ks in seen.values() if len(ks) >= max(_RUNNING_PAGES, len(ends) // 3) for k in ks}


def _groups(text: str, lines: Sequence[_Line]) -> list[list[int]]:
    """Indexes of the lines of each group: non-blank lines of one page that
    no blank line, rule, page number or running head parts."""
    groups: list[list[int]] = []
    cur: list[int] = []
    running = _running(text, lines)
    for k, line in enumerate(lines):
        separator = _blank(text, line) or _RULE_RE.match(text, line.start, line.end) or \
            _PAGE_NUMBER_RE.match(text, line.start, line.end) or k in running
        if cur and (separator or lines[cur[-1]].page != line.page):
            groups.append(cur)
            cur = []
        if not separator:
            cur.append(k)
    if cur:
        groups.append(cur)
    return groups


# A scrap between two notes of one foot ("&amp;", an OCR-mangled "'s Id.").
_SCRAP_MAX = 60


def _last_number(text: str, lines: Sequence[_Line], group: Sequence[int]) -> int | None:
    numbers = [item[0] for k in group if (item := _item_at(text, lines[k])) is not None and not item[2]]
    return numbers[-1] if numbers else None


def _scrap(text: str, lines: Sequence[_Line], group: Sequence[int], above: _Line, n: int) -> bool:
    """Whether a group between a note and note ``n`` belongs to the note above:
    it does not carry the marker of note ``n``, and it is a short scrap of a
    line, or the note above stops mid-sentence, or it opens in lowercase or
    a bracket (the note run on over a page break, with no text between)."""
    first, last = lines[group[0]], lines[group[-1]]
    if _marked_before(text, first.start, last.end, n):
        return False
    opening = text[first.start:first.end].lstrip()[:1]
    return len(group) == 1 and len(text[first.start:first.end].strip()) <= _SCRAP_MAX or \
        not _SENTENCE_END_RE.search(text, above.start, above.end) or opening.islower() or opening in "[(“\""


def _chained(text: str, lines: Sequence[_Line], groups: Sequence[list[int]]) -> list[list[int]]:
    """The groups with the notes of one foot joined: a group opening with the
    next number or two after the notes of the group above, on the same page,
    belongs to its foot (a converter that puts every note in a paragraph of
    its own), and so does a scrap of a line between them."""
    out: list[list[int]] = []
    k = 0
    while k < len(groups):
        group = groups[k]
        last = _last_number(text, lines, out[-1]) if out else None
        take = 0
        if last is not None and lines[group[0]].page == lines[out[-1][-1]].page:
            for j in (k, k + 1):
                opened = _item_at(text, lines[groups[j][0]]) if j < len(groups) else None
                if opened is not None and not opened[2] and last < opened[0] <= last + _GAP and (
                        j == k or _scrap(text, lines, group, lines[out[-1][-1]], opened[0])):
                    take = j - k + 1
                    break
        if take:
            for j in range(k, k + take):
                out[-1] = out[-1] + groups[j]
            k += take
        else:
            out.append(list(group))
            k += 1
    return out


def _feet(text: str, lines: Sequence[_Line], group: Sequence[int], first: int | None,
          marked: set[str]) -> list[_Foot] | None:
    """The footnotes of ``group`` when it opens with footnote ``first`` (any
    number when None) or a symbol note of the ``marked`` symbols, and every
    further footnote follows on (a line opening with another number
    continues the note before)."""
    feet: list[_Foot] = []
    n = None if first is None else first - 1
    cur: tuple[int, int, list[_Line], str] | None = None
    for i, k in enumerate(group):
        item = _item_at(text, lines[k])
        # a paragraph of its own may skip a note or two OCR lost ("'s Id." for "15 Id.")
        gap = _GAP if i and group[i - 1] + 1 != k and cur is not None else 1
        opens = item is not None and (item[2] in marked if item[2] else n is None or n < item[0] <= n + gap)
        if item is not None and opens:
            if cur is not None:
                feet.append(_Foot(n=cur[0], number_end=cur[1], lines=tuple(cur[2]), label=cur[3]))
            n = item[0] if not item[2] else n
            cur = (item[0], item[1], [lines[k]], item[2])
        elif cur is None:
            return None
        else:
            cur[2].append(lines[k])
    if cur is not None:
        feet.append(_Foot(n=cur[0], number_end=cur[1], lines=tuple(cur[2]), label=cur[3]))
    return feet or None


def _marked_before(text: str, start: int, end: int, n: int) -> bool:
    """Whether text[start:end] carries marker ``n``: glued to a word or
    punctuation ("Vienna.3", "Vienna3"), as a superscript, or set one space
    after a sentence's punctuation as OCR leaves a raised number ("decades. 3")."""
    sup = str(n).translate(str.maketrans("0123456789", _SUPERSCRIPT_DIGITS))
    split = " ?".join(str(n))  # "1 4 4": OCR sets a raised number's digits apart
    return sup in text[start:end] or re.compile(
        rf"(?<=[^\s\d]){split}(?!\d)|(?<=[.,;:!?’”\"')\]] ){split}(?![\d.,:])").search(text, start, end) is not None


def _symbols_marked(text: str, start: int, end: int, lines: Sequence[_Line], group: Sequence[int]) -> set[str]:
    """The symbols opening lines of ``group`` that mark the text[start:end] above it."""
    symbols = {item[2] for k in group if (item := _item_at(text, lines[k])) is not None and item[2]}
    return {sym for sym, _, _ in symbol_markers(text, start, end, symbols)}


def _tight_foot(text: str, lines: Sequence[_Line], group: Sequence[int], expected: int | None
                ) -> Sequence[int]:
    """The foot of a page's last group when its notes follow the text with no
    blank line or rule: from the first line that opens the note expected
    next (any number at first) after a line that ends a sentence, or that
    opens the expected note or a symbol note marked in the lines above."""
    opened = _item_at(text, lines[group[0]])
    if opened is not None and (expected is None or opened[2] or expected <= opened[0] <= expected + _RESYNC):
        return group  # ("3. Female Autonomy" heading a page whose notes are 263 on is no note)
    top = lines[group[0]].start
    for j in range(1, len(group)):
        item = _item_at(text, lines[group[j]])
        if item is None:
            continue
        above, at = lines[group[j - 1]], lines[group[j]].start
        if item[2]:
            if _symbols_marked(text, top, at, lines, group[j:j + 1]):
                return group[j:]
        elif (expected or 1) <= item[0] <= (expected or 1) + _RESYNC and _marked_before(text, top, at, item[0]) or \
                (expected is None or item[0] == expected) and _SENTENCE_END_RE.search(text, above.start, above.end):
            return group[j:]
    return group


# A chain of this many notes vouches for the next note though OCR lost its
# marker ("considerations.'" for "considerations.5"); a note in a paragraph
# of its own may skip _GAP notes, and a foot block whose first note is
# marked in the text above may skip _RESYNC notes (OCR lost their numbers).
_CHAIN = 3
_GAP = 3
_RESYNC = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class _Before:
    """What the notes found so far say about the next foot block."""

    expected: int | None  # the note number expected next
    body_from: int  # where the body above the next block starts
    last: _Foot | None  # the last note found
    paged: bool  # whether form feeds mark the pages


def _wordy(text: str, foot: _Foot) -> bool:
    """Whether a note has a word in it ("1 .05", a table's row, has none)."""
    return any(c.isalpha() for line in foot.lines
               for c in text[max(line.start, foot.number_end if line is foot.lines[0] else line.start):line.end])


def _vouched(text: str, before: _Before, start: int, feet: Sequence[_Foot], chained: bool) -> bool:
    """Whether the text above a foot block carries the marker of its first
    note or of the note after it (OCR may lose one), or the chain of feet
    above it expects its first note."""
    numbers = [foot.n for foot in feet if not foot.label][:2]
    return any(_marked_before(text, before.body_from, start, n) for n in numbers) or \
        chained and numbers[:1] == [before.expected]


def _wide_tail(text: str, lines: Sequence[_Line], leading: Sequence[int], wide: float,
               before: _Before) -> list[int]:
    """The lines closing ``leading`` that may run on the note before: when that
    note stops mid-sentence, the line right above the page's notes and the
    wide lines above it."""
    if before.last is None:
        return []
    tail = before.last.lines[-1]
    if _SENTENCE_END_RE.search(text, tail.start, tail.end):
        return []
    k = len(leading) - 1
    while k > 0 and lines[leading[k - 1]].end - lines[leading[k - 1]].start >= wide:
        k -= 1
    return list(leading[k:])


def _foot_width(text: str, lines: Sequence[_Line], blocks: Sequence[tuple[list[int], list[_Foot]]]
                ) -> float | None:
    """The width above which a line is a note's, when notes are set in
    measurably wider lines (a smaller type) than the text; else None."""
    foot = {id(line) for _, feet in blocks for f in feet for line in f.lines[:-1]}
    note_widths = sorted(line.end - line.start for _, feet in blocks for f in feet for line in f.lines[:-1])
    body_widths = sorted(line.end - line.start for line in lines
                         if id(line) not in foot and not _blank(text, line))
    if len(note_widths) < _WIDTH_SAMPLE or len(body_widths) < _WIDTH_SAMPLE:
        return None
    note, body = note_widths[len(note_widths) // 2], body_widths[len(body_widths) * 3 // 4]
    return body + 1 if note >= _WIDER * body else None  # wider than three in four of the text's lines


def _runs_on(text: str, lines: Sequence[_Line], leading: Sequence[int], before: _Before) -> bool:
    """Whether the unnumbered lines ``leading``, standing right above a page's
    notes, continue the last note of the page before (a note run on over the
    page break): they carry no marker of the note expected next and the
    page's text above them does; and they are on a new page, or (with no
    page breaks to tell) the note before stops mid-sentence or they open
    in lowercase."""
    if before.last is None or before.expected is None or not leading:
        return False
    first, last = lines[leading[0]], lines[leading[-1]]
    if _marked_before(text, first.start, last.end, before.expected) or \
            not _marked_before(text, before.body_from, first.start, before.expected):
        return False
    if before.paged:
        return first.page > before.last.lines[-1].page
    tail = before.last.lines[-1]
    opening = text[first.start:first.end].lstrip()[:1]
    return not _SENTENCE_END_RE.search(text, tail.start, tail.end) or opening.islower() or opening in "[(“\""


def _page_feet(text: str, lines: Sequence[_Line], wide: float | None = None
               ) -> list[tuple[list[int], list[_Foot]]]:
    """(line indexes, footnotes) of every foot block, in order, numbered on
    from the block before and marked in the body above it; a note run on
    from the page before joins that note (set right above the page's notes
    with no blank line, its lines are told from the text's by being
    ``wide``, as notes in a smaller type are)."""
    paged = any(line.page for line in lines)
    groups = _chained(text, lines, _groups(text, lines))
    blocks: list[tuple[list[int], list[_Foot]]] = []
    before = _Before(expected=None, body_from=0, last=None, paged=paged)
    for g, whole in enumerate(groups):
        later = groups[g + 1] if g + 1 < len(groups) else None
        ends_page = paged and (later is None or lines[later[0]].page != lines[whole[0]].page)
        group = _tight_foot(text, lines, whole, before.expected) if ends_page else whole
        if _item_at(text, lines[group[0]]) is None and later is not None and not ends_page and \
                _item_at(text, lines[later[0]]) is not None:
            continue  # perhaps a note run on: decided with the block below it
        opened = _item_at(text, lines[group[0]])
        if opened is None or g == 0 and group is whole:
            continue
        start = lines[group[0]].start
        marked = _symbols_marked(text, before.body_from, start, lines, group)
        numbered = next((item[0] for k in group if (item := _item_at(text, lines[k])) and not item[2]), None)
        first = numbered if before.expected is None or numbered is not None and \
            before.expected < numbered <= before.expected + _RESYNC else before.expected
        feet = _feet(text, lines, group, first if not opened[2] else before.expected, marked)
        if feet is None or not _wordy(text, feet[0]) or feet[0].label and feet[0].label not in marked or \
                not feet[0].label and (
                first is None or not _vouched(text, before, start, feet,
                                              sum(len(found) for _, found in blocks) >= _CHAIN)):
            continue
        if paged and later is not None and lines[later[0]].page == lines[group[0]].page:
            if _item_at(text, lines[later[0]]) is None:
                continue  # body text follows on the same page: not the page's foot
        leading = list(whole[:len(whole) - len(group)]) or (groups[g - 1] if g and not paged else [])
        if leading and len(leading) < len(whole) and wide is not None:
            leading = _wide_tail(text, lines, leading, wide, before)
        if leading and blocks and lines[leading[0]].start >= before.body_from and \
                _runs_on(text, lines, leading, before):
            indexes, prior = blocks[-1]
            prior[-1] = replace(prior[-1], lines=prior[-1].lines + tuple(lines[k] for k in leading))
            indexes.extend(leading)
        blocks.append((list(group), feet))
        numbers = [f.n for f in feet if not f.label]
        before = _Before(expected=numbers[-1] + 1 if numbers else before.expected,  # (the text above an
                         body_from=lines[group[-1]].end if numbers else before.body_from,  # author's note
                         last=feet[-1], paged=paged)  # still marks the notes after it)
    return blocks


def _lift(text: str, lines: Sequence[_Line], blocks: Sequence[tuple[list[int], list[_Foot]]],
          out: TextBuilder) -> None:
    """The body without its foot blocks, then a Notes section of them."""
    lifted = {k for indexes, _ in blocks for k in indexes} | _running(text, lines)
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
            out.generated(f"{foot.label} " if foot.label else f"{foot.n}. ", foot.lines[0].start)
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
    wide = _foot_width(base, lines, blocks) if blocks else None
    if wide is not None:
        blocks = _page_feet(base, lines, wide)
    paged = any(line.page for line in lines)
    notes = sum(len(feet) for _, feet in blocks)
    if (len(blocks) >= 2 and notes >= _UNPAGED_NOTES) or blocks and paged:
        out = TextBuilder()
        _lift(base, lines, blocks, out)
        lifted = finish(out)
        return lifted, tuple(base_map[o] if o < len(base_map) else len(text) for o in out.offsets)
    return (base, base_map) if changed else None
