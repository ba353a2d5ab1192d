"""German history notes with upright names and a colon after them ("Vorname Name:
Titel, in: Vorname Name / Vorname Name: Buch (Reihe 4,2), Ort Jahr, Bd. 1, S. 9-20,
hier S. 12"), the prose that leads into them, editions of sources and dictionary
entries.

The shapes of the notes of real German history and philology texts (an
archaeology guide's chapter notes, an edition's guidelines); every name, title and
number here is made up.  Each case failed before the colon shapes of
relbib.parse.continental_upright.
"""

from __future__ import annotations

from note_refs import one_ref as _one
from note_refs import people as _people
from note_refs import refs_of as _refs

from relbib.parse.split import read_note

_BOOK = ("in: Ida Brand / Karl Wendt: Castrum novum…: Die Burg des Bischofs in Lindau und ihr Ausbau bis 1100. "
         "Die Grabungen der Jahre 1950-1961 (Denkmalpflege in Schwaben 12,3), Kempten 2011, Bd. 1, ")


def test_chapter_after_a_colon_in_a_book_whose_editors_a_colon_follows() -> None:
    ref = _one(f"Vgl. Ida Brand: Die Vorburg (911), {_BOOK}S. 55-68, hier S. 61.")
    assert ref.type == "incollection"
    assert _people(ref) == ["Brand, Ida"]
    assert ref.fields["title"] == "Die Vorburg (911)"
    assert ref.fields["booktitle"] == ("Castrum novum…: Die Burg des Bischofs in Lindau und ihr Ausbau bis 1100. "
                                       "Die Grabungen der Jahre 1950-1961")
    assert _people(ref, "editor") == ["Brand, Ida", "Wendt, Karl"]
    assert ref.fields["series"] == "Denkmalpflege in Schwaben 12,3"
    assert ref.fields["year"] == "2011"
    assert ref.fields["volume"] == "1"
    assert ref.fields["pages"] == "55--68"
    assert ref.pinpoint == "61"


def test_chapter_with_a_colon_in_its_title_and_no_page_cited() -> None:
    ref = _one(f"Vgl. Karl Wendt: Zur Ausstattung der Vorburg: Bauplastik und Glas, {_BOOK}S. 201-214.")
    assert ref.fields["title"] == "Zur Ausstattung der Vorburg: Bauplastik und Glas"
    assert ref.fields["pages"] == "201--214"
    assert ref.pinpoint is None


def test_a_sentence_ending_in_its_verb_leads_into_the_author() -> None:
    ref = _one(f"Einen Überblick über die älteren Deutungen bietet Karl Wendt: Der Stand der Forschung, {_BOOK}S. 1-9.")
    assert _people(ref) == ["Wendt, Karl"]
    assert ref.fields["title"] == "Der Stand der Forschung"
    assert ref.fields["pages"] == "1--9"


def test_book_with_its_series_and_volumes_and_the_volume_cited() -> None:
    ref = _one("Vgl. Otto H. Lenz: Burg und Stift im hohen Mittelalter. Studien zur Lage der Stiftskirchen "
               "(Schriften zur Landeskunde, Sonderband 12 I, II), 2 Bde., Ulm 1979, hier Bd. 1, S. 48.")
    assert ref.type == "book"
    assert _people(ref) == ["Lenz, Otto H."]
    assert ref.fields["title"] == "Burg und Stift im hohen Mittelalter. Studien zur Lage der Stiftskirchen"
    assert ref.fields["year"] == "1979"
    assert ref.pinpoint == "48"


def test_book_with_its_series_closing_the_title() -> None:
    ref = _one("Vgl. Ute Marx: Die Glasfunde aus Lindau. Zu den Scherben der Vorburg "
               "(Denkmalpflege in Schwaben 12,1), Kempten 2009, S. 77.")
    assert ref.type == "book"
    assert ref.fields["title"] == "Die Glasfunde aus Lindau. Zu den Scherben der Vorburg"
    assert ref.fields["series"] == "Denkmalpflege in Schwaben 12,1"
    assert ref.pinpoint == "77"


def test_article_after_a_colon_with_its_pages_and_the_page_cited() -> None:
    ref = _one("Anton B. Keil: Zur Frage der Bauten des Abtes Wolfram, in: Schwäbische Blätter 41 (1952), "
               "S. 7-29, hier S. 12.")
    assert ref.type == "article"
    assert ref.fields["journal"] == "Schwäbische Blätter"
    assert ref.fields["pages"] == "7--29" and ref.pinpoint == "12"


def test_web_page_by_an_upright_author_in_a_blog_with_its_access_date() -> None:
    ref = _one("Vgl. Karl Wendt: Die Räder am Fluss, in: Mühlenblog, 12.03.2019, https://example.org/raeder "
               "(abgerufen am 04.12.2019).")
    assert ref.type == "online"
    assert _people(ref) == ["Wendt, Karl"]
    assert ref.fields["title"] == "Die Räder am Fluss"
    assert ref.fields["journal"] == "Mühlenblog"
    assert ref.fields["year"] == "2019"


def test_book_with_its_page_then_its_link_and_last_access() -> None:
    ref = _one("Karl Wendt, Mühlen im Wandel, Berlin 2019, S. 4, https://example.org/wandel.pdf "
               "(letzter Zugriff am 04.12.2019).")
    assert ref.type == "book"
    assert ref.fields["title"] == "Mühlen im Wandel"
    assert ref.fields["url"] == "https://example.org/wandel.pdf"
    assert "pages" not in ref.fields and ref.pinpoint == "4"


def test_a_foundation_as_editor_and_an_access_date_in_brackets() -> None:
    ref = _one("Deutsche Mühlenstiftung (Hrsg.): Mühlen im Wandel, Berlin 2019, S. 4, "
               "https://example.org/wandel.pdf [Zugriff: 12.3.2020].")
    editor = ref.fields["editor"][0]  # type: ignore[index]
    assert editor.family == "Deutsche Mühlenstiftung" and editor.literal
    assert ref.fields["title"] == "Mühlen im Wandel"
    assert ref.pinpoint == "4"


def test_a_sentence_leads_into_the_author_by_von() -> None:
    ref = _one("Diese Regeln sind eine leicht gekürzte, aber neu gefasste Fassung von Anna Berg, Die Modellierung "
               "von Editionen, ZfE 24 (2020), 123–160.")
    assert _people(ref) == ["Berg, Anna"]
    assert ref.fields["title"] == "Die Modellierung von Editionen"
    assert ref.fields["journal"] == "ZfE"


def test_a_sentence_leads_into_the_author_by_ist() -> None:
    ref = _one("Ein Beispiel für eine vollständige Edition ist Anna Berg, Die Briefe des Basilius, Berlin 2015, S. 7.")
    assert _people(ref) == ["Berg, Anna"]
    assert ref.fields["title"] == "Die Briefe des Basilius"


def test_a_prose_lead_after_vgl_keeps_the_given_name() -> None:
    ref = _one("Vgl. exemplarisch den grundlegenden Artikel von Eva Nickel, „Introduction: Philology and "
               "Its Texts“, Speculum 65 (1990): 1–10.")
    assert _people(ref) == ["Nickel, Eva"]
    assert ref.fields["journal"] == "Speculum"


def test_a_german_sentence_before_a_link_is_no_title() -> None:
    for text in ("Zurückgegriffen wird dabei auf die Klassifikation der Textsorten https://example.org/46.html.",
                 "Ausführliche Hinweise zu allen zugelassenen Elementen bieten die Richtlinien, "
                 "https://example.org/richtlinien.html.",
                 "Für die Eingabe werden die Abschriften als Textdatei erstellt, die anschließend umgewandelt "
                 "werden, vgl. https://example.org/werkzeug."):
        ref = _one(text)
        assert ref.type == "online" and "title" not in ref.fields, text
        assert ref.fields["url"].startswith("https://example.org/")


def test_a_source_in_its_edition_with_the_passage_quoted_after_the_page() -> None:
    ref = _one("Annales Lindavienses ad a. 912, ed. von Georg Anton Hirsch (MGH SS 4), Hannover 1841, S. 27: "
               "hoc anno castrum novum aedificatum est.")
    assert ref.type == "book"
    assert ref.fields["title"] == "Annales Lindavienses"
    assert _people(ref, "editor") == ["Hirsch, Georg Anton"]
    assert ref.fields["series"] == "MGH SS 4"
    assert ref.fields["year"] == "1841"
    assert ref.pinpoint == "27"


def test_a_dictionary_entry_with_no_author_and_its_edition_statement() -> None:
    ref = _one("Art. Erker, in: Wörterbuch der Baukunst, 4., völlig neu bearbeitete und erweiterte Auflage, "
               "Leipzig u.a.,1988, S. 112.")
    assert ref.type == "inreference"
    assert ref.fields["title"] == "Erker"
    assert ref.fields["booktitle"] == "Wörterbuch der Baukunst"
    assert ref.fields["year"] == "1988"
    assert ref.pinpoint == "112"


def test_a_pointer_to_another_part_of_the_same_work_cites_nothing() -> None:
    for text in ("Vgl. dazu unten Kapitel IV.2.", "S. unten im Abschnitt „Quellen und Methoden“.",
                 'S. oben im Kapitel „Quellen".',
                 "Siehe oben, Abschnitt 3."):
        note = read_note(1, text)
        assert note.kind == "comment", (text, note.citations)


def test_a_german_sentence_with_a_name_quoted_the_german_way_cites_nothing() -> None:
    note = read_note(1, 'Für das „Mühlenarchiv" wurde ein eigener Katalog und eine eigene Signatur („Mühle") angelegt.')
    assert note.kind == "comment", note.citations


def test_two_works_in_a_discursive_german_note() -> None:
    refs = _refs("Es ist eine der Lehren der „Neuen Philologie\", die einzelne Handschrift ernst zu nehmen, vgl. "
                 "exemplarisch den grundlegenden Aufsatz von Eva M. Nickel, „Introduction: Reading the Codex“, "
                 "Speculum 71 (1996): 1–12, und jüngst für den Kontext der Predigt Lena Dorn und Kai Sand, "
                 "„Snapshots of Sermons“, in Dies., Hgg., Sermons in Motion (Studien zur Predigt 12; Berlin, 2018), "
                 "1–19.")
    assert len(refs) == 2, [r.text for r in refs]
    assert [n.family for n in refs[0].fields["author"]] == ["Nickel"]  # type: ignore[union-attr]
    assert refs[0].fields["journal"] == "Speculum"
    assert [n.family for n in refs[1].fields["author"]] == ["Dorn", "Sand"]  # type: ignore[union-attr]
    assert refs[1].fields["title"] == "Snapshots of Sermons"


def test_ausserdem_joins_a_second_work_after_a_page() -> None:
    refs = _refs("Vgl. die Diskussion bei Paul Sahl, Digitale Formen. Zum Umgang mit Texten (Dissertation Köln; "
                 "Köln, 2011), 253–342, außerdem zum Paradigma exemplarisch Eva Pira, „Documentary Editions“, "
                 "Journal of Editing 35 (2014): 3–9.")
    assert len(refs) == 2, [r.text for r in refs]
    assert [n.family for n in refs[1].fields["author"]] == ["Pira"]  # type: ignore[union-attr]
    assert refs[1].fields["journal"] == "Journal of Editing"


def test_a_topic_closed_by_a_colon_keeps_the_places_it_names() -> None:
    ref = _one("Vgl. für eine Darstellung der Mühlen in Kassel und Fulda: Anna Roth (Hrsg.), Die Mühlen "
               "Hessens, Vol. 1, Kassel 2013, S. 23-42.")
    assert _people(ref, "editor") == ["Roth, Anna"]
    assert ref.fields["title"] == "Die Mühlen Hessens"


def test_a_page_online_under_its_link_with_its_access_date() -> None:
    ref = _one("Anna Roth, Die Räder am Fluss, online unter: https://example.org/raeder (Zugriff am 12.03.2020).")
    assert ref.type == "online"
    assert _people(ref) == ["Roth, Anna"]
    assert ref.fields["title"] == "Die Räder am Fluss"
    assert ref.fields["url"] == "https://example.org/raeder"


def test_a_registered_association_as_author() -> None:
    ref = _one("Vgl. Mühlenverein Lahn e.V.: Geschichte der Mühlen, https://example.org/geschichte "
               "[Stand: 12.03.2020].")
    author = ref.fields["author"][0]  # type: ignore[index]
    assert author.family == "Mühlenverein Lahn e.V." and author.literal
    assert ref.fields["title"] == "Geschichte der Mühlen"


def test_an_online_encyclopedia_entry_with_no_year() -> None:
    ref = _one("Art. „Wassermühle“, in: Wikipedia, https://de.wikipedia.org/wiki/Wassermuehle (abgerufen am 12.3.2020).")
    assert ref.type == "inreference"
    assert ref.fields["title"] == "Wassermühle"
    assert ref.fields["booktitle"] == "Wikipedia"


def test_a_newspaper_article_by_its_day_and_page() -> None:
    ref = _one("Anna Roth: Die Räder stehen still, in: Hessische Allgemeine, 12.03.2019, S. 4.")
    assert ref.type == "article"
    assert _people(ref) == ["Roth, Anna"]
    assert ref.fields["title"] == "Die Räder stehen still"
    assert ref.fields["journal"] == "Hessische Allgemeine"
    assert ref.fields["year"] == "2019"
    assert ref.pinpoint == "4"


def test_a_short_form_with_a_colon_after_the_surname_resolves() -> None:
    from relbib.resolve import resolve_cited
    notes = [read_note(1, "Anna Roth: Die Mühlen im Tal, in: Karl Wendt (Hrsg.): Wasser und Werk, Kassel 2010, "
                          "S. 10-30, hier S. 12."),
             read_note(2, "Vgl. Roth: Mühlen im Tal, S. 25.")]
    result = resolve_cited([(n.n, tuple(c.reference for c in n.citations)) for n in notes])
    second = [c for c in result.citations if c.note == 2][0]
    assert (second.refers_to, second.refers_index) == (1, 0)
    assert notes[1].citations[0].reference.pinpoint == "25"
