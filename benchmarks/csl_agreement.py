"""How many entries relbib prints exactly as ``pandoc --citeproc`` prints them from the .bib.

Usage: .venv/bin/python benchmarks/csl_agreement.py [BIB ...] [--show] [--style S ...]
       [--large N] [--per-file N] [--seed N]

With no BIB, measures tests/render/data/varied.bib and a fixed, seeded
sample of /work/shared/corpora: N entries of the large corpus
(``--large``) and up to ``--per-file`` entries of each file under
corpora/weird (biber's etc/papers.bib, a held-out collection, is never
read).  The sample is written to a temporary .bib: each source file's
@string blocks, then its sampled entries (and the entries they crossref),
verbatim, so that pandoc reads exactly what a person wrote.

For each style and file: relbib reads the file and renders it through its
CSL path; pandoc renders the file itself (one call per style and file); an
entry agrees when both print the same text (compared as
tests/tools/test_csl_agreement.py compares them, via
:func:`relbib.render.csl.comparable_text`).  Prints the share per style;
``--show`` prints each differing pair.  This is the stand-in for held-out
data: the ledger of tests/render does not apply here.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from relbib.formats.bibtex import entries_of, read_bib
from relbib.model import EntryBlock, StringBlock
from relbib.render import format_entries
from relbib.render.csl import PandocError, comparable_text, reference_bibliography, style_path

ROOT = Path(__file__).resolve().parent.parent
VARIED = ROOT / "tests" / "render" / "data" / "varied.bib"
CORPORA = Path("/work/shared/corpora")
LARGE = CORPORA / "large" / "pre-1993-2005.bib"
# held out: never read (the lead's rules)
HELD_OUT = frozenset({CORPORA / "weird" / "biber-etc" / "papers.bib"})
STYLES = ("apa", "chicago-author-date", "chicago-notes-bibliography", "mla")
_CROSSREF = re.compile(r"^\s*crossref\s*=\s*[{\"]?\s*([^}\",\s]+)", re.IGNORECASE | re.MULTILINE)


def _chunk(path: Path, seed: int, count: int, taken: set[str]) -> str:
    """The @string blocks of ``path`` and ``count`` of its entries (seeded by
    ``seed`` and the file's name, so that no other file's draw moves them),
    with the entries they crossref, as written; "" when it is not UTF-8."""
    rng = random.Random(f"{seed}:{path.relative_to(CORPORA)}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ""
    doc = read_bib(text, path=str(path))
    entries = [b for b in doc.blocks if isinstance(b, EntryBlock) and b.key.lower() not in taken]
    chosen = rng.sample(entries, min(count, len(entries)))
    by_key = {b.key.lower(): b for b in entries}
    for block in list(chosen):
        parent = _CROSSREF.search(block.text)
        target = by_key.get(parent.group(1).lower()) if parent else None
        if target is not None and target not in chosen:
            chosen.append(target)
    taken.update(b.key.lower() for b in chosen)
    order = {id(b): i for i, b in enumerate(doc.blocks)}
    strings = [b.text for b in doc.blocks if isinstance(b, StringBlock)]
    picked = [b.text for b in sorted(chosen, key=lambda b: order[id(b)])]
    return f"% {path.relative_to(CORPORA)}\n" + "\n".join(strings + picked) + "\n\n"


def _pandoc_reads(path: Path, style: str) -> bool:
    try:
        reference_bibliography(str(path), style_path(style))
    except PandocError:
        return False
    return True


def corpus_sample(folder: Path, *, large: int, per_file: int, seed: int) -> list[Path]:
    """The sample's .bib files in ``folder``: one of the large corpus, one of
    the weird files (a chunk pandoc cannot read at all is left out)."""
    taken: set[str] = set()
    out = []
    if large and LARGE.exists():
        path = folder / "sample-large.bib"
        path.write_text(_chunk(LARGE, seed, large, taken), encoding="utf-8")
        out.append(path)
    weird = sorted(p for p in (CORPORA / "weird").rglob("*.bib") if p not in HELD_OUT)
    if per_file and weird:
        chunks = []
        probe = folder / "probe.bib"
        for source in weird:
            chunk = _chunk(source, seed, per_file, taken)
            probe.write_text(chunk, encoding="utf-8")
            if chunk and _pandoc_reads(probe, "apa"):
                chunks.append(chunk)
            else:
                print(f"left out (pandoc cannot read it): {source.relative_to(CORPORA)}",
                      file=sys.stderr)
        path = folder / "sample-weird.bib"
        path.write_text("".join(chunks), encoding="utf-8")
        out.append(path)
    return out


def differences(path: Path, style: str) -> tuple[int, dict[str, tuple[str, str]]]:
    """How many entries pandoc prints from ``path``, and each entry whose
    relbib rendering differs: key -> (pandoc's text, relbib's text)."""
    reference = {r.key: comparable_text(r.text)
                 for r in reference_bibliography(str(path), style_path(style))}
    entries = entries_of(read_bib(path.read_text(encoding="utf-8"), path=str(path)))
    ours = {f.key: comparable_text(f.text) for f in format_entries(entries, style=style)}
    keys = reference.keys() | ours.keys()
    differ = {k: (reference.get(k, "(not printed)"), ours.get(k, "(not printed)"))
              for k in sorted(keys) if reference.get(k) != ours.get(k)}
    return len(keys), differ


def _dotless_i(text: str) -> str:
    """pandoc's spelling of {\\'\\i} (dotless i and a combining accent) as the
    accented letter relbib prints: the known difference of the ledger, counted
    apart so that the figure says how much of the gap it is."""
    return unicodedata.normalize("NFC", text.replace("\u0131\u0301", "i\u0301")
                                 .replace("\u0131\u0300", "i\u0300").replace("\u0131\u0302", "i\u0302")
                                 .replace("\u0131\u0308", "i\u0308"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bib", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true", help="print each differing pair")
    parser.add_argument("--style", action="append", help="a CSL style (repeatable)")
    parser.add_argument("--large", type=int, default=200)
    parser.add_argument("--per-file", type=int, default=4)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="write the corpus sample into this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="relbib-agreement-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files = args.bib or [VARIED, *corpus_sample(folder, large=args.large,
                                                    per_file=args.per_file, seed=args.seed)]
        for path in files:
            print(f"== {path.name}")
            for style in args.style or STYLES:
                total, differ = differences(path, style)
                equal = total - len(differ)
                dotless = sum(1 for theirs, mine in differ.values() if _dotless_i(theirs) == mine)
                print(f"{style:28} {equal:5}/{total:<5} equal  {100 * equal / max(total, 1):5.1f} %"
                      f"   (+{dotless} that differ only in pandoc's \u0131\u0301 for \u00ed)")
                if args.show:
                    for key, (theirs, mine) in differ.items():
                        print(f"  [{key}]\n    pandoc: {theirs}\n    relbib: {mine}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
