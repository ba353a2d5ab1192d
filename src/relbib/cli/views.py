"""What the CLI shows of the library's records: JSON shapes and one-line summaries.

Input: records (Entry, Annotation, Citation, Reference, EssayIngest).
Output: plain dicts in the CLI contract's JSON shapes (DESIGN.md), and
one-line text summaries.
Never: print, read files, or decide exit codes (cli.py does).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from relbib.library.identity import entry_year
from relbib.model import (
    Annotation,
    Citation,
    Entry,
    EssayIngest,
    FullRef,
    NoteCitations,
    Reference,
    fields_as_json,
)

if TYPE_CHECKING:
    from relbib.library.core import Library, LibraryUpdate
    from relbib.pipeline import ParseResult


def citation_json(citation: Citation) -> dict[str, Any]:
    return {
        "key": citation.key,
        "form": citation.form.value,
        "refers_to": citation.refers_to,
        "pinpoint": citation.pinpoint,
    }


def reference_json(reference: Reference) -> dict[str, Any]:
    if isinstance(reference, FullRef):
        return {
            "type": reference.type,
            "fields": fields_as_json(reference.fields),
            "confidence": round(min(reference.confidence.values(), default=1.0), 3),
        }
    return {"type": None, "fields": {}, "confidence": 0.0 if type(reference).__name__ == "UnparsedRef" else 1.0}


def entry_json(entry: Entry, annotation: Annotation | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"key": entry.key, "type": entry.type, "fields": fields_as_json(entry.fields)}
    if annotation is not None:
        out["annotation"] = {
            "summary": annotation.summary,
            "tags": list(annotation.tags),
            "claims": [
                {
                    "essay": c.essay,
                    "line": c.line,
                    "quote": c.quote,
                    "note": c.note,
                    "pinpoint": c.pinpoint,
                    "relation": c.relation,
                    "score": c.score,
                    **({"status": c.status} if c.status else {}),
                    **({"evidence": c.evidence} if c.evidence else {}),
                }
                for c in annotation.claims
            ],
        }
    return out


def essay_json(ingest: EssayIngest, citations: Sequence[Citation]) -> dict[str, Any]:
    essay = ingest.essay
    by_note: dict[int, Citation] = {}
    for c in citations:
        by_note.setdefault(c.note, c)  # a note's own key/form are its first citation's
    notes = []
    for note in essay.notes:
        citation = by_note.get(note.n)
        notes.append(
            {
                "n": note.n,
                "text": note.text,
                **(citation_json(citation) if citation else {"key": None, "form": None,
                                                              "refers_to": None, "pinpoint": None}),
                "marker": (
                    {"line": note.marker.line, "column": note.marker.column, "offset": note.marker.start}
                    if note.marker
                    else None
                ),
                "claim": (
                    {"text": note.claim.text, "line": note.claim.line, "start": note.claim.start,
                     "end": note.claim.end}
                    if note.claim
                    else None
                ),
            }
        )
    return {
        "id": essay.id,
        "path": essay.path,
        "title": essay.title,
        "authors": [a.as_json() for a in essay.authors],
        "notes": notes,
        "warnings": [d.as_json() for d in ingest.diagnostics],
    }


def first_author(entry: Entry) -> str:
    names = entry.fields.get("author") or entry.fields.get("editor")
    if isinstance(names, tuple) and names:
        return names[0].family
    for field in ("organization", "institution", "journal", "howpublished"):
        value = entry.fields.get(field)
        if isinstance(value, str) and value:
            return value
    return ""


def entry_line(entry: Entry) -> str:
    title = entry.fields.get("title", "")
    year = entry_year(entry.fields) or ""
    return f"{entry.key:<28} {year:<5} {first_author(entry)[:24]:<24} {title}"


def annotation_text(annotation: Annotation) -> str:
    """What `relbib show` prints of an annotation, after the entry."""
    lines = []
    if annotation.summary:
        lines.append(f"\nsummary: {annotation.summary}")
    if annotation.tags:
        lines.append("tags: " + ", ".join(annotation.tags))
    for claim in annotation.claims:
        pin = f", p. {claim.pinpoint}" if claim.pinpoint else ""
        lines.append(f"\n[{claim.relation}] {claim.essay}:{claim.line} (note {claim.note}{pin})\n"
                     f"  {claim.quote}")
    return "".join(line + "\n" for line in lines)


def counted(counts: Mapping[str, int], sep: str = ", ") -> str:
    """``{"cited": 3, "supports": 1}`` → ``3 cited, 1 supports`` (in the mapping's order)."""
    return sep.join(f"{n} {name}" for name, n in counts.items())


def link_summary(essays: int, relations: Sequence[str], findings: Mapping[str, int],
                 files: int, *, written: bool) -> str:
    """`relbib link`'s closing line: essays, links by relation, findings by kind, files."""
    return (f"{essays} essays; links: {counted(dict(sorted(Counter(relations).items())))}"
            f"; findings: {counted(findings)}"
            f"; {files} files " + ("written" if written else "would change"))


def build_rows(essays: int, library: Library, findings: Sequence[str],
               written: Sequence[object]) -> list[tuple[str, str]]:
    """`relbib build`'s summary table: essays, sources, claims by relation,
    findings by kind, the files written."""
    claims = [c for k, a in library.annotations.items() if k in library.sources for c in a.claims]
    relations: dict[str, int] = dict(sorted(Counter(c.relation for c in claims).items()))
    kinds = dict(sorted(Counter(findings).items()))
    return [("essays", str(essays)), ("sources", str(len(library.sources))),
            ("claims", f"{len(claims)} ({counted(relations)})"),
            ("findings", counted(kinds, "\n") or "none"),
            ("files written", "\n".join(str(t) for t in written))]


def parse_json(result: ParseResult) -> dict[str, Any]:
    """`relbib parse --format json`: each note with its kind and citations (its own
    reference and citation fields are its first citation's), the entries."""
    return {
        "notes": [
            {"n": note.n, "text": note.text,
             "kind": note.cited.kind if note.cited is not None else "citation",
             "citations": _citations_json(note.cited, note.citations),
             **reference_json(note.reference), **citation_json(note.citation)}
            for note in result.notes
        ],
        "entries": [entry_json(e) for e in result.entries],
    }


def _citations_json(cited: NoteCitations | None, citations: Sequence[Citation]) -> list[dict[str, Any]]:
    """The citations of one note: span, signal, what each says and how it resolved."""
    if cited is None:
        return []
    return [
        {"start": span.start, "end": span.end, "text": span.text, "signal": span.signal,
         **reference_json(span.reference), **citation_json(citation)}
        for span, citation in zip(cited.citations, citations, strict=False)
    ]


def ingest_json(ingests: Sequence[EssayIngest], update: LibraryUpdate) -> dict[str, Any]:
    """`relbib ingest --format json`: each essay with its notes, the keys added and updated."""
    return {
        "essays": [essay_json(i, update.citations.get(i.essay.id, ())) for i in ingests],
        "added": list(update.added),
        "updated": list(update.updated),
    }


def ingest_summary(ingests: Sequence[EssayIngest], update: LibraryUpdate, files: int, *,
                   written: bool) -> str:
    """`relbib ingest`'s closing line: essays, notes, entries added and updated, files."""
    notes = sum(len(i.essay.notes) for i in ingests)
    return (f"{len(ingests)} essays, {notes} notes; {len(update.added)} entries added, "
            f"{len(update.updated)} updated; {files} files "
            + ("written" if written else "would change"))
