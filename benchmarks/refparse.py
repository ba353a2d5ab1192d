"""Benchmark the full-reference parser against the held-out gold strings.

Usage: .venv/bin/python benchmarks/refparse.py [--shared DIR] [--show-errors N]

Parses anystyle_gold and linkedbooks_test (the test files: never trained or
tuned on), writes predictions as JSONL {"id", "fields"}, scores them with
shared/tools/score_refparse.py --all-gold on the fixed sample300 ids and on
the whole files, and prints per-field F1, micro-F1 and throughput.  Exits 1
when a quality bar is missed.  shared/ is ../shared next to the repository,
or $RELBIB_SHARED.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from relbib.model import fields_as_json
from relbib.parse.reference import parse_reference

REPO = Path(__file__).resolve().parents[1]
BARS = {"anystyle_gold": 0.97, "linkedbooks_test": 0.75}


def shared_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    return Path(os.environ.get("RELBIB_SHARED", REPO.parent / "shared"))


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict(rows: list[dict], *, as_printed: bool = True) -> tuple[list[dict], float]:
    start = time.perf_counter()
    out = []
    for row in rows:
        ref = parse_reference(row["text"], expand_ranges=not as_printed, join_hyphens=not as_printed)
        fields = fields_as_json(ref.fields) if hasattr(ref, "fields") else {}
        out.append({"id": row["id"], "fields": fields})
    return out, time.perf_counter() - start


def write_jsonl(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def score(scorer: Path, gold: Path, pred: Path, show_errors: int) -> dict:
    cmd = [sys.executable, str(scorer), str(gold), str(pred), "--all-gold", "--json"]
    if show_errors:
        cmd += ["--show-errors", str(show_errors)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def print_result(title: str, res: dict) -> None:
    print(f"== {title}: {res['n_entries']} strings")
    print(f"{'field':<12}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}")
    for name, m in res["fields"].items():
        if m["support"] or m["fp"]:
            print(
                f"{name:<12}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['support']:>9}"
            )
    m = res["micro"]
    print(f"{'MICRO':<12}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}")
    print(f"exact-entry match: {res['exact_match']:.3f}")
    for e in res.get("errors", []):
        print(f"  ERR {e['id']} {e['field']}: gold={e['gold']!r} pred={e['pred']!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared")
    ap.add_argument("--show-errors", type=int, default=0)
    a = ap.parse_args(argv)
    shared = shared_dir(a.shared)
    scorer = shared / "tools" / "score_refparse.py"
    failed = []
    print(
        "Scored as the gold keeps the strings, as printed: parse_reference(expand_ranges=False, "
        'join_hyphens=False) leaves compressed ranges ("1477--81") and line-break hyphens '
        '("Pres- ence") alone; the pipeline normalises both. The pipeline\'s own settings '
        "are scored too, on the line 'with normalising'.\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, bar in BARS.items():
            rows = load(shared / "refstrings" / f"{name}.jsonl")
            ids = set((shared / "refstrings" / f"{name}_sample300.ids").read_text().split())
            preds, seconds = predict(rows)
            pred_path = Path(tmp) / f"{name}.pred.jsonl"
            write_jsonl(preds, pred_path)
            sample_gold = Path(tmp) / f"{name}.sample300.jsonl"
            write_jsonl([r for r in rows if r["id"] in ids], sample_gold)
            sample = score(scorer, sample_gold, pred_path, a.show_errors)
            whole = score(scorer, shared / "refstrings" / f"{name}.jsonl", pred_path, 0)
            print_result(f"{name} sample300", sample)
            print(
                f"{name} whole file ({whole['n_entries']}): micro-F1 {whole['micro']['f1']:.4f}, "
                f"exact {whole['exact_match']:.3f}"
            )
            print(
                f"throughput: {len(rows) / seconds:.0f} strings/s ({len(rows)} in {seconds:.1f}s)"
            )
            normalised, _ = predict([r for r in rows if r["id"] in ids], as_printed=False)
            normalised_path = Path(tmp) / f"{name}.normalised.jsonl"
            write_jsonl(normalised, normalised_path)
            with_norm = score(scorer, sample_gold, normalised_path, 0)
            print(f"with normalising (pipeline settings), sample300 micro-F1: "
                  f"{with_norm['micro']['f1']:.4f}")
            f1 = sample["micro"]["f1"]
            verdict = "PASS" if f1 >= bar else "FAIL"
            print(f"bar {bar:.2f} on sample300: {verdict} ({f1:.4f})\n")
            if f1 < bar:
                failed.append(name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
