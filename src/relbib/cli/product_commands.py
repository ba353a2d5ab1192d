"""The commands that turn a selection of the library into a document: render, export.

Input: the keys, tags, essays and query that select entries; a format and a style.
Output: the document on stdout (also for ``-o -``) or in ``--output``; the
count on stderr.
Never: select or render entries itself (relbib.pipeline.selected_list does),
or register a command (relbib.cli does).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

import typer

from relbib.cli.options import (
    STYLE_HELP,
    Essays,
    ExportFormatOption,
    Keys,
    Output,
    Query,
    RenderFormat,
    Style,
    Tags,
)
from relbib.cli.safe_text import terminal_text
from relbib.cli.shell import EXIT_USAGE, fail, load, run


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
        fail(EXIT_USAGE, f"error: no CSL file {csl}")
    run(lambda: _write_selection("render", str(format), str(csl.resolve()) if csl else str(style),
                                 (keys, tag, essay, query), output, shown))


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

    run(body)


_Filters = tuple[list[str] | None, list[str] | None, list[str] | None, str]


def _write_selection(product: Literal["render", "export"], fmt: str, style: str,
                     filters: _Filters, output: Path | None,
                     shown: Callable[[str], str] = str) -> None:
    """The library's entries the filters (keys, tags, essays, query) select, as the
    pipeline renders or exports them, on stdout or in ``output``."""
    from relbib.export.lists import Selection
    from relbib.pipeline import selected_list

    keys, tags, essays, query = filters
    selection = Selection(keys=tuple(keys or ()), tags=tuple(tags or ()),
                          essays=tuple(essays or ()), query=query)
    text, count = selected_list(load(), selection, product=product, fmt=fmt, style=style)
    _product(shown(text), output, count)


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
