"""Stage 6: which library sources support which sentences, across all essays.

Input: ingested essays, each essay's resolved citations (note → key), the
claims the library already holds (annotations), a person's decisions, the
works' dates, and texts the library holds that may gloss a name (titles,
summaries).
Output: :class:`~relbib.model.LinkResult` — ``cited``/``supports``/
``confirmed``/``rejected``/``conflicts`` links for every sentence, and the
judgements the claim-aware check rules report.
Never: override a person's ``confirmed`` or ``rejected`` decision, read
files, or compare every sentence with every other (retrieval is through an
inverted index with a bounded budget per query, so the work grows linearly).

Reading order: :mod:`.index` prepares the run, then for each sentence
:mod:`.support`, :mod:`.conflicts` and :mod:`.rules` judge it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from relbib.claims.conflicts import conflicts
from relbib.claims.context import At, Run, Thresholds, Unit
from relbib.claims.glosses import Aliases, learn_aliases
from relbib.claims.index import (
    Analysis,
    Block,
    Vectorising,
    corpus,
    essay_ranges,
    source_claims,
    units,
    verdicts,
)
from relbib.claims.rules import judge_sentence
from relbib.claims.support import support
from relbib.model import Citation, Decision, Essay, Judgement, Link, LinkResult, SourceClaim

__all__ = ["Parallel", "Thresholds", "decisions_from", "judge", "link", "library_texts",
           "source_claims"]


class Parallel(Protocol):
    """Runs a link's three per-document steps elsewhere (relbib.parallel: processes, Dask).

    Each must return exactly what the serial step returns, in the same order.
    """

    def analyse(self, texts: Sequence[Sequence[str]], aliases: Aliases) -> list[Analysis]:
        """:func:`~relbib.claims.index.analyse` of every text, documents in order."""
        ...

    def vectorise(self, shared: Vectorising, documents: list[range]) -> list[Block]:
        """:func:`~relbib.claims.index.vector_block` of each document, in order."""
        ...

    def judge(self, run: Run, documents: Sequence[range]) -> LinkResult:
        """:func:`judge` of each document's units, concatenated in order."""
        ...


def library_texts(essays: Sequence[Essay], claims: Sequence[SourceClaim],
                  glosses: Sequence[str]) -> tuple[str, ...]:
    """Every text the run may learn an alias from: notes, sentences, claims, glosses."""
    out: list[str] = list(glosses)
    for essay in essays:
        out.extend(note.text for note in essay.notes)
        out.extend(s.text for s in essay.sentences)
    out.extend(c.text for c in claims)
    return tuple(out)


def link(
    essays: Sequence[Essay],
    citations: Mapping[str, Sequence[Citation]],
    *,
    decisions: Sequence[Decision] = (),
    library_claims: Sequence[SourceClaim] = (),
    work_dates: Mapping[str, str] | None = None,
    essay_keys: Mapping[str, str] | None = None,
    glosses: Sequence[str] = (),
    thresholds: Thresholds | None = None,
    conflicts_with_claims: bool = False,
    own_claims: bool = True,
    parallel: Parallel | None = None,
) -> LinkResult:
    """Link every body sentence of every essay to the library works that bear on it.

    Args:
        essays: the essays (or drafts) whose sentences are linked.
        citations: essay id → its resolved citations.
        decisions: a person's verdicts; never overridden.
        library_claims: claims the annotations already hold.
        work_dates: key → ISO date (for "cited for an event after the work").
        essay_keys: essay id → its own library key (a conflict with an uncited
            sentence names the essay that states it).
        glosses: other texts of the library (titles, summaries) from which a
            name and its translation are learnt; notes and sentences are read too.
        thresholds: where each rule decides.
        conflicts_with_claims: also compare each sentence with the library's
            claims (a draft has no other essays beside it).
        own_claims: count what the essays' own notes cite as knowledge about
            the works (False for drafts, judged against the library only).
        parallel: runs the per-document steps on other processes (same result).

    Returns:
        The links of every sentence and the claim-aware judgements.
    """
    found = units(essays, citations)
    own = source_claims(essays, citations) if own_claims else ()
    claims = tuple(dict.fromkeys(own + tuple(library_claims)))
    aliases = learn_aliases(library_texts(essays, claims, glosses))
    analysed = None if parallel is None else parallel.analyse(_texts(found, claims), aliases)
    limits = thresholds or Thresholds()
    run = Run(corpus=corpus(found, claims, aliases, analysed=analysed, limits=limits,
                            vectorise=None if parallel is None else parallel.vectorise),
              verdicts=verdicts(decisions),
              limits=limits, work_dates=work_dates or {},
              essay_keys=essay_keys or {}, conflicts_with_claims=conflicts_with_claims)
    if parallel is not None:
        del analysed  # its term lists are in the vectors now: not held while judging
        return parallel.judge(run, essay_ranges(found))
    return judge(run, range(len(found)))


def judge(run: Run, indices: Iterable[int]) -> LinkResult:
    """The links and judgements of the run's units ``indices``, in that order."""
    links: list[Link] = []
    judgements: list[Judgement] = []
    for i in indices:
        at = At(run=run, i=i)
        supported = support(at)
        conflicting = conflicts(at)
        links.extend(supported.links + conflicting.links)
        judgements.extend(conflicting.judgements)
        judgements.extend(judge_sentence(at, supported.best_other,
                                         bool(conflicting.judgements), supported.backed))
    return LinkResult(links=tuple(links), judgements=tuple(judgements))


# library claims are analysed in blocks of this many: a block is one "document", about
# an essay's sentences, so that the map's chunks weigh alike (blocks of 500 made the
# last chunks five times heavier than the rest: one worker finished them alone)
_CLAIM_BLOCK = 100


def _texts(found: Sequence[Unit], claims: Sequence[SourceClaim]) -> list[tuple[str, ...]]:
    """The texts :func:`corpus` analyses, as documents: each essay's sentences,
    then the known claims in blocks."""
    out = [tuple(found[i].sentence.text for i in r) for r in essay_ranges(found)]
    out.extend(tuple(c.text for c in claims[k:k + _CLAIM_BLOCK])
               for k in range(0, len(claims), _CLAIM_BLOCK))
    return out


def decisions_from(claims: Iterable[tuple[str, str, str, str | None]]) -> tuple[Decision, ...]:
    """Decisions from (key, essay, quote, status) rows, keeping only a person's verdicts."""
    out = []
    for key, essay, quote, status in claims:
        if status == "confirmed":
            out.append(Decision(key=key, essay=essay, quote=quote, status="confirmed"))
        elif status == "rejected":
            out.append(Decision(key=key, essay=essay, quote=quote, status="rejected"))
    return tuple(out)
