"""Dates: a date segment's text → year and, when more precise, an ISO date.

Input: text such as "(2011a).", "15 January 2021", "May 4, 2019", "2021-03-01".
Output: ``(year, iso)`` where year is four digits or "" and iso is
"YYYY-MM" / "YYYY-MM-DD" only when the text names a month.
Never: invent a year that is not written, or read a day without a month.
"""

from __future__ import annotations

import re
import unicodedata

from relbib import lexicon
from relbib.parse import patterns as P

# month words of every language the lexicon holds, with accent-free forms
_MONTH_NUMBERS = lexicon.month_words()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def month_number(word: str) -> int | None:
    """1-12 for an English, French, German, Italian or Spanish month word."""
    w = _fold(word).rstrip(".")
    if w in _MONTH_NUMBERS:
        return _MONTH_NUMBERS[w]
    if len(w) >= 3 and w[:3] in _MONTH_NUMBERS and w[:3] not in {"mar", "mai", "jun", "jul"}:
        return _MONTH_NUMBERS[w[:3]]
    for stem in ("mar", "jun", "jul"):
        if w.startswith(stem) and w in {"march", "june", "july"}:
            return _MONTH_NUMBERS[stem]
    if w in {"sept", "september"}:
        return 9
    return None


def parse_date(text: str) -> tuple[str, str]:
    """``(year, iso)`` of a date text; iso is "" unless a month is named."""
    m = P.NUMERIC_DATE.search(text)
    if m and 1 <= int(m.group(2)) <= 12:
        iso = f"{m.group(1)}-{int(m.group(2)):02d}"
        if m.group(3) and 1 <= int(m.group(3)) <= 31:
            iso += f"-{int(m.group(3)):02d}"
        return m.group(1), iso
    ym = P.YEAR.search(text)
    if not ym:
        return "", ""
    year = ym.group(1)
    month = None
    for word in re.findall(r"[^\W\d_]+", text):
        month = month_number(word)
        if month:
            break
    if month is None:
        return year, ""
    rest = text[: ym.start()] + " " + text[ym.end() :]
    day = P.DAY.search(rest)
    if day and 1 <= int(day.group(1)) <= 31:
        return year, f"{year}-{month:02d}-{int(day.group(1)):02d}"
    return year, f"{year}-{month:02d}"
