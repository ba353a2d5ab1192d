"""Book reviews cited in a note: "R. Roe, review of J. Doe, Title, Journal, 14 (1991), 170–1."

Input: the text of one note (one citation).
Output: a FullRef of type article (the review, in the journal that printed it)
whose title is the review's heading as printed ("review of J. Doe, Title"), or
None when the note is not a review of that shape.
Never: guess a review from a title that merely holds the word (the note must
read "Reviewer, review of …, Journal, volume (date), pages"), look at other
notes, or touch a file.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from relbib import lexicon
from relbib.model import FieldValue, FullRef, freeze_fields
from relbib.parse.dates import parse_date
from relbib.parse.italics import strip_marks
from relbib.parse.names import split_names
from relbib.parse.pages import normalize_pages

__all__ = ["read_review"]

_PAGES = rf"\d+(?:\s?{lexicon.DASH}\s?\d+)?"
# The reviewer, "review of" and the work reviewed, then the journal (no comma, no
# digit in its name), its volume (and issue), the date in brackets, and the pages.
_REVIEW = re.compile(
    r"^(?P<author>[^,\u201c\u2018\"]{2,80}?(?:,\s[A-Z\u00c0-\u00dd][^,\u201c\u2018\"\d]{0,40}?)?),\s"  # "Roe, Jane" too
    r"(?P<title>(?i:review\s(?:essay\s)?of|rev\.\sof|Rezension\s(?:zu|von|über)|Rez\.\s(?:zu|von)|Besprechung\s(?:von|zu)"
    r"|compte\srendu\sde|c\.\s?r\.\sde|recensione\sa):?\s.+?),\s(?:in:?\s)?"
    r"(?P<journal>[A-Z][^,()\d\u201c\u201d]{1,80}?),?\s(?P<volume>\d{1,4})(?:,?\s(?:no\.\s?|Heft\s|H\.\s)(?P<number>\d+))?"
    rf"\s\((?P<date>[^()]{{0,20}}\d{{4}})\)[,:]\s(?:S\.\s?|pp?\.\s?)?(?P<pages>{_PAGES})"
    rf"(?:,\s(?:at|here|hier)\s(?:S\.\s?|pp?\.\s?)?(?P<pin>{_PAGES}))?\.?$"
)
_MONTH = rf"(?:{lexicon.month_pattern('en')})\.?"
# A review in a newspaper or weekly, cited by the day (Chicago 14.215): "Roe, review of *Title*,
# by Jane Doe, *Times*, 3 May 2001, C4."
_NEWS_REVIEW = re.compile(
    r"^(?P<author>[^,\u201c\u2018\"]{2,80}?),\s(?P<title>(?i:review\sof)\s[^()]{1,300}?),\s"
    r"(?P<journal>[A-Z][^,()\d\u201c\u201d]{1,80}?),\s"
    rf"(?P<date>\d{{1,2}}\s{_MONTH}\s\d{{4}}|{_MONTH}\s\d{{1,2}},\s\d{{4}})"
    r"(?:,\s(?:pp?\.\s?)?(?P<pin>[A-Z]?\d{1,4}[A-Z]?))?\.?$"
)
# The facts of the book reviewed, in brackets at the end of its title: "(Berlin, 1989)".
_BOOK_FACTS = re.compile(r"\s\([^()]{2,60}\d{4}\)$")


def read_review(text: str) -> FullRef | None:
    """The review a note cites (see the module docstring), or None."""
    m = _REVIEW.match(strip_marks(text).strip())
    if m is None:
        return _news_review(text)
    authors = split_names(m.group("author"))
    year, iso = parse_date(m.group("date"))
    if not authors or not year:
        return None
    title = _BOOK_FACTS.sub("", m.group("title").strip())
    fields: dict[str, FieldValue] = {
        "author": authors, "title": title[:1].upper() + title[1:], "journal": m.group("journal").strip(),
        "volume": m.group("volume"), "year": year, "pages": normalize_pages(m.group("pages"), expand=True),
    }
    if m.group("number"):
        fields["number"] = m.group("number")
    if iso and len(iso) > 4:
        fields["date"] = iso
    pin = m.group("pin")
    return FullRef(
        text=text, type="article", fields=freeze_fields(fields),
        confidence=MappingProxyType(dict.fromkeys(fields, 1.0)),
        pinpoint=normalize_pages(pin, expand=True) if pin else None,
    )


def _news_review(text: str) -> FullRef | None:
    """A review in a newspaper, by the day (see ``_NEWS_REVIEW``), or None."""
    m = _NEWS_REVIEW.match(strip_marks(text).strip())
    authors = split_names(m.group("author")) if m is not None else ()
    if m is None or not authors:
        return None
    year, iso = parse_date(m.group("date"))
    title = m.group("title").strip()
    read: dict[str, FieldValue] = {"author": authors, "title": title[:1].upper() + title[1:],
                                   "journal": m.group("journal").strip(), "year": year, "date": iso}
    fields = {k: v for k, v in read.items() if v}
    return FullRef(text=text, type="article", fields=freeze_fields(fields),
                   confidence=MappingProxyType(dict.fromkeys(fields, 1.0)), pinpoint=m.group("pin"))
