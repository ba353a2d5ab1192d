"""The registry of `relbib check` rules and the function that runs them.

Input: a CheckContext (see check/context.py) and optionally a selection.
Output: the Diagnostics of the chosen rules, in a stable order.
Never: read a file or mutate the context.

Library rules live in check/library_rules.py, draft rules in
check/draft_rules.py.  Claim-aware kinds have registry slots (``check=None``)
that check/claim_rules.py fills with :func:`with_rule` (``CLAIM_RULES``, the
registry the runner uses by default).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Protocol

from relbib.check.context import Check, CheckContext, ModelChoice, Rule
from relbib.check.draft_rules import pinpoints, sources_after_draft, undefined_keys, unused_entries
from relbib.check.library_rules import (
    crossref_targets,
    date_syntax,
    doi_syntax,
    duplicate_keys,
    duplicate_works,
    empty_fields,
    fields_for_type,
    isbn_checksum,
    issn_checksum,
    month_syntax,
    name_lists,
    page_range,
    required_fields,
    special_characters,
    undefined_strings,
    url_syntax,
    year_syntax,
)
from relbib.check.style_rules import author_and_editor, integer_fields, number_without_volume
from relbib.model import Diagnostic

__all__ = ["RULES", "Check", "CheckContext", "ModelChoice", "Rule", "is_suppressed",
           "run_rules", "with_rule"]

_RULE_LIST = (
    Rule(name="required-fields", kind="missing-field", scope="entry", check=required_fields,
         summary="fields each entry type requires in BibTeX and biblatex"),
    Rule(name="fields-for-type", kind="invalid-field", scope="entry", check=fields_for_type,
         summary="a field biblatex's data model does not allow for the type (biblatex drafts)"),
    Rule(name="doi", kind="invalid-field", scope="entry", check=doi_syntax,
         summary="DOI syntax, bare form"),
    Rule(name="isbn", kind="invalid-field", scope="entry", check=isbn_checksum,
         summary="ISBN-10/13 check digit"),
    Rule(name="issn", kind="invalid-field", scope="entry", check=issn_checksum,
         summary="ISSN check digit"),
    Rule(name="year", kind="invalid-field", scope="entry", check=year_syntax,
         summary="year is a number"),
    Rule(name="month", kind="invalid-field", scope="entry", check=month_syntax,
         summary="month is 1-12, an English name or a macro"),
    Rule(name="date", kind="invalid-field", scope="entry", check=date_syntax,
         summary="date fields are ISO 8601 / EDTF"),
    Rule(name="pages", kind="invalid-field", scope="entry", check=page_range,
         summary="page ranges run forwards and are numbers"),
    Rule(name="url", kind="invalid-field", scope="entry", check=url_syntax,
         summary="URLs have a scheme and no spaces"),
    Rule(name="names", kind="invalid-field", scope="entry", check=name_lists,
         summary="name lists have no empty names or stray commas"),
    Rule(name="number-without-volume", kind="invalid-field", scope="entry",
         check=number_without_volume,
         summary="an @article's number needs a volume (BibTeX's standard styles)"),
    Rule(name="author-and-editor", kind="invalid-field", scope="entry", check=author_and_editor,
         summary="@book/@inbook with both author and editor (BibTeX prints one)"),
    Rule(name="integer-fields", kind="invalid-field", scope="entry", check=integer_fields,
         summary="volume is an integer (biber drops it otherwise)"),
    Rule(name="empty-field", kind="invalid-field", scope="entry", check=empty_fields,
         summary="fields with an empty value"),
    Rule(name="special-characters", kind="invalid-field", scope="entry",
         check=special_characters,
         summary="balanced braces; & % # _ $ escaped in text fields"),
    Rule(name="undefined-string", kind="undefined-string", scope="entry",
         check=undefined_strings, summary="@string macros are defined"),
    Rule(name="crossref-target", kind="undefined-key", scope="library", check=crossref_targets,
         summary="crossref / xref / xdata name an entry"),
    Rule(name="duplicate-key", kind="duplicate-key", scope="library", check=duplicate_keys,
         summary="keys are unique, also ignoring case"),
    Rule(name="duplicate-entry", kind="duplicate-entry", scope="library", check=duplicate_works,
         summary="one work under two keys"),
    Rule(name="undefined-key", kind="undefined-key", scope="draft", check=undefined_keys,
         summary="cited keys are defined (did-you-mean)"),
    Rule(name="unused-entry", kind="unused-entry", scope="draft", check=unused_entries,
         summary="entries no draft cites"),
    Rule(name="pinpoint-range", kind="pinpoint-out-of-range", scope="draft", check=pinpoints,
         summary="cited pages lie inside the entry's pages"),
    Rule(name="source-after-draft", kind="invalid-field", scope="draft",
         check=sources_after_draft, summary="cited sources are not dated after the draft"),
    Rule(name="unsupported-citation", kind="unsupported-citation", scope="claims", check=None,
         summary="the cited source supports nothing like this sentence"),
    Rule(name="conflicting-fact", kind="conflicting-fact", scope="claims", check=None,
         summary="a date or number contradicts a claim the library holds"),
    Rule(name="uncited-supported-claim", kind="uncited-supported-claim", scope="claims",
         check=None, summary="an uncited sentence a library source supports"),
    Rule(name="citation-needed", kind="citation-needed", scope="claims", check=None,
         summary="an uncited, specific, checkable fact no source supports"),
)

RULES: Mapping[str, Rule] = MappingProxyType({r.name: r for r in _RULE_LIST})


def with_rule(rules: Mapping[str, Rule], name: str, check: Check) -> Mapping[str, Rule]:
    """A copy of ``rules`` with the slot ``name`` filled (used by check/claim_rules.py)."""
    out = dict(rules)
    out[name] = replace(out[name], check=check)
    return MappingProxyType(out)


def run_rules(ctx: CheckContext, rules: Mapping[str, Rule] = RULES, *,
              select: Iterable[str] | None = None,
              skip_scopes: Iterable[str] = ()) -> tuple[Diagnostic, ...]:
    """Every finding of the chosen rules, ordered by path, line, column and code."""
    chosen = set(select) if select is not None else None
    skipped = set(skip_scopes)
    found: list[Diagnostic] = []
    for rule in rules.values():
        if rule.check is None or rule.scope in skipped:
            continue
        if chosen is not None and rule.name not in chosen and rule.kind not in chosen:
            continue
        found.extend(rule.check(ctx))
    found.sort(key=lambda d: (d.path, d.line, d.column, d.code, d.message))
    return tuple(found)


class _Suppressing(Protocol):
    """A scanned file (a draft or a .bib) with its suppression comments."""

    @property
    def path(self) -> str: ...
    @property
    def suppressions(self) -> Mapping[int, frozenset[str]]: ...


def is_suppressed(finding: Diagnostic, scans: Iterable[_Suppressing]) -> bool:
    """True when a ``relbib: ignore[...]`` comment on the finding's line covers it."""
    for scan in scans:
        if scan.path != finding.path:
            continue
        codes = scan.suppressions.get(finding.line)
        if codes is not None and (not codes or finding.code in codes or finding.kind in codes):
            return True
    return False
