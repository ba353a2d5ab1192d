"""Shared test options: --update-golden rewrites golden files instead of comparing."""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import settings

from relbib.render import csl as render_csl

# CI runs the property tests on a fixed sequence of examples, so a submission
# is judged on what it changed; a developer's runs keep exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent

# With PYTHONDONTWRITEBYTECODE set (some shells and containers set it), every
# process of a run compiles relbib from source again: each xdist worker, each
# installed-script test and each worker process of the scale tests (~0.5 s CPU
# each), and pytest rewrites the asserts of every test module again (~5 s CPU per
# worker).  The tests write the compiled files as Python does by default, in the
# __pycache__ folders git ignores; xdist's workers and every process the tests
# start inherit this.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
    sys.dont_write_bytecode = False

# Typer builds relbib's click command from every command's signature on each call of
# the app: about 50 ms, nearly all of an in-process run of a quick command
# (tests/clirun.py).  The built command keeps no state between runs, so the tests
# build it once per app and process; the installed script builds it once per run.
_build_command = typer.main.get_command
_built: dict[int, tuple[typer.Typer, object]] = {}


def _command_built_once(app: typer.Typer) -> object:
    if id(app) not in _built:
        _built[id(app)] = (app, _build_command(app))  # the app kept alive: ids stay unique
    return _built[id(app)][1]


typer.main.get_command = _command_built_once  # type: ignore[assignment]

# pandoc renders the CSL styles (relbib.render.csl.run_pandoc), and many tests render the
# same entries in the same style (one list as HTML, Markdown, text and LaTeX; one library
# in several tests).  pandoc prints the same page for the same input, so the tests run it
# once per distinct input (the items, the style's text, the pandoc binary) and process;
# a style file that cannot be read goes to pandoc as it is.
_run_pandoc = render_csl.run_pandoc
_pages: dict[tuple[str, str, str], str] = {}


def _pandoc_once(items: Sequence[Mapping[str, Any]], csl: str, *, style_text: str = "") -> str:
    try:
        text = style_text or Path(csl).read_text(encoding="utf-8")
    except OSError:
        return _run_pandoc(items, csl, style_text=style_text)
    key = (json.dumps(list(items), ensure_ascii=False), text, render_csl.pandoc_path())
    if key not in _pages:
        _pages[key] = _run_pandoc(items, csl, style_text=style_text)
    return _pages[key]


render_csl.run_pandoc = _pandoc_once


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
    # its corpus figures sum what the project tests of the same process collected
    # (split over two workers, the figures test skipped itself)
    "tests/tools/test_real_projects.py",
    # a module-scoped setup of a second or more, paid again by every worker that
    # runs one of the module's tests (test_hostile_inputs: 15 s on a loaded machine)
    "tests/security/test_hostile_inputs.py",
    "tests/security/test_data_concurrency.py",
    "tests/ingest/test_epub_long_endnotes.py",
    "tests/parse/test_devset.py",
    "tests/claims/test_claim_drafts.py",
    "tests/cli/test_cli_link.py",
    "tests/tools/test_html_browser.py",
    # the LSP servers fork from one warm process per worker (tests/lsp/lsp_client.py)
    "tests/lsp/",
)


# The files that take longest (real tools, real processes, a kill loop, a corpus), by
# CPU and waiting on a 2-core machine, longest first: they run first, and the many
# quick tests after them fill the gaps, so the two workers end together instead of
# one finishing a long file dealt last while the other idles.
SLOW_FIRST = (
    "tests/scale/",
    "tests/security/test_data_kill.py",
    "tests/tools/test_csl_agreement.py",
    "tests/security/test_data_concurrency.py",
    "tests/tools/test_real_projects.py",
    "tests/security/test_exit_output.py",
    "tests/tools/test_check_agreement.py",
    "tests/claims/test_link_devset.py",
    "tests/tools/test_latex_tools.py",
    "tests/check/test_check_reader.py",
    "tests/security/test_hostile_inputs.py",
    "tests/tools/",
    "tests/lsp/",
    "tests/property/",
    "tests/cli/test_cli.py",
)


def _rank(item: pytest.Item) -> int:
    nodeid = item.nodeid
    return next((n for n, prefix in enumerate(SLOW_FIRST) if nodeid.startswith(prefix)),
                len(SLOW_FIRST))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """SLOW_FIRST's files first, each file's tests in their order (a stable sort)."""
    items.sort(key=_rank)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """The regex audit (marked ``audit``, left out by the ordinary run's ``-m 'not
    audit'``) is not even collected then: collecting it imports every module of
    relbib and builds ~1,000 tests, some seconds of every worker's start."""
    if collection_path.name != "test_hostile_regex.py":
        return None
    expression = config.getoption("markexpr") or ""
    if not expression:
        return None
    from _pytest.mark.expression import Expression  # what -m itself evaluates

    audit = Expression.compile(expression).evaluate(lambda name, **_: name == "audit")
    return None if audit else True


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """xdist's default `load` distribution, test by test, except that each
    SHARED_SETUP group goes to one worker (xdist's own `--dist loadgroup` does
    not group under pytest 9: it renames `item._nodeid`, which pytest 9 ignores),
    and the work goes out in collection order (SLOW_FIRST), not largest group first."""
    if config.getvalue("dist") != "load":
        return None  # a distribution the user chose
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False

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
