"""Notes marked by a symbol (the author's ``*`` note of a journal article, or a
document marked ``* † ‡``) in every format: each is read with its symbol,
matched to its marker, and shifts no numbered note.  Names, titles and
numbers here are made up, in the shapes of real documents."""

from __future__ import annotations

import pytest

from relbib.ingest.essay import load_essay

Read = dict[str, tuple[str, str, str]]  # label or number → (note text, marker label, claim)


def _read(text: str, path: str) -> tuple[Read, list[str]]:
    essay, diagnostics = load_essay(text, path=path)
    out: Read = {}
    for note in essay.notes:
        key = note.label or str(note.n)
        marker = "" if note.marker is None else (note.marker.label or str(note.marker.n))
        claim = "" if note.claim is None else " ".join(note.claim.text.split())
        out[key] = (note.text.replace("*", ""), marker, claim)  # the notes' italics: test_note_italics
    return out, [d.message for d in diagnostics]


WANT: Read = {
    "*": ("Professor of History, Lowmoor University.", "*", "Jane Roe"),
    "1": ("A. Smith, Boats (London, 1980), 12.", "1", "The fleet left the harbour in 1852."),
    "2": ("Ibid., 14.", "2", "The catch fell by half within a decade."),
    "†": ("B. Jones, Steam at Sea (Leeds, 1990), 33.", "†", "The harbour master blamed the steamers."),
}

TEXT = (
    "The Quiet Harbour\n\nJane Roe*\n\n"
    "The fleet left the harbour in 1852.1 The catch fell by half within a decade.2 "
    "The harbour master blamed the steamers.† Few agreed.\n\n"
    "Notes\n\n"
    "* Professor of History, Lowmoor University.\n"
    "1. A. Smith, Boats (London, 1980), 12.\n"
    "2. Ibid., 14.\n"
    "† B. Jones, Steam at Sea (Leeds, 1990), 33.\n"
)
MARKDOWN_FOOTNOTES = (
    "# The Quiet Harbour\n\nJane Roe[^*]\n\n"
    "The fleet left the harbour in 1852.[^1] The catch fell by half within a *decade*.[^2] "
    "The harbour master blamed the steamers.[^†] Few agreed.\n\n"
    "[^*]: Professor of History, Lowmoor University.\n"
    "[^1]: A. Smith, *Boats* (London, 1980), 12.\n"
    "[^2]: Ibid., 14.\n"
    "[^†]: B. Jones, *Steam at Sea* (Leeds, 1990), 33.\n"
)
MARKDOWN_SUP = (
    "# The Quiet Harbour\n\n## Jane Roe<sup>*</sup>\n\n"
    "The fleet left the harbour in 1852.<sup>1</sup> The catch fell by half within a decade.<sup>2</sup> "
    "The harbour master blamed the *steamers*.<sup>†</sup> Few agreed.\n\n***\n\n"
    "<sup>*</sup> Professor of History, Lowmoor University.\n\n"
    "<sup>1</sup> A. Smith, *Boats* (London, 1980), 12.\n\n"
    "<sup>2</sup> Ibid., 14.\n\n"
    "<sup>†</sup> B. Jones, *Steam at Sea* (Leeds, 1990), 33.\n"
)
HTML = (
    "<html><body><h1>The Quiet Harbour</h1><p class=\"author\">Jane Roe<sup>*</sup></p>"
    "<p>The fleet left the harbour in 1852.<sup>1</sup> The catch fell by half within a decade.<sup>2</sup> "
    "The harbour master blamed the steamers.<sup>&#8224;</sup> Few agreed.</p>"
    "<p><sup>*</sup> Professor of History, Lowmoor University.</p>"
    "<p><sup>&#8224;</sup> B. Jones, <i>Steam at Sea</i> (Leeds, 1990), 33.</p>"
    "<section class=\"footnotes\"><ol><li id=\"fn1\">A. Smith, <i>Boats</i> (London, 1980), 12.</li>"
    "<li id=\"fn2\">Ibid., 14.</li></ol></section></body></html>"
)
# pdftotext's shape: the author's note at the foot of page 1, above note 1
PDF_TEXT = (
    "The Quiet Harbour\n\nJane Roe*\n\n"
    "The fleet left the harbour in 1852.1 The catch fell by half within a decade.2\n"
    "Few agreed with the harbour master.\n\n"
    "* Professor of History, Lowmoor University.\n"
    "1 A. Smith, Boats (London, 1980), 12.\n"
    "2 Ibid., 14.\n"
    "\f"
    "The harbour master blamed the steamers.† Few agreed.\n\n"
    "† B. Jones, Steam at Sea (Leeds, 1990), 33.\n"
    "\f"
)


@pytest.mark.parametrize(("text", "path"), [
    (TEXT, "harbour.txt"), (MARKDOWN_FOOTNOTES, "harbour.md"), (MARKDOWN_SUP, "harbour.md"),
    (HTML, "harbour.html"), (PDF_TEXT, "harbour.txt"),
])
def test_symbol_notes_are_read_with_their_symbol_and_marker(text: str, path: str) -> None:
    notes, messages = _read(text, path)
    want = dict(WANT)
    if text is PDF_TEXT:  # the claims of a page's text
        want["2"] = (WANT["2"][0], "2", "The catch fell by half within a decade.")
    assert notes == want
    assert messages == []


def test_symbol_notes_shift_no_numbered_note() -> None:
    essay, _ = load_essay(MARKDOWN_FOOTNOTES, path="harbour.md")
    numbered = [(n.n, n.text) for n in essay.notes if not n.label]
    assert numbered == [(1, "A. Smith, *Boats* (London, 1980), 12."), (2, "Ibid., 14.")]
    assert {n.label for n in essay.notes if n.n > 2} == {"*", "†"}


def test_symbols_restarting_on_each_page_match_in_order() -> None:
    text = (
        "The mill closed in 1901.* The town shrank.†\n\n"
        "* C. Hale, Mills (York, 1950), 3.\n"
        "† C. Hale, Mills, 9.\n"
        "\f"
        "The chapel was sold.* Its bell went to Leeds.†\n\n"
        "* Parish Register, 1903.\n"
        "† D. Pole, Bells (Leeds, 1960), 41.\n"
        "\f"
    )
    essay, diagnostics = load_essay(text, path="mills.txt")
    pairs = [(n.label, n.text, essay.text[n.marker.start - 6:n.marker.start] if n.marker else "")
             for n in essay.notes]
    assert pairs == [
        ("*", "C. Hale, Mills (York, 1950), 3.", " 1901."),
        ("†", "C. Hale, Mills, 9.", "hrank."),
        ("*", "Parish Register, 1903.", " sold."),
        ("†", "D. Pole, Bells (Leeds, 1960), 41.", "Leeds."),
    ]
    assert [d.message for d in diagnostics] == []


def test_an_emphasis_star_is_no_marker() -> None:
    text = (
        "The *old* harbour silted up.1 The new one opened.* It failed.\n\n"
        "Notes\n\n"
        "* A. Smith, Harbours (Hull, 1970), 8.\n"
        "1. B. Jones, Silt (Hull, 1980), 2.\n"
    )
    essay, _ = load_essay(text, path="silt.txt")
    star = next(n for n in essay.notes if n.label == "*")
    assert star.marker is not None and essay.text[star.marker.start - 7:star.marker.end] == "opened.*"


def test_a_symbol_note_with_no_marker_is_kept_with_a_warning() -> None:
    text = "The fleet left in 1852.1\n\nNotes\n\n1. A. Smith, Boats (London, 1980), 12.\n† Never marked.\n"
    essay, diagnostics = load_essay(text, path="lost.txt")
    assert [(n.label, n.text, n.marker) for n in essay.notes if n.label] == [("†", "Never marked.", None)]
    assert any("note † has no marker" in d.message and d.line == 6 for d in diagnostics)
