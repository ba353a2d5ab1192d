"""RIS: relbib entries as RIS records.

Input: :class:`relbib.model.Entry` values (with the annotation text and tags
the exporter composed).
Output: RIS text (``TAG  - value`` lines, one record per entry ending in
``ER  -``) that RIS readers (rispy, Zotero, EndNote) take in; and RIS
records read back as entries (:func:`read`, for ``relbib import``).
Never: do I/O, write a value across lines (a line break would start a tag),
or write TeX markup: values are clean text (:mod:`relbib.formats.texmarkup`).

Which field goes to which tag is decided in :mod:`relbib.crosswalk`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from relbib import crosswalk, lexicon
from relbib.formats import texmarkup
from relbib.formats.bibvalues import Latex
from relbib.formats.csljson import issued
from relbib.model import Entry, FieldValue, Name, freeze_fields

# fields written as they are: identifiers, not text
_RAW = frozenset({"url", "doi", "isbn", "issn", "urldate"})
# a BibTeX page range "43--65" (or "43-65", "43–65"): the two ends
_RANGE = re.compile(rf"^\s*(\S+?)\s*(?:--|{lexicon.DASH})\s*(\S+)\s*$")


def _line(tag: str, value: str) -> str:
    # RIS is line-based: whitespace runs (newlines too) become one space
    return f"{tag}  - {' '.join(value.split())}"


def _clean(value: str) -> str:
    # a person's LaTeX as its text; plain text (no markup) exactly as it is
    return texmarkup.clean(value) if isinstance(value, Latex) else value


def _name(name: Name) -> str:
    family, given = _clean(name.family), _clean(name.given)
    if name.literal or not given:
        return family
    # RIS spells a suffix last: "Last, First, Suffix" ("King, Martin Luther, Jr.")
    last, comma, suffix = family.partition(", ")
    return f"{last}, {given}, {suffix}" if comma else f"{family}, {given}"


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
            lines += _pages(_clean(value))
            continue
        if field not in _RAW:
            value = _clean(value)  # the text, never TeX markup
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


# --- reading: RIS records back as entries -----------------------------------------

# one RIS line: a two-character tag, two spaces, a hyphen, a space, the value
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
# the tags read back into fields other than the single-valued ones
_BACK_FIELDS = {tag: field for field, tag in crosswalk.RIS_FIELDS.items()
                if field not in ("booktitle", "location", "issn")}


def _record_entry(tags: list[tuple[str, str]], number: int) -> Entry:
    fields: dict[str, FieldValue] = {}
    names: dict[str, list[Name]] = {}
    name_fields = {tag: field for field, tag in crosswalk.RIS_NAMES.items()} | {"A1": "author"}
    kind, key, start, end = "GEN", "", "", ""
    notes: list[str] = []
    keywords: list[str] = []
    for tag, value in tags:
        if tag == crosswalk.RIS_TYPE:
            kind = value
        elif tag == crosswalk.RIS_ID:
            key = value
        elif tag in name_fields:
            family, _, given = value.partition(",")
            given, comma, suffix = given.partition(",")
            if comma and suffix.strip():  # "Last, First, Suffix"
                family = f"{family.strip()}, {suffix.strip()}"
            names.setdefault(name_fields[tag], []).append(Name(family=family.strip(), given=given.strip()))
        elif tag == crosswalk.RIS_START_PAGE:
            start = value
        elif tag == crosswalk.RIS_END_PAGE:
            end = value
        elif tag in (crosswalk.RIS_YEAR, "Y1") and "date" not in fields:
            fields["date"] = value.split("/")[0]
        elif tag == crosswalk.RIS_DATE:
            parts = [p for p in value.split("/")[:3] if p]
            fields["date"] = "-".join(parts)
        elif tag == crosswalk.RIS_URL:
            fields.setdefault("url", value)
        elif tag == crosswalk.RIS_NOTE:
            notes.append(value)
        elif tag == crosswalk.RIS_KEYWORD:
            keywords.append(value)
        elif tag in _BACK_FIELDS and value:
            fields.setdefault(_BACK_FIELDS[tag], value)
    entry_type = crosswalk.RIS_TYPES_BACK.get(kind, "misc")
    if entry_type != "article" and "journal" in fields:
        fields["booktitle"] = fields.pop("journal")
    if start:
        fields["pages"] = f"{start}--{end}" if end else start
    if notes:
        fields["annote"] = "\n\n".join(notes)
    if keywords:
        fields["keywords"] = ", ".join(keywords)
    fields.update({k: tuple(v) for k, v in names.items()})
    return Entry(key=key or f"ris{number}", type=entry_type, fields=freeze_fields(fields))


def read(text: str) -> tuple[Entry, ...]:
    """The records of RIS ``text`` as entries (``N1`` notes as ``annote``,
    ``KW`` keywords as ``keywords``); lines outside a record are ignored."""
    entries: list[Entry] = []
    tags: list[tuple[str, str]] | None = None
    for line in text.splitlines():
        match = _TAG_LINE.match(line.rstrip())
        if match is None:
            if tags:  # a continuation line belongs to the value before it
                tag, value = tags[-1]
                tags[-1] = (tag, f"{value} {line.strip()}".strip())
            continue
        tag, value = match[1], (match[2] or "").strip()
        if tag == crosswalk.RIS_TYPE:
            tags = [(tag, value)]
        elif tag == crosswalk.RIS_END and tags is not None:
            entries.append(_record_entry(tags, len(entries) + 1))
            tags = None
        elif tags is not None:
            tags.append((tag, value))
    return tuple(entries)
