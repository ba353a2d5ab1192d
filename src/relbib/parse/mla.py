"""Works-cited entries written as notes: MLA 7 and 8, and author-date bibliography lines.

Input: the text of one note (italic marks ``*…*`` may remain; they are read
as evidence and taken off), after the readers of subsequent forms and legal
citations.
Output: a FullRef when the whole note is one entry of a works-cited list or
a bibliography, its parts closed by full stops — "Roe, Jane. *Title*. Trans.
Ann Doe. Paris: Vaillot, 1853. Print." — else None, so the other readers try.
Never: guess (every sentence of the note must be understood, or the reader
declines); look at other notes; touch a file but its packaged word list.

The sentences, in order:

* the authors ("Jane Roe", "Roe, Jane, and Ann Doe", "Roe, Jane, ed."), or
  none when the note opens with its title;
* in the author-date manner, the year ("Roe, Jane. 2005." / "Roe, J. (2005)");
* the title: quoted (an article, a chapter, a web page: a container follows)
  or not (a book);
* the container: a journal with its volume, year and pages ("*Journal*
  12.3 (2001): 45-67"), a newspaper by its date ("*Times* 3 May 2010: A4"),
  a book ("*Book*", "in Book"), a web site; or a thesis ("Diss. U of X, 2005");
* a book's extras: "Ed. X", "Trans. X", "Edited by X", "Vol. 2", "2nd ed.",
  a series;
* the imprint: "Place: Publisher, Year", "Place, Year", "Publisher, Year",
  and in the author-date manner "Place: Publisher";
* a chapter's pages, the page cited, and MLA 7's medium ("Print", "Web" and
  the date the page was seen), which is no part of any field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name
from relbib.parse.dates import parse_date
from relbib.parse.fields import certain_ref
from relbib.parse.italics import italic_runs, strip_marks
from relbib.parse.names import split_names
from relbib.parse.note_tidy import organisation_lead
from relbib.parse.pages import expand_compressed, normalize_pages
from relbib.parse.records import PERSON_WORD, PUBLISHER_WORD

__all__ = ["read_mla_note"]


@cache
def _media() -> frozenset[str]:
    """MLA 7's media of publication ("Print", "Web", "DVD"), as printed."""
    text = resources.files("relbib.lexicon").joinpath("data", "mla_media.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True, slots=True, kw_only=True)
class _Sentence:
    """One full-stop-closed part of an entry, without its marks."""

    text: str
    quoted: bool  # a title in quotation marks
    italic: bool  # set in italics whole


_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_PAGE = rf"\d{{1,5}}[a-z]?(?:\s?{lexicon.DASH}\s?\d{{1,5}}[a-z]?)?"
_PAGES = re.compile(rf"^(?:pp?\.\s?)?(?P<page>{_PAGE})$")
# "Roe, J. (2005) Title": the author-date year in brackets, read as its own sentence.
_BRACKET_YEAR = re.compile(rf"(?<=[\w.])\s\((?P<year>{_YEAR}[a-z]?)\)[.,]?\s(?=\S)")
# MLA 7 may close an entry with its URL in angle brackets: "… Web. 4 June 2012. <http://…>."
_URL_END = re.compile(r"\s<?(?P<url>https?://[^\s<>]{1,400}?)>?\.?$")
# The straight quotation mark closing a title: before a stop, a comma or a space.
_STRAIGHT_CLOSE = re.compile(r'"(?=[.,?!]?(?:\s|$))')
_YEAR_SENTENCE = re.compile(rf"^\(?(?P<year>{_YEAR})[a-z]?\)?$")
# Words whose full stop closes no sentence: "St. Louis", "Rev. ed.", "p. 8".
_ABBREVIATIONS = frozenset("st dr mr mrs no nos rev ca c p pp repr rpt introd sel univ dept ms".split()) | frozenset(
    w.lower().rstrip(".") for w in lexicon.month_words(("en",)) if len(w.rstrip(".")) <= 4)  # "3 Dec. 2012"
# Words that open a sentence whose stop is no end: "Ed. Ann Doe", "Trans. Ann Doe", "Vol. 3".
_OPENERS = frozenset("ed eds trans tr vol vols comp".split())
_ARTICLES = frozenset(("The", "A", "An"))
_CONTRIBUTORS = re.compile(r"^[A-Z][\w.-]{1,40}(?:\s[A-Z][\w.-]{1,40}){0,3}\scontributors$")
_MONTHS = frozenset(w.lower().strip(".") for w in lexicon.month_words(("en",)))
# A sentence naming editors or translators: "Ed. Ann Doe", "Trans. Ann Doe", "Edited by Ann Doe".
_ROLE = re.compile(
    r"^(?P<role>(?i:eds?\.|trans\.|tr\.|comp\.|edited\sby|translated\sby|compiled\sby|"
    r"ed\.\sand\strans\.|trans\.\sand\sed\.|introd\.|with\san\sintroduction\sby))\s(?P<names>[^:;]{2,200}\S)$"
)
_ROLE_AFTER_NAMES = re.compile(r",\s(?P<role>eds?\.?|trans\.?|comp\.?|editors?|translators?)$")
_VOLUME = re.compile(r"^(?i:vols?\.|volume)\s(?P<vol>[\dIVXLC]{1,6}(?:\s?[-\u2013]\s?[\dIVXLC]{1,6})?)$|^\d{1,3}\svols$")
_EDITION = re.compile(r"^(?i:(?:\d{1,2}(?:st|nd|rd|th|d)|rev\.|revised|new|expanded|abr\.)\s(?:ed|edn)\.?)$")
# A series between the book and its imprint: "Harvard English Studies 14", "Arden Shakespeare (Third Series)".
_SERIES = re.compile(r"^[A-Z][^.:;\u201c\u201d\"]{1,90}$")
# A journal and its numbers: "*Journal* 12.3 (2001): 45-67", "Journal 16, no. 2 (December 2023): 529",
# "Journal 102.1, 2007: 1–10", "Journal, vol. 3, no. 1 (2015): 42-54"; the journal's name may
# stand in the sentence before.
_JOURNAL = re.compile(
    rf"^(?:(?P<journal>[^\d:()]{{2,150}}?)[.,]?\s)?(?:vol\.\s)?(?P<vol>\d{{1,4}})(?:[.:](?P<no>\d{{1,4}})|,\sno\.\s(?P<no2>\d{{1,4}}))?"
    rf"(?:\s\((?:[A-Z][a-z]{{2,9}}\.?\s)?(?P<year>{_YEAR})\)|,\s(?P<year2>{_YEAR}))"
    rf"(?::\s?(?P<pages>{_PAGE}))?$"
)
# "Place: Publisher[, Year][, page]" / "Place[; Place], Publisher" / "Publisher, Year" / "Place, Year".
_COLON_IMPRINT = re.compile(
    rf"^(?P<place>[^:;\d]{{2,60}}?(?:\s?;\s?[^:;\d]{{2,60}}?)?):\s(?P<publisher>[^:\d]{{2,120}}?)"
    rf"(?:,\s(?P<year>{_YEAR}|n\.\s?d\.?))?(?:,\s(?:pp?\.\s?)?(?P<pin>{_PAGE}))?$"
)
_COMMA_IMPRINT = re.compile(rf"^(?P<who>[^:\d]{{2,120}}?),\s(?P<year>{_YEAR})$")
_PLACES_THEN_PUBLISHER = re.compile(r"^(?P<place>[^:\d]{2,60}?\s;\s?[^:\d]{2,60}?),\s(?P<publisher>[^:;\d]{2,80})$")
_ACCESSED = re.compile(r"^(?i:accessed|last\saccessed|retrieved|viewed)(?:\son)?\s(?P<date>[\w ,]{4,40})$")
# A remark before the citation's authors, closed by its signal: "For an account of X, see ".
_SEE_NAMES = re.compile(r"(?:^|[,;:]\s|\s)(?:[Ss]ee(?:\salso)?|[Cc]f\.|[Cc]ompare)\s(?=[A-Z][^\s,]{0,40}(?:\s[^\s,]{1,40}){0,5}$)")
# "in Kirby Roe, Ed": a chapter's book named by its editor first.
_EDITOR_LEAD = re.compile(r"^(?P<names>[^,.]{3,80}),\s(?i:eds?)\.?$")
# A book's sentence closing with its editors and the chapter's pages: "Book, edited by X, 19–37".
_PAGES_CLOSING = re.compile(rf",\s(?:pp\.\s?)?(?P<pages>\d{{1,5}}\s?{lexicon.DASH}\s?\d{{1,5}})$")
_ROLE_INSIDE = re.compile(r",\s(?=(?:edited|translated)\sby\s|(?:eds?|trans)\.\s)")
# A newspaper's or magazine's issue by its date, and the pages: "*Times* 3 May 2010, late ed.: A4".
_NEWSPAPER = re.compile(
    rf"^(?P<paper>[^\d:]{{2,100}}?)\s(?P<date>\d{{1,2}}\s[A-Z][a-z]{{2,8}}\.?\s{_YEAR})(?:,\s[^:,]{{2,30}}\sed\.?)?"
    rf":\s(?P<pages>[A-Z]?\d{{1,4}}(?:\s?{lexicon.DASH}\s?[A-Z]?\d{{1,4}})?\+?)$"
)
_THESIS_WORD = re.compile(r"^(?i:diss|(?:ph\.?d\.?|m\.?a\.?|m\.?s\.?|master's)\s(?:diss|thesis)|thesis)$")
# A web page's publisher and date: "Publisher, 3 May 2010", "n.p., n.d.".
_WEB_FACTS = re.compile(r"^(?P<publisher>[^\d]{2,120}?),\s(?P<date>[^,]{3,30})$")


def read_mla_note(text: str) -> FullRef | None:
    """The FullRef of a note that is one works-cited entry (see the module docstring), or None."""
    clean = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    if not clean or len(clean) > 600 or ". " not in clean:
        return None
    url = _URL_END.search(clean)
    clean = _BRACKET_YEAR.sub(_year_sentence, clean[: url.start()] if url else clean, count=1)
    sentences = _sentences(clean)
    if sentences is None or len(sentences) < 2:
        return None
    found = _read_entry(sentences)
    if found is None:
        return None
    kind, fields, pin = found
    if url is not None:
        fields["url"] = url.group("url")
    ref = certain_ref(text, kind, fields,
                      (normalize_pages(pin) if re.search(r"\D", pin) else pin) if pin else None)
    # a web page's uninverted lead names a body ("Wehrtechnik Museum. “Title.” Accessed …"); a
    # book's or an article's a person, as MLA 7 notes print them ("Lee Roe. “Title.” *Journal* …")
    return organisation_lead(ref, strip_marks(clean)) if kind == "online" else ref


def _year_sentence(m: re.Match[str]) -> str:
    """ "Roe, J. (2005) Title" → "Roe, J. 2005. Title"."""
    stop = "" if m.string[m.start() - 1] == "." else "."
    return f"{stop} {m.group('year')}. "


# --- sentences ------------------------------------------------------------------------------


def _sentences(text: str) -> list[_Sentence] | None:
    """The entry's sentences; None where a quotation mark does not close."""
    runs = {run.start: run.end for run in italic_runs(text)}
    out: list[_Sentence] = []
    start = i = 0
    while i < len(text):
        if i in runs:
            i = runs[i]
            continue
        if i == start and text[i] in "\u201c\"":
            close = _quote_end(text, i)
            if close is None:
                return None
            out.append(_sentence(text[start:close]))
            i = start = close
            while start < len(text) and text[start] in ". ":
                start += 1
            i = start
            continue
        if text[i] == "." and text[i + 1 : i + 2] in (" ", "") and not _abbreviation(text, start, i):
            out.append(_sentence(text[start : i + 1]))
            start = i = i + 2
            continue
        i += 1
    if text[start:].strip(" ."):
        out.append(_sentence(text[start:]))
    return [s for s in out if s.text] if all(s.text for s in out[:1]) else None


def _sentence(raw: str) -> _Sentence:
    raw = raw.strip()
    quoted = raw[:1] in "\u201c\"" and len(raw) > 2
    if quoted:
        body = raw[1:-1].strip()
        return _Sentence(text=strip_marks(body.rstrip(".,") if body[-1:] in ".," else body), quoted=True, italic=False)
    runs = italic_runs(raw)
    italic = len(runs) == 1 and runs[0].start == 0 and runs[0].end >= len(raw.rstrip(".,"))
    text = strip_marks(raw).strip(" .")
    if re.search(r"(?:^|[\s.,])[A-Z]$", text) and raw.rstrip().endswith("."):
        text += "."  # "Roe, J.": the initial keeps its stop
    return _Sentence(text=text, quoted=False, italic=italic)


def _quote_end(text: str, start: int) -> int | None:
    """Where the quoted title opening at ``start`` ends (after its closing mark)."""
    if text[start] == '"':
        m = _STRAIGHT_CLOSE.search(text, start + 1)
        return m.end() if m else None
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "\u201c":
            depth += 1
        elif text[i] == "\u201d":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation, not the sentence."""
    space = text.rfind(" ", start, stop)
    word = text[max(start, space + 1) : stop].lstrip("(")
    after = text[stop + 2 : stop + 6]
    if re.fullmatch(r"[A-Z]", word):  # "J. J. M. Tobin", not "Roe, J. 2005" nor "Roe, Jane A. The Title"
        return bool(re.match(r"[A-Z][a-z]*\.?", after)) and after.split(" ")[0] not in _ARTICLES
    lower = word.lower()
    if lower in _ABBREVIATIONS:
        return True
    if lower in ("vol", "vols") and re.match(r"[\dIVXLC]", after):
        return True  # "Journal, vol. 3, no. 1 (2015)": MLA 8's volume inside its container
    return lower in _OPENERS and space < start  # "Ed. Ann Doe", not "2nd ed."


# --- the entry ------------------------------------------------------------------------------

_Read = tuple[str, dict[str, FieldValue], str | None]
# The page cited where a sentence holds it ("Place: Publisher, 8", "(1973): 398"): kept with
# the fields while the sentences are read, and taken out before the entry is made.
_PIN = "_pin"


def _read_entry(sentences: list[_Sentence]) -> _Read | None:
    """Entry type, fields and pinpoint of an entry's sentences, or None."""
    fields: dict[str, FieldValue] = {}
    body, pins, web = _closing(sentences, fields)
    if body is None:
        return None
    k = _head(body, fields)
    if k is None or k >= len(body):
        return None
    title, rest = body[k], body[k + 1 :]
    year = _YEAR_SENTENCE.match(rest[0].text) if k == 0 and rest and "year" not in fields else None
    if year is not None and (title.quoted or title.italic):
        fields["year"], rest = year.group("year"), rest[1:]  # "“Title.” 2018. Site. …": no author, then the year
        dated = parse_date(rest[-1].text)[1] if len(rest) == 2 else None
        if title.quoted and not pins and (len(rest) == 1 or dated) and not _JOURNAL.match(rest[0].text):
            fields["title"], fields["howpublished"] = title.text, rest[0].text  # "… Port Wiki. May 2, 2018."
            if dated:
                fields["date"] = dated
            return "online", fields, None
    fields["title"] = title.text
    if title.quoted and web:
        kind = _web_page(rest, fields)
    elif title.quoted:
        kind = _thesis(rest, fields) or _article(rest, fields) or _newspaper(rest, fields) or _chapter(rest, fields)
    else:
        kind = _thesis(rest, fields) or _book(rest, fields)
    if kind is None or not _place_pins(kind, pins, fields):
        return None
    pin = fields.pop(_PIN, None)
    return kind, fields, pin if isinstance(pin, str) else None


def _closing(sentences: list[_Sentence], fields: dict[str, FieldValue]) -> tuple[list[_Sentence] | None, list[str], bool]:
    """The sentences before the closing pages and medium, the pages (as printed), and
    whether the medium is the web (its access date put in ``fields``)."""
    body = list(sentences)
    pins: list[str] = []
    web = False
    medium = next((i for i in range(len(body) - 1, 0, -1) if body[i].text in _media()), None)
    if medium is not None:
        after = body[medium + 1 :]
        web = body[medium].text == "Web"
        if web and after:
            year, iso = parse_date(" ".join(s.text for s in after))
            if not year or len(after) > 1:
                return None, [], False
            fields["urldate"] = iso or year
            after = []
        pins = [s.text for s in after]
        body = body[:medium]
    accessed = _ACCESSED.match(body[-1].text) if medium is None else None
    if accessed is not None:  # "… Accessed May 3, 2020. https://…" (MLA 8, Chicago's bibliography)
        year, iso = parse_date(accessed.group("date"))
        if not year:
            return None, [], False
        fields["urldate"], web = iso or year, True
        body.pop()
    while len(body) > 2 and len(pins) < 3 and _PAGES.match(body[-1].text):
        pins.insert(0, body.pop().text)
    pages = [m.group("page") for m in map(_PAGES.match, pins) if m is not None]
    if len(pages) != len(pins) or len(pins) > 2:
        return None, [], False
    return body, pages, web


def _head(body: list[_Sentence], fields: dict[str, FieldValue]) -> int | None:
    """How many sentences name the authors (and the author-date year); their names into ``fields``."""
    first = body[0]
    k = 0
    if not first.quoted and not first.italic:
        lead = first.text
        see = _SEE_NAMES.search(lead) if _names(lead) is None else None
        if see is not None:  # "For an account of X, see Ann Roe. “Title” …": a remark, then the citation
            lead = lead[see.end() :]
        role = _ROLE_AFTER_NAMES.search(lead)
        names = _names(lead[: role.start()] if role else lead)
        if names is None:
            return None
        key = "author" if role is None else ("translator" if role.group("role").startswith("trans") else "editor")
        fields[key] = names
        k = 1
    year = _YEAR_SENTENCE.match(body[k].text) if k < len(body) else None
    if year is not None:
        fields["year"] = year.group("year")
        k += 1
    return k


def _names(text: str) -> tuple[Name, ...] | None:
    """The people of an author sentence, or None when it names no one."""
    text = re.sub(r",?\set\sal\.?$", "", text.strip(" ,"))
    if _CONTRIBUTORS.match(text):  # "Wikipedia contributors": a body of writers
        return (Name(family=text, literal=True),)
    parts = [p for p in re.split(r",\s(?:and\s)?|\s(?:and|&)\s", text) if p]
    if not parts or len(parts) > 12:
        return None
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 5 or not all(PERSON_WORD.match(w) for w in words):
            return None
        if words[0] in _ARTICLES or any(w.islower() and w not in lexicon.name_particles() for w in words):
            return None
    # one word alone names no one unless the comma inverts the name: "Roe, Jane"
    if all(len(p.split()) < 2 for p in parts) and ", " not in text:
        return None
    names = split_names(text)
    return names or None


def _place_pins(kind: str, pins: list[str], fields: dict[str, FieldValue]) -> bool:
    """The closing numbers: a chapter's or article's range first (when it has none), then the page cited."""
    if pins and kind in ("incollection", "article") and "pages" not in fields and re.search(r"\D", pins[0]):
        fields["pages"] = expand_compressed(normalize_pages(pins.pop(0)))
    if len(pins) > 1 or (pins and _PIN in fields):
        return False
    if pins:
        fields[_PIN] = pins[0]
    return True


# --- the kinds --------------------------------------------------------------------------------


def _article(rest: list[_Sentence], fields: dict[str, FieldValue]) -> str | None:
    """ "*Journal* 12.3 (2001): 45-67" (or "Journal. 45.4 (2002): 727–54"): an article."""
    if not rest or len(rest) > 2:
        return None
    m = _JOURNAL.match(rest[-1].text)
    if m is None or (m.group("journal") or "").split(" ")[-1].strip(".").lower() in _MONTHS:
        return None  # "Accessed November 23, 2024": a date, no journal
    journal = m.group("journal") if len(rest) == 1 else (rest[0].text if not m.group("journal") else None)
    if not journal:
        return None
    fields["journal"] = journal.strip(" ,.")
    fields["volume"] = m.group("vol")
    if m.group("no") or m.group("no2"):
        fields["number"] = m.group("no") or m.group("no2")
    fields["year"] = m.group("year") or m.group("year2")
    pages = m.group("pages")
    if pages and re.search(r"\D", pages):
        fields["pages"] = expand_compressed(normalize_pages(pages))
    elif pages:
        fields[_PIN] = pages
    return "article"


def _newspaper(rest: list[_Sentence], fields: dict[str, FieldValue]) -> str | None:
    """ "*The Harbour Times* 3 May 2010: A4": an article of a newspaper or magazine, by its date."""
    m = _NEWSPAPER.match(rest[0].text) if len(rest) == 1 else None
    year, iso = parse_date(m.group("date")) if m is not None else ("", "")
    if m is None or not year:
        return None
    fields["journal"], fields["year"] = m.group("paper").strip(), year
    if iso != year:
        fields["date"] = iso
    pages = m.group("pages").rstrip("+")
    if re.search(lexicon.DASH, pages):
        fields["pages"] = normalize_pages(pages)
    else:
        fields[_PIN] = pages
    return "article"


def _thesis(rest: list[_Sentence], fields: dict[str, FieldValue]) -> str | None:
    """ "Diss. U of Lindfield, 2005" / "MA thesis. …": a thesis, its school and year."""
    if len(rest) != 2 or not _THESIS_WORD.match(rest[0].text):
        return None
    m = _COMMA_IMPRINT.match(rest[1].text)
    if m is None:
        return None
    fields["school"], fields["year"] = m.group("who").strip(), m.group("year")
    return "mastersthesis" if re.match(r"(?i)m\.?a|m\.?s|master", rest[0].text) else "phdthesis"


def _chapter(rest: list[_Sentence], fields: dict[str, FieldValue]) -> str | None:
    """ "*Book*. Ed. X. Place: Publisher, Year" / "in Book. Ed. X. …": a chapter."""
    if len(rest) < 2:
        return None
    book = re.sub(r"^[Ii]n\s", "", rest[0].text)
    lead = _EDITOR_LEAD.match(book)
    if lead is not None and len(rest) > 2:  # "in Kirby Roe, Ed. Book. Place: …": the editor, then the book
        names = _names(lead.group("names"))
        if names is None:
            return None
        fields["editor"], book, rest = names, rest[1].text, rest[1:]
    pages = _PAGES_CLOSING.search(book)  # "In *Book*, edited by X, 19–37.": Chicago's bibliography
    if pages is not None:
        fields["pages"], book = expand_compressed(normalize_pages(pages.group("pages"))), book[: pages.start()]
    role = _ROLE_INSIDE.search(book)
    if role is not None:
        if not _extra(book[role.start() + 2 :], fields):
            return None
        book = book[: role.start()]
    fields["booktitle"] = book
    return "incollection" if _book(rest[1:], fields) else None


def _book(rest: list[_Sentence], fields: dict[str, FieldValue]) -> str | None:
    """Extras ("Ed. X", "Vol. 2", "2nd ed.", a series), then the imprint: a book."""
    if not rest or not _imprint(rest[-1].text, fields):
        return None
    series = 0
    for sentence in rest[:-1]:
        if _extra(sentence.text, fields):
            continue
        series += 1
        if series > 2 or sentence.quoted or not _SERIES.match(sentence.text):
            return None
        fields["series"] = sentence.text if "series" not in fields else f"{fields['series']}. {sentence.text}"
    return "book"


def _extra(text: str, fields: dict[str, FieldValue]) -> bool:
    """Put editors, translators, a volume or an edition in ``fields``; False if none."""
    role = _ROLE.match(text)
    if role is not None:
        if role.group("role").lower().startswith(("introd", "with")):
            return True
        names = _names(role.group("names"))
        if names is None:
            return False
        word = role.group("role").lower()
        for key in ("translator",) * ("tr" in word) + ("editor",) * ("ed" in word or "comp" in word):
            fields[key] = names
        return True
    volume = _VOLUME.match(text)
    if volume is not None:
        fields["volume"] = volume.group("vol") or text.split()[0]
        return True
    if _EDITION.match(text):
        fields["edition"] = text
        return True
    return False


def _imprint(text: str, fields: dict[str, FieldValue]) -> bool:
    """Place, publisher and year of an imprint sentence into ``fields``; False if it is none."""
    m = _COLON_IMPRINT.match(text)
    if m is not None:
        fields["address"], fields["publisher"] = m.group("place").strip(), m.group("publisher").strip(" ;")
        if m.group("year") and m.group("year")[0].isdigit():
            fields["year"] = m.group("year")
        if m.group("pin"):
            fields[_PIN] = m.group("pin")
        return True
    m = _COMMA_IMPRINT.match(text)
    if m is not None:
        fields["publisher" if PUBLISHER_WORD.search(m.group("who")) else "address"] = m.group("who").strip()
        fields["year"] = m.group("year")
        return True
    m = _PLACES_THEN_PUBLISHER.match(text)  # "Oxford ; New York, Oxford University Press" (author-date)
    if m is not None and "year" in fields and PUBLISHER_WORD.search(m.group("publisher")):
        fields["address"], fields["publisher"] = m.group("place").strip(), m.group("publisher").strip()
        return True
    return False


def _web_page(rest: list[_Sentence], fields: dict[str, FieldValue]) -> str | None:
    """ "*Site*. Publisher, 3 May 2010" before "Web.": a web page."""
    if not rest:
        return "online"  # "Body. “Title.” Accessed May 3, 2020. https://…"
    if len(rest) > 2:
        return None
    site = rest[0].text
    if _JOURNAL.match(site) or _imprint(site, {}):
        return None
    fields["howpublished"] = site
    if len(rest) == 2:
        m = _WEB_FACTS.match(rest[1].text)
        if m is None:
            return None
        if m.group("publisher").strip(" .").lower() != "n.p":  # "N.p., n.d.": no publisher, no date
            fields["organization"] = m.group("publisher").strip()
        year, iso = parse_date(m.group("date"))
        if year:
            fields["year"] = year
            if iso and iso != year:
                fields["date"] = iso
        elif m.group("date").strip(" .") not in ("n.d", "N.d"):
            return None
    return "online"
