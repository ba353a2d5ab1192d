"""How relbib.claims.link grows: 100, 300 and 1,000 essays of ~2,000 words against 10,000 sources.

Essays and sources are generated deterministically from the seeds' sentences
(shuffled, with years, figures and names perturbed so that texts differ).
Each size runs in a fresh process so that peak memory (ru_maxrss) is its own.
Usage:  .venv/bin/python benchmarks/link_scale.py [--sizes 100,300,1000] [--sources 10000]

Corpus scale (issue 15, relbib.scale): the same link serially, on 2 local worker
processes and on a Dask LocalCluster of 2 workers, with peak memory of the
whole process tree (psutil, sampled; else getrusage), the phases' times, and
an extrapolation to 1,000,000 essays:
        .venv/bin/python benchmarks/link_scale.py --scale [--scale-sizes 1000,10000]
                                                          [--scale-modes serial,workers2,dask2]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from relbib.claims.link import link
from relbib.model import Essay, Sentence, SourceClaim, Span

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_ESSAY = 2000


def seed_sentences() -> list[str]:
    try:
        from relbib.ingest.essay import load_essay
    except ImportError as error:
        sys.exit(f"benchmarks/link_scale.py needs relbib.ingest.essay: {error}")
    out: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        essay, _ = load_essay(path.read_text(encoding="utf-8"), path=str(path))
        out.extend(s.text for s in essay.sentences
                   if s.start < essay.body_end and len(s.text.split()) >= 6)
    return out


_YEAR = re.compile(r"\b(19[0-9]{2}|20[0-2][0-9])\b")
_NUMBER = re.compile(r"\b\d{1,3}\b")


def perturb(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """A sentence like ``text``: shifted years, other figures, a word swapped."""
    if rng.random() < 0.5:
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + rng.randint(-3, 3)), text)
    if rng.random() < 0.3:
        text = _NUMBER.sub(lambda m: str(int(m.group(0)) + rng.randint(1, 9)), text)
    words = text.split()
    for _ in range(2):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return " ".join(words)


def make_essay(n: int, pool: list[str], rng: random.Random, vocabulary: list[str]) -> Essay:
    sentences: list[Sentence] = []
    parts: list[str] = []
    offset, words, paragraph, line = 0, 0, 0, 1
    while words < WORDS_PER_ESSAY:
        text = perturb(rng.choice(pool), rng, vocabulary)
        sentences.append(Sentence(text=text, start=offset, end=offset + len(text), line=line,
                                  paragraph=paragraph))
        parts.append(text)
        offset += len(text) + 1
        words += len(text.split())
        if rng.random() < 0.2:
            paragraph += 1
            line += 1
    body = "\n".join(parts)
    return Essay(id=f"gen{n:05d}", path=f"gen/{n:05d}.txt", title="", authors=(), venue="",
                 date="", text=body, offset_map=(), paragraphs=(Span(start=0, end=len(body)),),
                 sentences=tuple(sentences), body_end=len(body), notes=(), markers=())


def make_sources(count: int, pool: list[str], rng: random.Random,
                 vocabulary: list[str]) -> list[SourceClaim]:
    claims = []
    for k in range(count):
        for c in range(rng.randint(1, 3)):
            claims.append(SourceClaim(key=f"src{k:05d}", pinpoint=f"p. {rng.randint(1, 300)}",
                                      text=perturb(rng.choice(pool), rng, vocabulary),
                                      essay=f"lib{k:05d}", line=c + 1))
    return claims


def corpus_of(size: int, sources: int) -> tuple[list[Essay], list[SourceClaim]]:
    """The generated essays and library claims of one size (as run_one makes them)."""
    pool = seed_sentences()
    vocabulary = sorted({w for s in pool for w in s.split() if w.isalpha()})
    rng = random.Random(20240501)
    claims = make_sources(sources, pool, rng, vocabulary)
    return [make_essay(n, pool, rng, vocabulary) for n in range(size)], claims


def run_one(size: int, sources: int) -> None:
    pool = seed_sentences()
    vocabulary = sorted({w for s in pool for w in s.split() if w.isalpha()})
    rng = random.Random(20240501)
    claims = make_sources(sources, pool, rng, vocabulary)
    essays = [make_essay(n, pool, rng, vocabulary) for n in range(size)]
    words = sum(len(e.text.split()) for e in essays)
    began = time.perf_counter()
    result = link(essays, {}, library_claims=claims)
    seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{size}\t{words}\t{len(claims)}\t{seconds:.2f}\t{peak_mb:.0f}\t"
          f"{len(result.links)}\t{len(result.judgements)}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--one", type=int)
    parser.add_argument("--scale", action="store_true", help="serial vs 2 workers vs Dask")
    parser.add_argument("--scale-sizes", default="1000,10000")
    parser.add_argument("--scale-modes", default="serial,workers2,dask2")
    parser.add_argument("--scale-one", nargs=2, metavar=("SIZE", "MODE"))
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.sources)
        return 0
    if args.scale_one:
        from link_scale_parallel import run_scale_one

        run_scale_one(int(args.scale_one[0]), args.scale_one[1], args.sources, corpus_of)
        return 0
    if args.scale:
        from link_scale_parallel import scale_table

        return scale_table(__file__, args.scale_sizes, args.scale_modes, args.sources)
    print(f"{'essays':>7} {'words':>9} {'claims':>7} {'seconds':>8} {'peak MB':>8} "
          f"{'links':>8} {'judgements':>10}")
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(size),
                              "--sources", str(args.sources)],
                             check=True, capture_output=True, text=True).stdout
        size_, words, claims, seconds, peak, links, judgements = out.split()
        rows.append((int(size_), float(seconds), float(peak)))
        print(f"{size_:>7} {words:>9} {claims:>7} {seconds:>8} {peak:>8} {links:>8} "
              f"{judgements:>10}")
    (n0, t0, m0), (n1, t1, m1) = rows[0], rows[-1]
    print(f"growth {n1 / n0:.1f}x essays: time {t1 / t0:.1f}x, peak memory {m1 / m0:.1f}x "
          f"(linear would be {n1 / n0:.1f}x; quadratic {(n1 / n0) ** 2:.0f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
