"""Note markers in an essay's body: candidates, and the sequence that fits the notes.

Input: the plain text of an essay's body, the runs of its notes' numbers
(:mod:`relbib.ingest.numbering`) or the spans of markers the source made
explicit.
Output: marker candidates valued as note numbers, the heaviest increasing
sequence of them, and a warning when markers have no notes.
Never: read a file, or decide where the notes section is (relbib.notes does).

In plain text a marker is a number glued to a word or punctuation
(``Pakistan,1 Russia``, ``parties.2 As``, ``do.’8``, ``in 2018.17``).
Candidates are scored by what they are glued to and reconciled with the
note numbers by a weighted longest increasing subsequence, so a year, a
quantity or a name like ``G20`` is taken only where the note sequence has
room for it, and never when a better-glued candidate carries that number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from relbib.diagnostics import diagnostic
from relbib.ingest.numbering import Run, note_numbers
from relbib.ingest.sentences import line_of, line_starts
from relbib.model import Diagnostic, Marker, Severity

# --- regexes ------------------------------------------------------------------

# A run of digits that may be a marker.
_DIGITS_RE = re.compile(r"(?<!\d)\d{1,3}(?!\d)")
# What may follow a marker: the end, space, or closing punctuation.
_AFTER_MARKER = set(" \t\n\r,;:.!?)]”’\"'—–")
# What a marker may be glued to, strongly: punctuation closing a word or quote.
# An em or en dash ends a clause like a comma: "had been militarised—3 a".
_STRONG_BEFORE = set(".,;:!?’”\"')]—–")

# Candidate weights: how sure the glue makes us that a number is a marker.
_W_PUNCT = 3  # "parties.2", "Pakistan,1", "do.’8", "(SCO).6"
_W_WORD = 2  # "parties2"
_W_WEAK = 1  # "U2", "G20", "in 2018.17": only where the sequence has room
# Punctuation a marker set one space apart may follow in text from a PDF.
_SPACED_AFTER = set(".,;:!?’”\"')")



@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    n: int
    start: int
    end: int
    weight: int


# --- candidates --------------------------------------------------------------------


def _glued_candidates(text: str, end: int, max_n: int, *, spaced: bool = False) -> list[Candidate]:
    """Numbers in text[:end] glued to a word or punctuation, valued 1..max_n
    (and, ``spaced``, set one space after punctuation: "decades. 3")."""
    out: list[Candidate] = []
    prev_end = -1
    for m in _DIGITS_RE.finditer(text, 0, end):
        s, e = m.span()
        n = int(m.group(0))
        if s == 0 or not 1 <= n <= max_n or m.group(0).startswith("0"):
            continue
        after = text[e] if e < len(text) else " "
        if not (after.isspace() or after in _AFTER_MARKER):
            continue
        if after in ".,:" and e + 1 < len(text) and text[e + 1].isdigit():
            # "1,100" and "3.5" are numbers; "1,2" is two markers
            tail = _DIGITS_RE.match(text, e + 1)
            if after != "," or tail is None or len(tail.group(0)) == 3:
                continue
        before = text[s - 1]
        before2 = text[s - 2] if s >= 2 else " "
        weight = 0
        if spaced and before == " " and before2 in _SPACED_AFTER and (after.isspace() or e == len(text)):
            # a raised number OCR set apart: "decades. 3 This", "Court,’ 12 and"
            out.append(Candidate(n=n, start=s, end=e, weight=_W_WEAK))
            prev_end = e
            continue
        if before == "[" and after == "]" or (
                before == "(" and after == ")" and s >= 2 and (
                    not before2.isspace() or text[e + 1:e + 2] in (".", ",", ";", ":", "\n", ""))):
            # "in 2016.[1]", "people.(1)": a bracketed number glued to the
            # text is a marker, brackets and all ("two conditions: (1) the"
            # is an enumeration)
            out.append(Candidate(n=n, start=s - 1, end=e + 1, weight=_W_PUNCT))
            prev_end = e
            continue
        if before in _STRONG_BEFORE:
            if before2.isdigit():
                if before == "," and prev_end == s - 1:
                    weight = _W_PUNCT  # the 2 of "parties.1,2"
                elif before in ".," and re.search(r"(?<!\d)(1[5-9]|20)\d\d$", text[max(0, s - 6):s - 1]):
                    weight = _W_WEAK  # "in 2018.17", "of 1999,3 the": a year, then the marker
                elif before == ")":
                    weight = _W_WORD
            elif (before2.isspace() or s < 2) and before in ".,;:":
                weight = 0  # " ,3" is not glued to anything
            else:
                weight = _W_PUNCT
        elif before.isalpha():
            word = re.search(r"[^\W\d_]+$", text[max(0, s - 30):s])
            token = word.group(0) if word else before
            # "U2", "G20", "MI17": a capitalised name with a number in it
            weight = _W_WEAK if token.isupper() else _W_WORD
        if weight:
            out.append(Candidate(n=n, start=s, end=e, weight=weight))
            prev_end = e
    if spaced:
        out.extend(_split_candidates(text, end, max_n))
        out.sort(key=lambda c: (c.start, -c.n))
    return out


# A raised number OCR split in two ("files.1 3" for 13, "decades. 2 0" for 20).
_SPLIT_RE = re.compile(r"(?<=[^\s\d])(?P<a>[1-9]) (?P<b>\d(?: ?\d)?)(?=[\s,;:.!?)]|$)"
                       r"|(?<=[.,;:!?’”\"')] )(?P<c>[1-9]) (?P<d>\d(?: ?\d)?)(?=\s|$)")


def _split_candidates(text: str, end: int, max_n: int) -> list[Candidate]:
    """Markers of text from a PDF whose digits OCR set apart, valued as one number."""
    out: list[Candidate] = []
    for m in _SPLIT_RE.finditer(text, 0, end):
        n = int((m.group("a") or m.group("c")) + (m.group("b") or m.group("d")).replace(" ", ""))
        if n <= max_n:
            # glued, the split number outweighs its first digit read alone
            out.append(Candidate(n=n, start=m.start(), end=m.end(), weight=_W_PUNCT + 1 if m.group("a") else _W_WEAK))
    return out


def reconcile(candidates: Sequence[Candidate], max_n: int) -> list[Candidate]:
    """The heaviest subsequence of candidates, in text order, whose numbers
    strictly increase (a weighted longest increasing subsequence; a Fenwick
    tree over note numbers keeps it O(k log n))."""
    size = max_n + 1
    tree_score = [0] * (size + 1)
    tree_index = [-1] * (size + 1)
    score = [0] * len(candidates)
    back = [-1] * len(candidates)

    def query(v: int) -> tuple[int, int]:  # best over numbers < v
        best, index = 0, -1
        i = v - 1
        while i > 0:
            if tree_score[i] > best:
                best, index = tree_score[i], tree_index[i]
            i -= i & -i
        return best, index

    def update(v: int, s: int, index: int) -> None:
        i = v
        while i <= size:
            if s > tree_score[i]:
                tree_score[i], tree_index[i] = s, index
            i += i & -i

    best_total, best_last = 0, -1
    for k, cand in enumerate(candidates):
        prior, prior_index = query(cand.n)
        score[k] = prior + cand.weight
        back[k] = prior_index
        update(cand.n, score[k], k)
        if score[k] > best_total:
            best_total, best_last = score[k], k
    chosen: list[Candidate] = []
    k = best_last
    while k != -1:
        chosen.append(candidates[k])
        k = back[k]
    return chosen[::-1]


# A superscript run or an HTML <sup> longer than this is no note number.
_MAX_NOTE = 9999
# Glued numbers 1, 2, 3, ... in the body with no notes section: this many
# in a row say the notes went missing (a PDF's footnotes left behind).
_ORPHAN_RUN = 3


def marker_candidates(text: str, body_end: int, runs: Sequence[Run],
                       hints: Sequence[tuple[int, int]], *, spaced: bool = False) -> list[Candidate]:
    """Marker candidates, each valued as the note numbers its printed number
    may stand for (one per run of a numbering that restarts), a position's
    higher values first so that no two of them chain."""
    if hints:
        printed = [Candidate(n=int(text[s:e]), start=s, end=e, weight=_W_PUNCT)
                   for s, e in sorted(hints)
                   if s < body_end and text[s:e].isdigit() and 1 <= int(text[s:e]) <= _MAX_NOTE]
        if not runs:
            return printed
    elif runs:
        printed = _glued_candidates(text, body_end, max(run.high for run in runs), spaced=spaced)
    else:
        return []
    last = runs[-1]
    return [Candidate(n=n, start=c.start, end=c.end, weight=c.weight)
            for c in printed
            # an explicit marker past the last note is a marker whose note is missing
            for n in sorted(note_numbers(c.n, runs) or ((c.n + last.offset,) if hints and c.n > last.high
                                                        else ()), reverse=True)]


def markers_without_notes(text: str, body_end: int, markers: Sequence[Marker]) -> list[Diagnostic]:
    """A warning when the body has note markers but no notes were found."""
    if markers:
        first = markers[0]
        what = f"{len(markers)} note marker{'s' if len(markers) > 1 else ''} ({first.n}…{markers[-1].n})"
        line, column = first.line, first.column
    else:
        glued = [c for c in reconcile(_glued_candidates(text, body_end, 999), 999) if c.weight >= _W_WORD]
        consecutive = [c for k, c in enumerate(glued) if k + 1 < len(glued) and glued[k + 1].n == c.n + 1]
        if len(consecutive) + 1 < _ORPHAN_RUN:
            return []
        line = line_of(line_starts(text), consecutive[0].start)
        column = consecutive[0].start - line_starts(text)[line - 1] + 1
        what = f"numbers that look like note markers ({consecutive[0].n}, {consecutive[1].n}, …)"
    return [diagnostic(
        "parse-error", f"the body has {what} but no notes were found", line=line, column=column,
        severity=Severity.WARNING,
        suggestion="put the notes after the text under a 'Notes' heading, one numbered note a line")]
