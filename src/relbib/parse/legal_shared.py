"""Helpers the legal readers share: a Bluebook head split into authors and title,
a parenthetical's date, and the FullRef of a legal shape.

Input: pieces of one legal citation's text. Output: names, titles, fields, FullRefs.
Never: read a whole note (legal.py does), or touch a file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name
from relbib.parse import legal_patterns as L
from relbib.parse.dates import parse_date
from relbib.parse.fields import certain_ref
from relbib.parse.names import split_names

__all__ = ["authors_and_title", "court", "court_abbreviations", "first_reading", "full", "set_date"]

# A quoted title whose comma or full stop stands inside the closing quote, more after it:
# "“A Study of Harbours,” Ex Quarterly 11": Chicago's article title, never a Bluebook book's.
_QUOTED_THEN_MORE = re.compile(r"[\u201c\"\u2018'][^\u201c\u201d\"\u2018\u2019]{1,300}?[,.][\u201d\"\u2019]\s")
_SUFFIX = re.compile(r"^(?:Jr\.|Sr\.|II|III|IV)$", re.IGNORECASE)


def authors_and_title(head: str) -> tuple[tuple[Name, ...], str] | None:
    """Split "Oona A. Hathaway, Do Human Rights Treaties…" into names and title.

    The author list runs to the segment holding "&" (Bluebook joins the last
    two authors with it) or is the first segment; every author segment must
    read as names.  A head with no comma is a title alone.
    """
    head = head.strip(" ,")
    segments = [s.strip() for s in head.split(", ")]
    # "RICHARD J. PIERSON, JR., TITLE": the suffix belongs to the name before it
    # (kept with it: "Pierson Jr.", read by split_names as the suffix of the family name)
    for i in range(len(segments) - 1, 0, -1):
        if _SUFFIX.match(segments[i]):
            segments[i - 1 : i + 1] = [f"{segments[i - 1]} {segments[i]}"]
    if len(segments) == 1:
        return ((), head) if head else None
    last = 0
    for i, segment in enumerate(segments[:-1]):
        if "&" in segment.split() and all(_names_only(s) for s in segments[: i + 1]):
            last = i
    authors_text = ", ".join(segments[: last + 1])
    title = ", ".join(segments[last + 1 :]).strip()
    if not title:
        return None
    if L.LEGAL_STUDENT_PIECE.match(authors_text):
        return (), title
    designation = title.split(", ", 1)
    student = len(designation) == 2 and L.LEGAL_STUDENT_PIECE.match(designation[0]) is not None
    if student:
        title = designation[1]  # "Eric Lind, Comment, Title": the student piece's label
    opening = title.lstrip("\u2018\u201c\"'")[:1]  # "‘Someone Had Taken Over My Life’: …" opens with a quote
    # a student piece's title may hold a full stop ("Note, Harbor Rights. Who Owns the Shore?"):
    # its label already says it is no bibliography's "Family, Given. Title."
    sentence = L.LEGAL_SENTENCE_END.search(title) is not None and not student
    # "25 Point Plan to Reform …" opens with a number; "12 Yale L.J." is a volume, no title
    numbered = opening.isdigit() and len(title.split()) >= 4 and "." not in title
    if not _names_only(authors_text) or sentence or not (opening.isalpha() or numbered):
        return None
    if _QUOTED_THEN_MORE.match(title):
        return None  # “Title,” Journal 11 (2017): Chicago's article, whose title the quotes close
    names = split_names(authors_text.replace(" & ", " and "))
    # Bluebook prints every author in full, given name first ("Oona A.
    # Hathaway"): a bare surname ("Felleisen, M. The theory …") is another style.
    if not names or any(not name.given for name in names):
        return None
    return names, title


def _names_only(segment: str) -> bool:
    words = segment.replace(",", " ").split()
    return 1 <= len(words) <= 12 and all(L.LEGAL_NAME_WORD.match(w) for w in words)


def set_date(fields: dict[str, FieldValue], paren: str, fallback_year: str) -> bool:
    """Year (and ISO date when a month is named) from a parenthetical."""
    year, iso = parse_date(paren) if paren else ("", "")
    year = year or fallback_year
    if not year:
        return False
    fields["year"] = year
    if iso:
        fields["date"] = iso
    return True


def full(text: str, kind: str, fields: dict[str, FieldValue], pinpoint: str | None) -> FullRef:
    return certain_ref(text, kind, fields, pinpoint)


def court(paren: str) -> str:
    """The court of a case parenthetical: "2d Cir. 1980" → "2d Cir."."""
    court = L.LEGAL_PAREN_DATE.sub("", paren)
    return court.strip(" ,.") + ("." if court.strip(" ,").endswith(".") else "")


Reading = tuple[str, dict[str, FieldValue], str | None]  # (entry type, fields, place cited)


@cache
def court_abbreviations() -> str:
    """The courts of lexicon/data/courts.tsv as a regex alternation (not the reports)."""
    return "|".join(re.escape(a) for a, kind in lexicon.court_abbreviations() if kind == "court")


def first_reading(text: str, readers: Iterable[Callable[[str], Reading | None]],
                  pin: Callable[[str], str | None] = str) -> FullRef | None:
    """The FullRef of the first of ``readers`` that reads ``text`` whole (spaces
    normalised, the closing full stop off), its place cited through ``pin``; or None."""
    clean = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(".").strip()
    for read in readers:
        found = read(clean)
        if found is not None:
            kind, fields, cited = found
            return certain_ref(text, kind, fields, pin(cited) if cited else None)
    return None
