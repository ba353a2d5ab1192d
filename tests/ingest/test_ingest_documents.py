"""Word, OpenDocument, LaTeX and EPUB essays: their notes read from their own
markup, markers where the notes stand, lines and columns back in the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from docbuild import (
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
)

from relbib.diagnostics import InputError
from relbib.ingest.essay import load_essay
from relbib.workspace import iter_essay_paths, read_essay_file


def _claims(essay) -> dict[int, str]:
    return {n.n: " ".join(n.claim.text.split()) for n in essay.notes if n.claim is not None}


# --- Word ---------------------------------------------------------------------


def _word_essay() -> bytes:
    return docx_bytes(
        [w_paragraph(w_run("Empire and Trade")),
         w_paragraph(w_run("The treaty was signed in Vienna."), w_footnote_ref(2),
                     w_run(" Its critics were many."), w_footnote_ref(3)),
         w_paragraph(),
         w_paragraph(w_run("Trade grew after 1820."), w_footnote_ref(1, "endnote"))],
        footnotes={2: ["A. Smith, Empire (London, 1980), 12."],
                   3: ["B. Jones, ‘Trade’, Journal of Modern History 4 (1990), 1–20.",
                       "A second paragraph of the note."]},
        endnotes={1: ["Ibid., 14."]},
        title="Empire and Trade")


def test_docx_footnotes_and_endnotes_are_read_in_reference_order() -> None:
    essay, diagnostics = load_essay(as_transport(_word_essay()), path="essay.docx")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "A. Smith, Empire (London, 1980), 12."),
        (2, "B. Jones, ‘Trade’, Journal of Modern History 4 (1990), 1–20. A second paragraph of the note."),
        (3, "Ibid., 14."),
    ]
    assert _claims(essay) == {1: "The treaty was signed in Vienna.", 2: "Its critics were many.",
                              3: "Trade grew after 1820."}
    assert essay.title == "Empire and Trade"
    assert [d.message for d in diagnostics] == []


def test_docx_lines_are_paragraphs_and_columns_characters() -> None:
    essay, _ = load_essay(as_transport(_word_essay()), path="essay.docx")
    # paragraph 2 of the body, after "The treaty was signed in Vienna." (32 characters)
    assert (essay.markers[0].line, essay.markers[0].column) == (2, 33)
    # paragraph 4 (paragraph 3 is empty), after "Trade grew after 1820."
    assert (essay.markers[2].line, essay.markers[2].column) == (4, 23)
    # the notes' paragraphs are numbered after the body's four
    assert [n.line for n in essay.notes] == [5, 6, 8]


def test_a_docx_without_notes_is_read_as_its_body() -> None:
    data = docx_bytes([w_paragraph(w_run("Only prose here."))])
    essay, _ = load_essay(as_transport(data), path="plain.docx")
    assert essay.notes == () and essay.text == "Only prose here."


def test_a_docx_reference_to_a_missing_note_is_reported() -> None:
    data = docx_bytes([w_paragraph(w_run("Claim."), w_footnote_ref(2), w_run(" Other."), w_footnote_ref(3))],
                      footnotes={2: ["A. Smith, Empire (London, 1980), 12."]})
    essay, diagnostics = load_essay(as_transport(data), path="gap.docx")
    assert [n.n for n in essay.notes] == [1]
    assert any("marker 2 has no note" in d.message for d in diagnostics)


# --- OpenDocument -------------------------------------------------------------------


def test_odt_notes_are_read_from_content_xml() -> None:
    data = odt_bytes([
        "<text:h>Empire and Trade</text:h>",
        f"<text:p>The treaty was signed in Vienna.{odt_note(1, 'A. Smith, Empire (London, 1980), 12.')}"
        f"<text:s/>Its critics<text:s text:c=\"2\"/>were many.{odt_note(2, 'Ibid., 14.', kind='endnote')}"
        "</text:p>",
    ])
    essay, diagnostics = load_essay(as_transport(data), path="essay.odt")
    assert [(n.n, n.text) for n in essay.notes] == [(1, "A. Smith, Empire (London, 1980), 12."),
                                                    (2, "Ibid., 14.")]
    assert _claims(essay) == {1: "The treaty was signed in Vienna.", 2: "Its critics were many."}
    assert (essay.markers[0].line, essay.markers[0].column) == (2, 33)
    assert diagnostics == ()


# --- LaTeX --------------------------------------------------------------------------

LATEX = r"""\documentclass{article}
\title{Empire and Trade}
\author{Ada Byron}
\begin{document}
\maketitle
\section{Vienna}
The treaty was signed in Vienna.\footnote{See A.~Smith, \emph{Empire {and} Trade} (London, 1980), 12--13.}
Its critics were many\footnote[3]{B. Jones, `Trade', \textit{Journal of Modern History} 4 (1990), 1--20.}
% a comment that is no part of the text.\footnote{Not a note.}
and the r\'egime fell.\footnotemark{} Nobody mourned it.
\footnotetext{Ibid., 14.}
\end{document}
"""


def test_latex_footnotes_are_notes_cleaned_of_latex() -> None:
    essay, diagnostics = load_essay(LATEX, path="essay.tex")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "See A. Smith, *Empire and Trade* (London, 1980), 12–13."),
        (2, "Ibid., 14."),
        (3, "B. Jones, ‘Trade’, *Journal of Modern History* 4 (1990), 1–20."),
    ]
    assert [m.n for m in essay.markers] == [1, 3]  # \footnotemark's 2 comes after 3: out of order
    assert _claims(essay)[1] == "The treaty was signed in Vienna."
    assert "régime" in essay.text and "\\" not in essay.text[:essay.body_end]
    assert essay.title == "Empire and Trade"
    assert any("marker" in d.message or "note 2" in d.message for d in diagnostics)


def test_latex_markers_and_notes_point_at_their_source() -> None:
    essay, _ = load_essay(LATEX, path="essay.tex")
    marker = essay.markers[0]
    assert (marker.line, LATEX[essay.offset_map[marker.start]:].startswith("\\footnote{")) == (7, True)
    assert essay.notes[0].line == 7
    assert LATEX[essay.offset_map[essay.notes[0].start]:].startswith("See A.")


def test_latex_footnotes_numbered_in_order() -> None:
    text = ("Body one.\\footnote{Note {one} with {nested {braces}}.} Body two.\\footnote{Note two.}\n"
            "Body three.\\footnotemark\n\\footnotetext{Note three.}\n")
    essay, diagnostics = load_essay(text, path="short.tex")
    assert [(n.n, n.text) for n in essay.notes] == [(1, "Note one with nested braces."), (2, "Note two."),
                                                    (3, "Note three.")]
    assert [m.n for m in essay.markers] == [1, 2, 3]
    assert _claims(essay) == {1: "Body one.", 2: "Body two.", 3: "Body three."}
    assert diagnostics == ()


# --- EPUB ---------------------------------------------------------------------------


def _book() -> bytes:
    chapter = (XHTML_HEAD.format(title="Chapter I") + "<section epub:type=\"chapter\"><h2>I</h2>"
               f"<p>The treaty was signed in Vienna.{se_noteref(1)} Its critics were many.{se_noteref(2)}</p>"
               "</section></body></html>")
    chapter2 = (XHTML_HEAD.format(title="Chapter II") + "<section epub:type=\"chapter\"><h2>II</h2>"
                f"<p>Trade grew after 1820.{se_noteref(3)}</p></section></body></html>")
    notes = se_endnotes({1: "A. Smith, <i>Empire</i> (London, 1980), 12.", 2: "Ibid., 14.",
                         3: "B. Jones, “Trade,” <i>Journal of Modern History</i> 4 (1990): 1–20."})
    return epub_bytes({"chapter-1.xhtml": chapter, "chapter-2.xhtml": chapter2, "endnotes.xhtml": notes})


def test_epub_endnotes_in_another_file_are_read() -> None:
    essay, diagnostics = load_essay(as_transport(_book()), path="book.epub")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "A. Smith, *Empire* (London, 1980), 12."), (2, "Ibid., 14."),
        (3, "B. Jones, “Trade,” *Journal of Modern History* 4 (1990): 1–20.")]
    assert _claims(essay) == {1: "The treaty was signed in Vienna.", 2: "Its critics were many.",
                              3: "Trade grew after 1820."}
    assert essay.title == "A Book"
    assert [(a.family, a.given) for a in essay.authors] == [("Byron", "Ada")]
    assert diagnostics == ()


def test_an_xhtml_chapter_alone_says_its_notes_are_elsewhere() -> None:
    chapter = (XHTML_HEAD.format(title="Chapter I") +
               f"<p>The treaty was signed.{se_noteref(1)} Its critics were many.{se_noteref(2)}</p></body></html>")
    essay, diagnostics = load_essay(chapter, path="chapter-1.xhtml")
    assert essay.notes == ()
    assert any("no notes were found" in d.message for d in diagnostics)


# --- bad zips -----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".epub"])
def test_a_broken_zip_is_an_input_error_naming_the_file(suffix: str) -> None:
    with pytest.raises(InputError) as raised:
        load_essay(as_transport(b"PK\x03\x04 not really a zip"), path=f"broken{suffix}")
    assert f"broken{suffix}" in str(raised.value) and "zip" in str(raised.value)


def test_broken_xml_in_a_docx_names_the_part_and_line() -> None:
    from docbuild import zip_bytes
    data = zip_bytes({"word/document.xml": "<w:document>\n<w:body><w:p></w:body>"})
    with pytest.raises(InputError) as raised:
        load_essay(as_transport(data), path="bad.docx")
    assert "bad.docx" in str(raised.value) and "word/document.xml" in str(raised.value)


# --- discovery ----------------------------------------------------------------------


def test_a_folder_yields_every_essay_format(tmp_path: Path) -> None:
    for name in ("a.docx", "b.odt", "c.tex", "d.epub", "e.xhtml", "f.md", "g.pdf"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in iter_essay_paths([tmp_path])] == [
        "a.docx", "b.odt", "c.tex", "d.epub", "e.xhtml", "f.md"]


def test_a_zip_essay_file_reads_back_to_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    path.write_bytes(_word_essay())
    essay, _ = load_essay(read_essay_file(path), path=str(path))
    assert len(essay.notes) == 3
