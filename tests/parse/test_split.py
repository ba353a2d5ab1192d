"""A note → its citations (relbib.parse.split): cuts, signals, comments, spans."""

from __future__ import annotations

import pytest

from relbib.model import FullRef, IdRef, SupraRef
from relbib.parse.split import read_note


def test_two_works_in_one_note_keep_their_own_fields() -> None:
    note = read_note(1, "See A. Smith, Empire (London, 1980), 12; B. Jones, ‘Trade’, "
                        "Journal of Modern History 4 (1990), 1–20.")
    assert note.kind == "citation"
    first, second = note.citations
    assert first.signal == "See"
    assert isinstance(first.reference, FullRef) and isinstance(second.reference, FullRef)
    assert first.reference.fields["title"] == "Empire" and first.reference.pinpoint == "12"
    assert "pages" not in first.reference.fields
    assert second.reference.fields["pages"] == "1--20"
    assert second.reference.fields["author"][0].family == "Jones"


@pytest.mark.parametrize("text", [
    "See infra notes 45–54 and accompanying text.",
    "This point is disputed by several historians.",
    "See below, note 24.",
    "I am grateful to the archivists for their help.",
])
def test_a_note_citing_nothing_is_a_comment(text: str) -> None:
    note = read_note(3, text)
    assert note.kind == "comment" and note.citations == ()


def test_a_short_form_opening_a_longer_note_is_a_short_form() -> None:
    note = read_note(5, "Smith, Empire, p. 464. Emphasis in the original.")
    (only,) = note.citations
    assert isinstance(only.reference, FullRef)
    assert dict(only.reference.fields).keys() == {"author", "title"}
    assert only.reference.pinpoint == "464"


@pytest.mark.parametrize(("text", "signal"), [
    ("On the reception of Kant, see Mary Gregor, The Law of Reason (Oxford, 1985), 33.",
     "On the reception of Kant, see"),
    ("For an overview, see Mary Gregor, The Law of Reason (Oxford, 1985), 33.", "For an overview, see"),
    ("See, e.g., Mary Gregor, The Law of Reason (Oxford, 1985), 33.", "See, e.g."),
    ("But cf. Mary Gregor, The Law of Reason (Oxford, 1985), 33.", "But cf."),
])
def test_signals_and_lead_ins_are_not_names(text: str, signal: str) -> None:
    (only,) = read_note(1, text).citations
    assert only.signal == signal
    assert isinstance(only.reference, FullRef)
    assert only.reference.fields["author"][0].family == "Gregor"
    assert only.reference.fields["author"][0].given == "Mary"


@pytest.mark.parametrize(("text", "signal", "family"), [
    ("Si veda G. Ardenti, La tutela del credito, Torino, 2010, 45 ss.", "Si veda", "Ardenti"),
    ("Si vedano anche G. Ardenti, La tutela del credito, Torino, 2010, 45.", "Si vedano anche",
     "Ardenti"),
    ("Vedi anche F. Morlacchi, Il negozio fiduciario, Milano, 2002, 33.", "Vedi anche",
     "Morlacchi"),
    ("Vgl. auch Anna Vellmer, Die Stadt am Fluss, Berlin 2001, S. 5.", "Vgl. auch", "Vellmer"),
    ("Siehe dazu Anna Vellmer, Die Stadt am Fluss, Berlin 2001, S. 5.", "Siehe dazu", "Vellmer"),
    ("Véase también J. Pradera, Historia del puerto, Madrid, 1990, p. 4.", "Véase también",
     "Pradera"),
    ("Voir également J. Morvan, Histoire du port, Paris, 1990, p. 4.", "Voir également",
     "Morvan"),
])
def test_continental_signals_are_not_names(text: str, signal: str, family: str) -> None:
    """Italian, German, Spanish and French "see" (with "also") before a full citation."""
    (only,) = read_note(1, text).citations
    assert only.signal == signal
    assert isinstance(only.reference, FullRef)
    assert only.reference.fields["author"][0].family == family


@pytest.mark.parametrize("text", [
    "R. Ardenti, Il contratto, Torino, 1975, 12; e P. Morlacchi, Manuale, Napoli, 1994, 8.",
    "R. Ardenti, Le contrat, Paris, 1975, 12 ; et P. Morlacchi, Manuel, Lyon, 1994, 8.",
    "R. Ardenti, Der Vertrag, Berlin 1975, S. 12; und P. Morlacchi, Handbuch, Wien 1994, S. 8.",
])
def test_and_in_the_notes_language_opens_the_next_citation(text: str) -> None:
    """"e", "et", "und" after a semicolon join two citations; they are not a given name."""
    first, second = read_note(1, text).citations
    assert isinstance(second.reference, FullRef)
    assert second.reference.fields["author"][0].family == "Morlacchi"
    assert second.reference.fields["author"][0].given == "P."


def test_an_initial_without_a_full_stop_is_still_a_name() -> None:
    """OSCOLA prints initials without full stops: "E Varga" is a name, not "and"."""
    first, second = read_note(1, "Ann Roe, Title One (OUP 2001) 4; E Varga, Title Two (Hart 2003) 9."
                              ).citations
    assert isinstance(second.reference, FullRef)
    assert second.reference.fields["author"][0].family == "Varga"


def test_quoted_in_source_is_its_own_citation() -> None:
    note = read_note(2, "Letter of A. Braun, 3 May 1912, quoted in Peter Weiss, "
                        "Die Familie Braun (Berlin, 1990), 45.")
    assert [c.signal for c in note.citations] == ["", "quoted in"]
    assert note.citations[1].reference.fields["title"] == "Die Familie Braun"  # type: ignore[union-attr]


def test_compare_with_and_id_cut_into_citations() -> None:
    note = read_note(9, "Compare Smith, supra note 3, at 7, with Jones, supra note 4, at 9.")
    assert [type(c.reference) for c in note.citations] == [SupraRef, SupraRef]
    assert [c.signal for c in note.citations] == ["Compare", "with"]
    note = read_note(10, "Id. at 12. But see Plessy v. Ferguson, 163 U.S. 537 (1896).")
    assert isinstance(note.citations[0].reference, IdRef)
    assert note.citations[1].signal == "But see"


def test_spans_point_into_the_note() -> None:
    text = "See A. Smith, Empire (London, 1980), 12; cf. B. Jones, Trade (Paris, 1990), 4."
    for c in read_note(1, text).citations:
        assert text[c.start:c.end].strip() == c.text


def test_here_pinpoint_inside_a_page_range() -> None:
    (only,) = read_note(1, "Jane Doe, “Wine and Empire,” Journal of Modern History 45, no. 3 "
                           "(1999): 601–13, here pp. 607–8.").citations
    assert isinstance(only.reference, FullRef)
    assert only.reference.fields["pages"] == "601--613" and only.reference.pinpoint == "607--608"


def test_a_reprint_gives_its_year_and_the_original_year() -> None:
    (only,) = read_note(1, "Heinrich Falk, Die Hanse (Berlin: Duncker, 1867; repr., "
                           "London: Meiner, 1990), 200.").citations
    assert isinstance(only.reference, FullRef)
    assert only.reference.fields["year"] == "1990" and only.reference.fields["origdate"] == "1867"


def test_a_cited_source_with_an_explanatory_parenthetical() -> None:
    note = read_note(1, "Brown v. Board of Education, 347 U.S. 483, 495 (1954) (holding that "
                        "separate is unequal); see also Plessy v. Ferguson, 163 U.S. 537 (1896).")
    first, second = note.citations
    assert first.text.endswith("(1954)") and first.reference.pinpoint == "495"  # type: ignore[union-attr]
    assert second.signal == "see also"


def test_a_bracket_left_open_does_not_swallow_the_next_citations() -> None:
    note = read_note(1, "Jane Rowan, Open Courts, 12 Yale L.J. 4 (2001) (manuscript at 4; "
                        "Karl Amsel, Harbor Rules, 8 Geo. L.J. 20 (1999).")
    assert len(note.citations) == 2
    second = note.citations[1].reference
    assert isinstance(second, FullRef) and second.type == "article"
    assert second.fields["journal"] == "Geo. L.J." and second.fields["author"][0].family == "Amsel"


@pytest.mark.parametrize(("text", "signal"), [
    ("For example, the charter gives the council a duty, *see* Piet Laaksonen, *Roads*, "
     "44 Vand. L. Rev. 210 (1991).", "For example the charter gives the council a duty, see"),
    ("In this sense, the council kept its own rules, *see also* Jane Rowan, *Open Courts*, "
     "12 Yale L.J. 4 (2001).", "In this sense, the council kept its own rules, see also"),
])
def test_prose_before_a_citation_is_its_lead_in(text: str, signal: str) -> None:
    (only,) = read_note(1, text).citations
    assert only.signal == signal
    assert isinstance(only.reference, FullRef) and only.reference.type == "article"


def test_small_capitals_abbreviations_are_no_sentence_end() -> None:
    from relbib.parse.split import split_note

    text = "Nora Kell, Why the towns that voted are fighting back, BUS. INSIDER (May 2, 2019), https://x.org/a."
    assert split_note(text) == ((0, len(text)),)


@pytest.mark.parametrize(("text", "want"), [
    ("98 CAL. L. REV. 45", "98 Cal. L. Rev. 45"),
    ("71 WASH. & LEE L. REV. 230", "71 Wash. & Lee L. Rev. 230"),
    ("BUS. INSIDER (May 2, 2019)", "Bus. Insider (May 2, 2019)"),
    ("42 U.S.C. § 1983", "42 U.S.C. § 1983"),
    ("a NATO report", "a NATO report"),
    ("Roe, Title, POLITICO (May 2, 2019), https://x.org", "Roe, Title, Politico (May 2, 2019), https://x.org"),
    ("Roe, Title, NPR (May 2, 2019)", "Roe, Title, NPR (May 2, 2019)"),
    ("Linked Art JSON-LD API Specification", "Linked Art JSON-LD API Specification"),
])
def test_small_capitals_come_out_in_title_case(text: str, want: str) -> None:
    from relbib.parse.small_caps import title_case_small_caps

    assert title_case_small_caps(text) == want


def test_italic_signals_across_a_semicolon_still_cut_but_an_italic_title_does_not() -> None:
    note = read_note(1, "*Id.; see also* Kay Lomas, *Harbor Rules; Old Tolls*, 12 Yale L.J. 4 (2001).")
    first, second = note.citations
    assert isinstance(first.reference, IdRef)
    assert second.signal == "see also"
    assert isinstance(second.reference, FullRef)
    assert second.reference.fields["title"] == "Harbor Rules; Old Tolls"


@pytest.mark.parametrize("where", [
    "paper presented at the Annual Meeting of the Hanseatic Society, Lübeck, May 3, 2014",
    "lecture given at the University of Oslo, Oslo, March 12, 2001",
])
def test_a_paper_given_keeps_where_and_when_it_was_given(where: str) -> None:
    """The parenthesis of an unpublished paper is its venue and date, not an aside."""
    (only,) = read_note(4, f'Jane Roe, "Harbours and Trade in the Baltic" ({where}).').citations
    assert isinstance(only.reference, FullRef)
    assert only.reference.fields["year"] in where
