"""Comparing the facts of two sentences: do they agree, support or contradict?

Input: two :class:`~relbib.claims.facts.Facts` (and, for support, the dates of
the narrative around each sentence and their lexical similarity).
Output: agreement verdicts, a support score, and the reason two sentences
conflict.
Never: look at text, files or any other sentence; keep state between calls.
"""

from __future__ import annotations

from collections.abc import Sequence

from relbib.claims.aliases import same_name
from relbib.claims.context import Thresholds
from relbib.claims.facts import DateFact, Facts

# role classes a person can hold only one of at a time (facts.py normalises the words)
_HEAD_OF_GOVERNMENT = frozenset({"prime minister"})
_HEAD_OF_STATE = frozenset({"head of state"})
# entity kinds that name one event or thing: sharing one means "the same event"
_EVENTS = frozenset({"event", "thing"})
# entity kinds specific enough to anchor a comparison (countries and regions are not)
_SPECIFIC = frozenset({"event", "thing", "person", "org", "name"})
# entity kinds whose agreement counts as a shared fact for support
_ANCHORS = frozenset({"event", "thing", "person", "name"})


def dates_agree(a: Facts | Sequence[DateFact], b: Facts | Sequence[DateFact]) -> bool | None:
    """True: some date of one falls in a date of the other; False: none do; None: no dates."""
    x_dates = a.dates if isinstance(a, Facts) else a
    y_dates = b.dates if isinstance(b, Facts) else b
    if not x_dates or not y_dates:
        return None
    return any(x.overlaps(y) for x in x_dates for y in y_dates)


def numbers_agree(a: Facts, b: Facts) -> bool | None:
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


def conflict(a: Facts, b: Facts, similarity: float, limits: Thresholds) -> tuple[str, str]:
    """(via, what) when ``a`` and ``b`` state the same event with different facts."""
    role = role_conflict(a, b)
    if role:
        return "role", role
    same_event = bool(shared_names(a, b, _EVENTS)) or (
        similarity >= limits.same_event and bool(shared_names(a, b, _SPECIFIC))
    )
    if not same_event:
        return "", ""
    if dates_agree(a, b) is False:
        return "date", f"{a.dates[0].text} / {b.dates[0].text}"
    if numbers_agree(a, b) is False:
        return "number", f"{a.quantities[0].text} / {b.quantities[0].text}"
    return "", ""


def support_score(similarity: float, a: Facts, b: Facts, a_dates: Sequence[DateFact],
                  b_dates: Sequence[DateFact], limits: Thresholds) -> float:
    """Lexical similarity raised by agreeing facts; zero when a fact contradicts.

    A sentence without a date takes the date of the narrative around it
    (``a_dates``, ``b_dates``): "X joined the alliance in 2017" is not
    supported by a claim made in a paragraph about 2003.  Without an anchor
    — an agreeing date or figure, or a shared named person, event or thing —
    only a near paraphrase counts.
    """
    if similarity <= 0:
        return 0.0
    dates, numbers = dates_agree(a_dates, b_dates), numbers_agree(a, b)
    if dates is False or numbers is False or role_conflict(a, b):
        return 0.0
    own_date = dates is True and bool(a.dates or b.dates)
    shared = shared_names(a, b, _ANCHORS)
    pieces = own_date + (numbers is True) + min(2, len(shared))
    if not (pieces >= 2 or (pieces == 1 and similarity >= limits.single_fact)
            or similarity >= limits.paraphrase):
        return 0.0
    bonus = 0.1 * own_date + 0.15 * (numbers is True) + 0.1 * min(2, len(shared))
    return min(1.0, similarity + bonus)
