"""The render test library (tests/cases/render/*.json) and its loader.

The render, export, formats and tools tests import :func:`load_case` from here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relbib.model import Annotation, AnnotationClaim, Entry, Name, freeze_fields
from relbib.render import EssayView
from relbib.render.document import ParagraphView

CASES = Path(__file__).resolve().parent / "cases" / "render"

EVERY_TYPE = {
    "article", "book", "incollection", "inproceedings", "techreport", "phdthesis",
    "mastersthesis", "misc", "online", "manual", "unpublished", "proceedings", "inbook", "booklet",
}


@dataclass(frozen=True)
class Case:
    entries: tuple[Entry, ...]
    annotations: dict[str, Annotation]
    essays: dict[str, Entry]
    essay_texts: dict[str, EssayView]


def _fields(raw: dict[str, Any]) -> Any:
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if isinstance(value, list):
            out[name] = tuple(
                Name(family=n["family"], literal=True) if n.get("literal")
                else Name(family=n["family"], given=n.get("given", ""))
                for n in value
            )
        else:
            out[name] = value
    return freeze_fields(out)


def _entry(raw: dict[str, Any]) -> Entry:
    return Entry(key=raw["key"], type=raw["type"], fields=_fields(raw["fields"]))


def load_case(name: str) -> Case:
    data = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    annotations = {
        key: Annotation(
            key=key,
            summary=a.get("summary", ""),
            tags=tuple(a.get("tags", ())),
            claims=tuple(AnnotationClaim(**c) for c in a.get("claims", ())),
        )
        for key, a in data.get("annotations", {}).items()
    }
    texts = {
        essay_id: EssayView(
            id=essay_id,
            title=e["title"],
            paragraphs=tuple(ParagraphView(**p) for p in e["paragraphs"]),
        )
        for essay_id, e in data.get("essay_texts", {}).items()
    }
    return Case(
        entries=tuple(_entry(e) for e in data["entries"]),
        annotations=annotations,
        essays={k: _entry(e) for k, e in data.get("essays", {}).items()},
        essay_texts=texts,
    )


def case_names() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.json"))

