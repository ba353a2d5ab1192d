"""`relbib link`: re-reads the ingested essays, links them, writes the annotations."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from clirun import Done
from clirun import relbib as run

REPO = Path(__file__).resolve().parent.parent.parent
SEEDS = REPO / "seeds"


def relbib(*args: str, cwd: Path) -> Done:
    return run(*args, cwd=cwd, env={"NO_COLOR": None})


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes()
            for folder in ("bib", "annotations") if (root / folder).exists()
            for p in sorted((root / folder).rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the seeds ingested (not yet linked)."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(SEEDS, root / "seeds")
    (root / "relbib.toml").write_text("", encoding="utf-8")
    ingested = relbib("ingest", "seeds", cwd=root)
    assert ingested.returncode == 0, ingested.stderr
    return root


@pytest.fixture(scope="module")
def linked(project: Path) -> tuple[dict[str, object], dict[str, bytes]]:
    proc = relbib("link", "--format", "json", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout), snapshot(project)


def test_the_2016_exercise_conflict_is_a_link_with_the_other_sentence(
        linked: tuple[dict[str, object], dict[str, bytes]]) -> None:
    data, _ = linked
    links = data["links"]
    assert isinstance(links, list)
    pairs = {(x["text"], x["evidence"]["text"]) for x in links if x["relation"] == "conflicts"}
    assert any("September 2016" in mine and "October 2016" in other for mine, other in pairs)
    assert any("October 2016" in mine and "September 2016" in other for mine, other in pairs)
    for x in links:
        assert set(x) == {"essay", "line", "start", "end", "text", "key", "pinpoint", "relation",
                          "score", "evidence"}


def test_link_writes_supports_and_conflicts_into_the_annotations(
        linked: tuple[dict[str, object], dict[str, bytes]]) -> None:
    _, files = linked
    texts = [t.decode("utf-8") for name, t in files.items() if name.startswith("annotations/")]
    assert any("relation: supports" in t for t in texts)
    conflict = [t for t in texts if "relation: conflicts" in t and "October 2016" in t]
    assert conflict and any("September 2016" in t for t in conflict)


def test_linking_again_or_reingesting_changes_nothing(
        project: Path, linked: tuple[dict[str, object], dict[str, bytes]]) -> None:
    _, before = linked
    assert relbib("link", "--check", cwd=project).returncode == 0
    assert relbib("link", cwd=project).returncode == 0
    assert relbib("ingest", "seeds", cwd=project).returncode == 0
    assert snapshot(project) == before


def test_link_without_ingested_essays_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "relbib.toml").write_text("", encoding="utf-8")
    proc = relbib("link", cwd=tmp_path)
    assert proc.returncode == 3
    assert "relbib ingest" in proc.stderr and "Traceback" not in proc.stderr
