"""Lexical retrieval over sentences: terms, TF-IDF vectors and an inverted index.

Input: a sentence's text and the facts extracted from it; the term lists of
every sentence and claim (to weigh terms by how rare they are).
Output: term lists, sparse TF-IDF vectors, and the nearest documents to a query.
Never: compare every document with every other (a query reads the rarest
terms' postings first, within a budget, so the work per query is bounded),
read files, or hold state beyond one link run.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from relbib.claims.aliases import (
    KNOWN_NAMES,
    MONTHS,
    NUMBER_WORDS,
    SCALE_WORDS,
    SYNONYMS,
    canonical,
)
from relbib.claims.facts import Facts
from relbib.lexicon import claims as lexicon_claims

# A word (letters, inner apostrophes, dots and hyphens: "Mi-17", "U.S."), a
# single letter, or a figure with thousands separators or decimals ("2,800").
_WORD = r"[A-Za-z][A-Za-z’'.\-]*[A-Za-z]"
_LETTER = r"[A-Za-z]"
_FIGURE = r"\d+(?:[.,]\d+)*"
_TOKEN = re.compile(f"{_WORD}|{_LETTER}|{_FIGURE}")
_STOPWORDS = frozenset(
    """the a an and or of to in on at by for from with as is are was were be been being
    this that these those it its their there then than which who whom whose what when
    where while also not no but has have had will would could should can may might
    both between into over under after before during since about such other more most
    very much many some any each all two one his her he she they them we our us your
    said says also later soon further however thus hence therefore""".split()
)


def terms(text: str, facts: Facts) -> list[str]:
    """Content words, canonical names and normalised figures of a sentence.

    A hyphenated common word also counts as its parts ("joint-military"
    matches "joint military exercise"); names keep their hyphens ("Mi-17").
    """
    out: list[str] = []
    tokens = _TOKEN.findall(text if text.isascii() else fold_keep_case(text))
    skip = 0
    for at, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        run = _known_name(tokens, at)
        if run:
            out.append(run[0])
            skip = run[1] - 1
            continue
        if token[0].isdigit():
            out.append(token.replace(",", ""))
            continue
        lower = token.lower().strip(".'-")
        if lower in _STOPWORDS or len(lower) < 3:
            continue
        if lower in NUMBER_WORDS:
            out.append(str(NUMBER_WORDS[lower]))
        elif token[0].isupper():
            # each part of "Indo-US" or "Pak-Russia" is a name of its own, and a
            # name's words are stemmed like any word ("Gas Pipeline"/"gas pipelines")
            for part in token.split("-"):
                name = canonical(part)
                if name in KNOWN_NAMES:
                    out.append(name.replace(" ", "_"))
                else:
                    out.extend(w if w.isdigit() else stem(w) for w in name.split())
        elif "-" in lower:
            out.extend(concept(part) for part in lower.split("-")
                       if len(part) >= 3 and part not in _STOPWORDS)
        else:
            out.append(concept(lower))
    out.extend("e:" + e.name for e in facts.entities if e.kind != "country")
    out.extend(f"q:{q.value:g}:{q.unit}" for q in facts.quantities)
    return out


# words that measure or hedge a figure rather than say what happened
_MEASURES = frozenset(
    """per cent percent year years month months week weeks day days hour hours minute minutes
    decade decades century centuries around about nearly almost roughly approximately some
    over under more less than least people person persons""".split()
)


def concepts(text: str) -> frozenset[str]:
    """The common words of a sentence as concepts: what happened, not who or when.

    Lower-case content words only (names, figures, months and number words are
    facts, compared elsewhere), each as its synonym group's stem: "died" and
    "killed" are one concept, "exploded" and "explosion" another.
    """
    out: set[str] = set()
    for token in _TOKEN.findall(text if text.isascii() else fold_keep_case(text)):
        lower = token.lower().strip(".'-")
        if (not token[0].islower() or lower in _STOPWORDS or len(lower) < 3
                or lower in NUMBER_WORDS or lower in MONTHS or lower in _MEASURES
                or lower in SCALE_WORDS):
            continue
        out.update(concept(part) for part in lower.split("-")
                   if len(part) >= 3 and part not in _STOPWORDS)
    return frozenset(out)


def _known_name(tokens: list[str], at: int) -> tuple[str, int] | None:
    """A country or organisation written in two to four capitalised words
    ("United States") as one term, and how many tokens it takes."""
    if not tokens[at][0].isupper() or at + 1 == len(tokens) or not tokens[at + 1][0].isupper():
        return None  # every name here starts with two capitalised words
    for length in (4, 3, 2):
        words = tokens[at:at + length]
        if len(words) == length and all(w[0].isupper() for w in words):
            name = canonical(" ".join(words))
            if name in KNOWN_NAMES:
                return name.replace(" ", "_"), length
    return None


def fold_keep_case(text: str) -> str:
    """Accents removed and quotes made straight, capitals kept (they mark names)."""
    text = text.replace("’", "'").replace("‘", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# Inflections folded so that one word meets its forms (a light Porter step 1
# and 5): "exercises"/"exercise", "countries"/"country", "lifted"/"lift".
_SUFFIXES = ("ingly", "edly", "ing", "ied", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """``word`` without its inflection: the same stem for its plural, past and -ing forms."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + ("i" if suffix in ("ied", "ies") else "")
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"
    return word


def _concepts() -> dict[str, str]:
    """Stem of each one-word synonym → the stem of its group's canonical word."""
    out: dict[str, str] = {}
    for head, words in SYNONYMS.items():
        for word in (head, *words):
            if " " not in word:
                out[stem(word)] = stem(head)
    return out


_CONCEPT: dict[str, str] = {}


def concept(word: str) -> str:
    """The stem of a lower-case word, or of the word its synonym group is named by."""
    if not _CONCEPT:
        _CONCEPT.update(_concepts())
    stemmed = stem(word)
    return _CONCEPT.get(stemmed, stemmed)


@dataclass(slots=True)
class Index:
    """TF-IDF vectors of documents and an inverted index over them (build-time only)."""

    vectors: list[dict[int, float]] = field(default_factory=list)
    postings: dict[int, list[tuple[int, float]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, vector: dict[int, float]) -> int:
        doc = len(self.vectors)
        self.vectors.append(vector)
        for term, weight in vector.items():
            self.postings[term].append((doc, weight))
        return doc

    def search(self, query: dict[int, float], *, k: int, budget: int,
               skip: int = -1) -> list[tuple[float, int]]:
        """Top ``k`` documents by cosine, reading the rarest terms first within ``budget``."""
        scores: dict[int, float] = {}
        spent = 0
        for term in sorted(query, key=lambda t: len(self.postings.get(t, ()))):
            posting = self.postings.get(term)
            if not posting:
                continue
            if spent + len(posting) > budget and spent:
                break
            spent += len(posting)
            weight = query[term]
            get = scores.get
            for doc, other in posting:
                scores[doc] = get(doc, 0.0) + weight * other
        scores.pop(skip, None)
        return top(scores, k)


def top(scores: dict[int, float], k: int) -> list[tuple[float, int]]:
    """The ``k`` largest (score, doc) pairs, largest first: what ``heapq.nlargest``
    returns, found by sorting the bare scores (in C) and keeping those at or above
    the k-th (a generator of pairs through nlargest cost a third of a query)."""
    if len(scores) > k:
        floor = sorted(scores.values(), reverse=True)[k - 1]
        return sorted([(s, d) for d, s in scores.items() if s >= floor], reverse=True)[:k]
    return sorted(zip(scores.values(), scores.keys(), strict=True), reverse=True)


_PREDICATES: set[str] = set()


def predicates(found: frozenset[str]) -> frozenset[str]:
    """The concepts among ``found`` that name what happened (relbib.lexicon's event words)."""
    if not _PREDICATES:
        _PREDICATES.update(concept(word) for word in lexicon_claims.events())
    return found & _PREDICATES


class Vocabulary:
    """Term ids and document frequencies over every sentence and claim."""

    def __init__(self, documents: Iterable[list[str]]) -> None:
        self.ids: dict[str, int] = {}
        df: dict[int, int] = defaultdict(int)
        self.count = 0
        for doc_terms in documents:
            self.count += 1
            for term in set(doc_terms):
                df[self.ids.setdefault(term, len(self.ids))] += 1
        self.idf = {t: math.log((1 + self.count) / (1 + n)) + 1.0 for t, n in df.items()}

    def vector(self, doc_terms: list[str]) -> dict[int, float]:
        counts: dict[int, int] = defaultdict(int)
        for term in doc_terms:
            if term in self.ids:
                counts[self.ids[term]] += 1
        weights = {t: (1 + math.log(n)) * self.idf[t] for t, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
