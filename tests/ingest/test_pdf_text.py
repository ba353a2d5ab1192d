"""Text extracted from PDFs: footnotes at the foot of each page, double spacing."""

from __future__ import annotations

from relbib.ingest.essay import load_essay
from relbib.ingest.pdftext import reflow_pdf_text

# pdftotext's shape: a page's footnotes after a blank line at its foot, a
# form feed between pages, a sentence running on over the page break.
PAGED = (
    "The Treaty and its Critics\n\n"
    "The treaty was signed in Vienna in 1815.1 Its critics were many, and the\n"
    "loudest of them wrote within the year.2 They were not heard\n\n"
    "1 A. Smith, Empire (London, 1980), 12.\n"
    "2 B. Jones, 'Trade', Journal of Modern History 4 (1990), 1–20, at\n"
    "   3.\n"
    "\f"
    "until much later, when the archives opened.3 By then the treaty was history.\n\n"
    "3 Smith, Empire, 44.\n"
    "\f"
)


def test_footnotes_at_each_page_foot_are_found() -> None:
    essay, diagnostics = load_essay(PAGED, path="paged.txt")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "A. Smith, Empire (London, 1980), 12."),
        (2, "B. Jones, 'Trade', Journal of Modern History 4 (1990), 1–20, at 3."),
        (3, "Smith, Empire, 44."),
    ]
    assert [m.n for m in essay.markers] == [1, 2, 3]
    claims = {n.n: " ".join(n.claim.text.split()) for n in essay.notes if n.claim}
    assert claims[3] == "They were not heard until much later, when the archives opened."
    assert [d.message for d in diagnostics] == []


def test_page_footnotes_keep_their_source_lines() -> None:
    essay, _ = load_essay(PAGED, path="paged.txt")
    # note 3's line and marker 3's line are where they stand in the file
    assert essay.notes[2].line == 11
    assert essay.markers[2].line == 9  # the form feed opens line 9, it is no line break
    at = essay.offset_map[essay.notes[1].start]
    assert PAGED[at:at + 9] == "B. Jones,"


def test_footnotes_without_form_feeds_and_superscript_markers() -> None:
    text = (
        "The treaty was signed in Vienna.¹ Its critics wrote within the year.²\n\n"
        "¹ A. Smith, Empire (London, 1980), 12.\n"
        "² B. Jones, Trade (Oxford, 1990), 3.\n\n"
        "Page two goes on: the archives opened much later.³\n\n"
        "³ Smith, Empire, 44.\n"
    )
    essay, _ = load_essay(text, path="copied.txt")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "A. Smith, Empire (London, 1980), 12."), (2, "B. Jones, Trade (Oxford, 1990), 3."),
        (3, "Smith, Empire, 44.")]
    assert [m.n for m in essay.markers] == [1, 2, 3]


def test_a_numbered_list_in_the_body_is_not_a_page_foot() -> None:
    text = ("We ask three things:\n\n1. peace,\n2. bread,\n3. land.\n\n"
            "Those were the demands of the day.\n")
    assert reflow_pdf_text(text) is None


def test_an_essay_with_a_notes_section_is_left_alone() -> None:
    text = ("Claim one.1 Claim two.2\n\n1. Aside one.\n\nMore body.2\n\nNotes\n\n"
            "1. Note one.\n2. Note two.\n")
    essay, _ = load_essay(text, path="e.txt")
    assert [n.text for n in essay.notes] == ["Note one.", "Note two."]


DOUBLE = (
    "The treaty was signed in Vienna in 1815 after long months of talks between\n\n"
    "the powers, and its critics were many and loud from the first week.1 They\n\n"
    "wrote pamphlets, and they were not heard.\n\n"
    "A second paragraph opens here and runs on for more than one line of\n\n"
    "text, as a paragraph of a double-spaced manuscript does in print.2\n\n\n\n"
    "Notes\n\n"
    "1. A. Smith, Empire (London, 1980), 12.\n\n"
    "2. B. Jones, Trade (Oxford, 1990), 3.\n"
)


def test_double_spaced_text_gives_whole_sentences() -> None:
    essay, _ = load_essay(DOUBLE, path="double.txt")
    claims = {n.n: " ".join(n.claim.text.split()) for n in essay.notes if n.claim}
    assert claims == {
        1: "The treaty was signed in Vienna in 1815 after long months of talks between the powers, "
           "and its critics were many and loud from the first week.",
        2: "A second paragraph opens here and runs on for more than one line of text, as a "
           "paragraph of a double-spaced manuscript does in print.",
    }
    assert len(essay.paragraphs) == 2
    assert [n.text for n in essay.notes] == ["A. Smith, Empire (London, 1980), 12.",
                                             "B. Jones, Trade (Oxford, 1990), 3."]


def test_single_spaced_text_is_not_reflowed() -> None:
    assert reflow_pdf_text("One line.\nTwo line.\n\nThree.\n") is None


def test_one_paragraph_a_line_with_blank_lines_is_not_double_spacing() -> None:
    paragraphs = [
        "With the split of the union in 1991, a massive shift emerged in the nature of global politics, "
        "and new principles became the dominant factors in the relations between states.",
        "Short one.",
        "The two countries moved closer in the late 1950s, concluding several trade agreements that "
        "would provide a basis for cooperation in the security, industrial and energy sectors for decades",
        "A third paragraph, of middling length, closes the piece without a final stop",
    ] * 3
    assert reflow_pdf_text("\n\n".join(paragraphs) + "\n") is None


# --- notes run on over a page break, page-break lines, converters' layouts ---------

# A note cut by the page break goes on at the foot of the next page, above
# that page's own notes.
RUN_ON = "\n".join([
    "The Quiet Harbour", "",
    "The fleet left the harbour in 1852.1 The catch fell by half",
    "within a decade, and the harbour master blamed the steamers.2 Few agreed",
    "with him at the time.", "",
    "1 A. Smith, Boats (London, 1980), 12.",
    "2 B. Jones, Steam at Sea (Leeds, 1990), 33, where the argument is made at",
    "\fThe council minutes tell the same story.3 They were read aloud in 1860.", "",
    "some length, with a table of catches for each year of the decade.",
    "3 Council Minutes, 4 May 1859.", "\f",
])


def test_a_note_run_on_over_the_page_break_joins_its_note() -> None:
    essay, diagnostics = load_essay(RUN_ON, path="harbour.txt")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "A. Smith, Boats (London, 1980), 12."),
        (2, "B. Jones, Steam at Sea (Leeds, 1990), 33, where the argument is made at some length, "
            "with a table of catches for each year of the decade."),
        (3, "Council Minutes, 4 May 1859."),
    ]
    assert "some length" not in essay.text[:essay.body_end]
    assert [d.message for d in diagnostics] == []


def _page(k: int, body: list[str], notes: list[str]) -> str:
    """A page as a converter writes it: a running head, the text, the notes
    right under it (no blank line), a running foot, a page-break line."""
    return "\n".join([f"SMITH, THE QUIET HARBOUR {k}/9", *body, *notes,
                      "Electronic copy available at: https://example.org/paper=1234", "", "<<PAGE_BREAK>>", ""])


def _converted() -> tuple[str, dict[int, str]]:
    pages, notes, n = [], {}, 0
    for k in range(1, 7):
        body, feet = [], []
        for _ in range(4):
            n += 1
            body += [f"The boats of the northern coast were counted again in the year {1800 + n}.{n} Their",
                     "crews were smaller than before and the catch was landed further south"]
            notes[n] = (f"A. Writer, Coastal Boats and Their Crews in the Northern Fisheries (Hull, {1900 + n}), "
                        f"at {n}, with the tables of the census.")
            feet += [f"{n} A. Writer, Coastal Boats and Their Crews in the Northern Fisheries (Hull, {1900 + n}),",
                     f"at {n}, with the tables of the census."]
        if k == 3:  # note 12 runs on to the foot of page 4
            feet[-1] = "at 12, with the tables of the census, which the harbour board printed for its"
            notes[12] = notes[12].replace("census.", "census, which the harbour board printed for its "
                                          "members and for the town library in a small edition of forty copies.")
        if k == 4:
            feet = ["members and for the town library in a small edition of forty copies.", *feet]
        pages.append(_page(k, body, feet))
    return "".join(pages), notes


def test_page_break_lines_running_heads_and_a_note_run_on_with_no_blank_line() -> None:
    text, want = _converted()
    essay, diagnostics = load_essay(text, path="converted.txt")
    assert {n.n: n.text for n in essay.notes} == want
    assert all(n.marker is not None for n in essay.notes)
    body = essay.text[:essay.body_end]
    assert "PAGE_BREAK" not in body and "Electronic copy" not in body and "THE QUIET HARBOUR 2/9" not in body
    assert [d.message for d in diagnostics] == []


# Markdown a converter (docling) made of a PDF: each note a paragraph of its
# own at the foot of its page, between the paragraphs of the text; markers
# set apart from the word ("decades. 3") or split ("files.1 2" for 12) by
# OCR; the author's note a "*" list item; a note going on after the page break.
DOCLING = "\n\n".join([
    "## THE QUIET HARBOUR", "## JANE ROE*",
    "The fleet left the harbour in 1852. 1 The catch fell by half within a decade. 2",
    "*  Jane Roe. Professor of History, Lowmoor University.",
    "1 A. Smith, Boats (London, 1980), 12.",
    "2 B. Jones, Steam at Sea (Leeds, 1990), 33, where the argument is made at",
    "The harbour master blamed the steamers. 3 The council minutes agree.4",
    "some length, with a table of catches for each year of the decade.",
    "3 C. Hale, Masters (York, 1950), 3.", "4 Council Minutes, 4 May 1859.",
    "The boats were sold to the south.5 The owners kept few files.1 2",
    "5 D. Pole, Boats (Leeds, 1960), 41.", "6 E. Wren, Owners (Hull, 1970), 8.", "7 F. Gale, Sales (Hull, 1971), 9.",
    *(f"{n} Id. at {n + 2}." for n in range(8, 12)),
    "12 G. Moss, Files (Hull, 1972), 2.",
]) + "\n"


def test_notes_between_the_paragraphs_of_markdown_converted_from_a_pdf() -> None:
    essay, _ = load_essay(DOCLING, path="harbour.md")
    notes = {n.label or n.n: n.text for n in essay.notes}
    assert notes["*"] == "Jane Roe. Professor of History, Lowmoor University."
    assert notes[2] == ("B. Jones, Steam at Sea (Leeds, 1990), 33, where the argument is made at some length, "
                        "with a table of catches for each year of the decade.")
    assert sorted(k for k in notes if isinstance(k, int)) == list(range(1, 13))
    marked = {n.label or n.n for n in essay.notes if n.marker is not None}
    assert {"*", 1, 2, 3, 4, 5, 12} <= marked
    twelve = next(n for n in essay.notes if n.n == 12)
    assert twelve.claim is not None and twelve.claim.text == "The owners kept few files."


def test_numbered_rows_of_a_markdown_table_are_no_page_notes() -> None:
    # a guard for the reading above (passes on the old code too): rows of
    # figures between paragraphs are no notes at the feet of pages
    text = ("# Results\n\nThe mean fell.1 Then it rose.2\n\n1 .05\n\nThe spread narrowed.3\n\n2 .0242\n\n"
            "The tails were thin.\n\n3 .11\n")
    essay, _ = load_essay(text, path="results.md")
    assert essay.notes == ()
