"""Shared test options: --update-golden rewrites golden files instead of comparing."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so a submission
# is judged on what it changed; a developer's runs keep exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output (review the diff like code)",
    )


@pytest.fixture(scope="session")
def _caches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("caches")


_TESTS = itertools.count()


@pytest.fixture(autouse=True)
def _own_cache(_caches: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own check cache, so tests never share one (nor the
    user's ~/.cache/relbib), whatever order or worker runs them.  The folder is
    made by relbib when it first writes there, so most tests never make one."""
    if "RELBIB_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("RELBIB_CACHE_DIR", str(_caches / str(next(_TESTS))))


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def repo() -> Path:
    return REPO
