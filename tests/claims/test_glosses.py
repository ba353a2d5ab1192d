"""relbib.claims.glosses: aliases learnt from what the library itself says (made-up names)."""

from __future__ import annotations

from relbib.claims.facts import extract_facts
from relbib.claims.glosses import learn_aliases
from relbib.claims.link import link
from relbib.model import Essay, Sentence


def test_a_title_with_a_parenthesised_translation_teaches_the_alias() -> None:
    aliases = learn_aliases(["'Exercise Morskoy-2019 (Seaside 2019) ends', Gazette, 2019."])
    assert aliases.pairs == (("morskoy", "seaside"),)
    facts = aliases.apply(extract_facts("The drill Morskoy-2019 began in May 2019."))
    assert "seaside 2019" in facts.names


def test_a_bracketed_or_quoted_gloss_teaches_it_too() -> None:
    assert learn_aliases(["Volna [Wave]: a history"]).pairs == (("volna", "wave"),)
    assert learn_aliases(["the Tishina (“Silence”) accord"]).pairs == (("tishina", "silence"),)


def test_places_acronyms_and_years_in_brackets_are_not_translations() -> None:
    texts = ["Gazette (Springfield), 4 May 2019.", "World Trade Organization (WTO)",
             "Smith (2010) argues", "Northland Times (Norway)", "Morskoy-2019 (Seaside 2020)"]
    assert learn_aliases(texts).pairs == ()


def _essay(essay_id: str, text: str) -> Essay:
    return Essay(id=essay_id, path=essay_id, title="", authors=(), venue="", date="", text=text,
                 offset_map=(), paragraphs=(), body_end=len(text), notes=(), markers=(),
                 sentences=(Sentence(text=text, start=0, end=len(text), line=1, paragraph=0),))


def test_a_conflict_months_apart_is_found_only_when_the_library_glosses_the_two_names() -> None:
    a = _essay("a", "The first Morskoy-2019 naval exercise was held in May 2019 off Norway.")
    b = _essay("b", "The first “Seaside 2019” naval exercise was held in December 2019 off Norway.")
    plain = link([a, b], {})  # seven months apart: event matching alone sees two exercises
    assert not [j for j in plain.judgements if j.kind == "conflicting-fact"]
    glossed = link([a, b], {}, glosses=["'Morskoy-2019 (Seaside 2019)', Gazette, 2019."])
    assert {j.essay for j in glossed.judgements if j.kind == "conflicting-fact"} == {"a", "b"}


def test_a_conflict_a_month_apart_is_found_by_event_matching_without_a_gloss() -> None:
    a = _essay("a", "The first Morskoy-2019 naval exercise was held in May 2019 off Norway.")
    b = _essay("b", "The first “Seaside 2019” naval exercise was held in June 2019 off Norway.")
    plain = link([a, b], {})  # one kind of event, one place, one year, a month apart
    assert {j.essay for j in plain.judgements if j.kind == "conflicting-fact"} == {"a", "b"}
