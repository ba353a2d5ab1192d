"""Notes of a European-law monograph in the Hart/Springer manner (issue 10): works joined by a
bare "and" after a page, the Court's cases as "CJEU date, Case …, *ECR* year, p. page
(*Name*)", three authors by initials and surname before an italic title, and a note that
points only to a paragraph of the book.  Names, titles and numbers are made up."""

from __future__ import annotations

from note_refs import refs_of as _refs

from relbib.model import Name
from relbib.parse.split import read_note


def test_two_books_joined_by_and_after_a_page_are_two_citations() -> None:
    refs = _refs("P Ardent, *Der Schutz des Käufers in Europa* (Munich, Beck, 2004) 242–243 and A Morvan, "
                 "*Harmonisierung des Lauterkeitsrechts* (Baden-Baden, Nomos, 2001) 329–331.")
    assert [(r.fields["title"], r.fields["year"], r.pinpoint) for r in refs] == [
        ("Der Schutz des Käufers in Europa", "2004", "242--243"),
        ("Harmonisierung des Lauterkeitsrechts", "2001", "329--331")]


def test_an_article_then_a_book_joined_by_and() -> None:
    refs = _refs("See on this approach K Velde, 'Methods of comparative consumer law' (2009) *European review of "
                 "private law* 211 and L Baretti, *Vergleichende Methode* (Köln, Heymann, 1975) 75.")
    assert [r.fields["title"] for r in refs] == ["Methods of comparative consumer law", "Vergleichende Methode"]


def test_pages_joined_by_and_stay_one_citation() -> None:
    ref, = _refs("P Ardent, *Der Schutz des Käufers in Europa* (Munich, Beck, 2004) 5–6 and 111–112.")
    assert ref.pinpoint == "5--6 and 111--112"


def test_a_case_with_its_report_and_its_name_in_brackets() -> None:
    ref, = _refs("CJEU 12 March 1997, Case C-314/95, *ECR* 1997, p. I-3011 ( *Halvard Eier*).")
    assert (ref.type, ref.fields["title"], ref.fields["howpublished"], ref.fields["year"]) == (
        "jurisdiction", "Halvard Eier", "ECR 1997, p. I-3011", "1997")


def test_three_authors_by_initials_before_an_italic_title() -> None:
    ref, = _refs("K Marlowe, H Osei and T Lindqvist, *European trading rules; the Consumer Practices Directive* "
                 "(Aldershot, Ashgate, 2008) 20.")
    assert ref.fields["author"] == (Name(family="Marlowe", given="K"), Name(family="Osei", given="H"),
                                    Name(family="Lindqvist", given="T"))
    assert ref.fields["title"] == "European trading rules; the Consumer Practices Directive"


def test_a_note_pointing_to_a_paragraph_of_the_book_cites_nothing() -> None:
    assert read_note(1, "See also paragraph 11.3.").kind == "comment"
    assert read_note(1, "See paragraphs 4.2 and 4.5.").kind == "comment"


def test_a_topic_after_see_is_no_part_of_the_author() -> None:
    first, = _refs("See for comparative overviews K Morvan*, Harmonisierung des Lauterkeitsrechts* (Baden-Baden, "
                   "Nomos, 2001) 12.")
    assert first.fields["author"] == (Name(family="Morvan", given="K"),)
    assert first.fields["title"] == "Harmonisierung des Lauterkeitsrechts"
    second, = _refs("See on approaches to shopping also J Peter and K Olsen, *Shoppers and strategy* (Boston, "
                    "McGraw-Hill, 2010) 9–10.")
    assert second.fields["author"] == (Name(family="Peter", given="J"), Name(family="Olsen", given="K"))
