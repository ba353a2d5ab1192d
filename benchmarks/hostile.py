"""Hostile and huge input: is every reader and scanner linear?

Times each reader and scanner of issue 9, point 11 on hostile input of 10 KB,
100 KB and 1 MB (a fragment repeated, an argument never closed, a library of
that many bytes of annotations, standard input) and prints the CPU seconds per
size and the growth ratios; for the cases the probe found hungry, the peak
memory (tracemalloc) too.  Linear work gives 10× time for 10× input; a growth
above 15× is reported as FAIL.  Each time is the best of three runs (one at
1 MB), so a loaded machine inflates no ratio by much; a step under 5 ms is
noise, not growth, and a case that grows too fast is timed again (best of three) before
it counts.  Last, standard input over the size cap must be refused
(exit 3) without being read whole.

Run: .venv/bin/python benchmarks/hostile.py [--quick]   (--quick: 10 KB and 100 KB only)
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

from relbib.check.drafts import scan_draft
from relbib.cli import main as relbib_main
from relbib.formats.annotations import read_annotation
from relbib.formats.bibtex import read_bib
from relbib.pipeline import ingest_essay, parse_list
from relbib.workspace import MAX_INPUT_BYTES

SIZES = (10_000, 100_000, 1_000_000)
LIMIT = 15.0
NOISE = 0.005  # seconds: a step under this is clock noise
Make = Callable[[int], Callable[[], object]]
ROE = "1. Jane Roe, A Book (Oxford: Clarendon, 2001), 4.\n"
CLAIM = ("  - essay: essays/one.txt\n    line: 7\n    note: 3\n    quote: \"A claim that the source"
         " supports, quoted: it says so.\"\n    relation: cited\n    score: 1.0\n")


def repeat(fragment: str, size: int) -> str:
    return (fragment * (size // len(fragment) + 1))[:size]


def notes(fragment: str) -> Make:
    def make(size: int) -> Callable[[], object]:
        text = "Notes\n\n" + ROE + "2. " + repeat(fragment, size) + "\n"
        return lambda: parse_list(text)
    return make


def essay(fragment: str) -> Make:
    def make(size: int) -> Callable[[], object]:
        text = ("A claim that needs a source.1 Another claim.2\n\nNotes\n\n" + ROE + "2. "
                + repeat(fragment, size) + "\n")
        return lambda: ingest_essay(text, path="essay.txt")
    return make


def draft(fragment: str, name: str, before: str = "") -> Make:
    def make(size: int) -> Callable[[], object]:
        text = before + repeat(fragment, size)
        return lambda: scan_draft(text, path=name)
    return make


def bib(fragment: str) -> Make:
    def make(size: int) -> Callable[[], object]:
        text = "@book{roe2001, title = {A Book}, year = 2001}\n" + repeat(fragment, size)
        return lambda: read_bib(text, path="sources.bib")
    return make


def annotation(size: int) -> Callable[[], object]:
    text = "key: roe2001\nsummary: |\n  A summary.\ntags: [a, b]\nclaims:\n" + CLAIM * (
        size // len(CLAIM) + 1)
    return lambda: read_annotation(text, path="annotations/roe2001.yaml")


@contextlib.contextmanager
def _cli(cwd: Path, stdin: bytes = b"") -> Iterator[io.StringIO]:
    """The command line run in this process: in ``cwd``, with ``stdin``, output kept."""
    out = io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.chdir(cwd), contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(io.StringIO()):
            yield out
    finally:
        sys.stdin = saved


def relbib(cwd: Path, *args: str, stdin: bytes = b"") -> int:
    with _cli(cwd, stdin):
        try:
            relbib_main(list(args))
        except SystemExit as done:
            return int(done.code or 0)
    return 0


_FOLDERS: list[tempfile.TemporaryDirectory[str]] = []


def library(size: int) -> Callable[[], object]:
    """``relbib list`` on a library whose annotations hold ``size`` bytes
    (10 claims a source: 80 essays citing 10 sources each is about 1 MB)."""
    folder = tempfile.TemporaryDirectory()
    _FOLDERS.append(folder)
    root = Path(folder.name)
    (root / "relbib.toml").write_text("")
    (root / "bib").mkdir()
    (root / "annotations").mkdir()
    sources = max(1, size // (10 * len(CLAIM)))
    entries = []
    for i in range(sources):
        key = f"roe{i:05d}book"
        entries.append(f"@book{{{key},\n  author = {{Roe, Jane}},\n  title = {{Book {i}}},\n"
                       f"  year = {{2001}},\n}}\n")
        (root / "annotations" / f"{key}.yaml").write_text(
            f"key: {key}\nsummary: A summary.\nclaims:\n" + CLAIM * 10)
    (root / "bib" / "sources.bib").write_text("\n".join(entries))
    return lambda: relbib(root, "list")


def stdin(size: int) -> Callable[[], object]:
    """``relbib parse -`` on notes numbered 1-999 over and over (chapters that
    restart their numbering; no real list reaches note 10,000)."""
    data = ("Notes\n\n" + "".join(ROE.replace("1.", f"{1 + n % 999}.", 1) for n in range(
        size // len(ROE) + 2)))[:size].encode()
    here = Path.cwd()
    return lambda: relbib(here, "parse", "-", stdin=data)


CASES: dict[str, Make] = {
    "parse notes: 'John Smith and '": notes("John Smith and "),
    "parse notes: 'supra note 3, '": notes("supra note 3, "),
    "parse notes: 'A. '": notes("A. "),
    "parse notes: '(ed.) In '": notes("J. Roe (ed.) In "),
    "ingest essay: 'John Smith and '": essay("John Smith and "),
    "ingest essay: 'supra note 3, '": essay("supra note 3, "),
    "ingest essay: 'Ibid., '": essay("Ibid., "),
    "check LaTeX: '\\cite['": draft("\\cite[", "draft.tex"),
    "check LaTeX: '\\cite{'": draft("\\cite{", "draft.tex"),
    "check LaTeX: '\\bibliography{'": draft("\\bibliography{", "draft.tex"),
    "check LaTeX: '\\cite[p]{'": draft("\\cite[p]{", "draft.tex"),
    "check Markdown: '[@'": draft("[@", "draft.md"),
    "check Markdown: '[see @a, '": draft("[see @a, ", "draft.md"),
    "check Markdown: '`[@a] '": draft("`[@a] ", "draft.md"),
    "check Markdown note: 'John Smith and '": draft("John Smith and ", "draft.md",
                                                    "A claim.[^1]\n\n[^1]: "),
    "read .bib: '@book{x, title={'": bib("@book{x, title={"),
    "read .bib: '{'": bib("{"),
    "read annotations: claims": annotation,
    "list: library of annotations": library,
    "parse -: notes on stdin": stdin,
}
# the cases whose memory the probe found growing too: peak memory is printed too
MEMORY = ("parse notes: 'supra note 3, '", "ingest essay: 'supra note 3, '",
          "parse notes: 'John Smith and '")


def best(run: Callable[[], object], times: int) -> float:
    out = float("inf")
    for _ in range(times):
        start = time.process_time()
        run()
        out = min(out, time.process_time() - start)
    return out


def peak(run: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def ratios(values: list[float]) -> list[float]:
    return [b / max(a, 1e-4) for a, b in zip(values, values[1:], strict=False)]


def is_bad(seconds: list[float]) -> bool:
    return any(r > LIMIT and b > NOISE for r, b in zip(ratios(seconds), seconds[1:], strict=True))


def stdin_cap() -> str:
    """Over-cap stdin: its exit code and seconds (it must not be read whole)."""
    data = b"x" * (MAX_INPUT_BYTES + 1)
    start = time.process_time()
    code = relbib(Path.cwd(), "parse", "-", stdin=data)
    return f"stdin of {len(data) / 2**20:.0f} MB + 1 byte: exit {code} in " \
           f"{time.process_time() - start:.2f}s" + ("   ok" if code == 3 else "   FAIL")


def main() -> int:
    sizes = SIZES[:2] if "--quick" in sys.argv else SIZES
    notes("a")(100)()  # warm up: models, lexicons and patterns load once
    print(f"{'case':<40}" + "".join(f"{s // 1000:>8} KB" for s in sizes) + "   growth ratios")
    failed = 0
    for name, make in CASES.items():
        seconds = [best(make(size), 1 if size >= 1_000_000 else 3) for size in sizes]
        bad = is_bad(seconds)
        if bad:  # a busy machine slows one run: time the case again, best of three
            seconds = [min(t, best(make(size), 3)) for t, size in zip(seconds, sizes, strict=True)]
            bad = is_bad(seconds)
        grown = ratios(seconds)
        failed += bad
        print(f"{name:<40}" + "".join(f"{t:>10.3f}s"[1:] for t in seconds) + "   "
              + " ".join(f"{r:5.1f}x" for r in grown) + ("   FAIL" if bad else "   ok"), flush=True)
        if name in MEMORY:
            megabytes = [peak(make(size)) for size in sizes]
            grew = ratios(megabytes)
            bad = any(r > LIMIT for r in grew)
            failed += bad
            print(f"{'  peak memory, MB':<40}" + "".join(f"{m:>10.1f}M"[1:] for m in megabytes)
                  + "   " + " ".join(f"{r:5.1f}x" for r in grew) + ("   FAIL" if bad else "   ok"),
                  flush=True)
    cap = stdin_cap()
    failed += cap.endswith("FAIL")
    print(cap)
    print(f"{'all' if not failed else failed} {'linear' if not failed else 'FAILED'} "
          f"(10x input, at most {LIMIT:.0f}x time and memory)")
    for folder in _FOLDERS:
        folder.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
