"""Issue 10's bars on the footnote dev set (tests/parse/devset, benchmarks/footnotes.py).

Every note of the set is hand-labelled; the bars are the issue's acceptance
figures.  The held-back part (every fifth note) is reported by the benchmark
and is not asserted here: it is measured, not tuned on.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "footnotes.py"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("footnotes_bench", _BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tuned() -> object:
    scores, _held, _speed = _benchmark().evaluate()
    return scores


def test_devset_is_large_enough(tuned: object) -> None:
    documents = sorted(_BENCH.parent.parent.joinpath("tests", "parse", "devset").glob("*.yaml"))
    styles = {_benchmark().load(path)["style"] for path in documents}
    assert len(documents) >= 8, documents
    assert {"chicago", "oxford", "bluebook", "oscola", "mla"} <= styles, styles
    # 300 notes in all; every fifth is held back and not counted here
    assert tuned.notes >= 240  # type: ignore[attr-defined]


def test_no_full_citation_is_dropped_as_a_comment(tuned: object) -> None:
    assert tuned.full_dropped == 0, tuned.errors  # type: ignore[attr-defined]


@pytest.mark.parametrize(("figure", "bar"), [
    ("author accuracy", 0.90), ("title accuracy", 0.90),
    ("container accuracy", 0.90), ("year accuracy", 0.90),
    ("pin accuracy", 0.90),
    ("full citations all fields right", 0.80),
    ("right antecedent", 0.90), ("chain ends at the right work", 0.85),
    ("comments make no entry", 0.80),
])
def test_devset_bar(tuned: object, figure: str, bar: float) -> None:
    value = tuned.figures()[figure]  # type: ignore[attr-defined]
    assert value >= bar, f"{figure} is {value:.3f}, below issue 10's bar {bar}"
