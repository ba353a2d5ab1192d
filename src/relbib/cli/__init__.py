"""The relbib command line: thin commands over the library, output and exit codes.

Input: arguments, files (through workspace.py), standard input.
Output: the product on stdout (text or ``--format json``), messages on stderr.
Never: hold logic a library function could hold, or print a traceback
without ``--debug``.

Exit codes (computed in one place, :func:`_run`): 0 success; 1 findings at or
above ``--fail-on`` or changes pending (``ingest --check``); 2 bad usage;
3 unreadable or invalid input; 4 internal error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TypeVar

import typer

from relbib import __version__
from relbib.cli.console import Progress, summary_table
from relbib.cli.options import (
    EXPORT_FORMATS,
    RENDER_FORMATS,
    STYLE_HELP,
    STYLES,
    CheckFormat,
    Essays,
    ExportFormatOption,
    FailOn,
    Format,
    Keys,
    Output,
    OutputFormat,
    Query,
    RenderFormat,
    Style,
    Tags,
)
from relbib.cli.safe_text import terminal_text
from relbib.cli.scale import Scheduler, ShowProgress, Workers, runner
from relbib.cli.views import (
    annotation_text,
    build_rows,
    entry_json,
    entry_line,
    ingest_json,
    ingest_summary,
    link_summary,
    parse_json,
)
from relbib.diagnostics import InputError, UsageError
from relbib.model import Diagnostic

if TYPE_CHECKING:
    from relbib.library.core import Library
    from relbib.pipeline import IngestRun
    from relbib.scale import Runner
    from relbib.workspace import Project

# the registries' names and check's choices, as tests and callers know them here
__all__ = ["CheckFormat", "EXPORT_FORMATS", "RENDER_FORMATS", "STYLES", "app", "main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
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


def _fail(code: int, message: str) -> NoReturn:
    print(f"relbib: {terminal_text(message)}", file=sys.stderr)
    raise typer.Exit(code)


def _run(action: Callable[[], T]) -> T:
    """Run a command body with relbib's exit-code policy."""
    try:
        return action()
    except typer.Exit:
        raise
    except UsageError as error:
        if STATE.debug:
            raise
        _fail(EXIT_USAGE, f"error: {error}")
    except InputError as error:
        if STATE.debug:
            raise
        _fail(EXIT_INPUT, f"error: {error}")
    except KeyboardInterrupt:
        _fail(130, "interrupted")
    except BrokenPipeError:
        _closed_output()
    except Exception as error:  # a bug: say so, without a traceback
        if STATE.debug:
            raise
        _fail(
            EXIT_INTERNAL,
            f"internal error: {type(error).__name__}: {error}\n"
            "This is a bug in relbib: please report it, with --debug output.",
        )


def _emit_json(payload: dict[str, Any]) -> None:
    payload = {"schema": JSON_SCHEMA_VERSION, **payload}
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _warn(diagnostics: Iterable[Diagnostic]) -> None:
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


# --- helpers shared by commands ---------------------------------------------


# a writing command holds the library's lock from reading it to writing it
_Wait = Annotated[bool, typer.Option("--wait", help="Wait while another relbib run writes the library.")]


def _locked(body: Callable[[], None], wait: bool, *, writes: bool = True) -> Callable[[], None]:
    """``body`` run under the library's write lock (workspace.library_lock)."""
    def locked() -> None:
        from relbib import workspace

        if not writes:
            return body()
        with workspace.library_lock(_project(), wait=wait):
            body()
    return locked


def _project() -> Project:
    from relbib import workspace

    return workspace.find_project(Path.cwd(), STATE.library)


# --- commands -----------------------------------------------------------------


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="A file of references or notes, or - for standard input.")] = "-",
    format: Format = OutputFormat.text,
) -> None:
    """Parse a reference list or a numbered notes section into BibTeX entries."""

    def body() -> None:
        from relbib import workspace
        from relbib.formats.bibtex import render_entry
        from relbib.pipeline import parse_list

        if file == "-":
            text = workspace.read_stdin()  # capped like a file
            path = "<stdin>"
        else:
            text = workspace.read_text_file(Path(file))
            path = file
        if not text.strip():
            raise InputError("nothing to parse: the input is empty", path=path)
        result = parse_list(text, path=path)
        _warn(result.diagnostics)
        if format is OutputFormat.json:
            _emit_json(parse_json(result))
        else:
            sys.stdout.write("".join(render_entry(e) + "\n" for e in result.entries))

    _run(body)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Essays (.txt, .md, .html) or folders of them.")],
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if the library would change.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Write nothing; show what would change.")] = False,
    wait: _Wait = False,
    format: Format = OutputFormat.text,
    workers: Workers = None, scheduler: Scheduler = None, progress: ShowProgress = False,
) -> None:
    """Ingest footnoted essays: parse and resolve their notes into the library."""

    def body() -> None:
        with runner(workers, scheduler, progress) as parallel:
            project, run = _ingest(paths, parallel)
        plan = _save(project, run.library, write=not (check or dry_run))
        if format is OutputFormat.json:
            _emit_json(ingest_json(run.ingests, run.update))
        else:
            print(ingest_summary(run.ingests, run.update, len(plan),
                                 written=not (check or dry_run)), file=sys.stderr)
        _warn((*run.failures, *(d for i in run.ingests for d in i.diagnostics)))
        if check and plan:
            raise typer.Exit(EXIT_FINDINGS)

    _run(_locked(body, wait, writes=not (check or dry_run)))


def _ingest(paths: Sequence[Path], parallel: Runner | None = None) -> tuple[Project, IngestRun]:
    """The essays ``paths`` name, ingested into the project's library
    (``parallel``: on other processes, relbib.scale)."""
    from relbib import workspace
    from relbib.pipeline import ingest_run

    project = _project()
    sources = workspace.read_essays(paths, project)
    return project, ingest_run(workspace.load_library(project), sources, parallel=parallel)


def _save(project: Project, library: Library, *, write: bool) -> dict[Path, str]:
    """The files ``library`` changes, written, or (``write`` false) named on stderr."""
    from relbib import workspace

    plan = workspace.plan_save(project, library)
    if write:
        workspace.save(plan)
    else:
        for target in sorted(plan):
            print(f"would change {workspace.relative_name(target, project.root)}", file=sys.stderr)
    return plan


def _load() -> Library:
    from relbib import workspace

    return workspace.load_library(_project())


@app.command("list")
def list_(
    format: Format = OutputFormat.text,
    essays: Annotated[bool, typer.Option("--essays", help="List the essays instead of the sources.")] = False,
) -> None:
    """List the library's sources (or essays)."""

    def body() -> None:
        library = _load()
        entries = library.essays if essays else library.sources
        rows = [entries[k] for k in sorted(entries)]
        if format is OutputFormat.json:
            _emit_json({"entries": [entry_json(e, library.annotations.get(e.key)) for e in rows]})
        else:
            for entry in rows:
                print(terminal_text(entry_line(entry), one_line=True))

    _run(body)


@app.command()
def show(
    key: Annotated[str, typer.Argument(help="The entry's citation key.")],
    format: Format = OutputFormat.text,
) -> None:
    """Show one entry with its annotation."""

    def body() -> None:
        from relbib.formats.bibtex import render_entry

        library = _load()
        entry = library.sources.get(key) or library.essays.get(key)
        if entry is None:
            from relbib.library.suggest import did_you_mean

            hint = did_you_mean(key, [*library.sources, *library.essays])
            _fail(EXIT_INPUT, f"error: no entry with key '{key}'" + (f" (did you mean '{hint}'?)" if hint else ""))
        annotation = library.annotations.get(key)
        if format is OutputFormat.json:
            _emit_json({"entries": [entry_json(entry, annotation)]})
            return
        print(terminal_text(render_entry(entry)))
        if annotation is not None:
            sys.stdout.write(terminal_text(annotation_text(annotation)))

    _run(body)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for in keys, authors, titles, venues, tags and claims.")],
    format: Format = OutputFormat.text,
) -> None:
    """Search the library."""

    def body() -> None:
        from relbib.library.suggest import search_entries

        library = _load()
        hits = search_entries(library, query)
        if format is OutputFormat.json:
            _emit_json({"entries": [entry_json(e, library.annotations.get(e.key)) for e in hits]})
        else:
            for entry in hits:
                print(terminal_text(entry_line(entry), one_line=True))
            if not hits:
                print(f"no entry matches '{query}'", file=sys.stderr)

    _run(body)


@app.command()
def link(
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if the annotations would change.")] = False,
    wait: _Wait = False,
    format: Format = OutputFormat.text,
    workers: Workers = None, scheduler: Scheduler = None, progress: ShowProgress = False,
) -> None:
    """Link library sources to the claims of every ingested essay; write them into the annotations."""

    def body() -> None:
        from relbib import workspace
        from relbib.claims.annotate import summary
        from relbib.pipeline import ingest_run, link_run

        project = _project()
        library = workspace.load_library(project)
        sources, gone = workspace.library_essays(project, library)
        for file, key in gone:
            print(f"relbib: warning: {file} (essay {key}) is gone: its notes are still "
                  "known from the annotations", file=sys.stderr)
        if not sources:
            raise InputError("no essays to link: run `relbib ingest` on them first",
                             path=workspace.relative_name(project.essays_bib, project.root))
        with runner(workers, scheduler, progress) as parallel:
            run = ingest_run(library, sources, parallel=parallel)
            linked = link_run(run, parallel=parallel)
        _warn(d for d in linked.findings if d.kind == "parse-error")
        plan = _save(project, linked.library, write=not check)
        links = linked.result.links
        if format is OutputFormat.json:
            _emit_json({"links": [x.as_json() for x in links]})
        else:
            for x in links:
                if x.relation != "cited":
                    print(terminal_text(f"{x.essay}:{x.line}  {x.relation:<10} {x.key:<28} "
                                        f"{x.score:.2f}  {x.text}", one_line=True))
        print(link_summary(len(run.ingests), [x.relation for x in links], summary(linked.findings),
                           len(plan), written=not check), file=sys.stderr)
        if check and plan:
            raise typer.Exit(EXIT_FINDINGS)

    _run(_locked(body, wait, writes=not check))


@app.command()
def render(
    keys: Keys = None,
    format: Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")] = "md",
    style: Annotated[Style, typer.Option("--style", help=STYLE_HELP)] = "chicago-notes-bibliography",
    csl: Annotated[Path | None, typer.Option("--csl", help="A CSL style file (overrides --style).")] = None,
    tag: Tags = None, essay: Essays = None, query: Query = "", output: Output = None,
) -> None:
    """Render the annotated bibliography (Markdown, HTML, LaTeX or text)."""
    # plain text is read on a terminal: its control characters are shown
    shown = terminal_text if str(format) == "txt" else str
    if csl is not None and not csl.is_file():
        _fail(EXIT_USAGE, f"error: no CSL file {csl}")
    _run(lambda: _write_selection("render", str(format), str(csl.resolve()) if csl else str(style),
                                  (keys, tag, essay, query), output, shown))


@app.command()
def export(
    format: ExportFormatOption = "bib",
    style: Annotated[Style, typer.Option("--style", help=STYLE_HELP)] = "chicago-notes-bibliography",
    tag: Tags = None, essay: Essays = None, query: Query = "", output: Output = None,
    keys: Keys = None,  # the command's one argument: its place among the options is free
    cited_in: Annotated[Path | None, typer.Option(
        "--cited-in", help="Only the works this draft (.tex, .md) cites.")] = None,
) -> None:
    """Export a reading list (BibTeX, CSL-JSON, RIS, or Markdown/HTML grouped by tag)."""
    def body() -> None:
        wanted = list(keys or ())
        if cited_in is not None:
            from relbib import workspace
            from relbib.export.lists import cited_keys

            wanted += [k for k in cited_keys(workspace.read_text_file(cited_in), path=str(cited_in))
                       if k not in wanted]
            if not wanted:
                print(f"relbib: {cited_in} cites nothing", file=sys.stderr)
        _write_selection("export", str(format), str(style), (wanted or None, tag, essay, query), output)

    _run(body)


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="Exports to add: .bib, CSL-JSON (.json) or .ris.")],
    format: Format = OutputFormat.text,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")] = False,
    wait: _Wait = False,
) -> None:
    """Add a .bib, CSL-JSON or RIS export (Zotero, Better BibTeX, JabRef) to the library:
    notes become summaries, keywords and groups tags; importing again changes nothing."""
    def body() -> None:
        from relbib import workspace
        from relbib.library.importing import import_entries, read_export

        project = _project()
        library = workspace.load_library(project)
        added: list[str] = []
        updated: list[str] = []
        warnings: list[str] = []
        for path in files:
            entries, problems = read_export(workspace.read_text_file(path), path=str(path))
            result = import_entries(library, entries)
            library = result.library
            added += result.added
            updated += [k for k in result.updated if k not in updated and k not in added]
            warnings += [*problems, *result.warnings]
        _save(project, library, write=not dry_run)
        if format is OutputFormat.json:
            _emit_json({"added": added, "updated": updated, "warnings": warnings})
        else:
            for warning in warnings:
                print(f"warning: {warning}", file=sys.stderr)
            print(f"{len(added)} added, {len(updated)} updated", file=sys.stderr)

    _run(_locked(body, wait, writes=not dry_run))


_Filters = tuple[list[str] | None, list[str] | None, list[str] | None, str]


def _write_selection(product: Literal["render", "export"], fmt: str, style: str,
                     filters: _Filters, output: Path | None,
                     shown: Callable[[str], str] = str) -> None:
    """The library's entries the filters (keys, tags, essays, query) select, as the
    pipeline renders or exports them, on stdout or in ``output``."""
    from relbib import pipeline
    from relbib.export.lists import Selection, select

    keys, tags, essays, query = filters
    library = _load()
    entries = select(library, Selection(keys=tuple(keys or ()), tags=tuple(tags or ()),
                                        essays=tuple(essays or ()), query=query))
    write = pipeline.render_bibliography if product == "render" else pipeline.export_list
    _product(shown(write(library, entries, fmt=fmt, style=style)), output, len(entries))


def _product(text: str, output: Path | None, count: int) -> None:
    """The product on stdout (also for ``-o -``), or written to ``output``;
    the count on stderr."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
    else:
        from relbib import workspace

        workspace.write_text(output, text)
        print(f"wrote {output} ({count} {'entry' if count == 1 else 'entries'})", file=sys.stderr)
    if count == 0:
        print("relbib: no entry matches the filters", file=sys.stderr)


@app.command()
def lsp() -> None:
    """Run the language server on stdio (diagnostics, completion, hover, rename, fixes)."""
    try:
        from relbib.lsp.server import serve
    except ImportError as error:
        _fail(EXIT_USAGE, f"error: the language server needs pygls ({error.name or error}); "
              "install it with: pip install 'relbib[lsp]'")
    _run(serve)


@app.command()
def build(
    seeds: Annotated[Path, typer.Option("--seeds", help="The essays to build from.")] = Path("seeds"),
    out: Annotated[Path, typer.Option("--out", help="Where rendered files go.")] = Path("out"),
    wait: _Wait = False,
    workers: Workers = None, scheduler: Scheduler = None, progress: ShowProgress = False,
) -> None:
    """The main job: ingest the seeds, write the library, render the annotated bibliography."""

    def body() -> None:
        from relbib import workspace
        from relbib.pipeline import build_products, link_run

        written: list[Path] = []
        workspace.check_output_folder(out)  # before any work, not after the library is saved
        with Progress() as spinner, runner(workers, scheduler, progress,
                                           spinner.step) as parallel:
            spinner.step("ingesting the essays")
            project, run = _ingest([seeds], parallel)
            _save(project, run.library, write=True)
            spinner.step("linking sources to the claims they support")
            linked = link_run(run, parallel=parallel)
            _save(project, linked.library, write=True)
            for product in build_products(linked.library, run.ingests):
                if product.step:
                    spinner.step(product.step)
                workspace.write_text(out / product.name, product.text)
                written.append(out / product.name)
        warnings = [d for i in run.ingests for d in i.diagnostics]
        _warn((*warnings, *(d for d in linked.findings if d.kind == "parse-error")))
        kinds = [d.kind for d in (*warnings, *linked.findings)]
        summary_table(build_rows(len(run.ingests), linked.library, kinds, written))

    _run(_locked(body, wait))


# --- check (the citation linter) ------------------------------------------------

@app.command()
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
            _fail(EXIT_USAGE, "error: --only-cited and --whole-library contradict each other")
        scope = scope_of(select, ignore, extend_select, only_cited=only_cited,
                         whole_library=whole_library)
        from relbib.workspace import read_stdin

        stdin = ((stdin_filename, read_stdin(path=str(stdin_filename)))
                 if stdin_filename is not None else None)
        request, claims, library = read_check_inputs(paths or [], bib or [], _project(),
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

    _run(body)


# 128 + SIGPIPE: what a shell reports for a tool whose reader went away
EXIT_CLOSED_OUTPUT = 141


def _closed_output() -> NoReturn:
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
    """Console entry point."""
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
        _closed_output()
