"""Fixtures of the scale tests: a generated corpus, fresh projects, a Dask LocalCluster."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus  # noqa: E402


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 footnoted essays citing 40 shared works (tests/scale/corpus.py)."""
    folder = tmp_path_factory.mktemp("corpus") / "essays"
    make_corpus(folder, essays=30, works=40)
    return folder


@pytest.fixture
def project(tmp_path: Path, corpus: Path) -> Path:
    """A fresh project folder holding a copy of the corpus in essays/."""
    root = tmp_path / "project"
    shutil.copytree(corpus, root / "essays")
    return root


def fresh(tmp_path: Path, corpus: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(corpus, root / "essays")
    return root


@pytest.fixture(scope="session")
def cluster() -> Iterator[str]:
    """The address of a dask.distributed LocalCluster of two worker processes.

    Skipped when Dask is not installed; in CI (``CI`` set) that fails instead:
    the test extra installs it.
    """
    try:
        from distributed import LocalCluster
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("dask.distributed is not installed (the test extra installs it)")
        pytest.skip("dask.distributed is not installed: pip install 'relbib[dask]'")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local.scheduler_address
