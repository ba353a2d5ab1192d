"""Notes sections numbered as real documents number them: from any number,
with gaps, duplicates and per-chapter restarts; every note kept, a warning each."""

from __future__ import annotations

from relbib.ingest.essay import load_essay
from relbib.ingest.numbering import Run, note_numbers, read_numbering


def _warnings(diagnostics: tuple) -> list[str]:
    return [d.message for d in diagnostics if d.severity.value == "warning"]


def test_a_chapter_whose_notes_start_at_7_is_read() -> None:
    text = ("Chapter Two\n\nThe treaty was signed in Vienna.7 It failed within a year.8 "
            "Nobody mourned it.9\n\nNotes\n\n7. A. Smith, Empire (London, 1980), 12.\n"
            "8. Ibid., 14.\n9. B. Jones, Trade (Oxford, 1990), 3.\n")
    essay, diagnostics = load_essay(text, path="ch2.txt")
    assert [n.n for n in essay.notes] == [7, 8, 9]
    assert [m.n for m in essay.markers] == [7, 8, 9]
    assert essay.notes[1].claim is not None and essay.notes[1].claim.text == "It failed within a year."
    assert any("the notes start at 7" in w for w in _warnings(diagnostics))


def test_a_bare_numbered_section_may_start_at_any_number() -> None:
    text = ("Body.12 More body.13\n\nNotes\n\n12 A. Smith, Empire (London, 1980), 12.\n"
            "13 Ibid., 14.\n")
    essay, _ = load_essay(text, path="ch.txt")
    assert [(n.n, n.text) for n in essay.notes] == [(12, "A. Smith, Empire (London, 1980), 12."),
                                                    (13, "Ibid., 14.")]


def test_numbering_that_restarts_per_chapter_keeps_every_note() -> None:
    text = ("One claim.1 Two claim.2\n\nChapter 2\n\nThree claim.1 Four claim.2 Five claim.3\n\n"
            "Notes\n\nChapter 1\n\n1. Note one.\n2. Note two.\n\nChapter 2\n\n"
            "1. Note three.\n2. Note four.\n3. Note five.\n")
    essay, diagnostics = load_essay(text, path="book.txt")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "Note one."), (2, "Note two."), (3, "Note three."), (4, "Note four."), (5, "Note five.")]
    claims = {n.n: n.claim.text if n.claim else None for n in essay.notes}
    assert claims == {1: "One claim.", 2: "Two claim.", 3: "Three claim.", 4: "Four claim.",
                      5: "Five claim."}
    assert any("restarts at 1 after note 2" in w for w in _warnings(diagnostics))


def test_a_duplicate_that_stands_for_a_missing_number_is_read_as_it() -> None:
    text = "A.1 B.2 C.3 D.4\n\nNotes\n\n1. One.\n2. Two.\n2. Three.\n4. Four.\n"
    essay, diagnostics = load_essay(text, path="dup.txt")
    assert [(n.n, n.text) for n in essay.notes] == [(1, "One."), (2, "Two."), (3, "Three."), (4, "Four.")]
    assert [m.n for m in essay.markers] == [1, 2, 3, 4]
    assert any("note 2 is numbered twice: the second is read as note 3" in w for w in _warnings(diagnostics))


def test_gaps_name_every_missing_number() -> None:
    numbering = read_numbering([(1, 5), (2, 6), (6, 7)])
    assert numbering.numbers == (1, 2, 6)
    assert numbering.problems == (("notes 3–5 are missing from the notes section (found 6 after 2)", 7),)


def test_a_restart_opens_a_run_numbered_after_the_last_note() -> None:
    numbering = read_numbering([(1, 1), (2, 2), (3, 3), (1, 5), (2, 6)])
    assert numbering.numbers == (1, 2, 3, 4, 5)
    assert numbering.runs == (Run(offset=0, low=1, high=3), Run(offset=3, low=1, high=2))
    assert note_numbers(2, numbering.runs) == (2, 5)
    assert note_numbers(3, numbering.runs) == (3,)


def test_an_html_book_with_150_endnotes_is_read() -> None:
    body = "".join(f"<p>Claim number {k} stands here.<a href=\"#note-{k}\"><sup>{k}</sup></a></p>\n"
                   for k in range(1, 151))
    notes = "".join(f"<li id=\"note-{k}\"><p>Author {k}, Title {k} (London, 1900), {k}.</p></li>\n"
                    for k in range(1, 151))
    html = f"<html><body>{body}<section class=\"endnotes\"><ol>{notes}</ol></section></body></html>"
    essay, diagnostics = load_essay(html, path="book.html")
    assert len(essay.notes) == 150
    assert [m.n for m in essay.markers] == list(range(1, 151))
    assert essay.notes[143].text == "Author 144, Title 144 (London, 1900), 144."
    assert essay.notes[149].claim is not None and essay.notes[149].claim.text == "Claim number 150 stands here."
    assert _warnings(diagnostics) == []


def test_superscript_markers_without_notes_are_reported() -> None:
    essay, diagnostics = load_essay("The treaty failed.¹ Nobody mourned it.² Nor did they.³\n",
                                    path="orphan.txt")
    assert essay.notes == ()
    assert any("3 note markers (1…3) but no notes were found" in w for w in _warnings(diagnostics))


def test_glued_markers_without_notes_are_reported() -> None:
    text = ("The treaty was signed in Vienna.1 It failed within a year.2 Nobody mourned it.3\n\n"
            "The next paragraph says more.4 And ends.\n")
    _, diagnostics = load_essay(text, path="orphan.txt")
    assert any("look like note markers (1, 2, …) but no notes were found" in w for w in _warnings(diagnostics))


def test_numbers_in_prose_without_notes_are_not_reported() -> None:
    text = "In 1990 the 3 parties met 12 times. They signed 2 treaties in 1992.\n"
    _, diagnostics = load_essay(text, path="plain.txt")
    assert _warnings(diagnostics) == []
