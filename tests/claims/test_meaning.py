"""Signals that carry across paraphrase (issue 13): normalised figures, places, concepts,
event matching within a date window, and warnings only on specific evidence."""

from __future__ import annotations

from test_link import cite, essay  # tests/claims is on the path (rootdir import)

from relbib.claims.aliases import canonical
from relbib.claims.facts import extract_facts
from relbib.claims.link import link
from relbib.claims.retrieval import concepts, predicates
from relbib.model import SourceClaim


def test_people_counted_by_nationality_or_by_any_word_for_people_are_one_unit() -> None:
    units = {q.unit for text in ("In all, around 550,000 Americans died.",
                                 "About 675,000 people died.", "About 49,000 residents left.")
             for q in extract_facts(text).quantities}
    assert units == {"person"}


def test_a_verb_after_a_figure_is_not_what_it_counts() -> None:
    figures = extract_facts("Of them, 28 died within four months.").quantities
    assert [(q.value, q.unit) for q in figures] == [(4.0, "month")]  # not "28 months"


def test_capitals_from_geonames_name_their_country() -> None:
    assert canonical("Canberra") == "australia" and canonical("Ouagadougou") == "burkina faso"


def test_a_place_put_in_a_country_is_a_place_fact() -> None:
    assert extract_facts("Alarms rang at the Forsmark nuclear plant in Sweden.").places == (
        ("forsmark", "sweden"),)


def test_synonymous_predicates_are_one_concept_and_names_are_not_concepts() -> None:
    a, b = concepts("The reactor exploded at night."), concepts("An explosion destroyed the reactor.")
    assert predicates(a & b)
    assert "chernobyl" not in concepts("Chernobyl exploded.")


def _conflicts(first: str, second: str) -> set[str]:
    result = link([essay("a", first), essay("b", second)], {})
    return {j.essay for j in result.judgements if j.kind == "conflicting-fact"}


def test_one_kind_of_event_in_one_year_a_few_weeks_apart_is_a_conflict() -> None:
    assert _conflicts("Soviet authorities evacuated Pripyat on 4 May 1986.",
                      "Pripyat was evacuated on 27 April 1986.") == {"a", "b"}


def test_one_kind_of_event_months_apart_or_of_different_kinds_is_not() -> None:
    assert not _conflicts("Soviet authorities evacuated Pripyat on 4 May 1986.",
                          "Pripyat was evacuated on 27 October 1986.")
    assert not _conflicts("The reactor exploded on 26 April 1986.",
                          "Pripyat was evacuated on 27 April 1986.")


def test_a_sentence_reporting_a_reaction_does_not_conflict_with_the_event() -> None:
    assert not _conflicts("The two navies held a joint exercise in September 2016.",
                          "The minister expressed objections to the joint exercise in October 2016.")


def test_figures_of_different_scope_are_not_a_conflict_but_close_ones_are() -> None:
    assert not _conflicts("The pandemic killed about 50 million people worldwide.",
                          "In the United States about 675,000 people died.")
    assert _conflicts("In the United States about 675,000 people died.",
                      "In all, around 550,000 Americans died.") == {"a", "b"}


def test_a_book_known_for_other_claims_on_the_same_subject_is_not_unsupported() -> None:
    library = [SourceClaim(key="barry2004", pinpoint=None, essay="lib", line=1,
                           text="The first outbreak struck Camp Funston, Kansas, in March 1918."),
               SourceClaim(key="barry2004", pinpoint=None, essay="lib", line=2,
                           text="Philadelphia's Liberty Loan parade drew 200,000 people.")]
    e = essay("e", "Hospitals in Philadelphia were full within three days.", cites={0: 1})
    result = link([e], {"e": (cite(1, "barry2004"),)}, library_claims=library)
    assert not [j for j in result.judgements if j.kind == "unsupported-citation"]


def test_a_work_on_another_subject_is_unsupported() -> None:
    library = [SourceClaim(key="rice2005", pinpoint=None, essay="lib", line=1,
                           text="New Zealand lost about 9,000 people in November 1918.")]
    e = essay("e", "The RBMK reactor had a positive void coefficient.", cites={0: 1})
    result = link([e], {"e": (cite(1, "rice2005"),)}, library_claims=library)
    assert [j.kind for j in result.judgements] == ["unsupported-citation"]


def test_a_support_carries_its_evidence() -> None:
    source = essay("s", "Pripyat was evacuated on 27 April 1986.", cites={0: 1})
    other = essay("o", "The town of Pripyat was evacuated on 27 April 1986 by bus.")
    result = link([source, other], {"s": (cite(1, "plokhy2018"),)})
    (found,) = [x for x in result.links if x.essay == "o" and x.relation == "supports"]
    assert found.evidence is not None and found.evidence.text == source.sentences[0].text
    assert any(line.startswith("dates: 27 April 1986") for line in found.evidence.shared)
    assert any(line.startswith("names: pripyat") for line in found.evidence.shared)
