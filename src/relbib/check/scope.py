"""Which findings a `relbib check` run reports: ruff-like selection and the cited scope.

Input: the findings of a run, the drafts' scans and .bib scans, and a Scope
(``--select``, ``--ignore``, ``--extend-select``, ``--only-cited``,
``--whole-library``).
Output: the findings kept, in their order.
Never: read a file, or change a finding, except to soften the error of an
entry that no checked draft cites (:func:`soften_uncited`).

A token names findings by code (``RB203``), code prefix (``RB2``: every
RB2xx), kind (``missing-field``) or rule name (``doi``: the kind that rule
reports).  With drafts given, findings about the entries of a shared library
(a .bib of 20 or more entries the drafts cite under half of) are limited to the
entries the drafts cite and the crossref/xdata parents of those, unless
``--whole-library`` asks for all: checking one paper against a master .bib
reports the paper's problems, not thousands of uncited entries (nor their
``unused-entry``).  ``--only-cited`` limits every .bib so, and keeps
``unused-entry``, which is about the drafts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from relbib.check.context import Rule
from relbib.check.records import DraftScan
from relbib.formats.bibscan import BibScan
from relbib.model import Diagnostic, Severity

# findings about the drafts' use of the library, kept with --only-cited
_DRAFT_KINDS = frozenset({"unused-entry"})
# a .bib this small is the paper's own, whatever share of it is cited
_SHARED_MIN = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class Scope:
    select: frozenset[str] | None = None  # None: every rule
    extend_select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    # True: only cited entries; False: the whole library; None: cited when drafts are given
    only_cited: bool | None = None


def _matches(finding: Diagnostic, tokens: Iterable[str], rules: Mapping[str, Rule]) -> bool:
    for token in tokens:
        if token in (finding.code, finding.kind):
            return True
        if token[:2].upper() == "RB" and finding.code.startswith(token.upper()):
            return True
        rule = rules.get(token)
        if rule is not None and rule.kind == finding.kind:
            return True
    return False


def _cited(drafts: Sequence[DraftScan], bibs: Iterable[BibScan]) -> frozenset[str] | None:
    """Lower-cased keys the drafts cite, with the parents they inherit from; None
    when a draft lists every entry (``\\nocite{*}``)."""
    if any(s.nocite_all for s in drafts):
        return None
    wanted = {c.key.lower() for s in drafts for c in s.citations}
    parents: dict[str, list[str]] = {}
    for scan in bibs:
        for entry in scan.entries:
            fields = entry.fields
            names = [fields.get("crossref", ""), *fields.get("xdata", "").split(",")]
            ids = [i.strip().lower() for i in fields.get("ids", "").split(",") if i.strip()]
            for key in (entry.key.lower(), *ids):
                parents.setdefault(key, []).extend(n.strip().lower() for n in names if n.strip())
                if key in wanted:
                    wanted.add(entry.key.lower())
    pending = list(wanted)
    while pending:
        for parent in parents.get(pending.pop(), ()):
            if parent not in wanted:
                wanted.add(parent)
                pending.append(parent)
    return frozenset(wanted)


def apply_scope(findings: Sequence[Diagnostic], scope: Scope, *, drafts: Sequence[DraftScan],
                bibs: Mapping[str, BibScan], rules: Mapping[str, Rule]) -> list[Diagnostic]:
    """The findings ``scope`` keeps."""
    kept = list(findings)
    if scope.select is not None or scope.extend_select:
        chosen = (scope.select if scope.select is not None else frozenset()) | scope.extend_select
        everything = scope.select is None
        kept = [f for f in kept if everything or _matches(f, chosen, rules)]
    if scope.ignore:
        kept = [f for f in kept if not _matches(f, scope.ignore, rules)]
    if scope.only_cited is False or not drafts:
        return kept
    cited = _cited(drafts, bibs.values())
    if cited is None:
        return kept
    if scope.only_cited:
        limited = set(bibs)
    else:  # the default: only a shared library the drafts cite little of is limited
        limited = {path for path, scan in bibs.items() if _shared(scan, cited)}
    return [f for f in kept if f.path not in limited or not f.keys
            or (f.kind in _DRAFT_KINDS and scope.only_cited)
            or any(k.lower() in cited for k in f.keys)]


# entry errors that break only the entry's own printed form, which a document
# that never cites it does not print (bibtex and biber read an uncited entry's
# fields without a word: "Warning--string name ... is undefined" only when cited)
_ENTRY_ONLY_ERRORS = frozenset({"undefined-string"})


def soften_uncited(findings: Sequence[Diagnostic], *, drafts: Sequence[DraftScan],
                   bibs: Mapping[str, BibScan]) -> list[Diagnostic]:
    """``findings`` with each entry-only error of an entry the checked drafts never
    cite made a warning: it is real, but it breaks nothing the drafts print."""
    if not drafts or not any(f.kind in _ENTRY_ONLY_ERRORS for f in findings):
        return list(findings)
    cited = _cited(drafts, bibs.values())
    if cited is None:
        return list(findings)
    return [replace(f, severity=Severity.WARNING,
                    message=f"{f.message} (the entry is never cited, so nothing printed is wrong yet)")
            if f.kind in _ENTRY_ONLY_ERRORS and f.severity is Severity.ERROR and f.keys
            and not any(k.lower() in cited for k in f.keys) else f
            for f in findings]


def soften_for_pandoc(findings: Sequence[Diagnostic],
                      backends: Mapping[str, frozenset[str | None]]) -> list[Diagnostic]:
    """``findings`` with each undefined-string error in a .bib read only by pandoc
    drafts made a warning: pandoc prints the macro's name in its place (``edition =
    second`` → "Second"), where BibTeX and biber print nothing."""
    return [replace(f, severity=Severity.WARNING,
                    message=f"{f.message} (pandoc prints the name in its place)")
            if f.kind == "undefined-string" and f.severity is Severity.ERROR
            and backends.get(f.path) == frozenset({"pandoc"}) else f
            for f in findings]


def _shared(scan: BibScan, cited: frozenset[str]) -> bool:
    """A master .bib shared by many papers: the drafts cite under half its entries."""
    total = len(scan.entries)
    used = sum(1 for e in scan.entries if e.key.lower() in cited)
    return total >= _SHARED_MIN and used * 2 < total


def _tokens(values: Sequence[str] | None) -> frozenset[str]:
    return frozenset(t.strip() for v in values or () for t in v.split(",") if t.strip())


def scope_of(select: Sequence[str] | None, ignore: Sequence[str] | None,
             extend_select: Sequence[str] | None, *, only_cited: bool,
             whole_library: bool) -> Scope:
    """The Scope of the command-line flags (--only-cited wins over --whole-library;
    the CLI refuses the two together)."""
    return Scope(select=_tokens(select) if select else None,
                 extend_select=_tokens(extend_select), ignore=_tokens(ignore),
                 only_cited=True if only_cited else (False if whole_library else None))
