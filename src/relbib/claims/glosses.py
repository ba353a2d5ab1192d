"""Aliases the library teaches: a name and its translation, as a text gives both.

Input: texts the library holds (notes, sentences, titles, summaries).
Output: :class:`Aliases` — learnt name → name pairs, and the facts of a
sentence with those names made one.
Never: learn from one text something no text states (no built-in pairs),
read files, or keep state between runs.

A writer glosses a foreign name once and then uses either: a title
``Vostok-2010 (East 2010)``, a bracketed translation ``Mir [Peace]``, or a
quoted gloss ``the Zapad (“West”) exercise``.  Both sides must be names
(capitalised), must differ, must not be a known country or organisation (a
newspaper and its city, ``Gazette (Springfield)``, is not a translation), must not
be an acronym definition (``World Trade Organization (WTO)`` is handled as
an acronym), and carry the same numbers when they carry any.  A plain
parenthesis is a translation only when the gloss is quoted or both sides
carry the same number: ``Publisher (City)`` is not one; square brackets are
the citation styles' mark of a translated title (Chicago Manual of Style,
14.107), so a bracketed gloss always is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from relbib.claims.aliases import KNOWN_NAMES, canonical
from relbib.claims.facts import Facts

# one name: capitalised words, optionally with a hyphen or a number ("Vostok-2010")
_NAME = r"[A-Z][\w’'\-]*+(?:[ \-][A-Z0-9][\w’'\-]*+){0,4}"  # possessive: linear
_OPEN_QUOTE = "[“‘\"']"
_CLOSE_QUOTE = "[”’\"']"
# "Name (Gloss 2010)", "Name [Gloss]", "Name (“Gloss”)", "“Name” (Gloss)"
_GLOSS = re.compile(
    rf"(?<![\w’'\-]){_OPEN_QUOTE}?(?P<name>{_NAME}){_CLOSE_QUOTE}?\s*(?P<open>[(\[])\s*(?P<quote>{_OPEN_QUOTE})?"
    rf"(?P<gloss>{_NAME}){_CLOSE_QUOTE}?\s*[)\]]"
)
_NUMBERS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Aliases:
    """Learnt aliases: each variant's words → the words of its chosen spelling."""

    pairs: tuple[tuple[str, str], ...] = ()  # (variant, canonical), both canonical names

    def name(self, name: str) -> str:
        """``name`` with every learnt variant replaced, word-bounded."""
        for variant, target in self.pairs:
            if variant in name:
                name = re.sub(rf"\b{re.escape(variant)}\b", target, name)
        return name

    def apply(self, facts: Facts) -> Facts:
        """``facts`` with learnt variants made one (entities and the persons of roles)."""
        if not self.pairs:
            return facts
        entities = tuple(replace(e, name=self.name(e.name)) for e in facts.entities)
        roles = tuple(replace(r, person=self.name(r.person)) for r in facts.roles)
        return replace(facts, entities=entities, roles=roles)


def _words(name: str) -> str:
    """A name's canonical words without its numbers: ``Vostok-2010`` → ``vostok``."""
    return " ".join(w for w in canonical(name).split() if not w.isdigit())


def _is_acronym(name: str, gloss: str) -> bool:
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isupper())
    return gloss.isupper() and initials.upper().startswith(gloss.upper()[:2])


def gloss_pair(name: str, gloss: str) -> tuple[str, str] | None:
    """(variant, canonical) when ``gloss`` translates ``name``; None otherwise."""
    if _NUMBERS.findall(name) and _NUMBERS.findall(gloss) and (
            _NUMBERS.findall(name) != _NUMBERS.findall(gloss)):
        return None
    a, b = _words(name), _words(gloss)
    # the name is the words right before the gloss, as many as the gloss has:
    # "Exercise Vostok-2010 (East 2010)" glosses "vostok", not "exercise vostok"
    a = " ".join(a.split()[-len(b.split()):]) if b else a
    if not a or not b or a == b or _is_acronym(name, gloss) or _is_acronym(gloss, name):
        return None
    if canonical(name) in KNOWN_NAMES or canonical(gloss) in KNOWN_NAMES:
        return None
    if a in KNOWN_NAMES or b in KNOWN_NAMES:
        return None
    return a, b  # the glossed (foreign) name becomes its translation


def learn_aliases(texts: Iterable[str]) -> Aliases:
    """Every name-and-translation pair the texts give, in a stable order."""
    pairs: dict[str, str] = {}
    for text in texts:
        if "(" not in text and "[" not in text:
            continue
        for m in _GLOSS.finditer(text):
            numbered = bool(_NUMBERS.search(m.group("name"))) and bool(
                _NUMBERS.search(m.group("gloss")))
            if not (m.group("open") == "[" or m.group("quote") or numbered):
                continue
            pair = gloss_pair(m.group("name"), m.group("gloss"))
            if pair is not None:
                pairs.setdefault(*pair)
    # a variant that is itself another's target resolves to the final spelling
    return Aliases(pairs=tuple(sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv))))
