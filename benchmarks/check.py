"""`relbib check` beside bibtexparser and bibclean on the large corpus, as ratios.

Generates a LaTeX draft citing 1,000 keys of ../shared/corpora/large/pre-1993-2005.bib
(RELBIB_SHARED overrides where ../shared is), then times in one run, each as a
whole process: bibtexparser.parse_file of the file, bibclean (skipped when not
installed), `relbib check` cold (empty cache) and warm (the library unchanged).
Prints wall seconds, peak memory and the ratios the check issue sets as bars:
cold <= 1.25x bibtexparser, warm <= 0.15x bibtexparser, peak < 1 GB.

Run: .venv/bin/python benchmarks/check.py [--repeat N]
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
RELBIB = [PYTHON, "-m", "relbib"]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"corpus not found: {CORPUS} (set RELBIB_SHARED)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = make_draft(folder)
        cache = folder / "cache"
        # Byte-compile relbib as pip compiles an installed package (bibtexparser's
        # .pyc files were written at install): with PYTHONDONTWRITEBYTECODE set and
        # an editable install, relbib alone would recompile its sources every run.
        import relbib

        subprocess.run([PYTHON, "-m", "compileall", "-q", str(Path(relbib.__file__).parent)],
                       check=True, env={k: v for k, v in os.environ.items()
                                        if k != "PYTHONDONTWRITEBYTECODE"})
        env = {**os.environ, "RELBIB_CACHE_DIR": str(cache)}
        rows: dict[str, list[tuple[float, float, int]]] = {}
        commands = {
            "bibtexparser.parse_file": [PYTHON, "-c",
                                        f"import bibtexparser; bibtexparser.parse_file({str(CORPUS)!r})"],
        }
        if shutil.which("bibclean"):
            commands["bibclean"] = ["sh", "-c", f"bibclean {CORPUS} > /dev/null"]
        for _ in range(args.repeat):
            for name, command in commands.items():
                rows.setdefault(name, []).append(run(command))
            shutil.rmtree(cache, ignore_errors=True)
            rows.setdefault("relbib check (cold)", []).append(
                run([*RELBIB, "check", str(draft)], env=env, cwd=folder))
            rows.setdefault("relbib check (warm)", []).append(
                run([*RELBIB, "check", str(draft)], env=env, cwd=folder))
        base = statistics.median(w for w, _, _ in rows["bibtexparser.parse_file"])
        print(f"corpus: {CORPUS.name}, {CORPUS.stat().st_size:,} bytes; draft cites 1,000 keys; "
              f"median of {args.repeat}")
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
