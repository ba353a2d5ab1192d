"""Issue 9, point 7: two relbib runs on one library lose nothing.

Two real `relbib ingest` processes start at once on the same library: with
--wait both finish and both sets of essays are in the library; without it
the one that finds the library locked fails with a message naming the lock,
and nothing of the other's is lost.  A person's edit made while a run holds
the library survives the run's save.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from data_library import leftovers, library_state, make_project, relbib, run_here, start, two_groups

from relbib.workspace import find_project, library_lock, load_library, plan_save, save
from relbib.workspace.writes import LibraryLocked


def _essay_files(root: Path) -> set[str]:
    text = (root / "bib" / "essays.bib").read_text(encoding="utf-8")
    return {line.split("{", 1)[1].rstrip("},\n") for line in text.splitlines()
            if line.strip().startswith("file =")}


def _two_groups(root: Path) -> Path:
    return two_groups(root)


@pytest.fixture(scope="module")
def sequential(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, bytes]]:
    """The library after `ingest a` then `ingest b`, and after b then a."""
    states = []
    for order in (("a", "b"), ("b", "a")):
        root = _two_groups(tmp_path_factory.mktemp("sequential"))
        for folder in order:
            assert run_here(root, "ingest", folder).returncode == 0
        states.append(library_state(root))
    return states


@pytest.mark.parametrize("attempt", range(2))
def test_two_ingests_with_wait_keep_both_sets_of_essays(
        tmp_path: Path, attempt: int, sequential: list[dict[str, bytes]]) -> None:
    root = _two_groups(tmp_path)
    runs = [start(root, "ingest", "--wait", folder) for folder in ("a", "b")]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    expected = {"a/copper.txt", "a/one.txt", "b/tin.txt", "b/two.txt"}
    assert _essay_files(root) == expected
    # the library is what the two runs make one after the other, in some order
    assert library_state(root) in sequential
    assert leftovers(root) == []


def test_a_locked_library_fails_clearly_without_wait(tmp_path: Path) -> None:
    root = _two_groups(tmp_path)
    project = find_project(root)
    with library_lock(project):
        done = relbib(root, "ingest", "a")
    assert done.returncode == 3
    assert "is locked by another relbib run (pid" in done.stderr and "--wait" in done.stderr
    assert not (root / "bib").exists()  # it wrote nothing


def test_wait_waits_for_the_lock_then_writes(tmp_path: Path) -> None:
    root = _two_groups(tmp_path)
    assert run_here(root, "ingest", "a").returncode == 0
    project = find_project(root)
    with library_lock(project):
        waiting = start(root, "ingest", "--wait", "b")
        time.sleep(1.0)
        assert waiting.poll() is None  # still waiting for the lock
    waiting.communicate(timeout=120)
    assert waiting.returncode == 0
    assert {f.split("/")[0] for f in _essay_files(root)} == {"a", "b"}


def test_two_ingests_without_wait_never_lose_silently(tmp_path: Path) -> None:
    root = _two_groups(tmp_path)
    runs = [start(root, "ingest", folder) for folder in ("a", "b")]
    for run in runs:
        run.communicate(timeout=120)
    for run, folder in zip(runs, ("a", "b"), strict=True):
        assert run.returncode in (0, 3)
        present = any(f.startswith(folder + "/") for f in _essay_files(root))
        assert present == (run.returncode == 0)  # exit 0 means its essays are there


def test_a_summary_saved_during_a_run_survives_it(tmp_path: Path) -> None:
    root = _two_groups(tmp_path)
    assert run_here(root, "ingest", "a").returncode == 0
    project = find_project(root)
    library = load_library(project)
    key = sorted(library.annotations)[0]
    path = root / "annotations" / f"{key}.yaml"
    # the run is working; a person saves a summary, a tag, a comment and a claim status
    text = path.read_text(encoding="utf-8")
    edited = (text.replace("summary: ''", "summary: written meanwhile  # mine")
              .replace("tags: []", "tags:\n  - kept")
              .replace("relation: cited", "relation: cited\n    status: checked", 1))
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    from relbib.pipeline import ingest_run
    from relbib.workspace import read_essays

    run = ingest_run(library, read_essays([root / "b"], project))
    save(plan_save(project, run.library))
    after = path.read_text(encoding="utf-8")
    assert "summary: written meanwhile  # mine" in after
    assert "- kept" in after and "status: checked" in after
    again = load_library(project)
    assert again.annotations[key].summary == "written meanwhile"
    assert {e for e in again.essays}  # the run's own changes are in too
    assert any(f.startswith("b/") for f in _essay_files(root))


def test_a_bib_changed_during_a_run_is_refused_not_overwritten(tmp_path: Path) -> None:
    root = _two_groups(tmp_path)
    assert run_here(root, "ingest", "a").returncode == 0
    project = find_project(root)
    library = load_library(project)
    from relbib.pipeline import ingest_run
    from relbib.workspace import read_essays

    run = ingest_run(library, read_essays([root / "b"], project))
    plan = plan_save(project, run.library)
    sources = root / "bib" / "sources.bib"
    sources.write_text(sources.read_text(encoding="utf-8") + "\n@misc{mine, title = {Mine}}\n",
                       encoding="utf-8")
    before = {p: p.read_bytes() for p in (root / "annotations").glob("*.yaml")}
    with pytest.raises(Exception, match="changed on disk since relbib read it"):
        save(plan)
    assert "@misc{mine" in sources.read_text(encoding="utf-8")
    assert {p: p.read_bytes() for p in (root / "annotations").glob("*.yaml")} == before
    assert leftovers(root) == []


def test_lock_is_reentrant_and_named(tmp_path: Path) -> None:
    project = find_project(make_project(tmp_path, {}))
    with library_lock(project), library_lock(project):
        other = subprocess.run(
            ["python3", "-c", "import fcntl,sys; f=open(sys.argv[1]); "
             "fcntl.flock(f, fcntl.LOCK_EX|fcntl.LOCK_NB)", str(tmp_path / ".relbib.lock")],
            capture_output=True)
        assert other.returncode != 0  # another process cannot take it
    assert issubclass(LibraryLocked, Exception)
