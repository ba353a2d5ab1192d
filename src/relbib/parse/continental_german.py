"""German humanities notes in the manner reference managers print them (Citavi,
Zotero's German styles): "Name, Vorname; Name, Vorname: Titel, in: …".

Input: the text of one note (signals already split off, spaces normalised).
Output: a FullRef for a book (``book``), a chapter (``incollection``), a journal
article (``article``) or a web page (``online``), or a ShortRef for the short form
with a year ("Name: Kurztitel, 2015, S. 41 f."); None for anything else.
Never: guess — a note is read only when every piece of it is placed; look at
other notes; touch a file.

The shapes (authors "Name, Vorname" joined by "; " or "/", "u. a." for et al.,
then a colon; editors marked "(Hg.)"/"(Hrsg.)"):

* book: ``Roe, Jane; Doe, John: Titel des Buches, 2. Aufl., Berlin 2015 (Reihe 4), S. 41 f.``
  (editors cited whole: ``Roe, Jane (Hg.): Titel, Berlin/Boston 2015``);
* chapter: ``Roe, Jane: Kapitel, in: Doe, John (Hg.): Buch, Bd. 2, Berlin 2015, S. 45–67``
  (or with no editors and no place: ``…, in: Buch, Bd. 18, 2016 (Reihe), S. 4 f.``);
* article: ``Roe, Jane: Titel, in: Zeitschrift 12 (2001), H. 3, S. 45–67``;
* web page: ``Titel, in: Wikipedia, 05.09.2018. Online: https://…`` / ``Roe, Jane:
  Titel, Blog der Stiftung, 17.06.2015, https://…, Stand: 06.08.2020``;
* short form: ``Roe; Doe: Kurztitel, 2015, S. 41 f.`` (surnames alone, no place).

A page range is the chapter's or article's pages; a single page, or any page of a
book, is the page cited ("S. 41 f." as printed).
"""

from __future__ import annotations

import re

from relbib.model import FieldValue, FullRef, Name, Reference, ShortRef
from relbib.parse.continental_imprint import read_imprint_note
from relbib.parse.continental_upright import entry_facts, read_upright_german, read_upright_page
from relbib.parse.fields import certain_ref
from relbib.parse.forms import normalize_pinpoint

__all__ = ["humanities_book", "humanities_chapter", "in_chicago_manner", "read_german_note", "read_upright_note"]

_WORD = r"[A-Z\u00c0-\u00dd][\w'\u2019-]{0,30}+"
# "Name, Vorname" (the given names several or initials: "Jan Dirk", "Horst-Alfred", "G. H.").
_GIVEN = r"(?:[A-Z\u00c0-\u00dd][\w'\u2019-]{1,30}+|[A-Z\u00c0-\u00dd]\.(?:-?[A-Z\u00c0-\u00dd]\.)?)"  # "Horst-Alfred", "G."
_PERSON = rf"{_WORD}(?:\s{_WORD}){{0,2}},\s{_GIVEN}(?:\s{_GIVEN}){{0,2}}"
_PEOPLE = rf"{_PERSON}(?:(?:;\s|\s?/\s?){_PERSON}){{0,7}}(?:,?\su\.\s?a\.)?"
_EDITOR_MARK = r"\s\((?:Hg|Hrsg|Hgg)\.\)"
# The page(s): "S. 41", "S. 41 f.", "S. 45–67", "S. 45-67, hier S. 50".
_PAGES = r"S\.\s?(?P<first>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:\s?ff?\.?)?)(?:,\s(?:hier\s)?S\.\s?(?P<pin>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:\s?ff?\.?)?))?"
# The facts closing a book: volume, edition, place, year, a series in brackets, the pages.
_BOOK_FACTS = (
    r"(?:,\s(?P<volume>Bd\.\s[\dIVX]{1,5}))?(?:,\s(?P<edition>\d{1,2})\.\s(?:erw\.\s|überarb\.\s)?Aufl\.)?,\s"
    r"(?:(?P<place>o\.\s?O\.|[A-Z\u00c0-\u00dd][\w\u00c0-\u00ff-]+(?:(?:\s?/\s?|\s(?:am|an\sder|a\.|im)\s?)[A-Z\u00c0-\u00dd][\w.\u00c0-\u00ff-]*){0,3})\s)?"
    r"(?P<year>1[5-9]\d\d|20\d\d)(?:\s\((?:=\s?)?(?P<series>[^()]{2,150})\))?"
    rf"(?:,\s{_PAGES})?$"
)
_HEAD = rf"^(?P<authors>{_PEOPLE})(?P<edited>{_EDITOR_MARK})?:\s"
_BOOK = re.compile(rf"{_HEAD}(?P<title>[^\u201c\u201d]{{2,300}}?){_BOOK_FACTS}")
_CHAPTER = re.compile(
    rf"{_HEAD}(?P<title>.{{2,300}}?),\sin:\s(?:(?P<editors>{_PEOPLE}){_EDITOR_MARK}[:,]\s)?"  # "(Hrsg.): Buch" / "(Hrsg.), Buch"
    rf"(?P<book>[^\u201c\u201d]{{2,300}}?){_BOOK_FACTS}"
)
# "in: Zeitschrift 12 (2001), H. 3, S. 45–67".
_ARTICLE = re.compile(
    rf"{_HEAD}(?P<title>.{{2,300}}?),\sin:\s(?P<journal>[A-Z\u00c0-\u00dd][^,()]{{1,120}}?)\s(?P<volume>\d{{1,4}})"
    r"(?:\s\((?P<year>1[5-9]\d\d|20\d\d)\)(?:,\s(?:H\.|Heft|Nr\.)\s(?P<issue>[\d/]{1,7}))?"
    r"|\s\((?P<issue2>\d{1,3})\),\s\d{1,2}\.\d{1,2}\.(?P<year2>(?:19|20)\d\d))"  # "1 (1), 19.02.2019": issue and day
    rf",\s{_PAGES}$"
)
# A date printed on a web page: "05.09.2018".
_DAY = r"(?P<day>\d{1,2}\.\d{1,2}\.(?P<year>(?:19|20)\d\d))"
# "Titel, in: Wikipedia, 05.09.2018" / "Roe, Jane: Titel, Blog der Stiftung, 17.06.2015".
# Upright names before a web page's title: "Karl Wendt: Titel, in: Blog, 12.03.2019".
_UPRIGHT_PEOPLE = rf"{_WORD}(?:\s{_WORD}){{1,2}}(?:\s?/\s?{_WORD}(?:\s{_WORD}){{1,2}}){{0,3}}"
_WEB = re.compile(
    rf"^(?:(?P<authors>{_PEOPLE}):\s|(?P<upright>{_UPRIGHT_PEOPLE}):\s)?(?P<title>[^\u201c\u201d]{{2,300}}?)(?:(?:,\sin:\s|,\s)(?P<site>[A-Z\u00c0-\u00dd][^,]{{1,80}}))?,\s{_DAY}$"
)
# What closes a web note: ". Online: https://…", ", https://…, Stand: 06.08.2020", ", URL: https://…".
_LINK_TAIL = re.compile(
    r"(?:[.,]\s?(?i:Online|URL|Link|Abrufbar\sunter|Online\sunter|verf\u00fcgbar\sunter):?\s?|,\s)<?https?://\S+?>?"
    r"(?:,?\s\((?:letzter\s|zuletzt\s)?(?:Stand|Zugriff|abgerufen)[^()]{0,40}\)|,\s(?:Stand|Zugriff\sam|Zugriff|abgerufen\sam):?\s[\d.\s]{6,12}"
    r"|\s\[(?:(?:letzter\s)?(?:Zugriff|abgerufen|Stand)[^\[\]]{0,30})?\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\])?\.?$"
)
# An encyclopedia's article: "Vogt, Rüdiger, Art. „Mühle“, in: Handwörterbuch, Bd. 3, Berlin 1984, Sp. 712–720"
# (the author inverted or not, a colon or a comma after the names; "Art." for Artikel, "s. v.", "Stichwort").
_ENTRY = re.compile(
    rf"^(?P<authors>{_PEOPLE}|{_WORD}(?:\s{_WORD}){{1,3}})[,:]\s(?:Art\.|Artikel|s\.\s?v\.|Stichwort)\s"
    r"[\u201e\u201c\"\u00bb]?(?P<title>[^,\u201e\u201c\u201d\"\u00ab\u00bb]{2,120}?)[\u201c\u201d\"\u00ab]?,\sin:\s"
    r"(?P<work>[^,\d]{2,160}?)(?:,\s(?P<volume>Bd\.\s[\dIVX]{1,5}))?(?:,\s(?P<edition>\d{1,2})\.\sAufl\.)?,\s"
    r"(?:(?P<place>[A-Z\u00c0-\u00dd][\w\u00c0-\u00ff/-]+(?:\s?/\s?[A-Z\u00c0-\u00dd][\w\u00c0-\u00ff-]+)?)\s)?(?P<year>1[5-9]\d\d|20\d\d)"
    r"(?:,\s(?P<pin>(?:Sp\.|S\.)\s?\d{1,5}(?:\s?[-\u2013]\s?\d{1,5}|\s?ff?\.)?))?$"
)
# The short form: "Roe: Kurztitel, 2015, S. 41 f." / "Roe; Doe: Kurztitel, 2015".
_SHORT = re.compile(
    rf"^(?P<authors>{_WORD}(?:(?:;\s|\s?/\s?){_WORD}){{0,5}}(?:\su\.\s?a\.)?):\s(?P<title>[^\u201c\u201d]{{2,300}}?),\s"
    r"(?P<year>1[5-9]\d\d|20\d\d)(?:,\s(?:S\.\s?)?(?P<pin>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:\s?ff?\.?)?))?$"
)


def read_german_note(text: str) -> Reference | None:
    """The work the German note ``text`` cites (see the module docstring), or None."""
    clean, url = _without_link(re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip())
    clean = re.sub(r",\sin,\s", ", ", clean.rstrip(" ."))  # "Titel, in, Berlin 2014": a container left empty
    short = _SHORT.match(clean)
    if short is not None and not url:
        pin = short.group("pin")
        return ShortRef(text=text, authors=tuple(re.split(r";\s|\s?/\s?", re.sub(r"\su\.\s?a\.$", "", short.group("authors")))),
                        short_title=short.group("title").strip(), pinpoint=normalize_pinpoint(pin) if pin else None)
    for kind, read in (("inreference", _entry), ("article", _article), ("incollection", _chapter), ("book", _book),
                       ("online", _web)):
        if kind == "online" and url is None and ", in: " not in clean:
            continue  # "Kasseler Volksblatt, 5.5.1912": a newspaper's issue, no web page
        fields = read(clean)
        if fields is not None:
            return _full(text, kind, fields, url)
    imprint = read_imprint_note(clean)  # "Vorname Name: Titel. In: Buch. Ort: Verlag 2019. S. 12"
    if imprint is not None:
        return _full(text, imprint[0], imprint[1], url)
    return None


# The short form after a colon, no year: "Roth: Mühlen im Tal, S. 25" / "Gai / Mecke: Aula, S. 107 f."
_COLON_SHORT = re.compile(
    rf"^(?P<authors>{_WORD}(?:\s?/\s?{_WORD}){{0,3}}):\s(?P<title>[^,:;\u201c\u201d\u201e]{{2,120}}),\s"
    r"(?:S\.|Sp\.)\s?(?P<pin>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:\s?ff?\.?)?)$"
)


def read_upright_note(text: str) -> Reference | None:
    """The work of a note "Vorname Name, Titel, Ort Jahr, S. 12" (relbib.parse.continental_upright),
    a link and its access date after it ("…, S. 4, https://…, (abgerufen am …)"); the short form
    "Roth: Kurztitel, S. 25" (a ShortRef); or None."""
    clean, url = _without_link(re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip())
    short = _COLON_SHORT.match(clean.rstrip(".")) if url is None else None
    if short is not None:  # "Roth: Mühlen im Tal, S. 25": a short form in the colon manner
        return ShortRef(text=text, authors=tuple(re.split(r"\s?/\s?", short.group("authors"))),
                        short_title=short.group("title").strip(), pinpoint=normalize_pinpoint(short.group("pin")))
    # a page by upright authors only where a word introduces its link ("…, online unter: https://…")
    introduced = url is not None and re.search(r"(?i:online|url|link|unter):?\s?<?https?://", text) is not None
    found = read_upright_german(clean) or (read_upright_page(clean, people=introduced) if url is not None else None)
    if found is None:
        return None
    kind, fields = found
    if url is not None and kind == "article" and not ({"volume", "_pin"} & set(fields)):
        kind = "online"  # "Titel, in: Mühlenblog, 12.03.2019, https://…": a dated page, not a paper's page
    return _full(text, kind, fields, url)


def _without_link(clean: str) -> tuple[str, re.Match[str] | None]:
    """The note without the link (and access date) closing it, and the link."""
    linked = _LINK_TAIL.search(clean)
    if linked is None:
        return clean, None
    url = re.search(r"https?://[^\s<>]+?(?=>?(?:[,.]?\s|[,.]?$|>))", linked.group(0))
    return clean[: linked.start()], url


# A title in German quotation marks: "„Titel“, " / "„Titel", ".
_GERMAN_QUOTED = re.compile(r"\u201e(?P<title>[^\u201c\u201d\u201e\"]{1,300}+)[\u201c\u201d\"](?P<comma>,)?")
# "…, in Dies., Hgg., Buch": the authors are the book's editors too.
_SAME_EDITORS = re.compile(r"\bin\s(?:Dies|Ders)\.,\s(?=(?:Hgg|Hrsg|Hg)\.,\s)")
# The editors' mark after their names: "Monica Berti, Hg., Buch" / "…, Hgg., …".
_EDITORS_WORD = re.compile(r",\s(?P<mark>Hgg|Hrsg|Hg)\.,\s")


_EDITORS_FIRST = re.compile(r"\bin\s(?P<eds>[A-Z][^,()\u201c\u201d]{2,120}+),\seds?\.,\s(?P<book>[^()\u201c\u201d]{2,300}?)\s\(")


def in_chicago_manner(text: str) -> str:
    """A German note printed in Chicago's manner read as Chicago prints it:
    "Roe, „Titel“, in Dies., Hgg., Buch (…), 1–19" → "Roe, “Titel,” in Roe, eds., Buch (…), 1–19"."""
    if "\u201e" not in text:
        return text
    first = text.find(", \u201e")
    out = _GERMAN_QUOTED.sub(lambda m: "\u201c" + m.group("title") + ("," if m.group("comma") else "") + "\u201d", text)
    if first > 0:
        out = _SAME_EDITORS.sub(lambda m: "in " + text[:first].replace(" und ", " and ") + ", ", out)
    out = _EDITORS_WORD.sub(lambda m: ", ed., " if m.group("mark") == "Hg" else ", eds., ", out)
    # "in Roe, ed., Buch (Berlin, 2019)" → Chicago's "in Buch, ed. Roe (Berlin, 2019)"
    return _EDITORS_FIRST.sub(lambda m: f"in {m.group('book')}, ed. {m.group('eds')} (", out, count=1)


# The edition's statement printed as the title's last sentence: "Titel. Neu übersetzt und
# kommentiert", "Titel. Übersetzt von Clara Amsel", "Titel. Hrsg. und eingeleitet von …".
_EDITION_STATEMENT = re.compile(
    r"\.\s(?P<statement>(?:(?:Neu|Erstmals|Vollständig|Kritisch|Aus\sdem\s\w+)\s)?"
    r"(?:übersetzt|[Üü]bers\.|Hrsg\.|[Hh]erausgegeben|kommentiert|[Bb]earbeitet|[Ee]ingeleitet)\b[^.]{0,120})$",
    re.IGNORECASE,
)


def _without_edition_statement(fields: dict[str, FieldValue]) -> dict[str, FieldValue]:
    """The title without the edition's statement closing it, which goes to ``note``."""
    title = fields.get("title")
    m = _EDITION_STATEMENT.search(title) if isinstance(title, str) else None
    if m is not None and isinstance(title, str) and m.start() > 2:
        fields["title"] = title[: m.start()]
        fields["note"] = "; ".join(filter(None, (str(fields.get("note") or ""), m.group("statement"))))
    return fields


def _full(text: str, kind: str, fields: dict[str, FieldValue], url: re.Match[str] | None) -> FullRef:
    _without_edition_statement(fields)
    if url is not None and "url" not in fields:
        fields["url"] = url.group(0)
    pin = fields.pop("_pin", None)
    return certain_ref(text, kind, fields,
                       normalize_pinpoint(pin) if isinstance(pin, str) else None)


def _people(text: str) -> tuple[Name, ...]:
    """ "Roe, Jane; Doe, John u. a." → the people, in order."""
    text = re.sub(r",?\su\.\s?a\.$", "", text)
    return tuple(Name(family=family.strip(), given=given.strip())
                 for family, given in (part.split(", ", 1) for part in re.split(r";\s|\s?/\s?(?=[A-Z\u00c0-\u00dd])", text)))


def _facts(m: re.Match[str], fields: dict[str, FieldValue], *, whole_book: bool) -> dict[str, FieldValue]:
    """Year, place, volume, edition, series and pages of a book's facts."""
    fields["year"] = m.group("year")
    place = m.group("place")
    if place and not place.startswith("o."):
        fields["address"] = place
    for key in ("volume", "edition", "series"):
        if m.group(key):
            fields[key] = m.group(key).strip()
    first, pin = m.group("first"), m.group("pin")
    if first and not whole_book and (pin or re.search(r"\d\s?[-\u2013]\s?\d", first)):
        fields["pages"] = re.sub(r"\s?[-\u2013]\s?", "--", first)
        first = None
    if pin or first:
        fields["_pin"] = pin or first
    return fields


def _book(text: str) -> dict[str, FieldValue] | None:
    m = _BOOK.match(text)
    if m is None or re.search(r",\sin:?\s", m.group("title")):
        return None
    role = "editor" if m.group("edited") else "author"
    return _facts(m, {role: _people(m.group("authors")), "title": m.group("title").strip()}, whole_book=True)


def _chapter(text: str) -> dict[str, FieldValue] | None:
    m = _CHAPTER.match(text)
    if m is None or m.group("edited"):
        return None
    fields: dict[str, FieldValue] = {"author": _people(m.group("authors")), "title": m.group("title").strip(),
                                     "booktitle": m.group("book").strip()}
    if m.group("editors"):
        fields["editor"] = _people(m.group("editors"))
    return _facts(m, fields, whole_book=False)


def _entry(text: str) -> dict[str, FieldValue] | None:
    m = _ENTRY.match(text)
    if m is None:
        return None
    authors = m.group("authors")
    people = _people(authors) if ", " in authors else (Name(family=authors.rsplit(" ", 1)[1],
                                                             given=authors.rsplit(" ", 1)[0]),)
    fields: dict[str, FieldValue] = {"author": people, "title": m.group("title").strip(),
                                     "booktitle": m.group("work").strip(), "year": m.group("year")}
    if m.group("volume"):
        fields["volume"] = m.group("volume").removeprefix("Bd.").strip()
    return entry_facts(m, fields)


def _article(text: str) -> dict[str, FieldValue] | None:
    m = _ARTICLE.match(text)
    if m is None or m.group("edited"):
        return None
    fields: dict[str, FieldValue] = {"author": _people(m.group("authors")), "title": m.group("title").strip(),
                                     "journal": m.group("journal").strip(), "volume": m.group("volume"),
                                     "year": m.group("year") or m.group("year2")}
    if m.group("issue") or m.group("issue2"):
        fields["number"] = m.group("issue") or m.group("issue2")
    first, pin = m.group("first"), m.group("pin")
    if pin or re.search(r"\d\s?[-\u2013]\s?\d", first):
        fields["pages"] = re.sub(r"\s?[-\u2013]\s?", "--", first)
    if pin or "pages" not in fields:
        fields["_pin"] = pin or first
    return fields


def _web(text: str) -> dict[str, FieldValue] | None:
    m = _WEB.match(text)
    if m is None:
        return None
    day, month, year = m.group("day").split(".")
    fields: dict[str, FieldValue] = {"title": m.group("title").strip(), "year": year,
                                     "date": f"{year}-{int(month):02d}-{int(day):02d}"}
    if m.group("site"):
        fields["journal"] = m.group("site").strip()
    if m.group("authors"):
        fields["author"] = _people(m.group("authors"))
    elif m.group("upright"):
        fields["author"] = tuple(Name(family=person.rsplit(" ", 1)[1], given=person.rsplit(" ", 1)[0])
                                 for person in re.split(r"\s?/\s?", m.group("upright")))
    return fields


# --- the older German humanities readers (comma after the names, "(Hrsg.)") ---------------------------------------------------------

# "Name, Vorname" (the given names may be several or initials: "Jan Dirk", "Christoper G.").
_INVERTED = r"[A-Z\u00c0-\u00dd][\w'\u2019-]{1,30}+,\s[A-Z\u00c0-\u00dd][\w.'\u2019-]{0,30}+(?:\s[A-Z\u00c0-\u00dd][\w.'\u2019-]{0,30}+){0,2}"
_INVERTED_LIST = rf"{_INVERTED}(?:(?:,\s|\s?/\s?){_INVERTED}){{0,5}}"
# "…, Ort Jahr, S. 14-33, S. 17f.": place, year, the pages (of a chapter) and the page cited.
_PLACE_YEAR_PAGES = (
    r"(?P<place>o\.\s?O\.|[A-Z\u00c0-\u00dd][^,.\d()]{1,60}?)\s(?P<year>1[5-9]\d\d|20\d\d),\sS\.\s?(?P<first>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:\s?ff?\.?)?)"
    r"(?:,\sS\.\s?(?P<pin>\d{1,5}(?:\s?ff?\.?)?))?$"
)
# "Name, Vorname, Titel, in: Name, Vorname/Name, Vorname (Hrsg.), Buch, Ort Jahr, S. 14-33, S. 17":
# a chapter in the German humanities manner.
_HUMANITIES_CHAPTER = re.compile(
    rf"^(?P<authors>{_INVERTED_LIST})[,:]\s(?P<title>[^()]{{2,300}}?)[,.]?\s[Ii]n:\s(?P<editors>{_INVERTED_LIST})"
    rf"\s\((?:Hrsg|Hg)\.\)[,:]\s(?P<book>[^\u201c\u201d]{{2,300}}?),\s{_PLACE_YEAR_PAGES}"
)
# "Name, Vorname: Titel. Untertitel. Ort Jahr, S. 45": a book in the same manner.
_HUMANITIES_BOOK = re.compile(
    rf"^(?P<authors>{_INVERTED_LIST})[,:]\s(?P<title>[^()\u201c\u201d]{{2,300}}?)[,.]\s{_PLACE_YEAR_PAGES}"
)


def _inverted_names(text: str) -> tuple[Name, ...]:
    return tuple(Name(family=m.group(1), given=m.group(2))
                 for m in re.finditer(r"([^,/\s][^,/]{0,40}+),\s([^,/]{1,60}+)", text))


def _humanities_fields(m: re.Match[str]) -> dict[str, FieldValue]:
    fields: dict[str, FieldValue] = {"author": _inverted_names(m.group("authors")),
                                     "title": m.group("title").strip(), "year": m.group("year")}
    _without_edition_statement(fields)
    if not m.group("place").startswith("o."):  # "o.O.": ohne Ort, no place
        fields["address"] = m.group("place").strip()
    first = m.group("first")
    if m.group("pin") or re.search(r"\d\s?[-\u2013]", first):
        fields["pages"] = re.sub(r"\s?[-\u2013]\s?", "--", first)
    pin = m.group("pin") or (None if "pages" in fields else first)
    if pin:
        fields["_pin"] = pin
    return fields


def humanities_chapter(text: str) -> dict[str, FieldValue] | None:
    m = _HUMANITIES_CHAPTER.match(text)
    if m is None:
        return None
    fields = _humanities_fields(m)
    fields["booktitle"] = m.group("book").strip()
    fields["editor"] = _inverted_names(m.group("editors"))
    return fields


def humanities_book(text: str) -> dict[str, FieldValue] | None:
    m = _HUMANITIES_BOOK.match(text)
    if m is None or re.search(r"\b[Ii]n:\s", m.group("title")):
        return None
    return _humanities_fields(m)
