"""What one sentence asserts, in comparable form.

Input: the text of one sentence (or any short passage).
Output: :class:`Facts` — its dates, quantities (read by :mod:`.figures`), named
entities, role assertions, quotation, and whether it reads as opinion or as a
checkable fact.
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
    canonical,
    fold,
)
from relbib.claims.figures import PHRASE_END, DateFact, Quantity, find_dates, find_quantities

# --- records ------------------------------------------------------------------


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


# --- extraction ---------------------------------------------------------------


@lru_cache(maxsize=32768)
def extract_facts(text: str) -> Facts:
    """The comparable facts of one sentence.  Pure and cached by text."""
    dates, date_spans = find_dates(text)
    quantities = find_quantities(text, date_spans)
    acronyms = tuple(
        (m.group(2), canonical(m.group(1))) for m in _ACRONYM_DEF.finditer(text)
    )
    entities = _entities(text)
    roles = _roles(text, entities)
    quotation = _quotation(text)
    opinion = _OPINION.search(_without(text, date_spans)) is not None  # "in May 1983": no modal
    named_event = any(e.kind == "event" for e in entities)
    dated = any(not _naming_year(text, d) for d in dates)
    checkable = bool(dated or quantities or quotation or (named_event and not opinion))
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


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spans blanked (offsets kept)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# "the 1918 virus", "its 1986 accident": a year before a common noun names the thing,
# it does not date an event the sentence asserts ("the 2010 summit", "the 2010 Sochi
# summit" do)
_DETERMINER_YEAR = r"\b(?i:the|its|their|his|her|this|that)\s+{}\s+([a-z]+)"


def _naming_year(text: str, date: DateFact) -> bool:
    """The year is only an attribute of a noun ("the 1918 virus"), not a date to check."""
    if date.precision != "year":
        return False
    m = re.search(_DETERMINER_YEAR.format(re.escape(date.text)), text)
    return m is not None and m.group(1) not in _EVENT_WORDS


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


# "Sweden's Forsmark plant", "Kenya's Mombasa port": a country's named place or structure
_OWNED = re.compile(rf"(?<![\w’'\-.])({_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}})['’]s\s+"
                    rf"({_CAP_WORD}(?:\s+{_CAP_WORD}){{0,4}})\s+([a-z]+)")
_STRUCTURES = _PLACE_WORDS | frozenset("plant reactor mine factory works town village".split())


def _places(text: str) -> tuple[tuple[str, str], ...]:
    out = []
    for m in _PLACED.finditer(text):
        name, country = canonical(m.group(1)), canonical(m.group(3))
        if (country in COUNTRIES and name not in COUNTRY_OF and name not in _COMMON
                and not set(m.group(2).split()) & PHRASE_END):
            out.append((name, country))
    for m in _OWNED.finditer(text):
        country, name = canonical(m.group(1)), canonical(m.group(2))
        if (country in COUNTRIES and m.group(3) in _STRUCTURES and name not in COUNTRY_OF
                and name not in _COMMON):
            out.append((name, country))
    return tuple(out)


def _quotation(text: str) -> str:
    best = ""
    for m in _QUOTE.finditer(text):
        quoted = next(g for g in m.groups() if g)
        if len(quoted.split()) >= 3 and len(quoted) > len(best):
            best = quoted.strip()
    return best
