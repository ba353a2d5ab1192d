"""Run relbib's CLI in-process for the security tests (test_out_*, test_path_*, test_exit_*)."""

from __future__ import annotations

import pytest

from relbib.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``relbib ARGS``; never an internal error or a traceback."""
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return int(exit_.value.code or 0), out, err
