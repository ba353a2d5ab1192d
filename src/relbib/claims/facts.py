"""What one sentence asserts, in comparable form.

Input: the text of one sentence (or any short passage).
Output: :class:`Facts` — its dates, quantities, named entities, role
assertions, quotation, and whether it reads as opinion or as a checkable fact.
Never: look at other sentences, read files, or keep state between calls.
Knowledge of spellings and number words comes only from :mod:`relbib.claims.aliases`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from relbib import lexicon
from relbib.claims.aliases import (
    COUNTRIES,
    COUNTRY_OF,
    MONTHS,
    NUMBER_WORDS,
    SCALE_WORDS,
    SYNONYMS,
    canonical,
    fold,
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A named actor, place, organisation, event or thing, canonicalised."""

    text: str
    name: str  # canonical (see aliases.canonical)
    kind: str  # "country", "region", "person", "event", "thing", "org", "name"


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleFact:
    """``X, then prime minister of Y``: person X held role in country."""

    person: str  # canonical name
    role: str  # normalised role ("prime minister", "head of state", ...)
    country: str  # canonical country, "" when the text does not say
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    dates: tuple[DateFact, ...]
    quantities: tuple[Quantity, ...]
    entities: tuple[Entity, ...]
    roles: tuple[RoleFact, ...]
    acronyms: tuple[tuple[str, str], ...]  # (ACRONYM, canonical long form) defined here
    quotation: str  # the longest quotation of three words or more, else ""
    opinion: bool  # modal, evaluative or recommending language
    checkable: bool  # a date, figure, quotation or named event someone could check
    places: tuple[tuple[str, str], ...] = ()  # (canonical name, country): "Forsmark ... in Sweden"

    @property
    def names(self) -> frozenset[str]:
        return frozenset(e.name for e in self.entities)


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
_PHRASE_END = frozenset(
    "to of in for and or from by with at on was were is are had has have which that who "
    "as than per each a an the its their his her this these those".split()
)

# a capitalised word: Norway, AB-40, U.S., Inter-Governmental, McDonald
_CAP_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w’'\-]*\w|[A-Z])"
# small words that may sit inside a name: Shanghai Cooperation Organization,
# Organization of Islamic Conference, Bank for International Settlements
# ("and" is not one: "France and Germany" are two actors)
_NAME_LINK = r"(?:of|the|for|on|de|del|al|el|van|von|bin|ibn|da|du|la|le)"
_CAP_SPAN = re.compile(rf"{_CAP_WORD}(?:\s+(?:{_NAME_LINK}\s+)*{_CAP_WORD})*")
# from a word's start, at most 12 words: linear on long runs of capitals
_ACRONYM_DEF = re.compile(
    rf"(?<![\w’'\-.])({_CAP_WORD}(?:\s+(?:{_NAME_LINK}\s+)*{_CAP_WORD}){{1,12}})\s*\(([A-Z]{{2,8}})\)")

# capitalised at the start of a sentence only because they start it
_COMMON = frozenset(
    """a an the in on at of for from to by with after before during since until while when
    where however moreover furthermore although though but and or so thus hence therefore
    this that these those there here it its they their them he his she her we our us i
    both all some many most several each every any no not one two three four five first
    second last later earlier soon shortly since despite meanwhile recently historically
    currently today now then also again yet still even just only already instead besides
    nevertheless nonetheless consequently similarly likewise indeed actually finally
    unfortunately fortunately undoubtedly clearly certainly perhaps as if because what which who
    whom whose how why being having once over under between among against following
    according nearly around about almost more less such other another same""".split()
)
# titles and offices: split a name span ("Prime Minister Anna Berg")
_TITLE_WORDS = frozenset(
    """president vice prime minister ministers premier chancellor king queen emperor
    secretary foreign defence defense general chief army staff commander commanders
    in-chief governor ambassador envoy senator col gen lt colonel lieutenant admiral
    marshal sheikh dr mr mrs ms prof professor sir lord head heads state government
    special representative leader""".split()
)
_EVENT_WORDS = frozenset(
    """agreement declaration war wars summit accord accords treaty incident operation
    exercise exercises dialogue conference meeting pact protocol crisis revolution
    invasion attack attacks election elections games olympics cup massacre battle
    uprising talks convention charter""".split()
)
_ORG_WORDS = frozenset(
    """organization organisation union council commission committee bank fund forum
    corporation company association agency ministry party university institute court
    parliament assembly group bloc alliance""".split()
)

# places and structures: a two-word name holding one is not a person
# (generic parts of place names, as in the USGS GNIS feature classes)
_PLACE_WORDS = frozenset(
    """st saint san mount lake river sea ocean gulf bay valley province state city port
    dam road railway airport station street north south east west central northern
    southern eastern western new camp fort base""".split()
)
_MONTH_NAMES = frozenset(MONTHS)
# regions: broad places many sentences share, so they anchor nothing
_REGION_WORDS = frozenset(
    """asia asian europe european africa african america americas ocean sea gulf region
    world middle east eastern western caucasus pacific atlantic arctic balkans
    subcontinent sub-continent continent""".split()
)

# role phrases: "then prime minister of Pakistan", "Russian Prime Minister",
# "president of Russia", "head of state"
_ROLE = (
    r"(?i:(head of state|head of government|prime minister|premier|vice president|president|"
    r"chancellor|king|queen|emperor|foreign minister|defen[cs]e minister|foreign secretary|"
    r"chief of (?:the )?army staff))"
)
_DEMONYM = r"([A-Z][a-z]+)"
_PERSON = r"((?:[A-Z][\w’'\-]+\s+){0,3}[A-Z][\w’'\-]+)"
_OF_COUNTRY = r"(?:\s+(?i:of)\s+(?:the\s+)?([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*))?"
# before a name the country is the shortest run: "Prime Minister of Norway Anna Berg"
_OF_COUNTRY_SHORT = _OF_COUNTRY.replace(")*))?", ")*?))?")
# "Anna Berg, then prime minister of Norway," / "Berg, the Norwegian premier,"
_ROLE_AFTER = re.compile(
    rf"(?<![\w’'\-]){_PERSON},\s+(?i:(?:then|the|a|former|then-)\s+)*(?:{_DEMONYM}\s+)?{_ROLE}{_OF_COUNTRY}",
)
# "Norwegian Prime Minister Anna Berg" / "Prime Minister of Norway Anna Berg"
_ROLE_BEFORE = re.compile(
    rf"(?i:(?:then|former)\s+)?(?:{_DEMONYM}\s+)?{_ROLE}{_OF_COUNTRY_SHORT},?\s+{_PERSON}",
)
# "the first visit of a Russian head of state": the role of the visitor
_VISIT_BY = re.compile(
    rf"\b(?i:visit(?:\s+to\s+\w+)?\s+(?:of|by)\s+(?:a|an|any|the)?)\s*(?:{_DEMONYM}\s+)?{_ROLE}",
)
_ROLE_CLASS = {
    "premier": "prime minister",
    "head of government": "prime minister",
    "chancellor": "prime minister",
    "president": "head of state",
    "king": "head of state",
    "queen": "head of state",
    "emperor": "head of state",
    "defence minister": "defense minister",
}

# a quotation: “...”, "...", or ‘...’ of three words or more
_QUOTE = re.compile(r"[“\"]([^“”\"]{8,})[”\"]|‘([^‘’]{8,})’(?!\w)|(?<!\w)'([^']{8,})'(?!\w)")
# opinion and analysis: modal verbs, recommendations, evaluation, hedges
_OPINION = re.compile(
    r"\b(should|could|would|might|may|must|ought|can|cannot|can't|will|shall|need(?:s)? to|"
    r"recommend\w*|propos\w*|believe\w*|seem\w*|likely|perhaps|arguably|undoubtedly|"
    r"essential|crucial|vital|important|significant|significance|considerable|"
    r"tremendous|remarkable|great|best|worst|key|pivotal|cornerstone|promising|"
    r"it is (?:in|clear|evident)|evident|clearly|surely|in conclusion|way forward|"
    r"(?-i:we|our|us|We|Our))\b",
    re.I,
)
_ORDINAL_SUFFIX = re.compile(r"^\d+(?:st|nd|rd|th)$")


# --- extraction ---------------------------------------------------------------


@lru_cache(maxsize=32768)
def extract_facts(text: str) -> Facts:
    """The comparable facts of one sentence.  Pure and cached by text."""
    dates, date_spans = _dates(text)
    quantities = _quantities(text, date_spans)
    acronyms = tuple(
        (m.group(2), canonical(m.group(1))) for m in _ACRONYM_DEF.finditer(text)
    )
    entities = _entities(text)
    roles = _roles(text, entities)
    quotation = _quotation(text)
    opinion = _OPINION.search(text) is not None
    named_event = any(e.kind == "event" for e in entities)
    checkable = bool(dates or quantities or quotation or (named_event and not opinion))
    return Facts(
        places=_places(text),
        dates=dates,
        quantities=quantities,
        entities=entities,
        roles=roles,
        acronyms=acronyms,
        quotation=quotation,
        opinion=opinion,
        checkable=checkable,
    )


def _dates(text: str) -> tuple[tuple[DateFact, ...], list[tuple[int, int]]]:
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


def _quantities(text: str, date_spans: list[tuple[int, int]]) -> tuple[Quantity, ...]:
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
        if not token[0].isalpha() or lower in _PHRASE_END or (
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


def _entities(text: str) -> tuple[Entity, ...]:
    out: list[Entity] = []
    seen: set[str] = set()
    for m in _CAP_SPAN.finditer(text):
        span = m.group(0)
        if text[m.end():m.end() + 1] == "$":
            span = span.rsplit(None, 1)[0] if " " in span else ""  # "US$ 2 billion" is money
        # a name that carries a number in quotes: “Zapad 2017”, ‘Vision 2030’
        tail = _NAME_NUMBER.match(text, m.end())
        if tail:
            span += " " + tail.group(1)
        for part in _split_name(span, at_start=_starts_sentence(text, m.start())):
            name = canonical(part)
            if not name or name in seen or name in _COMMON or _generic(name):
                continue
            seen.add(name)
            out.append(Entity(text=part, name=name, kind=_kind(part, name)))
    return tuple(out)


_NAMED_NUMBER = re.compile(r"[A-Z][\w-]{0,40}[\s-]+(\d{1,4})(?=[”’\"'])")  # bounded: linear
_NAME_NUMBER = re.compile(r"[\s-]+(\d{1,4})(?=[”’\"'])")


def _generic(name: str) -> bool:
    """A month, or only titles and kind words: "Meeting", "Government"."""
    words = name.split()
    if name in _MONTH_NAMES:
        return True
    return all(w in _EVENT_WORDS or w in _ORG_WORDS or w in _TITLE_WORDS for w in words)


def _starts_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"“‘'(*-–•")
    return not before or before[-1] in ".!?:;\n"


def _split_name(span: str, *, at_start: bool) -> list[str]:
    """Split a capitalised span at titles and compounds; drop sentence-initial words."""
    words = span.split()
    # "In", "The", "However": capitalised only because they start the sentence
    while words and words[0].lower().strip("’'") in _COMMON and not words[0].isupper():
        words = words[1:]
    parts: list[list[str]] = [[]]
    for word in words:
        lower = word.lower().rstrip("’'s") if word.lower().endswith(("’s", "'s")) else word.lower()
        if lower in _TITLE_WORDS and not (parts[-1] and lower in _ORG_WORDS):
            parts.append([])
            continue
        parts[-1].append(word)
    out: list[str] = []
    for part in parts:
        # names do not start or end with "of", "and", "the"
        while part and part[0].lower() in _NAME_LINK_WORDS:
            part = part[1:]
        while part and part[-1].lower() in _NAME_LINK_WORDS:
            part = part[:-1]
        if not part:
            continue
        out.extend(_split_compound(" ".join(part)))
    return out


_NAME_LINK_WORDS = frozenset(_NAME_LINK.strip("(?:)").split("|"))


def _split_compound(name: str) -> list[str]:
    """``Franco-German`` → France, Germany; ``US-led`` → US; ``Zapad-2017`` stays."""
    if " " in name or "-" not in name:
        return [name]
    pieces = [p for p in re.split(lexicon.DASH, name) if p]
    capital = [p for p in pieces if p[:1].isupper()]
    if capital and any(p[:1].islower() for p in pieces):
        return capital  # "US-led", "Soviet-backed"
    if len(pieces) > 1 and all(canonical(p) in COUNTRY_OF.values() for p in pieces):
        return pieces
    return [name]


def _kind(text: str, name: str) -> str:
    if name in COUNTRIES:
        return "country"
    words = fold(text).replace("-", " ").split()
    if any(w in _REGION_WORDS for w in words):
        return "region"
    if any(w in _EVENT_WORDS for w in words) or re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", text):
        return "event"
    if any(c.isdigit() for c in text):
        return "thing"  # AB-40, T-80: a named product
    if any(w in _ORG_WORDS for w in words) or (text.isupper() and len(text) >= 2):
        return "org"
    if (2 <= len(words) <= 4 and all(w[:1].isalpha() for w in words) and text.istitle()
            and not any(w in _PLACE_WORDS or canonical(w) in COUNTRIES for w in words)):
        return "person"
    return "name"


def _roles(text: str, entities: tuple[Entity, ...]) -> tuple[RoleFact, ...]:
    out: list[RoleFact] = []
    for pattern, person_group, demonym_group, role_group, country_group in (
        (_ROLE_AFTER, 1, 2, 3, 4),
        (_ROLE_BEFORE, 4, 1, 2, 3),
    ):
        for m in pattern.finditer(text):
            person = _person(m.group(person_group))
            if not person:
                continue
            out.append(_role_fact(m, person, m.group(role_group), m.group(demonym_group),
                                  m.group(country_group)))
    persons = {e.name for e in entities if e.kind == "person"}
    if len(persons) == 1:
        # "X visited Y – the first visit of a Russian head of state": the visitor
        (person,) = persons
        for m in _VISIT_BY.finditer(text):
            out.append(_role_fact(m, person, m.group(2), m.group(1), None))
    unique = {(r.person, r.role, r.country): r for r in out}
    return tuple(unique.values())


def _person(span: str) -> str:
    words = [w for w in span.split() if w.lower() not in _COMMON and w.lower() not in _TITLE_WORDS]
    if not words:
        return ""
    name = canonical(" ".join(words))
    if name in COUNTRY_OF.values() or name in _COUNTRY_WORDS:
        return ""  # "States" left over from "President of the United States"
    return name


_COUNTRY_WORDS = frozenset(w for country in COUNTRIES for w in country.split())


def _role_fact(m: re.Match[str], person: str, role: str, demonym: str | None,
               country: str | None) -> RoleFact:
    role = re.sub(r"\s+", " ", role.lower()).replace("the ", "")
    role = _ROLE_CLASS.get(role, role)
    place = ""
    for candidate in (country, demonym):
        if candidate and canonical(candidate) in COUNTRY_OF:
            place = COUNTRY_OF[canonical(candidate)]
            break
    return RoleFact(person=person, role=role, country=place, text=m.group(0))


# "the Forsmark nuclear plant in Sweden", "Forsmark in Finland": a name placed in a country
_PLACED = re.compile(rf"(?<![\w’'\-.])({_CAP_WORD}(?:\s+{_CAP_WORD}){{0,8}})((?:\s+[a-z]+){{0,3}})\s+in\s+(?:the\s+)?"
                     rf"({_CAP_WORD}(?:\s+{_CAP_WORD})*)")


def _places(text: str) -> tuple[tuple[str, str], ...]:
    out = []
    for m in _PLACED.finditer(text):
        name, country = canonical(m.group(1)), canonical(m.group(3))
        if (country in COUNTRIES and name not in COUNTRY_OF and name not in _COMMON
                and not set(m.group(2).split()) & _PHRASE_END):
            out.append((name, country))
    return tuple(out)


def _quotation(text: str) -> str:
    best = ""
    for m in _QUOTE.finditer(text):
        quoted = next(g for g in m.groups() if g)
        if len(quoted.split()) >= 3 and len(quoted) > len(best):
            best = quoted.strip()
    return best
