"""Sentence and paragraph splitting."""

from __future__ import annotations

import pytest

from relbib.ingest.sentences import split_paragraphs, split_sentences


def sentences(text: str, markers: tuple[tuple[int, int], ...] = ()) -> list[str]:
    return [s.text for s in split_sentences(text, split_paragraphs(text), markers)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Khan met Dr. Putin. They talked.", ["Mr. Khan met Dr. Putin.", "They talked."]),
    ("A. B. Smith wrote it. It sold.", ["A. B. Smith wrote it.", "It sold."]),
    ("The U.S. Congress met. The U.S. The end.", ["The U.S. Congress met.", "The U.S.", "The end."]),
    ("See pp. 43-65 and Vol. 4, No. 2 there. Next.", ["See pp. 43-65 and Vol. 4, No. 2 there.", "Next."]),
    ("It grew 2.5 times. Then fell.", ["It grew 2.5 times.", "Then fell."]),
    ("He said ‘Stop. Now.’ Then left.", ["He said ‘Stop. Now.’", "Then left."]),
    ("Wait... Then go. Really?! Yes.", ["Wait...", "Then go.", "Really?!", "Yes."]),
    ("Talks in St Petersburg went well. Fine.", ["Talks in St Petersburg went well.", "Fine."]),
    ("lower. case start stays.", ["lower. case start stays."]),
])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_marker_after_period_belongs_to_neither_sentence() -> None:
    text = "A win for all parties.2 As a result, ties grew."
    at = text.index("2")
    got = split_sentences(text, split_paragraphs(text), [(at, at + 1)])
    assert [s.text for s in got] == ["A win for all parties.", "As a result, ties grew."]
    assert got[0].end == at and got[1].start == at + 2


def test_marker_inside_sentence_is_removed_from_its_text_not_its_span() -> None:
    text = "South Asia and Pakistan,1 Russia pursued it."
    at = text.index("1")
    (s,) = split_sentences(text, split_paragraphs(text), [(at, at + 1)])
    assert s.text == "South Asia and Pakistan, Russia pursued it."
    assert (s.start, s.end) == (0, len(text))


def test_bullets_and_headings_are_their_own_sentences() -> None:
    text = "Challenges\n- Distrust: old wounds. Still open.\n- Trade: small.\nConclusion"
    got = split_sentences(text, split_paragraphs(text))
    assert [s.text for s in got] == ["Challenges", "Distrust: old wounds.", "Still open.",
                                     "Trade: small.", "Conclusion"]
    assert [s.line for s in got] == [1, 2, 2, 3, 4]
    assert [s.paragraph for s in got] == [0, 1, 1, 2, 3]


def test_hard_wrapped_block_is_one_paragraph() -> None:
    text = ("Relations between the two states improved in the\n"
            "nineties, when both sides sent envoys to each other.\n\n"
            "A new paragraph.")
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) == 2
    assert sentences(text)[0].startswith("Relations between") and len(sentences(text)) == 2
