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

__all__ = ["entry_facts", "opens_with_body", "read_upright_german", "read_upright_page"]

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
_PAGES = (rf"(?:(?:(?:insbesondere|bes\.|v\.\s?a\.)\s)?S\.\s?(?P<first>{_PAGE}(?:,\s{_PAGE})*)(?:,\s(?:hier\s)?S\.\s?(?P<pin>{_PAGE}))?"
          # a margin number cited in place of a page (law books): "Rz. 602 ff.", "Rn. 12", "N 4"
          r"|(?P<margin>(?:Rn|Rz|Rdnr)\.\s?\d{1,4}(?:\s?ff?\.?)?|N\.?\s\d{1,4}(?:\s?ff?\.?)?))")
# A book's volume closing its title: ", Band 5: Harz. Eifel", ", Vol. 1", ", Bd. 3".
_VOLUME = r"(?:,\s(?:Band|Bd\.|Vol\.)\s(?P<volume>\d{1,3}|[IVX]{1,5})(?::\s[^,]{1,120})?)?"
# A series in brackets after the title: "(Denkmalpflege in Schwaben 12,3)", "(= Reihe, Sonderband 4 I, II)".
_SERIES = r"(?:\s\((?:=\s?)?(?P<series>[^()]{2,150})\))?"
# The volumes of a work of several: ", 2 Bde.".
_VOLUMES = r"(?:,\s\d{1,2}\sBde\.)?"
# The place and year closing a note; the volume cited may follow the year (", hier Bd. 1, S. 36").
_CLOSE = (rf",\s(?:{_PLACE}\s)?{_YEAR}(?:,\s(?:hier\s)?(?:Bd\.|Band)\s(?P<volume_cited>\d{{1,3}}|[IVX]{{1,5}}))?"
          rf"(?:,\s{_PAGES})?$")
# After the names, a comma ("Vorname Name, Titel") or a colon ("Vorname Name: Titel").
_SEP = r"(?P<sep>[,:])"

# A thesis's genre after its title: "…, unveröffentlichte Masterarbeit, Hamburg 2021".
_THESIS_WORD = (r"(?:,\s(?:unveröffentlichte\s|ungedruckte\s)?(?P<thesis>Masterarbeit|Magisterarbeit|Bachelorarbeit"
                r"|Diplomarbeit|Staatsexamensarbeit|Dissertation|Diss\.|Habilitationsschrift))?")
# The edition after the title: ", 4. Aufl.", ", 2. überarb. Aufl.".
_EDITION = r"(?:,\s(?P<edition>\d{1,2})\.\s(?:[\wäöü]+\.?\s){0,2}Aufl(?:age|\.))?"
_BOOK = re.compile(rf"^(?:(?P<people>{_PEOPLE})|(?P<org>{_ORGANISATION})(?={_EDITED}|,\s))(?P<edited>{_EDITED})?{_SEP}\s"
                   rf"(?P<title>[^;]{{2,300}}?){_SERIES}{_EDITION}{_VOLUME}{_THESIS_WORD}{_VOLUMES}{_CLOSE}")
_CHAPTER = re.compile(
    # the editors marked "(Hrsg.)", or a colon after them alone ("in: Ida Brand / Karl Wendt: Buch")
    rf"^(?P<people>{_PEOPLE}){_SEP}\s(?P<title>.{{2,300}}?),\sin:\s(?:(?P<editors>{_PEOPLE}|Ders\.|Dies\.)(?:{_EDITED}[,:]?|:)\s)?"
    rf"(?P<book>[^;]{{2,300}}?){_SERIES}{_VOLUME}{_CLOSE}"
)
# A contribution without a title of its own (a testimony in a collection of them): "Erna Kolb
# (Sand), in: Mühlenmuseum / Freundeskreis (Hrsg.), Tag der Mühle[, Kassel 2001, S. 4]".
_CONTRIBUTION = re.compile(
    rf"^(?P<people>{_PERSON})(?:\s\([^()]{{1,30}}\))?,\sin:\s(?P<editors>{_PEOPLE}|{_ORGANISATION}){_EDITED},?\s"
    rf"(?P<book>[^;]{{2,300}}?)(?:{_VOLUME}{_CLOSE}|$)"
)
# A source in its edition, the title first: "Annales X ad a. 912, ed. von Georg Hirsch (MGH SS 4),
# Hannover 1841, S. 27" ("hg. von", "hrsg. von", "bearb. von"); the year of the annals ("ad a. 912")
# is a place in the source, no part of its title.
_EDITION_OF = re.compile(
    rf"^(?P<title>[A-Z\u00c0-\u00dd][^,;:]{{2,200}}?)(?:\sad\sa(?:\.|nnum)\s\d{{1,4}})?,\s"
    rf"(?:ed\.|hg\.|hrsg\.|bearb\.|[Hh]erausgegeben)\s(?:von\s)?(?P<editors>{_PEOPLE}){_SERIES}{_CLOSE}"
)
# An encyclopedia's or dictionary's article with no author: "Art. Erker, in: Wörterbuch der
# Baukunst, 4., neu bearbeitete Auflage, Leipzig u.a., 1988, S. 112" ("Sp." for columns).
_ENTRY = re.compile(
    r"^(?:Art\.|Artikel|s\.\s?v\.|Stichwort)\s[\u201e\u201c\"]?(?P<title>[^,\u201e\u201c\u201d\"]{2,120}?)[\u201c\u201d\"]?,\sin:\s"
    r"(?P<book>[^,]{2,160}?)(?:,\s(?P<edition>\d{1,2})\.,?\s(?:[^,]{1,120}?\s)?Aufl(?:age|\.))?,\s"
    rf"(?:{_PLACE}(?:\su\.\s?a\.)?,?\s?)?{_YEAR}(?:,\s(?:Sp\.|S\.)\s?(?P<pin>{_PAGE}))?$"
    r"|^(?:Art\.|Artikel|Stichwort)\s[\u201e\u201c\"](?P<title2>[^,\u201e\u201c\u201d\"]{2,120})[\u201c\u201d\"],\sin:\s(?P<site>[^,]{2,80})$"
)
# The passage a note quotes after the page cited: "…, S. 27: hoc anno …".
_QUOTED_AFTER_PAGE = re.compile(r",\s(?:hier\s)?S\.\s?\d{1,5}+(?:\s?ff?\.)?(?P<quote>:\s[^\n]{3,600}+)$")
# A newspaper's article by its day: "Anna Roth: Titel, in: Hessische Allgemeine, 12.03.2019, S. 4"
# ("vom 12.03.2019", "12. März 2019"; the issue "Nr. 61" maybe).
_NEWSPAPER = re.compile(
    rf"^(?P<people>{_PEOPLE}){_SEP}\s(?P<title>.{{2,300}}?),\sin:\s(?P<journal>[A-Z\u00c0-\u00dd][^,()\d]{{1,80}}?),\s(?:vom\s)?"
    rf"\d{{1,2}}\.\s?(?:\d{{1,2}}\.\s?|[A-Z\u00c4-\u00dc][a-z\u00e4]{{2,9}}\s){_YEAR}(?:,\s(?:Nr\.\s\d{{1,4}},\s)?{_PAGES})?$"
)
# A web page by upright authors, its link cut off: "Anna Roth, Die Räder am Fluss" / "Verein e.V.: Titel".
# (no full stop inside the title: "Eva Brandt: Titel. Erstellt im Juni 2016" is the sentence manner's)
_PAGE_HEAD = re.compile(rf"^(?:(?P<people>{_PEOPLE})|(?P<org>{_ORGANISATION}))[,:]\s(?P<title>[^,;:.]{{2,200}})$")
# A document's genre opening its title, not a person's name: "Bericht Eva Roe, in: …".
_GENRE = re.compile(r"(?:Bericht|Brief|Schreiben|Aussage|Protokoll|Interview)\b")
_ARTICLE = re.compile(
    rf"^(?P<people>{_PEOPLE}){_SEP}\s(?P<title>.{{2,300}}?),\sin:\s(?P<journal>[A-Z\u00c0-\u00dd][^,()]{{1,120}}?),?"
    rf"\s(?P<volume>\d{{1,4}})\s\({_YEAR}\),\s{_PAGES}$"
)


def read_upright_german(text: str) -> tuple[str, dict[str, FieldValue]] | None:
    """(type, fields) of the German note ``text`` (see the module docstring), or None."""
    clean = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(".")
    if not re.search(r"\sS\.\s?[\dIVXLC]|\((?:Hrsg|Hg)\.?\)|\sin:\s|,\s\u201e|(?:arbeit|Dissertation),\s"
                     r"|,\s(?:Rn|Rz|Rdnr)\.\s?\d", clean):
        return None  # nothing German (pages "S.", margin "Rz.", "(Hrsg.)", "in:", a „title“, a thesis): another reader's
    quoted = _QUOTED_AFTER_PAGE.search(clean)
    if quoted is not None:  # "…, S. 27: hoc anno …": the passage quoted is no part of the citation
        clean = clean[: quoted.start("quote")]
    for kind, read in (("article", _article), ("article", _newspaper), ("incollection", _chapter), ("incollection", _contribution),
                       ("book", _book), ("book", _edition_of), ("inreference", _entry)):
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
        fields["title"] = _unquoted(re.sub(r"^([*_]{1,2})(?P<t>[^*_]+)\1$", r"\g<t>", str(fields["title"])))
    fields["year"] = m.group("year")
    if found.get("edition"):
        fields["edition"] = found["edition"]
    if found.get("place"):
        fields["address"] = found["place"]
    if found.get("volume") or found.get("volume_cited"):
        fields["volume"] = found.get("volume") or found["volume_cited"]
    if found.get("series"):
        fields["series"] = found["series"].strip()
    first, pin = m.group("first"), m.group("pin") or found.get("margin")
    if first and not whole_book and re.fullmatch(r"[\dIVXLC]+\s?[-\u2013]\s?[\dIVXLC]+", first):
        fields["pages"] = re.sub(r"\s?[-\u2013]\s?", "--", first)
        first = None
    if pin or first:
        fields["_pin"] = pin or first
    return fields


# A German body's name: a compound closed by a corporate head ("Deutsche Mühlenstiftung",
# "Landesamt"), or a head opening the name or followed by "für", "der" ("Institut für …");
# not a head standing alone as a family name ("Hans Kammer").
_HEADS = "|".join(lexicon.organisation_heads())
_BODY = re.compile(rf"\w\w(?i:{_HEADS})\b|^(?i:{_HEADS})\s|\b(?i:{_HEADS})\s(?:für|der|des|zu)\s"
                   r"|\se\.\s?V\.?$|\sg?GmbH$")  # "Mühlenverein Lahn e.V.": a registered association, a company


def _body(names: str) -> bool:
    """Whether upright "names" are a body's ("Deutsche Mühlenstiftung"), not people's."""
    return _BODY.search(names) is not None


def opens_with_body(text: str) -> bool:
    """Whether ``text`` opens with a German body's name and a comma ("Bundesamt für
    Justiz, *Leitfaden*, …"): an author a prose lead may close before."""
    m = re.match(r"[A-Z\u00c0-\u00dd][^,;:()\d]{2,80}?,\s", text)
    return m is not None and _body(m.group(0))


def _unquoted(title: str) -> str:
    """ "„Die Räder stehen still“" → the title without the marks quoting all of it."""
    m = re.fullmatch(r"[\u201e\u201c\"\u00bb](?P<inner>[^\u201e\u201c\u201d\"\u00ab\u00bb]+)[\u201c\u201d\"\u00ab]", title)
    return m.group("inner") if m else title


def _book(text: str) -> dict[str, FieldValue] | None:
    m = _BOOK.match(text)
    if m is None or re.search(r",\sin:?\s", m.group("title")):
        return None
    if m.group("sep") == "," and ":" in m.group("title"):
        return None  # "Roe, Titel: …" — a colon in a title after a comma is another reader's
    if m.group("org") and not m.group("edited") and not _body(m.group("org")):
        return None  # "Roe Titel, Ort 2019": an author with no editor's mark is a body by its name alone
    org = m.group("org") or (m.group("people") if _body(m.group("people")) else None)
    if org:
        names = tuple(Name(family=part, literal=True) for part in re.split(r"\s/\s", org.strip()))
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


def _edition_of(text: str) -> dict[str, FieldValue] | None:
    m = _EDITION_OF.match(text)
    editors = _names(m.group("editors")) if m is not None else ()
    if m is None or not editors:
        return None
    return _pages(m, {"editor": editors, "title": m.group("title").strip()}, whole_book=True)


def _entry(text: str) -> dict[str, FieldValue] | None:
    m = _ENTRY.match(text)
    if m is None:
        return None
    if m.group("site"):  # "Art. „Mühle“, in: Wikipedia" (its link cut off): no year printed
        return {"title": m.group("title2").strip(), "booktitle": m.group("site").strip()}
    return entry_facts(m, {"title": m.group("title").strip(), "booktitle": m.group("book").strip(),
                           "year": m.group("year")})


def entry_facts(m: re.Match[str], fields: dict[str, FieldValue]) -> dict[str, FieldValue]:
    """An encyclopedia entry's edition, place and column or page cited (groups ``edition``,
    ``place``, ``pin``) added to its ``fields``."""
    for group, key in (("edition", "edition"), ("place", "address"), ("pin", "_pin")):
        if m.group(group):
            fields[key] = m.group(group)
    return fields


def _newspaper(text: str) -> dict[str, FieldValue] | None:
    m = _NEWSPAPER.match(text)
    authors = _names(m.group("people")) if m is not None else ()
    if m is None or not authors:
        return None
    return _pages(m, {"author": authors, "title": m.group("title").strip(), "journal": m.group("journal").strip()},
                  whole_book=True)


def read_upright_page(text: str, *, people: bool) -> tuple[str, dict[str, FieldValue]] | None:
    """("online", fields) of a web page's note whose link was cut off: "Mühlenverein e.V.: Titel"
    (a body by its corporate word), or with ``people`` (a word introduced the link) "Anna Roth,
    Titel"; None for anything else ("Page History, Tools": a title's words look like a name)."""
    m = _PAGE_HEAD.match(re.sub(r"\s+", " ", text).strip().rstrip("."))
    if m is None or (m.group("org") and not _body(m.group("org"))) or (m.group("people") and not people):
        return None
    names = (Name(family=m.group("org").strip(), literal=True),) if m.group("org") else _names(m.group("people"))
    return ("online", {"author": names, "title": m.group("title").strip()}) if names else None
