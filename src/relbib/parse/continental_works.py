"""More continental shapes: provisions of codes, theses, and articles in the Italian
manner of the Catholic universities' style sheets.

Input: the text of one note (signals already split off, spaces normalised).
Output: a FullRef for a provision (see :mod:`relbib.parse.continental_provisions`),
a doctoral or degree thesis (``phdthesis``/``mastersthesis``), an article whose
journal stands in guillemets before its volume and year (``article``), a web page
by its writer, title and site (``online``) or a decision by its ECLI alone
(``jurisdiction``); None for anything else.
Never: guess — a note is read only when every piece of it is placed; look at
other notes; touch a file.

The shapes:

* thesis: ``F. Rossi, Titolo, PhD thesis, University of Padova, 2010`` / ``…, tesi di
  dottorato, Università di Pisa, 2012`` / ``J. Nom, Titre, thèse, Paris II, 2005`` /
  ``K. Name, Titel, Diss. München 2005`` / ``…, tesis doctoral, Universidad de Sevilla,
  2011``: author, title, ``school``, year;
* article: ``M. Rossi, Titolo, in «Rivista» 35 (marzo 1957) 4, 347–358, 350`` / ``A. Nom,
  Titre, in «Revue» (2013) 12, p. 2137`` / ``G. Name – H. Name, Title, in «Journal» (2007),
  Publisher, 116–141, 117``: the journal in guillemets, then volume, (month) year,
  issue, a publisher, the pages and the page cited.
"""

from __future__ import annotations

import re

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name
from relbib.parse.continental_provisions import parse_provision
from relbib.parse.fields import certain_ref
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import split_names

__all__ = ["dash_names", "french_paper", "parse_continental_more", "uninverted"]

# Authors with initials, joined by ", ", " – " (the Italian style sheets' dash), "e", "et", "y".
_INITIALS_NAME = (
    r"[A-Z\u00c0-\u00dd][a-z]?\.(?:\s?-?[A-Z\u00c0-\u00dd][a-z]?\.)*\s"
    rf"(?:(?:{lexicon.particle_pattern()})\s?)?[A-Z\u00c0-\u00dd][\w'\u2019-]+(?:\s[A-Z\u00c0-\u00dd][\w'\u2019-]+){{0,2}}"
)
_AUTHORS = rf"{_INITIALS_NAME}(?:(?:,\s|\s[-\u2013]\s|\s(?:e|et|y|and)\s){_INITIALS_NAME}){{0,5}}(?:\set\sal\.)?"
_THESIS_WORDS = (
    r"(?P<kind>Ph\.?\s?D\.?\sthesis|PhD\sdissertation|doctoral\s(?:thesis|dissertation)|tesi\sdi\sdottorato"
    r"|tesi\sdi\slaurea(?:\smagistrale)?|th[\u00e8e]se(?:\sde\sdoctorat)?|m[\u00e9e]moire(?:\sde\smaster)?|tesis\sdoctoral"
    r"|Diss\.|Dissertation|Master(?:'s)?\sthesis)"
)
_THESIS = re.compile(
    rf"^(?P<authors>{_AUTHORS}),\s(?P<title>[^\d].{{2,300}}?),\s{_THESIS_WORDS}(?:,\s|\s)"
    r"(?:(?P<school>[^,\d]{2,100}?),?\s)?(?P<year>(?:19|20)\d\d)(?:,\s(?:pp?\.\s|S\.\s)?(?P<pin>\d+(?:\s?[-\u2013]\s?\d+)?))?$"
)
_MASTERS = re.compile(r"laurea|m[\u00e9e]moire|master", re.IGNORECASE)
# "…, in «Journal» 35 (dicembre 1957) 4, Publisher, 347–358, p. 350".
_GUILLEMET_ARTICLE = re.compile(
    rf"^(?P<authors>{_AUTHORS}),\s(?P<title>.{{2,300}}?),?\sin\s\u00ab(?P<journal>[^\u00bb]{{2,120}})\u00bb"
    r"(?:\s(?P<volume>\d{1,4}))?\s\((?:[^\d()]{3,12}\s)?(?P<year>(?:19|20)\d\d)\)(?:\s(?P<issue>\d{1,3}))?"
    r"(?:,\s(?P<publisher>[A-Z][^,\d]{2,40}))?"
    r",\s(?:pp?\.\s)?(?P<first>\d{1,5})(?:\s?[-\u2013]\s?(?P<last>\d{1,5}))?"
    r"(?:,\s(?:(?:nota|n\.)\s\d+,\s)?(?:pp?\.\s)?(?P<pin>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:\s(?:e\s)?ss\.?)?))?$"
)


# "Vie Publique, Pourquoi existe-t-il …?, vie-publique.fr" / "M. Rossi, Titolo, rivista.it": a web
# page by its writer (a person by initials, or a body), title and site, its URL and access date gone.
_WEB_PAGE = re.compile(
    rf"^(?P<author>{_AUTHORS}|[A-Z\u00c0-\u00dd][^,\d]{{1,80}}?),\s(?P<title>[^,].{{1,300}}?),\s"
    r"(?P<site>(?:www\.)?[a-z0-9][a-z0-9-]{1,60}(?:\.[a-z0-9-]{2,30})*\.[a-z]{2,6})$"
)


# A decision by its European Case Law Identifier alone: "ECLI:IT:COST:2014:238, punto 4".
_BARE_ECLI = re.compile(
    r"^(?P<ecli>ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:(?P<year>\d{4}):[\w.]{1,25})"
    r"(?:,\s(?P<pin>(?:punto|point|para\.|Rn\.|§|considerando)\s?\d+))?$"
)


# Spanish law journals put the surnames first, in capitals, and the initials after them:
# "GARCÍA RUBIO, M. P., Título, …" / "DÍEZ-PICAZO, L. y PONCE, A., …".
_CAPS = r"[A-Z\u00c0-\u00dd][A-Z\u00c0-\u00dd'\u2019-]++"
_INVERTED_CAPS = rf"(?P<family>{_CAPS}(?:\s(?:DE\s(?:LA\s|LOS\s)?|DEL\s|Y\s)?{_CAPS}){{0,2}}),\s(?P<given>[A-Z][a-z]?\.(?:\s?-?[A-Z][a-z]?\.)*)"
_INVERTED_PLAIN = re.sub(r"\(\?P<\w+>", "(?:", _INVERTED_CAPS)
_INVERTED_HEAD = re.compile(rf"^{_INVERTED_PLAIN}(?:(?:\sy\s|;\s|\s[-\u2013]\s){_INVERTED_PLAIN}){{0,3}},\s(?=\S)")
_ONE_INVERTED = re.compile(rf"(?<![A-Z\u00c0-\u00dd'\u2019-]){_INVERTED_CAPS}")  # tried at a word's start only
# A German article cited by its journal, year and first page, no title: "Griebelt, NJW 2020, 1873 (1876)".
_UNTITLED_ARTICLE = re.compile(
    r"^(?P<authors>(?:[A-Z\u00c0-\u00dd][\w'\u2019-]+)(?:/[A-Z\u00c0-\u00dd][\w'\u2019-]+){0,3}),\s"
    r"(?P<journal>[A-Z][A-Za-z]{1,7}(?:-[A-Z]{1,4})?)\s(?P<year>(?:19|20)\d\d),\s(?P<first>\d{1,5})"
    r"(?:\s\((?P<pin>\d{1,5})\)|,\s(?P<pin2>\d{1,5}))?$"
)


# An encyclopedia's entry: "C. Rossi, voce Contratto, in Enc. dir., vol. IX, Milano, Giuffrè, 1961, p. 100" /
# "A. Nom, v° Responsabilité, in Rép. civ. Dalloz, 2019, n° 12" / "K. Name, Stichwort Vertrag, in: HRG, Bd. 2, 2012".
_ENTRY = re.compile(
    rf"^(?P<authors>{_AUTHORS}),\s(?:voce|v\.|v\u00b0|s\.\s?v\.|Stichwort|Art\.)\s"
    r"(?:[\u201e\u201c\"](?P<quoted>[^,\u201e\u201c\u201d\"]{2,120})[\u201c\u201d\"]|(?P<title>[^,]{2,120})),\sin:?\s"  # „Stichwort“
    r"(?P<work>[^,\d]{2,120}?)(?:,\s(?:vol\.|Bd\.|t\.)\s(?P<volume>[IVXL\d]+))?(?:,\s(?P<place>[A-Z][^,\d]{1,40}))?"
    r"(?:,\s(?P<publisher>[A-Z][^,\d]{1,40}))?(?:,\s|(?<=[a-z])\s)(?P<year>(?:1[89]|20)\d\d)"  # German "Berlin 1984"
    r"(?:,\s(?:spec\.\s)?(?:pp?\.\s|n[\u00b0.]\s?)?(?P<pin>(?:Sp\.\s?|S\.\s?)?\d+(?:\s?[-\u2013]\s?\d+)?(?:\s(?:e\s)?ss\.?)?))?$"
)


def uninverted(text: str) -> str:
    """ "GARCÍA RUBIO, M. P., Título, …" → "M. P. GARCÍA RUBIO, Título, …" (the initials first, as
    the other continental shapes print them); any other text as it is."""
    m = _INVERTED_HEAD.match(text)
    if m is None:
        return text
    names = [f"{n.group('given')} {n.group('family')}" for n in _ONE_INVERTED.finditer(m.group(0))]
    return ", ".join(names) + ", " + text[m.end():]


def parse_continental_more(text: str) -> FullRef | None:
    """The provision, thesis or article ``text`` is (see the module docstring), or None."""
    provision = parse_provision(text)
    if provision is not None:
        return provision
    clean = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(".").strip()
    for kind, read in ((None, _thesis), ("article", _article), ("online", _web_page), ("jurisdiction", _ecli),
                       ("article", _untitled_article), ("inreference", _entry)):
        fields = read(clean)
        if fields is not None:
            pin = fields.pop("_pin", None)
            return certain_ref(text, kind or str(fields.pop("_type")), fields,
                               normalize_pinpoint(pin) if isinstance(pin, str) else None)
    return None


def dash_names(text: str) -> tuple[Name, ...]:
    """ "M. Neri – P. Gialli", "W.-R. Name et al.": names joined by the style sheets' dash; "E. García
    de Enterría" keeps its two surnames (initials, then a surname, a particle and a surname)."""
    names = split_names(re.sub(r"\s[-\u2013]\s", ", ", re.sub(r"\set\sal\.$", "", text)))
    return tuple(_compound_surname(name) for name in names)


_INITIALS_THEN_SURNAME = re.compile(r"(?P<initials>(?:[A-Z][a-z]?\.\s?-?)+)\s?(?P<first>[A-Z\u00c0-\u00dd][\w'\u2019-]+)")


def _compound_surname(name: Name) -> Name:
    m = _INITIALS_THEN_SURNAME.fullmatch(name.given)
    if m is None or not name.family[:1].islower():
        return name
    return Name(family=f"{m.group('first')} {name.family}", given=m.group("initials").strip())


def _thesis(text: str) -> dict[str, FieldValue] | None:
    m = _THESIS.match(text)
    if m is None or not dash_names(m.group("authors")):
        return None
    fields: dict[str, FieldValue] = {
        "_type": "mastersthesis" if _MASTERS.search(m.group("kind")) else "phdthesis",
        "author": dash_names(m.group("authors")), "title": m.group("title").strip(), "year": m.group("year"),
    }
    if m.group("school"):
        fields["school"] = m.group("school").strip()
    if m.group("pin"):
        fields["_pin"] = m.group("pin")
    return fields


def _article(text: str) -> dict[str, FieldValue] | None:
    m = _GUILLEMET_ARTICLE.match(text)
    if m is None or not dash_names(m.group("authors")):
        return None
    fields: dict[str, FieldValue] = {
        "author": dash_names(m.group("authors")), "title": m.group("title").strip().rstrip(","),
        "journal": m.group("journal").strip(), "year": m.group("year"),
    }
    for key, group in (("volume", "volume"), ("number", "issue"), ("publisher", "publisher")):
        if m.group(group):
            fields[key] = m.group(group).strip()
    last = m.group("last")
    fields["pages"] = f"{m.group('first')}--{last}" if last else m.group("first")
    if m.group("pin"):
        fields["_pin"] = m.group("pin")
    elif not last:
        fields["_pin"] = fields.pop("pages")  # "…(2013) 12, p. 2137": the page cited, no range
    return fields


def _entry(text: str) -> dict[str, FieldValue] | None:
    m = _ENTRY.match(text)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"author": dash_names(m.group("authors")),
                                     "title": (m.group("quoted") or m.group("title")).strip(),
                                     "booktitle": m.group("work").strip(), "year": m.group("year")}
    for key, group in (("volume", "volume"), ("address", "place"), ("publisher", "publisher"), ("_pin", "pin")):
        if m.group(group):
            fields[key] = m.group(group).strip()
    return fields


def _untitled_article(text: str) -> dict[str, FieldValue] | None:
    m = _UNTITLED_ARTICLE.match(text)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {
        "author": tuple(Name(family=part) for part in m.group("authors").split("/")),
        "title": "", "journal": m.group("journal"), "year": m.group("year"), "pages": m.group("first"),
    }
    if m.group("pin") or m.group("pin2"):
        fields["_pin"] = m.group("pin") or m.group("pin2")
    return fields


def _ecli(text: str) -> dict[str, FieldValue] | None:
    m = _BARE_ECLI.match(text)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"title": m.group("ecli"), "howpublished": m.group("ecli"), "year": m.group("year")}
    if m.group("pin"):
        fields["_pin"] = m.group("pin")
    return fields


def _web_page(text: str) -> dict[str, FieldValue] | None:
    m = _WEB_PAGE.match(text)
    if m is None:
        return None
    writer = m.group("author").strip()
    person = re.match(_AUTHORS + "$", writer) is not None
    author = dash_names(writer) if person else (Name(family=writer, literal=True),)
    return {"author": author, "title": m.group("title").strip(), "howpublished": m.group("site")}


# "Prénom Nom et Prénom Nom, « Titre », communication présentée à IFTR 2025, Cologne, juin 2025":
# a paper given at a meeting (French; CMOS 14.217's "paper presented at"), the meeting its container.
_FRENCH_PAPER = re.compile(
    r"^(?P<authors>[A-Z\u00c0-\u00dd][^,\u00ab\d]{1,40}+(?:(?:,\s|\set\s)[A-Z\u00c0-\u00dd][^,\u00ab\d]{1,40}+){0,6}),\s"
    r"\u00ab[\s\u00a0\u202f]?(?P<title>[^\u00ab\u00bb]{2,300}?)[\s\u00a0\u202f]?\u00bb,\s"
    r"(?:communication|conf\u00e9rence|intervention)\spr\u00e9sent\u00e9e\s(?:\u00e0\sl[a']\s?|\u00e0|au|aux|lors\sd[ue])\s"
    r"(?P<event>[^,]{2,120}),?(?P<rest>[^\u00ab\u00bb]{0,120})$"
)


def french_paper(text: str) -> dict[str, FieldValue] | None:
    m = _FRENCH_PAPER.match(text)
    year = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", m.group("rest")) if m is not None else None
    if m is None or year is None:
        return None
    return {"author": split_names(m.group("authors")), "title": m.group("title").strip(),
            "booktitle": m.group("event").strip(), "year": year.group(0)}
