"""Whole-note tidy-ups around the readers: what a bibliography-style note (Chicago's
bibliography order, which students and web citations print as notes) says that the
readers would misread.

Input: the text of one note, or a FullRef read from it.
Output: the note without an access-date sentence before its closing URL (and the
date); the note with the editor's mark and the volume of an English note's German,
French or Italian book spelled as the readers know them; or the reference with the
organisation that leads the note as its author; a proceedings volume's title without
the conference's acronym and publisher printed after it.
Never: read a whole reference (the readers in relbib.parse do), look at other
notes, or touch a file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from relbib.model import FieldValue, FullRef, Name, freeze_fields
from relbib.parse.names import looks_like_organisation, western_given_names

__all__ = ["access_before_url", "editor_marks", "organisation_lead", "proceedings_only"]

# "… “Title.” Site. Accessed November 23, 2024. https://…": the date the page was
# seen, as a sentence of its own between the note's facts and the URL closing it.
_ACCESS_BEFORE_URL = re.compile(
    r"(?<=\S)[,.]?\s(?i:accessed|last\saccessed|retrieved|viewed|consulted)(?:\son)?\s"
    r"(?P<date>[\w ,.]{4,40}?)\.(?=\s<?https?://\S+\s*$)"
)
# "Maps of Antiquity. “Title.” …": bibliography order puts a person's name inverted
# ("Roe, Jane."), so a lead with no comma, closed by a full stop before a quoted
# title, names an organisation or a site ("Habsburg.org.", "Art Institute of Chicago.").
_UNINVERTED_LEAD = re.compile(r"^(?P<lead>[^\s,\u201c\u201d\"\u2018\u2019(][^,\u201c\u201d\"()]{1,80}?)\.\s[\u201c\"]")
# A lead that is one person's name in direct order ("Jane Roe") or an initial ("J.").
_PERSON_LEAD = re.compile(r"^(?:[A-Z]\.\s?)+[A-Z][a-z]+$|^[A-Z]$")
# A web entry's marks: there a lead closed by a full stop is the site's owner ("Harbour Museum.").
_WEB = re.compile(r"https?://|\b[Aa]ccessed\b|\bwww\.")
# One word of a name in direct order: capitalised letters, a hyphen or apostrophe, no dot
# ("Abbott-Lindqvist", "O'Neill"; not "Habsburg.org", "of").
_CAPITALISED = re.compile(r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'\u2019]+(?:-[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'\u2019]+)?")


def access_before_url(text: str) -> tuple[str, str] | None:
    """(the note without its access-date sentence, the date) for a note whose
    access date stands before the URL closing it, else None."""
    m = _ACCESS_BEFORE_URL.search(text)
    if m is None:
        return None
    return text[: m.start()] + "." + text[m.end() :], m.group("date")


def organisation_lead(ref: FullRef, text: str) -> FullRef:
    """``ref`` with the organisation leading a bibliography-style note as its one
    author (see _UNINVERTED_LEAD), where the readers split it as a person's name."""
    m = _UNINVERTED_LEAD.match(text.strip())
    authors = ref.fields.get("author")
    if m is None or not isinstance(authors, tuple) or not authors:
        return ref
    lead = m.group("lead").strip()
    words = lead.split()
    if len(words) < 2 and "." not in lead:
        return ref  # "Plato. “…”": one name, which the readers keep
    if _PERSON_LEAD.match(lead) or any(isinstance(a, Name) and a.literal and a.family == lead for a in authors):
        return ref
    if (len(words) <= 3 and not looks_like_organisation(lead)
            and (words[0].lower() in western_given_names()
                 or all(_CAPITALISED.fullmatch(w) for w in words) and not _WEB.search(text))):
        return ref  # "Robert Roe. “…”", "Kit Abbott-Lindqvist. “…” Journal 4 (2009)": a person in direct order
    return replace(ref, fields=freeze_fields({**ref.fields, "author": (Name(family=lead, literal=True),)}))



# The editor's mark after a name in the languages of the books a note of European history
# cites: German "(Hg.)", "(Hrsg.)", "(hg. v.)", French "(éd.)", "(dir.)", Italian "(a cura di)".
_EDITOR_MARK = re.compile(
    r"(?<=\S)\s\((?:hg\.\s?v\.|Hg\.|Hrsg\.|hrsg\.|[ée]d\.|[ée]ds\.|dir\.|a\scura\sdi|ed\.\sby)\)(?=,\s)"
)
# "…, Bd. 2 (Berlin, 1968)": the volume (Band) before the bracket of facts.
_BAND = re.compile(r",\sBd\.\s?(?P<volume>\d+|[IVXLC]+)(?=\s\()")


# "(Munich, 1989), esp. 34–40": the writer's stress on the pages cited, no part of them.
_STRESSED_PAGES = re.compile(r"(?<=\)),\s(?:esp\.|especially|bes\.|insbes\.)\s(?=\d)")


def editor_marks(text: str) -> str:
    """ "F. Roe (Hg.), Titel, Bd. 2 (Berlin, 1968), esp. 34" read as "F. Roe (ed.), Titel,
    vol. 2 (Berlin, 1968), 34"."""
    text = _STRESSED_PAGES.sub(", ", text)
    return _BAND.sub(r", vol. \g<volume>", _EDITOR_MARK.sub(" (ed.)", text))


# What a note prints after a volume's title that is no part of it: the conference's acronym
# ("CCS '16"), its publisher ("ACM", "IEEE Computer Society") or series ("Lecture Notes in …").
_BOOKTITLE_TAIL = re.compile(
    r"(?:,\s(?:[A-Z][A-Za-z]{1,10}\s['\u2019]\d{2}|ACM|IEEE(?:\s[A-Z][a-z]+){0,2}|Springer|"
    r"Lecture\sNotes\sin\s[A-Z][\w\s]{2,40}?))+$"
)


def proceedings_only(fields: dict[str, FieldValue]) -> None:
    """ "in: Proceedings of the 2016 CHI Conference …, CHI '16, ACM, New York": the volume's title alone."""
    booktitle = fields.get("booktitle")
    if isinstance(booktitle, str) and _BOOKTITLE_TAIL.search(booktitle):
        fields["booktitle"] = _BOOKTITLE_TAIL.sub("", booktitle).strip()
