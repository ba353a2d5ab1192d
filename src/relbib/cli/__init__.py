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
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeAlias, TypeVar

import typer

from relbib import __version__
from relbib.cli.console import Progress, summary_table
from relbib.cli.views import citation_json, entry_json, entry_line, essay_json, reference_json
from relbib.diagnostics import InputError
from relbib.model import Diagnostic, Entry, EssayIngest

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


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _registry_enum(name: str, choices: Iterable[str]) -> Any:
    return StrEnum(name, {c: c for c in choices})  # type: ignore[misc]


# The names of the render and export registries (relbib.render.formats(),
# styles(), relbib.export.lists.export_formats()), spelled here so that starting
# the CLI does not import the renderers, pybtex and lxml (0.2 s on every
# `relbib check`).  tests/cli/test_check_startup.py asserts they equal the
# registries, so they cannot drift.
RENDER_FORMATS = ("md", "html", "tex", "txt")
STYLES = ("plain", "unsrt", "alpha", "abbrv", "chicago-nb", "chicago-ad", "apa7")
EXPORT_FORMATS = ("bib", "csl-json", "ris", "md", "html")


def _render_choices() -> tuple[Any, Any, Any]:
    return (_registry_enum("RenderFormat", RENDER_FORMATS), _registry_enum("Style", STYLES),
            _registry_enum("ExportFormat", EXPORT_FORMATS))


if TYPE_CHECKING:
    # at run time each is a StrEnum of its registry; str() of a member is its value
    RenderFormat: TypeAlias = str
    Style: TypeAlias = str
    ExportFormat: TypeAlias = str
else:
    RenderFormat, Style, ExportFormat = _render_choices()


class _State:
    debug = False
    library: Path | None = None


STATE = _State()

T = TypeVar("T")


def _fail(code: int, message: str) -> NoReturn:
    print(f"relbib: {message}", file=sys.stderr)
    raise typer.Exit(code)


def _run(action: Callable[[], T]) -> T:
    """Run a command body with relbib's exit-code policy."""
    try:
        return action()
    except typer.Exit:
        raise
    except InputError as error:
        if STATE.debug:
            raise
        _fail(EXIT_INPUT, f"error: {error}")
    except KeyboardInterrupt:
        _fail(130, "interrupted")
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
        print(f"{where}: {d.code} {d.severity.value}: {d.message}", file=sys.stderr)


@app.callback()
def _main(
    library: Annotated[
        Path | None, typer.Option("--library", help="The library folder (holds bib/ and annotations/).")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """relbib: footnoted essays → a library that knows which claim each source supports."""
    STATE.debug = debug
    STATE.library = library
    if version:
        print(__version__)
        raise typer.Exit(EXIT_OK)


# --- helpers shared by commands ---------------------------------------------


def _project() -> Any:
    from relbib import workspace

    return workspace.find_project(Path.cwd(), STATE.library)


# --- commands -----------------------------------------------------------------


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="A file of references or notes, or - for standard input.")] = "-",
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
) -> None:
    """Parse a reference list or a numbered notes section into BibTeX entries."""

    def body() -> None:
        from relbib import workspace
        from relbib.formats.bibtex import render_entry
        from relbib.pipeline import parse_list

        if file == "-":
            text = sys.stdin.read()
            path = "<stdin>"
        else:
            text = workspace.read_text_file(Path(file))
            path = file
        if not text.strip():
            raise InputError("nothing to parse: the input is empty", path=path)
        result = parse_list(text, path=path)
        _warn(result.diagnostics)
        if format is OutputFormat.json:
            _emit_json(
                {
                    "notes": [
                        {
                            "n": note.n,
                            "text": note.text,
                            **reference_json(note.reference),
                            **citation_json(note.citation),
                        }
                        for note in result.notes
                    ],
                    "entries": [entry_json(e) for e in result.entries],
                }
            )
        else:
            sys.stdout.write("".join(render_entry(e) + "\n" for e in result.entries))

    _run(body)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Essays (.txt, .md, .html) or folders of them.")],
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if the library would change.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Write nothing; show what would change.")] = False,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
) -> None:
    """Ingest footnoted essays: parse and resolve their notes into the library."""

    def body() -> None:
        outcome = _ingest(paths)
        project, plan, update, ingests = outcome
        from relbib import workspace

        if check or dry_run:
            for target in sorted(plan):
                print(f"would change {_relative(target, project.root)}", file=sys.stderr)
        else:
            workspace.save(plan)
        if format is OutputFormat.json:
            _emit_json(
                {
                    "essays": [essay_json(i, update.citations.get(i.essay.id, ())) for i in ingests],
                    "added": list(update.added),
                    "updated": list(update.updated),
                }
            )
        else:
            notes = sum(len(i.essay.notes) for i in ingests)
            print(
                f"{len(ingests)} essays, {notes} notes; {len(update.added)} entries added, "
                f"{len(update.updated)} updated; {len(plan)} files "
                + ("would change" if check or dry_run else "written"),
                file=sys.stderr,
            )
        _warn(d for i in ingests for d in i.diagnostics)
        if check and plan:
            raise typer.Exit(EXIT_FINDINGS)

    _run(body)


def _ingest(paths: Sequence[Path]) -> tuple[Any, dict[Path, str], Any, tuple[EssayIngest, ...]]:
    from relbib import workspace
    from relbib.pipeline import ingest_essays, update

    project = _project()
    files = workspace.iter_essay_paths(paths)
    if not files:
        raise InputError("no essays found (looked for .txt, .md, .markdown, .html, .htm)",
                         path=", ".join(str(p) for p in paths))
    # paths relative to the project root, so essays.bib names them the same from anywhere
    sources = [(_relative(f.resolve(), project.root.resolve()), workspace.read_text_file(f)) for f in files]
    ingests = ingest_essays(sources)
    library = workspace.load_library(project)
    result = update(library, ingests)
    plan = workspace.plan_save(project, result.library)
    return project, plan, result, ingests


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _load() -> Any:
    from relbib import workspace

    return workspace.load_library(_project())


@app.command("list")
def list_(
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
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
                print(entry_line(entry))

    _run(body)


@app.command()
def show(
    key: Annotated[str, typer.Argument(help="The entry's citation key.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
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
        print(render_entry(entry))
        if annotation is not None:
            if annotation.summary:
                print(f"\nsummary: {annotation.summary}")
            if annotation.tags:
                print("tags: " + ", ".join(annotation.tags))
            for claim in annotation.claims:
                pin = f", p. {claim.pinpoint}" if claim.pinpoint else ""
                print(f"\n[{claim.relation}] {claim.essay}:{claim.line} (note {claim.note}{pin})\n  {claim.quote}")

    _run(body)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for in keys, authors, titles, venues, tags and claims.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
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
                print(entry_line(entry))
            if not hits:
                print(f"no entry matches '{query}'", file=sys.stderr)

    _run(body)


@app.command()
def link(
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if the annotations would change.")] = False,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
) -> None:
    """Link library sources to the claims of every ingested essay; write them into the annotations."""

    def body() -> None:
        from relbib import workspace
        from relbib.claims.annotate import apply_links, judgement_findings, link_library, summary
        from relbib.library.core import essay_id
        from relbib.pipeline import ingest_essays, update

        project = _project()
        library = workspace.load_library(project)
        sources = []
        for key in sorted(library.essays):
            file = library.essays[key].fields.get("file")
            if not isinstance(file, str) or not file or not essay_id(library.essays[key]):
                continue
            path = project.root / file
            if not path.is_file():
                print(f"relbib: warning: {file} (essay {key}) is gone: its notes are still "
                      "known from the annotations", file=sys.stderr)
                continue
            sources.append((file, workspace.read_text_file(path)))
        if not sources:
            raise InputError("no essays to link: run `relbib ingest` on them first",
                             path=_relative(project.essays_bib, project.root))
        ingests = ingest_essays(sources)
        updated = update(library, ingests)
        result = link_library(updated.library, ingests, updated.citations)
        plan = workspace.plan_save(project, apply_links(updated.library, result))
        if check:
            for target in sorted(plan):
                print(f"would change {_relative(target, project.root)}", file=sys.stderr)
        else:
            workspace.save(plan)
        if format is OutputFormat.json:
            _emit_json({"links": [x.as_json() for x in result.links]})
        else:
            for x in result.links:
                if x.relation != "cited":
                    print(f"{x.essay}:{x.line}  {x.relation:<10} {x.key:<28} {x.score:.2f}  {x.text}")
        counts: dict[str, int] = {}
        for x in result.links:
            counts[x.relation] = counts.get(x.relation, 0) + 1
        found = summary(judgement_findings(result, [i.essay for i in ingests]))
        print(f"{len(ingests)} essays; links: "
              + ", ".join(f"{n} {relation}" for relation, n in sorted(counts.items()))
              + "; findings: " + ", ".join(f"{n} {kind}" for kind, n in found.items())
              + f"; {len(plan)} files " + ("would change" if check else "written"),
              file=sys.stderr)
        if check and plan:
            raise typer.Exit(EXIT_FINDINGS)

    _run(body)


# The options render and export share: which entries, and where the product goes.
_Keys = Annotated[list[str] | None, typer.Argument(help="Entry keys (default: every source).")]
_Tags = Annotated[list[str] | None, typer.Option("--tag", help="Only entries with this tag (repeatable).")]
_Essays = Annotated[list[str] | None, typer.Option("--essay", help="Only sources of this essay (repeatable).")]
_Query = Annotated[str, typer.Option("--query", help="Only entries matching these words.")]
_Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]


@app.command()
def render(
    keys: _Keys = None,
    format: Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")] = "md",
    style: Annotated[Style, typer.Option("--style", help="Reference style.")] = "chicago-nb",
    tag: _Tags = None,
    essay: _Essays = None,
    query: _Query = "",
    output: _Output = None,
) -> None:
    """Render the annotated bibliography (Markdown, HTML, LaTeX or text)."""

    def body() -> None:
        from relbib.render import render_bibliography

        _write_selection(
            keys, tag, essay, query, output,
            lambda library, entries: render_bibliography(
                entries, library.annotations, fmt=str(format), style=str(style),
                essays=library.essays),
        )

    _run(body)


@app.command()
def export(
    keys: _Keys = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = "bib",
    style: Annotated[Style, typer.Option("--style", help="Reference style (md, html).")] = "chicago-nb",
    tag: _Tags = None,
    essay: _Essays = None,
    query: _Query = "",
    output: _Output = None,
) -> None:
    """Export a reading list (BibTeX, CSL-JSON, RIS, or Markdown/HTML grouped by tag)."""

    def body() -> None:
        from relbib.export.lists import export as export_entries

        _write_selection(
            keys, tag, essay, query, output,
            lambda library, entries: export_entries(
                entries, library.annotations, fmt=str(format), style=str(style)),
        )

    _run(body)


def _write_selection(
    keys: list[str] | None,
    tags: list[str] | None,
    essays: list[str] | None,
    query: str,
    output: Path | None,
    write: Callable[[Any, Sequence[Entry]], str],
) -> None:
    """The library's entries the filters select, as ``write`` (library, entries)
    makes them, on stdout or in ``output``."""
    from relbib.export.lists import Selection, select

    library = _load()
    entries = select(library, Selection(keys=tuple(keys or ()), tags=tuple(tags or ()),
                                        essays=tuple(essays or ()), query=query))
    _product(write(library, entries), output, len(entries))


def _product(text: str, output: Path | None, count: int) -> None:
    """The product on stdout, or written to ``output``; the count on stderr."""
    if output is None:
        sys.stdout.write(text)
    else:
        from relbib import workspace

        workspace.write_text(output, text)
        print(f"wrote {output} ({count} {'entry' if count == 1 else 'entries'})", file=sys.stderr)
    if count == 0:
        print("relbib: no entry matches the filters", file=sys.stderr)


@app.command()
def build(
    seeds: Annotated[Path, typer.Option("--seeds", help="The essays to build from.")] = Path("seeds"),
    out: Annotated[Path, typer.Option("--out", help="Where rendered files go.")] = Path("out"),
) -> None:
    """The main job: ingest the seeds, write the library, render the annotated bibliography."""

    def body() -> None:
        from relbib import workspace
        from relbib.claims.annotate import apply_links, judgement_findings, link_library
        from relbib.export.lists import EXPORT_FORMATS, export, latex_bundle
        from relbib.render import essay_view, render_bibliography

        with Progress() as progress:
            progress.step("ingesting the essays")
            project, plan, update, ingests = _ingest([seeds])
            workspace.save(plan)
            progress.step("linking sources to the claims they support")
            linked = link_library(update.library, ingests, update.citations)
            library = apply_links(update.library, linked)
            workspace.save(workspace.plan_save(project, library))
            claim_findings = judgement_findings(linked, [i.essay for i in ingests])
            entries = [library.sources[k] for k in sorted(library.sources)]
            essay_texts = {i.essay.id: essay_view(i.essay) for i in ingests}
            written: list[Path] = []

            def write(target: Path, text: str) -> None:
                workspace.write_text(target, text)
                written.append(target)

            for fmt in ("md", "html"):
                progress.step(f"rendering annotated-bibliography.{fmt}")
                write(out / f"annotated-bibliography.{fmt}",
                      render_bibliography(entries, library.annotations, fmt=fmt,
                                          essays=library.essays, essay_texts=essay_texts))
            progress.step("rendering annotated-bibliography.tex")
            bundle = latex_bundle(entries, library.annotations, engine="biber",
                                  bib_name="annotated-bibliography")
            write(out / "annotated-bibliography.tex", bundle.tex)
            write(out / f"{bundle.bib_name}.bib", bundle.bib)
            bundle = latex_bundle(entries, library.annotations, engine="bibtex",
                                  bib_name="annotated-bibliography-bibtex")
            write(out / "annotated-bibliography-bibtex.tex", bundle.tex)
            write(out / f"{bundle.bib_name}.bib", bundle.bib)
            for fmt in ("bib", "csl-json", "ris"):
                progress.step(f"exporting the reading list as {fmt}")
                write(out / f"reading-list.{EXPORT_FORMATS[fmt].suffix}",
                      export(entries, library.annotations, fmt=fmt))
        warnings = [d for i in ingests for d in i.diagnostics]
        _warn(warnings)
        claims = [c for k, a in library.annotations.items() if k in library.sources for c in a.claims]
        relations = Counter(c.relation for c in claims)
        kinds = Counter(d.kind for d in (*warnings, *claim_findings))
        summary_table([("essays", str(len(ingests))), ("sources", str(len(library.sources))),
                  ("claims", f"{len(claims)} ("
                   + ", ".join(f"{n} {r}" for r, n in sorted(relations.items())) + ")"),
                  ("findings", "\n".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "none"),
                  ("files written", "\n".join(str(t) for t in written))])

    _run(body)


# --- check (the citation linter) ------------------------------------------------

class CheckFormat(StrEnum):  # relbib.check.report.FORMATS, in the same order
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


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
) -> None:
    """Check drafts, essays and .bib files: undefined and unused keys, entry defects, claims."""

    def body() -> None:
        import gc

        from relbib.check import report
        from relbib.check.runner import check as run_check
        from relbib.model import Severity
        from relbib.workspace import check as wc

        project = _project()
        files = wc.BibFiles(wc.Cache(wc.cache_dir()))
        gc.disable()  # reading builds ~10^6 containers that all live to the end
        request = wc.collect(paths or [], bib or [], project, files)
        gc.freeze()
        gc.enable()
        claims = None if no_claims else wc.claim_inputs(project, request, files)
        result = run_check(request, claims=claims, library=wc.cached_library_findings(files))
        if format.value == "json":
            _emit_json(report.as_json(result))
        elif format.value == "sarif":
            sys.stdout.write(json.dumps(report.as_sarif(result), ensure_ascii=False, indent=2)
                             + "\n")
        elif format.value == "github":
            sys.stdout.write(report.as_github(result))
        else:
            sys.stdout.write(report.as_text(result))
        sys.stdout.flush()  # the findings, then the summary, in a shared terminal too
        print(report.summary_line(result), file=sys.stderr)
        ranks = {"error": 3, "warning": 2, "info": 1, "never": 99}
        level = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
        if any(level[f.severity] >= ranks[fail_on.value] for f in result.findings):
            raise typer.Exit(EXIT_FINDINGS)

    _run(body)


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="relbib")
    except SystemExit as exit_:
        code = exit_.code
        if isinstance(code, int) and code not in (0, 1, 2, 3, 4, 130):
            code = EXIT_INTERNAL
        sys.exit(code)
