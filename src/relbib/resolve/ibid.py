"""Ibid. and Id.: the work of the citation before.

Input: the form's pinpoint and the citation (or, after a note citing several
works, the citations) before it.
Output: the Outcome: that citation's work, or unresolved with a finding.
Never: guess which of several works a note cited (both guides forbid Ibid.
after such a note).
"""

from __future__ import annotations

from dataclasses import replace

from relbib.model import (
    Citation,
    Form,
)
from relbib.parse.pages import pages_outside
from relbib.resolve.sources import Outcome, Source, failed


def resolve_ibid_after_several(
    n: int, pinpoint: str | None, works: tuple[Citation, ...], sources: list[Source],
    form: Form, word: str, rule: str,
) -> Outcome:
    """Ibid./Id. after a note that cites several works.

    Both guides forbid it: Chicago (CMOS 16.47, 17th ed. 14.34) says ibid.
    "must never be used if the preceding note contains more than one
    citation", and the Bluebook (4.1) allows id. only after a footnote that
    "contains only one authority".  So the writer's antecedent is no rule's
    answer, and the last work of the note is a guess, as often wrong as right
    ("X, quoted in Y"; "see A; see also B").  The one safe reading: a pinpoint
    that lies inside the page range of exactly one of those works and outside
    the ranges of all the others (every one of them has a range).  Pieces that
    are no works do not count: an unreadable piece split off a citation, a bare
    title with no author and no venue; when one work is left it is the one.
    Anything else stays unresolved, with a finding that names the note and its works.
    """
    cited = [c for c in works if _a_work(c, sources)]
    if len(cited) == 1:  # the other pieces are no works: a false split, a caption
        outcome = resolve_ibid(n, pinpoint, cited[0], form, word, rule)
        if outcome.citation.source is None:
            return outcome  # that one work is itself unresolved
        return replace(outcome, citation=replace(outcome.citation, rule=f"{rule}-previous-one-work"))
    inside = [c for c in works if _pinpoint_inside(pinpoint, c, sources)]
    others_ruled_out = all(_pages_of(c, sources) is not None for c in works)
    if len(inside) == 1 and others_ruled_out and inside[0].source is not None:
        outcome = resolve_ibid(n, pinpoint, inside[0], form, word, rule)
        return replace(outcome, citation=replace(outcome.citation, rule=f"{rule}-previous-by-page"))
    previous = works[0].note
    return failed(
        n, form, pinpoint, f"{rule}-previous-several",
        f"note {n}: {word} follows note {previous}, which cites {len(works)} works "
        f"({_work_list(works, sources)}); it may only follow a note of one work (Chicago "
        "14.34, Bluebook 4.1): left unresolved",
        f"write the short form of the work of note {previous} meant",
    )


def _a_work(cited: Citation, sources: list[Source]) -> bool:
    """Whether a citation of the note before names a work Ibid. could mean: not an
    unreadable piece ("New York: P. Lang, 2008. 135." split off its book) nor a bare
    title with no author and no venue (a chapter's caption after "Ivi, pp. 23-80.")."""
    if cited.rule == "unparsed":
        return False
    source = _source_for(cited, sources)
    return source is None or not source.bare


def _source_for(cited: Citation, sources: list[Source]) -> Source | None:
    return next((s for s in sources if (s.note, s.index) == (cited.source, cited.source_index)), None)


def _pages_of(cited: Citation, sources: list[Source]) -> tuple[int, int] | None:
    source = _source_for(cited, sources)
    return source.pages if source is not None else None


def _pinpoint_inside(pinpoint: str | None, cited: Citation, sources: list[Source]) -> bool:
    """A pinpoint with a page, every page of it inside the cited work's range."""
    pages = _pages_of(cited, sources)
    return (pinpoint is not None and pages is not None and pinpoint[:1].isdigit()
            and pages_outside(pinpoint, pages) is None)


def _work_list(works: tuple[Citation, ...], sources: list[Source]) -> str:
    """ "Khan, Law and Order; an unread citation", for messages."""
    named = []
    for cited in works:
        source = _source_for(cited, sources)
        words = " ".join(source.title[:4]) if source is not None else ""
        who = source.families[0].capitalize() if source is not None and source.families else ""
        named.append(", ".join(p for p in (who, words) if p) or "an unread citation")
    return "; ".join(named)


def resolve_ibid(
    n: int, pinpoint: str | None, previous: Citation | None, form: Form, word: str, rule: str
) -> Outcome:
    if previous is None or previous.note > n:
        return failed(
            n, form, pinpoint, f"{rule}-no-previous",
            f"note {n}: {word} has no earlier note to refer to",
            "write the reference out in full",
        )
    if previous.source is None:
        return failed(
            n, form, pinpoint, f"{rule}-previous-unresolved",
            f"note {n}: {word} refers to note {previous.note}, which is itself unresolved",
            f"resolve note {previous.note} first, or write this reference out in full",
        )
    return Outcome(
        citation=Citation(
            note=n, key=None, form=form,
            # A bare Ibid. cites the same place as the note before it.
            pinpoint=pinpoint if pinpoint is not None else previous.pinpoint,
            refers_to=previous.note, rule=f"{rule}-previous", source=previous.source,
            source_index=previous.source_index, refers_index=previous.index,
        )
    )
