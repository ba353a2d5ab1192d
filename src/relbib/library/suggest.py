"""Finding things by approximate words: did-you-mean for keys, library search.

Input: a word or query and the keys or entries to look in.
Output: the closest key, or the entries that match, best first.
Never: touch a file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from rapidfuzz import fuzz, process

from relbib.model import Annotation, Entry


class _Browsable(Protocol):
    @property
    def sources(self) -> Mapping[str, Entry]: ...
    @property
    def essays(self) -> Mapping[str, Entry]: ...
    @property
    def annotations(self) -> Mapping[str, Annotation]: ...


def did_you_mean(word: str, candidates: Iterable[str], *, cutoff: float = 70.0) -> str | None:
    """The candidate closest to ``word``, if it is close enough to suggest."""
    pool = list(candidates)
    if not pool:
        return None
    lowered = {c.lower(): c for c in pool}
    if word.lower() in lowered:  # differs only in case
        return lowered[word.lower()]
    best = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=cutoff)
    return best[0] if best else None


def fold(text: str) -> str:
    """Lower-case ASCII-ish text for matching: 'Müller' → 'muller'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _haystack(entry: Entry, annotation: Annotation | None) -> str:
    parts: list[str] = [entry.key, entry.type]
    for value in entry.fields.values():
        if isinstance(value, tuple):
            parts.extend(f"{n.given} {n.family}" for n in value)
        else:
            parts.append(value)
    if annotation is not None:
        parts.append(annotation.summary)
        parts.extend(annotation.tags)
        parts.extend(c.quote for c in annotation.claims)
    return fold(" ".join(parts))


def search_entries(library: _Browsable, query: str) -> Sequence[Entry]:
    """Entries whose text holds every word of ``query`` (accents and case ignored).

    Ranked by how many times the words occur, then by key, so the order is stable.
    """
    words = fold(query).split()
    hits: list[tuple[int, str, Entry]] = []
    for pool in (library.sources, library.essays):
        for key, entry in pool.items():
            text = _haystack(entry, library.annotations.get(key))
            if all(w in text for w in words):
                hits.append((-sum(text.count(w) for w in words), key, entry))
    return [entry for _, _, entry in sorted(hits, key=lambda h: (h[0], h[1]))]
