"""A note's paragraph that opens in italics ("*Quare non …* (Job iv. 2)") is part
of its note, not a new note marked "*" (real shape: a translated book's endnote
quoting a Latin dialogue; the text here is made up)."""

from __future__ import annotations

from relbib.notes import find_notes


def test_a_line_opening_in_italics_is_no_symbol_note() -> None:
    text = ("The dispute went on.1 Nobody answered.2\n\n"
            "Notes\n\n"
            "1. Midrash Rabba, as in note 4. The dispute goes on:\n"
            "*Quare non respondes?* (Job iv. 2).\n"
            "*Ambulo in via mea* (Ps. xxvi. 11).\n"
            "2. Hartwig, Kommentar, s. 12.\n")
    result = find_notes(text)
    assert [(n.n, n.label) for n in result.notes] == [(1, ""), (2, "")]
    assert result.notes[0].text.endswith("*Ambulo in via mea* (Ps. xxvi. 11).")
    assert all(n.marker is not None for n in result.notes)


def test_a_star_note_still_opens_with_a_star() -> None:
    text = ("Jane Roe* wrote on trade.1\n\nNotes\n\n* Professor of Law, Elmsford.\n1. A. Smith, Trade, 4.\n")
    result = find_notes(text)
    assert [n.label for n in result.notes] == ["", "*"] or [n.label for n in result.notes] == ["*", ""]
