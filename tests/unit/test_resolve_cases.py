"""Resolver behaviours, one per case file in tests/cases/resolve/*.json.

A case lists notes as [number, reference] pairs, where a reference is written
compactly ({"kind": "full", "authors": ["Khan, Feroze"], "title": ..., "pages":
"43--65", ...}, {"kind": "ibid", "pinpoint": "45"}, {"kind": "text", "text":
"Ibid."} read through classify_note, ...).  ``expect`` maps a note number (or
"@i", the i-th note, 1-based) to the Citation fields it must have;
``diagnostics`` lists exactly the findings expected, by kind and note.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from relbib.model import (
    FieldValue,
    FullRef,
    IbidRef,
    IdRef,
    Name,
    OpCitRef,
    Reference,
    ShortRef,
    SupraRef,
    UnparsedRef,
    freeze_fields,
)
from relbib.parse.forms import classify_note
from relbib.resolve import resolve

CASES = Path(__file__).resolve().parents[1] / "cases" / "resolve"
CASE_FILES = sorted(CASES.glob("*.json"))


def build_name(spec: str | dict[str, str]) -> Name:
    if isinstance(spec, dict):
        return Name(family=spec["literal"], literal=True)
    family, _, given = spec.partition(",")
    return Name(family=family.strip(), given=given.strip())


def build_reference(spec: dict[str, Any]) -> Reference:
    """A Reference from the compact JSON of a case file."""
    kind = spec["kind"]
    if kind == "text":
        ref = classify_note(spec["text"])
        assert ref is not None, f"not read as a subsequent reference: {spec['text']!r}"
        return ref
    if kind == "full":
        fields: dict[str, FieldValue] = {}
        for key, value in spec.items():
            if key in ("kind", "pinpoint"):
                continue
            if key == "authors":
                if value:
                    fields["author"] = tuple(build_name(a) for a in value)
            else:
                fields[key] = value
        return FullRef(
            text=json.dumps(spec), type="misc", fields=freeze_fields(fields),
            pinpoint=spec.get("pinpoint"),
        )
    if kind == "ibid":
        return IbidRef(text="Ibid.", pinpoint=spec.get("pinpoint"))
    if kind == "id":
        return IdRef(text="Id.", pinpoint=spec.get("pinpoint"))
    if kind == "opcit":
        return OpCitRef(
            text="op. cit.", authors=tuple(spec.get("authors", ())),
            short_title=spec.get("short_title"), pinpoint=spec.get("pinpoint"),
        )
    if kind == "short":
        return ShortRef(
            text="short", authors=tuple(spec.get("authors", ())),
            short_title=spec.get("short_title"), pinpoint=spec.get("pinpoint"),
        )
    if kind == "supra":
        return SupraRef(
            text="supra", note=spec["note"], authors=tuple(spec.get("authors", ())),
            pinpoint=spec.get("pinpoint"),
        )
    if kind == "unparsed":
        return UnparsedRef(text="?", reason=spec["reason"])
    raise ValueError(f"unknown kind {kind!r}")


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_resolve_case(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    notes = [(n, build_reference(spec)) for n, spec in case["notes"]]
    result = resolve(notes)

    assert [c.note for c in result.citations] == [n for n, _ in notes]
    for where, fields in case["expect"].items():
        if where.startswith("@"):
            citation = result.citations[int(where[1:]) - 1]
        else:
            citation = next(c for c in result.citations if c.note == int(where))
        for name, expected in fields.items():
            actual = getattr(citation, name)
            actual = actual.value if name == "form" else actual
            assert actual == expected, f"note {citation.note}: {name} is {actual!r}, not {expected!r}"

    found = sorted((d.kind, int(d.message.split(":")[0].removeprefix("note "))) for d in result.diagnostics)
    wanted = sorted((d["kind"], d["note"]) for d in case["diagnostics"])
    assert found == wanted, [d.message for d in result.diagnostics]
    for want in case["diagnostics"]:
        if "contains" in want:
            messages = [d.message for d in result.diagnostics if d.message.startswith(f"note {want['note']}:")]
            assert any(want["contains"] in m for m in messages), messages


def test_case_files_exist() -> None:
    assert len(CASE_FILES) >= 20
