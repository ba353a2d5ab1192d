"""British statutes as notes print them: acts by name and section, acts by their
initials, and the regnal citations of acts before 1963.

Input: one note's text and its cleaned form (see :func:`relbib.parse.legal.parse_legal`).
Output: a ``legislation`` FullRef, its provision the pinpoint, or None when the
note is not one of the shapes below.
Never: guess, look at other notes, or touch a file.

* ``Compensation Act 2006, s 1``, ``Courts and Juries Act, 1967, ss. 5-6``,
  ``Tribunals, Courts and Enforcement Act 2007, ch. 2, s. 3 (5)``,
  ``Local Government Act 2000, section 92`` → title (the act's name, with the
  year when the name holds it), year, the provision as printed;
* ``HRA s. 6(1)``, ``CPR, r. 54.4`` → an act or rules named by their initials;
* ``6 Geo. III, c. 28``, ``10 and 11 W. III, c. 10, § 18`` → the regnal year(s),
  the monarch and the chapter (the title), a section the pinpoint; the citation
  may stand inside a sentence ("See the preamble to 26 Geo. II, c. 18.") when
  nothing else in the note is a number.
"""

from __future__ import annotations

import re

from relbib.model import FieldValue, Reference
from relbib.parse.legal_shared import full

__all__ = ["REGNAL_MONARCH", "read_regnal_act", "read_uk_act"]

# A provision: "s. 3 (5)", "ss. 5-6", "section 92", "ch. 2, s. 3", "sch. 1, para. 4", "r. 54.4".
_PROVISION_WORD = r"(?:s|ss|sch|art|arts|Art|Arts|reg|regs|para|paras|pt|ch|r|rr|section|sections|chapter)"
_NUMBER = r"\d\w*(?:\.\d\w*)*"  # "3", "54.4", "4A"
_PROVISION_ONE = (rf"{_PROVISION_WORD}\.?\s?{_NUMBER}(?:\s?\(\w{{1,4}}\))*"
                  rf"(?:\s?[-\u2013]\s?{_NUMBER}|\s(?:and|e|&|to)\s{_NUMBER})*")
_PROVISION = rf"{_PROVISION_ONE}(?:,\s{_PROVISION_ONE}){{0,3}}"
# "Tribunals, Courts and Enforcement Act 2007": capitalised words and their joining words.
_ACT_NAME = (r"[A-Z][\w'\u2019-]*(?:,?\s(?:[A-Z(][\w'\u2019()-]*|and|of|the|for|on|in|to|&)){0,14}?"
             r"\s(?:Act|Regulations|Order|Rules|Measure)")
_UK_ACT = re.compile(
    rf"^(?P<title>{_ACT_NAME})(?:\s(?P<year>(?:1[5-9]|20)\d\d))?(?:,\s(?P<apart>(?:1[5-9]|20)\d\d))?"
    rf"(?:,?\s(?P<pin>{_PROVISION}))?"
    r"(?::\s[*_]{0,2}[\u201c\u2018\"][^\u201c\u201d\"]{1,600}[\u201d\u2019\"][*_]{0,2})?\s?\.?$"
)
# "HRA s. 6(1)", "CJCA, s. 85-86": an act's initials and its provision.
_INITIALS_ACT = re.compile(rf"^(?P<title>[A-Z]{{2,6}}),?\s(?P<pin>{_PROVISION})\.?$")
# "9 Geo. III, c. 39", "10 and 11 W. III, c. 10", "1 Will. & Mar. c. 18".
_MONARCH = (r"(?:Geo|Will|W|Vict|Vic|Edw|Ed|Eliz|Hen|Car|Jac|Ann|Anne|Ric|Phil|Mar|Jas|Chas)\.?"
            r"(?:\s(?:&|and)\s(?:Mar|M|Phil)\.?)?")
REGNAL_MONARCH = _MONARCH
_REGNAL = re.compile(
    rf"(?<![\w.])(?P<cite>\d{{1,2}}(?:\s(?:and|&)\s\d{{1,2}})?\s{_MONARCH}(?:\s[IVX]{{1,4}})?,?\s(?:c|cap|ch)\.\s?"
    r"(?:\d{1,3}|[ivxlc]{1,7}))(?![\w])(?:,\s(?P<pin>(?:\u00a7|s\.|sect\.|sec\.)\s?\d{1,3}))?"
)
_DIGIT = re.compile(r"\d")


def read_uk_act(text: str, clean: str) -> Reference | None:
    """ "Tribunals, Courts and Enforcement Act 2007, ch. 2, s. 3" → the act, its provision
    the pinpoint; an act cited by its initials needs its provision ("HRA s. 6(1)")."""
    m = _UK_ACT.match(clean)
    if m is not None and (m.group("year") or m.group("apart") or m.group("pin")):
        title = m.group("title") + (f" {m.group('year')}" if m.group("year") else "")
        fields: dict[str, FieldValue] = {"title": title}
        if m.group("year") or m.group("apart"):
            fields["year"] = m.group("year") or m.group("apart")
        return full(text, "legislation", fields, m.group("pin"))
    m = _INITIALS_ACT.match(clean)
    if m is None:
        return None
    return full(text, "legislation", {"title": m.group("title")}, m.group("pin"))


def read_regnal_act(text: str, clean: str) -> Reference | None:
    """ "6 Geo. III, c. 28" → the act of that regnal year and chapter, alone in the
    note or inside a sentence with no other number."""
    found = list(_REGNAL.finditer(clean))
    if len(found) != 1:
        return None
    m = found[0]
    if _DIGIT.search(clean[: m.start()] + clean[m.end() :]):
        return None  # another citation, or a date, beside the act: the note is more than the act
    cite = m.group("cite")
    return full(text, "legislation", {"title": cite}, m.group("pin"))
