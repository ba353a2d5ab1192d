"""Stage 5 (library): when two entries are one work, and the year of an entry.

Input: an entry's fields, decoded (a library :class:`~relbib.model.Entry`) or
as raw BibTeX text (a check record).
Output: comparable keys — the bare lower-case DOI, and (title, year, first
author's family name) normalised — and the year of an entry.
Never: do I/O, or judge a work by anything but its DOI, title, year and first
author (library merges, check's duplicate-entry and the draft-to-library
matching all ask this one module, so they cannot disagree).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from relbib.formats.bibvalues import decode_value, parse_names
from relbib.model import Entry, Name

WorkKey = tuple[str, str, str]  # (title, year, first author's family name)

# A DOI is "10." + a registrant code + "/" + a suffix without whitespace
# (Crossref), or a ShortDOI ("10/gf29tr"); the registrant is not checked here
# (check's doi rule does that).
_DOI = re.compile(r"^10(?:\.[^/\s]+)?/\S+$")
# The prefixes people paste with the DOI: resolver URLs and the "doi:" scheme.
_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*|DOI:?\s*)", re.IGNORECASE)
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\s*|\\.")
_YEAR = re.compile(r"\d{4}")

# Letters NFKD cannot take apart (they are not base letter + accent).
_TRANSLITERATION = str.maketrans(
    {
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
        "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t",
        "Ŧ": "T", "ĸ": "k", "ŋ": "ng", "Ŋ": "Ng",
    }
)


def ascii_fold(text: str) -> str:
    """``Müller`` → ``Muller``, ``Łukasz`` → ``Lukasz``: letters without accents."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).encode(
        "ascii", "ignore"
    ).decode("ascii")


def normalise_doi(value: str) -> str:
    """The bare, lower-case DOI in ``value`` (URL and ``doi:`` forms read); "" if none."""
    if value.startswith("10.") and _DOI.match(value):
        return value.lower()  # the common case: already bare
    bare = _DOI_PREFIX.sub("", value.strip()).replace("\\_", "_").strip()
    return bare.lower() if _DOI.match(bare) else ""


def normalise_title(title: str) -> str:
    """Lower-case ASCII letters and digits only: braces, LaTeX commands, accents,
    spaces and punctuation ignored; ``&`` reads as ``and`` (one note writes
    "Russia & Pakistan", another "Russia and Pakistan")."""
    text = title.replace("\\&", "&").replace("&", " and ")
    if "\\" in text:
        text = _LATEX_COMMAND.sub("", text)
    return "".join(ch for ch in ascii_fold(text).lower() if ch.isalnum())


def family_key(name: Name) -> str:
    """The family name of ``name`` as compared: "Smith, Jr" → ``smith``."""
    return "".join(ch for ch in ascii_fold(name.family.split(",")[0]).lower() if ch.isalnum())


def entry_year(fields: Mapping[str, object]) -> int | None:
    """The year of an entry: the first four digits of ``year``, else of ``date``."""
    for name in ("year", "date"):
        value = fields.get(name)
        if isinstance(value, str):
            match = _YEAR.search(value)
            if match:
                return int(match.group(0))
    return None


def same_work_key(*, title: str, year: int | None, first: Name | None) -> WorkKey | None:
    """(title, year, first author's family), normalised; None when one is missing."""
    if year is None or first is None:
        return None
    parts = (normalise_title(title), f"{year:04d}", family_key(first))
    return parts if all(parts) else None


def _first_name(fields: Mapping[str, object]) -> Name | None:
    for name in ("author", "editor"):
        value = fields.get(name)
        if isinstance(value, tuple) and value and isinstance(value[0], Name):
            return value[0]
    return None


def entry_work_key(fields: Mapping[str, object]) -> WorkKey | None:
    """:func:`same_work_key` of decoded entry fields (names as :class:`Name` tuples)."""
    title = fields.get("title")
    return same_work_key(title=title if isinstance(title, str) else "", year=entry_year(fields),
                         first=_first_name(fields))


def bib_work_key(fields: Mapping[str, str]) -> WorkKey | None:
    """:func:`same_work_key` of raw BibTeX field text, decoded as the library decodes it."""
    title, year = fields.get("title", ""), entry_year(fields)
    if not title.strip() or year is None:
        return None
    names = fields.get("author") or fields.get("editor") or ""
    parsed = parse_names(names) if names.strip() else ()
    return same_work_key(title=decode_value(title, field="title"), year=year,
                         first=parsed[0] if parsed else None)


def same_work(a: Entry, b: Entry) -> bool:
    """Same DOI (any case, any resolver prefix), or same normalised title, year
    and first author's family name."""
    doi_a, doi_b = (normalise_doi(str(e.fields.get("doi") or "")) for e in (a, b))
    if doi_a and doi_a == doi_b:
        return True
    key_a = entry_work_key(a.fields)
    return key_a is not None and key_a == entry_work_key(b.fields)
