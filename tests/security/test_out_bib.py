"""Issue 9, point 1: an essay's notes reach bib/sources.bib as plain text.

A note that holds ``\\input{/etc/passwd}`` or ``\\immediate\\write18{...}`` is
written so that compiling a paper that cites the library prints it and runs
nothing; a person's own LaTeX in the same file keeps its bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from relbib import workspace
from relbib.pipeline import ingest_essays, update

HOSTILE_ESSAY = """A Hostile Page

Russia signed the deal in 2015.1 Trade grew.2

Notes

1. John Smith, "Gas \\input{/etc/passwd} Pipeline \\immediate\\write18{touch /tmp/pwn}," Dawn, May 3, 2015, https://dawn.com/x.
2. Jane Roe, The {Trade} Book $x^2$ } (Oxford: OUP, 2019), 45.
"""

USERS_OWN = """@article{own2001,
  author = {M{\\"u}ller, Hans},
  title = {The $\\alpha$ decay of \\emph{{NASA}} rockets},
  year = {2001},
}
"""

# a LaTeX command, unless it is one of the escapes that print one character
_LIVE_COMMAND = re.compile(r"\\(?!textbackslash\{\}|textbrace(?:left|right)\{\}|[{}$&#_%]|[\^~]\{\})")


def _ingest(root: Path, name: str, text: str) -> str:
    (root / "relbib.toml").write_text("", encoding="utf-8")
    (root / name).write_text(text, encoding="utf-8")
    project = workspace.find_project(root, None)
    result = update(workspace.load_library(project), ingest_essays([(name, text)]))
    workspace.save(workspace.plan_save(project, result.library))
    return (root / "bib" / "sources.bib").read_text(encoding="utf-8")


def test_latex_in_a_note_is_written_as_text(tmp_path: Path) -> None:
    bib = _ingest(tmp_path, "essay.txt", HOSTILE_ESSAY)
    assert "input" in bib and "write18" in bib  # the note's words are kept...
    assert not _LIVE_COMMAND.search(bib)  # ...as text: no command a compile would run
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in bib
    assert "\\$x\\^{}2\\$" in bib  # no math mode either


def test_a_persons_latex_keeps_its_bytes(tmp_path: Path) -> None:
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "sources.bib").write_text(USERS_OWN, encoding="utf-8")
    bib = _ingest(tmp_path, "essay.txt", HOSTILE_ESSAY)
    assert bib.startswith(USERS_OWN)
    assert bib.count("@") == 3  # the person's entry and the two sources, nothing injected


def test_reingesting_changes_nothing(tmp_path: Path) -> None:
    first = _ingest(tmp_path, "essay.txt", HOSTILE_ESSAY)
    assert _ingest(tmp_path, "essay.txt", HOSTILE_ESSAY) == first
