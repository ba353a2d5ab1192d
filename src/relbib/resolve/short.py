"""op. cit. and short forms: the one earlier work that the names and words fit.

Input: a short form's authors, short title and pinpoint, and the earlier works.
Output: the Outcome: the unique work that fits, else unresolved with a finding.
Never: choose between two works that both fit, or match past a pinpoint that
lies outside the work's pages.
"""

from __future__ import annotations

import re

from relbib.model import (
    Citation,
    Form,
    OpCitRef,
    ShortRef,
)
from relbib.parse.pages import pages_outside
from relbib.resolve.sources import (
    STOPWORDS,
    Outcome,
    Source,
    describe,
    failed,
    family_key,
    tokens_of,
)

# A case's short form names its reporter: "Chevron, 467 U.S. at 843".
_CASE_SHORT_REPORT = re.compile(r"(?:^|,\s)(?P<report>\d{1,4}\s[A-Z][\w.' ]{0,30}?)\s+at\s")


# Italian "ult. op. cit." (the work of that author cited last) and "Rossi, Ibidem" (the same).
# Older books' Latin "ut sup." (as above) and "l. c." (at the place cited) name the same: the
# author's work cited last.
_LATEST = re.compile(r"\bult(?:\.|ima)\s*(?:op\.\s*)?cit\b|,\s*(?:ib[i\u00ed]dem|ibid\.|ivi)\b"
                     r"|\but\ssup(?:ra\b|\.)|\bl\.\s?c\.", re.IGNORECASE)


def resolve_opcit(n: int, ref: OpCitRef, sources: list[Source]) -> Outcome:
    families = tuple(f for f in (family_key(a) for a in ref.authors) if f)
    title = tokens_of(ref.short_title or "")
    if not families and not title:
        return failed(
            n, Form.OPCIT, ref.pinpoint, "opcit-empty",
            f"note {n}: op. cit. names neither an author nor a title",
            "name the author (and short title) the op. cit. refers to",
        )
    matches = _candidates(families, title, sources)
    if len(matches) > 1 and _LATEST.search(ref.text):  # "ult. op. cit." / "Rossi, Ibidem": the last one
        matches = [max(matches, key=lambda s: (s.note, s.index))]
    what = describe(ref.authors, ref.short_title)
    rule = "opcit-short-title" if title else "opcit-unique-author"
    return _unique(n, Form.OPCIT, "op. cit.", what, ref.pinpoint, matches, rule, "opcit")


def resolve_short(
    n: int,
    authors: tuple[str, ...],
    short_title: str | None,
    pinpoint: str | None,
    sources: list[Source],
) -> Outcome:
    """A short form: author and/or short title of a unique earlier source."""
    matches = short_matches(authors, short_title, sources)
    rule = "short-title-match" if tokens_of(short_title or "") else "short-author-match"
    what = describe(authors, short_title)
    return _unique(n, Form.SHORT, "the short form", what, pinpoint, matches, rule, "short")


def resolve_case_short(n: int, ref: ShortRef, sources: list[Source]) -> Outcome | None:
    """ "Chevron, 467 U.S. at 843" / "Mead, 533 U.S. at 229": the earlier case reported
    in 467 U.S. whose name holds the words of the short name (any party, not only the
    first: "United States v. Mead Corp."); None when no earlier case is reported there."""
    m = _CASE_SHORT_REPORT.search(ref.text)
    if m is None:
        return None
    report = tokens_of(m.group("report"))
    reported = [s for s in sources if s.report and s.report[: len(report)] == report]
    if not reported:
        return None
    words = set(tokens_of(ref.short_title or "")) - STOPWORDS
    # a case named only in the text ("491 U.S. 324 (1989)." in the note) has no title to check
    matches = [s for s in reported if words <= set(s.title) or not s.title]
    what = describe(ref.authors, ref.short_title)
    return _unique(n, Form.SHORT, "the short form", what, ref.pinpoint, matches, "short-case-report", "short")


def short_matches(
    authors: tuple[str, ...], short_title: str | None, sources: list[Source]
) -> list[Source]:
    families = tuple(f for f in (family_key(a) for a in authors) if f)
    title = tokens_of(short_title or "")
    return _candidates(families, title, sources) if (families or title) else []


def _candidates(
    families: tuple[str, ...], title: tuple[str, ...], sources: list[Source]
) -> list[Source]:
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
    significant = set(short) - STOPWORDS
    return bool(significant) and all(w in full or _abbreviates(w, full) for w in significant)


# The shortest abbreviation of a title word an older note prints ("Comm." for "Commentar").
_ABBREVIATION_MIN = 3


def _abbreviates(word: str, full: tuple[str, ...]) -> bool:
    """Whether ``word`` and a word of the full title are one word, one of them cut
    as older notes cut it ("comm" of "commentar"; "handbuch" after "handb");
    the author backs the match."""
    return len(word) >= _ABBREVIATION_MIN and any(
        len(f) >= _ABBREVIATION_MIN and f != word and (f.startswith(word) or word.startswith(f)) for f in full)


def _unique(
    n: int,
    form: Form,
    word: str,
    what: str,
    pinpoint: str | None,
    matches: list[Source],
    rule: str,
    prefix: str,
) -> Outcome:
    if not matches:
        return failed(
            n, form, pinpoint, f"{prefix}-no-match",
            f"note {n}: {word} names {what} but no earlier note cites such a source",
            "check the author's name, or write the reference out in full",
        )
    if len(matches) > 1:
        notes = ", ".join(str(s.note) for s in matches)
        return failed(
            n, form, pinpoint, f"{prefix}-ambiguous",
            f"note {n}: {word} names {what} but {len(matches)} earlier sources match "
            f"(notes {notes}); left unresolved",
            "add a short title that tells the works apart",
        )
    match = matches[0]
    outside = pages_outside(pinpoint, match.pages)
    if outside is not None:
        first, last = match.pages or (0, 0)
        return failed(
            n, form, pinpoint, f"{prefix}-pinpoint-out-of-range",
            f"note {n}: {word} names {what}; the only earlier match, note {match.note}, "
            f"runs over pages {first}--{last}, which do not hold page {outside}; left unresolved",
            f"check the page, or whether note {n} cites another work",
        )
    return Outcome(
        citation=Citation(
            note=n, key=None, form=form, pinpoint=pinpoint,
            refers_to=match.note, rule=rule, source=match.note,
            source_index=match.index, refers_index=match.index,
        )
    )
