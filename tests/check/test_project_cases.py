"""Project case folders: tests/cases/check/projects/NAME/ checked as their user would.

Each folder is a small writing project (a Makefile, ``_quarto.yml``, ``index.Rmd`` ...)
with an ``expect.txt``: ``# args: PATH ...`` (what is passed to ``relbib check``,
from the folder), optionally ``# bib: PATH ...`` (``--bib``), and one ``path:line:col kind`` line per finding.  The findings
must be exactly those: nothing missing, nothing extra.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from relbib.check.runner import check as run_check
from relbib.workspace import check as wc
from relbib.workspace import find_project

CASES = Path(__file__).resolve().parent.parent / "cases" / "check" / "projects"
FOLDERS = sorted(p for p in CASES.iterdir() if (p / "expect.txt").is_file())


def run_case(folder: Path, args: list[str], bibs: list[str]) -> list[str]:
    project = find_project(folder)
    files = wc.BibFiles(wc.Cache(None))
    request = wc.collect([folder / a for a in args], [folder / b for b in bibs], project, files)
    claims = wc.claim_inputs(project, request, files)
    result = run_check(request, claims=claims, library=wc.cached_library_findings(files))
    return sorted(f"{f.path}:{f.line}:{f.column} {f.kind}" for f in result.findings)


@pytest.mark.parametrize("case", FOLDERS, ids=[p.name for p in FOLDERS])
def test_project_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / case.name
    shutil.copytree(case, folder)
    monkeypatch.chdir(folder)
    lines = (folder / "expect.txt").read_text(encoding="utf-8").splitlines()
    args = next(line.split(":", 1)[1].split() for line in lines if line.startswith("# args:"))
    bibs = [b for line in lines if line.startswith("# bib:") for b in line.split(":", 1)[1].split()]
    expected = sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    assert run_case(folder, args, bibs) == expected
