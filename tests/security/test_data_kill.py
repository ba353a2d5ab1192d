"""Issue 9, point 8: a run killed at any moment leaves the old library or the
new one, never a mix, and the next run leaves no temp file behind.

A real `relbib ingest` is killed with SIGKILL 6 times (a fixed seed): twice
at a random moment of the run (one in each half of a whole run's length: nothing
may be written before the save), and four times at a random moment of its save
(one in each quarter of the time from its first staged file to its exit, 10%
past it, so kills land in staging, at the commit, in the switch and after it).
After `relbib list` (any run that loads the library recovers it; run in this
process, as recovery needs no fresh one), every file of the library is the
old state's or every file is the new state's.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from data_library import leftovers, library_state, run_here, start, two_groups

from relbib.workspace import find_project, load_library, plan_save, save
from relbib.workspace.writes import JOURNAL_NAME, STAGING_PREFIX

# (span, stratum, strata): each kill lands in one stratum of its span, the whole run
# or the save; a run spends most of its time before its save (starting, reading,
# parsing), where a kill can only find what was written too early
KILLS = (("run", 0, 2), ("save", 0, 4), ("save", 1, 4), ("run", 1, 2), ("save", 2, 4),
         ("save", 3, 4))
State = tuple[Path, dict[str, bytes], dict[str, bytes], float, float]


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> State:
    """A project holding the old library (a/ ingested), the new one (b/ too), and
    how long a real `ingest b` takes, whole and from its first staged file."""
    old = two_groups(tmp_path_factory.mktemp("old"))
    assert run_here(old, "ingest", "a").returncode == 0
    new = tmp_path_factory.mktemp("new") / "p"
    shutil.copytree(old, new)
    began = time.monotonic()
    run = start(new, "ingest", "b")
    saving = _wait_for_the_save(new, run)
    run.communicate(timeout=120)
    ended = time.monotonic()
    assert run.returncode == 0
    assert library_state(old) != library_state(new)
    return old, library_state(old), library_state(new), ended - began, ended - saving


def test_sigkill_at_random_moments_leaves_old_or_new(
        tmp_path: Path, states: State) -> None:
    template, old, new, took, saving = states
    rng = random.Random(9)
    outcomes: Counter[str] = Counter()
    for i, (span, stratum, strata) in enumerate(KILLS):
        root = tmp_path / f"run{i}"
        shutil.copytree(template, root)
        run = start(root, "ingest", "b")
        # a random moment in the stratum of the span, 10% past its end
        at = rng.uniform(stratum, stratum + 1) / strata * 1.1
        if span == "save":
            # in the save: from the moment its first file is staged to the run's exit
            _wait_for_the_save(root, run)
            time.sleep(at * saving)
        else:
            # anywhere: from the start of the run to its end
            time.sleep(at * took)
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
        run.communicate(timeout=60)
        left = leftovers(root)
        listed = run_here(root, "list")
        assert listed.returncode == 0, listed.stderr
        state = library_state(root)
        assert state in (old, new), f"iteration {i}: a mix of old and new files"
        assert leftovers(root) == [], f"iteration {i}: left behind {leftovers(root)}"
        outcome = "old" if state == old else "new"
        outcomes[outcome + (" (recovered)" if left else "")] += 1
    print(f"\nkill loop: {len(KILLS)} iterations, a run takes {took:.2f} s, its save "
          f"{saving:.3f} s: {dict(outcomes)}")


def _wait_for_the_save(root: Path, run: subprocess.Popen[str]) -> float:
    """When the run's save staged its first file (or the run ended)."""
    deadline = time.monotonic() + 60
    while run.poll() is None and time.monotonic() < deadline:
        if any(name.startswith(STAGING_PREFIX) for name in os.listdir(root)):
            break
        time.sleep(0.0005)
    return time.monotonic()


def test_a_committed_switch_is_finished_by_the_next_run(tmp_path: Path) -> None:
    """A crash after the journal, before the switch, is rolled forward."""
    root = two_groups(tmp_path)
    assert run_here(root, "ingest", "a").returncode == 0
    old = library_state(root)
    _crash_after_commit(root, "b")
    assert (root / JOURNAL_NAME).exists() and library_state(root) == old
    assert run_here(root, "list").returncode == 0
    assert library_state(root) != old
    assert any("tin" in name for name in library_state(root))
    assert leftovers(root) == [] and not (root / JOURNAL_NAME).exists()


def test_staging_without_journal_is_rolled_back(tmp_path: Path) -> None:
    root = two_groups(tmp_path)
    assert run_here(root, "ingest", "a").returncode == 0
    old = library_state(root)
    staging = root / f"{STAGING_PREFIX}99999"
    staging.mkdir()
    (staging / "0").write_text("half")
    stale = root / "annotations" / ".copper1son1991copper.yaml.k2j3_x.tmp"
    stale.write_text("half")
    assert run_here(root, "list").returncode == 0
    assert library_state(root) == old and leftovers(root) == []


def _crash_after_commit(root: Path, folder: str) -> None:
    """Run an ingest of ``folder`` in this process, stopping it just after the
    journal is written (as SIGKILL would), without the switch."""
    from relbib.pipeline import ingest_run
    from relbib.workspace import read_essays, writes

    project = find_project(root)
    run = ingest_run(load_library(project), read_essays([root / folder], project))
    real_switch = writes._switch

    class Killed(BaseException):
        pass

    def die(moves: list[tuple[Path, Path]]) -> None:
        raise Killed

    writes._switch = die  # type: ignore[assignment]
    try:
        with pytest.raises(Killed):
            save(plan_save(project, run.library))
    finally:
        writes._switch = real_switch  # type: ignore[assignment]
