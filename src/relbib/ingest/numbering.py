"""How a notes section is numbered: its start, gaps, duplicates and restarts.

Input: the printed number and line of each item of a notes section, in order.
Output: :class:`Numbering` — each item's note number (or that it continues
the note before it), the runs of printed numbers (one per chapter when the
numbering restarts), and one problem (message, line) per irregularity.
Never: drop an item, raise, or look at the text of a note.

Real documents are rarely numbered 1..n: a book chapter's notes start at 7,
a book's endnotes restart at 1 for each chapter, a note is missing, or one
number is printed twice.  Every item is kept.  A restart opens a new run,
whose notes are numbered after the last note of the run before (so note
numbers stay unique and increasing); a duplicate is read as the missing
next number when that number is nowhere else, and otherwise as a second
paragraph of the note it repeats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# The most items a list inside one note may have.
_NESTED_MAX = 30


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """Printed numbers ``low``..``high`` read as note numbers ``offset`` higher."""

    offset: int
    low: int
    high: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Numbering:
    numbers: tuple[int | None, ...]  # per item: its note number, None = part of the note before
    runs: tuple[Run, ...]
    problems: tuple[tuple[str, int], ...]  # (message, line)


def read_numbering(printed: Sequence[tuple[int, int]]) -> Numbering:
    """The note number of each (printed number, line) item, and what is irregular."""
    numbers: list[int | None] = []
    runs: list[Run] = []
    problems: list[tuple[str, int]] = []
    offset, low, prev, last = 0, 0, 0, 0  # prev: printed, last: note number
    for k, (n, line) in enumerate(printed):
        if k == 0:
            low = prev = n
            if n != 1:
                problems.append((f"the notes start at {n}: notes 1–{n - 1} are not in this text"
                                 if n > 2 else "the notes start at 2: note 1 is not in this text", line))
        elif n > prev:
            if n > prev + 1:
                missing = f"note {prev + 1} is" if n == prev + 2 else f"notes {prev + 1}–{n - 1} are"
                problems.append((f"{missing} missing from the notes section (found {n} after {prev})", line))
        elif n < prev and _nested_list(printed, k, prev):
            if numbers[-1] is not None:
                problems.append((f"a list numbered from {n} inside note {prev} is read as part of it", line))
            numbers.append(None)
            continue
        elif n == 1 and prev >= 2:
            runs.append(Run(offset=offset, low=low, high=prev))
            offset, low = last, 1
            problems.append((f"the note numbering restarts at 1 after note {prev} (a new chapter?): "
                             f"its notes are read as notes {offset + 1} onwards", line))
        elif _free(printed, k, prev + 1):
            problems.append((f"note {n} is numbered twice: the second is read as note {prev + 1}", line))
            n = prev + 1
        else:
            problems.append((f"note {n} is numbered twice: the second is read as part of note {prev}", line))
            numbers.append(None)
            continue
        prev, last = n, n + offset
        numbers.append(last)
    if printed:
        runs.append(Run(offset=offset, low=low, high=prev))
    return Numbering(numbers=tuple(numbers), runs=tuple(runs), problems=tuple(problems))


def _nested_list(printed: Sequence[tuple[int, int]], k: int, prev: int) -> bool:
    """Whether item ``k`` opens a short list inside note ``prev``: items
    counting up one by one from item ``k``, then an item printed ``prev + 1``
    that carries the notes on, not the list ("696, 1, 2, 3, 697": a note
    quoting a numbered passage; "3, 1, 2, 3, 4" is a new chapter's notes)."""
    low = printed[k][0]
    for m, _line in printed[k + 1:k + 1 + _NESTED_MAX]:
        if m == low + 1:
            low = m
        else:
            return m == prev + 1
    return False


def _free(printed: Sequence[tuple[int, int]], k: int, n: int) -> bool:
    """Whether no item after ``k`` in its run is printed ``n`` (a duplicate
    then stands for the missing ``n``: "1, 2, 2, 4")."""
    for m, _line in printed[k + 1:]:
        if m == 1:
            return True
        if m == n:
            return False
        if m > n:
            return True
    return True


def note_numbers(printed: int, runs: Sequence[Run]) -> tuple[int, ...]:
    """Every note number a marker printed ``printed`` may stand for (one per run holding it)."""
    return tuple(printed + run.offset for run in runs if run.low <= printed <= run.high)
