"""CSL-JSON: relbib entries as CSL items, and CSL items back as entries.

Input: :class:`relbib.model.Entry` values (with the annotation text and tags
the exporter composed), or parsed CSL-JSON items.
Output: JSON-ready dicts valid against the CSL-JSON schema (csl-data.json),
the JSON text, or Entries.
Never: do I/O, or invent a variable the schema does not define.

Which field goes to which CSL variable is decided in :mod:`relbib.crosswalk`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from relbib import crosswalk, lexicon
from relbib.formats import texmarkup
from relbib.model import Entry, FieldValue, Name, freeze_fields

# ISO 8601 calendar date, possibly reduced: 2021, 2021-03, 2021-03-01
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# a BibTeX page range "43--65" (or "43-65", "43–65")
_RANGE_DASH = re.compile(rf"(?:(?<!\s)\s+)?(?:--|{lexicon.DASH})\s*")  # spaces from a run's start: linear
# a DOI written as a resolver URL or with a "doi:" prefix
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# BibTeX month spellings: macro names, full names, numbers
_MONTHS = {m.lower(): i for i, m in enumerate(lexicon.months("en", "abbr"), 1)}


def month_number(value: str) -> int | None:
    """1-12 from ``jan``, ``January``, ``3``; None when it is none of those."""
    value = value.strip().lower()
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    return _MONTHS.get(value[:3])


def date_parts(value: str) -> list[int] | None:
    """``[2021, 3, 1]`` from an ISO date (reduced forms too); None otherwise."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    parts = [int(p) for p in match.groups() if p]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return parts[:1]
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        return parts[:2]
    return parts


def issued(fields: Mapping[str, FieldValue]) -> list[int] | str | None:
    """The publication date as date parts, else the text as written, else None."""
    date = fields.get("date")
    if isinstance(date, str) and date.strip():
        return date_parts(date) or date.strip()
    year = fields.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        parts = [int(year)]
        month = fields.get("month")
        number = month_number(month) if isinstance(month, str) else None
        return parts + [number] if number else parts
    if isinstance(year, str) and year.strip():
        return year.strip()
    return None


# an EDTF level-1 date (ISO 8601-2): 2021, 2021-03, 2021-03-01, with ``~``
# (circa) or ``?`` (uncertain) after it; biblatex's ``date`` holds these
_EDTF = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$")


def _name(name: Name) -> dict[str, str]:
    family, given = texmarkup.clean(name.family), texmarkup.clean(name.given)
    if name.literal:
        return {"literal": family}
    out: dict[str, str] = {}
    family, comma, suffix = family.partition(", ")
    if comma and suffix:
        out["suffix"] = suffix  # "von Last, Jr, First": BibTeX's Jr part
    words = family.split(" ")
    lower = 0
    while lower < len(words) - 1 and words[lower][:1].islower():
        lower += 1
    if lower:
        # "von Clausewitz": CSL keeps the particle apart so that styles sort
        # and print it by their own rules (CSL 1.0.2, "Name-part formatting");
        # BibTeX's von part is dropped before the family when sorting
        out["dropping-particle"] = " ".join(words[:lower])
        family = " ".join(words[lower:])
    out["family"] = family
    if given:
        out["given"] = given
    return out


def _date(value: list[int] | str) -> dict[str, Any]:
    if isinstance(value, list):
        return {"date-parts": [value]}
    return {"literal": value}


def edtf_date(value: str) -> dict[str, Any] | None:
    """A CSL date from an EDTF date or range (``2020-01/2020-03``, ``2000~``,
    ``1990/..``); None when ``value`` is none of those."""
    ends = value.strip().split("/")
    if not 1 <= len(ends) <= 2:
        return None
    parts: list[list[int | str]] = []
    circa = False
    for end in ends:
        if end in ("", ".."):  # an open end of a range
            parts.append([""] if parts else [0])
            continue
        match = _EDTF.match(end.strip())
        if not match:
            return None
        found = date_parts("-".join(p for p in match.groups()[:3] if p))
        if found is None:
            return None
        parts.append(list(found))
        circa = circa or match[4] in ("~", "%")
    if parts and parts[0] == [0]:
        return None
    out: dict[str, Any] = {"date-parts": parts}
    if circa:
        out["circa"] = True
    return out


def _csl_date(value: str) -> dict[str, Any]:
    return edtf_date(value) or _date(date_parts(value) or value.strip())


def _text(entry: Entry, name: str, *, english: bool) -> str:
    """The clean CSL-JSON text of a field, sentence-cased where CSL wants it."""
    value = entry.fields.get(name)
    if not isinstance(value, str) or not value.strip():
        return ""
    rich = texmarkup.parse(value)
    if english and name in crosswalk.CSL_SENTENCE_CASED:
        rich = texmarkup.sentence_case(rich)
    return texmarkup.csl_html(rich)


def _joined(entry: Entry, names: Sequence[str], *, english: bool, sep: str) -> str:
    parts = [_text(entry, n, english=english) for n in names]
    first, *rest = parts
    out = first
    for part in rest:
        if part:
            out = f"{out}{sep}{part}" if out else part
    return out


def _language(entry: Entry) -> str:
    langid = entry.fields.get("langid") or entry.fields.get("hyphenation")
    if not isinstance(langid, str):
        return ""
    return crosswalk.CSL_LANGUAGES.get(texmarkup.clean(langid).lower(), "")


def _titles(entry: Entry, item: dict[str, Any], english: bool) -> None:
    title = _joined(entry, crosswalk.CSL_TITLE_PARTS[:2], english=english, sep=": ")
    addon = _text(entry, crosswalk.CSL_TITLE_PARTS[2], english=english)
    if title or addon:
        item["title"] = f"{title}. {addon}" if title and addon else title or addon
    book = _joined(entry, crosswalk.CSL_BOOKTITLE_PARTS[:2], english=english, sep=": ")
    if book:
        item["container-title"] = book
    note = _joined(entry, crosswalk.CSL_NOTE_PARTS, english=False, sep=". ")
    if note:
        item["note"] = note
    publishers = [_text(entry, n, english=False) for n in crosswalk.PUBLISHER_LIKE]
    if any(publishers):
        item["publisher"] = "; ".join(p for p in publishers if p)


_COMPOSED = frozenset({*crosswalk.CSL_TITLE_PARTS, *crosswalk.CSL_BOOKTITLE_PARTS,
                       *crosswalk.CSL_NOTE_PARTS, *crosswalk.PUBLISHER_LIKE})


def to_csl(entry: Entry, *, annote: str = "", keywords: Sequence[str] = ()) -> dict[str, Any]:
    """One entry as a CSL item, as pandoc's citeproc reads the same .bib
    entry; ``annote`` and ``keywords`` carry relbib's annotation."""
    subtype = entry.fields.get("entrysubtype")
    kind = crosswalk.csl_type(entry.type, subtype if isinstance(subtype, str) else "")
    item: dict[str, Any] = {"id": entry.key, "type": kind}
    language = _language(entry)
    english = not language or language.startswith("en")
    _titles(entry, item, english)
    for name, value in entry.fields.items():
        if isinstance(value, tuple):
            variable = crosswalk.CSL_NAMES.get(name)
            if variable and value:
                item[variable] = [_name(n) for n in value]
            continue
        if not value.strip() or name in _COMPOSED:
            continue
        if name in crosswalk.CSL_DATES:
            item[crosswalk.CSL_DATES[name]] = _csl_date(value)
            continue
        variable = crosswalk.csl_variable(entry.type, name)
        if variable is None or variable in item:
            continue
        if name == "doi":
            text = _DOI_PREFIX.sub("", value.strip())  # the DOI itself: styles add the resolver
        elif name == "url":
            text = value.strip()
        elif variable == "genre":
            genre = texmarkup.clean(value)
            text = crosswalk.CSL_GENRES.get(genre.lower(), genre)
        else:
            text = _text(entry, name, english=english) or texmarkup.clean(value)
        if variable == "page":
            text = _RANGE_DASH.sub("-", texmarkup.clean(value))
        item[variable] = text
    _finish(entry, item, language)
    if annote:
        item[crosswalk.CSL_ANNOTATION] = annote
    if keywords:
        item[crosswalk.CSL_KEYWORDS] = ", ".join(keywords)
    return item


def _finish(entry: Entry, item: dict[str, Any], language: str) -> None:
    """The date from year and month when there is no ``date``; the genre a
    BibTeX type implies; the language."""
    if "issued" not in item:
        when = issued(entry.fields)
        if when is not None:
            item["issued"] = _date(when)
    genre = crosswalk.CSL_TYPE_GENRES.get(entry.type.lower())
    if genre and "genre" not in item:
        item["genre"] = genre
    eprint, kind = entry.fields.get("eprint"), entry.fields.get("eprinttype")
    pattern = crosswalk.CSL_EPRINT_URLS.get(kind.strip().lower()) if isinstance(kind, str) else None
    if pattern and isinstance(eprint, str) and "URL" not in item:
        item["URL"] = pattern.format(eprint.strip())
    if language:
        item["language"] = language


def dumps(items: Iterable[Mapping[str, Any]]) -> str:
    """CSL-JSON text: a UTF-8 array, two-space indent, LF, final newline."""
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


def _back_name(raw: Mapping[str, str]) -> Name:
    if "literal" in raw:
        return Name(family=raw["literal"], literal=True)
    family = " ".join(p for p in (raw.get("dropping-particle", ""),
                                  raw.get("non-dropping-particle", ""), raw.get("family", "")) if p)
    if raw.get("suffix"):
        family = f"{family}, {raw['suffix']}"
    return Name(family=family, given=raw.get("given", ""))


def from_csl(item: Mapping[str, Any]) -> Entry:
    """A CSL item back as an entry (the inverse of :func:`to_csl` on its fields)."""
    entry_type = crosswalk.CSL_TYPES_BACK.get(str(item.get("type", "")), "misc")
    fields: dict[str, FieldValue] = {}
    for field, variable in crosswalk.CSL_NAMES.items():
        if item.get(variable):
            fields[field] = tuple(_back_name(n) for n in item[variable])
    if item.get("title"):
        fields["title"] = str(item["title"])
    for field in ("series", "volume", "pages", "edition", "publisher", "isbn",
                  "issn", "doi", "url", "note", "number", "version", "annote", "keywords"):
        name = crosswalk.csl_variable(entry_type, field)
        if name and name in item:
            value = str(item[name])
            fields[field] = value.replace("-", "--") if field == "pages" else value
    container = item.get("container-title")
    if container:
        fields["journal" if entry_type == "article" else "booktitle"] = str(container)
    date = item.get("issued")
    if isinstance(date, Mapping):
        if "date-parts" in date:
            fields["date"] = "-".join(f"{int(p):02d}" if i else str(p)
                                      for i, p in enumerate(date["date-parts"][0]))
        elif "literal" in date:
            fields["date"] = str(date["literal"])
    return Entry(key=str(item["id"]), type=entry_type, fields=freeze_fields(fields))
