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
