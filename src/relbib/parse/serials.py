"""A volume of a serial cited by its title alone, as history notes cite yearbooks,
statistical annuals and printed proceedings: "Statistisches Jahrbuch für das
Deutsche Reich, 44 (1924/25), 300."

Input: the text of one note (one citation).
Output: a FullRef of type book (the serial's title, its volume and year, the page
cited as the pinpoint), or None when the note is not of that shape.
Never: read a note with an author (a short form "Roe, Title, 12" has no bracket of
a year after the number), a quoted title (an article: the other readers take it),
look at other notes, or touch a file.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from relbib import lexicon
from relbib.model import FieldValue, FullRef, freeze_fields
from relbib.parse.dates import parse_date
from relbib.parse.italics import strip_marks
from relbib.parse.pages import normalize_pages

__all__ = ["SERIAL_OPENS", "read_serial_volume"]

# The serial's title: up to twelve words opening with a capital ("Annuaire statistique de
# la France"), no comma, digit, bracket or quotation mark.
_TITLE = r"[A-ZÄÖÜ][\w'\u2019.-]*(?:\s[^\W\d_][\w'\u2019.-]*){0,11}"
_SERIAL = re.compile(
    rf"^(?P<title>{_TITLE}),\s(?P<volume>\d{{1,4}})\s\((?P<year>1[5-9]\d\d|20\d\d)(?:/\d{{2,4}})?\),"
    rf"\s(?:pp?\.\s?|S\.\s?)?(?P<pin>\d+(?:\s?{lexicon.DASH}\s?\d+)?)\.?$"
)
# "Verhandlungen des Reichstags, vol. 325, p. 123": the volume, then the page or column cited.
_VOLUME_CITED = re.compile(
    rf"^(?P<title>{_TITLE}),\s(?:vol|Bd)\.\s?(?P<volume>\d{{1,4}}|[IVXLC]+),\s"
    rf"(?P<pin>(?:pp?\.|S\.|cols?\.|Sp\.)\s?\d+(?:\s?{lexicon.DASH}\s?\d+)?)"
    r"(?:\s\((?P<date>\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|[^()]{0,20}[A-Za-z][^()]{0,20}\d{4})\))?\.?$"  # the sitting's day
)
# Where such a citation opens after a lead-in ("The figures are in Statistisches Jahrbuch, 44 (1925), …").
SERIAL_OPENS = re.compile(rf"{_TITLE},\s\d{{1,4}}\s\((?:1[5-9]\d\d|20\d\d)")


def read_serial_volume(text: str) -> FullRef | None:
    """The serial volume a note cites (see the module docstring), or None."""
    plain = strip_marks(text).strip()
    m = _SERIAL.match(plain)
    if m is not None and len(m.group("title").split()) >= 2:  # one word ("Hansard") says too little
        fields: dict[str, FieldValue] = {"title": m.group("title"), "volume": m.group("volume"), "year": m.group("year")}
        return _volume(text, fields, normalize_pages(m.group("pin"), expand=True))
    m = _VOLUME_CITED.match(plain)
    words = m.group("title").split() if m is not None else []
    # a title's small word ("des", "of") or three words: no surname cited by volume ("Mill, vol. 2")
    if m is None or not (len(words) >= 3 or any(w.islower() for w in words[1:])):
        return None
    fields = {"title": m.group("title"), "volume": m.group("volume")}
    if m.group("date"):
        day = _day(m.group("date"))
        if day is None:
            return None
        fields["year"], fields["date"] = day[:4], day
    return _volume(text, fields, _pin(m.group("pin")))


def _day(text: str) -> str | None:
    """The ISO date of "12.3.1919" or "14 May 1851"; None when it is no full date."""
    numeric = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", text)
    if numeric is not None:
        day, month, year = (int(g) for g in numeric.groups())
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    iso = parse_date(text)[1]
    return iso if iso and len(iso) == 10 else None


def _pin(text: str) -> str:
    """The page cited without its "p."/"S." ("p. 123" → "123"); a column keeps its word ("col. 45")."""
    m = re.match(r"(?P<word>[^\s\d]+)\s?(?P<number>.+)$", text)
    if m is None:
        return text
    if m.group("word").lower().startswith(("col", "sp")):
        return f"{m.group('word')} {normalize_pages(m.group('number'), expand=True)}"
    return normalize_pages(m.group("number"), expand=True)


def _volume(text: str, fields: dict[str, FieldValue], pin: str) -> FullRef:
    return FullRef(
        text=text, type="book", fields=freeze_fields(fields),
        confidence=MappingProxyType(dict.fromkeys(fields, 1.0)), pinpoint=pin,
    )
