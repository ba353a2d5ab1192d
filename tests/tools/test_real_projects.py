"""relbib check on real-shaped writing projects, against what bibtex, biber and pandoc say.

Each folder of tests/check/projects_real/ is a writing project (a thesis, a
paper, a book) with planted defects, and an ``expected.txt``:

- ``# check: ARGS``: what its user runs, from the folder (``.`` or the root);
- ``# build: bibtex ROOT`` | ``biber ROOT`` | ``pandoc FILE ... -- PANDOC ARGS``:
  how the real tool builds it (several lines for several documents);
- ``KIND KEY``: a relbib error confirmed by hand that no tool reports (a
  duplicate work, a typo BibTeX forgives ...).

The tools' reports are parsed into (kind, key) facts: undefined keys,
duplicate keys and data-model errors.  Over the corpus relbib must find
≥ 0.95 of them; every relbib error must be a tool fact or listed by hand;
no finding may repeat; relbib must not exit 3 or 4.  The corpus figures are
printed (``pytest -s``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from clirun import relbib
from conftest import BIBLATEX, need, need_tex

CORPUS = Path(__file__).resolve().parent.parent / "check" / "projects_real"
PROJECTS = sorted(p for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
# stand-ins for packages a minimal TeX install may lack (same reading of the draft)
_STUBS = {
    "subfiles": "\\ProvidesPackage{subfiles}\n\\newcommand\\subfile[1]{\\begingroup"
                "\\renewcommand\\documentclass[2][]{}\\renewenvironment{document}{}{}"
                "\\input{#1}\\endgroup}\n\\newcommand\\subfix[1]{#1}\n",
    "csquotes": "\\ProvidesPackage{csquotes}\n",
}
_USEPACKAGE = re.compile(r"\\usepackage\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")
# pandoc without Quarto or pandoc-crossref reads their labels as citations
_CROSSREF = re.compile(r"^(?:fig|sec|tbl|eq|lst|thm|lem|def|cor|prp|exm|exr|ch)[-:]", re.IGNORECASE)
# what kinds a tool fact may be matched by
_MATCH = {"undefined": {"undefined-key"}, "duplicate-key": {"duplicate-key"},
          "datamodel": {"missing-field", "invalid-field", "parse-error", "undefined-key"}}


@dataclass
class Figures:
    facts: int = 0
    found: int = 0
    errors: int = 0
    false_errors: list[str] = field(default_factory=list)
    repeats: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


FIGURES: dict[str, Figures] = {}


def _run(folder: Path, *command: str) -> str:
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=180,
                          errors="replace", stdin=subprocess.DEVNULL, check=False)
    return done.stdout + done.stderr


def _log(path: Path) -> str:
    if not path.is_file():
        return ""
    return re.sub(r"\n(?!\n)", "", path.read_text(encoding="utf-8", errors="replace"))


def _need_packages(folder: Path) -> None:
    """Skip (fail in CI), naming the TeX file and its package, unless every
    package the project loads is installed or in the project (its own .sty, a stub)."""
    names = {name.strip() for tex in folder.rglob("*.tex")
             for group in _USEPACKAGE.findall(tex.read_text(encoding="utf-8", errors="replace"))
             for name in group.split(",")}
    need_tex(*sorted(f"{name}.sty" for name in names if not (folder / f"{name}.sty").is_file()))
    if "biblatex" in names:
        need_tex(*BIBLATEX)  # and what it loads


def _latex_facts(folder: Path, root: str, backend: str) -> set[tuple[str, str]]:
    need("pdflatex")
    need(backend)
    _need_packages(folder)
    latex = ("pdflatex", "-interaction=nonstopmode", root)
    _run(folder, *latex)
    if backend == "biber":
        out = _run(folder, "biber", "--validate-datamodel", root)
    else:
        out = _run(folder, "bibtex", root)
    # biblatex reads the .bbl at \begin{document}, BibTeX's labels need one run more
    for _ in range(1 if backend == "biber" else 2):
        _run(folder, *latex)
    facts = {("undefined", m) for m in re.findall(r"Citation [`']([^']+)' on page \d+ undefined",
                                                  _log(folder / f"{root}.log"))}
    facts |= {("undefined", m) for m in re.findall(
        r"I didn't find a database entry for [\"']([^\"']+)[\"']", out)}
    if backend == "biber":
        facts |= {("duplicate-key", m) for m in re.findall(r"Duplicate entry key:? '([^']+)'", out)}
        facts |= {("datamodel", m) for m in re.findall(
            r"Datamodel: Entry '([^']+)' \([^)]*\): (?:Missing mandatory field|Invalid value)",
            out)}
        facts |= {("datamodel", m) for m in re.findall(r"skipping entry '([^']+)'", out)}
    else:
        # BibTeX names the repeated entry's key in the line before "---line N"
        facts |= {("duplicate-key", m) for m in re.findall(
            r"Repeated entry---line \d+ of file \S+\n : @\w+\{([^\s,]+)", out)}
        facts |= {("datamodel", m) for m in re.findall(
            r"(?:Warning--empty \w+ in |there's a number but no volume in |"
            r"can't use both \w+ and \w+ fields in |for entry )(\S+)", out)}
    return facts


def _pandoc_facts(folder: Path, spec: str) -> set[tuple[str, str]]:
    need("pandoc")
    files, _, extra = spec.partition(" -- ")
    out = _run(folder, "pandoc", "--citeproc", "-f", "markdown", "-t", "plain",
               "-o", os.devnull, *files.split(), *extra.split())
    keys = set(re.findall(r"[Cc]itation (\S+) not found", out))
    return {("undefined", k) for k in keys if not _CROSSREF.match(k)}


def _facts(folder: Path, builds: list[str]) -> set[tuple[str, str]]:
    facts: set[tuple[str, str]] = set()
    for build in builds:
        tool, _, arg = build.partition(" ")
        if tool in ("bibtex", "biber"):
            facts |= _latex_facts(folder, arg.strip(), tool)
        else:
            facts |= _pandoc_facts(folder, arg.strip())
    return facts


def _prepare(tmp_path: Path, project: Path) -> Path:
    folder = tmp_path / project.name
    shutil.copytree(project, folder)
    for package, text in _STUBS.items():
        found = subprocess.run(["kpsewhich", f"{package}.sty"], capture_output=True,
                               text=True, check=False).stdout.strip() \
            if shutil.which("kpsewhich") else ""
        if not found:
            (folder / f"{package}.sty").write_text(text, encoding="utf-8")
    return folder


def _directives(project: Path) -> tuple[list[str], list[str], set[tuple[str, str]]]:
    check: list[str] = []
    builds: list[str] = []
    by_hand: set[tuple[str, str]] = set()
    for line in (project / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# check:"):
            check = line.split(":", 1)[1].split()
        elif line.startswith("# build:"):
            builds.append(line.split(":", 1)[1].strip())
        elif line.strip() and not line.startswith("#"):
            kind, key = line.split(None, 1)
            by_hand.add((kind, key.strip()))
    return check, builds, by_hand


def _covered(fact: tuple[str, str], findings: list[dict[str, object]]) -> bool:
    kind, key = fact
    return any(f["kind"] in _MATCH[kind] and key in f["keys"] for f in findings)  # type: ignore[operator]


@pytest.mark.parametrize("project", PROJECTS, ids=[p.name for p in PROJECTS])
def test_real_project(project: Path, tmp_path: Path) -> None:
    check, builds, by_hand = _directives(project)
    folder = _prepare(tmp_path, project)
    done = relbib("check", *check, "-f", "json", "--no-claims", cwd=folder,
                  env={"RELBIB_CACHE_DIR": str(tmp_path / "cache")})
    assert done.returncode in (0, 1), done.stderr
    findings = json.loads(done.stdout)["findings"]
    facts = _facts(folder, builds)
    figures = FIGURES.setdefault(project.name, Figures())
    figures.facts = len(facts)
    figures.found = sum(1 for f in facts if _covered(f, findings))
    figures.missed = sorted(f"{k} {key}" for k, key in facts if not _covered((k, key), findings))
    seen: set[tuple[object, ...]] = set()
    for f in findings:
        ident = (f["path"], f["line"], f["column"], f["code"], tuple(f["keys"]), f["message"])
        if ident in seen:
            figures.repeats.append(f"{f['path']}:{f['line']} {f['kind']} {f['keys']}")
        seen.add(ident)
        if f["severity"] != "error":
            continue
        figures.errors += 1
        keys = set(f["keys"])
        confirmed = any(key in keys and f["kind"] in _MATCH[kind] for kind, key in facts) or \
            any(kind == f["kind"] and key in keys for kind, key in by_hand)
        if not confirmed:
            figures.false_errors.append(f"{f['path']}:{f['line']} {f['kind']} {f['keys']}")
    assert facts, "the tools reported nothing: the project no longer exercises them"
    assert not figures.false_errors, figures.false_errors
    assert not figures.repeats, figures.repeats
    for kind, key in by_hand:  # what the project's author planted and checked by hand
        assert any(f["kind"] == kind and key in f["keys"] for f in findings), (kind, key)


def test_corpus_figures() -> None:
    """Recall over the corpus (run after the projects; prints the figures)."""
    if len(FIGURES) < len(PROJECTS):
        pytest.skip("run with the project tests (they collect the figures)")
    facts = sum(f.facts for f in FIGURES.values())
    found = sum(f.found for f in FIGURES.values())
    print(f"\ncorpus: {len(FIGURES)} projects, {facts} tool facts, {found} found "
          f"(recall {found / max(facts, 1):.3f}), "
          f"{sum(f.errors for f in FIGURES.values())} relbib errors, "
          f"{sum(len(f.false_errors) for f in FIGURES.values())} false, "
          f"{sum(len(f.repeats) for f in FIGURES.values())} repeated")
    for name, f in FIGURES.items():
        print(f"  {name:<28} facts {f.facts:>3} found {f.found:>3} errors {f.errors:>3}"
              + (f"  missed: {', '.join(f.missed)}" if f.missed else ""))
    assert found >= 0.95 * facts
