"""Stage 2: the notes section of an essay's plain text and the markers in its body.

Input: an essay's plain text (and, from Markdown or HTML, the spans of
markers the markup made explicit: ``[^1]``, ``^1^``, ``<sup>1</sup>``).
Output: :class:`NotesResult` — where the body ends, the numbered notes,
the markers reconciled with them, each note's claim sentence, the body's
paragraphs and sentences, and diagnostics.  Also :func:`split_numbered`
for ``relbib parse``.
Never: take a glued number for a marker without a notes section (it warns),
drop a note it can read, read a file, or raise anything but
:class:`relbib.diagnostics.InputError`.

A notes section may start at any number, skip numbers, repeat one or
restart per chapter (:mod:`relbib.ingest.numbering` reads each, with a
warning); markers are found and fitted to the notes by
:mod:`relbib.ingest.markers`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from relbib.diagnostics import diagnostic
from relbib.ingest.items import (
    ITEM_RE,
    NOTES_HEADING_RE,
    Item,
    first_item_after,
    item_form,
    item_number,
    line_spans,
    numbered_items,
)
from relbib.ingest.markers import Candidate, marker_candidates, markers_without_notes, reconcile
from relbib.ingest.numbering import Run, read_numbering
from relbib.ingest.sentences import (
    join_broken_words,
    line_of,
    line_starts,
    split_paragraphs,
    split_sentences,
)
from relbib.ingest.symbols import symbol_item, symbol_marker_spans
from relbib.model import Diagnostic, Marker, Note, Sentence, Severity, Span

# --- regexes ------------------------------------------------------------------

# Heading words that name notes proper, not a list of works.
_NOTES_WORD_RE = re.compile(r"\b(?:(?:foot\s*|end\s*)?notes?|fu(?:ß|ss)noten|endnoten|anmerkungen)\b", re.IGNORECASE)

@dataclass(frozen=True, slots=True, kw_only=True)
class NumberedItem:
    """One item of a numbered list (``n`` None when the list has no numbers)."""

    n: int | None
    text: str
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class NotesResult:
    body_end: int
    notes: tuple[Note, ...]
    markers: tuple[Marker, ...]
    diagnostics: tuple[Diagnostic, ...]
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Sentence, ...] = ()


# --- lines ----------------------------------------------------------------------


def _find_section(text: str) -> tuple[int, int, bool] | None:
    """(section start, first item start, has heading) of the notes section."""
    lines = line_spans(text, 0, len(text))
    # the last heading followed by a numbered item; a "Notes" heading wins
    # over a later "Bibliography" or "Works Cited" (notes, then the list of
    # works: the list is not the notes)
    headed: list[tuple[int, int, int]] = []  # (heading start, heading end, first item)
    for s, e in reversed(lines):
        if NOTES_HEADING_RE.match(text, s, e) and text[s:e].strip():
            first = first_item_after(text, e + 1, past_heading=True) if e < len(text) else None
            if first is not None:
                m = ITEM_RE.match(text, first)
                if m and (m.group(1) or m.group(2) or m.group(3)) or symbol_item(text, first, len(text)):
                    headed.append((s, e, first))
    if headed:
        notes_like = [h for h in headed if _NOTES_WORD_RE.search(text, h[0], h[1])]
        s, _e, first = (notes_like or headed)[0]
        return s, first, True
    # a trailing run of numbered lines starting at 1, with no heading
    run_start: int | None = None
    expected = 1
    prev_blank = True
    for s, e in lines:
        stripped = text[s:e].strip()
        if not stripped:
            prev_blank = True
            continue
        number = item_number(text, s, e, expected if run_start is not None else None)
        if number is not None and number[0] == 1 and prev_blank:
            run_start, expected = s, 2
        elif number is not None and run_start is not None and number[0] == expected:
            expected += 1
        elif run_start is not None and prev_blank:
            run_start = None  # prose after the run: it was a list in the body
        prev_blank = False
    if run_start is not None and expected > 2:
        return run_start, run_start, False
    return None


# A note's number glued after the sentence closing the note before, as text converted from
# a PDF prints a note that begins on the same line: "… para. 93. 10 Ibid., para. 90."
_GLUED_NUMBER = r"(?<=[.)\]\u201d\"])\s{{1,3}}({n})\s(?=[A-Z*\u201c\"(\[])"


def _unglued(items: Sequence[Item], text: str) -> list[Item]:
    """The items, a note missing from the numbering split out of the note before it when
    that note holds its number once, glued after a full stop (and nowhere else)."""
    printed = {item.n for item in items if item.n}
    top = max(printed, default=0)
    out: list[Item] = []
    for item in items:
        while item.n and item.n + 1 not in printed and item.n + 1 < top:
            glued = re.compile(_GLUED_NUMBER.format(n=item.n + 1))
            found, raw = glued.findall(item.text), list(glued.finditer(text, item.start, item.end))
            m = glued.search(item.text)
            if len(found) != 1 or len(raw) != 1 or m is None:
                break
            cut = raw[0]
            out.append(Item(n=item.n, text=item.text[: m.start()].rstrip(), start=item.start, end=cut.start(),
                            line=item.line))
            printed.add(item.n + 1)
            item = Item(n=item.n + 1, text=item.text[m.end():].lstrip(), start=cut.end(), end=item.end,
                        line=item.line + text.count("\n", item.start, cut.start()))
        out.append(item)
    return out


def _renumbered(items: Sequence[Item]) -> tuple[list[Item], tuple[Run, ...], list[Diagnostic]]:
    """The items with their note numbers (a restart, a gap or a duplicate
    read as :mod:`relbib.ingest.numbering` says), the runs of printed
    numbers, and a warning per irregularity."""
    numbering = read_numbering([(item.n or 0, item.line) for item in items])
    out: list[Item] = []
    for item, n in zip(items, numbering.numbers, strict=True):
        if n is None and out:  # a duplicate read as a second paragraph of the note before
            before = out[-1]
            out[-1] = Item(n=before.n, text=f"{before.text} {item.text}", start=before.start,
                            end=item.end, line=before.line)
        elif n is not None:
            out.append(Item(n=n, text=item.text, start=item.start, end=item.end, line=item.line))
    problems = [diagnostic("parse-error", message, line=line, column=1, severity=Severity.WARNING,
                           suggestion="check the numbering of the notes section")
                for message, line in numbering.problems]
    return out, numbering.runs, problems


def _out_of_order(text: str, candidates: Sequence[Candidate], chosen: Sequence[Candidate],
                  numbers: set[int | None]) -> list[Candidate]:
    """``chosen`` with the unmistakable markers the increasing sequence left
    out: a bracketed "[7]" of a note no chosen marker carries.  A reference list numbered in its own order (not the order of
    first citation) is cited out of order ("… spaces [4]. … storage [3].");
    the first marker of each such note is kept, in text order."""
    have = {c.n for c in chosen}
    extra: list[Candidate] = []
    for c in candidates:
        if c.n in numbers and c.n not in have and text[c.start] == "[":
            extra.append(c)
            have.add(c.n)
    return sorted((*chosen, *extra), key=lambda c: c.start) if extra else list(chosen)


def _with_symbol_notes(numbered: Sequence[Item], symbols: Sequence[Item], floor: int) -> list[Item]:
    """The numbered notes, then the symbol notes in the section's order, each
    numbered after the last numbered note and every numbered marker (``floor``),
    so it shifts none of them and no marker of a missing note takes its number."""
    last = max((item.n or 0 for item in numbered), default=floor)
    last = max(last, floor)
    given = [Item(n=last + k, text=item.text, start=item.start, end=item.end, line=item.line, label=item.label)
             for k, item in enumerate(symbols, start=1)]
    return [*numbered, *given]


def _symbol_candidates(text: str, body_end: int, items: Sequence[Item],
                       hints: Sequence[tuple[int, int]]) -> list[Candidate]:
    """The marker of each symbol note (see :func:`relbib.ingest.symbols.symbol_marker_spans`)."""
    symbolic = [item for item in items if item.label]
    spans = symbol_marker_spans(text, body_end, [item.label for item in symbolic], hints)
    return [Candidate(n=symbolic[i].n or 0, start=s, end=e, weight=0) for i, (s, e) in spans.items()]


# --- claims ---------------------------------------------------------------------


# Between two markers of one group ("[2], [3]", "1,2", "^2^ ^3^") there is
# only punctuation and space: they cite for the same stretch of text.
_BETWEEN_GROUPED = re.compile(r"[\s,;\[\]()^\u2013-]*")


def _group(text: str, markers: Sequence[Marker], k: int) -> tuple[int, int]:
    """Indexes of the first and last marker of the group holding ``markers[k]``."""
    first, last = k, k
    while first > 0 and _BETWEEN_GROUPED.fullmatch(text, markers[first - 1].end, markers[first].start):
        first -= 1
    while last + 1 < len(markers) and _BETWEEN_GROUPED.fullmatch(
            text, markers[last].end, markers[last + 1].start):
        last += 1
    return first, last


def _claim(text: str, markers: Sequence[Marker], k: int,
           sentences: Sequence[Sentence], sentence_starts: Sequence[int]) -> Sentence | None:
    """The sentence carrying ``markers[k]``, without marker digits.

    Where two markers (or groups of adjacent markers, "[2], [3]") share a
    sentence, each claims the stretch between the previous marker (or the
    sentence start) and its own; a lone marker inside a sentence ("…
    world’,10 highlighting …") claims the whole sentence.
    """
    def sentence_of(m: Marker) -> int:
        return bisect_right(sentence_starts, m.start) - 1

    first, last = _group(text, markers, k)
    i = sentence_of(markers[first])
    if i < 0:
        return None
    sentence = sentences[i]
    previous = markers[first - 1] if first > 0 else None
    following = markers[last + 1] if last + 1 < len(markers) else None
    shares_before = previous is not None and sentence_of(previous) == i
    shares_after = following is not None and sentence_of(following) == i
    start = previous.end if shares_before and previous is not None else sentence.start
    end = markers[first].start if shares_after else max(sentence.end, markers[last].end)
    if text[markers[first].start - 1:markers[first].start] == ";":
        end = markers[first].start - 1  # "was signed;1 the critics …": the clause before the semicolon
    claim_text = _without_markers(text, markers, start, end)
    lead = len(claim_text) - len(claim_text.lstrip(" \t\n,;"))
    claim_text = claim_text.strip().lstrip(",;").strip()
    start += lead
    while end > start and (text[end - 1].isspace() or text[end - 1] in "[(" or text[end - 1].isdigit()
                           and any(m.start < end <= m.end for m in markers)):
        end -= 1
    if not any(ch.isalnum() for ch in claim_text):  # "parties.1,2": nothing of its own
        return None
    return Sentence(text=claim_text, start=start, end=end,
                    line=text.count("\n", 0, start) + 1, paragraph=sentence.paragraph)


def _without_markers(text: str, markers: Sequence[Marker], start: int, end: int) -> str:
    """text[start:end] with the marker digits (their brackets, and what joins a
    group of them: "[2], [3]") left out, and the space a spaced marker leaves
    before punctuation ("2019 [1]." → "2019.")."""
    cuts: list[list[int]] = []
    for m in markers:
        if start <= m.start and m.end <= end:
            cut_start, cut_end = m.start, m.end
            if text[cut_start - 1:cut_start] in ("[", "(") and text[cut_end:cut_end + 1] in ("]", ")"):
                cut_start, cut_end = cut_start - 1, cut_end + 1  # "2016.[1]", "year (2)"
            if cuts and _BETWEEN_GROUPED.fullmatch(text, cuts[-1][1], cut_start):
                cuts[-1][1] = cut_end
            else:
                cuts.append([cut_start, cut_end])
    pieces, cursor = [], start
    for cut_start, cut_end in cuts:
        pieces.append(text[cursor:cut_start])
        cursor = cut_end
    pieces.append(text[cursor:end])
    return join_broken_words(re.sub(r"[ \t]+(?=[.,;:!?](?:\s|$))|[ \t]+$", "", "".join(pieces)))


# --- public ---------------------------------------------------------------------


def find_notes(text: str, *, marker_hints: Sequence[tuple[int, int]] = (),
               spaced_markers: bool = False) -> NotesResult:
    """The notes section, the markers and each note's claim in ``text``.

    ``marker_hints`` are spans of markers the source made explicit; when
    given, only they are markers; ``spaced_markers`` (text from a PDF) also
    takes a number set one space after punctuation ("decades. 3") for a
    marker where the notes have room for it.  A notes section numbered from any
    number, with gaps, duplicates or restarts is read (see
    :mod:`relbib.ingest.numbering`), with a warning per irregularity.
    """
    starts = line_starts(text)
    diagnostics: list[Diagnostic] = []
    section = _find_section(text)
    items: list[Item] = []
    symbols: list[Item] = []
    runs: tuple[Run, ...] = ()
    body_end = len(text)
    if section is not None:
        section_start, first, _heading = section
        printed, _ = numbered_items(text, 0, len(text), first=first)
        items, runs, problems = _renumbered(_unglued([item for item in printed if not item.label], text))
        symbols = [item for item in printed if item.label]
        diagnostics.extend(problems)
        body_end = section_start
        while body_end > 0 and text[body_end - 1].isspace():
            body_end -= 1

    numbered_hints = [(s, e) for s, e in marker_hints if text[s:e].isdigit()]
    candidates = marker_candidates(text, body_end, runs, numbered_hints, spaced=spaced_markers)
    chosen = reconcile(candidates, max((c.n for c in candidates), default=0)) if candidates else []
    items = _with_symbol_notes(items, symbols, max((c.n for c in candidates), default=0))
    if section is not None and not section[2] and len(chosen) < max(2, (len(items) + 1) // 2):
        # a numbered list closing the essay, not notes: nothing in the body points at it
        items, chosen, body_end, runs, diagnostics = [], [], len(text), (), []
    numbers = {item.n for item in items}
    chosen = _out_of_order(text, candidates, chosen, numbers)
    chosen = sorted((*chosen, *_symbol_candidates(text, body_end, items, marker_hints)), key=lambda c: c.start)
    labels = {item.n: item.label for item in items if item.label}

    def as_marker(c: Candidate) -> Marker:
        line = line_of(starts, c.start)
        return Marker(n=c.n, start=c.start, end=c.end, line=line, column=c.start - starts[line - 1] + 1,
                      label=labels.get(c.n, ""))

    markers = tuple(as_marker(c) for c in chosen)
    # A note cited again ("[4], [5]" after an earlier [4]; a Wikipedia
    # reference used twice) is no new marker, but it is no part of the
    # claim's words either.
    chosen_starts = {c.start for c in chosen}
    reused = tuple(as_marker(c) for c in candidates
                   if c.start not in chosen_starts and c.n in numbers
                   and (marker_hints or text[c.start] in "[("))
    every = tuple(sorted((*markers, *reused), key=lambda m: m.start))
    paragraphs = split_paragraphs(text, 0, body_end)
    sentences = split_sentences(text, paragraphs, [(m.start, m.end) for m in every])
    sentence_starts = [s.start for s in sentences]

    by_n = {m.n: m for m in markers}
    claims: dict[int, Sentence | None] = {}
    previous: Marker | None = None
    for m in markers:
        claim = _claim(text, every, every.index(m), sentences, sentence_starts)
        if claim is None and previous is not None:
            claim = claims.get(previous.n)
        claims[m.n] = claim
        previous = m

    notes = tuple(
        Note(n=item.n or 0, text=item.text, start=item.start, end=item.end, line=item.line,
             marker=by_n.get(item.n or 0), claim=claims.get(item.n or 0), label=item.label)
        for item in items
    )
    for note in notes:
        if note.marker is None:
            diagnostics.append(diagnostic(
                "parse-error", f"note {note.label or note.n} has no marker in the body",
                line=note.line, column=1, severity=Severity.WARNING, note=note.n,
                suggestion="put the note number right after the words it supports"))
    if not notes:
        diagnostics.extend(markers_without_notes(text, body_end, markers))
    for m in markers if notes else ():
        if m.n not in numbers:
            diagnostics.append(diagnostic(
                "parse-error", f"marker {m.n} has no note", line=m.line, column=m.column,
                severity=Severity.WARNING, suggestion="add the note to the notes section"))
    return NotesResult(body_end=body_end, notes=notes, markers=markers,
                       diagnostics=tuple(diagnostics), paragraphs=paragraphs,
                       sentences=sentences)


def has_notes_heading(text: str) -> bool:
    """Whether ``text`` has a notes section under a heading ("Notes", "Endnotes")."""
    section = _find_section(text)
    return section is not None and section[2]


def split_numbered(text: str) -> tuple[NumberedItem, ...]:
    """Items of a reference list or notes section, for ``relbib parse``.

    Numbered (``1.``, ``1)``, ``[1]``, ``1 ``): one item per number, wrapped
    lines joined, a leading notes heading skipped, an unnumbered paragraph
    kept as an item of its own.  Unnumbered: one item per entry, where an
    entry is a blank-separated block when entries span several lines (or
    lines hang, indented), else one per non-empty line.
    """
    starts = line_starts(text)
    lines = line_spans(text, 0, len(text))
    numbered = any(item_number(text, s, e, None) for s, e in lines)
    multiline = _has_multiline_blocks(text, lines)
    out: list[NumberedItem] = []
    cur_n: int | None = None
    cur: list[tuple[int, int]] = []
    expected: int | None = None
    blank = False
    form = ""

    def flush() -> None:
        if cur:
            joined = " ".join(text[a:b].strip() for a, b in cur)
            out.append(NumberedItem(n=cur_n, text=joined, line=line_of(starts, cur[0][0])))

    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            blank = True
            continue
        number = item_number(text, s, e, expected, form) if numbered else None
        if number is not None:
            form = form or item_form(text, s, e)
            flush()
            cur_n, cur, expected = number[0], [(number[1], e)], number[0] + 1
        elif not out and not cur and NOTES_HEADING_RE.match(text, s, e):
            pass  # "Footnotes :" above the list
        elif cur and not blank and (numbered or multiline or line[:1] in " \t"):
            cur.append((s, e))  # a wrapped or hanging line
        else:
            flush()
            cur_n, cur = None, [(s, e)]
        blank = False
    flush()
    return tuple(out)


# A paragraph of prose: long, and three sentences or more.
_PROSE_MIN_CHARS = 250
_PROSE_SENTENCE_RE = re.compile(r"[a-z][.!?][’”\"')]?\s+[A-Z]")


def prose_warning(items: Sequence[NumberedItem]) -> Diagnostic | None:
    """A warning when most unnumbered items of :func:`split_numbered` are
    paragraphs of prose: an essay given to ``relbib parse``, whose every
    paragraph would silently become a "note"."""
    loose = [item for item in items if item.n is None]
    prose = [item for item in loose if len(item.text) >= _PROSE_MIN_CHARS
             and len(_PROSE_SENTENCE_RE.findall(item.text)) >= 2]
    if len(prose) < 2 or len(prose) * 2 < len(loose):
        return None
    return diagnostic(
        "parse-error",
        f"this reads like an essay, not a list of references or notes: {len(prose)} of its "
        f"{len(items)} items are paragraphs of prose, each read as a note",
        line=prose[0].line, column=1, severity=Severity.WARNING,
        suggestion="give `relbib parse` the notes section or reference list only; "
                   "`relbib ingest` reads a whole essay")


def _has_multiline_blocks(text: str, lines: Sequence[tuple[int, int]]) -> bool:
    """Whether blank lines separate entries and most entries run over several lines."""
    sizes: list[int] = []
    run = 0
    for s, e in lines:
        if text[s:e].strip():
            run += 1
        elif run:
            sizes.append(run)
            run = 0
    if run:
        sizes.append(run)
    return len(sizes) > 1 and sum(1 for n in sizes if n > 1) * 2 > len(sizes)
