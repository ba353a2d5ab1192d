"""German humanities notes as reference managers print them (Citavi, Zotero's German
styles): "Name, Vorname; Name, Vorname: Titel, in: …".

The shapes of a real German master's thesis's notes; every name, title and number
here is made up.  Each case failed before the reader of relbib.parse.continental_german.
"""

from __future__ import annotations

from relbib.model import FullRef, NoteCitations, ShortRef
from relbib.parse.split import read_note
from relbib.resolve import ResolveResult, resolve_cited


def _one(text: str) -> FullRef:
    note = read_note(1, text)
    assert len(note.citations) == 1, [c.text for c in note.citations]
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef), ref
    return ref


def _people(ref: FullRef, key: str = "author") -> list[str]:
    return [f"{n.family}, {n.given}" for n in ref.fields.get(key) or ()]  # type: ignore[union-attr]


def test_three_authors_with_semicolons_are_one_citation_of_a_chapter() -> None:
    ref = _one("Vgl. Amsel, Clara; Brandt, Eva; Vogt, Rüdiger: Vorwort der Redaktion, in: Studien zur "
               "Mühlengeschichte, Bd. 7, 2011 (Quellen und Forschungen), S. 4 f.")
    assert ref.type == "incollection"
    assert _people(ref) == ["Amsel, Clara", "Brandt, Eva", "Vogt, Rüdiger"]
    assert ref.fields["title"] == "Vorwort der Redaktion"
    assert ref.fields["booktitle"] == "Studien zur Mühlengeschichte"
    assert ref.fields["year"] == "2011"
    assert ref.pinpoint == "4f"


def test_chapter_in_an_edited_book_with_semicolon_editors() -> None:
    ref = _one("Vgl. Falk, Tobias; Lind, Ulrike: Mühlen und Märkte: Eine Skizze, in: Amsel, Clara; Brandt, Eva; "
               "Vogt, Rüdiger (Hg.): Wasser und Wind, Berlin/Boston 2015, S. 120.")
    assert ref.type == "incollection"
    assert _people(ref) == ["Falk, Tobias", "Lind, Ulrike"]
    assert ref.fields["title"] == "Mühlen und Märkte: Eine Skizze"
    assert ref.fields["booktitle"] == "Wasser und Wind"
    assert _people(ref, "editor") == ["Amsel, Clara", "Brandt, Eva", "Vogt, Rüdiger"]
    assert ref.fields["address"] == "Berlin/Boston"
    assert ref.pinpoint == "120"


def test_chapter_page_range_is_the_chapters_pages() -> None:
    ref = _one("Vgl. Falk, Tobias; Lind, Ulrike; Roe, Anna: Die Schleuse, in: Amsel, Clara (Hg.): Wasser und Wind, "
               "Wiesbaden 2018, S. 45–67.")
    assert _people(ref) == ["Falk, Tobias", "Lind, Ulrike", "Roe, Anna"]
    assert ref.fields["pages"] == "45--67"
    assert ref.pinpoint is None


def test_editors_cited_whole_are_the_books_editors() -> None:
    ref = _one("Siehe Amsel, Clara; Brandt, Eva; Vogt, Rüdiger (Hg.): Wasser und Wind, Berlin/Boston 2015, S. 257–299.")
    assert ref.type == "book"
    assert _people(ref, "editor") == ["Amsel, Clara", "Brandt, Eva", "Vogt, Rüdiger"]
    assert ref.fields["title"] == "Wasser und Wind"
    assert ref.pinpoint == "257--299"


def test_many_authors_and_u_a() -> None:
    ref = _one("Vgl. Amsel, Clara; Brandt, Eva; Vogt, Rüdiger u. a.: Strittige Themen im Netz, in: Netz und "
               "Gesellschaft, Lanham 2014, S. 25–48.")
    assert _people(ref) == ["Amsel, Clara", "Brandt, Eva", "Vogt, Rüdiger"]
    assert ref.fields["booktitle"] == "Netz und Gesellschaft"


def test_journal_article_with_volume_year_and_heft() -> None:
    ref = _one("Amsel, Clara; Brandt, Eva; Vogt, Rüdiger: Wasserrechte im Dorf, in: Zeitschrift für Agrargeschichte "
               "12 (2001), H. 3, S. 45–67.")
    assert _people(ref) == ["Amsel, Clara", "Brandt, Eva", "Vogt, Rüdiger"]
    assert ref.type == "article"
    assert ref.fields["journal"] == "Zeitschrift für Agrargeschichte"
    assert (ref.fields["volume"], ref.fields["number"], ref.fields["year"]) == ("12", "3", "2001")
    assert ref.fields["pages"] == "45--67"


def test_online_journal_issue_with_its_day() -> None:
    ref = _one("Vgl. Amsel, Clara; Brandt, Eva: Ist „Mühle“ gleich „mill“?, in: Netzdiskurse 2 (1), 19.03.2020, "
               "S. 62–97. Online: https://doi.org/10.1000/xyz.12.")
    assert ref.type == "article"
    assert ref.fields["journal"] == "Netzdiskurse"
    assert ref.fields["year"] == "2020"
    assert ref.fields["pages"] == "62--97"


def test_wiki_page_in_colon_with_its_day_and_link() -> None:
    ref = _one("Siehe Mühlenrecht, in: Wikipedia, 05.09.2018. Online: https://de.wikipedia.org/w/index.php?oldid=1.")
    assert ref.type == "online"
    assert ref.fields["title"] == "Mühlenrecht"
    assert ref.fields["journal"] == "Wikipedia"
    assert ref.fields["year"] == "2018"


def test_web_page_with_site_day_url_and_stand() -> None:
    ref = _one("Vgl. Amsel, Clara: Was heißt »Mühlenkunde«?, Blog des Mühlenvereins, 17.06.2015, "
               "https://blog.example.org/muehlen/, Stand: 06.08.2020.")
    assert ref.type == "online"
    assert ref.fields["title"] == "Was heißt »Mühlenkunde«?"
    assert ref.fields["journal"] == "Blog des Mühlenvereins"
    assert ref.fields["year"] == "2015"


def test_empty_container_in_comma_is_no_part_of_the_title() -> None:
    ref = _one("Vgl. Amsel, Clara; Brandt, Eva: Verloren im Netz: Streit um Artikel, in, Berlin 2014.")
    assert ref.fields["title"] == "Verloren im Netz: Streit um Artikel"
    assert ref.fields["year"] == "2014"


def test_short_form_with_a_year_refers_back_to_the_full_citation() -> None:
    notes = [
        read_note(1, "Vgl. Falk, Tobias: Die Schleuse im Wandel – eine Übersicht, in: Amsel, Clara (Hg.): "
                     "Wasser und Wind, Berlin 2015, S. 41 f."),
        read_note(2, "Vgl. Amsel, Clara: Wasserrechte im Dorf, Berlin 2012, S. 9."),
        read_note(3, "Vgl. Falk: Die Schleuse im Wandel – eine Übersicht, 2015, S. 42."),
    ]
    short = notes[2].citations[0].reference
    assert isinstance(short, ShortRef) and short.authors == ("Falk",) and short.pinpoint == "42"
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in notes])
    third = result.citations[-1]
    assert (third.refers_to, third.source) == (1, 1)


def test_two_short_authors_joined_by_semicolon() -> None:
    note: NoteCitations = read_note(5, "Vgl. Falk; Lind: Mühlen und Märkte, 2015.")
    ref = note.citations[0].reference
    assert isinstance(ref, ShortRef) and ref.authors == ("Falk", "Lind")


# --- the sentence manner: "Vorname Name: Titel. In: Buch. Hrsg. von … Ort: Verlag Jahr. S. 12" ---


def test_sentence_manner_chapter_with_a_numbered_century_in_its_book_title() -> None:
    ref = _one("Vgl. Anna Roe/ Jan Doe: Mühlen. Eine Skizze. In: Wasser und Wind. Kleine Mühlen vom 17. Jahrhundert "
               "bis heute. Hrsg. von Clara Amsel/ Eva Brandt. transcript 2017. S. 124.")
    assert ref.type == "incollection"
    assert _people(ref) == ["Roe, Anna", "Doe, Jan"]
    assert ref.fields["title"] == "Mühlen. Eine Skizze"
    assert ref.fields["booktitle"] == "Wasser und Wind. Kleine Mühlen vom 17. Jahrhundert bis heute"
    assert _people(ref, "editor") == ["Amsel, Clara", "Brandt, Eva"]
    assert (ref.fields["year"], ref.pinpoint) == ("2017", "124")


def test_sentence_manner_book_whose_title_holds_a_name_and_full_stops() -> None:
    ref = _one("Vgl. Falk, Tobias: Er war Müller. Jan Roe. Ein Leben am Fluss. Wien: Löcker & Sohn 1978. S.14")
    assert ref.type == "book"
    assert _people(ref) == ["Falk, Tobias"]
    assert ref.fields["title"] == "Er war Müller. Jan Roe. Ein Leben am Fluss"
    assert (ref.fields["address"], ref.fields["publisher"], ref.fields["year"]) == ("Wien", "Löcker & Sohn", "1978")
    assert ref.pinpoint == "14"


def test_sentence_manner_book_with_edition_and_series() -> None:
    ref = _one("Vgl. Cora Anna Lind: Der Seismograph. Das Feuilleton in Krisen. 1. Aufl. Baden-Baden: Nomos 2019. "
               "(= Studien zum Journalismus. Bd. 16.) S. 45.")
    assert ref.fields["title"] == "Der Seismograph. Das Feuilleton in Krisen"
    assert (ref.fields["edition"], ref.fields["address"], ref.pinpoint) == ("1", "Baden-Baden", "45")


def test_sentence_manner_dictionary_entry_with_its_volume() -> None:
    ref = _one("Vgl. Almut Roe: Mühle. In: Historisches Wörterbuch der Technik, Bd 3: Eup–Hör. Hrsg. von Gert Doe. "
               "Tübingen: Niemeyer 1996, S. 259.")
    assert ref.fields["booktitle"] == "Historisches Wörterbuch der Technik"
    assert (ref.fields["volume"], ref.fields["year"], ref.pinpoint) == ("Bd 3", "1996", "259")


def test_sentence_manner_web_page_dated_by_its_month() -> None:
    ref = _one("Vgl. Eva Brandt: Jan Roe. (4) Der Müller. Erstellt im Juni 2016. URL: https://example.org/roe/ [13.07.2021]")
    assert ref.type == "online"
    assert ref.fields["title"] == "Jan Roe. (4) Der Müller"
    assert (ref.fields["year"], ref.fields["url"]) == ("2016", "https://example.org/roe/")


def _resolved(*texts: str) -> tuple[list[NoteCitations], ResolveResult]:
    notes = [read_note(n, text) for n, text in enumerate(texts, start=1)]
    return notes, resolve_cited([(note.n, tuple(c.reference for c in note.citations)) for note in notes])


def test_ebda_is_ibid_with_or_without_its_comma() -> None:
    """German "ebda." (ebenda) is Ibid. as "ebd." is: "Ebda., S. 146", "Vgl. ebda. S. 147"."""
    notes, result = _resolved("Roe, Jana: Recht und Ordnung, Berlin 2005, S. 3.", "Ebda., S. 146.",
                              "Vgl. ebda. S. 147.")
    assert [type(n.citations[0].reference).__name__ for n in notes[1:]] == ["IbidRef", "IbidRef"]
    # each refers to the note before it, and the chain ends at the work of note 1
    assert [(c.note, c.refers_to, c.source, c.pinpoint) for c in result.citations[1:]] == [
        (2, 1, 1, "146"), (3, 2, 1, "147")]


def test_ders_names_the_author_of_the_note_before() -> None:
    """"Ders.: Titel, Ort Jahr" (derselbe) opens another work by the same author."""
    notes, result = _resolved("Roe, Jana: Recht und Ordnung, Berlin 2005, S. 3.",
                              "Ders.: Der lange Weg, Berlin 2001, S. 4.")
    ref = notes[1].citations[0].reference
    assert isinstance(ref, FullRef) and ref.fields["title"] == "Der lange Weg"
    assert [(n, i, [(a.family, a.given) for a in r.fields["author"]]) for n, i, r in result.completed] == [
        (2, 0, [("Roe", "Jana")])]


def test_so_auch_is_a_signal_not_part_of_the_author() -> None:
    note = read_note(1, "So auch Knake, Recht und Ordnung, Berlin 2005, S. 3.")
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef) and [a.family for a in ref.fields["author"]] == ["Knake"]


def test_ders_and_co_editors_with_a_comma_after_hrsg_are_the_books_editors() -> None:
    # "in: Ders./Name, Vorname (Hrsg.), Buch": the author is one of the editors; a comma, not a colon,
    # follows "(Hrsg.)"
    ref = _one("Brandt, Eva: Mühlen im Bild, in: Ders./Vogt, Rüdiger (Hrsg.), Wasser und Wind. Eine Bilanz "
               "(Ausst.-Kat. Stadtmuseum Kassel, Kassel 2012), Kassel 2012, S.88.")
    assert ref.type == "incollection"
    assert ref.fields["title"] == "Mühlen im Bild"
    assert ref.fields["booktitle"] == "Wasser und Wind. Eine Bilanz"
    assert ref.pinpoint == "88"


def test_translation_and_commentary_statement_after_the_title_is_not_title() -> None:
    # "Neu übersetzt und kommentiert", "Übersetzt von …", "Hrsg. und kommentiert von …": the edition's
    # statement, printed as the title's last sentence
    ref = _one("Vgl. Falk, Tobias: Das Buch der Mühlen. Neu übersetzt und kommentiert. Kassel 2004, S. 31.")
    assert ref.fields["title"] == "Das Buch der Mühlen"
    assert ref.fields["year"] == "2004"
    assert ref.pinpoint == "31"
    ref = _one("Falk, Tobias: Das Buch der Mühlen. Übersetzt von Clara Amsel. Kassel 2004, S. 31.")
    assert ref.fields["title"] == "Das Buch der Mühlen"


def test_wie_anm_without_brackets_points_back_to_the_note() -> None:
    # "Name, Kurztitel, wie Anm. 3, S. 22": the German "as in note 3", printed without its brackets
    notes = ["Brandt, Eva: Mühlen im Bild, Kassel 2012, S. 4.", "Vgl. Vogt, Rüdiger: Wasser und Wind, Kassel 2010.",
             "Brandt, Mühlen, wie Anm. 1, S. 22.", "Vogt, wie oben Anm. 2, S. 9."]
    cited = [read_note(i + 1, t) for i, t in enumerate(notes)]
    result: ResolveResult = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    back = {c.note: (c.refers_to, c.pinpoint) for c in result.citations}
    assert back[3] == (1, "22")
    assert back[4] == (2, "9")


def test_an_encyclopedia_article_marked_art_with_its_quoted_headword_and_columns() -> None:
    ref = _one("Vogt, Rüdiger, Art. „Mühlenbann“, in: Handbuch zur Geschichte der Mühlen, Bd. 3, Kassel 1984, Sp. 712–720.")
    assert ref.type == "inreference"
    assert ref.fields["title"] == "Mühlenbann"
    assert ref.fields["booktitle"] == "Handbuch zur Geschichte der Mühlen"
    assert ref.fields["year"] == "1984"
    assert ref.fields.get("address") == "Kassel"
    assert ref.pinpoint == "Sp. 712--720"


def test_a_german_review_is_an_article_of_the_journal_that_printed_it() -> None:
    ref = _one("Vgl. Vogt, Rüdiger, Rezension zu: Brandt, Eva, Die Mühlen, Kassel 1990, in: Zeitschrift für "
               "Mühlengeschichte 25 (1992), S. 123–125, hier S. 124.")
    assert ref.type == "article"
    assert _people(ref) == ["Vogt, Rüdiger"]
    assert ref.fields["journal"] == "Zeitschrift für Mühlengeschichte"
    assert ref.fields["year"] == "1992"
    assert ref.fields["pages"] == "123--125"
    assert ref.pinpoint == "124"
    assert str(ref.fields["title"]).startswith("Rezension zu: Brandt, Eva, Die Mühlen")


def test_a_signal_glued_to_the_sentence_before_still_opens_the_citation() -> None:
    # text from a PDF or a Word file often loses the space after a full stop: "…unterschieden.Vgl. …"
    note = read_note(1, "Das Modell wird in der Forschung zwischen drei Ebenen unterschieden.Vgl. Brandt, Eva; "
                        "Vogt, Rüdiger: Mühlen im Bild, Kassel 2012, S. 4 f.")
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert _people(ref) == ["Brandt, Eva", "Vogt, Rüdiger"]
    assert ref.fields["title"] == "Mühlen im Bild"
