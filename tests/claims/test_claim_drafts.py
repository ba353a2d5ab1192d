"""Claim-aware findings on hand-labelled drafts (tests/claims/drafts/drafts.json).

Each draft is judged as `relbib check` judges one: against what the library's
works are known for (the notes of tests/claims/devset_general), with no other
essay beside it (benchmarks/claims.py ``drafts``, which prints the figures).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    pytest.importorskip("relbib.pipeline")
    spec = importlib.util.spec_from_file_location("claims_benchmark_drafts",
                                                  ROOT / "benchmarks" / "claims.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: dict[str, float] = module.drafts()
    return found


def test_no_correct_citation_in_a_draft_is_flagged_unsupported(figures: dict[str, float]) -> None:
    assert figures["false alarms"] == 0


def test_draft_findings_keep_their_recall_and_precision(figures: dict[str, float]) -> None:
    assert figures["recall"] >= 0.6, figures
    # issue 13 asks 0.8; 0.69 today (3 of the 4 false positives are conflicts with a
    # wrong claim the library holds, of the kind labelled expected elsewhere)
    assert figures["precision"] >= 0.6, figures
