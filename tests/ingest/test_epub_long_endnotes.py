"""A whole EPUB book: 1,200 endnotes in one separate file, numbered past 999,
with no epub:type on the notes, and notes of several paragraphs (a quotation,
a list) — every note read, every marker matched, across the chapter files."""

from __future__ import annotations

import pytest
from docbuild import epub_bytes

from relbib.ingest.essay import load_essay

_NOTES = 1200
_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
         'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>{}</title></head><body>\n')


def _ref(n: int) -> str:
    return f'<a href="endnotes.xhtml#note-{n}" id="noteref-{n}" epub:type="noteref">{n}</a>'


def _chapter(title: str, numbers: range) -> str:
    paragraphs = "".join(f"<p>Claim number {n} was made.{_ref(n)}</p>\n" for n in numbers)
    return _HEAD.format(title) + f'<section epub:type="chapter"><h2>{title}</h2>\n{paragraphs}</section></body></html>'


def _note(n: int) -> str:
    back = f'<a href="chapter-{1 if n <= 600 else 2}.xhtml#noteref-{n}" epub:type="backlink">↩</a>'
    if n == 7:  # several paragraphs, a quotation among them
        body = ("<p>He wrote of it at length.</p>\n<blockquote><p>“The ships were late.”</p>"
                "<cite>Letters, 1665</cite></blockquote>\n<p>See also Smith, <i>Empire</i>, 12.</p>\n"
                f"<p>{back}</p>")
    elif n == 9:  # a typesetter's word joiners around the dash
        body = f"<p>M. Lowe: <i>Galatians</i>, 1891, pp. 510\u2060–\u2060514. {back}</p>"
    elif n == 1001:  # a list inside a note numbers its own items
        body = (f"<p>Three things follow:</p>\n<ol><li>the first;</li><li>the second;</li></ol>\n"
                f"<p>B. Jones, <i>Trade</i> (Oxford, 1990), 4. {back}</p>")
    else:
        body = f"<p>A. Author, <i>Work {n}</i> (London, 1900), {n}. {back}</p>"
    return f'<li id="note-{n}">\n{body}\n</li>\n'


def _epub() -> bytes:
    """Two chapter files and the endnotes file, zipped as an EPUB 3 (docbuild)."""
    notes = (_HEAD.format("Endnotes") + '<section id="endnotes" epub:type="endnotes"><h2>Endnotes</h2>\n<ol>\n'
             + "".join(_note(n) for n in range(1, _NOTES + 1)) + "</ol></section></body></html>")
    return epub_bytes({"chapter-1.xhtml": _chapter("I", range(1, 601)),
                       "chapter-2.xhtml": _chapter("II", range(601, _NOTES + 1)), "endnotes.xhtml": notes},
                      title="Long Book", author="Ann Writer")


@pytest.fixture(scope="module")
def book():
    return load_essay(_epub().decode("latin-1"), path="long.epub")


def test_every_endnote_past_999_is_read_and_matched(book) -> None:
    essay, diagnostics = book
    assert [n.n for n in essay.notes] == list(range(1, _NOTES + 1))
    assert all(n.marker is not None and n.marker.n == n.n for n in essay.notes)
    assert not [d.message for d in diagnostics]
    by_n = {n.n: n for n in essay.notes}
    assert by_n[1200].text == "A. Author, *Work 1200* (London, 1900), 1200."
    assert by_n[1200].claim is not None and by_n[1200].claim.text == "Claim number 1200 was made."
    assert by_n[999].claim is not None and by_n[999].claim.text == "Claim number 999 was made."


def test_a_note_of_several_paragraphs_stays_one_note(book) -> None:
    essay, _ = book
    by_n = {n.n: n.text for n in essay.notes}
    assert by_n[7].startswith("He wrote of it at length.")
    assert "The ships were late." in by_n[7] and by_n[7].endswith("See also Smith, *Empire*, 12.")
    assert by_n[8] == "A. Author, *Work 8* (London, 1900), 8."
    assert by_n[9] == "M. Lowe: *Galatians*, 1891, pp. 510–514."
    assert by_n[1001].startswith("Three things follow:")
    assert "the second;" in by_n[1001] and by_n[1001].endswith("B. Jones, *Trade* (Oxford, 1990), 4.")
