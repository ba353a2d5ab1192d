"""library.py: same_work, and update_library's dedupe, keys, merge and idempotence."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from relbib.formats.bibtex import entries_of, read_bib, update_bib
from relbib.library.core import Library, make_library, same_work, update_library
from relbib.model import (
    Annotation,
    AnnotationClaim,
    Citation,
    Entry,
    Essay,
    EssayIngest,
    FieldValue,
    Form,
    FullRef,
    IbidRef,
    Name,
    Note,
    Reference,
    Sentence,
    freeze_fields,
)

KHAN: dict[str, FieldValue] = {
    "author": (Name(family="Khan", given="Imran"),),
    "title": "Russia and Pakistan", "year": "2021", "journal": "Dawn",
}


def _entry(key: str, **fields: FieldValue) -> Entry:
    return Entry(key=key, type="article", fields=freeze_fields(fields))


def _ingest(essay_id: str, refs: list[Reference], *, title: str = "An Essay",
            venue: str = "") -> EssayIngest:
    notes = []
    citations = []
    last_full: int | None = None
    for n, ref in enumerate(refs, start=1):
        claim = Sentence(text=f"Claim {n} of {essay_id}.", start=0, end=10, line=n + 2,
                         paragraph=0)
        notes.append(Note(n=n, text=ref.text, start=0, end=1, line=40 + n, marker=None,
                          claim=claim))
        if isinstance(ref, FullRef):
            last_full = n
            citations.append(Citation(note=n, key=None, form=Form.FULL, pinpoint=ref.pinpoint,
                                      refers_to=None, rule="full", source=n))
        else:
            citations.append(Citation(note=n, key=None, form=Form.IBID, pinpoint="45",
                                      refers_to=n - 1, rule="ibid", source=last_full))
    essay = Essay(id=essay_id, path=f"{essay_id}.txt", title=title,
                  authors=(Name(family="Writer", given="Wendy"),), venue=venue, date="",
                  text="", offset_map=(), paragraphs=(), sentences=(), body_end=0,
                  notes=tuple(notes), markers=())
    return EssayIngest(essay=essay, references=tuple(refs), citations=tuple(citations))


def _full(fields: Mapping[str, FieldValue], type_: str = "article") -> FullRef:
    return FullRef(text="...", type=type_, fields=freeze_fields(fields))


def test_same_work_by_doi_or_title_year_author() -> None:
    a = _entry("a", doi="10.1/ABC", title="One")
    assert same_work(a, _entry("b", doi="https://doi.org/10.1/abc", title="Other"))
    assert same_work(_entry("x", **KHAN), _entry("y", **{**KHAN, "title": "Russia & Pakistan!"}))
    assert not same_work(_entry("x", **KHAN), _entry("y", **{**KHAN, "year": "2022"}))


def test_new_sources_get_keys_and_citations_are_filled() -> None:
    update = update_library(Library(), [_ingest("e1", [_full(KHAN), IbidRef(text="Ibid.",
                                                                               pinpoint="45")])])
    assert "khan2021russia" in update.library.sources
    assert [c.key for c in update.citations["e1"]] == ["khan2021russia", "khan2021russia"]
    assert "khan2021russia" in update.added
    claims = update.library.annotations["khan2021russia"].claims
    assert [(c.note, c.line, c.pinpoint, c.relation) for c in claims] == [
        (1, 3, None, "cited"), (2, 4, "45", "cited")]


def test_dedupe_across_essays_merges_fields_without_dropping_any() -> None:
    more = {**KHAN, "pages": "43--65", "journal": "Other Journal"}
    update = update_library(Library(), [_ingest("e2", [_full(more)]), _ingest("e1", [_full(KHAN)])])
    assert list(update.library.sources) == ["khan2021russia"]
    fields = update.library.sources["khan2021russia"].fields
    assert fields["pages"] == "43--65"
    assert fields["journal"] == "Dawn"  # e1 sorts first: its value came first and stays


def test_a_key_changed_by_hand_is_kept_and_values_are_not_overwritten() -> None:
    mine = _entry("KhanRussia", **{**KHAN, "title": "Russia and Pakistan", "note": "mine"})
    library = make_library(sources=[mine])
    update = update_library(library, [_ingest("e1", [_full({**KHAN, "volume": "3",
                                                             "note": "theirs"})])])
    assert list(update.library.sources) == ["KhanRussia"]
    assert update.library.sources["KhanRussia"].fields["note"] == "mine"
    assert update.library.sources["KhanRussia"].fields["volume"] == "3"
    assert update.updated == ("KhanRussia",)
    assert update.citations["e1"][0].key == "KhanRussia"


def test_essays_become_entries() -> None:
    update = update_library(Library(), [_ingest("e1", [_full(KHAN)], venue="Dawn"),
                                        _ingest("e2", [_full(KHAN)], title="Another Essay")])
    essays = {e.fields["note"]: e for e in update.library.essays.values()}
    assert essays["relbib essay e1"].type == "article"
    assert essays["relbib essay e1"].fields["journal"] == "Dawn"
    assert essays["relbib essay e2"].type == "misc"


def test_uncited_entries_and_person_annotations_are_kept() -> None:
    old = _entry("old2000thing", title="Thing", year="2000")
    person = Annotation(key="old2000thing", summary="Read it.", tags=("classic",))
    library = make_library(sources=[old], annotations=[person])
    update = update_library(library, [_ingest("e1", [_full(KHAN)])])
    assert update.library.sources["old2000thing"] == old
    assert update.library.annotations["old2000thing"] == person


def test_person_status_survives_reingest() -> None:
    first = update_library(Library(), [_ingest("e1", [_full(KHAN)])]).library
    claim = first.annotations["khan2021russia"].claims[0]
    decided = AnnotationClaim(essay=claim.essay, line=claim.line, quote=claim.quote,
                              note=claim.note, pinpoint=claim.pinpoint, relation="cited",
                              score=1.0, status="rejected")
    edited = make_library(sources=first.sources.values(), essays=first.essays.values(),
                          annotations=[Annotation(key="khan2021russia", summary="S",
                                                  claims=(decided,))])
    again = update_library(edited, [_ingest("e1", [_full(KHAN)])]).library
    assert again.annotations["khan2021russia"].claims == (decided,)
    assert again.annotations["khan2021russia"].summary == "S"


def test_update_is_deterministic_and_idempotent() -> None:
    authorless = {"title": "Joint Exercise Progressing Well", "journal": "Dawn", "year": "2016"}
    ingests = [_ingest("e2", [_full(authorless), _full(KHAN)]), _ingest("e1", [_full(KHAN)])]
    once = update_library(Library(), ingests)
    reversed_order = update_library(Library(), list(reversed(ingests)))
    assert once.library == reversed_order.library
    # write, read back, update again: nothing changes
    text = update_bib(None, list(once.library.sources.values()))
    doc = read_bib(text, path="sources.bib")
    reread = make_library(sources=entries_of(doc), essays=once.library.essays.values(),
                          annotations=once.library.annotations.values(), sources_doc=doc)
    twice = update_library(reread, ingests)
    assert twice.added == () and twice.updated == ()
    assert twice.library.sources == once.library.sources
    assert twice.library.annotations == once.library.annotations
    assert update_bib(doc, list(twice.library.sources.values())) == text


def test_an_essay_entry_names_its_file_and_follows_it_when_it_moves() -> None:
    ingest = _ingest("e1", [_full(KHAN)])
    moved = EssayIngest(essay=dataclasses.replace(ingest.essay, path="essays\\2024\\e1.txt"),
                        references=ingest.references, citations=ingest.citations)
    first = update_library(Library(), [ingest]).library
    (entry,) = first.essays.values()
    assert entry.fields["file"] == "e1.txt"
    again = update_library(first, [ingest]).library
    assert again.essays == first.essays
    after_move = update_library(first, [moved]).library
    assert [e.fields["file"] for e in after_move.essays.values()] == ["essays/2024/e1.txt"]
    assert list(after_move.essays) == list(first.essays)  # same key
