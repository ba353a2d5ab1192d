"""Resolution through every citation of earlier notes (resolve_cited)."""

from __future__ import annotations

from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _resolve(*texts: str):  # type: ignore[no-untyped-def]
    notes = [read_note(n, t) for n, t in enumerate(texts, start=1)]
    return resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in notes])


def test_short_title_finds_the_second_work_of_an_earlier_note() -> None:
    result = _resolve(
        "A. Smith, Empire (London, 1980), 12; B. Jones, ‘Trade’, Journal of Modern History 4 (1990), 1–20.",
        "Jones, ‘Trade’, 5.",
    )
    last = result.citations[-1]
    assert (last.refers_to, last.refers_index) == (1, 1)
    assert (last.source, last.source_index) == (1, 1)


def test_supra_picks_the_work_of_the_named_author() -> None:
    result = _resolve(
        "Cass Sunstein, Step Zero, 92 Va. L. Rev. 187, 190 (2006); Thomas Merrill, "
        "Chevron's Domain, 89 Geo. L.J. 833, 836 (2001).",
        "Merrill, supra note 1, at 840.",
    )
    last = result.citations[-1]
    assert (last.source, last.source_index) == (1, 1) and last.pinpoint == "840"


def test_supra_to_a_note_of_several_works_without_a_name_is_ambiguous() -> None:
    result = _resolve(
        "Cass Sunstein, Step Zero, 92 Va. L. Rev. 187, 190 (2006); Thomas Merrill, "
        "Chevron's Domain, 89 Geo. L.J. 833, 836 (2001).",
        "Supra note 1, at 840.",
    )
    assert result.citations[-1].source is None
    assert [d.kind for d in result.diagnostics] == ["ambiguous-reference"]


def test_ibid_after_a_note_of_several_works_is_ambiguous() -> None:
    result = _resolve(
        "A. Smith, Empire (London, 1980), 12; B. Jones, Trade (Paris, 1990), 4.",
        "Ibid., 7.",
    )
    assert result.citations[-1].source is None
    assert result.citations[-1].rule == "ibid-previous-several"


def test_id_inside_one_note_refers_to_the_citation_before_it() -> None:
    result = _resolve("Miller v. Alabama, 567 U.S. 460, 471 (2012); see id. at 475.")
    second = result.citations[1]
    assert (second.refers_to, second.refers_index, second.source) == (1, 0, 1)


def test_a_comment_makes_no_citation_and_ibid_skips_nothing() -> None:
    result = _resolve("A. Smith, Empire (London, 1980), 12.", "See infra notes 4–5 and accompanying text.", "Ibid.")
    assert [c.note for c in result.citations] == [1, 3]
    assert result.citations[-1].source == 1


def test_pinpoint_outside_the_pages_does_not_block_the_one_match() -> None:
    # issue 10: a Chicago range after the colon is often the pages cited, so a page
    # outside it is the check stage's pinpoint-out-of-range finding, not a refusal
    result = _resolve("B. Jones, ‘Trade’, Journal of Modern History 4 (1990), 1–20.", "Jones, ‘Trade’, 468.")
    assert result.citations[-1].source == 1
