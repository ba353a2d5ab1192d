"""Shared helpers for the tests that run the real tools.

Each tool test skips, naming the missing tool, when it is not installed.
The data is the render test library (every entry type, annotations, essay
paragraphs) plus the hostile entries, so the real tools see both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))

from test_render_library import Case, load_case  # noqa: E402

from relbib.model import EssayIngest  # noqa: E402

HERE = Path(__file__).resolve().parent


# what a tool test renders: entries, annotations, essays and their paragraphs
Data = Case


def need(tool: str) -> str:
    """The tool's path, or skip the test saying it is missing.

    In CI (``CI`` set) a missing tool fails the test: .ci/run installs every
    one, so a skip there would hide a broken install step.
    """
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (CI installs it from Debian's packages; see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          errors="replace", stdin=subprocess.DEVNULL)


@pytest.fixture(scope="session")
def library_data() -> Data:
    return load_case("library")


@pytest.fixture(scope="session")
def hostile_data() -> Data:
    library, hostile = load_case("library"), load_case("hostile")
    return Data(entries=library.entries + hostile.entries,
                annotations={**library.annotations, **hostile.annotations},
                essays=library.essays, essay_texts=library.essay_texts)


__all__ = ["Data", "EssayIngest", "HERE", "need", "run"]
