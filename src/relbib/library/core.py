"""Stage 5: the library and its update from resolved essays.

Input: the current :class:`Library` (read by workspace.py) and one
:class:`EssayIngest` per essay (stages 1-4).
Output: a new Library, the keys added and updated, and every essay's
citations with their keys filled in.
Never: touch a file, drop an entry or a field, overwrite a value or a key a
person wrote, or depend on the order the essays arrive in.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from relbib.formats.annotations import merge_annotation
from relbib.formats.bibtex import BibDocument
from relbib.library import identity
from relbib.library.identity import (
    ascii_fold,
    entry_work_key,
    entry_year,
    family_key,
    normalise_doi,
    normalise_title,
)
from relbib.library.keys import make_key
from relbib.model import (
    Annotation,
    AnnotationClaim,
    Citation,
    Entry,
    EssayIngest,
    Fields,
    FieldValue,
    FullRef,
    Note,
    Reference,
    freeze_fields,
)

ESSAY_NOTE_PREFIX = "relbib essay "


@dataclass(frozen=True, slots=True, kw_only=True)
class Library:
    """bib/sources.bib, bib/essays.bib and annotations/, as read (immutable).

    Args:
        sources: the cited sources by key.
        essays: the ingested essays' own entries by key.
        annotations: annotations/KEY.yaml by key.
        sources_doc, essays_doc: the .bib files as read, so writing keeps the rest.

    Returns:
        The library; relbib.workspace.load_library reads one from a project
        and update_library makes the next one.
    """

    sources: Mapping[str, Entry] = field(default_factory=lambda: MappingProxyType({}))
    essays: Mapping[str, Entry] = field(default_factory=lambda: MappingProxyType({}))
    annotations: Mapping[str, Annotation] = field(default_factory=lambda: MappingProxyType({}))
    # the files the entries came from, so that writing keeps everything else
    sources_doc: BibDocument | None = None
    essays_doc: BibDocument | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LibraryUpdate:
    library: Library
    added: tuple[str, ...]  # keys of new sources, sorted (essays.bib is not counted)
    updated: tuple[str, ...]  # keys of existing sources that gained fields, sorted
    citations: Mapping[str, tuple[Citation, ...]]  # essay id → citations with keys


def make_library(
    *,
    sources: Iterable[Entry] = (),
    essays: Iterable[Entry] = (),
    annotations: Iterable[Annotation] = (),
    sources_doc: BibDocument | None = None,
    essays_doc: BibDocument | None = None,
) -> Library:
    """A Library from its parts (the first of two entries with one key wins)."""
    src: dict[str, Entry] = {}
    for e in sources:
        src.setdefault(e.key, e)
    ess: dict[str, Entry] = {}
    for e in essays:
        ess.setdefault(e.key, e)
    return Library(
        sources=MappingProxyType(dict(sorted(src.items()))),
        essays=MappingProxyType(dict(sorted(ess.items()))),
        annotations=MappingProxyType({a.key: a for a in sorted(annotations, key=lambda a: a.key)}),
        sources_doc=sources_doc,
        essays_doc=essays_doc,
    )


# --- the same work under two keys --------------------------------------------

_NON_WORD = re.compile(r"[^a-z0-9]+")


def _text(fields: Fields, name: str) -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else ""


def _first_family(fields: Fields) -> str:
    for name in ("author", "editor"):
        value = fields.get(name)
        if isinstance(value, tuple) and value:
            return family_key(value[0])
    return ""


_VENUE_FIELDS = ("journal", "booktitle", "organization", "institution", "publisher",
                 "howpublished", "url")


def _venue(fields: Fields) -> str:
    for name in _VENUE_FIELDS:
        value = " ".join(_NON_WORD.split(ascii_fold(_text(fields, name)).lower())).strip()
        if value:
            return value
    return ""


def work_ids(entry: Entry, *, partial: bool = False) -> tuple[str, ...]:
    """The identities of the work ``entry`` describes: its DOI, and its
    title + year + first author (when all three are known).

    With ``partial``, an entry that lacks the author or the year is also
    known by what it has (title + year + venue; title + author): the
    library needs that to find a newspaper report or an undated page again
    when the same essay is ingested twice.
    """
    ids: list[str] = []
    doi = normalise_doi(_text(entry.fields, "doi"))
    if doi:
        ids.append("doi:" + doi)
    work = entry_work_key(entry.fields)
    number = entry_year(entry.fields)
    title, year, family = (normalise_title(_text(entry.fields, "title")),
                           "" if number is None else f"{number:04d}", _first_family(entry.fields))
    if work is not None:
        ids.append("tya:" + "|".join(work))
    elif partial and title and not family:
        ids.append(f"tyv:{title}|{year}|{_venue(entry.fields)}")
    elif partial and title and not year:
        ids.append(f"ta:{title}|{family}")
    return tuple(ids)


same_work = identity.same_work  # the one "same work" test, shared with check and claims


def merge_fields(existing: Fields, incoming: Fields) -> Fields:
    """``existing`` with the fields it lacks (or has empty) taken from ``incoming``."""
    merged: dict[str, FieldValue] = dict(existing)
    for name, value in incoming.items():
        if value and not merged.get(name):
            merged[name] = value
    return freeze_fields(merged)


# --- the update ---------------------------------------------------------------


class _Index:
    """Entries by key and by work identity, growing as the update adds some."""

    def __init__(self, entries: Mapping[str, Entry]) -> None:
        self.entries: dict[str, Entry] = dict(entries)
        self.by_id: dict[str, str] = {}
        for key in sorted(self.entries):
            self._index(self.entries[key])

    def _index(self, entry: Entry) -> None:
        for work in work_ids(entry, partial=True):
            self.by_id.setdefault(work, entry.key)

    def find(self, entry: Entry) -> str | None:
        for work in work_ids(entry, partial=True):
            if work in self.by_id:
                return self.by_id[work]
        return None

    def put(self, entry: Entry) -> None:
        self.entries[entry.key] = entry
        self._index(entry)


def _absorb(index: _Index, candidate: Entry, taken: set[str], original: Mapping[str, Entry],
            added: set[str], updated: set[str]) -> str:
    """Put ``candidate`` into ``index`` (merged into its work if known); its key."""
    key = index.find(candidate)
    if key is None:
        key = make_key(candidate.fields, taken)
        taken.add(key)
        index.put(Entry(key=key, type=candidate.type, fields=candidate.fields))
        added.add(key)
        return key
    current = index.entries[key]
    merged = merge_fields(current.fields, candidate.fields)
    if merged != current.fields:
        index.put(Entry(key=key, type=current.type, fields=merged))
        if key in original:
            updated.add(key)
    return key


def essay_file(path: str) -> str:
    """The ``file`` field of an essay: its path as given, with POSIX separators.

    Callers give paths relative to the project root (or absolute), so that
    ``relbib link`` can read the essay again from wherever it runs.
    """
    # a backslash in a POSIX file name is a character (issue 9): only a path
    # without "/" is taken for a Windows path (workspace/ gives POSIX names)
    return path if "/" in path else path.replace("\\", "/")


def _essay_entry(ingest: EssayIngest) -> Entry:
    essay = ingest.essay
    fields: dict[str, FieldValue] = {"note": ESSAY_NOTE_PREFIX + essay.id}
    if essay.path:
        fields["file"] = essay_file(essay.path)
    if essay.title:
        fields["title"] = essay.title
    if essay.authors:
        fields["author"] = essay.authors
    if essay.venue:
        fields["journal"] = essay.venue
    if essay.date:
        fields["date"] = essay.date
        fields["year"] = essay.date[:4]
    return Entry(key="", type="article" if essay.venue else "misc", fields=freeze_fields(fields))


def essay_id(entry: Entry) -> str:
    """The id of the essay an essays.bib entry stands for ("" when it is none)."""
    note = _text(entry.fields, "note")
    return note[len(ESSAY_NOTE_PREFIX):].strip() if note.startswith(ESSAY_NOTE_PREFIX) else ""


def _claim_of(essay_id: str, note: Note | None, citation: Citation) -> AnnotationClaim:
    if note is not None and note.claim is not None:
        line, quote = note.claim.line, note.claim.text
    elif note is not None and note.marker is not None:
        line, quote = note.marker.line, ""
    else:
        line, quote = (note.line if note is not None else 0), ""
    return AnnotationClaim(essay=essay_id, line=line, quote=quote, note=citation.note,
                           pinpoint=citation.pinpoint, relation="cited", score=1.0)


def _citation_references(ingest: EssayIngest) -> dict[tuple[int, int], Reference]:
    """(note, index) → the Reference of that citation (index 0: the note's own
    Reference when the ingest does not split its notes into citations)."""
    if ingest.cited:
        return {(note.n, span.index): span.reference
                for note in ingest.cited for span in note.citations}
    return dict(zip(((n.n, 0) for n in ingest.essay.notes), ingest.references, strict=False))


def update_library(library: Library, ingests: Sequence[EssayIngest]) -> LibraryUpdate:
    """The library after ``ingests``: new sources and essays, merged fields,
    keyed citations and refreshed annotations.  Deterministic and idempotent;
    entries no essay cites any more are kept."""
    ordered = sorted(ingests, key=lambda i: (i.essay.id, i.essay.path))
    sources = _Index(library.sources)
    taken = set(library.sources) | set(library.essays)
    added: set[str] = set()
    updated: set[str] = set()
    citations: dict[str, tuple[Citation, ...]] = {}
    generated: dict[str, list[AnnotationClaim]] = {}

    for ingest in ordered:
        essay = ingest.essay
        notes = {n.n: n for n in essay.notes}
        references = _citation_references(ingest)
        note_keys: dict[tuple[int, int], str] = {}
        for citation in sorted(ingest.citations, key=lambda c: (c.note, c.index)):
            ref = references.get((citation.note, citation.index))
            if (citation.source, citation.source_index) == (citation.note, citation.index) \
                    and isinstance(ref, FullRef):
                candidate = Entry(key="", type=ref.type, fields=ref.fields)
                note_keys[citation.note, citation.index] = _absorb(
                    sources, candidate, taken, library.sources, added, updated)
        keyed = tuple(
            dataclasses.replace(
                c, key=note_keys.get((c.source, c.source_index)) if c.source is not None else None
            )
            for c in ingest.citations
        )
        citations[essay.id] = keyed
        for c in keyed:
            if c.key is not None:
                generated.setdefault(c.key, []).append(_claim_of(essay.id, notes.get(c.note), c))

    essays = _update_essays(library.essays, ordered, taken)
    refreshed = {i.essay.id for i in ordered}
    annotations = dict(library.annotations)
    for key in sorted(set(generated) | set(annotations)):
        existing = annotations.get(key)
        merged = merge_annotation(existing, tuple(generated.get(key, ())), key,
                                  refreshed_essays=refreshed)
        if existing is None and not merged.claims:
            continue
        annotations[key] = merged

    new_library = Library(
        sources=MappingProxyType(dict(sorted(sources.entries.items()))),
        essays=MappingProxyType(dict(sorted(essays.items()))),
        annotations=MappingProxyType(dict(sorted(annotations.items()))),
        sources_doc=library.sources_doc,
        essays_doc=library.essays_doc,
    )
    return LibraryUpdate(library=new_library, added=tuple(sorted(added)),
                         updated=tuple(sorted(updated)),
                         citations=MappingProxyType(dict(sorted(citations.items()))))


def _update_essays(existing: Mapping[str, Entry], ingests: Sequence[EssayIngest],
                   taken: set[str]) -> dict[str, Entry]:
    essays = dict(existing)
    by_id = {essay_id(e): e.key for e in existing.values() if essay_id(e)}
    for ingest in ingests:
        candidate = _essay_entry(ingest)
        key = by_id.get(ingest.essay.id)
        if key is None:
            key = make_key(candidate.fields, taken)
            taken.add(key)
            essays[key] = Entry(key=key, type=candidate.type, fields=candidate.fields)
            by_id[ingest.essay.id] = key
            continue
        current = essays[key]
        merged = merge_fields(current.fields, candidate.fields)
        # ``file`` is relbib's: it follows the essay when it moves
        file = candidate.fields.get("file")
        if file and merged.get("file") != file:
            merged = freeze_fields({**merged, "file": file})
        if merged != current.fields:
            essays[key] = Entry(key=key, type=current.type, fields=merged)
    return essays

