"""Records cross processes as (class, field values): they arrive equal, frozen, and cheaper.

relbib.scale.tasks registers a pickling for the frozen slotted records that the
map ships (the index, the analyses, the links): these tests pickle them as a
worker does and check what a reader of the result would: every field the same,
the record still frozen, one shared object still one object.
"""

from __future__ import annotations

import dataclasses
import pickle
import threading
from collections.abc import Sequence
from contextlib import closing
from typing import Any, TypeVar

import pytest

from relbib.claims.context import Run
from relbib.claims.facts import extract_facts
from relbib.claims.glosses import Aliases
from relbib.claims.index import Analysis, Block, Vectorising, analyse, vector_block
from relbib.claims.link import judge, link
from relbib.ingest.essay import load_essay
from relbib.model import ConflictingFact, Essay, Evidence, Link, LinkResult, SourceClaim
from relbib.scale import Runner
from relbib.scale.local import LocalPool
from relbib.scale.records import Judging, pack, rebuilt, unpack

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


# --- the judging map's results: texts by number --------------------------------------

_ESSAYS = (
    "The Varnel dam on the Oska river was finished in 1931 by the Tressan Company.\n\n"
    "Its turbines gave the valley 40 megawatts of power in the first year.\n",
    "Engineers of the Tressan Company finished the Varnel dam on the Oska in 1931.\n\n"
    "The reservoir flooded the village of Marel, and 900 people left their homes.\n",
)
_CLAIMS = (
    ("moss1987", "The Tressan Company finished the Varnel dam on the Oska river in 1933."),
    ("ilve2004", "The reservoir behind the dam flooded Marel; 900 villagers left."),
)


class _Capture:
    """A Parallel that keeps the run and judges here, as the serial linker does."""

    run: Run | None = None

    def analyse(self, texts: Sequence[Sequence[str]], aliases: Aliases) -> list[Analysis]:
        return [analyse(text, aliases) for doc in texts for text in doc]

    def vectorise(self, shared: Vectorising, documents: list[range]) -> list[Block]:
        return [vector_block(shared, r) for r in documents]

    def judge(self, run: Run, documents: Sequence[range]) -> LinkResult:
        self.run = run
        return judge(run, [i for r in documents for i in r])


def _linked(parallel: Any = None) -> tuple[list[Essay], list[SourceClaim], LinkResult]:
    essays = [load_essay(text, path=f"e{n}.md")[0] for n, text in enumerate(_ESSAYS)]
    claims = [SourceClaim(key=key, pinpoint="p. 3", text=text, essay=f"lib-{key}", line=1)
              for key, text in _CLAIMS]
    return essays, claims, link(essays, {}, library_claims=claims, parallel=parallel)


@pytest.mark.parametrize("thread", [False, True], ids=["forked", "loaded-from-a-file"])
def test_a_workers_links_hold_this_processs_own_texts(thread: bool) -> None:
    """Links judged in a worker arrive equal to the serial ones, and their texts are the
    very strings of the essays and claims given (not copies: at corpus scale the copies
    took more memory than the index) — whether the workers were forked with the index,
    or (another thread running here, so no fork) loaded it from a file."""
    essays, claims, serial = _linked()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    if thread:
        other.start()
    try:
        pool = LocalPool(1)
        with closing(Runner(pool)) as runner:
            essays, claims, pooled = _linked(runner)
    finally:
        stop.set()
    assert (pool.shipped > 0) is thread  # nothing is pickled for a forked worker
    assert serial.links and any(link.evidence for link in serial.links)
    assert repr(pooled) == repr(serial)
    texts = {id(s.text) for essay in essays for s in essay.sentences}
    texts |= {id(c.text) for c in claims}
    assert all(id(link.text) in texts for link in pooled.links)
    assert all(id(link.evidence.text) in texts for link in pooled.links if link.evidence)
    assert all(id(j.text) in texts for j in pooled.judgements)


def test_results_numbered_against_another_run_are_refused() -> None:
    first, second = _Capture(), _Capture()
    _linked(first)
    essays = [load_essay(_ESSAYS[0], path="other.md")[0]]
    link(essays, {}, parallel=second)
    assert first.run is not None and second.run is not None
    links = judge(first.run, range(len(first.run.corpus.units))).links
    blob = pack(Judging(first.run), list(links))
    assert links and unpack(Judging(first.run), blob) == list(links)  # the same index
    with pytest.raises(RuntimeError, match="another index"):
        unpack(Judging(second.run), blob)


class Marked(str):
    """A str that marshal cannot carry (pickle can)."""


def test_links_marshal_cannot_carry_travel_as_records() -> None:
    """A value that is not a plain str, int, float or tuple (here a str subclass) still
    arrives: that document's links travel as pickled records instead of rows."""
    first = _Capture()
    _linked(first)
    assert first.run is not None
    judging = Judging(first.run)
    unit = first.run.corpus.units[0]
    odd = Link(essay=unit.essay.id, line=1, start=0, end=5, text=unit.sentence.text, key="k",
               pinpoint=None, relation="supports", score=0.5, via="tfidf",
               evidence=Evidence(essay="x", line=2, text="y", shared=(Marked("names: Oska"),)))
    plain = judge(first.run, range(len(first.run.corpus.units)))
    sent = [LinkResult(links=(odd,), judgements=()), plain]
    back = unpack(judging, pack(judging, list(sent)))
    assert back == sent
    assert type(back[0].links[0].evidence.shared[0]) is Marked  # type: ignore[union-attr]
    assert back[1].links[0].text is plain.links[0].text  # the plain one came as rows
