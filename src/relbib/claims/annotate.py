"""Stage 6 over the library: link the ingested essays, write what was found
into the annotations, and turn the rule judgements into findings.

Input: a :class:`Library` (with a person's decisions in its annotations),
the essays through stages 1-4, and their citations keyed by the library.
Output: a :class:`ClaimsResult` (links and judgements), a Library whose
annotations hold the ``supports`` and ``conflicts`` claims, and Diagnostics.
Never: touch a file, override a person's ``confirmed`` or ``rejected``
decision, change what a person wrote, or change a byte when run twice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

from relbib.claims.link import Parallel, decisions_from, link
from relbib.diagnostics import KINDS, diagnostic
from relbib.formats.annotations import merge_links
from relbib.library.core import Library, essay_id
from relbib.model import (
    AnnotationClaim,
    Citation,
    ClaimsResult,
    Decision,
    Diagnostic,
    Essay,
    EssayIngest,
    Evidence,
    Link,
    SourceClaim,
)

# the relations relbib writes into the annotations after linking (``cited``
# comes from the notes at ingest; ``confirmed``/``rejected`` are a person's)
WRITTEN = ("supports", "conflicts")


def decisions(library: Library) -> tuple[Decision, ...]:
    """A person's verdicts in the annotations: a claim's ``status``, or a
    claim they wrote with relation ``confirmed`` / ``rejected``."""
    rows = []
    for key in sorted(library.annotations):
        for claim in library.annotations[key].claims:
            status = claim.status or (
                claim.relation if claim.relation in ("confirmed", "rejected") else None)
            if claim.relation != "conflicts":
                rows.append((key, claim.essay, claim.quote, status))
    return decisions_from(rows)


def _library_claims(library: Library, linked: set[str]) -> tuple[SourceClaim, ...]:
    """What the annotations know a work supports beyond the linked essays' notes:
    cited claims of essays not read again, and claims a person confirmed."""
    out = []
    for key in sorted(library.annotations):
        for claim in library.annotations[key].claims:
            if not claim.quote:
                continue
            confirmed = claim.status == "confirmed" or claim.relation == "confirmed"
            if confirmed or (claim.relation == "cited" and claim.essay not in linked
                             and claim.status != "rejected"):
                out.append(SourceClaim(key=key, pinpoint=claim.pinpoint, text=claim.quote,
                                       essay=claim.essay, line=claim.line, note=claim.note))
    return tuple(out)


def known_claims(library: Library) -> tuple[SourceClaim, ...]:
    """Everything the annotations know each work supports: the claims it is
    cited for in the essays, and the claims a person confirmed (for a draft,
    which is not one of the essays)."""
    return _library_claims(library, set())


def work_dates(library: Library) -> dict[str, str]:
    """Each source's date (``date``, else ``year``), for "cited for a later event"."""
    out = {}
    for key, entry in library.sources.items():
        value = entry.fields.get("date") or entry.fields.get("year") or ""
        if isinstance(value, str) and value:
            out[key] = value
    return out


def essay_keys(library: Library) -> dict[str, str]:
    """Essay id → the essay's own key in essays.bib."""
    return {essay_id(e): key for key, e in library.essays.items() if essay_id(e)}


def link_library(library: Library, ingests: Sequence[EssayIngest],
                 citations: Mapping[str, Sequence[Citation]], *,
                 parallel: Parallel | None = None) -> ClaimsResult:
    """Link every sentence of ``ingests`` to the library's works (relbib.claims.link),
    with the decisions, known claims, dates and essay keys the library holds
    (``parallel``: the per-document steps on other processes, same result)."""
    essays = [i.essay for i in sorted(ingests, key=lambda i: (i.essay.id, i.essay.path))]
    linked = {e.id for e in essays}
    result = link(essays, citations, decisions=decisions(library),
                  library_claims=_library_claims(library, linked),
                  work_dates=work_dates(library), essay_keys=essay_keys(library),
                  parallel=parallel)
    return ClaimsResult(links=result.links, judgements=result.judgements,
                        essays=tuple(sorted(linked)))


def evidence_text(evidence: Evidence) -> str:
    """An evidence sentence as one line of an annotation: ``essay:line: text [shared]``
    (what the two sentences share or dispute, and the score, in brackets)."""
    shared = f" [{'; '.join(evidence.shared)}]" if evidence.shared else ""
    return f"{evidence.essay}:{evidence.line}: {' '.join(evidence.text.split())}{shared}"


def _annotation_claim(found: Link) -> AnnotationClaim:
    return AnnotationClaim(
        essay=found.essay, line=found.line, quote=" ".join(found.text.split()), note=None,
        pinpoint=found.pinpoint, relation=found.relation, score=round(found.score, 3),
        evidence=None if found.evidence is None else evidence_text(found.evidence),
    )


def _conflicts_of_sources(links: Sequence[Link]) -> list[tuple[str, AnnotationClaim]]:
    """A conflict also belongs to every source cited for, or supporting, either
    of its two sentences, so the bibliography can show it under that source;
    each pair of sentences once per source.
    """
    def sentence(essay: str, text: str) -> tuple[str, str]:
        return essay, " ".join(text.split())

    backing: dict[tuple[str, str], set[str]] = defaultdict(set)
    pairs: dict[str, set[frozenset[tuple[str, str]]]] = defaultdict(set)
    conflicts = [x for x in links if x.relation == "conflicts" and x.evidence is not None]
    for x in links:
        if x.relation in ("cited", "supports", "confirmed"):
            backing[sentence(x.essay, x.text)].add(x.key)
    for x in conflicts:
        assert x.evidence is not None
        pairs[x.key].add(frozenset({sentence(x.essay, x.text),
                                    sentence(x.evidence.essay, x.evidence.text)}))
    out = []
    for x in conflicts:
        assert x.evidence is not None
        one, other = sentence(x.essay, x.text), sentence(x.evidence.essay, x.evidence.text)
        for key in sorted(backing[one] | backing[other]):
            if frozenset({one, other}) not in pairs[key]:
                pairs[key].add(frozenset({one, other}))
                out.append((key, _annotation_claim(x)))
    return out


def apply_links(library: Library, result: ClaimsResult) -> Library:
    """``library`` with the found ``supports`` and ``conflicts`` claims in the
    annotations of the works they name.

    The found claims of the linked essays are replaced; a person's decisions,
    the cited claims and everything else in the annotations stay.  A work
    with nothing found and no annotation gets none.
    """
    found: dict[str, list[AnnotationClaim]] = defaultdict(list)
    for x in result.links:
        if x.relation in WRITTEN:
            found[x.key].append(_annotation_claim(x))
    for key, claim in _conflicts_of_sources(result.links):
        found[key].append(claim)
    annotations = dict(library.annotations)
    for key in sorted(set(found) | set(annotations)):
        existing = annotations.get(key)
        merged = merge_links(existing, tuple(found.get(key, ())), key,
                             refreshed_essays=result.essays)
        if existing is None and not merged.claims:
            continue
        annotations[key] = merged
    return replace(library, annotations=MappingProxyType(dict(sorted(annotations.items()))))


def judgement_findings(result: ClaimsResult, essays: Iterable[Essay]) -> tuple[Diagnostic, ...]:
    """One finding per judgement, located in the essay's file (path, line, column)."""
    paths = {e.id: e.path for e in essays}
    out = []
    for j in result.judgements:
        out.append(diagnostic(j.kind, j.message, path=paths.get(j.essay, j.essay), line=j.line,
                              column=j.column, keys=j.keys, suggestion=j.suggestion))
    return tuple(sorted(out, key=lambda d: (d.path, d.line, d.column, d.code, d.keys)))


def summary(findings: Iterable[Diagnostic]) -> dict[str, int]:
    """How many findings of each claim-aware kind, in the table's order (zeros kept)."""
    counts = Counter(d.kind for d in findings)
    return {kind: counts[kind] for kind in KINDS if KINDS[kind].code.startswith("RB3")}
