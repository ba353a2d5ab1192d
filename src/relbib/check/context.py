"""The input every `relbib check` rule takes, the Rule record, and shared helpers.

Input: nothing at import; the helpers take BibRecords.
Output: CheckContext, Rule, and small pure helpers the rule modules share
(normalised titles and names, key index, inheritance parents).
Never: touch a file or hold state between calls.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from relbib.check.records import Backend, BibRecord, DraftScan
from relbib.diagnostics import diagnostic
from relbib.formats.braces import split_top_level
from relbib.library.identity import bib_work_key
from relbib.model import Diagnostic, Severity

ModelChoice = Literal["bibtex", "biblatex", "both"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimInputs:
    """What the claim-aware rules get as ``CheckContext.claims``.

    ``library`` is a :class:`relbib.library.core.Library` (typed loosely so the
    check package does not import the library at start-up).  ``key_map``
    sends a draft's key to the library key of the same work (same DOI, or
    same normalized title, year and first author), so claim knowledge
    follows works, not keys.
    """

    library: object
    key_map: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # drafts are judged only against a library that holds claims (essays are
    # also judged against each other, so they need none)
    judge_drafts: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckContext:
    """What the rules look at."""

    records: tuple[BibRecord, ...] = ()
    strings: frozenset[str] = frozenset()  # @string names defined in the .bib files read
    # keys of entries the .bib reader could not finish: defined for bibtex, which
    # keeps the partly read entry (their parse-error is the finding)
    broken_keys: frozenset[str] = frozenset()
    scans: tuple[DraftScan, ...] = ()
    # which data model's required fields apply ("both": either model's, each named)
    data_model: ModelChoice = "both"
    # the program that resolves the drafts' keys (case folds only for BibTeX); None: unknown
    backend: Backend | None = None
    # unused-entry is judged only when whole documents were checked
    whole_documents: bool = True
    # for the claim-aware rules: a ClaimInputs, None when they are off
    claims: ClaimInputs | None = None


Check = Callable[[CheckContext], Iterable[Diagnostic]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    name: str
    kind: str
    scope: Literal["entry", "library", "draft", "claims"]
    summary: str
    check: Check | None  # None: a slot a later module fills


# --- shared helpers -----------------------------------------------------------

_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\s*|\\.")
_WORDS = re.compile(r"[^\W_]+")


def plain(text: str) -> str:
    """Lower-case ASCII words of a LaTeX-ish value, for comparisons."""
    if "\\" in text:
        text = _LATEX_COMMAND.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_WORDS.findall(text.lower().replace("{", "").replace("}", "")))


_AND = re.compile(r"(?:^|(?<=\s))and(?=\s|$)", re.IGNORECASE)


def split_names(value: str) -> list[str]:
    """Split a name list on " and " at brace depth 0 (raw parts, blanks kept)."""
    if "{" not in value:
        return _AND.split(value)  # the common case, without a character loop
    return split_top_level(value, _AND.pattern)  # every brace counts, as in BibTeX


_INDEX: list[tuple[object, bool, dict[str, BibRecord]]] = []


def index(records: Iterable[BibRecord], *, aliases: bool = True) -> dict[str, BibRecord]:
    """First record per key; see :func:`build_index`.  The rules of one context
    share one index (a pure memo on the records tuple; do not mutate it)."""
    if isinstance(records, tuple):
        for seen, with_aliases, built in _INDEX:
            if seen is records and with_aliases == aliases:
                return built
    built = build_index(records, aliases=aliases)
    if isinstance(records, tuple):
        _INDEX[:] = [(records, aliases, built), *_INDEX[:1]]
    return built


def build_index(records: Iterable[BibRecord], *, aliases: bool = True) -> dict[str, BibRecord]:
    """First record per key (a later duplicate is duplicate-key's business).

    With ``aliases``, the keys an entry's biblatex ``ids`` field lists resolve
    to it too, as biber resolves them for citations and crossrefs.
    """
    out: dict[str, BibRecord] = {}
    for r in records:
        out.setdefault(r.key, r)
    if aliases:
        for r in records:
            ids = r.fields.get("ids")
            if ids:
                for alias in ids.split(","):
                    if alias.strip():
                        out.setdefault(alias.strip(), r)
    return out


def entry_diag(kind: str, record: BibRecord, field: str | None, message: str,
                suggestion: str, *, severity: Severity | None = None,
                keys: tuple[str, ...] | None = None) -> Diagnostic:
    return diagnostic(kind, message, path=record.path,
                      line=record.line_of(field) if field else record.line, column=1,
                      keys=keys or (record.key,), suggestion=suggestion, severity=severity,
                      field=field)


def parents(record: BibRecord) -> list[str]:
    """Keys this entry inherits from: crossref, xdata (a list)."""
    out: list[str] = []
    if record.fields.get("crossref", "").strip():
        out.append(record.fields["crossref"].strip())
    for key in record.fields.get("xdata", "").split(","):
        if key.strip():
            out.append(key.strip())
    return out


def work_key(record: BibRecord) -> tuple[str, str, str] | None:
    """(title, year, first author's family name), normalised as the library
    normalises them; None when one is missing."""
    return bib_work_key(record.fields)
