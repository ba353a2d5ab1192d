"""Legal citations (Bluebook, ALWD, OSCOLA basics): one note → FullRef or None.

Input: the text of one note that is not a subsequent form (forms.py has read
Id., supra and Ibid. already).
Output: a FullRef for a law-review article, a legal-style book, a case, a
statute, a constitution, a treaty or a UN document; a ShortRef for a case's
short form ("Brown, 347 U.S. at 495"); None for anything else, so the general
parser reads it.
Never: guess — a note is read here only when its whole text fits one legal
shape; look at other notes; or touch a file.

How the shapes map onto entry types (biblatex's @jurisdiction and
@legislation; BibTeX styles print both as @misc):

* law-review article ``Author, Title, 111 Yale L.J. 1935, 1940 (2002)`` →
  ``article`` with journal, volume, ``pages`` = the first page only (the last
  page is not printed), ``year``; the page after the first page is the pinpoint;
* book ``Author, Title 45 (9th ed. 2014)`` → ``book`` with edition, editor,
  publisher (when the parenthetical names one) and year; 45 is the pinpoint;
  volume-first ``2 William Blackstone, Commentaries *154 (1765)`` and section
  pinpoints ``§ 402`` too; a chapter ``Author, Title, in Book 45, 52 (Ed ed.,
  2019)`` → ``incollection``; a body's numbered report ``U.S. Gov't
  Accountability Off., GAO-21-104, Title 12 (2021)`` → ``techreport``;
* European cases, acts and documents are read by :mod:`relbib.parse.legal_eu`;
* case ``Brown v. Board of Education, 347 U.S. 483, 495 (1954)`` → ``jurisdiction``:
  title = case name, ``howpublished`` = the reporter citation "347 U.S. 483",
  ``volume``/``journal``/``pages`` are NOT set (a reporter is not a journal),
  ``note`` = the court when the parenthetical names one ("2d Cir."), year;
* statute ``42 U.S.C. § 1983 (2018)`` / ``Civil Rights Act of 1964, Pub. L.
  No. 88-352, 78 Stat. 241`` / ``U.S. Const. art. I, § 8`` → ``legislation``: title =
  the act's name (or the code citation), ``howpublished`` = the citation;
* treaty ``Vienna Convention on the Law of Treaties art. 26, May 23, 1969,
  1155 U.N.T.S. 331`` → ``misc``: title, date, ``howpublished`` = the treaty
  series citation; the article is the pinpoint;
* UN document ``G.A. Res. 70/1, Title, U.N. Doc. A/RES/70/1 (Oct. 21, 2015)``
  → ``misc``: title, ``organization`` (the organ), ``number`` = the document
  symbol (else the resolution number), ``note`` = the resolution, date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from relbib.model import FieldValue, FullRef, Name, Reference, ShortRef, freeze_fields
from relbib.parse import legal_patterns as L
from relbib.parse import legal_us_chicago as C
from relbib.parse import patterns as P
from relbib.parse.continental import parse_continental
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.legal_eu import article_fields, court_first, parse_european
from relbib.parse.legal_national_en import read_national_law
from relbib.parse.legal_shared import authors_and_title as _authors_and_title
from relbib.parse.legal_shared import court as _court
from relbib.parse.legal_shared import full as _full
from relbib.parse.legal_shared import set_date as _set_date
from relbib.parse.legal_uk import read_regnal_act, read_uk_act
from relbib.parse.legal_un import read_un_document as _read_un_document
from relbib.parse.legal_us import (
    INSTITUTION_WORD,
    corporate_author_and_title,
    institution_and_split,
    read_ag_opinion,
    read_bare_report,
    read_bill,
    read_code,
    read_congress_report,
    read_database_case,
    read_hearing,
    read_nonconsecutive,
    read_paragraphed,
    read_sectioned_work,
    read_thesis,
    read_web_page,
    speech_fields,
)
from relbib.parse.names import split_names

__all__ = ["parse_legal"]

# A URL after a citation's closing parenthesis ("(2023), https://… [https://perma.cc/…]").
_URL_AFTER_PARENTHESIS = re.compile(
    r"(?<=\)),?\s(?:available\sat\s)?<?(?P<url>https?://[^\s<>\[\]]+?)>?(?:\s\[https?://[^\s\]]+\])?[.,]?$"
)


def parse_legal(text: str) -> Reference | None:
    """The legal citation ``text`` is, or None when it is not one.

    >>> parse_legal("Brown v. Board of Education, 347 U.S. 483, 495 (1954).").pinpoint
    '495'
    """
    clean = L.LEGAL_SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    if not clean:
        return None
    shorter = L.LEGAL_HEREINAFTER.sub("", clean)
    url = _URL_AFTER_PARENTHESIS.search(shorter) if shorter != clean else None
    clean = shorter
    if url is not None:  # "(2023), https://… [hereinafter X]": the URL the note's reader left
        ref = parse_legal(clean[: url.start()] + ".")
        if isinstance(ref, FullRef) and "url" not in ref.fields:
            return replace(ref, text=text, fields=freeze_fields({**ref.fields, "url": url.group("url")}))
        return None if ref is None else replace(ref, text=text)
    history = L.LEGAL_HISTORY.search(clean)
    if history is not None:
        clean = clean[: history.start() + 1]  # the case, without its later history
    clean = C.case_without_prose(clean)  # "NBA v. Roe, 105 F.3d 841 (1997), which …": the case alone
    lead = L.LEGAL_STATUTE_LEAD_IN.match(clean)
    if lead is not None:  # "The quoted language is from 42 U.S.C. § 4331(b).": the statute it names
        return _read_statute(text, clean[lead.end() :])
    european = read_national_law(clean) or parse_european(clean) or parse_continental(court_first(clean))
    if european is not None:
        return replace(european, text=text)
    readers: tuple[Callable[[str, str], Reference | None], ...] = (
        _read_un_document,
        _read_charter,
        C.read_chicago_congress_document,
        read_congress_report,
        read_hearing,
        read_bill,
        read_ag_opinion,
        _read_constitution,
        _read_statute,
        read_code,
        _read_named_act,
        _read_session_law,
        read_thesis,
        _read_treaty,
        _read_case_short,
        C.read_report_short,
        read_bare_report,
        read_database_case,
        C.read_docket_case,
        _read_oscola_case,
        _read_oscola_article,
        read_uk_act,
        read_regnal_act,
        _read_bracket_year_case,
        _read_periodical,
        read_nonconsecutive,
        read_paragraphed,
        _read_chapter,
        _read_institutional_report,
        _read_treatise,
        read_sectioned_work,
        _read_dated_periodical,
        _read_book,
        read_web_page,
    )
    for read in (C.case_in_prose, *readers):
        ref = read(text, clean)
        if ref is not None:
            return ref
    return None



# --- articles and cases ---------------------------------------------------------


def _read_periodical(text: str, clean: str) -> Reference | None:
    """A law-review article or a reported case: "…, VOL SOURCE FIRST, PIN (YEAR)"."""
    m = L.LEGAL_PERIODICAL_TAIL.search(clean)
    if m is None or m.start() == 0:
        return None
    head = clean[: m.start()].strip()
    source = m.group("source").strip()
    year = m.group("year") or ""
    is_case = bool(L.LEGAL_CASE_NAME.search(head) or L.LEGAL_REPORTER.match(source))
    if not year and L.LEGAL_YEAR_ONLY.fullmatch(m.group("volume")):
        year = m.group("volume")  # "1986 I.C.J. 14", "1979 Wis. L. Rev. 125": the volume is the year
    if not year:
        return None
    first_note = m.group("first_note") and f"{m.group('first')} {m.group('first_note')}"
    pin = normalize_pinpoint(m.group("pin") or m.group("pin2") or first_note)
    paren = m.group("paren") or m.group("date_only") or ""
    fields: dict[str, FieldValue] = {}
    # "(June 27)" after "1986 I.C.J. 14": the year is the volume's.
    _set_date(fields, paren if m.group("year") else f"{paren} {year}", year)
    if is_case:
        fields["title"] = head
        fields["howpublished"] = f"{m.group('volume')} {source} {m.group('first')}"
        court = _court(paren)
        if court:
            fields["note"] = court
        return _full(text, "jurisdiction", fields, pin)
    split = _authors_and_title(head)
    if split is None:
        return None
    authors, title = split
    if authors:
        fields["author"] = authors
    fields["title"] = title
    fields["journal"] = source
    fields["volume"] = m.group("volume")
    fields["pages"] = m.group("first")
    return _full(text, "article", fields, pin)


# Bluebook 16.6: "Author, Title, PERIODICAL (Month Day, Year)": the last chunk
# before a parenthesis holding a full date is the newspaper, magazine or site.
_DATED_TAIL = re.compile(
    r",\s(?P<container>[A-Z][^,()\u201c\u201d\"]{1,60}?),?\s?\((?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2},\s"
    r"(?P<year>1[6-9]\d\d|20\d\d))(?:,\s\d{1,2}:\d\d\s?[AaPp]\.?[Mm]\.?)?\)\.?$"
)


def _read_dated_periodical(text: str, clean: str) -> Reference | None:
    """A newspaper, magazine or web piece: "…, Title, FORTUNE (Sept. 29, 2017)"; a
    speech: "Speaker, Position, Address at the Rollout (Feb. 20, 2013)"."""
    m = _DATED_TAIL.search(clean)
    if m is None or not P.MONTH.match(m.group("date")) or L.LEGAL_CASE_NAME.search(clean[: m.start()]):
        return None
    head, container = clean[: m.start()], m.group("container").strip()
    fields = speech_fields(head, container)
    if fields is not None:
        _set_date(fields, m.group("date"), m.group("year"))
        return _full(text, "misc", fields, None)
    split = _authors_and_title(head) or corporate_author_and_title(head)
    if split is None or not split[1] or re.search(r"(?:^|,\s|\s)\d+(?:,|$)|\bat$", split[1]):
        return None  # "…, 12 J. 3": a volume or a pinpoint, no periodical's title
    if not split[0] and re.search(r"[a-z]\.\s[A-Z]", split[1]):
        return None  # "Selva Ozelli. Title": an author closed by a full stop, another style
    if not split[0] and "," not in split[1] and not container.isupper() and not _long_before_short(split[1], container):
        return None  # "Site, Title (date)" as often as "Title, PERIODICAL (date)": only capitals or length tell
    fields = {"title": split[1], "journal": container}
    if split[0]:
        fields["author"] = split[0]
    _set_date(fields, m.group("date"), m.group("year"))
    return _full(text, "article", fields, None)


def _long_before_short(title: str, container: str) -> bool:
    """A headline of many words before a site's short name ("Utah Governor Signs Data
    Privacy Bill Requiring Warrants, Hunton"): the long one is the title."""
    return len(title.split()) >= 6 and len(container.split()) <= 3


# OSCOLA (read here, not in patterns.py, while that module is being reworked;
# each pattern is linear: no nested quantifiers).
# "Donoghue v Stevenson [1932] AC 562 (HL) 580" / "A v B [2004] UKHL 56, [2005] 2 AC 68 [15]".
_OSCOLA_CASE = re.compile(
    r"^(?P<name>[^\[\]]{1,300}?\sv\.?\s[^\[\]]{1,300}?|Re\s[^\[\]]{1,300}?)\s+"  # bounded: linear
    r"(?:\[(?P<nyear>\d{4})\]\s+[A-Z][A-Za-z]*(?:\s\([A-Za-z]+\))?\s+\d+,\s+)?"
    r"\[(?P<year>\d{4})\]\s+(?P<vol>\d+\s+)?(?P<source>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,3})\s+"
    r"(?P<first>\d+)(?:\s+\((?P<court>[^()]{1,30})\))?"
    r"(?:,?\s*\[?(?P<pin>\d+(?:\s*[-\u2013]\s*\d+)?)\]?)?\s*\.?$"
)
# "Jane Stapleton, ‘Duty of Care Factors’ (2003) 119 LQR 1, 5".
_OSCOLA_ARTICLE = re.compile(
    # (a title may quote: "‘The Meaning of “Person” in Private Law’ (2006) 2 …")
    r"^(?P<authors>[^\u2018\u201c'\"]{2,120}?),\s+[\u2018\u201c'\"](?P<title>[^\n]{2,300}?)"
    r"[\u2019\u201d'\"],?\s+[(\[](?P<year>\d{4})[)\]]\s+(?:(?P<vol>\d+)\s+)?"
    r"(?P<journal>[A-Z][A-Za-z.&]*(?:\s[A-Za-z.&]+){0,6})\s+(?P<first>\d+)"
    r"(?:,\s*(?P<pin>\d+(?:\s*[-\u2013]\s*\d+)?))?\s*\.?$"
)


def _read_oscola_case(text: str, clean: str) -> Reference | None:
    m = _OSCOLA_CASE.match(clean)
    if m is None:
        return None
    volume = (m.group("vol") or "").strip()
    cite = " ".join(p for p in (f"[{m.group('year')}]", volume, m.group("source"), m.group("first")) if p)
    fields: dict[str, FieldValue] = {
        "title": m.group("name").strip(" ,"), "howpublished": cite,
        "year": m.group("nyear") or m.group("year"),
    }
    if m.group("court"):
        fields["note"] = m.group("court")
    return _full(text, "jurisdiction", fields, normalize_pinpoint(m.group("pin")))


def _read_oscola_article(text: str, clean: str) -> Reference | None:
    m = _OSCOLA_ARTICLE.match(clean)
    fields = article_fields(m)
    if m is None or fields is None:
        return None
    fields["pages"] = m.group("first")
    if m.group("vol"):
        fields["volume"] = m.group("vol")
    return _full(text, "article", fields, normalize_pinpoint(m.group("pin")))


def _read_bracket_year_case(text: str, clean: str) -> Reference | None:
    m = L.LEGAL_BRACKET_YEAR_CASE.match(clean)
    if m is None:
        return None
    volume = (m.group("vol") or "").strip()
    cite = " ".join(p for p in (f"[{m.group('year')}]", volume, m.group("source"), m.group("first")) if p)
    fields: dict[str, FieldValue] = {
        "title": m.group("name").strip(" ,"),
        "howpublished": cite,
        "year": m.group("year"),
    }
    return _full(text, "jurisdiction", fields, normalize_pinpoint(m.group("pin")))


def _read_case_short(text: str, clean: str) -> Reference | None:
    """"Brown, 347 U.S. at 495": the case named by its first party."""
    m = L.LEGAL_CASE_SHORT.match(clean)
    if m is None or (not m.group("name") and not L.LEGAL_REPORTER.match(m.group("source"))):
        return None
    return ShortRef(
        text=text,
        authors=(),
        short_title=(m.group("name") or "").strip() or None,  # "138 S. Ct. at 2098": named in the text
        pinpoint=normalize_pinpoint(m.group("pin")),
    )


# --- books ------------------------------------------------------------------------


def _read_book(text: str, clean: str) -> Reference | None:
    """"Author, Title 45 (9th ed. 2014)" / "Author, Title (Publisher 2005)"."""
    m = L.LEGAL_BOOK.match(clean)
    if m is None:
        return None
    institution, split = institution_and_split(m.group("head"))
    if split is None:
        return None
    authors, title = split
    paren = m.group("paren")
    # A book without an author needs an editor in the parenthetical
    # ("Black's Law Dictionary 1375 (Bryan A. Garner ed., 10th ed. 2014)").
    if not authors and not L.LEGAL_PAREN_EDITOR.match(paren):
        return None
    # "Title, 218 (2010)": a stray comma before the page cited and a bare year
    stray = m.group("pin") is not None and paren.strip() == m.group("year")
    if len(title.split()) > 25 or (m.group("head").endswith(",") and not stray):
        return None
    title = _MARKER.sub("", title)  # "Budgeting1 (2006)": a footnote's mark glued on in conversion
    quoted = re.fullmatch(r"[\u2018\u201c'\"](.+)[\u2019\u201d'\"]", title)
    if quoted is not None:  # OSCOLA's "Body, 'Plans and Pricing' (2024)": a quoted piece, not a book
        title = quoted.group(1)
        who = " ".join(f"{a.given} {a.family}".strip() for a in authors)
        if len(authors) == 1 and (not authors[0].given or _ACRONYM_WORD.search(who)):
            # OSCOLA names a person with a given name or initials: "OpenAI", "Jasper AI" are bodies
            authors = (Name(family=m.group("head")[: m.group("head").rfind(",")].strip(), literal=True),)
    if "," in title and not (":" in title or re.search(r",\s(?:and|or|&)\s", title)):
        return None  # "Justice, Liability, and Blame: …": commas of a title, not of a citation
    # Chicago's "(Basic Books, 2010)" has a comma before the year; Bluebook's
    # has none unless an editor or an edition precedes it.
    before_year = paren[: paren.rfind(m.group("year"))].strip()
    fields: dict[str, FieldValue] = {"title": title, "year": m.group("year")}
    if authors:
        fields["author"] = authors
    rest = before_year
    role = L.LEGAL_PAREN_EDITOR.match(rest)
    if role is not None:
        names = split_names(role.group("name"))
        if names:
            fields["translator" if role.group("role") == "trans." else "editor"] = names
        rest = rest[role.end() :]
    edition = L.LEGAL_EDITION.search(rest)
    if edition is not None:
        fields["edition"] = _edition(edition.group("edition"))
        rest = rest[: edition.start()] + rest[edition.end() :]
        if "," in edition.group() and rest.strip(" ,"):
            return None  # "(2nd ed., London 2009)": a place after the edition, as Bluebook never has
    if P.MONTH.fullmatch(rest.strip()):  # "(Oct. 2012)": a month, no publisher
        _set_date(fields, paren, m.group("year"))
        rest = ""
    paper = _WORKING_PAPER.match(rest)
    if paper is not None and authors:  # "(Sch. of Mgmt., Inst. of Tech., Working Paper No. 12–92, 1992)"
        fields.update(institution=paper.group("institution"), type=paper.group("kind"), number=paper.group("number"))
        return _full(text, "techreport", fields, normalize_pinpoint(m.group("pin") or m.group("pin3")))
    if rest.rstrip().endswith(",") or (m.group("pin") and m.group("pin2")):
        return None  # Chicago's "(Oxford, 2002), 14": Bluebook has no comma before the year
    rest = rest.strip(" ,")
    if "," in rest:
        return None
    if rest:
        fields["publisher"] = rest
    pin = normalize_pinpoint(m.group("pin") or m.group("pin2") or m.group("pin3"))
    if institution:
        fields["institution"] = institution
        return _full(text, "techreport", fields, pin)
    return _full(text, "misc" if quoted else "book", fields, pin)


# A word of capitals in a body's name ("Jasper AI", "GDPR Advisor"); initials have full stops.
_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,}\b")


# "Jane Roe, Title, in BOOK TITLE 45, 52 (Ann Ed ed., 2019)": a chapter in an edited book.
_CHAPTER = re.compile(
    r"^(?P<head>[^()]{3,300}?),\sin\s(?P<book>[A-Z][^()]{2,300}?)\s(?P<first>\d+)"
    r"(?:,\s(?P<pin>\d+(?:\s?[-\u2013]\s?\d+)?(?:\sn\.\s?\d+)?))?"
    r"\s\((?P<paren>[^()]{0,160}?)(?P<year>(?:1[6-9]|20)\d\d)\)\.?$"
)
# "2 WILLIAM BLACKSTONE, COMMENTARIES *154 (1765)" / "1 JOSEPH STORY, COMMENTARIES § 402
# (Boston, Hilliard, Gray & Co. 1833)": a volume-first book, a star page or section pinpoint.
_TREATISE = re.compile(
    r"^(?:(?P<vol>\d{1,3})\s)?(?P<head>[A-Z][^()]{3,300}?)\s(?P<pin>\*\d+(?:\s?[-\u2013]\s?\*?\d+)?"
    r"|\u00a7\u00a7?\s?[\d.:]+(?:\s?[-\u2013]\s?[\d.:]+)?|\d+(?:\s?[-\u2013]\s?\d+)?)"
    r"\s\((?P<paren>[^()]{0,160}?)(?P<year>(?:1[5-9]|20)\d\d)\)\.?$"
)
# "U.S. GOV'T ACCOUNTABILITY OFF., GAO-21-104, TITLE 12 (2021)": a body's numbered report
# ("GAO/HRD-91–22", an en dash in the number; "2, 13": two pages cited).
_INSTITUTIONAL_REPORT = re.compile(
    r"^(?P<org>[A-Z][^,()]{2,80}),\s(?P<number>[A-Za-z]{2,8}(?:/[A-Za-z]{2,8})?-\d[\w\-\u2013]{0,15}),\s"
    r"(?P<title>[A-Z][^()]{2,300}?)(?:\s(?P<pin>\d+(?:\s?[-\u2013]\s?\d+)?(?:,\s\d+(?:\s?[-\u2013]\s?\d+)?)*))?"
    r"\s\((?P<paren>[^()]{0,60}?(?:1[6-9]|20)\d\d)\)\.?$"
)
# "Civil Rights Act of 1871, ch. 22, 17 Stat. 13": a session law in the Statutes at Large;
# an act named by its date ("Act of May 22, 1872, ch. 193, 17 Stat. 142", Bluebook 12.4);
# with its chapter or public law number it is whole without a year ("Rail Act, ch. 12, 40 Stat. 77").
_SESSION_LAW = re.compile(
    r"^(?P<title>Act\sof\s(?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4})"
    r"|[A-Z][^,]{3,120}?\b(?:Act|Code|Law|Resolution)(?:\sof\s(?P<year>\d{4}))?),\s"
    r"(?:(?P<chapter>Pub\.\sL\.\sNo\.\s[\d-]+|ch\.\s\d+)(?:,\s\u00a7\s?[\w.]+)?,\s)?"
    r"(?P<cite>\d+\sStat\.\s\d+)(?:,\s(?P<pin>\d+(?:\s?[-\u2013]\s?\d+)?))?"
    r"(?:\s\((?P<paren>[^()]*)\))?\.?$"
)


# A working paper's parenthetical before its year (Bluebook 17.4): "Sch. of Mgmt., Working Paper No. 12–92,".
_WORKING_PAPER = re.compile(
    r"^(?P<institution>[A-Z][^()]{2,160}?),\s(?P<kind>(?:Working|Discussion|Research|Occasional)\sPaper)"
    r"\sNo\.\s(?P<number>[\w.\-\u2013/]+),\s*$"
)
# A footnote's number glued to a title's last (long, lowercase) word: "… Development1".
_MARKER = re.compile(r"(?<=[a-z]{5})\d{1,2}$")


def _read_chapter(text: str, clean: str) -> Reference | None:
    m = _CHAPTER.match(clean)
    if m is None:
        return None
    split = _authors_and_title(m.group("head"))
    if split is None or not split[0]:
        return None
    fields: dict[str, FieldValue] = {
        "author": split[0], "title": split[1], "booktitle": m.group("book").strip(),
        "pages": m.group("first"), "year": m.group("year"),
    }
    role = L.LEGAL_PAREN_EDITOR.match(m.group("paren"))
    if role is not None:
        names = split_names(role.group("name").replace(" & ", " and "))
        if names:
            fields["translator" if role.group("role") == "trans." else "editor"] = names
    return _full(text, "incollection", fields, normalize_pinpoint(m.group("pin")))


def _read_treatise(text: str, clean: str) -> Reference | None:
    m = _TREATISE.match(clean)
    if m is None or not (m.group("vol") or not m.group("pin")[:1].isdigit()):
        return None
    split = _authors_and_title(m.group("head"))
    if split is None or not split[0]:
        return None
    fields: dict[str, FieldValue] = {"author": split[0], "title": split[1], "year": m.group("year")}
    if m.group("vol"):
        fields["volume"] = m.group("vol")
    paren = m.group("paren").strip()
    edition = L.LEGAL_EDITION.search(paren)
    if edition is not None:
        fields["edition"] = _edition(edition.group("edition"))
        paren = (paren[: edition.start()] + paren[edition.end() :]).strip()
    if paren.endswith(","):
        return None
    if paren:
        fields["publisher"] = paren
    return _full(text, "book", fields, normalize_pinpoint(m.group("pin").replace("*", "*")))


def _read_institutional_report(text: str, clean: str) -> Reference | None:
    m = _INSTITUTIONAL_REPORT.match(clean)
    if m is None or not INSTITUTION_WORD.search(m.group("org")):
        return None
    fields: dict[str, FieldValue] = {
        "author": (Name(family=m.group("org").strip(), literal=True),),
        "title": m.group("title").strip(), "number": m.group("number").upper(),
        "institution": m.group("org").strip(),
    }
    _set_date(fields, m.group("paren"), "")
    return _full(text, "techreport", fields, normalize_pinpoint(m.group("pin")))


def _read_session_law(text: str, clean: str) -> Reference | None:
    m = _SESSION_LAW.match(clean)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"title": m.group("title"), "howpublished": m.group("cite")}
    dated = _set_date(fields, m.group("paren") or m.group("date") or "", m.group("year") or "")
    if not dated and not m.group("chapter"):
        return None
    return _full(text, "legislation", fields, normalize_pinpoint(m.group("pin")))


def _edition(printed: str) -> str:
    """Bluebook's "2d" / "3d" are spelled "2nd" / "3rd"; "rev." stays."""
    return re.sub(r"^(\d*[23])d$", lambda m: m.group(1) + ("nd" if m.group(1)[-1] == "2" else "rd"), printed)


# --- statutes, constitutions, treaties ---------------------------------------------


def _read_statute(text: str, clean: str) -> Reference | None:
    m = L.LEGAL_STATUTE.match(clean)
    if m is None:
        return None
    cite = m.group("cite").rstrip(".")
    fields: dict[str, FieldValue] = {"title": cite, "howpublished": cite}
    if not _set_date(fields, m.group("paren") or "", ""):
        if m.group("paren"):
            fields["note"] = m.group("paren")
    return _full(text, "legislation", fields, None)


def _read_named_act(text: str, clean: str) -> Reference | None:
    m = L.LEGAL_NAMED_ACT.match(clean)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"title": m.group("title").strip(), "howpublished": m.group("cite")}
    year = L.LEGAL_YEAR_WORD.search(m.group("title"))
    _set_date(fields, m.group("paren") or "", year.group(1) if year else "")
    return _full(text, "legislation", fields, normalize_pinpoint(m.group("pin")))


def _read_constitution(text: str, clean: str) -> Reference | None:
    m = L.LEGAL_CONSTITUTION.match(clean)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"title": m.group("title")}
    _set_date(fields, m.group("paren") or "", "")
    pin = (m.group("pin") or "").strip(" ,.") or None
    return _full(text, "legislation", fields, pin)


def _read_charter(text: str, clean: str) -> Reference | None:
    m = L.LEGAL_CHARTER.match(clean)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"title": m.group("title")}
    return _full(text, "misc", fields, m.group("pin").strip(" ,.") or None)


def _read_treaty(text: str, clean: str) -> Reference | None:
    m = L.LEGAL_TREATY.match(clean)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"title": m.group("title").strip()}
    _set_date(fields, m.group("date"), "")
    cite = ", ".join(p for p in (m.group("cite"), m.group("more")) if p)
    if cite:
        fields["howpublished"] = cite.strip(" ,.")
    if m.group("parties"):
        fields["note"] = m.group("parties").strip()
    pin = (m.group("pin") or "").strip(" ,.") or None
    return _full(text, "misc", fields, pin)
