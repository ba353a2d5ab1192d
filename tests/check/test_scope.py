"""Ruff-like selection and the cited scope of `relbib check` (check/scope.py), and the flags."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from clirun import Done, relbib

from relbib.check.records import DraftCitation, DraftScan
from relbib.check.rules import RULES
from relbib.check.scope import Scope, apply_scope, scope_of
from relbib.formats.bibscan import scan_bib
from relbib.model import Diagnostic, Severity

BIB = scan_bib("@article{a, title={T}}\n@article{b, title={T}}\n", path="refs.bib")
DRAFT = DraftScan(path="p.tex", citations=(
    DraftCitation(key="a", path="p.tex", line=1, column=1, command="\\cite"),))


def _d(code: str, kind: str, keys: tuple[str, ...] = ("a",), path: str = "refs.bib") -> Diagnostic:
    return Diagnostic(path=path, line=1, column=1, severity=Severity.WARNING, code=code,
                      kind=kind, message="m", keys=keys, suggestion="s")


FOUND = [_d("RB203", "missing-field"), _d("RB204", "invalid-field", ("b",)),
         _d("RB101", "undefined-key", ("zz",), "p.tex"), _d("RB201", "unused-entry", ("b",))]


def _codes(scope: Scope, drafts: tuple[DraftScan, ...] = ()) -> list[str]:
    return [f.code for f in apply_scope(FOUND, scope, drafts=drafts, bibs={"refs.bib": BIB},
                                        rules=RULES)]


def test_select_by_code_prefix_kind_or_rule_name() -> None:
    assert _codes(Scope(select=frozenset({"RB2"}))) == ["RB203", "RB204", "RB201"]
    assert _codes(Scope(select=frozenset({"undefined-key"}))) == ["RB101"]
    assert _codes(Scope(select=frozenset({"doi"}))) == ["RB204"]  # the doi rule's kind


def test_ignore_and_extend_select() -> None:
    assert _codes(Scope(ignore=frozenset({"RB204", "unused-entry"}))) == ["RB203", "RB101"]
    assert _codes(Scope(select=frozenset({"RB101"}), extend_select=frozenset({"RB203"}))) == [
        "RB203", "RB101"]


def test_only_cited_keeps_cited_entries_and_draft_findings() -> None:
    assert _codes(Scope(only_cited=True), (DRAFT,)) == ["RB203", "RB101", "RB201"]
    assert _codes(Scope(only_cited=False), (DRAFT,)) == ["RB203", "RB204", "RB101", "RB201"]
    # a small .bib is the paper's own: all of it by default
    assert _codes(Scope(), (DRAFT,)) == ["RB203", "RB204", "RB101", "RB201"]


def test_flags_build_the_scope() -> None:
    scope = scope_of(["RB1,RB2"], None, ["doi"], only_cited=False, whole_library=True)
    assert scope.select == {"RB1", "RB2"} and scope.extend_select == {"doi"}
    assert scope.only_cited is False


ROOT = Path(__file__).resolve().parents[2]
MASTER = ROOT / "tests" / "cases" / "check" / "projects" / "master_bib"


def _relbib(*args: str, cwd: Path, stdin: str | None = None) -> Done:
    env = {"RELBIB_CACHE_DIR": str(cwd / ".cache"), "NO_COLOR": "1"}
    return relbib(*args, cwd=cwd, env=env, stdin=stdin)


@pytest.fixture()
def master(tmp_path: Path) -> Path:
    shutil.copytree(MASTER, tmp_path / "m")
    return tmp_path / "m"


def _kinds(done: Done) -> list[tuple[int, str]]:
    return sorted((f["line"], f["kind"]) for f in json.loads(done.stdout)["findings"])


def test_whole_library_and_select_on_the_command_line(master: Path) -> None:
    default = _kinds(_relbib("check", "paper.md", "-f", "json", cwd=master))
    assert default == [(25, "missing-field")]
    whole = _kinds(_relbib("check", "paper.md", "-f", "json", "--whole-library", cwd=master))
    assert (24, "missing-field") in whole and (2, "unused-entry") in whole
    chosen = _kinds(_relbib("check", "paper.md", "-f", "json", "--whole-library",
                            "--select", "RB2", "--ignore", "unused-entry", cwd=master))
    assert chosen and all(kind == "missing-field" for _, kind in chosen)
    assert _relbib("check", "paper.md", "--only-cited", "--whole-library",
                   cwd=master).returncode == 2


def test_stdin_filename_checks_the_editors_text(master: Path) -> None:
    done = _relbib("check", "--stdin-filename", "paper.md", "-f", "json", cwd=master,
                   stdin="---\nbibliography: master.bib\n---\n\nNow [@cited; @ghost].\n")
    findings = json.loads(done.stdout)["findings"]
    assert [(f["path"], f["line"], f["kind"]) for f in findings] == [
        ("paper.md", 5, "undefined-key")]


def test_version_prints_and_exits_zero(tmp_path: Path) -> None:
    done = _relbib("--version", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.strip()[0].isdigit()


def test_an_undefined_string_is_an_error_only_where_a_draft_cites_the_entry(tmp_path: Path) -> None:
    """bibtex says nothing of an uncited entry's undefined macro and warns of a
    cited one's (whose field then prints empty): an error only when it is cited."""
    (tmp_path / "refs.bib").write_text(
        "@inproceedings{cited, author={Roe, Jane}, title={A}, booktitle=confx, year={2001}}\n"
        "@inproceedings{spare, author={Doe, John}, title={B}, booktitle=confy, year={2002}}\n",
        encoding="utf-8")
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\\begin{document}\\cite{cited}\n"
        "\\bibliography{refs}\\end{document}\n", encoding="utf-8")
    done = relbib("check", "paper.tex", "--format", "json", cwd=tmp_path)
    found = {(f["keys"][0], f["severity"]) for f in json.loads(done.stdout)["findings"]
             if f["kind"] == "undefined-string"}
    assert found == {("cited", "error"), ("spare", "warning")}
    assert done.returncode == 1  # the cited entry's error still fails the run
    alone = relbib("check", "refs.bib", "--format", "json", cwd=tmp_path)  # no draft: all errors
    assert {f["severity"] for f in json.loads(alone.stdout)["findings"]
            if f["kind"] == "undefined-string"} == {"error"}


def test_an_undefined_string_in_a_bib_only_pandoc_reads_is_a_warning(tmp_path: Path) -> None:
    """pandoc prints an undefined macro's name (``edition = second`` → "Second"; checked
    with pandoc 3 --citeproc), where bibtex prints nothing: a warning for a .bib only
    Markdown drafts read, still an error for one a LaTeX draft reads."""
    (tmp_path / "refs.bib").write_text(
        "@book{tufte, author={Roe, Jane}, title={Seeing Data}, edition=second, "
        "publisher={Graphics Press}, year={2001}}\n", encoding="utf-8")
    (tmp_path / "ch1.md").write_text("---\nbibliography: refs.bib\n---\n\nAs shown [@tufte].\n",
                                     encoding="utf-8")
    done = relbib("check", "ch1.md", "--format", "json", cwd=tmp_path)
    (finding,) = [f for f in json.loads(done.stdout)["findings"] if f["kind"] == "undefined-string"]
    assert finding["severity"] == "warning" and "pandoc prints the name" in finding["message"]
    assert done.returncode == 0
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\\begin{document}\\cite{tufte}\n"
        "\\bibliography{refs}\\end{document}\n", encoding="utf-8")
    both = relbib("check", "ch1.md", "paper.tex", "--format", "json", cwd=tmp_path)
    assert {f["severity"] for f in json.loads(both.stdout)["findings"]
            if f["kind"] == "undefined-string"} == {"error"}


def test_a_markdown_draft_with_no_bibliography_anywhere_gets_one_finding(tmp_path: Path) -> None:
    """No front matter, project file, --bib or relbib library names a bibliography, so
    pandoc runs no citeproc: a GitHub handle is text, and the bracketed citations are one
    warning saying what is missing, not an error per key."""
    (tmp_path / "notes.md").write_text(
        "# Notes\n\nAs argued [@roe2019; @doe2020, 12], and later [@roe2019].\n\n"
        "Ask @maintainer-name or write to team@example.org.\n", encoding="utf-8")
    done = relbib("check", "notes.md", "--format", "json", cwd=tmp_path)
    findings = json.loads(done.stdout)["findings"]
    assert [(f["kind"], f["severity"], f["line"]) for f in findings] == \
        [("undefined-key", "warning", 3)]
    assert "has 3 citations" in findings[0]["message"] and "names no bibliography" in \
        findings[0]["message"]
    assert done.returncode == 0
    (tmp_path / "refs.bib").write_text("@book{roe2019, author={Roe, Jane}, title={T}, "
                                       "publisher={P}, year={2019}}\n", encoding="utf-8")
    named = relbib("check", "notes.md", "--bib", "refs.bib", "--format", "json", cwd=tmp_path)
    assert sorted(f["keys"][0] for f in json.loads(named.stdout)["findings"]
                  if f["kind"] == "undefined-key") == ["doe2020", "maintainer-name"]


def test_a_misspelt_field_is_named_where_the_field_it_should_be_is_missing(tmp_path: Path) -> None:
    """biber ignores 'instituion' (--validate-datamodel: "Field 'instituion' invalid in data
    model - ignoring"), so the thesis prints no university: say which field to rename.
    Fields built on another name (MathSciNet's mrnumber, a disabled keywords_) are not
    misspellings."""
    (tmp_path / "refs.bib").write_text(
        "@thesis{alt2007, author = {Alt, Martin}, title = {Skeletons}, type = {PhD Thesis},\n"
        "  instituion = {University of Made-up}, date = {2007}}\n"
        "@article{roe2010, author = {Roe, Jane}, title = {Bounds}, journaltitle = {Made-up "
        "Annals},\n  date = {2010}, mrnumber = {2602303}, keywords_ = {old}}\n",
        encoding="utf-8")
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\\usepackage{biblatex}\\addbibresource{refs.bib}\n"
        "\\begin{document}\\cite{alt2007,roe2010}\\end{document}\n", encoding="utf-8")
    findings = json.loads(relbib("check", "paper.tex", "--format", "json",
                                 cwd=tmp_path).stdout)["findings"]
    (missing,) = [f for f in findings if f["kind"] == "missing-field"]
    assert "'instituion' looks like institution misspelt" in missing["message"]
    assert missing["suggestion"] == "rename 'instituion' to institution"
    typo = [f for f in findings if f["kind"] == "invalid-field" and "misspelt" in f["message"]]
    assert [(f["line"], f["severity"]) for f in typo] == [(2, "warning")]
