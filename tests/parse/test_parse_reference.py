"""parse_reference: the contract around the fields (types, confidence, pinpoints)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relbib.model import FullRef, UnparsedRef
from relbib.parse import tagger
from relbib.parse.fields import repair_segments
from relbib.parse.reference import clean_text, join_linebreak_hyphens, parse_reference

NOTE = "Jane Doe, ‘Rivers of the Punjab’, Modern Asian Studies 51(3), 2017, pp. 700-30."


def test_confidence_covers_every_field_and_is_a_probability() -> None:
    ref = parse_reference(NOTE, note=True)
    assert isinstance(ref, FullRef)
    assert set(ref.confidence) == set(ref.fields)
    assert all(0.0 <= c <= 1.0 for c in ref.confidence.values())


def test_page_range_in_a_note_is_pages_not_pinpoint() -> None:
    ref = parse_reference(NOTE, note=True)
    assert isinstance(ref, FullRef)
    assert ref.fields["pages"] == "700--730" and ref.pinpoint is None


def test_unparsed_has_a_reason() -> None:
    ref = parse_reference("—, —.")
    assert isinstance(ref, UnparsedRef) and ref.reason


def test_clean_text_repairs_pdf_spacing() -> None:
    assert clean_text("Karachi,Oxford\u00a0University  Press") == "Karachi, Oxford University Press"


@pytest.mark.parametrize(
    ("printed", "cleaned"),
    [
        ("Basic Books,2010", "Basic Books, 2010"),  # a letter before the comma
        ("(New York: Basic Books, 2010),155.", "(New York: Basic Books, 2010), 155."),
        ("a print run of 1,100 copies", "a print run of 1,100 copies"),  # a number keeps it
        ("vol. 3,4", "vol. 3,4"),
    ],
)
def test_clean_text_adds_a_space_after_a_comma_only_after_a_word(printed: str, cleaned: str) -> None:
    assert clean_text(printed) == cleaned


def test_real_compounds_keep_their_hyphen() -> None:
    text = "Pakistan-Russia Relations and long-term Geo-Strategic Rivals"
    assert join_linebreak_hyphens(text) == text


def test_linebreak_hyphen_is_joined() -> None:
    assert join_linebreak_hyphens("Political Dimen-sions") == "Political Dimensions"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_never_raises_and_keeps_the_text(text: str) -> None:
    ref = parse_reference(text, note=True)
    assert ref.text == text


def test_compressed_range_expanded_unless_asked_to_keep_it() -> None:
    text = "Smith, J. (2001). A title of an article. Journal of Things, 12(3), 153-62."
    expanded = parse_reference(text)
    printed = parse_reference(text, expand_ranges=False)
    assert isinstance(expanded, FullRef) and isinstance(printed, FullRef)
    assert expanded.fields["pages"] == "153--162"
    assert printed.fields["pages"] == "153--62"


def test_style_classifier_tells_italian_footnotes_from_reference_lists() -> None:
    footnote = (
        "G. Rossi, Storia della laguna di Venezia, a cura di P. Bianchi, Venezia 1931, pp. 12-15."
    )
    apa = "Smith, J. A. (2019). Learning to read. Journal of Child Language, 4(1), 1–10."
    assert tagger.style_of(footnote.split()) == tagger.FOOTNOTE_STYLE
    assert tagger.style_of(apa.split()) == ""


def test_style_copies_every_feature_for_footnotes_only() -> None:
    tokens = "Rossi G., Storia di Venezia, Venezia 1931.".split()
    plain = tagger.features(tokens, "")
    styled = tagger.features(tokens, tagger.FOOTNOTE_STYLE)
    for p, s in zip(plain, styled, strict=True):
        assert all(s[f"{tagger.FOOTNOTE_STYLE}:{k}"] == v for k, v in p.items())
        assert len(s) == 2 * len(p)


def test_name_particle_and_closing_bracket_go_back_to_their_segment() -> None:
    name_cut = [
        ("author", "SOUZA, Maria Clara Pereira"),
        ("title", "Lima da. Teoria geral. Recife"),
    ]
    assert repair_segments(name_cut) == [
        ("author", "SOUZA, Maria Clara Pereira Lima da."),
        ("title", "Teoria geral. Recife"),
    ]
    bracket_cut = [("date", "(2006,"), ("title", "Aout). L’éducation thérapeutique.")]
    assert repair_segments(bracket_cut) == [
        ("date", "(2006, Aout)."),
        ("title", "L’éducation thérapeutique."),
    ]
    plain = [("author", "Smith, J."), ("title", "A study of things.")]
    assert repair_segments(plain) == plain
