"""relbib.claims.annotate: linking the library's essays and writing what it finds into the annotations."""

from __future__ import annotations

import dataclasses
import re
from types import MappingProxyType

from relbib.claims.annotate import (
    apply_links,
    decisions,
    judgement_findings,
    link_library,
    summary,
)
from relbib.formats.annotations import dump_annotation, read_annotation
from relbib.library.core import Library, make_library
from relbib.model import (
    Annotation,
    AnnotationClaim,
    Citation,
    Entry,
    Essay,
    EssayIngest,
    Form,
    Marker,
    Note,
    Sentence,
    Span,
    freeze_fields,
)


def essay(essay_id: str, text: str, cites: dict[int, int] | None = None) -> Essay:
    """A one-paragraph essay; ``cites`` maps sentence index → the note its marker ends."""
    sentences = []
    for m in re.finditer(r"[^.!?]+[.!?]+", text):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        sentences.append(Sentence(text=m.group(0).strip(), start=start, end=m.end(), line=1,
                                  paragraph=0))
    notes = []
    for index, n in (cites or {}).items():
        s = sentences[index]
        notes.append(Note(n=n, text="", start=len(text), end=len(text), line=1,
                          marker=Marker(n=n, start=s.end, end=s.end, line=1, column=1), claim=s))
    return Essay(id=essay_id, path=f"{essay_id}.txt", title="", authors=(), venue="", date="",
                 text=text, offset_map=(), paragraphs=(Span(start=0, end=len(text)),),
                 sentences=tuple(sentences), body_end=len(text), notes=tuple(notes), markers=())

NASA = "nasa1970apollo"
SOURCE = essay("src", "In July 1969, Apollo 11 landed two astronauts on the Moon. "
               "The Saturn V rocket weighed 2,800 tonnes at launch.", cites={0: 1})
OTHER = essay("b", "Apollo 11 put two astronauts on the Moon in 1969. "
                   "We should go back one day.")
SUPPORTED = OTHER.sentences[0].text


def _cite(n: int, key: str) -> Citation:
    return Citation(note=n, key=key, form=Form.FULL, pinpoint="p. 12", refers_to=None, rule="t",
                    source=n)


def _ingest(e: Essay, citations: tuple[Citation, ...] = ()) -> EssayIngest:
    return EssayIngest(essay=e, references=(), citations=citations)


def _essay_entry(essay_id: str) -> Entry:
    return Entry(key=f"essay{essay_id}", type="misc",
                 fields=freeze_fields({"note": f"relbib essay {essay_id}", "title": essay_id}))


def _library(annotations: tuple[Annotation, ...] = ()) -> Library:
    source = Entry(key=NASA, type="book", fields=freeze_fields({"title": "Apollo", "year": "1970"}))
    return make_library(sources=[source], essays=[_essay_entry("src"), _essay_entry("b")],
                        annotations=annotations)


INGESTS = (_ingest(SOURCE, (_cite(1, NASA),)), _ingest(OTHER))
CITATIONS = {"src": INGESTS[0].citations, "b": ()}


def _relink(library: Library, ingests: tuple[EssayIngest, ...] = INGESTS,
            citations: dict[str, tuple[Citation, ...]] = CITATIONS) -> Library:
    return apply_links(library, link_library(library, ingests, citations))


def _claims(library: Library, key: str, relation: str) -> list[AnnotationClaim]:
    annotation = library.annotations.get(key)
    return [c for c in (annotation.claims if annotation else ()) if c.relation == relation]


def test_a_found_support_is_written_with_its_evidence_and_no_status() -> None:
    once = _relink(_library())
    (claim,) = _claims(once, NASA, "supports")
    assert (claim.essay, claim.line, claim.quote, claim.status) == ("b", 1, SUPPORTED, None)
    assert claim.pinpoint == "p. 12" and claim.note is None and 0 < claim.score <= 1
    assert claim.evidence is not None and claim.evidence.startswith("src:1: In July 1969")


def test_apply_links_is_idempotent_down_to_the_bytes() -> None:
    once = _relink(_library())
    twice = _relink(once)
    assert twice.annotations == once.annotations
    texts = {k: dump_annotation(a) for k, a in once.annotations.items()}
    assert {k: dump_annotation(a) for k, a in twice.annotations.items()} == texts
    # and the YAML reads back to the same annotation (evidence included)
    for key, text in texts.items():
        assert read_annotation(text, path=f"{key}.yaml") == once.annotations[key]


def test_a_rejected_link_stays_rejected_and_is_not_suggested_again() -> None:
    once = _relink(_library())
    (claim,) = _claims(once, NASA, "supports")
    annotation = once.annotations[NASA]
    rejected = dataclasses.replace(claim, status="rejected")
    edited = dataclasses.replace(once, annotations=MappingProxyType({
        **once.annotations,
        NASA: dataclasses.replace(annotation, claims=tuple(
            rejected if c == claim else c for c in annotation.claims))}))
    result = link_library(edited, INGESTS, CITATIONS)
    about_b = [(x.key, x.relation) for x in result.links if x.essay == "b"]
    assert about_b == [(NASA, "rejected")]
    assert not [j for j in result.judgements if j.kind == "uncited-supported-claim"]
    again = apply_links(edited, result)
    assert [c for c in again.annotations[NASA].claims if c.essay == "b"] == [rejected]


def test_a_decision_written_as_relation_counts_too() -> None:
    person = AnnotationClaim(essay="b", line=1, quote=SUPPORTED, note=None, pinpoint=None,
                             relation="rejected", score=0.0)
    library = _library((Annotation(key=NASA, claims=(person,)),))
    assert [d.status for d in decisions(library)] == ["rejected"]
    again = _relink(library)
    assert [c for c in again.annotations[NASA].claims if c.essay == "b"] == [person]


def test_a_persons_summary_tags_keys_and_confirmed_claims_survive() -> None:
    confirmed = AnnotationClaim(essay="b", line=1, quote="We should go back one day.",
                                note=None, pinpoint=None, relation="supports", score=0.1,
                                status="confirmed")
    person = Annotation(key=NASA, summary="The official history.", tags=("space",),
                        claims=(confirmed,), extra=MappingProxyType({"rating": 5}))
    again = _relink(_library((person,)))
    annotation = again.annotations[NASA]
    assert (annotation.summary, annotation.tags, dict(annotation.extra)) == (
        "The official history.", ("space",), {"rating": 5})
    assert confirmed in annotation.claims
    assert len(_claims(again, NASA, "supports")) == 2  # the confirmed one and the found one


def test_a_conflict_is_recorded_on_both_sides() -> None:
    a = essay("a", "The Apollo 11 landing took place in July 1969.", cites={0: 1})
    c = essay("c", "The Apollo 11 landing took place in August 1969.", cites={0: 1})
    ingests = (_ingest(a, (_cite(1, "smith1970moon"),)), _ingest(c, (_cite(1, "jones1980moon"),)))
    citations = {"a": ingests[0].citations, "c": ingests[1].citations}
    library = _relink(_library(), ingests, citations)
    (on_jones,) = _claims(library, "jones1980moon", "conflicts")
    (on_smith,) = _claims(library, "smith1970moon", "conflicts")
    assert (on_jones.essay, on_jones.quote) == ("a", a.sentences[0].text)
    # the evidence: the other sentence, then what differs and what the two share
    assert on_jones.evidence is not None and on_smith.evidence is not None
    assert on_jones.evidence.startswith("c:1: " + c.sentences[0].text + " [")
    assert "date differs: July 1969 / August 1969" in on_jones.evidence
    assert "names: apollo" in on_jones.evidence
    assert on_smith.essay == "c" and on_smith.evidence.startswith("a:1: " + a.sentences[0].text)


def test_an_uncited_conflicting_sentence_is_filed_under_its_essays_key() -> None:
    a = essay("a", "The Apollo 11 landing took place in July 1969.")
    c = essay("c", "The Apollo 11 landing took place in August 1969.")
    library = make_library(essays=[_essay_entry("a"), _essay_entry("c")])
    linked = _relink(library, (_ingest(a), _ingest(c)), {})
    (found,) = [x.evidence for x in _claims(linked, "essaya", "conflicts")]
    assert found is not None and found.startswith("a:1: " + a.sentences[0].text + " [date differs")


def test_found_claims_of_essays_not_linked_again_are_kept() -> None:
    once = _relink(_library())
    only_source = _relink(once, (INGESTS[0],), {"src": CITATIONS["src"]})
    assert _claims(only_source, NASA, "supports") == _claims(once, NASA, "supports")


def test_judgements_become_findings_in_the_essays_files() -> None:
    result = link_library(_library(), INGESTS, CITATIONS)
    findings = judgement_findings(result, [SOURCE, OTHER])
    (support,) = [f for f in findings if f.kind == "uncited-supported-claim"]
    assert (support.path, support.line, support.column, support.code) == ("b.txt", 1, 1, "RB303")
    assert support.keys == (NASA,) and support.suggestion == f"cite {NASA}, p. 12"
    assert summary(findings)["uncited-supported-claim"] == 1
    assert set(summary(findings)) == {"unsupported-citation", "conflicting-fact",
                                      "uncited-supported-claim", "citation-needed"}


def test_a_conflict_between_uncited_sentences_shows_under_the_source_backing_one() -> None:
    """x and y disagree; src supports x, so the conflict is filed under src too, once."""
    from relbib.claims.annotate import apply_links
    from relbib.model import ClaimsResult, Evidence, Link

    x = "The bridge opened in May 1932."
    y = "The bridge opened in June 1932."

    def found(essay: str, text: str, key: str, relation: str, other: tuple[str, str] | None) -> Link:
        return Link(essay=essay, line=1, start=0, end=len(text), text=text, key=key, pinpoint=None,
                    relation=relation, score=0.9, via="date",  # type: ignore[arg-type]
                    evidence=Evidence(essay=other[0], line=1, text=other[1]) if other else None)

    links = (
        found("ex", x, "src", "supports", ("cited", "The bridge opened in 1932.")),
        found("ex", x, "essayy", "conflicts", ("ey", y)),
        found("ey", y, "essayx", "conflicts", ("ex", x)),
    )
    library = apply_links(_library(), ClaimsResult(links=links, judgements=(), essays=("ex", "ey")))
    on_src = _claims(library, "src", "conflicts")
    assert len(on_src) == 1
    assert {on_src[0].quote, on_src[0].evidence.split(": ", 1)[1]} == {x, y}  # type: ignore[union-attr]
