"""A worker that dies is replaced and its documents run again: nothing is lost, and the
result is the serial one.  A document that kills its worker every time becomes a finding
naming its file; every other document is still there."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import relbib
from conftest import ESSAYS, fresh, outputs

from relbib.scale.tasks import CRASH_HOOK

VICTIM = "essays/essay009.txt"  # mid-run, the second document of its task


# one run kills a real worker in each step, each in the command whose output it feeds:
# the ingest step (ingest writes bib/), the judge step (link prints the links) and the
# analysis step (check's claim rules), which names its documents by number: the 10th is
# essay009's sentences
KILLS = (("ingest", "ingest_step", VICTIM), ("link", "judge_step", VICTIM),
         ("check", "analyse_step", "document 10 of the linking run"))


def test_a_worker_killed_mid_run_in_each_step_loses_nothing(tmp_path: Path, corpus: Path,
                                                             serial: dict[str, bytes]) -> None:
    markers = {step: tmp_path / f"died in {step}" for _, step, _ in KILLS}
    hooks = {command: {CRASH_HOOK: f"{step}:{name}|{markers[step]}"}
             for command, step, name in KILLS}
    got = outputs(fresh(tmp_path, corpus, "killed"), "--workers", "2", env=hooks)
    assert [step for step, marker in markers.items() if not marker.exists()] == [], \
        "the worker handling the document did not die in these steps"
    assert sorted(got) == sorted(serial)
    assert [k for k in serial if got[k] != serial[k]] == []


def test_a_document_that_always_kills_its_worker_becomes_a_finding(
        tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = fresh(tmp_path, corpus, "deadly")
    monkeypatch.setenv(CRASH_HOOK, f"ingest_step:{VICTIM}|")  # no marker: every time
    done = relbib("ingest", "essays", "--workers", "2", cwd=root)
    assert done.returncode == 0, done.stderr
    assert f"{VICTIM}:1:1: RB001 error: could not be ingested: its worker process died" \
        in done.stderr
    essays = (root / "bib" / "essays.bib").read_text(encoding="utf-8")
    assert essays.count("@") == ESSAYS - 1
    assert "Essay number 10 on" not in essays and "Essay number 9 on" in essays


def test_a_dask_worker_killed_mid_run_loses_nothing(tmp_path: Path, corpus: Path,
                                                    serial: dict[str, bytes], cluster: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "died"
    monkeypatch.setenv(CRASH_HOOK, f"judge_step:{VICTIM}|{marker}")
    got = outputs(fresh(tmp_path, corpus, "killed"), "--scheduler", cluster)
    assert marker.exists(), "the worker handling the document did not die"
    assert [k for k in serial if got.get(k) != serial[k]] == []
