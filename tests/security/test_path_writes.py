"""Issue 9, points 5, 6 and 12: relbib writes only where it should, only
regular files, and with the mode a person expects.

- a relbib.toml / [tool.relbib] cannot send writes outside the project;
- ``-o`` never replaces a device node, a FIFO or a symlink (``-o -`` is stdout);
- a rewritten file keeps its mode, a new one follows the umask (never 0600);
- a bad place to write is exit 2 or 3 with a message, never exit 4.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import run_cli as _run

from relbib import workspace

BIB = "@misc{khan2021gas,\n  title = {Gas},\n  year = {2021},\n}\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    (root / "bib").mkdir(parents=True)
    (root / "bib" / "sources.bib").write_text(BIB, encoding="utf-8")
    (root / "relbib.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)




# --- point 5: directories from a config file stay inside the project --------------


@pytest.mark.parametrize("setting", [
    'bib_dir = "../../x"', 'bib_dir = "../outside"', 'annotations_dir = "/tmp/relbib-elsewhere"',
    'bib_dir = "bib/../../x"',
])
def test_config_cannot_point_outside_the_project(
        project: Path, capsys: pytest.CaptureFixture[str], setting: str) -> None:
    (project / "relbib.toml").write_text(setting + "\n", encoding="utf-8")
    essay = project / "essay.txt"
    essay.write_text("A claim.1\n\nNotes\n\n1. Jane Roe, The Book (Oxford: OUP, 2019), 4.\n",
                     encoding="utf-8")
    code, _out, err = _run(capsys, "ingest", "essay.txt")
    assert code == 2
    assert "outside the project" in err
    assert not (project.parent / "outside").exists()
    assert not Path("/tmp/relbib-elsewhere").exists()


def test_config_inside_the_project_is_fine(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "relbib.toml").write_text('bib_dir = "lib/./bib"\n', encoding="utf-8")
    code, _out, err = _run(capsys, "list")
    assert code == 0, err


def test_library_on_the_command_line_may_be_anywhere(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "bib").mkdir(parents=True)
    (elsewhere / "bib" / "sources.bib").write_text(BIB, encoding="utf-8")
    code, out, _err = _run(capsys, "--library", str(elsewhere), "list")
    assert code == 0 and "khan2021gas" in out


# --- point 5: -o writes regular files only ------------------------------------------


def test_output_onto_a_fifo_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = project / "pipe"
    os.mkfifo(fifo)
    code, _out, err = _run(capsys, "export", "-o", str(fifo))
    assert code == 2 and "regular file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_onto_a_device_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a device node of the test's own (a copy of /dev/null's numbers): were the
    # check to regress, as root it would replace this node, never the system's
    device = project / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    code, _out, err = _run(capsys, "export", "-o", str(device))
    assert code == 2 and "regular file" in err
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_output_onto_a_symlink_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = project / "precious.txt"
    target.write_text("keep me\n", encoding="utf-8")
    link = project / "list.bib"
    link.symlink_to(target)
    code, _out, err = _run(capsys, "export", "-o", str(link))
    assert code == 2 and "symbolic link" in err
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep me\n"


def test_output_dash_is_stdout(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "export", "-o", "-")
    assert code == 0 and out.startswith("@misc{khan2021gas")
    assert not (project / "-").exists()


# --- point 12: a bad place to write is the input's fault ------------------------------


@pytest.mark.parametrize("target", [".", "", "/proc/version", "/proc/no-such-dir/x.bib",
                                    "bib/sources.bib/x.bib", "x" * 300 + ".bib"])
def test_output_to_a_bad_place_is_exit_2_or_3(
        project: Path, capsys: pytest.CaptureFixture[str], target: str) -> None:
    code, _out, err = _run(capsys, "export", "-o", target)
    assert code in (2, 3)
    assert err.strip()


def test_build_into_a_file_is_refused_before_any_work(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "seeds").mkdir()
    (project / "seeds" / "e.txt").write_text(
        "A claim.1\n\nNotes\n\n1. Jane Roe, The Book (Oxford: OUP, 2019), 4.\n", encoding="utf-8")
    (project / "out").write_text("a file\n", encoding="utf-8")
    before = (project / "bib" / "sources.bib").read_bytes()
    code, _out, err = _run(capsys, "build")
    assert code in (2, 3) and "out" in err
    assert (project / "bib" / "sources.bib").read_bytes() == before


def test_bib_dir_with_nul_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "relbib.toml").write_text('bib_dir = "bi\\u0000b"\n', encoding="utf-8")
    code, _out, err = _run(capsys, "list")
    assert code in (2, 3) and "bib_dir" in err


# --- point 6: file modes ---------------------------------------------------------------


def test_new_output_follows_the_umask(project: Path, umask: None) -> None:
    workspace.write_text(project / "out" / "list.html", "<p>x</p>\n")
    assert stat.S_IMODE((project / "out" / "list.html").stat().st_mode) == 0o644
    os.umask(0o077)
    workspace.write_text(project / "out" / "private.html", "<p>x</p>\n")
    assert stat.S_IMODE((project / "out" / "private.html").stat().st_mode) == 0o600


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o664, 0o600])
def test_rewritten_output_keeps_its_mode(project: Path, umask: None, mode: int) -> None:
    target = project / "list.html"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(mode)
    workspace.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_ingest_keeps_the_mode_of_sources_bib(
        project: Path, umask: None, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "bib" / "sources.bib").chmod(0o664)
    (project / "essay.txt").write_text(
        "A claim.1\n\nNotes\n\n1. Jane Roe, The Book (Oxford: OUP, 2019), 4.\n", encoding="utf-8")
    code, _out, err = _run(capsys, "ingest", "essay.txt")
    assert code == 0, err
    assert "roe2019book" in (project / "bib" / "sources.bib").read_text(encoding="utf-8")
    assert stat.S_IMODE((project / "bib" / "sources.bib").stat().st_mode) == 0o664
    assert stat.S_IMODE((project / "bib" / "essays.bib").stat().st_mode) == 0o644
    for path in (project / "annotations").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
