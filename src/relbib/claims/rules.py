"""The rules for cited and uncited sentences: unsupported-citation, uncited-supported-claim,
citation-needed.

Input: :class:`~relbib.claims.context.At` — one sentence of a linking run —
with the best uncited work (from support) and whether it conflicts.
Output: the sentence's judgements.
Never: judge a citation a person confirmed, or ask a citation for opinion or
for a fact that already conflicts with another sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from relbib.claims.compare import support_score
from relbib.claims.context import At, evidence_of
from relbib.claims.facts import Facts
from relbib.claims.retrieval import cosine
from relbib.model import (
    CitationNeeded,
    Judgement,
    SourceClaim,
    UncitedSupportedClaim,
    UnsupportedCitation,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Cited:
    """One citation of the sentence being judged."""

    key: str
    pinpoint: str | None


def unsupported(at: At, cited: Cited,
                best_other: tuple[float, SourceClaim] | None) -> tuple[str, str] | None:
    """Why citing ``cited.key`` for this sentence looks wrong (message, suggestion), or None."""
    key, limits, corpus = cited.key, at.run.limits, at.run.corpus
    year = _year(at.run.work_dates.get(key, ""))
    if year and at.dates and not at.facts.opinion:
        latest = max(d.first[0] for d in at.dates)
        if latest > year:
            return (f"{key} ({year}) is cited for an event of {latest}, after the work",
                    "check the note: a later source may be meant")
    sentence = at.unit.sentence
    others = [j for j in corpus.known.get(key, ())
              if not (corpus.claims[j].essay == at.unit.essay.id
                      and corpus.claims[j].start == sentence.start)]
    own = max((support_score(cosine(at.vector, corpus.claim_index.vectors[j]), at.facts,
                             corpus.claim_facts[j], at.dates, corpus.claim_dates[j], limits)
               for j in others), default=0.0)
    if others and best_other is not None and best_other[0] >= limits.better and (
            best_other[0] >= limits.better_ratio * max(own, 0.05)):
        other = best_other[1]
        return (f"{other.key} matches this far better than {key}",
                f"cite {other.key}" + (f", {other.pinpoint}" if other.pinpoint else ""))
    if len(others) >= limits.min_known and own < limits.unlike:
        return (f"{key} is known to support {len(others)} other claims, none like this one",
                "check the note")
    return None


def judge_sentence(at: At, best_other: tuple[float, SourceClaim] | None,
                   conflicting: bool) -> tuple[Judgement, ...]:
    """The judgement a cited or uncited sentence earns, if any."""
    if at.unit.cited:
        out: list[Judgement] = []
        for key, pinpoint, _ in at.unit.cited:
            if at.decided(key) == "confirmed":
                continue
            reason = unsupported(at, Cited(key=key, pinpoint=pinpoint), best_other)
            if reason:
                out.append(at.judge(UnsupportedCitation, keys=(key,), pinpoint=pinpoint,
                                    message=reason[0], suggestion=reason[1]))
        return tuple(out)
    if best_other is not None and best_other[0] >= at.run.limits.support:
        score, claim = best_other
        where = f", {claim.pinpoint}" if claim.pinpoint else ""
        return (at.judge(
            UncitedSupportedClaim, keys=(claim.key,), pinpoint=claim.pinpoint, score=score,
            message=f"{claim.key} supports this (cited for it in {claim.essay}:{claim.line})",
            suggestion=f"cite {claim.key}{where}", evidence=evidence_of(claim)),)
    if at.facts.checkable and not conflicting:
        return (at.judge(CitationNeeded, keys=(),
                         message=f"a checkable fact ({_what(at.facts)}) that no library "
                                 "source supports"),)
    return ()


_YEAR_IN_DATE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def _year(date: str) -> int:
    m = _YEAR_IN_DATE.search(date)
    return int(m.group(1)) if m else 0


def _what(facts: Facts) -> str:
    if facts.quotation:
        return "a quotation"
    if facts.dates:
        return f"the date {facts.dates[0].text}"
    if facts.quantities:
        return f"the figure {facts.quantities[0].text}"
    return "a named event"
