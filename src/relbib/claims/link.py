"""Stage 6: which library sources support which sentences, across all essays.

Input: ingested essays, each essay's resolved citations (note → key), the
claims the library already holds (annotations), a person's decisions, and
the works' dates.
Output: :class:`LinkResult` — ``cited``/``supports``/``confirmed``/
``rejected``/``conflicts`` links for every sentence, and the judgements the
claim-aware check rules report.
Never: override a person's ``confirmed`` or ``rejected`` decision, read
files, or compare every sentence with every other (retrieval is through an
inverted index with a bounded budget per query, so the work grows linearly).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from relbib.claims.aliases import fold, same_name
from relbib.claims.facts import DateFact, Facts, extract_facts
from relbib.claims.retrieval import Index, Vocabulary, cosine, terms
from relbib.model import Citation, Essay, Note, Relation, Sentence

# --- records ------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceClaim:
    """A sentence the library knows ``key`` supports (a note or an annotation)."""

    key: str
    pinpoint: str | None
    text: str
    essay: str
    line: int
    start: int = 0
    end: int = 0
    note: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """A person's verdict on "``key`` supports ``quote`` in ``essay``"."""

    key: str
    essay: str
    quote: str
    status: Literal["confirmed", "rejected"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    essay: str
    line: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """One relation between a sentence and a library work."""

    essay: str
    line: int
    start: int
    end: int
    text: str
    key: str
    pinpoint: str | None
    relation: Relation
    score: float
    via: str  # "note 7", "tfidf", "date", "number", "role", "person"
    evidence: Evidence | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "essay": self.essay, "line": self.line, "start": self.start, "end": self.end,
            "text": self.text, "key": self.key, "pinpoint": self.pinpoint,
            "relation": self.relation, "score": round(self.score, 3),
            "evidence": None if self.evidence is None else {
                "essay": self.evidence.essay, "line": self.evidence.line,
                "text": self.evidence.text,
            },
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Judgement:
    """What a claim-aware rule found about one sentence; check turns it into a finding."""

    kind: str  # "uncited-supported-claim", "unsupported-citation", "conflicting-fact", "citation-needed"
    essay: str
    line: int
    column: int
    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    pinpoint: str | None
    score: float
    message: str
    suggestion: str = ""
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Thresholds:
    """Where each rule decides; set on tests/claims (see benchmarks/claims.py)."""

    support: float = 0.30  # lexical score (with fact bonus) to suggest a source
    single_fact: float = 0.32  # lexical score that, with one shared fact, counts as support
    paraphrase: float = 0.7  # lexical score that needs no shared fact to count as support
    unlike: float = 0.08  # a cited work's best known claim scores below this
    min_known: int = 3  # claims a work must have before "unlike" is judged
    better: float = 0.45  # another work matches at least this well ...
    better_ratio: float = 3.0  # ... and this many times better than the cited one
    same_event: float = 0.6  # lexical score for "same event" without a shared named event
    candidates: int = 12  # retrieval depth per sentence
    budget: int = 1500  # postings read per query: bounds the work per sentence


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkResult:
    links: tuple[Link, ...]
    judgements: tuple[Judgement, ...]


# --- fact comparison ------------------------------------------------------------
_HEAD_OF_GOVERNMENT = frozenset({"prime minister"})
_HEAD_OF_STATE = frozenset({"head of state"})


def _dates_agree(a: Facts | Sequence[DateFact], b: Facts | Sequence[DateFact]) -> bool | None:
    """True: some date of one falls in a date of the other; False: none do; None: no dates."""
    x_dates = a.dates if isinstance(a, Facts) else a
    y_dates = b.dates if isinstance(b, Facts) else b
    if not x_dates or not y_dates:
        return None
    return any(x.overlaps(y) for x in x_dates for y in y_dates)


def _numbers_agree(a: Facts, b: Facts) -> bool | None:
    """Compared only for figures of the same kind and unit (money with money, helicopters ...)."""
    verdict: bool | None = None
    for x in a.quantities:
        for y in b.quantities:
            if (x.kind, x.unit) != (y.kind, y.unit):
                continue
            tolerance = 0.25 if (x.approximate or y.approximate) else 0.01
            if abs(x.value - y.value) <= tolerance * max(abs(x.value), abs(y.value)):
                return True
            verdict = False
    return verdict


def _shared_names(a: Facts, b: Facts, kinds: frozenset[str]) -> list[str]:
    return [x.name for x in a.entities if x.kind in kinds
            for y in b.entities if y.kind in kinds and same_name(x.name, y.name)]


_EVENTS = frozenset({"event", "thing"})
_SPECIFIC = frozenset({"event", "thing", "person", "org", "name"})


def _role_conflict(a: Facts, b: Facts) -> str:
    """A person called head of state in one and head of government in the other, same time."""
    if not _dates_agree(a, b):
        return ""
    for x in a.roles:
        for y in b.roles:
            if not same_name(x.person, y.person):
                continue
            if x.country and y.country and x.country != y.country:
                continue
            pair = {x.role, y.role}
            if pair & _HEAD_OF_GOVERNMENT and pair & _HEAD_OF_STATE:
                return f"{x.person}: {x.role} / {y.role}"
    return ""


def _conflict(a: Facts, b: Facts, similarity: float, limits: Thresholds) -> tuple[str, str]:
    """(via, what) when ``a`` and ``b`` state the same event with different facts."""
    role = _role_conflict(a, b)
    if role:
        return "role", role
    same_event = bool(_shared_names(a, b, _EVENTS)) or (
        similarity >= limits.same_event and bool(_shared_names(a, b, _SPECIFIC))
    )
    if not same_event:
        return "", ""
    if _dates_agree(a, b) is False:
        return "date", f"{a.dates[0].text} / {b.dates[0].text}"
    if _numbers_agree(a, b) is False:
        return "number", f"{a.quantities[0].text} / {b.quantities[0].text}"
    return "", ""


def _support_score(similarity: float, a: Facts, b: Facts, a_dates: Sequence[DateFact],
                   b_dates: Sequence[DateFact], limits: Thresholds) -> float:
    """Lexical similarity raised by agreeing facts; zero when a fact contradicts.

    A sentence without a date takes the date of the narrative around it
    (``a_dates``, ``b_dates``): "Pakistan became a full SCO member in 2017"
    is not supported by a claim made in a paragraph about 2003.  Without an
    anchor — an agreeing date or figure, or a shared named person, event or
    thing — only a near paraphrase counts.
    """
    if similarity <= 0:
        return 0.0
    dates, numbers = _dates_agree(a_dates, b_dates), _numbers_agree(a, b)
    if dates is False or numbers is False or _role_conflict(a, b):
        return 0.0
    own_date = dates is True and bool(a.dates or b.dates)
    shared = _shared_names(a, b, _ANCHORS)
    pieces = own_date + (numbers is True) + min(2, len(shared))
    if not (pieces >= 2 or (pieces == 1 and similarity >= limits.single_fact)
            or similarity >= limits.paraphrase):
        return 0.0
    bonus = 0.1 * own_date + 0.15 * (numbers is True) + 0.1 * min(2, len(shared))
    return min(1.0, similarity + bonus)


_ANCHORS = frozenset({"event", "thing", "person", "name"})


def _context_dates(units: Sequence[_Unit], facts: Sequence[Facts]) -> list[tuple[DateFact, ...]]:
    """Each sentence's dates, or those of the last dated sentence before it in its paragraph."""
    out: list[tuple[DateFact, ...]] = []
    previous: tuple[DateFact, ...] = ()
    for i, unit in enumerate(units):
        if i == 0 or units[i - 1].essay is not unit.essay or (
                units[i - 1].sentence.paragraph != unit.sentence.paragraph):
            previous = ()
        if facts[i].dates:
            previous = facts[i].dates
        out.append(previous)
    return out


# --- the stage ------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class _Unit:
    """One body sentence of one essay and what its notes cite."""

    essay: Essay
    sentence: Sentence
    cited: tuple[tuple[str, str | None, int], ...]  # (key, pinpoint, note)


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


def _units(essays: Sequence[Essay],
           citations: Mapping[str, Sequence[Citation]]) -> list[_Unit]:
    units: list[_Unit] = []
    for essay in essays:
        by_note = {c.note: c for c in citations.get(essay.id, ()) if c.key is not None}
        sentences = essay.sentences
        starts = [s.start for s in sentences]
        ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
        cited: list[list[tuple[str, str | None, int]]] = [[] for _ in sentences]
        for note in essay.notes:
            citation = by_note.get(note.n)
            if citation is None or citation.key is None:
                continue
            for k in _sentences_of(note, sentences, starts if ordered else None):
                cited[k].append((citation.key, citation.pinpoint, note.n))
        for k, sentence in enumerate(sentences):
            if sentence.start >= essay.body_end:
                continue  # the notes section is not a claim
            units.append(_Unit(essay=essay, sentence=sentence, cited=tuple(cited[k])))
    return units


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


def _claim_dates(claim: SourceClaim, facts: Facts,
                 unit_dates: Sequence[tuple[DateFact, ...]],
                 starts: Mapping[str, tuple[list[int], list[int]]]) -> tuple[DateFact, ...]:
    """A claim's own dates, or the narrative dates of the sentence holding it."""
    if facts.dates or claim.essay not in starts:
        return facts.dates
    # a note mid-sentence claims part of it: the sentence starting at or before
    offsets, indices = starts[claim.essay]
    k = bisect_right(offsets, claim.start) - 1
    return unit_dates[indices[k]] if k >= 0 else ()


def _quote_key(text: str) -> str:
    return re.sub(r"\W+", " ", fold(text)).strip()


def link(
    essays: Sequence[Essay],
    citations: Mapping[str, Sequence[Citation]],
    *,
    decisions: Sequence[Decision] = (),
    library_claims: Sequence[SourceClaim] = (),
    work_dates: Mapping[str, str] | None = None,
    essay_keys: Mapping[str, str] | None = None,
    thresholds: Thresholds | None = None,
    conflicts_with_claims: bool = False,
    own_claims: bool = True,
) -> LinkResult:
    """Link every body sentence of every essay to the library works that bear on it.

    ``citations`` maps an essay id to its resolved citations; ``library_claims``
    are claims the annotations already hold; ``work_dates`` maps keys to ISO
    dates (for "cited for an event after the work"); ``essay_keys`` maps an
    essay id to its own library key (a conflict with an uncited sentence names
    the essay that states it).  With ``conflicts_with_claims`` a sentence is
    also compared with the claims the library holds (a draft has no other
    essays beside it: its facts are checked against what the works are cited
    for).  Without ``own_claims`` what the essays' own notes cite is not
    knowledge about the works (a draft is judged against the library only).
    """
    limits = thresholds or Thresholds()
    dates = work_dates or {}
    own_keys = essay_keys or {}
    units = _units(essays, citations)
    own = source_claims(essays, citations) if own_claims else ()
    claims = list(dict.fromkeys(own + tuple(library_claims)))
    unit_facts = [extract_facts(u.sentence.text) for u in units]
    unit_dates = _context_dates(units, unit_facts)
    starts: dict[str, tuple[list[int], list[int]]] = {}
    for i, u in enumerate(units):
        offsets, indices = starts.setdefault(u.essay.id, ([], []))
        offsets.append(u.sentence.start)
        indices.append(i)
    claim_facts = [extract_facts(c.text) for c in claims]
    claim_dates = [_claim_dates(c, f, unit_dates, starts)
                   for c, f in zip(claims, claim_facts, strict=True)]
    unit_terms = [terms(u.sentence.text, f) for u, f in zip(units, unit_facts, strict=True)]
    claim_terms = [terms(c.text, f) for c, f in zip(claims, claim_facts, strict=True)]
    vocabulary = Vocabulary(unit_terms + claim_terms)
    unit_vectors = [vocabulary.vector(t) for t in unit_terms]

    claim_index = Index()
    for claim_term_list in claim_terms:
        claim_index.add(vocabulary.vector(claim_term_list))
    known: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        known[claim.key].append(i)
    # sentences that could contradict another: they hold a date, a figure or a role
    fact_index = Index()
    fact_units: list[int] = []
    for i, facts in enumerate(unit_facts):
        if (facts.dates or facts.quantities or facts.roles) and facts.entities:
            fact_units.append(i)
            fact_index.add(unit_vectors[i])
    fact_doc = {u: d for d, u in enumerate(fact_units)}
    verdicts: dict[tuple[str, str, str], Literal["confirmed", "rejected"]] = {
        (d.key, d.essay, _quote_key(d.quote)): d.status for d in decisions
    }
    confirmed: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in decisions:
        if d.status == "confirmed":
            confirmed[(d.essay, _quote_key(d.quote))].append(d.key)

    links: list[Link] = []
    judgements: list[Judgement] = []
    for i, unit in enumerate(units):
        sentence, essay, facts = unit.sentence, unit.essay, unit_facts[i]
        quote = _quote_key(sentence.text)

        def decided(key: str) -> Literal["confirmed", "rejected"] | None:
            return verdicts.get((key, essay.id, quote))  # noqa: B023 - used in this iteration

        def make(key: str, pinpoint: str | None, relation: Relation, score: float, via: str,
                 evidence: Evidence | None = None) -> Link:
            return Link(essay=essay.id, line=sentence.line, start=sentence.start,  # noqa: B023
                        end=sentence.end, text=sentence.text, key=key, pinpoint=pinpoint,  # noqa: B023
                        relation=relation, score=score, via=via, evidence=evidence)

        def judge(kind: str, keys: tuple[str, ...], pinpoint: str | None, score: float,
                  message: str, suggestion: str = "", evidence: Evidence | None = None) -> None:
            judgements.append(Judgement(
                kind=kind, essay=essay.id, line=sentence.line,  # noqa: B023
                column=_column(essay.text, sentence.start), start=sentence.start,  # noqa: B023
                end=sentence.end, text=sentence.text, keys=keys, pinpoint=pinpoint,  # noqa: B023
                score=score, message=message, suggestion=suggestion, evidence=evidence))

        # 1. support: the library's claims nearest this sentence
        scored: dict[str, tuple[float, SourceClaim]] = {}
        for similarity, doc in claim_index.search(unit_vectors[i], k=limits.candidates,
                                                  budget=limits.budget):
            claim = claims[doc]
            if claim.essay == essay.id and claim.start == sentence.start:
                continue  # a cited sentence does not support itself
            score = _support_score(similarity, facts, claim_facts[doc], unit_dates[i],
                                   claim_dates[doc], limits)
            if score > scored.get(claim.key, (0.0, claim))[0]:
                scored[claim.key] = (score, claim)
        cited_keys = {key for key, _, _ in unit.cited}
        for key, pinpoint, note in unit.cited:
            status = decided(key)
            links.append(make(key, pinpoint, status or "cited", 1.0,
                              f"note {note}" if status is None else "person"))
        best_other: tuple[float, SourceClaim] | None = None
        for key, (score, claim) in sorted(scored.items(), key=lambda kv: -kv[1][0]):
            if key in cited_keys:
                continue
            status = decided(key)
            evidence = Evidence(essay=claim.essay, line=claim.line, text=claim.text)
            if status is not None:
                links.append(make(key, claim.pinpoint, status, score, "person", evidence))
            elif score >= limits.support:
                links.append(make(key, claim.pinpoint, "supports", score, "tfidf", evidence))
            if status != "rejected" and (best_other is None or score > best_other[0]):
                best_other = (score, claim)
        # a confirmation the scores did not find is still a link
        for key in confirmed.get((essay.id, quote), ()):
            if key not in scored and key not in cited_keys:
                links.append(make(key, None, "confirmed", 0.0, "person"))

        # 2. conflicts: other sentences stating the same event differently
        conflicting = False
        if i in fact_doc:
            for similarity, doc in fact_index.search(unit_vectors[i], k=limits.candidates,
                                                     budget=limits.budget, skip=fact_doc[i]):
                j = fact_units[doc]
                other = units[j]
                if other.sentence.text == sentence.text:
                    continue
                via, what = _conflict(facts, unit_facts[j], similarity, limits)
                if not via:
                    continue
                conflicting = True
                keys = tuple(k for k, _, _ in other.cited) or (
                    own_keys.get(other.essay.id, other.essay.id),)
                evidence = Evidence(essay=other.essay.id, line=other.sentence.line,
                                    text=other.sentence.text)
                for key in keys:
                    links.append(make(key, None, "conflicts", round(similarity, 3), via, evidence))
                judge("conflicting-fact", keys, None, similarity,
                      f"{via} differs from {other.essay.id}:{other.sentence.line} ({what})",
                      evidence=evidence)

        if conflicts_with_claims and facts.entities and (
                facts.dates or facts.quantities or facts.roles):
            conflicting = _claim_conflicts(unit, facts, unit_vectors[i], claims, claim_facts,
                                           claim_index, limits, judge) or conflicting

        # 3. the rules for cited and uncited sentences
        if unit.cited:
            for key, pinpoint, _ in unit.cited:
                if decided(key) == "confirmed":
                    continue
                reason = _unsupported(key, facts, unit_vectors[i], unit_dates[i], claims,
                                      claim_facts, claim_dates, known, claim_index, dates,
                                      best_other, limits, essay.id, sentence.start)
                if reason:
                    judge("unsupported-citation", (key,), pinpoint, 0.0, reason[0],
                          suggestion=reason[1])
        elif best_other is not None and best_other[0] >= limits.support:
            score, claim = best_other
            where = f", {claim.pinpoint}" if claim.pinpoint else ""
            judge("uncited-supported-claim", (claim.key,), claim.pinpoint, score,
                  f"{claim.key} supports this (cited for it in {claim.essay}:{claim.line})",
                  suggestion=f"cite {claim.key}{where}",
                  evidence=Evidence(essay=claim.essay, line=claim.line, text=claim.text))
        elif facts.checkable and not conflicting:
            judge("citation-needed", (), None, 0.0,
                  f"a checkable fact ({_what(facts)}) that no library source supports")
    return LinkResult(links=tuple(links), judgements=tuple(judgements))


def _claim_conflicts(unit: _Unit, facts: Facts, vector: dict[int, float],
                     claims: Sequence[SourceClaim], claim_facts: Sequence[Facts],
                     index: Index, limits: Thresholds,
                     judge: Callable[..., None]) -> bool:
    """Judge a conflict with each work whose known claim states the same event
    differently; True when there was one."""
    found: set[str] = set()
    for similarity, doc in index.search(vector, k=limits.candidates, budget=limits.budget):
        claim = claims[doc]
        if claim.essay == unit.essay.id or claim.key in found:
            continue  # the draft's own sentences are compared as units
        via, what = _conflict(facts, claim_facts[doc], similarity, limits)
        if not via:
            continue
        found.add(claim.key)
        judge("conflicting-fact", (claim.key,), claim.pinpoint, similarity,
              f"{via} differs from what {claim.key} is cited for in {claim.essay}:{claim.line} "
              f"({what})",
              suggestion="check the fact against the source",
              evidence=Evidence(essay=claim.essay, line=claim.line, text=claim.text))
    return bool(found)


def _unsupported(key: str, facts: Facts, vector: dict[int, float],
                 context: Sequence[DateFact], claims: list[SourceClaim], claim_facts: list[Facts],
                 claim_dates: list[tuple[DateFact, ...]],
                 known: Mapping[str, list[int]], index: Index, dates: Mapping[str, str],
                 best_other: tuple[float, SourceClaim] | None, limits: Thresholds,
                 essay: str, start: int) -> tuple[str, str] | None:
    """Why citing ``key`` for this sentence looks wrong, or None."""
    year = _year(dates.get(key, ""))
    if year and context and not facts.opinion:
        latest = max(d.first[0] for d in context)
        if latest > year:
            return (f"{key} ({year}) is cited for an event of {latest}, after the work",
                    "check the note: a later source may be meant")
    others = [j for j in known.get(key, ()) if not (claims[j].essay == essay
                                                    and claims[j].start == start)]
    own = max((_support_score(cosine(vector, index.vectors[j]), facts, claim_facts[j],
                              context, claim_dates[j], limits) for j in others), default=0.0)
    if others and best_other is not None and best_other[0] >= limits.better and (
            best_other[0] >= limits.better_ratio * max(own, 0.05)):
        other = best_other[1]
        return (f"{other.key} matches this far better than {key}",
                f"cite {other.key}" + (f", {other.pinpoint}" if other.pinpoint else ""))
    if len(others) >= limits.min_known and own < limits.unlike:
        return (f"{key} is known to support {len(others)} other claims, none like this one",
                "check the note")
    return None


_YEAR_IN_DATE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def _year(date: str) -> int:
    m = _YEAR_IN_DATE.search(date)
    return int(m.group(1)) if m else 0


def _column(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1) + 1


def _what(facts: Facts) -> str:
    if facts.quotation:
        return "a quotation"
    if facts.dates:
        return f"the date {facts.dates[0].text}"
    if facts.quantities:
        return f"the figure {facts.quantities[0].text}"
    return "a named event"


def decisions_from(claims: Iterable[tuple[str, str, str, str | None]]) -> tuple[Decision, ...]:
    """Decisions from (key, essay, quote, status) rows, keeping only a person's verdicts."""
    out = []
    for key, essay, quote, status in claims:
        if status == "confirmed":
            out.append(Decision(key=key, essay=essay, quote=quote, status="confirmed"))
        elif status == "rejected":
            out.append(Decision(key=key, essay=essay, quote=quote, status="rejected"))
    return tuple(out)
