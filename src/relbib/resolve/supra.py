"""supra, "(n 3)", "above n 3": the work of the note it names.

Input: the supra reference and the notes resolved before it.
Output: the Outcome: the work of that note; when the note is missing or
unresolved, the one earlier work by the authors named, still reported.
Never: point to a later note.
"""

from __future__ import annotations

import re
from dataclasses import replace

from relbib.model import (
    Citation,
    Form,
    SupraRef,
)
from relbib.parse.forms import dashed_case_name
from relbib.resolve.sources import (
    STOPWORDS,
    Outcome,
    Source,
    describe,
    failed,
    family_key,
    tokens_of,
)

# The labels of unsigned law-review pieces a supra names instead of an author.
_UNSIGNED_LABELS = frozenset({("note",), ("comment",), ("recent", "case")})

# A supra whose note is missing or unresolved: read by the names it gives instead
# (one that names other authors than its note's stays unresolved: a wrong number).
_SUPRA_BY_NAME = frozenset({"supra-missing-note", "supra-unresolved"})

# Words naming a kind of document, not one work: "Lee Report" shares nothing with "Roe, Annual Report".
_KIND_WORDS = frozenset(
    "report reports interview memorandum memo letter study paper papers manual guide hearing hearings "
    "plan remarks statement testimony article book note comment survey review".split()
)

# "Case C-293/12 Digital Rights Ireland (n 26)": the word "Case" names no work's title.
_CASE_WORDS = frozenset({"case", "cases", "joined"})

# Where a supra's head ends: "Khan (n 3)", "Khan, supra note 3", "Khan, above n 3".
_SUPRA_HEAD = re.compile(r"\(\s?(?:nn?\.?|notes?|fn\.?)\s?\d|\b(?:supra|above)\b", re.IGNORECASE)


def resolve_supra(
    n: int, ref: SupraRef, sources: list[Source], done: dict[int, list[Citation]]
) -> Outcome:
    """The work of note ``ref.note``; when that note is missing or unresolved, the
    one earlier work by the authors the supra names, still reported."""
    outcome = _supra_by_number(n, ref, sources, done)
    names = tuple(f for f in (family_key(a) for a in ref.authors) if f)
    fits = {(s.note, s.index) for s in sources if s.note < n and names
            and (set(names) <= set(s.families) or s.title[: len(names)] == names)}
    if outcome.problem is None or outcome.citation.rule not in _SUPRA_BY_NAME or len(fits) != 1:
        return outcome
    (note, index), = fits
    return Outcome(citation=replace(outcome.citation, refers_to=note, rule="supra-by-name", source=note,
                                     source_index=index, refers_index=index),
                    problem=replace(outcome.problem, message=f"{outcome.problem.message}; read as note "
                                    f"{note}, the one earlier work it names"))


def _supra_by_number(
    n: int, ref: SupraRef, sources: list[Source], done: dict[int, list[Citation]]
) -> Outcome:
    target = ref.note
    if target >= n:
        return failed(
            n, Form.SUPRA, ref.pinpoint, "supra-forward",
            f"note {n}: supra points to note {target}, which is not an earlier note",
            "supra can only point back to an earlier note",
        )
    cited = done.get(target)
    if not cited:
        return failed(
            n, Form.SUPRA, ref.pinpoint, "supra-missing-note",
            f"note {n}: supra points to note {target}, which does not exist",
            "check the note number",
        )
    resolved = [c for c in cited if c.source is not None]
    if not resolved:
        return failed(
            n, Form.SUPRA, ref.pinpoint, "supra-unresolved",
            f"note {n}: supra points to note {target}, which is itself unresolved",
            f"resolve note {target} first",
        )
    families = tuple(f for f in (family_key(a) for a in ref.authors) if f)
    fitting = [c for c in resolved if not families or _names_source(families, c, sources)]
    if len({(c.source, c.source_index) for c in fitting}) != 1:
        # "*SCHUFA* (n 2)", "WP251 (n 10)": the words before the note number name one work's title
        words = set(tokens_of(_SUPRA_HEAD.split(ref.text, maxsplit=1)[0])) - STOPWORDS - _CASE_WORDS
        # "EuGH, (Fn. 10), - Verlag Esterbauer - Rn. 27": the dashed name picks the decision
        words |= set(tokens_of(dashed_case_name(ref.text) or "")) - STOPWORDS
        named = [c for c in resolved if words and words <= _words_of(c, sources)]
        fitting = named if len({(c.source, c.source_index) for c in named}) == 1 else fitting
        if not fitting and len({(c.source, c.source_index) for c in resolved}) == 1:
            # "Office of the Under Sec'y, supra note 1", "Elin, supra note 36": the one work of
            # note N shares a word with the name; "Khan" for a note by Hanif shares none
            fitting = [c for c in resolved if (words - _KIND_WORDS) & _words_of(c, sources)]
    if not fitting:
        return failed(
            n, Form.SUPRA, ref.pinpoint, "supra-author-mismatch",
            f"note {n}: supra names {describe(ref.authors, None)} but note {target} "
            "cites a source by other authors; left unresolved",
            "check the note number and the author",
        )
    if len({(c.source, c.source_index) for c in fitting}) > 1:
        return failed(
            n, Form.SUPRA, ref.pinpoint, "supra-several",
            f"note {n}: supra points to note {target}, which cites several works that fit; "
            "left unresolved",
            "name the author the supra refers to",
        )
    antecedent = fitting[0]
    return Outcome(
        citation=Citation(
            note=n, key=None, form=Form.SUPRA, pinpoint=ref.pinpoint,
            refers_to=target, rule="supra-note", source=antecedent.source,
            source_index=antecedent.source_index, refers_index=antecedent.index,
        )
    )


def _words_of(cited: Citation, sources: list[Source]) -> set[str]:
    """The title and author words of the source a citation resolved to."""
    source = next((s for s in sources if (s.note, s.index) == (cited.source, cited.source_index)), None)
    return set(source.title) | set(source.families) | source.words if source else set()


def _names_source(families: tuple[str, ...], cited: Citation, sources: list[Source]) -> bool:
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
