"""Formatted references and the annotated bibliography.

Input: library entries (:class:`relbib.model.Entry`), their annotations, and
optionally the essays' entries and texts.
Output: formatted references (neutral pybtex rich text, spelled per backend
on demand) and the annotated bibliography as Markdown, HTML, LaTeX or text.
Never: read or write files, print, or import pybtex outside this package.

data -> style -> backend, as in pybtex: :func:`format_entries` runs a pybtex
style over the entries; :func:`render_bibliography` joins the result with
the annotations (:mod:`relbib.render.document`) and hands that to one backend
module per output format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pybtex.style.formatting import BaseStyle

from relbib.model import Annotation, Entry
from relbib.render import csl, html, latex, markdown, text
from relbib.render.convert import to_pybtex
from relbib.render.document import BibliographyView, EssayView, build, essay_view, group_by_tag
from relbib.render.rich import plain_text
from relbib.render.styles import LABELLED, STYLES

__all__ = [
    "EssayView",
    "FormattedEntry",
    "Writer",
    "essay_view",
    "DEFAULT_STYLE",
    "format_entries",
    "is_style",
    "formats",
    "reading_list_formats",
    "reading_list_writer",
    "render_bibliography",
    "styles",
]

# one backend per output format: the annotated bibliography as a string
_BACKENDS: Mapping[str, Callable[[BibliographyView], str]] = {
    "md": markdown.render,
    "html": html.render,
    "tex": latex.render,
    "txt": text.render,
}


# reading lists grouped by tag: the backends that spell them
_READING_LISTS: Mapping[str, Callable[[Any], str]] = {
    "md": markdown.render_reading_list,
    "html": html.render_reading_list,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class FormattedEntry:
    """One entry formatted in a style.

    ``text`` is pybtex's neutral rich text; spell it with :meth:`render`.
    ``label`` is the style's label ("1", "Kha21").
    """

    key: str
    label: str
    text: Any

    def render(self, fmt: str) -> str:
        """The reference alone, spelled as ``md``, ``html``, ``tex`` or ``txt``."""
        spellers: dict[str, Callable[[Any], str]] = {
            "md": markdown.inline,
            "html": html.inline,
            "tex": latex.inline,
            "txt": plain_text,
        }
        if fmt not in spellers:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(formats())}")
        return spellers[fmt](self.text)

    def __str__(self) -> str:
        return plain_text(self.text)


#: the style ``render`` and ``build`` use when none is named: the essays' own
DEFAULT_STYLE = "chicago-notes-bibliography"


def styles() -> tuple[str, ...]:
    """The style names ``--help`` lists: the BibTeX styles, relbib's aliases
    and the common CSL styles (any CSL style id or .csl file works too)."""
    return tuple(dict.fromkeys((*STYLES, *csl.ALIASES, *csl.COMMON)))


def is_style(name: str) -> bool:
    """True when ``name`` is a BibTeX style, a CSL style id or alias, or a .csl path."""
    return name in STYLES or csl.is_csl_style(name)


def formats() -> tuple[str, ...]:
    """The output formats of the annotated bibliography."""
    return tuple(_BACKENDS)


@cache
def _style(name: str) -> BaseStyle:
    # built once per style: pybtex looks its plugins up by name on creation
    return STYLES[name]()


def format_entries(entries: Sequence[Entry], *, style: str = DEFAULT_STYLE) -> tuple[FormattedEntry, ...]:
    """Format ``entries`` in ``style``, sorted and labelled as the style says:
    a BibTeX style through pybtex, any CSL style through pandoc's citeproc
    (one pandoc call for all the entries; a long list in parallel calls that
    print exactly what one would, see :func:`relbib.render.csl.bibliography`)."""
    if style not in STYLES:
        if not csl.is_csl_style(style):
            raise ValueError(f"unknown style {style!r}; choose from {', '.join(styles())} "
                             "or any CSL style id")
        return tuple(FormattedEntry(key=r.key, label="", text=r.text) for r in csl.render(entries, style))
    formatter = _style(style)
    converted = [to_pybtex(e) for e in entries]
    return tuple(
        FormattedEntry(key=f.key, label=f.label, text=f.text)
        for f in formatter.format_entries(converted)
    )


def render_bibliography(
    entries: Sequence[Entry],
    annotations: Mapping[str, Annotation],
    *,
    fmt: str,
    style: str = DEFAULT_STYLE,
    title: str = "Annotated bibliography",
    essays: Mapping[str, Entry] | None = None,
    essay_texts: Mapping[str, EssayView] | None = None,
) -> str:
    """The annotated bibliography of ``entries`` as one ``fmt`` document.

    Each entry in ``style``, then what its annotation holds: the summary and
    tags a person wrote, the claims it is cited for, confirmed or suggested
    to support, and the claims it conflicts with.  ``essays`` (essay id ->
    its entry) gives essay titles; ``essay_texts`` lets HTML link each claim
    to a copy of its paragraph.
    """
    if fmt not in _BACKENDS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(formats())}")
    view = build(
        format_entries(entries, style=style),
        annotations,
        style=style,
        title=title,
        labelled=style in LABELLED,
        essays=essays,
        essay_texts=essay_texts,
    )
    return _BACKENDS[fmt](view)


# a writer of one document: (entries, annotations, title, style) -> the document
Writer = Callable[[Sequence[Entry], Mapping[str, Annotation], str, str], str]


def reading_list_formats() -> tuple[str, ...]:
    """The output formats of a reading list grouped by tag."""
    return tuple(_READING_LISTS)


def reading_list_writer(fmt: str) -> Writer:
    """The writer of a ``fmt`` reading list: the entries in a style, one
    section per tag (:func:`relbib.export.lists.export` runs it)."""
    if fmt not in _READING_LISTS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(reading_list_formats())}")
    backend = _READING_LISTS[fmt]

    def write(entries: Sequence[Entry], annotations: Mapping[str, Annotation], title: str,
              style: str) -> str:
        view = build(format_entries(entries, style=style), annotations, style=style, title=title,
                     labelled=style in LABELLED)
        return backend(group_by_tag(view))

    return write
