"""CSL-JSON is valid against the CSL-JSON schema (vendored in tests/tools/)
and reads back to the same fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from render_data import load_case

from relbib.export.lists import export
from relbib.formats.csljson import date_parts, from_csl, to_csl
from relbib.model import Entry, Name, freeze_fields

SCHEMA = Path(__file__).resolve().parent.parent / "tools" / "csl-data.json"


@pytest.mark.parametrize("name", ["library", "hostile"])
def test_export_is_valid_against_the_csl_schema(name: str) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed (test extra)")
    case = load_case(name)
    items = json.loads(export(case.entries, case.annotations, fmt="csl-json"))
    jsonschema.validate(items, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [i["id"] for i in items] == [e.key for e in case.entries]


def test_particles_dates_and_pages() -> None:
    entry = Entry(key="k", type="article", fields=freeze_fields({
        "author": (Name(family="von Clausewitz", given="Carl"),), "title": "On War",
        "journal": "J", "pages": "43--65", "number": "2", "date": "2021-03-01",
        "urldate": "2022-01-02"}))
    item = to_csl(entry, annote="A note.", keywords=("strategy", "war"))
    assert item["author"] == [{"family": "Clausewitz", "non-dropping-particle": "von", "given": "Carl"}]
    assert item["issued"] == {"date-parts": [[2021, 3, 1]]}
    assert item["accessed"] == {"date-parts": [[2022, 1, 2]]}
    assert item["page"] == "43-65" and item["issue"] == "2"
    assert item["annote"] == "A note." and item["keyword"] == "strategy, war"
    assert from_csl(item).fields["author"] == entry.fields["author"]


def test_date_parts_reject_impossible_months() -> None:
    assert date_parts("2021-13") == [2021]
    assert date_parts("circa 2021") is None


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip)


@given(title=_TEXT, family=_TEXT, year=st.integers(1000, 2099))
def test_round_trip_keeps_title_author_and_date(title: str, family: str, year: int) -> None:
    family = " ".join(family.split())
    entry = Entry(key="k", type="book", fields=freeze_fields({
        "title": " ".join(title.split()), "author": (Name(family=family, given="A."),),
        "date": str(year)}))
    back = from_csl(json.loads(json.dumps(to_csl(entry))))
    assert back.fields["title"] == entry.fields["title"]
    assert back.fields["author"] == entry.fields["author"]
    assert back.fields["date"] == str(year)
