"""A Markdown book whose footnote numbers restart (per page or chapter, as books
converted page by page print them): "[^1]" is defined as often as it is referred
to, and the k-th marker is read with the k-th definition.  Text made up."""

from __future__ import annotations

from relbib.ingest.essay import load_essay

BOOK = (
    "# One\n\nThe mill stood by the ford.[^1] It burned in a dry summer.[^2]\n\n"
    "# Two\n\nThe ford was bridged later.[^1]\n\n"
    "### Footnotes\n\n"
    "[^1]: Roe, *Mills of the Weald*, p. 4.\n\n"
    "[^2]: Roe, *Mills of the Weald*, p. 9.\n\n"
    "[^1]: Poe, *Bridges*, p. 12.\n"
)


def test_each_marker_is_read_with_the_definition_of_its_turn() -> None:
    essay, diagnostics = load_essay(BOOK, path="book.md")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "Roe, *Mills of the Weald*, p. 4."),
        (2, "Roe, *Mills of the Weald*, p. 9."),
        (3, "Poe, *Bridges*, p. 12."),
    ]
    assert [m.n for m in essay.markers] == [1, 2, 3]
    assert len(diagnostics) == 1 and "restart" in diagnostics[0].message


def test_definitions_that_do_not_pair_with_the_markers_keep_the_first() -> None:
    """One marker and two definitions: pandoc's reading (the first), with a warning."""
    text = "Claim.[^1]\n\n[^1]: One.\n\n[^1]: Two.\n"
    essay, diagnostics = load_essay(text, path="d.md")
    assert [(n.n, n.text) for n in essay.notes] == [(1, "One.")]
    assert "defined twice" in diagnostics[0].message


def test_a_definition_no_marker_reads_keeps_pandocs_choice() -> None:
    """"[^1]" defined but never referred to, "[^a]" twice and referred to twice:
    the numbers do not restart; the first "[^a]" is read (pandoc) and said so."""
    essay, diagnostics = load_essay("Text.[^a] More.[^a]\n\n[^1]: Unread.\n[^a]: First.\n[^a]: Second.\n",
                                    path="book.md")
    assert "First." in [n.text for n in essay.notes] and "Second." not in [n.text for n in essay.notes]
    assert any("defined twice" in d.message for d in diagnostics)


def test_inline_notes_keep_pandocs_choice() -> None:
    essay, diagnostics = load_essay("Text.[^a] More.[^a] Last.^[Roe, *Mills*, p. 2.]\n\n"
                                    "[^a]: First.\n[^a]: Second.\n", path="book.md")
    texts = [n.text for n in essay.notes]
    assert "First." in texts and "Roe, *Mills*, p. 2." in texts and "Second." not in texts
    assert any("defined twice" in d.message for d in diagnostics)
