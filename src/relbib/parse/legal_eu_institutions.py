"""EU-law notes in the manner of the Union's institutions and of OSCOLA papers on EU law.

Input: the text of one note (signals already split off, spaces normalised).
Output: a ``(type, fields, pinpoint)`` reading of the note for
:func:`relbib.parse.legal_eu.parse_european`, or None.
Never: guess — a note is read only when its whole text fits one shape; look at
other notes; touch a file.

The shapes (the EDPB's, the Commission's and the Court's own documents print the
first three; OSCOLA papers on EU law the provision-first ones):

* a case with its court and date first: ``CJEU, judgment of 4 July 2023, Case
  C-1/23, *Name* (ECLI:EU:C:2023:1), para. 9`` / ``Judgment of the Court of Justice
  of 4 July 2023 Name, C-1/23, ECLI:EU:C:2023:1, paragraph 9`` / ``Opinion of
  Advocate General X delivered on 4 May 2023 in Case C-1/23 Name, ECLI:…,
  paragraphs 6 to 8``: title = the name, ``howpublished`` = the ECLI, year of the
  date (else of the ECLI);
* a case in a monograph's manner: ``CJEU 16 July 1998, Case C-1/96, *ECR* 1998, p.
  I-4657 (*Name*)``: ``howpublished`` = the report;
* a provision cited by the act's short name or in full: ``Article 93 DSA``,
  ``Recital 9 DSA``, ``Article 17(4) Copyright Directive``, ``Art. 7(2)(a) of
  Directive 2011/83/EU of …``: ``legislation``, the act its title, the provision
  the pinpoint, also where the provision opens a sentence of prose ("Article 61(2) DSA
  states that …", "According to Article 3(i) DSA, …");
* a body's numbered paper with its adoption date: ``European Data Protection
  Board, Guidelines 3/2025 on X (adopted 12 September 2025) para 76`` / ``EDPS
  Opinion 1/2021 on X, Adopted on 10 February 2021, paragraph 42, https://…`` /
  ``Article 29 Working Party Guidelines on X (WP251rev.01), as last Revised and
  Adopted on 6 February 2018, page 21``: ``report``, the body its author.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from relbib.model import FieldValue, Name
from relbib.parse.names import looks_like_organisation

__all__ = ["provision_in_prose", "read_institution_note"]

_Read = tuple[str, dict[str, FieldValue], str | None]

# A case number of the Court of Justice ("C-252/21", "T-653/16", "C-28/08 P"); "C-708/1"
# (a digit lost in print) too.  Several are joined by "and" or a comma.
_NUMBER = r"(?:[CT]-)?\d{1,4}/\d{1,2}(?:\sP)?"
_NUMBERS = rf"(?P<number>{_NUMBER}(?:(?:,\s|\sand\s){_NUMBER}){{0,6}})"
# The ECLI, with or without its "ECLI:" prefix.
_REPORT = r"(?P<report>(?:ECLI:)?EU:[CTF]:\d{4}:\d{1,5})"
# "para. 9", "paras 40-42", "paragraph 137", "paragraphs 61 to 78", "paragraphs 108 and 109", "point 100".
_PIN = (r"(?P<pin>(?:paras?\.?|paragraphs?|points?)\s?\d+(?:\s?(?:[-\u2013]|to|and)\s?\d+)?"
        r"(?:,\s\d+(?:\s?[-\u2013]\s?\d+)?)*)")
# What may close the note after the pinpoint: the judgment's words quoted after a colon,
# or the writer's explanation in brackets.
_TAIL = r"(?::\s?[\u201c\"\u2018'*].*|\s\([^()]*\))?"
# The court and the kind of decision, dated: "CJEU, judgment of 4 July 2023", "Judgment of
# the General Court of 3 May 2018", "Opinion of Advocate General X delivered on 11 May 2023".
_HEAD = (
    r"^(?:(?:CJEU|ECJ|CJ|GC|Court\sof\sJustice|General\sCourt),\s)?"
    r"(?:(?P<judgment>[Jj]udgment|[Oo]rder)(?:\sof\sthe\s(?:Court\sof\sJustice|General\sCourt|Court)"
    r"(?:\s\([^()]{2,30}\))?)?(?:\sof\s(?P<day>\d{1,2}\s[A-Z][a-z]{2,8}\s(?P<year>\d{4}))),?"
    r"|(?P<opinion>Opinion\sof\s(?:Advocate\sGeneral|AG|A\.\s?G\.)\s[A-Z][^\s,]{1,30}(?:\s[A-Z][^\s,]{1,30})?)"
    r"(?:\sdelivered\son\s\d{1,2}\s[A-Z][a-z]{2,8}\s(?P<oyear>\d{4}))?,?\sin)\s"
)
# The number first, then the name (in italics when it holds brackets), then the ECLI.
_NAME = r"(?:\*(?P<iname>[^*]{2,200})\*|(?P<name>[^\[\]()*]{2,200}?))"
_CASE_NUMBER_FIRST = re.compile(
    rf"{_HEAD}(?:(?:Joined\s)?Cases?\s)?{_NUMBERS},?\s{_NAME},?\s\(?{_REPORT}\)?(?:,?\s{_PIN})?{_TAIL}[.,;]?$"
)
# The name first, then the number, then the ECLI: "… 2018 Malta v Commission, T-653/16, , ECLI:…".
_CASE_NAME_FIRST = re.compile(
    rf"{_HEAD}(?P<name>[^\[\]*]{{2,200}}?),\s(?:Case\s)?{_NUMBERS}(?:,\s(?:,\s)?|\s){_REPORT}\)?"
    rf"(?:,?\s{_PIN})?{_TAIL}[.,;]?$"  # a note cut short in conversion ends on its comma
)
# A monograph's manner: the court and date, the case, the report, the name in brackets:
# "CJEU 16 July 1998, Case C-210/96, *ECR* 1998, p. I-4657 ( *Gut Springenheide*)".
_CASE_REPORTED = re.compile(
    r"^(?:CJEU|ECJ|CJ|GC|CFI|Court\sof\sJustice|General\sCourt)\s\d{1,2}\s[A-Z][a-z]{2,8}\s(?P<year>\d{4}),\s"
    rf"(?:Joined\s)?Cases?\s{_NUMBERS},\s(?P<report>\*?ECR\*?\s\d{{4}},\s(?:p\.\s?)?(?:I{{1,3}}-)?\d+)"
    r"\s\(\s?\*?(?P<name>[^()*]{2,120}?)\*?\s?\)\.?$"
)

# A provision: "Article 12", "Art. 7(2)(a)", "Articles 12(2)(b) and (c)", "Recital 9", "Arts 9-15".
_PROVISION = (
    r"(?P<pin>(?:Articles?|Arts?\.?|Recitals?)\s\(?\d+\)?[a-z]?(?:\(\w{1,4}\))*"
    r"(?:\s?(?:,|and|or|to|[-\u2013])\s?(?:\d+[a-z]?)?(?:\(\w{1,4}\))*)*)"
)
_PROVISION_FIRST = re.compile(rf"^{_PROVISION}\s(?:of\s(?:the\s)?)?(?P<act>\S.*?)\.?$")
# A provision of an act named by its initials that opens a sentence of prose: "Article 61(2) DSA
# states that …", "According to Article 3(i) DSA, an 'online platform' means …".
_PROVISION_IN_PROSE = re.compile(
    rf"^(?:(?:According\sto|Under|Pursuant\sto)\s)?{_PROVISION}\s(?P<act>[A-Z][A-Z0-9]{{1,7}})"
    r"(?:(?<=\w),\s(?=[a-z\u2018'\"])|\s(?:states|provides|sets\sout|lays\sdown|defines|requires|reads)\b)"
)
# An act's short name: an acronym ("DSA", "GDPR", "TFEU", "EUDPR") or a name of a few
# words that ends in the act's kind ("Copyright Directive", "AI Act", "Charter").
_SHORT_ACT = re.compile(
    r"^(?:[A-Z][A-Za-z]?[A-Z0-9]{1,8}|(?:[A-Z][\w-]*\s){0,4}(?:Directive|Regulation|Act|Charter|Convention|Treaty))$"
)

# A body's paper: the body, its kind and number and subject, then its date in a bracket or
# after "Adopted on"; the pinpoint and a URL may follow.
_KIND = r"(?:Draft\s)?(?:Guidelines|Opinion|Recommendations?|Statement|Report|Working\sDocument|Guidance)"
_PAPER = re.compile(
    rf"^(?P<body>[A-Z][^,;()]{{1,90}}?)(?:,\s|\s)(?P<title>{_KIND}\s(?:\d{{1,3}}/\d{{2,4}}\s)?"
    r"(?:on|for|concerning|regarding|about)\s[^()]{2,300}?)"
    r"(?:\s\((?P<number>[A-Z]{1,5}\s?\d[\w.]*)\))?"
    r"(?:\s\((?P<facts>[^()]{0,60}?\d{4})\)|,\s(?:as\slast\s)?(?:[Rr]evised\sand\s)?[Aa]dopted\son\s"
    r"\d{1,2}\s[A-Z][a-z]{2,8}\s(?P<ayear>\d{4}))"
    r"(?:,?\s(?P<pin>(?:paras?\.?|paragraphs?|pages?|pp?\.)\s?\d+(?:\s?(?:[-\u2013]|to|and)\s?\d+)?"
    r"(?:,\s\d+(?:\s?[-\u2013]\s?\d+)?)*|\d+(?:\s?[-\u2013]\s?\d+)?))?"
    r"(?:,?\s<?(?P<url>https?://[^\s<>]+?)>?(?:\saccessed\s[^,;]{6,30})?)?\.?$"
)
_BODY_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")


def read_institution_note(text: str, read_act: Callable[[str], _Read | None]) -> _Read | None:
    """The case, provision or body's paper ``text`` cites (see the module docstring), or None.
    ``read_act`` reads an act named in full (the caller's reader of EU acts)."""
    clean = text.replace("\u2011", "-").replace("\u2010", "-")
    return _dated_case(clean) or _provision(clean, read_act) or _paper(clean)


def _dated_case(text: str) -> _Read | None:
    m = _CASE_NUMBER_FIRST.match(text) or _CASE_NAME_FIRST.match(text) or _CASE_REPORTED.match(text)
    if m is None:
        return None
    groups = m.groupdict()
    name = (groups.get("iname") or groups.get("name") or "").strip(" ,*_")
    if not name or re.search(r"\d{1,2}\s[A-Z][a-z]+\s\d{4}|\bCases?\b", name):
        return None
    report = m.group("report").replace("*", "")
    year = groups.get("year") or groups.get("oyear") or re.search(r"\d{4}", report).group(0)  # type: ignore[union-attr]
    fields: dict[str, FieldValue] = {"title": name, "number": m.group("number"), "year": year,
                                     "howpublished": report}
    if groups.get("opinion"):
        fields["note"] = groups["opinion"]  # the opinion is its own work, not the judgment
    return "jurisdiction", fields, groups.get("pin")


def provision_in_prose(text: str) -> bool:
    """Whether ``text`` is a sentence of prose opened by the provision it cites (see above)."""
    return _PROVISION_IN_PROSE.match(text) is not None


def _provision(text: str, read_act: Callable[[str], _Read | None]) -> _Read | None:
    prose = _PROVISION_IN_PROSE.match(text)
    if prose is not None:
        return "legislation", {"title": prose.group("act")}, prose.group("pin")
    m = _PROVISION_FIRST.match(text)
    if m is None:
        return None
    act, pin = m.group("act").strip(), m.group("pin").strip()
    if _SHORT_ACT.match(act):
        return "legislation", {"title": act}, pin
    found = read_act(act)
    if found is None or found[0] != "legislation" or found[2]:
        return None
    return "legislation", found[1], pin


def _paper(text: str) -> _Read | None:
    m = _PAPER.match(text)
    if m is None:
        return None
    body = m.group("body").strip()
    if not (_BODY_ACRONYM.match(body) or looks_like_organisation(body)):
        return None
    year = m.group("ayear") or re.findall(r"\d{4}", m.group("facts"))[-1]
    fields: dict[str, FieldValue] = {"author": (Name(family=body, literal=True),),
                                     "title": m.group("title").strip(" ,"), "institution": body, "year": year}
    if m.group("number"):
        fields["number"] = m.group("number")
    if m.group("url"):
        fields["url"] = m.group("url")
    return "report", fields, m.group("pin")
