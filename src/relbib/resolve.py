"""Stage 4: link each note to the earlier note that holds its source.

Input: the notes of one essay in order, as (note number, Reference) pairs.
Output: a ResolveResult: one Citation per note (form, pinpoint, antecedent,
source note and the rule that decided) and ambiguous-reference diagnostics.
Never: point forward (a note only ever resolves to an earlier note), guess
between several candidates, mutate its input, or touch a file.

The walk follows eyecite's resolver: one rule per form, in note order.  A full
note introduces a source (or repeats an earlier one); Ibid./Id. take the
previous note's source and fail when that note failed; op. cit. and short forms
resolve only to a UNIQUE earlier source, and a pinpoint outside that source's
page range blocks the match; supra takes note N's source (or, when note N is
missing or unresolved, the one earlier work by the authors it names, with a
diagnostic).  When unsure the note
stays unresolved (source None) and a diagnostic says why: a wrong link is worse
than a missing one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from relbib.diagnostics import diagnostic
from relbib.model import (
    Citation,
    Diagnostic,
    Fields,
    FieldValue,
    Form,
    FullRef,
    IbidRef,
    IdRef,
    Name,
    OpCitRef,
    Reference,
    ShortRef,
    SupraRef,
    UnparsedRef,
    freeze_fields,
)
from relbib.parse.archival import defined_abbreviation
from relbib.parse.forms import SAME_AUTHOR_MARK
from relbib.parse.names import family_core, is_suffix
from relbib.parse.pages import page_range, pages_outside

__all__ = ["ResolveResult", "resolve", "resolve_cited"]

# --- regexes ------------------------------------------------------------------

# Apostrophes and quote marks vanish inside words so "Russia’s" == "Russias".
_APOSTROPHES = re.compile("['\u2018\u2019\u201b\u02bc`\u00b4]")
# Everything that is not a letter or digit separates tokens (punctuation-insensitive).
_NON_WORD = re.compile(r"[\W_]+")
# A URL's scheme, "www." and trailing slash do not make it another page.
_URL_NOISE = re.compile(r"^(?:https?://)?(?:www\.)?|(?<!/)/++$", re.IGNORECASE)

# Fields that say where a source was published: a note with none of them (only
# an author and/or a title) reads as a short form of an earlier note.
_VENUE_FIELDS = frozenset(
    {
        "journal", "booktitle", "publisher", "howpublished", "institution", "school",
        "series", "year", "date", "url", "doi", "isbn", "issn", "volume", "number",
        "address", "edition", "eprint", "urldate",
    }
)
# A case's short form names its reporter: "Chevron, 467 U.S. at 843".
# Where a supra's head ends: "Khan (n 3)", "Khan, supra note 3", "Khan, above n 3".
_SUPRA_HEAD = re.compile(r"\(\s?(?:nn?\.?|notes?|fn\.?)\s?\d|\b(?:supra|above)\b", re.IGNORECASE)
_CASE_SHORT_REPORT = re.compile(r"(?:^|,\s)(?P<report>\d{1,4}\s[A-Z][\w.' ]{0,30}?)\s+at\s")
# A supra whose note is missing or unresolved: read by the names it gives instead
# (one that names other authors than its note's stays unresolved: a wrong number).
_SUPRA_BY_NAME = frozenset({"supra-missing-note", "supra-unresolved"})
# The labels of unsigned law-review pieces a supra names instead of an author.
_UNSIGNED_LABELS = frozenset({("note",), ("comment",), ("recent", "case")})
# Words a short title may leave out without naming another work.
_STOPWORDS = frozenset(
    {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from"}
)


# --- records ------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolveResult:
    """One Citation per input note, in order, and what could not be resolved."""

    citations: tuple[Citation, ...]
    diagnostics: tuple[Diagnostic, ...]
    # full references completed from earlier notes (an "ID."'s author, an archive's
    # name for its abbreviation), by note number and place in the note
    completed: tuple[tuple[int, int, Reference], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class _Source:
    """A work introduced by a full note, as the matching rules see it."""

    note: int
    index: int  # the citation's place in its note
    families: tuple[str, ...]  # normalised last word of each author's family name
    title: tuple[str, ...]  # normalised title tokens
    pages: tuple[int, int] | None  # first and last page when the note gives a range
    doi: str
    url: str
    date: str
    report: tuple[str, ...] = ()  # a case's reporter citation, "467 U.S. 837" as tokens
    number: str = ""  # a bill's or report's number ("H.R. 5631"): one act's two bills differ
    dated: str = ""  # an archival item's own date: two letters "A to B" of two days are two items


@dataclass(frozen=True, slots=True, kw_only=True)
class _Outcome:
    citation: Citation
    problem: Diagnostic | None = None
    new_source: _Source | None = None


# --- the walk -----------------------------------------------------------------


def resolve(notes: Sequence[tuple[int, Reference]]) -> ResolveResult:
    """Resolve every note against the notes before it (never after).

    ``notes`` are (note number, Reference) pairs in document order.
    """
    return resolve_cited([(n, (ref,)) for n, ref in notes])


def resolve_cited(notes: Sequence[tuple[int, Sequence[Reference]]]) -> ResolveResult:
    """Resolve every citation against the citations before it (never after).

    ``notes`` are (note number, the note's References in order) pairs in
    document order; a note with no Reference (a comment) cites nothing.  The
    result holds one Citation per Reference, ``index`` its place in its note.
    """
    sources: list[_Source] = []
    done: dict[int, list[Citation]] = {}
    citations: list[Citation] = []
    problems: list[Diagnostic] = []
    previous: Citation | None = None
    archives: dict[str, str] = {}  # "(hereafter SAM)" → "Stadtarchiv München"
    written: dict[tuple[int, int], Reference] = {}  # each source's Reference, for ID./EAD.
    completed: list[tuple[int, int, Reference]] = []
    for n, refs in notes:
        first = n not in done
        for i, ref in enumerate(refs):
            given = ref
            ref = _archive_named(ref, archives)
            # earlier notes, and the earlier citations of this note
            earlier = [s for s in sources if s.note < n or (first and s.note == n)]
            before = _previous(previous, done, n, i)
            ref = _same_author(ref, before, written)
            if ref is not given and first:
                completed.append((n, i, ref))
            outcome = _resolve_one(n, ref, before, earlier, done)
            citation = replace(outcome.citation, index=i)
            if outcome.new_source is not None:
                citation = replace(citation, source_index=i)
            citations.append(citation)
            if outcome.problem is not None:
                problems.append(outcome.problem)
            if outcome.new_source is not None:
                sources.append(replace(outcome.new_source, index=i))
                written[n, i] = ref
            if first:
                done.setdefault(n, []).append(citation)
            previous = citation
    return ResolveResult(citations=tuple(citations), diagnostics=tuple(problems),
                         completed=tuple(completed))


def _previous(
    previous: Citation | None, done: dict[int, list[Citation]], n: int, i: int
) -> Citation | None | tuple[Citation, ...]:
    """What Ibid./Id. refer to: the citation before, unless it closes an earlier
    note that cites several works (then those works, one citation each: Ibid.
    cannot tell which)."""
    if previous is None or previous.note == n:
        return previous if i > 0 else None
    siblings = done.get(previous.note, [])
    works: dict[tuple[int | None, int], Citation] = {}
    for citation in siblings:
        works.setdefault((citation.source, citation.source_index), citation)
    if len(works) > 1:
        return tuple(works.values())
    return previous


def _resolve_one(
    n: int,
    ref: Reference,
    previous: Citation | None | tuple[Citation, ...],
    sources: list[_Source],
    done: dict[int, list[Citation]],
) -> _Outcome:
    """One rule per form."""
    if isinstance(ref, IbidRef | IdRef):
        form, word, rule = (Form.IBID, "Ibid.", "ibid") if isinstance(ref, IbidRef) else (Form.IDEM, "Id.", "id")
        if isinstance(previous, tuple):
            return _resolve_ibid_after_several(n, ref.pinpoint, previous, sources, form, word, rule)
        return _resolve_ibid(n, ref.pinpoint, previous, form, word, rule)
    if isinstance(ref, OpCitRef):
        return _resolve_opcit(n, ref, sources)
    if isinstance(ref, ShortRef):
        return _resolve_case_short(n, ref, sources) or _resolve_short(
            n, ref.authors, ref.short_title, ref.pinpoint, sources
        )
    if isinstance(ref, SupraRef):
        return _resolve_supra(n, ref, sources, done)
    if isinstance(ref, FullRef):
        return _resolve_full(n, ref, sources)
    if isinstance(ref, UnparsedRef):
        # The pipeline reports the unreadable note itself (incomplete-note);
        # here it only stays unresolved, so an Ibid. after it fails too.
        return _Outcome(citation=_unresolved(n, Form.FULL, None, "unparsed"))
    raise TypeError(f"not a Reference: {type(ref).__name__}")


# --- full notes -------------------------------------------------------------


def _resolve_full(n: int, ref: FullRef, sources: list[_Source]) -> _Outcome:
    if _looks_short(ref):
        authors = _printed_families(ref.fields)
        title = _text(ref.fields.get("title")) or None
        # an act by its short name ("GDPR, art 9(1)") is never a signed work's short form
        named = [s for s in sources if not s.families] if ref.type == "legislation" else sources
        # No earlier match: a full source after all (a note with only an
        # author and a title is still a source of its own).
        if _short_matches(authors, title, named):
            pinpoint = ref.pinpoint or _text(ref.fields.get("pages")) or None
            return _resolve_short(n, authors, title, pinpoint, named)
    this = _source_of(n, ref)
    repeats = {(s.note, s.index) for s in sources if _same_work(s, this)}
    if len(repeats) == 1:
        earlier, index = repeats.pop()
        return _Outcome(
            citation=Citation(
                note=n, key=None, form=Form.FULL, pinpoint=ref.pinpoint,
                refers_to=earlier, rule="repeat-full", source=earlier,
                source_index=index, refers_index=index,
            )
        )
    return _Outcome(
        citation=Citation(
            note=n, key=None, form=Form.FULL, pinpoint=ref.pinpoint,
            refers_to=None, rule="full", source=n,
        ),
        new_source=this,
    )


def _looks_short(ref: FullRef) -> bool:
    """Author and/or title but nothing that says where it was published."""
    has_who_or_what = bool(_families(ref.fields)) or bool(_tokens(_text(ref.fields.get("title"))))
    return has_who_or_what and not (_VENUE_FIELDS & set(ref.fields))


def _same_work(a: _Source, b: _Source) -> bool:
    """Same DOI, same URL, or same first author (or none) and title."""
    if a.doi and a.doi == b.doi:
        return True
    if a.url and a.url == b.url:
        return True
    if a.report and a.report == b.report and (not a.title or not b.title or a.title == b.title):
        # "491 U.S. 324 (1989)" named in the text, then "Healy v. Beer Inst., 491 U.S. 324";
        # "Sherman Act, ch. 647, 26 Stat. 209 (1890)", then the same without its year
        return True
    if not a.title or a.title != b.title or (a.number and b.number and a.number != b.number):
        return False
    if a.dated and b.dated and a.dated != b.dated:
        return False
    if a.families and b.families:
        return a.families[0] == b.families[0]
    # Two anonymous items with one title ("Editorial") are one work only
    # when they also carry the same date.
    return not a.families and not b.families and bool(a.date) and a.date == b.date


# --- Ibid. and Id. -------------------------------------------------------------


def _resolve_ibid_after_several(
    n: int, pinpoint: str | None, works: tuple[Citation, ...], sources: list[_Source],
    form: Form, word: str, rule: str,
) -> _Outcome:
    """Ibid./Id. after a note that cites several works.

    Both guides forbid it: Chicago (CMOS 16.47, 17th ed. 14.34) says ibid.
    "must never be used if the preceding note contains more than one
    citation", and the Bluebook (4.1) allows id. only after a footnote that
    "contains only one authority".  So the writer's antecedent is no rule's
    answer, and the last work of the note is a guess, as often wrong as right
    ("X, quoted in Y"; "see A; see also B").  The one safe reading: a pinpoint
    that lies inside the page range of exactly one of those works and outside
    the ranges of all the others (every one of them has a range).  Anything
    else stays unresolved, with a finding that names the note and its works.
    """
    inside = [c for c in works if _pinpoint_inside(pinpoint, c, sources)]
    others_ruled_out = all(_pages_of(c, sources) is not None for c in works)
    if len(inside) == 1 and others_ruled_out and inside[0].source is not None:
        outcome = _resolve_ibid(n, pinpoint, inside[0], form, word, rule)
        return replace(outcome, citation=replace(outcome.citation, rule=f"{rule}-previous-by-page"))
    previous = works[0].note
    return _failed(
        n, form, pinpoint, f"{rule}-previous-several",
        f"note {n}: {word} follows note {previous}, which cites {len(works)} works "
        f"({_work_list(works, sources)}); it may only follow a note of one work (Chicago "
        "14.34, Bluebook 4.1): left unresolved",
        f"write the short form of the work of note {previous} meant",
    )


def _source_for(cited: Citation, sources: list[_Source]) -> _Source | None:
    return next((s for s in sources if (s.note, s.index) == (cited.source, cited.source_index)), None)


def _pages_of(cited: Citation, sources: list[_Source]) -> tuple[int, int] | None:
    source = _source_for(cited, sources)
    return source.pages if source is not None else None


def _pinpoint_inside(pinpoint: str | None, cited: Citation, sources: list[_Source]) -> bool:
    """A pinpoint with a page, every page of it inside the cited work's range."""
    pages = _pages_of(cited, sources)
    return (pinpoint is not None and pages is not None and pinpoint[:1].isdigit()
            and pages_outside(pinpoint, pages) is None)


def _work_list(works: tuple[Citation, ...], sources: list[_Source]) -> str:
    """ "Khan, Law and Order; an unread citation", for messages."""
    named = []
    for cited in works:
        source = _source_for(cited, sources)
        words = " ".join(source.title[:4]) if source is not None else ""
        who = source.families[0].capitalize() if source is not None and source.families else ""
        named.append(", ".join(p for p in (who, words) if p) or "an unread citation")
    return "; ".join(named)


def _resolve_ibid(
    n: int, pinpoint: str | None, previous: Citation | None, form: Form, word: str, rule: str
) -> _Outcome:
    if previous is None or previous.note > n:
        return _failed(
            n, form, pinpoint, f"{rule}-no-previous",
            f"note {n}: {word} has no earlier note to refer to",
            "write the reference out in full",
        )
    if previous.source is None:
        return _failed(
            n, form, pinpoint, f"{rule}-previous-unresolved",
            f"note {n}: {word} refers to note {previous.note}, which is itself unresolved",
            f"resolve note {previous.note} first, or write this reference out in full",
        )
    return _Outcome(
        citation=Citation(
            note=n, key=None, form=form,
            # A bare Ibid. cites the same place as the note before it.
            pinpoint=pinpoint if pinpoint is not None else previous.pinpoint,
            refers_to=previous.note, rule=f"{rule}-previous", source=previous.source,
            source_index=previous.source_index, refers_index=previous.index,
        )
    )


# --- op. cit. and short forms --------------------------------------------------


def _resolve_opcit(n: int, ref: OpCitRef, sources: list[_Source]) -> _Outcome:
    families = tuple(f for f in (_family_key(a) for a in ref.authors) if f)
    title = _tokens(ref.short_title or "")
    if not families and not title:
        return _failed(
            n, Form.OPCIT, ref.pinpoint, "opcit-empty",
            f"note {n}: op. cit. names neither an author nor a title",
            "name the author (and short title) the op. cit. refers to",
        )
    matches = _candidates(families, title, sources)
    what = _describe(ref.authors, ref.short_title)
    rule = "opcit-short-title" if title else "opcit-unique-author"
    return _unique(n, Form.OPCIT, "op. cit.", what, ref.pinpoint, matches, rule, "opcit")


def _resolve_short(
    n: int,
    authors: tuple[str, ...],
    short_title: str | None,
    pinpoint: str | None,
    sources: list[_Source],
) -> _Outcome:
    """A short form: author and/or short title of a unique earlier source."""
    matches = _short_matches(authors, short_title, sources)
    rule = "short-title-match" if _tokens(short_title or "") else "short-author-match"
    what = _describe(authors, short_title)
    return _unique(n, Form.SHORT, "the short form", what, pinpoint, matches, rule, "short")


def _resolve_case_short(n: int, ref: ShortRef, sources: list[_Source]) -> _Outcome | None:
    """ "Chevron, 467 U.S. at 843" / "Mead, 533 U.S. at 229": the earlier case reported
    in 467 U.S. whose name holds the words of the short name (any party, not only the
    first: "United States v. Mead Corp."); None when no earlier case is reported there."""
    m = _CASE_SHORT_REPORT.search(ref.text)
    if m is None:
        return None
    report = _tokens(m.group("report"))
    reported = [s for s in sources if s.report and s.report[: len(report)] == report]
    if not reported:
        return None
    words = set(_tokens(ref.short_title or "")) - _STOPWORDS
    # a case named only in the text ("491 U.S. 324 (1989)." in the note) has no title to check
    matches = [s for s in reported if words <= set(s.title) or not s.title]
    what = _describe(ref.authors, ref.short_title)
    return _unique(n, Form.SHORT, "the short form", what, ref.pinpoint, matches, "short-case-report", "short")


def _short_matches(
    authors: tuple[str, ...], short_title: str | None, sources: list[_Source]
) -> list[_Source]:
    families = tuple(f for f in (_family_key(a) for a in authors) if f)
    title = _tokens(short_title or "")
    return _candidates(families, title, sources) if (families or title) else []


def _candidates(
    families: tuple[str, ...], title: tuple[str, ...], sources: list[_Source]
) -> list[_Source]:
    """Earlier sources by all these authors whose title the short title fits."""
    return [
        s
        for s in sources
        if set(families) <= set(s.families)
        and (not title or _title_fits(title, s.title, prefix_only=not families))
    ]


_LEADING_ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "l", "il", "lo", "der", "die", "das", "el", "los", "las"})


def _title_fits(short: tuple[str, ...], full: tuple[str, ...], *, prefix_only: bool) -> bool:
    """The short title opens the full one, or (with an author to back it) all
    its significant words are in it."""
    if not short or not full:
        return False
    # Chicago drops a leading article in short titles: "Soviet Famine" for
    # "The Soviet Famine".
    opening = full[1:] if full[0] in _LEADING_ARTICLES and short[0] != full[0] else full
    if full[: len(short)] == short or opening[: len(short)] == short:
        return True
    if prefix_only:
        return False
    significant = set(short) - _STOPWORDS
    return bool(significant) and significant <= set(full)


def _unique(
    n: int,
    form: Form,
    word: str,
    what: str,
    pinpoint: str | None,
    matches: list[_Source],
    rule: str,
    prefix: str,
) -> _Outcome:
    if not matches:
        return _failed(
            n, form, pinpoint, f"{prefix}-no-match",
            f"note {n}: {word} names {what} but no earlier note cites such a source",
            "check the author's name, or write the reference out in full",
        )
    if len(matches) > 1:
        notes = ", ".join(str(s.note) for s in matches)
        return _failed(
            n, form, pinpoint, f"{prefix}-ambiguous",
            f"note {n}: {word} names {what} but {len(matches)} earlier sources match "
            f"(notes {notes}); left unresolved",
            "add a short title that tells the works apart",
        )
    match = matches[0]
    outside = pages_outside(pinpoint, match.pages)
    if outside is not None:
        first, last = match.pages or (0, 0)
        return _failed(
            n, form, pinpoint, f"{prefix}-pinpoint-out-of-range",
            f"note {n}: {word} names {what}; the only earlier match, note {match.note}, "
            f"runs over pages {first}--{last}, which do not hold page {outside}; left unresolved",
            f"check the page, or whether note {n} cites another work",
        )
    return _Outcome(
        citation=Citation(
            note=n, key=None, form=form, pinpoint=pinpoint,
            refers_to=match.note, rule=rule, source=match.note,
            source_index=match.index, refers_index=match.index,
        )
    )


# --- supra -------------------------------------------------------------------


def _resolve_supra(
    n: int, ref: SupraRef, sources: list[_Source], done: dict[int, list[Citation]]
) -> _Outcome:
    """The work of note ``ref.note``; when that note is missing or unresolved, the
    one earlier work by the authors the supra names, still reported."""
    outcome = _supra_by_number(n, ref, sources, done)
    names = tuple(f for f in (_family_key(a) for a in ref.authors) if f)
    fits = {(s.note, s.index) for s in sources if s.note < n and names
            and (set(names) <= set(s.families) or s.title[: len(names)] == names)}
    if outcome.problem is None or outcome.citation.rule not in _SUPRA_BY_NAME or len(fits) != 1:
        return outcome
    (note, index), = fits
    return _Outcome(citation=replace(outcome.citation, refers_to=note, rule="supra-by-name", source=note,
                                     source_index=index, refers_index=index),
                    problem=replace(outcome.problem, message=f"{outcome.problem.message}; read as note "
                                    f"{note}, the one earlier work it names"))


def _supra_by_number(
    n: int, ref: SupraRef, sources: list[_Source], done: dict[int, list[Citation]]
) -> _Outcome:
    target = ref.note
    if target >= n:
        return _failed(
            n, Form.SUPRA, ref.pinpoint, "supra-forward",
            f"note {n}: supra points to note {target}, which is not an earlier note",
            "supra can only point back to an earlier note",
        )
    cited = done.get(target)
    if not cited:
        return _failed(
            n, Form.SUPRA, ref.pinpoint, "supra-missing-note",
            f"note {n}: supra points to note {target}, which does not exist",
            "check the note number",
        )
    resolved = [c for c in cited if c.source is not None]
    if not resolved:
        return _failed(
            n, Form.SUPRA, ref.pinpoint, "supra-unresolved",
            f"note {n}: supra points to note {target}, which is itself unresolved",
            f"resolve note {target} first",
        )
    families = tuple(f for f in (_family_key(a) for a in ref.authors) if f)
    fitting = [c for c in resolved if not families or _names_source(families, c, sources)]
    if len({(c.source, c.source_index) for c in fitting}) != 1:
        # "*SCHUFA* (n 2)", "WP251 (n 10)": the words before the note number name one work's title
        words = set(_tokens(_SUPRA_HEAD.split(ref.text, maxsplit=1)[0])) - _STOPWORDS
        named = [c for c in resolved if words and words <= _words_of(c, sources)]
        fitting = named if len({(c.source, c.source_index) for c in named}) == 1 else fitting
    if not fitting:
        return _failed(
            n, Form.SUPRA, ref.pinpoint, "supra-author-mismatch",
            f"note {n}: supra names {_describe(ref.authors, None)} but note {target} "
            "cites a source by other authors; left unresolved",
            "check the note number and the author",
        )
    if len({(c.source, c.source_index) for c in fitting}) > 1:
        return _failed(
            n, Form.SUPRA, ref.pinpoint, "supra-several",
            f"note {n}: supra points to note {target}, which cites several works that fit; "
            "left unresolved",
            "name the author the supra refers to",
        )
    antecedent = fitting[0]
    return _Outcome(
        citation=Citation(
            note=n, key=None, form=Form.SUPRA, pinpoint=ref.pinpoint,
            refers_to=target, rule="supra-note", source=antecedent.source,
            source_index=antecedent.source_index, refers_index=antecedent.index,
        )
    )


def _words_of(cited: Citation, sources: list[_Source]) -> set[str]:
    """The title and author words of the source a citation resolved to."""
    source = next((s for s in sources if (s.note, s.index) == (cited.source, cited.source_index)), None)
    return set(source.title) | set(source.families) if source else set()


def _names_source(families: tuple[str, ...], cited: Citation, sources: list[_Source]) -> bool:
    """The supra's author names (or, for a case or an unsigned work, the title's
    first words: "Kiobel, supra note 1") fit the cited source."""
    source = next(
        (s for s in sources if (s.note, s.index) == (cited.source, cited.source_index)), None
    )
    if source is None:
        return False
    if not source.families and families in _UNSIGNED_LABELS:
        return True  # "Note, supra note 12": a student note has no named author
    # "Miller (n 1)": a party of "R (Miller) v Secretary of State …"
    first_party = source.title[: source.title.index("v")] if "v" in source.title else ()
    return (
        source.title[: len(families)] == families
        or set(families) <= set(source.families)
        or (not source.families and bool(families) and set(families) <= set(first_party))
    )


# --- helpers ------------------------------------------------------------------


def _unresolved(n: int, form: Form, pinpoint: str | None, rule: str) -> Citation:
    return Citation(
        note=n, key=None, form=form, pinpoint=pinpoint, refers_to=None, rule=rule, source=None
    )


def _failed(
    n: int, form: Form, pinpoint: str | None, rule: str, message: str, suggestion: str
) -> _Outcome:
    return _Outcome(
        citation=_unresolved(n, form, pinpoint, rule),
        problem=diagnostic("ambiguous-reference", message, suggestion=suggestion, note=n),
    )


def _describe(authors: tuple[str, ...], title: str | None) -> str:
    """'Zaidi and Saud' / 'Abbas, Russia’s Revival', for messages."""
    parts = [" and ".join(authors)] if authors else []
    if title:
        parts.append(title)
    return "'" + ", ".join(parts) + "'" if parts else "nothing"


def _source_of(n: int, ref: FullRef) -> _Source:
    fields = ref.fields
    # a continental decision goes by its court ("BGH, (Fn. 16), Rn. 23")
    court = _family_key(_text(fields.get("institution"))) if ref.type == "jurisdiction" else ""
    return _Source(
        note=n,
        index=0,
        families=_families(fields) or ((court,) if court else ()),
        title=_tokens(_text(fields.get("title"))),
        pages=page_range(_text(fields.get("pages"))),
        doi=_text(fields.get("doi")).strip().lower(),
        url=_URL_NOISE.sub("", _text(fields.get("url")).strip()).lower(),
        date=_text(fields.get("date")) or _text(fields.get("year")),
        report=_tokens(_text(fields.get("howpublished"))) if ref.type in ("jurisdiction", "legislation") else (),
        number=_text(fields.get("number")) if ref.type in ("legislation", "unpublished") else "",
        dated=(_text(fields.get("date")) or _text(fields.get("year"))) if ref.type == "unpublished" else "",
    )


def _same_author(ref: Reference, before: Citation | None | tuple[Citation, ...],
                 written: dict[tuple[int, int], Reference]) -> Reference:
    """Italian "ID., Titolo, …" / "EAD., …": a full note by the author of the citation
    before (another work of theirs), read with that author so later short forms and
    op. cit. weigh it among the author's works."""
    if not (isinstance(ref, FullRef) and SAME_AUTHOR_MARK.match(ref.text)) or ref.fields.get("author"):
        return ref
    if not isinstance(before, Citation) or before.source is None:
        return ref
    earlier = written.get((before.source, before.source_index))
    authors = earlier.fields.get("author") if isinstance(earlier, FullRef) else None
    if not authors:
        return ref
    return replace(ref, fields=freeze_fields({**ref.fields, "author": authors}))


def _archive_named(ref: Reference, archives: dict[str, str]) -> Reference:
    """An archival note under the full name of the archive whose abbreviation an
    earlier note defined ("Stadtarchiv München (hereafter SAM)", then "SAM, …");
    the abbreviation this note defines is recorded in ``archives``."""
    if not isinstance(ref, FullRef):
        return ref
    organization = _text(ref.fields.get("organization"))
    if organization in archives:
        ref = replace(ref, fields=freeze_fields({**ref.fields, "organization": archives[organization]}))
    abbreviation = defined_abbreviation(ref)
    if abbreviation is not None:
        archives[abbreviation] = organization
    return ref


def _families(fields: Fields) -> tuple[str, ...]:
    """Normalised last word of each author's family name."""
    return tuple(k for k in (_family_key(f) for f in _printed_families(fields)) if k)


def _printed_families(fields: Fields) -> tuple[str, ...]:
    """Family names as printed: the authors, else the editors, else the
    organization when no person is named."""
    for role in ("author", "editor"):
        names = fields.get(role)
        if isinstance(names, tuple) and names:
            return tuple(name.family for name in names if isinstance(name, Name))
    organization = _text(fields.get("organization"))
    return (organization,) if organization else ()


def _family_key(family: str) -> str:
    """"al-Hashimi" and "Hashimi", "Saud" and "SAUD" compare equal; so do "Mueller, III",
    "Mueller III" and "Mueller" (a suffix is no family name)."""
    tokens = _tokens(family_core(family))
    while len(tokens) > 1 and is_suffix(tokens[-1]):
        tokens = tokens[:-1]
    return tokens[-1] if tokens else ""


def _tokens(text: str) -> tuple[str, ...]:
    """Case-, accent-, quote- and punctuation-insensitive words of ``text``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return tuple(t for t in _NON_WORD.split(_APOSTROPHES.sub("", plain)) if t)


def _text(value: FieldValue | None) -> str:
    return value if isinstance(value, str) else ""
