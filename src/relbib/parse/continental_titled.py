"""A work named by its authors or body, its title in italics and its year, as Italian and
French books and reports cite papers, guides and web pages: "Fondazione Esempio, *Titolo.
Sottotitolo*, 2026", "A. Roe, B. Doe, *Title*, 2025", "Contoso, *Guide*, Contoso Handbook,
2025", "A. Roe e altri, *Title*, Contoso, TR-2023-43, 2023", "Gruppo di lavoro X, *Parere
5/2014* (WP216), 2014" (a web address closing it is read apart: relbib.parse.site_tail).

Input: the text of one citation (its italics as Markdown marks).
Output: a FullRef (``misc``, ``report`` with its number, ``legislation`` in the Gazzetta) whose title is the italic run
as printed, whose authors are the people before it (with their initials) or the body
(several words, no initials: one organisation), and whose ``howpublished`` is the series or
collection between the title and the year; None for any other shape ("in Rivista, …" is
an article: relbib.parse.continental).
Never: take a person for a body (a name with initials is a person; a single word is left to
the other readers); look at other notes; touch a file.
"""

from __future__ import annotations

import re

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name
from relbib.parse.fields import certain_ref
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import split_names

__all__ = ["read_titled_note"]

_TITLED = re.compile(
    r"^(?P<who>[A-Z\u00c0-\u00dd][^*_;\u201c\u201d\"\u00ab\u00bb]{1,159}?),\s?(?P<mark>[*_])(?P<title>[^*_]{2,300}?)(?P=mark)(?:\s\((?P<label>[^()]{1,40})\))?"
    r"(?P<rest>(?:,\s(?!in\s)[^,*;]{2,80}?){0,2}),\s(?:\d{1,2}°?\s[^\W\d]{3,10}\s)?(?P<year>(?:1[5-9]|20)\d\d)"
    # a minister's directive in the Gazzetta: "…, 8 maggio 2002, in Gazzetta Ufficiale n. 141 del 18 giugno 2002"
    r"(?:,\s(?:in\s)?(?P<gazette>G(?:azzetta\s[Uu]fficiale|\.\s?U\.)\s[^,;]{1,60}?))?"
    # a page of a book cited in the French manner ("p. 68 s.", "p. 8-12"): the segment before the year is its publisher
    r"(?:,\s(?P<page>p\.\s?\d+(?:\s?[-\u2013]\s?\d+)?(?:(?:,\s|\set\s)\d+(?:\s?[-\u2013]\s?\d+)?){0,6}(?:\s(?:s|ss|et\ss)\.|\sspéc\.)?))?"
    r"(?:,\s(?P<pin>(?:pp?\.\s?|(?i:parte|part|sezione|section|cap\.|ch\.)\s)[\w.\u2013-]{1,12}))?"
    r"(?:,\s[a-z\u00e0-\u00f9]{2,}\s[a-z\u00e0-\u00f9']{2,}[^;]{0,300})?\.?$"  # "…, 2018, fatte proprie dal …": the writer's words
)
# The French manner's article or chapter: « Titre », *Revue*, year, p. N / « Titre », in *Ouvrage*,
# Publisher, year, p. N-M (the journal or book in italics, whole: "*Rev. rech. jurid., droit prospect.*").
_QUOTED = re.compile(
    r"^(?P<who>[^\u00ab;*_]{2,160}?),\s\u00ab\s?(?P<title>[^\u00bb]{2,300}?)\s?\u00bb,\s(?:(?P<in>in\s)|(?P<on>sur\s))?"
    r"(?P<mark>[*_])(?P<journal>[^*_]{1,200}?)(?P=mark)(?:,\s(?P<publisher>[A-Z][^,\d]{1,80}))?"
    # a page on a site, dated: "…, sur *Journal d’un juriste*, publié le 21 février 2017"
    r",\s(?:publi[ée]e?\sle\s\d{1,2}(?:er)?\s[^\W\d]{3,10}\s)?(?P<year>(?:1[5-9]|20)\d\d)"
    r"(?:,\s(?:n°\s?\d+,\s)?p\.\s?(?P<page>\d+(?:\s?[-\u2013]\s?\d+)?))?\.?$"
)
# A thesis: *Titre*, thèse de doctorat, droit, université X, 1998, p. 88 (its director may follow the title).
_THESIS = re.compile(
    r"^(?P<who>[^*_;]{2,160}?),\s?(?P<mark>[*_])(?P<title>[^*_]{2,300}?)(?P=mark)(?:,\s[^,*_]{2,60}\s\((?:dir|éd|ed)\.\))?"
    r",\s(?P<kind>th[èe]se(?:\sde\sdoctorat)?|m[ée]moire(?:\sde\s[\w]+)?|tesi\sdi\s(?:laurea|dottorato)|tesis\sdoctoral"
    r"|Ph\.?\s?D\.?\s(?:thesis|diss(?:ertation|\.))|(?:doctoral|master'?s)\sthesis|[Dd]issertation)"
    r"(?:,\s[a-z\u00e0-\u00ff][^,]{1,40})?,\s(?P<school>[Uu]niversit[^,]{2,80})"
    r"(?:,\s(?P<year>(?:1[5-9]|20)\d\d))?(?:,\s(?P<pin>(?:p\.\s?|part\.\s?)\d+(?:\s?[-\u2013]\s?\d+)?(?:\set\s\d+)?))?\.?$"
)
_THESIS_WORD = re.compile(r"(?i)\b(?:th[èe]se|thesis|diss(?:ertation|\.)|tesi|tesis|m[ée]moire)\b")
# A person's initials: "A.", "D. E.", "H.-P." — names with them are people.
_INITIALS = re.compile(r"(?:^|[\s,])[A-Z\u00c0-\u00dd](?:\.|\.-[A-Z]\.)\s")
# A body's name: a capital, then up to ten words ("Gruppo di lavoro Articolo 29").
_BODY = re.compile(r"^[A-Z\u00c0-\u00dd][\w'\u2019.-]*(?:\s[\w'\u2019.-]+){1,10}$")
# A body's initials among others: "ITTIG-CNR e Accademia X" (capitals, a hyphen or digit).
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*$")
# French theses' names: the family in capitals, then the given names ("BAUDRY-LACANTINERIE Gabriel").
_CAPS_FAMILY = re.compile(
    r"[A-Z\u00c0-\u00dd][A-Z\u00c0-\u00dd'\u2019-]+(?:\s[A-Z\u00c0-\u00dd'\u2019-]{2,}){0,3}"
    r"(?:\s[A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff'\u2019]+(?:-[A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff]+)?){1,3}(?:\sfils)?"
)
# The French manner's particle in brackets after the given name: "BOIS DE GAUDUSSON Jean (du)".
_PARTICLE_AFTER = re.compile(
    r"^(?P<family>[A-Z\u00c0-\u00dd][A-Z\u00c0-\u00dd'\u2019 -]+?)\s(?P<given>[A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff-]+(?:\s[A-Z][a-z\u00e0-\u00ff-]+)?)"
    r"\s\((?P<particle>du|de|des|de\sla|d[’'])\)$"
)
# A single name: one word, the family name alone ("Roe"; a body's one-word name alike).
_ONE_WORD = re.compile(r"^[A-Z\u00c0-\u00dd][\w'\u2019-]{1,40}$")
# A report's number: "TR-2023-43", "n. 24-013", "WP216".
_NUMBERED = re.compile(r"\d")


def read_titled_note(text: str) -> FullRef | None:
    """The work ``text`` names (see the module docstring), or None."""
    clean = re.sub(r"\s+", " ", text).strip()
    return _quoted(text, clean) or _thesis(text, clean) or _titled(text, clean)


def _quoted(text: str, clean: str) -> FullRef | None:
    m = _QUOTED.match(clean)
    authors = _authors(m.group("who")) if m is not None else ()
    if m is None or not authors:
        return None
    fields: dict[str, FieldValue] = {"author": authors, "title": m.group("title").strip(), "year": m.group("year")}
    page = m.group("page")
    if m.group("in"):  # a chapter: its range is its pages, a page alone the one cited
        fields["booktitle"] = m.group("journal").strip()
        if m.group("publisher"):
            fields["publisher"] = m.group("publisher").strip()
        if page and re.search(r"\d\s?[-\u2013]\s?\d", page):
            fields["pages"], page = normalize_pinpoint(page) or page, None
        return certain_ref(text, "incollection", fields, normalize_pinpoint(page))
    if m.group("publisher"):
        return None
    if m.group("on"):  # "…, sur *Site*": a page of a website
        fields["howpublished"] = m.group("journal").strip()
        return certain_ref(text, "online", fields, normalize_pinpoint(page))
    fields["journal"] = m.group("journal").strip()
    return certain_ref(text, "article", fields, normalize_pinpoint(page))


def _thesis(text: str, clean: str) -> FullRef | None:
    m = _THESIS.match(clean)
    authors = _authors(m.group("who")) if m is not None else ()
    if m is None or not authors:
        return None
    kind = "mastersthesis" if re.match(r"(?i)m[ée]moire|tesi\sdi\slaurea|master", m.group("kind")) else "phdthesis"
    fields: dict[str, FieldValue] = {"author": authors, "title": m.group("title").strip(), "school": m.group("school").strip()}
    if m.group("year"):
        fields["year"] = m.group("year")
    pin = m.group("pin")
    return certain_ref(text, kind, fields, normalize_pinpoint(re.sub(r"^p\.\s?", "", pin)) if pin else None)


def _titled(text: str, clean: str) -> FullRef | None:
    m = _TITLED.match(clean)
    if m is None:
        return None
    authors = _authors(m.group("who"))
    if not authors:
        return None
    fields: dict[str, FieldValue] = {"author": authors, "title": m.group("title").strip(" ,"), "year": m.group("year")}
    kind = "misc"
    rest = [seg.strip() for seg in m.group("rest").split(", ") if seg.strip()]
    numbered = [seg for seg in rest if _NUMBERED.search(seg)]
    if m.group("label") and _NUMBERED.search(m.group("label")):
        numbered.append(m.group("label"))
    named = [seg for seg in rest if seg not in numbered and seg[:1].isupper()]
    if any(_THESIS_WORD.search(seg) for seg in rest):
        return None  # "*Title*, PhD thesis, …" without its university: a thesis, read elsewhere
    gazette = m.group("gazette") or _official_journal(rest, m)
    if gazette:
        kind, fields["howpublished"] = "legislation", gazette
    elif len(named) == 2 and not numbered:  # "*Titel*, München, C.H. Beck, 2020": its place and publisher
        kind, fields["address"], fields["publisher"] = "book", named[0], named[1]
    elif m.group("page") and named and not numbered:
        kind, fields["publisher"] = "book", named[0]  # "DUGUIT Léon, *Titre*, Dalloz, 2003, p. 68 s."
    elif numbered:
        kind, fields["number"] = "report", numbered[0]
        if named:
            fields["institution"] = named[0]
    elif named:
        fields["howpublished"] = named[0]
    pin = m.group("pin") or (m.group("page") and re.sub(r"^p\.\s?", "", m.group("page")))
    return certain_ref(text, kind, fields, normalize_pinpoint(pin) if pin else None)


# An official journal opening the segments after the title: "Journal officiel, n°206, 5 septembre 2013".
_JOURNAL_OFFICIEL = re.compile(r"^(?:Journal\s[Oo]fficiel|J\.\s?O\.|JORF|Bulletin\s[Oo]fficiel|BOE|G\.\s?U\.)\b")


def _official_journal(rest: list[str], m: re.Match[str]) -> str | None:
    """The official journal and its issue and date printed after an act's title, or None."""
    if not rest or not _JOURNAL_OFFICIEL.match(rest[0]):
        return None
    dated = m.string[m.start("rest") : m.end("year")].lstrip(", ")
    return dated


def _authors(who: str) -> tuple[Name, ...]:
    """The people (with initials) or the bodies (several words) ``who`` names."""
    particle = _PARTICLE_AFTER.match(who)  # "BOIS DE GAUDUSSON Jean (du)": the particle put back before the family
    if particle is not None:
        return (Name(family=f"{particle.group('particle')} {particle.group('family')}", given=particle.group("given")),)
    who = re.sub(r"\s\([^()]{1,60}\)", "", who).strip()  # "ITTIG-CNR (oggi IGSG-CNR)": a former name aside
    if _INITIALS.search(who + " ") or all(_CAPS_FAMILY.fullmatch(p) for p in re.split(r",\s|\set\s|\sand\s", who)):
        return split_names(who)  # "A. Roe", "ROE Jane et DOE John" (the French doctoral manner)
    if _ONE_WORD.match(who):
        return (Name(family=who, given="", literal=False),)
    bodies = re.split(r"\s(?:e|et|and|y|und)\s(?=[A-Z])", who)
    if all((_BODY.match(b) or len(bodies) > 1 and _ACRONYM.match(b)) and not _person(b) for b in bodies):
        return tuple(Name(family=b, given="", literal=True) for b in bodies)
    return ()


def _person(name: str) -> bool:
    """ "Jane Roe": a known given name before one to two capitalised words is a person."""
    words = name.split()
    return len(words) <= 3 and words[0].lower() in lexicon.western_given_names() and all(w[:1].isupper() for w in words)
