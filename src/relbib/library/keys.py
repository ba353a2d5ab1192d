"""Citation keys: deterministic, ASCII, safe to use as file names.

Input: an entry's fields (names as tuples of :class:`Name`, the rest str) and
the keys already taken.
Output: a key like ``khan2021russia`` (``a``, ``b``, ... on collision).
Never: touch a file, depend on dict order or time, or return a key that
could name a path outside ``annotations/``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

from relbib.library.identity import ascii_fold, entry_year
from relbib.model import FieldValue, Name

# Words a title or an organisation name often opens with that say nothing
# about the work: English and the most common other languages of citations.
STOPWORDS = frozenset(
    """
    a an the of on in and or for to from with at by as into about via is are be
    what why how when where who which this that these those its it
    der die das des dem den ein eine einer eines und zu zur zum im am auf fur vom von
    le la les l un une des du de et en au aux dans pour sur par
    el los las lo unos unas del y e al con por para
    il lo gli i uno di da della delle degli nel nella per
    o os um uma do da dos das no na em
    het een van voor
    """.split()
)

_WORD = re.compile(r"[a-z0-9]+")
# A key relbib makes is lower-case ASCII; one a person wrote may hold more
# (``Smith:2020``, ``a-b_c``), so the check is on what makes paths unsafe.
_UNSAFE_KEY = re.compile(r"[/\\\x00-\x1f\x7f]")
_KEY_SHAPE = re.compile(r"[^\s{}(),=\"#%'~]+")


def _words(text: str) -> list[str]:
    # Apostrophes join (O'Brien → obrien, Pakistan's → pakistans); hyphens
    # and other punctuation split (al-Hashimi → al, hashimi).
    folded = ascii_fold(text).lower().replace("'", "").replace("\u2019", "")
    return _WORD.findall(folded)


def _significant_words(text: str) -> list[str]:
    """The words of ``text`` that name something, in order."""
    return [w for w in _words(text) if not w.isdigit() and len(w) > 1 and w not in STOPWORDS]


def _first_significant(text: str) -> str:
    # nor does a number ("569 U.S. 108") or a lone letter ("Kiobel v. Royal")
    words = [w for w in _words(text) if not w.isdigit() and len(w) > 1]
    for word in words:
        if word not in STOPWORDS:
            return word
    return words[0] if words else ""


def _family_part(name: Name) -> str:
    if name.literal:
        return _first_significant(name.family)
    # "Smith, Jr" keeps the suffix in family; the key uses the surname only.
    family = name.family.split(",")[0]
    return "".join(_words(family))


def _year_text(year: int | None) -> str:
    return "" if year is None else f"{year:04d}"


def _creator(fields: Mapping[str, FieldValue]) -> str:
    for name in ("author", "editor", "translator"):
        value = fields.get(name)
        if isinstance(value, tuple) and value:
            part = _family_part(value[0])
            if part:
                return part
    for name in ("organization", "institution", "publisher", "journal", "booktitle",
                 "howpublished"):
        value = fields.get(name)
        if name == "howpublished" and isinstance(value, str) and re.search(r"\d", value):
            continue  # a citation such as "347 U.S. 483" is no creator
        if isinstance(value, str) and value.strip():
            part = _first_significant(value)
            if part:
                return part
    return ""


def base_key(fields: Mapping[str, FieldValue]) -> str:
    """The key before collision handling: creator + year + title word."""
    title = fields.get("title")
    title_word = _first_significant(title) if isinstance(title, str) else ""
    creator = _creator(fields)
    if not creator and isinstance(title, str):
        # no one to name (a case, an anonymous pamphlet): the title leads,
        # "kiobel2013royal"
        significant = _significant_words(title)
        creator, title_word = (significant + ["", ""])[:2]
    key = creator + _year_text(entry_year(fields)) + title_word
    return key or "anon"


def _suffixes() -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return list(letters) + [a + b for a in letters for b in letters]


def make_key(fields: Mapping[str, FieldValue], taken: Set[str]) -> str:
    """A deterministic key for ``fields`` not in ``taken`` (case-insensitively).

    The first work to claim ``khan2021russia`` keeps it; later ones get
    ``khan2021russiaa``, ``khan2021russiab``, ...  Callers make the order
    deterministic by assigning keys in a stable order.
    """
    base = base_key(fields)
    lowered = {k.lower() for k in taken}
    if base not in lowered:
        return base
    for suffix in _suffixes():
        if base + suffix not in lowered:
            return base + suffix
    n = 1
    while f"{base}{n}" in lowered:
        n += 1
    return f"{base}{n}"


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be a citation key and a file name, or None when it can."""
    if not key:
        return "the key is empty"
    if key.startswith("."):
        return "the key starts with a dot"
    if ".." in key:
        return "the key contains '..'"
    if _UNSAFE_KEY.search(key):
        return "the key contains a slash, a backslash or a control character"
    if not _KEY_SHAPE.fullmatch(key):
        return "the key contains a space or one of {}(),=\"#%'~"
    if len(key) > 200:
        return "the key is longer than 200 characters"
    return None


def safe_key(key: str) -> str:
    """``key`` itself when it is safe as ``annotations/KEY.yaml``; ValueError if not."""
    problem = key_problem(key)
    if problem is not None:
        raise ValueError(f"unsafe citation key {key!r}: {problem}")
    return key
