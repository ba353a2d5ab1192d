"""Word (.docx) and OpenDocument (.odt) essays → plain text, offset map, markers, notes.

Input: the bytes of a .docx or .odt file (a zip of XML parts).
Output: a :class:`Reduced` document: the body's paragraphs, each note's
marker as its number in the text, the footnotes and endnotes as a ``Notes``
section at the end, the core properties (title, author, date), and an
offset map into a *paragraph listing* of the document.
Never: run a conversion tool, resolve external entities or DTDs, read a
part past :data:`MAX_PART_BYTES`, or raise anything but InputError.

Where a note is: Word keeps notes in word/footnotes.xml and
word/endnotes.xml, each referenced from the body by
``<w:footnoteReference w:id="…"/>``; OpenDocument keeps each note inline
(``<text:note>`` with its citation and body) in content.xml.  Notes are
numbered in the order the body references them, as a reader sees them.

Line and column: a .docx or .odt has no lines, so the ``source`` of the
offset map is the document listed one paragraph a line — the body's
paragraphs in order, then each note's paragraphs — and a line is that
paragraph's number, a column the character in that paragraph (1-based).
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from io import BytesIO

from lxml import etree

from relbib.diagnostics import InputError
from relbib.ingest.emphasis import ITALIC_CLOSE, ITALIC_OPEN, marked_text
from relbib.ingest.office_styles import odt_italic_styles, word_italic_styles, word_run_italic

# The most relbib inflates of one part of a zip (a book's content.xml is a few MB).
MAX_PART_BYTES = 64 * 1024 * 1024

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"


@dataclass(frozen=True, slots=True, kw_only=True)
class Reduced:
    """A document reduced to plain text (see the module docstring)."""

    source: str  # the paragraph listing lines and columns count in
    plain: str
    offset_map: tuple[int, ...]
    hints: tuple[tuple[int, int], ...]  # spans of markers in ``plain``
    meta: dict[str, list[str]]


@dataclass(slots=True)
class _Paragraph:
    """One paragraph's text, with the spans of the note markers in it."""

    text: list[str] = field(default_factory=list)
    markers: list[tuple[int, int]] = field(default_factory=list)

    def add(self, piece: str) -> None:
        self.text.append(piece)

    def marker(self, n: int) -> None:
        at = sum(len(t) for t in self.text)
        self.text.append(str(n))
        self.markers.append((at, at + len(str(n))))

    def joined(self) -> str:
        """The paragraph on one line (marker spans stay where they are)."""
        return "".join(self.text).replace("\n", " ")


# --- zip and XML ------------------------------------------------------------------

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    """The zip ``data`` holds; InputError when it is none."""
    try:
        return zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, UnicodeDecodeError,
            NotImplementedError) as error:  # NotImplementedError: a compression zipfile lacks
        raise InputError(f"not a {what} file (it is not a readable zip: {error})") from None


def read_part(archive: zipfile.ZipFile, name: str, what: str) -> bytes | None:
    """The bytes of part ``name`` (None when absent); InputError when it cannot be inflated."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise InputError(f"{what}: {name} is larger than relbib reads ({MAX_PART_BYTES // 2**20} MB)")
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError) as error:  # a damaged member: bad CRC, bad deflate stream, unknown method
        raise InputError(f"{what}: {name} cannot be read from the zip ({error})") from None
    if len(data) > MAX_PART_BYTES:
        raise InputError(f"{what}: {name} is larger than relbib reads")
    return data


def parse_xml(data: bytes, name: str, what: str) -> etree._Element:
    """The root of the XML ``data``; InputError naming the part and line when it is broken."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{what}: {name} is not well-formed XML ({error.msg})",
                         line=error.lineno or 0) from None
    if root is None:
        raise InputError(f"{what}: {name} is empty")
    return root


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


# --- assembling -------------------------------------------------------------------


def assemble(body: Sequence[_Paragraph], notes: Sequence[tuple[int, Sequence[str]]],
             meta: dict[str, list[str]]) -> Reduced:
    """The paragraph listing, the plain text (paragraphs apart, then a Notes
    section, one note a line) and the map between them."""
    listing: list[str] = []
    plain: list[str] = []
    offsets: list[int] = []
    hints: list[tuple[int, int]] = []
    at = 0  # where the next listed paragraph starts

    def put(text: str, src: int | None) -> None:
        plain.append(text)
        offsets.extend(range(src, src + len(text)) if src is not None else [max(at - 1, 0)] * len(text))

    for paragraph in body:
        text = paragraph.joined()
        if text.strip():
            if plain:
                put("\n\n", None)
            base = len(offsets)
            put(text, at)
            hints.extend((base + s, base + e) for s, e in paragraph.markers)
        listing.append(text)
        at += len(text) + 1
    if notes:
        put("\n\nNotes\n", None)
    for n, paragraphs in notes:
        put("\n", None)
        put(f"{n}. ", None)
        offsets[-len(f"{n}. "):] = [at] * len(f"{n}. ")  # the number stands at its note
        for k, text in enumerate(paragraphs):
            if k:
                put(" ", at - 1)
            marked, bare, where = _one_space(*marked_text(text))  # italics: "*Title*" in the note only
            plain.append(marked)
            offsets.extend(at + i for i in where)
            listing.append(bare)
            at += len(bare) + 1
    return Reduced(source="\n".join(listing), plain="".join(plain), offset_map=tuple(offsets),
                   hints=tuple(hints), meta=meta)


def _one_space(marked: str, bare: str, where: tuple[int, ...]) -> tuple[str, str, tuple[int, ...]]:
    """A note's text with each run of spaces one space ("In: Titel.  S.  11", typed so),
    each kept character still at its place in the listing (which keeps every space)."""
    kept = [k for k, c in enumerate(marked) if not (c == " " and k and marked[k - 1] == " ")]
    return "".join(marked[k] for k in kept), bare, tuple(where[k] for k in kept)


# --- Word -------------------------------------------------------------------------


def _word_text(element: etree._Element, out: _Paragraph, numbers: dict[tuple[str, str], int],
               kinds: dict[str, str], italic: frozenset[str] | None = None) -> None:
    """The runs under ``element`` into ``out``: text, tabs, breaks, note references;
    with ``italic`` (a note's, and the italic character styles) italic runs
    between stand-ins (relbib.ingest.emphasis)."""
    for node in element.iter():
        tag = node.tag
        if tag == _q(W, "t") and italic is not None and node.text and word_run_italic(node, italic):
            out.add(ITALIC_OPEN + node.text + ITALIC_CLOSE)
        elif tag == _q(W, "t"):
            out.add(node.text or "")
        elif tag in (_q(W, "tab"), _q(W, "br"), _q(W, "cr")):
            out.add(" ")
        elif tag in (_q(W, "footnoteReference"), _q(W, "endnoteReference")):
            kind = kinds[tag]
            key = (kind, node.get(_q(W, "id"), ""))
            numbers.setdefault(key, len(numbers) + 1)
            out.marker(numbers[key])


def _nested(node: etree._Element) -> bool:
    """A paragraph inside another (a text box): its text is read with the outer one."""
    return any(a.tag == _q(W, "p") for a in node.iterancestors())


def _word_notes(archive: zipfile.ZipFile, part: str, tag: str) -> dict[str, list[str]]:
    """Each note's paragraphs in word/footnotes.xml or word/endnotes.xml, by id."""
    data = read_part(archive, part, "the .docx")
    if data is None:
        return {}
    root = parse_xml(data, part, "the .docx")
    italic = word_italic_styles(_optional_part(archive, "word/styles.xml", "the .docx"))
    out: dict[str, list[str]] = {}
    for note in root.iter(_q(W, tag)):
        paragraphs = []
        for p in note.iter(_q(W, "p")):
            para = _Paragraph()
            _word_text(p, para, {}, {}, italic)
            text = para.joined().strip()
            if text:
                paragraphs.append(text)
        out[note.get(_q(W, "id"), "")] = paragraphs
    return out


def _main_part(data: bytes, suffix: str, part: str,
               kind: str) -> tuple[zipfile.ZipFile, etree._Element]:
    """The archive and the parsed main XML part of a zipped office document."""
    archive = open_zip(data, suffix)
    content = read_part(archive, part, f"the {suffix}")
    if content is None:
        raise InputError(f"not {kind}: the {suffix} has no {part}")
    return archive, parse_xml(content, part, f"the {suffix}")


def reduce_docx(data: bytes) -> Reduced:
    """A Word document's body, its footnotes and endnotes (see the module docstring)."""
    archive, root = _main_part(data, ".docx", "word/document.xml", "a Word document")
    kinds = {_q(W, "footnoteReference"): "footnote", _q(W, "endnoteReference"): "endnote"}
    numbers: dict[tuple[str, str], int] = {}
    body: list[_Paragraph] = []
    for p in root.iter(_q(W, "p")):
        if _nested(p):
            continue
        para = _Paragraph()
        for run in p:
            if run.tag != _q(W, "del"):  # deleted text is no part of what a reader sees
                _word_text(run, para, numbers, kinds)
        body.append(para)
    texts = {"footnote": _word_notes(archive, "word/footnotes.xml", "footnote"),
             "endnote": _word_notes(archive, "word/endnotes.xml", "endnote")}
    notes = [(n, texts[kind].get(note_id, [])) for (kind, note_id), n in numbers.items()]
    return assemble(body, notes, _core_properties(archive))


def _optional_part(archive: zipfile.ZipFile, name: str, what: str) -> etree._Element | None:
    """The parsed XML of a part the reading can do without (None when absent or broken)."""
    data = read_part(archive, name, what)
    if data is None:
        return None
    try:
        return parse_xml(data, name, what)
    except InputError:
        return None


def _core_properties(archive: zipfile.ZipFile) -> dict[str, list[str]]:
    """Title, author and date of docProps/core.xml (empty when absent or broken)."""
    data = read_part(archive, "docProps/core.xml", "the .docx")
    if data is None:
        return {}
    try:
        root = parse_xml(data, "docProps/core.xml", "the .docx")
    except InputError:
        return {}
    return _dc_fields(root)


def _dc_fields(root: etree._Element) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for key, tags in (("title", (_q(DC, "title"),)), ("author", (_q(DC, "creator"), _q(META, "initial-creator"))),
                      ("date", (_q("http://purl.org/dc/terms/", "created"), _q(META, "creation-date")))):
        for tag in tags:
            for node in root.iter(tag):
                if (node.text or "").strip() and key not in meta:
                    meta[key] = [node.text.strip()]
    return meta


# --- OpenDocument -------------------------------------------------------------------


def _odt_text(element: etree._Element, out: _Paragraph, notes: list[tuple[int, Sequence[str]]],
              italic: frozenset[str] = frozenset(), marks: bool = False) -> None:
    """The text of an ODT paragraph into ``out``; a note becomes its marker
    and is kept in ``notes``; with ``marks`` (a note's text) a span of an
    ``italic`` style stands between stand-ins (relbib.ingest.emphasis)."""
    if element.text:
        out.add(element.text)
    for child in element:
        tag = child.tag
        if tag == _q(TEXT, "note"):
            n = len(notes) + 1
            out.marker(n)
            notes.append((n, _odt_note(child, italic)))
        elif tag == _q(TEXT, "s"):
            count = child.get(_q(TEXT, "c"), "1")
            out.add(" " * min(int(count) if count.isdigit() else 1, 100))
        elif tag in (_q(TEXT, "tab"), _q(TEXT, "line-break")):
            out.add(" ")
        elif marks and tag == _q(TEXT, "span") and child.get(_q(TEXT, "style-name")) in italic:
            out.add(ITALIC_OPEN)
            _odt_text(child, out, notes, italic, marks)
            out.add(ITALIC_CLOSE)
        elif tag not in (_q(TEXT, "soft-page-break"), _q(OFFICE, "annotation"), _q(TEXT, "bookmark-ref")):
            _odt_text(child, out, notes, italic, marks)
        if child.tail:
            out.add(child.tail)


def _odt_note(note: etree._Element, italic: frozenset[str] = frozenset()) -> list[str]:
    """The paragraphs of a <text:note>'s body (italics between stand-ins)."""
    out = []
    for body in note.iter(_q(TEXT, "note-body")):
        for p in body.iter(_q(TEXT, "p"), _q(TEXT, "h")):
            para = _Paragraph()
            _odt_text(p, para, [], italic, marks=True)
            text = para.joined().strip()
            if text:
                out.append(text)
    return out


def _odt_paragraphs(root: etree._Element) -> Iterator[etree._Element]:
    """The body's paragraphs and headings in order, not those inside a note."""
    for node in root.iter(_q(TEXT, "p"), _q(TEXT, "h")):
        if not any(a.tag == _q(TEXT, "note") for a in node.iterancestors()):
            yield node


def reduce_odt(data: bytes) -> Reduced:
    """An OpenDocument text's body and its notes (see the module docstring)."""
    archive, root = _main_part(data, ".odt", "content.xml", "an OpenDocument text")
    italic = odt_italic_styles(root, _optional_part(archive, "styles.xml", "the .odt"))
    body: list[_Paragraph] = []
    notes: list[tuple[int, Sequence[str]]] = []
    for p in _odt_paragraphs(root):
        para = _Paragraph()
        _odt_text(p, para, notes, italic)
        body.append(para)
    meta: dict[str, list[str]] = {}
    meta_data = read_part(archive, "meta.xml", "the .odt")
    if meta_data is not None:
        try:
            meta = _dc_fields(parse_xml(meta_data, "meta.xml", "the .odt"))
        except InputError:
            meta = {}
    return assemble(body, notes, meta)
