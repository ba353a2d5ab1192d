"""Each case in tests/claims/facts_cases.json: what extract_facts must find in one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relbib.claims.aliases import canonical, number_word, same_name
from relbib.claims.facts import extract_facts

CASES = json.loads((Path(__file__).parents[1] / "claims" / "facts_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_facts_case(case: dict) -> None:
    facts = extract_facts(case["text"])
    if "dates" in case:
        assert [[list(d.first), list(d.last)] for d in facts.dates] == case["dates"]
    if "quantities" in case:
        assert [[q.value, q.kind, q.unit] for q in facts.quantities] == case["quantities"]
    if "entities" in case:
        assert [e.name for e in facts.entities] == case["entities"]
    if "acronyms" in case:
        assert [list(a) for a in facts.acronyms] == case["acronyms"]
    if "roles" in case:
        assert sorted([r.person, r.role, r.country] for r in facts.roles) == case["roles"]
    if "places" in case:
        assert [list(p) for p in facts.places] == case["places"]
    for flag in ("opinion", "checkable", "quotation"):
        if flag in case:
            assert getattr(facts, flag) == case[flag]


@pytest.mark.parametrize(("a", "b"), [
    ("Zapad-2017", "Zapad 2017"), ("Ghanaian", "Accra"), ("USSR", "Soviet Union"), ("U.S.", "United States"),
    ("US", "USA"), ("Pak", "Pakistan"), ("Russian", "Russia"), ("Dmitri Medvedev", "Dmitry Medvedev"),
])
def test_aliases_agree(a: str, b: str) -> None:
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("vladimir putin", "putin", True),
    ("nawaz sharif", "raheel sharif", False),
    ("iran", "iraq", False),
    ("zapad 2017", "zapad 2018", False),
    ("rasheed hamid", "rashid hamid", True),  # romanisation, not a typo
    ("arnold hamid", "arnald hamid", False),  # one letter off is another name
    ("syed yusuf raza gilani", "syed yousaf raza gilani", True),
])
def test_same_name(a: str, b: str, same: bool) -> None:
    assert same_name(canonical(a), canonical(b)) is same


def test_number_words() -> None:
    assert [number_word(w) for w in ("sixteen", "twenty-five", "dozen", "sixteenth")] == [16, 25, 12, None]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_well_formed_facts(text: str) -> None:
    facts = extract_facts(text)
    assert all(d.first <= d.last for d in facts.dates)
    assert all(q.value >= 0 for q in facts.quantities)
    assert facts == extract_facts(text)  # pure
