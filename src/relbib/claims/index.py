"""Preparing one linking run: sentences, known claims, their facts, vectors and indexes.

Input: ingested essays, each essay's resolved citations (note → key), the
claims the library already holds, the aliases the library taught, and a
person's decisions.
Output: a :class:`~relbib.claims.context.Corpus` and
:class:`~relbib.claims.context.Verdicts`.
Never: judge anything, read files, or compare every sentence with every other
(the indexes are inverted: a query reads only the postings of its terms).
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import overload

from relbib import collector
from relbib.claims.context import Corpus, Status, Thresholds, Unit, Verdicts, quote_key
from relbib.claims.facts import Facts, extract_facts
from relbib.claims.figures import DateFact
from relbib.claims.glosses import Aliases
from relbib.claims.retrieval import Index, Vectors, Vocabulary, concepts, terms
from relbib.model import Citation, Decision, Essay, Note, Sentence, SourceClaim


def source_claims(essays: Sequence[Essay],
                  citations: Mapping[str, Sequence[Citation]]) -> tuple[SourceClaim, ...]:
    """What the notes say each source supports: one claim per resolved note."""
    out: list[SourceClaim] = []
    for essay in essays:
        notes = {note.n: note for note in essay.notes}
        for citation in citations.get(essay.id, ()):
            note = notes.get(citation.note)
            if citation.key is None or note is None or note.claim is None:
                continue
            claim = note.claim
            out.append(SourceClaim(key=citation.key, pinpoint=citation.pinpoint, text=claim.text,
                                   essay=essay.id, line=claim.line, start=claim.start,
                                   end=claim.end, note=citation.note))
    return tuple(out)


def units(essays: Sequence[Essay], citations: Mapping[str, Sequence[Citation]]) -> list[Unit]:
    """Every body sentence of every essay with the (key, pinpoint, note) its notes cite."""
    out: list[Unit] = []
    for essay in essays:
        by_note: dict[int, list[Citation]] = defaultdict(list)
        for c in citations.get(essay.id, ()):
            if c.key is not None:
                by_note[c.note].append(c)
        sentences = essay.sentences
        starts = [s.start for s in sentences]
        ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
        cited: list[list[tuple[str, str | None, int]]] = [[] for _ in sentences]
        for note in essay.notes:
            own = by_note.get(note.n, [])  # a note may cite several works
            if not own:
                continue
            for k in _sentences_of(note, sentences, starts if ordered else None):
                cited[k].extend((c.key, c.pinpoint, note.n) for c in own if c.key is not None)
        for k, sentence in enumerate(sentences):
            if sentence.start >= essay.body_end:
                continue  # the notes section is not a claim
            out.append(Unit(essay=essay, sentence=sentence, cited=tuple(cited[k])))
    return out


def _sentences_of(note: Note, sentences: Sequence[Sentence],
                  starts: Sequence[int] | None) -> list[int]:
    """Indexes of the sentences holding the note's marker or overlapping its claim.

    Sentences are in text order, so two bisections find them (a long draft
    has thousands of notes: comparing each with every sentence is quadratic).
    """
    if starts is None:  # not in text order: look at every sentence
        return [k for k, s in enumerate(sentences) if _holds(note, s)]
    lo, hi = len(sentences), 0
    if note.marker is not None:
        k = bisect_right(starts, note.marker.start) - 1
        lo, hi = max(k - 1, 0), k + 2
    if note.claim is not None:
        lo = min(lo, max(bisect_right(starts, note.claim.start) - 2, 0))
        hi = max(hi, bisect_right(starts, note.claim.end) + 1)
    return [k for k in range(lo, min(hi, len(sentences))) if _holds(note, sentences[k])]


def _holds(note: Note, sentence: Sentence) -> bool:
    inside_marker = note.marker is not None and (
        sentence.start <= note.marker.start < sentence.end + 1)
    inside_claim = note.claim is not None and (
        note.claim.start < sentence.end and sentence.start < note.claim.end)
    return inside_marker or inside_claim


def _context_dates(found: Sequence[Unit], facts: Sequence[Facts]) -> list[tuple[DateFact, ...]]:
    """Each sentence's dates, or those of the last dated sentence before it in its paragraph."""
    out: list[tuple[DateFact, ...]] = []
    previous: tuple[DateFact, ...] = ()
    for i, unit in enumerate(found):
        if i == 0 or found[i - 1].essay is not unit.essay or (
                found[i - 1].sentence.paragraph != unit.sentence.paragraph):
            previous = ()
        if facts[i].dates:
            previous = facts[i].dates
        out.append(previous)
    return out


def _claim_dates(claims: Sequence[SourceClaim], claim_facts: Sequence[Facts],
                 found: Sequence[Unit],
                 unit_dates: Sequence[tuple[DateFact, ...]]) -> list[tuple[DateFact, ...]]:
    """Each claim's own dates, or the narrative dates of the sentence holding it."""
    starts: dict[str, tuple[list[int], list[int]]] = {}
    for i, u in enumerate(found):
        offsets, indices = starts.setdefault(u.essay.id, ([], []))
        offsets.append(u.sentence.start)
        indices.append(i)
    out: list[tuple[DateFact, ...]] = []
    for claim, facts in zip(claims, claim_facts, strict=True):
        if facts.dates or claim.essay not in starts:
            out.append(facts.dates)
            continue
        # a note mid-sentence claims part of it: the sentence starting at or before
        offsets, indices = starts[claim.essay]
        k = bisect_right(offsets, claim.start) - 1
        out.append(unit_dates[indices[k]] if k >= 0 else ())
    return out


def essay_ranges(found: Sequence[Unit]) -> list[range]:
    """The units of each essay: consecutive, as :func:`units` makes them."""
    out: list[range] = []
    start = 0
    for i in range(1, len(found) + 1):
        if i == len(found) or found[i].essay is not found[start].essay:
            out.append(range(start, i))
            start = i
    return out


def _paragraph_ids(found: Sequence[Unit], facts: Sequence[Facts],
                   ) -> tuple[tuple[int, ...], tuple[frozenset[str], ...], list[range]]:
    """Each sentence's paragraph (numbered as they first appear), each paragraph's
    names, and the documents whose vectors :func:`vector_block` can make on their
    own: each essay's units, unless a paragraph of an earlier one goes on in it
    (two essays with one id), which then joins the earlier."""
    ids: dict[tuple[str, int], int] = {}
    names: list[set[str]] = []
    of: list[int] = []
    starts: list[tuple[int, int]] = []  # where each essay starts, and the paragraphs before it
    for essay in essay_ranges(found):
        starts.append((essay.start, len(ids)))
        for i in essay:
            p = ids.setdefault((found[i].essay.id, found[i].sentence.paragraph), len(ids))
            if p == len(names):
                names.append(set())
            names[p].update(facts[i].names)
            of.append(p)
    lowest = list(accumulate(reversed(of), min))[::-1]  # the lowest paragraph from each unit on
    cuts = [i for i, before in starts if lowest[i] >= before]
    documents = [range(a, b) for a, b in zip(cuts, [*cuts[1:], len(found)], strict=True)]
    return tuple(of), tuple(frozenset(n) for n in names), documents


@dataclass(frozen=True, slots=True, kw_only=True)
class Vectorising:
    """What :func:`vector_block` reads, shared by every document of a run."""

    vocabulary: Vocabulary
    terms: Sequence[list[str]]  # each sentence's terms
    paragraphs: Sequence[int]  # each sentence's paragraph


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One document's sentence vectors, and its paragraphs' (in the order they first appear)."""

    vectors: Vectors
    paragraph_vectors: Vectors


def vector_block(shared: Vectorising, units: range) -> Block:
    """The TF-IDF vectors of ``units``' sentences, and of their paragraphs: the
    sentences' vectors summed and normalised."""
    vectors = Vectors()
    sums: dict[int, defaultdict[int, float]] = {}
    for i in units:
        vector = shared.vocabulary.vector(shared.terms[i])
        vectors.append(vector)
        total = sums.get(shared.paragraphs[i])
        if total is None:
            total = sums[shared.paragraphs[i]] = defaultdict(float)
        for term, weight in vector.items():
            total[term] += weight
    normed = Vectors()
    for total in sums.values():
        norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
        normed.append({term: w / norm for term, w in total.items()})
    return Block(vectors=vectors, paragraph_vectors=normed)


def _judged(found: Sequence[Unit]) -> tuple[Unit, ...]:
    """The units as judging reads them: each essay only its id, path and text (a
    judgement's column), not its notes, sentences or offset map, which every worker
    would otherwise hold for every essay of the run."""
    slim: dict[str, Essay] = {}
    out = []
    for unit in found:
        essay = slim.get(unit.essay.id)
        if essay is None or essay.path != unit.essay.path:
            essay = slim[unit.essay.id] = replace(
                unit.essay, authors=(), offset_map=(), paragraphs=(), sentences=(), notes=(),
                markers=())
        out.append(Unit(essay=essay, sentence=unit.sentence, cited=unit.cited))
    return tuple(out)


class WordSets(Sequence[frozenset[str]]):
    """Sets of words (each sentence's concepts) as word numbers in flat arrays.

    A frozenset per sentence took ~0.9 kB in every worker, each word a string
    of its own; here a word is held once and a sentence's set is 4 bytes a
    word.  ``sets[i]`` is the set again (a new frozenset, equal to the one given).
    """

    __slots__ = ("_ends", "_ids", "_words")

    def __init__(self, sets: Iterable[Iterable[str]], words: list[str]) -> None:
        self._words = words  # shared by the run's WordSets: pickled once
        number = {w: n for n, w in enumerate(words)}
        self._ids, self._ends = array("i"), array("q")
        for found in sets:
            for word in found:
                if word not in number:
                    number[word] = len(words)
                    words.append(word)
                self._ids.append(number[word])
            self._ends.append(len(self._ids))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> frozenset[str]: ...

    @overload
    def __getitem__(self, i: slice) -> list[frozenset[str]]: ...

    def __getitem__(self, i: int | slice) -> frozenset[str] | list[frozenset[str]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self._ends)
        end = self._ends[i]
        return frozenset(map(self._words.__getitem__, self._ids[self._ends[i - 1] if i else 0:end]))

    def __iter__(self) -> Iterator[frozenset[str]]:
        return (self[i] for i in range(len(self)))


def _essay_names(found: Sequence[Unit], facts: Sequence[Facts]) -> dict[str, frozenset[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for unit, fact in zip(found, facts, strict=True):
        names[unit.essay.id].update(fact.names)
    return {essay: frozenset(n) for essay, n in names.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """One sentence or claim read on its own, before the run's vocabulary is known:
    the part of :func:`corpus` that can be done document by document (relbib.parallel)."""

    facts: Facts
    terms: tuple[str, ...]
    concepts: frozenset[str]


def analyse(text: str, aliases: Aliases) -> Analysis:
    """The facts, terms and concepts of one sentence or claim."""
    facts = aliases.apply(extract_facts(text))
    return Analysis(facts=facts, terms=tuple(terms(text, facts)), concepts=concepts(text))


def subject_names(claim_facts: Sequence[Facts], share: float, least: int) -> frozenset[str]:
    """The names at least ``share`` of the claims (and ``least`` of them) mention."""
    counts = Counter(name for facts in claim_facts for name in facts.names)
    floor = max(least, share * len(claim_facts))
    return frozenset(name for name, n in counts.items() if n >= floor)


@collector.paused()  # a million sentences' vectors and sets: the collector doubled the time
def corpus(found: Sequence[Unit], claims: Sequence[SourceClaim], aliases: Aliases, *,
           analysed: Sequence[Analysis] | None = None,
           limits: Thresholds | None = None,
           vectorise: Callable[[Vectorising, list[range]], list[Block]] | None = None) -> Corpus:
    """Facts, narrative dates, TF-IDF vectors and the two indexes of one run.

    ``analysed``: each unit's, then each claim's :func:`analyse`, if already
    made (on other processes); else they are made here.  ``vectorise``: each
    document's :func:`vector_block`, in order, made elsewhere; else here.
    """
    if analysed is None:
        analysed = [analyse(t, aliases)
                    for t in (*(u.sentence.text for u in found), *(c.text for c in claims))]
    unit_facts = [a.facts for a in analysed[:len(found)]]
    unit_dates = _context_dates(found, unit_facts)
    claim_facts = [a.facts for a in analysed[len(found):]]
    unit_terms = [list(a.terms) for a in analysed[:len(found)]]
    claim_terms = [list(a.terms) for a in analysed[len(found):]]
    vocabulary = Vocabulary(unit_terms + claim_terms)
    paragraph_of, paragraph_names, documents = _paragraph_ids(found, unit_facts)
    shared = Vectorising(vocabulary=vocabulary, terms=unit_terms, paragraphs=paragraph_of)
    blocks = (vectorise(shared, documents) if vectorise is not None
              else [vector_block(shared, r) for r in documents])
    vectors, paragraph_vectors = Vectors(), Vectors()
    for block in blocks:
        vectors.extend(block.vectors)
        paragraph_vectors.extend(block.paragraph_vectors)
    del blocks
    claim_index = Index()
    for claim_term_list in claim_terms:
        claim_index.add(vocabulary.vector(claim_term_list))
    known: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        known[claim.key].append(i)
    fact_index = Index()
    fact_units: list[int] = []
    for i, facts in enumerate(unit_facts):
        if facts.dates or facts.quantities or facts.roles:
            fact_units.append(i)
            fact_index.add(vectors[i])
    limits = limits or Thresholds()
    words: list[str] = []  # the concepts' words, shared by both WordSets
    return Corpus(
        subject_names=subject_names(claim_facts, limits.subject_share, limits.subject_min),
        paragraph_of=paragraph_of, paragraph_names=paragraph_names,
        paragraph_vectors=paragraph_vectors, essay_names=_essay_names(found, unit_facts),
        units=_judged(found), facts=tuple(unit_facts), dates=tuple(unit_dates), vectors=vectors,
        claims=tuple(claims), claim_facts=tuple(claim_facts),
        claim_dates=tuple(_claim_dates(claims, claim_facts, found, unit_dates)),
        claim_index=claim_index, known={k: tuple(v) for k, v in known.items()},
        fact_index=fact_index, fact_units=tuple(fact_units),
        fact_doc={u: d for d, u in enumerate(fact_units)},
        concepts=WordSets((a.concepts for a in analysed[:len(found)]), words),
        claim_concepts=WordSets((a.concepts for a in analysed[len(found):]), words),
    )


def verdicts(decisions: Sequence[Decision]) -> Verdicts:
    """A person's decisions, looked up by claim and by sentence."""
    by_claim: dict[tuple[str, str, str], Status] = {
        (d.key, d.essay, quote_key(d.quote)): d.status for d in decisions
    }
    confirmed: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in decisions:
        if d.status == "confirmed":
            confirmed[(d.essay, quote_key(d.quote))].append(d.key)
    return Verdicts(by_claim=by_claim, confirmed={k: tuple(v) for k, v in confirmed.items()})
