"""The run's TF-IDF vectors, made essay by essay (on workers), are the whole run's.

A corpus-scale link makes each essay's sentence and paragraph vectors on a
worker and joins them in order (relbib.claims.index.vector_block). These tests
compute the vectors the plain way, over the whole run at once: every sentence's
vector from the vocabulary, every paragraph's the normalised sum of its
sentences', paragraphs numbered as they first appear. The joined blocks must
equal that to the last bit, also when two essays share an id (their paragraphs
join), and whether the blocks were made here or handed in by a parallel step.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace

from relbib.claims.glosses import Aliases
from relbib.claims.index import Block, Vectorising, analyse, corpus, units, vector_block
from relbib.claims.retrieval import Vocabulary
from relbib.ingest.essay import load_essay
from relbib.model import Essay

_ALIASES = Aliases()
_TEXTS = (
    "The Varnel dam was finished in 1933. It flooded the valley of the Oska.\n\n"
    "The reservoir drowned the village of Marel. Nine hundred people left.\n",
    "Engineers of the Tressan Company built the dam. The Oska river rose.\n\n"
    "Marel was never rebuilt. Its church tower still stands in the lake.\n\n"
    "The company's records are lost.\n",
    "Fishermen on the lake speak of the tower. The valley is a reservoir now.\n",
)


def _essays(shared_id: bool) -> list[Essay]:
    essays = [load_essay(text, path=f"essay{n}.md")[0] for n, text in enumerate(_TEXTS)]
    if shared_id:  # the third essay has the first one's id: its first paragraph is the first's
        essays[2] = replace(essays[2], id=essays[0].id)
    return essays


def _plain(essays: list[Essay]) -> tuple[list[dict[int, float]], list[dict[int, float]]]:
    """Every sentence's vector and every paragraph's, over the whole run at once."""
    found = units(essays, {})
    terms = [list(analyse(u.sentence.text, _ALIASES).terms) for u in found]
    vocabulary = Vocabulary(terms)
    vectors = [vocabulary.vector(t) for t in terms]
    sums: dict[tuple[str, int], dict[int, float]] = {}
    for unit, vector in zip(found, vectors, strict=True):
        total = sums.setdefault((unit.essay.id, unit.sentence.paragraph), defaultdict(float))
        for term, weight in vector.items():
            total[term] += weight
    paragraphs = []
    for total in sums.values():
        norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
        paragraphs.append({t: w / norm for t, w in total.items()})
    return vectors, paragraphs


def _made(essays: list[Essay], handed: list[list[range]] | None = None
          ) -> tuple[list[dict[int, float]], list[dict[int, float]]]:
    def elsewhere(shared: Vectorising, documents: list[range]) -> list[Block]:
        assert handed is not None
        handed.append(documents)
        return [vector_block(shared, r) for r in documents]

    made = corpus(units(essays, {}), (), _ALIASES,
                  vectorise=None if handed is None else elsewhere)
    return list(made.vectors), list(made.paragraph_vectors)


def test_vectors_made_essay_by_essay_are_the_whole_runs() -> None:
    essays = _essays(shared_id=False)
    handed: list[list[range]] = []
    plain = _plain(essays)
    assert _made(essays) == plain
    assert _made(essays, handed) == plain
    # one block per essay was handed out, in order, covering every sentence once
    (documents,) = handed
    assert len(documents) == len(essays)
    assert [i for r in documents for i in r] == list(range(len(units(essays, {}))))
    assert len(plain[1]) == 6  # 2 + 3 + 1 paragraphs: no essay's paragraph is another's


def test_essays_sharing_an_id_share_their_paragraphs_and_one_block() -> None:
    essays = _essays(shared_id=True)
    handed: list[list[range]] = []
    plain = _plain(essays)
    assert _made(essays, handed) == plain
    (documents,) = handed
    # the third essay goes on with the first's paragraph: one block from the first to the third
    assert documents == [range(len(units(essays, {})))]
    # the third essay's only paragraph is the first essay's first: 5 paragraphs in all
    assert len(plain[1]) == 5
