"""The frozen records `relbib check` passes between its scanners and its rules.

Input: nothing (this module only defines types).
Output: DraftCitation, Include, DraftScan (what a draft says) and BibRecord
(one .bib entry as the rules see it).
Never: parse, validate or touch a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from relbib.model import Diagnostic

DataModel = Literal["bibtex", "biblatex"]
# the program that resolves the keys: BibTeX folds case, biber and pandoc do not
Backend = Literal["bibtex", "biber", "pandoc"]


def _empty() -> Mapping[str, int]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class DraftCitation:
    """One key cited in a draft, at the position of the key itself."""

    key: str
    path: str
    line: int  # 1-based
    column: int  # 1-based, of the key's first character
    command: str  # "\\citep", "\\parencites", "[@", "[-@", "@"
    pinpoint: str | None = None  # the normalised postnote ("12", "12--14", "chap. 3")
    prenote: str | None = None
    nocite: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Include:
    """A file a LaTeX draft pulls in; the caller reads and scans it."""

    path_as_written: str  # for \import{dir}{file}: "dir/file"
    line: int
    column: int
    command: str  # "\\input", "\\include", "\\subfile", "\\import", ...


@dataclass(frozen=True, slots=True, kw_only=True)
class DraftScan:
    """Everything a draft says about citations, in document order."""

    path: str
    citations: tuple[DraftCitation, ...] = ()
    bibliographies: tuple[str, ...] = ()  # as written, ".bib" added where missing
    includes: tuple[Include, ...] = ()
    nocite_all: bool = False
    date: str | None = None  # ISO when parseable
    # line -> codes or kinds suppressed on that line; an empty set suppresses all
    suppressions: Mapping[int, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({}))
    diagnostics: tuple[Diagnostic, ...] = ()
    # keys the draft defines itself (front matter ``references:`` ids): not undefined
    defined_keys: frozenset[str] = frozenset()
    # the data model the draft's bibliography commands imply, None when unknown
    data_model: DataModel | None = None
    # the backend the draft's commands imply, None when unknown
    backend: Backend | None = None
    # the draft's text as read, for the claim-aware rules (its prose sentences)
    text: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class MacroUse:
    """An @string macro referenced (unquoted) in a field value."""

    name: str
    field: str
    line: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class BibRecord:
    """One .bib entry as the library rules read it.

    ``fields`` maps lower-case field names to values with the outer braces or
    quotes removed and defined @string macros expanded (an undefined macro
    stays as its bare name and is listed in ``macros``).
    """

    key: str
    type: str  # lower-case entry type without "@"
    fields: Mapping[str, str]
    path: str
    line: int  # line of the "@type{" that opens the entry
    field_lines: Mapping[str, int] = field(default_factory=_empty)
    macros: tuple[MacroUse, ...] = ()  # every macro the entry's values reference

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)
