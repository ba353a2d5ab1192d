"""What the CLI shows of the library's records: JSON shapes and one-line summaries.

Input: records (Entry, Annotation, Citation, Reference, EssayIngest).
Output: plain dicts in the CLI contract's JSON shapes (DESIGN.md), and
one-line text summaries.
Never: print, read files, or decide exit codes (cli.py does).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from relbib.model import (
    Annotation,
    Citation,
    Entry,
    EssayIngest,
    FullRef,
    Reference,
    fields_as_json,
)


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
                }
                for c in annotation.claims
            ],
        }
    return out


def essay_json(ingest: EssayIngest, citations: Sequence[Citation]) -> dict[str, Any]:
    essay = ingest.essay
    by_note = {c.note: c for c in citations}
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


def year_of(entry: Entry) -> str:
    for field in ("year", "date"):
        value = entry.fields.get(field)
        if isinstance(value, str) and value:
            return value[:4]
    return ""


def entry_line(entry: Entry) -> str:
    title = entry.fields.get("title", "")
    return f"{entry.key:<28} {year_of(entry):<5} {first_author(entry)[:24]:<24} {title}"
