"""Hostile and huge input: is every reader and scanner linear?

Times each reader and scanner on hostile input of 10 KB, 100 KB and 1 MB (a
fragment repeated, an argument never closed) and prints the seconds per size
and the growth ratios.  Linear work gives 10× time for 10× input; a growth
above 15× is reported as FAIL (issue 9, point 11).  Each time is the best of
three runs (one at 1 MB), so a loaded machine inflates no ratio by much.

Run: .venv/bin/python benchmarks/hostile.py [--quick]   (--quick: 10 KB and 100 KB only)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from relbib.check.drafts import scan_draft
from relbib.formats.annotations import read_annotation
from relbib.formats.bibtex import read_bib
from relbib.pipeline import ingest_essay, parse_list

SIZES = (10_000, 100_000, 1_000_000)
LIMIT = 15.0


def repeat(fragment: str, size: int) -> str:
    return (fragment * (size // len(fragment) + 1))[:size]


def notes(fragment: str) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        text = "Notes\n\n1. Jane Roe, A Book (Oxford: Clarendon, 2001), 4.\n2. " + repeat(
            fragment, size) + "\n"
        return lambda: parse_list(text)
    return make


def essay(fragment: str) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        text = ("A claim that needs a source.1 Another claim.2\n\nNotes\n\n"
                "1. Jane Roe, A Book (Oxford: Clarendon, 2001), 4.\n2. " + repeat(fragment, size) + "\n")
        return lambda: ingest_essay(text, path="essay.txt")
    return make


def draft(fragment: str, name: str) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        text = repeat(fragment, size)
        return lambda: scan_draft(text, path=name)
    return make


def bib(fragment: str) -> Callable[[int], Callable[[], object]]:
    def make(size: int) -> Callable[[], object]:
        text = "@book{roe2001, title = {A Book}, year = 2001}\n" + repeat(fragment, size)
        return lambda: read_bib(text, path="sources.bib")
    return make


def annotation(size: int) -> Callable[[], object]:
    claim = ("  - essay: essays/one.txt\n    note: 3\n    text: \"A claim that the source"
             " supports, quoted: it says so.\"\n    status: confirmed\n")
    text = "key: roe2001\nsummary: |\n  A summary.\ntags: [a, b]\nclaims:\n" + claim * (
        size // len(claim) + 1)
    return lambda: read_annotation(text, path="annotations/roe2001.yaml")


CASES: dict[str, Callable[[int], Callable[[], object]]] = {
    "parse notes: 'John Smith and '": notes("John Smith and "),
    "parse notes: 'supra note 3, '": notes("supra note 3, "),
    "parse notes: 'A. '": notes("A. "),
    "parse notes: '(ed.) In '": notes("J. Roe (ed.) In "),
    "ingest essay: 'John Smith and '": essay("John Smith and "),
    "ingest essay: 'Ibid., '": essay("Ibid., "),
    "check LaTeX: '\\cite['": draft("\\cite[", "draft.tex"),
    "check LaTeX: '\\cite{'": draft("\\cite{", "draft.tex"),  # tests/lsp: 200 KB only
    "check LaTeX: '\\bibliography{'": draft("\\bibliography{", "draft.tex"),
    "check LaTeX: '\\cite{a}{'": draft("\\cite[p]{", "draft.tex"),
    "check Markdown: '[@'": draft("[@", "draft.md"),
    "check Markdown: '[see @a, '": draft("[see @a, ", "draft.md"),
    "check Markdown: '`'": draft("`[@a] ", "draft.md"),
    "read .bib: '@book{x, title={'": bib("@book{x, title={"),
    "read .bib: '{'": bib("{"),
    "read annotations: claims": annotation,
}


def best(run: Callable[[], object], times: int) -> float:
    out = float("inf")
    for _ in range(times):
        start = time.process_time()
        run()
        out = min(out, time.process_time() - start)
    return out


def main() -> int:
    sizes = SIZES[:2] if "--quick" in sys.argv else SIZES
    notes("a")(100)()  # warm up: models, lexicons and patterns load once
    print(f"{'case':<36}" + "".join(f"{s // 1000:>9} KB" for s in sizes) + "   growth ratios")
    failed = 0
    for name, make in CASES.items():
        seconds = [best(make(size), 1 if size >= 1_000_000 else 3) for size in sizes]
        ratios = [b / max(a, 1e-4) for a, b in zip(seconds, seconds[1:], strict=False)]
        # a step under 5 ms is noise, not growth
        bad = any(r > LIMIT and b > 0.005 for r, b in zip(ratios, seconds[1:], strict=True))
        failed += bad
        print(f"{name:<36}" + "".join(f"{t:>11.3f}s"[1:] for t in seconds) + "   "
              + " ".join(f"{r:5.1f}x" for r in ratios) + ("   FAIL" if bad else "   ok"),
              flush=True)
    print(f"{len(CASES) - failed} of {len(CASES)} linear (10x input, at most {LIMIT:.0f}x time)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
