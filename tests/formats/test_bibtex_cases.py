"""Case files under tests/cases/bib/: one behaviour each, named in the first line.

``% case: roundtrip`` — reads without problems, writes back byte for byte,
and an update touches only the entry it changes.
``% case: <kind> line=N`` — bib_problems reports ``kind`` at line N.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from casefiles import cases, directives

from relbib.diagnostics import InputError
from relbib.formats.bibtex import (
    BibDocument,
    bib_problems,
    entries_of,
    load_entries,
    read_bib,
    update_bib,
)
from relbib.model import Entry, freeze_fields

HEADER = re.compile(r"(?P<kind>[a-z-]+)(?: line=(?P<line>\d+))?")


def _case(path: Path) -> tuple[str, str, int]:
    text = path.read_text(encoding="utf-8")
    header = directives(text, "case")
    match = HEADER.match(header[0].value) if header and header[0].line == 1 else None
    assert match and text.startswith("% case: "), f"{path.name} must open with '% case: ...'"
    return text, match.group("kind"), int(match.group("line") or 0)


@pytest.mark.parametrize("path", cases("cases/bib", ".bib"))
def test_case(path: Path) -> None:
    text, kind, line = _case(path)
    doc = read_bib(text, path=path.name)
    assert doc.text == text  # every block and every byte between blocks kept
    if kind == "roundtrip":
        assert bib_problems(doc) == ()
        entries = entries_of(doc)
        assert entries
        assert update_bib(doc, entries) == text
        _only_touched_entry_changes(doc, entries)
        return
    problems = [(d.kind, d.line) for d in bib_problems(doc)]
    assert (kind, line) in problems
    if kind == "parse-error":
        with pytest.raises(InputError) as caught:
            load_entries(doc)
        assert caught.value.line == line and caught.value.path == path.name
        # the rest of the file is still read
        assert entries_of(doc)


def _only_touched_entry_changes(doc: BibDocument, entries: tuple[Entry, ...]) -> None:
    target = entries[-1]
    changed = Entry(key=target.key, type=target.type,
                    fields=freeze_fields({**target.fields, "note": "checked by relbib"}))
    out = update_bib(doc, [*entries[:-1], changed])
    block = next(b for b in doc.blocks if b.key == target.key)
    before, after = doc.text.split(block.text)
    assert out.startswith(before) and out.endswith(after)
    middle = out[len(before): len(out) - len(after)]
    assert "  note = {checked by relbib}," in middle
    reread = {e.key: e for e in entries_of(read_bib(out, path="x.bib"))}
    assert reread[target.key].fields["note"] == "checked by relbib"
    assert all(reread[e.key] == e for e in entries[:-1])
