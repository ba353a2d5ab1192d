"""Stage 3: one note or reference string → a Reference.

Input: the text of one note (or one item of a reference list).
Output: a FullRef, a subsequent-reference form (IbidRef, IdRef, OpCitRef,
SupraRef, ShortRef) or an UnparsedRef with its reason.
Never: look at other notes (that is resolve.py's work) or touch a file.

The readers run from the most specific to the most general, and each returns
None when the note is not its shape: subsequent forms (Ibid., Id., op. cit.,
supra), legal citations (Bluebook: articles, cases, statutes, treaties, UN
documents), short notes ("Snyder, Bloodlands, 201."), humanities shapes
(archival items, reference entries, books and chapters with a bracket of
facts, MLA notes: humanities.py), and last the full reference parser (rules and CRF), which reads everything else.
"""

from __future__ import annotations

import re
from dataclasses import replace

from relbib.model import FullRef, Reference
from relbib.parse.forms import classify_note
from relbib.parse.humanities import read_humanities_note
from relbib.parse.legal import parse_legal
from relbib.parse.names import colon_author_end, western_given_names
from relbib.parse.reference import known_words, parse_reference
from relbib.parse.shortform import parse_short_note

__all__ = ["parse_note", "parse_reference", "classify_note"]

# What an editor says of the quotation, closing a note: ", abridged", "(italics
# mine)", "emphasis added": no part of the work cited.
_EDITORIAL_TAIL = re.compile(
    r"(?i)(?<=[\w.)\]])\s*[,;]?\s*\(?(?:(?:slightly|much|somewhat|greatly)\s)?(?:abridged|condensed|"
    r"(?:italics|emphasis)\s(?:mine|added|supplied|in\s(?:the\s)?original)|my\s(?:italics|translation))"
    r"\)?\s*\.?$"
)

# An older note names the author in the possessive: "Ruding’s Annals of the
# Coinage, 1819, vol. iii, p. 293", "Thomas Fuller’s Church History of Britain".
_POSSESSIVE_AUTHOR = re.compile(
    r"^(?P<names>(?:[A-Z][\w-]*\.?\s){0,3}[A-Z][\w-]+)[\u2019']s\s(?P<title>[A-Z][\w\u2019'-]*)"
)
_HONORIFICS = frozenset("Sir Mr Mrs Dr Lord Lady Bishop Rev Professor Prof Dean Canon Father".split())
# "Kingsley’s Life, I 55": a life of Kingsley, not a work by him ("Muir’s Life of Mahomet" is by Muir).
_ABOUT_WORDS = frozenset("Life Lives Biography Death Funeral Trial Portrait Memorial".split())
_FACTS_AFTER = re.compile(r"(?<!\d)(?:1[4-9]\d\d|20\d\d)(?!\d)|\b(?:vol|pp?|col)\.\s?[\divxlc]")


def parse_note(text: str) -> Reference:
    """The Reference one note's text describes."""
    for read in (classify_note, parse_legal):
        ref = read(text)
        if ref is not None:
            return ref
    reading = _EDITORIAL_TAIL.sub(".", text.rstrip(), count=1)
    reading = _POSSESSIVE_AUTHOR.sub(_author_comma, reading, count=1)
    colon = colon_author_end(reading)
    if colon is not None:
        # "R. M. Bucke: Cosmic Consciousness, …": read as "R. M. Bucke, Cosmic …"
        reading = reading[:colon] + "," + reading[colon + 1 :]
    ref = _parse_work(reading)
    return ref if reading == text else replace(ref, text=text)


def _author_comma(m: re.Match[str]) -> str:
    """ "Thomas Fuller’s Church History, London, 1656" → "Thomas Fuller, Church History, …"
    (only where the note goes on to a year or a volume or page)."""
    words = m.group("names").split()
    if len(words) == 1:
        person = words[0].lower() not in known_words()  # "Ruding’s", not "Women’s"
    else:
        first = words[0].rstrip(".")
        person = first in _HONORIFICS or len(first) == 1 or first.lower() in western_given_names()
    about = m.group("title") in _ABOUT_WORDS and m.string[m.end() : m.end() + 1] in (",", ".", "")
    if not person or about or not _FACTS_AFTER.search(m.string, m.end()):
        return m.group(0)
    return f"{m.group('names')}, {m.group('title')}"


def _parse_work(text: str) -> Reference:
    """The Reference of a note that is no subsequent form and no legal citation."""
    ref = parse_short_note(text)
    if ref is not None:
        return ref
    archival = read_humanities_note(text, archival_only=True)
    if archival is not None:
        return archival
    ref = parse_reference(text, note=True)
    if isinstance(ref, FullRef) and ref.confidence and min(ref.confidence.values()) >= 1.0:
        return ref  # the rule readers of reference.py read the whole note
    return read_humanities_note(text) or ref
