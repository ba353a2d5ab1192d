"""Conflicts: other sentences, or the library's claims, that state one sentence's event differently.

Input: :class:`~relbib.claims.context.At` — one sentence of a linking run.
Output: :class:`Conflicts` — ``conflicts`` links (evidence: the other
sentence) and ``conflicting-fact`` judgements.
Never: call two sentences in conflict without a shared event (a named event
or thing, a close paraphrase with a shared name, or two shared names and
dates weeks apart) and a contradicting date, figure or role.
"""

from __future__ import annotations

from dataclasses import dataclass

from relbib.claims.compare import conflict
from relbib.claims.context import At, evidence_of
from relbib.claims.facts import Facts
from relbib.model import ConflictingFact, Evidence, Link


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflicts:
    links: tuple[Link, ...]
    judgements: tuple[ConflictingFact, ...]


def disputed(via: str, what: str, similarity: float, a: Facts, b: Facts) -> tuple[str, ...]:
    """A conflict's evidence lines: what differs, what the two share, the lexical score."""
    names = sorted(set(a.names) & set(b.names))
    return (f"{via} differs: {what}", *((f"names: {', '.join(names)}",) if names else ()),
            f"score {similarity:.2f}")


def between_sentences(at: At) -> Conflicts:
    """Conflicts with the other sentences of the run that hold a date, figure or role."""
    corpus, limits = at.run.corpus, at.run.limits
    if at.i not in corpus.fact_doc:
        return Conflicts(links=(), judgements=())
    links: list[Link] = []
    judgements: list[ConflictingFact] = []
    for similarity, doc in corpus.fact_index.search(at.vector, k=limits.candidates,
                                                    budget=limits.budget,
                                                    skip=corpus.fact_doc[at.i]):
        j = corpus.fact_units[doc]
        other = corpus.units[j]
        if other.sentence.text == at.unit.sentence.text:
            continue
        via, what = conflict(at.facts, corpus.facts[j], similarity, limits,
                             (corpus.concepts[at.i], corpus.concepts[j]))
        if not via:
            continue
        keys = tuple(k for k, _, _ in other.cited) or (
            at.run.essay_keys.get(other.essay.id, other.essay.id),)
        evidence = Evidence(essay=other.essay.id, line=other.sentence.line,
                            text=other.sentence.text,
                            shared=disputed(via, what, similarity, at.facts, corpus.facts[j]))
        links.extend(at.link(key, None, "conflicts", round(similarity, 3), via, evidence)
                     for key in keys)
        judgements.append(at.judge(
            ConflictingFact, keys=keys, pinpoint=None, score=similarity, evidence=evidence,
            message=f"{via} differs from {other.essay.id}:{other.sentence.line} ({what})"))
    return Conflicts(links=tuple(links), judgements=tuple(judgements))


def with_known_claims(at: At) -> tuple[ConflictingFact, ...]:
    """A conflict with each work whose known claim states the same event differently.

    Only for a sentence that holds an entity and a date, figure or role (a
    draft is compared with what the works are cited for).
    """
    facts, corpus, limits = at.facts, at.run.corpus, at.run.limits
    if not (facts.entities and (facts.dates or facts.quantities or facts.roles)):
        return ()
    found: dict[str, ConflictingFact] = {}
    for similarity, doc in corpus.claim_index.search(at.vector, k=limits.candidates,
                                                     budget=limits.budget):
        claim = corpus.claims[doc]
        if claim.essay == at.unit.essay.id or claim.key in found:
            continue  # the draft's own sentences are compared as units
        via, what = conflict(facts, corpus.claim_facts[doc], similarity, limits,
                             (corpus.concepts[at.i], corpus.claim_concepts[doc]))
        if not via:
            continue
        found[claim.key] = at.judge(
            ConflictingFact, keys=(claim.key,), pinpoint=claim.pinpoint, score=similarity,
            message=f"{via} differs from what {claim.key} is cited for in "
                    f"{claim.essay}:{claim.line} ({what})",
            suggestion="check the fact against the source",
            evidence=evidence_of(claim, disputed(via, what, similarity, facts,
                                                 corpus.claim_facts[doc])))
    return tuple(found.values())


def conflicts(at: At) -> Conflicts:
    """Every conflict of one sentence: with other sentences, and (when the run asks)
    with the library's known claims."""
    found = between_sentences(at)
    if not at.run.conflicts_with_claims:
        return found
    return Conflicts(links=found.links, judgements=found.judgements + with_known_claims(at))
