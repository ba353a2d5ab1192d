"""The claim rules keep precision >= 0.8 on the hand-labelled seeds (tests/claims/devset.json)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


def _benchmark():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("claims_benchmark",
                                                  ROOT / "benchmarks" / "claims.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_quote_of_the_devset_is_verbatim_in_the_seeds() -> None:
    data = json.loads((ROOT / "tests" / "claims" / "devset.json").read_text("utf-8"))
    texts = {k: " ".join((ROOT / "seeds" / f"{v}.txt").read_text("utf-8").split())
             for k, v in data["essays"].items()}
    refs = [r for c in data["conflicts"] + data["not_conflicts"] for r in (c["a"], c["b"])]
    refs += data["citation_needed"] + data["opinion"]
    refs += [m for item in data["same_fact"] for m in item["matches"]]
    refs += [{"essay": "001", "quote": n["claim"]} for n in data["notes"]]
    missing = [r["quote"] for r in refs if " ".join(r["quote"].split()) not in texts[r["essay"]]]
    assert missing == []


def test_each_rule_keeps_precision_on_the_devset(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("relbib.pipeline")
    assert _benchmark().main() == 0
    report = capsys.readouterr().out
    rows = [line.split() for line in report.splitlines() if "precision" in line]
    assert len(rows) == 5
    for row in rows:
        precision = float(row[row.index("precision") + 1])
        assert precision >= 0.8, row
