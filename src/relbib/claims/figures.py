"""Dates and figures of one sentence: when it says something happened, and how many.

Input: the text of one sentence (or any short passage).
Output: :class:`DateFact` intervals (with the spans they take) and
:class:`Quantity` figures with what they count; :mod:`relbib.claims.facts`
gathers them with the sentence's names into its ``Facts``.
Never: look at other sentences, read files, or keep state between calls.
Knowledge of spellings and number words comes only from :mod:`relbib.claims.aliases`
and :mod:`relbib.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from relbib import lexicon
from relbib.claims.aliases import (
    COUNTRIES,
    MONTHS,
    NUMBER_WORDS,
    SCALE_WORDS,
    SYNONYMS,
    canonical,
    number_word,
)
from relbib.lexicon import claims as lexicon_claims

# --- records ------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class DateFact:
    """A date or period as an inclusive interval of (year, month, day).

    ``in 2016`` is 2016-01-01..2016-12-31; ``September 2016`` is one month;
    ``1990s`` is 1990..1999; ``from 1979 to 1989`` is both years and between.
    """

    text: str
    first: tuple[int, int, int]
    last: tuple[int, int, int]
    precision: str  # "day", "month", "year", "range", "decade"

    def overlaps(self, other: DateFact) -> bool:
        return self.first <= other.last and other.first <= self.last


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A number with what it counts: ``US$ 2 billion`` is (2e9, money, usd)."""

    text: str
    value: float
    kind: str  # "money", "percent", "count", "times"
    unit: str  # currency, counted noun (singular), or "" for percent/times
    approximate: bool  # "nearly", "over", "around" soften the figure


# --- patterns -----------------------------------------------------------------
# currencies (relbib/lexicon/data/claims_currencies.txt): what a written sign,
# code or name means, and which of them stand before a figure ("US$ 2", "EUR 5",
# "Rs 10") or after it ("2 billion euros")
_CURRENCY_OF = {written.replace(" ", ""): code
                for code, variants in lexicon_claims.currencies().items()
                for written in (code, *variants)}


def _currency_prefix() -> str:
    """ISO codes (capitals only: "TRY" is a code, "try" a verb), signs and short abbreviations."""
    codes = [code.upper() for code in lexicon_claims.currencies() if len(code) == 3]
    signs = [w for vs in lexicon_claims.currencies().values() for w in vs
             if not w.replace(" ", "").isalpha() or len(w) <= 3]
    alternatives = sorted({re.escape(w).replace("\\ ", r"\s?") for w in signs}, key=lambda w: -len(w))
    return rf"((?-i:{'|'.join(codes)})|{'|'.join(alternatives)})"


def _currency_names() -> str:
    names = [w for vs in lexicon_claims.currencies().values() for w in vs
             if w.replace(" ", "").isalpha() and len(w) > 3]
    return "|".join(re.escape(w) for w in sorted(set(names), key=lambda w: -len(w)))


# A year is 1000-2099 standing alone: not glued by a hyphen to a name
# (Zapad-2017 is a name), not preceded by a currency sign, not part of 1,100.
_YEAR_START = r"(?<![\w$£€.,/-])(1[0-9]{3}|20[0-9]{2})"
_YEAR = _YEAR_START + r"(?![\w/-]|,\d|\.\d)"
_MONTH = rf"({lexicon.month_pattern('en')})\.?"
_DAY = r"([0-3]?[0-9])(?:st|nd|rd|th)?"
# "15 January 2021", "January 15, 2021", "May 2021"
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+{_MONTH}\s*,?\s+{_YEAR}")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s*,?\s+{_YEAR}")
# "2000-2012", "2000–12", "from 1979 to 1989", "between 2000 and 2012"
_RANGE = re.compile(
    rf"(?:\bfrom\s+|\bbetween\s+)?{_YEAR_START}\s*(?:{lexicon.DASH}|\bto\b|\band\b|\buntil\b|\btill\b)\s*(\d{{4}}|\d{{2}})(?![\w/-])"
)
# "1990s", "1950’s", "the late 1950s", "early 1960s", "mid-1970s"
_DECADE = re.compile(r"\b(?:(early|mid|late)[\s-]+)?(1[0-9]{2}0|20[0-9]0)['’]?s\b", re.I)
_YEAR_ALONE = re.compile(_YEAR)

# money: "US$ 2 billion", "$800 million", "USD 5m", "Rs 10 crore", "2 billion dollars"
_CURRENCY = _currency_prefix()
_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(thousand|million|billion|trillion|lakh|crore|bn|mn)\b"
_MONEY_PREFIX = re.compile(rf"{_CURRENCY}\s?{_NUMBER}(?:\s*{_SCALE})?", re.I)
_MONEY_SUFFIX = re.compile(rf"\b{_NUMBER}(?:\s*{_SCALE})?\s+({_currency_names()})\b", re.I)
# "74 per cent", "74%", "74 percent"
_PERCENT = re.compile(rf"\b{_NUMBER}\s*(?:%|per\s?cent\b|pc\b)", re.I)
# "six times", "3-fold": a multiplier
_NUMBER_WORD_LIST = "|".join(w for w in NUMBER_WORDS if " " not in w and w != "zero")
_UNIT_WORD_LIST = "|".join(w for w, v in NUMBER_WORDS.items() if " " not in w and 1 <= v <= 9)
_NUMBER_WORDS = rf"({_NUMBER_WORD_LIST})(?:-({_UNIT_WORD_LIST}))?"
_TIMES = re.compile(rf"\b(?:{_NUMBER}|{_NUMBER_WORDS})[\s-]*(?:times|fold)\b", re.I)
# a bare count: "12 AB-40 aircraft", "twelve aircraft", "200 soldiers"
_COUNT = re.compile(rf"(?<![\w$£€.,/-]){_NUMBER}(?:\s*{_SCALE})?(?![\w%/-])|\b{_NUMBER_WORDS}\b"
                    rf"(?:\s+{_SCALE})?", re.I)
_APPROXIMATE = re.compile(
    r"\b(nearly|around|about|approximately|almost|over|more than|less than|some|roughly|up to|at least|above|below|under)\s*\W*$",
    re.I,
)
# words that end the noun phrase after a number: "12 aircraft to Norway"
PHRASE_END = frozenset(
    "to of in for and or from by with at on was were is are had has have which that who "
    "as than per each a an the its their his her this these those".split()
)
_ORDINAL_SUFFIX = re.compile(r"^\d+(?:st|nd|rd|th)$")
# the year in a quoted name (“Vision 2030”) names the plan, it does not date it
_NAMED_NUMBER = re.compile(r"[A-Z][\w-]{0,40}[\s-]+(\d{1,4})(?=[”’\"'])")  # bounded: linear


# --- extraction ---------------------------------------------------------------


def find_dates(text: str) -> tuple[tuple[DateFact, ...], list[tuple[int, int]]]:
    found: list[tuple[int, DateFact]] = []
    # the year in a quoted name ("Vision 2030”) names the plan, it does not date it
    taken: list[tuple[int, int]] = [m.span(1) for m in _NAMED_NUMBER.finditer(text)]

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(match: re.Match[str], first: tuple[int, int, int], last: tuple[int, int, int],
            precision: str) -> None:
        if free(match.start(), match.end()):
            taken.append((match.start(), match.end()))
            found.append((match.start(), DateFact(text=match.group(0).strip(), first=first,
                                                  last=last, precision=precision)))

    for m in _DAY_MONTH_YEAR.finditer(text):
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        if 1 <= day <= 31:
            add(m, (year, month, day), (year, month, day), "day")
    for m in _MONTH_DAY_YEAR.finditer(text):
        month, day, year = MONTHS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
        if 1 <= day <= 31:
            add(m, (year, month, day), (year, month, day), "day")
    for m in _MONTH_YEAR.finditer(text):
        # "May 2021" but not "may 2021" as a verb: a month needs its capital
        if m.group(1)[0].isupper():
            month, year = MONTHS[m.group(1).lower()], int(m.group(2))
            add(m, (year, month, 1), (year, month, 31), "month")
    for m in _RANGE.finditer(text):
        start, end_text = int(m.group(1)), m.group(2)
        end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
        if start < end <= start + 200:
            add(m, (start, 1, 1), (end, 12, 31), "range")
    for m in _DECADE.finditer(text):
        decade = int(m.group(2))
        part = (m.group(1) or "").lower()
        low, high = {"early": (0, 4), "mid": (3, 7), "late": (5, 9)}.get(part, (0, 9))
        add(m, (decade + low, 1, 1), (decade + high, 12, 31), "decade")
    for m in _YEAR_ALONE.finditer(text):
        year = int(m.group(1))
        add(m, (year, 1, 1), (year, 12, 31), "year")
    found.sort(key=lambda pair: pair[0])
    return tuple(fact for _, fact in found), taken


def find_quantities(text: str, date_spans: list[tuple[int, int]]) -> tuple[Quantity, ...]:
    taken = list(date_spans)
    found: list[tuple[int, Quantity]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(start: int, end: int, value: float, kind: str, unit: str) -> None:
        if not free(start, end):
            return
        taken.append((start, end))
        approximate = _APPROXIMATE.search(text[max(0, start - 20):start]) is not None
        found.append((start, Quantity(text=text[start:end].strip(), value=value, kind=kind,
                                      unit=unit, approximate=approximate)))

    # "9/11", "3/4th": fractions and dates in slashes are neither counts nor years
    for m in re.finditer(r"\d+/\d+\w*", text):
        taken.append((m.start(), m.end()))
    for m in _MONEY_PREFIX.finditer(text):
        currency = _currency(m.group(1))
        add(m.start(), m.end(), _value(m.group(2), m.group(3)), "money", currency)
    for m in _MONEY_SUFFIX.finditer(text):
        add(m.start(), m.end(), _value(m.group(1), m.group(2)), "money", _currency(m.group(3)))
    for m in _PERCENT.finditer(text):
        add(m.start(), m.end(), _value(m.group(1), None), "percent", "")
    for m in _TIMES.finditer(text):
        value = float(m.group(1).replace(",", "")) if m.group(1) else _word_value(m.group(0))
        if value is not None:
            add(m.start(), m.end(), value, "times", "")
    for m in _COUNT.finditer(text):
        if _ORDINAL_SUFFIX.match(text[m.start():m.end() + 2].split(" ")[0]):
            continue
        count = _value(m.group(1), m.group(2)) if m.group(1) else _word_count(m)
        if count is None:
            continue
        unit = _counted_noun(text[m.end():])
        # "one of", "two states": a word below three is rarely a figure anyone checks
        if unit and (m.group(1) or count >= 3):
            add(m.start(), m.end(), count, "count", unit)
    found.sort(key=lambda pair: pair[0])
    return tuple(q for _, q in found)


def _currency(symbol: str) -> str:
    written = symbol.lower().replace(" ", "").rstrip(".")
    return _CURRENCY_OF.get(written, written)


def _value(number: str, scale: str | None) -> float:
    value = float(number.replace(",", ""))
    if scale:
        value *= SCALE_WORDS.get(scale.lower(), 1)
    return value


def _word_value(words: str) -> float | None:
    head = re.sub(r"[\s-]*(times|fold)$", "", words.strip(), flags=re.I)
    value = number_word(head)
    return float(value) if value is not None else None


def _word_count(m: re.Match[str]) -> float | None:
    """``fifty million`` → 5e7: a number word and the scale word after it."""
    value = _word_value(m.group(0)[: m.start(5) - m.start(0)] if m.group(5) else m.group(0))
    if value is None or not m.group(5):
        return value
    return value * SCALE_WORDS.get(m.group(5).lower(), 1)


# counted nouns that all count people: "675,000 people", "550,000 Americans", "residents"
_PEOPLE = frozenset({"people", "person", *SYNONYMS.get("people", ())})


def _counted_noun(after: str) -> str:
    """The noun a number counts: ``12 AB-40 heavy transport aircraft to`` → aircraft."""
    tokens = re.findall(r"[A-Za-z][\w’'\-]*|[^\sA-Za-z]", after[:80])
    phrase: list[str] = []
    for token in tokens[:6]:
        lower = token.lower()
        if not token[0].isalpha() or lower in PHRASE_END or (
                lower.endswith("ed") and not phrase):
            break  # "28 died within four months": a verb, not a counted noun
        phrase.append(lower)
    nouns = [w for w in phrase if not w[0].isdigit()]
    if not nouns:
        return ""
    # the first plural word is the counted noun ("military persons participated")
    for word in nouns:
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            return _person_or(_singular(word))
    return _person_or(_singular(nouns[0])) if nouns[0].isalpha() and not phrase[0][0].isupper() else ""


def _person_or(noun: str) -> str:
    """People counted by a word for people or by nationality are one unit: "person"."""
    if noun in _PEOPLE or noun + "s" in _PEOPLE or noun == "peopl":
        return "person"
    country = canonical(noun)
    return "person" if country in COUNTRIES and country != noun else noun


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
