"""Bring in what writers already have: a .bib, CSL-JSON or RIS file into the library.

Input: the text of one export (Zotero, Better BibTeX, JabRef, any reference
manager) and the library.
Output: :class:`ImportResult`: the next library, the keys added and updated,
and warnings (an item that could not be read, a key that had to change).
Never: do I/O, drop anything a person wrote, or change what is already there:
a field the library has wins, a summary is only ever added to, tags are only
ever added.  Importing the same file twice changes nothing the second time.

Where a person's notes go: ``annote``/``annotation`` (BibTeX, biblatex,
Better BibTeX), CSL's ``annote`` and RIS ``N1`` become the summary;
``keywords``, CSL's ``keyword``, RIS ``KW`` and JabRef's ``groups`` become
tags.  The fields themselves stay on the entry too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from relbib.formats import csljson, ris, texmarkup
from relbib.formats.bibtex import bib_problems, entries_of, read_bib
from relbib.library.core import Library, merge_fields, work_ids
from relbib.library.keys import make_key
from relbib.model import Annotation, Entry

#: the fields that hold a person's note on a work, best first
NOTE_FIELDS = ("annotation", "annote")
#: the fields that hold a person's tags (JabRef keeps its groups in ``groups``)
TAG_FIELDS = ("keywords", "groups")
# how tag lists are separated: commas or semicolons (Zotero, JabRef, BBT)
_TAG_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?[,;]\s*")  # spaces from a run's start: linear
# a key BibTeX and relbib can both read
_KEY = re.compile(r"^[A-Za-z0-9_:.+/-]+$")


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    library: Library
    added: tuple[str, ...]
    updated: tuple[str, ...]
    warnings: tuple[str, ...]


def read_export(text: str, *, path: str) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """The entries of an export, by its file name: ``.bib``, ``.json`` (CSL-JSON)
    or ``.ris``; and warnings for what could not be read."""
    lower = path.lower()
    if lower.endswith(".json"):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as error:
            return (), (f"{path}: not JSON ({error.msg}, line {error.lineno})",)
        items = items.get("items", []) if isinstance(items, dict) else items
        entries = tuple(csljson.from_csl(i) for i in items if isinstance(i, dict) and i.get("id"))
        skipped = len(items) - len(entries) if isinstance(items, list) else 0
        return entries, (f"{path}: {skipped} item(s) without an id skipped",) if skipped else ()
    if lower.endswith(".ris"):
        return ris.read(text), ()
    doc = read_bib(text, path=path)
    return entries_of(doc), tuple(f"{path}:{d.line}: {d.message}" for d in bib_problems(doc))


def _note(entry: Entry) -> str:
    for name in NOTE_FIELDS:
        value = entry.fields.get(name)
        if isinstance(value, str) and value.strip():
            return texmarkup.clean(value)
    return ""


def _tags(entry: Entry) -> tuple[str, ...]:
    tags: list[str] = []
    for name in TAG_FIELDS:
        value = entry.fields.get(name)
        if isinstance(value, str):
            tags += [t for t in _TAG_SEPARATOR.split(texmarkup.clean(value)) if t]
    return tuple(dict.fromkeys(tags))


def _annotate(existing: Annotation | None, key: str, entry: Entry) -> Annotation | None:
    """The annotation with the entry's note and tags added; None when unchanged."""
    current = existing or Annotation(key=key)
    note, tags = _note(entry), _tags(entry)
    summary = current.summary
    if note and note not in summary:
        summary = f"{summary.rstrip()}\n\n{note}" if summary.strip() else note
    merged_tags = tuple(dict.fromkeys((*current.tags, *tags)))
    if summary == current.summary and merged_tags == current.tags:
        return None
    return replace(current, summary=summary, tags=merged_tags)


def _find(sources: Mapping[str, Entry], entry: Entry) -> str | None:
    """The key of the library's entry for the same work, if any."""
    if entry.key in sources and set(work_ids(sources[entry.key])) & set(work_ids(entry)):
        return entry.key
    wanted = set(work_ids(entry))
    for key, known in sources.items():
        if wanted & set(work_ids(known)):
            return key
    return None


def import_entries(library: Library, entries: Sequence[Entry]) -> ImportResult:
    """``library`` with ``entries`` added or merged into the works it holds."""
    sources = dict(library.sources)
    annotations = dict(library.annotations)
    added: list[str] = []
    updated: list[str] = []
    warnings: list[str] = []
    for entry in entries:
        key = _find(sources, entry)
        if key is None:
            key = entry.key
            if not _KEY.match(key) or key.lower() in {k.lower() for k in sources}:
                key = make_key(entry.fields, set(sources))
                warnings.append(f"{entry.key}: imported as {key}")
            sources[key] = Entry(key=key, type=entry.type, fields=entry.fields)
            added.append(key)
        else:
            merged = merge_fields(sources[key].fields, entry.fields)
            if merged != sources[key].fields:
                sources[key] = Entry(key=key, type=sources[key].type, fields=merged)
                updated.append(key)
        annotation = _annotate(annotations.get(key), key, entry)
        if annotation is not None:
            annotations[key] = annotation
            if key not in added and key not in updated:
                updated.append(key)
    next_library = replace(
        library,
        sources=MappingProxyType(dict(sorted(sources.items()))),
        annotations=MappingProxyType(dict(sorted(annotations.items()))),
    )
    return ImportResult(library=next_library, added=tuple(added), updated=tuple(sorted(updated)),
                        warnings=tuple(warnings))
