"""A work cited again with "cit." in the continental manner, whatever follows the word:
"Roe, *Titolo*, cit., sezione 3", "L. 7 agosto 1990, n. 241, cit., art. 12, che …",
"Regolamento (UE) 2016/679, cit., art. 4", "Trib. Roma, n. 338/2020, cit.", "Ente, cit.".

Input: the text of one citation.
Output: an OpCitRef naming the work as its earlier note printed it (an act or a decision by
its designation, a book or page by its authors and title) with the part cited as its
pinpoint, or None.  The writer's words after "cit." ("…, cit., che ha condannato …") are no
part of it.
Never: read a form relbib.parse.forms reads already ("Rossi, op. cit., p. 45" stays its);
look at other notes (relbib.resolve finds the work); touch a file.
"""

from __future__ import annotations

import re

from relbib.model import OpCitRef
from relbib.parse.continental_provisions import PROVISION, parse_provision
from relbib.parse.forms import classify_note, normalize_pinpoint, read_head

__all__ = ["cited_again"]

# The work named before "cit." (up to the first ", cit."), and what follows the word.
_CIT = re.compile(r"^(?P<head>[^;]{2,300}?),\s(?:op\.\s?)?[*_]{0,2}cit\.[*_]{0,2}(?P<after>(?:[,:;]?\s[^\n]*)?)$")
# The part of the work cited right after "cit.": a provision ("art. 12, comma 2"), a page
# ("p. 45", "pp. 3-5"), or a named part ("sezione 3", "parte II", "cap. 2", "punto 40").
_PART = re.compile(
    rf"^,\s(?P<part>{PROVISION}|pp?\.\s?\d+(?:\s?[-\u2013]\s?\d+)?(?:\s?ss?\.)?"
    r"|(?i:sezion[ei]|sez\.|parte|cap\.|capitolo|punto|par\.|§|section|part|chapitre|chap\.)\s?"
    r"(?:\d[\w.\u2013-]{0,10}|[IVXLC]{1,6}\b|[A-Z][\w.-]{0,11}|[\u201c\"\u00ab][^\u201d\"\u00bb]{1,80}[\u201d\"\u00bb]))(?=[,.;:]|\s|$)"
)
# A court opening a decision's designation: "Trib. Roma, n. 338/2020", "Cass. pen., sez. VII, n. 11431/2026".
_DECISION = re.compile(r"^[A-Z][\w.' ]{1,40},\s(?:[^,]{1,40},\s){0,3}(?:sent\.\s|ord\.\s)?n\.\s?\d+/\d{4}$")
# Italics around the title, read as quotation marks by the head reader.
_ITALICS = re.compile(r"(?<![\w*_])([*_]{1,2})(?=\S)([^*_]{1,300}?)(?<=\S)\1(?![\w*_])")


def cited_again(text: str) -> OpCitRef | None:
    """The work ``text`` cites again with "cit." (see the module docstring), or None."""
    clean = re.sub(r"\s+", " ", text).strip()
    m = _CIT.match(clean)
    if m is None or classify_note(text) is not None:
        return None
    part = _PART.match(m.group("after"))
    # "art. 4, n. 5, e considerando 26": the joining word of what the writer adds is no part of it
    pin = normalize_pinpoint(re.sub(r",?\s(?:e|ed|et|y|and)$", "", part.group("part"))) if part else None
    head = m.group("head").strip()
    named = _designation(head)
    if named is not None:
        return OpCitRef(text=text, authors=(), short_title=named, pinpoint=pin)
    read = read_head(_ITALICS.sub("\u201c\\2\u201d", head))
    if read is None or not (read[0] or read[1]):
        return None
    return OpCitRef(text=text, authors=read[0], short_title=read[1], pinpoint=pin)


def _designation(head: str) -> str | None:
    """An act's title as its full reading gives it ("L. 7 agosto 1990, n. 241"), or a
    decision's designation as printed; None for anything else."""
    act = parse_provision(head)
    if act is not None:
        return str(act.fields["title"])
    if re.match(r"(?:Regolamento|Direttiva|Decisione|R[\u00e8e]glement|Directive|Regulation|Reglamento)\b", head):
        return head
    return head if _DECISION.match(head) else None
