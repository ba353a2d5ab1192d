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
from relbib.formats.bibvalues import parse_names
from relbib.model import Entry, FieldValue, Name, freeze_fields

# ISO 8601 calendar date, possibly reduced: 2021, 2021-03, 2021-03-01
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# a BibTeX page range "43--65" (or "43-65", "43–65")
_RANGE_DASH = re.compile(rf"(?:(?<!\s)\s+)?(?:--|{lexicon.DASH})\s*")  # spaces from a run's start: linear
# a DOI written as a resolver URL or with a "doi:" prefix
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# a title part ending in one of these is joined to the next by a space only
_JOIN_PUNCTUATION = frozenset("!?.,:;")
# the entry types whose booktitle names the book they are part of (pandoc's
# "chapter-like" types); a book's own booktitle is no container
_PARTS_OF_BOOKS = frozenset({"inbook", "incollection", "inproceedings", "inreference",
                             "bookinbook", "conference"})
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
    year = texmarkup.clean(year) if isinstance(year, str) else year  # {\noopsort{a}}1981
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
# a word in a date written in words ("spring 2020", "circa 1850")
_WORDS = re.compile(r"[^\W\d_]{2,}")
# the time of day an ISO 8601 date-time adds (BibDesk, Zotero: "2016-01-19T14:20:00.000Z")
_TIME = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def _name(name: Name) -> dict[str, str]:
    family, given = texmarkup.clean(name.family), texmarkup.clean(name.given)
    if name.literal or (family == "others" and not given):
        # BibTeX's "and others" is CSL's "et al." (citeproc prints a literal
        # "others" so)
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
        if end in ("", ".."):  # an open end of a range: year 0, as pandoc reads it
            parts.append([0])
            continue
        match = _EDTF.match(_TIME.sub("", end.strip()))
        if not match:
            return None
        year, rest = match[1], "-".join(p for p in match.groups()[1:3] if p)
        found = date_parts("-".join(p for p in (year.lstrip("-"), rest) if p))
        if found is None:
            return None
        if year.startswith("-"):
            # EDTF counts a year 0 (-0385 is 386 BC); CSL-JSON's negative
            # years are BC years
            found[0] = -found[0] - 1
        parts.append(list(found))
        circa = circa or match[4] in ("~", "%")
    if parts and parts[0] == [0]:
        return None
    out: dict[str, Any] = {"date-parts": parts}
    if circa:
        out["circa"] = True
    return out


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
    """The fields ``names`` joined by ``sep`` (": " or ". "), as pandoc joins
    a title's parts: after a part that ends in punctuation, only a space."""
    out = ""
    for part in (_text(entry, n, english=english) for n in names):
        if part:
            out = part if not out else f"{out} {part}" if out[-1] in _JOIN_PUNCTUATION else f"{out}{sep}{part}"
    return out


def _title(entry: Entry, parts: Sequence[str], *, english: bool) -> str:
    """"Title: Subtitle. Addon" from the three fields ``parts`` name."""
    title = _joined(entry, parts[:2], english=english, sep=": ")
    return _joined_text(title, _text(entry, parts[2], english=english), ". ")


def _joined_text(first: str, second: str, sep: str) -> str:
    if not first or not second:
        return first or second
    return f"{first} {second}" if first[-1] in _JOIN_PUNCTUATION else f"{first}{sep}{second}"


def _language(entry: Entry) -> str:
    langid = entry.fields.get("langid") or entry.fields.get("hyphenation")
    if not isinstance(langid, str):
        return ""
    # a language babel knows by another name ("sanskrit") stays as written,
    # as pandoc keeps it: a title in it is neither sentence- nor title-cased
    written = texmarkup.clean(langid).strip()
    return crosswalk.CSL_LANGUAGES.get(written.lower(), written)


def _titles(entry: Entry, item: dict[str, Any], english: bool) -> None:
    # biblatex's maintitle: the whole work of a volume (whose own title is
    # then the volume's), or the book a chapter's book belongs to
    main = _title(entry, crosswalk.CSL_MAINTITLE_PARTS, english=english)
    own = _title(entry, crosswalk.CSL_TITLE_PARTS, english=english)
    part_of_book = entry.type in _PARTS_OF_BOOKS
    book = _title(entry, crosswalk.CSL_BOOKTITLE_PARTS, english=english) if part_of_book else ""
    title, volume, container = (own, book, main) if part_of_book else (main, own, "")
    if not main:
        title, volume, container = own, "", book
    for variable, text in (("title", title), ("volume-title", volume), ("container-title", container)):
        if text:
            item[variable] = text
    note = _joined(entry, crosswalk.CSL_NOTE_PARTS, english=False, sep=". ")
    if note:
        item["note"] = note
    publisher = _joined(entry, crosswalk.PUBLISHER_LIKE, english=False, sep="; ")
    if publisher:
        item["publisher"] = publisher


_COMPOSED = frozenset({*crosswalk.CSL_TITLE_PARTS, *crosswalk.CSL_BOOKTITLE_PARTS,
                       *crosswalk.CSL_MAINTITLE_PARTS,
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
        variable = crosswalk.CSL_NAMES.get(name)
        if variable and isinstance(value, str):
            value = parse_names(value)  # a name list relbib's reader keeps as text
        if isinstance(value, tuple):
            if variable == "editor" and _editor_role(entry) == "director":
                variable = "director"  # biblatex's editortype names the role
            if variable and value and variable not in item:
                item[variable] = [_name(n) for n in value]
            continue
        if not value.strip() or name in _COMPOSED:
            continue
        if name in crosswalk.CSL_DATES:
            # a malformed number date ("1985-1030") is dropped, as pandoc and
            # biber drop it, and the publication date comes from year; a date
            # in words ("spring 2020") is printed as written
            text = texmarkup.clean(value)
            date = (edtf_date(value) or edtf_date(text)  # "1500~" is circa 1500, no tie
                    or ({"literal": text} if _WORDS.search(text) else None))
            if date is not None:
                item[crosswalk.CSL_DATES[name]] = date
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
        elif name == "series" and texmarkup.clean(value).lower() in crosswalk.CSL_SERIES_KEYS:
            text = crosswalk.CSL_SERIES_KEYS[texmarkup.clean(value).lower()]
        else:
            text = _text(entry, name, english=english) or texmarkup.clean(value)
        if variable == "page":
            text = _RANGE_DASH.sub("-", texmarkup.clean(value))
        item[variable] = text
    _finish(entry, item, language)
    _article_issue(entry, item)
    if annote:
        item[crosswalk.CSL_ANNOTATION] = annote
    if keywords:
        item[crosswalk.CSL_KEYWORDS] = ", ".join(keywords)
    return item


def _article_issue(entry: Entry, item: dict[str, Any]) -> None:
    """An article with both ``number`` and biblatex's ``issue`` (TUGboat's
    "9(1, 20)"): pandoc prints both, number first, as the CSL issue."""
    extra = entry.fields.get("issue")
    if item.get("issue") and isinstance(extra, str) and extra.strip():
        item["issue"] = _joined_text(item["issue"], texmarkup.clean(extra), ", ")


def _editor_role(entry: Entry) -> str:
    role = entry.fields.get("editortype")
    return texmarkup.clean(role).strip().lower() if isinstance(role, str) else ""


def _finish(entry: Entry, item: dict[str, Any], language: str) -> None:
    """The date from year and month when there is no ``date``; the genre a
    BibTeX type implies; the language."""
    if "issued" not in item:
        when = issued({k: v for k, v in entry.fields.items() if k != "date"})
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


def _unquoted(text: str) -> str:
    # the straight double quotes :func:`to_csl` spelled as characters
    return text.replace(texmarkup.LITERAL_QUOTE, '"')


def from_csl(item: Mapping[str, Any]) -> Entry:
    """A CSL item back as an entry (the inverse of :func:`to_csl` on its fields)."""
    entry_type = crosswalk.CSL_TYPES_BACK.get(str(item.get("type", "")), "misc")
    fields: dict[str, FieldValue] = {}
    for field, variable in crosswalk.CSL_NAMES.items():
        if item.get(variable):
            fields[field] = tuple(_back_name(n) for n in item[variable])
    if item.get("title"):
        fields["title"] = _unquoted(str(item["title"]))
    for field in ("series", "volume", "pages", "edition", "publisher", "isbn",
                  "issn", "doi", "url", "note", "number", "version", "annote", "keywords"):
        name = crosswalk.csl_variable(entry_type, field)
        if name and name in item:
            value = _unquoted(str(item[name]))
            fields[field] = value.replace("-", "--") if field == "pages" else value
    container = item.get("container-title")
    if container:
        fields["journal" if entry_type == "article" else "booktitle"] = _unquoted(str(container))
    date = item.get("issued")
    if isinstance(date, Mapping):
        if "date-parts" in date:
            fields["date"] = "-".join(f"{int(p):02d}" if i else str(p)
                                      for i, p in enumerate(date["date-parts"][0]))
        elif "literal" in date:
            fields["date"] = str(date["literal"])
    return Entry(key=str(item["id"]), type=entry_type, fields=freeze_fields(fields))
