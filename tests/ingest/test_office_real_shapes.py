"""Word and OpenDocument notes in the shapes of a real German thesis (names and
titles made up): spaces typed twice inside a note ("In: Buch.  S.  11") read as one,
each character of the note still mapped to its place in the paragraph listing.

The case failed before the fix of issue 10 (real footnotes, .docx and .odt)."""

from __future__ import annotations

from docbuild import docx_bytes, odt_bytes, odt_note, w_footnote_ref, w_paragraph, w_run

from relbib.ingest.office import Reduced, reduce_docx, reduce_odt

NOTE = "Vgl. Roe, Jane: Die Schleuse. In: Mühlen  und Märkte. München:  Fink 2014.  S.  9-20. hier S.  11."
ONE_SPACED = "Vgl. Roe, Jane: Die Schleuse. In: Mühlen und Märkte. München: Fink 2014. S. 9-20. hier S. 11."


def _note_line(reduced: Reduced) -> str:
    return next(line for line in reduced.plain.split("\n") if line.startswith("1. "))[3:]


def _maps_back(reduced: Reduced) -> None:
    start = reduced.plain.index(ONE_SPACED)
    for k, c in enumerate(ONE_SPACED):
        assert reduced.source[reduced.offset_map[start + k]] == c, (k, c)


def test_docx_note_spaces_typed_twice_read_as_one() -> None:
    data = docx_bytes([w_paragraph(w_run("Ein Satz."), w_footnote_ref(1))], footnotes={1: [NOTE]})
    reduced = reduce_docx(data)
    assert _note_line(reduced) == ONE_SPACED
    _maps_back(reduced)


def test_odt_note_spaces_typed_twice_read_as_one() -> None:
    reduced = reduce_odt(odt_bytes([f"<text:p>Ein Satz.{odt_note(1, NOTE)}</text:p>"]))
    assert _note_line(reduced) == ONE_SPACED
    _maps_back(reduced)
