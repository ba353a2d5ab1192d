"""Continental national law as English-language law reviews describe it
(relbib.parse.legal_national_en): acts by kind, number and date, a code's
article, decisions by court and number.  Made-up numbers and dates."""

from __future__ import annotations

import pytest

from relbib.model import FullRef
from relbib.parse.split import read_note


def _only(text: str) -> FullRef:
    (citation,) = read_note(1, text).citations
    assert isinstance(citation.reference, FullRef)
    return citation.reference


@pytest.mark.parametrize(("text", "title", "number", "year", "pin"), [
    ("Legislative Decree No. 118 of 12 May 2004 (Fisheries Code), art. 15.",
     "Legislative Decree No. 118 of 12 May 2004", "118", "2004", "art. 15"),
    ("Law No. 314 of 3 March 2011.", "Law No. 314 of 3 March 2011", "314", "2011", None),
    ("Italian Law no. 72 of 19 February 2006, Article 4.", "Italian Law no. 72 of 19 February 2006",
     "72", "2006", "Article 4"),
    ("Law No. 72/2006.", "Law No. 72/2006", "72", "2006", None),
    ("Art. 9 of Legislative Decree No. 118 of 12 May 2004.",
     "Legislative Decree No. 118 of 12 May 2004", "118", "2004", "Art. 9"),
])
def test_an_act_by_its_kind_number_and_date(text: str, title: str, number: str, year: str,
                                            pin: str | None) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["number"], ref.fields["year"]) == (
        "legislation", title, number, year)
    assert ref.pinpoint == pin


def test_an_acts_name_in_brackets_is_its_short_title() -> None:
    ref = _only("Legislative Decree No. 118 of 12 May 2004 (Fisheries Code).")
    assert ref.fields["shorttitle"] == "Fisheries Code"
    assert ref.fields["date"] == "2004-05-12"


@pytest.mark.parametrize(("text", "title", "pin"), [
    ("Art. 1227 of the Italian Civil Code.", "Italian Civil Code", "Art. 1227"),
    ("Article 41 of the Italian Constitution.", "Italian Constitution", "Article 41"),
    ("Art. 612-bis of the Italian Criminal Code.", "Italian Criminal Code", "Art. 612-bis"),
])
def test_an_article_of_a_named_code(text: str, title: str, pin: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.pinpoint) == ("legislation", title, pin)


@pytest.mark.parametrize(("text", "court", "number", "year"), [
    ("Corte costituzionale, judgment no. 118 of 2016.", "Corte costituzionale", "118", "2016"),
    ("Italian Constitutional Court, Judgment No. 88/2014.", "Italian Constitutional Court", "88",
     "2014"),
    ("Court of Cassation, Joint Sections, 14 October 2009, No. 21755.",
     "Court of Cassation, Joint Sections", "21755", "2009"),
    ("Cass., Sez. Un., 14 October 2009, No. 21755.", "Cass., Sez. Un.", "21755", "2009"),
    ("Council of State, decision of 2 April 2012, No. 1904.", "Council of State", "1904", "2012"),
])
def test_a_decision_by_its_court_and_number(text: str, court: str, number: str, year: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["institution"], ref.fields["number"], ref.fields["year"]) == (
        "jurisdiction", court, number, year)


def test_a_decisions_paragraph_is_the_place_cited() -> None:
    ref = _only("Italian Constitutional Court, Judgment No. 88/2014, para. 5.2.")
    assert ref.fields["title"] == "Italian Constitutional Court, Judgment No. 88/2014"
    assert ref.pinpoint == "para. 5.2"


@pytest.mark.parametrize("text", [
    "Law No. 314.",  # no year: not read as this shape
    "See the Court of Cassation's case law on this point.",
    "Art. 9 of the contract between the parties.",
])
def test_what_is_not_one_of_these_shapes_is_left_alone(text: str) -> None:
    note = read_note(1, text)
    assert not any(isinstance(c.reference, FullRef) and c.reference.type == "legislation"
                   and "number" in c.reference.fields and "year" in c.reference.fields
                   for c in note.citations)


@pytest.mark.parametrize("title", [
    "The Meaning of “Natural Person” in Private Law",  # a quotation inside the title
    "The Court’s Role in Private Law",  # an apostrophe inside it
])
def test_an_oscola_article_whose_title_quotes(title: str) -> None:
    ref = _only(f"G. Ardenti, ‘{title}’ (2006) 2 Italian Law Journal 123, 130.")
    assert (ref.type, ref.fields["title"], ref.fields["journal"], ref.fields["volume"],
            ref.fields["pages"], ref.pinpoint) == (
        "article", title, "Italian Law Journal", "2", "123", "130")


@pytest.mark.parametrize("text", [
    "A. Ardenti and R. Morlacchi, Sistemi giuridici comparati (3rd edn, UTET 2008) 45.",
    "A. Ardenti, Comparative Legal Systems (3rd edn, Tressan 2008) 45.",
])
def test_an_oscola_book_with_its_edition_names_a_publisher(text: str) -> None:
    """OSCOLA's "(3rd edn, Publisher Year)": a book (not an article cut at the bracket's
    comma), its edition, and a publisher (not a place)."""
    ref = _only(text)
    assert (ref.type, ref.fields["edition"], ref.fields["year"], ref.pinpoint) == (
        "book", "3rd", "2008", "45")
    assert "publisher" in ref.fields and "address" not in ref.fields
    assert "(" not in str(ref.fields["title"])


def test_a_quoted_word_opening_a_book_title_stays_in_it() -> None:
    """"‘Aryanisation’ in Hamburg": no comma after the quotation and no editor, so "in" is
    a word of the title, not a chapter's "in" (OSCOLA's "‘Title’ in Ann Roe (ed), Book" is)."""
    ref = _only("Frank Bodmer, ‘Aryanisation’ in Hamburg (New York, 2002), 12.")
    assert (ref.type, ref.fields["title"], ref.pinpoint) == ("book", "‘Aryanisation’ in Hamburg", "12")
    chapter = _only("Frank Bodmer, ‘Aryanisation’ in Tom Hale (ed), Port Cities (Hart 2002) 12.")
    assert (chapter.type, chapter.fields["title"], chapter.fields["booktitle"]) == (
        "incollection", "Aryanisation", "Port Cities")
