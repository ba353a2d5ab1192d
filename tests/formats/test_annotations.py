"""formats/annotations.py: read, dump, merge annotations/KEY.yaml."""

from __future__ import annotations

import pytest

from relbib.diagnostics import InputError
from relbib.formats.annotations import dump_annotation, merge_annotation, read_annotation
from relbib.model import Annotation, AnnotationClaim

PERSON_FILE = """\
key: khan2021russia
summary: "Argues Russia's turn to Pakistan is strategic — not ideological."
tags: [strategy, energy]
reviewed_by: Amina   # a key of the person's own
claims:
  - essay: 001_a
    line: 7
    quote: "Instead of pursuing a geo-military approach"
    note: 1
    pinpoint: null
    relation: cited
    score: 1.0
    status: confirmed
  - essay: 002_b
    line: 3
    quote: "Gas flows north."
    note: null
    pinpoint: "45"
    relation: cited
    score: 1.0
    status: rejected
"""


def _claim(essay: str, line: int, quote: str, note: int | None,
           pinpoint: str | None = None) -> AnnotationClaim:
    return AnnotationClaim(essay=essay, line=line, quote=quote, note=note, pinpoint=pinpoint,
                           relation="cited", score=1.0)


def test_read_a_persons_file() -> None:
    a = read_annotation(PERSON_FILE, path="annotations/khan2021russia.yaml")
    assert a.summary.startswith("Argues") and a.tags == ("strategy", "energy")
    assert dict(a.extra) == {"reviewed_by": "Amina"}
    assert [c.status for c in a.claims] == ["confirmed", "rejected"]
    assert a.claims[1].pinpoint == "45"


def test_dump_order_is_key_summary_tags_extra_claims() -> None:
    a = read_annotation(PERSON_FILE, path="khan2021russia.yaml")
    text = dump_annotation(a)
    tops = [line.split(":")[0] for line in text.splitlines() if line and not line[0].isspace()]
    assert tops == ["key", "summary", "tags", "reviewed_by", "claims"]
    assert "—" in text  # unicode kept, not escaped
    assert read_annotation(text, path="khan2021russia.yaml") == a
    assert dump_annotation(read_annotation(text, path="khan2021russia.yaml")) == text


def test_malformed_yaml_names_the_line() -> None:
    with pytest.raises(InputError) as caught:
        read_annotation("key: k\nsummary: [unclosed\ntags: []\n", path="annotations/k.yaml")
    assert caught.value.path == "annotations/k.yaml" and caught.value.line >= 2


def test_key_must_match_the_file_name() -> None:
    with pytest.raises(InputError) as caught:
        read_annotation("summary: x\nkey: other\n", path="annotations/k.yaml")
    assert caught.value.line == 2


def test_bad_claim_names_its_line() -> None:
    text = "key: k\nclaims:\n  - essay: e\n    line: 1\n  - essay: f\n    relation: liked\n"
    with pytest.raises(InputError) as caught:
        read_annotation(text, path="k.yaml")
    assert caught.value.line == 5


def test_merge_keeps_what_a_person_wrote() -> None:
    existing = read_annotation(PERSON_FILE, path="khan2021russia.yaml")
    generated = (
        _claim("001_a", 8, "Instead of pursuing a geo-military approach, Russia", 1),  # moved
        _claim("002_b", 4, "Gas flows north.", None),  # matched by quote
        _claim("003_c", 2, "A new essay cites it.", 4),
    )
    merged = merge_annotation(existing, generated, "khan2021russia")
    assert merged.summary == existing.summary and merged.tags == existing.tags
    assert dict(merged.extra) == {"reviewed_by": "Amina"}
    assert [(c.essay, c.line, c.status) for c in merged.claims] == [
        ("001_a", 8, "confirmed"), ("002_b", 4, "rejected"), ("003_c", 2, None)]


def test_merge_refreshes_only_the_essays_ingested() -> None:
    existing = Annotation(key="k", claims=(_claim("old", 1, "Kept.", 1), _claim("new", 1, "Stale.", 2)))
    merged = merge_annotation(existing, (_claim("new", 3, "Fresh.", 5),), "k",
                              refreshed_essays={"new"})
    assert [c.quote for c in merged.claims] == ["Fresh.", "Kept."]


def test_merge_keeps_a_decided_claim_relbib_no_longer_generates() -> None:
    decided = AnnotationClaim(essay="e", line=1, quote="Gone.", note=9, pinpoint=None,
                              relation="cited", score=1.0, status="confirmed")
    merged = merge_annotation(Annotation(key="k", claims=(decided,)), (), "k")
    assert merged.claims == (decided,)


def test_merge_is_idempotent() -> None:
    generated = (_claim("e", 2, "B.", 2), _claim("e", 1, "A.", 1))
    once = merge_annotation(None, generated, "k")
    assert merge_annotation(once, generated, "k") == once
    assert [c.line for c in once.claims] == [1, 2]
