"""Humanities notes the general readers miss: books and chapters, MLA notes, and
(through :mod:`relbib.parse.records`) archives, reference entries and newspapers.

Input: the text of one note (signal, trailing explanatory parentheticals and
subsequent forms already handled by split.py and forms.py).
Output: a FullRef when the whole note fits one of the shapes below, else None
so the general parser (reference.py: rules, then the CRF) reads it.
Never: guess — every part of the note must be understood or the reader
declines; look at other notes; touch a file.

The shapes (Chicago, Oxford, OSCOLA and MLA notes, and the European
law-journal style), besides the records of :mod:`relbib.parse.records`:

* books and chapters whose facts of publication close in one bracket, in any
  of the styles' spellings — ``(Place: Publisher, Year)``, ``(Place, Year)``,
  ``(Oxford UP, 1999)``, ``(4th edn, OUP 2019)``, ``(London, 1984; repr.
  Aldershot, 1986)``, ``(Law Com No 249, 1998)`` — with titles that hold
  commas and year ranges (``Reform, 1830–1867``), editors before the book
  (``in X (ed.), Book``) or after it (``in Book, ed. X``), and the pages
  after the bracket (``45–70, at 52`` / OSCOLA ``47, 52`` / ``i. 210–33``);
* MLA notes without a bracket: ``Author, “Title,” Book, edited by X,
  Publisher, Year, pp. 55–72`` and ``Author, Title, translated by X,
  Publisher, Year, p. 88``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name
from relbib.parse import patterns as P
from relbib.parse.chicago import series_part
from relbib.parse.fields import certain_ref, clean_edition
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import looks_like_organisation, split_names, western_given_names
from relbib.parse.pages import expand_compressed, normalize_pages
from relbib.parse.records import (
    EXTRA_CHUNK,
    PERSON_WORD,
    PUBLISHER_WORD,
    REFERENCE_WORK,
    Read,
    archival_item,
    comma_chunks,
    newspaper_issue,
    reference_entry,
    software_or_data,
    web_page,
)

__all__ = ["read_humanities_note"]

# Lower-case words inside a person's name: particles (one home: the lexicon),
# and the joining words of a name such as "Duke of the Abruzzi".
_LOWER_JOINS = lexicon.name_particles() | frozenset(("of", "the", "and"))
# Articles that open a title and never a person's name.
_ARTICLES = frozenset(("The", "A", "An", "Die", "Der", "Das", "Le", "Les", "Il", "Lo", "El", "Los", "Las"))


# --- the facts of publication ------------------------------------------------------

_YEAR = re.compile(r"(?<![\d/])(?:1[4-9]\d\d|20\d\d)(?![\d/])")
_REPRINT = re.compile(r";\s*(?:repr\.|reprint(?:ed)?|rpt\.|reissued|new\s+edn?\.)")
_EDITION = re.compile(
    r"(?:^|,\s|\s)(?P<edition>(?:\d+(?:st|nd|rd|th)|2d|3d|rev\.|new|revised)\s+edn?\.?)(?=,|\s|$)",
    re.IGNORECASE,
)
_REPORT_NUMBER = re.compile(
    r"^(?P<number>(?:Law\sCom(?:mission)?\sNo|Scot\sLaw\sCom\sNo|Cm|Cmnd|Cmd|CP|HC|HL\sPaper|"
    r"SI|SR|Command\sPaper|Consultation\sPaper\sNo|Research\sPaper|Working\sPaper(?:\sNo)?)"
    r"\.?\s[\w/.-]{1,20})$"
)
# An editor or translator at the head of OSCOLA's bracket: "Anna Field tr", "J Roe and K Doe eds".
_ROLE_IN_FACTS = re.compile(r"^(?P<names>[A-Z][^,()]{1,80}?)\s(?P<role>tr|trans|eds?)\.?$")
_THESIS = re.compile(r"(?i)\b(?:diss\.|dissertation|thesis|DPhil|PhD)\b")
# After the bracket: "[i. |vol. 2, |2:]pages[, at|here pin]".
_VOLUME_LEAD = r"(?:(?P<vol>[ivxlc]{1,6}\.|vol\.\s?\d+,?|\d+:)\s?)?"
_PAGE = rf"\d+[a-z]?(?:\s?{lexicon.DASH}\s?\d+[a-z]?)?"
_AFTER = re.compile(
    rf"^{_VOLUME_LEAD}(?:pp?\.\s?)?(?P<first>{_PAGE})(?:,?\s(?:(?:at|here|esp\.)\s)?(?:pp?\.\s?)?"
    rf"(?P<second>{_PAGE}|paras?\s[\d.]+))?\.?$"
)
# Lines of a poem: "ll. 1369, 1865", "l. 40".
_LINES = re.compile(r"^(?P<pin>ll?\.\s?\d+(?:\s?[-\u2013]\s?\d+)?(?:,\s\d+(?:\s?[-\u2013]\s?\d+)?){0,20})\.?$")
_WORDED_PIN = re.compile(
    r"^(?P<pin>(?:paras?\.?|ch\.?|chs?|chap\.?|sch|pt|s|ss|art\.?|arts\.?|§§?|fos?\.|fols?\.|n\.|nn\.)"
    r"\s?[\w.]+(?:\s?[-\u2013]\s?[\w.]+)?(?:,\s(?:para|paras|n)\.?\s[\w.]+)?)\.?$"
)

# --- heads ------------------------------------------------------------------------------

_ROLE_AFTER_NAMES = re.compile(r"\s?\((?P<role>eds?|ed\.|eds\.|trans\.|comp\.|hrsg\.|Hrsg\.)\)$")
_ROLE_CHUNK = re.compile(r"^(?P<role>eds?\.?|trans\.|comp\.)$")
_ROLE_NAMES = re.compile(
    r"^(?P<role>ed\.|eds\.|edited\sby|trans\.|translated\sby|tr\.|introd\.|with\san\sintroduction\sby"
    r"|(?i:hg\.|hrsg\.|herausgegeben|übers\.|übersetzt)\svon)"  # German: "hg. von", "übers. von"
    r"\s(?P<names>.+)$"
)
_CORPORATE = re.compile(
    r"^(?:The\s)?(?:[A-Z][\w'\u2019&.-]*\s){0,6}(?:Team|Project|Lab|Laboratory|Consortium|Collective|"
    r"Group|Initiative|Commission|Office|Committee)$"
)
# A series after the editors: capitalised words and the volume's number.
# The word that names a series, closing a title's last chunk: "Harbour Classics", "Lantern Ebooks".
_SERIES_WORD = re.compile(r"(?i)\b(?:series|library|classics|e-?books|monographs|studies|texts)$")
_SERIES = re.compile(r"^[A-Z][\w'\u2019&.-]*(?:\s(?:[A-Z][\w'\u2019&.-]*|of|and|for|in|the|de|di)){1,10}(?:\s\d{1,4})?$")
_IN = re.compile(r"^,?\s?in\s", re.IGNORECASE)
_EDS_BEFORE_BOOK = re.compile(
    r"^(?P<names>[^,()]{2,160}?)\s?\((?:eds?\.?|hrsg\.|Hrsg\.|dir\.|coord\.)\),\s(?P<book>.+)$"
)
_QUOTES = {"\u2018": "\u2019", "\u201c": "\u201d", '"': '"', "'": "'"}


def read_humanities_note(text: str, *, archival_only: bool = False, programs_only: bool = False) -> FullRef | None:
    """The FullRef of a note in one of the shapes of the module docstring, or None.

    With ``archival_only`` only the shapes no other reader knows are tried
    (archival items, reference entries, newspaper issues): the general
    reader's rules read the rest first.  With ``programs_only`` only a program
    or a data set ("histmap (version 2.3), GitHub, 2020, URL"), which the
    legal readers would take for a web page.
    """
    clean = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    if not clean or len(clean) > 600:
        return None
    readers: tuple[Callable[[str], Read | None], ...] = (
        archival_item, reference_entry, newspaper_issue, software_or_data, web_page)
    if programs_only:
        readers, archival_only = (software_or_data,), True
    for read in readers if archival_only else (*readers, _bracketed, _mla, _older):
        found = read(clean)
        if found is not None:
            kind, fields, pin = found
            if not fields.get("title") and not fields.get("journal"):
                return None
            return certain_ref(text, kind, fields, normalize_pinpoint(pin) if pin else None)
    return None





# --- books and chapters with a bracket of facts ------------------------------------------


def _bracketed(text: str) -> Read | None:
    """Book, chapter or report whose facts of publication close in one bracket."""
    body = text.rstrip(" .")
    url = re.search(r",?\s(?:https?://|doi:|www\.)\S+$", body)
    if url:
        body = body[: url.start()]
    span = _facts_span(body)
    if span is None:
        return None
    start, end = span
    head, facts, after = body[:start].rstrip(" ,"), body[start + 1 : end - 1], body[end:].strip(" ,")
    if P.JOURNAL_VOLUME_CLOSES.search(head) and re.fullmatch(r"\d{4}", facts.strip()) and P.PAGE_RANGE_ONLY.fullmatch(after):
        return None  # "…, Title, Ger. Law J. 23 (2022) 226–256": a journal's volume and year (Elsevier), no book
    fields: dict[str, FieldValue] = {}
    kind = _read_facts(facts, fields)
    if kind is None:
        return None
    if url:
        fields["url"] = url.group(0).strip(" ,")
    read = _quoted_head(head, fields) if _title_quote(head) else _plain_head(head, fields)
    if read is None:
        return None
    kind = read if kind == "book" else kind
    if kind == "incollection" and REFERENCE_WORK.search(str(fields.get("booktitle", ""))):
        kind = "inreference"
    understood, pin = _after_facts(after, kind, fields)
    if not understood:
        return None
    return kind, fields, pin or None


def _facts_span(body: str) -> tuple[int, int] | None:
    """The last top-level bracket holding a year, and nothing but pages after it."""
    depth, close = 0, None
    for i in range(len(body) - 1, -1, -1):
        ch = body[i]
        if ch == ")":
            if depth == 0:
                close = i
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0 and close is not None:
                inner = body[i + 1 : close]
                if _YEAR.search(inner) and re.search(r"\d{4}\s?\]?$", inner.strip()):
                    return i, close + 1
                if len(body) - close > 60:
                    return None
                close = None
            if depth < 0:
                return None
    return None


def _read_facts(facts: str, fields: dict[str, FieldValue]) -> str | None:
    """Publisher, place, edition, report number and year of a bracket; the entry type."""
    if _THESIS.search(facts):
        return None
    years = _YEAR.findall(facts)
    fields["year"] = years[-1]
    reprint = _REPRINT.search(facts)
    # "(1374; repr., Leeds: Lantern, 2010)": a medieval work's year too is the original's
    original = re.fullmatch(r"\s*(?:c\.\s?)?(\d{3,4})\s*", facts[: reprint.start()]) if reprint else None
    if reprint and (len(years) > 1 or original):
        fields["origdate"] = original.group(1).zfill(4) if original else years[0]
        facts = facts[reprint.end() :]
    kind = "book"
    edition = _EDITION.search(facts)
    # OSCOLA's "edn" before "Publisher Year": "(3rd edn, UTET 2008)" names no place
    oscola = edition is not None and "edn" in edition.group("edition")
    if edition is not None:
        fields["edition"] = clean_edition(edition.group("edition"))
        facts = facts[: edition.start()] + facts[edition.end() :]
    chunks = [c.strip() for c in re.split(r",\s?", _YEAR.sub("", facts)) if c.strip(" .;")]
    for chunk in list(chunks):
        role = _ROLE_IN_FACTS.match(chunk)  # OSCOLA's "(Anna Field tr, Verso 2005)"
        if role is not None and (names := _name_list(role.group("names"))) is not None:
            fields["translator" if role.group("role").startswith("tr") else "editor"] = names
            chunks.remove(chunk)
            continue
        number = _REPORT_NUMBER.match(chunk)
        if number is not None:
            fields["number"] = number.group("number")
            chunks.remove(chunk)
            kind = "report"
    place = ", ".join(chunks).strip(" ,;")
    if re.search(r"\d", place) or len(place) > 120:
        return None
    if ":" in place:
        address, publisher = (p.strip() for p in place.split(":", 1))
        fields["address"], fields["publisher"] = address, publisher
    elif place and (PUBLISHER_WORD.search(place) or oscola):
        fields["publisher"] = place
    elif place:
        fields["address"] = place
    return kind


def _after_facts(after: str, kind: str, fields: dict[str, FieldValue]) -> tuple[bool, str | None]:
    """Whether what follows the bracket is pages (put in ``fields``) and a pinpoint, and the pinpoint."""
    if not after:
        return True, None
    worded = _WORDED_PIN.match(after) or _LINES.match(after)
    if worded is not None:
        return True, worded.group("pin")
    m = _AFTER.match(after)
    if m is None:
        return False, None
    if m.group("vol"):
        fields["volume"] = m.group("vol").strip(" ,.:").removeprefix("vol.").strip()
    first, second = m.group("first"), m.group("second")
    if kind in ("incollection", "inreference", "inproceedings") and (second or re.search(r"\D", first)):
        fields["pages"] = expand_compressed(normalize_pages(first))
        return True, second
    return True, f"{first}, {second}" if second else first


def _plain_head(head: str, fields: dict[str, FieldValue]) -> str | None:
    """ "Author[s][ (eds)], Title[, 2nd edn][, ed. X]" → names and title; the entry type."""
    chunks = comma_chunks(head)
    if not chunks:
        return None
    facts = dict(fields)
    k, names, role = _author_run(chunks)
    if names:
        fields[role] = names
    title = _leading_title(chunks[k:], fields)
    if not title and names:  # "Akten der Reichskanzlei, vol. 1, ed. X": no author, a title
        fields.clear()
        fields.update(facts)
        title = _leading_title(chunks, fields)
    if not title:
        return None
    if re.search(r"[\u201c\u201d\"]", ", ".join(title)) or len(", ".join(title).split()) > 40:
        return None
    if len(title) > 1 and _SERIES.match(title[-1]) and _SERIES_WORD.search(title[-1]) and "series" not in fields:
        fields["series"] = title.pop()  # "Title, Lantern Ebooks (…)": the publisher's series
    fields["title"] = ", ".join(title).strip(" ,.")
    if fields.get("number"):
        return "report"
    return "book"


def _author_and_title(before: str, title: str, fields: dict[str, FieldValue]) -> bool:
    """The names before a quoted title (if any) and the title into ``fields``;
    False when the text before the title is not a list of names."""
    before = before.strip(" ,")
    if before:
        names = _name_list(before)
        if names is None:
            return False
        fields["author"] = names
    fields["title"] = title.strip(" ,.")
    return True


def _quoted_head(head: str, fields: dict[str, FieldValue]) -> str | None:
    """ "Author, ‘Chapter’, in X (ed.), Book" / "Author, “Chapter,” in Book, ed. X"."""
    quote = _title_quote(head)
    assert quote is not None
    start, end, title = quote
    if head[end:].startswith(" in ") and not head[:end].rstrip("’”'\"").endswith(",") \
            and not P.EDITOR_MARK.search(head[end:]):  # "‘Aryanisation’ in Hamburg": a title's word
        return None  # (no comma, no editor: OSCOLA's chapter "‘Title’ in Ann Roe (ed), Book" has one)
    after = head[end:].strip(" ,")
    if not _author_and_title(head[:start], title, fields):
        return None
    if not _IN.match(after):
        return None
    container = _IN.sub("", after, count=1).strip()
    eds = _EDS_BEFORE_BOOK.match(container)
    if eds is not None:
        editors = _name_list(eds.group("names"))
        if editors is None:
            return None
        fields["editor"] = editors
        container = eds.group("book")
    book = _leading_title(comma_chunks(container), fields)
    if not book:
        return None
    fields["booktitle"] = ", ".join(book).strip(" ,.")
    return "incollection"


def _author_run(chunks: list[str]) -> tuple[int, tuple[Name, ...] | None, str]:
    """How many leading chunks name the authors (or editors), their names and role."""
    if len(chunks) < 2:
        return 0, None, "author"
    first = chunks[0]
    role = "author"
    m = _ROLE_AFTER_NAMES.search(first)
    if m is not None:
        first, role = first[: m.start()], "translator" if "trans" in m.group("role") else "editor"
    names = _name_list(first)
    if names is None:
        return 0, None, "author"
    k = 1
    while role == "author" and k < len(chunks) - 1 and P.INITIALS_NAME.match(first) and P.INITIALS_NAMES.match(chunks[k]):
        names, k = (*names, *split_names(chunks[k])), k + 1  # "G Howells, H Micklitz and T Wilhelmsson, Title"
    if len(chunks) > 2 and _ROLE_CHUNK.match(chunks[1]):
        role = "translator" if chunks[1].startswith("trans") else "editor"
        k = 2
    return k, names, role


def _name_list(text: str) -> tuple[Name, ...] | None:
    """The people (or body) of an author text, or None when it is no name list."""
    text = re.sub(r"\s(?:et\sal\.?|and\sothers)$", "", text.strip(" ,"))
    if _CORPORATE.match(text) or (looks_like_organisation(text) and " and " not in text):
        return (Name(family=text, literal=True),)
    parts = re.split(r",\s|\s(?:and|&)\s", text)
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 6 or not all(PERSON_WORD.match(w) for w in words):
            return None
        if all(w.lower() in _LOWER_JOINS for w in words):
            return None
        # "Documents on British Foreign Policy", "Die Tagebücher von …", "Akten der Reichskanzlei.
        # Die Regierung …" (a sentence's stop after a long word): a title, not a person
        if words[0] in _ARTICLES or any(w.islower() and w not in _LOWER_JOINS for w in words):
            return None
        if any(len(w) > 5 and w.endswith(".") for w in words[:-1]):
            return None
    if len(parts) == 1 and len(parts[0].split()) < 2:
        return None
    names = split_names(text)
    return names or None


def _extra(chunk: str, fields: dict[str, FieldValue]) -> bool:
    """Put an edition, editors, translators or a volume in ``fields``; False if none."""
    if series_part(chunk, fields):
        return True
    if EXTRA_CHUNK.match(chunk):
        if "ed" in chunk.lower() and re.match(r"\d|rev|new", chunk, re.IGNORECASE):
            fields["edition"] = clean_edition(chunk)
        elif chunk.lower().startswith("vol"):
            fields["volume"] = chunk.split()[-1]
        return True
    role = _ROLE_NAMES.match(chunk)
    if role is None:
        return False
    names = split_names(role.group("names"))
    if not names:
        return False
    key = "translator" if role.group("role").lower().startswith(("trans", "tr", "übers")) else "editor"
    if role.group("role").startswith(("introd", "with")):
        return True
    fields[key] = (*_tuple(fields.get(key)), *names)
    return True


def _leading_title(chunks: list[str], fields: dict[str, FieldValue]) -> list[str] | None:
    """The title's chunks, every chunk after them an extra (put in ``fields``); None otherwise."""
    title: list[str] = []
    for i, chunk in enumerate(chunks):
        if _extra(chunk, fields):
            rest = chunks[i + 1 :]
            # "…, ed. Marco Ferri, Corpus Christianorum 210": a series closes the list
            if rest and _SERIES.match(rest[-1]) and "series" not in fields:
                fields["series"] = rest.pop()
            return title if all(_extra(c, fields) for c in rest) else None
        title.append(chunk)
    return title


def _tuple(value: FieldValue | None) -> tuple[Name, ...]:
    return tuple(v for v in value if isinstance(v, Name)) if isinstance(value, tuple) else ()


# --- MLA notes without a bracket --------------------------------------------------------


def _mla(text: str) -> Read | None:
    """ "A, “Chapter,” Book, edited by X, Publisher, Year, pp. 1–9" / "A, Book, translated by X, P, Year, p. 8"."""
    body = text.rstrip(" .")
    url = re.search(r",?\s(?:https?://|doi:|www\.)\S+$", body)
    if url:
        body = body[: url.start()]
    if "(" in body:
        return None
    chunks = comma_chunks(body)
    year_at = max((i for i, c in enumerate(chunks) if re.fullmatch(r"\d{4}", c)), default=None)
    if year_at is None or year_at < 2:
        return None
    fields: dict[str, FieldValue] = {"year": chunks[year_at]}
    understood, pin = _mla_pages(chunks[year_at + 1 :], fields)
    if not understood:
        return None
    head = chunks[:year_at]
    publisher = head.pop() if PUBLISHER_WORD.search(head[-1]) else None
    if publisher is None:
        return None
    fields["publisher"] = publisher
    quote = _title_quote(", ".join(head))
    if quote is not None:
        return _mla_chapter(", ".join(head), quote, fields, pin)
    k, names, role = _author_run(head)
    if not names:
        return None
    fields[role] = names
    rest = head[k:]
    if not rest or not all(_extra(c, fields) for c in rest[1:]):
        return None
    fields["title"] = rest[0].strip(" ,.")
    return "book", fields, pin


def _mla_chapter(head: str, quote: tuple[int, int, str], fields: dict[str, FieldValue],
                 pin: str | None) -> Read | None:
    start, end, title = quote
    if not _author_and_title(head[:start], title, fields):
        return None
    book = comma_chunks(_IN.sub("", head[end:].strip(" ,"), count=1))
    if not book or not any(_ROLE_NAMES.match(c) for c in book[1:]):
        return None
    fields["booktitle"] = book[0].strip(" ,.")
    for chunk in book[1:]:
        if not _extra(chunk, fields):
            return None
    return "incollection", fields, pin


def _mla_pages(chunks: list[str], fields: dict[str, FieldValue]) -> tuple[bool, str | None]:
    """ "pp. 55–72[, p. 60]" / "p. 88" after the year: whether they are pages, and the pinpoint."""
    pin: str | None = None
    for chunk in chunks:
        m = re.fullmatch(rf"(?P<pp>pp?\.)\s?(?P<pages>{_PAGE})", chunk)
        if m is None:
            return False, None
        if m.group("pp") == "pp." and "pages" not in fields and re.search(r"\D", m.group("pages")):
            fields["pages"] = expand_compressed(normalize_pages(m.group("pages")))
        else:
            pin = m.group("pages")
    return True, pin


# --- older notes: "Author, Title, Place, Year, p. 9" -------------------------------------

# A pinpoint chunk of an older note: "p. 186", "pp. 43 ff.", "ch. X", "Book V", "Book II ch. X",
# "§ 23", "I 384" (volume and page), "passim"; the second page of "pp. 91, 122" on its own.
_OLD_PIN = re.compile(
    r"^(?:(?:pp?\.\s?)?\d+[a-z]?(?:[\s\u2060]?[-\u2013][\s\u2060]?\d+)?(?:\sff?\.?)?|(?:ch|chap|chaps)\.\s[IVXLC\d]+"
    r"|(?:Book|Bk\.|Part|Lect\.|Lecture)\s[IVXLC\d]+(?:\sch\.\s[IVXLC\d]+)?|\u00a7\u00a7?\s?\d+|[IVXL]{1,5}\s\d+"
    r"|vol\.\s[IVXLC\d]+(?:,?\sp\.\s\d+)?|passim)$"
)
# One place of publication: "London", "New York", "St. Louis", "N.Y.", "U.S.A." (one word, so
# that "Glück, Dritter Theil" keeps its part in the title).
_ONE_PLACE = r"(?:(?:(?:New|San|Saint|St\.|Fort|Le|La)\s)?[A-Z][a-z]+\.?|[A-Z]\.(?:[A-Z]\.)+)"
_OLD_PLACE = re.compile(rf"^{_ONE_PLACE}(?:\sand\s{_ONE_PLACE})?$")  # "New York and Chicago"
# A publisher between the place and the year (the French and Italian manner, no bracket):
# an acronym ("PUF", "CNRS Éditions") or a name with a publisher's word ("Presses universitaires de …").
_OLD_PUBLISHER = re.compile(
    r"^(?:[A-Z]{2,6}(?:\s[ÉE]ditions)?|(?:[A-ZÉ][\w'\u2019.-]*\s)?(?i:Presses?|[ÉE]ditions|Verlag|Edizioni|Editore|Press)"
    r"(?:\s[\w'\u2019.-]+){0,6})$"
)
_OLD_EDITION = re.compile(
    r"(?i)^(?:\d+(?:st|nd|rd|th|d|me|e|te|ème)|new|revised)\s(?:edition|edn?\.?|édition|éd\.|Auflage|Aufl\.|thousand)$"
)  # "26th thousand": the printing, as nineteenth-century title pages count it
# A chunk that makes the note a periodical's, a thesis or a publisher's: left to the other readers.
_NOT_BOOK_CHUNK = re.compile(
    r"^in\s|\b(?:Journal|Review|Revue|Magazine|Quarterly|Bulletin|Zeitschrift|Proceedings|Transactions|"
    r"Thèse|Dissertation|Co\.)(?!\w)|&"
)


def _older(text: str) -> Read | None:
    """ "R. W. Emerson, Lectures and Sketches, 1868, p. 186" / "Marcus Aurelius, Meditations,
    Book V, ch. X": an older note without a bracket, its facts closing the chunks."""
    body = text.rstrip(" .")
    if re.search(r"[()\u201c\u201d\"\[\]]", body):
        return None
    chunks = comma_chunks(body)
    colon = ": " in chunks[0]
    if colon:  # "Marcus Aurelius: Meditations, Book V": the colon closes the author
        chunks[:1] = [part.strip() for part in chunks[0].split(": ", 1)]
    if len(chunks) < 3 or ":" in ", ".join(chunks[1:]):
        return None
    names = _name_list(chunks[0])
    # without the colon, only a name that reads as a person's ("R. W. Emerson", "Henry Wood")
    # opens the note: "Women’s Work in Wartime, London, 1920" is a title
    if names is None or not (colon or _reads_as_person(chunks[0])):
        return None
    if any(w.islower() and w not in _LOWER_JOINS for w in chunks[0].split()):
        return None  # "Quoted by Lejeune: …": a remark before the author
    fields: dict[str, FieldValue] = {"author": names}
    end, pins = _older_facts(chunks, fields)
    # without the colon form, a page ("p. 9") or a place of publication must show a book:
    # "Sir Geoffrey Palmer, Attorney-General, 1660" is a life, "…, 1661–69" no page
    if not colon and not ("address" in fields or pins and re.match(r"pp?\.|[IVXL]+\s|ch|Book|\u00a7", pins[0])):
        return None
    title = _leading_title(chunks[1:end], fields)
    if not title or not (pins or "year" in fields) or any(_NOT_BOOK_CHUNK.search(c) for c in title):
        return None
    if len(", ".join(title).split()) > 25:
        return None
    fields["title"] = ", ".join(title)
    pin = ", ".join(pins).removeprefix("pp. ").removeprefix("p. ") if pins else None
    return "book", fields, pin


def _older_facts(chunks: list[str], fields: dict[str, FieldValue]) -> tuple[int, list[str]]:
    """Pinpoint, year ("no date"), place and edition chunks closing an older note, read
    from the end into ``fields``; where the title's chunks end, and the pinpoint's chunks."""
    end = len(chunks)
    pins: list[str] = []
    while end > 2 and _OLD_PIN.match(chunks[end - 1]) and not _YEAR.match(chunks[end - 1]):
        end -= 1
        pins.insert(0, chunks[end])
    if end > 2 and (_YEAR.fullmatch(chunks[end - 1]) or chunks[end - 1] in ("no date", "n.d.")):
        end -= 1
        if chunks[end][0].isdigit():
            fields["year"] = chunks[end]
        if end > 3 and _OLD_PUBLISHER.match(chunks[end - 1]) and _OLD_PLACE.match(chunks[end - 2]):
            end -= 1  # "Paris, PUF, 1981", "Lille, Presses universitaires du Septentrion, 1981"
            fields["publisher"] = chunks[end]
        places: list[str] = []
        while end > 2 and len(places) < 2 and _OLD_PLACE.match(chunks[end - 1]):
            end -= 1
            places.insert(0, chunks[end])
        if places:
            fields["address"] = ", ".join(places)
    if end > 2 and _OLD_EDITION.match(chunks[end - 1]):
        end -= 1
        fields["edition"] = clean_edition(chunks[end])
    return end, pins


def _reads_as_person(text: str) -> bool:
    """ "R. W. Emerson", "Henry Wood": initials or a known given name open the name."""
    first = text.split()[0].rstrip(".")
    return len(first) == 1 or first.lower() in western_given_names() or first.lower() in lexicon.person_titles()


# --- small helpers ------------------------------------------------------------------------




def _title_quote(text: str) -> tuple[int, int, str] | None:
    """Span and body of the first quoted title opening at the start or after ", "."""
    for m in re.finditer(r"(?:^|(?<=,\s))([\u2018\u201c\"'])", text):
        closer = _QUOTES[m.group(1)]
        begin = m.end()
        for close in re.finditer(re.escape(closer), text[begin:]):
            stop = begin + close.start()
            nxt = text[stop + 1 : stop + 2]
            if nxt and nxt not in ",. ;:":
                continue  # an apostrophe inside a word ("Women’s")
            if stop - begin >= 2:
                return m.start(), stop + 1, text[begin:stop]
        return None
    return None
