"""The shell every relbib command runs in: the typer app, exit codes and streams.

Input: a command's body (a function of no arguments), the global options.
Output: the exit code (computed in one place, :func:`run`), JSON on stdout,
messages on stderr, the project and library the command works on.
Never: hold a command's logic, or print a traceback without ``--debug``.

Exit codes: 0 success; 1 findings at or above ``--fail-on`` or changes
pending (``ingest --check``); 2 bad usage; 3 unreadable or invalid input;
4 internal error; 130 interrupted; 141 the reader of stdout went away.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from relbib import __version__
from relbib.cli.safe_text import terminal_text

if TYPE_CHECKING:  # relbib.diagnostics and .model are imported on use: --help stays cheap
    from relbib.library.core import Library
    from relbib.model import Diagnostic
    from relbib.workspace import Project

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
# 128 + SIGPIPE: what a shell reports for a tool whose reader went away
EXIT_CLOSED_OUTPUT = 141
JSON_SCHEMA_VERSION = 1

app = typer.Typer(
    name="relbib",
    help="A citation-aware reference library: footnoted essays to BibTeX, "
    "claims, annotated bibliographies, and a citation linter.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class _State:
    debug = False
    library: Path | None = None


STATE = _State()

T = TypeVar("T")


def fail(code: int, message: str) -> NoReturn:
    print(f"relbib: {terminal_text(message)}", file=sys.stderr)
    raise typer.Exit(code)


def run(action: Callable[[], T]) -> T:
    """Run a command body with relbib's exit-code policy."""
    from relbib.diagnostics import InputError, UsageError

    try:
        return action()
    except typer.Exit:
        raise
    except UsageError as error:
        if STATE.debug:
            raise
        fail(EXIT_USAGE, f"error: {error}")
    except InputError as error:
        if STATE.debug:
            raise
        fail(EXIT_INPUT, f"error: {error}")
    except KeyboardInterrupt:
        fail(130, "interrupted")
    except BrokenPipeError:
        closed_output()
    except Exception as error:  # a bug: say so, without a traceback
        if STATE.debug:
            raise
        fail(
            EXIT_INTERNAL,
            f"internal error: {type(error).__name__}: {error}\n"
            "This is a bug in relbib: please report it, with --debug output.",
        )


def emit_json(payload: dict[str, Any]) -> None:
    payload = {"schema": JSON_SCHEMA_VERSION, **payload}
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def warn(diagnostics: Iterable[Diagnostic]) -> None:
    for d in diagnostics:
        where = ":".join(str(p) for p in (d.path, d.line, d.column) if p)
        print(terminal_text(f"{where}: {d.code} {d.severity.value}: {d.message}"), file=sys.stderr)


def _print_version(value: bool) -> None:
    """--version works without a command: print and exit before the command is needed."""
    if value:
        print(__version__)
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    library: Annotated[
        Path | None, typer.Option("--library", help="The library folder (holds bib/ and annotations/).")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.",
                                          is_eager=True, callback=_print_version)] = False,
) -> None:
    """relbib: footnoted essays → a library that knows which claim each source supports."""
    STATE.debug = debug
    STATE.library = library
    if version:
        print(__version__)
        raise typer.Exit(EXIT_OK)


# --- the project and its library -------------------------------------------------


# a writing command holds the library's lock from reading it to writing it
Wait = Annotated[bool, typer.Option("--wait", help="Wait while another relbib run writes the library.")]


def locked(body: Callable[[], None], wait: bool, *, writes: bool = True) -> Callable[[], None]:
    """``body`` run under the library's write lock (workspace.library_lock)."""
    def under_lock() -> None:
        from relbib import workspace

        if not writes:
            return body()
        with workspace.library_lock(current_project(), wait=wait):
            body()
    return under_lock


def current_project() -> Project:
    from relbib import workspace

    return workspace.find_project(Path.cwd(), STATE.library)


def load() -> Library:
    from relbib import workspace

    return workspace.load_library(current_project())


def save(project: Project, library: Library, *, write: bool) -> dict[Path, str]:
    """The files ``library`` changes, written, or (``write`` false) named on stderr."""
    from relbib import workspace

    plan = workspace.plan_save(project, library)
    if write:
        workspace.save(plan)
    else:
        for target in sorted(plan):
            print(f"would change {workspace.relative_name(target, project.root)}", file=sys.stderr)
    return plan


# --- streams ------------------------------------------------------------------------


def closed_output() -> NoReturn:
    """The reader of stdout is gone (``relbib list | head -1``): end quietly,
    as Unix tools do, with whatever is still buffered sent to /dev/null (the
    Python documentation's recipe: else the final flush fails once more)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives to the exit)
    raise SystemExit(EXIT_CLOSED_OUTPUT)


def _missing_streams() -> None:
    # a stream closed before relbib started (``relbib list >&-``) is None in
    # Python: its output goes nowhere rather than failing in every print
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point (the commands are registered by relbib.cli)."""
    _missing_streams()
    try:
        try:
            app(args=list(argv) if argv is not None else None, prog_name="relbib")
        finally:
            sys.stdout.flush()  # here, where a closed pipe can still end quietly
    except SystemExit as exit_:
        code = exit_.code
        if isinstance(code, int) and code not in (0, 1, 2, 3, 4, 130, EXIT_CLOSED_OUTPUT):
            code = EXIT_INTERNAL
        sys.exit(code)
    except BrokenPipeError:
        closed_output()
