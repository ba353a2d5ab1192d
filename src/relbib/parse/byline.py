"""Title-first notes with a by-line: "*Arts at Home*, by J. C. Roe, Leeds, 1839, p. 116." → a FullRef.

Input: the text of one note (italics as ``*…*``, from ingest) that no
subsequent-form, legal or archival reader took.
Output: for a title — in italics, in quotation marks, or plain capitalised
words — then "by"/"By" and a personal name (or, in older notes, the name
first: "Dr. Roe. *Title*", "Roe gives in his *Title* (London, 1843)"; or none at
all, a title and its imprint: "“The State of Ireland.” London, 1807.") (honorifics such as "Rev." or
"Dr." and letters such as "M.D." or "Esq." dropped), then an edition, a
place, a year and a locator, each optional, a FullRef (a book) of the author,
title, place, year and pinpoint; else None.  Nineteenth-century notes print
works so ("*Political Economy for Beginners*, by Millicent Roe, Chap. III,
p. 25.", "*Indian Tales*. By Rev. Wm. Roe. London, 1804."), and so do notes
citing a web page or a video by its maker ("*Mapping the Past*, by Ann Roe").
Never: read a note whose "by" follows prose ("as shown by Roe": the title
must be in italics or quotation marks, or in title case), a note whose
by-line names no person, look at other notes, or touch files.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from relbib import lexicon
from relbib.model import FieldValue, FullRef, freeze_fields
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import split_names

__all__ = ["read_byline_note"]

# A signal or a lead-in before the title: "See", "Compare", "Cf.".
_SIGNAL = r"(?:(?:See|Compare|Comp\.|Cf\.|Vide)(?:\salso)?,?\s)?"
# The title: "*Title*", "“Title,”" (its closing comma or stop inside the quotes), or
# plain words up to the comma or stop before "by" (checked for title case below).
_TITLE = (r"(?:\*(?P<italic>[^*]{2,300})\*[,.]?"
          r"|[\u201c\"](?P<quoted>[^\u201c\u201d\"]{2,300}?)[,.]?[\u201d\"][,.]?"
          r"|(?P<plain>[A-Z][^*\u201c\u201d\";:()]{2,200}?)[,.])(?:,?\setc\.)?")
# One word of a personal name: "J.", "Wm.", "Ph.", "Millicent", "O’Brien", "de".
_NAME_WORD = r"(?:[A-Z][a-z]{0,2}\.|[A-Z][\w\u2019'-]+|de|du|van|von|la|le|d[\u2019'])"
# The by-line: the person's name (two to six words, a capitalised family last) and
# their letters ("M.D.", "Esq.", "F.R.S.E.", "M.P.": capitals and stops).
_HONORIFIC = "|".join(sorted((re.escape(w.capitalize()) for w in lexicon.person_titles()), key=len, reverse=True))
# An office after the name: "Canon of Manchester", "Fellow of the Royal Society".
_OFFICE = r",\s[A-Z][a-z]+\sof\s(?:the\s)?[A-Z][\w\u2019'-]+(?:\s[A-Z][\w\u2019'-]+){0,3}"
_BYLINE = re.compile(
    rf"^{_SIGNAL}{_TITLE}\s(?:by|By)\s(?:the\s)?(?:(?:{_HONORIFIC})\.?\s)*"
    rf"(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,5}})(?:,\s(?:[A-Z][a-z]?\.){{1,5}}|,\sEsq\.?|{_OFFICE})*"
    r"(?=[,.]|(?<=\.)\s|\s*$|\s\()"  # a stop, the space after letters ("M.D. 3rd Ed."), an imprint's bracket
)
# The older author-first form: the name closed by a full stop, then the title in italics
# ("Dr. Cowan. *Vital Statistics of Dundee*.", "Adam Smyth. *Wealth of Towns* I, …");
# the family name of three letters or more ("Vol. I. *…*" is no author).
_STOPPED_AUTHOR = re.compile(
    rf"^{_SIGNAL}(?:(?:{_HONORIFIC})\.?\s)*(?P<name>(?:{_NAME_WORD}\s){{0,4}}[A-Z][\w\u2019'-]{{2,}})"
    rf"(?:,\s(?:[A-Z][a-z]?\.){{1,5}}|,\sEsq\.?|{_OFFICE})*\.\s\*(?P<italic>[^*]{{2,300}})\*"
)
# A work named in prose by its author: "Carlyle gives in his *Past and Present* (London, 1843) …",
# "Quoted by Dr. Wade from the Report …, in his *History of the Classes*. London, 1835." (the
# name opens the note or follows "by"; no full stop between it and the title).
_IN_HIS = re.compile(
    rf"^(?:[A-Z][a-z]+(?:\s[a-z]+){{0,2}}\sby\s)?(?:(?:{_HONORIFIC})\.?\s)*"
    rf"(?!(?:The|A|An|This|That|These|Those|His|Her|Its|In|On|At|It|He|She)\b)"
    rf"(?P<name>(?:{_NAME_WORD}\s){{0,3}}[A-Z][\w\u2019'-]{{2,}}),?\s(?:[^*.]{{0,200}}?\s)?in\s(?:his|her)\s"
    r"(?:[a-z]+\s){0,4}?\*(?P<italic>[^*]{2,300})\*"  # "in his bulky book entitled *Title*"
)
# A title and its imprint, no author: "“The State of Ireland.” London, 1807.", "*Annals of Leeds*. Leeds, 1840."
_TITLE_IMPRINT = re.compile(
    rf"^{_SIGNAL}(?:\*(?P<italic>[^*]{{2,300}})\*|[\u201c\"](?P<quoted>[^\u201c\u201d\"]{{2,300}}?)[,.]?[\u201d\"])"
    r"(?=[,.]?\s[A-Z\d])"
)
# What may follow the by-line, one part each: an edition ("2nd Ed.", "3rd ed."), a place
# ("London", "London and Manchester"), a year, a publisher's kind of work ("Pamphlet").
_EDITION = re.compile(r"^(?:\d{1,2}(?:st|nd|rd|th|d)|new|revised)\s(?:ed|edn|edition)\.?$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:(?P<place>[A-Z][\w\u2019'-]+(?:\s(?:and|&|upon|on)\s[A-Z][\w\u2019'-]+)?),?\s)?"
                   r"(?P<year>1[4-9]\d\d|20\d\d)$")
_PLACE = re.compile(r"^[A-Z][\w\u2019'-]+(?:\s(?:and|&|upon|on)\s[A-Z][\w\u2019'-]+)?$")
_KIND = re.compile(r"^(?:Pamphlet|Tract|Broadside|Folio|\d\svols)\.?$", re.IGNORECASE)
# A locator closing the citation: "p. 116 et seq.", "pp. 9–13", "Chap. XXI", "vol. II, ch. 3".
_LOCATOR_WORDS = "|".join(sorted((re.escape(w) for w in lexicon.old_locators() if len(w) > 1 or w == "p"),
                                 key=len, reverse=True))
_LOCATOR = re.compile(rf"^(?i:{_LOCATOR_WORDS})\.?\s?[\dIVXLCivxlc]")
_PAGE = re.compile(r"^pp?\.\s?(?P<pages>\d.*)$")
# A sentence of prose after the citation ("The author is a Liberal."): the citation ends.
_SENTENCE_END = re.compile(r"(?<=[a-z\d\u2019*]{2}\.)\s(?=[A-Z\u201c\"*])")
_PROSE = re.compile(r"\b(?:is|was|are|were|has|had|be|been|the|of|in|a|an|to|which|who|this|that)\b")
# Where the citation ends: a quotation after a colon, a remark after a stop and a dash.
_QUOTATION_OR_REMARK = re.compile(r":\s[\u201c\"]|(?<=[.,])\s?\u2014")
# Parts that are no field: a volume number right after the title ("I"), the edition described ("McCulloch’s edition in one volume").
_ASIDE = re.compile(r"^(?:[IVX]{1,4}|.*\bedition\b.*)$")
# A motto in quotation marks printed with the imprint ("“Fiat Justitia,” 1833").
_MOTTO = re.compile(r"[\u201c\"][^\u201c\u201d\"]{1,60}[\u201d\"],?\s?")
# More pages after a page part ("pp. 405, 406"), an imprint in brackets after the title.
_MORE_PAGES = re.compile(r"^\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?$")
_IMPRINT_BRACKET = re.compile(r"^[,.]?\s?\((?P<inside>[^()]{4,80})\)")
_PAGE_AFTER_BRACKET = re.compile(r",\s(?P<page>pp?\.\s?\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?)\.?$")
_MONTHS = frozenset(w for w in lexicon.month_words(("en",)) if w.isalpha())
# A stop that closes an abbreviation, not a part: "p.", "pp.", "Chap.", "Vol.", "Sec.", "No.".
_ABBREVIATION = re.compile(r"(?:^|\s)(?i:pp?|ch|chap|cap|vol|vols|sec|sect|no|nos|art|bk|pt|col)\.$")


def read_byline_note(text: str) -> FullRef | None:
    """The book a title-first note with a by-line, or an older author-first note
    ("Name. *Title*, …"), cites; or None."""
    m = _BYLINE.match(text.strip()) or _STOPPED_AUTHOR.match(text.strip()) or _IN_HIS.match(text.strip())
    if m is None:
        return _title_and_imprint(text)
    title = (m.group("italic") or _group(m, "quoted") or _group(m, "plain") or "").strip(" ,.")
    if _group(m, "plain") is not None and not _title_case(title):
        return None
    authors = split_names(m.group("name"))
    if not authors or any(a.literal for a in authors):
        return None
    fields: dict[str, FieldValue] = {"author": authors, "title": title}
    pin = _read_tail(text.strip()[m.end():], fields)
    if pin is False:
        return None
    return FullRef(text=text, type="book", fields=freeze_fields(fields),
                   confidence=MappingProxyType(dict.fromkeys(fields, 1.0)),
                   pinpoint=normalize_pinpoint(pin) if isinstance(pin, str) else None)


def _title_and_imprint(text: str) -> FullRef | None:
    """ "“The State of Ireland.” London, 1807.": a title and a place or year after it, nothing else."""
    m = _TITLE_IMPRINT.match(text.strip())
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"title": (m.group("italic") or m.group("quoted")).strip(" ,.")}
    pin = _read_tail(text.strip()[m.end():], fields)
    if pin is False or not ({"year", "address"} & set(fields)):
        return None
    return FullRef(text=text, type="book", fields=freeze_fields(fields),
                   confidence=MappingProxyType(dict.fromkeys(fields, 1.0)),
                   pinpoint=normalize_pinpoint(pin) if isinstance(pin, str) else None)


def _group(m: re.Match[str], name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _title_case(title: str) -> bool:
    """Plain words read as a title: most long words capitalised ("The Cotton
    Mills of Lancashire"), not a sentence ("Published and dedicated to …")."""
    words = [w for w in re.findall(r"[A-Za-z][\w\u2019'-]*", title) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


def _citation_sentences(tail: str) -> str:
    """The tail up to the first sentence of prose ("… 1832. Dr. Roe confuses the
    classes, otherwise an excellent pamphlet."), a quotation ("p. 36: “…”") or a
    remark after a dash ("1833.—Depicting chiefly …"): what follows the citation."""
    tail = _MOTTO.sub("", _QUOTATION_OR_REMARK.split(tail, maxsplit=1)[0])
    for stop in _SENTENCE_END.finditer(tail):
        following = tail[stop.end():]
        sentence = _SENTENCE_END.split(following, maxsplit=1)[0]
        if len(sentence.split()) >= 4 and _PROSE.search(sentence):
            return tail[: stop.start() + 1]
    return tail


def _parts(tail: str) -> list[str]:
    """The comma- or stop-separated parts of the tail, an abbreviation's stop
    kept inside its part ("p. 28", "Chap. XXI", "3rd Ed. 1832" is two parts)."""
    parts: list[str] = []
    for piece in re.split(r"(?<=[,.])\s", tail.strip()):
        if parts and _ABBREVIATION.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p.strip(" ,.") for p in parts if p.strip(" ,.")]


def _read_tail(tail: str, fields: dict[str, FieldValue]) -> str | None | bool:
    """Edition, place, year and locator after the by-line into ``fields``; the
    pinpoint (or None); False when the tail is neither these nor prose."""
    pin: str | None = None
    bracket = _IMPRINT_BRACKET.match(tail)
    if bracket is not None:  # "(London, 1843) a splendid description …": the imprint, then remarks
        page = _PAGE_AFTER_BRACKET.match(tail, bracket.end())  # "(London, 1843), p. 33.": and the page cited
        tail = bracket.group("inside") + (", " + page.group("page") if page is not None else "")
    for part in _parts(_citation_sentences(tail)):
        if not part or _EDITION.match(part) or _KIND.match(part) or _ASIDE.match(part):
            continue
        year = _YEAR.match(part)
        if year is not None and (year.group("place") or "").lower() in _MONTHS:
            return False  # "October, 1842": an issue's date (relbib.parse.title_alone), no imprint
        if year is not None and "year" not in fields and pin is None:
            fields["year"] = year.group("year")
            if year.group("place"):
                fields["address"] = year.group("place")
            continue
        page = _PAGE.match(part)
        if page is not None or _LOCATOR.match(part):
            pin = page.group("pages") if page is not None else part if pin is None else f"{pin}, {part}"
            continue
        if part.startswith(("et seq", "*et seq")) and pin is not None:
            pin = f"{pin}, et seq"  # as printed
            continue
        if _MORE_PAGES.match(part):
            pin = part if pin is None else f"{pin}, {part}"  # "pp. 405, 406"; "*Title* by Ann Roe, 24–5."
            continue
        if _PLACE.match(part) and "address" not in fields and "year" not in fields and part.lower() not in _MONTHS:
            fields["address"] = part
            continue
        return False
    return pin
