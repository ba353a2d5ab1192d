"""Every reader keeps the italics of a note's text as ``*…*`` marks (issue 10:
italics are a footnote's strongest sign of a title); the body's text and
offsets stay as they were, and each note's characters still map back to the
source they came from."""

from __future__ import annotations

from xml.sax.saxutils import escape

from docbuild import (
    ODT_NS,
    W_NS,
    as_transport,
    epub_bytes,
    se_endnotes,
    se_noteref,
    w_footnote_ref,
    w_paragraph,
    w_run,
    zip_bytes,
)

from relbib.ingest.essay import load_essay
from relbib.ingest.office import reduce_docx

BOOK = "Jane Quill, *A Harbour of Lamps, with Commas* (London: Fernleaf, 2004), p. 3."
CHAPTER = "Quill, “Salt Roads,” in *Essays on Tides* (Leeds: Marrow, 1998), 12."


def _notes(text: str, path: str) -> list[str]:
    essay, _ = load_essay(text, path=path)
    for note in essay.notes:
        assert essay.text[note.start:note.end] == note.text
    return [note.text for note in essay.notes]


def _source_of(text: str, path: str, fragment: str) -> str:
    """The source characters the plain text's ``fragment`` maps back to (marks aside)."""
    essay, _ = load_essay(text, path=path)
    at = essay.text.index(fragment)
    return "".join(text[essay.offset_map[k]] for k in range(at, at + len(fragment)) if essay.text[k] != "*")


# --- Markdown -----------------------------------------------------------------------

MARKDOWN = (
    "# Lamps\n\nThe harbour had *many* lamps.[^1] It had tides.[^2]"
    " And salt.^[Pell, _Salt and Lamps_, 9.]\n\n"
    "[^1]: Jane Quill, *A Harbour of Lamps, with Commas* (London: Fernleaf, 2004), p. 3.\n"
    "[^2]: Quill, “Salt Roads,” in _Essays\n    on Tides_ (Leeds: Marrow, 1998), 12.\n"
)


def test_markdown_notes_keep_their_italics_and_the_body_loses_them() -> None:
    essay, _ = load_essay(MARKDOWN, path="lamps.md")
    assert "The harbour had many lamps." in essay.text
    assert [n.text for n in essay.notes] == [BOOK, CHAPTER, "Pell, *Salt and Lamps*, 9."]


def test_markdown_italics_across_a_wrapped_line_are_one_run() -> None:
    assert _notes(MARKDOWN, "lamps.md")[1] == CHAPTER


def test_markdown_note_text_maps_back_to_the_source() -> None:
    assert _source_of(MARKDOWN, "lamps.md", "*A Harbour of Lamps") == "A Harbour of Lamps"
    essay, _ = load_essay(MARKDOWN, path="lamps.md")
    assert [n.line for n in essay.notes][:2] == [5, 6]


def test_markdown_bold_and_a_lone_star_are_no_italics() -> None:
    text = "Text.[^1]\n\n[^1]: **Note** that Pell* wrote *Lamps*, 4.\n"
    assert _notes(text, "a.md") == ["Note that Pell* wrote *Lamps*, 4."]


def test_markdown_html_italics_in_a_note() -> None:
    text = "Text.[^1]\n\n[^1]: Pell, <i>Salt and Lamps</i>, 9.\n"
    assert _notes(text, "a.md") == ["Pell, *Salt and Lamps*, 9."]


# --- HTML and EPUB ------------------------------------------------------------------

HTML = (
    '<html><body><p>The harbour had <i>many</i> lamps.<sup><a href="#fn1" id="r1">1</a></sup>'
    ' Tides.<sup><a href="#fn2" id="r2">2</a></sup></p>\n'
    '<section class="footnotes"><ol>\n'
    '<li id="fn1">Jane Quill, <em>A Harbour of Lamps, with Commas, </em>(London: Fernleaf, 2004), p. 3.'
    ' <a href="#r1">↩</a></li>\n'
    '<li id="fn2">Quill, “Salt Roads,” in <cite>Essays</cite> <span class="italic">on Tides</span>'
    " (Leeds: Marrow, 1998), 12.</li>\n</ol></section></body></html>"
)


def test_html_notes_keep_em_cite_and_italic_spans() -> None:
    essay, _ = load_essay(HTML, path="lamps.html")
    assert "The harbour had many lamps." in essay.text
    assert [n.text for n in essay.notes] == [
        "Jane Quill, *A Harbour of Lamps, with Commas*, (London: Fernleaf, 2004), p. 3.", CHAPTER]
    assert [m.n for m in essay.markers] == [1, 2]


def test_html_note_text_maps_back_to_the_source() -> None:
    assert _source_of(HTML, "lamps.html", "*Essays on Tides*") == "Essays on Tides"


def test_html_notes_under_a_notes_heading_keep_their_italics() -> None:
    text = ("<html><body><p>Lamps.<sup>1</sup></p><h2>Notes</h2>"
            "<p>1. Pell, <i>Salt and Lamps</i>, 9.</p></body></html>")
    assert _notes(text, "a.html") == ["Pell, *Salt and Lamps*, 9."]


def test_html_a_page_titled_notes_keeps_its_body_without_marks() -> None:
    text = ("<html><body><h1>Notes</h1><p>The <i>Lamp</i> was lit.<sup>1</sup></p>"
            "<ol class='footnotes'><li id='fn1'>Pell, <i>Salt</i>, 9.</li></ol></body></html>")
    essay, _ = load_essay(text, path="a.html")
    assert "The Lamp was lit." in essay.text
    assert [n.text for n in essay.notes] == ["Pell, *Salt*, 9."]


def test_html_italics_inside_a_word_or_of_punctuation_leave_no_mark() -> None:
    text = ('<html><body><p>Lamps.<sup><a href="#fn1">1</a></sup></p><ol class="footnotes">'
            '<li id="fn1">The <i>Lamp</i>s of Pell<i>, </i>9; <i>Salt</i>, 4.</li></ol></body></html>')
    assert _notes(text, "a.html") == ["The Lamps of Pell, 9; *Salt*, 4."]


def test_epub_endnotes_keep_their_italics() -> None:
    chapter = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
               'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>I</title></head><body>'
               f"<p>The harbour had <i>many</i> lamps.{se_noteref(1)}</p></body></html>")
    book = epub_bytes({"chapter-1.xhtml": chapter,
                       "endnotes.xhtml": se_endnotes({1: "Jane Quill, <i>A Harbour of Lamps</i>, 3."})})
    essay, _ = load_essay(as_transport(book), path="lamps.epub")
    assert [n.text for n in essay.notes] == ["Jane Quill, *A Harbour of Lamps*, 3."]
    assert "The harbour had many lamps." in essay.text


# --- Word and OpenDocument ------------------------------------------------------------


def _w_italic(text: str, how: str = "<w:i/>") -> str:
    return f'<w:r><w:rPr>{how}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _docx(note_runs: str, styles: str = "") -> bytes:
    document = (f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'
                + w_paragraph(w_run("The harbour had "), _w_italic("many"), w_run(" lamps."), w_footnote_ref(1))
                + "</w:body></w:document>")
    notes = (f'<?xml version="1.0"?><w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1">'
             f"<w:p>{note_runs}</w:p></w:footnote></w:footnotes>")
    parts: dict[str, str | bytes] = {"word/document.xml": document, "word/footnotes.xml": notes}
    if styles:
        parts["word/styles.xml"] = f'<?xml version="1.0"?><w:styles xmlns:w="{W_NS}">{styles}</w:styles>'
    return zip_bytes(parts)


def test_docx_italic_runs_in_a_footnote() -> None:
    data = _docx(w_run("Jane Quill, ") + _w_italic("A Harbour ") + _w_italic("of Lamps,")
                 + w_run(" (London: Fernleaf, 2004), ") + _w_italic("passim", '<w:i w:val="0"/>') + w_run("."))
    essay, _ = load_essay(as_transport(data), path="lamps.docx")
    assert [n.text for n in essay.notes] == ["Jane Quill, *A Harbour of Lamps*, (London: Fernleaf, 2004), passim."]
    assert "The harbour had many lamps." in essay.text


def test_docx_italic_character_style_and_the_listing_has_no_marks() -> None:
    styles = ('<w:style w:type="character" w:styleId="Emphasis"><w:rPr><w:i/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="BookTitle"><w:basedOn w:val="Emphasis"/></w:style>')
    data = _docx(w_run("Quill, ") + _w_italic("Essays on Tides", '<w:rStyle w:val="BookTitle"/>')
                 + w_run(", 12."), styles)
    reduced = reduce_docx(data)
    assert reduced.plain.endswith("1. Quill, *Essays on Tides*, 12.")
    assert reduced.source.splitlines()[-1] == "Quill, Essays on Tides, 12."
    at = reduced.plain.index("Essays")
    assert reduced.source[reduced.offset_map[at]:reduced.offset_map[at] + 6] == "Essays"


def test_docx_complex_script_italics_are_no_italics() -> None:
    data = _docx(w_run("Quill, ") + _w_italic("Essays on Tides", "<w:iCs/>") + w_run(", and ")
                 + _w_italic("Lamps") + w_run(", 12."))
    essay, _ = load_essay(as_transport(data), path="lamps.docx")
    assert [n.text for n in essay.notes] == ["Quill, Essays on Tides, and *Lamps*, 12."]


def test_odt_automatic_italic_style_in_a_note() -> None:
    fo = 'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
    style = 'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    note = ('<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
            '<text:note-body><text:p>Jane Quill, <text:span text:style-name="T1">A Harbour of Lamps</text:span>'
            ", 3.</text:p></text:note-body></text:note>")
    content = (f'<?xml version="1.0"?><office:document-content {ODT_NS} {fo} {style}>'
               '<office:automatic-styles><style:style style:name="T1" style:family="text">'
               '<style:text-properties fo:font-style="italic"/></style:style></office:automatic-styles>'
               '<office:body><office:text><text:p>The harbour had <text:span text:style-name="T1">many'
               f"</text:span> lamps.{note}</text:p></office:text></office:body></office:document-content>")
    data = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})
    essay, _ = load_essay(as_transport(data), path="lamps.odt")
    assert [n.text for n in essay.notes] == ["Jane Quill, *A Harbour of Lamps*, 3."]
    assert "The harbour had many lamps." in essay.text


# --- LaTeX -----------------------------------------------------------------------------

LATEX = (
    "\\documentclass{article}\n\\begin{document}\n"
    "The harbour had \\emph{many} lamps.\\footnote{Jane Quill, \\emph{A Harbour of Lamps, with Commas}"
    " (London: Fernleaf, 2004), p.~3.} Tides.\\footnote{Quill, ``Salt Roads,'' in {\\it Essays on Tides}"
    " (Leeds: Marrow, 1998), 12.} Salt.\\footnote{\\textit{Id.} at 4; {\\em Lamps} and \\textsl{Salt}.}\n"
    "\\end{document}\n"
)


def test_latex_notes_keep_emph_textit_and_it_groups() -> None:
    essay, _ = load_essay(LATEX, path="lamps.tex")
    assert "The harbour had many lamps." in essay.text
    assert [n.text for n in essay.notes] == [BOOK, CHAPTER, "*Id.* at 4; *Lamps* and *Salt*."]


def test_latex_note_text_maps_back_to_the_source() -> None:
    assert _source_of(LATEX, "lamps.tex", "*Essays on Tides*") == "Essays on Tides"


def test_html_a_cite_holding_a_title_in_italics_is_a_source_line() -> None:
    # Standard Ebooks sets a quotation's source as <cite><i>Title</i>, 1900, p. 39</cite>:
    # only the title is italic, so the year and page stay outside it.
    text = ('<html><body><p>Mills.<sup><a href="#fn1" id="r1">1</a></sup></p>'
            '<section class="footnotes"><ol><li id="fn1">“The wheel stood still.” '
            '<cite>Ann Roe: <i>Die Mühle</i>, 1903, <abbr>p.</abbr> 41</cite>'
            ' <a href="#r1">↩</a></li></ol></section></body></html>')
    assert _notes(text, "mill.html") == ["“The wheel stood still.” Ann Roe: *Die Mühle*, 1903, p. 41"]
    assert _source_of(text, "mill.html", "*Die Mühle*") == "Die Mühle"
