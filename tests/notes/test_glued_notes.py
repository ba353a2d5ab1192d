"""A note missing from the numbering whose number is glued after the sentence closing the
note before it (text converted from a PDF prints a note that begins on the same line):
it is split out and read as its own note.  Names and numbers are made up."""

from __future__ import annotations

from relbib.ingest.essay import load_essay


def test_a_missing_note_glued_to_the_note_before_is_split_out() -> None:
    text = ("One claim.1 Two claim.2 Three claim.3 Four claim.4\n\nNotes\n\n"
            "1. A. Smith, Empire (London, 1980), 12.\n"
            "2. B. Jones, Trade (Oxford, 1990), 3, para. 9. 3 Ibid., para. 10.\n"
            "4. C. Brown, Ports (Leeds, 2001), 7.\n")
    essay, _ = load_essay(text, path="glued.txt")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "A. Smith, Empire (London, 1980), 12."), (2, "B. Jones, Trade (Oxford, 1990), 3, para. 9."),
        (3, "Ibid., para. 10."), (4, "C. Brown, Ports (Leeds, 2001), 7.")]
    assert essay.notes[2].claim is not None and essay.notes[2].claim.text == "Three claim."


def test_a_glued_markdown_footnote_is_split_out() -> None:
    text = ("One claim.[^1] Two claim.[^2] Three claim.[^3] Four claim.[^4]\n\n"
            "[^1]: A. Smith, Empire (London, 1980), 12.\n\n"
            "[^2]: Article 93 of the Charter. 3 European Board, Guidelines 1/2020 on ports (adopted 1 May 2020).\n\n"
            "[^4]: C. Brown, Ports (Leeds, 2001), 7.\n")
    essay, _ = load_essay(text, path="glued.md")
    assert [n.n for n in essay.notes] == [1, 2, 3, 4]
    assert essay.notes[1].text == "Article 93 of the Charter."
    assert essay.notes[2].text.startswith("European Board, Guidelines 1/2020")


def test_a_number_that_is_no_missing_note_stays_in_its_note() -> None:
    text = ("One claim.1 Two claim.2 Three claim.3\n\nNotes\n\n"
            "1. A. Smith, Empire (London, 1980), 12. 2 Vols. were printed.\n"
            "2. Ibid., 14.\n3. Ibid., 15.\n")
    essay, _ = load_essay(text, path="kept.txt")
    assert essay.notes[0].text == "A. Smith, Empire (London, 1980), 12. 2 Vols. were printed."
