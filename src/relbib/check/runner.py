"""`relbib check` orchestrated: scanned drafts, scanned .bib files and essays → findings.

Input: a CheckRequest (DraftUnits: each root draft with the scans of the
files it includes and the .bib files its keys resolve against; BibScans by
path; essay texts), the project's ignore list and, for the claim-aware rules,
the library's claim knowledge.
Output: a CheckResult (findings in a stable order, after suppression, and
the summary counts).
Never: read a file, look at the environment or print (workspace_check.py reads
and caches, cli.py prints).  Library findings come through a callable so the
caller can cache them per set of .bib files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from relbib.check import fields as fv
from relbib.check.claim_rules import CLAIM_RULES
from relbib.check.context import CheckContext, ClaimInputs, ModelChoice, Rule, work_key
from relbib.check.records import Backend, BibRecord, DraftScan, MacroUse
from relbib.check.rules import RULES, is_suppressed, run_rules
from relbib.check.scope import Scope, apply_scope, soften_for_pandoc, soften_uncited
from relbib.diagnostics import InputError, diagnostic
from relbib.formats.bibscan import BibScan
from relbib.model import Diagnostic, EssayIngest, Severity

if TYPE_CHECKING:
    from relbib.scale import Runner

__all__ = ["CheckRequest", "CheckResult", "ClaimInputs", "DraftUnit", "EssayText", "LibraryFindings",
           "DRAFT_FIELDS", "check", "library_findings", "records_of", "work_map"]

# The kinds an essay's notes are checked for (DESIGN.md: essays are checked as notes).
ESSAY_KINDS = frozenset({"incomplete-note", "ambiguous-reference", "pinpoint-out-of-range",
                         "parse-error"})


@dataclass(frozen=True, slots=True, kw_only=True)
class DraftUnit:
    """One root draft: its scan first, then the scans of the files it pulls in."""

    path: str
    scans: tuple[DraftScan, ...]
    bib_paths: tuple[str, ...]  # the .bib files its keys resolve against, in order
    whole: bool = True  # a whole document (unused-entry may be judged)
    diagnostics: tuple[Diagnostic, ...] = ()  # missing includes and .bib files
    # the project's ``backend = ...`` setting, over what the drafts show
    backend_setting: Backend | None = None

    @property
    def data_model(self) -> ModelChoice:
        for scan in self.scans:
            if scan.data_model is not None:
                return scan.data_model
        return {"bibtex": "bibtex", "biber": "biblatex"}.get(  # type: ignore[return-value]
            self.backend_setting or "", "both")

    @property
    def backend(self) -> Backend | None:
        if self.backend_setting is not None:
            return self.backend_setting
        return next((s.backend for s in self.scans if s.backend is not None), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class EssayText:
    path: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckRequest:
    drafts: tuple[DraftUnit, ...] = ()
    bibs: Mapping[str, BibScan] = field(default_factory=lambda: MappingProxyType({}))
    # .bib files checked on their own (--bib, or .bib paths given), besides the drafts' ones
    extra_bibs: tuple[str, ...] = ()
    essays: tuple[EssayText, ...] = ()
    ignore: frozenset[str] = frozenset()  # codes, kinds or rule names the project turns off
    problems: tuple[Diagnostic, ...] = ()  # found while reading (unreadable files)
    scope: Scope = field(default_factory=Scope)  # --select, --ignore, cited entries only
    # the data model of the .bib files checked on their own (the config's dialect,
    # or biblatex when they use fields only biblatex knows)
    alone_model: ModelChoice = "both"
    # .bib files the project's build writes (knitr::write_bib): nobody edits their
    # entries, so an uncited one is no finding
    generated_bibs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckResult:
    findings: tuple[Diagnostic, ...]
    files: int
    citations: int

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


LibraryFindings = Callable[[tuple[BibScan, ...], ModelChoice, Mapping[str, Rule]],
                           tuple[Diagnostic, ...]]


# --- .bib scans → the rules' records --------------------------------------------


def records_of(scan: BibScan) -> tuple[BibRecord, ...]:
    """The entries of a scanned .bib file as BibRecords (fields as the scanner gave them)."""
    path = scan.path
    return tuple(
        BibRecord(key=e.key, type=e.type, fields=e.fields, path=path, line=e.line,
                  field_lines=e.field_lines,
                  macros=tuple(MacroUse(name=n, field=f, line=ln) for n, f, ln in e.macros)
                  if e.macros else ())
        for e in scan.entries)


# The fields the draft-scope rules read: enough for a cached run whose library
# findings are already known (undefined and unused keys, inheritance,
# pinpoints, dates).  The work map reads full records.
DRAFT_FIELDS = frozenset({"ids", "crossref", "xdata", "pages", "pagetotal", "url",
                          "howpublished", "pubstate", "note", "year", "date", "month"})

_RECORDS: dict[int, tuple[BibScan, tuple[BibRecord, ...]]] = {}


def _records(scan: BibScan) -> tuple[BibRecord, ...]:
    """records_of, once per scan object in a run (a pure memo: scans are frozen)."""
    hit = _RECORDS.get(id(scan))
    if hit is None or hit[0] is not scan:
        hit = (scan, records_of(scan))
        _RECORDS[id(scan)] = hit
    return hit[1]


def _context(scans: Sequence[BibScan], model: ModelChoice, *,
             drafts: Sequence[DraftScan] = (), whole: bool = True,
             claims: ClaimInputs | None = None, backend: Backend | None = None) -> CheckContext:
    records: list[BibRecord] = []
    strings: set[str] = set()
    broken: set[str] = set()
    for scan in scans:
        records.extend(_records(scan))
        strings.update(scan.strings)
        broken.update(k for p in scan.problems if p.kind == "parse-error" for k in p.keys)
    return CheckContext(records=tuple(records), strings=frozenset(strings),
                        broken_keys=frozenset(broken),
                        scans=tuple(drafts), data_model=model, whole_documents=whole,
                        claims=claims, backend=backend)


def _backends_of_bibs(units: Iterable[DraftUnit]) -> dict[str, frozenset[Backend | None]]:
    """Each .bib file → the backends of the drafts that read it."""
    out: dict[str, set[Backend | None]] = {}
    for unit in units:
        for path in unit.bib_paths:
            out.setdefault(path, set()).add(unit.backend)
    return {path: frozenset(backends) for path, backends in out.items()}


def library_findings(scans: tuple[BibScan, ...], model: ModelChoice,
                     rules: Mapping[str, Rule] = RULES) -> tuple[Diagnostic, ...]:
    """What the .bib files alone show: read problems plus entry and library rules."""
    ctx = _context(scans, model)
    found = [p for scan in scans for p in scan.problems]
    found.extend(run_rules(ctx, rules, skip_scopes=("draft", "claims")))
    return tuple(found)


# --- works: draft keys → library keys ---------------------------------------------


def _doi_of(fields: Mapping[str, object]) -> str | None:
    raw = fields.get("doi")
    return fv.normalize_doi(raw) if isinstance(raw, str) and raw else None


def work_map(draft_records: Iterable[BibRecord],
             library_records: Iterable[BibRecord]) -> dict[str, str]:
    """Draft key → library key of the same work (same DOI, or same normalized
    title, year and first author); a key the library holds maps to itself."""
    by_key: dict[str, str] = {}
    by_doi: dict[str, str] = {}
    by_work: dict[tuple[str, str, str], str] = {}
    for record in library_records:
        by_key.setdefault(record.key, record.key)
        doi = _doi_of(record.fields)
        if doi:
            by_doi.setdefault(doi, record.key)
        work = work_key(record)
        if work is not None:
            by_work.setdefault(work, record.key)
    out: dict[str, str] = {}
    for record in draft_records:
        doi = _doi_of(record.fields)
        work = work_key(record)
        target = (by_doi.get(doi) if doi else None) or (
            by_work.get(work) if work is not None else None) or by_key.get(record.key)
        if target is not None:
            out[record.key] = target
    return out


# --- the run ------------------------------------------------------------------------


def _draft_rules(rules: Mapping[str, Rule], *, claims: bool) -> Mapping[str, Rule]:
    scopes = ("draft", "claims") if claims else ("draft",)
    return {n: r for n, r in rules.items() if r.scope in scopes and r.kind != "unused-entry"}


def _unused_rules(rules: Mapping[str, Rule]) -> Mapping[str, Rule]:
    return {n: r for n, r in rules.items() if r.kind == "unused-entry"}


def _bib_sets(request: CheckRequest) -> list[tuple[tuple[str, ...], ModelChoice]]:
    """The sets of .bib files judged together, each with one data model.

    A .bib file is judged under one model however many drafts name it (the
    union of theirs: one defect, one finding), and a --bib file a draft also
    resolves against is not judged a second time on its own.
    """
    sets = [(u.bib_paths, u.data_model) for u in request.drafts]
    used = {p for u in request.drafts for p in u.bib_paths}
    alone = tuple(p for p in request.extra_bibs if p not in used)
    if alone:
        sets.append((alone, request.alone_model))
    # files judged together share a model: the union over the connected sets
    group = {p: p for paths, _ in sets for p in paths}

    def find(p: str) -> str:
        while group[p] != p:
            group[p] = group[group[p]]
            p = group[p]
        return p

    for paths, _ in sets:
        for p in paths[1:]:
            group[find(p)] = find(paths[0])
    models: dict[str, set[str]] = {}
    for paths, model in sets:
        if paths:
            models.setdefault(find(paths[0]), set()).update(
                ("bibtex", "biblatex") if model == "both" else (model,))
    out: dict[tuple[tuple[str, ...], ModelChoice], None] = {}
    for paths, _ in sets:
        if paths:
            union = models[find(paths[0])]
            choice: ModelChoice = "both" if len(union) != 1 else (
                "bibtex" if "bibtex" in union else "biblatex")
            out[(paths, choice)] = None
    return list(out)


def _unused(request: CheckRequest, rules: Mapping[str, Rule],
            claims: ClaimInputs | None) -> list[Diagnostic]:
    """unused-entry per .bib file, over every draft of the run that names that file."""
    chosen = _unused_rules(rules)
    if not chosen or not request.drafts:
        return []
    found: list[Diagnostic] = []
    judged: dict[frozenset[int], list[Diagnostic]] = {}
    bib_paths = dict.fromkeys(p for u in request.drafts for p in u.bib_paths)
    for path in bib_paths:
        if path not in request.bibs or path in request.generated_bibs:
            continue
        users = frozenset(i for i, u in enumerate(request.drafts) if path in u.bib_paths)
        if users not in judged:
            units = [request.drafts[i] for i in sorted(users)]
            files = dict.fromkeys(p for u in units for p in u.bib_paths if p in request.bibs)
            ctx = _context([request.bibs[p] for p in files], "both",
                           drafts=[s for u in units for s in u.scans],
                           whole=all(u.whole for u in units), claims=claims)
            judged[users] = list(run_rules(ctx, chosen))
        found.extend(f for f in judged[users] if f.path == path)
    return found


def _claim_findings(claims: ClaimInputs, ingests: Sequence[EssayIngest],
                    parallel: Runner | None = None) -> list[Diagnostic]:
    """The claim-aware kinds for essays: the library's linker over their sentences.

    The one hook between check and relbib.claims.annotate; drafts reach the claim rules
    through the registry slots (``CheckContext.claims`` carries the key map).
    """
    from relbib.claims.annotate import judgement_findings, link_library
    from relbib.library.core import Library
    from relbib.pipeline import update

    if not isinstance(claims.library, Library) or not ingests:
        return []
    updated = update(claims.library, ingests)
    result = link_library(updated.library, ingests, updated.citations, parallel=parallel)
    failed = parallel.take_failures() if parallel is not None else ()
    return [*judgement_findings(result, [i.essay for i in ingests]), *failed]


def _essay_findings(essays: Sequence[EssayText], claims: ClaimInputs | None,
                    parallel: Runner | None = None) -> list[Diagnostic]:
    if not essays:
        return []
    # the essay pipeline is imported only when essays are checked
    from relbib.model import FullRef
    from relbib.pipeline import ingest_essay

    found: list[Diagnostic] = []
    ingests = []
    if parallel is not None:  # on other processes (relbib.scale): a failure is a finding
        read = parallel.ingest([(e.path, e.text) for e in essays])
        found.extend(parallel.take_failures())
        essays = [e for e, i in zip(essays, read, strict=True) if i is not None]
        ingests = [i for i in read if i is not None]
    for essay in list(essays) if parallel is None else ():
        try:
            ingests.append(ingest_essay(essay.text, path=essay.path))
        except InputError as error:  # one unreadable file is a finding, not the end
            found.append(unreadable(error, essay.path))
            essays = [e for e in essays if e is not essay]
    if claims is not None:
        found.extend(_claim_findings(claims, ingests, parallel))
    for essay, ingest in zip(essays, ingests, strict=True):
        found.extend(d for d in ingest.diagnostics if d.kind in ESSAY_KINDS)
        lines = {note.n: note.line for note in ingest.essay.notes}
        by_note = {(c.n, span.index): span.reference for c in ingest.cited for span in c.citations}
        for citation in ingest.citations:
            source = (by_note.get((citation.source, citation.source_index))
                      if citation.source is not None else None)
            if not citation.pinpoint or not isinstance(source, FullRef):
                continue
            pages = source.fields.get("pages")
            wanted = fv.pinpoint_pages(citation.pinpoint)
            span = fv.page_span(pages) if isinstance(pages, str) and pages else None
            if wanted is None or span is None or span[0] == span[1]:
                continue
            bad = [(a, b) for a, b in wanted if a < span[0] or b > span[1]]
            if bad:
                a, b = bad[0]
                cited = f"{a}" if a == b else f"{a}--{b}"
                found.append(diagnostic(
                    "pinpoint-out-of-range",
                    f"note {citation.note} cites page {cited} of the source in note "
                    f"{citation.source}, whose pages are {pages}",
                    path=essay.path, line=lines.get(citation.note, 0), column=1,
                    note=citation.note,
                    suggestion="check the page number, or whether the note means another source"))
    return found


def unreadable(error: InputError, path: str) -> Diagnostic:
    """The parse-error finding for a file that cannot be read as what it claims to be."""
    return diagnostic("parse-error", f"cannot be read: {error.detail}", path=error.path or path,
                      line=max(error.line, 1), column=1, severity=Severity.WARNING,
                      suggestion="fix the file, or leave it out of the paths checked")


def _ignored(finding: Diagnostic, ignore: frozenset[str]) -> bool:
    return bool(ignore) and (finding.code in ignore or finding.kind in ignore)


def check(request: CheckRequest, *, rules: Mapping[str, Rule] = CLAIM_RULES,
          claims: ClaimInputs | None = None,
          library: LibraryFindings | None = None,
          parallel: Runner | None = None) -> CheckResult:
    """Every finding of one `relbib check` run.

    ``claims`` (a ClaimInputs) turns on the claim-aware rules whose slots are
    filled in ``rules`` (by default all four, check/claim_rules.py); None
    skips them (``--no-claims``).  ``library``
    computes the library findings of one set of .bib files (default:
    :func:`library_findings`; the caller passes a cached one).  ``parallel``
    reads and links the essays on other processes (relbib.scale; same findings).
    """
    compute = library or library_findings
    # a rule the project ignores by name is not run at all; codes and kinds are filtered
    rules = {n: r for n, r in rules.items() if n not in request.ignore}
    found: list[Diagnostic] = list(request.problems)
    for paths, model in _bib_sets(request):
        bib_scans = tuple(request.bibs[p] for p in paths if p in request.bibs)
        if bib_scans:
            found.extend(compute(bib_scans, model, rules))
    essay_claims: ClaimInputs | None = claims
    if claims is not None and not claims.judge_drafts:
        claims = None  # no library claims: drafts are not judged, essays still are
    draft_rules = _draft_rules(rules, claims=claims is not None)
    groups: dict[tuple[tuple[str, ...], ModelChoice, Backend | None], list[DraftUnit]] = {}
    for unit in request.drafts:
        found.extend(unit.diagnostics)
        for scan in unit.scans:
            found.extend(scan.diagnostics)
        groups.setdefault((unit.bib_paths, unit.data_model, unit.backend), []).append(unit)
    for (paths, model, backend), units in groups.items():
        ctx = _context([request.bibs[p] for p in paths if p in request.bibs], model,
                       drafts=[s for u in units for s in u.scans],
                       whole=all(u.whole for u in units), claims=claims, backend=backend)
        found.extend(run_rules(ctx, draft_rules))
    found.extend(_unused(request, rules, claims))
    found.extend(_essay_findings(request.essays,
                                 essay_claims if isinstance(essay_claims, ClaimInputs) else None,
                                 parallel))
    scans = [s for u in request.drafts for s in u.scans]
    # suppression comments of the drafts and of the .bib files that have any
    commented: list[DraftScan | BibScan] = [
        *scans, *(b for b in request.bibs.values() if b.suppressions)]
    kept = [f for f in dict.fromkeys(found)
            if not _ignored(f, request.ignore) and not is_suppressed(f, commented)]
    kept = apply_scope(kept, request.scope, drafts=scans, bibs=request.bibs, rules=rules)
    kept = soften_uncited(kept, drafts=scans, bibs=request.bibs)
    kept = soften_for_pandoc(kept, _backends_of_bibs(request.drafts))
    kept.sort(key=lambda d: (d.path, d.line, d.column, d.code, d.message))
    files = len({s.path for s in scans} | set(request.bibs) | {e.path for e in request.essays})
    citations = sum(len(s.citations) for s in scans)
    _RECORDS.clear()
    return CheckResult(findings=tuple(kept), files=files, citations=citations)
