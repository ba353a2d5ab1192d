"""Resolver behaviours, one per case file in tests/cases/resolve/*.json.

A case lists notes as [number, reference] pairs, where a reference is written
compactly ({"kind": "full", "authors": ["Khan, Feroze"], "title": ..., "pages":
"43--65", ...}, {"kind": "ibid", "pinpoint": "45"}, {"kind": "text", "text":
"Ibid."} read through classify_note, ...; tests/refs_helpers.py builds
them).  ``expect`` maps a note number (or "@i", the i-th note, 1-based) to
the Citation fields it must have; ``diagnostics`` lists exactly the findings
expected, by kind and note.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from casefiles import case_files, cases, expectation
from refs_helpers import build_reference

from relbib.resolve import resolve

CASE_FILES = case_files("cases/resolve", ".json")


@pytest.mark.parametrize("path", cases("cases/resolve", ".json"))
def test_resolve_case(path: Path) -> None:
    case = expectation(path)
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
