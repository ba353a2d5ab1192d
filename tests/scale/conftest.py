"""Fixtures of the scale tests: a generated corpus, fresh projects, a Dask LocalCluster."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from clirun import relbib  # noqa: E402
from corpus import make_corpus  # noqa: E402

# enough essays that --workers 2 sends two documents per task (a dead worker takes a
# neighbour with it), few enough that the serial, worker and Dask runs stay quick
ESSAYS = 18
WORKS = 24


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ESSAYS footnoted essays citing WORKS shared works (tests/scale/corpus.py)."""
    folder = tmp_path_factory.mktemp("corpus") / "essays"
    make_corpus(folder, essays=ESSAYS, works=WORKS)
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


def outputs(root: Path, *options: str,
            env: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, bytes]:
    """ingest, link and check of the essays in ``root`` with ``options``: every file
    written under bib/ and annotations/, the links and the findings.  ``env``: extra
    environment variables for one command, by its name ("ingest", "link", "check")."""
    env = env or {}
    ingest = relbib("ingest", "essays", *options, cwd=root, env=env.get("ingest"))
    assert ingest.returncode == 0, ingest.stderr
    link = relbib("link", "--format", "json", *options, cwd=root, env=env.get("link"))
    assert link.returncode == 0, link.stderr
    check = relbib("check", "essays", "--format", "json", "--fail-on", "never", *options,
                   cwd=root, env=env.get("check"))
    assert check.returncode == 0, check.stderr
    assert "RB001" not in ingest.stderr + link.stderr, "a document failed"
    files = {str(p.relative_to(root)): p.read_bytes()
             for folder in ("bib", "annotations") for p in sorted((root / folder).rglob("*"))
             if p.is_file()}
    return {**files, "<links>": link.stdout.encode(), "<findings>": check.stdout.encode()}


@pytest.fixture(scope="session")
def serial(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> dict[str, bytes]:
    """What a serial run of the corpus writes and prints (the reference)."""
    return outputs(fresh(tmp_path_factory.mktemp("serial"), corpus, "serial"))


class _Cluster:
    """One LocalCluster for the tests that use it: started by the first of them and closed
    after the last (they run one after another, see below), not at the end of the run, as
    an idle cluster's scheduler and workers keep taking CPU from the tests after it."""

    local: Any = None

    @classmethod
    def address(cls) -> str:
        if cls.local is None:
            from distributed import LocalCluster

            cls.local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address=None)
        return str(cls.local.scheduler_address)

    @classmethod
    def close(cls) -> None:
        if cls.local is not None:
            cls.local.close()
            cls.local = None


@pytest.fixture
def cluster() -> str:
    """The address of a dask.distributed LocalCluster of two worker processes.

    Skipped when Dask is not installed; in CI (``CI`` set) that fails instead:
    the test extra installs it.
    """
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("dask.distributed is not installed (the test extra installs it)")
        pytest.skip("dask.distributed is not installed: pip install 'relbib[dask]'")
    return _Cluster.address()


def _uses_cluster(item: pytest.Item) -> bool:
    return "cluster" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests of this folder that use the cluster run last of the folder, together."""
    here = [i for i, item in enumerate(items) if Path(item.path).is_relative_to(HERE)]
    ordered = sorted((items[i] for i in here), key=_uses_cluster)
    for i, item in zip(here, ordered, strict=True):
        items[i] = item


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    if _uses_cluster(item) and (nextitem is None or not _uses_cluster(nextitem)):
        _Cluster.close()


def pytest_sessionfinish() -> None:
    _Cluster.close()
