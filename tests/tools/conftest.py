"""Shared helpers for the tests that run the real tools.

Each tool test skips, naming the missing tool, when it is not installed.
The data is the render test library (every entry type, annotations, essay
paragraphs) plus the hostile entries, so the real tools see both.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))

from test_render_library import load_case  # noqa: E402

from relbib.model import Annotation, Entry, EssayIngest  # noqa: E402
from relbib.render import EssayView  # noqa: E402

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Data:
    entries: tuple[Entry, ...]
    annotations: dict[str, Annotation]
    essays: dict[str, Entry]
    essay_texts: dict[str, EssayView]


def need(tool: str) -> str:
    """The tool's path, or skip the test saying it is missing."""
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (CI installs it from Debian's packages; see .ci/run)")
    return path


def run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          errors="replace", stdin=subprocess.DEVNULL)


@pytest.fixture(scope="session")
def library_data() -> Data:
    case = load_case("library")
    return Data(entries=case.entries, annotations=case.annotations, essays=case.essays,
                essay_texts=case.essay_texts)


@pytest.fixture(scope="session")
def hostile_data() -> Data:
    library, hostile = load_case("library"), load_case("hostile")
    return Data(entries=library.entries + hostile.entries,
                annotations={**library.annotations, **hostile.annotations},
                essays=library.essays, essay_texts=library.essay_texts)


__all__ = ["Data", "EssayIngest", "HERE", "need", "run"]
