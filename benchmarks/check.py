"""`relbib check` beside bibtexparser and bibclean on the large corpus, as ratios.

Generates a LaTeX draft citing 1,000 keys of ../shared/corpora/large/pre-1993-2005.bib
(RELBIB_SHARED overrides where ../shared is), then times in one run, each as a
whole process: bibtexparser.parse_file of the file, bibclean (skipped when not
installed), `relbib check` cold (empty cache) and warm (the library unchanged).
Prints wall seconds, peak memory and the ratios the check issue sets as bars:
cold <= 1.25x bibtexparser, warm <= 0.15x bibtexparser, peak < 1 GB.
Every `relbib check` writes ``--format json`` (the issue 11 bar).

By default relbib and bibtexparser run from a clean install in a fresh virtual
environment (``python -m venv`` + ``pip install`` of this checkout, which needs
the package index or a pip cache), as a user's would; ``--here`` runs this
interpreter's install instead.  A last row checks the corpus alone (about
25,000 findings through the JSON writer), warm.

Run: .venv/bin/python benchmarks/check.py [--repeat N] [--here]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RELBIB_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpora" / "large" / "pre-1993-2005.bib"
PYTHON = sys.executable


def make_draft(folder: Path, n: int = 1000) -> Path:
    text = CORPUS.read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([^,\s]+),", text, re.MULTILINE)
    chosen = random.Random(1).sample(keys, n)
    lines = ["\\documentclass{article}", "\\begin{document}"]
    lines += [f"Text \\cite{{{','.join(chosen[i:i + 4])}}}." for i in range(0, n, 4)]
    lines += [f"\\bibliography{{{CORPUS.with_suffix('')}}}", "\\end{document}"]
    draft = folder / "draft.tex"
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return draft


# Each command runs under a small Python wrapper that times it and reads its
# own children's peak RSS, so every row's memory is that command's alone.
_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "w = time.perf_counter() - t\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(w, peak, r.returncode)\n"
)


def run(command: list[str], *, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MiB, exit code) of one whole process."""
    done = subprocess.run([PYTHON, "-c", _WRAPPER, *command], capture_output=True, text=True,
                          env=env, cwd=cwd, check=True)
    wall, peak, code = done.stdout.split()
    return float(wall), int(peak) / 1024, int(code)


def fresh_venv(folder: Path) -> str:
    """The python of a new virtual environment with this checkout pip-installed
    (not editable: compiled as a user's install is)."""
    subprocess.run([PYTHON, "-m", "venv", str(folder)], check=True)
    python = str(folder / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(ROOT)], check=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--here", action="store_true",
                        help="use this interpreter's relbib, not a fresh virtual environment")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"corpus not found: {CORPUS} (set RELBIB_SHARED)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = make_draft(folder)
        cache = folder / "cache"
        python = PYTHON if args.here else fresh_venv(folder / "venv")
        relbib_cmd = [python, "-m", "relbib"]
        env = {**os.environ, "RELBIB_CACHE_DIR": str(cache)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        rows: dict[str, list[tuple[float, float, int]]] = {}
        commands = {
            "bibtexparser.parse_file": [python, "-c",
                                        f"import bibtexparser; bibtexparser.parse_file({str(CORPUS)!r})"],
        }
        if shutil.which("bibclean"):
            commands["bibclean"] = ["sh", "-c", f"bibclean {CORPUS} > /dev/null"]
        for _ in range(args.repeat):
            for name, command in commands.items():
                rows.setdefault(name, []).append(run(command))
            shutil.rmtree(cache, ignore_errors=True)
            check = [*relbib_cmd, "check", "--format", "json"]
            rows.setdefault("relbib check (cold)", []).append(
                run([*check, str(draft)], env=env, cwd=folder))
            rows.setdefault("relbib check (warm)", []).append(
                run([*check, str(draft)], env=env, cwd=folder))
            run([*check, str(CORPUS)], env=env, cwd=folder)  # the corpus alone: its own model
            rows.setdefault("relbib check corpus (warm)", []).append(
                run([*check, str(CORPUS)], env=env, cwd=folder))
        base = statistics.median(w for w, _, _ in rows["bibtexparser.parse_file"])
        print(f"corpus: {CORPUS.name}, {CORPUS.stat().st_size:,} bytes; draft cites 1,000 keys; "
              f"median of {args.repeat}; relbib from "
              f"{'this interpreter' if args.here else 'a fresh venv (pip install .)'}; "
              "--format json")
        print(f"{'command':<26} {'wall s':>7} {'peak MiB':>9} {'x bibtexparser':>15} {'exit':>5}")
        for name, samples in rows.items():
            wall = statistics.median(w for w, _, _ in samples)
            peak = max(p for _, p, _ in samples)  # the worst of the repeats
            print(f"{name:<26} {wall:>7.3f} {peak:>9.1f} {wall / base:>15.3f} "
                  f"{samples[-1][2]:>5}")
        cold = statistics.median(w for w, _, _ in rows["relbib check (cold)"]) / base
        warm = statistics.median(w for w, _, _ in rows["relbib check (warm)"]) / base
        print(f"bars: cold {cold:.2f}x (<= 1.25: {'met' if cold <= 1.25 else 'MISSED'}), "
              f"warm {warm:.2f}x (<= 0.15: {'met' if warm <= 0.15 else 'MISSED'})")


if __name__ == "__main__":
    main()
