"""Pages: a page segment's text → BibTeX page range.

Input: text such as "pp. 153-62.", "S. 12–14", "p. 130", "e1002".
Output: "153--162" (compressed ranges expanded, any dash → "--"), "130".
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


def normalize_pages(text: str, *, expand: bool = True) -> str:
    """The page range of ``text`` in BibTeX form ("43--65"), or its cleaned text."""
    s = re.sub(r"\s+", " ", text).strip(" ,;:.()[]")
    s = P.PAGE_PREFIX.sub("", s).strip(" ,;:.")
    m = P.PAGE_RANGE.match(s)
    if m:
        first, last = m.group(1), m.group(2)
        if expand:
            last = expand_range(first, last)
        return f"{first}--{last}"
    return re.sub(rf"\s*{P.DASH}+\s*", "--", s)
