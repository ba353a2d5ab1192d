"""Footnote styles through ``parse_note``, one behaviour per case file.

Case files live in tests/cases/notes/*.json.  Two shapes:

* one note: ``{"behaviour", "text", "expect": {"kind", "type", "fields",
  "absent", "pinpoint"}}`` — ``kind`` is the Reference class (full, short,
  ibid, id, opcit, supra, unparsed); ``fields`` is a subset of the FullRef's
  fields (names as [family, given] pairs, an organisation as {"literal": …})
  or, for a short form, of ``authors`` / ``short_title``; ``pinpoint`` is
  checked when the key is present.
* a sequence: ``{"behaviour", "notes": [text, …], "resolve": {"N": {"form",
  "source", "pinpoint", "rule"}}}`` — the notes are parsed and resolved
  together, as an essay's notes section is.

A case the full parser still gets wrong carries ``"known_failure": "why"``;
it runs as a strict xfail, so fixing the parser makes the ledger shrink.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from casefiles import case_files, cases, expectation

from relbib.model import (
    FullRef,
    IbidRef,
    IdRef,
    Name,
    OpCitRef,
    Reference,
    ShortRef,
    SupraRef,
    UnparsedRef,
)
from relbib.parse import parse_note
from relbib.parse.legal import parse_legal
from relbib.parse.shortform import parse_short_note, read_short_note
from relbib.resolve import resolve

CASE_FILES = case_files("cases/notes", ".json")
KINDS: dict[str, type] = {
    "full": FullRef,
    "short": ShortRef,
    "ibid": IbidRef,
    "id": IdRef,
    "opcit": OpCitRef,
    "supra": SupraRef,
    "unparsed": UnparsedRef,
}


def _load(path: Path) -> dict[str, Any]:
    return expectation(path)


def _known_failure(path: Path) -> list[pytest.MarkDecorator]:
    why = _load(path).get("known_failure")
    return [pytest.mark.xfail(reason=why, strict=True)] if why else []


def _params() -> list[Any]:
    return cases("cases/notes", ".json", marks=_known_failure)


def _value(value: object) -> object:
    if isinstance(value, tuple) and value and isinstance(value[0], Name):
        return [{"literal": n.family} if n.literal else [n.family, n.given] for n in value]
    if isinstance(value, tuple):
        return list(value)
    return value


def _observed(ref: Reference) -> dict[str, object]:
    if isinstance(ref, FullRef):
        return {name: _value(value) for name, value in ref.fields.items()}
    if isinstance(ref, ShortRef | OpCitRef):
        return {"authors": list(ref.authors), "short_title": ref.short_title}
    if isinstance(ref, SupraRef):
        return {"authors": list(ref.authors), "note": ref.note}
    return {}


def check_note(case: dict[str, Any]) -> None:
    ref = parse_note(case["text"])
    expect = case["expect"]
    want_kind = KINDS[expect["kind"]]
    assert isinstance(ref, want_kind), f"{type(ref).__name__} != {want_kind.__name__}: {ref}"
    got = _observed(ref)
    for name, want in expect.get("fields", {}).items():
        assert got.get(name) == want, f"{name}: {got.get(name)!r} != {want!r} (all: {got})"
    for name in expect.get("absent", []):
        assert name not in got, f"{name} should be absent, got {got[name]!r}"
    if "type" in expect:
        assert isinstance(ref, FullRef) and ref.type == expect["type"], ref
    if "pinpoint" in expect:
        assert getattr(ref, "pinpoint", None) == expect["pinpoint"]


def check_sequence(case: dict[str, Any]) -> None:
    notes = [(i, parse_note(text)) for i, text in enumerate(case["notes"], start=1)]
    citations = {c.note: c for c in resolve(notes).citations}
    for n, want in case["resolve"].items():
        citation = citations[int(n)]
        for name, value in want.items():
            got = citation.form.value if name == "form" else getattr(citation, name)
            assert got == value, f"note {n} {name}: {got!r} != {value!r} ({citation})"


@pytest.mark.parametrize("path", _params())
def test_case(path: Path) -> None:
    case = _load(path)
    if "notes" in case:
        check_sequence(case)
    else:
        check_note(case)


def test_there_are_many_cases() -> None:
    assert len(CASE_FILES) >= 60


# --- the stages on their own: each declines what is not its shape -------------


@pytest.mark.parametrize(
    "text",
    [
        "Timothy Snyder, Bloodlands: Europe between Hitler and Stalin (New York: Basic Books, 2010), 155.",
        "Anne Applebaum, “The Soviet Famine,” Journal of Cold War Studies 14, no. 3 (2012): 81–103.",
        "Smith, J. (2019) Title of the Book. London: Routledge.",
        "Snyder, Bloodlands, 201.",
        "Ibid., 45.",
    ],
)
def test_legal_reader_declines_other_styles(text: str) -> None:
    assert parse_legal(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Timothy Snyder, Bloodlands: Europe between Hitler and Stalin (New York: Basic Books, 2010), 155.",
        "Snyder, Bloodlands (2010), 201.",
        "Smith, The Long War, London, 2012.",
        "Khan, Journal of Strategic Studies, 45.",
        "Interview with the author, Islamabad.",
        "Snyder, Bloodlands, https://example.org, 12.",
        "Snyder.",
        "See generally, 12.",
    ],
)
def test_short_reader_declines_full_notes(text: str) -> None:
    assert read_short_note(text) is None


def test_short_note_with_title_is_a_full_ref_so_an_unmatched_one_stays_a_source() -> None:
    ref = parse_short_note("Keck, Embargo, 12.")
    assert isinstance(ref, FullRef)
    assert ref.pinpoint == "12"
    [citation] = resolve([(1, ref)]).citations
    assert citation.source == 1 and citation.form.value == "full"


def test_author_and_page_alone_is_a_short_ref() -> None:
    ref = parse_short_note("Snyder, 201.")
    assert ref == ShortRef(text="Snyder, 201.", authors=("Snyder",), short_title=None, pinpoint="201")
