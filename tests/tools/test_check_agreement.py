"""relbib check agrees with the real tools: whatever they report, relbib reports at the same place.

The drafts in tests/cases/check/agreement/ are compiled with pdflatex + bibtex
(natbib.tex) and pdflatex + biber --validate-datamodel (biblatex.tex), and
pandoc.md is rendered with ``pandoc --citeproc``.  Every undefined citation
and data-model error those tools report must be among relbib's findings, on
the same key and, where the tool gives one, the same line.  A missing tool
skips its test (``.ci/run`` installs them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from clirun import relbib
from conftest import BIBLATEX

CASE = Path(__file__).resolve().parent.parent / "cases" / "check" / "agreement"


def _need(*tools: str) -> None:
    """Skip when a tool is missing (a developer's machine); fail in CI, where
    .ci/run installs every one and a skip would hide a broken install."""
    for tool in tools:
        if shutil.which(tool) is None:
            message = (f"{tool} is not installed (apt-get install texlive-latex-base "
                       "texlive-bibtex-extra biber pandoc)")
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)


def _run(folder: Path, *command: str) -> str:
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120,
                          check=False)
    return done.stdout + done.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(CASE, tmp_path / "case")
    return tmp_path / "case"


def _relbib(folder: Path, draft: str) -> list[dict]:  # type: ignore[type-arg]
    done = relbib("check", draft, "-f", "json", cwd=folder,
                  env={"RELBIB_CACHE_DIR": str(folder / ".cache")})
    return json.loads(done.stdout)["findings"]  # type: ignore[no-any-return]


def _log_text(path: Path) -> str:
    # TeX wraps its log at 79 columns: join the pieces back
    return re.sub(r"\n(?!\n)", "", path.read_text(encoding="latin-1")).replace("  ", " ")


_LATEX_UNDEFINED = re.compile(r"Citation [`'](?P<key>[^']+)' on page \d+ undefined on input "
                              r"line (?P<line>\d+)")


def _undefined_in_log(log: str) -> set[tuple[str, int]]:
    return {(m.group("key"), int(m.group("line"))) for m in _LATEX_UNDEFINED.finditer(log)}


def _assert_undefined(findings: list[dict], expected: set[tuple[str, int]]) -> None:  # type: ignore[type-arg]
    ours = {(f["keys"][0], f["line"]) for f in findings if f["kind"] == "undefined-key"}
    assert expected, "the tool reported nothing: the case no longer exercises it"
    assert expected <= ours, f"missed: {expected - ours}"


@pytest.mark.needs_tex_package("natbib.sty")
def test_bibtex_agreement(folder: Path) -> None:
    _need("pdflatex", "bibtex")
    _run(folder, "pdflatex", "-interaction=nonstopmode", "natbib")
    blg = _run(folder, "bibtex", "natbib")
    for _ in range(2):  # the .bbl is read, then its labels are known
        _run(folder, "pdflatex", "-interaction=nonstopmode", "natbib")
    findings = _relbib(folder, "natbib.tex")
    _assert_undefined(findings, _undefined_in_log(_log_text(folder / "natbib.log")))
    missing = set(re.findall(r'I didn\'t find a database entry for "([^"]+)"', blg))
    assert missing <= {f["keys"][0] for f in findings if f["kind"] == "undefined-key"}
    for field, key in re.findall(r"Warning--empty (\w+) in (\S+)", blg):
        assert any(f["kind"] == "missing-field" and key in f["keys"] and field in f["message"]
                   for f in findings), (field, key)
    for line, name in re.findall(r"---line (\d+) of file (\S+)", blg):
        assert any(f["kind"] == "parse-error" and f["path"] == name and f["line"] == int(line)
                   for f in findings), (name, line)


@pytest.mark.needs_tex_package(*BIBLATEX)
def test_biber_agreement(folder: Path) -> None:
    _need("pdflatex", "biber")
    _run(folder, "pdflatex", "-interaction=nonstopmode", "biblatex")
    _run(folder, "biber", "--validate-datamodel", "biblatex")
    blg = (folder / "biblatex.blg").read_text(encoding="utf-8")
    # biblatex reads the .bbl at \begin{document}: the next run's log is final for citations
    _run(folder, "pdflatex", "-interaction=nonstopmode", "biblatex")
    findings = _relbib(folder, "biblatex.tex")
    _assert_undefined(findings, _undefined_in_log(_log_text(folder / "biblatex.log")))
    missing = set(re.findall(r"I didn't find a database entry for '([^']+)'", blg))
    assert missing and missing <= {f["keys"][0] for f in findings if f["kind"] == "undefined-key"}
    datamodel = re.findall(r"Datamodel: Entry '([^']+)' \(([^)]+)\): Missing mandatory field "
                           r"'(\w+)'", blg)
    assert datamodel
    for key, path, field in datamodel:
        assert any(f["kind"] == "missing-field" and key in f["keys"] and f["path"] == path
                   and field in f["message"] for f in findings), (key, field)


def test_pandoc_agreement(folder: Path) -> None:
    _need("pandoc")
    out = _run(folder, "pandoc", "--citeproc", "pandoc.md", "-t", "plain", "-o", os.devnull)
    missing = set(re.findall(r"citation (\S+) not found", out))
    assert missing
    findings = _relbib(folder, "pandoc.md")
    ours = {f["keys"][0] for f in findings if f["kind"] == "undefined-key"
            and f["path"] == "pandoc.md"}
    assert missing <= ours


# --- the realistic drafts (tests/cases/check/realistic/) ------------------------------

REALISTIC = CASE.parent / "realistic"

# stand-ins for packages a minimal TeX install lacks: the same reading of the
# draft (\subfile inputs the file's body; minted is verbatim)
_STUBS = {
    "subfiles": "\\ProvidesPackage{subfiles}\n\\newcommand\\subfile[1]{\\begingroup"
                "\\renewcommand\\documentclass[2][]{}\\renewenvironment{document}{}{}"
                "\\input{#1}\\endgroup}\n",
    "minted": "\\ProvidesPackage{minted}\n\\RequirePackage{verbatim}\n"
              "\\def\\minted#1{\\verbatim}\\def\\endminted{\\endverbatim}\n",
}


def _realistic(tmp_path: Path, name: str) -> Path:
    shutil.copytree(REALISTIC / name, tmp_path / name)
    folder = tmp_path / name
    for package, text in _STUBS.items():
        found = subprocess.run(["kpsewhich", f"{package}.sty"], capture_output=True,
                               text=True, check=False).stdout.strip()
        if not found:
            (folder / f"{package}.sty").write_text(text)
    return folder


@pytest.mark.needs_tex_package(*BIBLATEX)
def test_biber_agreement_on_the_thesis(tmp_path: Path) -> None:
    _need("pdflatex", "biber", "kpsewhich")
    folder = _realistic(tmp_path, "thesis")
    _run(folder, "pdflatex", "-interaction=nonstopmode", "main")
    blg = _run(folder, "biber", "--validate-datamodel", "main")
    _run(folder, "pdflatex", "-interaction=nonstopmode", "main")  # the .bbl is read at once
    findings = _relbib(folder, "main.tex")
    logged = _undefined_in_log(_log_text(folder / "main.log"))
    # chapters, the subfile and the wrong-case key are all there
    assert {k for k, _line in logged} >= {"ghostfoot2021", "Turing1936", "missingresult2020"}
    _assert_undefined(findings, logged)
    # every entry biber warns about is named by a relbib finding
    warned = set(re.findall(r"WARN - .*?entry '([^']+)'", blg))
    assert warned
    assert warned <= {k for f in findings for k in f["keys"]}


@pytest.mark.needs_tex_package("natbib.sty")
def test_bibtex_agreement_on_the_natbib_paper(tmp_path: Path) -> None:
    _need("pdflatex", "bibtex", "kpsewhich")
    folder = _realistic(tmp_path, "natbib")
    _run(folder, "pdflatex", "-interaction=nonstopmode", "paper")
    blg = _run(folder, "bibtex", "paper")
    for _ in range(2):
        _run(folder, "pdflatex", "-interaction=nonstopmode", "paper")
    findings = _relbib(folder, "paper.tex")
    _assert_undefined(findings, _undefined_in_log(_log_text(folder / "paper.log")))
    kinds = {(f["kind"], k) for f in findings for k in f["keys"]}
    for key in re.findall(r'I didn\'t find a database entry for "([^"]+)"', blg):
        assert ("undefined-key", key) in kinds  # the crossref parent included
    for line in re.findall(r"Repeated entry---line (\d+)", blg):
        assert any(f["kind"] == "duplicate-key" and f["line"] == int(line) for f in findings)
    for field, key in re.findall(r"Warning--empty (\w+) in (\S+)", blg):
        # an entry whose crossref parent is missing: the crossref finding covers it
        assert ("missing-field", key) in kinds or ("undefined-key", key) in kinds, (field, key)


def test_pandoc_agreement_on_the_quarto_report(tmp_path: Path) -> None:
    _need("pandoc")
    folder = _realistic(tmp_path, "quarto")
    out = _run(folder, "pandoc", "--citeproc", "report.qmd", "-f", "markdown", "-t", "plain",
               "-o", os.devnull)
    missing = set(re.findall(r"citation (\S+) not found", out))
    assert missing
    findings = _relbib(folder, "report.qmd")
    ours = {f["keys"][0] for f in findings if f["kind"] == "undefined-key"}
    assert missing == ours  # and nothing pandoc resolves (front matter references:)
