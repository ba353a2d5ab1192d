"""Stage 4: link each note to the earlier note that holds its source.

Input: the notes of one essay in order, as (note number, Reference) pairs.
Output: a ResolveResult: one Citation per note (form, pinpoint, antecedent,
source note and the rule that decided) and ambiguous-reference diagnostics.
Never: point forward (a note only ever resolves to an earlier note), guess
between several candidates, mutate its input, or touch a file.

The walk follows eyecite's resolver: one rule per form, in note order.  A full
note introduces a source (or repeats an earlier one); Ibid./Id. take the
previous note's source and fail when that note failed; op. cit. and short forms
resolve only to a UNIQUE earlier source (a pinpoint outside its page range is
the check stage's finding, not a refusal); supra takes note N's source (or, when note N is
missing or unresolved, the one earlier work by the authors it names, with a
diagnostic).  When unsure the note
stays unresolved (source None) and a diagnostic says why: a wrong link is worse
than a missing one.

The walk is here; the rules of each form are in :mod:`.ibid`, :mod:`.short`
(op. cit. and short forms) and :mod:`.supra`, the works they compare in
:mod:`.sources`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from relbib.model import (
    Citation,
    Diagnostic,
    Form,
    FullRef,
    IbidRef,
    IdRef,
    OpCitRef,
    Reference,
    ShortRef,
    SupraRef,
    UnparsedRef,
    freeze_fields,
)
from relbib.parse.archival import defined_abbreviation
from relbib.parse.forms import SAME_AUTHOR_MARK
from relbib.resolve.ibid import resolve_ibid, resolve_ibid_after_several
from relbib.resolve.short import (
    misspelled_author,
    opens_title,
    resolve_announced_name,
    resolve_case_short,
    resolve_opcit,
    resolve_short,
    short_matches,
    year_named,
)
from relbib.resolve.sources import (
    Outcome,
    Source,
    family_key,
    field_text,
    looks_short,
    printed_families,
    same_work,
    source_of,
    unresolved,
)
from relbib.resolve.supra import resolve_supra

__all__ = ["ResolveResult", "resolve", "resolve_cited"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolveResult:
    """One Citation per input note, in order, and what could not be resolved."""

    citations: tuple[Citation, ...]
    diagnostics: tuple[Diagnostic, ...]
    # full references completed from earlier notes (an "ID."'s author, an archive's
    # name for its abbreviation), by note number and place in the note
    completed: tuple[tuple[int, int, Reference], ...] = ()


# --- the walk ---


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
    sources: list[Source] = []
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


# "L. c.", "Loc. cit." opening a note: loco citato, the place cited last.
_LOCO_CITATO = re.compile(r"^(?:l\.\s?c|loc\.\s?cit)\b", re.IGNORECASE)


# "Schoff, ibid.": Ibid. with the author named.
_AUTHOR_IBID = re.compile(r",\s?ibid\b", re.IGNORECASE)


def _ibid_of_author(n: int, ref: Reference, previous: Citation | None | tuple[Citation, ...],
                    sources: list[Source]) -> Outcome | None:
    """ "Schoff, ibid., p. 6" after a note citing a work of Schoff's: that citation, as Ibid.
    (whatever other works of Schoff's were cited before); None when the note before cites
    no work of that author."""
    if not isinstance(ref, OpCitRef) or not _AUTHOR_IBID.search(ref.text) or not isinstance(previous, Citation):
        return None
    source = next((s for s in sources if (s.note, s.index) == (previous.source, previous.source_index)), None)
    families = {family_key(a) for a in ref.authors}
    if source is None or not families & set(source.families):
        return None
    return resolve_ibid(n, ref.pinpoint, previous, Form.OPCIT, "ibid.", "ibid-author")


def _resolve_one(
    n: int,
    ref: Reference,
    previous: Citation | None | tuple[Citation, ...],
    sources: list[Source],
    done: dict[int, list[Citation]],
) -> Outcome:
    """One rule per form."""
    if isinstance(ref, IbidRef | IdRef):
        form, word, rule = (Form.IBID, "Ibid.", "ibid") if isinstance(ref, IbidRef) else (Form.IDEM, "Id.", "id")
        if isinstance(previous, tuple):
            return resolve_ibid_after_several(n, ref.pinpoint, previous, sources, form, word, rule)
        return resolve_ibid(n, ref.pinpoint, previous, form, word, rule)
    if isinstance(ref, OpCitRef) and not ref.authors and not ref.short_title and _LOCO_CITATO.match(ref.text):
        # "L. c., p. 371." naming no author: at the place cited last, as Ibid. (a bare "Op. cit."
        # names no place and stays unresolved)
        if isinstance(previous, tuple):
            return resolve_ibid_after_several(n, ref.pinpoint, previous, sources, Form.OPCIT, "op. cit.", "opcit")
        return resolve_ibid(n, ref.pinpoint, previous, Form.OPCIT, "op. cit.", "opcit")
    ibid_of_author = _ibid_of_author(n, ref, previous, sources)
    if ibid_of_author is not None:
        return ibid_of_author
    if isinstance(ref, OpCitRef):
        return resolve_opcit(n, ref, sources)
    if isinstance(ref, ShortRef):
        return resolve_case_short(n, ref, sources) or resolve_announced_name(n, ref, sources) or resolve_short(
            n, ref.authors, ref.short_title, ref.pinpoint, sources, year=year_named(ref.text),
            before=previous if isinstance(previous, Citation) else None,
        )
    if isinstance(ref, SupraRef):
        return resolve_supra(n, ref, sources, done)
    if isinstance(ref, FullRef):
        return _resolve_full(n, ref, sources)
    if isinstance(ref, UnparsedRef):
        # The pipeline reports the unreadable note itself (incomplete-note);
        # here it only stays unresolved, so an Ibid. after it fails too.
        return Outcome(citation=unresolved(n, Form.FULL, None, "unparsed"))
    raise TypeError(f"not a Reference: {type(ref).__name__}")


# --- full notes ---


def _resolve_full(n: int, ref: FullRef, sources: list[Source]) -> Outcome:
    if looks_short(ref):
        authors = printed_families(ref.fields)
        title = field_text(ref.fields.get("title")) or None
        # an act by its short name ("GDPR, art 9(1)") is never a signed work's short form
        named = [s for s in sources if not s.families] if ref.type == "legislation" else sources
        # No earlier match: a full source after all (a note with only an
        # author and a title is still a source of its own).
        if short_matches(authors, title, named) or misspelled_author(authors, title, named):
            pinpoint = ref.pinpoint or field_text(ref.fields.get("pages")) or None
            return resolve_short(n, authors, title, pinpoint, named)
    this = source_of(n, ref)
    repeats = {(s.note, s.index) for s in sources if same_work(s, this)}
    dated = _dated_short(n, ref, sources) if len(repeats) != 1 else None
    if dated is not None:
        return dated
    if len(repeats) == 1:
        earlier, index = repeats.pop()
        return Outcome(
            citation=Citation(
                note=n, key=None, form=Form.FULL, pinpoint=ref.pinpoint,
                refers_to=earlier, rule="repeat-full", source=earlier,
                source_index=index, refers_index=index,
            )
        )
    return Outcome(
        citation=Citation(
            note=n, key=None, form=Form.FULL, pinpoint=ref.pinpoint,
            refers_to=None, rule="full", source=n,
        ),
        new_source=this,
    )


# What an author-date short form holds beside the author: "Tessel, Amy. 2016.", "Roe, 2015, p. 41",
# "Wosnitza: Wikipedia in Forschung, 2015, S. 41 f.".
_DATED_SHORT_FIELDS = frozenset({"author", "title", "year", "volume"})


def _dated_short(n: int, ref: FullRef, sources: list[Source]) -> Outcome | None:
    """A note of an author, the year and at most a short title (no venue) that fits exactly
    one earlier work of that author and year: a short form of it; else None (a source)."""
    year = field_text(ref.fields.get("year"))
    if not year or not ref.fields.get("author") or not set(ref.fields) <= _DATED_SHORT_FIELDS:
        return None
    authors = printed_families(ref.fields)
    title = field_text(ref.fields.get("title")) or None
    # with a title, only a work whose title it opens (a full note of another work of that
    # year shares its words at most)
    fitting = [s for s in short_matches(authors, title, sources)
               if s.date[:4] == year[:4] and (title is None or opens_title(title, s))]
    if len(fitting) != 1:
        return None
    pinpoint = ref.pinpoint or field_text(ref.fields.get("pages")) or None
    outcome = resolve_short(n, authors, title, pinpoint, fitting)
    return replace(outcome, citation=replace(outcome.citation, rule="short-author-year"))


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
    organization = field_text(ref.fields.get("organization"))
    if organization in archives:
        ref = replace(ref, fields=freeze_fields({**ref.fields, "organization": archives[organization]}))
    abbreviation = defined_abbreviation(ref)
    if abbreviation is not None:
        archives[abbreviation] = organization
    return ref
