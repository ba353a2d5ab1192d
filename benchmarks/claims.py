"""Precision and recall of each claim-aware rule on the hand-labelled seeds.

Runs relbib.claims.link over seeds/ (through the real ingest, parse, resolve and
library stages) and scores its links and judgements against
tests/claims/devset.json.  Usage:  .venv/bin/python benchmarks/claims.py
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from relbib.claims.link import link
from relbib.model import Citation, ConflictingFact, Essay, Form, LinkResult, Marker, Note

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "claims" / "devset.json"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_seeds() -> tuple[list[Essay], dict[str, tuple[Citation, ...]], dict[str, str]]:
    """Essays, their keyed citations and the works' dates, through relbib's own stages."""
    try:
        from relbib.library.core import make_library
        from relbib.pipeline import ingest_essays, update
    except ImportError as error:  # the ingest stages are built by another helper
        sys.exit(f"benchmarks/claims.py needs relbib.pipeline (ingest + library): {error}")
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    ingests = ingest_essays([(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))
                             for p in paths])
    result = update(make_library(), ingests)
    dates = {}
    for key, entry in result.library.sources.items():
        value = entry.fields.get("date") or entry.fields.get("year") or ""
        dates[key] = value if isinstance(value, str) else ""
    return [i.essay for i in ingests], dict(result.citations), dates


class Devset:
    def __init__(self, essays: Sequence[Essay], data: Mapping[str, object]) -> None:
        self.data = data
        ids = data["essays"]
        assert isinstance(ids, dict)
        self.ids: dict[str, str] = ids
        self.by_id = {e.id: e for e in essays}

    def sentence(self, ref: Mapping[str, str]) -> tuple[str, int]:
        """(essay id, sentence start) of the one sentence holding the quote."""
        essay = self.by_id[self.ids[ref["essay"]]]
        quote = _norm(ref["quote"])
        for s in essay.sentences:
            if quote in _norm(s.text) or _norm(s.text) in quote and len(_norm(s.text)) > 20:
                return essay.id, s.start
        raise LookupError(f"{ref['essay']}: no sentence holds {quote[:60]!r}")

    def items(self, name: str) -> list[dict[str, object]]:
        value = self.data[name]
        assert isinstance(value, list)
        return value


def note_keys(citations: Mapping[str, Sequence[Citation]], essay: str) -> dict[int, str]:
    return {c.note: c.key for c in citations.get(essay, ()) if c.key is not None}


def score(name: str, predicted: Iterable[object], expected: Iterable[object],
          negatives: Iterable[object] | None = None) -> tuple[float, float, int, int, int]:
    """(precision, recall, tp, fp, unlabelled) — with ``negatives`` only those count as fp."""
    got, want = set(predicted), set(expected)
    tp = len(got & want)
    if negatives is None:
        fp, unlabelled = len(got - want), 0
    else:
        neg = set(negatives)
        fp = len((got - want) & neg)
        unlabelled = len(got - want - neg)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / len(want) if want else float("nan")
    print(f"{name:26} precision {precision:5.2f}  recall {recall:5.2f}  "
          f"(tp {tp}, fp {fp}, expected {len(want)}, unlabelled {unlabelled})")
    return precision, recall, tp, fp, unlabelled


def main() -> int:
    essays, citations, dates = load_seeds()
    dev = Devset(essays, json.loads(DEVSET.read_text(encoding="utf-8")))
    main_id = dev.ids["001"]
    keys = note_keys(citations, main_id)
    result = link(essays, citations, work_dates=dates)
    labelled_essays = {dev.ids[k] for k in ("000", "002", "003", "004")}

    # uncited-supported-claim and supports: (sentence, key) pairs in the other essays
    expected_support = set()
    for item in dev.items("same_fact"):
        note = item["note"]
        assert isinstance(note, int) and isinstance(item["matches"], list)
        for match in item["matches"]:
            expected_support.add((*dev.sentence(match), keys[note]))
    in_scope = _labelled(result, labelled_essays)
    score("supports (links)",
          {(x.essay, x.start, x.key) for x in in_scope if x.relation == "supports"},
          expected_support)
    score("uncited-supported-claim",
          {(j.essay, j.start, j.keys[0]) for j in result.judgements
           if j.kind == "uncited-supported-claim" and j.essay in labelled_essays},
          expected_support)

    # conflicting-fact: unordered sentence pairs
    def pair(a: tuple[str, int], b: tuple[str, int]) -> frozenset[tuple[str, int]]:
        return frozenset({a, b})

    expected_conflicts = {pair(dev.sentence(c["a"]), dev.sentence(c["b"]))  # type: ignore[arg-type]
                          for c in dev.items("conflicts")}
    starts = {(e.id, s.line, _norm(s.text)): s.start for e in essays for s in e.sentences}
    predicted_conflicts = set()
    for j in result.judgements:
        if isinstance(j, ConflictingFact):
            other = starts[(j.evidence.essay, j.evidence.line, _norm(j.evidence.text))]
            predicted_conflicts.add(pair((j.essay, j.start), (j.evidence.essay, other)))
    score("conflicting-fact", predicted_conflicts, expected_conflicts)

    # citation-needed: positives and opinion negatives (+ the supported sentences)
    needed = {dev.sentence(x) for x in dev.items("citation_needed")}  # type: ignore[arg-type]
    opinion = {dev.sentence(x) for x in dev.items("opinion")}  # type: ignore[arg-type]
    supported = {(e, s) for e, s, _ in expected_support}
    flagged = {(j.essay, j.start) for j in result.judgements if j.kind == "citation-needed"}
    score("citation-needed", flagged, needed, negatives=opinion | supported)
    print(f"{'':26} opinion sentences flagged: {len(flagged & opinion)} of {len(opinion)}")

    # unsupported-citation: the real notes are negatives; each swap is one positive
    negatives = {(j.essay, j.start) for j in result.judgements if j.kind == "unsupported-citation"}
    tp = fp = 0
    for swap in dev.items("swaps"):
        flagged_swap, target = _run_swap(dev, essays, citations, dates, keys, swap)
        tp += target in flagged_swap
        fp += len(flagged_swap - {target})
    fp += len(negatives)
    swaps = len(dev.items("swaps"))
    precision = tp / (tp + fp) if tp + fp else float("nan")
    print(f"{'unsupported-citation':26} precision {precision:5.2f}  recall {tp / swaps:5.2f}  "
          f"(tp {tp}, fp {fp} of which {len(negatives)} on the real notes, expected {swaps})")
    return 0


def _labelled(result: LinkResult, essays: set[str]) -> list:  # type: ignore[type-arg]
    return [x for x in result.links if x.essay in essays]


def _run_swap(dev: Devset, essays: list[Essay], citations: dict[str, tuple[Citation, ...]],
              dates: dict[str, str], keys: dict[int, str],
              swap: Mapping[str, object]) -> tuple[set[tuple[str, int]], tuple[str, int]]:
    """Cite another note's work for a sentence; return the flagged sentences and the target."""
    main_id = dev.ids["001"]
    new_key = keys[int(swap["cite_as_note"])]  # type: ignore[call-overload]
    essays = list(essays)
    cites = dict(citations)
    if "essay" in swap or "swap_in_essay" in swap:
        ref = {"essay": str(swap["swap_in_essay"]), "quote": str(swap["quote"])}
        essay_id, start = dev.sentence(ref)
        index = next(i for i, e in enumerate(essays) if e.id == essay_id)
        essay = essays[index]
        sentence = next(s for s in essay.sentences if s.start == start)
        n = max((note.n for note in essay.notes), default=0) + 1
        marker = Marker(n=n, start=sentence.end, end=sentence.end, line=sentence.line, column=1)
        note = Note(n=n, text="(swapped)", start=len(essay.text), end=len(essay.text),
                    line=sentence.line, marker=marker, claim=sentence)
        essays[index] = dataclasses.replace(essay, notes=(*essay.notes, note))
        cites[essay_id] = (*cites.get(essay_id, ()), Citation(
            note=n, key=new_key, form=Form.FULL, pinpoint=None, refers_to=None, rule="swap"))
        target = (essay_id, start)
    else:
        number = int(swap["note"])  # type: ignore[call-overload]
        cites[main_id] = tuple(dataclasses.replace(c, key=new_key) if c.note == number else c
                               for c in cites[main_id])
        essay = dev.by_id[main_id]
        note = next(x for x in essay.notes if x.n == number)
        assert note.claim is not None
        target = (main_id, next(s.start for s in essay.sentences
                                if s.start <= note.claim.start < s.end))
    result = link(essays, cites, work_dates=dates)
    return {(j.essay, j.start) for j in result.judgements
            if j.kind == "unsupported-citation"}, target


if __name__ == "__main__":
    raise SystemExit(main())
