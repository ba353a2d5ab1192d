"""Issue 9, point 13: a closed or broken stdout ends relbib quietly.

``relbib list | head -1`` and every other command whose reader goes away
end the way Unix tools end (exit 0, or 141 = 128 + SIGPIPE): never exit 4,
never a traceback.  The same with stdout closed before relbib starts.
These run the installed script in real processes, since only a real pipe
can be closed under a writer.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
RELBIB = Path(sys.executable).parent / "relbib"
QUIET_EXITS = (0, 141)


@pytest.fixture(scope="module")
def seed_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed library and a notes file: enough for a closed stdout, which fails
    at the first write however short the output."""
    root = tmp_path_factory.mktemp("seeds")
    for folder in ("seeds", "bib", "annotations"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "relbib.toml").write_text("", encoding="utf-8")
    (root / "notes.txt").write_text(
        "1. John Smith, The Book (Oxford: OUP, 2019), 4.\n" * 50, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, seed_library: Path) -> Path:
    """The seed library with 20 essays' worth of sources with long titles: `list`,
    `render` and `export` print more than a pipe holds (64 KiB), so they are
    still writing when the reader goes."""
    root = tmp_path_factory.mktemp("library") / "p"
    shutil.copytree(seed_library, root)
    extra = "".join(f"@misc{{extra{i:04d}, title = {{A source of essay {i // 25} on the long "
                    "history of the sea routes, the ports, the ships, their crews and cargoes}, "
                    f"year = {{2001}}}}\n" for i in range(500))
    with (root / "bib" / "sources.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n" + extra)
    return root


COMMANDS = [
    ("list",), ("list", "--format", "json"), ("search", "source"), ("show", "extra0001"),
    # render in a pybtex style: a CSL style spends seconds in pandoc before its first byte,
    # and the closed-stdout test below renders in the default CSL style
    ("render", "--format", "txt", "--style", "plain"), ("export",), ("check", "bib/sources.bib"),
    ("parse", "notes.txt"),
]


def _assert_quiet(proc: subprocess.Popen[bytes], err: bytes) -> None:
    assert proc.returncode in QUIET_EXITS, err.decode(errors="replace")
    assert b"Traceback" not in err
    assert b"internal error" not in err
    assert b"Exception ignored" not in err


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_reader_gone_ends_quietly(project: Path, args: tuple[str, ...]) -> None:
    proc = subprocess.Popen([str(RELBIB), *args], cwd=project, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(1)  # the first byte, as `head -c 1` would, then the reader is gone
    proc.stdout.close()
    _out, err = proc.communicate(timeout=120)
    _assert_quiet(proc, err)


def test_list_into_head_ends_quietly(project: Path) -> None:
    proc = subprocess.run(f"'{RELBIB}' list | head -1; exit ${{PIPESTATUS[0]}}",
                          shell=True, executable="/bin/bash", cwd=project,
                          capture_output=True, timeout=120)
    assert proc.returncode in QUIET_EXITS, proc.stderr
    assert proc.stdout.count(b"\n") == 1
    assert b"Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [
    ("list", "--format", "json"), ("export",), ("render",), ("check", "bib/sources.bib"),
    ("parse", "notes.txt"),
], ids=" ".join)
def test_closed_stdout_ends_quietly(seed_library: Path, args: tuple[str, ...]) -> None:
    command = " ".join(f"'{a}'" for a in (str(RELBIB), *args))
    proc = subprocess.run(f"{command} >&-", shell=True, cwd=seed_library, capture_output=True,
                          timeout=120)
    assert proc.returncode in (*QUIET_EXITS, 1), proc.stderr  # check: 1 = findings
    assert b"Traceback" not in proc.stderr
    assert b"internal error" not in proc.stderr
