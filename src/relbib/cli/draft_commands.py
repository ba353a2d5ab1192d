"""The commands for drafts being written: check (the citation linter) and lsp.

Input: drafts, essays and .bib files (through workspace/), the linter's
selection options, or an editor speaking the language server protocol on stdio.
Output: findings on stdout (text, JSON, GitHub annotations or SARIF), the
summary on stderr, exit 1 when a finding reaches ``--fail-on``.
Never: judge a draft itself (relbib.check does, through relbib.pipeline), or
register a command (relbib.cli does).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from relbib.cli.options import CheckFormat, FailOn
from relbib.cli.safe_text import terminal_text
from relbib.cli.scale import Scheduler, ShowProgress, Workers, runner
from relbib.cli.shell import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    JSON_SCHEMA_VERSION,
    current_project,
    fail,
    run,
)


def lsp() -> None:
    """Run the language server on stdio (diagnostics, completion, hover, rename, fixes)."""
    try:
        from relbib.lsp.server import serve
    except ImportError as error:
        fail(EXIT_USAGE, f"error: the language server needs pygls ({error.name or error}); "
             "install it with: pip install 'relbib[lsp] @ git+https://github.com/relbib/relbib'")
    run(serve)


def check(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Drafts (.tex, .md, .qmd, .Rmd), essays (.txt, .html), .bib files or folders; "
        "none: the library.")] = None,
    bib: Annotated[list[Path] | None, typer.Option(
        "--bib", help="A .bib file the drafts' keys resolve against (repeatable).")] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = (
        CheckFormat.text),
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", help="Exit 1 when a finding is at least this severe.")] = FailOn.error,
    no_claims: Annotated[bool, typer.Option(
        "--no-claims", help="Skip the claim-aware rules.")] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Report only these codes (RB203, RB2), kinds or rules (repeatable, "
        "or comma-separated).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Do not report these codes, kinds or rules.")] = None,
    extend_select: Annotated[list[str] | None, typer.Option(
        "--extend-select", help="Report these besides the selection.")] = None,
    only_cited: Annotated[bool, typer.Option(
        "--only-cited", help="Findings about .bib entries only for entries the drafts cite.")] = False,
    whole_library: Annotated[bool, typer.Option(
        "--whole-library", help="Findings about every .bib entry, also with drafts given "
        "(default: only the entries the drafts cite).")] = False,
    stdin_filename: Annotated[Path | None, typer.Option(
        "--stdin-filename", help="Read this draft's text from standard input (for editors).")] = None,
    workers: Workers = None, scheduler: Scheduler = None, progress: ShowProgress = False,
) -> None:
    """Check drafts, essays and .bib files: undefined and unused keys, entry defects, claims."""

    def body() -> None:
        from relbib.check import report
        from relbib.check.scope import scope_of
        from relbib.pipeline import check_drafts, fails
        from relbib.workspace.check import read_check_inputs

        if only_cited and whole_library:
            fail(EXIT_USAGE, "error: --only-cited and --whole-library contradict each other")
        scope = scope_of(select, ignore, extend_select, only_cited=only_cited,
                         whole_library=whole_library)
        from relbib.workspace import read_stdin

        stdin = ((stdin_filename, read_stdin(path=str(stdin_filename)))
                 if stdin_filename is not None else None)
        request, claims, library = read_check_inputs(paths or [], bib or [], current_project(),
                                                     claims=not no_claims, scope=scope,
                                                     stdin=stdin)
        with runner(workers, scheduler, progress) as parallel:
            result = check_drafts(request, claims=claims, library=library, parallel=parallel)
        if format.value == "json":
            sys.stdout.write(report.json_text({"schema": JSON_SCHEMA_VERSION,
                                               **report.as_json(result)}))
        elif format.value == "sarif":
            sys.stdout.write(json.dumps(report.as_sarif(result), ensure_ascii=False, indent=2)
                             + "\n")
        else:
            sys.stdout.write(terminal_text(report.as_github(result) if format.value == "github"
                                           else report.as_text(result)))
        sys.stdout.flush()  # the findings, then the summary, in a shared terminal too
        print(report.summary_line(result), file=sys.stderr)
        if fails(result.findings, fail_on.value):
            raise typer.Exit(EXIT_FINDINGS)

    run(body)
