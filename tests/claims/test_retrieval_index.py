"""The compact index returns what the plain inverted index returned, to the last bit.

relbib.claims.retrieval keeps vectors and postings in flat arrays and reads a
one-term query's postings highest weight first, stopping below the k-th score.
A link run's output depends on every score and every tie, so these tests
compare it with the plain algorithm (a dict of postings, every posting read,
the k best kept): the same (score, document) pairs, in the same order, for
random vectors with many equal weights (ties), small budgets (one-term reads)
and a skipped document.
"""

from __future__ import annotations

import pickle
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from relbib.claims.index import WordSets
from relbib.claims.retrieval import Index, Vectors

# few terms and few distinct weights: postings overlap and scores tie
_WEIGHTS = st.sampled_from([0.125, 0.25, 0.3, 0.5, 0.7071067811865476, 1.0])
_VECTOR = st.dictionaries(st.integers(0, 11), _WEIGHTS, min_size=1, max_size=6)


def plain_search(vectors: list[dict[int, float]], query: dict[int, float], *, k: int,
                 budget: int, skip: int = -1) -> list[tuple[float, int]]:
    """The reference: postings in document order, rarest terms first within the budget,
    every posting of a read term accumulated, the k largest (score, document) pairs."""
    postings: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for doc, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((doc, weight))
    scores: dict[int, float] = {}
    spent = 0
    for term in sorted(query, key=lambda t: len(postings.get(t, ()))):
        posting = postings.get(term)
        if not posting:
            continue
        if spent + len(posting) > budget and spent:
            break
        spent += len(posting)
        for doc, other in posting:
            scores[doc] = scores.get(doc, 0.0) + query[term] * other
    scores.pop(skip, None)
    return sorted(((s, d) for d, s in scores.items()), reverse=True)[:k]


def _index(vectors: list[dict[int, float]]) -> Index:
    index = Index()
    for vector in vectors:
        index.add(vector)
    return index


@settings(max_examples=300, deadline=None)
@given(vectors=st.lists(_VECTOR, min_size=1, max_size=40), query=_VECTOR,
       k=st.integers(1, 6), budget=st.integers(1, 60), skip=st.integers(-1, 40))
def test_search_returns_what_the_plain_index_returns(vectors: list[dict[int, float]],
                                                     query: dict[int, float], k: int,
                                                     budget: int, skip: int) -> None:
    expected = plain_search(vectors, query, k=k, budget=budget, skip=skip)
    assert _index(vectors).search(query, k=k, budget=budget, skip=skip) == expected


def test_a_one_term_query_keeps_every_tie_at_the_kth_score() -> None:
    # term 0 is in five documents; three tie at the second-best weight
    vectors = [{0: 0.5}, {0: 0.9}, {0: 0.5, 1: 0.2}, {0: 0.5}, {0: 0.1}, {1: 0.3}]
    got = _index(vectors).search({0: 1.0}, k=2, budget=1)
    # ties broken as the plain index breaks them: the larger document number first
    assert got == [(0.9, 1), (0.5, 3)]
    assert got == plain_search(vectors, {0: 1.0}, k=2, budget=1)


def test_a_skipped_document_is_never_returned() -> None:
    vectors = [{0: 1.0}, {0: 0.5}, {0: 0.25}]
    assert _index(vectors).search({0: 1.0}, k=2, budget=100, skip=0) == [(0.5, 1), (0.25, 2)]


def test_the_index_searches_the_same_after_pickling() -> None:
    vectors = [{3: 0.5, 1: 0.75}, {1: 1.0}, {2: 0.5, 3: 0.75}]  # exact in binary
    index = _index(vectors)
    back = pickle.loads(pickle.dumps(index))
    assert back.search({1: 0.5, 3: 0.75}, k=3, budget=10) == index.search(
        {1: 0.5, 3: 0.75}, k=3, budget=10) == [(0.75, 0), (0.5625, 2), (0.5, 1)]
    assert list(back.vectors) == vectors


def test_vectors_give_back_each_dict_in_its_order() -> None:
    given_vectors = [{5: 0.1, 2: 0.9}, {}, {7: 1.0}]
    vectors = Vectors(given_vectors)
    assert len(vectors) == 3
    assert [list(v.items()) for v in vectors] == [[(5, 0.1), (2, 0.9)], [], [(7, 1.0)]]
    assert vectors[-1] == {7: 1.0}
    back = pickle.loads(pickle.dumps(vectors))
    assert list(back) == given_vectors


def test_word_sets_give_back_each_set_and_share_their_words() -> None:
    words: list[str] = []
    concepts = WordSets([{"kill", "bomb"}, set(), {"bomb"}], words)
    claims = WordSets([{"launch", "kill"}], words)
    assert list(concepts) == [frozenset({"kill", "bomb"}), frozenset(), frozenset({"bomb"})]
    assert claims[0] == frozenset({"launch", "kill"})
    assert sorted(words) == ["bomb", "kill", "launch"]  # each word held once
    assert list(pickle.loads(pickle.dumps(concepts))) == list(concepts)
