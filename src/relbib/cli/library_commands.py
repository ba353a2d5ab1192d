"""The commands that read essays and exports into the library, or read the library.

Input: the arguments of ``parse``, ``ingest``, ``list``, ``show``, ``search``,
``link``, ``import`` and ``build``; files through workspace/.
Output: the product on stdout (text or ``--format json``), messages on stderr,
the library's files (through workspace/, under its lock).
Never: chain stages itself (relbib.pipeline does), or register a command:
relbib.cli does, in the order ``relbib --help`` lists them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from relbib.cli.console import Progress, summary_table
from relbib.cli.options import Format, OutputFormat
from relbib.cli.safe_text import terminal_text
from relbib.cli.scale import Scheduler, ShowProgress, Workers, runner
from relbib.cli.shell import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    Wait,
    current_project,
    emit_json,
    fail,
    load,
    locked,
    run,
    save,
    warn,
)

if TYPE_CHECKING:
    from relbib.library.core import Library
    from relbib.model import Entry
    from relbib.pipeline import IngestRun
    from relbib.scale import Runner
    from relbib.workspace import Project


def parse(
    file: Annotated[str, typer.Argument(help="A file of references or notes, or - for standard input.")] = "-",
    format: Format = OutputFormat.text,
) -> None:
    """Parse a reference list or a numbered notes section into BibTeX entries."""

    def body() -> None:
        from relbib import workspace
        from relbib.cli.views import parse_json
        from relbib.diagnostics import InputError
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
        warn(result.diagnostics)
        if format is OutputFormat.json:
            emit_json(parse_json(result))
        else:
            sys.stdout.write("".join(render_entry(e) + "\n" for e in result.entries))

    run(body)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Essays (.txt, .md, .html) or folders of them.")],
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if the library would change.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Write nothing; show what would change.")] = False,
    wait: Wait = False,
    format: Format = OutputFormat.text,
    workers: Workers = None, scheduler: Scheduler = None, progress: ShowProgress = False,
) -> None:
    """Ingest footnoted essays: parse and resolve their notes into the library."""

    def body() -> None:
        from relbib.cli.views import ingest_json, ingest_summary

        with runner(workers, scheduler, progress) as parallel:
            project, ingested = _ingest(paths, parallel)
        plan = save(project, ingested.library, write=not (check or dry_run))
        if format is OutputFormat.json:
            emit_json(ingest_json(ingested.ingests, ingested.update))
        else:
            print(ingest_summary(ingested.ingests, ingested.update, len(plan),
                                 written=not (check or dry_run)), file=sys.stderr)
        warn((*ingested.failures, *(d for i in ingested.ingests for d in i.diagnostics)))
        if check and plan:
            raise typer.Exit(EXIT_FINDINGS)

    run(locked(body, wait, writes=not (check or dry_run)))


def _ingest(paths: Sequence[Path], parallel: Runner | None = None) -> tuple[Project, IngestRun]:
    """The essays ``paths`` name, ingested into the project's library
    (``parallel``: on other processes, relbib.scale)."""
    from relbib import workspace
    from relbib.pipeline import ingest_run

    project = current_project()
    sources = workspace.read_essays(paths, project)
    return project, ingest_run(workspace.load_library(project), sources, parallel=parallel)


def list_(
    format: Format = OutputFormat.text,
    essays: Annotated[bool, typer.Option("--essays", help="List the essays instead of the sources.")] = False,
) -> None:
    """List the library's sources (or essays)."""

    def body() -> None:
        library = load()
        entries = library.essays if essays else library.sources
        _entries_out(library, [entries[k] for k in sorted(entries)], format)

    run(body)


def _entries_out(library: Library, entries: Sequence[Entry], format: OutputFormat) -> None:
    """Entries on stdout: one line each, or JSON with their annotations."""
    from relbib.cli.views import entry_json, entry_line

    if format is OutputFormat.json:
        emit_json({"entries": [entry_json(e, library.annotations.get(e.key)) for e in entries]})
    else:
        for entry in entries:
            print(terminal_text(entry_line(entry), one_line=True))


def show(
    key: Annotated[str, typer.Argument(help="The entry's citation key.")],
    format: Format = OutputFormat.text,
) -> None:
    """Show one entry with its annotation."""

    def body() -> None:
        from relbib.cli.views import annotation_text, entry_json
        from relbib.formats.bibtex import render_entry

        library = load()
        entry = library.sources.get(key) or library.essays.get(key)
        if entry is None:
            from relbib.library.suggest import did_you_mean

            hint = did_you_mean(key, [*library.sources, *library.essays])
            fail(EXIT_INPUT, f"error: no entry with key '{key}'" + (f" (did you mean '{hint}'?)" if hint else ""))
        annotation = library.annotations.get(key)
        if format is OutputFormat.json:
            emit_json({"entries": [entry_json(entry, annotation)]})
            return
        print(terminal_text(render_entry(entry)))
        if annotation is not None:
            sys.stdout.write(terminal_text(annotation_text(annotation)))

    run(body)


def search(
    query: Annotated[str, typer.Argument(help="Words to look for in keys, authors, titles, venues, tags and claims.")],
    format: Format = OutputFormat.text,
) -> None:
    """Search the library."""

    def body() -> None:
        from relbib.library.suggest import search_entries

        library = load()
        hits = search_entries(library, query)
        _entries_out(library, hits, format)
        if not hits and format is not OutputFormat.json:
            print(f"no entry matches '{query}'", file=sys.stderr)

    run(body)


def link(
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if the annotations would change.")] = False,
    wait: Wait = False,
    format: Format = OutputFormat.text,
    workers: Workers = None, scheduler: Scheduler = None, progress: ShowProgress = False,
) -> None:
    """Link library sources to the claims of every ingested essay; write them into the annotations."""

    def body() -> None:
        from relbib import workspace
        from relbib.claims.annotate import summary
        from relbib.cli.views import link_summary
        from relbib.diagnostics import InputError
        from relbib.pipeline import ingest_run, link_run

        project = current_project()
        library = workspace.load_library(project)
        sources, gone = workspace.library_essays(project, library)
        for file, key in gone:
            print(f"relbib: warning: {file} (essay {key}) is gone: its notes are still "
                  "known from the annotations", file=sys.stderr)
        if not sources:
            raise InputError("no essays to link: run `relbib ingest` on them first",
                             path=workspace.relative_name(project.essays_bib, project.root))
        with runner(workers, scheduler, progress) as parallel:
            ingested = ingest_run(library, sources, parallel=parallel)
            linked = link_run(ingested, parallel=parallel)
        warn(d for d in linked.findings if d.kind == "parse-error")
        plan = save(project, linked.library, write=not check)
        links = linked.result.links
        if format is OutputFormat.json:
            emit_json({"links": [x.as_json() for x in links]})
        else:
            for x in links:
                if x.relation != "cited":
                    print(terminal_text(f"{x.essay}:{x.line}  {x.relation:<10} {x.key:<28} "
                                        f"{x.score:.2f}  {x.text}", one_line=True))
        print(link_summary(len(ingested.ingests), [x.relation for x in links],
                           summary(linked.findings), len(plan), written=not check),
              file=sys.stderr)
        if check and plan:
            raise typer.Exit(EXIT_FINDINGS)

    run(locked(body, wait, writes=not check))


def import_(
    files: Annotated[list[Path], typer.Argument(help="Exports to add: .bib, CSL-JSON (.json) or .ris.")],
    format: Format = OutputFormat.text,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")] = False,
    wait: Wait = False,
) -> None:
    """Add a .bib, CSL-JSON or RIS export (Zotero, Better BibTeX, JabRef) to the library:
    notes become summaries, keywords and groups tags; importing again changes nothing."""
    def body() -> None:
        from relbib import workspace
        from relbib.pipeline import import_exports

        project = current_project()
        exports = [(str(path), workspace.read_text_file(path)) for path in files]
        result = import_exports(workspace.load_library(project), exports)
        save(project, result.library, write=not dry_run)
        if format is OutputFormat.json:
            emit_json({"added": list(result.added), "updated": list(result.updated),
                       "warnings": list(result.warnings)})
        else:
            for warning in result.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            print(f"{len(result.added)} added, {len(result.updated)} updated", file=sys.stderr)

    run(locked(body, wait, writes=not dry_run))


def build(
    seeds: Annotated[Path, typer.Option("--seeds", help="The essays to build from.")] = Path("seeds"),
    out: Annotated[Path, typer.Option("--out", help="Where rendered files go.")] = Path("out"),
    wait: Wait = False,
    workers: Workers = None, scheduler: Scheduler = None, progress: ShowProgress = False,
) -> None:
    """The main job: ingest the seeds, write the library, render the annotated bibliography."""

    def body() -> None:
        from relbib import workspace
        from relbib.cli.views import build_rows
        from relbib.pipeline import build_products, link_run

        written: list[Path] = []
        workspace.check_output_folder(out)  # before any work, not after the library is saved
        with Progress() as spinner, runner(workers, scheduler, progress,
                                           spinner.step) as parallel:
            spinner.step("ingesting the essays")
            project, ingested = _ingest([seeds], parallel)
            save(project, ingested.library, write=True)
            spinner.step("linking sources to the claims they support")
            linked = link_run(ingested, parallel=parallel)
            save(project, linked.library, write=True)
            for product in build_products(linked.library, ingested.ingests):
                if product.step:
                    spinner.step(product.step)
                workspace.write_text(out / product.name, product.text)
                written.append(out / product.name)
        warnings = [d for i in ingested.ingests for d in i.diagnostics]
        warn((*warnings, *(d for d in linked.findings if d.kind == "parse-error")))
        kinds = [d.kind for d in (*warnings, *linked.findings)]
        summary_table(build_rows(len(ingested.ingests), linked.library, kinds, written))

    run(locked(body, wait))
