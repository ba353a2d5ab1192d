"""Running the relbib command in tests: in-process, or the installed script.

``relbib(*args, cwd=...)`` runs the command in this process, through
:func:`relbib.cli.main` (so the same exit-code policy as the console
script), with stdin, stdout and stderr captured by typer's CliRunner and the
working directory and environment changed only for the run.  Nearly every CLI
test uses it: it is as strict as a subprocess (an exception that escapes
``main`` fails the test with its traceback) and forty times faster.

``relbib_script(*args, cwd=...)`` runs the installed console script in a
subprocess; only the few tests that prove the installed command works use it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from relbib.cli import main

Env = Mapping[str, str | None]


@dataclass(frozen=True)
class Done:
    """A finished run, shaped like subprocess.CompletedProcess."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def relbib(*args: str, cwd: Path, stdin: str | None = None, env: Env | None = None) -> Done:
    """``relbib ARGS`` run in-process in ``cwd``; ``env`` values of None unset a variable."""
    runner = CliRunner()
    with contextlib.chdir(cwd), runner.isolation(input=stdin, env=env) as (out, err, _):
        try:
            main(list(args))
        except SystemExit as exit_:
            code = exit_.code
        else:  # pragma: no cover - main always exits
            code = 0
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout = out.getvalue().decode("utf-8", "replace").replace("\r\n", "\n")
        stderr = err.getvalue().decode("utf-8", "replace").replace("\r\n", "\n")
    if code is None:
        code = 0
    assert isinstance(code, int), f"relbib exited with {code!r}, not a number"
    return Done(args=args, returncode=code, stdout=stdout, stderr=stderr)


def script() -> str:
    """The installed ``relbib`` console script (beside this Python)."""
    beside = Path(sys.executable).parent / "relbib"
    found = str(beside) if beside.exists() else shutil.which("relbib")
    assert found, "the relbib console script is not installed (pip install -e .)"
    return found


def relbib_script(*args: str, cwd: Path, stdin: str | None = None, env: Env | None = None,
                  timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The installed ``relbib`` script run as a user would, in a subprocess."""
    environ = dict(os.environ)
    for name, value in (env or {}).items():
        if value is None:
            environ.pop(name, None)
        else:
            environ[name] = value
    return subprocess.run([script(), *args], cwd=cwd, input=stdin, env=environ, timeout=timeout,
                          capture_output=True, text=True, check=False)
