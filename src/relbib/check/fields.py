"""Validators for single .bib field values and for draft pinpoints and dates.

Input: one raw field value (outer braces or quotes removed) or one postnote.
Output: ``None`` when the value is well formed, else a :class:`Problem` with a
message and the fix; or a normalised value (DOI, pinpoint, ISO date).
Never: look at other fields or entries, raise on odd input, or touch a file.

Each validator accepts every form a real tool accepts (BibTeX, biber, pandoc)
so that a finding always means a writer has something to fix.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from relbib import lexicon
from relbib.library.identity import normalise_doi


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """What is wrong with one value and how to fix it."""

    message: str
    suggestion: str


# --- DOI ----------------------------------------------------------------------

# A DOI is "10." + a registrant code of digits (and dots for sub-registrants)
# + "/" + a suffix with no whitespace (Crossref's own syntax rule); a ShortDOI
# (shortdoi.org, "10/gf29tr") resolves at doi.org as well.
_DOI = re.compile(r"^(?:10\.\d{4,9}(?:\.\d+)*/\S+|10/[A-Za-z0-9]+)$")
# The prefixes people paste with the DOI: resolver URLs and the "doi:" scheme.
_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*|DOI:?\s*)", re.IGNORECASE)


def normalize_doi(value: str) -> str | None:
    """The bare, lower-cased DOI in ``value`` (URL and ``doi:`` forms accepted),
    as the library compares it (one "same work" test for both)."""
    return normalise_doi(value) or None


def check_doi(value: str) -> Problem | None:
    text = value.strip().replace("\\_", "_")
    if _DOI.match(text):
        return None
    bare = _DOI_PREFIX.sub("", text).strip()
    if bare != text and _DOI.match(bare):
        return Problem(
            message=f"DOI written with a prefix: '{value}'",
            suggestion=f"write the bare DOI: doi = {{{bare}}}",
        )
    squeezed = re.sub(r"\s+", "", bare)
    if _DOI.match(squeezed):
        return Problem(
            message=f"DOI contains whitespace: '{value}'",
            suggestion=f"remove the spaces: doi = {{{squeezed}}}",
        )
    return Problem(
        message=f"'{value}' is not a DOI (a DOI reads 10.NNNN/suffix)",
        suggestion="copy the DOI from the publisher's page or doi.org",
    )


# --- ISBN, ISSN ---------------------------------------------------------------

_ISBN_SPLIT = re.compile(r"[,;]|\s{2,}|\s(?=97[89])")


def _isbn10_digit(digits: str) -> str:
    total = sum((10 - i) * int(d) for i, d in enumerate(digits[:9]))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def _isbn13_digit(digits: str) -> str:
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
    return str((10 - total % 10) % 10)


def check_isbn(value: str) -> Problem | None:
    """ISBN-10 or ISBN-13 (several separated by commas allowed), checksums verified."""
    labelled = re.sub(r"(?i)\bISBN(?:-1[03])?:?\s*", "", value)
    for part in _ISBN_SPLIT.split(labelled):
        raw = part.strip()
        if not raw:
            continue
        digits = re.sub(rf"[\s{lexicon.DASH_CHARS}]", "", raw).upper()
        if re.fullmatch(r"\d{9}[\dX]", digits):
            want = _isbn10_digit(digits)
        elif re.fullmatch(r"97[89]\d{10}", digits):
            want = _isbn13_digit(digits)
        elif re.fullmatch(r"\d{4}-?\d{3}[\dX]", digits) and len(digits) == 8:
            return Problem(
                message=f"'{raw}' is an ISSN (a journal's number), not an ISBN",
                suggestion=f"move it: issn = {{{raw}}}, and remove isbn",
            )
        else:
            return Problem(
                message=f"'{raw}' is not an ISBN (10 digits, or 13 starting 978/979)",
                suggestion="copy the ISBN from the book's copyright page or a library catalogue",
            )
        if digits[-1] != want:
            return Problem(
                message=f"ISBN '{raw}' fails its checksum (the check digit would be {want})",
                suggestion="a digit is mistyped: compare the ISBN with the book or a catalogue",
            )
    return None


def check_issn(value: str) -> Problem | None:
    for part in re.split(r"[,;]|\s+", value):
        raw = part.strip()
        if not raw:
            continue
        digits = raw.replace("-", "").upper()
        if not re.fullmatch(r"\d{7}[\dX]", digits):
            return Problem(
                message=f"'{raw}' is not an ISSN (NNNN-NNNC)",
                suggestion="copy the ISSN from the journal's page or the ISSN portal",
            )
        total = sum((8 - i) * int(d) for i, d in enumerate(digits[:7]))
        check = (11 - total % 11) % 11
        want = "X" if check == 10 else str(check)
        if digits[-1] != want:
            return Problem(
                message=f"ISSN '{raw}' fails its checksum (the check digit would be {want})",
                suggestion="a digit is mistyped: compare the ISSN with the journal's page",
            )
    return None


# --- year, month, date --------------------------------------------------------

# Words people put in `year` for works not yet out; biblatex has pubstate for them.
_PUBSTATE_WORDS = {"in press", "inpress", "forthcoming", "submitted", "to appear",
                   "in preparation", "accepted", "n.d.", "nd", "no date"}
# Letters that OCR and typing confuse with digits ("20o8").
_DIGIT_LOOKALIKES = str.maketrans({"o": "0", "O": "0", "l": "1", "I": "1", "S": "5"})


# BibTeX's sorting trick: year = {{\noopsort{1973b}}1973}
_NOOPSORT = re.compile(r"^\{?\\noopsort\{[^{}]*\}\}?")


_YEAR = re.compile(r"-?\d{1,4}")


def check_year(value: str) -> Problem | None:
    text = _NOOPSORT.sub("", value.strip()).strip("{} ")
    if text.isdigit() and len(text) <= 4 or _YEAR.fullmatch(text):
        return None
    if text.lower().strip(".") in {w.strip(".") for w in _PUBSTATE_WORDS}:
        return Problem(
            message=f"year '{text}' is not a year",
            suggestion=f"leave year out and write pubstate = {{{text.lower().replace(' ', '')}}}"
            " (biblatex), or note = {" + text + "} (BibTeX)",
        )
    fixed = text.translate(_DIGIT_LOOKALIKES)
    if re.fullmatch(r"\d{4}", fixed):
        return Problem(message=f"year '{text}' is not a number",
                       suggestion=f"year = {{{fixed}}}")
    if re.fullmatch(rf"\d{{4}}\s*(?:--?|{lexicon.DASH}|/)\s*\d{{2,4}}", text):
        return Problem(message=f"year '{text}' is a range",
                       suggestion="put the range in date = {YYYY/YYYY} (biblatex) or keep one year")
    return Problem(message=f"year '{text}' is not a year",
                   suggestion="write the four-digit year, e.g. year = {2008}")


_MONTHS_EN = lexicon.month_words(("en",))
# Month names in other languages, so the message can name the macro to use.
_MONTHS_OTHER = lexicon.month_words(("fr", "de", "es", "it"))
MONTH_MACROS = tuple(m.lower() for m in lexicon.months("en", "abbr"))  # BibTeX's jan ... dec


def month_number(value: str) -> int | None:
    """1-12 for a month written as a number, an English name or a BibTeX macro."""
    text = value.strip().lower().rstrip(".")
    if text.isdigit():
        n = int(text)
        return n if 1 <= n <= 12 else None
    return _MONTHS_EN.get(text)


def check_month(value: str) -> Problem | None:
    text = value.strip()
    if month_number(text) is not None:
        return None
    other = _MONTHS_OTHER.get(text.lower().rstrip("."))
    if other is not None:
        return Problem(
            message=f"month '{text}' is not an English month name or a number",
            suggestion=f"month = {MONTH_MACROS[other - 1]} (the macro; the style prints it in "
            f"the document's language) or month = {{{other}}}",
        )
    return Problem(
        message=f"month '{text}' is not a month",
        suggestion="write month = jan ... dec (no braces) or a number 1-12",
    )


# One EDTF date as biber reads it: year (may be negative, may have X digits),
# then month (01-12, or 21-24 for seasons), then day, then an optional time;
# "~" (approximate), "?" (uncertain) and "%" (both) may follow.
_EDTF_DATE = re.compile(
    r"^(?P<year>[+-]?[\dX]{4,})"
    r"(?:-(?P<month>[\dX]{2})(?:-(?P<day>[\dX]{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
    r"[~?%]?$"
)


def _date_part(text: str) -> tuple[str, tuple[int, int, int] | None] | Problem:
    """Validate one side of a date range; the sortable (y, m, d) when fully known."""
    m = _EDTF_DATE.match(text)
    if m is None:
        return Problem(message=f"'{text}' is not a date",
                       suggestion="write YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601 / EDTF)")
    year, month, day = m.group("year"), m.group("month"), m.group("day")
    if month and "X" not in month:
        mm = int(month)
        if not (1 <= mm <= 12 or 21 <= mm <= 24):
            return Problem(message=f"date '{text}' has month {month}",
                           suggestion="months run 01-12 (21-24 are EDTF seasons)")
        if day and "X" not in day and "X" not in year and mm <= 12:
            last = calendar.monthrange(int(year), mm)[1]
            if not 1 <= int(day) <= last:
                return Problem(message=f"date '{text}' has day {day}, but that month has {last}",
                               suggestion="check the day; write YYYY-MM if it is unknown")
    if "X" in text:
        return (text, None)
    key = (int(year), int(month or 0) if (month or "0").isdigit() else 0, int(day or 0))
    return (text, key)


def check_date(value: str) -> Problem | None:
    """A biblatex/EDTF date: a single date or a range, open ends allowed."""
    text = value.strip()
    if "/" not in text:
        part = _date_part(text)
        return part if isinstance(part, Problem) else None
    start, _, end = text.partition("/")
    keys: list[tuple[int, int, int] | None] = []
    for side in (start, end):
        if side in ("", ".."):
            keys.append(None)
            continue
        part = _date_part(side)
        if isinstance(part, Problem):
            return Problem(message=f"date range '{text}': {part.message}", suggestion=part.suggestion)
        keys.append(part[1])
    if keys[0] and keys[1] and keys[1] < keys[0]:
        return Problem(message=f"date range '{text}' ends before it starts",
                       suggestion=f"swap the ends: {end}/{start}")
    return None


def date_prefix(value: str) -> str | None:
    """The ISO start (YYYY, YYYY-MM or YYYY-MM-DD) of a valid date field."""
    m = _EDTF_DATE.match(value.strip().partition("/")[0])
    if m is None or "X" in m.group("year"):
        return None
    out = m.group("year").lstrip("+")
    for index, part in enumerate((m.group("month"), m.group("day"))):
        # a season (21-24) or an unspecified part ends the known prefix
        if not part or "X" in part or (index == 0 and int(part) > 12):
            break
        out += "-" + part
    return out


_HUMAN_DATE = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-zéû]+)\.?,?\s+(?P<y1>\d{4}))"
    # (a month starts a word: a start inside a long word only re-reads it)
    r"|(?:(?<![A-Za-zéû])(?P<m2>[A-Za-zéû]+)\.?\s+(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+)?(?P<y2>\d{4}))"
)


def parse_human_date(text: str) -> str | None:
    """ISO form of a draft's date (``2021-03-01``, ``March 1, 2021``, ``1 March 2021``)."""
    t = re.sub(r"[~{}\\]", " ", text).strip()
    m = re.search(r"\b(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\b", t)
    if m and re.fullmatch(r"\s*\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T.*)?\s*", t):
        iso = m.group(0)
        return iso if check_date(iso) is None else None
    h = _HUMAN_DATE.search(t)
    if h:
        month_word = (h.group("m1") or h.group("m2") or "").lower()
        mm = _MONTHS_EN.get(month_word) or _MONTHS_OTHER.get(month_word)
        year = h.group("y1") or h.group("y2")
        day = h.group("d1") or h.group("d2")
        if mm:
            iso = f"{year}-{mm:02d}" + (f"-{int(day):02d}" if day else "")
            return iso if check_date(iso) is None else None
    if m:
        return m.group(1)
    return None


# --- pages --------------------------------------------------------------------

_ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$",
                    re.IGNORECASE)
# Article numbers and sectioned pages: e1234, S12, A-3, 12a, 3:14, 1.12
_ARTICLE_ID = re.compile(r"^(?:[A-Za-z]{1,3}-?\d+[A-Za-z]?|\d+[A-Za-z]{1,2}|\d+[:.]\d+|\d+(?:ff?\.?|\+))$")
_RANGE = re.compile(rf"^(?P<a>[^\s{lexicon.DASH_CHARS}]+)\s*(?:-{{1,3}}|{lexicon.DASH})\s*(?P<b>[^\s{lexicon.DASH_CHARS}]+)$")


def roman_value(text: str) -> int | None:
    if not text or not _ROMAN.match(text):
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    chars = text.lower()
    for i, ch in enumerate(chars):
        v = values[ch]
        total += -v if i + 1 < len(chars) and values[chars[i + 1]] > v else v
    return total


def _page_kind(token: str) -> str | None:
    if token.isdigit():
        return "arabic"
    if roman_value(token) is not None:
        return "roman"
    if _ARTICLE_ID.match(token):
        return "id"
    return None


def expand_abbreviated(start: str, end: str) -> int:
    """``1234--56`` means 1234--1256 (Chicago's abbreviated ranges)."""
    if len(end) < len(start):
        return int(start[: len(start) - len(end)] + end)
    return int(end)


# LaTeX spellings of the en dash people put in pages: {\textendash}, \textendash{}, {--}
_TEX_DASH = re.compile(r"\{?\\textendash(?:\{\}|\s*)\}?|\{--\}")


def _pages_text(value: str) -> str:
    return _TEX_DASH.sub("--", value.strip()) if "\\" in value or "{" in value else value.strip()


_PAGES_LABEL = re.compile(r"(?i)^(?:pp?\.|pages?)\s*")


def _comma_tokens(text: str) -> list[str]:
    """The comma-separated tokens of a stripped pages text, each stripped (a
    regex of blanks around a comma restarted at every blank of a run: quadratic)."""
    return [token.strip() for token in text.split(",")]


def check_pages(value: str) -> Problem | None:
    text = _pages_text(value)
    if _PAGES_LABEL.match(text):
        bare = _PAGES_LABEL.sub("", text)
        return Problem(message=f"pages '{text}' includes the 'p.' label",
                       suggestion=f"pages = {{{bare}}} (the style adds 'pp.')")
    for token in _comma_tokens(text):
        if not token:
            continue
        m = _RANGE.match(token)
        if m is None:
            if _page_kind(token) is None:
                return Problem(message=f"pages '{text}': '{token}' is not a page number",
                               suggestion="write the first and last page joined by '--', "
                               "a single page, or an article number")
            continue
        a, b = m.group("a"), m.group("b")
        ka, kb = _page_kind(a), _page_kind(b)
        if ka is None or kb is None:
            bad = a if ka is None else b
            return Problem(message=f"pages '{text}': '{bad}' is not a page number",
                           suggestion="write the first and last page joined by '--'")
        if {ka, kb} == {"arabic", "roman"}:
            return Problem(message=f"pages '{text}' mixes an arabic and a roman number in one range",
                           suggestion="write both ends of the range the same way (both "
                           "arabic or both roman)")
        # no swapped range as the fix: '843-661' is most likely 843--861, a typo
        # in one digit, not 661--843
        if (ka == kb == "arabic" and expand_abbreviated(a, b) < int(a)) or (
                ka == kb == "roman" and (roman_value(b) or 0) < (roman_value(a) or 0)):
            return Problem(message=f"pages '{text}' run backwards: the last page {b} comes "
                           f"before the first page {a}",
                           suggestion="check both pages against the source (often one digit "
                           "is mistyped)")
    return None


def page_span(value: str) -> tuple[int, int] | None:
    """(first, last) arabic page of a pages field; None when not purely arabic."""
    lows: list[int] = []
    highs: list[int] = []
    for token in _comma_tokens(_pages_text(value)):
        m = _RANGE.match(token)
        if m and m.group("a").isdigit() and m.group("b").isdigit():
            lows.append(int(m.group("a")))
            highs.append(expand_abbreviated(m.group("a"), m.group("b")))
        elif token.isdigit():
            lows.append(int(token))
            highs.append(int(token))
        else:
            return None
    if not lows:
        return None
    return (min(lows), max(highs))


# --- URL ----------------------------------------------------------------------

_URL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s/?#]+[^\s]*|mailto:[^\s@]+@[^\s]+|urn:\S+)$")


def check_url(value: str) -> Problem | None:
    text = value.strip()
    wrapped = re.fullmatch(r"\\(?:url|href)\{([^{}]*)\}.*", text)
    if wrapped:
        return Problem(message=f"url '{text}' is wrapped in \\url",
                       suggestion=f"url = {{{wrapped.group(1)}}} (the style adds \\url)")
    if _URL.match(text):
        return None
    if re.match(r"^(?:www\.|[\w\-]+\.[a-z]{2,}(?:/|$))", text):
        return Problem(message=f"url '{text}' has no scheme",
                       suggestion=f"url = {{https://{text}}}")
    if re.search(r"\s", text):
        return Problem(message=f"url '{text}' contains whitespace",
                       suggestion="remove the spaces or encode them as %20")
    return Problem(message=f"'{text}' is not a URL",
                   suggestion="write the full address, e.g. url = {https://example.org/page}")


# --- pinpoints ----------------------------------------------------------------

# Page labels a postnote may carry: "p.", "pp.", "page", "pages", "S." (German),
# biblatex's \pno / \ppno, pandoc's "pp".
_PAGE_LABEL = re.compile(r"^(?:pp?\.?|pages?|pgs?\.?|S\.|\\pp?no)\s*(?=[\[\dIVXLCDMivxlcdm])")


def normalize_pinpoint(postnote: str) -> str:
    """``p.~12`` → ``12``; ``pp. 12-14`` → ``12--14``; ``chap. 3`` stays ``chap. 3``."""
    text = postnote.replace("~", " ").replace("\\,", " ").strip()
    text = re.sub(r"^\{(.*)\}$", r"\1", text).strip()
    text = re.sub(r"\s+", " ", text)
    bare = _PAGE_LABEL.sub("", text)
    if bare != text or re.match(r"^[\dIVXLCDMivxlcdm]", text):
        bare = re.sub(rf"\s*(?:-{{1,3}}|{lexicon.DASH}|\\textendash\s*)\s*", "--", bare)
        return bare
    return text


def pinpoint_pages(pinpoint: str) -> tuple[tuple[int, int], ...] | None:
    """Arabic page ranges a normalised pinpoint names; None when not only pages."""
    out: list[tuple[int, int]] = []
    for token in re.split(r"\s*(?:,|;|\band\b|&)\s*", pinpoint.strip()):
        token = re.sub(r"(?:ff?\.?|\+)$", "", token.strip())
        if not token:
            continue
        m = re.fullmatch(r"(\d+)(?:--(\d+))?", token)
        if m is None:
            return None
        a = int(m.group(1))
        b = expand_abbreviated(m.group(1), m.group(2)) if m.group(2) else a
        out.append((a, b))
    return tuple(out) or None
