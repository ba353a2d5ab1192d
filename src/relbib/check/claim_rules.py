"""The claim-aware rules for drafts: a draft's sentences against what the library knows.

Input: a CheckContext whose ``claims`` is a ClaimInputs (the library with its
annotations, and the draft-key → library-key map) and whose scans carry the
drafts' text.
Output: Diagnostics of the four claim-aware kinds (unsupported-citation,
conflicting-fact, uncited-supported-claim, citation-needed), each at the
line:column of the sentence in the draft file that holds it.
Never: read a file, change the library, or speak of a work by a key the draft
does not know when the draft's .bib holds that work under a key of its own.

Each draft file becomes an essay-like record for relbib.claims.link: its prose
sentences (check/prose.py), one "note" per citation attached to the sentence
it sits in (a citation in a footnote belongs to the footnote's sentence).
Only the library's knowledge judges a draft: a work cited three times in one
draft is not thereby "known" to support those sentences.
Claim knowledge belongs to works, not keys (DESIGN.md, "What check knows"):
the library's claims are renamed to the draft's keys for the same works
before linking, so every message and suggestion speaks the draft's keys.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from relbib.check.context import CheckContext, ClaimInputs, Rule
from relbib.check.prose import Prose, latex_prose, markdown_prose, sentence_at
from relbib.check.records import DraftScan
from relbib.check.rules import RULES, with_rule
from relbib.diagnostics import diagnostic
from relbib.ingest.sentences import line_starts
from relbib.model import Citation, Diagnostic, Essay, Form, Marker, Note, UncitedSupportedClaim

__all__ = ["CLAIM_RULES", "citations_needed", "conflicting_facts", "draft_claim_findings",
           "uncited_supported_claims", "unsupported_citations", "with_claim_rules"]

_LATEX = (".tex", ".ltx", ".latex")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Draft:
    scan: DraftScan
    prose: Prose
    essay: Essay
    citations: tuple[Citation, ...]


def _prose_of(scan: DraftScan) -> Prose:
    if scan.path.lower().endswith(_LATEX):
        return latex_prose(scan.text)
    return markdown_prose(scan.text)


def _draft(scan: DraftScan, canonical: Mapping[str, str]) -> _Draft:
    """One draft file as an essay: its sentences, and a note per citation."""
    prose = _prose_of(scan)
    starts = line_starts(scan.text)
    notes: list[Note] = []
    citations: list[Citation] = []
    for c in scan.citations:
        if c.nocite or c.key == "*" or not 0 < c.line <= len(starts):
            continue
        offset = starts[c.line - 1] + c.column - 1
        sentence = sentence_at(prose, offset)
        if sentence is None:
            continue
        n = len(notes) + 1
        marker = Marker(n=n, start=offset, end=offset, line=c.line, column=c.column)
        notes.append(Note(n=n, text=c.key, start=offset, end=offset, line=c.line,
                          marker=marker, claim=sentence))
        citations.append(Citation(note=n, key=canonical.get(c.key, c.key), form=Form.FULL,
                                  pinpoint=c.pinpoint, refers_to=None, rule="draft", source=n))
    essay = Essay(id=scan.path, path=scan.path, title="", authors=(), venue="", date="",
                  text=prose.text, offset_map=(), paragraphs=prose.paragraphs,
                  sentences=prose.sentences, body_end=len(prose.text), notes=tuple(notes),
                  markers=tuple(n.marker for n in notes if n.marker is not None))
    return _Draft(scan=scan, prose=prose, essay=essay, citations=tuple(citations))


def _year_or_date(fields: Mapping[str, str]) -> str:
    return (fields.get("date") or fields.get("year") or "").strip()


def draft_claim_findings(ctx: CheckContext) -> tuple[Diagnostic, ...]:
    """All four claim-aware kinds for the drafts of ``ctx`` (empty when claims are off)."""
    claims = ctx.claims
    drafts = [s for s in ctx.scans if s.text]
    if not isinstance(claims, ClaimInputs) or not drafts:
        return ()
    # the linker and the library are imported only when claims are judged
    from relbib.claims.annotate import essay_keys, known_claims, work_dates
    from relbib.claims.link import link
    from relbib.library.core import Library

    library = claims.library
    if not isinstance(library, Library):
        return ()
    key_map = claims.key_map
    defined = {r.key for r in ctx.records}
    # library key → the draft's key for the same work (a cited key first)
    own: dict[str, str] = {}
    for key in [c.key for s in drafts for c in s.citations] + [r.key for r in ctx.records]:
        work = key_map.get(key)
        if work is not None and key in defined:
            own.setdefault(work, key)
    canonical = {key: own.get(work, key) for key, work in key_map.items()}

    known = tuple(replace(c, key=own.get(c.key, c.key)) for c in known_claims(library))
    dates = {own.get(k, k): v for k, v in work_dates(library).items()}
    for record in ctx.records:
        if record.key not in key_map:
            value = _year_or_date(record.fields)
            if value:
                dates.setdefault(record.key, value)
    units = [_draft(scan, canonical) for scan in drafts]
    result = link([u.essay for u in units], {u.essay.id: u.citations for u in units},
                  library_claims=known, work_dates=dates, essay_keys=essay_keys(library),
                  conflicts_with_claims=True, own_claims=False)
    latex = {u.essay.id: u.scan.path.lower().endswith(_LATEX) for u in units}
    out: list[Diagnostic] = []
    for j in result.judgements:
        suggestion = j.suggestion
        if isinstance(j, UncitedSupportedClaim) and j.keys:
            suggestion = "cite it: " + _citation(j.keys[0], j.pinpoint, latex=latex[j.essay])
            if j.keys[0] not in defined:
                suggestion += " (the library holds it; add it to the draft's .bib)"
        out.append(diagnostic(j.kind, j.message, path=j.essay, line=j.line, column=j.column,
                              keys=j.keys, suggestion=suggestion))
    return tuple(out)


def _citation(key: str, pinpoint: str | None, *, latex: bool) -> str:
    """A citation of ``key`` as the draft would write it."""
    page = pinpoint
    if pinpoint and pinpoint[0].isdigit():
        page = ("pp. " if "-" in pinpoint or "," in pinpoint else "p. ") + pinpoint
    if latex:
        return f"\\cite[{page.replace('. ', '.~')}]{{{key}}}" if page else f"\\cite{{{key}}}"
    return f"[@{key}, {page}]" if page else f"[@{key}]"


# --- the four registry slots: one computation per context ------------------------------

_MEMO: list[tuple[CheckContext, tuple[Diagnostic, ...]]] = []


def _findings(ctx: CheckContext, kind: str) -> tuple[Diagnostic, ...]:
    # the four rules share one linking run per context (a pure memo: contexts are frozen)
    if not _MEMO or _MEMO[0][0] is not ctx:
        _MEMO[:] = [(ctx, draft_claim_findings(ctx))]
    return tuple(d for d in _MEMO[0][1] if d.kind == kind)


def unsupported_citations(ctx: CheckContext) -> Sequence[Diagnostic]:
    """A cited work known to support other claims but nothing like this sentence."""
    return _findings(ctx, "unsupported-citation")


def conflicting_facts(ctx: CheckContext) -> Sequence[Diagnostic]:
    """A date or number that contradicts what the library's works are cited for."""
    return _findings(ctx, "conflicting-fact")


def uncited_supported_claims(ctx: CheckContext) -> Sequence[Diagnostic]:
    """An uncited sentence a library work supports (suggests its key and pinpoint)."""
    return _findings(ctx, "uncited-supported-claim")


def citations_needed(ctx: CheckContext) -> Sequence[Diagnostic]:
    """An uncited, specific, checkable fact no library work supports."""
    return _findings(ctx, "citation-needed")


def with_claim_rules(rules: Mapping[str, Rule]) -> Mapping[str, Rule]:
    """``rules`` with the four claim-aware slots filled by this module's rules."""
    for name, check in (("unsupported-citation", unsupported_citations),
                        ("conflicting-fact", conflicting_facts),
                        ("uncited-supported-claim", uncited_supported_claims),
                        ("citation-needed", citations_needed)):
        rules = with_rule(rules, name, check)
    return rules


# the registry with every rule in place: what `relbib check` runs
CLAIM_RULES: Mapping[str, Rule] = with_claim_rules(RULES)
