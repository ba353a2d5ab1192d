"""Stage 1: an essay's text (plain, Markdown, HTML, LaTeX) or zip (.docx, .odt, .epub) → an Essay record.

Input: the decoded text of one essay (a zip's bytes decoded latin-1), its
path (for the id and messages) and optionally its format.
Output: an :class:`relbib.model.Essay` — plain text, an offset map back to
the source, paragraphs, sentences, the notes section and markers
reconciled by :mod:`relbib.notes`, each note's claim, and the title,
authors, venue and date the essay itself shows — plus diagnostics.
Never: read a file, invent metadata the text does not show, or raise
anything but :class:`relbib.diagnostics.InputError` (for unusable input).

Markdown and HTML are reduced to plain text with one source offset per
plain-text character; explicit markers (``[^1]``, ``^1^``, ``<sup>1</sup>``,
``<a href="#fn1">``) become their digits in the plain text, and footnote
definitions become a ``Notes`` section at its end, so one notes finder
serves every format.  Word, OpenDocument, LaTeX and EPUB essays are
reduced by :mod:`relbib.ingest.office`, :mod:`relbib.ingest.latex` and
:mod:`relbib.ingest.epub`; text extracted from a PDF is reflowed by
:mod:`relbib.ingest.pdftext` (double spacing, footnotes at each page's foot).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from pathlib import PurePath
from typing import Literal

from relbib.diagnostics import InputError, diagnostic
from relbib.ingest.epub import epub_html
from relbib.ingest.html import reduce_html
from relbib.ingest.latex import reduce_latex
from relbib.ingest.markdown import reduce_markdown
from relbib.ingest.meta import essay_metadata
from relbib.ingest.office import reduce_docx, reduce_odt
from relbib.ingest.pdftext import reflow_pdf_text
from relbib.ingest.sentences import line_starts
from relbib.model import Diagnostic, Essay, Marker, Sentence, Severity
from relbib.notes import find_notes

Format = Literal["text", "markdown", "html", "docx", "odt", "latex", "epub"]

_SUFFIXES: dict[str, Format] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".qmd": "markdown", ".rmd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".odt": "odt", ".tex": "latex", ".latex": "latex", ".epub": "epub",
}
# Formats that are zips: their bytes travel as text decoded latin-1 (one
# character a byte, workspace.read_essay_file), the one lossless way through
# the str-typed pipeline.
BINARY_FORMATS = frozenset({"docx", "odt", "epub"})

# --- regexes: format sniffing ---------------------------------------------------

# An HTML document opens with a doctype or an <html>/<body>/<p>/<div> tag.
_HTML_SNIFF_RE = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<(?:p|div|article)\b)",
                            re.IGNORECASE)
# Markdown shows itself by YAML front matter, ATX headings, pandoc footnotes or links.
_MD_SNIFF_RE = re.compile(r"\A---\n|^#{1,6} \S|\[\^[^\[\]]+\]|\]\([^()]+\)", re.MULTILINE)

# --- format ---------------------------------------------------------------------


def detect_format(path: str, text: str) -> Format:
    """The essay's format: by suffix, else by sniffing the text."""
    fmt = _SUFFIXES.get(PurePath(path).suffix.lower())
    if fmt is not None:
        return fmt
    if text.startswith("PK\x03\x04") and "mimetypeapplication/epub+zip" in text[:200]:
        return "epub"  # an EPUB's zip opens with its stored mimetype (OCF 3.0, 4.3)
    if _HTML_SNIFF_RE.match(text):
        return "html"
    if _MD_SNIFF_RE.search(text[:20000]):
        return "markdown"
    return "text"



# --- superscript digits ------------------------------------------------------------

# Text pasted from a PDF or a web page keeps its note markers as Unicode
# superscripts ("Münster.¹"); they are markers by their very form.  ² and ³
# after a unit ("km²") are units, not markers.
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_RUN = re.compile(f"[{_SUPERSCRIPTS}]+")
_UNIT_BEFORE = re.compile(r"(?:^|[^A-Za-z])(?:m|cm|mm|km|ft|in|mi|yd)$")
_TO_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")


def _superscript_markers(plain: str) -> tuple[str, list[tuple[int, int]]]:
    """``plain`` with superscript digits as digits (same length, same offsets),
    and the spans of those that can be markers."""
    if not _SUPERSCRIPT_RUN.search(plain):
        return plain, []
    spans = []
    for m in _SUPERSCRIPT_RUN.finditer(plain):
        if set(m.group()) <= {"²", "³"} and _UNIT_BEFORE.search(plain, 0, m.start()):
            continue
        spans.append((m.start(), m.end()))
    return plain.translate(_TO_DIGITS), spans


# --- the essay -------------------------------------------------------------------------


def _source_line(source: str, offset_map: tuple[int, ...], plain: str, line: int) -> int:
    """The source line of a plain-text line (for messages about HTML/Markdown)."""
    if not offset_map or line < 1:
        return line
    starts = line_starts(plain)
    offset = starts[min(line, len(starts)) - 1]
    if offset >= len(offset_map):
        return line
    return source.count("\n", 0, offset_map[offset]) + 1


def load_essay(text: str, *, path: str, fmt: str | None = None) -> tuple[Essay, tuple[Diagnostic, ...]]:
    """The Essay ``text`` holds, and what is wrong with it.

    Raises InputError (naming ``path`` and the line) for empty text, or a
    .docx, .odt, .epub or .tex that cannot be read.  A zip essay's ``text``
    is its bytes decoded latin-1 (see BINARY_FORMATS).
    """
    if not text.strip():
        raise InputError("the essay is empty", path=path, line=1)
    chosen: Format = detect_format(path, text) if fmt is None else _as_format(fmt, path)
    source = text
    hints: list[tuple[int, int]] = []
    offset_map: tuple[int, ...] = ()
    meta: dict[str, str | list[str]] | dict[str, list[str]] = {}
    html_title = ""
    problems: list[tuple[str, int]] = []  # readable faults the reader met: (message, source line)
    try:
        if chosen == "markdown":
            plain, offset_map, hints, meta = reduce_markdown(_normalize(source), problems)
        elif chosen in ("html", "epub"):
            book: dict[str, list[str]] = {}
            if chosen == "epub":
                source, book = epub_html(_binary(text, path))
            plain, offset_map, hints, html_meta, html_title = reduce_html(source)
            meta = {**html_meta, **book}
        elif chosen in ("docx", "odt"):
            reduced = (reduce_docx if chosen == "docx" else reduce_odt)(_binary(text, path))
            source, plain, offset_map, meta = reduced.source, reduced.plain, reduced.offset_map, reduced.meta
            hints = list(reduced.hints)
        elif chosen == "latex":
            plain, offset_map, hints, meta = reduce_latex(_normalize(source), problems)
        else:
            plain = source
    except InputError as error:
        raise InputError(error.detail, path=path, line=error.line) from None
    if chosen in ("text", "markdown") and ("\r" in source or source.startswith("\ufeff")):
        plain, offset_map = _normalized_with_map(source, offset_map, plain)
    reflowed = None
    if chosen == "text" or chosen == "markdown" and not hints:
        # Markdown converted from a PDF (docling, marker) keeps each page's
        # footnotes between the paragraphs, with no footnote syntax
        reflowed = reflow_pdf_text(plain)
        if reflowed is not None:
            plain, inner = reflowed
            offset_map = tuple(offset_map[o] for o in inner) if offset_map else inner
    if not plain.strip():
        raise InputError("the essay has no text", path=path, line=1)
    if chosen not in ("html", "epub"):
        plain, superscripts = _superscript_markers(plain)
        hints = sorted({*hints, *superscripts})

    try:
        found = find_notes(plain, marker_hints=tuple(hints), spaced_markers=reflowed is not None)
    except InputError as error:
        raise InputError(error.detail, path=path,
                         line=_source_line(source, offset_map, plain, error.line)) from None
    diagnostics = tuple(
        diagnostic("parse-error", message, path=path, line=line, column=1, severity=Severity.WARNING)
        for message, line in problems
    ) + tuple(
        replace(d, path=path, line=_source_line(source, offset_map, plain, d.line))
        for d in found.diagnostics
    )

    title, authors, venue, date = essay_metadata(plain, found.body_end, meta, html_title)

    essay = Essay(
        id=PurePath(path).stem,
        path=path,
        title=title,
        authors=authors,
        venue=venue,
        date=date,
        text=plain,
        offset_map=offset_map,
        paragraphs=found.paragraphs,
        sentences=found.sentences,
        body_end=found.body_end,
        notes=found.notes,
        markers=found.markers,
    )
    if offset_map:
        essay = _at_source_lines(essay, source)
    return essay, diagnostics


def _at_source_lines(essay: Essay, source: str) -> Essay:
    """``essay`` with every line and column (markers, notes, claims, sentences)
    counted in the source file a person opens; spans stay plain-text offsets."""
    starts = line_starts(source)
    offsets = essay.offset_map

    def where(plain_offset: int) -> tuple[int, int]:
        at = offsets[min(plain_offset, len(offsets) - 1)] if offsets else plain_offset
        line = bisect_right(starts, at)
        return line, at - starts[line - 1] + 1

    def marker(m: Marker | None) -> Marker | None:
        if m is None:
            return None
        line, column = where(m.start)
        return replace(m, line=line, column=column)

    def sentence(s: Sentence | None) -> Sentence | None:
        return None if s is None else replace(s, line=where(s.start)[0])

    notes = tuple(replace(n, line=where(n.start)[0], marker=marker(n.marker), claim=sentence(n.claim))
                  for n in essay.notes)
    return replace(
        essay,
        notes=notes,
        markers=tuple(m for m in (marker(m) for m in essay.markers) if m is not None),
        sentences=tuple(s for s in (sentence(s) for s in essay.sentences) if s is not None),
    )


def _as_format(fmt: str, path: str) -> Format:
    aliases: dict[str, Format] = {"text": "text", "txt": "text", "markdown": "markdown", "md": "markdown",
                                  "html": "html", "htm": "html", "xhtml": "html", "docx": "docx",
                                  "odt": "odt", "latex": "latex", "tex": "latex", "epub": "epub"}
    if fmt.lower() not in aliases:
        raise InputError(f"unknown essay format {fmt!r} (text, markdown, html, docx, odt, latex or epub)",
                         path=path)
    return aliases[fmt.lower()]


def _binary(text: str, path: str) -> bytes:
    """The bytes of a zip essay, carried as latin-1 text (see BINARY_FORMATS)."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        raise InputError("this is text, not the zip a .docx, .odt or .epub file is", path=path) from None


def _normalize(text: str) -> str:
    """Markdown is reduced after CRLF and a BOM are normalised (offsets then
    refer to the normalised text, which equals the source for LF files)."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _normalized_with_map(source: str, inner: tuple[int, ...], plain: str) -> tuple[str, tuple[int, ...]]:
    """Plain text with CRLF/BOM removed, and the map back to the original source."""
    # source offset of each character of the normalised text
    back: list[int] = []
    chars: list[str] = []
    i = 1 if source.startswith("\ufeff") else 0
    while i < len(source):
        c = source[i]
        if c == "\r":
            chars.append("\n")
            back.append(i)
            i += 2 if source[i + 1:i + 2] == "\n" else 1
            continue
        chars.append(c)
        back.append(i)
        i += 1
    if inner:  # Markdown: plain offsets → normalised offsets → source offsets
        return plain, tuple(back[o] if o < len(back) else len(source) for o in inner)
    return "".join(chars), tuple(back)
