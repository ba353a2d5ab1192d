"""The typed contexts the linking rules read: thresholds, the prepared corpus, one sentence.

Input: nothing (records only, built by :mod:`relbib.claims.index`).
Output: :class:`Thresholds`, :class:`Unit`, :class:`Corpus`, :class:`Verdicts`,
:class:`Run` and :class:`At` — one sentence of one run, with what it can see.
Never: compute a judgement (support, conflicts and rules do), read files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from relbib.claims.aliases import fold
from relbib.claims.facts import Facts
from relbib.claims.figures import DateFact
from relbib.claims.retrieval import Index
from relbib.model import Essay, Evidence, Judgement, Link, Relation, Sentence, SourceClaim

Vector = dict[int, float]
Status = Literal["confirmed", "rejected"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Thresholds:
    """Where each rule decides; set on tests/claims (see benchmarks/claims.py)."""

    support: float = 0.30  # lexical score (with fact bonus) to suggest a source
    single_fact: float = 0.32  # lexical score that, with one shared fact, counts as support
    paraphrase: float = 0.7  # lexical score that needs no shared fact to count as support
    meaning: float = 0.2  # lexical score that, with two pieces of agreement, counts as support
    actors: int = 2  # shared countries or organisations that count as one piece of agreement
    unlike: float = 0.05  # a cited work's known claims are this unlike the sentence's paragraph
    min_known: int = 1  # claims a work must have before "unlike" is judged
    unlike_sentence: float = 0.1  # ... or the sentence alone, when it names another country
    same_event: float = 0.6  # lexical score for "same event" without a shared named event
    event_window: int = 62  # days: two dates this close, of one kind of event, are one event
    figure_ratio: float = 4.0  # two figures further apart count different things
    # a name in this share of the library's claims (and in subject_min of them) names the
    # subject, not a fact: "Apollo" in a library on Apollo anchors no support
    subject_share: float = 0.05
    subject_min: int = 4
    candidates: int = 12  # retrieval depth per sentence
    budget: int = 1500  # postings read per query: bounds the work per sentence


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    """One body sentence of one essay and what its notes cite."""

    essay: Essay
    sentence: Sentence
    cited: tuple[tuple[str, str | None, int], ...]  # (key, pinpoint, note)


@dataclass(frozen=True, slots=True, kw_only=True)
class Corpus:
    """Every sentence and known claim of one run, with facts, vectors and indexes."""

    units: tuple[Unit, ...]
    facts: tuple[Facts, ...]
    dates: tuple[tuple[DateFact, ...], ...]  # each sentence's own or narrative dates
    vectors: Sequence[Vector]  # relbib.claims.retrieval.Vectors: flat arrays
    claims: tuple[SourceClaim, ...]
    claim_facts: tuple[Facts, ...]
    claim_dates: tuple[tuple[DateFact, ...], ...]
    claim_index: Index
    known: Mapping[str, tuple[int, ...]]  # key → indexes of its claims
    # sentences that could contradict another: they hold a date, a figure or a role
    fact_index: Index
    fact_units: tuple[int, ...]
    fact_doc: Mapping[int, int]  # unit index → its document in fact_index
    concepts: Sequence[frozenset[str]]  # each sentence's common words as concepts
    claim_concepts: Sequence[frozenset[str]]
    paragraph_of: tuple[int, ...]  # each sentence's paragraph (an index into the next two)
    paragraph_names: tuple[frozenset[str], ...]  # the names a paragraph mentions
    paragraph_vectors: Sequence[Vector]  # a paragraph's sentences' TF-IDF, summed
    essay_names: Mapping[str, frozenset[str]]  # essay id → every name its sentences mention
    subject_names: frozenset[str] = frozenset()  # names so common in the claims they tell nothing


def quote_key(text: str) -> str:
    """A sentence as a person's decision names it: folded, punctuation-blind."""
    return re.sub(r"\W+", " ", fold(text)).strip()


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdicts:
    """A person's decisions, by (key, essay, quote) and the confirmed keys by sentence."""

    by_claim: Mapping[tuple[str, str, str], Status]
    confirmed: Mapping[tuple[str, str], tuple[str, ...]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """What one linking run knows besides the corpus."""

    corpus: Corpus
    verdicts: Verdicts
    limits: Thresholds
    work_dates: Mapping[str, str]  # key → ISO date of the work
    essay_keys: Mapping[str, str]  # essay id → the essay's own library key
    conflicts_with_claims: bool  # compare sentences with the library's claims too


J = TypeVar("J", bound=Judgement)


@dataclass(frozen=True, slots=True, kw_only=True)
class At:
    """One sentence of a run: the context every support, conflict and rule function takes."""

    run: Run
    i: int  # the unit's index in the corpus

    @property
    def unit(self) -> Unit:
        return self.run.corpus.units[self.i]

    @property
    def facts(self) -> Facts:
        return self.run.corpus.facts[self.i]

    @property
    def dates(self) -> tuple[DateFact, ...]:
        return self.run.corpus.dates[self.i]

    @property
    def vector(self) -> Vector:
        return self.run.corpus.vectors[self.i]

    @property
    def quote(self) -> str:
        return quote_key(self.unit.sentence.text)

    def decided(self, key: str) -> Status | None:
        """A person's verdict on ``key`` for this sentence, if any."""
        by_claim = self.run.verdicts.by_claim
        if not by_claim:
            return None  # no decisions: the sentence's quote need not be folded
        return by_claim.get((key, self.unit.essay.id, self.quote))

    def link(self, key: str, pinpoint: str | None, relation: Relation, score: float, via: str,
             evidence: Evidence | None = None) -> Link:
        """A link from this sentence to ``key``."""
        s = self.unit.sentence
        return Link(essay=self.unit.essay.id, line=s.line, start=s.start, end=s.end,
                    text=s.text, key=key, pinpoint=pinpoint, relation=relation, score=score,
                    via=via, evidence=evidence)

    def judge(self, cls: type[J], **fields: Any) -> J:
        """A judgement of type ``cls`` about this sentence, placed where it stands."""
        s, essay = self.unit.sentence, self.unit.essay
        return cls(essay=essay.id, line=s.line, column=_column(essay.text, s.start),
                   start=s.start, end=s.end, text=s.text, **fields)


def evidence_of(claim: SourceClaim, shared: tuple[str, ...] = ()) -> Evidence:
    """The sentence a known claim stands for, as evidence, with what the two share."""
    return Evidence(essay=claim.essay, line=claim.line, text=claim.text, shared=shared)


def _column(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1) + 1
