"""German humanities notes in the sentence manner (DIN 1505, the literature
departments' style sheets): "Vorname Name: Titel. Untertitel. In: Buch. Hrsg. von
Vorname Name. Ort: Verlag Jahr. S. 12."

Input: the text of one note (signals already split off, its URL and access date
already cut off, spaces normalised, no full stop at its end).
Output: (type, fields) of a book (``book``), a chapter (``incollection``) or a dated
web page (``online``), the page cited under ``_pin``; None for anything else.
Never: guess — a note is read only when its imprint ("Ort: Verlag Jahr") closes it;
look at other notes; touch a file.

The shapes (the authors inverted "Name, Vorname" or not "Vorname Name", several
joined by "/", then a colon or a full stop):

* book: ``Roe, Jane: Titel. Untertitel. 2. Aufl. Berlin/München: Verlag 2012. (= Reihe. Bd. 4.) S. 15, 21``
  (the editors after the title: ``Titel. Hrsg. von John Doe. Ort: Verlag 1982``);
* chapter: ``Jane Roe: Kapitel. In: Buch, Bd 3: A–H. Hrsg. von John Doe. Ort: Verlag 1996, S. 259`` /
  ``… In: John Doe (Hrsg.). Buch. Ort: Verlag 2019. S. 9-20. hier S. 11``;
* web page: ``Jane Roe: Titel. Erstellt im Juni 2016``.
"""

from __future__ import annotations

import re

from relbib.model import FieldValue, Name

__all__ = ["read_imprint_note"]

_CAP = r"[A-Z\u00c0-\u00dd\u017d\u0160][\w'\u2019-]{1,30}+"
_INVERTED = rf"{_CAP},\s{_CAP}(?:\s{_CAP}){{0,2}}"
_UPRIGHT = rf"{_CAP}(?:\s{_CAP}){{1,3}}"
_PEOPLE = rf"(?:{_INVERTED}(?:\s?/\s?{_INVERTED}){{0,4}}|{_UPRIGHT}(?:\s?/\s?{_UPRIGHT}){{0,4}})"
_HEAD = rf"^(?P<authors>{_PEOPLE})[:.]\s(?P<title>.{{2,300}}?)"
# "Ort: Verlag 2019" (or the publisher alone: "transcript 2017"), a series "(= Reihe. Bd. 2.)",
# the pages "S. 9-20. hier S. 11" / "S.15, 21".
_PAGE = r"\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:\s?ff?\.?)?(?:,\s\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?)*"
_IMPRINT = (
    r"(?:\.\s(?P<edition>\d{1,2})\.\s(?:erw\.\s|überarb\.\s)?Aufl)?"
    r"(?:\.\sHrsg\.\svon\.?\s(?P<editors>[^:()]{2,160}?))?"
    r"\.\s(?:(?P<place>[A-Z\u00c0-\u00dd][\w\u00c0-\u00ff-]*(?:(?:\s?/\s?|\s(?:bei|am|an\sder|im|a\.|i\.)\s|\s)"
    r"[A-Z\u00c0-\u00dd](?:[\w\u00c0-\u00ff-]+|\.)){0,3}):\s)?"
    r"(?P<publisher>[\w\u00c0-\u00ff&](?:(?!\.\s[A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff]{2})[\w\u00c0-\u00ff&.' -]){0,60}?)"
    r"\s(?P<year>1[5-9]\d\d|20\d\d)"
    r"(?:\.\s\(=\s?(?P<series>[^()]{2,150})\))?"
    rf"(?:(?:[.,]|(?<=\)))\s(?:S\.\s?(?P<first>{_PAGE})(?:[.,]\s(?:hier\s)?S\.\s?(?P<pin>{_PAGE}))?))?$"
)
_BOOK = re.compile(_HEAD + _IMPRINT)
_CHAPTER = re.compile(
    _HEAD + r"\.\sIn:\s(?:(?P<bookeditors>[^.:()]{2,120}?)\s\((?:Hrsg|Hg)\.\)[.:]\s)?(?P<book>.{2,300}?)"
    r"(?:,\s(?P<volume>Bd\.?\s[\dIVX]{1,5})(?::\s[^.]{1,60})?)?" + _IMPRINT
)
# "Erstellt im Juni 2016" / "Stand: 12. März 2019": a web page's own date.
_DATED = re.compile(_HEAD + r"\.\s(?:Erstellt|Veröffentlicht|Stand)(?:\s(?:im|am))?:?\s(?:[\w.]+\s){0,2}?(?P<year>(?:19|20)\d\d)$")


def read_imprint_note(text: str) -> tuple[str, dict[str, FieldValue]] | None:
    """(type, fields) of the note ``text`` (see the module docstring), or None."""
    for kind, shape in (("online", _DATED), ("incollection", _CHAPTER), ("book", _BOOK)):
        m = shape.match(text)
        if m is None or (kind == "book" and re.search(r"\.\sIn:\s", m.group("title"))):
            continue
        fields: dict[str, FieldValue] = {"author": _people(m.group("authors")), "title": m.group("title").strip(),
                                         "year": m.group("year")}
        if kind == "online":
            return kind, fields
        if kind == "incollection":
            fields["booktitle"] = m.group("book").strip()
        return kind, _imprint(m, fields, whole_book=kind == "book")
    return None


def _imprint(m: re.Match[str], fields: dict[str, FieldValue], *, whole_book: bool) -> dict[str, FieldValue]:
    groups = m.groupdict()
    if not groups.get("place"):  # "Kassel 1987": the humanities' "Ort Jahr", no publisher
        groups["place"], groups["publisher"] = groups.get("publisher"), None
    for key, group in (("edition", "edition"), ("address", "place"), ("publisher", "publisher"),
                       ("series", "series"), ("volume", "volume")):
        if groups.get(group):
            fields[key] = str(groups[group]).strip(" .")
    editors = groups.get("editors") or groups.get("bookeditors")
    if editors and re.fullmatch(_PEOPLE, editors.strip()):
        fields["editor"] = _people(editors.strip())
    first: str | None = groups.get("first")
    pin: str | None = groups.get("pin")
    if first and not whole_book and (pin or re.fullmatch(r"\d+\s?[-\u2013]\s?\d+", first)) and "," not in first:
        fields["pages"] = re.sub(r"\s?[-\u2013]\s?", "--", first)
        first = None
    cited = pin or first
    if cited:
        fields["_pin"] = cited
    return fields


def _people(text: str) -> tuple[Name, ...]:
    """ "Roe, Jane/ Doe, John" or "Jane Roe/ John Doe": the people, in order."""
    people = []
    for part in re.split(r"\s?/\s?", text):
        family, _, given = part.partition(", ")
        if not given:
            *first, family = part.split()
            given = " ".join(first)
        people.append(Name(family=family.strip(), given=given.strip()))
    return tuple(people)
