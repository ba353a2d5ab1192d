"""Records cross processes as (class, field values): they arrive equal, frozen, and cheaper.

relbib.scale.tasks registers a pickling for the frozen slotted records that the
map ships (the index, the analyses, the links): these tests pickle them as a
worker does and check what a reader of the result would: every field the same,
the record still frozen, one shared object still one object.
"""

from __future__ import annotations

import dataclasses
import pickle
from typing import TypeVar

import pytest

from relbib.claims.facts import extract_facts
from relbib.model import ConflictingFact, Evidence, Link, LinkResult
from relbib.scale.tasks import rebuilt

T = TypeVar("T")

def _trip(value: T) -> T:
    back: T = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return back


def test_links_and_judgements_arrive_field_for_field() -> None:
    evidence = Evidence(essay="b", line=4, text="Troops crossed the river in 1971.",
                        shared=("score 0.41", "dates: 1971"))
    link = Link(essay="a", line=2, start=10, end=52, text="The army crossed in 1971.",
                key="khan2001", pinpoint="p. 4", relation="supports", score=0.41, via="tfidf",
                evidence=evidence)
    bare = Link(essay="a", line=3, start=53, end=70, text="It rained.", key="x", pinpoint=None,
                relation="cited", score=1.0, via="note 2")  # its evidence left at the default
    judgement = ConflictingFact(essay="a", line=2, column=1, start=10, end=52,
                                text="The army crossed in 1971.", keys=("khan2001",),
                                message="date differs", pinpoint=None, score=0.7,
                                evidence=evidence)
    result = LinkResult(links=(link, bare), judgements=(judgement,))
    assert b"rebuilt" in pickle.dumps(result)  # the records travel as their field values
    back = _trip(result)
    assert back == result
    assert repr(back) == repr(result)  # every field, in order, of every record
    assert type(back.judgements[0]) is ConflictingFact
    assert back.judgements[0].kind == "conflicting-fact"
    # the evidence both records point to is still one object (pickle's memo)
    assert back.links[0].evidence is back.judgements[0].evidence


def test_a_record_arrives_frozen() -> None:
    back = _trip(Evidence(essay="b", line=1, text="t"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.line = 2  # type: ignore[misc]


def test_facts_arrive_equal() -> None:
    facts = extract_facts("On 3 May 1999 President Clinton sold 12 F-16 aircraft to Pakistan "
                          "for $1.2 billion.")
    assert facts.dates and facts.quantities  # the sentence gives the record something to carry
    assert _trip(facts) == facts


def test_rebuilt_sets_every_field() -> None:
    record = rebuilt(Evidence, ("e", 9, "text", ("a",)))
    assert record == Evidence(essay="e", line=9, text="text", shared=("a",))
