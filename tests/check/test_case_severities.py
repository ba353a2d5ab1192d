"""Severities the project case files cannot state: what the real tools forgive
is a warning, what stops them is an error (tests/cases/check/projects)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from relbib.check.runner import check as run_check
from relbib.model import Severity
from relbib.workspace import check as wc
from relbib.workspace import find_project

CASES = Path(__file__).resolve().parent.parent / "cases" / "check" / "projects"


def _findings(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              cases: Path = CASES) -> dict[str, Severity]:
    folder = tmp_path / name
    shutil.copytree(cases / name, folder)
    monkeypatch.chdir(folder)
    project = find_project(folder)
    files = wc.BibFiles(wc.Cache(None))
    request = wc.collect([folder], [], project, files)
    result = run_check(request, claims=None, library=wc.cached_library_findings(files))
    return {f"{f.path}:{f.line} {f.kind}": f.severity for f in result.findings}


def test_missing_include_is_a_warning_missing_input_an_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = _findings("generated_inputs", tmp_path, monkeypatch)
    assert found == {"report.tex:4 parse-error": Severity.WARNING,  # \include: LaTeX goes on
                     "report.tex:5 parse-error": Severity.ERROR}  # \input: LaTeX stops


def test_name_comma_is_a_warning_under_biber(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    found = _findings("biber_name_comma", tmp_path, monkeypatch)
    assert found == {"refs.bib:2 invalid-field": Severity.WARNING}


def test_name_comma_follows_the_tool_a_pandoc_build_hands_the_bib_to(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _findings("pandoc_biblatex_build", tmp_path, monkeypatch) == {
        "refs.bib:2 invalid-field": Severity.WARNING}  # --biblatex: biber warns
    assert _findings("pandoc_natbib_build", tmp_path, monkeypatch) == {
        "refs.bib:2 invalid-field": Severity.ERROR}  # --natbib: BibTeX errors


def test_a_missing_bibliography_is_an_error_only_where_something_is_cited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _findings("template_root_no_cites", tmp_path, monkeypatch) == {
        "example.tex:5 parse-error": Severity.WARNING}
    edited = tmp_path / "edited"
    shutil.copytree(CASES / "template_root_no_cites", edited / "template_root_no_cites")
    example = edited / "template_root_no_cites" / "example.tex"
    example.write_text(example.read_text().replace("It cites nothing.", r"See \cite{Voss2008}."))
    found = _findings("template_root_no_cites", tmp_path / "run", monkeypatch, cases=edited)
    assert found["example.tex:5 parse-error"] is Severity.ERROR


def test_a_bibliography_only_the_writers_own_machine_has_is_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a home-folder master .bib, in the draft or in the Makefile: nothing to check against,
    # and nothing wrong with the project; a missing file the Quarto project names is an error
    assert _findings("rmarkdown_bib_in_home", tmp_path, monkeypatch) == {
        "paper.Rmd:4 parse-error": Severity.WARNING}
    assert _findings("pandoc_make_bib_elsewhere", tmp_path, monkeypatch) == {
        "paper.md:7 parse-error": Severity.WARNING}
    assert set(_findings("quarto_bib_missing", tmp_path, monkeypatch).values()) == {Severity.ERROR}
