"""Case files under tests/cases/legal_notes/: law-review note shapes, one each.

A case is JSON: ``text`` (one whole footnote, signals and explanatory
parentheticals included), and what must hold of the citation at ``index``
(0 unless given): ``expect`` (a subset of fields; names as [family, given]
pairs), ``absent`` (fields that must not be set), ``type``, ``pinpoint`` (when
the key is present); ``citations`` (how many the note holds, when given).
Names and works in the cases are made up, in the shapes of real law-review notes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from casefiles import case_files, cases, expectation
from test_parse_cases import check_fields

from relbib.parse.split import read_note

CASES = case_files("cases/legal_notes", ".json")


@pytest.mark.parametrize("path", cases("cases/legal_notes", ".json"))
def test_legal_note_case(path: Path) -> None:
    case = expectation(path)
    note = read_note(1, case["text"])
    assert note.kind == "citation", note
    if "citations" in case:
        assert len(note.citations) == case["citations"], [c.text for c in note.citations]
    check_fields(note.citations[case.get("index", 0)].reference, case)


def test_there_are_cases() -> None:
    assert len(CASES) >= 10
