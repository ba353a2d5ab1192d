"""General-purpose aliases: one canonical spelling for names that vary.

Input: a name, a word or a number word as printed in an essay.
Output: its canonical, comparable form (lower-case ASCII), and fuzzy
equality of two names.
Never: hold an entry that only one essay would need.  Every entry here is
general knowledge: countries and their demonyms, common abbreviations,
transliteration variants, number words, and words that event names carry
across languages.  Claim-specific knowledge comes from the library.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process

# --- countries, demonyms and the abbreviations people write for them ---------
# canonical -> the other spellings.  Adjectives and demonyms map to the
# country because "Russian troops" and "Russia's troops" assert the same actor.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "united states": ("us", "u.s.", "u.s", "usa", "u.s.a.", "america", "american", "americans",
                      "united states of america", "washington"),
    "soviet union": ("ussr", "u.s.s.r.", "soviet", "soviets", "union of soviet socialist republics"),
    "russia": ("russian", "russians", "russian federation", "moscow", "russo", "kremlin"),
    "pakistan": ("pak", "pakistani", "pakistanis", "islamic republic of pakistan", "islamabad"),
    "india": ("indian", "indians", "indo", "new delhi", "delhi", "bharat"),
    "china": ("chinese", "prc", "people's republic of china", "beijing", "sino"),
    "united kingdom": ("uk", "u.k.", "britain", "great britain", "british", "london"),
    "afghanistan": ("afghan", "afghans", "kabul"),
    "iran": ("iranian", "persia", "persian", "tehran"),
    "ukraine": ("ukrainian", "kyiv", "kiev"),
    "saudi arabia": ("saudi", "saudis", "ksa", "riyadh"),
    "france": ("french", "paris"),
    "germany": ("german", "germans", "berlin", "frg"),
    "japan": ("japanese", "tokyo"),
    "turkey": ("turkish", "turkiye", "türkiye", "ankara"),
    "uzbekistan": ("uzbek", "tashkent"),
    "kazakhstan": ("kazakh", "astana"),
    "bangladesh": ("bangladeshi", "dhaka"),
    "israel": ("israeli", "israelis"),
    "egypt": ("egyptian", "cairo"),
    "syria": ("syrian", "damascus"),
    "iraq": ("iraqi", "baghdad"),
}
# international organisations: actors, but not countries
_ORGANISATION_ALIASES: dict[str, tuple[str, ...]] = {
    "european union": ("eu", "e.u."),
    "united nations": ("un", "u.n.", "uno"),
    "north atlantic treaty organization": ("nato", "north atlantic treaty organisation"),
    "united nations security council": ("unsc",),
    "united nations general assembly": ("unga",),
    "shanghai cooperation organization": ("sco", "shanghai cooperation organisation"),
    "organisation of islamic cooperation": ("oic", "organization of islamic cooperation",
                                            "organization of islamic conference",
                                            "organisation of islamic conference"),
}

# --- transliteration variants of common name parts ------------------------------
# Arabic, Persian and Russian names reach English in several spellings; these
# are the frequent ones (Sharif/Shareef, Mohammad/Muhammad, Yousuf/Yusuf).
_TRANSLITERATIONS: dict[str, tuple[str, ...]] = {
    "sharif": ("shareef", "sharef", "sherif"),
    "muhammad": ("mohammad", "mohammed", "muhammed", "mohamed", "mohamad"),
    "yusuf": ("yousuf", "yousaf", "yousef", "yusef", "yussuf"),
    "hussain": ("hussein", "husain", "hosain"),
    "ahmad": ("ahmed",),
    "rahman": ("rehman",),
    "qureshi": ("quraishi", "qureishi"),
    "khurshid": ("khursheed",),
    "gilani": ("gillani", "jilani"),
    "dmitry": ("dmitri", "dimitri"),
    "sergey": ("sergei",),
    "yuri": ("yury", "iouri"),
    "aleksandr": ("alexander", "aleksander"),
    "mikhail": ("michail",),
    "tchaikovsky": ("chaikovsky",),
}

# --- words that event and operation names carry across languages -------------
# An exercise called "Druzhba" in Russian is "Friendship" in an English text;
# names of exercises, treaties and operations are often such common words.
_NAME_WORDS: dict[str, tuple[str, ...]] = {
    "friendship": ("druzhba", "dosti", "dostana", "dostluk", "youyi"),
    "peace": ("mir", "aman", "amn", "salam", "shanti", "heping"),
    "union": ("soyuz", "ittehad", "ittihad"),
    "east": ("vostok", "mashriq"),
    "west": ("zapad", "maghrib"),
    "north": ("sever",),
    "south": ("yug", "jug"),
    "centre": ("tsentr", "center", "markaz"),
    "shield": ("shchit", "dir"),
    "brotherhood": ("bratstvo", "ukhuwat"),
    "unity": ("edinstvo", "wahdat"),
}

# --- words that news, politics and economics use for one another --------------
# canonical -> the words a writer uses in its place.  Each group is one idea
# that essays about any country or period paraphrase: "an embargo was lifted"
# and "the ban was lifted" state the same fact.  Only general vocabulary here;
# a group must hold words that are interchangeable in a factual sentence.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ban": ("embargo", "prohibition", "sanction", "boycott"),
    "agreement": ("treaty", "accord", "pact", "deal", "convention", "memorandum"),
    "visit": ("trip", "tour", "journey"),
    "meeting": ("summit", "talks", "conference", "meet"),
    "alliance": ("partnership", "coalition", "alignment", "axis"),
    "declare": ("say", "announce", "remark", "assert", "affirm", "proclaim"),
    "sign": ("conclude", "ink"),
    "weapon": ("arm", "armament", "hardware", "munition"),
    "military": ("defence", "defense", "armed"),
    "support": ("endorse", "favour", "favor", "champion"),
    "sell": ("sale", "supply", "export", "deliver", "delivery", "provide"),
    "buy": ("purchase", "acquire", "procure", "import"),
    "lift": ("end", "remove", "revoke", "rescind"),
    "impose": ("introduce", "enforce"),
    "attack": ("strike", "raid", "assault", "incursion"),
    "condemn": ("denounce", "criticise", "criticize"),
    "trade": ("commerce",),
    "growth": ("increase", "rise", "expansion", "grow"),
    "closer": ("nearer",),
    "president": ("head of state",),
    "exercise": ("drill", "manoeuvre", "maneuver", "war game"),
    "troops": ("soldier", "force"),
    "plant": ("facility", "station"),
}

# --- number words ---------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000, "a million": 1_000_000, "a billion": 1_000_000_000,
}
SCALE_WORDS: dict[str, int] = {
    "thousand": 1000, "million": 1_000_000, "mn": 1_000_000, "m": 1_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}


# names shorter than this are compared exactly: fuzzy equality of short
# strings ("Iran"/"Iraq") is a false friend.
_FUZZY_MIN_LENGTH = 5
# conservative: Shareef/Sharif (~92) pass after transliteration anyway;
# Druzhbha/Druzhba pass; Iran/Iraq, Kayani/Khan do not.
FUZZY_THRESHOLD = 88.0
# a word this long may be a misspelt variant (Druzhbha for Druzhba); shorter
# words are too easily confused to look up fuzzily
_FUZZY_WORD_LENGTH = 6


def _invert(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
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
_WORD = {**_invert(_TRANSLITERATIONS), **_invert(_NAME_WORDS)}
# the country a demonym or capital names, for role facts ("Russian prime minister")
COUNTRY_OF: dict[str, str] = _invert(_COUNTRY_ALIASES)
_FUZZY_KEYS = tuple(k for k in _WORD if len(k) >= _FUZZY_WORD_LENGTH)

# an apostrophe-s or a bare apostrophe closes a possessive: Russia's, Pakistan’s
_POSSESSIVE = re.compile(r"['’]s?$")
# hyphens, dashes and dots inside names vary (Druzhba-2016, Druzhba 2016)
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
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
    (``Nawaz Shareef`` → ``nawaz sharif``; ``Druzhba-2016`` → ``friendship 2016``).
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




@lru_cache(maxsize=65536)
def _word(word: str) -> str:
    if word in _WORD:
        return _WORD[word]
    if len(word) >= _FUZZY_WORD_LENGTH and not any(c.isdigit() for c in word):
        best = process.extractOne(word, _FUZZY_KEYS, scorer=fuzz.ratio,
                                  score_cutoff=FUZZY_THRESHOLD + 2)
        if best is not None:
            return _WORD[best[0]]
    return word


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




@lru_cache(maxsize=262144)
def same_name(a: str, b: str) -> bool:
    """Whether two canonical names name the same thing.

    Equal; or one is the other's tail or head ("putin" / "vladimir putin");
    or their words agree pairwise above the fuzzy threshold.
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
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        if x.isdigit() or y.isdigit():
            return False  # Druzhba-2016 and Druzhba-2018 are different events
        if min(len(x), len(y)) < _FUZZY_MIN_LENGTH or fuzz.ratio(x, y) < FUZZY_THRESHOLD:
            return False
    return True
