"""Pages: a page segment's text → BibTeX page range.

Input: text such as "pp. 153-62.", "S. 12–14", "p. 130", "e1002".
Output: "153--62" (any dash → "--"; as printed), "130"; ``expand_compressed``
turns a compressed range into a full one ("153--62" → "153--162").
Never: turn a non-page number into a range or drop digits.
"""

from __future__ import annotations

import re

from relbib.parse import patterns as P


def expand_range(first: str, last: str) -> str:
    """The full last page of a compressed range: ("153", "62") → "162"."""
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        full = first[: len(first) - len(last)] + last
        if int(full) >= int(first):
            return full
    return last


def expand_compressed(pages: str) -> str:
    """A BibTeX range with its compressed last page written out: "1477--81" → "1477--1481"."""
    first, sep, last = pages.partition("--")
    if not sep:
        return pages
    return f"{first}--{expand_range(first, last)}"


def normalize_pages(text: str, *, expand: bool = False) -> str:
    """The page range of ``text`` in BibTeX form ("43--65"), or its cleaned text."""
    s = re.sub(r"\s+", " ", text).strip(" ,;:.()[]")
    s = P.PAGE_PREFIX.sub("", s).strip(" ,;:.")
    s = P.PAGE_SUFFIX.sub("", s)
    m = P.PAGE_RANGE.match(s)
    if m:
        first, last = m.group(1), m.group(2)
        if expand:
            last = expand_range(first, last)
        return f"{first}--{last}"
    return re.sub(rf"\s*{P.DASH}+\s*", "--", s)


# --- pinpoints against a cited work's range (relbib.resolve) ----------------------

# A page range ("43--65", "153-62", "153–162").
_PAGE_RANGE = re.compile(rf"^\s*(\d+)\s*{P.DASH}+\s*(\d+)\s*$")
# The note part of a pinpoint ("45 n. 3") is not a page.
_PIN_NOTE = re.compile(r"(?<!\s)\s*+&?\s*+nn?\..*$")  # a space run is tried from its start only
_DIGITS = re.compile(r"\d+")


def page_range(pages: str) -> tuple[int, int] | None:
    """(first, last) of "43--65" or "153-62"; None for one page or none."""
    m = _PAGE_RANGE.match(pages)
    if m is None:
        return None
    first, last = m.group(1), m.group(2)
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    lo, hi = int(first), int(last)
    return (lo, hi) if lo <= hi else None


def pages_outside(pinpoint: str | None, pages: tuple[int, int] | None) -> int | None:
    """The first cited page that lies outside ``pages``, if any can be checked."""
    if pinpoint is None or pages is None:
        return None
    page_part = _PIN_NOTE.sub("", pinpoint)
    if not page_part[:1].isdigit():
        return None  # "¶ 12", "xii": nothing to check against a page range
    for piece in page_part.split(","):
        cited = page_range(piece)  # "159--62" is 159 to 162
        for page in cited or tuple(int(d) for d in _DIGITS.findall(piece)):
            if not pages[0] <= page <= pages[1]:
                return page
    return None
