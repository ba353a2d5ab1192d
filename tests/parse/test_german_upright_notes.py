"""German history notes with upright names and commas between the parts ("Vorname
Name, Titel, Ort Jahr, S. 12"), their short forms ("Name / Name, Kurztitel, S. 9")
and the pages that join two of them.

The shapes of the endnotes of real German history studies (memorial sites' web
studies); every name, title and number here is made up.  Each case failed before
relbib.parse.continental_upright and the German joins of the splitter.
"""

from __future__ import annotations

from note_refs import one_ref as _one
from note_refs import people as _people
from note_refs import refs_of as _refs

from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def test_two_authors_joined_by_a_slash_and_two_places() -> None:
    ref = _one("Vgl. Hanna Vogel / Peter Lind, Das Mühlenwerk im Kaiserreich, Kassel / Erfurt 1998, S. 412-419.")
    assert ref.type == "book"
    assert _people(ref) == ["Vogel, Hanna", "Lind, Peter"]
    assert ref.fields["title"] == "Das Mühlenwerk im Kaiserreich"
    assert ref.fields["year"] == "1998"
    assert ref.pinpoint == "412--419"  # any page of a book is the page cited
    assert "pages" not in ref.fields


def test_chapter_in_a_volume_of_a_series_edited_by_two() -> None:
    ref = _one("Vgl. Otto Brenner, Mühlhausen-Nord (Frauen), in: Karla Haas / Ilse Dorn (Hrsg.), Die Orte der "
               "Arbeit. Geschichte der Mühlen, Band 4: Harz. Eifel. Rhön, Leipzig 2006, S. 211-213.")
    assert ref.type == "incollection"
    assert _people(ref) == ["Brenner, Otto"]
    assert ref.fields["title"] == "Mühlhausen-Nord (Frauen)"
    assert ref.fields["booktitle"] == "Die Orte der Arbeit. Geschichte der Mühlen"
    assert _people(ref, "editor") == ["Haas, Karla", "Dorn, Ilse"]
    assert ref.fields["volume"] == "4"
    assert ref.fields["pages"] == "211--213"
    assert ref.pinpoint is None


def test_editors_cited_whole_with_three_places() -> None:
    ref = _one("Lena Roth / Ida Kern (Hrsg.), Kassel 1900. Die Stadt und ihre Mühlen, Kassel / Gotha / Jena 2019.")
    assert ref.type == "book"
    assert _people(ref, "editor") == ["Roth, Lena", "Kern, Ida"]
    assert ref.fields["title"] == "Kassel 1900. Die Stadt und ihre Mühlen"
    assert ref.fields["year"] == "2019"


def test_an_organisation_as_editor_and_a_title_of_several_sentences() -> None:
    ref = _one("Vgl. Verein hessischer Mühlenfreunde (Hrsg.), Mühlen im Wandel. Wassermühlen 1800-1850, "
               "Windmühlen 1850-1900. Katalog der Ausstellung, Fulda 2011, S. 88.")
    assert ref.type == "book"
    editor = ref.fields["editor"][0]  # type: ignore[index]
    assert editor.family == "Verein hessischer Mühlenfreunde" and editor.literal
    assert ref.fields["title"] == ("Mühlen im Wandel. Wassermühlen 1800-1850, Windmühlen 1850-1900. "
                                   "Katalog der Ausstellung")
    assert ref.fields["year"] == "2011"
    assert ref.pinpoint == "88"


def test_article_by_two_with_its_pages_and_the_page_cited() -> None:
    ref = _one("Vgl. Tilo Kranz / Uwe Falk, Wasserräder und Gemeinde: Befunde aus dem Vogtland, in: "
               "Mühlen-Rundschau, 112 (2004), S. 7-15, S. 9.")
    assert ref.type == "article"
    assert _people(ref) == ["Kranz, Tilo", "Falk, Uwe"]
    assert ref.pinpoint == "9"
    assert ref.fields["journal"] == "Mühlen-Rundschau"
    assert ref.fields["volume"] == "112"
    assert ref.fields["year"] == "2004"
    assert ref.fields["pages"] == "7--15"


def test_ders_as_editor_is_the_author() -> None:
    ref = _one("Karl P. Moser, General Survey, in: Ders. (Hrsg.), The atlas of mills in Bohemia, Vol. 2, "
               "Brno 2012, S. XI-XL.")
    assert _people(ref, "editor") == ["Moser, Karl P."]
    assert ref.fields["booktitle"] == "The atlas of mills in Bohemia"
    assert ref.fields["pages"] == "XI--XL"


def test_short_forms_by_two_authors_joined_by_a_slash_resolve() -> None:
    notes = [read_note(1, "Vgl. Hanna Vogel / Peter Lind, Das Mühlenwerk im Kaiserreich, Kassel 1998, S. 4."),
             read_note(2, "Vgl. Vogel / Lind, Mühlenwerk, S. 420."),
             read_note(3, "Vgl. Vogel / Lind, Mühlenwerk.")]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in notes])
    assert [(c.note, c.refers_to) for c in result.citations] == [(1, None), (2, 1), (3, 1)]
    assert notes[1].citations[0].reference.pinpoint == "420"


def test_short_forms_joined_by_a_comma_after_a_page_are_two_citations() -> None:
    refs = _refs("Vgl. u.a. Roth, Mühlenbuch, S. 121-154, Kern, Wasserrecht, S. 162-163; Lind, Räder, S. 275.")
    assert [(_people(r)[0], r.fields["title"], r.pinpoint) for r in refs] == [
        ("Roth", "Mühlenbuch", "121--154"), ("Kern", "Wasserrecht", "162--163"), ("Lind", "Räder", "275")]


def test_an_archive_and_its_call_number_without_a_comma() -> None:
    ref = _one("Vgl. Mühlenwerke-Konzernarchiv 41/207/3.")
    assert ref.type == "unpublished"
    assert ref.fields["organization"] == "Mühlenwerke-Konzernarchiv"
    assert ref.fields["number"] == "41/207/3"


def test_interview_on_a_day_in_a_place() -> None:
    ref = _one("Interview mit Erna Kolb am 14.3.1997 in Kassel, Interviewerin Ute Sand, Gesamtlänge 01:10:02.")
    assert ref.fields["title"] == "Interview mit Erna Kolb"
    assert ref.fields["year"] == "1997"
    assert ref.fields["address"] == "Kassel"


def test_zit_nach_cuts_the_work_quoted_from_the_work_quoting_it() -> None:
    refs = _refs("Vgl. Ilse Dorn, „Die Räder stehen still“, Gotha 2003, zit. nach: Roth, Mühlenbuch, S. 77.")
    assert [(_people(r)[0], r.fields["title"]) for r in refs] == [
        ("Dorn, Ilse", "Die Räder stehen still"), ("Roth", "Mühlenbuch")]
    assert refs[0].fields["year"] == "2003" and refs[1].pinpoint == "77"


def test_an_interview_after_the_page_of_a_short_form_is_its_own_citation() -> None:
    refs = _refs("Vgl. Roth, Mühlenbuch, S. 155, 159-162, Interview mit Erna Kolb, 1997.")
    assert [r.fields["title"] for r in refs] == ["Mühlenbuch", "Interview mit Erna Kolb"]
    assert refs[0].pinpoint == "155, 159--162"


def test_an_unpublished_masters_thesis_and_the_pages_it_stresses() -> None:
    ref = _one("Vgl.: Lisa Roe, Weibliche Strategien? Eine Analyse der Mühleninterviews, unveröffentlichte "
               "Masterarbeit, Kassel 2021, insbesondere S. 26-31.")
    assert ref.type == "mastersthesis"
    assert ref.fields["title"] == "Weibliche Strategien? Eine Analyse der Mühleninterviews"
    assert ref.fields["year"] == "2021"
    assert ref.pinpoint == "26--31"


def test_a_lead_in_closed_by_u_a_is_no_part_of_the_short_form() -> None:
    ref = _one("Zur Perspektive der Müller u.a. Roth, Mühlenbuch, S. 83-113.")
    assert _people(ref) == ["Roth"]
    assert ref.fields["title"] == "Mühlenbuch"
    assert ref.pinpoint == "83--113"


def test_oder_auch_after_a_page_opens_the_next_work() -> None:
    refs = _refs("Vgl. z.B. Roth, Mühlenbuch, S. 119, oder auch die Müllerin Erna Kolb: Erna Kolb, Ein Leben am "
                 "Wehr, Gotha 2020, S. 159f.")
    assert [(_people(r)[0], r.fields["title"], r.pinpoint) for r in refs] == [
        ("Roth", "Mühlenbuch", "119"), ("Kolb, Erna", "Ein Leben am Wehr", "159f")]


def test_an_interview_by_its_number_in_an_archives_catalogue() -> None:
    for text in ("Erna Kolb: Interview 4711, Oral History Archive, Mühlenstiftung 1996.",
                 "Erna Kolb Interview 4711, Oral History Archive, Mühlenstiftung 1996."):
        ref = _one(text)
        assert _people(ref) == ["Kolb, Erna"], text
        assert ref.fields["title"] == "Interview 4711"
        assert ref.fields["year"] == "1996"


def test_a_prose_lead_with_a_word_quoted_the_german_way() -> None:
    refs = _refs("Vgl. Roth, Mühlenbuch, S. 4. Eine Kritik des Begriffes „Mühlensterben“ findet sich bei Kern, "
                 "Wasserrecht, S. 180-183.")
    assert [(_people(r)[0], r.fields["title"], r.pinpoint) for r in refs] == [
        ("Roth", "Mühlenbuch", "4"), ("Kern", "Wasserrecht", "180--183")]


def test_a_testimony_without_a_title_in_a_collection() -> None:
    ref = _one("Vgl. Erna Kolb (Sand), in: Mühlenmuseum / Freundeskreis (Hrsg.), Tag der Mühle.")
    assert ref.type == "incollection"
    assert _people(ref) == ["Kolb, Erna"]
    assert "title" not in ref.fields
    assert ref.fields["booktitle"] == "Tag der Mühle"
    assert [(n.family, n.literal) for n in ref.fields["editor"]] == [  # type: ignore[union-attr]
        ("Mühlenmuseum", True), ("Freundeskreis", True)]
    dated = _one("Vgl. Ute Berg, in: Mühlenverein Kassel (Hrsg.) Erinnerung. Besuchstage 12 – 18. Juli 1999, "
                 "Kassel 2001.")
    assert dated.fields["booktitle"] == "Erinnerung. Besuchstage 12 – 18. Juli 1999"
    assert dated.fields["year"] == "2001"
