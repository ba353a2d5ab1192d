"""Italian law notes as books and reports on public administration print them: a bare web
address closing the citation, "e altri" for et al., acts with their name in italics and
their Gazzetta, decisions by their kind ("sentenza", "ordinanza"), and the acts and
decisions cited again with "cit.".  Names, titles and numbers are made up, in the shapes
of real notes (relbib issue 10, round of European law helpers)."""

from __future__ import annotations

import pytest
from note_refs import one_ref as _only
from note_refs import refs_of as _cites

from relbib.model import FullRef, Name, OpCitRef
from relbib.parse.split import read_note


def _authors(ref: FullRef) -> list[str]:
    return [f"{n.family}, {n.given}" if n.given else n.family for n in ref.fields["author"]]  # type: ignore[union-attr]


# --- a bare web address closes the citation: where the text is, no field of the work ----


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        ("Fabrikam, *Notes on a small engine*, 2021, fabrikam.com.", "Notes on a small engine", "2021"),
        ("Ente Esempio, *Guida ai moduli di domanda*, 2019, ente-esempio.gov.it.", "Guida ai moduli di domanda", "2019"),
        ("Fabrikam, *Notes on a small engine*, 2021, docs.fabrikam.com, che riassume la prima versione.",
         "Notes on a small engine", "2021"),
    ],
)
def test_a_web_address_closing_a_web_page(text: str, title: str, year: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["year"]) == ("online", title, year)
    assert not {"journal", "howpublished", "pages"} & set(ref.fields)


def test_a_web_address_closing_a_journal_article() -> None:
    ref = _only("R. Verdi, *Il contratto atipico*, in Rivista di diritto privato, vol. 12, n. 3, 2019, "
                "pp. 45-67, rivista-esempio.it.")
    assert (ref.type, ref.fields["title"], ref.fields["journal"], ref.fields["year"], ref.fields["pages"]) == (
        "article", "Il contratto atipico", "Rivista di diritto privato", "2019", "45--67")


def test_a_part_cited_after_the_web_address() -> None:
    ref = _only("Ufficio Studi, *Manuale di scrittura degli atti*, 2011, studi.example.it, Parte II.")
    assert (ref.fields["title"], ref.fields["year"], ref.pinpoint) == ("Manuale di scrittura degli atti", "2011", "Parte II")


# --- "e altri": and others ------------------------------------------------------------


def test_e_altri_is_et_al() -> None:
    ref = _only("R. Verdi e altri, *Il contratto atipico*, in Rivista di prova, vol. 3, 2019, pp. 4-9.")
    assert _authors(ref) == ["Verdi, R."]
    assert ref.fields["title"] == "Il contratto atipico"


# --- acts: the name in italics, the provision, the Gazzetta, the writer's words after ----


@pytest.mark.parametrize(
    ("text", "title", "year", "pin"),
    [
        ("L. 12 marzo 2001, n. 88, *Norme sulla pesca nei laghi*, art. 4, comma 2.", "L. 12 marzo 2001, n. 88", "2001",
         "art. 4, comma 2"),
        ("D.P.R. 5 maggio 2010, n. 70, *Regolamento di esempio*, art. 11-bis.", "D.P.R. 5 maggio 2010, n. 70", "2010",
         "art. 11-bis"),
        ("D.Lgs. 3 aprile 2006, n. 152, art. 7, comma 1, sull'abrogazione delle norme precedenti.",
         "D.Lgs. 3 aprile 2006, n. 152", "2006", "art. 7, comma 1"),
        ("D.Lgs. 3 aprile 2006, n. 152, art. 7, che rinvia al regolamento.", "D.Lgs. 3 aprile 2006, n. 152", "2006", "art. 7"),
    ],
)
def test_an_italian_act_with_its_name_and_provision(text: str, title: str, year: str, pin: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["year"], ref.pinpoint) == ("legislation", title, year, pin)


def test_an_act_in_its_gazzetta() -> None:
    ref = _only("L. 12 marzo 2001, n. 88, *Norme sulla pesca*, art. 4, in Gazzetta Ufficiale n. 77 del 2 aprile 2001.")
    assert (ref.type, ref.fields["title"], ref.fields["howpublished"], ref.pinpoint) == (
        "legislation", "L. 12 marzo 2001, n. 88", "Gazzetta Ufficiale n. 77 del 2 aprile 2001", "art. 4")


@pytest.mark.parametrize(
    ("text", "title", "year", "pin"),
    [
        ("Regolamento (UE) 2019/881, *Regolamento sulla cibersicurezza*, art. 5, par. 1, lett. c).",
         "Regolamento (UE) 2019/881", "2019", "art. 5, par. 1, lett. c)"),
        ("Regolamento (UE) 2019/881 del Parlamento europeo e del Consiglio, del 17 aprile 2019, relativo "
         "all'Agenzia di esempio, art. 4, par. 2.",
         "Regolamento (UE) 2019/881 del Parlamento europeo e del Consiglio, del 17 aprile 2019, relativo "
         "all'Agenzia di esempio", "2019", "art. 4, par. 2"),
        ("Decisione di esecuzione (UE) 2021/914 della Commissione, del 4 giugno 2021.",
         "Decisione di esecuzione (UE) 2021/914 della Commissione, del 4 giugno 2021", "2021", None),
    ],
)
def test_an_eu_act_in_italian(text: str, title: str, year: str, pin: str | None) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["year"], ref.pinpoint) == ("legislation", title, year, pin)


# --- decisions by their kind ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        ("Trib. Pavia, sez. II civile, sentenza 4 maggio 2021, n. 212.", "Trib. Pavia, sez. II civile, sentenza, 2021-05-04, n. 212",
         "2021"),
        ("Cass. pen., sez. IV, ordinanza 9 gennaio 2020 (dep. 3 febbraio 2020), n. 512.",
         "Cass. pen., sez. IV, ordinanza, 2020-01-09, n. 512", "2020"),
        ("TAR Veneto, sez. I, sentenza 2 luglio 2019, n. 77, giustizia-amministrativa.it.",
         "TAR Veneto, sez. I, sentenza, 2019-07-02, n. 77", "2019"),
        ("Trib. Pavia, sez. lavoro, sentenza 4 maggio 2021.", "Trib. Pavia, sez. lavoro, sentenza, 2021-05-04", "2021"),
        ("Corte cost., ord. 10 dicembre 1998, n. 406.", "Corte cost., ord., 1998-12-10, n. 406", "1998"),
    ],
)
def test_an_italian_decision_by_its_kind(text: str, title: str, year: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["year"]) == ("jurisdiction", title, year)


def test_the_court_of_justice_by_its_kind_of_decision() -> None:
    ref = _only("Corte di giustizia UE, sentenza 4 marzo 2021, causa C-100/19 P, Alfa c. Beta, curia.europa.eu.")
    assert (ref.type, ref.fields["title"], ref.fields["number"], ref.fields["year"]) == (
        "jurisdiction", "Alfa c. Beta", "C-100/19 P", "2021")


def test_decisions_one_after_another() -> None:
    refs = _cites("Trib. Pavia, sez. lavoro, sentenza 4 maggio 2021, con condanna alle spese (art. 96 c.p.c.); "
                  "Trib. Lodi, sentenza 5 giugno 2021, n. 88; Cass. pen., sez. IV, ordinanza 9 gennaio 2020, n. 512.")
    assert [r.fields["title"] for r in refs] == [
        "Trib. Pavia, sez. lavoro, sentenza, 2021-05-04", "Trib. Lodi, sentenza, 2021-06-05, n. 88",
        "Cass. pen., sez. IV, ordinanza, 2020-01-09, n. 512"]


# --- a body or people, the title in italics, the year ----------------------------------


@pytest.mark.parametrize(
    ("text", "authors", "title", "year"),
    [
        ("Contoso Cloud, *Prompt Craft: Good Habits*, 2025, contoso.com.", ["{Contoso Cloud}"], "Prompt Craft: Good Habits", "2025"),
        ("Fondazione Esempio, *I Comuni e le reti. Competenze, territori*, 2026, esempio.it.", ["{Fondazione Esempio}"],
         "I Comuni e le reti. Competenze, territori", "2026"),
        ("Ufficio Alfa (oggi Ufficio Beta) e Accademia Gamma, *Guida alla scrittura*, 2011.",
         ["{Ufficio Alfa}", "{Accademia Gamma}"], "Guida alla scrittura", "2011"),
        ("A. T. Roe, O. Doe, S. S. Poe, *Why Widgets Fail*, 2025, arxiv.org.", ["Roe, A. T.", "Doe, O.", "Poe, S. S."],
         "Why Widgets Fail", "2025"),
        ("Contoso, *Annual Review of Work 2024*, 2024, contoso.com.", ["{Contoso}"], "Annual Review of Work 2024", "2024"),
        ("Jane Roe, *A Blog of Things*, 2020.", ["Roe, Jane"], "A Blog of Things", "2020"),
    ],
)
def test_a_body_or_people_the_title_in_italics_the_year(text: str, authors: list[str], title: str, year: str) -> None:
    ref = _only(text)
    names = [n for n in ref.fields["author"] if isinstance(n, Name)]
    got = [("{" + n.family + "}") if n.literal else (f"{n.family}, {n.given}" if n.given else n.family) for n in names]
    assert (got, ref.fields["title"], ref.fields["year"]) == (authors, title, year)


def test_a_series_between_title_and_year() -> None:
    ref = _only("Fabrikam, *Widget Guide 2.0*, Fabrikam Handbook, 2025, github.com.")
    assert (ref.fields["title"], ref.fields["howpublished"], ref.fields["year"]) == ("Widget Guide 2.0", "Fabrikam Handbook", "2025")


def test_a_report_by_its_number() -> None:
    ref = _only("A. Roe e altri, *Early Tools for Work*, Contoso, TR-2023-43, 2023, contoso.com.")
    assert (ref.type, ref.fields["institution"], ref.fields["number"], ref.fields["year"]) == (
        "report", "Contoso", "TR-2023-43", "2023")
    assert "howpublished" not in ref.fields


# --- cited again with "cit." -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "authors", "title", "pin"),
    [
        ('Fabrikam, *Widget Guide*, cit., sezione "Start here".', ("Fabrikam",), "Widget Guide", 'sezione "Start here"'),
        ("Fabrikam, *Widget Guide*, cit., parte sulle istruzioni e sul resto.", ("Fabrikam",), "Widget Guide", None),
        ("L. 12 marzo 2001, n. 88, cit., art. 12, che subordina la concessione.", (), "L. 12 marzo 2001, n. 88", "art. 12"),
        ("Regolamento (UE) 2019/881, cit., art. 4, n. 5, e considerando 26, per il quale i dati.", (),
         "Regolamento (UE) 2019/881", "art. 4, n. 5"),
        ("Trib. Pavia, n. 212/2021, cit., che ha condannato la parte.", (), "Trib. Pavia, n. 212/2021", None),
        ("Cass. pen., sez. IV, n. 512/2020, cit., in materia di spese.", (), "Cass. pen., sez. IV, n. 512/2020", None),
        ("Fabrikam, cit.", ("Fabrikam",), None, None),
    ],
)
def test_a_work_cited_again_with_cit(text: str, authors: tuple[str, ...], title: str | None, pin: str | None) -> None:
    (ref,) = [c.reference for c in read_note(1, text).citations]
    assert isinstance(ref, OpCitRef)
    assert (ref.authors, ref.short_title, ref.pinpoint) == (authors, title, pin)


# --- the French doctoral schools' manner: NOM Prénom, *Titre*, Éditeur, année, p. N -----


@pytest.mark.parametrize(
    ("text", "kind", "authors", "title", "year", "pin"),
    [
        ("ROUX-MARTIN Gaston, *Précis de droit rural*, Sirey, 1931, p. 8-12.", "book", ["ROUX-MARTIN, Gaston"],
         "Précis de droit rural", "1931", "8--12"),
        ("PERRET Jean-Luc et SALLE Marthe (dir.), *La peine et la ville : enjeux*, Presses Universitaires de Lyon, 2015, p. 150.",
         "book", ["PERRET, Jean-Luc", "SALLE, Marthe"], "La peine et la ville : enjeux", "2015", "150"),
        ("MOREL Anne, *Le droit des canaux* [en ligne], Sirey, 2017, p. 98-105, [consulté le 9 janvier 2017].", "book",
         ["MOREL, Anne"], "Le droit des canaux", "2017", "98--105"),
        ("CLAIR Odile, *La faute du gardien*, thèse de doctorat, droit, université de Lyon II, 1998, p. 88.", "phdthesis",
         ["CLAIR, Odile"], "La faute du gardien", "1998", "88"),
        ("F. Verdi, *La giustizia nei comuni: le soluzioni*, PhD thesis, University of Pavia, 2010.", "phdthesis",
         ["Verdi, F."], "La giustizia nei comuni: le soluzioni", "2010", None),
        ("DURAND Paul, « Le bail rural en question », *Rev. dr. rur., pratique*, 2011, p. 403.", "article",
         ["DURAND, Paul"], "Le bail rural en question", "2011", "403"),
        ("CHÂTEAU DE LUNE Marc (du), « Réflexions sur les digues », in *Mélanges offerts à Jean Roc*, Presses de Caen, "
         "1992, p. 179-187.", "incollection", ["du CHÂTEAU DE LUNE, Marc"], "Réflexions sur les digues", "1992", None),
    ],
)
def test_the_french_doctoral_manner(text: str, kind: str, authors: list[str], title: str, year: str, pin: str | None) -> None:
    ref = _only(text)
    assert (ref.type, _authors(ref), ref.fields["title"], ref.fields["year"], ref.pinpoint) == (kind, authors, title, year, pin)


def test_an_article_journal_in_italics_whole() -> None:
    ref = _only("DURAND Paul, « Le bail rural en question », *Rev. dr. rur., pratique*, 2011, p. 403.")
    assert ref.fields["journal"] == "Rev. dr. rur., pratique"


def test_a_decree_in_the_journal_officiel() -> None:
    ref = _only("MINISTÈRE DES CANAUX ET DES PORTS, *Décret n° 2013-805 du 3 septembre 2013 portant création d’un port*, "
                "Journal officiel, n°206, 5 septembre 2013.")
    assert (ref.type, ref.fields["howpublished"], ref.fields["year"]) == ("legislation", "Journal officiel, n°206, 5 septembre 2013", "2013")
    assert [n.literal for n in ref.fields["author"]] == [True]  # type: ignore[union-attr]


def test_the_writers_words_before_a_name_are_no_author() -> None:
    note = read_note(1, "In F. Rossi, *op. cit.*, p. 114, l’autore riporta l’espressione “Lo Stato è sempre onesto”, da "
                        "E. L. Neri, *Trattato della giurisdizione*, vol. 2, Berger, 1896.")
    book = note.citations[1].reference
    assert isinstance(book, FullRef) and _authors(book) == ["Neri, E. L."]


def test_op_cit_after_a_name_in_capitals_first() -> None:
    (ref,) = [c.reference for c in read_note(1, "TRAISSAC Élise, *op. cit.*").citations]
    assert isinstance(ref, OpCitRef) and ref.authors == ("TRAISSAC",)


# --- the writer's sentence, then the source after a colon; the source, then the writer ----


def test_a_long_sentence_then_its_source_after_a_colon() -> None:
    note = read_note(1, "Secondo la Corte, i dati resi anonimi in parte possono non essere personali per chi li riceve e "
                        "non ha mezzi ragionevoli per risalire alle persone, ma restano personali per chi conserva le "
                        "informazioni aggiuntive e le chiavi: Corte di giustizia UE, sentenza 4 marzo 2021, causa "
                        "C-100/19 P, Alfa c. Beta, curia.europa.eu.")
    (ref,) = [c.reference for c in note.citations]
    assert isinstance(ref, FullRef) and (ref.type, ref.fields["title"]) == ("jurisdiction", "Alfa c. Beta")


def test_a_short_sentence_then_an_act_after_a_colon() -> None:
    (ref,) = _cites("Nel modello ogni norma era indicata con il suo oggetto: D.Lgs. 3 aprile 2006, n. 152, art. 7.")
    assert (ref.fields["title"], ref.pinpoint) == ("D.Lgs. 3 aprile 2006, n. 152", "art. 7")


def test_a_decision_then_the_writers_words_after_its_site() -> None:
    (ref,) = _cites("Corte di giustizia UE, sentenza 7 dicembre 2023, causa C-600/21, Gamma Holding, curia.europa.eu, "
                    "secondo cui anche il calcolo di un punteggio è una decisione.")
    assert (ref.type, ref.fields["title"]) == ("jurisdiction", "Gamma Holding")


def test_a_paper_then_the_writers_words_after_its_year() -> None:
    ref = _only("Gruppo di lavoro Esempio 12, *Linee guida sulla profilazione* (WP251 rev.01), 2018, fatte proprie "
                "dal Comitato europeo, ec.europa.eu.")
    assert (ref.fields["title"], ref.fields["number"], ref.fields["year"]) == ("Linee guida sulla profilazione", "WP251 rev.01", "2018")


def test_a_work_cited_again_then_the_writers_sentence() -> None:
    note = read_note(1, "Fabrikam, *Widget Guide*, cit. In Contoso Chat senza licenza gli agenti non usano i file: "
                        "Fabrikam, *Agent Book*, cit.")
    assert [type(c.reference).__name__ for c in note.citations] == ["OpCitRef", "OpCitRef"]


def test_a_page_of_a_website_dated_in_the_french_manner() -> None:
    ref = _only("MAÎTRE CORBEAU, « Pour en finir avec les digues », sur *Journal d’un juriste : Instantanés*[en ligne], "
                "publié le 21 février 2017, [consulté le 21 mars 2017].")
    assert (ref.type, ref.fields["title"], ref.fields["howpublished"], ref.fields["year"], ref.fields["urldate"]) == (
        "online", "Pour en finir avec les digues", "Journal d’un juriste : Instantanés", "2017", "2017-03-21")
