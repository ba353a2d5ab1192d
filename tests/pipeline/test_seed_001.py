"""Acceptance: seed 001's 17 notes, resolved to 13 sources, each with its claim.

Expectations were checked by hand against the essay (seed_001_expected.json).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from relbib import workspace
from relbib.model import Entry, Form, FullRef
from relbib.pipeline import ingest_essays, update

HERE = Path(__file__).parent
SEED = HERE.parent.parent / "seeds" / "001_41046a53b65da8e6.txt"
EXPECTED: dict[str, Any] = json.loads((HERE / "seed_001_expected.json").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def ingested() -> Any:
    ingest = ingest_essays([(str(SEED), SEED.read_text(encoding="utf-8"))])[0]
    return ingest


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("lib")
    project = workspace.find_project(root, root)
    return update(workspace.load_library(project), [ingested()])


def test_seventeen_notes_with_markers() -> None:
    essay = ingested().essay
    assert [n.n for n in essay.notes] == list(range(1, 18))
    assert all(n.marker is not None for n in essay.notes)


def test_thirteen_distinct_sources(result: Any) -> None:
    citations = result.citations[ingested().essay.id]
    keys = {c.key for c in citations}
    assert None not in keys
    assert len(keys) == EXPECTED["distinct_sources"]
    assert len(result.library.sources) == EXPECTED["distinct_sources"]


@pytest.mark.parametrize("n", sorted(EXPECTED["subsequent"], key=int))
def test_subsequent_references_resolve(n: str, result: Any) -> None:
    want = EXPECTED["subsequent"][n]
    citations = {c.note: c for c in result.citations[ingested().essay.id]}
    got = citations[int(n)]
    assert got.form == Form(want["form"])
    assert got.source == want["source"]
    assert got.pinpoint == want["pinpoint"]
    assert got.key == citations[want["source"]].key


def _entry_for(note: int, result: Any) -> Entry:
    citations = {c.note: c for c in result.citations[ingested().essay.id]}
    return result.library.sources[citations[note].key]


@pytest.mark.parametrize("n", sorted(EXPECTED["sources"], key=int))
def test_source_fields(n: str, result: Any) -> None:
    want = EXPECTED["sources"][n]
    entry = _entry_for(int(n), result)
    for field, value in want.items():
        if field == "type":
            assert entry.type == value
        elif field in ("author", "editor"):
            names = entry.fields.get(field, ())
            assert [(a.family, a.given) for a in names] == [tuple(v) for v in value]
        elif field == "_no_author":
            assert "author" not in entry.fields
        elif field == "_venue":
            venues = [v for f, v in entry.fields.items() if isinstance(v, str)
                      and f in ("journal", "howpublished", "organization", "institution", "publisher", "series")]
            assert value in venues, entry.fields
        elif field == "_pinpoint":
            ref = ingested().references[int(n) - 1]
            assert isinstance(ref, FullRef) and ref.pinpoint == value
        else:
            assert entry.fields.get(field) == value, field


@pytest.mark.parametrize("n", sorted(EXPECTED["claims"], key=int))
def test_claims_are_the_right_sentences(n: str) -> None:
    note = ingested().essay.notes[int(n) - 1]
    assert note.claim is not None
    assert squash(note.claim.text) == EXPECTED["claims"][n]
    text = ingested().essay.text
    assert squash(text[note.claim.start:note.claim.end]).startswith(EXPECTED["claims"][n][:40])
    assert note.claim.line == text.count("\n", 0, note.claim.start) + 1


@pytest.mark.parametrize("stem", ["000_f79c6382c7f697a3", "002_9c55557011ceb2d6",
                                  "003_931533e42f638f11", "004_37ff32e23a6341b4"])
def test_other_essays_have_no_markers(stem: str) -> None:
    path = SEED.parent / f"{stem}.txt"
    ingest = ingest_essays([(str(path), path.read_text(encoding="utf-8"))])[0]
    assert ingest.essay.markers == ()
    assert ingest.essay.notes == ()
