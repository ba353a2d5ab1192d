"""Lexical retrieval over sentences: terms, TF-IDF vectors and an inverted index.

Input: a sentence's text and the facts extracted from it; the term lists of
every sentence and claim (to weigh terms by how rare they are).
Output: term lists, sparse TF-IDF vectors (held in flat arrays: :class:`Vectors`),
and the nearest documents to a query (:class:`Index`).
Never: compare every document with every other (a query reads the rarest
terms' postings first, within a budget, so the work per query is bounded),
read files, hold state beyond one link run, or change a score's last bit
(the arrays hold doubles, and sums run in the order the plain index ran them).
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from operator import mul
from typing import cast, overload

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


class Vectors(Sequence[dict[int, float]]):
    """Sparse TF-IDF vectors in three flat arrays: term ids, weights and where each ends.

    A dict of floats per sentence took ~1 kB and unpickled object by object in
    every worker; these arrays take 12 bytes a term and pickle as raw bytes.
    ``vectors[i]`` is the dict :meth:`Vocabulary.vector` made, terms in its order
    and weights bit for bit (doubles), so sums over it are the same.
    """

    __slots__ = ("_ends", "_terms", "_weights")

    def __init__(self, vectors: Iterable[Mapping[int, float]] = ()) -> None:
        self._terms = array("i")
        self._weights = array("d")
        self._ends = array("q")
        for vector in vectors:
            self.append(vector)

    def append(self, vector: Mapping[int, float]) -> int:
        """Adds ``vector`` at the end; its index."""
        self._terms.extend(vector.keys())
        self._weights.extend(vector.values())
        self._ends.append(len(self._terms))
        return len(self._ends) - 1

    def extend(self, other: Vectors) -> None:
        """Adds ``other``'s vectors at the end, as appending each would."""
        base = len(self._terms)
        self._terms.extend(other._terms)
        self._weights.extend(other._weights)
        self._ends.extend(end + base for end in other._ends)

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> dict[int, float]: ...

    @overload
    def __getitem__(self, i: slice) -> list[dict[int, float]]: ...

    def __getitem__(self, i: int | slice) -> dict[int, float] | list[dict[int, float]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self._ends)
        end = self._ends[i]  # IndexError past the end (iteration stops there)
        start = self._ends[i - 1] if i else 0
        return dict(zip(self._terms[start:end], self._weights[start:end], strict=True))

    def __iter__(self) -> Iterator[dict[int, float]]:
        return (self[i] for i in range(len(self)))

    def __getstate__(self) -> tuple[array[int], array[float], array[int]]:
        return self._terms, self._weights, self._ends

    def __setstate__(self, state: tuple[array[int], array[float], array[int]]) -> None:
        self._terms, self._weights, self._ends = state


class Index:
    """TF-IDF vectors of documents and an inverted index over them.

    Documents are added one by one; the postings are laid out on the first
    search (or before pickling): for each term, a slice of two flat arrays
    (documents, weights), highest weight first.
    """

    __slots__ = ("_docs", "_starts", "_weights", "vectors")

    def __init__(self) -> None:
        self.vectors = Vectors()
        self._starts: array[int] | None = None  # term t's postings: [starts[t], starts[t + 1])
        self._docs = array("i")
        self._weights = array("d")

    def add(self, vector: dict[int, float]) -> int:
        self._starts = None
        return self.vectors.append(vector)

    def _laid_out(self) -> tuple[array[int], array[int], array[float]]:
        """The postings, laid out once: term by term, each by weight, highest first
        (ties in document order: ``sorted`` is stable)."""
        if self._starts is None:
            self._starts, self._docs, self._weights = _postings(*self.vectors.__getstate__())
        return self._starts, self._docs, self._weights

    def __getstate__(self) -> tuple[Vectors, array[int], array[int], array[float]]:
        starts, docs, weights = self._laid_out()
        return self.vectors, starts, docs, weights

    def __setstate__(self, state: tuple[Vectors, array[int], array[int], array[float]]) -> None:
        self.vectors, self._starts, self._docs, self._weights = state

    def search(self, query: dict[int, float], *, k: int, budget: int,
               skip: int = -1) -> list[tuple[float, int]]:
        """Top ``k`` documents by cosine, reading the rarest terms first within ``budget``.

        A document's score sums its terms' products in the query's rarest-first
        order (the order decides the last bit of a float, and so ties).
        """
        starts, docs, weights = self._laid_out()
        last = len(starts) - 1

        def size(term: int) -> int:
            return starts[term + 1] - starts[term] if 0 <= term < last else 0

        read: list[int] = []
        spent = 0
        for term in sorted(query, key=size):
            length = size(term)
            if not length:
                continue
            if spent + length > budget and spent:
                break
            spent += length
            read.append(term)
        if len(read) == 1:  # one term: its postings are in score order already
            return _top_of_one(docs, weights, starts[read[0]], starts[read[0] + 1],
                               query[read[0]], k, skip)
        scores: dict[int, float] = {}
        for term in read:
            weight, a, b = query[term], starts[term], starts[term + 1]
            if not scores:  # 0.0 + x is x: the first term's products are the scores
                scores = dict(zip(docs[a:b], map(weight.__mul__, weights[a:b]), strict=True))
                continue
            get = scores.get
            for doc, other in zip(docs[a:b], weights[a:b], strict=True):
                scores[doc] = get(doc, 0.0) + weight * other
        scores.pop(skip, None)
        return top(scores, k)


def _postings(terms: array[int], weights: array[float], ends: array[int],
              ) -> tuple[array[int], array[int], array[float]]:
    """Each term's (document, weight) postings in two flat arrays (a counting sort of
    the vectors' terms), each term's slice by weight, highest first, ties in document order."""
    starts = array("q", bytes(8 * (max(terms, default=-1) + 2)))
    for term in terms:
        starts[term + 1] += 1
    for t in range(1, len(starts)):
        starts[t] += starts[t - 1]
    fill = array("q", starts)
    docs, out = array("i", bytes(4 * len(terms))), array("d", bytes(8 * len(terms)))
    start = 0
    for doc, end in enumerate(ends):
        for k in range(start, end):
            j = fill[terms[k]]
            docs[j], out[j] = doc, weights[k]
            fill[terms[k]] = j + 1
        start = end
    for t in range(len(starts) - 1):
        a, b = starts[t], starts[t + 1]
        if b - a > 1:  # sorted is stable: equal weights stay in document order
            order = sorted(range(a, b), key=out.__getitem__, reverse=True)
            docs[a:b] = array("i", [docs[j] for j in order])
            out[a:b] = array("d", [out[j] for j in order])
    return starts, docs, out


def _top_of_one(docs: array[int], weights: array[float], a: int, b: int, weight: float,
                k: int, skip: int) -> list[tuple[float, int]]:
    """:func:`top` of one term's postings (weights highest first): the products fall as
    the weights do, so reading stops below the k-th score, ties included."""
    out: list[tuple[float, int]] = []
    for j in range(a, b):
        doc = docs[j]
        if doc == skip:
            continue
        score = weight * weights[j]
        if len(out) >= k and (k <= 0 or score < out[k - 1][0]):
            break
        out.append((score, doc))
    out.sort(reverse=True)
    return out[:k] if k > 0 else []


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
        # each document's distinct terms, counted in C: a term's id is the order in
        # which it first appears, and its frequency the documents that hold it
        documents = list(documents)
        df = Counter(chain.from_iterable(map(set, documents)))
        self.count = len(documents)
        self.ids: dict[str, int] = {term: n for n, term in enumerate(df)}
        self.idf = {n: math.log((1 + self.count) / (1 + df[term])) + 1.0
                    for term, n in self.ids.items()}

    def vector(self, doc_terms: list[str]) -> dict[int, float]:
        found = Counter(map(self.ids.get, doc_terms))  # by first appearance, as the terms come
        found.pop(None, None)  # a term the vocabulary lacks (a query's)
        counts = cast("Counter[int]", found)
        idf, log = self.idf, math.log
        weights = {t: (1 + log(n)) * idf[t] for t, n in counts.items()}
        values = weights.values()
        norm = math.sqrt(sum(map(mul, values, values))) or 1.0
        return {t: w / norm for t, w in weights.items()}


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
