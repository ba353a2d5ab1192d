"""General-purpose aliases: one canonical spelling for names that vary.

Input: a name, a word or a number word as printed in an essay.
Output: its canonical, comparable form (lower-case ASCII), and whether
two names are one (romanisation folded away, no typo tolerance).
Never: hold an entry that only one essay would need.  Every entry here is
general knowledge: countries and their demonyms, common abbreviations,
romanisations of given names, number words; the lists live in
relbib.lexicon.  A name and its translation come from the library
(relbib.claims.glosses), never from a table here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from relbib import lexicon
from relbib.lexicon import claims as words

# the tables live in relbib/lexicon/data (claims_*.txt, number_words.tsv,
# months.tsv), each with a header naming its source
_COUNTRY_ALIASES = words.countries()
_ORGANISATION_ALIASES = words.organisations()  # actors, but not countries
_TRANSLITERATIONS = words.transliterations()
# canonical -> the words a writer uses in its place (one idea per group)
SYNONYMS = words.synonyms()
NUMBER_WORDS: Mapping[str, int] = lexicon.number_words("cardinal")
SCALE_WORDS: Mapping[str, int] = lexicon.number_words("scale")
ORDINAL_WORDS: Mapping[str, int] = lexicon.number_words("ordinal")
MONTHS = lexicon.month_words(("en",))

# names shorter than this are compared exactly: equality of short strings
# after folding ("Iran"/"Iraq" differ by one letter) is a false friend.
_FUZZY_MIN_LENGTH = 5


def _invert(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    out = {canonical: canonical for canonical in table}
    for canonical, variants in table.items():
        for variant in variants:
            out[variant] = canonical
    return out


_PHRASE = {**_invert(_COUNTRY_ALIASES), **_invert(_ORGANISATION_ALIASES)}
# every canonical country and organisation name ("united states", "european union")
KNOWN_NAMES = frozenset(_PHRASE.values())
# canonical country names ("soviet union" is a country, "european union" is not)
COUNTRIES = frozenset(_COUNTRY_ALIASES)
_WORD = _invert(_TRANSLITERATIONS)
# the country a demonym or capital names, for role facts ("Russian prime minister")
COUNTRY_OF: dict[str, str] = _invert(_COUNTRY_ALIASES)

# an apostrophe-s or a bare apostrophe closes a possessive: Russia's, Pakistan’s
_POSSESSIVE = re.compile(r"['’]s?$")
# hyphens, dashes and dots inside names vary (Vostok-2010, Vostok 2010)
_SEPARATORS = re.compile(rf"[\s{lexicon.DASH_CHARS}_/]+")
_NOT_WORD = re.compile(r"[^a-z0-9.' ]+")


def fold(text: str) -> str:
    """Lower-case ASCII with accents removed and curly quotes made straight."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


@lru_cache(maxsize=65536)
def canonical(name: str) -> str:
    """The canonical spelling of a name: ``U.S.`` → ``united states``.

    Whole phrases are looked up first (``Soviet Union``), then each word
    (``Dmitri Ivanov`` → ``dmitry ivanov``; ``Zapad-2017`` → ``zapad 2017``).
    """
    text = fold(name).strip().strip(".,;:'\"()[]")
    text = _POSSESSIVE.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip()
    text = re.sub(r"^the ", "", text)
    if text in _PHRASE:
        return _PHRASE[text]
    if text.replace(".", "") in _PHRASE:
        return _PHRASE[text.replace(".", "")]
    words = [_word(w) for w in _NOT_WORD.sub(" ", text).replace(".", " ").split()]
    return " ".join(words)


def _word(word: str) -> str:
    return _WORD.get(word, word)


def number_word(word: str) -> int | None:
    """``sixteen`` → 16; ``twenty-five`` → 25; None for anything else."""
    word = fold(word).strip()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = re.split(r"[\s-]+", word)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        tens, units = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if tens % 10 == 0 and 20 <= tens <= 90 and 1 <= units <= 9:
            return tens + units
    return None


# a general transliteration key: romanisations of one name differ in doubled
# letters and in how a long vowel is written (ee/i, oo/ou/u): "Rasheed" and
# "Rashid", "Hassan" and "Hasan", "Mahmood" and "Mahmud"
_LONG_VOWELS = (("ee", "i"), ("oo", "u"), ("ou", "u"))
_DOUBLE = re.compile(r"(\w)\1+")


@lru_cache(maxsize=65536)
def transliteration_key(word: str) -> str:
    """``word`` with the spelling differences of romanisation folded away."""
    for long_vowel, short in _LONG_VOWELS:
        word = word.replace(long_vowel, short)
    return _DOUBLE.sub(r"\1", word)


@lru_cache(maxsize=262144)
def same_name(a: str, b: str) -> bool:
    """Whether two canonical names name the same thing.

    Equal; or one is the other's tail or head ("berg" / "anna berg");
    or their words agree pairwise once romanisation is folded away
    (:func:`transliteration_key`).  No typo tolerance: a misspelt name is
    only the same name when a text says so (relbib.claims.glosses).
    """
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < len(long_):
        # a surname alone, or a name without its title, names the same person;
        # one-word heads must be long enough not to be a common word
        if short == long_[-len(short):] or short == long_[: len(short)]:
            return len(" ".join(short)) >= 4
        return False
    if len(a) < _FUZZY_MIN_LENGTH or len(b) < _FUZZY_MIN_LENGTH:
        return False
    return all(x == y or (not x.isdigit() and not y.isdigit()
                          and min(len(x), len(y)) >= _FUZZY_MIN_LENGTH
                          and transliteration_key(x) == transliteration_key(y))
               for x, y in zip(wa, wb, strict=True))
