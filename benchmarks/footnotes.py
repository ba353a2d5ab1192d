"""Footnote dev set: per-field accuracy, resolution and comment detection.

Input: the hand-labelled documents of tests/parse/devset/*.yaml (see its README).
Output: printed figures, for the tuned part and the held-back part (every
fifth note) of the set, and throughput.

    .venv/bin/python benchmarks/footnotes.py [--show-errors] [GOLD.yaml|DIR ...]

Given files or folders, it scores those case files instead of the dev set: a
real document's notes labelled by hand in the same format, kept outside the
repository when its text may not be committed.

tests/parse/test_devset.py imports :func:`evaluate` and asserts issue 10's bars.
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from relbib.model import Citation, FullRef, Name, NoteCitations, Reference
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "parse" / "devset"
FIELDS = ("author", "title", "container", "year", "pages", "pin")


@dataclass
class Scores:
    """Counts of one part of the set (tuned or held back)."""

    notes: int = 0
    full: int = 0
    full_all_right: int = 0
    field_right: Counter[str] = field(default_factory=Counter)
    type_right: int = 0
    subsequent: int = 0
    antecedent_right: int = 0
    chain_right: int = 0
    comments: int = 0
    comments_no_entry: int = 0
    full_dropped: int = 0
    errors: list[str] = field(default_factory=list)

    def share(self, n: int, of: int) -> float:
        return n / of if of else 1.0

    def figures(self) -> dict[str, float]:
        out = {f"{name} accuracy": self.share(self.field_right[name], self.full) for name in FIELDS}
        out["type accuracy"] = self.share(self.type_right, self.full)
        out["full citations all fields right"] = self.share(self.full_all_right, self.full)
        out["right antecedent"] = self.share(self.antecedent_right, self.subsequent)
        out["chain ends at the right work"] = self.share(self.chain_right, self.subsequent)
        out["comments make no entry"] = self.share(self.comments_no_entry, self.comments)
        return out


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def evaluate(paths: list[Path] | None = None, *, by_style: dict[str, tuple[Scores, Scores]] | None = None
             ) -> tuple[Scores, Scores, float]:
    """(tuned part, held-back part, notes per second) over the dev set; with
    ``by_style`` also each style's own (tuned, held-back) scores."""
    tuned, held = Scores(), Scores()
    total_notes, elapsed = 0, 0.0
    for path in paths or sorted(DEVSET.glob("*.yaml")):
        doc = load(path)
        notes = [(int(note["n"]), str(note["text"])) for note in doc["notes"]]
        began = time.perf_counter()
        cited = [read_note(n, text) for n, text in notes]
        result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
        elapsed += time.perf_counter() - began
        total_notes += len(notes)
        by_note: dict[int, list[Citation]] = {}
        for c in result.citations:
            by_note.setdefault(c.note, []).append(c)
        style = by_style.setdefault(doc["style"], (Scores(), Scores())) if by_style is not None else None
        for gold, note in zip(doc["notes"], cited, strict=True):
            part = held if note.n % 5 == 0 else tuned
            _score_note(part, path.stem, gold, note, by_note.get(note.n, []))
            if style is not None:
                _score_note(style[note.n % 5 == 0], path.stem, gold, note, by_note.get(note.n, []))
    return tuned, held, (total_notes / elapsed if elapsed else 0.0)


def _score_note(scores: Scores, doc: str, gold: dict, note: NoteCitations,
                citations: list[Citation]) -> None:
    scores.notes += 1
    where = f"{doc} note {note.n}"
    cites = gold.get("cites") or []
    if not cites:
        scores.comments += 1
        if note.kind == "comment":
            scores.comments_no_entry += 1
        else:
            scores.errors.append(f"{where}: comment read as {len(note.citations)} citation(s)")
        return
    for i, want in enumerate(cites):
        form = want.get("form", "full")
        span = note.citations[i] if i < len(note.citations) else None
        citation = citations[i] if i < len(citations) else None
        if form == "full":
            scores.full += 1
            if span is None:
                scores.full_dropped += 1
                scores.errors.append(f"{where}.{i}: full citation dropped")
                continue
            _score_full(scores, f"{where}.{i}", want, span.reference, citation)
        else:
            scores.subsequent += 1
            _score_subsequent(scores, f"{where}.{i}", want, citation)


def _score_full(scores: Scores, where: str, want: dict, ref: Reference,
                citation: Citation | None) -> None:
    got = _fields_of(ref, citation)
    wrong = []
    for name in FIELDS:
        if _same(name, want.get(name), got.get(name)):
            scores.field_right[name] += 1
        else:
            wrong.append(f"{name}: {got.get(name)!r} not {want.get(name)!r}")
    if isinstance(ref, FullRef) and ref.type == want.get("type", ref.type):
        scores.type_right += 1
    if not wrong:
        scores.full_all_right += 1
    else:
        scores.errors.append(f"{where}: " + "; ".join(wrong))


def _score_subsequent(scores: Scores, where: str, want: dict, citation: Citation | None) -> None:
    if citation is None:
        scores.errors.append(f"{where}: subsequent reference missing")
        return
    ante = tuple(want["ante"]) if want.get("ante") else None
    work = tuple(want["work"]) if want.get("work") else None
    got_ante = (citation.refers_to, citation.refers_index) if citation.refers_to is not None else None
    got_work = (citation.source, citation.source_index) if citation.source is not None else None
    if got_ante == ante:
        scores.antecedent_right += 1
    else:
        scores.errors.append(f"{where}: antecedent {got_ante} not {ante} ({citation.rule})")
    if got_work == work:
        scores.chain_right += 1


def _fields_of(ref: Reference, citation: Citation | None) -> dict[str, str]:
    if not isinstance(ref, FullRef):
        return {}
    f = ref.fields
    names = f.get("author") or f.get("editor") or ()
    authors = "; ".join(_name(n) for n in names if isinstance(n, Name)) if isinstance(names, tuple) else ""
    container = next((str(f[k]) for k in ("journal", "booktitle", "howpublished") if f.get(k)), "")
    year = str(f.get("year") or str(f.get("date") or "")[:4])
    return {"author": authors, "title": str(f.get("title", "")), "container": container,
            "year": year, "pages": str(f.get("pages", "")), "pin": ref.pinpoint or ""}


def _name(name: Name) -> str:
    if name.literal:
        return "{" + name.family + "}"
    return f"{name.family}, {name.given}" if name.given else name.family


def _same(name: str, want: object, got: object) -> bool:
    return _norm(name, want) == _norm(name, got)


def _norm(name: str, value: object) -> str:
    text = unicodedata.normalize("NFC", str(value or ""))
    text = re.sub(r"[\u2010-\u2015\u2212]+|-+", "--", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u201c\u201d\"*_]", "", text)
    if name == "author":
        text = re.sub(r"[.\s]+", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:").casefold()


def _paths(args: list[str]) -> list[Path]:
    """The case files named on the command line (folders give their *.yaml)."""
    paths: list[Path] = []
    for arg in args:
        path = Path(arg)
        paths.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return paths or sorted(DEVSET.glob("*.yaml"))


def main() -> None:
    styles: dict[str, tuple[Scores, Scores]] = {}
    paths = _paths([a for a in sys.argv[1:] if not a.startswith("--")])
    tuned, held, speed = evaluate(paths, by_style=styles)
    print(f"footnote dev set: {tuned.notes + held.notes} notes in {len(paths)} documents")
    print(f"{'':38} {'tuned':>8} {'held back':>10}")
    print(f"{'notes':38} {tuned.notes:>8} {held.notes:>10}")
    print(f"{'full citations':38} {tuned.full:>8} {held.full:>10}")
    print(f"{'subsequent references':38} {tuned.subsequent:>8} {held.subsequent:>10}")
    print(f"{'comments':38} {tuned.comments:>8} {held.comments:>10}")
    for (name, a), b in zip(tuned.figures().items(), held.figures().values(), strict=True):
        print(f"{name:38} {a:>8.3f} {b:>10.3f}")
    print(f"{'full citations dropped as comments':38} {tuned.full_dropped:>8} {held.full_dropped:>10}")
    print(f"throughput: {speed:.0f} notes/s")
    print(f"\nper style (tuned / held back): {'notes':>9} {'all fields':>12} {'antecedent':>12} {'chain':>12}")
    for name, (a, b) in sorted(styles.items()):
        fa, fb = a.figures(), b.figures()
        print(f"{name:30} {a.notes:>4}/{b.notes:<4} "
              + " ".join(f"{fa[k]:>5.2f}/{fb[k]:<5.2f}" for k in
                         ("full citations all fields right", "right antecedent", "chain ends at the right work")))
    if "--show-errors" in sys.argv:
        for line in tuned.errors + ["--- held back ---"] + held.errors:
            print(line)


if __name__ == "__main__":
    main()
