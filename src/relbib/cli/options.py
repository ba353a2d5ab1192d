"""The choices and options relbib's commands share, declared once.

Input: the names of the render, export and check registries.
Output: typer option types (Annotated aliases) and the StrEnums of their choices.
Never: import a registry itself: starting the CLI must not import the
renderers, pybtex or lxml (0.2 s on every `relbib check`).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


Format = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def _registry_enum(name: str, choices: Iterable[str]) -> Any:
    return StrEnum(name, {c: c for c in choices})


# The names of the render and export registries (relbib.render.formats(),
# styles(), relbib.export.lists.export_formats()), spelled here so that starting
# the CLI does not import them.  tests/cli/test_check_startup.py asserts they
# equal the registries, so they cannot drift.
RENDER_FORMATS = ("md", "html", "tex", "txt")
STYLES = ("plain", "unsrt", "alpha", "abbrv", "chicago-nb", "chicago-ad", "apa7", "mla",
          "vancouver", "chicago-notes-bibliography", "chicago-author-date", "apa", "ieee",
          "harvard-cite-them-right")
# any of the ~2,800 CSL style ids is a style too: --style takes a name, and
# render checks it (relbib.render.is_style)
STYLE_HELP = ("Reference style: a BibTeX style (plain, unsrt, alpha, abbrv) or any CSL style id "
              "(chicago-notes-bibliography, apa, mla, ieee, ...).")
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
    RenderFormat, _Style, ExportFormat = _render_choices()
    Style = str

# The options render and export share: which entries, and where the product goes.
Keys = Annotated[list[str] | None, typer.Argument(help="Entry keys (default: every source).")]
Tags = Annotated[list[str] | None, typer.Option("--tag", help="Only entries with this tag (repeatable).")]
Essays = Annotated[list[str] | None, typer.Option("--essay", help="Only sources of this essay (repeatable).")]
Query = Annotated[str, typer.Option("--query", help="Only entries matching these words.")]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]
ExportFormatOption = Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")]


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
