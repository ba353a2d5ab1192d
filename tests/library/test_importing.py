"""relbib import: a writer's .bib / CSL-JSON / RIS joins the library; nothing
a person wrote is lost; importing again changes nothing."""

from __future__ import annotations

import json

from relbib.library.core import make_library
from relbib.library.importing import import_entries, read_export
from relbib.model import Annotation, Entry, Name, freeze_fields

BIB = r"""
@article{zot1, author={Okafor, Chidi}, title={Rainfall and {Maize} in {Ghana}},
  journal={J Agr Econ}, year={2019}, annote={Key source for chapter 2.},
  keywords={climate; agriculture}, groups={Thesis}}
@book{zot2, author={Sen, Amartya}, title={Development as Freedom}, publisher={OUP},
  year={1999}, annotation={Capabilities {approach}.}}
"""


def test_notes_become_summaries_and_keywords_and_groups_tags() -> None:
    entries, warnings = read_export(BIB, path="refs.bib")
    result = import_entries(make_library(), entries)
    assert warnings == () and result.added == ("zot1", "zot2")
    one, two = result.library.annotations["zot1"], result.library.annotations["zot2"]
    assert one.summary == "Key source for chapter 2."
    assert one.tags == ("climate", "agriculture", "Thesis")
    assert two.summary == "Capabilities approach."
    # the entry keeps the person's fields, markup included
    assert str(result.library.sources["zot1"].fields["title"]) == "Rainfall and {Maize} in {Ghana}"


def test_reimport_is_idempotent_and_keeps_what_a_person_wrote() -> None:
    entries, _ = read_export(BIB, path="refs.bib")
    first = import_entries(make_library(), entries).library
    edited = dict(first.annotations)
    edited["zot1"] = Annotation(key="zot1", summary="My own words.\n\nKey source for chapter 2.",
                                tags=("mine", "climate", "agriculture", "Thesis"))
    library = make_library(sources=first.sources.values(), annotations=edited.values())
    again = import_entries(library, entries)
    assert (again.added, again.updated) == ((), ())
    assert again.library.annotations["zot1"] == edited["zot1"]


def test_the_same_work_under_another_key_is_merged_not_duplicated() -> None:
    known = Entry(key="sen1999development", type="book", fields=freeze_fields({
        "author": (Name(family="Sen", given="Amartya"),), "title": "Development as Freedom",
        "year": "1999"}))
    entries, _ = read_export(BIB, path="refs.bib")
    result = import_entries(make_library(sources=[known]), entries)
    assert "zot2" not in result.library.sources
    assert result.library.sources["sen1999development"].fields["publisher"] == "OUP"
    assert result.library.annotations["sen1999development"].summary == "Capabilities approach."
    assert "sen1999development" in result.updated


def test_csl_json_and_ris_exports_are_read() -> None:
    items = [{"id": "a1", "type": "article-journal", "title": "T", "annote": "Read first.",
              "keyword": "x, y", "author": [{"family": "Doe", "given": "J."}],
              "issued": {"date-parts": [[2020]]}}]
    entries, _ = read_export(json.dumps(items), path="z.json")
    result = import_entries(make_library(), entries)
    assert result.library.annotations["a1"].summary == "Read first."
    assert result.library.annotations["a1"].tags == ("x", "y")
    ris = "TY  - BOOK\nID  - b1\nAU  - Doe, J.\nTI  - A Book\nPY  - 2001\nN1  - Borrowed.\nKW  - loan\nER  - \n"
    entries, _ = read_export(ris, path="z.ris")
    (entry,) = entries
    assert (entry.key, entry.type, entry.fields["title"]) == ("b1", "book", "A Book")
    result = import_entries(make_library(), entries)
    assert result.library.annotations["b1"].summary == "Borrowed."
    assert result.library.annotations["b1"].tags == ("loan",)
