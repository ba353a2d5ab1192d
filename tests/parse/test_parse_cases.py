"""Case files under tests/cases/parse/: one parsing behaviour each.

A case is JSON: ``text``, ``note`` (footnote or reference-list item), and
what must hold: ``expect`` (a subset of fields; names as [family, given]
pairs), ``absent`` (fields that must not be set), ``type`` or ``type_in``,
``pinpoint`` (when the key is present), or ``unparsed: true``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from casefiles import case_files, cases, expectation

from relbib.model import FullRef, Name, UnparsedRef
from relbib.parse.reference import parse_reference

CASES = case_files("cases/parse", ".json")


def _value(value: object) -> object:
    if isinstance(value, tuple) and value and isinstance(value[0], Name):
        return [[n.family, n.given] for n in value]
    return value


@pytest.mark.parametrize("path", cases("cases/parse", ".json"))
def test_case(path: Path) -> None:
    case = expectation(path)
    ref = parse_reference(case["text"], note=case.get("note", False))
    if case.get("unparsed"):
        assert isinstance(ref, UnparsedRef)
        return
    check_fields(ref, case)


def check_fields(ref: object, case: dict) -> None:
    """The case's ``expect``, ``absent``, ``type``/``type_in`` and ``pinpoint`` hold of ``ref``."""
    assert isinstance(ref, FullRef), ref
    got = {name: _value(value) for name, value in ref.fields.items()}
    for name, want in case.get("expect", {}).items():
        assert got.get(name) == want, f"{name}: {got.get(name)!r} != {want!r} (all: {got})"
    for name in case.get("absent", []):
        assert name not in got, f"{name} should be absent, got {got[name]!r}"
    if "type" in case:
        assert ref.type == case["type"]
    if "type_in" in case:
        assert ref.type in case["type_in"]
    if "pinpoint" in case:
        assert ref.pinpoint == case["pinpoint"]


def test_there_are_cases() -> None:
    assert len(CASES) >= 10
