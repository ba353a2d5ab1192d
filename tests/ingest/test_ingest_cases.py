"""Case files: one behaviour each, an essay and what a reader expects of it.

tests/cases/markers/ and tests/cases/essays/ hold ``NAME.<txt|md|html>``
with ``NAME.expect.json`` beside it.  Keys of the expectation:
``markers`` [[n, line], ...] (exactly these, in order), ``notes`` {n: text}
(exactly these), ``claims`` {n: text}, ``sentences`` [text, ...] (the body's,
in order), ``source_markers`` {n: what the source holds at the marker's
mapped offset}, ``marker_text`` {n: the plain text under the marker},
``diagnostics`` [[kind, message part], ...], ``error`` {contains, line},
and ``title``, ``authors`` [[family, given], ...], ``venue``, ``date``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from _pytest.mark import ParameterSet
from casefiles import cases, expectation

from relbib.diagnostics import InputError
from relbib.ingest.essay import load_essay

ESSAY_SUFFIXES = (".txt", ".md", ".html")


def _cases() -> list[ParameterSet]:
    return [case for folder in ("markers", "essays")
            for case in cases(f"cases/{folder}", *ESSAY_SUFFIXES,
                              ids=lambda p: f"{p.parent.name}/{p.name}")]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("case", _cases())
def test_case(case: Path) -> None:
    expect: dict[str, Any] = expectation(case)
    source = case.read_bytes().decode("utf-8")  # as written: CRLF stays CRLF
    if "error" in expect:
        with pytest.raises(InputError) as raised:
            load_essay(source, path=str(case))
        assert expect["error"]["contains"] in str(raised.value)
        assert raised.value.line == expect["error"]["line"]
        assert str(case) in str(raised.value)
        return
    essay, diagnostics = load_essay(source, path=str(case))
    if "markers" in expect:
        assert [[m.n, m.line] for m in essay.markers] == expect["markers"]
    if "notes" in expect:
        assert {str(n.n): squash(n.text) for n in essay.notes} == expect["notes"]
    notes = {str(n.n): n for n in essay.notes}
    for n, text in expect.get("claims", {}).items():
        claim = notes[n].claim
        assert claim is not None, f"note {n} has no claim"
        assert squash(claim.text) == text
        # the span covers the claim; inside it only marker digits are left out
        span = essay.text[claim.start:claim.end]
        for m in sorted(essay.markers, key=lambda m: -m.start):
            if claim.start <= m.start and m.end <= claim.end:
                a, b = m.start - claim.start, m.end - claim.start
                if span[a - 1:a] in "[(" and span[a - 1:a] and span[b:b + 1] in ("]", ")"):
                    a, b = a - 1, b + 1
                span = span[:a] + span[b:]
        # a spaced marker ("2019 [1].") leaves no space before the punctuation,
        # and a group ("year [2], [3].") no comma
        # a note cited again ("[4], [5]", Wikipedia's "2002.[3][2]") is no
        # part of the words
        span = re.sub(r"\s*\[\d{1,3}\]|(?<=\w\w[.!?])\d{1,3}(?=\s|$)", "", span)
        span = re.sub(r"(?:\s*[,;])*\s+(?=[.,;:!?](?:\s|$))|(?:\s*[,;])+(?=[.!?](?:\s|$))", "", span)
        # a word broken over a line end reads as one word ("com-\nmentary")
        span = re.sub(r"(?<![^\W\d_])([a-z]+)-[ \t]*\n[ \t]*(?=[a-z])", r"\1", span)
        assert squash(span) == text
    if "sentences" in expect:
        assert [squash(s.text) for s in essay.sentences] == expect["sentences"]
    for n, text in expect.get("source_markers", {}).items():
        marker = notes[n].marker
        assert marker is not None
        at = essay.offset_map[marker.start] if essay.offset_map else marker.start
        assert source[at:at + len(text)] == text
    for n, text in expect.get("marker_text", {}).items():
        marker = notes[n].marker
        assert marker is not None and essay.text[marker.start:marker.end] == text
    if "diagnostics" in expect:
        got = [(d.kind, d.message) for d in diagnostics]
        for kind, part in expect["diagnostics"]:
            assert any(k == kind and part in m for k, m in got), got
        assert all(d.path == str(case) for d in diagnostics)
    for key in ("title", "venue", "date"):
        if key in expect:
            assert getattr(essay, key) == expect[key]
    if "authors" in expect:
        assert [[a.family, a.given] for a in essay.authors] == expect["authors"]
