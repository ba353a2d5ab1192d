"""`relbib lsp` latency: diagnostics after an edit and completion, over the real protocol.

A draft citing 1,000 keys of the 26k-entry corpus (../shared/corpora/large)
is opened; once its first diagnostics arrive (the library is loaded), the
script makes 50 edits (each adds a citation: didChange → publishDiagnostics,
with the debounce set to 0 so the figure is the check itself) and 50
completions (a key prefix inside \\cite{...}), and prints p50/p95/p99 in ms.
With --hostile it times instead a megabyte of unclosed "\\cite{" (170,000
parse errors; tests/lsp checks 200 KB of it): the first diagnostics, then a
completion and a hover answered after them.

    .venv/bin/python benchmarks/lsp.py [--bib FILE] [--keys 1000] [--rounds 50] [--hostile]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "lsp"))

from lsp_client import LspClient  # noqa: E402

from relbib.formats.bibscan import scan_bib  # noqa: E402

CORPUS = Path("/work/shared/corpora/large/pre-1993-2005.bib")


def percentiles(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    print(f"{name:<28} n={len(ordered):<3} p50={q[49]:7.1f} ms  p95={q[94]:7.1f} ms  "
          f"p99={q[98]:7.1f} ms  max={ordered[-1]:7.1f} ms")


def hostile() -> None:
    """A megabyte of "\\cite{" in one draft: seconds to its diagnostics and to answers after."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "refs.bib").write_text("@misc{ok, title={Fine}}\n", encoding="utf-8")
        text = "\\bibliography{refs}\n" + "\\cite{" * 170_000 + "\n" + "\\cite{ok}\n"
        draft = root / "draft.tex"
        draft.write_text(text, encoding="utf-8")
        client = LspClient(root, env={"RELBIB_CACHE_DIR": str(root / ".cache")})
        try:
            client.initialize(root, {"debounce_ms": 0, "style": "plain"})
            start = time.perf_counter()
            uri = client.open(draft, text, "latex")
            found = client.wait_for("textDocument/publishDiagnostics", uri=uri, timeout=900)
            print(f"{len(text) / 1e6:.2f} MB of \\cite{{: first diagnostics in "
                  f"{time.perf_counter() - start:.1f} s ({len(found['diagnostics'])} published)")
            last = text.count("\n") - 1
            for method, character in (("textDocument/completion", 6), ("textDocument/hover", 7)):
                t = time.perf_counter()
                client.request(method, {"textDocument": {"uri": uri},
                                        "position": {"line": last, "character": character}})
                print(f"{method:<28} {(time.perf_counter() - t) * 1000:7.1f} ms")
            client.shutdown()
        finally:
            client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bib", type=Path, default=CORPUS)
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    if args.hostile:
        hostile()
        return
    text = args.bib.read_text(encoding="utf-8", errors="surrogateescape")
    keys = [e.key for e in scan_bib(text, path="refs.bib").entries]
    rng = random.Random(14)
    cited = rng.sample(keys, args.keys)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "refs.bib").write_text(text, encoding="utf-8", errors="surrogateescape")
        lines = ["\\documentclass{article}", "\\begin{document}"]
        lines += [f"Claim number {i} is supported \\cite{{{k}}}." for i, k in enumerate(cited)]
        lines += ["\\bibliography{refs}", "\\end{document}"]
        draft = root / "draft.tex"
        body = "\n".join(lines) + "\n"
        draft.write_text(body, encoding="utf-8")
        client = LspClient(root, env={"RELBIB_CACHE_DIR": str(root / ".cache")})
        try:
            client.initialize(root, {"debounce_ms": 0})
            start = time.perf_counter()
            uri = client.open(draft, body, "latex")
            first = client.wait_for("textDocument/publishDiagnostics", uri=uri, timeout=900)
            # the .bib's own findings follow the draft's: the first edit must not wait on them
            client.wait_for("textDocument/publishDiagnostics", uri=(root / "refs.bib").as_uri(),
                            timeout=900)
            print(f"{len(keys)} entries, {args.keys} cited: library loaded and first "
                  f"diagnostics in {time.perf_counter() - start:.1f} s "
                  f"({len(first['diagnostics'])} diagnostics)")
            edits, completions = [], []
            line = len(lines) - 2  # the \bibliography line: insert before it
            for n in range(args.rounds):
                key = rng.choice(keys)
                t = time.perf_counter()
                client.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": n + 2},
                    "contentChanges": [{"range": {"start": {"line": line, "character": 0},
                                                  "end": {"line": line, "character": 0}},
                                        "text": f"More \\cite{{{key}}}.\n"}]})
                client.wait_for("textDocument/publishDiagnostics", uri=uri, timeout=120)
                edits.append((time.perf_counter() - t) * 1000)
                line += 1
            for _ in range(args.rounds):
                target = rng.randrange(2, 2 + args.keys)
                prefix = len(f"Claim number {target - 2} is supported \\cite{{") + 2
                t = time.perf_counter()
                result = client.request("textDocument/completion", {
                    "textDocument": {"uri": uri},
                    "position": {"line": target, "character": prefix}})
                completions.append((time.perf_counter() - t) * 1000)
                assert result is not None and result["items"], "no completion"
            percentiles("diagnostics after an edit", edits)
            percentiles("completion", completions)
            client.shutdown()
        finally:
            client.close()


if __name__ == "__main__":
    main()
