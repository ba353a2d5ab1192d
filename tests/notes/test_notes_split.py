"""split_numbered: what `relbib parse` reads as one item."""

from __future__ import annotations

from relbib.notes import NumberedItem, split_numbered


def test_numbered_items_with_wrapped_lines_joined_and_heading_skipped() -> None:
    text = "Footnotes :\n\n1. Khan, ‘Russia’,\n   Journal 4(1), 2021.\n\n2) Ibid.\n[3] Zaidi, op. cit.\n"
    assert split_numbered(text) == (
        NumberedItem(n=1, text="Khan, ‘Russia’, Journal 4(1), 2021.", line=3),
        NumberedItem(n=2, text="Ibid.", line=6),
        NumberedItem(n=3, text="Zaidi, op. cit.", line=7),
    )


def test_one_numbering_style_per_list() -> None:
    text = "[1] Chia, ‘Energy’, ISAS Working Papers,\n6 October 2021.\n[2] Ibid."
    items = split_numbered(text)
    assert [(i.n, i.text) for i in items] == [
        (1, "Chia, ‘Energy’, ISAS Working Papers, 6 October 2021."), (2, "Ibid.")]


def test_bare_numbers_and_a_quantity_on_a_wrapped_line() -> None:
    text = "1 Owais, Pakistan Horizon,\n16 MI-17 helicopters, p. 130.\n2 Ibid."
    assert [(i.n, i.line) for i in split_numbered(text)] == [(1, 1), (2, 3)]


def test_unnumbered_lines_are_one_item_each() -> None:
    text = "Khan, F. (2021). Russia.\n\nZaidi, S. (2021). Rivals.\nAbbas, K. (2016). Revival.\n"
    assert [i.text for i in split_numbered(text)] == [
        "Khan, F. (2021). Russia.", "Zaidi, S. (2021). Rivals.", "Abbas, K. (2016). Revival."]
    assert all(i.n is None for i in split_numbered(text))


def test_hanging_lines_join_their_entry() -> None:
    text = "Khan, F. 2021. Russia-Pakistan Strategic\n    Relations. Journal 4.\nAbbas, K. 2016. Revival.\n"
    assert [i.text for i in split_numbered(text)] == [
        "Khan, F. 2021. Russia-Pakistan Strategic Relations. Journal 4.", "Abbas, K. 2016. Revival."]


def test_blank_separated_multiline_entries_are_paragraphs() -> None:
    text = "Khan, F. 2021.\nRussia.\n\nAbbas, K. 2016.\nRevival.\n"
    assert [(i.text, i.line) for i in split_numbered(text)] == [
        ("Khan, F. 2021. Russia.", 1), ("Abbas, K. 2016. Revival.", 4)]


def test_empty_text_has_no_items() -> None:
    assert split_numbered("") == ()
    assert split_numbered("\n  \n") == ()


def test_a_long_reference_list_keeps_numbering_past_999() -> None:
    text = "".join(f"{n}. Author {n}, Title {n} (London: Verso, 2001).\n" for n in range(1, 1003))
    items = split_numbered(text)
    assert [i.n for i in items] == list(range(1, 1003))


def test_a_wrapped_line_opening_with_a_year_is_not_an_item() -> None:
    text = "1. Smith, A Book about the war of\n2018. London: Verso.\n2. Ibid., 4.\n"
    items = split_numbered(text)
    assert [(i.n, i.text) for i in items] == [
        (1, "Smith, A Book about the war of 2018. London: Verso."), (2, "Ibid., 4.")]


def test_a_whole_essay_given_to_parse_is_named_as_such() -> None:
    from relbib.notes import prose_warning

    paragraph = ("The treaty was signed in Vienna after months of talks between the powers. Its critics "
                 "were many and loud from the first week. They wrote pamphlets and letters to the papers, "
                 "and they were not heard for a generation. Nobody mourned the treaty when it fell at last.")
    essay = "\n\n".join([paragraph] * 4)
    warning = prose_warning(split_numbered(essay))
    assert warning is not None and warning.severity.value == "warning"
    assert "4 of its 4 items are paragraphs of prose" in warning.message and warning.line == 1


def test_a_reference_list_is_not_prose() -> None:
    from relbib.notes import prose_warning

    refs = ("Smith, A. (1980). Empire. London: Verso.\n"
            "Jones, B. (1990). Trade. Journal of Modern History, 4, 1–20.\n")
    assert prose_warning(split_numbered(refs)) is None
    notes = "1. A. Smith, Empire (London, 1980), 12.\n2. Ibid., 14.\n"
    assert prose_warning(split_numbered(notes)) is None
