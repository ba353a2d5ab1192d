"""The annotated bibliography as one neutral record, before any syntax.

Input: formatted entries (style order), annotations, essay entries and texts.
Output: a :class:`BibliographyView` every backend (md, html, tex, txt) spells.
Never: spell Markdown, HTML or LaTeX; read files; reorder what the style sorted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from relbib.model import Annotation, AnnotationClaim, Entry, Essay, Sentence

# characters allowed in an HTML id / LaTeX label built from a key
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.:-]+")

# how a claim is shown: a note cites it, a person confirmed it, relbib
# suggests it, or it conflicts; in this order.  Rejected links are left out.
GROUPS = ("cited", "confirmed", "suggested", "conflicts")
GROUP_TITLES = {
    "cited": "Cited for",
    "confirmed": "Supports (confirmed)",
    "suggested": "Supports (suggested)",
    "conflicts": "Conflicts",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ParagraphView:
    """One paragraph of an essay: its first and last line and its text."""

    line: int
    end_line: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EssayView:
    """What the bibliography shows of an essay: id, title and paragraphs."""

    id: str
    title: str
    paragraphs: tuple[ParagraphView, ...]

    def paragraph_at(self, line: int) -> ParagraphView | None:
        for paragraph in self.paragraphs:
            if paragraph.line <= line <= paragraph.end_line:
                return paragraph
        return None


def essay_view(essay: Essay) -> EssayView:
    """An :class:`EssayView` of an ingested essay (body paragraphs only).

    A paragraph's lines are those of its sentences, which ingest counts in
    the file a person opens (the source lines of an HTML or Markdown essay).
    """
    own: dict[int, list[Sentence]] = {}
    for sentence in essay.sentences:
        own.setdefault(sentence.paragraph, []).append(sentence)
    paragraphs = []
    for index, span in enumerate(essay.paragraphs):
        if span.start >= essay.body_end:
            break
        text = essay.text[span.start:span.end]
        sentences = own.get(index)
        if sentences:
            last = max(sentences, key=lambda s: s.start)
            line = min(s.line for s in sentences)
            end_line = last.line + essay.text.count("\n", last.start, span.end)
        else:
            line = essay.text.count("\n", 0, span.start) + 1
            end_line = line + text.count("\n")
        paragraphs.append(ParagraphView(line=line, end_line=end_line, text=" ".join(text.split())))
    return EssayView(id=essay.id, title=essay.title or essay.id, paragraphs=tuple(paragraphs))


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimView:
    quote: str
    essay: str  # essay id
    essay_title: str
    line: int
    note: int | None
    pinpoint: str | None
    group: str  # one of GROUPS
    score: float
    paragraph_anchor: str  # id of the essay paragraph copy, "" when none
    # for a conflict, the other statement ("essay:line: text"); "" otherwise
    evidence: str = ""

    @property
    def against(self) -> str:
        """What a conflict is with, or a suggestion rests on, for people:
        "conflicts with “…” (essay, line 3) [date differs: …; score 0.41]"."""
        if not self.evidence:
            return ""
        essay, _, rest = self.evidence.partition(":")
        line, _, text = rest.partition(":")
        text, bracket, shared = text.partition(" [")
        where = f"{essay}, line {line.strip()}" if line.strip().isdigit() else essay
        verb = "conflicts with" if self.group == "conflicts" else "as"
        return (f"{verb} \u201c{text.strip() or self.evidence}\u201d ({where})"
                + (f" [{shared}" if bracket else ""))

    @property
    def where(self) -> str:
        """"line 7, note 1, p. 45" for people."""
        parts = [f"line {self.line}"]
        if self.note is not None:
            parts.append(f"note {self.note}")
        if self.pinpoint:
            parts.append(f"p. {self.pinpoint}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemView:
    key: str
    anchor: str  # "ref-KEY", sanitised and unique
    label: str  # "1", "Kha21"; "" when the style shows none
    text: Any  # pybtex rich text of the formatted reference
    summary: str
    tags: tuple[str, ...]
    claims: tuple[ClaimView, ...]

    def claims_in(self, group: str) -> tuple[ClaimView, ...]:
        return tuple(c for c in self.claims if c.group == group)


@dataclass(frozen=True, slots=True, kw_only=True)
class BibliographyView:
    title: str
    style: str
    items: tuple[ItemView, ...]
    essays: tuple[EssayView, ...]  # the essays a claim links to, by id


def anchor_id(prefix: str, raw: str, taken: set[str]) -> str:
    """A safe, unique id: ``prefix-`` + ``raw`` with unsafe runs as ``-``."""
    base = f"{prefix}-{_UNSAFE_ID.sub('-', raw).strip('-') or 'x'}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def paragraph_anchor(essay: str, paragraph: ParagraphView) -> str:
    return f"essay-{_UNSAFE_ID.sub('-', essay).strip('-')}-l{paragraph.line}"


def claim_group(claim: AnnotationClaim) -> str | None:
    """Which group a claim is shown in; None for a rejected one."""
    if claim.status == "rejected" or claim.relation == "rejected":
        return None
    if claim.relation == "conflicts":
        return "conflicts"
    if claim.relation == "cited":
        return "cited"
    if claim.relation == "confirmed" or claim.status == "confirmed":
        return "confirmed"
    return "suggested"


def _essay_title(essay_id: str, essays: Mapping[str, Entry], texts: Mapping[str, EssayView]) -> str:
    entry = essays.get(essay_id)
    title = entry.fields.get("title") if entry else None
    if isinstance(title, str) and title:
        return title
    view = texts.get(essay_id)
    return view.title if view else essay_id


def build(
    formatted: Sequence[Any],
    annotations: Mapping[str, Annotation],
    *,
    style: str,
    title: str,
    labelled: bool,
    essays: Mapping[str, Entry] | None = None,
    essay_texts: Mapping[str, EssayView] | None = None,
) -> BibliographyView:
    """Join formatted entries with their annotations, in the style's order."""
    essays = essays or {}
    texts = essay_texts or {}
    taken: set[str] = set()
    items = []
    used_essays: dict[str, EssayView] = {}
    for entry in formatted:
        annotation = annotations.get(entry.key) or Annotation(key=entry.key)
        claims = []
        for claim in annotation.claims:
            group = claim_group(claim)
            if group is None:
                continue
            view = texts.get(claim.essay)
            paragraph = view.paragraph_at(claim.line) if view else None
            if view is not None and paragraph is not None:
                used_essays[view.id] = view
            claims.append(ClaimView(
                quote=claim.quote,
                essay=claim.essay,
                essay_title=_essay_title(claim.essay, essays, texts),
                line=claim.line,
                note=claim.note,
                pinpoint=claim.pinpoint,
                group=group,
                score=claim.score,
                paragraph_anchor=paragraph_anchor(claim.essay, paragraph) if paragraph else "",
                evidence=(claim.evidence or "") if group in ("conflicts", "suggested") else "",
            ))
        claims.sort(key=lambda c: (GROUPS.index(c.group), c.essay, c.line))
        items.append(ItemView(
            key=entry.key,
            anchor=anchor_id("ref", entry.key, taken),
            label=entry.label if labelled else "",
            text=entry.text,
            summary=annotation.summary.strip(),
            tags=tuple(annotation.tags),
            claims=tuple(claims),
        ))
    return BibliographyView(
        title=title,
        style=style,
        items=tuple(items),
        essays=tuple(used_essays[k] for k in sorted(used_essays)),
    )


# --- reading lists: the same items, grouped by tag ---------------------------

UNTAGGED = "Untagged"


@dataclass(frozen=True, slots=True, kw_only=True)
class SectionView:
    heading: str
    anchor: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadingListView:
    title: str
    style: str
    sections: tuple[SectionView, ...]


def group_by_tag(view: BibliographyView) -> ReadingListView:
    """One section per tag (alphabetical, case folded), then the untagged.

    An entry with two tags is listed under both; the style's order holds
    inside each section.
    """
    headings: dict[str, str] = {}
    members: dict[str, list[ItemView]] = {}
    for item in view.items:
        tags = [" ".join(t.split()) for t in item.tags if t.strip()] or [""]
        for tag in dict.fromkeys(tags):
            folded = tag.casefold()
            headings.setdefault(folded, tag or UNTAGGED)
            members.setdefault(folded, []).append(item)
    taken: set[str] = set()
    order = sorted((k for k in members if k), key=str) + ([""] if "" in members else [])
    return ReadingListView(
        title=view.title,
        style=view.style,
        sections=tuple(
            SectionView(heading=headings[k], anchor=anchor_id("tag", headings[k], taken),
                        items=tuple(members[k]))
            for k in order
        ),
    )


# --- the timeline of dated claims ---------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePoint:
    """A claim placed at the first date its sentence states."""

    when: float  # fractional year: 2015.5 is July 2015
    date: str  # the date as the sentence says it ("September 2016")
    key: str
    anchor: str  # the entry's id
    group: str
    quote: str
    essay_title: str


def timeline(view: BibliographyView) -> tuple[TimelinePoint, ...]:
    """Every shown claim whose sentence states a date, in date order.

    A claim cited by two sources is two points: each source's support
    status is its own.
    """
    from relbib.claims.facts import extract_facts

    points = []
    for item in view.items:
        for claim in item.claims:
            dates = extract_facts(claim.quote).dates
            if not dates:
                continue
            first = dates[0]
            year, month, day = first.first
            when = year + (max(month, 1) - 1) / 12 + (max(day, 1) - 1) / 365
            points.append(TimelinePoint(when=when, date=first.text, key=item.key, anchor=item.anchor,
                                        group=claim.group, quote=claim.quote,
                                        essay_title=claim.essay_title))
    return tuple(sorted(points, key=lambda p: (p.when, p.key, p.quote)))
