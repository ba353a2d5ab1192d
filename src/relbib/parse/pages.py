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
