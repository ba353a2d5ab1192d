"""OSCOLA cross-references "(n 2)" whose head is a case name, a document label or an
act's short name, and ibid after them.  Names and numbers are made up."""

from __future__ import annotations

from test_resolve_citations import _resolve


def test_italic_case_name_picks_its_case_among_several() -> None:
    result = _resolve(
        "Case C-901/19 *Marlow Freight and Others* ECLI:EU:C:2021:455; "
        "Case C-77/20 *AB v Hafenamt Kiel* ECLI:EU:C:2022:12.",
        "*Marlow Freight* (n 1) paras 40–44.",
        "ibid para 51.",
    )
    cross, ibid = result.citations[-2:]
    assert (cross.source, cross.source_index, cross.pinpoint) == (1, 0, "paras 40--44")
    assert (ibid.source, ibid.source_index, ibid.pinpoint) == (1, 0, "para 51")


def test_document_label_with_digits_is_a_cross_reference() -> None:
    result = _resolve(
        "Working Party on Ports, 'Guidelines on Harbour Data' (WP412, 12 May 2019) 7–9.",
        "WP412 (n 1) 12.",
    )
    last = result.citations[-1]
    assert (last.form.value, last.source, last.pinpoint) == ("supra", 1, "12")


def test_ibid_with_an_article_and_subparagraph_follows_the_act() -> None:
    result = _resolve(
        "Regulation (EU) 2031/77 laying down common rules on drone corridors (Drone Corridor Act) art 3.",
        "ibid art 2(7).",
        "ibid Recital 12.",
    )
    assert [(c.source, c.pinpoint) for c in result.citations[1:]] == [(1, "art 2(7)"), (1, "Recital 12")]


def test_act_short_name_never_ends_at_a_signed_work_with_that_word() -> None:
    result = _resolve(
        "Mira Holt, 'HDPR and the Ports: A Primer' (2021) 3 Harbour Law Journal 40.",
        "HDPR, art 9(1).",
        "HDPR, art 22(4).",
    )
    second, third = result.citations[1:]
    assert (second.source, second.rule) == (2, "full")
    assert third.source == 2


def test_a_decision_repeated_in_full_before_n_is_a_cross_reference() -> None:
    """"Corte costituzionale, judgment no. 118 of 2016 (n 2), para. 6": the decision's
    designation repeated, then the note it was cited in (English-language law reviews)."""
    result = _resolve(
        "R. Sanvitale, ‘Harbour Formants’ (1991) 39 Am J Port L 1, 5.",
        "Corte costituzionale, judgment no. 118 of 2016, para. 4.",
        "Corte costituzionale, judgment no. 118 of 2016 (n 2), para. 6.",
    )
    last = result.citations[-1]
    assert (last.form.value, last.source, last.pinpoint) == ("supra", 2, "para. 6")


def test_an_acts_name_in_brackets_names_it_in_a_cross_reference() -> None:
    """"Fisheries Code (n 1), art. 9": the name the act's first citation gave in brackets."""
    result = _resolve(
        "Legislative Decree No. 118 of 12 May 2004 (Fisheries Code), art. 15.",
        "Fisheries Code (n 1), art. 9.",
    )
    last = result.citations[-1]
    assert (last.form.value, last.source, last.pinpoint) == ("supra", 1, "art. 9")
