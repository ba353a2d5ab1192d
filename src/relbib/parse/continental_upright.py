"""German history notes with the names upright and commas between the parts (the
manner of many German history departments and memorial sites): "Vorname Name,
Titel, Ort Jahr, S. 12".

Input: the text of one note (signals already split off, spaces normalised).
Output: (type, fields) of a book (``book``), a thesis (``mastersthesis``,
``phdthesis``), a chapter (``incollection``) or a journal article (``article``), the
page cited under ``_pin``; None for anything else.
Never: guess — a note is read only when its place-and-year (or its journal's
volume and year) closes it; look at other notes; touch a file.

The shapes (several people joined by " / ", "et al." or "u.a." after them, editors
marked "(Hrsg.)"/"(Hg.)"; an organisation may stand as the editor):

* book: ``Hanna Vogel / Peter Lind, Das Mühlenwerk, Kassel / Erfurt 1998, S. 412-419``
  (any page of a book is the page cited); editors cited whole:
  ``Lena Roth (Hrsg.), Kassel 1900. Die Stadt, Gotha 2019`` /
  ``Verein der Mühlenfreunde (Hrsg.), Mühlen im Wandel, Fulda 2011, S. 88``; a thesis:
  ``Lisa Roe, Titel, unveröffentlichte Masterarbeit, Kassel 2021, insbesondere S. 26-31``;
* chapter: ``Otto Brenner, Kapitel, in: Karla Haas / Ilse Dorn (Hrsg.), Buch, Band 4:
  Harz, Leipzig 2006, S. 211-213`` (a page range is the chapter's pages; "in: Ders.
  (Hrsg.)" names the author as the editor);
* article: ``Tilo Kranz, Titel, in: Mühlen-Rundschau, 112 (2004), S. 7-15``;
* a contribution with no title (a testimony in a collection): ``Erna Kolb, in: Museum /
  Verein (Hrsg.), Tag der Mühle`` (the place and year may be left to the first citation).
"""

from __future__ import annotations

import re

from relbib import lexicon
from relbib.model import FieldValue, Name

__all__ = ["read_upright_german"]

# One word of a name, capitalised ("Hans", "Dezső", "Jens-Christian"), or an initial ("L.", "L").
_GIVEN = r"[A-Z\u00c0-\u00dd\u0150\u0170\u0160\u017d][\w'\u2019-]{0,30}+\.?"
_FAMILY = r"[A-Z\u00c0-\u00dd\u0150\u0170\u0160\u017d][\w'\u2019-]{1,30}+"
# one or two particles before the family name ("von", "von der", "de la")
_PARTICLE = rf"(?:\b(?:{lexicon.particle_pattern()})\s){{1,2}}"
_PERSON = rf"{_GIVEN}(?:\s{_GIVEN}){{0,2}}\s(?:{_PARTICLE})?{_FAMILY}"
_PEOPLE = rf"{_PERSON}(?:\s?/\s?{_PERSON}){{0,5}}(?:\set\sal\.|,?\su\.\s?a\.)?"
_EDITED = r"\s\((?:Hrsg|Hg|Hgg)\.?\)"
# An organisation as editor: capitalised first, no comma, parenthesis or digit ("Stiftung
# niedersächsischer Mühlen", "Museum X / Freundeskreis Y").
_ORGANISATION = r"[A-Z\u00c0-\u00dd][^,()\d:;]{2,100}?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
# "Kassel", "Stuttgart / München", "Berlin/Boston", "Frankfurt am Main", "Tel Aviv".
_PLACE = (r"(?P<place>[A-Z\u00c0-\u00dd][\w\u00c0-\u00ff-]+(?:(?:\s?/\s?|\s(?:am|an\sder|a\.|im)\s?|\s)"
          r"[A-Z\u00c0-\u00dd][\w.\u00c0-\u00ff-]*){0,3})")
# A page or range, in arabic or roman figures, "f."/"ff." after it: "412-419", "91f", "XV-XCV".
_PAGE = r"(?:\d{1,5}|[IVXLC]{1,8})(?:\s?[-\u2013]\s?(?:\d{1,5}|[IVXLC]{1,8}))?(?:\s?ff?\.?)?"
_PAGES = rf"(?:(?:insbesondere|bes\.|v\.\s?a\.)\s)?S\.\s?(?P<first>{_PAGE}(?:,\s{_PAGE})*)(?:,\s(?:hier\s)?S\.\s?(?P<pin>{_PAGE}))?"
# A book's volume closing its title: ", Band 5: Harz. Eifel", ", Vol. 1", ", Bd. 3".
_VOLUME = r"(?:,\s(?:Band|Bd\.|Vol\.)\s(?P<volume>\d{1,3}|[IVX]{1,5})(?::\s[^,]{1,120})?)?"
_CLOSE = rf",\s(?:{_PLACE}\s)?{_YEAR}(?:,\s{_PAGES})?$"

# A thesis's genre after its title: "…, unveröffentlichte Masterarbeit, Hamburg 2021".
_THESIS_WORD = (r"(?:,\s(?:unveröffentlichte\s|ungedruckte\s)?(?P<thesis>Masterarbeit|Magisterarbeit|Bachelorarbeit"
                r"|Diplomarbeit|Staatsexamensarbeit|Dissertation|Diss\.|Habilitationsschrift))?")
# The edition after the title: ", 4. Aufl.", ", 2. überarb. Aufl.".
_EDITION = r"(?:,\s(?P<edition>\d{1,2})\.\s(?:[\wäöü]+\.?\s){0,2}Aufl(?:age|\.))?"
_BOOK = re.compile(rf"^(?:(?P<people>{_PEOPLE})|(?P<org>{_ORGANISATION})(?={_EDITED}))(?P<edited>{_EDITED})?,\s"
                   rf"(?P<title>[^:;]{{2,300}}?){_EDITION}{_VOLUME}{_THESIS_WORD}{_CLOSE}")
_CHAPTER = re.compile(
    rf"^(?P<people>{_PEOPLE}),\s(?P<title>.{{2,300}}?),\sin:\s(?:(?P<editors>{_PEOPLE}|Ders\.|Dies\.){_EDITED},?\s)?"
    rf"(?P<book>[^;]{{2,300}}?){_VOLUME}{_CLOSE}"
)
# A contribution without a title of its own (a testimony in a collection of them): "Erna Kolb
# (Sand), in: Mühlenmuseum / Freundeskreis (Hrsg.), Tag der Mühle[, Kassel 2001, S. 4]".
_CONTRIBUTION = re.compile(
    rf"^(?P<people>{_PERSON})(?:\s\([^()]{{1,30}}\))?,\sin:\s(?P<editors>{_PEOPLE}|{_ORGANISATION}){_EDITED},?\s"
    rf"(?P<book>[^;]{{2,300}}?)(?:{_VOLUME}{_CLOSE}|$)"
)
# A document's genre opening its title, not a person's name: "Bericht Eva Roe, in: …".
_GENRE = re.compile(r"(?:Bericht|Brief|Schreiben|Aussage|Protokoll|Interview)\b")
_ARTICLE = re.compile(
    rf"^(?P<people>{_PEOPLE}),\s(?P<title>.{{2,300}}?),\sin:\s(?P<journal>[A-Z\u00c0-\u00dd][^,()]{{1,120}}?),?"
    rf"\s(?P<volume>\d{{1,4}})\s\({_YEAR}\),\s{_PAGES}$"
)


def read_upright_german(text: str) -> tuple[str, dict[str, FieldValue]] | None:
    """(type, fields) of the German note ``text`` (see the module docstring), or None."""
    clean = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(".")
    if not re.search(r"\sS\.\s?[\dIVXLC]|\((?:Hrsg|Hg)\.?\)|\sin:\s|,\s\u201e|(?:arbeit|Dissertation),\s", clean):
        return None  # nothing German (pages "S.", "(Hrsg.)", "in:", a „title“, a thesis): another reader's
    for kind, read in (("article", _article), ("incollection", _chapter), ("incollection", _contribution),
                       ("book", _book)):
        fields = read(clean)
        if fields is not None:
            return str(fields.pop("_type", kind)), fields
    return None


def _names(text: str) -> tuple[Name, ...]:
    """ "Hanna Vogel / Peter Lind u.a." → the people, family name last."""
    text = re.sub(r"(?:\set\sal\.|,?\su\.\s?a\.)$", "", text)
    out = []
    for person in re.split(r"\s?/\s?", text):
        family = re.search(rf"(?:{_PARTICLE})?{_FAMILY}$", person)
        if family is None:
            return ()
        out.append(Name(family=family.group(0), given=person[: family.start()].strip()))
    return tuple(out)


def _pages(m: re.Match[str], fields: dict[str, FieldValue], *, whole_book: bool) -> dict[str, FieldValue]:
    """Year, place, volume and pages: a range of a part is its pages; else the page cited."""
    found = m.groupdict()
    if "title" in fields:
        fields["title"] = _unquoted(str(fields["title"]))
    fields["year"] = m.group("year")
    if found.get("edition"):
        fields["edition"] = found["edition"]
    if found.get("place"):
        fields["address"] = found["place"]
    if found.get("volume"):
        fields["volume"] = found["volume"]
    first, pin = m.group("first"), m.group("pin")
    if first and not whole_book and re.fullmatch(r"[\dIVXLC]+\s?[-\u2013]\s?[\dIVXLC]+", first):
        fields["pages"] = re.sub(r"\s?[-\u2013]\s?", "--", first)
        first = None
    if pin or first:
        fields["_pin"] = pin or first
    return fields


def _unquoted(title: str) -> str:
    """ "„Die Räder stehen still“" → the title without the marks quoting all of it."""
    m = re.fullmatch(r"[\u201e\u201c\"\u00bb](?P<inner>[^\u201e\u201c\u201d\"\u00ab\u00bb]+)[\u201c\u201d\"\u00ab]", title)
    return m.group("inner") if m else title


def _book(text: str) -> dict[str, FieldValue] | None:
    m = _BOOK.match(text)
    if m is None or re.search(r",\sin:?\s", m.group("title")):
        return None
    if m.group("org"):
        names = tuple(Name(family=part, literal=True) for part in re.split(r"\s/\s", m.group("org").strip()))
    else:
        names = _names(m.group("people"))
    if not names:
        return None
    role = "editor" if m.group("edited") else "author"
    fields = _pages(m, {role: names, "title": m.group("title").strip()}, whole_book=True)
    if m.group("thesis"):
        fields["_type"] = "mastersthesis" if m.group("thesis").endswith("arbeit") else "phdthesis"
    return fields


def _chapter(text: str) -> dict[str, FieldValue] | None:
    m = _CHAPTER.match(text)
    if m is None or re.search(r",\sin:\s", m.group("title")):
        return None
    authors = _names(m.group("people"))
    if not authors:
        return None
    fields: dict[str, FieldValue] = {"author": authors, "title": m.group("title").strip(),
                                     "booktitle": m.group("book").strip()}
    editors = m.group("editors")
    if editors:
        fields["editor"] = authors if editors in ("Ders.", "Dies.") else _names(editors)
    return _pages(m, fields, whole_book=False)


def _contribution(text: str) -> dict[str, FieldValue] | None:
    m = _CONTRIBUTION.match(text)
    if m is None or _GENRE.match(text):
        return None
    authors, editors = _names(m.group("people")), m.group("editors")
    people = _names(editors) if re.fullmatch(_PEOPLE, editors) else ()
    fields: dict[str, FieldValue] = {
        "author": authors, "booktitle": m.group("book").strip(),
        "editor": people or tuple(Name(family=part, literal=True) for part in re.split(r"\s/\s", editors.strip()))}
    return _pages(m, fields, whole_book=False) if m.group("year") else fields


def _article(text: str) -> dict[str, FieldValue] | None:
    m = _ARTICLE.match(text)
    if m is None:
        return None
    authors = _names(m.group("people"))
    if not authors:
        return None
    fields: dict[str, FieldValue] = {"author": authors, "title": m.group("title").strip(),
                                     "journal": m.group("journal").strip()}
    return _pages(m, fields, whole_book=False)
