"""Support: which library works back one sentence, besides those its notes cite.

Input: :class:`~relbib.claims.context.At` — one sentence of a linking run.
Output: :class:`Support` — the sentence's ``cited``/``supports``/``confirmed``/
``rejected`` links and the best-scoring work it does not cite; each suggested
link carries its evidence (the claim's sentence, what the two share, a score).
Never: override a person's decision, or let a cited sentence support itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from relbib.claims.compare import Agreement, agreement
from relbib.claims.context import At, evidence_of
from relbib.model import Link, SourceClaim

_NOTHING = Agreement(score=0.0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Support:
    links: tuple[Link, ...]
    best_other: tuple[float, SourceClaim] | None  # the best uncited, not rejected work
    # cited works that another essay cites for this same claim (a paraphrase agrees)
    backed: frozenset[str] = frozenset()


def agreements(at: At) -> dict[str, tuple[Agreement, SourceClaim]]:
    """Each nearby work's best agreement with this sentence and the claim that gave it."""
    corpus, limits = at.run.corpus, at.run.limits
    sentence, essay = at.unit.sentence, at.unit.essay
    scored: dict[str, tuple[Agreement, SourceClaim]] = {}
    for similarity, doc in corpus.claim_index.search(at.vector, k=limits.candidates,
                                                     budget=limits.budget):
        claim = corpus.claims[doc]
        if claim.essay == essay.id and claim.start == sentence.start:
            continue  # a cited sentence does not support itself
        found = agreement(similarity, at.facts, corpus.claim_facts[doc],
                          (at.dates, corpus.claim_dates[doc]), limits,
                          (corpus.concepts[at.i], corpus.claim_concepts[doc]),
                          corpus.subject_names)
        if found.score > scored.get(claim.key, (_NOTHING, claim))[0].score:
            scored[claim.key] = (found, claim)
    return scored


def scored_claims(at: At) -> dict[str, tuple[float, SourceClaim]]:
    """Each nearby work's best support score for this sentence and the claim that gave it."""
    return {key: (found.score, claim) for key, (found, claim) in agreements(at).items()}


def shared_facts(found: Agreement) -> tuple[str, ...]:
    """What a support rests on, as evidence lines: a score, shared names, dates, figures, events."""
    out = [f"score {found.score:.2f}"]
    for label, values in (("names", found.names + found.countries), ("dates", found.dates),
                          ("figures", found.figures), ("events", found.concepts)):
        if values:
            out.append(f"{label}: {', '.join(values)}")
    return tuple(out)


def support(at: At) -> Support:
    """The links of one sentence: what its notes cite, what else supports it, and decisions."""
    agreed = agreements(at)
    links: list[Link] = []
    cited_keys = {key for key, _, _ in at.unit.cited}
    for key, pinpoint, note in at.unit.cited:
        status = at.decided(key)
        links.append(at.link(key, pinpoint, status or "cited", 1.0,
                             f"note {note}" if status is None else "person"))
    best_other: tuple[float, SourceClaim] | None = None
    for key, (found, claim) in sorted(agreed.items(), key=lambda kv: -kv[1][0].score):
        if key in cited_keys:
            continue
        status, score = at.decided(key), found.score
        evidence = evidence_of(claim, shared_facts(found))
        if status is not None:
            links.append(at.link(key, claim.pinpoint, status, score, "person", evidence))
        elif score >= at.run.limits.support:
            links.append(at.link(key, claim.pinpoint, "supports", score, "tfidf", evidence))
        if status != "rejected" and (best_other is None or score > best_other[0]):
            best_other = (score, claim)
    # a confirmation the scores did not find is still a link
    confirmed = at.run.verdicts.confirmed
    for key in confirmed.get((at.unit.essay.id, at.quote), ()) if confirmed else ():
        if key not in agreed and key not in cited_keys:
            links.append(at.link(key, None, "confirmed", 0.0, "person"))
    backed = frozenset(key for key in cited_keys
                       if agreed.get(key, (_NOTHING, None))[0].score >= at.run.limits.support)
    return Support(links=tuple(links), best_other=best_other, backed=backed)
