"""op. cit. and short forms: the one earlier work that the names and words fit.

Input: a short form's authors, short title and pinpoint, and the earlier works.
Output: the Outcome: the unique work that fits, else unresolved with a finding.
Never: choose between two works that both fit.  A pinpoint outside the one
match's pages is no refusal (the check stage reports it as pinpoint-out-of-range).
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from relbib.diagnostics import diagnostic
from relbib.model import (
    Citation,
    Form,
    OpCitRef,
    ShortRef,
)
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
_CASE_SHORT_REPORT = re.compile(r"(?:^|,\s)(?P<report>\d{1,4}\s[A-Z][\w.' ]{0,30}?)\s+at\s"
                                # or by its full report and the page, no "at": "383 F3d 390, 400."
                                r"|^(?P<first>\d{1,4}\s[A-Z][\w.' ]{0,30}?\s\d{1,5}),\s")


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
    *,
    year: str | None = None,
    before: Citation | None = None,
) -> Outcome:
    """A short form: author and/or short title of a unique earlier source; a year
    ("Roe 2015, 41") picks among the author's works the one of that year.  "Roe, 43"
    right after an author-only form of Roe that named one work ("Roe 2015, 41") goes
    on with that work; otherwise an author with several works is ambiguous."""
    matches = of_year(short_matches(authors, short_title, sources), year)
    named = authors[0] if len(authors) == 1 else ""
    if not matches and short_title is None and named and short_matches((), named, sources):
        authors, short_title = (), named  # "Lectures, pp. 170–171": a title alone, no author named
        matches = of_year(short_matches(authors, short_title, sources), year)
    rule = "short-title-match" if tokens_of(short_title or "") else "short-author-match"
    if len(matches) > 1 and rule == "short-author-match" and before is not None and before.rule in _AUTHOR_ONLY:
        same = [s for s in matches if (s.note, s.index) == (before.source, before.source_index)]
        matches, rule = (same, "short-author-as-before") if same else (matches, rule)
    what = describe(authors, short_title)
    if not matches and (spelled := misspelled_author(authors, short_title, sources)) is not None:
        return spelled_otherwise(n, pinpoint, what, spelled)
    return _unique(n, Form.SHORT, "the short form", what, pinpoint, matches, rule, "short")


# The rules of an author-only short form that named one work.
_AUTHOR_ONLY = frozenset({"short-author-match", "short-author-as-before"})


# The fewest significant words a title must have to name its work with an author misspelled.
_LONG_TITLE = 3


def misspelled_author(authors: tuple[str, ...], short_title: str | None, sources: list[Source]) -> Source | None:
    """The one earlier work whose whole title (of several words) the short form prints and
    whose author's name differs from the one printed by a letter ("Merrill" for "Merrell"):
    a slip of the writer, which a careful reader sees through; else None."""
    families = tuple(f for f in (family_key(a) for a in authors) if f)
    title = tokens_of(short_title or "")
    if len(families) != 1 or len(set(title) - STOPWORDS) < _LONG_TITLE or len(families[0]) < _NAME_MIN:
        return None
    near = [s for s in sources if s.title == title and s.families
            and Levenshtein.distance(s.families[0], families[0]) == 1]
    return near[0] if len(near) == 1 else None


_NAME_MIN = 4  # a shorter name a letter away is another name ("Roe", "Poe")


def spelled_otherwise(n: int, pinpoint: str | None, what: str, match: Source) -> Outcome:
    """A short form read as the work of ``match``, with a finding naming the spelling."""
    outcome = _unique(n, Form.SHORT, "the short form", what, pinpoint, [match], "short-title-author-misspelled", "short")
    return replace(outcome, problem=diagnostic(
        "ambiguous-reference",
        f"note {n}: the short form names {what}; read as note {match.note}, the one earlier work of that "
        f"title, whose author is spelled {match.families[0].capitalize()}",
        suggestion=f"spell the author as note {match.note} does", note=n))


def resolve_case_short(n: int, ref: ShortRef, sources: list[Source]) -> Outcome | None:
    """ "Chevron, 467 U.S. at 843" / "Mead, 533 U.S. at 229": the earlier case reported
    in 467 U.S. whose name holds the words of the short name (any party, not only the
    first: "United States v. Mead Corp."); None when no earlier case is reported there."""
    m = _CASE_SHORT_REPORT.search(ref.text)
    if m is None:
        return None
    report = _report_key(tokens_of(m.group("report") or m.group("first")))
    reported = [s for s in sources if s.report and _report_key(s.report)[: len(report)] == report]
    if not reported:
        return None
    words = set(tokens_of(ref.short_title or "")) - STOPWORDS
    # a case named only in the text ("491 U.S. 324 (1989)." in the note) has no title to check
    matches = [s for s in reported if words <= set(s.title) or not s.title]
    what = describe(ref.authors, ref.short_title)
    return _unique(n, Form.SHORT, "the short form", what, ref.pinpoint, matches, "short-case-report", "short")


def resolve_announced_name(n: int, ref: ShortRef, sources: list[Source]) -> Outcome | None:
    """ "Tide Book, 68v." after "…, hereafter cited as Tide Book": the words before the first
    comma are the short name a full note announced (read as a surname, "Book", they name no
    one); None when no earlier note announced them."""
    head = tokens_of(ref.text.split(",", 1)[0])
    if not head or not ref.authors:
        return None
    matches = [s for s in sources if s.alias == head]
    if not matches:
        return None
    what = describe((), " ".join(head))
    return _unique(n, Form.SHORT, "the short form", what, ref.pinpoint, matches, "short-announced-name", "short")


def _report_key(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A report's volume, its reporter's letters run together and its first page (if given):
    "383 F.3d 390" and "383 F3d 390" alike."""
    first = tokens[-1:] if len(tokens) > 2 and tokens[-1].isdigit() else ()
    return (tokens[0], "".join(tokens[1 : len(tokens) - len(first)]), *first)


# The year of an author-date short form, before its page: "Roe 2015, 41", "Roe: Title, 2015, S. 4".
_YEAR_BEFORE_PAGE = re.compile(r"(?<![\d.])(?P<year>1[5-9]\d\d|20\d\d)[a-z]?(?=\s?[,:]\s?\S|\)?\.?$)")


_PAGE_WORD_BEFORE = re.compile(r"(?:\b(?:pp?|[Ss]|at|page)\.?|\d)\s?$")


def year_named(text: str) -> str | None:
    """The year an author-date short form names, or None (a page, "s. 1850", is none)."""
    m = _YEAR_BEFORE_PAGE.search(text)
    if m is None or _PAGE_WORD_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        return None
    return m.group("year")


def of_year(matches: list[Source], year: str | None) -> list[Source]:
    """The works of that year among several (all of them when none is of that year)."""
    if year is None or len(matches) < 2:
        return matches
    dated = [s for s in matches if s.date[:4] == year]
    return dated or matches


def short_matches(
    authors: tuple[str, ...], short_title: str | None, sources: list[Source]
) -> list[Source]:
    families = tuple(f for f in (family_key(a) for a in authors) if f)
    title = tokens_of(short_title or "")
    return _candidates(families, title, sources) if (families or title) else []


def _candidates(
    families: tuple[str, ...], title: tuple[str, ...], sources: list[Source]
) -> list[Source]:
    """Earlier sources by all these authors whose title the short title fits; of
    several, those it fits best (see :func:`_best_fitting`)."""
    # the short title a full note announced ("hereafter cited as …") names its work alone
    announced = [s for s in sources if title and title == s.alias and set(families) <= set(s.families)]
    if announced:
        return announced
    fitting = [
        s
        for s in sources
        if set(families) <= set(s.families)
        and (not title or _title_fits(title, s.title, prefix_only=not families))
    ]
    return _best_fitting(title, fitting) if families and title and len(fitting) > 1 else fitting


def _best_fitting(short: tuple[str, ...], fitting: list[Source]) -> list[Source]:
    """Of an author's several works the short title fits, the ones it fits best, as a
    careful reader weighs them: the title's opening (the whole title, or a title cut
    short, a subtitle dropped: "Pakistan and Russia" opens two titles alike) before its
    words anywhere; a word may be cut ("Comm." for "Commentar").  Works that are then
    one title by one first author (the same work cited in full twice, its volume or part
    left in the title: "Handbuch, 1 a" and "Handbuch, i a") count once, the earliest."""
    short = _without_locator(short)
    ranks = {(s.note, s.index): _fit_rank(short, _without_locator(s.title)) for s in fitting}
    best = min(ranks.values())
    kept = [s for s in fitting if ranks[s.note, s.index] == best]
    works = {(s.families[:1], _without_locator(s.title)) for s in kept}
    return kept[:1] if len(works) == 1 else kept


# A volume or book number left at the end of a title ("1", "iv"), and a part's letter after
# it ("1 a", "3 b"); "N. T." and "A. T." keep their letters (two works).
_VOLUME_TOKEN = re.compile(r"\d{1,3}|[ivxlc]{1,4}")


def _without_locator(title: tuple[str, ...]) -> tuple[str, ...]:
    end = len(title)
    if end > 2 and len(title[-1]) == 1 and _VOLUME_TOKEN.fullmatch(title[-2]):
        end -= 1  # "1 a": the part's letter
    while end > 1 and _VOLUME_TOKEN.fullmatch(title[end - 1]):
        end -= 1
    return title[:end]


def opens_title(short_title: str, source: Source) -> bool:
    """The short title is the work's title, or its opening (cut short, a word cut)."""
    return _fit_rank(_without_locator(tokens_of(short_title)), _without_locator(source.title)) == 0


def _fit_rank(short: tuple[str, ...], full: tuple[str, ...]) -> int:
    """0: the short title opens the full one (or is it); 1: its words are in it."""
    opening = full[1:] if full and full[0] in _LEADING_ARTICLES and short[:1] != full[:1] else full
    for words in (full, opening):
        if len(short) <= len(words) and all(_one_word(a, b) for a, b in zip(short, words, strict=False)):
            return 0
    return 1


def _one_word(short: str, full: str) -> bool:
    return short == full or _abbreviates(short, (full,))


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
        return _numbered_designation(short, full)
    significant = set(short) - STOPWORDS
    return bool(significant) and all(w in full or _abbreviates(w, full) for w in significant)


def _numbered_designation(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "Trib. Roma, n. 338/2020, cit." for "Trib. Roma, sez. II, sentenza, 2020-02-20, n. 338":
    a decision's or an act's designation cut short; its number (and year) name the work, so
    every word of it in the full title, a number among them, is a fit without an author."""
    numbers = [w for w in short if w.isdigit() and len(w) >= 2]
    return len(short) >= 3 and bool(numbers) and set(short) <= set(full)


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
    # A pinpoint outside the one match's pages does not unmake the match: a Chicago
    # note's "(1983): 11-12" is often the pages cited, not the article's range.  The
    # check stage reports the page (pinpoint-out-of-range) against the entry.
    match = matches[0]
    return Outcome(
        citation=Citation(
            note=n, key=None, form=form, pinpoint=pinpoint,
            refers_to=match.note, rule=rule, source=match.note,
            source_index=match.index, refers_index=match.index,
        )
    )
