"""Issue 9, points 12 and 13 (stdin): where the input is at fault, relbib
exits 2 or 3 with a message, never 4 (an internal error) or a traceback.

- a 300-character name in ``\\bibliography``, ``\\input``, ``% !TEX root`` or
  a front matter's ``bibliography:`` (ENAMETOOLONG);
- standard input past the size limit a file has;
- a cache entry of the right version but the wrong shape: ignored, rebuilt.
"""

from __future__ import annotations

import io
import marshal
import sys
from pathlib import Path

import pytest
from cli_runner import run_cli as _run

from relbib import workspace
from relbib.workspace import check as workspace_check

LONG = "a" * 300




@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RELBIB_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "relbib.toml").write_text("", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("name", "text"), [
    ("d.tex", f"\\documentclass{{article}}\\begin{{document}}\\cite{{x}}\\bibliography{{{LONG}}}"
              "\\end{document}\n"),
    ("d.tex", f"\\documentclass{{article}}\\begin{{document}}\\input{{{LONG}}}\\end{{document}}\n"),
    ("d.tex", f"% !TEX root = {LONG}.tex\n\\cite{{x}}\n"),
    ("d.md", f"---\nbibliography: {LONG}.bib\n---\nText [@x].\n"),
])
def test_a_name_too_long_is_the_inputs_fault(
        folder: Path, capsys: pytest.CaptureFixture[str], name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")
    code, _out, err = _run(capsys, "check", name)
    assert code in (2, 3)
    assert "too long" in err.lower() and "aaaa" in err


def test_stdin_has_the_size_limit_of_a_file(
        folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workspace, "MAX_INPUT_BYTES", 1000)
    note = b"1. Jane Roe, The Book (Oxford: OUP, 2019), 4.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(note * 100)))
    code, _out, err = _run(capsys, "parse", "-")
    assert code == 3 and "larger than relbib reads" in err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(note)))
    code, out, _err = _run(capsys, "parse", "-")
    assert code == 0 and "roe2019book" in out


# (an empty list or tuple of lists is a shape a real entry has: not "wrong")
WRONG_SHAPES = [None, 7, "text", {}, ([("x",)], {}, [], [], {}),
                ([], [], [], [], []), ([], {}, [], [("p", "one", 1, "error")], {}),
                (["not an entry"], {}, [], [], {}), [("a", "b")], [["x"] * 9]]


@pytest.mark.parametrize("shape", range(len(WRONG_SHAPES)))
def test_a_cache_entry_of_the_wrong_shape_is_rebuilt(
        folder: Path, capsys: pytest.CaptureFixture[str], shape: int) -> None:
    (folder / "refs.bib").write_text(
        "@article{a2020, title = {T}, year = {20o0}}\n@misc{b2021, title = {U}}\n",
        encoding="utf-8")
    (folder / "d.tex").write_text("\\cite{a2020}\\cite{zz}\\bibliography{refs}\n",
                                  encoding="utf-8")
    first = _run(capsys, "check", "d.tex", "refs.bib")
    entries = list((folder / "cache").rglob("*"))
    assert [p for p in entries if p.is_file()], "the first run filled the cache"
    for path in entries:
        if path.is_file():
            path.write_bytes(marshal.dumps((workspace_check.CACHE_VERSION, WRONG_SHAPES[shape])))
    assert _run(capsys, "check", "d.tex", "refs.bib") == first
    assert _run(capsys, "check", "d.tex", "refs.bib") == first  # and the rebuilt cache serves
