"""Comparing the facts of two sentences: do they agree, support or contradict?

Input: two :class:`~relbib.claims.facts.Facts` (and, for support, the dates of
the narrative around each sentence and their lexical similarity).
Output: agreement verdicts, a support score, and the reason two sentences
conflict.
Never: look at text, files or any other sentence; keep state between calls.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from relbib.claims.aliases import same_name
from relbib.claims.context import Thresholds
from relbib.claims.facts import Facts
from relbib.claims.figures import DateFact
from relbib.claims.retrieval import concept, predicates

# role classes a person can hold only one of at a time (facts.py normalises the words)
_HEAD_OF_GOVERNMENT = frozenset({"prime minister"})
_HEAD_OF_STATE = frozenset({"head of state"})
# entity kinds of which two different ones mean two different events
_ONE_OF_A_KIND = ("person", "thing")
# what someone said about an event is not the event ("expressed his unhappiness on ...")
_REPORTING = frozenset({concept("declare")})
_DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade"})
# dates precise enough to tell two events of one year apart
_FINE = frozenset({"day", "month"})
# entity kinds that name one event or thing: sharing one means "the same event"
_EVENTS = frozenset({"event", "thing"})
# entity kinds specific enough to anchor a comparison (countries and regions are not)
_SPECIFIC = frozenset({"event", "thing", "person", "org", "name"})
# broad places: with a specific name, a second anchor of one story
_PLACES = frozenset({"region"})
# entity kinds whose agreement counts as a shared fact for support
_ANCHORS = frozenset({"event", "thing", "person", "name"})
# actors that many sentences of one subject share: they add little on their own
_ACTORS = frozenset({"country", "org"})


def dates_agree(a: Facts | Sequence[DateFact], b: Facts | Sequence[DateFact]) -> bool | None:
    """True: some date of one falls in a date of the other; False: none do; None: no dates."""
    x_dates = a.dates if isinstance(a, Facts) else a
    y_dates = b.dates if isinstance(b, Facts) else b
    if not x_dates or not y_dates:
        return None
    return any(x.overlaps(y) for x in x_dates for y in y_dates)


def numbers_agree(a: Facts, b: Facts, ratio: float = 0.0) -> bool | None:
    """Compared only for figures of the same kind and unit (money with money, helicopters ...).

    With ``ratio``, figures further apart than that factor are not compared:
    50 million and 675,000 deaths count different things (the world, a country).
    Durations ("in 33 years") are not compared: they count from different points.
    """
    verdict: bool | None = None
    for x in a.quantities:
        for y in b.quantities:
            if (x.kind, x.unit) != (y.kind, y.unit) or x.unit in _DURATIONS:
                continue
            if ratio and max(x.value, y.value) > ratio * max(min(x.value, y.value), 1e-9):
                continue
            tolerance = 0.1 if (x.approximate or y.approximate) else 0.01
            if abs(x.value - y.value) <= tolerance * max(abs(x.value), abs(y.value)):
                return True
            verdict = False
    return verdict


def shared_names(a: Facts, b: Facts, kinds: frozenset[str]) -> list[str]:
    """The names of ``kinds`` that both sentences mention."""
    return [x.name for x in a.entities if x.kind in kinds
            for y in b.entities if y.kind in kinds and same_name(x.name, y.name)]


def role_conflict(a: Facts, b: Facts) -> str:
    """A person called head of state in one and head of government in the other, same time."""
    if not dates_agree(a, b):
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


def _ordinal(day: tuple[int, int, int]) -> int:
    year, month, d = day
    return date(year, month, min(d, monthrange(year, month)[1])).toordinal()


def _gap(a: DateFact, b: DateFact) -> int:
    """Days between two dates (0 when they overlap)."""
    if a.overlaps(b):
        return 0
    early, late = (a, b) if a.last < b.first else (b, a)
    return _ordinal(late.first) - _ordinal(early.last)


def near_dates(a: Facts, b: Facts, window: int) -> str:
    """"x / y" when no date of one falls in a date of the other, yet two dates of month
    or day precision fall in one year within ``window`` days: one event, misdated."""
    if dates_agree(a, b) is not False:
        return ""
    for x in a.dates:
        for y in b.dates:
            fine = x.precision in _FINE and y.precision in _FINE
            if fine and x.first[0] == y.first[0] and _gap(x, y) <= window:
                return f"{x.text} / {y.text}"
    return ""


def persons_clash(a: Facts, b: Facts) -> bool:
    """Both name people (or products) and none of one is one of the other's."""
    for kind in _ONE_OF_A_KIND:
        x = [e.name for e in a.entities if e.kind == kind]
        y = [e.name for e in b.entities if e.kind == kind]
        if x and y and not any(same_name(p, q) for p in x for q in y):
            return True
    return False


def reported(a: frozenset[str], b: frozenset[str]) -> bool:
    """One sentence reports what someone said about the event the other states
    (only one says "declared", and the other names an event)."""
    said = (a ^ b) & _REPORTING
    if not said:
        return False
    other = b if said & a else a
    return bool(predicates(other) - _REPORTING)


def place_conflict(a: Facts, b: Facts) -> str:
    """One named place or thing put in two countries at the same time."""
    if dates_agree(a, b) is False:
        return ""
    for name, country in a.places:
        for other, elsewhere in b.places:
            if country != elsewhere and same_name(name, other):
                return f"{name}: {country} / {elsewhere}"
    return ""


def _money(a: Facts, b: Facts) -> bool:
    return any(x.kind == y.kind == "money" and x.unit == y.unit
               for x in a.quantities for y in b.quantities)


def event_conflict(a: Facts, b: Facts, concepts: tuple[frozenset[str], frozenset[str]],
                   limits: Thresholds) -> tuple[str, str]:
    """(via, what) for one kind of event (shared concepts), the same actors, and a date
    within the window, a place or a figure that differ."""
    a_concepts, b_concepts = concepts
    shared = a_concepts & b_concepts
    place = place_conflict(a, b)
    if place:
        return "place", place
    if persons_clash(a, b) or reported(a_concepts, b_concepts):
        return "", ""
    if not predicates(shared):
        # no shared word for what happened: it takes two shared names, at most one
        # sentence naming what happened, and dates weeks apart ("Eagle landed in the Sea of Tranquility on
        # 21 July" / "Eagle touched down in the Sea of Tranquility on 20 July")
        when = near_dates(a, b, limits.event_window)
        one_story = not (predicates(a_concepts) and predicates(b_concepts))
        return ("date", when) if one_story and when and _anchored(a, b) else ("", "")
    names = shared_names(a, b, _SPECIFIC | {"country"})
    if not (len(shared) >= 2 or names or _money(a, b)):
        return "", ""
    when = near_dates(a, b, limits.event_window)
    if when:
        return "date", when
    both_dated = dates_agree(a, b) is True or not (a.dates or b.dates)
    if both_dated and numbers_agree(a, b, ratio=limits.figure_ratio) is False:
        return "number", _differing(a, b)
    return "", ""


def _two_stories(concepts: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Each sentence names what happened, and not the same thing (a launch, a landing)."""
    a, b = predicates(concepts[0]), predicates(concepts[1])
    return bool(a and b and not a & b)


def _anchored(a: Facts, b: Facts) -> bool:
    """Two names in common, one of them specific (a person, thing, organisation, name)."""
    specific = shared_names(a, b, _SPECIFIC)
    return bool(specific) and len(specific) + len(shared_names(a, b, _PLACES)) >= 2


def _differing(a: Facts, b: Facts) -> str:
    for x in a.quantities:
        for y in b.quantities:
            if (x.kind, x.unit) == (y.kind, y.unit) and x.value != y.value:
                return f"{x.text} / {y.text}"
    return f"{a.quantities[0].text} / {b.quantities[0].text}"


def conflict(a: Facts, b: Facts, similarity: float, limits: Thresholds,
             concepts: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
             ) -> tuple[str, str]:
    """(via, what) when ``a`` and ``b`` state the same event with different facts.

    ``concepts``: each sentence's common words as concepts, for event matching.
    """
    role = role_conflict(a, b)
    if role:
        return "role", role
    same_event = bool(shared_names(a, b, _EVENTS)) or (
        similarity >= limits.same_event and bool(shared_names(a, b, _SPECIFIC))
        and not _two_stories(concepts)
    )
    if not same_event:
        return event_conflict(a, b, concepts, limits)
    if dates_agree(a, b) is False:
        return "date", f"{a.dates[0].text} / {b.dates[0].text}"
    if numbers_agree(a, b) is False:
        return "number", _differing(a, b)
    return event_conflict(a, b, concepts, limits)


@dataclass(frozen=True, slots=True, kw_only=True)
class Agreement:
    """What two sentences share, for support: the evidence behind a score."""

    score: float
    names: tuple[str, ...] = ()  # shared named people, events, things and organisations
    countries: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()  # the agreeing dates, as written
    figures: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()  # shared predicates (what happened)


_NONE = Agreement(score=0.0)


def agreement(similarity: float, a: Facts, b: Facts, dates: tuple[Sequence[DateFact],
              Sequence[DateFact]], limits: Thresholds,
              concepts: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
              subject: frozenset[str] = frozenset()) -> Agreement:
    """Lexical similarity raised by agreeing facts and meanings; zero when a fact contradicts.

    A sentence without a date takes the date of the narrative around it
    (``dates``): "X joined the alliance in 2017" is not supported by a claim
    made in a paragraph about 2003.  The pieces of agreement are an own date
    that agrees, a figure that agrees, shared named actors (people, events,
    things, organisations; countries count once), the same kind of event (a
    shared predicate such as "exploded"/"blew up") and the same common words
    (most concepts shared).  Two pieces make support; one piece needs a
    closer lexical match; none, a near paraphrase.  A ``subject`` name (one
    most claims of the library mention) is no piece.
    """
    if similarity <= 0:
        return _NONE
    agree, numbers = dates_agree(dates[0], dates[1]), numbers_agree(a, b)
    if agree is False or numbers is False or role_conflict(a, b):
        return _NONE
    own_date = agree is True and bool(a.dates or b.dates)
    shared = [name for name in shared_names(a, b, _ANCHORS) if name not in subject]
    countries = sorted({x for x in shared_names(a, b, _ACTORS)})
    common = concepts[0] & concepts[1]
    events = predicates(common)
    alike = len(common) >= 3  # three common words in common, after synonyms and stems
    strong = own_date + (numbers is True) + min(2, len(shared))
    # the same narrative date (both paragraphs are about one year) and the same kind of event
    weak = (bool(events) + alike + (len(countries) >= limits.actors)
            + (agree is True and not own_date))
    if reported(*concepts):
        weak = 0  # what someone said about an event does not state the event
    if not ((strong >= 2) or (strong + weak >= 2 and similarity >= limits.meaning)
            or (strong + weak >= 1 and similarity >= limits.single_fact)
            or similarity >= limits.paraphrase):
        return _NONE
    bonus = 0.1 * own_date + 0.15 * (numbers is True) + 0.1 * min(2, len(shared)) + 0.05 * weak
    return Agreement(
        score=min(1.0, similarity + bonus), names=tuple(dict.fromkeys(shared)),
        countries=tuple(countries), concepts=tuple(sorted(events)),
        dates=tuple(d.text for d in (a.dates or b.dates)) if own_date else (),
        figures=tuple(q.text for q in a.quantities) if numbers else (),
    )


def support_score(similarity: float, a: Facts, b: Facts, a_dates: Sequence[DateFact],
                  b_dates: Sequence[DateFact], limits: Thresholds) -> float:
    """The score of :func:`agreement` (without concepts)."""
    return agreement(similarity, a, b, (a_dates, b_dates), limits).score
