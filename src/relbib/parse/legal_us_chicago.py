"""US legal sources as Chicago notes in law-and-society writing print them: cases by docket
number or by date alone, a case cited inside a sentence, a case's short form by its report
and page, and congressional documents in Chicago's order.

Input: one note's text and its cleaned form (see :func:`relbib.parse.legal.parse_legal`).
Output: a FullRef (``jurisdiction`` or ``report``), a ShortRef, or None when the note is
not that shape; ``case_without_prose`` gives the cleaned text without the sentence a case
stands in.
Never: guess, look at other notes, or touch a file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from relbib.model import FieldValue, FullRef, Name, Reference, ShortRef
from relbib.parse import legal_patterns as L
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.legal_shared import court as _court
from relbib.parse.legal_shared import full as _full
from relbib.parse.legal_shared import set_date as _set_date

__all__ = [
    "case_in_prose",
    "case_without_prose",
    "read_chicago_congress_document",
    "read_docket_case",
    "read_report_short",
]

_PIN = L.LEGAL_PIN_FRAGMENT
_END = L.LEGAL_TRAILER_FRAGMENT
# A case cited by its docket number, not yet reported (Bluebook 10.8.1): "Roe v. Doe Indus. Ass'n,
# No. CV-01-2669 (D.N.J. June 26, 2001)", "…, No. 19-123, slip op. at 4 (U.S. June 1, 2020)".
_DOCKET_CASE = re.compile(
    r"^(?P<title>[A-Z][^()]{1,160}?\sv\.?\s[^()]{2,160}?|In\sre\s[^()]{2,160}?),\sNo\.\s(?P<docket>[^()]{1,60}?)"
    rf"(?:,\sslip\sop\.(?:\sat\s(?P<pin>{_PIN}))?)?\s\((?P<paren>[^()]*\b{L.LEGAL_YEAR_FRAGMENT})\){_END}"
)
# A case named with its date alone, its report still to come: "Roe v. Doe Services (decided June
# 27, 2005)", "Roe v. Doe, Ltd. (U.S. June 27, 2005)": no number in the name.
_UNREPORTED_CASE = re.compile(
    r"^(?P<title>[A-Z][^()\d]{1,160}?\sv\.?\s[A-Z][^()\d]{1,160}?)"
    rf"\s\((?P<paren>(?:(?:decided|argued|filed)\s)?[^()\d]{{0,40}}?(?:\d{{1,2}},\s)?{L.LEGAL_YEAR_FRAGMENT})\){_END}"
)
# A case's short form by its full report and a page, no year (Chicago notes, Bluebook's
# "Roe, 383 F.3d at 400" without the name): "383 F3d 390, 400.", "383 F.3d 390, at 400".
_REPORT_SHORT = re.compile(
    r"^(?P<volume>\d{1,4})\s(?P<source>[A-Z][\w.]{0,12}(?:\s?[A-Z0-9][\w.]{0,8}){0,3})\s(?P<first>\d{1,5}),\s"
    rf"(?:at\s)?(?P<pin>{_PIN})\.?$"
)
# A reporter's name printed without its full stops: "F3d", "FSupp2d", "US", "SCt".
_REPORTER_UNDOTTED = re.compile(r"F\d(?:d|th)|F(?:Supp|App(?:x)?)\d?(?:d|th)?|US|SCt|LEd\d?d?")
# A case cited inside a sentence that goes on after its dated parenthesis: "NBA v. Motorola, 105 F.3d
# 841 (2d Cir. 1997), which restricted …" (the case ends with its parenthesis).
_CASE_THEN_PROSE = re.compile(r"(?<=\d{4}\)),\s+(?=[a-z])(?!(?:aff|rev|cert|overr|vacat|modif|abrog|supersed)"
                              r"[a-z']*[\s.,])[^()]*$")
# A case named and reported inside a sentence: the run of capitalised words before "v.", its report and
# its dated parenthesis ("… on the model of Roe News Service v. Doe Press, 248 U.S. 215 (1918), …").
_CASE_IN_PROSE = re.compile(
    r"(?<![\w.&'\u2019-])(?P<case>[A-Z][\w.&'\u2019-]*+(?:\s(?:[A-Z][\w.&'\u2019-]*+|of|the|and|for|&)){0,12}"
    r"\sv\.\s[^;()]{1,160}?,"
    r"\s\d{1,4}\s[A-Z][\w.\s]{0,20}?\s\d{1,5}(?:,\s\d[\d\u2013-]*)?\s\([^()]*\d{4}\))"
)
# A congressional document in Chicago's order (CMOS 14.291): the chamber and committee, the
# title, the Congress and session, the year, the document's number, the page: "U.S. Congress,
# House, Committee on Harbors, Report on Quay Tolls, 58th Cong., 2d sess., 1904, H. Rep. 1234, 12."
# "H. Rep. 1234", "S. Misc. Doc. 45", "H.R. Rep. No. 94-1476": a congressional document's number.
_DOC_NUMBER = r"(?:H\.|S\.)\s?(?:R\.\s?)?(?:Rep|Doc|Exec\.\sDoc|Misc\.\sDoc|Rpt)\.\s(?:No\.\s)?[\d\-\u2013]+"
_BODY_PART = r"(?:(?:Joint|Select|Special)\s)?(?:Sub)?[Cc]ommittee\son\s[^,()]{2,100}"
_CHICAGO_CONGRESS_DOC = re.compile(
    r"^(?P<body>(?:U\.\s?S\.\sCongress,\s)?(?:(?:House|Senate)(?:,\s|\s(?=(?:Joint|Select|Special|Committee)\b)))?"
    rf"{_BODY_PART}(?:,\s{_BODY_PART})?|U\.\s?S\.\sCongress,\s(?:House|Senate)),\s"
    rf"(?P<title>[^()]{{3,300}}?)(?:,\s(?P<number_first>{_DOC_NUMBER}))?,\s"
    r"(?P<congress>\d{1,3}(?:st|nd|rd|th|d)\sCong(?:\.|ress),\s\d(?:st|nd|rd|th|d)\s[Ss]ess(?:\.|ion))"
    r"(?:,\s(?P<date>(?:[A-Z][a-z]{2,8}\.?\s\d{1,2},\s)?\d{4})|\s\((?P<paren>(?:[A-Z][a-z]{2,8}\.?\s\d{1,2},\s)?\d{4})\))?"
    rf"(?:,\s(?P<number>{_DOC_NUMBER}))?"
    r"(?:,\s(?P<pin>\d{1,5}(?:\s?[\-\u2013]\s?\d{1,5})?(?:,\s\d{1,5}(?:\s?[\-\u2013]\s?\d{1,5})?)*))?\.?$"
)


def read_docket_case(text: str, clean: str) -> Reference | None:
    """ "Roe v. Doe, No. 01-2669 (D.N.J. June 26, 2001)": a case by its docket number → ``jurisdiction``;
    "Roe v. Doe Services (decided June 27, 2005)": a case by its date alone."""
    m = _DOCKET_CASE.match(clean) or _UNREPORTED_CASE.match(clean)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {"title": m.group("title").strip()}
    if "docket" in m.groupdict():
        fields["number"] = m.group("docket").strip()
    paren = re.sub(r"^(?:decided|argued|filed)\s", "", m.group("paren"))
    _set_date(fields, paren, paren[-4:])
    court = _court(paren)
    if court:
        fields["note"] = court
    return _full(text, "jurisdiction", fields, m.groupdict().get("pin"))


def read_report_short(text: str, clean: str) -> Reference | None:
    """ "383 F3d 390, 400.": a case cited before, by its report and the page cited → ``ShortRef``."""
    m = _REPORT_SHORT.match(clean)
    if m is None:
        return None
    source = m.group("source")
    if not L.LEGAL_REPORTER.match(source) and not _REPORTER_UNDOTTED.fullmatch(re.sub(r"[\s.]", "", source)):
        return None
    return ShortRef(text=text, authors=(), short_title=None, pinpoint=normalize_pinpoint(m.group("pin")))


def case_in_prose(text: str, clean: str) -> Reference | None:
    """ "At most, an exception on the model of Roe News Service v. Doe Press, 248 U.S. 215 (1918),
    might do.": the case a sentence of prose cites in passing."""
    m = _CASE_IN_PROSE.search(clean)
    before = clean[: m.start()].split() if m is not None else []
    # the sentence runs into the case: "… on the model of Roe v. Doe", "… followed in Roe v. Doe"
    if m is None or not before or not before[-1].islower() or sum(w.islower() for w in before) < 3:
        return None
    # the case alone, read as any case (legal.py imports this module)
    from relbib.parse.legal import parse_legal

    ref = parse_legal(m.group("case") + ".")
    return replace(ref, text=text) if isinstance(ref, FullRef) and ref.type == "jurisdiction" else None


def case_without_prose(clean: str) -> str:
    """A case cited inside a sentence without the sentence's rest after its dated parenthesis."""
    prose = _CASE_THEN_PROSE.search(clean)
    if prose is None or not L.LEGAL_CASE_NAME.search(clean[: prose.start()]):
        return clean
    return clean[: prose.start()] + "."


def read_chicago_congress_document(text: str, clean: str) -> Reference | None:
    """ "U.S. Congress, House, Committee on Harbors, Report on Quay Tolls, 58th Cong., 2d sess.,
    1904, H. Rep. 1234, 12." → a ``report`` (hearings too) by the committee that made it."""
    m = _CHICAGO_CONGRESS_DOC.match(clean)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {
        "author": (Name(family=m.group("body"), literal=True),),
        "title": m.group("title").strip(), "note": m.group("congress"),
    }
    number, date = m.group("number") or m.group("number_first"), m.group("date") or m.group("paren")
    if number:
        fields["number"] = number
    if date:
        _set_date(fields, date, date[-4:])
    return _full(text, "report", fields, normalize_pinpoint(m.group("pin")))
