"""Small .docx, .odt and .epub files built in memory from XML written here,
in the shapes Word, LibreOffice and Standard Ebooks give them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def zip_bytes(parts: Mapping[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- Word ---------------------------------------------------------------------


def w_run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def w_footnote_ref(note_id: int, kind: str = "footnote") -> str:
    style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    return (f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
            f'<w:{kind}Reference w:id="{note_id}"/></w:r>')


def w_paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def w_notes(kind: str, notes: Mapping[int, Sequence[str]]) -> str:
    """word/footnotes.xml or word/endnotes.xml: the two separator notes Word
    writes, then each note (its own number mark, a space, its paragraphs)."""
    body = [f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
            f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
            f'</w:r></w:p></w:{kind}>']
    for note_id, paragraphs in notes.items():
        paras = "".join(
            w_paragraph(*((f'<w:r><w:{kind}Ref/></w:r>', w_run(" ")) if k == 0 else ()), w_run(text))
            for k, text in enumerate(paragraphs))
        body.append(f'<w:{kind} w:id="{note_id}">{paras}</w:{kind}>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s xmlns:w="{W_NS}">' + \
        "".join(body) + f"</w:{kind}s>"


def docx_bytes(paragraphs: Sequence[str], footnotes: Mapping[int, Sequence[str]] | None = None,
               endnotes: Mapping[int, Sequence[str]] | None = None, title: str = "") -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
                f'<w:body>{"".join(paragraphs)}<w:sectPr/></w:body></w:document>')
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                               'package/2006/content-types"/>',
        "word/document.xml": document,
    }
    if footnotes is not None:
        parts["word/footnotes.xml"] = w_notes("footnote", footnotes)
    if endnotes is not None:
        parts["word/endnotes.xml"] = w_notes("endnote", endnotes)
    if title:
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>Ada Byron</dc:creator></cp:coreProperties>")
    return zip_bytes(parts)


# --- OpenDocument -------------------------------------------------------------------

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def odt_note(n: int, *paragraphs: str, kind: str = "footnote") -> str:
    body = "".join(f'<text:p text:style-name="Footnote">{escape(p)}</text:p>' for p in paragraphs)
    return (f'<text:note text:id="ftn{n}" text:note-class="{kind}"><text:note-citation>{n}'
            f"</text:note-citation><text:note-body>{body}</text:note-body></text:note>")


def odt_bytes(paragraphs: Sequence[str]) -> bytes:
    """``paragraphs`` are the XML of <text:p>/<text:h> elements."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODT_NS}>'
               f'<office:body><office:text>{"".join(paragraphs)}</office:text></office:body>'
               "</office:document-content>")
    return zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


# --- EPUB ---------------------------------------------------------------------------

XHTML_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
              'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>{title}</title></head><body>')


def se_noteref(n: int) -> str:
    return f'<a href="endnotes.xhtml#note-{n}" id="noteref-{n}" epub:type="noteref">{n}</a>'


def se_endnotes(notes: Mapping[int, str], chapter: str = "chapter-1.xhtml") -> str:
    items = "".join(
        f'<li id="note-{n}" epub:type="endnote">\n<p>{text} <a href="{chapter}#noteref-{n}" '
        f'epub:type="backlink">↩</a></p>\n</li>\n' for n, text in notes.items())
    return (XHTML_HEAD.format(title="Endnotes") + '<section id="endnotes" epub:type="backmatter endnotes">'
            f"<h2>Endnotes</h2><ol>\n{items}</ol></section></body></html>")


def epub_bytes(chapters: Mapping[str, str], *, title: str = "A Book", author: str = "Ada Byron") -> bytes:
    """An EPUB 3 whose spine is ``chapters`` in order (name → whole XHTML)."""
    manifest = "".join(f'<item id="i{k}" href="text/{name}" media-type="application/xhtml+xml"/>'
                       for k, name in enumerate(chapters))
    spine = "".join(f'<itemref idref="i{k}"/>' for k in range(len(chapters)))
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator></metadata>"
           f"<manifest>{manifest}</manifest><spine>{spine}</spine></package>")
    container = ('<?xml version="1.0"?><container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="epub/content.opf" media-type="application/oebps-package+xml"/>'
                 "</rootfiles></container>")
    parts: dict[str, str | bytes] = {"mimetype": "application/epub+zip",
                                     "META-INF/container.xml": container, "epub/content.opf": opf}
    for name, xhtml in chapters.items():
        parts[f"epub/text/{name}"] = xhtml
    return zip_bytes(parts)


def as_transport(data: bytes) -> str:
    """How workspace hands a zip essay on (its bytes decoded latin-1)."""
    return data.decode("latin-1")
