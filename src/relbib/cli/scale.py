"""The corpus-scale options of ingest, link, check and build, and their progress on stderr.

Input: ``--workers N``, ``--scheduler ADDRESS``, ``--progress``.
Output: a relbib.scale Runner (or None: serial) and, on a terminal or with
``--progress``, documents done and documents per second on stderr (rich).
Never: print on stdout, or show progress on a pipe unless asked.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from relbib.scale import Runner

Workers = Annotated[int | None, typer.Option(
    "--workers", min=1, help="Run on N local processes (the results do not change).")]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS",
    help="Run on the Dask scheduler at ADDRESS (tcp://host:8786; needs relbib[dask]).")]
ShowProgress = Annotated[bool, typer.Option(
    "--progress", help="Show documents done and per second on stderr (default: on a terminal).")]

Step = Callable[[str], None]  # a build's spinner: told what is happening


# A Dask scheduler's address: "tcp://host:8786", "tls://10.0.0.2:8786", "host:8786".
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+]{1,10}://)?(?:\[[0-9a-fA-F:]{2,45}\]|[^\s:/\[\]]{1,253}):\d{1,5}/?$")


@contextmanager
def runner(workers: int | None, scheduler: str | None, show: bool,
           step: Step | None = None) -> Iterator[Runner | None]:
    """The Runner the options ask for (None: serial), closed at the end."""
    if workers is None and not scheduler:
        yield None
        return
    from relbib.diagnostics import UsageError
    from relbib.scale import DaskMissing, runner_for

    if scheduler and not _ADDRESS.match(scheduler):  # checked before Dask opens a client on it
        raise UsageError(f"--scheduler {scheduler!r} is not a scheduler address: "
                         "give SCHEME://HOST:PORT, e.g. tcp://127.0.0.1:8786")
    with _progress(show, step) as progress:
        try:
            made = runner_for(workers=workers, scheduler=scheduler, progress=progress)
        except DaskMissing as error:
            raise UsageError(
                f"--scheduler needs Dask ({error}); install it with: "
                "pip install 'relbib[dask] @ git+https://github.com/relbib/relbib'") from error
        except OSError as error:  # includes timeouts: no scheduler answers there
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error

        assert made is not None
        try:
            yield made
        finally:
            made.close()


@contextmanager
def _progress(show: bool, step: Step | None) -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress callback (step, done, total): a rich bar on a terminal, a line
    every few seconds with ``--progress`` elsewhere, a build's spinner, or None."""
    terminal = sys.stderr.isatty()
    if step is not None and terminal:  # a build's spinner is already on the terminal
        yield _spinner(step)
        return
    if not (terminal or show):
        yield None
        return
    from rich.console import Console

    console = Console(stderr=True)
    if not terminal:
        yield _lines(console)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    # redrawn on each update, never by rich's refresh thread: with no other thread
    # running, the local workers may be forked (relbib.scale.local)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} documents/s"), console=console,
                  auto_refresh=False) as bar:
        tasks: dict[str, Any] = {}
        began: dict[str, float] = {}

        def update(label: str, done: int, total: int) -> None:
            if label not in tasks:
                began[label] = time.monotonic()
                tasks[label] = bar.add_task(label, total=total, rate="-")
            rate = done / max(time.monotonic() - began[label], 1e-9)
            bar.update(tasks[label], completed=done, rate=f"{rate:.1f}", refresh=True)

        yield update


def _rate(began: dict[str, float], label: str, done: int) -> float:
    began.setdefault(label, time.monotonic())
    return done / max(time.monotonic() - began[label], 1e-9)


def _spinner(step: Step) -> Callable[[str, int, int], None]:
    began: dict[str, float] = {}

    def update(label: str, done: int, total: int) -> None:
        step(f"{label} {done}/{total} documents, {_rate(began, label, done):.1f}/s")
    return update


def _lines(console: Any) -> Callable[[str, int, int], None]:
    began: dict[str, float] = {}
    shown: dict[str, float] = {}

    def update(label: str, done: int, total: int) -> None:
        rate = _rate(began, label, done)
        now = time.monotonic()
        if done == total or now - shown.get(label, 0.0) >= 2.0:
            shown[label] = now
            console.print(f"{label} {done}/{total} documents, {rate:.1f} documents/s",
                          highlight=False)
    return update
