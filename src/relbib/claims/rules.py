"""The rules for cited and uncited sentences: unsupported-citation, uncited-supported-claim,
citation-needed.

Input: :class:`~relbib.claims.context.At` — one sentence of a linking run —
with the best uncited work (from support) and whether it conflicts.
Output: the sentence's judgements.
Never: judge a citation a person confirmed, or ask a citation for opinion or
for a fact that already conflicts with another sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from relbib.claims.aliases import same_name
from relbib.claims.context import At, evidence_of
from relbib.claims.facts import Facts
from relbib.claims.retrieval import cosine
from relbib.library.identity import entry_year
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
                better: tuple[float, SourceClaim] | None = None) -> tuple[str, str] | None:
    """Why citing ``cited.key`` for this sentence looks wrong (message, suggestion), or None.

    Only on specific evidence: the work is dated before the event the sentence
    states, or every claim the work is known for shares no name with the
    sentence's essay and is lexically unlike the sentence and its paragraph
    (another subject).  A work
    that merely supports other claims too is not suspect: books do.
    """
    key, limits, corpus = cited.key, at.run.limits, at.run.corpus
    year = entry_year({"date": at.run.work_dates.get(key, "")}) or 0
    if year and at.dates and not at.facts.opinion:
        latest = max(d.first[0] for d in at.dates)  # its own, or its paragraph's, dates
        if latest > year:
            return (f"{key} ({year}) is cited for an event of {latest}, after the work",
                    "check the note: a later source may be meant")
    sentence = at.unit.sentence
    others = [j for j in corpus.known.get(key, ())
              if not (corpus.claims[j].essay == at.unit.essay.id
                      and corpus.claims[j].start == sentence.start)]
    if len(others) < limits.min_known:
        return None
    if _another_actor(at, [j for j in others if corpus.claims[j].essay != at.unit.essay.id]):
        return (f"{key} is known for claims about other actors than this one's",
                "check the note")
    paragraph = corpus.paragraph_of[at.i]
    names = corpus.essay_names.get(at.unit.essay.id, frozenset()) | at.facts.names
    if any(_shares_name(names, corpus.claim_facts[j].names) for j in others):
        return None
    closest = max(max(cosine(at.vector, corpus.claim_index.vectors[j]),
                      cosine(corpus.paragraph_vectors[paragraph], corpus.claim_index.vectors[j]))
                  for j in others)
    if closest < limits.unlike:
        message = (f"{key} is known for {len(others)} other claim(s), none sharing a name or "
                   "a subject with this one")
        if better is not None and better[0] >= limits.support:
            other = better[1]
            return (f"{message}; {other.key} matches it",
                    f"cite {other.key}" + (f", {other.pinpoint}" if other.pinpoint else ""))
        return message, "check the note"
    return None


def _another_actor(at: At, elsewhere: list[int]) -> bool:
    """The sentence names a country that neither the claims other essays cite the
    work for nor those essays mention, shares none of its other names with them,
    and reads unlike them."""
    corpus = at.run.corpus
    if len(elsewhere) < 2:
        return False  # one citation elsewhere is too thin a picture of a work
    known = frozenset().union(*(corpus.claim_facts[j].names
                                | corpus.essay_names.get(corpus.claims[j].essay, frozenset())
                                for j in elsewhere))
    countries = {e.name for e in at.facts.entities if e.kind == "country"}
    others = at.facts.names - countries
    if not countries - known or _shares_name(others, known):
        return False
    return max(cosine(at.vector, corpus.claim_index.vectors[j])
               for j in elsewhere) < at.run.limits.unlike_sentence


def _shares_name(names: frozenset[str], others: frozenset[str]) -> bool:
    return bool(names & others) or any(same_name(a, b) for a in names for b in others)


def judge_sentence(at: At, best_other: tuple[float, SourceClaim] | None,
                   conflicting: bool, backed: frozenset[str] = frozenset(),
                   ) -> tuple[Judgement, ...]:
    """The judgement a cited or uncited sentence earns, if any.

    ``backed``: cited works whose known claims agree with the sentence (a
    paraphrase of what they are cited for elsewhere): never called unsupported.
    """
    if at.unit.cited:
        out: list[Judgement] = []
        for key, pinpoint, _ in at.unit.cited:
            if at.decided(key) == "confirmed" or key in backed:
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


def _what(facts: Facts) -> str:
    if facts.quotation:
        return "a quotation"
    if facts.dates:
        return f"the date {facts.dates[0].text}"
    if facts.quantities:
        return f"the figure {facts.quantities[0].text}"
    return "a named event"
