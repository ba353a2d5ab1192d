"""Humanities notes that name a record rather than a publication: archival
items, reference-work entries and newspaper issues; and the small pieces the
readers of :mod:`relbib.parse.humanities` share with them.

Input: the text of one note, whitespace already collapsed.
Output: (entry type, fields, pinpoint) when the whole note is one of these
shapes, else None.
Never: guess (a note that does not fit every part is declined), look at
other notes, or touch a file.

* archival items: a letter ``A to B, 3 May 1912, Archive, Shelfmark, fo. 12``
  and a document named by its genre (``Petition of …``, ``Memorandum on …``,
  ``Minutes of …``) with a date and an archive → ``unpublished``; the folio
  is the pinpoint, the archive and shelfmark the ``note``;
* reference entries: ``Oxford English Dictionary, s.v. “word”`` and MLA's
  ``“Word,” The X Dictionary, 2nd ed., 1989`` → ``inreference``;
* a newspaper issue cited by name and date: ``The Times, 3 Feb. 1834, 3``
  → ``article`` with ``journal`` and ``date``;
* a page of a web site, in the manner reference managers write Chicago notes:
  ``[Author or Body, ]“Title,” Site (Place: Publisher, Date), URL`` →
  ``online`` with the site as ``howpublished``; ``“Title,” Paper, Month Day,
  Year[, sec. X], URL`` → ``article``; ``Body, “Title,” [Site, ]accessed
  Date, URL`` (no date of its own) → ``online`` without a year.
"""

from __future__ import annotations

import re

from relbib import lexicon
from relbib.model import FieldValue, Name
from relbib.parse.chicago import name_run, title_quote
from relbib.parse.dates import parse_date
from relbib.parse.fields import clean_edition
from relbib.parse.italics import strip_marks
from relbib.parse.names import looks_like_organisation, split_names

# (entry type, fields, pinpoint) of a note a reader understood
Read = tuple[str, dict[str, FieldValue], str | None]

# English, German, French and Italian month words: notes of European history cite the press
# in its own language ("Vossische Zeitung, 12. März 1923", "Le Temps, 1er mai 1920").
_MONTH = "(?:" + "|".join(lexicon.month_pattern(lang) for lang in ("en", "de", "fr", "it")) + r")\.?"
_FULL_DATE = rf"(?:\d{{1,2}}(?:\.|er|\u00ba)?\s{_MONTH}\s\d{{4}}|{_MONTH}\s\d{{1,2}},\s\d{{4}})"
# A date an archival item carries: a full date, a month and year, a year, "c.1631".
_ITEM_DATE = re.compile(
    rf"^(?:(?:c\.|ca\.|circa)\s?)?(?:{_FULL_DATE}|{_MONTH}\s\d{{4}}|\d{{4}}(?:[-\u2013]\d{{1,4}})?)$"
)
# A document named by its genre opens with one of these words.
_GENRE = re.compile(
    r"^(?:Petition|Memorandum|Memo|Minutes?|Deposition|Examination|Declaration|Instructions|"
    r"Warrant|Draft|Diary|Notes|Account|Inventory|Will|Statement|Circular|Despatch|Dispatch|"
    r"Report|Letter|Letters|Speech|Proclamation|Order|Resolution|Testimony|Affidavit)\b"
)
# What names an archive, a manuscript or a folio in the rest of an archival note.
_ARCHIVE = re.compile(
    r"\b(?:Archives?|Archiv|Archivio|Record\sOffice|Records|Library|Biblioth\w+|Museum|Papers|"
    r"Collection|TNA|PRO|BL|NA|HL|MSS?|Add\.|fos?\.|fols?\.|ff?\.)(?!\w)"
    r"|\b[A-Z]{1,5}\s?\d+(?:/\d+)+"
)
_ARCHIVE_YEAR = re.compile(r"(?<!\d)(?:1\d{3}|20\d\d)(?!\d)")
_FOLIO = re.compile(r"^(?:fos?|fols?|ff?|p|pp)\.\s?\S+$")
# One word of a person's name: capitalised, a short particle, "al-…", "d'…".
PERSON_WORD = re.compile(r"^(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w'\u2019.-]*|[a-z]{1,3}|al-\w+|d'\w+)$")
# The small words inside a paper's name: "Corriere della Sera", "Journal des Débats".
_PAPER_PARTICLE = r"(?:(?:della|delle|del|di|de|des|du|la|le|der|für|and|of)(?=\s[A-Z])|d[\u2019'][A-Z]\w+)"
# A newspaper named by itself, then a full date and a page.
# The issue's number ("Nr. 123"), its edition ("Abendausgabe") and pages ("S. 3", "34–40") may be given.
_NEWSPAPER = re.compile(
    rf"^(?P<paper>(?:The\s)?[A-Z][\w'\u2019&.-]*(?:\s(?:[A-Z][\w'\u2019&.-]*|{_PAPER_PARTICLE})){{0,4}})"
    rf"(?:\s\([A-Z][\w. ]{{1,30}}\))?(?:,\s(?:Nr|No|no)\.\s?(?P<number>\d+))?(?:,\s|\svom\s)"
    rf"(?P<date>{_FULL_DATE}|\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{4}}|(?P<month>{_MONTH}\s\d{{4}}))"  # "vom 5. Mai 1912", "5.5.1912", "May 1966"
    rf"(?:,\s(?:(?:Morgen|Abend|Mittag)ausgabe|(?:morning|evening|late|final)\s(?:edition|edn\.?)))?"
    rf"(?:,\s(?:(?:pp?|S)\.\s?)?(?P<pin>\d+(?:\s?{lexicon.DASH}\s?\d+)?))?\.?$"
)
# Reference entries.
_SUB_VERBO = re.compile(
    r"^(?P<work>[^,\u201c\u201d\u2018\u2019\"]{3,100}?),\s(?:(?P<ed>\d+(?:st|nd|rd|th)\sedn?\.?),\s)?"
    r"s\.\s?v\.\s?[\u201c\u2018\"](?P<entry>[^\u201d\"]{1,120}?)[,.]?[\u201d\u2019\"](?P<rest>.{0,200})$"
)
# A dictionary or encyclopedia by its name.
REFERENCE_WORK = re.compile(r"\b(?:Dictionary|Encyclop\w+|Lexikon|Lexicon|Wörterbuch|Handbook\sof)\b")
_QUOTED_LEAD = re.compile(
    r"^[\u201c\"](?P<entry>[^\u201d\"]{1,120}?)[,.]?[\u201d\"],?\s(?P<rest>.{3,300})$"
)
_ACCESSED = re.compile(r"(?i)(?:,|(?<!\s))\s*(?:accessed|retrieved|consulted|last\s+modified)\b.*$")
# A word that marks a comma chunk as a publisher.
PUBLISHER_WORD = re.compile(
    r"\b(?:UP|P|Press|Publish\w*|Books|Verlag|Editions?|Éditions|Editore|Giappichelli|Giuffrè|"
    r"Kluwer|Hart|Brill|Routledge|Penguin|Verso|Norton|Knopf|Vintage|Blackwell|Wiley|Springer|"
    r"Clarendon|Macmillan|Longman|Sweet|Maxwell|OUP|CUP|LexisNexis|Bloomsbury|Polity|Sage|"
    r"Elgar|Nijhoff|Mohr|Beck|Dalloz|Pedone|Bruylant|Intersentia|Mouton|Gruyter|Harper\w*|"
    r"Random|House|Library|U)\b"
)
# A comma chunk that is an edition, a volume count or a reprint, not a title.
EXTRA_CHUNK = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|2d|3d|rev\.|new|revised)\s+(?:edition|edn?\.?)$|^(?:vol\.|vols\.)\s?[\dIVXL]+$"
    r"|^\d+\svols\.?$|^version\s[\d.]+$|^(?:repr\.|reprint)$",
    re.IGNORECASE,
)

# --- archival items -------------------------------------------------------------------


def archival_item(text: str) -> Read | None:
    """ "A to B, 3 May 1912, Archive, Shelfmark, fo. 12" / "Petition of …, 1631, Archive"."""
    chunks = comma_chunks(text.rstrip("."))
    at = next((i for i, c in enumerate(chunks) if i and _ITEM_DATE.match(c)), None)
    if at is None:
        return None
    head = ", ".join(chunks[:at]).strip()
    quoted = re.fullmatch(r"[\u201c\u2018\"](.+?)[,.]?[\u201d\u2019\"]", head)
    title = quoted.group(1) if quoted else head
    rest = chunks[at + 1 :]
    if not rest or rest[0].lower().startswith("in ") or not _ARCHIVE.search(", ".join(rest)):
        return None
    fields: dict[str, FieldValue] = {}
    letter = re.fullmatch(r"(?P<sender>[^,;()\d]{2,80}?)\sto\s(?P<to>[^,;()\d]{2,80})", title)
    # the writer is named; the addressee may be a body ("the canons of Lucca")
    if letter is not None and _people(letter.group("sender")) and len(letter.group("to").split()) <= 10:
        fields["author"] = _sender(letter.group("sender"))
    elif not _GENRE.match(title) or re.search(r"[\d\u201c\u201d]", title.rstrip(".")):
        return None
    fields["title"] = title.strip(" ,.")
    year, iso = parse_date(chunks[at])
    found = _ARCHIVE_YEAR.search(chunks[at])  # a medieval charter's year too: "3 May 1075"
    if found is None:
        return None
    fields["year"] = year or found.group(0)
    if iso:
        fields["date"] = iso
    pin = None
    if _FOLIO.match(rest[-1]):
        pin = rest.pop()
    if rest:
        fields["note"] = ", ".join(rest)
    return "unpublished", fields, pin


def _people(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 8 and all(PERSON_WORD.match(w) for w in words) and words[0][:1].isupper()


def _sender(text: str) -> tuple[Name, ...]:
    """The writer of a letter: a person without their title, or a body ("Justices of Norfolk")."""
    words = text.split()
    while len(words) > 1 and words[0].lower().strip(".") in lexicon.person_titles():
        words = words[1:]
    plain = " ".join(words)
    if any(w in ("of", "the") for w in words) or looks_like_organisation(plain):
        return (Name(family=plain, literal=True),)
    return split_names(plain) or (Name(family=plain, literal=True),)


# --- reference entries and newspapers ------------------------------------------------


def reference_entry(text: str) -> Read | None:
    """ "Oxford English Dictionary, s.v. “pamphlet.”" / "“Periodical,” The OED, 2nd ed., 1989." """
    m = _SUB_VERBO.match(text)
    if m is not None:
        rest = _ACCESSED.sub("", m.group("rest")).strip(" ,.")
        fields: dict[str, FieldValue] = {"title": m.group("entry").strip(" ,."),
                                         "booktitle": m.group("work").strip()}
        if m.group("ed"):
            fields["edition"] = clean_edition(m.group("ed"))
        year, _iso = parse_date(rest) if rest else ("", "")
        if rest and not year:
            return None
        if year:
            fields["year"] = year
        return "inreference", fields, None
    m = _QUOTED_LEAD.match(text)
    if m is None:
        return None
    chunks = comma_chunks(m.group("rest").rstrip("."))
    if not chunks or not REFERENCE_WORK.search(chunks[0]) or "(" in m.group("rest"):
        return None
    fields = {"title": m.group("entry").strip(" ,."), "booktitle": chunks[0].strip()}
    for chunk in chunks[1:]:
        year, _iso = parse_date(chunk)
        if EXTRA_CHUNK.match(chunk):
            fields["edition"] = clean_edition(chunk)
        elif year and len(chunk) < 25:
            fields["year"] = year
        elif not PUBLISHER_WORD.search(chunk):
            return None
    return "inreference", fields, None


def newspaper_issue(text: str) -> Read | None:
    """ "The Times, 3 Feb. 1834, 3.": a newspaper's issue, by its name and date."""
    m = _NEWSPAPER.match(strip_marks(text))  # "*Le Temps*, 14 juillet 1919"
    if m is None or split_names(m.group("paper")) and not _paper_like(m.group("paper")):
        return None
    if m.group("month") and not text.lstrip().startswith(("*", "_")):
        return None  # "*Art News*, May 1966": a magazine by its month only when its name is in italics
    numeric = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", m.group("date"))
    if numeric is not None:  # "5.5.1912": day, month, year
        d, mo, y = (int(g) for g in numeric.groups())
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        year, iso = str(y), f"{y:04d}-{mo:02d}-{d:02d}"
    else:
        year, iso = parse_date(m.group("date"))
    fields: dict[str, FieldValue] = {"journal": m.group("paper"), "year": year}
    if iso:
        fields["date"] = iso
    if m.group("number"):
        fields["number"] = m.group("number")
    return "article", fields, m.group("pin")


def _paper_like(name: str) -> bool:
    """A periodical's name rather than a person's: "The Times", "Leeds Mercury"."""
    words = name.split()
    return words[0] == "The" or len(words) == 1 or words[0].lower() not in _given_names()


def _given_names() -> frozenset[str]:
    from relbib.parse.names import western_given_names

    return western_given_names()


def comma_chunks(text: str) -> list[str]:
    """Comma chunks of ``text`` outside brackets and double quotes."""
    out, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif ch in "\u201c\u201d":
            quoted = ch == "\u201c"
        elif ch == "," and depth == 0 and not quoted and text[i + 1 : i + 2] == " ":
            out.append(text[start:i].strip())
            start = i + 1
    out.append(text[start:].strip())
    return [c for c in out if c]


# --- pages of web sites ---------------------------------------------------------------

# A URL closing the note; a wrapped one keeps its tail after a space ("…/2018/02/07/ 314560002/").
_URL_END = re.compile(r",?\s<?(?P<url>https?://[^\s<>]+?(?P<tail>\s[\w.%/?=&#-]*?[/.][\w.%/?=&#-]*?)?)>?\.?$")
_ACCESS = re.compile(rf"(?i),?\s(?:last\s)?(?:accessed|retrieved|viewed)\s(?:on\s)?(?P<date>(?:{_FULL_DATE}|{_MONTH}\s\d{{4}}))$")
# The date closing a web note's bracket or its last chunk: "June 5, 2019", "5 June 2019", "2019".
_WEB_DATE = re.compile(rf"(?:^|,\s|\s)(?P<date>{_FULL_DATE}|{_MONTH}\s\d{{4}}|\d{{4}})$")
_SECTION = re.compile(r",\ssec\.\s[^,]{1,40}$")
# A document's date before the site that holds it, the site's editors after it:
# "March 3, 1911, The Papers Project, eds. Kern and Lund".
_DATE_THEN_SITE = re.compile(
    rf"^(?P<date>{_FULL_DATE}),\s(?P<site>[^,]{{2,80}}?)(?:,\s(?:eds?\.|edited\sby)\s(?P<editors>[^,]{{3,80}}))?$"
)
_ROLE = re.compile(r"^(?:ed\.|edited\sby)\s(?P<names>[^,]{3,60}),\s")
# Words a body's byline may hold besides capitalised ones ("Ministry of Foreign Affairs").
_BYLINE_JOINS = frozenset(("of", "the", "and", "for", "on", "in", "de", "-", "/", "|", "&", "\u2013"))


# A program's version: "(version 2.3)", ", version 2.3", ", v. 1.0".
_VERSION = re.compile(r"(?i)(?:\s\(|,\s)(?:version|ver\.|v\.)\s?(?P<version>\d[\w.-]*)\)?")
# "(dataset)", "[software]", or the genre as a chunk of its own (", dataset,").
_DATA_MARK = re.compile(r"(?i)\s?[\[(](?:data\s?set|software|computer\sprogram)[\])]|,\s(?:data\s?set|software)(?=,)")


def software_or_data(text: str) -> Read | None:
    """ "Author, Title (version 2.3), GitHub, 2020, URL" → ``software``; "Author, “Title,”
    Zenodo, 2019, https://doi.org/…" → ``dataset`` (the site publishes programs or data)."""
    url = _URL_END.search(text)
    body = text[: url.start()] if url else text.rstrip(" .")
    body = re.sub(r",([\u201d\"])", r"\1,", body)  # "“Title,” Zenodo": the comma closes the chunk
    version = _VERSION.search(body)
    mark = _DATA_MARK.search(body)
    if not (url or version) or "(" in _DATA_MARK.sub("", _VERSION.sub("", body)):
        return None
    fields: dict[str, FieldValue] = {}
    if version is not None:
        fields["version"] = version.group("version").rstrip(".")
        body = body[: version.start()] + body[version.end() :]
    body = _DATA_MARK.sub("", body).replace("*", "")
    chunks = comma_chunks(body)
    hosts = [i for i, c in enumerate(chunks) if c.lower() in lexicon.data_hosts()]
    kind = lexicon.data_hosts()[chunks[hosts[0]].lower()] if hosts else ""
    if version is not None or (url and re.search(r"//(?:www\.)?(?:github|gitlab)\.com/", url.group("url"))):
        kind = "software"
    if mark is not None:
        kind = "software" if re.search(r"(?i)software|program", mark.group(0)) else "dataset"
    if not kind:
        return None
    if hosts:
        fields["publisher"] = chunks.pop(hosts[0])
    year = next((i for i, c in enumerate(chunks) if i and _WEB_DATE.fullmatch(", " + c)), None)
    if year is not None:
        _set_web_date(fields, chunks.pop(year))
    if not 1 <= len(chunks) <= 2:
        return None
    title = chunks[-1].strip(" ,.\u201c\u201d\"")
    if len(chunks) == 2:
        authors = _byline(chunks[0])
        if not authors:
            return None
        fields["author"] = authors
    fields["title"] = title
    if url:
        fields["url"] = url.group("url").replace(" ", "")
        doi = re.match(r"https?://(?:dx\.)?doi\.org/(?P<doi>10\.\S+)$", str(fields["url"]))
        if doi is not None:
            fields["doi"] = doi.group("doi")
    return kind, fields, None


def web_page(text: str) -> Read | None:
    """ "[Author, ]“Title,” Site (Publisher, Date), URL" and the shapes of the module docstring."""
    url = _URL_END.search(text)
    body = text[: url.start()] if url else text.rstrip(" .")
    access = _ACCESS.search(body)
    body = body[: access.start()] if access else body
    quote = title_quote(body) if url or access else None
    if quote is None or not quote[2].strip(" ,."):
        return None
    start, end, title = quote
    if title.endswith(".") and body[end : end + 1] != ",":
        return None  # "“Title.” Site. Accessed …": a bibliography's sentences, for the general reader
    authors = _byline(body[:start].strip(" ,"))
    if authors is None:
        return None
    # "“Opinion | ‘I Cannot Remain Silent,’”": the comma before the inner quote's close is the note's
    fields: dict[str, FieldValue] = {"title": re.sub(r"[,.](?=[\u2019']$)", "", title.strip(" ,."))}
    if authors:
        fields["author"] = authors
    rest = body[end:].strip(" ,.")
    role = _ROLE.match(rest)
    if role is not None:
        fields["editor"] = split_names(role.group("names"))
        rest = rest[role.end() :]
    kind = _web_rest(rest, fields)
    if kind is None:
        return None
    if url:
        fields["url"] = url.group("url").replace(" ", "")
    if access:
        fields["urldate"] = parse_date(access.group("date"))[1]
    return kind, fields, None


def _web_rest(rest: str, fields: dict[str, FieldValue]) -> str | None:
    """Site, publisher and date after a web note's title, into ``fields``; the entry type."""
    if not rest:
        return "online"
    if rest.endswith(")") and "(" in rest:
        open_at = _last_bracket(rest)
        site, facts = rest[:open_at].strip(" ,"), rest[open_at + 1 : -1]
        site, _sep, volume = site.partition(", vol. ")  # "Site, vol. Volume 2: Part Title (…)"
        if volume:
            fields["volume"] = volume.strip()
        date = _WEB_DATE.search(facts)
        if open_at < 0 or date is None or (site and not _site_like(site)):
            return None
        publisher = facts[: date.start()].strip(" ,")
        if ":" in publisher:
            address, publisher = (p.strip() for p in publisher.split(":", 1))
            fields["address"] = address
        fields["organization"] = publisher or site
        _set_web_date(fields, date.group("date"))
        if not site:
            return "report"  # "“Title” (Washington: Research Service, 2020), URL": a body's paper
        if re.fullmatch(r"(?i)(?:www\.)?[\w-]+(?:\.[\w-]+)+", site):
            fields["howpublished"] = site  # "www.dni.gov": a site, not a periodical
            return "online"
        fields["journal"] = site
        return "article"
    rest = _SECTION.sub("", rest)
    first = _DATE_THEN_SITE.match(rest)
    if first is not None and _site_like(first.group("site")):
        # "“Address,” March 3, 1911, The Papers Project[, eds. Kern and Lund]": a document's
        # date, then the site that holds it (CMOS 14.233), then maybe the site's editors
        fields["howpublished"] = first.group("site")
        if first.group("editors"):
            fields["editor"] = split_names(first.group("editors"))
        _set_web_date(fields, first.group("date"))
        return "online"
    date = _WEB_DATE.search(rest)
    site = rest[: date.start()].strip(" ,") if date else rest
    if not _site_like(site) or (date and "," not in rest[: date.end()] and site):
        return None
    if date is None:
        fields["howpublished"] = fields["organization"] = site
        return "online"
    fields["journal"] = site
    _set_web_date(fields, date.group("date"))
    return "article"


def _set_web_date(fields: dict[str, FieldValue], date: str) -> None:
    year, iso = parse_date(date)
    fields["year"] = year
    if iso:
        fields["date"] = iso


def _last_bracket(text: str) -> int:
    """Where the bracket closing ``text`` opens (-1 when unbalanced)."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return -1


def _site_like(site: str) -> bool:
    """A site's or a paper's name: short, no sentence, no volume or issue number."""
    words = site.split()
    return (0 < len(words) <= 12 and not re.search(r"\d+$|\bno\.\s?\d|\bin\s|[\u201c\u201d\"]", site)
            and site[:1].isupper() or site[:4].lower() == "www.")


def _byline(head: str) -> tuple[Name, ...] | None:
    """The people or the body before a web note's title; () for none, None for prose."""
    if not head:
        return ()
    names = name_run(head)
    # several people end with "and"; "Holocaust Museum, Washington, DC" is one body and its place
    if names and (len(names) == 1 or re.search(r"\s(?:and|&)\s", head)) and not head.startswith("The "):
        return names
    words = head.split()
    if 1 <= len(words) <= 12 and all(w[:1].isupper() or w[:1].isdigit() or w in _BYLINE_JOINS for w in words):
        return (Name(family=head, literal=True),)
    return None
