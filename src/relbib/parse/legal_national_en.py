"""National law of continental Europe as English-language law reviews describe it.

Input: the text of one note (signals already split off, spaces normalised).
Output: a FullRef of type ``legislation`` (a numbered act, or a provision of a
named code or constitution) or ``jurisdiction`` (a decision by its court and
number); None for anything else.
Never: guess — a note is read only when its whole text fits one shape and
names a year (a code or a constitution excepted); look at other notes; touch
a file.

The shapes:

* act: ``Legislative Decree No. 196 of 30 June 2003 (Personal Data Protection
  Code), art. 15`` / ``Law No. 219/2017`` / ``Italian Law no. 40 of 19 February
  2004`` — title = the act as printed, ``number``, ``year`` (and ``date``),
  ``shorttitle`` = the name in brackets, the provision the page cited;
* code: ``Art. 2043 of the Italian Civil Code`` / ``Article 32 of the Italian
  Constitution`` — title = the code, the article the page cited;
* decision: ``Corte costituzionale, judgment no. 242 of 2019`` / ``Italian
  Constitutional Court, Judgment No. 269/2017`` / ``Cass., Sez. Un., 11 November
  2008, No. 26972`` — title = the decision as printed, ``institution`` = the
  court, ``number``, ``year`` (and ``date``), the paragraph the page cited.
"""

from __future__ import annotations

import re
from functools import cache

from relbib.model import FieldValue, FullRef
from relbib.parse.dates import parse_date
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.legal_shared import court_abbreviations, first_reading

__all__ = ["read_national_law"]

_NATION = (r"(?:Italian|French|Spanish|German|Austrian|Swiss|Belgian|Portuguese|Greek|Polish"
           r"|Dutch|Luxembourgish|Romanian|Croatian|Slovenian|Czech|Hungarian)\s")
_YEAR = r"1[89]\d\d|20\d\d"
# "30 June 2003": an English date, its year in group ``dy``.
_DAY = rf"\d{{1,2}}\s[A-Z][a-z]{{2,8}}\.?\s(?P<dy>{_YEAR})"
# "No. 196", "no 40", "n. 242", "nr. 12", and a year after a slash: "No. 269/2017".
_NUMBER = rf"(?:[Nn]o\.?|n\.|[Nn]r\.)\s?(?P<num>\d{{1,6}})(?:/(?P<ny>{_YEAR}))?"
# what is cited in an act: "art. 15", "Articles 3 and 4", "section 2, para. 1"
_PROVISION = (r"(?:[Aa]rts?\.?|[Aa]rticles?|[Ss]ections?|s\.|\u00a7)\s?\d{1,4}(?:-?[a-z]{1,6})?"
              r"(?:\s?(?:and|to|-|\u2013|,)\s?\d{1,4}(?:-?[a-z]{1,6})?)?"
              r"(?:\(\d{1,3}\))?(?:,\s(?:para(?:graph)?\.?|comma|co\.)\s?\d{1,3})?")
_ACT = re.compile(
    rf"^(?:(?P<lead>{_PROVISION})\s(?:of\s)?(?:the\s)?)?(?P<title>(?:{_NATION})?"
    r"(?:Legislative\sDecree|Decree-Law|Law\sDecree|Legislative\sDecree-Law|Presidential\sDecree"
    r"|Prime\sMinister(?:'s|\u2019s)?\sDecree|Ministerial\sDecree|Royal\sDecree|Regional\sLaw"
    r"|Constitutional\sLaw|Organic\sLaw|Federal\sAct|Federal\sLaw|Law|Act|Decree|Ordinance)"
    rf"\s{_NUMBER}(?:\sof\s(?P<date>{_DAY}|(?P<oy>{_YEAR})))?)"
    r"(?:\s\((?P<short>[^()]{2,80})\))?(?:,?\s(?P<pin>" + _PROVISION + r"))?$"
)
_CODE = re.compile(
    rf"^(?P<pin>{_PROVISION})\s(?:of\s)?(?:the\s)?(?P<title>{_NATION}"
    r"(?:(?:Civil|Criminal|Penal|Commercial|Consumer|Privacy|Labour|Labor|Tax|Navigation|Road"
    r"|Environmental|Insurance|Banking)(?:\sProcedure)?\sCode|Code\sof\s(?:Civil|Criminal)\sProcedure"
    r"|Constitution))$"
)
_COURT_EN = (
    rf"(?:{_NATION})?(?:Constitutional\sCourt|Court\sof\sCassation|Supreme\sCourt(?:\sof\sCassation)?"
    r"|Council\sof\sState|Court\sof\sAudit(?:ors)?|Federal\sConstitutional\sCourt|Federal\sCourt\sof\sJustice"
    r"|(?:Regional\sAdministrative\s)?Court(?:\sof\sAppeal)?\sof\s[A-Z][a-z]{2,15}|Tribunal\sof\s[A-Z][a-z]{2,15}"
    r"|Corte\scostituzionale|Corte\sdi\s[Cc]assazione|Consiglio\sdi\sStato|Conseil\sd['\u2019][E\u00c9]tat"
    r"|Conseil\sconstitutionnel|Cour\sde\scassation|Tribunal\sConstitucional|Tribunal\sSupremo)"
)
_SECTION = (r"(?:Sez\.|Sect\.|Section|Sections|Chamber|Joint\sSections|United\sSections|Grand\sChamber"
            r"|Plenary|Civ\.|Pen\.|civ\.|pen\.)[^,]{0,25}")
_KIND = r"(?:[Jj]udgment|[Dd]ecision|[Oo]rder|[Rr]uling|[Ss]entence|[Oo]rdinance)"
_PARA = r"(?:paras?\.?|paragraphs?|\u00a7|point|recital|considerando)\s?\d{1,4}(?:\.\d{1,3})*(?:\s?[-\u2013]\s?\d{1,4})?"


@cache
def _decision() -> re.Pattern[str]:
    courts = court_abbreviations()
    return re.compile(
        rf"^(?P<court>{_COURT_EN}|(?:{courts}))(?:,\s(?P<section>{_SECTION}))?,\s"
        rf"(?:(?P<kind>{_KIND})\s(?:of\s)?)?(?:(?P<date>{_DAY}),?\s)?(?:{_KIND}\s)?{_NUMBER}"
        rf"(?:\sof\s(?:(?P<date2>\d{{1,2}}\s[A-Z][a-z]{{2,8}}\.?\s(?P<dy2>{_YEAR}))|(?P<oy>{_YEAR})))?"
        rf"(?:,\s(?P<pin>{_PARA}))?$"
    )


def read_national_law(text: str) -> FullRef | None:
    """The act, code provision or decision the note ``text`` cites in English (see the
    module docstring), or None."""
    return first_reading(text, (_read_act, _read_code, _read_decision))


def _dated(fields: dict[str, FieldValue], date: str | None, *years: str | None) -> bool:
    """Puts the year (and the date) in ``fields``; False when none is named."""
    year = next((y for y in years if y), None)
    if date:
        year, iso = parse_date(date)
        if iso:
            fields["date"] = iso
    if not year:
        return False
    fields["year"] = year
    return True


def _read_act(text: str) -> tuple[str, dict[str, FieldValue], str | None] | None:
    m = _ACT.match(text)
    if m is None or (m.group("lead") and m.group("pin")):
        return None
    fields: dict[str, FieldValue] = {"title": m.group("title"), "number": m.group("num")}
    if not _dated(fields, m.group("date") if m.group("dy") else None, m.group("ny"), m.group("oy")):
        return None
    if m.group("short"):
        fields["shorttitle"] = m.group("short")
    # a provision as printed: "art. 612-bis" is one article, not a range
    return "legislation", fields, m.group("lead") or m.group("pin")


def _read_code(text: str) -> tuple[str, dict[str, FieldValue], str | None] | None:
    m = _CODE.match(text)
    if m is None:
        return None
    return "legislation", {"title": m.group("title")}, m.group("pin")


def _read_decision(text: str) -> tuple[str, dict[str, FieldValue], str | None] | None:
    m = _decision().match(text)
    if m is None:
        return None
    court = m.group("court") + (f", {m.group('section')}" if m.group("section") else "")
    fields: dict[str, FieldValue] = {"institution": court, "number": m.group("num")}
    date = m.group("date") or m.group("date2")
    if not _dated(fields, date, m.group("ny"), m.group("oy")):
        return None
    fields["title"] = text[: m.start("pin") - 2] if m.group("pin") else text
    return "jurisdiction", fields, normalize_pinpoint(m.group("pin")) if m.group("pin") else None
