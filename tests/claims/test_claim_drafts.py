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
def figures() -> dict[str, dict[str, float]]:
    """The drafts' figures: the first three drafts.json, the seven of drafts_more.json
    (written before tuning), both pooled, and the first three on their first labels."""
    pytest.importorskip("relbib.pipeline")
    spec = importlib.util.spec_from_file_location("claims_benchmark_drafts",
                                                  ROOT / "benchmarks" / "claims.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    general = module.General()
    first, more = module.drafts(general), module.drafts(general, module.MORE_DRAFTS)
    return {"first": first, "more": more, "all": module._sum(first, more),
            "first labels": module.drafts(general, first_labels=True)}


def test_no_correct_citation_in_a_draft_is_flagged_unsupported(
        figures: dict[str, dict[str, float]]) -> None:
    assert figures["first"]["false alarms"] == figures["more"]["false alarms"] == 0


def test_draft_findings_meet_the_acceptance_figures(figures: dict[str, dict[str, float]]) -> None:
    pooled = figures["all"]
    assert pooled["expected"] >= 30, pooled  # enough findings to mean something
    assert pooled["precision"] >= 0.8 and pooled["recall"] >= 0.6, pooled
    for name in ("first", "more"):
        assert figures[name]["recall"] >= 0.6, (name, figures[name])


def test_the_first_labels_keep_their_recall(figures: dict[str, dict[str, float]]) -> None:
    # the first labels call a conflict with a wrong library claim a finding in one draft
    # and not in another (see drafts.json "about"): their precision is reported, not held
    assert figures["first labels"]["recall"] >= 0.6, figures["first labels"]
