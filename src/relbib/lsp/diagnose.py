"""Findings for the document being edited, with the rules of `relbib check`.

Input: a CheckRequest for one document (relbib.workspace.check.collect, with
the editor's text), the library's claim knowledge, and a library-findings
function.
Output: the findings of each file, by path: the draft's (and the files it
includes) from the draft and claim rules, the .bib files' from the library
rules, scoped as `relbib check` scopes them; and those findings as LSP
diagnostics.
Never: read a file, or run the library rules on every keystroke (their
findings depend on the .bib contents only and are remembered per .bib set).

An edit re-runs only the rules whose scope is the draft: the .bib records,
their index and the library findings are built once per .bib content.
``unused-entry`` is judged when a .bib is checked on its own, not per draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lsprotocol import types as lsp

from relbib.check.claim_rules import CLAIM_RULES
from relbib.check.context import (
    CheckContext,
    ClaimInputs,
    KeyIndex,
    ModelChoice,
    Rule,
    build_key_index,
)
from relbib.check.records import BibRecord
from relbib.check.rules import is_suppressed, run_rules
from relbib.check.runner import CheckRequest, DraftUnit, LibraryFindings, records_of
from relbib.formats.bibscan import BibScan
from relbib.lsp.documents import LineIndex
from relbib.model import Diagnostic, Severity

__all__ = ["BibSet", "DraftRun", "LibraryMemo", "draft_run", "to_lsp"]

# a .bib this small is the paper's own: all its findings are shown (check/scope.py)
_SHARED_MIN = 20

# an editor shows no more than this many diagnostics of one file usefully (a
# megabyte of "\cite{" makes 170,000 findings)
MAX_PER_FILE = 1000

# the word a finding without a key highlights (bounded: a megabyte without a space)
_WORD = re.compile(r"\S{1,80}")

_SEVERITY = {Severity.ERROR: lsp.DiagnosticSeverity.Error,
             Severity.WARNING: lsp.DiagnosticSeverity.Warning,
             Severity.INFO: lsp.DiagnosticSeverity.Information}


@dataclass(frozen=True, slots=True, kw_only=True)
class BibSet:
    """The .bib files one draft resolves against, as the rules read them."""

    scans: tuple[BibScan, ...]
    records: tuple[BibRecord, ...]
    strings: frozenset[str]
    broken: frozenset[str]
    by_key: Mapping[str, BibRecord]  # lower-case key → first record
    keys: KeyIndex  # the rules' key index (exact, lower-case, did-you-mean), kept across edits
    # lower-case key → its crossref/xdata parents (lower-case), for the entries that have any
    parents: Mapping[str, tuple[str, ...]]


def _bib_set(scans: tuple[BibScan, ...]) -> BibSet:
    records = tuple(r for s in scans for r in records_of(s))
    by_key: dict[str, BibRecord] = {}
    for r in records:
        by_key.setdefault(r.key.lower(), r)
    parents: dict[str, tuple[str, ...]] = {}
    for low, r in by_key.items():
        names = [r.fields.get("crossref", ""), *r.fields.get("xdata", "").split(",")]
        found = tuple(n.strip().lower() for n in names if n.strip())
        if found:
            parents[low] = found
    return BibSet(parents=parents, scans=scans, records=records,
                  strings=frozenset(n for s in scans for n in s.strings),
                  broken=frozenset(k for s in scans for p in s.problems
                                   if p.kind == "parse-error" for k in p.keys),
                  by_key=by_key, keys=build_key_index(records))


class LibraryMemo:
    """BibSets and library findings, remembered per .bib scan objects."""

    def __init__(self, compute: LibraryFindings) -> None:
        self.compute = compute
        self._sets: dict[tuple[int, ...], tuple[tuple[BibScan, ...], BibSet]] = {}
        self._found: dict[tuple[object, ...], tuple[tuple[BibScan, ...], tuple[Diagnostic, ...]]] = {}

    def bib_set(self, scans: tuple[BibScan, ...]) -> BibSet:
        key = tuple(id(s) for s in scans)
        held = self._sets.get(key)
        if held is None or held[0] != scans:
            if len(self._sets) > 8:
                self._sets.clear()
            held = (scans, _bib_set(scans))
            self._sets[key] = held
        return held[1]

    def findings(self, scans: tuple[BibScan, ...], model: ModelChoice,
                 rules: Mapping[str, Rule]) -> tuple[Diagnostic, ...]:
        key = (tuple(id(s) for s in scans), model, tuple(sorted(rules)))
        held = self._found.get(key)
        if held is None or held[0] != scans:
            if len(self._found) > 8:
                self._found.clear()
            held = (scans, self.compute(scans, model, rules))
            self._found[key] = held
        return held[1]


@dataclass(frozen=True, slots=True, kw_only=True)
class DraftRun:
    """One document's check: findings by path, and the keys its drafts cite."""

    by_path: Mapping[str, tuple[Diagnostic, ...]]
    draft_paths: tuple[str, ...]
    bib_paths: tuple[str, ...]
    cited: frozenset[str]  # lower-case


def _draft_rules(ignore: frozenset[str], *, claims: bool) -> dict[str, Rule]:
    scopes = ("draft", "claims") if claims else ("draft",)
    return {n: r for n, r in CLAIM_RULES.items()
            if r.scope in scopes and r.kind != "unused-entry" and n not in ignore}


def _cited(unit: DraftUnit, bibs: BibSet) -> frozenset[str] | None:
    """Lower-case keys the unit cites with their crossref/xdata parents; None: \\nocite{*}."""
    if any(s.nocite_all for s in unit.scans):
        return None
    wanted = {c.key.lower() for s in unit.scans for c in s.citations}
    # the parents are known per .bib content: an edit walks only the keys that have any
    pending = [k for k in wanted if k in bibs.parents]
    while pending:
        for parent in bibs.parents.get(pending.pop(), ()):
            if parent not in wanted:
                wanted.add(parent)
                pending.append(parent)
    return frozenset(wanted)


def _library_scope(found: Sequence[Diagnostic], bibs: BibSet,
                   cited: frozenset[str] | None) -> list[Diagnostic]:
    """A shared .bib the draft cites under half of: only the cited entries' findings."""
    if cited is None:
        return list(found)
    used: dict[str, int] = {}
    for key in cited:  # the draft's keys, not the library's 26,000: this runs per edit
        record = bibs.by_key.get(key)
        if record is not None:
            used[record.path] = used.get(record.path, 0) + 1
    shared = {s.path for s in bibs.scans if len(s.entries) >= _SHARED_MIN and
              used.get(s.path, 0) * 2 < len(s.entries)}
    return [f for f in found if f.path not in shared or not f.keys
            or any(k.lower() in cited for k in f.keys)]


def _unit_findings(request: CheckRequest, unit: DraftUnit, memo: LibraryMemo,
                   claims: ClaimInputs | None) -> tuple[list[Diagnostic], BibSet,
                                                        frozenset[str] | None]:
    scans = tuple(request.bibs[p] for p in unit.bib_paths if p in request.bibs)
    bibs = memo.bib_set(scans)
    judging = claims if claims is not None and claims.judge_drafts else None
    ctx = CheckContext(records=bibs.records, strings=bibs.strings, broken_keys=bibs.broken,
                       scans=unit.scans, data_model=unit.data_model,
                       whole_documents=unit.whole, claims=judging, backend=unit.backend,
                       keys=bibs.keys)
    found = [*unit.diagnostics, *(d for s in unit.scans for d in s.diagnostics)]
    found.extend(run_rules(ctx, _draft_rules(request.ignore, claims=judging is not None)))
    cited = _cited(unit, bibs)
    if scans:
        rules = {n: r for n, r in CLAIM_RULES.items() if n not in request.ignore}
        found.extend(_library_scope(memo.findings(scans, unit.data_model, rules), bibs, cited))
    return found, bibs, cited


def draft_run(request: CheckRequest, memo: LibraryMemo,
              claims: ClaimInputs | None) -> DraftRun:
    """The findings of the drafts of ``request`` and of the entries they cite."""
    found: list[Diagnostic] = list(request.problems)
    cited: set[str] = set()
    bib_paths: dict[str, None] = {}
    suppressing: list[object] = []
    for unit in request.drafts:
        unit_found, bibs, unit_cited = _unit_findings(request, unit, memo, claims)
        found.extend(unit_found)
        cited.update(unit_cited or ())
        bib_paths.update(dict.fromkeys(unit.bib_paths))
        suppressing.extend(unit.scans)
        suppressing.extend(s for s in bibs.scans if s.suppressions)
    ignore = request.ignore
    kept = [f for f in dict.fromkeys(found)
            if not (f.code in ignore or f.kind in ignore)
            and not is_suppressed(f, suppressing)]  # type: ignore[arg-type]
    kept.sort(key=lambda d: (d.path, d.line, d.column, d.code, d.message))
    by_path: dict[str, list[Diagnostic]] = {}
    for f in kept:
        by_path.setdefault(f.path, []).append(f)
    drafts = tuple(dict.fromkeys(s.path for u in request.drafts for s in u.scans))
    return DraftRun(by_path={p: tuple(v) for p, v in by_path.items()}, draft_paths=drafts,
                    bib_paths=tuple(bib_paths), cited=frozenset(cited))


# --- findings → LSP diagnostics ----------------------------------------------------------


def _extent(text: str, start: int, keys: Sequence[str]) -> int:
    """Where a finding's highlight ends: after the key it names, else after the word."""
    for key in keys:
        if key and text.startswith(key, start):
            return start + len(key)
    word = _WORD.match(text, start)
    end = word.end() if word is not None else start
    return max(end, min(start + 1, len(text)))


def to_lsp(findings: Sequence[Diagnostic], index: LineIndex,
           uri_of: Callable[[str], str] | None = None) -> list[lsp.Diagnostic]:
    """relbib findings in one file as LSP diagnostics (``data``: kind, keys, suggestion)."""
    out: list[lsp.Diagnostic] = []
    for f in findings[:MAX_PER_FILE]:
        start = index.from_finding(f.line, f.column)
        end = _extent(index.text, start, f.keys)
        a, b = index.position(start), index.position(end)
        message = f.message + (f"\n{f.suggestion}" if f.suggestion else "")
        out.append(lsp.Diagnostic(
            range=lsp.Range(start=lsp.Position(line=a[0], character=a[1]),
                            end=lsp.Position(line=b[0], character=b[1])),
            message=message, severity=_SEVERITY[f.severity], code=f.code, source="relbib",
            data={"kind": f.kind, "keys": list(f.keys), "suggestion": f.suggestion}))
    return out
