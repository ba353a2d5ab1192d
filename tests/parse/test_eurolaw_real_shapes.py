"""Continental law notes in the shapes real theses and law reviews print (issue 10).

Each note is made up (names, titles, numbers) in the shape of a misread found in
real Italian, French, German and Spanish law notes: provisions of codes, acts by
date and number, theses, the Italian style sheets' «Rivista» (year) issue, web
pages with an Italian access date, court divisions, the French ECtHR and
Cassation manners, bare CJEU case numbers and ECLIs, and notes whose source lines
were wrapped and indented (LaTeX).  What is asserted is what a reader of the note
would check: the type, the work's name, its container and year, the pinpoint.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, Name, OpCitRef, SupraRef
from relbib.parse.split import read_note


def _only(text: str) -> FullRef:
    note = read_note(1, text)
    assert note.kind == "citation", note
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef), ref
    return ref


@pytest.mark.parametrize(
    ("text", "code", "provision"),
    [
        ("Art. 2051 c.c.", "c.c.", "Art. 2051"),
        ("Art. 21, comma 2, lett. b), c.p.a.", "c.p.a.", "Art. 21, comma 2, lett. b)"),
        ("Artt. 1218 e 1223 c.c.", "c.c.", "Artt. 1218 e 1223"),
        ("§ 906 Abs. 2 BGB.", "BGB", "§ 906 Abs. 2"),
        ("§ 80 VwGO.", "VwGO", "§ 80"),
        ("Art. 33, LJCA.", "LJCA", "Art. 33"),
        ("art. 1240 C. civ.", "C. civ.", "art. 1240"),
        ("Art. 97 Cost.: “I pubblici uffici sono organizzati”.", "Cost.", "Art. 97"),
    ],
)
def test_a_provision_of_a_code_is_legislation_named_by_its_code(text: str, code: str, provision: str) -> None:
    ref = _only(text)
    assert ref.type == "legislation"
    assert ref.fields["title"] == code
    assert ref.pinpoint == provision


@pytest.mark.parametrize(
    ("text", "title", "year", "pin"),
    [
        ("L. 15 marzo 1997, n. 59, art. 4.", "L. 15 marzo 1997, n. 59", "1997", "art. 4"),
        ("L. 1034 del 1971, Art. 2, c. 1: “Il ricorso è proposto”.", "L. 1034 del 1971", "1971", "Art. 2, c. 1"),
        ("d.lgs. n. 50/2016.", "d.lgs. n. 50/2016", "2016", None),
    ],
)
def test_an_italian_act_by_date_or_number(text: str, title: str, year: str, pin: str | None) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields.get("year"), ref.pinpoint) == ("legislation", title, year, pin)


def test_a_provision_then_a_remark_is_one_citation() -> None:
    note = read_note(1, "Art. 75, c. 2, LJCA. La norma è stata riscritta nel 2015 e ora vale anche per gli enti locali.")
    assert len(note.citations) == 1
    assert note.citations[0].reference.fields["title"] == "LJCA"  # type: ignore[union-attr]


def test_a_provision_then_cfr_opens_a_second_citation() -> None:
    note = read_note(1, "§ 80 VwGO. Cfr. K. Brandt et al., Verwaltungsprozessrecht: Kommentar, München, "
                        "C.H. Beck, 12., neubearbeitete Auflage 2019, n. 14.")
    assert len(note.citations) == 2
    book = note.citations[1].reference
    assert isinstance(book, FullRef)
    assert book.fields["title"] == "Verwaltungsprozessrecht: Kommentar"
    assert book.fields["author"] == (Name(family="Brandt", given="K."),)
    assert (book.fields["edition"], book.fields["year"]) == ("12", "2019")


@pytest.mark.parametrize(
    ("text", "kind", "school"),
    [
        ("G. Conti, La tutela cautelare nel processo amministrativo, tesi di dottorato, Università di Pisa, 2014.",
         "phdthesis", "Università di Pisa"),
        ("F. Moretti, L’esecuzione delle sentenze amministrative, PhD thesis, University of Siena, 2011.",
         "phdthesis", "University of Siena"),
        ("L. Sarti, Il danno da ritardo, tesi di laurea, Università di Parma, 2019.", "mastersthesis", "Università di Parma"),
    ],
)
def test_a_thesis_is_read_not_dropped_as_a_comment(text: str, kind: str, school: str) -> None:
    ref = _only(text)
    assert ref.type == kind
    assert ref.fields["school"] == school
    assert str(ref.fields["title"]).startswith(("La tutela", "L’esecuzione", "Il danno"))


def test_a_wrapped_latex_note_reads_like_the_same_note_on_one_line() -> None:
    wrapped = ("Cfr. L.   Ferraro, Diritto pubblico comparato: modelli   dei sistemi europei e\n"
               "    contesto globale, Bologna, Il Mulino, 2018,\n    12.")
    ref = _only(wrapped)
    assert ref.fields["title"] == "Diritto pubblico comparato: modelli dei sistemi europei e contesto globale"
    assert ref.pinpoint == "12"


def test_a_sentence_case_italian_title_is_not_prose() -> None:
    ref = _only("Cfr. R. Landi, La tutela dei terzi nel procedimento amministrativo e nella giurisprudenza "
                "recente, Milano, Giuffrè, 2016, 40 ss.")
    assert ref.type == "book"
    assert (ref.fields["year"], ref.pinpoint) == ("2016", "40 ss")


def test_the_style_sheets_journal_in_guillemets() -> None:
    ref = _only("P. Marini, La riforma del processo, in «Rivista di diritto processuale» 52 (maggio 1997) 2, 311–340, 320.")
    assert ref.type == "article"
    assert ref.fields["journal"] == "Rivista di diritto processuale"
    assert (ref.fields["volume"], ref.fields["year"], ref.fields["number"]) == ("52", "1997", "2")
    assert ref.fields["pages"] == "311--340"
    assert ref.pinpoint == "320"


def test_a_web_page_with_an_italian_access_date() -> None:
    ref = _only("Cfr. Conseil d’État, Le juge administratif et l’exécution, conseil-etat.fr, in "
                "https://www.example.org/juge (Consultato: 3 marzo 2022).")
    assert ref.type == "online"
    assert ref.fields["title"] == "Le juge administratif et l’exécution"
    assert ref.fields["howpublished"] == "conseil-etat.fr"
    assert ref.fields.get("year") is None  # the day it was read is no publication year
    assert ref.fields["urldate"] == "2022-03-03"


def test_dash_joined_authors_and_two_pages() -> None:
    ref = _only("M. Galli – R. Testa, Manuale di diritto urbanistico, Milano, Giuffrè, 2009, 45, 46.")
    assert ref.fields["author"] == (Name(family="Galli", given="M."), Name(family="Testa", given="R."))
    assert ref.pinpoint == "45, 46"


def test_e_ss_after_an_article_page() -> None:
    ref = _only("Cfr. A. Verri, La colpa medica, in Riv. it. med. leg., 2003, I, p. 88 e ss.")
    assert (ref.type, ref.fields["journal"], ref.fields["pages"]) == ("article", "Riv. it. med. leg.", "88")


@pytest.mark.parametrize(
    ("text", "title", "number"),
    [
        ("Cons. St., Ad. Plen., 3 luglio 2017, n. 4.", "Cons. St., Ad. Plen., 2017-07-03, n. 4", "4"),
        ("CEDH, 12 mai 2009, Durand c. Belgique (n°1234/05).", "Durand c. Belgique", None),
        ("Cass AP, 15 juin 2012, pourvois n°10-11.222 et n°10-11.333.", "Cass AP, 2012-06-15, n. 10-11.222 et 10-11.333",
         "10-11.222 et 10-11.333"),
    ],
)
def test_court_divisions_party_names_and_pourvois(text: str, title: str, number: str | None) -> None:
    ref = _only(text)
    assert ref.type == "jurisdiction"
    assert ref.fields["title"] == title
    assert ref.fields.get("number") == number


@pytest.mark.parametrize(
    "text",
    [
        "C-72/15, Rosneft, EU:C:2017:236, punto 45.",
        "causa C-72/15, Rosneft, ECLI:EU:C:2017:236, punto 45.",
        "EuGH, Rs. C-72/15, Rosneft, EU:C:2017:236, Rn. 45.",
    ],
)
def test_a_cjeu_case_by_its_number_in_any_language(text: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["number"], ref.fields["year"]) == (
        "jurisdiction", "Rosneft", "C-72/15", "2017")
    assert ref.pinpoint is not None and ref.pinpoint.endswith("45")


def test_a_decision_by_its_ecli_alone() -> None:
    ref = _only("ECLI:IT:COST:2016:120.")
    assert (ref.type, ref.fields["year"], ref.fields["howpublished"]) == ("jurisdiction", "2016", "ECLI:IT:COST:2016:120")


@pytest.mark.parametrize(
    ("text", "authors", "pin"),
    [
        ("In A. Ferri, op. cit., p. 89.", ("Ferri",), "89"),
        ("In A. Ferri, op. cit., p. 45, si legge che la regola non vale per gli enti locali.", ("Ferri",), "45"),
        ("Cfr. A. Ferri, Ibidem, 14.", ("Ferri",), "14"),
        ("L. Bassi, Ibidem, nota 12, 340.", ("Bassi",), "340"),
        ("K. Brandt et al., Ibidem, n. 9.", ("Brandt",), "n. 9"),
        ("FERRI, ult. op. cit., p. 9.", ("FERRI",), "9"),
    ],
)
def test_italian_subsequent_forms_name_the_author(text: str, authors: tuple[str, ...], pin: str) -> None:
    ref = read_note(2, text).citations[0].reference
    assert isinstance(ref, OpCitRef)
    assert (ref.authors, ref.short_title, ref.pinpoint) == (authors, None, pin)


def test_supra_nota() -> None:
    ref = read_note(5, "V. supra, nota 3.").citations[0].reference
    assert isinstance(ref, SupraRef) and ref.note == 3


@pytest.mark.parametrize(
    ("text", "authors", "title"),
    [
        ("SÁNCHEZ MORÓN, M. P., La potestad sancionadora, Madrid, Tecnos, 2011, p. 45.",
         ("SÁNCHEZ MORÓN",), "La potestad sancionadora"),
        ("PÉREZ-LUÑO, A., Los derechos fundamentales, vol. II, 6.ª ed., Cizur Menor, Aranzadi, 2009, pp. 12-14.",
         ("PÉREZ-LUÑO",), "Los derechos fundamentales"),
    ],
)
def test_spanish_surnames_in_capitals_before_the_initials(text: str, authors: tuple[str, ...], title: str) -> None:
    ref = _only(text)
    assert tuple(n.family for n in ref.fields["author"]) == authors  # type: ignore[union-attr]
    assert ref.fields["title"] == title
    assert ref.fields["author"][0].given.endswith(".")  # type: ignore[index,union-attr]
    assert ref.fields["publisher"] in ("Tecnos", "Aranzadi")


def test_a_german_article_by_journal_year_and_page() -> None:
    ref = _only("Lindner, NJW 2017, 1473 (1475).")
    assert (ref.type, ref.fields["journal"], ref.fields["year"], ref.fields["pages"], ref.pinpoint) == (
        "article", "NJW", "2017", "1473", "1475")
    assert ref.fields["author"] == (Name(family="Lindner"),)


def test_an_encyclopedia_entry() -> None:
    ref = _only("C. Morelli, voce Mandato, in Enc. giur., vol. XIX, Roma, Treccani, 1990, p. 12.")
    assert (ref.type, ref.fields["title"], ref.fields["booktitle"], ref.fields["year"], ref.pinpoint) == (
        "inreference", "Mandato", "Enc. giur.", "1990", "12")


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        ("Cfr. la Direttiva 2019/790/UE del Parlamento europeo e del Consiglio, del 17 aprile 2019, sul diritto "
         "d’autore, in GUUE L 130 del 17 maggio 2019, p. 92.",
         "Direttiva 2019/790/UE del Parlamento europeo e del Consiglio, del 17 aprile 2019, sul diritto d’autore", "2019"),
        ("Règlement (UE) 2022/2065 du Parlement européen et du Conseil du 19 octobre 2022, JOUE L 277 du 27 octobre 2022, p. 1.",
         "Règlement (UE) 2022/2065 du Parlement européen et du Conseil du 19 octobre 2022", "2022"),
    ],
)
def test_an_eu_act_in_the_unions_other_languages(text: str, title: str, year: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["year"]) == ("legislation", title, year)


@pytest.mark.parametrize("text", [
    "Corte giust., 5 giugno 2018, causa C-210/16, Wirtschaftsakademie, punto 40.",
    "Corte giust. UE, 5 giugno 2018, causa C-210/16, Wirtschaftsakademie, punto 40.",
    # the kind of case left out before the court's letter and number
    "CGUE, 5 giugno 2018, C-210/16, Wirtschaftsakademie, punto 40.",
])
def test_the_court_of_justice_dated_first(text: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["number"], ref.fields["year"], ref.pinpoint) == (
        "jurisdiction", "Wirtschaftsakademie", "C-210/16", "2018", "punto 40")


def test_a_case_with_its_year_in_brackets_before_the_ecli() -> None:
    ref = _only("Case C-210/16 Unabhängiges Landeszentrum v Wirtschaftsakademie [2018] "
                "ECLI:EU:C:2018:388, para 40.")
    assert (ref.type, ref.fields["title"], ref.fields["number"], ref.fields["year"], ref.pinpoint) == (
        "jurisdiction", "Unabhängiges Landeszentrum v Wirtschaftsakademie", "C-210/16", "2018",
        "para 40")


@pytest.mark.parametrize(
    "text",
    [
        "V., ex multis, Cass. civ., sez. I, 7 maggio 2015, n. 9234.",
        "Così, testualmente, Cass. civ., sez. I, 7 maggio 2015, n. 9234.",
        "Sul punto, v. Cass. civ., sez. I, 7 maggio 2015, n. 9234.",
    ],
)
def test_italian_signals_and_lead_ins_are_not_part_of_the_citation(text: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"]) == ("jurisdiction", "Cass. civ., sez. I, 2015-05-07, n. 9234")


def test_a_regional_court_with_its_seat_and_a_spanish_fundamento() -> None:
    tar = _only("T.A.R. Lazio, Roma, sez. II-ter, 4 giugno 2019, n. 7243.")
    assert tar.fields["title"] == "T.A.R. Lazio, Roma, sez. II-ter, 2019-06-04, n. 7243"
    stc = _only("STC 31/2010, de 28 de junio, FJ 6.")
    assert (stc.fields["year"], stc.pinpoint) == ("2010", "FJ 6")


def test_a_code_named_in_full_and_a_page_after_spec() -> None:
    code = _only("Art. 1382 du Code civil.")
    assert (code.type, code.fields["title"], code.pinpoint) == ("legislation", "Code civil", "Art. 1382")
    book = _only("G. Neri, Le fonti del diritto, Bologna, Il Mulino, 2012, spec. p. 45 ss.")
    assert book.pinpoint == "45 ss"


def test_op_cit_then_the_writers_words_then_another_work() -> None:
    note = read_note(7, "In F. Landi, op. cit., p. 45, si riporta l’osservazione di M. Sala – A. Sala – E. Conti, "
                        "Diritto processuale amministrativo, Bologna, Il Mulino, 4a ed 1995, 332, 333.")
    assert len(note.citations) == 2
    assert isinstance(note.citations[0].reference, OpCitRef) and note.citations[0].reference.pinpoint == "45"
    book = note.citations[1].reference
    assert isinstance(book, FullRef)
    assert book.fields["title"] == "Diritto processuale amministrativo"
    assert [n.family for n in book.fields["author"]] == ["Sala", "Sala", "Conti"]  # type: ignore[union-attr]
    assert (book.fields["edition"], book.fields["year"]) == ("4", "1995")


def test_an_italian_lead_in_ending_with_si_veda_anche() -> None:
    note = read_note(3, "In F. Landi, op. cit., p. 61, in argomento si veda anche S. Gatti, Il giudizio di "
                        "ottemperanza, Milano, Giuffrè, 1990, 313 ss.")
    book = note.citations[-1].reference
    assert isinstance(book, FullRef) and book.fields["author"] == (Name(family="Gatti", given="S."),)


def test_a_decision_then_the_writers_words() -> None:
    ref = _only("Cons. St., sez. IV, 30 gennaio 2006, n. 290, in Dir. giust., 2006, 10, 80 ove si afferma che il "
                "proprietario del fondo può chiedere la restituzione.")
    assert ref.fields["howpublished"] == "Dir. giust., 2006, 10, 80"


def test_a_provision_then_a_short_remark() -> None:
    note = read_note(1, "§ 113 VwGO. Si parla in questo caso di Bescheidungsurteil.")
    assert len(note.citations) == 1
    assert note.citations[0].reference.pinpoint == "§ 113"


def test_a_spanish_double_surname_after_the_initials() -> None:
    ref = _only("Cfr. J. Ruiz de Azúa – T. R. Fernández, Curso de derecho administrativo, Madrid, Civitas, 1. ed 1974, 650.")
    assert ref.fields["author"] == (Name(family="Ruiz de Azúa", given="J."), Name(family="Fernández", given="T. R."))
    assert (ref.fields["edition"], ref.fields["year"], ref.pinpoint) == ("1", "1974", "650")


def test_op_cit_in_italics_then_the_writers_words() -> None:
    note = read_note(7, "In F. Landi, *op. cit.*, p. 46, si fa riferimento a M. Sala, *Il giudicato*, Milano, "
                        "Giuffrè, 2001, 12.")
    assert [type(c.reference).__name__ for c in note.citations] == ["OpCitRef", "FullRef"]
    assert note.citations[1].reference.fields["title"] == "Il giudicato"  # type: ignore[union-attr]


@pytest.mark.parametrize("text", [
    "ECJ, Case C-210/16, Wirtschaftsakademie, 5 June 2018.",
    "Case C-210/16, Wirtschaftsakademie, judgment of 5 June 2018, EU:C:2018:388, para. 40.",
])
def test_a_court_of_justice_case_with_its_date_after_the_name(text: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["number"], ref.fields["year"]) == (
        "jurisdiction", "Wirtschaftsakademie", "C-210/16", "2018")


def test_an_echr_case_with_its_application_numbers() -> None:
    ref = _only("ECtHR, Varga v. Ruritania, App. nos. 30562/04 and 30566/04, 4 December 2008, § 12.")
    assert (ref.type, ref.fields["title"], ref.fields["number"], ref.fields["year"], ref.pinpoint) == (
        "jurisdiction", "Varga v. Ruritania", "30562/04 and 30566/04", "2008", "§ 12")


@pytest.mark.parametrize(("text", "court", "title", "number", "pin"), [
    # OSCOLA: the application and the court and date in brackets after the parties
    ("Varga v Ruritania App no 30562/04 (ECtHR, 4 December 2008) para 12.", "ECtHR", "Varga v Ruritania",
     "30562/04", "para. 12"),
    ("Varga and Others v Ruritania [GC] App nos 30562/04, 30566/04 (ECtHR, 4 December 2008) paras 12-14.",
     "ECtHR", "Varga and Others v Ruritania", "30562/04 and 30566/04", "paras. 12--14"),
    # the Bluebook: the paragraph before the bracket, the date American
    ("Varga v. Ruritania, App. No. 30562/04, ¶ 12 (Eur. Ct. H.R. Dec. 4, 2008).", "Eur. Ct. H.R.",
     "Varga v. Ruritania", "30562/04", "para. 12"),
    ("Varga v. Ruritania, App. Nos. 30562/04 & 30566/04 (Eur. Ct. H.R. Dec. 4, 2008).", "Eur. Ct. H.R.",
     "Varga v. Ruritania", "30562/04 and 30566/04", None),
    # the Italian "par." is the paragraph cited, not where the decision is published
    ("Corte EDU, 4 dicembre 2008, Varga c. Ruritania, ric. n. 30562/04, par. 12.", "Corte EDU",
     "Varga c. Ruritania", "30562/04", "par. 12"),
])
def test_an_echr_case_named_before_its_court(text: str, court: str, title: str, number: str,
                                              pin: str | None) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["institution"], ref.fields["title"], ref.fields["number"],
            ref.fields["date"], ref.pinpoint) == ("jurisdiction", court, title, number, "2008-12-04", pin)
    assert "howpublished" not in ref.fields
