"""Chains the stages: essay text → Essay → References → Citations → library.

Input: essay texts with their paths, reference-list texts, a Library.
Output: EssayIngest records, parse results and library updates.
Never: read or write files, print, or look at the environment (workspace.py
and cli.py do that).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from relbib.diagnostics import diagnostic
from relbib.ingest.essay import load_essay
from relbib.library.core import Library, LibraryUpdate, update_library
from relbib.library.keys import make_key
from relbib.model import (
    Citation,
    Diagnostic,
    Entry,
    EssayIngest,
    FullRef,
    Reference,
    UnparsedRef,
    freeze_fields,
)
from relbib.notes import split_numbered
from relbib.parse import parse_note
from relbib.resolve import resolve


def ingest_essay(text: str, *, path: str) -> EssayIngest:
    """One essay through stages 1-4 (no keys yet: the library assigns them)."""
    essay, essay_diagnostics = load_essay(text, path=path)
    numbers = [note.n for note in essay.notes]
    references = tuple(parse_note(note.text) for note in essay.notes)
    result = resolve(list(zip(numbers, references, strict=True)))
    lines = {note.n: note.line for note in essay.notes}
    located = tuple(
        _located(d, path, lines)
        for d in (*essay_diagnostics, *result.diagnostics, *_incomplete(numbers, references, result.citations))
    )
    return EssayIngest(
        essay=essay, references=references, citations=result.citations, diagnostics=located
    )


def ingest_essays(sources: Sequence[tuple[str, str]]) -> tuple[EssayIngest, ...]:
    """Every (path, text) through stages 1-4, in the order given."""
    return tuple(ingest_essay(text, path=path) for path, text in sources)


def update(library: Library, ingests: Sequence[EssayIngest]) -> LibraryUpdate:
    """Stage 5: the library with these essays' sources, keys and claims."""
    return update_library(library, ingests)


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedNote:
    n: int
    text: str
    line: int
    reference: Reference
    citation: Citation


@dataclass(frozen=True, slots=True, kw_only=True)
class ParseResult:
    notes: tuple[ParsedNote, ...]
    entries: tuple[Entry, ...]
    diagnostics: tuple[Diagnostic, ...]


def parse_list(text: str, *, path: str = "-") -> ParseResult:
    """A reference list or notes section → parsed notes and resolved sources.

    Items without numbers are numbered in order, so that Ibid. and op. cit.
    still resolve against the items before them.
    """
    items = split_numbered(text)
    numbered = [(item.n if item.n is not None else i + 1, item) for i, item in enumerate(items)]
    references = [parse_note(item.text) for _, item in numbered]
    result = resolve([(n, ref) for (n, _), ref in zip(numbered, references, strict=True)])
    citations = {c.note: c for c in result.citations}
    keys: dict[int, str] = {}
    taken: set[str] = set()
    entries: list[Entry] = []
    for (n, _), ref in zip(numbered, references, strict=True):
        citation = citations[n]
        if isinstance(ref, FullRef) and citation.source == n:
            key = make_key(ref.fields, taken)
            taken.add(key)
            keys[n] = key
            entries.append(Entry(key=key, type=ref.type, fields=freeze_fields(ref.fields)))
    notes = []
    for (n, item), ref in zip(numbered, references, strict=True):
        citation = citations[n]
        source_key = keys.get(citation.source) if citation.source is not None else None
        notes.append(
            ParsedNote(
                n=n,
                text=item.text,
                line=item.line,
                reference=ref,
                citation=replace(citation, key=source_key),
            )
        )
    lines = {n: item.line for n, item in numbered}
    problems = _incomplete([n for n, _ in numbered], references, result.citations)
    located = tuple(
        _located(d, path, lines)
        for d in (*result.diagnostics, *problems)
    )
    return ParseResult(notes=tuple(notes), entries=tuple(entries), diagnostics=located)


def _incomplete(
    numbers: Sequence[int], references: Sequence[Reference], citations: Sequence[Citation]
) -> tuple[Diagnostic, ...]:
    """incomplete-note: a note cut short (dangling comma, web item with no URL, no year).

    Only a note that is its own source is judged: a short form or a repeat
    resolved to an earlier note says no more than it needs to.
    """
    source_of = {c.note: c.source for c in citations}
    out: list[Diagnostic] = []
    for n, ref in zip(numbers, references, strict=True):
        if isinstance(ref, UnparsedRef):
            out.append(diagnostic(
                "incomplete-note",
                f"note {n}: cannot be read as a reference ({ref.reason})",
                suggestion="write the note out in full: author, title, venue, date",
            ))
            continue
        if not isinstance(ref, FullRef) or source_of.get(n, n) != n:
            continue
        reasons = []
        if ref.text.rstrip().endswith((",", ";", ":")):
            reasons.append("it ends with a dangling comma")
        if "year" not in ref.fields and "date" not in ref.fields:
            reasons.append("it has no year")
        # Only a web page needs its URL: an ``online`` entry, or a ``misc`` one
        # naming nothing else that says where it appeared (a publisher, an
        # issuing body, a reporter citation or genre, a periodical, a number).
        web = ref.type == "online" or ref.type == "misc" and not {
            "publisher", "institution", "organization", "howpublished", "journal", "number"
        } & set(ref.fields)
        if web and not {"url", "doi"} & set(ref.fields):
            reasons.append("a web source with no URL")
        if reasons:
            out.append(diagnostic(
                "incomplete-note",
                f"note {n}: looks cut short: " + "; ".join(reasons),
                suggestion="complete the note; for a web source, add its URL and the access date",
            ))
    return tuple(out)


# Stage diagnostics about a note say "note N: ..." (resolve.py and the
# checks above); the pipeline, which knows where each note stands, adds the line.
_NOTE_IN_MESSAGE = re.compile(r"note (\d+)")


def _note_number(d: Diagnostic) -> int | None:
    m = _NOTE_IN_MESSAGE.match(d.message)
    return int(m.group(1)) if m else None


def _located(d: Diagnostic, path: str, lines: dict[int, int]) -> Diagnostic:
    """``d`` at its note's line (column 1: the note as a whole) in ``path``."""
    line = d.line or _line_of_note(d, lines)
    return replace(d, path=d.path or path, line=line, column=d.column or (1 if line else 0))


def _line_of_note(d: Diagnostic, lines: dict[int, int]) -> int:
    n = _note_number(d)
    return lines.get(n, 0) if n is not None else 0
