"""Ingest speed: seed essays and a 100 KB essay, essays per second.

Run: .venv/bin/python benchmarks/ingest.py
"""

from __future__ import annotations

import time
from pathlib import Path

from relbib.ingest.essay import load_essay
from relbib.pipeline import ingest_essays

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    sources = [(str(p), p.read_text(encoding="utf-8")) for p in seeds]
    ingest_essays(sources)  # warm: loads the parser model once
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        ingest_essays(sources)
    per = (time.perf_counter() - started) / (rounds * len(sources))
    print(f"seed essays, stages 1-4: {per * 1000:.1f} ms/essay ({1 / per:.0f} essays/s)")
    body, notes = sources[1][1].split("Footnotes :")
    big = body * 10 + "Footnotes :" + notes
    started = time.perf_counter()
    load_essay(big, path="big.txt")
    print(f"{len(big) // 1000} KB essay, stages 1-2: {(time.perf_counter() - started) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
