"""Notes in the manner of the EU institutions' own documents and of OSCOLA papers on EU law.

The shapes are those real guidelines, opinions and law papers print (issue 10):
the Court named and dated before the case ("CJEU, judgment of …, Case …, *Name*
(ECLI), para."; "Judgment of the Court of Justice of … Name, C-…, ECLI, paragraph");
an Advocate General's opinion "delivered on" a date; a provision cited by the act's
short name ("Article 12 DSA", "Recital 9 DSA"); an act with the Official Journal's
own reference ("OJ L 186, 11.7.2019, p. 57"); a body's numbered guidelines or
opinion with its adoption date.  Names, numbers and dates are made up.
"""

from __future__ import annotations

import pytest
from test_eurolaw_real_shapes import _only

from relbib.model import FullRef
from relbib.parse.split import read_note


@pytest.mark.parametrize(
    ("text", "name", "report", "year", "pin"),
    [
        ("CJEU, judgment of 3 March 2021, Case C-512/19, *Vantor v. Kelmark* (ECLI:EU:C:2021:184), para. 57.",
         "Vantor v. Kelmark", "ECLI:EU:C:2021:184", "2021", "para. 57"),
        ("CJEU, judgment of 9 May 2016, Joined Cases C\u201111/15 and C\u201112/15, *Halder Rail (Tariffs)* "
         "(EU:C:2016:310), paras. 40-42.", "Halder Rail (Tariffs)", "EU:C:2016:310", "2016", "paras. 40-42"),
        ("Judgment of the Court of Justice of 14 May 2020 Orlen Baltic v Savrasova, C-611/18, "
         "ECLI:EU:C:2020:377, paragraph 73.", "Orlen Baltic v Savrasova", "ECLI:EU:C:2020:377", "2020",
         "paragraph 73"),
        ("Judgment of the General Court of 9 June 2016, Ravena v Commission, T-221/15, ECLI:EU:T:2016:340, "
         "paragraphs 41 to 48.", "Ravena v Commission", "ECLI:EU:T:2016:340", "2016", "paragraphs 41 to 48"),
        ("Judgment of the Court of Justice of 2 April 2019 Tamsel and others, C-18/17 ECLI:EU:C:2019:260, "
         "paragraphs 11 and 12.", "Tamsel and others", "ECLI:EU:C:2019:260", "2019", "paragraphs 11 and 12"),
        ("Opinion of Advocate General Kessel delivered on 2 May 2019 in Case C-77/18 Lindqvist Solar, "
         "ECLI:EU:C:2019:351, paragraphs 30-34.", "Lindqvist Solar", "ECLI:EU:C:2019:351", "2019",
         "paragraphs 30-34"),
        ("Opinion of Advocate General Kessel in Case C\u201188/17, *Norra Fabrik* (ECLI:EU:C:2018:602), "
         "paras. 12-13.", "Norra Fabrik", "ECLI:EU:C:2018:602", "2018", "paras. 12-13"),
    ],
)
def test_a_case_named_and_dated_in_the_institutions_manner(
        text: str, name: str, report: str, year: str, pin: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["howpublished"], ref.fields["year"]) == (
        "jurisdiction", name, report, year)
    assert (ref.pinpoint or "").replace("--", "-") == pin


def test_a_case_with_the_words_of_the_judgment_quoted_after_its_paragraph() -> None:
    ref = _only('Judgment of the Court of Justice of 5 July 2018 Brenner v Land Tirol, C-41/17, '
                'ECLI:EU:C:2018:530, paragraph 52: "That provision lays down a rule of principle".')
    assert (ref.fields["title"], ref.pinpoint) == ("Brenner v Land Tirol", "paragraph 52")


@pytest.mark.parametrize(
    ("text", "title", "pin"),
    [
        ("Article 44 DSA.", "DSA", "Article 44"),
        ("Recital 12 DSA.", "DSA", "Recital 12"),
        ("See Article 17(1) DSA.", "DSA", "Article 17(1)"),
        ("Article 12(2)(b) and (c) GDPR.", "GDPR", "Article 12(2)(b) and (c)"),
        ("Article 9(3) Copyright Directive.", "Copyright Directive", "Article 9(3)"),
    ],
)
def test_a_provision_cited_by_the_acts_short_name(text: str, title: str, pin: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.pinpoint) == ("legislation", title, pin)


def test_a_provision_of_an_act_named_in_full() -> None:
    ref = _only("Art. 7(2)(a) of Directive 2011/83/EU of the European Parliament and of the Council of "
                "25 October 2011 on consumer rights.")
    assert ref.type == "legislation"
    assert ref.fields["title"] == ("Directive 2011/83/EU of the European Parliament and of the Council of "
                                   "25 October 2011 on consumer rights")
    assert (ref.fields.get("year"), ref.pinpoint) == ("2011", "Art. 7(2)(a)")


@pytest.mark.parametrize(
    ("text", "title", "journal", "year"),
    [
        ("Regulation (EU) 2019/1150 of the European Parliament and of the Council on promoting fairness for "
         "business users of online intermediation services, OJ L 186, 11.7.2019, p. 57.",
         "Regulation (EU) 2019/1150 of the European Parliament and of the Council on promoting fairness for "
         "business users of online intermediation services", "OJ L 186, 11.7.2019, p. 57", "2019"),
        ("Directive (EU) 2015/2366 of the European Parliament and of the Council of 25 November 2015 on payment "
         "services in the internal market, OJ L 337, 23.12.2015, p. 35\u2013127.",
         "Directive (EU) 2015/2366 of the European Parliament and of the Council of 25 November 2015 on payment "
         "services in the internal market", "OJ L 337, 23.12.2015, p. 35\u2013127", "2015"),
    ],
)
def test_an_act_with_the_official_journals_own_reference(text: str, title: str, journal: str, year: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.fields["howpublished"], ref.fields["year"]) == (
        "legislation", title, journal, year)


@pytest.mark.parametrize(
    ("text", "body", "title", "year", "pin"),
    [
        ("European Banking Authority, Guidelines 2/2021 on outsourcing arrangements (adopted 25 February 2021) "
         "para 41.", "European Banking Authority", "Guidelines 2/2021 on outsourcing arrangements", "2021",
         "para 41"),
        ("Article 29 Data Protection Working Party, Opinion 05/2012 on Cloud Computing (WP 196, 1 July 2012) 9–11.",
         "Article 29 Data Protection Working Party", "Opinion 05/2012 on Cloud Computing", "2012", "9--11"),
        ("EDPS Opinion 3/2020 on the European strategy for data, Adopted on 16 June 2020, paragraph 12, "
         "https://edps.europa.eu/data/opinion_3_2020.pdf.", "EDPS", "Opinion 3/2020 on the European strategy "
         "for data", "2020", "paragraph 12"),
        ("Article 29 Data Protection Working Party Guidelines on Consent under Regulation 2016/679 (WP259), as "
         "last Revised and Adopted on 10 April 2018, page 14.", "Article 29 Data Protection Working Party",
         "Guidelines on Consent under Regulation 2016/679", "2018", "page 14"),
    ],
)
def test_a_bodys_numbered_paper_with_its_adoption_date(text: str, body: str, title: str, year: str,
                                                        pin: str) -> None:
    ref = _only(text)
    assert ref.type == "report"
    author = ref.fields["author"]
    assert isinstance(author, tuple) and author[0].literal and author[0].family == body
    assert (ref.fields["title"], ref.fields["year"], ref.pinpoint) == (title, year, pin)


@pytest.mark.parametrize("text", ["See eg Norwind Labs, 'Pricing Tiers' (2023).",
                                  "cf Case C-88/14 Harlan Shipping EU:C:2015:77, para 12."])
def test_oscola_signals_without_full_stops_stay_out_of_the_citation(text: str) -> None:
    ref = _only(text)
    assert not any(str(v).lower().startswith(("eg ", "cf ")) for v in (ref.fields.get("title"),))
    author = ref.fields.get("author")
    assert not (isinstance(author, tuple) and any("eg" in n.family.split() or "eg" in n.given.split()
                                                  for n in author))
    if "Harlan" in text:
        assert (ref.type, ref.fields["title"]) == ("jurisdiction", "Harlan Shipping")


def test_a_recital_closes_its_citation_before_the_next_sentence() -> None:
    note = read_note(1, "Recital 38 GDPR. See also Judgment of the Court of Justice of 2 April 2019 Tamsel and others, "
                        "C-18/17, ECLI:EU:C:2019:260, paragraph 12.")
    refs = [c.reference for c in note.citations]
    assert [(r.type, r.fields["title"], r.pinpoint) for r in refs if isinstance(r, FullRef)] == [
        ("legislation", "GDPR", "Recital 38"), ("jurisdiction", "Tamsel and others", "paragraph 12")]


def test_two_judgments_joined_by_and_also_are_two_citations() -> None:
    note = read_note(1, "See also Judgment of the Court of Justice of 6 March 2018, Lorenz v Council, C-402/16, "
                        "ECLI:EU:C:2018:150, paragraph 90, and also Judgment of the Court of Justice of 1 June 2017, "
                        "Aster Rail v Dorn, C-19/16, ECLI:EU:C:2017:410, paragraphs 41-46.")
    refs = [c.reference for c in note.citations]
    assert [(r.fields["title"], r.fields["year"]) for r in refs if isinstance(r, FullRef)] == [
        ("Lorenz v Council", "2018"), ("Aster Rail v Dorn", "2017")]


def test_an_oscola_case_whose_italic_name_holds_brackets() -> None:
    ref = _only("Case C-512/19 *Vantor Holdings and Others (Tariffs)* ECLI:EU:C:2021:184.")
    assert (ref.type, ref.fields["title"], ref.fields["howpublished"]) == (
        "jurisdiction", "Vantor Holdings and Others (Tariffs)", "ECLI:EU:C:2021:184")


def test_a_bodys_quoted_guidelines_adopted_then_revised_take_the_revisions_year() -> None:
    ref = _only("Working Party on Ports, 'Guidelines on Harbour Data under Regulation 2031/77' (WP412rev.01, "
                "adopted 3 October 2027, revised 6 February 2028) 20–21.")
    assert (ref.fields["title"], ref.fields["year"], ref.pinpoint) == (
        "Guidelines on Harbour Data under Regulation 2031/77", "2028", "20--21")


@pytest.mark.parametrize(
    ("text", "pin"),
    [
        ('Article 14(2) DSA states that "the provider shall act without delay".', "Article 14(2)"),
        ('Article 14(2) DSA states that "*the provider shall act on notices without undue delay, in a '
         'diligent and objective manner, once it has been informed*". See also Article 15(1) DSA.', "Article 14(2)"),
        ("According to Article 3(k) DSA, a 'marketplace' means a platform that lets consumers buy.", "Article 3(k)"),
    ],
)
def test_a_provision_opening_a_sentence_of_prose_is_cited(text: str, pin: str) -> None:
    ref = _only(text)
    assert (ref.type, ref.fields["title"], ref.pinpoint) == ("legislation", "DSA", pin)
