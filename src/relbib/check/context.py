"""The input every `relbib check` rule takes, the Rule record, and shared helpers.

Input: nothing at import; the helpers take BibRecords.
Output: CheckContext, Rule, and small pure helpers the rule modules share
(normalised titles and names, key index, inheritance parents).
Never: touch a file or hold state between calls beyond pure memos (the key
index of a set of records, keyed on the records themselves).
"""

from __future__ import annotations

import operator
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
    # the records' keys, when the caller keeps them between runs (relbib lsp);
    # None: built from ``records`` (see keys_of)
    keys: KeyIndex | None = None


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


# did-you-mean answers one KeyIndex remembers (a draft of typos stays bounded)
_MAX_GUESSES = 4096


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyIndex:
    """The keys of some .bib records, built once per .bib content and shared by
    every rule and every run over that content (the language server checks a
    draft against 26,000 keys on each edit; rebuilding this was most of it)."""

    exact: Mapping[str, BibRecord]  # key or biblatex ``ids`` alias → first record
    lower: Mapping[str, str]  # lower-case key → the key (the last spelling wins)
    choices: tuple[str, ...]  # the exact keys, for did-you-mean
    # key → its did-you-mean answer: a pure memo, the choices never change
    guesses: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def near(self, key: str) -> tuple[str, ...]:
        """Up to three keys spelled like ``key`` (ratio ≥ 75), best first."""
        held = self.guesses.get(key)
        if held is None:
            from rapidfuzz import fuzz, process  # only when a key is undefined

            found = process.extract(key, self.choices, scorer=fuzz.ratio, limit=3,
                                    score_cutoff=75)
            held = tuple(match for match, _score, _index in found)
            if len(self.guesses) >= _MAX_GUESSES:
                self.guesses.clear()
            self.guesses[key] = held
        return held


def build_key_index(records: Iterable[BibRecord]) -> KeyIndex:
    """The KeyIndex of ``records`` (aliases included), built now."""
    exact = build_index(records)
    return KeyIndex(exact=exact, lower={k.lower(): k for k in exact}, choices=tuple(exact))


_KEY_INDEX: list[tuple[tuple[BibRecord, ...], KeyIndex]] = []


def key_index(records: tuple[BibRecord, ...]) -> KeyIndex:
    """The KeyIndex of ``records``, built once: a pure memo on the records, which
    matches a new tuple of the same record objects (each `relbib check` context
    makes its own tuple of the .bib files' records; comparing them is by identity)."""
    for seen, built in _KEY_INDEX:
        if seen is records or (len(seen) == len(records)
                               and all(map(operator.is_, seen, records))):
            return built
    built = build_key_index(records)
    _KEY_INDEX[:] = [(records, built), *_KEY_INDEX[:3]]
    return built


def keys_of(ctx: CheckContext) -> KeyIndex:
    """The context's KeyIndex: the one its caller passed, else the memo's."""
    return ctx.keys if ctx.keys is not None else key_index(ctx.records)


def index(records: Iterable[BibRecord], *, aliases: bool = True) -> Mapping[str, BibRecord]:
    """First record per key; see :func:`build_index`.  The rules of one context
    share one index (a pure memo on the records tuple; do not mutate it)."""
    if isinstance(records, tuple) and aliases:
        return key_index(records).exact
    return build_index(records, aliases=aliases)


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
