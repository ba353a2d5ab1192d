"""Support: which library works back one sentence, besides those its notes cite.

Input: :class:`~relbib.claims.context.At` — one sentence of a linking run.
Output: :class:`Support` — the sentence's ``cited``/``supports``/``confirmed``/
``rejected`` links and the best-scoring work it does not cite.
Never: override a person's decision, or let a cited sentence support itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from relbib.claims.compare import support_score
from relbib.claims.context import At, evidence_of
from relbib.model import Link, SourceClaim


@dataclass(frozen=True, slots=True, kw_only=True)
class Support:
    links: tuple[Link, ...]
    best_other: tuple[float, SourceClaim] | None  # the best uncited, not rejected work


def scored_claims(at: At) -> dict[str, tuple[float, SourceClaim]]:
    """Each nearby work's best support score for this sentence and the claim that gave it."""
    corpus, limits = at.run.corpus, at.run.limits
    sentence, essay = at.unit.sentence, at.unit.essay
    scored: dict[str, tuple[float, SourceClaim]] = {}
    for similarity, doc in corpus.claim_index.search(at.vector, k=limits.candidates,
                                                     budget=limits.budget):
        claim = corpus.claims[doc]
        if claim.essay == essay.id and claim.start == sentence.start:
            continue  # a cited sentence does not support itself
        score = support_score(similarity, at.facts, corpus.claim_facts[doc], at.dates,
                              corpus.claim_dates[doc], limits)
        if score > scored.get(claim.key, (0.0, claim))[0]:
            scored[claim.key] = (score, claim)
    return scored


def support(at: At) -> Support:
    """The links of one sentence: what its notes cite, what else supports it, and decisions."""
    scored = scored_claims(at)
    links: list[Link] = []
    cited_keys = {key for key, _, _ in at.unit.cited}
    for key, pinpoint, note in at.unit.cited:
        status = at.decided(key)
        links.append(at.link(key, pinpoint, status or "cited", 1.0,
                             f"note {note}" if status is None else "person"))
    best_other: tuple[float, SourceClaim] | None = None
    for key, (score, claim) in sorted(scored.items(), key=lambda kv: -kv[1][0]):
        if key in cited_keys:
            continue
        status = at.decided(key)
        if status is not None:
            links.append(at.link(key, claim.pinpoint, status, score, "person",
                                 evidence_of(claim)))
        elif score >= at.run.limits.support:
            links.append(at.link(key, claim.pinpoint, "supports", score, "tfidf",
                                 evidence_of(claim)))
        if status != "rejected" and (best_other is None or score > best_other[0]):
            best_other = (score, claim)
    # a confirmation the scores did not find is still a link
    for key in at.run.verdicts.confirmed.get((at.unit.essay.id, at.quote), ()):
        if key not in scored and key not in cited_keys:
            links.append(at.link(key, None, "confirmed", 0.0, "person"))
    return Support(links=tuple(links), best_other=best_other)
