"""Bluebook shapes of American practice: codes cited by name, court rules, cases
in a database or by report alone, and periodicals paginated by issue.

Input: one note's text and its cleaned form (see :func:`relbib.parse.legal.parse_legal`).
Output: a FullRef (``legislation``, ``jurisdiction`` or ``article``), or None
when the note is not that shape.
Never: guess, look at other notes, or touch a file.

* ``Utah Code Ann. § 77-23c-101 (West 2024)``, ``Fed. R. Evid. 702`` → ``legislation``;
* ``Eagle F. v. Doe, No. 3:16-CV-946, 2017 WL 4785792, at *4 (S.D. Ill. Oct. 20,
  2017)`` → ``jurisdiction`` with the docket in ``number``, the database citation
  in ``howpublished``, the star page as pinpoint;
* ``491 U.S. 324, 336 (1989)`` (the case named in the text) → ``jurisdiction``
  without a title;
* ``Author, Title, L. & Contemp. Probs., Autumn 1989, at 133, 174`` → ``article``;
* bills ``Clean Harbors Act, S. 1865, 116th Cong. § 2 (2019)``, ``H.B. 4, 88th Leg.,
  Reg. Sess. (Tex. 2023)`` → ``legislation`` with the bill's number;
* congressional reports ``H.R. Rep. No. 114-529, at 3 (2016)`` → ``techreport``;
  without a year (Bluebook's short form) → a ShortRef by the report's name;
* works cited by section ``Restatement (Second) of Torts § 402A cmt. c (Am. L. Inst.
  1965)`` → ``book``, the section the pinpoint;
* Attorney General and OLC opinions ``41 Op. Att'y Gen. 12, 14 (1949)`` → ``misc``;
* undated web pages ``Title, Site, URL`` / ``Agency, Title, URL (last visited …)``
  → ``online``.
"""

from __future__ import annotations

import re

from relbib import lexicon
from relbib.model import FieldValue, Name, Reference, ShortRef
from relbib.parse import legal_patterns as L
from relbib.parse import patterns as P
from relbib.parse.dates import parse_date
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.legal_shared import authors_and_title as _authors_and_title
from relbib.parse.legal_shared import court as _court
from relbib.parse.legal_shared import full as _full
from relbib.parse.legal_shared import set_date as _set_date
from relbib.parse.names import is_suffix, split_names

__all__ = [
    "INSTITUTION_WORD",
    "corporate_author_and_title",
    "read_ag_opinion",
    "read_bare_report",
    "read_bill",
    "read_code",
    "read_congress_report",
    "read_database_case",
    "read_nonconsecutive",
    "read_sectioned_work",
    "read_thesis",
    "read_web_page",
    "speech_fields",
]

_PIN = L.LEGAL_PIN_FRAGMENT
_END = L.LEGAL_TRAILER_FRAGMENT
_DASHES = "-\u2013\u2014"
# "H.R. 1234", "S. 56", "H.J. Res. 7", "S.B. 210", "Assemb. B. 5", "H.F. 12": a bill's number.
_BILL_NUMBER = (
    r"(?:(?:H\.\s?R\.|S\.|H\.\s?J\.|S\.\s?J\.|H\.\s?Con\.|S\.\s?Con\.|H\.)\s?Res\.\s?\d+"
    r"|H\.\s?R\.\s?\d+|S\.\s?\d+|(?:[HSA]|Assemb)\.\s?[BF]\.\s?\d+|Assemb\.\s?\d+)"
)
# A session's ordinal as Chicago prints it: "1st", "2d", "2nd", "3d".
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th|d)"
# "Clean Harbors Act, S. 1865, 116th Cong. § 2(b) (2019)" / "H.R. 57, 2019 Leg., Gen.
# Sess. (Utah 2019)": the act's name (maybe), the bill, the Congress or legislature's session.
_BILL = re.compile(
    rf"^(?:(?P<name>[A-Z][^,()\u00a7]{{2,160}}?),\s)?(?P<bill>{_BILL_NUMBER}),\s"
    rf"(?P<session>[^()\u00a7]{{0,80}}?\b(?:Cong|Leg|Legis|Sess|Assemb)\.(?:,\s{_ORDINAL}\s[Ss]ess\.)?"
    rf"|\d{{1,3}}(?:st|nd|rd|th|d)\sCongress(?:,\s{_ORDINAL}\s[Ss]ession)?)"  # Chicago: "107th Cong., 2d sess."
    rf"(?:,?\s(?P<pin>\u00a7\u00a7?\s?[\w.()]+(?:\s?[{_DASHES}]\s?[\w.()]+)?))?"
    rf"(?:\s\((?P<paren>[^()]*)\))?{_END}"
)
# "H.R. Rep. No. 114-529, at 3 (2016)", "S. Doc. No. 99-1", "H.R. Conf. Rep. No. 105-405".
_CONGRESS_REPORT = re.compile(
    r"^(?P<chamber>H\.\s?R\.|S\.)\s(?P<kind>(?:Conf\.\s)?Rep|Doc|Exec\.\sRep|Prt)\.\sNo\.\s"
    rf"(?P<number>\d+[{_DASHES}]\d+)(?:,\s(?P<part>pt\.\s\d+))?(?:,\s(?:at\s)?(?P<pin>{_PIN}))?"
    rf"(?:\s\((?P<paren>[^()]*)\))?{_END}",
    re.IGNORECASE,
)
# "Title: Hearing Before the S. Subcomm. on X, 112th Cong. 3–4 (2011) (statement of …)":
# a congressional hearing (Bluebook 13.3); the title runs to the committee, the pages cited follow the Congress.
_HEARING = re.compile(
    r"^(?P<title>[^()]{3,300}?:\s(?:Joint\s)?Hearings?\s(?:on\s[^()]{1,200}?\s)?Before\s[^()]{3,300}?),\s"
    rf"(?P<congress>\d{{1,3}}(?:st|nd|rd|th|d)\sCong\.)(?:,?\s(?:at\s)?(?P<pin>{_PIN}))?"
    rf"\s\((?P<paren>[^()]*\d{{4}})\)(?:\s\([^()]*\))*{_END}"
)
# A newsletter or looseleaf cited by paragraph (Bluebook 19): "Author, Title, 11 Nash & Cibinic
# Rep. ¶ 17, at 60 (Apr. 1997)" / "Title, 39 Gov't Contractor ¶ 161, Apr. 2, 1997".
_PARAGRAPHED = re.compile(
    r"^(?P<head>[^()\u00b6]{3,300}?),\s(?P<volume>\d{1,4})\s(?P<journal>[A-Z][^,()\u00b6]{1,60}?)\s\u00b6\s?"
    rf"(?P<para>\d+)(?:,\sat\s(?P<pin>{_PIN}))?(?:\s\((?P<paren>[^()]*\d{{4}})\)"
    rf"|,\s(?P<date>[A-Z][a-z]{{2,8}}\.?\s(?:\d{{1,2}},\s)?\d{{4}})){_END}"
)
# "Restatement (Second) of Torts § 402A cmt. c (Am. L. Inst. 1965)", "Manual of Model Civ.
# Jury Instructions … § 4.20 (Comm. 2020)": a work cited by its section, no code.
_SECTIONED = re.compile(
    r"^(?P<head>[A-Z][^\u00a7()]{3,200}?(?:\((?:First|Second|Third|Fourth)\)[^\u00a7()]{1,160}?)?)\s"
    r"(?P<pin>\u00a7\u00a7?\s?[\w.()\-\u2013]+(?:,?\s(?:cmt|illus|reporters?['\u2019]\snote|note)\.?\s?[\w.\-]*)*)"
    rf"\s\((?P<paren>[^()]*?\b(?P<year>{L.LEGAL_YEAR_FRAGMENT}))\){_END}"
)
# "41 Op. Att'y Gen. 12, 14 (1949)", "Ohio Op. Att'y Gen. No. 2019-014 (2019)", "12 Op. O.L.C. 34".
_AG_OPINION = re.compile(
    r"^(?:(?P<volume>\d{1,4})\s)?(?P<body>(?:[A-Z][\w.]*\s){0,3}Ops?\.\s(?:Att['\u2019]y\sGen\.|O\.\s?L\.\s?C\.|"
    r"Off\.\sLegal\sCounsel))\s(?:No\.\s(?P<number>[\w\-\u2013]+)|(?P<first>\d+))"
    rf"(?:,\s(?:at\s)?(?P<pin>{_PIN}))?(?:\s\((?P<paren>[^()]*)\))?{_END}"
)
# "Title, Site, https://… [https://perma.cc/…] (last visited Jan. 5, 2024)": a web page with no date.
_WEB_PAGE = re.compile(
    r"^(?P<head>[^()]{2,400}?),\s(?:available\sat\s)?(?P<url>https?://[^\s\[\]()]+?)[.,]?"
    r"(?:\s\[https?://[^\s\]]+\])?(?:\s\((?P<visited>last\s(?:visited|updated|modified)\s[^()]+)\)"
    r"|\s\((?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4})\))?\.?$"
)
# A title that opens with a year, no date: "U.S. Census Bureau, 2010 Census Summary File 1, https://…".
_NUMBERED_TITLE = re.compile(r"(?:^|(?<=,\s))(?:1[6-9]|20)\d\d(?=\s[A-Z][a-z])")
# A link's text kept as the title, its article with it: "the Old Maps Portal, https://…".
_THE_LINK = re.compile(r"^the\s(?=[A-Z])")
# The page's date after its site, before the URL: "Title, Site, Sept. 23, 2010, https://…".
_DATE_ENDS_HEAD = re.compile(r",\s(?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2},\s(?:1[6-9]|20)\d\d)$")
# A title in quotation marks standing as a piece of its own ("“Title,” Site",
# "Org, \"Title.\" Site"): Bluebook prints a web page's title in italics or plain.
_QUOTED_TITLE = re.compile(
    r"(?:^|[,.:]\s)[\u201c\"][^\u201c\u201d\"]{2,300}(?:[,.?!][\u201d\"](?:\s|$)|[\u201d\"](?:[,.]|$))")
# A code cited by chapter, act and section with a slash (Bluebook T1, Illinois): "775 Ill.
# Comp. Stat. Ann. 5/2-103 (West 2020)", "735 ILCS 5/2-1001": no "§", the volume is the chapter.
_SLASH_CODE = re.compile(
    r"^(?P<cite>\d{1,4}\s(?:[A-Z][\w.]*\s){0,5}(?:Stat\.|Stats\.|Code|Laws|ILCS)(?:\s(?:Ann\.|Supp\.))?"
    r"\s\d+/[\w.]+(?:[-\u2013][\w.]+)*(?:\([\w]+\))*)"
    rf"(?:\s\((?P<paren>[^()]*)\))?{_END}"
)
# A uniform or model act cited by section (Bluebook 12.9.4): "Unif. Trade Secrets Act § 1(4)
# (Unif. L. Comm'n 1985)", "Model Bus. Corp. Act § 8.30 (Am. Bar Ass'n 2016)".
_UNIFORM_ACT = re.compile(r"^(?:Revised\s|Rev\.\s)?(?:Unif\.|Uniform|Model)\s[^\u00a7]*\bAct\b")
# A thesis (Bluebook 17.1): "Title 45-48 (2013) (Ph.D. dissertation, Harvard University)",
# "Title 112 (unpublished Ph.D. dissertation, Univ. of Colo. 2004) (on file with …)": the
# number before the parenthesis is a page cited, never a volume.
_THESIS = re.compile(
    r"^(?P<head>[^()]+?)(?:\s(?P<pin>\d+(?:\s?[-\u2013]\s?\d+)?(?:,\s?\d+){0,8}))?"  # bounded: linear
    r"(?:\s\((?P<date>[^()]*\d{4})\))?\s\((?:unpublished\s)?(?P<degree>(?:Ph\.\s?D\.|D\.\s?Phil\.|J\.\s?S\.\s?D\.|"
    r"S\.\s?J\.\s?D\.|LL\.\s?M\.|M\.\s?A\.|M\.\s?Phil\.|doctoral|master['\u2019]s)\s"
    r"(?P<kind>dissertation|thesis)),\s(?P<school>[^()]+?)\)(?:\s\([^()]*\))*\.?$",
    re.IGNORECASE,
)
# Words of a body's name: "Dep't", "Comm'n", "Agency", "Inst.", "Off.", "Div." … (lexicon)
INSTITUTION_WORD = re.compile(rf"\b(?:{lexicon.institution_pattern()})")


def read_code(text: str, clean: str) -> Reference | None:
    """A code by name and section, or a court rule: "Fed. R. Evid. 702" → ``legislation``."""
    m = L.LEGAL_CODE.match(clean)
    if m is not None and not _is_code(m.group("cite"), m.group("paren") or ""):
        m = None  # "Wright & Miller, Federal Practice § 1357 (3d ed.)": a treatise, not a code
    m = m or L.LEGAL_RULE.match(clean) or _SLASH_CODE.match(clean)
    if m is None or L.LEGAL_CASE_NAME.search(m.group("cite")):
        return None
    paren = m.group("paren") or ""
    fields: dict[str, FieldValue] = {"title": m.group("cite"), "howpublished": m.group("cite")}
    if paren and not _set_date(fields, paren, ""):
        return None  # "(holding …)" after a section is not a code's parenthetical
    publisher = L.LEGAL_YEAR_WORD.sub("", paren).strip(" ,")
    if publisher:
        fields["publisher"] = publisher  # "(West 2024)", "(Am. L. Inst., Proposed Official Draft 1962)"
    return _full(text, "legislation", fields, None)


def read_database_case(text: str, clean: str) -> Reference | None:
    """ "Eagle F. v. Doe, No. 3:16-CV-946, 2017 WL 4785792, at *4 (S.D. Ill. Oct. 20, 2017)"."""
    m = L.LEGAL_DATABASE_TAIL.search(clean)
    head = clean[: m.start()].strip() if m else ""
    if m is None or not L.LEGAL_CASE_NAME.search(head):
        return None
    fields: dict[str, FieldValue] = {"title": head, "howpublished": m.group("db")}
    if m.group("docket"):
        fields["number"] = m.group("docket").strip()
    _set_date(fields, m.group("paren"), m.group("year"))
    court = _court(m.group("paren"))
    if court:
        fields["note"] = court
    return _full(text, "jurisdiction", fields, m.group("pin"))














def read_bare_report(text: str, clean: str) -> Reference | None:
    """ "491 U.S. 324, 336 (1989)": a case the text names, cited by its report alone."""
    m = L.LEGAL_BARE_REPORT.match(clean)
    if m is None or not L.LEGAL_REPORTER.match(m.group("source")):
        return None
    fields: dict[str, FieldValue] = {"howpublished": f"{m.group('volume')} {m.group('source')} {m.group('first')}"}
    _set_date(fields, m.group("paren"), m.group("year"))
    court = _court(m.group("paren"))
    if court:
        fields["note"] = court
    return _full(text, "jurisdiction", fields, normalize_pinpoint(m.group("pin")))


def _is_code(cite: str, paren: str) -> bool:
    """A code's name ("Utah Code Ann.", "Ann Arbor, Mich., Code of Ordinances"), not a
    treatise's title, and a publisher's parenthetical, not an edition's."""
    words = L.LEGAL_CODE_WORD.findall(cite)
    if not words or L.LEGAL_EDITION.search(paren):
        return False
    return "," not in cite.split("\u00a7")[0] or any(w.startswith(("Code", "Ordinances")) for w in words)


def read_nonconsecutive(text: str, clean: str) -> Reference | None:
    """ "Author, Title, JOURNAL, Autumn 1989, at 133, 174" → ``article``, no volume."""
    m = L.LEGAL_NONCONSECUTIVE.match(clean)
    if m is None or L.LEGAL_CASE_NAME.search(m.group("head")):
        return None
    split = _authors_and_title(m.group("head"))
    if split is None or not split[1]:
        return None
    fields: dict[str, FieldValue] = {"title": split[1], "journal": m.group("journal").strip(),
                                     "pages": m.group("first")}
    if split[0]:
        fields["author"] = split[0]
    _set_date(fields, m.group("date"), L.LEGAL_YEAR_WORD.search(m.group("date")).group(1))  # type: ignore[union-attr]
    return _full(text, "article", fields, normalize_pinpoint(m.group("pin")))


# --- bills, reports and opinions ----------------------------------------------------------


def read_bill(text: str, clean: str) -> Reference | None:
    """ "Clean Harbors Act, S. 1865, 116th Cong. § 2(b) (2019)" → ``legislation``."""
    m = _BILL.match(clean)
    if m is None:
        return None
    bill = m.group("bill")
    fields: dict[str, FieldValue] = {
        "title": (m.group("name") or bill).strip(), "number": bill,
        "howpublished": f"{bill}, {m.group('session')}",
    }
    paren = m.group("paren") or ""
    if not _set_date(fields, paren, L.LEGAL_YEAR_WORD.search(m.group("session")).group(1)  # type: ignore[union-attr]
                     if L.LEGAL_YEAR_WORD.search(m.group("session")) else "") and "Congress" not in m.group("session"):
        return None  # (a Congress spelled out names the bill's years: "107th Congress, 2nd Session")
    where = _court(paren)
    if where:
        fields["note"] = where  # "(Utah 2019)": the state whose legislature it is
    return _full(text, "legislation", fields, normalize_pinpoint(m.group("pin")))





def read_congress_report(text: str, clean: str) -> Reference | None:
    """ "H.R. Rep. No. 114-529, at 3 (2016)" → ``techreport``; without its year, the
    report's short form (Bluebook 4.2) → a ShortRef by the report's name."""
    m = _CONGRESS_REPORT.match(clean)
    if m is None:
        return None
    chamber = "H.R." if m.group("chamber").upper().startswith("H") else "S."
    kind = " ".join(w[:1].upper() + w[1:].lower() for w in m.group("kind").split())
    number = re.sub(f"[{_DASHES}]", "-", m.group("number"))
    title = f"{chamber} {kind}. No. {number}"
    pin = normalize_pinpoint(m.group("pin"))
    fields: dict[str, FieldValue] = {"title": title, "number": number}
    if not _set_date(fields, m.group("paren") or "", ""):
        return ShortRef(text=text, authors=(), short_title=title, pinpoint=pin)
    return _full(text, "techreport", fields, pin)


def read_paragraphed(text: str, clean: str) -> Reference | None:
    """ "Title, 39 Gov't Contractor ¶ 161, Apr. 2, 1997" → ``article``: the newsletter, its
    volume and paragraph (``number``); the page after "at" is the pinpoint."""
    m = _PARAGRAPHED.match(clean)
    if m is None:
        return None
    split = _authors_and_title(m.group("head"))
    if split is None or not split[1]:
        return None
    fields: dict[str, FieldValue] = {"title": split[1], "journal": m.group("journal").strip(),
                                     "volume": m.group("volume"), "number": m.group("para")}
    if split[0]:
        fields["author"] = split[0]
    if not _set_date(fields, m.group("paren") or m.group("date"), ""):
        return None
    return _full(text, "article", fields, normalize_pinpoint(m.group("pin")))


def read_hearing(text: str, clean: str) -> Reference | None:
    """ "Title: Hearing Before the H. Comm. on X, 110th Cong. 5 (2008)" → ``misc``: the
    title with its committee, the Congress as ``howpublished``, the pages cited as the pinpoint."""
    m = _HEARING.match(clean)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"title": m.group("title").strip(), "howpublished": m.group("congress")}
    if not _set_date(fields, m.group("paren"), ""):
        return None
    return _full(text, "misc", fields, normalize_pinpoint(m.group("pin")))


def read_sectioned_work(text: str, clean: str) -> Reference | None:
    """ "Restatement (Second) of Torts § 402A cmt. c (Am. L. Inst. 1965)" → ``book``,
    the section (and comment) its pinpoint, the institute its publisher."""
    m = _SECTIONED.match(clean)
    if m is None or L.LEGAL_CASE_NAME.search(m.group("head")) or L.LEGAL_CODE_WORD.search(m.group("head")):
        return None  # a case, or a code the code reader did not take: no book
    split = _authors_and_title(m.group("head"))
    if split is None or not split[1]:
        return None
    fields: dict[str, FieldValue] = {"title": split[1], "year": m.group("year")}
    if split[0]:
        fields["author"] = split[0]
    rest = m.group("paren")[: m.start("year") - m.start("paren")]
    if not split[0] and _UNIFORM_ACT.match(split[1]):
        # a uniform act is law a commission drafted: the commission publishes it
        fields.update({"publisher": rest.strip(" ,")} if rest.strip(" ,") else {})
        return _full(text, "legislation", fields, m.group("pin").strip())
    edition = L.LEGAL_EDITION.search(rest)
    if edition is not None:
        fields["edition"] = edition.group("edition")
        rest = rest[: edition.start()] + rest[edition.end() :]
    if rest.strip(" ,"):
        fields["publisher"] = rest.strip(" ,")
    return _full(text, "book", fields, m.group("pin").strip())


def read_thesis(text: str, clean: str) -> Reference | None:
    """ "Ann Lee, Title 45 (2013) (Ph.D. dissertation, Harvard University)" → ``phdthesis``
    (``mastersthesis`` for a master's), the school, the page cited as pinpoint."""
    m = _THESIS.match(clean)
    if m is None:
        return None
    split = _authors_and_title(m.group("head"))
    school = m.group("school").strip()
    year = L.LEGAL_YEAR_WORD.search(m.group("date") or school)
    if split is None or not split[1] or year is None:
        return None
    if not m.group("date"):
        school = school[: year.start()].strip(" ,")  # "(Ph.D. dissertation, Univ. of Colo. 2004)"
    master = re.match(r"(?i)m|ll", m.group("degree")) is not None
    fields: dict[str, FieldValue] = {"title": split[1], "school": school, "type": m.group("degree")}
    if split[0]:
        fields["author"] = split[0]
    _set_date(fields, m.group("date") or "", year.group(1))
    return _full(text, "mastersthesis" if master else "phdthesis", fields, normalize_pinpoint(m.group("pin")))


def read_ag_opinion(text: str, clean: str) -> Reference | None:
    """ "41 Op. Att'y Gen. 12, 14 (1949)" / "Ohio Op. Att'y Gen. No. 2019-014" → ``misc``."""
    m = _AG_OPINION.match(clean)
    if m is None:
        return None
    body = m.group("body")
    cite = " ".join(p for p in (m.group("volume"), body, m.group("first")) if p)
    if m.group("number"):
        cite = f"{body} No. {m.group('number')}"
    fields: dict[str, FieldValue] = {"title": cite, "howpublished": cite}
    if m.group("number"):
        fields["number"] = m.group("number")
    paren = m.group("paren") or ""
    _set_date(fields, paren, "")
    where = _court(paren) if paren else ""
    if where:
        fields["note"] = where
    return _full(text, "misc", fields, normalize_pinpoint(m.group("pin")))


def read_web_page(text: str, clean: str) -> Reference | None:
    """ "Findings, Stan. Open Harbor Project, https://…" (title, site) / "U.S. Env't
    Prot. Agency, Title, https://… (last visited …)" (a body's page) → ``online``."""
    m = _WEB_PAGE.match(clean)
    if m is None:
        return None
    dated = _DATE_ENDS_HEAD.search(m.group("head"))  # "Title, Site, Sept. 23, 2010, https://…"
    head = m.group("head")[: dated.start()] if dated is not None and P.MONTH.match(dated.group("date")) else m.group("head")
    if L.LEGAL_CASE_NAME.search(head) or L.LEGAL_YEAR_WORD.search(_NUMBERED_TITLE.sub("", head)):
        return None
    if _QUOTED_TITLE.search(head):
        return None  # "Org, “Title,” Site, https://…": a Chicago or MLA page (records.py reads it)
    parts = [p.strip() for p in head.split(", ")]
    if len(parts) > 4 or any(not p or len(p.split()) > 25 for p in parts):
        return None
    fields: dict[str, FieldValue] = {"url": m.group("url")}
    domain = re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", parts[0]) is not None
    people = _authors_and_title(head) if len(parts) >= 3 and not domain else None
    if people is not None and people[0]:
        fields["author"] = people[0]
        parts = people[1].split(", ")
    elif len(parts) >= 2 and (INSTITUTION_WORD.search(parts[0]) and not INSTITUTION_WORD.search(parts[1])
                              or domain):
        # the body whose page it is, by its name or its domain ("harbourhistory.net, Title, https://…")
        fields["author"] = (Name(family=parts[0], literal=True),)
        parts = parts[1:]
    if len(parts) >= 2:  # the site: its publisher and where the page appeared (as records.py reads it)
        fields["howpublished"] = fields["organization"] = parts[-1]
        parts = parts[:-1]
    fields["title"] = _THE_LINK.sub("", ", ".join(parts))
    if m.group("date") or head != m.group("head"):
        # "… https://… (Apr. 8, 2022)" / "…, Sept. 23, 2010, https://…": the page's date
        _set_date(fields, m.group("date") or m.group("head")[len(head) :].strip(" ,"), "")
    visited = m.group("visited")
    if visited:
        year, iso = parse_date(visited.split(" ", 2)[-1])
        if iso or year:
            fields["urldate"] = iso or year
    return _full(text, "online", fields, None)


# --- authors that are no persons, speeches ---------------------------------------------

# "Address at …", "Remarks upon Signing …", "Keynote Address at …": a speech's title.
_SPEECH = re.compile(
    r"^(?:(?:Keynote|Opening|Closing|Commencement|Inaugural)\s)?(?:Address|Remarks|Speech|Lecture|Testimony|"
    r"Statement|Presentation)\s(?:at|to|upon|on|before|of|for)\s"
)


def corporate_author_and_title(head: str) -> tuple[tuple[Name, ...], str] | None:
    """ "Reuters, Title" / "Comm'n on Harbor Safety, Title" / "C.R. Div., U.S. Dep't of
    Just. & Civ. Div., U.S. Att'y's Off., Title": bodies, not persons, before the title
    (the last piece).  None unless every piece before the title names a body."""
    parts = [p.strip() for p in head.strip(" ,").split(", ")]
    if len(parts) < 2 or len(parts[-1].split()) < 2:
        return None
    bodies = parts[:-1]
    if len(bodies) == 1 and not INSTITUTION_WORD.search(bodies[0]):
        words = bodies[0].split()
        if len(words) > 5 or not all(w[:1].isupper() for w in words):
            return None  # "Reuters", "Associated Press": a name of capitalised words
        if len(words) > 1 and words[0].lower() in lexicon.western_given_names():
            return None  # "Laura Shin": a person whose title the reader did not take
    elif not all(INSTITUTION_WORD.search(b) or _abbreviated(b) or _list_end(bodies, i) for i, b in enumerate(bodies)):
        return None
    names = [n.strip() for n in ", ".join(bodies).split(" & ")]
    return tuple(Name(family=n, literal=True) for n in names if n), parts[-1]


def institution_and_split(head: str) -> tuple[str, tuple[tuple[Name, ...], str] | None]:
    """The institution between a report's authors and its title ("Ann Lee, Pub.
    Pol'y Inst. of Cal., Title": Bluebook 15.1), and the head's authors and title."""
    parts = head.split(", ")
    corporate = corporate_author_and_title(head) if INSTITUTION_WORD.search(parts[0]) else None
    if corporate is not None:
        return "", corporate  # "Am. Bar Ass'n, Title": a body wrote it
    for i in range(1, len(parts) - 1):
        if INSTITUTION_WORD.search(parts[i]) or _COMPANY.match(parts[i]):
            first = i - 1 if i > 1 and _COMPANY.match(parts[i]) else i  # "Harbor Tools, Inc."
            last = i
            listed = any(p.startswith(("and ", "or ", "& ")) for p in parts[i + 1 :])
            while not listed and last + 2 < len(parts) and _UNIT.fullmatch(parts[last + 1]):
                last += 1  # "U.S. Chief Data Officer, White House, Title": the office's place
            split = _authors_and_title(", ".join(parts[:first] + parts[last + 1 :]))
            if split is not None and split[0]:
                return ", ".join(parts[first : last + 1]), split
            break
    return "", _authors_and_title(head) or corporate_author_and_title(head)


# A company's form after its name: "Harbor Tools, Inc.".
_COMPANY = re.compile(r"(?:Inc|Corp|Co|Ltd|LLC|L\.L\.C|LLP|L\.P|PLC)\.?$")
# A short place or unit after a position ("White House", "Dep't of Lab."): no title.
_UNIT = re.compile(r"[A-Z][\w.'\u2019-]*(?:\s(?:of\s)?[A-Z][\w.'\u2019-]*){0,2}")


def _list_end(bodies: list[str], i: int) -> bool:
    """ "Office of the Under Sec'y for Acquisition, Tech., and Logistics": the last unit of a
    body's list ("and Logistics", after a body or an abbreviation), no title of its own."""
    words = bodies[i].split()
    return (
        i > 0 and words[:1] in (["and"], ["&"]) and 2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words[1:])
        and bool(INSTITUTION_WORD.search(bodies[i - 1]) or _abbreviated(bodies[i - 1]))
    )


def _abbreviated(piece: str) -> bool:
    """ "W. Dist. of Ky.", "U.S.": a piece of abbreviations (a body's unit or place)."""
    words = [w for w in piece.split() if w not in ("of", "&", "the", "for", "on")]
    return bool(words) and all(w.endswith(".") or w.isupper() for w in words)


def speech_fields(head: str, container: str) -> dict[str, FieldValue] | None:
    """A speech (Bluebook 17.3): "Eric Holder, Jr., U.S. Att'y Gen., Address at X" → the
    speaker (the first piece, a person), the speech's title; the speaker's office dropped."""
    if _SPEECH.match(container) is None:
        return None
    pieces = head.split(", ")
    # "Eric Holder, Jr., U.S. Att'y Gen.": the suffix is the speaker's
    speaker = ", ".join(pieces[:2]) if len(pieces) > 1 and is_suffix(pieces[1]) else pieces[0]
    names = split_names(speaker)
    if len(names) != 1 or not names[0].given:
        return None
    return {"author": names, "title": container}
