"""--workers, --scheduler and --progress as a user meets them: the extra named when Dask
is missing, progress on stderr only, stdout the product alone."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from clirun import relbib
from conftest import ESSAYS


def test_scheduler_without_dask_exits_2_and_says_how_to_install_it(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    done = relbib("ingest", "essays", "--scheduler", "tcp://127.0.0.1:8786", cwd=project)
    assert done.returncode == 2
    assert "pip install 'relbib[dask] @ git+" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize("address", ["x", "tcp://scheduler-host", "127.0.0.1"])
def test_a_scheduler_address_with_no_port_is_a_usage_error_not_a_crash(project: Path, address: str) -> None:
    """Dask cannot read an address without a port; relbib says so before it opens a client
    (which would hang a minute on exit and print a traceback)."""
    done = relbib("check", "essays", "--workers", "2", "--scheduler", address, cwd=project)
    assert done.returncode == 2, done.stderr
    assert f"--scheduler '{address}' is not a scheduler address" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_progress_goes_to_stderr_and_stdout_stays_json(project: Path) -> None:
    done = relbib("ingest", "essays", "--workers", "2", "--progress", "--format", "json",
                  cwd=project)
    assert done.returncode == 0, done.stderr
    assert f"ingested {ESSAYS}/{ESSAYS} documents" in done.stderr
    assert "documents/s" in done.stderr
    assert len(json.loads(done.stdout)["essays"]) == ESSAYS


def test_no_progress_off_a_terminal_unless_asked(project: Path) -> None:
    done = relbib("ingest", "essays", "--workers", "2", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "documents/s" not in done.stderr


@pytest.mark.parametrize("command", ["ingest", "link", "check", "build"])
def test_every_corpus_command_takes_the_options(project: Path, command: str) -> None:
    done = relbib(command, "--help", cwd=project)
    assert done.returncode == 0
    for option in ("--workers", "--scheduler", "--progress"):
        assert option in done.stdout
