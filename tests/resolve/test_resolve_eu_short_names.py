"""OSCOLA cross-references that name an earlier work by its initials: an act by the
acronym of the name it gives in brackets ("DGA (n 1)" for "… (Data Governance Act)"),
a body's paper by the body's initials ("ESMA, Guidelines 4/2020 (n 2)"), and the
"(n N)" forms that carry a comma, a signal or an explanation.  Names and numbers are
made up."""

from __future__ import annotations

from test_resolve_citations import _resolve


def test_an_acts_acronym_names_the_act_of_the_note() -> None:
    result = _resolve(
        "Regulation (EU) 2031/868 of the European Parliament and of the Council of 3 May 2031 on European "
        "data sharing (Data Sharing Governance Act) [2031] OJ L152/1, art 2(5).",
        "DSGA (n 1) recital 11.",
        "ibid art 4.",
    )
    cross, ibid = result.citations[1:]
    assert (cross.refers_to, cross.source, cross.rule) == (1, 1, "supra-note")
    assert (ibid.refers_to, ibid.source) == (2, 1)


def test_a_bodys_initials_and_its_papers_number_name_the_paper() -> None:
    result = _resolve(
        "Some Author, 'A Piece' (2020) 3 Some Journal 1.",
        "European Securities Markets Authority, Guidelines 4/2020 on Cloud Outsourcing (adopted 3 March 2021) "
        "para 12.",
        "cf ESMA, Guidelines 4/2020 (n 2) paras 3–4 (the two regimes are distinct).",
    )
    last = result.citations[-1]
    assert (last.form.value, last.refers_to, last.source) == ("supra", 2, 2)


def test_a_cross_reference_with_an_explanation_after_it_is_no_full_citation() -> None:
    result = _resolve(
        "Working Group on Ports, Harbour Data Specification Version 2.1 (April 2019) https://example.org/spec.",
        "WGP Harbour Data Specification (n 1) ss 3.2.1–3.2.4 (the request object), ss 4.2.1–4.2.3 (the reply).",
    )
    last = result.citations[-1]
    assert (last.form.value, last.refers_to, last.source) == ("supra", 1, 1)


def test_a_case_cross_reference_with_its_number_picks_its_case_of_two() -> None:
    result = _resolve(
        "Case C-901/19 Marlow Freight EU:C:2021:455, paras 4–5; Case C-77/20 Hafenamt Kiel EU:C:2022:12, para 7.",
        "cf Case C-901/19 Marlow Freight (n 1) para 52 (limits must be strictly necessary).",
    )
    last = result.citations[-1]
    assert (last.refers_to, last.refers_index, last.source_index) == (1, 0, 0)


def test_a_cross_reference_with_the_words_it_quotes_after_its_page() -> None:
    result = _resolve(
        "Working Party on Ports, 'Guidelines on Harbour Data' (WP412, 12 May 2019) 7–9.",
        "WP412 (n 1) 10: 'The operator cannot avoid the rule by adding a human step.'",
    )
    last = result.citations[-1]
    assert (last.form.value, last.source, last.pinpoint) == ("supra", 1, "10")
