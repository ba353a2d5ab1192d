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

from relbib import crosswalk
from relbib.model import Entry, FieldValue, Name, freeze_fields

# ISO 8601 calendar date, possibly reduced: 2021, 2021-03, 2021-03-01
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# a BibTeX page range "43--65" (or "43-65", "43–65")
_RANGE_DASH = re.compile(r"\s*(?:--|\u2013|-)\s*")
# BibTeX month spellings: macro names, full names, numbers
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


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


def _name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.family}
    out = {"family": name.family}
    words = name.family.split(" ")
    lower = 0
    while lower < len(words) - 1 and words[lower][:1].islower():
        lower += 1
    if lower:
        # "von Clausewitz": CSL keeps the particle apart so that styles sort
        # and print it by their own rules (CSL 1.0.2, "Name-part formatting")
        out = {"family": " ".join(words[lower:]), "non-dropping-particle": " ".join(words[:lower])}
    if name.given:
        out["given"] = name.given
    return out


def _date(value: list[int] | str) -> dict[str, Any]:
    if isinstance(value, list):
        return {"date-parts": [value]}
    return {"literal": value}


def to_csl(entry: Entry, *, annote: str = "", keywords: Sequence[str] = ()) -> dict[str, Any]:
    """One entry as a CSL item; ``annote`` and ``keywords`` carry the annotation."""
    item: dict[str, Any] = {"id": entry.key, "type": crosswalk.csl_type(entry.type)}
    genre = crosswalk.CSL_THESIS_GENRE.get(entry.type.lower())
    fields = entry.fields
    for name, value in fields.items():
        if isinstance(value, tuple):
            variable = crosswalk.CSL_NAMES.get(name)
            if variable and value:
                item[variable] = [_name(n) for n in value]
            continue
        value = " ".join(value.split())
        if not value:
            continue
        if name == "urldate":
            parts = date_parts(value)
            item["accessed"] = _date(parts or value)
            continue
        variable = crosswalk.csl_variable(entry.type, name)
        if variable is None or variable in item:
            continue
        if name in ("institution", "school", "organization") and fields.get("publisher"):
            continue  # the publisher itself wins
        if variable == "page":
            value = _RANGE_DASH.sub("-", value)
        item[variable] = value
    when = issued(fields)
    if when is not None:
        item["issued"] = _date(when)
    if genre and "genre" not in item:
        item["genre"] = genre
    if annote:
        item[crosswalk.CSL_ANNOTATION] = annote
    if keywords:
        item[crosswalk.CSL_KEYWORDS] = ", ".join(keywords)
    return item


def dumps(items: Iterable[Mapping[str, Any]]) -> str:
    """CSL-JSON text: a UTF-8 array, two-space indent, LF, final newline."""
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


def _back_name(raw: Mapping[str, str]) -> Name:
    if "literal" in raw:
        return Name(family=raw["literal"], literal=True)
    family = " ".join(p for p in (raw.get("non-dropping-particle", ""), raw.get("family", "")) if p)
    return Name(family=family, given=raw.get("given", ""))


def from_csl(item: Mapping[str, Any]) -> Entry:
    """A CSL item back as an entry (the inverse of :func:`to_csl` on its fields)."""
    entry_type = crosswalk.CSL_TYPES_BACK.get(str(item.get("type", "")), "misc")
    fields: dict[str, FieldValue] = {}
    for field, variable in crosswalk.CSL_NAMES.items():
        if item.get(variable):
            fields[field] = tuple(_back_name(n) for n in item[variable])
    for field in ("title", "series", "volume", "pages", "edition", "publisher", "isbn",
                  "issn", "doi", "url", "note", "number"):
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
