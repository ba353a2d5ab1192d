"""Mangled documents: no essay reader raises anything but InputError, and
what it reads stays in bounds (notes unique and increasing, spans in the text,
every offset inside the source)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest.docbuild import (
    XHTML_HEAD,
    as_transport,
    docx_bytes,
    epub_bytes,
    odt_bytes,
    odt_note,
    se_endnotes,
    se_noteref,
    w_footnote_ref,
    w_paragraph,
    w_run,
    zip_bytes,
)

from relbib.diagnostics import InputError
from relbib.ingest.essay import load_essay
from relbib.model import Essay

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, path: str) -> None:
    try:
        essay, diagnostics = load_essay(text, path=path)
    except InputError as error:
        assert path in str(error)
        return
    _in_bounds(essay)
    assert all(d.path == path for d in diagnostics)


def _in_bounds(essay: Essay) -> None:
    n = len(essay.text)
    numbers = [note.n for note in essay.notes]
    assert numbers == sorted(set(numbers)) and all(k >= 1 for k in numbers)
    # numbered markers increase in text order; a symbol note's marker ("*",
    # "†") is numbered after them and stands where its symbol does
    markers = [m.n for m in essay.markers if not m.label]
    assert markers == sorted(set(markers))
    assert len({m.n for m in essay.markers}) == len(essay.markers)
    assert all(0 <= m.start < m.end <= essay.body_end <= n for m in essay.markers)
    assert all(0 <= s.start < s.end <= n for s in essay.sentences)
    for note in essay.notes:
        assert 0 <= note.start <= note.end <= n and note.line >= 1
        if note.claim is not None:
            assert 0 <= note.claim.start < note.claim.end <= n
    if essay.offset_map:
        assert len(essay.offset_map) == n and all(o >= 0 for o in essay.offset_map)


# --- notes sections ---------------------------------------------------------------

NUMBERS = st.integers(min_value=0, max_value=1200)
NOTE_LINE = st.builds(lambda n, form, text: f"{form.format(n)} {text}", NUMBERS,
                      st.sampled_from(["{}.", "{}", "[{}]", "({})", "{})", "\f{}", "{}¹", "*", "†", "‡‡"]),
                      st.sampled_from(["A. Smith, Empire (London, 1980), 12.", "Ibid.", "", "2018. London",
                                       "Chapter 2", "See infra note 4.", "¹ Jones, Trade, 3."]))
BODY_PIECE = st.sampled_from(["The treaty was signed.", "Vienna,1", "parties.2", "year3", "in 2018.17",
                              "¹", "²³", "\f", "\n", "\n\n", " ", "Notes\n\n", "Chapter 1\n\n", "____\n",
                              "12\n", "‘quoted’", "(1)", "[2]", "G20", "done.⁴",
                              # symbol notes and markers, converters' page breaks and OCR'd markers
                              "Roe*", "said.†", "* Professor.\n", "† See Smith.\n", "**", "*emph*", "∗ Author.\n",
                              "<<PAGE_BREAK>>\n", "HEAD 3/9\n", "decades. 3 ", "files.1 2 ", "§ 12"])
SECTION = st.builds(lambda body, heading, lines, spacing: "".join(body) + heading + spacing.join(lines),
                    st.lists(BODY_PIECE, max_size=30), st.sampled_from(["\n\nNotes\n\n", "\n\n", "\f", ""]),
                    st.lists(NOTE_LINE, max_size=25), st.sampled_from(["\n", "\n\n", "\n\f"]))


@FUZZ
@given(SECTION)
def test_mangled_notes_sections_are_read_or_refused_cleanly(text: str) -> None:
    _check(text, "essay.txt")


# --- markup -----------------------------------------------------------------------

LATEX_PIECE = st.sampled_from([
    "Claim.", "\\footnote{", "\\footnote[3]{", "\\footnote[x]{", "}", "{", "\\footnotemark", "\\footnotemark[2]",
    "\\footnotetext{", "\\footnotetext[9]{", "\\emph{", "\\'e", "--", "``", "''", "~", "%", "\n", "\n\n",
    "$x$", "$", "\\begin{document}", "\\end{document}", "\\begin{itemize}", "\\item", "\\section{", "\\\\",
    "\\cite{key}", "\\cite{", "\\verb|", "\\maketitle", "\\title{T}", "\\unknown{", "\\", "#", "&", "^", "_",
])
MARKDOWN_PIECE = st.sampled_from([
    "Claim.", "[^1]", "[^1]: Note.\n", "[^a]: Other.\n", "[^a]", "^[inline [link](u)]", "^[", "^2^", "|", "| a |",
    "\n", "\n\n", "# H\n", "```\n", "> ", "* ", "1. ", "<sup>3</sup>", "[x](y)", "\\", "---\n", "title: x\n",
    "[^*]", "[^*]: Author.\n", "[^†]: Other.\n", "<sup>†</sup>", "<sup>*</sup> Note.\n", "Roe*", "*x*", "^*^",
    "3 A. Smith, Boats, 12.\n\n", "files. 2 ",
])
HTML_PIECE = st.sampled_from([
    "Claim.", "<p>", "</p>", "<sup>1</sup>", "<sup>", "</sup>", '<a href="#fn1">1</a>', '<a href="n.xhtml#note-2"',
    ">", "<", '<li id="fn1">', '<li id="note-200" epub:type="endnote">', "</li>", '<ol start="7">', "</ol>",
    '<section class="footnotes">', "</section>", '<a epub:type="backlink" href="#r">↩</a>', "&amp;", "&#x",
    "<br>", "<script>", "</script>", "<!--", "-->", "\n", "<sup>*</sup>", "<sup>&#8224;</sup>", "<p><sup>*</sup> ",
])


@FUZZ
@given(st.lists(LATEX_PIECE, max_size=50).map("".join))
def test_mangled_latex_is_read_or_refused_cleanly(text: str) -> None:
    _check(text, "essay.tex")


@FUZZ
@given(st.lists(MARKDOWN_PIECE, max_size=50).map("".join))
def test_mangled_markdown_is_read_or_refused_cleanly(text: str) -> None:
    _check(text, "essay.md")


@FUZZ
@given(st.lists(HTML_PIECE, max_size=50).map("".join), st.sampled_from(["essay.html", "essay.xhtml"]))
def test_mangled_html_is_read_or_refused_cleanly(text: str, path: str) -> None:
    _check(text, path)


# --- zips -------------------------------------------------------------------------


def _documents() -> dict[str, bytes]:
    chapter = (XHTML_HEAD.format(title="I") + f"<p>Signed.{se_noteref(1)} Many.{se_noteref(2)}</p></body></html>")
    return {
        "essay.docx": docx_bytes([w_paragraph(w_run("Signed."), w_footnote_ref(1)),
                                  w_paragraph(w_run("Many."), w_footnote_ref(2))],
                                 footnotes={1: ["A. Smith, Empire (London, 1980), 12."], 2: ["Ibid."]}),
        "essay.odt": odt_bytes([f"<text:p>Signed.{odt_note(1, 'A. Smith, Empire, 12.')}</text:p>"]),
        "book.epub": epub_bytes({"c.xhtml": chapter, "endnotes.xhtml": se_endnotes({1: "Smith.", 2: "Ibid."})}),
    }


DOCUMENTS = _documents()


@FUZZ
@given(st.sampled_from(sorted(DOCUMENTS)), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)),
                                                   min_size=1, max_size=8), st.integers(0, 10**6))
def test_corrupted_zips_are_refused_cleanly(name: str, flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(DOCUMENTS[name])
    for at, value in flips:
        data[at % len(data)] = value
    _check(as_transport(bytes(data[:max(1, len(data) - cut % len(data))])), name)


PART_TEXT = st.one_of(st.text(max_size=200), st.lists(st.sampled_from([
    "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>", "<w:body>", "<w:p>",
    "<w:r>", "<w:t>", "Text", "</w:t>", "</w:r>", "</w:p>", "<w:footnoteReference w:id='1'/>", "</w:body>",
    "</w:document>", "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "&e;", "<text:note>",
]), max_size=30).map("".join))


@FUZZ
@given(st.sampled_from(["essay.docx", "essay.odt", "book.epub"]), PART_TEXT, PART_TEXT)
def test_zips_with_mangled_parts_are_refused_cleanly(name: str, main: str, other: str) -> None:
    parts = {"essay.docx": {"word/document.xml": main, "word/footnotes.xml": other},
             "essay.odt": {"content.xml": main, "meta.xml": other},
             "book.epub": {"META-INF/container.xml": other, "content.opf": main, "c.xhtml": other}}[name]
    _check(as_transport(zip_bytes(parts)), name)
