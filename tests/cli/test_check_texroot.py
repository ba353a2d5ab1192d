"""`relbib check` end to end for a chapter naming its root (``% !TEX root``), a
.bib entry broken mid-way, and biblatex's integer months.

The drafts live in tests/cases/check/texroot and broken_entry; each test
copies them to a temporary folder and runs the real command there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from clirun import relbib as run

CASES = Path(__file__).resolve().parent.parent / "cases" / "check"


def relbib(*args: str, cwd: Path) -> list[dict]:  # type: ignore[type-arg]
    env = {"RELBIB_CACHE_DIR": str(cwd / ".cache"), "NO_COLOR": "1"}
    done = run("check", "-f", "json", *args, cwd=cwd, env=env)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["findings"]  # type: ignore[no-any-return]


def where(findings: list[dict]) -> set[tuple[str, int, str, str]]:  # type: ignore[type-arg]
    return {(f["path"], f["line"], f["kind"], ",".join(f["keys"])) for f in findings}


@pytest.fixture
def thesis(tmp_path: Path) -> Path:
    shutil.copytree(CASES / "texroot", tmp_path / "thesis")
    (tmp_path / "thesis" / "relbib.toml").write_text("")
    return tmp_path / "thesis"


# the findings of the whole thesis, each in the file that holds it
WHOLE = {
    ("chapters/intro.tex", 4, "undefined-key", "ghost2020"),
    ("chapters/method.tex", 2, "undefined-key", "knuth1948"),
    ("refs.bib", 7, "unused-entry", "unused2000"),
}


def test_a_chapter_naming_its_root_is_checked_as_the_whole_document(thesis: Path) -> None:
    found = relbib("chapters/intro.tex", cwd=thesis)
    # lamport1986 is defined through the root's \bibliography; mittelbach2004 is
    # cited in a sibling chapter, so it is not unused
    assert where(found) == WHOLE
    # the same answer as checking the root itself, or both at once
    assert where(relbib("thesis.tex", cwd=thesis)) == WHOLE
    assert where(relbib("thesis.tex", "chapters/intro.tex", cwd=thesis)) == WHOLE


@pytest.mark.parametrize("comment", ["%!TEX root=../thesis", "% !TeX root = ../thesis.tex ",
                                     "%  ! TEX  root = ../thesis.tex"])
def test_magic_comment_spellings(thesis: Path, comment: str) -> None:
    intro = thesis / "chapters" / "intro.tex"
    intro.write_text(intro.read_text().replace("% !TEX root = ../thesis.tex", comment))
    assert where(relbib("chapters/intro.tex", cwd=thesis)) == WHOLE


def test_a_magic_comment_below_the_text_is_not_read(thesis: Path) -> None:
    intro = thesis / "chapters" / "intro.tex"
    lines = intro.read_text().splitlines()
    intro.write_text("\n".join([lines[2], lines[0], lines[1], *lines[3:]]) + "\n")
    found = where(relbib("chapters/intro.tex", cwd=thesis))
    # checked alone: no bibliography, so one finding says its citations cannot resolve
    # (named by the first), not an error per citation
    assert found == {("chapters/intro.tex", 4, "undefined-key", "lamport1986")}


def test_a_missing_root_is_a_parse_error_at_the_comment(thesis: Path) -> None:
    intro = thesis / "chapters" / "intro.tex"
    intro.write_text(intro.read_text().replace("../thesis.tex", "../thesys.tex"))
    found = relbib("chapters/intro.tex", cwd=thesis)
    errors = [f for f in found if f["kind"] == "parse-error"]
    assert [(f["path"], f["line"], f["severity"]) for f in errors] == [
        ("chapters/intro.tex", 1, "error")]
    assert "thesys.tex" in errors[0]["message"]
    (alone,) = [f for f in found if f["kind"] == "undefined-key"]
    assert "2 citations" in alone["message"] and "loads no bibliography" in alone["message"]


def test_a_root_outside_the_project_is_not_followed(thesis: Path) -> None:
    project = thesis / "chapters"
    (project / "relbib.toml").write_text("")
    found = relbib("intro.tex", cwd=project)
    assert [(f["kind"], f["line"], f["severity"]) for f in found
            if f["kind"] == "parse-error"] == [("parse-error", 1, "warning")]
    assert not any(f["path"].endswith("method.tex") for f in found)  # the root was not read


def test_roots_naming_each_other_are_a_parse_error_not_a_loop(thesis: Path) -> None:
    root = thesis / "thesis.tex"
    root.write_text("% !TEX root = chapters/intro.tex\n" + root.read_text())
    found = relbib("chapters/intro.tex", cwd=thesis)
    loops = [f for f in found if f["kind"] == "parse-error"]
    assert [(f["path"], f["line"]) for f in loops] == [("thesis.tex", 1)]
    assert "each other" in loops[0]["message"]


def test_a_root_that_does_not_include_the_chapter(thesis: Path) -> None:
    root = thesis / "thesis.tex"
    root.write_text(root.read_text().replace("\\include{chapters/intro}\n", ""))
    found = relbib("chapters/intro.tex", cwd=thesis)
    assert ("chapters/intro.tex", 1, "parse-error", "") in where(found)
    # the chapter is still checked (alone: it names no bibliography, one finding says so)
    assert ("chapters/intro.tex", 4, "undefined-key", "lamport1986") in where(found)
    assert not [f for f in found if f["kind"] == "undefined-key" and "ghost2020" in f["keys"]]


def test_a_broken_entry_is_one_parse_error_not_also_an_undefined_key(tmp_path: Path) -> None:
    shutil.copytree(CASES / "broken_entry", tmp_path / "b")
    found = relbib("draft.tex", cwd=tmp_path / "b")
    assert where(found) == {
        ("refs.bib", 2, "parse-error", "broken2001"),      # the finding for broken2001
        ("draft.tex", 3, "undefined-key", "ghost2003"),    # a key no entry has
        ("refs.bib", 5, "unused-entry", "after2004"),      # read after the broken block
    }


BIBLATEX_DRAFT = ("\\documentclass{article}\n\\usepackage[backend=biber]{biblatex}\n"
                  "\\addbibresource{refs.bib}\n\\begin{document}\n"
                  "\\cite{braced} \\cite{quoted} \\cite{macro} \\cite{number}\n\\end{document}\n")
NATBIB_DRAFT = ("\\documentclass{article}\n\\begin{document}\n"
                "\\cite{braced} \\cite{quoted} \\cite{macro} \\cite{number}\n"
                "\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n")
MONTHS_BIB = """\
@misc{braced, author = {A, B}, title = {T}, year = {2001}, month = {jan}}
@misc{quoted, author = {A, B}, title = {T}, year = {2001}, month = "January"}
@misc{macro, author = {A, B}, title = {T}, year = {2001}, month = jan}
@misc{number, author = {A, B}, title = {T}, year = {2001}, month = 11}
"""


@pytest.mark.parametrize(("draft", "flagged"), [
    (BIBLATEX_DRAFT, {("refs.bib", 1, "invalid-field", "braced"),
                      ("refs.bib", 2, "invalid-field", "quoted")}),
    (NATBIB_DRAFT, set()),
])
def test_a_month_name_as_text_is_flagged_only_for_biblatex(
        tmp_path: Path, draft: str, flagged: set[tuple[str, int, str, str]]) -> None:
    (tmp_path / "draft.tex").write_text(draft)
    (tmp_path / "refs.bib").write_text(MONTHS_BIB)
    found = [f for f in relbib("draft.tex", cwd=tmp_path) if "month" in f["message"]]
    assert where(found) == flagged
    for f in found:
        assert f["severity"] == "warning"
        assert "month = jan" in f["suggestion"] and "month = 1" in f["suggestion"]
