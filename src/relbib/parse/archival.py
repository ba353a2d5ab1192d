"""Archival citations: an unpublished record cited by its archive, its call
number and a folio, as history writing cites them.

Input: the text of one note (subsequent forms and legal citations already
handled by the readers before this one).
Output: a FullRef of type ``unpublished`` when the whole note is an archival
citation (``misc`` for an interview, ``inproceedings`` for a paper presented),
else None so the other readers go on.  The archive is the
``organization`` (its full name when the lexicon knows the abbreviation), its
seat the ``address``, the call number (fonds, file, box, folder) the
``number``, the item (a letter, a memorandum, a quoted title) the ``title`` —
the call number when the note names no item — with its writer as ``author``
and its date; the folio or page is the pinpoint.
Never: look at other notes (an abbreviation defined in one note is matched to
a later note's by relbib.resolve through :func:`defined_abbreviation`), read a
publication (a bracket of facts, "ed.", "in:", a URL) as an archival item, or
touch a file.

The shapes (The Chicago Manual of Style, 17th ed., 14.221-14.246, and the
practice of journals of German and European history):

* archive first: ``Bundesarchiv Berlin (BArch), R 43 I/1234, fol. 56``,
  ``BArch, NS 19/1234, Bl. 5``, ``The National Archives, Kew (TNA), FO
  371/12345, Smith to Jones, 12 May 1923``, ``Politisches Archiv des
  Auswärtigen Amts (hereafter PA AA), R 1234``, ``Stadtarchiv München,
  Bürgermeister und Rat 123``;
* item first, archive last: ``Smith to Jones, 12 May 1923, Jones Papers, box
  4, folder 2, Hoover Institution Archives``; ``Memorandum by X, 3 March 1946,
  ibid.`` (the archive of the note before, left to the reader: ``note`` says
  ``ibid.``); a letter cited again without its archive, ``Smith to Jones, 12
  May 1923``.

Two other unpublished sources of history notes are read here too: interviews
and conversations (CMOS 14.219: ``X, interview by the author, Place, Date``,
``Interview with X, …``, ``X (role), in discussion with Y, …``, German
``Interview mit X``) → ``misc``; and papers presented at meetings (CMOS
14.217: ``X, “Title” (paper presented at the Annual Meeting of Y, Place,
Date)``, German ``(Vortrag auf dem …)``) → ``inproceedings``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name
from relbib.parse.chicago import title_quote
from relbib.parse.dates import parse_date
from relbib.parse.fields import certain_ref
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import looks_like_organisation, split_names
from relbib.parse.records import comma_chunks

__all__ = ["defined_abbreviation", "letter_in_book", "letter_in_edition", "read_archival_note"]

# The abbreviation a note defines for its archive: "(BArch)", "(hereafter PA AA)",
# "(henceforth TNA)", "(cited as IfZ)", "(im Folgenden: SAM)".
_DEFINED = re.compile(
    r"\s?\((?:(?:hereafter|henceforth|hereinafter|cited\sas|im\sFolgenden|künftig|fortan)[:,]?\s)?"
    r"(?P<abbr>[A-ZÄÖÜ][\w.&-]{0,11}(?:\s[A-Z][\w.&-]{0,6})?)\)"
)
# An abbreviation no lexicon knows, opening a later note: capitals ("SAM",
# "StAM", "HStA D"), short, no word of prose.
_CAPITALS = re.compile(r"^(?=(?:\S*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zäöü-]{0,7}(?:\s[A-Z][A-Za-z]{0,4})?$")
# A part of a call number: a letter group and a number ("R 43 I/1234", "FO
# 371/12345", "Rep. 77", "NS 19/1234"), or a number with a slash or a dot.
_SHELF = re.compile(r"(?:^|\s)(?:[A-Z][A-Za-z.]{0,6}\s?)?\d+(?:\s?[A-Z]{1,4})?(?:[/.]\d+)*\b|\d+/\d+")
# The folio or page cited.  A folio keeps its word (as records.py keeps "fo. 120"); a page drops it: "fol. 56",
# "fols. 5–7", "Bl. 5", "f. 12v", "S. 4", "p. 3", "pp. 3–4".
_LEAF = rf"[\dIVXLCivxlc]+[rv]?(?:\s?{lexicon.DASH}\s?\d+[rv]?|\s?ff?\.?)?"
_FOLIO = re.compile(
    rf"^(?:(?:S\.|pp?\.|pages?)\s?(?P<page>{_LEAF})|(?P<folio>(?:fols?\.|ff?\.|fos?\.|Bl\.|Blatt)\s?{_LEAF}))$"
)
_MONTH = rf"(?:{lexicon.month_pattern('en')}|{lexicon.month_pattern('de')}|{lexicon.month_pattern('fr')}|{lexicon.month_pattern('it')})\.?"
# A date an item carries: "12 May 1923", "May 12, 1923", "12. März 1923", "3.4.1938",
# "March 1946", "1923"; "n.d." for none.
_DATE = re.compile(
    rf"^(?:(?:c\.|ca\.|circa|vers)\s?)?(?:\d{{1,2}}(?:\.|er|º)?\s{_MONTH}\s\d{{4}}|{_MONTH}\s\d{{1,2}},?\s\d{{4}}"
    rf"|{_MONTH}\s\d{{4}}|\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{4}}|1\d{{3}}|20\d\d|n\.\s?d\.)$"
)
# "May 12, 1923": its comma is no comma between chunks.
_MONTH_DAY_YEAR = re.compile(rf"\b(?P<day>{_MONTH}\s\d{{1,2}}),\s(?P<year>\d{{4}})\b")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")
# "A to B" (a letter), "A an B" (German), "Memorandum by A" — the writer is the author.
_LETTER = re.compile(r"^(?P<sender>[A-ZÄÖÜ][^,;()\d]{1,60}?)\s(?:to|an|à|au|aux)\s(?P<to>[^,;()\d]{2,80})$")
# A letter named by its genre before its writer: "Letter from A", "Schreiben des B", "Lettre du C";
# what follows "from"/"von"/"de" is the writer, an article there names an office, not a person.
_GENRE_OF_LETTER = re.compile(
    r"^(?:(?:Private\s|Confidential\s)?(?:Letter|Telegram|Cable|Note|Report|Dispatch|Despatch)\sfrom"
    r"|(?:Petition|Memorial|Address|Remonstrance|Memorandum|Minute|Report)\s(?:of|by)(?=\s(?:the|a|an)\s)"
    r"|(?:Brief|Schreiben|Telegramm|Bericht|Vermerk|Aufzeichnung|Erlass|Runderlass)\s(?:von|(?P<de>vom|des|der))"
    r"|(?:Lettre|Télégramme|Rapport|Note|Dépêche|Circulaire)\s(?:de|(?P<fr>du|des|d'))|Lettera\s(?:di|(?P<it>del|della)))"
    r"\s?(?P<rest>.+)$"
)
_ARTICLE_OPENS = re.compile(r"(?i)^(?:" + "|".join(
    re.escape(a).replace(r"\ ", r"\s") for a in lexicon.definite_articles()) + r")(?:\b|(?<='))")
_BY = re.compile(r"^(?:[A-Z][a-z]+\s){1,3}(?:by|von|of)\s(?P<writer>[A-ZÄÖÜ][^,;()\d]{1,60})$")
# What marks a publication, never an archival record.
_PUBLICATION = re.compile(
    r"\((?:[^()]*:\s)?[^()]*\b(?:1[5-9]\d\d|20\d\d)\)|\b(?:ed\.|eds\.|hg\.|Hg\.|Hrsg\.|trans\.|in:|In:|vol\.\s\d+\s\()"
    r"|https?://|\bdoi\b|\bPress\b|\bVerlag\b"
)
# A department of a library or archive, named before the institution (CMOS 14.232).
_DEPARTMENT = re.compile(
    r"^(?:[A-Z][\w'-]*\s){0,4}(?:Collections?|Division|Department|Reading\sRoom|Manuscripts|Rare\sBooks?)"
    r"(?:\s(?:and|&)\s(?:[A-Z][\w'-]*\s?){1,4})?$"
)
_QUOTED_OPENING = re.compile(r"^(?P<quoted>[\u201c\"][^\u201d\"]+[\u201d\"])\s(?P<rest>\S.*\d.*)$")
_QUOTED = re.compile(r"^[\u201c\u201e\"\u2018'](?P<title>.+?)[,.]?[\u201d\u201c\"\u2019']$")


def read_archival_note(text: str) -> FullRef | None:
    """The FullRef of an archival citation (see the module docstring), or None."""
    clean = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(".")
    if not clean or len(clean) > 400:
        return None
    presented = _presented(clean)
    if presented is not None:
        return _full(text, "inproceedings", *presented)
    if _PUBLICATION.search(clean):
        return None
    clean = _MONTH_DAY_YEAR.sub(r"\g<day> \g<year>", clean)
    clean = re.sub(r",([\u201d\u2019\"])(?=\s)", r"\1,", clean)  # "“Title,” 3 May": the comma closes the chunk
    interview = _interview(clean)
    if interview is not None:
        return _full(text, "misc", interview, None)
    same_file = re.match(r"^(?:Ibid|Ebd|Ebenda|Ibidem)\.?,\s(?P<rest>.+)$", clean)
    letter = _letter_alone(comma_chunks(same_file.group("rest"))) if same_file is not None else None
    if letter is not None:  # "Ibid., Lund to Kern, 5 May 1912": another letter of the file cited before
        return _full(text, "unpublished", {**letter, "note": "ibid."}, None)
    clean = _ARCHIVE_THEN_NUMBER.sub(r"\g<archive>, ", clean, count=1)  # "VW-Konzernarchiv 67/149/1"
    chunks = _abbreviation_apart([part for chunk in comma_chunks(clean) for colon in _folio_then_item(chunk)
                                  for part in _quote_then_date(colon)])
    pin = None
    # the folio closes the note, or stands after the file before the item cited in it
    # ("BArch, R 43 II/1234, fol. 56, Lammers to Frick, 3 Mar. 1934")
    leaves = [(i, m) for i, c in enumerate(chunks) if i > 1 and (m := _FOLIO.match(c))]
    if len(leaves) == 1 and (leaves[0][0] == len(chunks) - 1 or leaves[0][1].group("folio")):
        at, folio = leaves[0]
        pin = folio.group("page") or folio.group("folio")
        del chunks[at]
    record = _read_chunks(chunks) or _letter_alone(chunks)
    return None if record is None else _full(text, "unpublished", record, pin)


# A letter printed in an edition: "Lund to Kern, 3 May 1912, in A. Roe (ed.), The Letters …, vol. 2
# (Oxford, 1990), p. 12", German "Lund an Kern, 3.5.1912, in: Eva Vogt (Hg.), Briefe, Kassel 1990, S. 12".
_IN_EDITION = re.compile(
    r"^(?P<item>[^,;()\d\u201c\u201d]{3,120}?),\s(?P<date>[^,;()]{4,25}?),\s"
    r"(?:in:?|dans|printed\sin|reprinted\sin|abgedruckt\sin:?)\s(?P<book>\S.{5,400})$"
)


def letter_in_edition(text: str) -> tuple[dict[str, FieldValue], str] | None:
    """The letter's fields (title, writer, its date in ``note``) and the text citing the book
    it is printed in, when ``text`` cites a letter in an edition; else None."""
    clean = _MONTH_DAY_YEAR.sub(r"\g<day> \g<year>", re.sub(r"\s+", " ", text).strip())
    m = _IN_EDITION.match(clean)
    if m is None or not _DATE.match(m.group("date")) or _LETTER.match(m.group("item")) is None:
        return None
    fields: dict[str, FieldValue] = {"title": m.group("item"), "note": m.group("date")}
    writer = _writer(m.group("item"))
    if writer:
        fields["author"] = writer
    return fields, m.group("book")


def letter_in_book(text: str, letter: dict[str, FieldValue], book: FullRef) -> FullRef | None:
    """The letter as a part (``incollection``) of the ``book`` that prints it; None when the
    book reads as no book (no title, or a journal's article)."""
    title = book.fields.get("title")
    if not isinstance(title, str) or not title or book.type not in ("book", "collection", "misc"):
        return None
    fields = {**letter, "booktitle": title}
    for key in ("editor", "address", "publisher", "year", "volume", "series", "edition"):
        if book.fields.get(key):
            fields[key] = book.fields[key]
    if book.fields.get("author"):
        fields["bookauthor"] = book.fields["author"]  # "in Tom Lund, Collected Letters": the book's author
    return replace(_full(text, "incollection", fields, None), pinpoint=book.pinpoint)


def _letter_alone(chunks: list[str]) -> dict[str, FieldValue] | None:
    """ "Lammers to Frick, 3 Mar. 1934": a letter cited again by its writer, addressee and date."""
    # ("Memorandum by X, 1946" names no letter: a document without its archive, left to the
    # others; a letter's day is written: "The Road to Serfdom, 1944" is no letter)
    if len(chunks) != 2 or not _DATE.match(chunks[1]) or _LETTER.match(chunks[0]) is None:
        return None
    writer = _writer(chunks[0])
    fields: dict[str, FieldValue] = {"title": chunks[0]}
    _set_date(fields, chunks[1])
    if writer is None or len(str(fields.get("date", ""))) != 10:
        return None
    fields["author"] = writer
    return fields


def _folio_then_item(chunk: str) -> list[str]:
    """ "fol. 5: Reichskanzlei to Auswärtiges Amt": the folio, and the item on it after a colon."""
    folio, colon, item = chunk.partition(": ")
    return [folio, item] if colon and item and _FOLIO.match(folio) else [chunk]


def _quote_then_date(chunk: str) -> list[str]:
    """ "“Title” n.d." / "“Title” 1978": a quoted item and its date with no comma between;
    "Vermerk des Ministeriums vom 3. März 1934": an item and its date after "vom" (of, dated)."""
    dated = re.match(r"^(?P<item>\D{3,})\s(?:vom|dated|of)\s(?P<date>.+)$", chunk)
    if dated is not None and _DATE.match(dated.group("date")):
        return [dated.group("item"), dated.group("date")]
    m = re.match(r"^(?P<quoted>[\u201c\"]?[^\u201c\u201d\"]+[\u201d\"])\s(?P<date>.+)$", chunk)
    if m is None or not _DATE.match(m.group("date")):
        return [chunk]
    quoted = m.group("quoted")
    return [quoted if quoted[0] in "\u201c\"" else "\u201c" + quoted, m.group("date")]


def _full(text: str, kind: str, fields: dict[str, FieldValue], pin: str | None) -> FullRef:
    """The FullRef of a note one of this module's readers understood whole."""
    return certain_ref(text, kind, fields, normalize_pinpoint(pin) if pin else None)


# --- interviews and conversations (CMOS 14.219) ----------------------------------------

# The people of an interview: one name, or a list closing with "and".
_PEOPLE = r"(?:[^,()]+,\s)*?[^,()]+,?\s(?:and|&|und)\s[^,()]+|[^,()]+"
# "Interview with X", "Discussion with X", German "Interview mit X", "Gespräch mit X".
_INTERVIEW_WITH = re.compile(
    rf"^(?P<title>(?:(?:Oral[- ]history|Telephone|Personal|Zoom|Skype)\s)?(?:Interview|Discussion|Conversation|"
    rf"Gespräch|Zeitzeugeninterview)\s(?:with|mit)\s(?P<who>[^,()]+?))(?:\s\([^()]{{1,40}}\))?"
    rf"(?:,\s(?:conducted\sby|by|geführt\svon)\s(?P<by>{_PEOPLE}))?(?=,|\s(?:on|am|at|in)\s|$)"
)
# "X, interview by Y", "X (Architect), in discussion with Y", "X, oral history interview with Y".
_INTERVIEWED = re.compile(
    rf"^(?P<who>[A-ZÄÖÜ][^,()]{{1,60}}?)(?:\s\([^()]{{1,40}}\))?,\s(?P<title>(?:(?:oral[- ]history|telephone)\s)?"
    rf"(?:interview\s(?:by|with)|in\sdiscussion\swith|in\sconversation\swith|conversation\swith)\s(?P<by>{_PEOPLE}))"
    rf"(?=,|$)"
)
# "VW-Konzernarchiv 67/149/1", "Stadtarchiv Kassel A 12/3": an archive and the call number
# that closes the note, with no comma between them.
_ARCHIVE_THEN_NUMBER = re.compile(
    r"^(?P<archive>(?:[A-ZÄÖÜ][\w-]*\s){0,3}[\w-]*(?:[Aa]rchiv|[Aa]rchives?)(?:\s[A-ZÄÖÜ][a-zäöü-]+)?)\s"
    r"(?=(?:[A-Z]{1,3}\s?)?\d[\w/.-]{0,20}(?:\s\d[\w/.-]{0,10})?$)"
)
# An interview by its number in an archive's catalogue (oral-history collections such as
# a visual history archive): "Eva Roe: Interview 8342, Oral History Archive, Foundation 1995".
_NUMBERED_INTERVIEW = re.compile(
    r"^(?P<who>[A-ZÄÖÜ][^,:;()\d]{1,60}?)[:,]?\s(?P<title>(?:Interview|Zeitzeugeninterview|Oral\shistory)\s(?:Nr\.\s|no\.\s)?\d{1,7})"
    r",\s(?P<archive>[^;]{2,160}?)\s(?P<year>1[89]\d\d|20\d\d)$",
    re.IGNORECASE,
)
# "May 9, 2015 at the former mine": a date and where the talk took place.
_DATE_AT = re.compile(r"^(?P<date>.+?\d{4})\s(?:at|in)\s(?P<place>.+)$")


def _interview(text: str) -> dict[str, FieldValue] | None:
    """Fields of an interview or conversation note (author: the person interviewed)."""
    numbered = _NUMBERED_INTERVIEW.match(text)
    names = split_names(numbered.group("who")) if numbered is not None else ()
    if numbered is not None and names:
        return {"author": names, "title": numbered.group("title"), "year": numbered.group("year"),
                "note": numbered.group("archive")}
    m = _INTERVIEW_WITH.match(text) or _INTERVIEWED.match(text)
    if m is None:
        return None
    who = m.group("who").strip()
    names = split_names(who) if len(who.split()) <= 5 and who[:1].isupper() else ()
    if not names:
        return None
    title = m.group("title").strip()
    # the title says what the source is; a note opening with the person names its author
    # (CMOS 14.219), one opening "Interview with …" leaves the person in the title
    fields: dict[str, FieldValue] = {"title": title[:1].upper() + title[1:]}
    if m.re is _INTERVIEWED:
        fields["author"] = names
    rest = comma_chunks(text[m.end() :].strip(" ,"))
    places: list[str] = []
    for chunk in rest:
        chunk = re.sub(r"^(?:am|on)\s(?=\d)", "", chunk)  # "Interview mit X am 28.6.1998 in Hamburg"
        at = _DATE_AT.match(chunk)
        if at is not None and _DATE.match(at.group("date")):
            chunk, places = at.group("date"), [*places, at.group("place")]
        if _DATE.match(chunk):
            _set_date(fields, chunk)
        elif re.search(r"\d", chunk) or "date" in fields:
            fields["note"] = ", ".join(filter(None, (str(fields.get("note", "")), chunk)))
        else:
            places.append(chunk)
    if places:
        fields["address"] = ", ".join(places)
    return fields


# --- papers presented at meetings (CMOS 14.217) ---------------------------------------

# "(paper presented at the Annual Meeting of X, Place, Month Year)[, page]", German "(Vortrag auf dem …)".
_PRESENTED = re.compile(
    r"^(?P<head>[^()]+?)\s\((?:(?:paper|lecture|talk|keynote|poster)\s(?:presented|given|delivered|read)\s(?:at|to|before)"
    r"|Vortrag\s(?:auf|bei|an|vor)(?:\s(?:dem|der|den))?)\s(?P<event>[^()]+?),\s(?P<place>[A-ZÄÖÜ][^,()\d]+(?:,\s[A-Z]{2})?),\s"
    rf"(?P<date>[^,()]*\d{{4}})\)(?:,\s(?P<pin>\d+(?:\s?{lexicon.DASH}\s?\d+)?))?$"
)


def _presented(text: str) -> tuple[dict[str, FieldValue], str | None] | None:
    """Fields and pinpoint of a paper presented at a meeting, read by its quoted title."""
    m = _PRESENTED.match(_MONTH_DAY_YEAR.sub(r"\g<day> \g<year>", text))
    quote = title_quote(m.group("head")) if m is not None else None
    if m is None or quote is None or quote[1] != len(m.group("head")) or not _DATE.match(m.group("date")):
        return None
    fields: dict[str, FieldValue] = {"title": quote[2].strip(" ,."), "booktitle": re.sub(r"^the\s", "", m.group("event")),
                                     "address": m.group("place")}
    before = m.group("head")[: quote[0]].strip(" ,")
    if before:
        names = split_names(before)
        if not names:
            return None
        fields["author"] = names
    _set_date(fields, m.group("date"))
    return fields, m.group("pin")


def defined_abbreviation(ref: FullRef) -> str | None:
    """The abbreviation an archival note defines for its archive ("(hereafter
    PA AA)"), when the archive is not already known by it."""
    organization = ref.fields.get("organization")
    if ref.type != "unpublished" or not isinstance(organization, str):
        return None
    m = _DEFINED.search(ref.text)
    if m is None or m.group("abbr") in lexicon.archives():
        return None
    return m.group("abbr")


# --- the chunks -------------------------------------------------------------------


def _read_chunks(chunks: list[str]) -> dict[str, FieldValue] | None:
    """Archive, seat, call number, item and date of an archival note's chunks."""
    at = next((i for i, c in enumerate(chunks) if _archive(c, chunks, i) is not None), None)
    if at is None:
        return None
    name, seat = _archive(chunks[at], chunks, at) or ("", "")
    fields: dict[str, FieldValue] = {}
    if name != "ibid.":
        fields["organization"] = name
    else:
        fields["note"] = "ibid."
    before, after = chunks[:at], chunks[at + 1 :]
    if after and not _shelf_like(after[0]) and (at and looks_like_organisation(after[0]) or _archive_word(after[0])):
        # "…, Ethnic Studies Library, University of California, Berkeley", "Landesarchiv
        # Baden-Württemberg, Hauptstaatsarchiv Stuttgart (HStAS), …": the archive's body
        fields["organization"] = f"{name}, {_DEFINED.sub('', after.pop(0)).strip()}"
    places = 0
    while after and places < 2 and _is_place(after[0], after[1:]) \
            and not (places == 0 and after[0].isupper()):  # "College Park, MD (NARA)"; "ACS, MI, …": a fonds
        seat = ", ".join(filter(None, (seat, _DEFINED.sub("", after.pop(0)).strip())))
        places += 1
    if at and 0 < len(after) <= 2 and all(_is_place(c, ()) for c in after):
        seat, after = ", ".join(after), []  # "…, Hoover Institution Archives, Stanford, CA"
    if seat:
        fields["address"] = seat
    if at == 0:
        opening = _QUOTED_OPENING.match(after[0]) if after else None
        if opening is not None:  # "USHMM, “Goudsmit Collection” Filename: 1944.03.30": the collection, then the file
            after[:1] = [opening.group("quoted"), opening.group("rest")]
            return _fill(fields, after[:1], after[1:])
        run = 0
        while run < len(after) and _shelf_like(after[run]):
            run += 1
        if run == 0 and len(after) >= 2 and _fonds_then_units(after):
            # "ACS, Ministero dell'Interno, b. 12, fasc. 3": the fonds by name, then its units
            fields["number"] = fields["title"] = ", ".join(after)
            return fields
        return _fill(fields, after[run:], after[:run])
    if len(before) > 1 and _DEPARTMENT.search(before[-1]) and not _shelf_like(before[-1]) \
            and not _DATE.match(before[-1]) and not _LETTER.match(before[-1]):
        # "…, box 3, Special Collections, Kell Library": the archive's department before its name
        fields["organization"] = f"{before.pop()}, {fields['organization']}"
    # item first ("Smith to Jones, 12 May 1923, Jones Papers, box 4, Archive"): a date or a unit must show it
    items, shelf = [c for c in before if not _shelf_like(c)], [c for c in before if _shelf_like(c)] + after
    if not any(_DATE.match(c) for c in items) and not _has_units(shelf):
        return None
    return _fill(fields, items, shelf)


def _fill(fields: dict[str, FieldValue], items: list[str], shelf: list[str]) -> dict[str, FieldValue] | None:
    """The item, its date and the call number into ``fields``; None when they do not fit."""
    dates = [c for c in items if _DATE.match(c)]
    items = [c for c in items if not _DATE.match(c)]
    if len(dates) > 1 or len(items) > 2 or any(not _shelf_like(c) for c in shelf):
        return None
    if not shelf and not items:
        return None
    if not shelf and "organization" in fields and not dates:
        return None  # "Archive, Title": a body's publication, for the other readers
    if shelf:
        fields["number"] = ", ".join(shelf)
    quoted_second = _QUOTED.match(items[1]) if len(items) == 2 else None
    genre_second = _WRITERS_GENRE.match(items[1]) if len(items) == 2 else None
    if (quoted_second or genre_second) is not None and (names := split_names(items[0])):
        # "Writer, “Letter from A to B,” date, …", "Jane Roe, diary entry, May 3, 1912, …"
        fields["author"], items = names, [items[1][:1].upper() + items[1][1:] if genre_second else items[1]]
    if items:
        title = ", ".join(items)
        quoted = _QUOTED.match(title)
        fields["title"] = quoted.group("title") if quoted else title.strip(" \u201c\u201d\"")
        if not quoted and "author" not in fields and (writer := _writer(title)):
            fields["author"] = writer
    else:
        fields["title"] = fields["number"]
    if dates:
        _set_date(fields, dates[0])
    return fields


def _archive(chunk: str, chunks: list[str], at: int) -> tuple[str, str] | None:
    """(full name, seat) when ``chunk`` names the archive of the note."""
    if chunk.lower() in ("ibid", "ibid.", "ebd.", "ebenda") and at:
        return "ibid.", ""
    bare = _DEFINED.sub("", chunk).strip()
    known = lexicon.archives()
    if bare in known:
        return known[bare], ""
    full = _known_name(bare)
    if full is not None:
        return full
    words = bare.split()
    if not words or not all(w[:1].isupper() or w.islower() and (len(w) <= 4 or w in _NAME_GOES_ON) for w in words):
        return None
    lowered = [w.lower().strip(".,") for w in words]
    strong = any(_names_archive(words, i) for i, w in enumerate(lowered)
                 if w.endswith(tuple(lexicon.archive_words("institution")))) or bool(_RECORD_OFFICE.search(bare))
    weak = bool(set(lowered) & lexicon.archive_words("institution-weak")) and _has_units(chunks)
    if (strong or weak) and len(words) <= 12:
        return bare, ""
    # "SAM, Bürgermeister und Rat 123" (or "A an B, 3.5.1926, SAM, …"): an abbreviation defined
    # earlier, before a call number ("ApJ, 644, 167" after a bare year, "BGH, Urteil vom …",
    # "PIERSON, supra note 7" are none)
    opens = at == 0 or _full_date(chunks[at - 1])
    if opens and chunk == bare and _CAPITALS.match(bare) and not re.fullmatch(r"[IVXLC]+", bare) \
            and _call_number(chunks, at + 1):
        return bare, ""
    return None


def _full_date(text: str) -> bool:
    """A date with its day ("3 Mar. 1934", "3.5.1926"), as a letter carries."""
    found: dict[str, FieldValue] = {}
    if _DATE.match(text):
        _set_date(found, text)
    return len(str(found.get("date", ""))) == 10


def _call_number(chunks: list[str], at: int) -> bool:
    """Whether ``chunks[at]`` opens as a call number does ("R 43 I/1234", "131-1 II", "Bürgermeister
    und Rat 123" after a fonds' words): short, no bracket, a shelfmark's letters and a number."""
    if at >= len(chunks) or len(chunks[at]) > 40 or re.search(r"[(:]", chunks[at]):
        return False
    return bool(re.match(r"(?:[A-ZÄÖÜ][\w.-]{0,6}\s?)?\d|(?:[A-ZÄÖÜ][\wäöü]+\s(?:und\s|and\s)?){1,3}\d", chunks[at]))


# What a writer kept, after the writer's name: "Jane Roe, diary entry, May 3, 1912" (CMOS 14.111).
_WRITERS_GENRE = re.compile(
    r"(?i)^(?:(?:diary|journal|notebook)(?:\sentry|\sentries)?|memorandum|notes?|Tagebuch(?:eintrag)?|Notiz"
    r"|journal\sintime|carnet)$"
)
# The English name of a county or city archive: "Newtown Record Office", "Kell Records Office",
# "Newtown History Centre" (the archive services of England and Wales).
_RECORD_OFFICE = re.compile(r"\b(?:Records?\sOffice|Record\sCentre|History\sCentre|Heritage\sCentre)$")
# Words that may follow an archive's kind inside its name: "Archives of American Art",
# "Archiv der sozialen Demokratie", "Archivio Centrale dello Stato", "Archives nationales".
_NAME_GOES_ON = frozenset("of for für des der di del dello della de du nationales national centrale départementales "
                          "municipales communales diplomatiques régionales historiques comunale provinciale la".split())


def _names_archive(words: list[str], i: int) -> bool:
    """Whether the archive word ``words[i]`` names the institution, not a title's
    subject ("The Archive and the Repertoire"): it closes the name, or the name goes on."""
    return all(w in _NAME_GOES_ON or w[:1].isupper() for w in words[i + 1 :])


def _archive_word(text: str) -> bool:
    """Whether a word of ``text`` is an archive's kind ("Hauptstaatsarchiv", "Archives")."""
    return any(w.lower().endswith(tuple(lexicon.archive_words("institution"))) for w in text.split())


def _abbreviation_apart(chunks: list[str]) -> list[str]:
    """ "BArch R 43 I/1234": a known abbreviation and the call number with no comma between."""
    if not chunks:
        return chunks
    for abbreviation in sorted(lexicon.archives(), key=len, reverse=True):
        rest = chunks[0][len(abbreviation) + 1 :]
        if chunks[0].startswith(abbreviation + " ") and _SHELF.search(rest) and not _DEFINED.match(" " + rest):
            return [abbreviation, rest, *chunks[1:]]
    return chunks


def _known_name(text: str) -> tuple[str, str] | None:
    """(full name, seat) when ``text`` is a known archive's full name, with its seat or not."""
    folded = lexicon.fold(text)
    for name in lexicon.archives().values():
        key = lexicon.fold(name)
        if folded == key:
            return name, ""
        if folded.startswith(key + " ") or folded.startswith(key + "-"):
            rest = text[len(name) :].strip(" -")
            if rest[:1].isupper() and len(rest.split()) <= 2:
                return name, rest  # "Bundesarchiv Berlin", "Bundesarchiv Berlin-Lichterfelde"
    return None


def _shelf_like(chunk: str) -> bool:
    """A part of a call number: a shelfmark with a number, a unit word, a collection's papers."""
    if _DATE.match(chunk) or _LETTER.match(chunk) or _QUOTED.match(chunk):
        return False
    words = {w.lower().rstrip(",") for w in chunk.split()}
    return bool(_SHELF.search(chunk)) or bool(words & lexicon.archive_words("unit"))


def _fonds_then_units(chunks: list[str]) -> bool:
    """A fonds named in words ("Ministero dell'Interno", "Reichskanzlei"), then units of it that
    carry a unit word ("b. 12", "fasc. 3", "box 4")."""
    at = next((i for i, c in enumerate(chunks) if _shelf_like(c)), len(chunks))
    fonds, units = chunks[:at], chunks[at:]  # "Ministero dell'Interno", or "MI, DGPS": a fonds and its series
    if not fonds or len(fonds) > 3 or any(_DATE.match(c) or _LETTER.match(c) or _QUOTED.match(c) or re.search(r"\d", c)
                                            for c in fonds):
        return False
    if len(fonds) > 1 and not all(re.fullmatch(r"[A-ZÄÖÜ][A-Za-zÄÖÜ.&-]{0,7}", c) for c in fonds):
        return False  # several chunks before the units: abbreviations of a fonds and its series only
    return all(c[:1].isupper() and len(c.split()) <= 6 for c in fonds) and _has_units(units) \
        and all(_shelf_like(c) for c in units)


def _has_units(chunks: list[str]) -> bool:
    return any({w.lower() for w in c.split()} & lexicon.archive_words("unit") for c in chunks)


def _is_place(chunk: str, rest: list[str] | tuple[str, ...]) -> bool:
    """A seat after the archive's name: one or two capitalised words, no number, no unit."""
    bare = _DEFINED.sub("", chunk).strip()
    words = bare.split()
    if not 1 <= len(words) <= 2 or re.search(r"\d", bare) or _shelf_like(bare) or _archive_word(bare):
        return False
    if not all(re.fullmatch(r"[A-ZÄÖÜ][\w.'-]*", w) for w in words):
        return False
    return not rest or any(_shelf_like(c) for c in rest) or _DEFINED.search(chunk) is not None


def _writer(title: str) -> tuple[Name, ...] | None:
    """The writer of a letter ("Smith to Jones") or a paper ("Memorandum by X")."""
    m = _LETTER.match(title) or _BY.match(title)
    if m is None:
        return None
    who = m.group("sender") if "sender" in m.groupdict() else m.group("writer")
    genre = _GENRE_OF_LETTER.match(who)
    if genre is not None:
        who = genre.group("rest")
        if genre.group("de") or genre.group("fr") or genre.group("it") or _ARTICLE_OPENS.match(who) \
                or who[:1].islower():
            return None  # "Schreiben des Oberpräsidenten", "Lettre du préfet": an office writes
    words = who.split()
    while len(words) > 1 and words[0].lower().strip(".") in lexicon.person_titles():
        words = words[1:]  # "Sir Edmund Hale": the writer without the title
    who = " ".join(words)
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return None
    if any(w in ("of", "the", "der", "des") for w in words):
        return (Name(family=who, literal=True),)  # "Aldermen of Norwich": a body
    if not all(w[:1].isupper() for w in words):
        return None
    return split_names(who) or (Name(family=who, literal=True),)


def _set_date(fields: dict[str, FieldValue], text: str) -> None:
    text = re.sub(r"^(?:c\.|ca\.|circa|vers)\s?", "", text)  # "c.1631": about that year
    numeric = _NUMERIC_DATE.match(text)
    if numeric is not None:
        d, m, y = (int(g) for g in numeric.groups())
        if 1 <= m <= 12 and 1 <= d <= 31:
            fields["year"], fields["date"] = str(y), f"{y:04d}-{m:02d}-{d:02d}"
        return
    year, iso = parse_date(text)
    if year:
        fields["year"] = year
    if iso:
        fields["date"] = iso
