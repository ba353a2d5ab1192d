"""Periodicals as older footnotes cite them: "Quarterly Review, vol. xii. (1815) p. 3." → a FullRef.

Input: the text of one note (relbib.parse._parse_work calls this beside the serial readers).
Output: for a periodical named with its volume, its year or day and the page cited — alone,
quoted ("“Indian Antiquary,” 1876, p. 333") or after its writer ("Roe, in the Quarterly
Review, vol. xii. p. 30", "Roe in “Indian Antiquary,” 1876, p. 92", "Ada Roe, Journal
Asiatique, 1847, Août, pp. 98, 105") — an ``article`` whose journal is the periodical and
which has no title (the note names none), with the writer, volume, year and pinpoint;
else None.
Never: read a name that is no periodical's (its last word, or for "Journal …" its first,
is a periodical word: lexicon periodical_words.txt; or a siglum of capitals with its
volume or full stop, "JRAS. 1903", "BEFEO iii": "OECD, 2015" is a body's report), a note
with any other words, or a periodical named with no volume, year or page.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from relbib import lexicon
from relbib.model import FieldValue, FullRef, freeze_fields
from relbib.parse.dates import parse_date
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import split_names

__all__ = ["read_older_periodical"]

# The periodical's name: capitalised words and the small words of titles ("Journal des Savants").
_NAME = r"(?:The\s)?[A-Z][\w'\u2019-]*+(?:\s(?:[A-Z][\w'\u2019-]*+|of|des|de|du|the|and|&)){0,5}"
# Or its siglum, as orientalists and classicists cite journals: "JRAS", "BEFEO", "TP".
_SIGLUM = r"[A-Z]{2,6}"
# Its issue: "1876", "Jan. 1850", "14th Aug. 1882", "Jan.-Mar. 1936" (a month word checked by parse_date).
_MONTHS = r"[A-Z][a-z\u00e9\u00fb]{2,8}\.?(?:[-\u2013][A-Z][a-z\u00e9\u00fb]{2,8}\.?)?"
_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s)?(?:{_MONTHS},?\s)?1[5-9]\d\d"
_PAGES = r"\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:,\s\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?){0,5}(?:\s?ff?\.?)?"
_WRITER = r"(?P<author>[A-Z][\w.'\u2019 -]{1,50}?)(?:,\sin|\sin|,|(?=\s[A-Z]{2,6}[.:,\s]))\s(?:the\s)?"
_AFTER_WRITER = (
    rf"[\u201c\"]?(?P<journal>{_NAME}|(?P<siglum>{_SIGLUM}))(?P<stop>\.)?:?,?[\u201d\"]?"
    # the volume: "vol. xii.", "xvi", "11: 14" (a series and its volume)
    r"(?:,?\s(?:vol\.\s?)?(?P<volume>(?:\d{1,3}|[ivxlc]{1,7}):\s?\d{1,4}|[ivxlcIVXLC]{1,7}|\d{1,3})\.?)?"
    # the year or day, and a month printed after the year ("1847, Août")
    rf"(?:,?\s\(?(?P<date>{_DATE})\)?)?(?:,\s(?P<month>[A-Z][a-z\u00e9\u00fb]{{2,8}})\.?)?"
    rf"(?:,?\s(?:pp?\.)\s?(?P<pin>{_PAGES}))?\.?$"
)
_SIGNAL = r"^(?:(?:See|Cf\.)\s(?:also\s)?)?"
# The periodical alone, tried first ("Western Review, Jan. 1850, p. 12": no writer), then after its writer.
_PERIODICALS = (re.compile(_SIGNAL + _AFTER_WRITER), re.compile(_SIGNAL + _WRITER + _AFTER_WRITER))


def read_older_periodical(text: str) -> FullRef | None:
    """The article an older note cites by its periodical, or None (see the module docstring)."""
    for pattern in _PERIODICALS:
        m = pattern.match(text.strip())
        if m is not None and _periodical(m.group("journal")) and (m.group("date") or m.group("pin")):
            return _article(text, m)
    return None


def _article(text: str, m: re.Match[str]) -> FullRef | None:
    """The article of a matched periodical citation; None when its parts say otherwise."""
    author = m.groupdict().get("author")
    if m.group("siglum") and not (m.group("volume") or m.group("stop") or author):
        return None  # "OECD, 2015, p. 4": a body's report by year; a siglum has its volume or stop
    fields: dict[str, FieldValue] = {"journal": m.group("journal")}
    if author:
        names = split_names(author)
        if not names or _periodical(author):
            return None
        fields["author"] = names
    if m.group("date"):
        year, iso = parse_date(" ".join(p for p in (m.group("month"), m.group("date")) if p))
        if not year:
            return None
        fields["year"] = year
        if iso:
            fields["date"] = iso
    if m.group("volume"):
        fields["volume"] = m.group("volume")
    pin = normalize_pinpoint(m.group("pin")) if m.group("pin") else None
    return FullRef(text=text, type="article", fields=freeze_fields(fields),
                   confidence=MappingProxyType(dict.fromkeys(fields, 1.0)), pinpoint=pin)


def _periodical(name: str) -> bool:
    """Whether ``name`` is a periodical's: "Edinburgh Review", "Journal Asiatique"."""
    words = [w.strip(".,").lower() for w in name.split()]
    siglum = re.fullmatch(_SIGLUM, name) is not None
    return bool(words) and (siglum or words[-1] in lexicon.periodical_words() or words[0] == "journal")
