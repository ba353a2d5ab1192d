"""Every frozen record that crosses a stage boundary.

Input: nothing (this module only defines types).
Output: the typed values the stages pass to each other.
Never: import a third-party library, touch a file, or hold mutable state.

Field names are BibTeX's, plus ``date`` (ISO 8601), ``doi``, ``url``,
``urldate`` and ``organization``.  Name fields (author, editor, translator)
hold tuples of :class:`Name`; every other field holds a ``str``.  Page
ranges are spelled ``43--65``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import ClassVar, Literal, TypeAlias

# --- names and fields -------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Name:
    """One person or organisation.  An organisation has only ``family``."""

    family: str
    given: str = ""
    # "von" particles (de, van der, al-) stay in ``family`` as printed
    # ("al-Hashimi"); ``literal`` marks organisations so no tool splits them.
    literal: bool = False

    def as_json(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.family}
        # "King, Jr.": the suffix after the comma is CSL's "suffix", no part of the family name
        family, comma, suffix = self.family.partition(", ")
        out = {"family": family if comma and suffix else self.family}
        if self.given:
            out["given"] = self.given
        if comma and suffix:
            out["suffix"] = suffix
        return out


NAME_FIELDS = frozenset({"author", "editor", "translator"})

FieldValue: TypeAlias = str | tuple[Name, ...]
Fields: TypeAlias = Mapping[str, FieldValue]


def freeze_fields(fields: Mapping[str, FieldValue] | None = None) -> Fields:
    """A read-only copy of ``fields`` in a stable (sorted) order."""
    return MappingProxyType(dict(sorted((fields or {}).items())))


def fields_as_json(fields: Fields) -> dict[str, object]:
    """Fields as JSON: names become lists of {family, given}."""
    out: dict[str, object] = {}
    for name, value in fields.items():
        if isinstance(value, tuple):
            out[name] = [n.as_json() for n in value]
        else:
            out[name] = value
    return out


# --- positions --------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A half-open character span [start, end) in an essay's plain text."""

    start: int
    end: int


# --- essays -----------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    text: str
    start: int
    end: int
    line: int  # 1-based line of ``start`` in the essay's plain text
    paragraph: int  # 0-based index of the paragraph holding it


@dataclass(frozen=True, slots=True, kw_only=True)
class Marker:
    """A note marker in the body (``Pakistan,1`` has marker 1 at the ``1``)."""

    n: int
    start: int
    end: int
    line: int
    column: int
    label: str = ""  # a symbol marker's symbol ("*", "†"); "" for a numbered marker


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """One numbered note of the notes section and the claim it supports."""

    n: int
    text: str  # the note's own text, without its number, wrapped lines joined
    start: int  # span of the note text in the essay's plain text
    end: int
    line: int
    marker: Marker | None
    claim: Sentence | None  # the sentence (or part of it) the marker supports
    label: str = ""  # a symbol note's symbol ("*", "†"), numbered after the numbered notes


@dataclass(frozen=True, slots=True, kw_only=True)
class Essay:
    id: str  # file stem
    path: str
    title: str
    authors: tuple[Name, ...]
    venue: str
    date: str  # ISO 8601 or ""
    text: str  # plain text (HTML and Markdown reduced to text)
    # offset_map[i] is the offset in the source file of plain-text character i
    # (empty when the source is the plain text itself)
    offset_map: tuple[int, ...]
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    body_end: int  # where the notes section starts (len(text) when none)
    notes: tuple[Note, ...]
    markers: tuple[Marker, ...]


# --- references: what one note says ----------------------------------------


class Form(StrEnum):
    FULL = "full"
    IBID = "ibid"
    OPCIT = "opcit"
    SHORT = "short"
    IDEM = "idem"
    SUPRA = "supra"


@dataclass(frozen=True, slots=True, kw_only=True)
class FullRef:
    """A note that describes a source in full."""

    text: str
    type: str  # BibTeX entry type: article, book, incollection, misc, ...
    fields: Fields
    confidence: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    pinpoint: str | None = None  # a page cited inside a full note ("p. 130")


@dataclass(frozen=True, slots=True, kw_only=True)
class IbidRef:
    """``Ibid.`` / ``Ibid., 45.``: the previous note's source."""

    text: str
    pinpoint: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class IdRef:
    """Legal ``Id.`` / ``Id. at 5``: the previous note's source."""

    text: str
    pinpoint: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class OpCitRef:
    """``Zaidi and Saud, op. cit., p. 159`` (author and/or short title)."""

    text: str
    authors: tuple[str, ...]  # family names as printed
    short_title: str | None
    pinpoint: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortRef:
    """A short-title note: ``Abbas, ‘Russia’s Revival’, 201.``"""

    text: str
    authors: tuple[str, ...]
    short_title: str | None
    pinpoint: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SupraRef:
    """Legal ``Khan, supra note 3, at 45``."""

    text: str
    note: int
    authors: tuple[str, ...]
    pinpoint: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnparsedRef:
    text: str
    reason: str


Reference: TypeAlias = FullRef | IbidRef | IdRef | OpCitRef | ShortRef | SupraRef | UnparsedRef


# --- citations: a note resolved to a library entry --------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """Note ``note`` cites entry ``key`` (None when it could not be resolved)."""

    note: int
    key: str | None
    form: Form
    pinpoint: str | None
    refers_to: int | None  # the note this one resolved through (its antecedent)
    rule: str  # which resolution rule decided, for people
    # the note holding the full reference of the cited source (itself for a
    # full note); the library maps it to ``key``.  None when unresolved.
    source: int | None = None
    # a note holds several citations: this one's 0-based place in its note, the
    # place of the source's full reference in note ``source``, and the place of
    # the antecedent in note ``refers_to``
    index: int = 0
    source_index: int = 0
    refers_index: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class CitationSpan:
    """One citation of a note: where it stands, its signal, and what it says."""

    index: int  # 0-based place in the note
    start: int  # span in the note's text, without the signal
    end: int
    text: str
    signal: str  # "See", "Cf.", "quoted in", ... ("" when none)
    reference: Reference


NoteKind: TypeAlias = Literal["citation", "comment"]


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteCitations:
    """A note read as a sequence of citations; a ``comment`` cites nothing."""

    n: int
    kind: NoteKind
    citations: tuple[CitationSpan, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """What lives in bib/: a key, an entry type and fields."""

    key: str
    type: str
    fields: Fields


@dataclass(frozen=True, slots=True, kw_only=True)
class EssayIngest:
    """One essay through stages 1-4: what the library update consumes."""

    essay: Essay
    references: tuple[Reference, ...]  # one per note, in note order
    # one per citation, in note order (a comment note has none); key None until
    # the library assigns it
    citations: tuple[Citation, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    cited: tuple[NoteCitations, ...] = ()  # each note's citations, in note order


# --- claims -----------------------------------------------------------------

Relation: TypeAlias = Literal["cited", "supports", "confirmed", "rejected", "conflicts"]


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
    """The other sentence behind a link or a judgement."""

    essay: str
    line: int
    text: str
    # what the two sentences share or dispute: "names: ...", "dates: ...", "score 0.42"
    shared: tuple[str, ...] = ()


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
                **({"shared": list(self.evidence.shared)} if self.evidence.shared else {}),
            },
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Judgement:
    """What a claim-aware rule found about one sentence; check turns it into a finding.

    One subclass per rule; ``kind`` is the finding kind it becomes.
    """

    kind: ClassVar[str] = ""
    essay: str
    line: int
    column: int
    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    message: str
    suggestion: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidencedJudgement(Judgement):
    """A judgement that rests on another sentence: its work's pinpoint, a score, the sentence."""

    pinpoint: str | None
    score: float
    evidence: Evidence


@dataclass(frozen=True, slots=True, kw_only=True)
class UncitedSupportedClaim(EvidencedJudgement):
    """An uncited sentence that a library work supports (``evidence``: what it is cited for)."""

    kind: ClassVar[str] = "uncited-supported-claim"


@dataclass(frozen=True, slots=True, kw_only=True)
class UnsupportedCitation(Judgement):
    """A cited work that looks wrong for the sentence citing it."""

    kind: ClassVar[str] = "unsupported-citation"
    pinpoint: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConflictingFact(EvidencedJudgement):
    """A sentence whose date, figure or role contradicts ``evidence``."""

    kind: ClassVar[str] = "conflicting-fact"


@dataclass(frozen=True, slots=True, kw_only=True)
class CitationNeeded(Judgement):
    """An uncited, checkable fact that no library work supports."""

    kind: ClassVar[str] = "citation-needed"


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkResult:
    """Every link of a linking run and the judgements of the claim-aware rules."""

    links: tuple[Link, ...]
    judgements: tuple[Judgement, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimsResult:
    """What linking the library's essays found (relbib.claims.annotate)."""

    links: tuple[Link, ...]
    judgements: tuple[Judgement, ...]
    essays: tuple[str, ...]  # ids of the essays linked (their found claims are refreshed)


@dataclass(frozen=True, slots=True, kw_only=True)
class AnnotationClaim:
    """One claim in annotations/KEY.yaml.  relbib writes all but ``status``."""

    essay: str
    line: int
    quote: str
    note: int | None
    pinpoint: str | None
    relation: Relation
    score: float
    status: str | None = None  # set by a person: "confirmed" or "rejected"
    # the other sentence, "essay:line: text": for ``supports`` the one the work
    # is cited for, for ``conflicts`` the one that states the fact differently
    evidence: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Annotation:
    """annotations/KEY.yaml.  ``summary``, ``tags`` and ``extra`` are a person's."""

    key: str
    summary: str = ""
    tags: tuple[str, ...] = ()
    claims: tuple[AnnotationClaim, ...] = ()
    # any other top-level keys a person wrote, kept as they were
    extra: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


# --- .bib blocks: a library file as read (formats/bibtex.py) ---------------
# One class per block variant; ``kind`` names the variant (for messages and
# tests), given as a class keyword; ``key`` is "" for the variants that have none.


@dataclass(frozen=True, slots=True, kw_only=True)
class _Block:
    kind: ClassVar[str] = ""
    text: str  # the block exactly as written
    line: int  # 1-based line where the block starts

    def __init_subclass__(cls, kind: str = "") -> None:
        if kind:  # (dataclass's slots copy of the class passes none: it keeps the first)
            cls.kind = kind


@dataclass(frozen=True, slots=True, kw_only=True)
class _KeylessBlock(_Block):
    key: ClassVar[str] = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryBlock(_Block, kind="entry"):
    """An entry, read; ``undefined_strings``: the macros it uses that nothing defines."""

    key: str
    entry: Entry
    undefined_strings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StringBlock(_Block, kind="string"):
    """An @string macro definition (``key``: the macro's name)."""

    key: str
    undefined_strings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicateBlock(_Block, kind="duplicate"):
    """An entry whose key an earlier block already defines."""

    key: str
    error: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BrokenBlock(_KeylessBlock, kind="failed"):
    """A block that cannot be read, kept verbatim with the reason."""

    error: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PreambleBlock(_KeylessBlock, kind="preamble"):
    """An @preamble."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CommentBlock(_KeylessBlock, kind="comment"):
    """An @comment."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TextBlock(_KeylessBlock, kind="text"):
    """Text between blocks: a comment without @comment, or only white space."""


BibBlock: TypeAlias = (EntryBlock | StringBlock | DuplicateBlock | BrokenBlock | PreambleBlock
                       | CommentBlock | TextBlock)


# --- findings ---------------------------------------------------------------


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """A problem found in some input: where, how bad, which rule, and a hint.

    DESIGN.md calls it a Finding.  ``note`` and ``field`` say
    structurally what the message says in words (the note number, the entry
    field), so that no code reads a location back out of a message; they stay
    out of the JSON, whose shape DESIGN.md fixes.
    """

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    kind: str
    message: str
    keys: tuple[str, ...] = ()
    suggestion: str = ""
    note: int | None = None  # the note the finding is about, in an essay or notes list
    field: str | None = None  # the entry field the finding is about

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "kind": self.kind,
            "keys": list(self.keys),
            "message": self.message,
            "suggestion": self.suggestion,
        }

