"""The claims stage's vocabulary: countries, organisations, given-name
romanisations, news synonyms and currencies.

Input: the ``claims_*.txt`` data files in ``relbib/lexicon/data`` (package
data, read once); each row is ``canonical | variant | variant ...``.
Output: read-only tables canonical → variants.
Never: hold a word in code, know about a seed essay, or do I/O beyond package data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType


@cache
def _table(name: str) -> Mapping[str, tuple[str, ...]]:
    """canonical → variants; a variant two rows share is dropped (it names neither)."""
    text = resources.files("relbib.lexicon").joinpath("data", name).read_text("utf-8")
    rows = [[cell.strip() for cell in line.split("|")] for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    shared = Counter(v for row in rows for v in set(row[1:]))
    return MappingProxyType({row[0]: tuple(v for v in row[1:] if shared[v] == 1 and v)
                             for row in rows})


def countries() -> Mapping[str, tuple[str, ...]]:
    """Country → its other names, abbreviations, demonyms and capital (lower case)."""
    return _table("claims_countries.txt")


def organisations() -> Mapping[str, tuple[str, ...]]:
    """International organisation → its acronyms and other spellings (lower case)."""
    return _table("claims_organisations.txt")


def transliterations() -> Mapping[str, tuple[str, ...]]:
    """Given name → its other romanisations (lower case)."""
    return _table("claims_transliterations.txt")


def synonyms() -> Mapping[str, tuple[str, ...]]:
    """A news word → the words a writer uses in its place."""
    return _table("claims_synonyms.txt")


def currencies() -> Mapping[str, tuple[str, ...]]:
    """ISO 4217 code (lower case) → the symbols and names written with a figure."""
    return _table("claims_currencies.txt")


@cache
def events() -> frozenset[str]:
    """Words that name what happened: an event's predicate ("exploded", "evacuation")."""
    text = resources.files("relbib.lexicon").joinpath("data", "claims_events.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))
