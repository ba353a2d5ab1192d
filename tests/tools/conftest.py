"""Shared helpers for the tests that run the real tools.

Each tool test skips, naming the missing tool, when it is not installed, and
so does a test marked ``needs_tex_package("biblatex.sty", ...)`` when kpsewhich
cannot find a TeX file it needs; in CI (``CI`` set) both fail instead.
The data is the render test library (every entry type, annotations, essay
paragraphs) plus the hostile entries, so the real tools see both.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from render_data import Case, load_case

from relbib.model import EssayIngest

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


# the Debian package that ships each TeX file the tools tests need (.ci/run
# installs them; `dpkg -S $(kpsewhich FILE)` names the package)
TEX_PACKAGES = {
    "biblatex.sty": "texlive-bibtex-extra",
    "reading.bbx": "texlive-bibtex-extra",
    "logreq.sty": "texlive-bibtex-extra",
    "etoolbox.sty": "texlive-latex-recommended",
    "sfrm1000.pfb": "cm-super-minimal",
    "natbib.sty": "texlive-latex-base",
    "amsmath.sty": "texlive-latex-base",
    "graphicx.sty": "texlive-latex-base",
    "booktabs.sty": "texlive-latex-recommended",
}
# what the biblatex bundle loads beyond LaTeX itself
BIBLATEX = ("biblatex.sty", "reading.bbx", "logreq.sty", "etoolbox.sty")
# fontenc T1 with Type 1 fonts (without them pdflatex would run METAFONT)
T1_FONTS = ("sfrm1000.pfb",)


@functools.cache
def _kpsewhich(name: str) -> str:
    done = subprocess.run([need("kpsewhich"), name], capture_output=True, text=True,
                          check=False, stdin=subprocess.DEVNULL)
    return done.stdout.strip()


def need_tex(*names: str) -> None:
    """Skip the test, naming the TeX file and its package, when kpsewhich cannot
    find one of ``names`` (``biblatex.sty``, ``sfrm1000.pfb``); fail in CI."""
    for name in names:
        if not _kpsewhich(name):
            package = f"Debian package {TEX_PACKAGES[name]}" if name in TEX_PACKAGES \
                else "a TeX Live package"
            message = f"TeX file {name} is not installed ({package}; CI installs it, see .ci/run)"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_tex_package(*files): skip (fail in CI) unless kpsewhich finds each "
        "TeX file, e.g. needs_tex_package('biblatex.sty')")


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs_tex_package"):
        need_tex(*mark.args)


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


__all__ = ["BIBLATEX", "T1_FONTS", "Data", "EssayIngest", "HERE", "need", "need_tex", "run"]
