"""Formats, errors, offset maps and metadata rules of load_essay."""

from __future__ import annotations

import pytest

from relbib.diagnostics import InputError
from relbib.ingest.essay import detect_format, load_essay


@pytest.mark.parametrize(("path", "text", "fmt"), [
    ("a.txt", "<p>x</p>", "text"),
    ("a.md", "plain", "markdown"),
    ("a.HTML", "plain", "html"),
    ("a", "<!DOCTYPE html><p>x</p>", "html"),
    ("a", "# Title\n\nText[^1].\n\n[^1]: Note.", "markdown"),
    ("a", "Just words. More words.", "text"),
])
def test_detect_format(path: str, text: str, fmt: str) -> None:
    assert detect_format(path, text) == fmt


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_essay_is_an_input_error_naming_the_path(text: str) -> None:
    with pytest.raises(InputError) as raised:
        load_essay(text, path="essays/empty.txt")
    assert "essays/empty.txt" in str(raised.value)


def test_markdown_duplicate_footnote_is_a_warning_with_its_line() -> None:
    text = "Claim.[^a]\n\n[^a]: One.\n[^a]: Two.\n"
    essay, diagnostics = load_essay(text, path="d.md")
    assert [(n.n, n.text) for n in essay.notes] == [(1, "One.")]  # the first definition, as pandoc reads it
    assert [(d.path, d.line, d.severity.value) for d in diagnostics] == [("d.md", 4, "warning")]
    assert "[^a] is defined twice" in diagnostics[0].message


def test_html_ol_numbers_its_own_items() -> None:
    text = "<p>One.<sup>1</sup> Two.<sup>2</sup></p>\n<h2>Notes</h2>\n<ol>\n<li>A.</li>\n<li value='3'>B.</li>\n</ol>"
    essay, _ = load_essay(text, path="x.html")
    assert [n.n for n in essay.notes] == [1, 2]  # <ol> numbers items itself


def test_crlf_text_gets_an_offset_map_back_to_the_source() -> None:
    source = "Title\r\n\r\nIt was signed in 1999.1 Then more.\r\n\r\nNotes\r\n\r\n1. Source.\r\n"
    essay, _ = load_essay(source, path="crlf.txt")
    assert "\r" not in essay.text
    assert len(essay.offset_map) == len(essay.text)
    (marker,) = essay.markers
    assert source[essay.offset_map[marker.start]] == "1"
    assert essay.notes[0].claim is not None
    assert essay.notes[0].claim.text == "It was signed in 1999."


def test_plain_text_has_no_offset_map() -> None:
    essay, _ = load_essay("Some text. More text.", path="p.txt")
    assert essay.offset_map == () and essay.id == "p" and essay.path == "p.txt"


def test_html_offset_map_points_into_the_source() -> None:
    source = "<html><body><p>Caf&eacute; talks began in 2001.<sup>1</sup></p><ol class='footnotes'><li id='fn1'>Dawn, 2001.</li></ol></body></html>"
    essay, _ = load_essay(source, path="c.html")
    assert essay.text.startswith("Café talks")
    for i, ch in enumerate(essay.text):
        o = essay.offset_map[i]
        assert 0 <= o < len(source)
        if ch.isalnum() and ch != "é" and essay.text[:i].count("\n\n") == 0:
            assert source[o] == ch
    assert [n.text for n in essay.notes] == ["Dawn, 2001."]
    assert essay.notes[0].claim is not None and essay.notes[0].claim.text == "Café talks began in 2001."


@pytest.mark.parametrize(("text", "authors"), [
    ("A Title\n\nBy John Smith and Ana de Souza\n\nBody text that goes on. And on.", [("Smith", "John"), ("de Souza", "Ana")]),
    ("A Title\n\nBy\n\nBody text that goes on for a long while here, with many words in it. More.", []),
    ("A Title\n\nHistorical Background\n\nBody. More body.", []),
    ("A Title\n\nBody text. More.\n\nThe author is a student at NUML.", []),
    ("A Title\n\nBody text. More.\n\n*Sara Ali Khan is a researcher at IPRI.", [("Khan", "Sara Ali")]),
    ("A Title\n\nBody text. More.\n\nVladimir Putin is the president of Russia.", []),
])
def test_authors_only_from_what_the_text_shows(text: str, authors: list[tuple[str, str]]) -> None:
    essay, _ = load_essay(text, path="a.txt")
    assert [(a.family, a.given) for a in essay.authors] == authors


def test_title_genre_label_dropped_and_date_line_read() -> None:
    essay, _ = load_essay("Détente In New Epoch – OpEd\n\nMarch 3, 2022\n\nBody. More.", path="t.txt")
    assert essay.title == "Détente In New Epoch"
    assert essay.date == "2022-03-03"
    assert essay.venue == ""
