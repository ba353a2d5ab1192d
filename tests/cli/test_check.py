"""`relbib check` end to end: formats, exit codes, suppression, includes, --fail-on, cache.

The drafts live in tests/cases/check/; each test copies them to a temporary
folder and runs the command there (in-process, through relbib.cli.main).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from clirun import Done
from clirun import relbib as run

CASES = Path(__file__).resolve().parent.parent / "cases" / "check"
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"


def relbib(*args: str, cwd: Path, cache: Path | None = None) -> Done:
    env = {"RELBIB_CACHE_DIR": str(cache or cwd / ".cache"), "NO_COLOR": "1"}
    return run("check", *args, cwd=cwd, env=env)


@pytest.fixture
def latex(tmp_path: Path) -> Path:
    shutil.copytree(CASES / "latex", tmp_path / "latex")
    return tmp_path / "latex"


@pytest.fixture
def markdown(tmp_path: Path) -> Path:
    shutil.copytree(CASES / "markdown", tmp_path / "markdown")
    return tmp_path / "markdown"


def _json(out: str) -> dict:  # type: ignore[type-arg]
    return json.loads(out)  # type: ignore[no-any-return]


def _where(findings: list[dict]) -> set[tuple[str, int, int, str]]:  # type: ignore[type-arg]
    return {(f["path"], f["line"], f["column"], f["kind"]) for f in findings}


def test_text_lines_name_file_line_column_code_and_hint(latex: Path) -> None:
    done = relbib("main.tex", cwd=latex)
    lines = done.stdout.splitlines()
    assert ("main.tex:7:18: RB101 error: citation 'knuth1948' is not defined in the library "
            "(did you mean 'knuth1984'?)") in lines
    assert done.returncode == 1
    assert "errors" in done.stderr and done.stderr.count("\n") == 1  # the summary only


def test_latex_findings_exactly(latex: Path) -> None:
    done = relbib("main.tex", "--format", "json", cwd=latex)
    data = _json(done.stdout)
    assert data["schema"] == 1
    assert _where(data["findings"]) == {
        ("main.tex", 6, 18, "undefined-key"),           # ghost2020
        ("main.tex", 7, 18, "undefined-key"),           # knuth1948, did you mean
        ("chapters/intro.tex", 1, 69, "undefined-key"),  # named in the included file
        ("main.tex", 10, 1, "parse-error"),             # \input of a missing file
        ("refs.bib", 16, 1, "unused-entry"),
        ("refs.bib", 16, 1, "missing-field"),           # @article without journal
    }
    # cited in the included chapter: not unused; suppressed on its line: not reported
    assert not any("lamport1986" in f["keys"] or "phantom2021" in f["keys"]
                   for f in data["findings"])
    assert data["summary"] == {"files": 3, "citations": 7, "errors": 4, "warnings": 2,
                               "infos": 0}


def test_markdown_findings_and_html_comment_suppression(markdown: Path) -> None:
    data = _json(relbib("draft.md", "-f", "json", cwd=markdown).stdout)
    assert _where(data["findings"]) == {
        ("draft.md", 7, 20, "undefined-key"),
        ("refs.bib", 16, 1, "unused-entry"),
        ("refs.bib", 16, 1, "missing-field"),
    }


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("info", 1),
                                                ("never", 0)])
def test_fail_on(latex: Path, fail_on: str, code: int) -> None:
    assert relbib("main.tex", "--fail-on", fail_on, cwd=latex).returncode == code


def test_fail_on_warning_only_when_warnings(markdown: Path) -> None:
    (markdown / "draft.md").write_text("---\nbibliography: refs.bib\n---\n"
                                       "[@knuth1984; @lamport1986; @nojournal2001]\n")
    assert relbib("draft.md", cwd=markdown).returncode == 0  # only warnings
    assert relbib("draft.md", "--fail-on", "warning", cwd=markdown).returncode == 1


def test_usage_and_unreadable_input_exit_codes(latex: Path) -> None:
    assert relbib("main.tex", "--format", "yaml", cwd=latex).returncode == 2
    assert relbib("main.tex", "--fail-on", "sometimes", cwd=latex).returncode == 2
    missing = relbib("nope.tex", cwd=latex)
    assert missing.returncode == 3 and "nope.tex" in missing.stderr
    (latex / "binary.tex").write_bytes(b"\x00\x01\x02" * 100)
    assert relbib("binary.tex", cwd=latex).returncode == 3
    assert "Traceback" not in missing.stderr


def test_github_annotations(latex: Path) -> None:
    out = relbib("main.tex", "--format", "github", cwd=latex).stdout.splitlines()
    assert "::error file=main.tex,line=6,col=18,title=RB101 undefined-key::citation " \
           "'ghost2020' is not defined in the library (add the entry to the .bib file the " \
           "draft names, or correct the key)" in out
    assert any(line.startswith("::warning file=refs.bib,line=16,") for line in out)


def test_sarif_is_valid_against_the_schema(latex: Path) -> None:
    log = _json(relbib("main.tex", "--format", "sarif", cwd=latex).stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert len(results) == 6
    ghost = next(r for r in results if "ghost2020" in r["message"]["text"])
    assert ghost["ruleId"] == "RB101" and ghost["level"] == "error"
    region = ghost["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "main.tex"
    assert region["region"] == {"startLine": 6, "startColumn": 18}


def test_project_ignore(latex: Path) -> None:
    (latex / "relbib.toml").write_text('ignore = ["RB201", "missing-field"]\n')
    kinds = {f["kind"] for f in _json(relbib("main.tex", "-f", "json", cwd=latex).stdout)["findings"]}
    assert kinds == {"undefined-key", "parse-error"}
    (latex / "relbib.toml").unlink()
    (latex / "pyproject.toml").write_text('[tool.relbib]\nignore = ["undefined-key"]\n')
    kinds = {f["kind"] for f in _json(relbib("main.tex", "-f", "json", cwd=latex).stdout)["findings"]}
    assert "undefined-key" not in kinds and "unused-entry" in kinds


def test_include_cycle_is_reported_not_followed_forever(latex: Path) -> None:
    (latex / "chapters" / "intro.tex").write_text("\\input{main}\n\\cite{knuth1984}\n")
    data = _json(relbib("main.tex", "-f", "json", cwd=latex).stdout)
    cycle = [f for f in data["findings"] if "loop" in f["message"]]
    assert [(f["path"], f["line"]) for f in cycle] == [("chapters/intro.tex", 1)]


def test_include_outside_the_project_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "outside.tex").write_text("\\cite{ghost}\n")
    draft = tmp_path / "proj"
    draft.mkdir()
    (draft / "relbib.toml").write_text("")
    (draft / "main.tex").write_text("\\documentclass{article}\n\\input{../outside}\n")
    data = _json(relbib("main.tex", "-f", "json", cwd=draft).stdout)
    assert [(f["kind"], f["line"], f["severity"]) for f in data["findings"]] == [
        ("parse-error", 2, "warning")]


def test_missing_bibliography_is_a_parse_error_where_it_is_named(latex: Path) -> None:
    text = (latex / "main.tex").read_text().replace("\\bibliography{refs}", "\\bibliography{refz}")
    (latex / "main.tex").write_text(text)
    data = _json(relbib("main.tex", "-f", "json", cwd=latex).stdout)
    missing = [f for f in data["findings"] if "refz" in f["message"]]
    assert [(f["path"], f["line"], f["kind"]) for f in missing] == [("main.tex", 12, "parse-error")]


def test_bib_option_and_bib_paths(markdown: Path) -> None:
    (markdown / "plain.md").write_text("See [@knuth1984] and [@other2000].\n")
    (markdown / "extra.bib").write_text("@misc{other2000, title = {Other}, year = {2000}}\n")
    data = _json(relbib("plain.md", "--bib", "refs.bib", "--bib", "extra.bib", "-f", "json",
                        cwd=markdown).stdout)
    assert not [f for f in data["findings"] if f["kind"] == "undefined-key"]
    only_bib = _json(relbib("refs.bib", "-f", "json", cwd=markdown).stdout)
    assert {f["kind"] for f in only_bib["findings"]} == {"missing-field"}  # no drafts: no unused


def test_cache_gives_the_same_answer_and_follows_changes(markdown: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = relbib("draft.md", "-f", "json", cwd=markdown, cache=cache).stdout
    assert any(cache.iterdir())
    assert relbib("draft.md", "-f", "json", cwd=markdown, cache=cache).stdout == first
    for item in cache.iterdir():  # a corrupt cache is ignored and rebuilt
        item.write_bytes(b"\x00garbage")
    assert relbib("draft.md", "-f", "json", cwd=markdown, cache=cache).stdout == first
    bib = markdown / "refs.bib"
    bib.write_text(bib.read_text() + "\n@misc{ghost2020, title = {Now defined}}\n")
    changed = _json(relbib("draft.md", "-f", "json", cwd=markdown, cache=cache).stdout)
    assert not [f for f in changed["findings"] if f["kind"] == "undefined-key"]


def test_broken_bib_block_is_a_parse_error_and_the_rest_is_read(markdown: Path) -> None:
    bib = markdown / "refs.bib"
    bib.write_text("@article{broken, title = {unclosed,\n  year = 2000\n\n"
                   + bib.read_text())
    data = _json(relbib("draft.md", "-f", "json", cwd=markdown).stdout)
    errors = [f for f in data["findings"] if f["kind"] == "parse-error"]
    assert [(f["path"], f["line"]) for f in errors] == [("refs.bib", 1)]
    assert not [f for f in data["findings"] if "knuth1984" in f["keys"]]


def test_essays_are_checked_as_notes(tmp_path: Path) -> None:
    (tmp_path / "essay.txt").write_text(
        "A claim.[1] Another claim.[2]\n\nNotes\n\n1. Ibid., 4.\n"
        "2. Jane Doe, A Book (Place: Press, 2001), 12.\n")
    data = _json(relbib("essay.txt", "-f", "json", "--no-claims", cwd=tmp_path).stdout)
    assert "ambiguous-reference" in {f["kind"] for f in data["findings"]}


def test_every_format_has_a_test() -> None:
    from relbib.check.report import FORMATS
    from relbib.cli import CheckFormat

    assert tuple(CheckFormat) == FORMATS
