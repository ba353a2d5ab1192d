"""Shapes of real history notes that relbib misread (issue 10, "real footnotes").

Each case is self-written (names, titles and numbers made up) in the shape of a
note measured in a real history document: Chicago notes of course essays and
web sources, Oxford notes of European history with German, French and Italian
sources, archives, the press, editions of documents and reviews.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, Name, SupraRef
from relbib.parse import parse_note
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _full(text: str) -> FullRef:
    ref = parse_note(text)
    assert isinstance(ref, FullRef), ref
    return ref


def _authors(ref: FullRef) -> list[str]:
    names = ref.fields.get("author") or ref.fields.get("editor") or ()
    assert isinstance(names, tuple)
    return ["{" + n.family + "}" if n.literal else f"{n.family}, {n.given}".rstrip(", ")
            for n in names if isinstance(n, Name)]


def _resolved(notes: list[str]) -> dict[int, int | None]:
    """Note number → the note its (first) citation refers to."""
    cited = [read_note(i + 1, text) for i, text in enumerate(notes)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    return {c.note: c.refers_to for c in result.citations}


# --- pages and pinpoints ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pin"),
    [
        # a stable link after the page cited, as the DOI is read
        ("Hanna Arlt, “Empire and Its Critics,” The Review of Letters 7, no. 4 (1945): 442, "
         "http://www.jstor.org/stable/1400068.", "442"),
        ("Ruth Ambler, “Colonial Frontiers,” Journal of Old Studies 44, no. 4 (2002): 705, "
         "https://www.jstor.org/stable/3870020.", "705"),
    ],
)
def test_the_one_page_closing_a_note_is_its_pinpoint(text: str, pin: str) -> None:
    ref = _full(text)
    assert ref.pinpoint == pin
    assert "pages" not in ref.fields


def test_a_stray_comma_before_a_journals_date_keeps_its_pages() -> None:
    ref = _full("Theo Larkin, “Health Insurance and the State,” Studies in Public Health, (2018): 131–79, "
                "https://doi.org/10.1000/xyz.123.")
    assert ref.fields["journal"] == "Studies in Public Health"
    assert ref.fields["year"] == "2018" and ref.fields["pages"] == "131--179"


@pytest.mark.parametrize(
    ("text", "title", "pin"),
    [
        ("Jonas Weller, The Old Empire: A Short Introduction (First edition. Oxford: Oxford University Press, "
         "2015): ch. 2.", "The Old Empire: A Short Introduction", "ch. 2"),
        ("J. Weller, The Old Empire (Second edition. Oxford: Clarendon, 2015), p. 2.", "The Old Empire", "2"),
    ],
)
def test_an_edition_opening_the_bracket_is_no_part_of_the_title_or_the_place(text: str, title: str, pin: str) -> None:
    ref = _full(text)
    assert ref.fields["title"] == title and ref.fields["address"] == "Oxford"
    assert ref.fields["year"] == "2015" and ref.pinpoint == pin


def test_an_edition_of_documents_keeps_volume_number_and_page_as_the_pinpoint() -> None:
    ref = _full("Akten der Staatskanzlei. Erste Republik: Das Kabinett Berger I, ed. M. Vollmer (Boppard, 1972), "
                "vol. 1, no. 45, p. 120.")
    assert ref.fields["title"] == "Akten der Staatskanzlei. Erste Republik: Das Kabinett Berger I"
    assert _authors(ref) == ["Vollmer, M."] and ref.fields["year"] == "1972"
    assert ref.pinpoint == "vol. 1, no. 45, p. 120"


# --- titles holding quotations --------------------------------------------------------


def test_a_title_closing_with_a_quoted_term_keeps_its_closing_quote() -> None:
    ref = _full("Gina Calvi and Remo Fosco, “Northern Doctors and the ‘Southern Problem,’” History of "
                "Medicine 17, no. 4 (2014): 282–95.")
    assert ref.fields["title"] == "Northern Doctors and the \u2018Southern Problem\u2019"
    assert ref.fields["journal"] == "History of Medicine"


def test_a_title_opening_with_a_quotation_keeps_it_and_its_subtitle() -> None:
    ref = _full("Alan Smyth, ““The Land and Its Folk”: Painting the Nation,” Nations and Peoples, 19, no. 1 "
                "(2013): 87–106.")
    assert ref.fields["title"] == "\u201cThe Land and Its Folk\u201d: Painting the Nation"
    assert ref.fields["journal"] == "Nations and Peoples" and ref.fields["pages"] == "87--106"


# --- short forms and pointers to earlier notes ------------------------------------------


@pytest.mark.parametrize("part", ["Epilogue", "introduction", "Preface", "Appendix 2", "Vorwort"])
def test_a_short_form_citing_a_part_of_the_book_refers_to_the_book(part: str) -> None:
    refs = _resolved([
        "Jonas Weller, The Old Empire: A Short Introduction (Oxford: Oxford University Press, 2015), 12.",
        f"Weller, The Old Empire, {part}.",
    ])
    assert refs[2] == 1
    assert read_note(2, f"Weller, The Old Empire, {part}.").citations[0].reference.pinpoint == part


@pytest.mark.parametrize(
    "text",
    ["Ebert, Rise (as n. 1), p. 20.", "Ebert, Rise, n. 1 above, p. 20.", "Ebert, as n. 1, p. 20.",
     "Ebert, Rise (n. 1 above), 20.", "Ebert (as in n. 1), 20."],
)
def test_a_short_form_pointing_to_its_note_refers_to_that_note(text: str) -> None:
    ref = read_note(3, text).citations[0].reference
    assert isinstance(ref, SupraRef) and ref.note == 1 and ref.pinpoint == "20"
    refs = _resolved(["R. J. Ebert, The Rise of the Leagues (London, 2003), p. 12.",
                      "K. Maurer, ‘Bauern und Staat’, Zeitschrift für Agrargeschichte, 12 (1986), 45–67.", text])
    assert refs[3] == 1


def test_a_bare_pointer_to_a_note_stays_a_cross_reference() -> None:
    assert read_note(4, "See n. 2 above.").kind == "comment"


# --- bibliography-style notes (Chicago's bibliography order printed as a note) ---------


@pytest.mark.parametrize(
    ("text", "author", "title"),
    [
        ("Charts of Old Europe. “Bavaria (Blue).” Accessed March 3, 2023. https://example.com/charts/bavaria.",
         "{Charts of Old Europe}", "Bavaria (Blue)"),
        ("Dynasty.org. “Family Lines.” Dynasty. Accessed March 3, 2023. https://dynasty.org/lines/.",
         "{Dynasty.org}", "Family Lines"),
        ("Fine Prints Gallery. “Portrait of a Margrave, 1700–1760.” Accessed March 3, 2023. "
         "https://www.example.com/prints/margrave.jpg.", "{Fine Prints Gallery}", "Portrait of a Margrave, 1700–1760"),
        ("Marne Bunker. “Tunics of the Old Army.” Accessed March 3, 2023. https://www.example.com/tunics.htm.",
         "{Marne Bunker}", "Tunics of the Old Army"),
    ],
)
def test_an_organisation_leading_a_web_note_is_its_author(text: str, author: str, title: str) -> None:
    note = read_note(1, text)
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert _authors(ref) == [author] and ref.fields["title"] == title
    assert ref.fields["urldate"] == "2023-03-03"
    assert ref.fields.get("journal") != "Accessed" and ref.fields.get("year") != "2023"  # "Accessed" is no periodical


def test_a_person_leading_a_bibliography_style_note_stays_a_person() -> None:
    ref = read_note(1, "Weller, Jonas. “Old Maps.” Accessed March 3, 2023. https://example.com/maps.").citations[0]
    assert isinstance(ref.reference, FullRef) and _authors(ref.reference) == ["Weller, Jonas"]


def test_a_chapter_whose_imprint_is_a_sentence_of_its_own_is_one_citation() -> None:
    note = read_note(1, 'Clarke, Colin. "Fathers and Heirs in a Ruling House." In Heirs and Thrones: Succession in '
                        "Modern Europe, edited by Frank Moll and Heike Marken, 19–37. London: Palgrave, 2016.")
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef) and ref.type == "incollection"
    assert ref.fields["booktitle"] == "Heirs and Thrones: Succession in Modern Europe"
    assert ref.fields["year"] == "2016" and ref.fields["pages"] == "19--37"


# --- reviews, the press, archives ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pages", "pin"),
    [
        ("R. Bessler, review of H. Molt, Die verlorene Freiheit, German Review, 14 (1991), 170–1.", "170--171", None),
        ("R. Bessler, review of H. Molt, Die verlorene Freiheit (Berlin, 1989), in German Review, 14 (1991), "
         "170–1, here 171.", "170--171", "171"),
    ],
)
def test_a_review_is_an_article_in_the_journal_that_printed_it(text: str, pages: str, pin: str | None) -> None:
    ref = _full(text)
    assert ref.type == "article" and _authors(ref) == ["Bessler, R."]
    assert ref.fields["title"] == "Review of H. Molt, Die verlorene Freiheit"
    assert ref.fields["journal"] == "German Review" and ref.fields["year"] == "1991"
    assert ref.fields["pages"] == pages and ref.pinpoint == pin


@pytest.mark.parametrize(
    ("text", "paper", "date", "pin"),
    [
        ("Le Matin, 14 juillet 1919.", "Le Matin", "1919-07-14", None),
        ("Corriere della Sera, 5 maggio 1921, p. 3.", "Corriere della Sera", "1921-05-05", "3"),
        ("Le Petit Journal, 1er mai 1920, 2.", "Le Petit Journal", "1920-05-01", "2"),
    ],
)
def test_a_newspaper_issue_dated_in_french_or_italian(text: str, paper: str, date: str, pin: str | None) -> None:
    ref = _full(text)
    assert ref.type == "article" and ref.fields["journal"] == paper
    assert ref.fields["date"] == date and ref.pinpoint == pin


@pytest.mark.parametrize(
    ("text", "organization", "number"),
    [
        ("Archivio Centrale dello Stato, Rome, Ministero della Guerra, b. 12, fasc. 3.",
         "Archivio Centrale dello Stato", "Ministero della Guerra, b. 12, fasc. 3"),
        ("ACS, Ministero della Guerra, b. 7.", "Archivio Centrale dello Stato", "Ministero della Guerra, b. 7"),
        ("Archives nationales, Paris, Présidence du Conseil, carton 14, dossier 2.", "Archives nationales",
         "Présidence du Conseil, carton 14, dossier 2"),
    ],
)
def test_an_archive_cited_by_a_named_fonds_and_its_units(text: str, organization: str, number: str) -> None:
    ref = _full(text)
    assert ref.type == "unpublished"
    assert ref.fields["organization"] == organization and ref.fields["number"] == number


def test_the_item_after_a_folio_and_a_colon_is_the_archival_item() -> None:
    ref = _full("Bundesarchiv Berlin (BArch), R 43 I/5678, fol. 5: Staatskanzlei to Finanzamt, 3 May 1925.")
    assert ref.type == "unpublished" and ref.fields["number"] == "R 43 I/5678"
    assert ref.fields["title"] == "Staatskanzlei to Finanzamt" and ref.fields["date"] == "1925-05-03"
    assert ref.pinpoint == "fol. 5"


@pytest.mark.parametrize(
    ("text", "title", "volume"),
    [
        ("F. Klemm (hg. v.), Deutschland im Sturm, Bd. 2 (Berlin, 1968), S. 112.", "Deutschland im Sturm", "2"),
        ("F. Klemm (Hg.), Deutschland im Sturm, Bd. 2 (Berlin, 1968), S. 112.", "Deutschland im Sturm", "2"),
        ("G. Sabatti (a cura di), La crisi del dopoguerra (Turin, 1988), p. 112.", "La crisi del dopoguerra", None),
        ("P. Nory (éd.), Les Lieux du souvenir, vol. 1 (Paris, 1984), p. 112.", "Les Lieux du souvenir", "1"),
    ],
)
def test_a_foreign_editors_mark_makes_the_names_the_editors(text: str, title: str, volume: str | None) -> None:
    ref = _full(text)
    assert ref.type == "book" and ref.fields["title"] == title
    assert "editor" in ref.fields and "author" not in ref.fields
    assert ref.fields.get("volume") == volume and ref.pinpoint == "112"


def test_a_chapter_in_a_volume_edited_under_a_german_mark() -> None:
    ref = _full("A. Lund, ‘Alltag’, in F. Klemm and G. Roth (hg. v.), Deutschland im Sturm, Bd. 3 (Berlin, 1968), 57–90.")
    assert ref.type == "incollection" and ref.fields["booktitle"] == "Deutschland im Sturm"
    assert ref.fields["volume"] == "3" and ref.fields["pages"] == "57--90"


@pytest.mark.parametrize(
    ("text", "pin"),
    [
        ("K. Schorn, Reform und Revolte (Munich, 1989), esp. 34–40.", "34--40"),
        ("K. Maurer, ‘Bauern und Staat’, Zeitschrift für Agrargeschichte, 12 (1986), 45–67, esp. 50.", "50"),
    ],
)
def test_the_pages_stressed_with_esp_are_the_pinpoint(text: str, pin: str) -> None:
    ref = _full(text)
    assert ref.pinpoint == pin and "esp" not in str(ref.fields.get("title", ""))


def test_a_newspaper_issue_with_its_number_and_evening_edition() -> None:
    ref = _full("Frankfurter Zeitung, no. 123, 3 Nov. 1923, evening edn, p. 2.")
    assert ref.type == "article" and ref.fields["journal"] == "Frankfurter Zeitung"
    assert ref.fields["number"] == "123" and ref.fields["date"] == "1923-11-03" and ref.pinpoint == "2"


def test_authors_listed_with_semicolons_stay_one_citation() -> None:
    note = read_note(1, "Vgl. Prinz, Clara; Schlott, Eva; Hohl, Rudi: Vorwort, in: Grundwissenschaften heute, Bd. 18, "
                        "2016, S. 4 f.")
    assert len(note.citations) == 1
    two = read_note(2, "Smith, Book, 12; Jones, Other Book, 14.")
    assert len(two.citations) == 2


@pytest.mark.parametrize(
    ("text", "title", "date", "pin"),
    [
        ("BArch, R 3101/4321, Bl. 56 f.", "R 3101/4321", None, "Bl. 56f"),
        ("Minutes of the meeting of 4 Dec. 1918, ibid.", "Minutes of the meeting", "1918-12-04", None),
    ],
)
def test_archival_items_with_a_following_leaf_or_a_dated_title(text: str, title: str, date: str | None,
                                                              pin: str | None) -> None:
    ref = _full(text)
    assert ref.type == "unpublished" and ref.fields["title"] == title
    assert ref.fields.get("date") == date and ref.pinpoint == pin


def test_a_paper_whose_name_holds_an_elided_particle() -> None:
    ref = _full("Il Giornale d’Italia, 23 marzo 1919.")
    assert ref.type == "article" and ref.fields["journal"] == "Il Giornale d’Italia"
    assert ref.fields["date"] == "1919-03-23"


def test_idem_after_a_semicolon_names_the_same_author_and_the_next_work() -> None:
    note = read_note(1, "D. Peuker, Die Republik (Frankfurt am Main, 1987), 80; idem, Inside the Reich (London, 1987), 15.")
    second = note.citations[1].reference
    assert isinstance(second, FullRef) and second.fields["title"] == "Inside the Reich"
    refs = _resolved(["D. Peuker, Die Republik (Frankfurt am Main, 1987), 80; idem, Inside the Reich (London, 1987), 15.",
                      "Peuker, Inside the Reich, 20."])
    assert refs[2] == 1


@pytest.mark.parametrize(("text", "pin"), [("Ibid., vol. 3, 120.", "vol. 3, 120"), ("Ebd., Bd. 2, S. 4.", "Bd. 2, 4")])
def test_ibid_with_a_volume_before_the_page(text: str, pin: str) -> None:
    ref = read_note(2, text).citations[0].reference
    assert type(ref).__name__ == "IbidRef" and ref.pinpoint == pin


@pytest.mark.parametrize(
    ("text", "title", "volume", "pin"),
    [
        ("The figures are in Statistisches Jahrbuch für das Land Baden, 44 (1924/25), 300.",
         "Statistisches Jahrbuch für das Land Baden", "44", "300"),
        ("Annuaire statistique de la Lorraine, 52 (1936), 12–14.", "Annuaire statistique de la Lorraine", "52", "12--14"),
    ],
)
def test_a_serial_volume_cited_by_its_title(text: str, title: str, volume: str, pin: str) -> None:
    note = read_note(1, text)
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef) and ref.fields["title"] == title
    assert ref.fields["volume"] == volume and ref.pinpoint == pin and "author" not in ref.fields


@pytest.mark.parametrize(
    ("text", "kind", "field", "value"),
    [
        # the Markdown reader keeps a note's italics: the readers see through them
        ("R. Bessler, review of H. Molt, *Die verlorene Freiheit*, *German Review*, 14 (1991), 170–1.",
         "article", "journal", "German Review"),
        ("*Le Matin*, 14 juillet 1919.", "article", "journal", "Le Matin"),
        ("_Il Giornale d’Italia_, 23 marzo 1919.", "article", "date", "1919-03-23"),
        ("*Statistisches Jahrbuch für das Land Baden*, 44 (1924/25), 300.", "book", "volume", "44"),
        ("Theo Larkin, “Health Insurance and the State,” *Studies in Public Health*, (2018): 131–79.",
         "article", "pages", "131--179"),
    ],
)
def test_the_readers_see_through_markdown_italics(text: str, kind: str, field: str, value: str) -> None:
    ref = _full(text)
    assert ref.type == kind and ref.fields[field] == value


def test_a_remark_stressing_one_word_in_italics_makes_no_entry() -> None:
    note = read_note(5, "The count of the historian Jan Ruhl is not necessarily accurate, as it counts the rough "
                        "estimate of landed *knightly* estates. Many were, in fact, small polities.")
    assert note.kind == "comment"


@pytest.mark.parametrize(
    ("text", "signals"),
    [
        ("Siehe zum Beispiel Wiki:Quellen, in: Wikipedia, 28.11.2018. Online: https://example.org/q.",
         ["Siehe zum Beispiel"]),
        ("Siehe Dok, https://example.org/dok ; sowie Handbuch der Werkzeuge, https://example.org/hb.", ["Siehe", "sowie"]),
        ("Vgl. etwa K. Rau, Kleine Geschichte (Berlin, 1990), S. 4.", ["Vgl. etwa"]),
    ],
)
def test_german_signals_are_no_part_of_the_citation(text: str, signals: list[str]) -> None:
    note = read_note(1, text)
    assert [c.signal for c in note.citations] == signals
    assert not any(c.text.lower().startswith(("sowie", "zum", "etwa")) for c in note.citations)


@pytest.mark.parametrize(
    ("text", "title", "volume", "pin"),
    [
        ("Verhandlungen des Landtags, vol. 212, p. 123.", "Verhandlungen des Landtags", "212", "123"),
        ("Stenographische Berichte des Kreistags, Bd. 3, Sp. 45–6.", "Stenographische Berichte des Kreistags", "3",
         "Sp. 45--46"),
    ],
)
def test_published_proceedings_cited_by_title_volume_and_page(text: str, title: str, volume: str, pin: str) -> None:
    ref = _full(text)
    assert ref.fields["title"] == title and ref.fields["volume"] == volume and ref.pinpoint == pin
    assert "author" not in ref.fields and "pages" not in ref.fields


# --- an imprint's places parted by a semicolon (catalogue style) --------------------


@pytest.mark.parametrize("text", [
    "Roe, Jane. 2001. Salt and the Sea. Oxford ; New York, Oxford University Press. 8",
    "Roe, Jane and Tom Doe. 1998. The Remaking of the Coast, 1815-1914. Leiden; Boston: Brill Publishers. 8",
    "Roe, Jane. Salt and the Sea. London ; New York: Halden, 2001. 8",
    # a title that opens like a name and a year ("Coasts Remade, 1600-1700") after the head
    "Vey, Tomas. 2003. Coasts Remade, 1600-1700. Leiden ; Boston, Brill Publishers. 8",
])
def test_two_places_of_one_imprint_keep_the_citation_whole(text: str) -> None:
    (piece,) = read_note(1, text).citations
    ref = piece.reference
    assert isinstance(ref, FullRef), ref
    assert ref.fields.get("publisher") in ("Oxford University Press", "Brill Publishers", "Halden")
    assert str(ref.fields.get("address", "")).replace(" ;", ";").split("; ")[1] in ("New York", "Boston")
    assert ref.pinpoint == "8"


def test_a_semicolon_between_two_notes_still_parts_them() -> None:
    text = "Roe, Jane. Salt and the Sea. London: Halden, 2001, 8; Doe, Tom. Coastlines. Leiden: Brill, 1999, 12."
    assert len(read_note(1, text).citations) == 2


# --- archival items in French and German notes, letters named by their genre ------------


@pytest.mark.parametrize(("text", "title", "year", "number", "pin"), [
    ("Lettre du préfet de la Somme au ministre de l'Intérieur, 3 mai 1907, AN, F7 13021.",
     "Lettre du préfet de la Somme au ministre de l'Intérieur", "1907", "F7 13021", None),
    ("Rapport du commissaire spécial, 14 juin 1905, Archives nationales, F7 12723, fol. 4.",
     "Rapport du commissaire spécial", "1905", "F7 12723", "fol. 4"),
    ("Note du directeur de la Sûreté, 1er février 1911, AN, F7 12890.",
     "Note du directeur de la Sûreté", "1911", "F7 12890", None),
])
def test_french_archival_items_dated_in_french(text: str, title: str, year: str, number: str,
                                               pin: str | None) -> None:
    ref = _full(text)
    assert ref.type == "unpublished"
    assert ref.fields["title"] == title
    assert ref.fields["year"] == year
    assert ref.fields["number"] == number
    assert ref.fields["organization"] == "Archives nationales"
    assert ref.pinpoint == pin
    assert "author" not in ref.fields  # "du préfet": an office, no person named


def test_a_letter_named_by_its_genre_has_its_writer_as_author_or_none() -> None:
    ref = _full("Letter from Ada Morrow to Tom Lund, 5 March 1861, Morrow Papers, box 3, folder 12, "
                "Special Collections, Kell Library.")
    assert _authors(ref) == ["Morrow, Ada"]
    assert ref.fields["title"] == "Letter from Ada Morrow to Tom Lund"
    assert ref.fields["number"] == "Morrow Papers, box 3, folder 12"
    assert ref.fields["organization"] == "Special Collections, Kell Library"
    ref = _full("Schreiben des Oberpräsidenten an das Kultusministerium vom 3. Mai 1912, BArch, R 1501/1234, Bl. 5.")
    assert ref.fields["title"] == "Schreiben des Oberpräsidenten an das Kultusministerium"
    assert "author" not in ref.fields  # "des Oberpräsidenten": an office, no person named
    assert ref.pinpoint == "Bl. 5"


@pytest.mark.parametrize(("text", "paper", "date", "pin"), [
    ("Kasseler Volksblatt, 5.5.1912.", "Kasseler Volksblatt", "1912-05-05", None),
    ("Kasseler Volksblatt, 5.5.1912, S. 2.", "Kasseler Volksblatt", "1912-05-05", "2"),
    ("Kasseler Volksblatt vom 5. Mai 1912.", "Kasseler Volksblatt", "1912-05-05", None),
])
def test_german_newspaper_cited_by_its_day(text: str, paper: str, date: str, pin: str | None) -> None:
    ref = _full(text)
    container = ref.fields.get("journal") or ref.fields.get("howpublished")
    assert container == paper
    assert ref.fields["date"] == date
    assert "title" not in ref.fields or ref.fields["title"] != paper
    assert ref.pinpoint == pin


def test_a_roman_numbered_department_in_a_call_number_is_no_pronoun() -> None:
    # "I. HA Rep. 90a": the Geheimes Staatsarchiv's first main department; its "I." is no "I" of prose
    note = read_note(1, "Protokoll der Sitzung des Staatsministeriums vom 4.5.1919, GStA PK, I. HA Rep. 77, Nr. 4321.")
    assert note.kind == "citation"
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields["number"] == "I. HA Rep. 77, Nr. 4321"
    assert ref.fields["title"] == "Protokoll der Sitzung des Staatsministeriums"


@pytest.mark.parametrize(("text", "archive", "number"), [
    ("Archives départementales de la Somme, 4 M 1234.", "Archives départementales de la Somme", "4 M 1234"),
    ("Archives municipales de Lyon, 1217 WP 12, fol. 3.", "Archives municipales de Lyon", "1217 WP 12"),
])
def test_french_local_archives_named_in_full(text: str, archive: str, number: str) -> None:
    ref = _full(text)
    assert ref.type == "unpublished"
    assert (ref.fields["organization"], ref.fields["number"]) == (archive, number)


@pytest.mark.parametrize(("text", "title", "place", "publisher"), [
    ("Jean Morel, Les Écluses de Picardie au XIXe siècle, Paris, PUF, 1981, p. 45.",
     "Les Écluses de Picardie au XIXe siècle", "Paris", "PUF"),
    ("Pierre Morel, Les Écluses de Picardie, Lille, Presses universitaires du Septentrion, 1981.",
     "Les Écluses de Picardie", "Lille", "Presses universitaires du Septentrion"),
])
def test_french_place_publisher_and_year_without_a_bracket(text: str, title: str, place: str, publisher: str) -> None:
    ref = _full(text)
    assert ref.type == "book"
    assert ref.fields["title"] == title
    assert ref.fields.get("address") == place
    assert ref.fields.get("publisher") == publisher
    assert ref.fields["year"] == "1981"


def test_french_dans_opens_the_book_as_in_does() -> None:
    ref = _full("Anne Roux, « Les grèves de 1906 », dans Paul Morel (dir.), La Picardie ouvrière, Paris, 1990, p. 12-34.")
    assert ref.type == "incollection"
    assert ref.fields["title"] == "Les grèves de 1906"
    assert ref.fields["booktitle"] == "La Picardie ouvrière"
    assert _authors(ref) == ["Roux, Anne"]
    assert ref.fields["editor"] == (Name(family="Morel", given="Paul"),)


@pytest.mark.parametrize(("text", "title"), [
    ("Zit. nach Eva Vogt, Die Mühlen der Mark, Kassel 1990, S. 12.", "Die Mühlen der Mark"),
    ("Zitiert nach: Eva Vogt, Die Mühlen der Mark, Kassel 1990, S. 12.", "Die Mühlen der Mark"),
    ("Cité dans Paul Morel, Les Écluses de Picardie, Paris, 1978, p. 45.", "Les Écluses de Picardie"),
    ("Cité par Paul Morel, Les Écluses de Picardie, Paris, 1978, p. 45.", "Les Écluses de Picardie"),
    ("Citato in Paolo Neri, I mulini di Lombardia, Milano, 1978, p. 45.", "I mulini di Lombardia"),
])
def test_quoted_in_in_german_french_and_italian_is_a_signal(text: str, title: str) -> None:
    note = read_note(1, text)
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields["title"] == title
    assert note.citations[0].signal


@pytest.mark.parametrize(("text", "writer", "title", "book", "year", "pin"), [
    ("Lund to Kern, 3 May 1912, in A. Roe (ed.), The Letters of Tom Lund, vol. 2 (Oxford, 1990), p. 12.",
     ["Lund"], "Lund to Kern", "The Letters of Tom Lund", "1990", "12"),
    ("Lund an Kern, 3.5.1912, in: Eva Vogt (Hg.), Briefe aus Kassel, Kassel 1990, S. 12.",
     ["Lund"], "Lund an Kern", "Briefe aus Kassel", "1990", "12"),
    ("Tom Lund to Ada Kern, 3 May 1912, in The Letters of Tom Lund, ed. A. Roe, vol. 2 (Oxford, 1990), 12.",
     ["Lund, Tom"], "Tom Lund to Ada Kern", "The Letters of Tom Lund", "1990", "12"),
])
def test_a_letter_printed_in_an_edition_is_part_of_that_book(text: str, writer: list[str], title: str, book: str,
                                                           year: str, pin: str) -> None:
    ref = _full(text)
    assert ref.type == "incollection"
    assert _authors(ref) == writer
    assert ref.fields["title"] == title
    assert ref.fields["booktitle"] == book
    assert ref.fields["year"] == year
    assert ref.pinpoint == pin


@pytest.mark.parametrize(("text", "title", "volume", "pin", "date"), [
    ("Verhandlungen des Landtags von Kassel, Bd. 32, S. 1234 (12.3.1919).",
     "Verhandlungen des Landtags von Kassel", "32", "1234", "1919-03-12"),
    ("Debates of the Harbour Council, vol. 7, col. 88 (14 May 1851).",
     "Debates of the Harbour Council", "7", "col. 88", "1851-05-14"),
])
def test_a_serial_volume_with_the_sittings_date_after_the_page(text: str, title: str, volume: str, pin: str,
                                                                date: str) -> None:
    ref = _full(text)
    assert (ref.fields["title"], ref.fields["volume"], ref.pinpoint) == (title, volume, pin)
    assert ref.fields["date"] == date
    assert ref.fields["year"] == date[:4]


def test_a_county_record_office_is_an_archive() -> None:
    ref = _full("Minutes of the Harbour Board, 12 Jan. 1851, Newtown Record Office, HB/1/2.")
    assert ref.type == "unpublished"
    assert (ref.fields["organization"], ref.fields["number"]) == ("Newtown Record Office", "HB/1/2")
    assert ref.fields["title"] == "Minutes of the Harbour Board"


def test_a_petition_of_a_body_names_no_person_as_author() -> None:
    ref = _full("Petition of the weavers of Newtown to the Board of Trade, 1842, TNA, BT 1/123.")
    assert ref.fields["title"] == "Petition of the weavers of Newtown to the Board of Trade"
    assert "author" not in ref.fields


def test_a_record_group_is_a_unit_of_the_call_number() -> None:
    ref = _full("Records of the Harbour Board, RG 59, National Archives, College Park, MD.")
    assert ref.type == "unpublished"
    assert ref.fields["title"] == "Records of the Harbour Board"
    assert ref.fields["number"] == "RG 59"
    assert ref.fields["organization"] == "National Archives"


def test_fonds_named_by_abbreviations_before_their_units() -> None:
    ref = _full("ACS, MI, DGPS, b. 12, fasc. 3.")
    assert ref.type == "unpublished"
    assert ref.fields["organization"] == "Archivio Centrale dello Stato"
    assert ref.fields["number"] == "MI, DGPS, b. 12, fasc. 3"


def test_a_diary_entry_names_its_writer() -> None:
    ref = _full("Jane Morrow, diary entry, May 3, 1912, Morrow Family Papers, Kell Library.")
    assert _authors(ref) == ["Morrow, Jane"]
    assert ref.fields["title"] == "Diary entry"
    assert ref.fields["date"] == "1912-05-03"


def test_an_approximate_year_before_a_record_office_is_the_items_year() -> None:
    ref = _full("Petition of the carters of Newtown to the justices, c.1702, Newtown Record Office, Q/S 4/12.")
    assert ref.fields["year"] == "1702"
    assert ref.fields["number"] == "Q/S 4/12"


@pytest.mark.parametrize("text", ["Ibid., Lund to Kern, 5 May 1912.", "Ebd., Lund an Kern, 5.5.1912."])
def test_ibid_then_another_letter_of_the_same_file(text: str) -> None:
    ref = read_note(2, text).citations[0].reference
    assert isinstance(ref, FullRef) and ref.type == "unpublished"
    assert ref.fields["title"] in ("Lund to Kern", "Lund an Kern")
    assert ref.fields["date"] == "1912-05-05"
    assert ref.fields["note"] == "ibid."
