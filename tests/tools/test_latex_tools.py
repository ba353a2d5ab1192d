"""The exported .bib passes biber's data-model check; the LaTeX outputs
compile with pdflatex + biber and pdflatex + bibtex with no undefined citation,
and a hostile field runs nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BIBLATEX, T1_FONTS, Data, need, run

from relbib.export.lists import export, latex_bundle
from relbib.render import render_bibliography

# what pdflatex and BibTeX say when a citation is missing
_UNDEFINED = re.compile(r"undefined (citation|reference)|Citation `[^']*' undefined|"
                        r"I didn't find a database entry", re.IGNORECASE)


def test_exported_bib_passes_biber_datamodel_validation(tmp_path: Path, hostile_data: Data) -> None:
    need("biber")
    bib = tmp_path / "reading-list.bib"
    bib.write_text(export(hostile_data.entries, hostile_data.annotations, fmt="bib"), encoding="utf-8")
    done = run(["biber", "--tool", "--validate-datamodel", bib.name], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    warnings = [line for line in done.stdout.splitlines() if line.startswith(("WARN", "ERROR"))]
    assert warnings == []
    assert "INFO - Datamodel validation complete" in done.stdout


def _pdflatex(tex: Path) -> str:
    done = run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape",
                tex.name], tex.parent)
    log = tex.with_suffix(".log").read_text(encoding="latin-1")
    assert done.returncode == 0, log[-3000:]
    return log


def _compile(tmp_path: Path, data: Data, engine: str) -> tuple[str, str]:
    need("pdflatex")
    need(engine)
    bundle = latex_bundle(data.entries, data.annotations, engine=engine, bib_name="annotated")
    tex = tmp_path / "annotated.tex"
    tex.write_text(bundle.tex, encoding="utf-8")
    (tmp_path / "annotated.bib").write_text(bundle.bib, encoding="utf-8")
    _pdflatex(tex)
    tool = run([engine, "annotated"], tmp_path)
    assert tool.returncode == 0, tool.stdout + tool.stderr
    _pdflatex(tex)
    log = _pdflatex(tex)
    blg = (tmp_path / "annotated.blg").read_text(encoding="utf-8", errors="replace")
    assert (tmp_path / "annotated.pdf").stat().st_size > 1000
    return log, blg


# (folder, pdflatex log, .blg) of the hostile data's bundle built with an engine
Compiled = Callable[[str], tuple[Path, str, str]]


@pytest.fixture(scope="module")
def hostile_bundle(tmp_path_factory: pytest.TempPathFactory, hostile_data: Data) -> Compiled:
    """The hostile data's LaTeX bundle compiled with ``engine``, once per engine:
    the tests below read the same real run."""
    done: dict[str, tuple[Path, str, str]] = {}

    def compiled(engine: str) -> tuple[Path, str, str]:
        if engine not in done:
            folder = tmp_path_factory.mktemp(engine)
            done[engine] = (folder, *_compile(folder, hostile_data, engine))
        return done[engine]

    return compiled


@pytest.mark.needs_tex_package(*T1_FONTS)
@pytest.mark.parametrize("engine", [
    pytest.param("biber", marks=pytest.mark.needs_tex_package(*BIBLATEX)), "bibtex"])
def test_latex_bundle_compiles_with_no_undefined_citation(hostile_bundle: Compiled,
                                                          hostile_data: Data, engine: str) -> None:
    tmp_path, log, blg = hostile_bundle(engine)
    assert not _UNDEFINED.search(log), _UNDEFINED.search(log)
    assert not _UNDEFINED.search(blg)
    assert "ERROR" not in blg
    # every entry made it into the bibliography
    bbl = (tmp_path / "annotated.bbl").read_text(encoding="utf-8")
    for entry in hostile_data.entries:
        if re.fullmatch(r"[A-Za-z0-9_:.+/-]+", entry.key):
            assert entry.key in bbl
    # \input{/etc/passwd} in a title is printed, never read
    assert "/etc/passwd)" not in log and "(/etc/passwd" not in log
    assert "runsystem" not in log


@pytest.mark.needs_tex_package(*BIBLATEX, *T1_FONTS)
def test_biblatex_bundle_prints_the_annotations(hostile_bundle: Compiled,
                                                library_data: Data) -> None:
    # the library's entries and annotations are in the hostile data, run once by biber
    folder, _log, _blg = hostile_bundle("biber")
    bbl = (folder / "annotated.bbl").read_text(encoding="utf-8")
    summarised = [key for key, a in library_data.annotations.items() if a.summary]
    assert summarised
    for key in summarised:  # each summarised entry's block carries its annotation
        block = bbl.split(f"\\entry{{{key}}}", 1)[1].split("\\endentry", 1)[0]
        assert "\\field{annotation}" in block, key


@pytest.mark.needs_tex_package(*T1_FONTS)
def test_standalone_tex_compiles_with_hostile_fields(tmp_path: Path, hostile_data: Data) -> None:
    need("pdflatex")
    tex = tmp_path / "plain.tex"
    tex.write_text(render_bibliography(hostile_data.entries, hostile_data.annotations, fmt="tex"),
                   encoding="utf-8")
    log = _pdflatex(tex)
    assert "(/etc/passwd" not in log and "runsystem" not in log
