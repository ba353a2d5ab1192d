"""RIS: relbib entries as RIS records.

Input: :class:`relbib.model.Entry` values (with the annotation text and tags
the exporter composed).
Output: RIS text (``TAG  - value`` lines, one record per entry ending in
``ER  -``) that RIS readers (rispy, Zotero, EndNote) take in.
Never: do I/O, write a value across lines (a line break would start a tag),
or write TeX markup: values are clean text (:mod:`relbib.formats.texmarkup`).

Which field goes to which tag is decided in :mod:`relbib.crosswalk`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from relbib import crosswalk
from relbib.formats import texmarkup
from relbib.formats.csljson import issued
from relbib.model import Entry, Name

# fields written as they are: identifiers, not text
_RAW = frozenset({"url", "doi", "isbn", "issn", "urldate"})
# a BibTeX page range "43--65" (or "43-65", "43–65"): the two ends
_RANGE = re.compile(r"^\s*(\S+?)\s*(?:--|\u2013|-)\s*(\S+)\s*$")


def _line(tag: str, value: str) -> str:
    # RIS is line-based: whitespace runs (newlines too) become one space
    return f"{tag}  - {' '.join(value.split())}"


def _name(name: Name) -> str:
    family, given = texmarkup.clean(name.family), texmarkup.clean(name.given)
    if name.literal or not given:
        return family
    return f"{family}, {given}"


def _pages(value: str) -> list[str]:
    match = _RANGE.match(value)
    if match:
        return [_line(crosswalk.RIS_START_PAGE, match[1]), _line(crosswalk.RIS_END_PAGE, match[2])]
    return [_line(crosswalk.RIS_START_PAGE, value)]


def record(entry: Entry, *, note: str = "", keywords: Sequence[str] = ()) -> str:
    """One entry as a RIS record (TY first, ER last)."""
    lines = [_line(crosswalk.RIS_TYPE, crosswalk.ris_type(entry.type)),
             _line(crosswalk.RIS_ID, entry.key)]
    fields = entry.fields
    for field, name_tag in crosswalk.RIS_NAMES.items():
        names = fields.get(field)
        if isinstance(names, tuple):
            lines += [_line(name_tag, _name(n)) for n in names]
    used: set[str] = set()
    for field, value in fields.items():
        if isinstance(value, tuple) or not value.strip():
            continue
        if field == "pages":
            lines += _pages(texmarkup.clean(value))
            continue
        if field not in _RAW:
            value = texmarkup.clean(value)  # the text, never TeX markup
        tag: str | None = crosswalk.RIS_FIELDS.get(field)
        if field in ("institution", "school", "organization") and "publisher" not in fields:
            tag = crosswalk.RIS_FIELDS["publisher"]
        if tag is None or tag in used:
            continue
        used.add(tag)
        lines.append(_line(tag, value))
    when = issued(fields)
    if isinstance(when, list):
        lines.append(_line(crosswalk.RIS_YEAR, str(when[0])))
        # RIS dates are YYYY/MM/DD/other, empty parts kept
        padded = [f"{when[0]:04d}", *(f"{p:02d}" for p in when[1:])] + ["", "", ""]
        lines.append(_line(crosswalk.RIS_DATE, "/".join(padded[:3]) + "/"))
    elif isinstance(when, str):
        lines.append(_line(crosswalk.RIS_DATE, when))
    url = fields.get("url")
    if isinstance(url, str) and url.strip():
        lines.append(_line(crosswalk.RIS_URL, url))
    if note:
        lines.append(_line(crosswalk.RIS_NOTE, note))
    lines += [_line(crosswalk.RIS_KEYWORD, k) for k in keywords]
    lines.append(f"{crosswalk.RIS_END}  - ")
    return "\n".join(lines) + "\n"


def dumps(records: Iterable[str]) -> str:
    """RIS text: the records separated by blank lines."""
    return "\n".join(records)
