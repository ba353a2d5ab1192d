"""Precision and recall of each claim-aware rule on both hand-labelled dev sets, side by side.

The seeds (seeds/, gold tests/claims/devset.json) and the non-seed dev set
(tests/claims/devset_general/: 21 essays on three subjects, gold in gold.json)
run through relbib's real ingest, parse, resolve and library stages, then
relbib.claims.link.  Reported for each: precision and recall of supports,
uncited-supported-claim, conflicting-fact, citation-needed and
unsupported-citation, and Recall@5 and MRR of the suggested sources.

On the non-seed set, supports are measured by holding out one document's
citations at a time: each sentence that cited a work which another document
cites for the same claim (co-citation, minus the hand-checked exclusions in
gold.json) must get that work back as a suggestion, and so must the
hand-checked paraphrases and partial supports.  A suggestion for a cited
sentence of a work it did not cite, and not in the gold, is a false positive.

On the seeds it also counts the footnoted claims of essay 001 linked to their
note's work and not flagged ("cited claims").  The drafts (tests/claims/drafts/)
are judged as `relbib check` judges one: drafts.json (also on its first
labels) and drafts_more.json, apart and pooled.

Usage:  .venv/bin/python benchmarks/claims.py
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from relbib.claims.index import source_claims
from relbib.claims.link import Thresholds, link
from relbib.model import (
    Citation,
    ConflictingFact,
    Essay,
    Form,
    LinkResult,
    Marker,
    Note,
    Sentence,
    Span,
)

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "claims" / "devset.json"
GENERAL = ROOT / "tests" / "claims" / "devset_general"
# a threshold low enough that every scored candidate becomes a link: for ranking
RANK_ALL = Thresholds(support=1e-6)
Score = dict[str, float]
Pair = frozenset[tuple[str, int]]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load(sources: Sequence[tuple[str, str]]) -> tuple[
        list[Essay], dict[str, tuple[Citation, ...]], dict[str, str]]:
    """Essays, their keyed citations and the works' dates, through relbib's own stages."""
    try:
        from relbib.library.core import make_library
        from relbib.pipeline import ingest_essays, update
    except ImportError as error:  # the ingest stages are built by another helper
        sys.exit(f"benchmarks/claims.py needs relbib.pipeline (ingest + library): {error}")
    ingests = ingest_essays(sources)
    result = update(make_library(), ingests)
    dates = {}
    for key, entry in result.library.sources.items():
        value = entry.fields.get("date") or entry.fields.get("year") or ""
        dates[key] = value if isinstance(value, str) else ""
    return [i.essay for i in ingests], dict(result.citations), dates


def load_seeds() -> tuple[list[Essay], dict[str, tuple[Citation, ...]], dict[str, str]]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    return load([(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in paths])


def rate(tp: int, fp: int, expected: int) -> Score:
    return {"precision": tp / (tp + fp) if tp + fp else math.nan,
            "recall": tp / expected if expected else math.nan,
            "tp": tp, "fp": fp, "expected": expected}


def score(predicted: Iterable[object], expected: Iterable[object],
          negatives: Iterable[object] | None = None) -> Score:
    """Precision and recall; with ``negatives`` only those count as false positives."""
    got, want = set(predicted), set(expected)
    tp = len(got & want)
    fp = len(got - want) if negatives is None else len((got - want) & set(negatives))
    out = rate(tp, fp, len(want))
    out["unlabelled"] = len(got - want) - fp
    return out


def ranking(result: LinkResult, gold: Iterable[tuple[str, int, str]]) -> Score:
    """Recall@5 and MRR of the gold (sentence, key) pairs among each sentence's suggestions."""
    ranked: dict[tuple[str, int], list[str]] = defaultdict(list)
    for x in sorted((x for x in result.links if x.relation == "supports"),
                    key=lambda x: -x.score):
        if x.key not in ranked[(x.essay, x.start)]:
            ranked[(x.essay, x.start)].append(x.key)
    hits, reciprocal, n = 0, 0.0, 0
    for essay, start, key in gold:
        n += 1
        keys = ranked.get((essay, start), [])
        if key in keys:
            rank = keys.index(key) + 1
            hits += rank <= 5
            reciprocal += 1 / rank
    return {"recall@5": hits / n if n else math.nan, "mrr": reciprocal / n if n else math.nan}


def conflict_pairs(result: LinkResult, essays: Sequence[Essay]) -> set[Pair]:
    starts = {(e.id, s.line, _norm(s.text)): s.start for e in essays for s in e.sentences}
    out: set[Pair] = set()
    for j in result.judgements:
        if isinstance(j, ConflictingFact):
            other = starts.get((j.evidence.essay, j.evidence.line, _norm(j.evidence.text)))
            if other is not None:
                out.add(frozenset({(j.essay, j.start), (j.evidence.essay, other)}))
    return out


def unsupported_flags(result: LinkResult) -> set[tuple[str, int]]:
    return {(j.essay, j.start) for j in result.judgements if j.kind == "unsupported-citation"}


# --- the seeds ----------------------------------------------------------------


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
        return essay.id, sentence_of(essay, ref["quote"])

    def items(self, name: str) -> list[dict[str, object]]:
        value = self.data[name]
        assert isinstance(value, list)
        return value


def sentence_of(essay: Essay, quote: str) -> int:
    quote = _norm(quote)
    for s in essay.sentences:
        if quote in _norm(s.text) or _norm(s.text) in quote and len(_norm(s.text)) > 20:
            return s.start
    raise LookupError(f"{essay.id}: no sentence holds {quote[:60]!r}")


def note_keys(citations: Mapping[str, Sequence[Citation]], essay: str) -> dict[int, str]:
    return {c.note: c.key for c in citations.get(essay, ()) if c.key is not None}


def seeds() -> dict[str, Score]:
    essays, citations, dates = load_seeds()
    dev = Devset(essays, json.loads(DEVSET.read_text(encoding="utf-8")))
    keys = note_keys(citations, dev.ids["001"])
    result = link(essays, citations, work_dates=dates)
    labelled = {dev.ids[k] for k in ("000", "002", "003", "004")}
    expected_support = set()
    for item in dev.items("same_fact"):
        assert isinstance(item["matches"], list)
        for match in item["matches"]:
            expected_support.add((*dev.sentence(match), keys[int(item["note"])]))  # type: ignore[call-overload]
    out = {
        "supports": score({(x.essay, x.start, x.key) for x in result.links
                           if x.relation == "supports" and x.essay in labelled}, expected_support),
        "uncited-supported-claim": score(
            {(j.essay, j.start, j.keys[0]) for j in result.judgements
             if j.kind == "uncited-supported-claim" and j.essay in labelled}, expected_support),
        "conflicting-fact": score(conflict_pairs(result, essays), {
            frozenset({dev.sentence(c["a"]), dev.sentence(c["b"])})  # type: ignore[arg-type]
            for c in dev.items("conflicts")}),
    }
    needed = {dev.sentence(x) for x in dev.items("citation_needed")}  # type: ignore[arg-type]
    opinion = {dev.sentence(x) for x in dev.items("opinion")}  # type: ignore[arg-type]
    flagged = {(j.essay, j.start) for j in result.judgements if j.kind == "citation-needed"}
    out["citation-needed"] = score(flagged, needed,
                                   negatives=opinion | {(e, s) for e, s, _ in expected_support})
    real = unsupported_flags(result)
    tp, fp = 0, len(real)
    for swap in dev.items("swaps"):
        got, target = _seed_swap(dev, essays, citations, dates, keys, swap)
        tp += target in got
        fp += len(got - {target})
    out["unsupported-citation"] = rate(tp, fp, len(dev.items("swaps")))
    out["unsupported-citation"]["on real notes"] = len(real)
    out["suggestions"] = ranking(link(essays, citations, work_dates=dates, thresholds=RANK_ALL),
                                 expected_support)
    out["cited claims"] = cited_claims(dev, keys, result)
    return out


def cited_claims(dev: Devset, keys: Mapping[int, str], result: LinkResult) -> Score:
    """Of the footnoted claims of essay 001: how many link the sentence holding the
    claim to the note's work (an Ibid. to its earlier note's work) and are not flagged."""
    cited = {(x.essay, x.start, x.key) for x in result.links if x.relation == "cited"}
    flagged = unsupported_flags(result)
    right = 0
    notes = dev.items("notes")
    for note in notes:
        essay_id, start = dev.sentence({"essay": "001", "quote": str(note["claim"])})
        key = keys.get(int(note["n"]))  # type: ignore[call-overload]
        same = note.get("same_as")
        if key is None or (same is not None and keys.get(int(same)) != key):  # type: ignore[call-overload]
            continue
        right += (essay_id, start, key) in cited and (essay_id, start) not in flagged
    return {"right": right, "of": len(notes)}


def _seed_swap(dev: Devset, essays: list[Essay], citations: dict[str, tuple[Citation, ...]],
               dates: dict[str, str], keys: dict[int, str],
               swap: Mapping[str, object]) -> tuple[set[tuple[str, int]], tuple[str, int]]:
    """Cite another note's work for a sentence; return the flagged sentences and the target."""
    main_id = dev.ids["001"]
    new_key = keys[int(swap["cite_as_note"])]  # type: ignore[call-overload]
    essays = list(essays)
    cites = dict(citations)
    if "swap_in_essay" in swap:
        essay_id, start = dev.sentence({"essay": str(swap["swap_in_essay"]),
                                        "quote": str(swap["quote"])})
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
        target = (main_id, _note_sentence(dev.by_id[main_id], number))
    return unsupported_flags(link(essays, cites, work_dates=dates)), target


def _note_sentence(essay: Essay, number: int) -> int:
    note = next(x for x in essay.notes if x.n == number)
    assert note.claim is not None
    return next(s.start for s in essay.sentences if s.start <= note.claim.start < s.end)


# --- the non-seed dev set -------------------------------------------------------


class General:
    """The non-seed essays, their citations and gold.json, addressed by <subject>/<stem>."""

    def __init__(self) -> None:
        paths = sorted(GENERAL.glob("*/*.md"))
        names = [f"{p.parent.name}/{p.stem}" for p in paths]
        self.essays, self.citations, self.dates = load(
            [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in paths])
        self.id = {name: e.id for name, e in zip(names, self.essays, strict=True)}
        self.by_id = {e.id: e for e in self.essays}
        self.gold = json.loads((GENERAL / "gold.json").read_text(encoding="utf-8"))

    def sentence(self, ref: Mapping[str, str]) -> tuple[str, int]:
        essay = self.by_id[self.id[ref["doc"]]]
        return essay.id, sentence_of(essay, ref["quote"])

    def key(self, ref: Mapping[str, object]) -> str:
        return note_keys(self.citations, self.id[str(ref["doc"])])[int(ref["note"])]  # type: ignore[call-overload]

    def note_sentence(self, essay_id: str, n: int) -> int:
        return _note_sentence(self.by_id[essay_id], n)

    def supports_gold(self) -> dict[str, set[tuple[str, int, str]]]:
        """essay id → its gold (sentence, key) pairs: co-citation and hand-checked."""
        excluded = {(self.id[x["doc"]], x["note"]) for x in self.gold["cocitation_excluded"]}
        citing: dict[str, set[str]] = defaultdict(set)
        for essay_id, cites in self.citations.items():
            for c in cites:
                if c.key is not None:
                    citing[c.key].add(essay_id)
        out: dict[str, set[tuple[str, int, str]]] = defaultdict(set)
        for essay_id, cites in self.citations.items():
            for c in cites:
                if c.key and (essay_id, c.note) not in excluded and citing[c.key] - {essay_id}:
                    out[essay_id].add((essay_id, self.note_sentence(essay_id, c.note), c.key))
        for item in self.gold["hand_supports"]:
            essay_id, start = self.sentence(item["a"])
            out[essay_id].add((essay_id, start, self.key(item["work"])))
        return out

    def cited_keys(self, essay_id: str) -> dict[int, set[str]]:
        """sentence start → the keys its notes cite."""
        out: dict[int, set[str]] = defaultdict(set)
        for c in self.citations.get(essay_id, ()):
            if c.key:
                out[self.note_sentence(essay_id, c.note)].add(c.key)
        return out


def general() -> dict[str, Score]:
    g = General()
    gold = g.supports_gold()
    opinion = {g.sentence(x) for x in g.gold["opinion"]}
    hand = {g.sentence(x["a"]) for x in g.gold["hand_supports"]}
    tp = fp = 0
    usc_tp = usc_fp = 0
    expected = sum(len(v) for v in gold.values())
    ranks: list[tuple[float, float, int]] = []
    for essay in g.essays:
        held_out = {**g.citations, essay.id: ()}
        want, cited = gold.get(essay.id, set()), g.cited_keys(essay.id)
        result = link(g.essays, held_out, work_dates=g.dates)
        for kind, pairs in (("links", {(x.essay, x.start, x.key) for x in result.links
                                       if x.relation == "supports" and x.essay == essay.id}),
                            ("judgements", {(j.essay, j.start, j.keys[0]) for j in result.judgements
                                            if j.kind == "uncited-supported-claim"
                                            and j.essay == essay.id})):
            good = len(pairs & want)
            bad = sum(1 for e, s, k in pairs - want
                      if (s in cited and k not in cited[s]) or (e, s) in opinion | hand)
            if kind == "links":
                tp, fp = tp + good, fp + bad
            else:
                usc_tp, usc_fp = usc_tp + good, usc_fp + bad
        if want:
            r = ranking(link(g.essays, held_out, work_dates=g.dates, thresholds=RANK_ALL), want)
            ranks.append((r["recall@5"], r["mrr"], len(want)))
    n = sum(w for _, _, w in ranks)
    out = {"supports": rate(tp, fp, expected),
           "uncited-supported-claim": rate(usc_tp, usc_fp, expected)}
    out.update(_general_full_run(g, opinion | hand))
    out["suggestions"] = {"recall@5": sum(r * w for r, _, w in ranks) / n,
                          "mrr": sum(m * w for _, m, w in ranks) / n}
    return out


def _general_full_run(g: General, not_needed: set[tuple[str, int]]) -> dict[str, Score]:
    result = link(g.essays, g.citations, work_dates=g.dates)
    ambiguous = {g.sentence(x["a"]) for x in g.gold["ambiguous_conflicts"]}
    predicted = {p for p in conflict_pairs(result, g.essays) if not p & ambiguous}
    out = {"conflicting-fact": score(predicted, {
        frozenset({g.sentence(c["a"]), g.sentence(c["b"])}) for c in g.gold["conflicts"]})}
    flagged = {(j.essay, j.start) for j in result.judgements if j.kind == "citation-needed"}
    out["citation-needed"] = score(flagged, {g.sentence(x) for x in g.gold["citation_needed"]},
                                   negatives=not_needed)
    real = unsupported_flags(result)
    tp, fp = 0, len(real)
    for swap in g.gold["swaps"]:
        essay_id, new_key = g.id[swap["doc"]], g.key(swap["cite_as"])
        cites = {**g.citations, essay_id: tuple(
            dataclasses.replace(c, key=new_key) if c.note == swap["note"] else c
            for c in g.citations[essay_id])}
        got = unsupported_flags(link(g.essays, cites, work_dates=g.dates))
        target = (essay_id, g.note_sentence(essay_id, swap["note"]))
        tp += target in got
        fp += len(got - {target})
    out["unsupported-citation"] = rate(tp, fp, len(g.gold["swaps"]))
    out["unsupported-citation"]["on real notes"] = len(real)
    return out


# --- drafts ---------------------------------------------------------------------

DRAFTS = ROOT / "tests" / "claims" / "drafts" / "drafts.json"
# self-written drafts added before tuning, scored apart from the first three (issue 13)
MORE_DRAFTS = ROOT / "tests" / "claims" / "drafts" / "drafts_more.json"
DRAFT_KINDS = ("unsupported-citation", "conflicting-fact", "uncited-supported-claim",
               "citation-needed")
_SENTENCE = re.compile(r"[^.!?]+[.!?]+")


def draft_essay(essay_id: str, text: str, cites: Mapping[int, int]) -> Essay:
    """A one-paragraph draft; ``cites`` maps a sentence index to its note number."""
    sentences = [Sentence(text=m.group(0).strip(), start=m.start() + len(m.group(0))
                          - len(m.group(0).lstrip()), end=m.end(), line=1, paragraph=0)
                 for m in _SENTENCE.finditer(text)]
    notes = []
    for index, n in cites.items():
        s = sentences[index]
        marker = Marker(n=n, start=s.end, end=s.end, line=1, column=1)
        notes.append(Note(n=n, text="", start=len(text), end=len(text), line=1,
                          marker=marker, claim=s))
    return Essay(id=essay_id, path=essay_id, title="", authors=(), venue="", date="",
                 text=text, offset_map=(), paragraphs=(Span(start=0, end=len(text)),),
                 sentences=tuple(sentences), body_end=len(text), notes=tuple(notes), markers=())


def drafts(general: General | None = None, path: Path = DRAFTS,
           first_labels: bool = False) -> Score:
    """Findings on the hand-labelled drafts, judged against the non-seed library as
    `relbib check` judges a draft; ``false alarms``: correct citations flagged.
    ``first_labels``: score against the labels written before the first run only."""
    g = general or General()
    known = source_claims(g.essays, g.citations)
    data = json.loads(path.read_text(encoding="utf-8"))
    tp = fp = expected = alarms = 0
    for draft in data["drafts"]:
        notes = {int(i): n + 1 for n, i in enumerate(draft["cites"])}
        essay = draft_essay(draft["id"], draft["text"], notes)
        citations = tuple(Citation(note=n + 1, key=key, form=Form.FULL, pinpoint=None,
                                   refers_to=None, rule="draft")
                          for n, key in enumerate(draft["cites"].values()))
        result = link([essay], {essay.id: citations}, library_claims=known,
                      work_dates=g.dates, conflicts_with_claims=True, own_claims=False)
        index = {s.start: k for k, s in enumerate(essay.sentences)}
        got = {(j.kind, index[j.start]) for j in result.judgements if j.kind in DRAFT_KINDS}
        want = {(x["kind"], x["sentence"]) for x in draft["expect"]
                if not (first_labels and "added" in x)}
        tp, fp, expected = tp + len(got & want), fp + len(got - want), expected + len(want)
        alarms += sum(1 for kind, k in got - want
                      if kind == "unsupported-citation" and k in notes)
    out = rate(tp, fp, expected)
    out["false alarms"] = alarms
    return out


def _sum(*scores: Score) -> Score:
    """Pooled figures of several draft sets."""
    tp, fp, expected = (sum(int(s[k]) for s in scores) for k in ("tp", "fp", "expected"))
    out = rate(tp, fp, expected)
    out["false alarms"] = sum(s["false alarms"] for s in scores)
    return out


# --- report ---------------------------------------------------------------------

ROWS = ("supports", "uncited-supported-claim", "conflicting-fact", "citation-needed",
        "unsupported-citation")


def _cell(s: Score) -> str:
    return (f"P {s['precision']:4.2f} R {s['recall']:4.2f} "
            f"({int(s['tp'])}/{int(s['expected'])}, fp {int(s['fp'])})")


def main() -> int:
    g = General()
    draft_rows = {"first three, first labels": drafts(g, first_labels=True),
                  "first three": drafts(g), "seven more": drafts(g, MORE_DRAFTS)}
    draft_rows = {"findings": _sum(draft_rows["first three"], draft_rows["seven more"]),
                  **draft_rows}
    both = {"seeds": seeds(), "general": general(), "drafts": draft_rows}
    print(f"{'rule':25} {'seeds':32} {'non-seed (tests/claims/devset_general)'}")
    for row in ROWS:
        print(f"{row:25} {_cell(both['seeds'][row]):32} {_cell(both['general'][row])}")
    c = both["seeds"]["cited claims"]
    print(f"{'cited claims of 001':25} {int(c['right'])}/{int(c['of'])} linked to their note's "
          "work, none flagged")
    s, g = both["seeds"]["suggestions"], both["general"]["suggestions"]
    seed_cell = f"R@5 {s['recall@5']:.2f} MRR {s['mrr']:.2f}"
    print(f"{'suggestions':25} {seed_cell:32} R@5 {g['recall@5']:.2f} MRR {g['mrr']:.2f}")
    for name, d in both["drafts"].items():
        print(f"{'drafts: ' + name:36} {_cell(d)}, correct citations flagged "
              f"unsupported: {int(d['false alarms'])}")
    print(json.dumps(both, default=lambda x: None, allow_nan=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
