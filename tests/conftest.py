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


# Tests that share an expensive module- or session-scoped setup (a corpus and its
# serial run, a Dask cluster, the devset figures, one real tool run or pandoc run
# per style): under xdist (`make test` runs `pytest -n 2`) each of these runs on
# one worker, so its setup is built once, not once per worker.
SHARED_SETUP = (
    "tests/scale/",
    "tests/claims/test_link_devset.py",
    "tests/render/test_render_golden.py",
    "tests/render/test_render_styles.py",
    "tests/tools/test_csl_agreement.py",
    "tests/tools/test_latex_tools.py",
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """xdist's default `load` distribution, test by test, except that each
    SHARED_SETUP group goes to one worker (xdist's own `--dist loadgroup` does
    not group under pytest 9: it renames `item._nodeid`, which pytest 9 ignores)."""
    if config.getvalue("dist") != "load":
        return None  # a distribution the user chose
    from xdist.scheduler import LoadScopeScheduling

    class SharedSetupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return next((group for group in SHARED_SETUP if nodeid.startswith(group)), nodeid)

    return SharedSetupScheduling(config, log)  # type: ignore[arg-type]


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
