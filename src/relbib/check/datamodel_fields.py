"""Which fields each entry type may have in biblatex's default data model.

Input: check/data/biblatex_datamodel.tsv (package data, read once at import).
Output: BIBLATEX_TYPES, BIBLATEX_FIELDS (every declared field),
BIBLATEX_GLOBAL_FIELDS (valid for every type) and BIBLATEX_TYPE_FIELDS (the
rest, per entry type).
Never: change at run time or read any other file.

The tables are biblatex's ``blx-dm.def`` (biblatex 3.18b, 2022/07/12); the data
file's header says which of its declarations each table is.  ``biber
--validate-datamodel`` warns "Invalid field 'F' for entrytype 'T'" for a
declared field outside its type's list, and "Field 'F' invalid in data model"
for an undeclared one.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType


def _tables() -> dict[str, frozenset[str]]:
    """The data file's tables: each row's name → its words."""
    text = resources.files("relbib.check").joinpath("data", "biblatex_datamodel.tsv").read_text(
        "utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: frozenset(words.split()) for name, words in rows}


_TABLES = _tables()
BIBLATEX_TYPES: frozenset[str] = _TABLES["types"]
BIBLATEX_FIELDS: frozenset[str] = _TABLES["fields"]
BIBLATEX_GLOBAL_FIELDS: frozenset[str] = _TABLES["global"]
BIBLATEX_TYPE_FIELDS: Mapping[str, frozenset[str]] = MappingProxyType({
    name.removeprefix("type:"): words for name, words in _TABLES.items()
    if name.startswith("type:")
})
