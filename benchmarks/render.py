"""Render a 10,000-entry annotated bibliography, CSL and BibTeX styles side by side.

Usage: .venv/bin/python benchmarks/render.py [--bib FILE] [--entries N] [--style S]

Reads the first N entries of the corpus with relbib.formats.bibtex, gives
every entry a synthetic annotation (summary, two tags, two claims with
dates), then times, in one run: the references alone in APA and Chicago
(notes-bibliography and author-date) through relbib's CSL path (pandoc
--citeproc on CSL-JSON, a long list in parallel calls), in ``plain``
through pybtex; the annotated bibliography
(md) in APA, Chicago and plain; ``pandoc --citeproc`` run directly on the
same entries written as a .bib (APA, plain text out) and, the floor of the
CSL path, on all of them as CSL-JSON without disambiguation (one core, CPU
seconds shown); each annotated-
bibliography format and reading-list export in ``--style``; and
``pybtex-format`` (plain style, text, html and latex output).  Prints
entries per second side by side.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from relbib.export.lists import export, latex_bundle
from relbib.formats import crossref, csljson
from relbib.formats.bibtex import entries_of, read_bib, update_bib
from relbib.model import Annotation, AnnotationClaim
from relbib.render import csl, format_entries, formats, render_bibliography
from relbib.render.csl import pandoc_path, style_path

CORPUS = Path("/work/shared/corpora/large/pre-1993-2005.bib")


def _annotations(keys: list[str]) -> dict[str, Annotation]:
    tags = ("physics", "methods", "history", "review", "data")
    out = {}
    for i, key in enumerate(keys):
        out[key] = Annotation(
            key=key,
            summary=f"Summary of {key}: what it argues and why it matters (entry {i}).",
            tags=(tags[i % 5], tags[(i + 2) % 5]),
            claims=tuple(AnnotationClaim(
                essay=f"essay{i % 7}", line=1 + i % 40, quote=f"In {1990 + i % 30}, something happened ({j}).",
                note=1 + j, pinpoint=None, relation="cited" if j == 0 else "supports", score=0.8)
                for j in range(2)),
        )
    return out


def _timed(label: str, n: int, action) -> tuple[str, float, int, int]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    output = action()
    seconds = time.perf_counter() - start
    size = len(output) if isinstance(output, str) else 0
    return label, seconds, size, n


def _pandoc_floor(entries: list, style: str, folder: Path) -> tuple[str, float, int, int]:  # type: ignore[type-arg]
    items = [csl._as_pandoc_reads(csljson.to_csl(e)) for e in crossref.inherit(entries)]
    data = folder / "floor.json"
    data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    path = style_path(style)
    plain = folder / "floor.csl"
    plain.write_text(csl._undisambiguated(path) or Path(path).read_text(encoding="utf-8"), encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([pandoc_path(), "+RTS", "-A64m", "-RTS", "--citeproc", "--to=html",
                           f"--csl={plain}", f"--bibliography={data}"],
                          input="---\nnocite: '@*'\n---\n", capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    label = f"pandoc directly, CSL-JSON, no disambiguation: {style} ({cpu:.1f} s CPU)"
    if done.returncode != 0:
        label += " (failed)"
    return label, seconds, len(done.stdout), len(items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bib", type=Path, default=CORPUS)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--style", default="plain")
    parser.add_argument("--direct-entries", type=int, default=1000,
                        help="entries for pandoc --citeproc run directly (its disambiguation "
                             "grows much faster than the entries: 1,000 take minutes)")
    parser.add_argument("--references-only", action="store_true",
                        help="time only the references (CSL and pybtex) and pandoc run directly")
    args = parser.parse_args()
    if not args.bib.exists():
        print(f"no corpus at {args.bib}", file=sys.stderr)
        return 3
    start = time.perf_counter()
    doc = read_bib(args.bib.read_text(encoding="utf-8", errors="replace"), path=str(args.bib))
    entries = list(entries_of(doc))[: args.entries]
    n = len(entries)
    print(f"read {n} entries from {args.bib.name} in {time.perf_counter() - start:.1f} s")
    annotations = _annotations([e.key for e in entries])
    rows = []
    for style in ("apa", "chicago-notes-bibliography", "chicago-author-date", "plain"):
        path = "pybtex" if style == "plain" else "CSL"
        rows.append(_timed(f"references only: {style} ({path})", n,
                           lambda style=style: format_entries(entries, style=style)))
    for style in ("apa", "chicago-notes-bibliography", "plain"):
        if args.references_only:
            break
        rows.append(_timed(f"annotated bibliography md: {style}", n, lambda style=style:
                           render_bibliography(entries, annotations, fmt="md", style=style)))
    for fmt in () if args.references_only else formats():
        rows.append(_timed(f"relbib render --format {fmt}", n, lambda fmt=fmt: render_bibliography(
            entries, annotations, fmt=fmt, style=args.style)))
    for fmt in () if args.references_only else ("bib", "csl-json", "ris", "md", "html"):
        rows.append(_timed(f"relbib export --format {fmt}", n, lambda fmt=fmt: export(
            entries, annotations, fmt=fmt, style=args.style)))
    if not args.references_only:
        rows.append(_timed("relbib latex bundle (biber)", n, lambda: latex_bundle(
            entries, annotations, engine="biber", bib_name="b").tex))
    peer = shutil.which("pybtex-format") or str(Path(sys.executable).parent / "pybtex-format")
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp) / "first.bib"
        bib.write_text(update_bib(None, entries), encoding="utf-8")
        direct = Path(tmp) / "direct.bib"
        direct.write_text(update_bib(None, entries[: args.direct_entries]), encoding="utf-8")
        m = min(n, args.direct_entries)
        rows.append(_timed(f"references only: apa, first {m} (CSL)", m,
                           lambda: format_entries(entries[:m], style="apa")))
        rows.append(_timed(f"references only: plain, first {m} (pybtex)", m,
                           lambda: format_entries(entries[:m], style="plain")))
        for style in ("apa", "chicago-author-date"):
            start = time.perf_counter()
            done = subprocess.run([pandoc_path(), "--citeproc", "--to=plain", f"--csl={style_path(style)}",
                                   f"--bibliography={direct}"], input="---\nnocite: '@*'\n---\n",
                                  capture_output=True, text=True)
            label = f"pandoc --citeproc directly: {style}, first {m}"
            if done.returncode != 0:
                label += " (failed)"
            rows.append((label, time.perf_counter() - start, len(done.stdout), m))
        # the floor of the CSL path: one pandoc call on all the entries as
        # CSL-JSON, without disambiguation (whose cost grows much faster than
        # the entries), on one core; CPU seconds in the label
        for style in ("apa", "chicago-notes-bibliography"):
            rows.append(_pandoc_floor(entries, style, Path(tmp)))
        for out_fmt in ("text",) if args.references_only else ("text", "html", "latex"):
            target = Path(tmp) / f"out.{out_fmt}"
            start = time.perf_counter()
            done = subprocess.run([peer, "--style", args.style, "--output-backend", out_fmt,
                                   str(bib), str(target)], capture_output=True, text=True)
            seconds = time.perf_counter() - start
            label = f"pybtex-format --output-backend {out_fmt}"
            if done.returncode != 0:
                label += " (failed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:60] + ")"
            rows.append((label, seconds, target.stat().st_size if target.exists() else 0, n))
    print(f"\n{'what':<72} {'seconds':>8} {'entries/s':>10} {'MB out':>7}")
    for label, seconds, size, count in rows:
        print(f"{label:<72} {seconds:>8.2f} {count / seconds:>10.0f} {size / 1e6:>7.1f}")
    plain = next(r for r in rows if r[0].startswith("references only: plain ("))
    for row in rows:
        if row[0].startswith("references only: ") and "CSL" in row[0] and "first" not in row[0]:
            print(f"{row[0]}: {plain[1] / row[1]:.2f}x pybtex plain")
    print("\nrelbib's figures include the annotations (summary, tags, two claims per entry);"
          "\npybtex-format's include reading and parsing the .bib and starting Python.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
