"""Marks of law-review notes the note splitter reads: where a full stop or a
question mark stands inside a citation, and what a sentence about the essay is.

Input: the text around one full stop of a note, or one piece of a note.
Output: booleans and compiled patterns for :mod:`relbib.parse.split`.
Never: cut or read a note itself (split.py does), or touch a file.
"""

from __future__ import annotations

import re

from relbib import lexicon
from relbib.model import FullRef, Reference
from relbib.parse.commentary import prose
from relbib.parse.continental_provisions import parse_provision
from relbib.parse.legal_uk import REGNAL_MONARCH

__all__ = [
    "CIT_ENDS", "EU_ACT", "INSIDE_ESSAY", "JOINED", "colon_lead", "continental_opens", "court_carried",
    "decision_opens", "title_goes_on", "worded",
]

# "…, 46 Fla. L. Rev. 699" / "…, 11 Am. U. J. Gender, Soc. Pol'y & L. 533": a
# volume, then a journal's abbreviated words (read on the last 40 characters
# before the full stop), and after it one more short or abbreviated word.
_VOLUME_ABBREVIATION = re.compile(
    r"(?:^|\s)\d{1,4}\s(?:(?:[A-Z][A-Za-z'\u2019]*[.,]?|&)\s)*[A-Z][A-Za-z'\u2019]{0,7}\.$"
)
_ABBREVIATION_NEXT = re.compile(r"(?!(?:Cfr|Vgl|Cf)\.\s)[A-Z](?:[A-Za-z]{0,3}|[A-Za-z]{0,6}['\u2019.][A-Za-z.]{0,4})(?=\s|$)")
_DIGIT = re.compile(r"\d")
# Continental marks whose full stop stands inside a citation: a court's section before
# its roman number ("Cass. civ., sez. III, …", "sect. I"), and a German ordinal
# before "Aufl." ("3. Aufl., Tübingen 1996") or a Bd./Hrsg. abbreviation.
_SECTION_WORD = re.compile(r"(?:^|[\s,])(?:sez|Sez|sect|Sect|sez\.\sun|Abt|civ|crim|com|soc)\.$")  # "Bull. civ. I"
_ROMAN_NEXT = re.compile(r"[IVX]{1,5}\b|[Uu]n\.")
_GERMAN_ORDINAL = re.compile(r"(?:^|\s)\d{1,2}\.$")
_EDITION_NEXT = re.compile(r"(?:Aufl\.|Auflage|Bd\.|Band|Halbbd\.)")
# A pointer inside the essay met in the middle of a sentence ("As we show infra
# section III.A, pp. 410–15, …"): with prose around it, the sentence cites nothing.
INSIDE_ESSAY = re.compile(r"\b(?:infra|supra)\s(?:sections?|parts?|pp?\.|§|ch\.|chapters?)\s")
# Two cases joined by a comma or "and" alone: "…, 388 F. Supp. 829, 840 (D.C. Cir. 1974), Roe v. Doe, 427
# U.S. 913 (1976)", "Roe v. Doe, 512 U.S. 622 (1994) and Roe v. Doe, 520 U.S. 180 (1997)": the cut after a
# case's dated parenthesis, before a name "X v. Y" and its reporter's volume.
_CASE_AFTER_CASE = re.compile(
    r"(?<=\d{4}\))(?:,\s|,?\s(?:and|&)\s)(?=[A-Z][^,;()]{0,120}?\sv\.?\s[^;()]{1,160}?,\s\d{1,4}\s[A-Z])"
)
# Two regnal acts in a row: "14 Geo. III, c. 86, and 21 Geo. III, c. 29" (the comma and "and" between them).
_ACT_AFTER_ACT = re.compile(
    r"(?:(?<=\sc\.\s\d)|(?<=\sc\.\s\d\d)|(?<=\sc\.\s\d\d\d)),\s(?:and\s)?"
    rf"(?=\d{{1,2}}(?:\s(?:and|&)\s\d{{1,2}})?\s{REGNAL_MONARCH}\s)"
)
# A French decision dated by day and month, and its number: "6 avr. 2011, n° 09-12.345".
# (Italian alike: "…, n. 8472, e 4 febbraio 2020, n. 881": two decisions of one court.)
_FRENCH_DATE = (rf"\d{{1,2}}(?:er|°)?\s(?:{lexicon.month_pattern('fr')}|{lexicon.month_pattern('it')})"
                r"[a-zéû]{0,5}\.?\s(?:1[89]|20)\d\d")
_DECISION_OPENS = re.compile(rf"^{_FRENCH_DATE},\s(?:n°|no|n\.)\s?\d")
# Two decisions of one court joined by "et": "…, Bull. civ. I, n° 71 et 6 avr. 2011, n° 10-19.053".
_DECISION_AFTER_DECISION = re.compile(rf",?\s(?:et|and|e)\s(?={_FRENCH_DATE},\s(?:n°|no|n\.)\s?\d)")
# Where one piece of a note holds two citations joined by a comma or "and"/"et" alone (split.py cuts there).
JOINED = (_CASE_AFTER_CASE, _ACT_AFTER_ACT, _DECISION_AFTER_DECISION)
# An EU act opening a piece: its title is long and lowercase, but it is no prose.
EU_ACT = re.compile(
    r"(?:Council\s|Commission\s)?(?:Regulation|Directive)\s(?:\((?:EU|EC|EEC)\)\s)?(?:No\s)?\d{2,4}/\d{1,4}"
)


def title_goes_on(before: str, after: str) -> bool:
    """Whether the full stop (or ?/!) ending ``before`` stands inside a citation:
    a journal's abbreviation after its volume ("46 Fla. L. Rev."), or a question
    inside a title whose citation's numbers are still to come ("A, Why Stay? Tenants, 14 J. 211")."""
    if _VOLUME_ABBREVIATION.search(before[-40:]) and _ABBREVIATION_NEXT.match(after):
        return parse_provision(before.strip()) is None  # "§ 113 VwGO. Si …": a code's provision ends
    if (_SECTION_WORD.search(before[-12:]) and _ROMAN_NEXT.match(after)) or (
            _GERMAN_ORDINAL.search(before[-4:]) and _EDITION_NEXT.match(after)):
        return True
    return (before.endswith(("?", "!")) and ", " in before and not _DIGIT.search(before)
            and _DIGIT.search(after[:120]) is not None)


def court_carried(body: str, before: Reference | None) -> str:
    """A decision that leaves out its court because the one ``before`` named it ("Cass. civ. 1re,
    6 avr. 2011, n° 1 ; 6 avr. 2011, n° 2"): ``body`` with that court put back."""
    court = before.fields.get("institution") if isinstance(before, FullRef) and before.type == "jurisdiction" else None
    if not isinstance(court, str) or not court or _DECISION_OPENS.match(body) is None:
        return body
    return f"{court}, {body}"


def decision_opens(body: str, ref: Reference) -> bool:
    """Whether a court's decision, read whole by a rule reader (its court, date or number),
    opens ``body``: whatever words of the writer follow, the piece cites it."""
    if not isinstance(ref, FullRef) or ref.type != "jurisdiction" or not ref.confidence:
        return False
    court = str(ref.fields.get("institution") or "")
    number = str(ref.fields.get("number") or "")
    dated = bool(ref.fields.get("date") or number)
    if not dated or min(ref.confidence.values()) < 1.0:
        return False
    # "Corte di giustizia UE, sentenza …, causa C-1/23, Name, curia.europa.eu, secondo cui …": its number early on
    return body.startswith(court.split(",")[0]) if court else bool(number) and number in body[:160]


# What opens a continental citation after a writer's sentence and its colon: an act by its
# kind and date or number ("D.Lgs. 31 marzo 2023", "L. 7 agosto 1990"), an EU act ("Regolamento
# (UE) 2016/679"), a court ("Corte di giustizia UE, sentenza …", "Trib. Roma, …"), or a body or
# author before a title in italics ("DirittoBancario, *Titolo*", "R. Roe, *Titolo*").
_LAW_OPENS = re.compile(
    r"(?:L\.|D\.\s?[Ll]gs\.|D\.P\.R\.|D\.\s?L\.|R\.D\.|D\.M\.|[Ll]egge|[Dd]ecreto)\s(?:n\.\s)?\d"
    r"|(?:Regolamento|Direttiva|Decisione|Regulation|Directive|Decision|R[\u00e8e]glement|Reglamento)(?:\s[a-z']{2,12}){0,2}\s\("
    r"|Corte\s(?:di\s)?giust|[A-Z][\w'\u2019.-]{0,40}(?:\s[\w'\u2019.-]{1,40}){0,8},\s[*_]"
)


def continental_opens(after: str) -> bool:
    """Whether ``after`` (what follows a writer's colon) opens a continental citation."""
    return bool(_LAW_OPENS.match(after) or _court_opens(after))


def _court_opens(after: str) -> bool:
    return any(after.startswith(abbr) and after[len(abbr) : len(abbr) + 1] in (",", " ")
               for abbr, _ in lexicon.court_abbreviations())


CIT_ENDS = re.compile(r",\s[*_]{0,2}(?:op\.\s)?cit\.[*_]{0,2}$")  # "Roe, *Titolo*, cit." closing a sentence


def worded(lead: str) -> bool:
    """A writer's sentence before a colon: three lower-case words or more ("ogni norma era indicata")."""
    return sum(1 for w in re.findall(r"[^\W\d_]+", lead) if w.islower() and len(w) >= 2) >= 3


_CIT_CLOSES = re.compile(r",\s(?:op\.\s)?cit\.")  # "Roe, *Titolo*, cit.": a citation, no lead-in


def colon_lead(piece: str) -> int:
    """ "Secondo la Corte, … le informazioni aggiuntive: Corte di giustizia UE, sentenza …": a
    sentence of prose longer than a lead-in's reach, its colon, then a continental citation."""
    for m in re.finditer(r":\s+", piece):
        lead = piece[: m.start()]
        if continental_opens(piece[m.end():]) and prose(lead) and "*" not in lead and not _CIT_CLOSES.search(lead):
            return m.end()
    return 0
