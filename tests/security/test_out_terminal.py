"""Issue 9, point 4: control characters in a .bib reach the terminal escaped.

ESC, BEL, CR and the other C0/C1 controls in a field would let a .bib from
elsewhere rewrite the screen, retitle the window or hide a line.  ``list``,
``search``, ``show``, ``render --format txt`` and ``check`` show them as
``\\x1b``-style escapes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run_cli as _run

from relbib.cli.safe_text import terminal_text

ESC_TITLE = "Gas\x1b]0;owned\x07 Pipeline\x1b[2J\r\x9b31m\u202eevil"
HOSTILE_BIB = (
    "@article{khan2021gas,\n"
    "  author = {Khan, Imran\x1b[8m},\n"
    f"  title = {{{ESC_TITLE}}},\n"
    "  journal = {Dawn\x08\x08\x08\x08Times},\n"
    "  year = {20\x1b[31m21},\n"
    "}\n"
)
RAW_CONTROLS = [chr(c) for c in [*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)]] + ["\u202e"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "relbib.toml").write_text("", encoding="utf-8")
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "sources.bib").write_text(HOSTILE_BIB, encoding="utf-8")
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "khan2021gas.yaml").write_text(
        'key: khan2021gas\nsummary: "read me\\e[5m now\\a"\ntags: [x]\nclaims: []\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path




def _assert_shown_escaped(out: str, err: str) -> None:
    for ch in RAW_CONTROLS:
        assert ch not in out, f"raw {ch!r} on stdout"
        assert ch not in err, f"raw {ch!r} on stderr"


@pytest.mark.parametrize("args", [
    ("list",), ("search", "gas"), ("show", "khan2021gas"),
    ("render", "--format", "txt"), ("check",), ("check", "bib/sources.bib"),
    ("check", "--format", "github", "bib/sources.bib"),
])
def test_terminal_output_shows_controls_escaped(
        project: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, out, err = _run(capsys, *args)
    assert code in (0, 1), err
    _assert_shown_escaped(out, err)


def test_list_shows_where_the_escape_was(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = _run(capsys, "list")
    assert "Gas\\x1b]0;owned\\x07 Pipeline\\x1b[2J\\x0d\\x9b31m\\u202eevil" in out
    assert len(out.splitlines()) == 1  # a CR or line break in a field starts no row


def test_show_includes_the_summary_escaped(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = _run(capsys, "show", "khan2021gas")
    assert "read me\\x1b[5m now\\x07" in out


def test_json_keeps_the_value_exactly(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a program reading JSON gets the field as it is (JSON escapes C0 itself)
    code, out, _err = _run(capsys, "list", "--format", "json")
    assert code == 0
    assert "\x1b" not in out
    assert json.loads(out)["entries"][0]["fields"]["title"] == ESC_TITLE


def test_terminal_text_leaves_ordinary_text_alone() -> None:
    text = "Müller – “quoted” 文字\tcol\nnext line \\x1b"
    assert terminal_text(text) == text
    assert terminal_text("a\tb\nc", one_line=True) == "a\\x09b\\x0ac"
