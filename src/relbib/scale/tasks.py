"""What a worker process runs: one chunk of documents through one pure step.

Input: a step (a module-level function of the shared, read-only value and
one document), the shared value (the library index, the aliases) and a chunk
of named documents.
Output: one outcome per document, in order: the step's result, or a
:class:`Failed` naming the document and why.
Never: write a file, or let one document's exception end the chunk (a
failing document is an outcome, never a lost result).

The one look at the environment, ``RELBIB_TEST_CRASH_ONCE``, is a test hook
(tests/scale): ``[STEP:]NAME|MARKER`` makes the worker handling the document
named ``NAME`` (in the step named ``STEP``, e.g. ``judge_step``) die
(``os._exit``) once, the first time, leaving the file ``MARKER`` behind; with
no ``MARKER``, every time.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from relbib import collector, model
from relbib.claims import context, facts, figures, glosses, index
from relbib.claims.glosses import Aliases
from relbib.claims.index import Analysis, Block, Vectorising, analyse, vector_block
from relbib.claims.link import judge
from relbib.model import EssayIngest, LinkResult
from relbib.scale.records import Judging, fast_records, pack

CRASH_HOOK = "RELBIB_TEST_CRASH_ONCE"


Item = tuple[str, Any]  # (the document's name, what the step reads of it)
Step = Callable[[Any, Any], Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Failed:
    """A document a step could not process: its name and the reason."""

    name: str
    reason: str


# what travels between processes: the documents, the shared index, the results
fast_records(model, context, facts, figures, glosses, index, sys.modules[__name__])


def run_chunk(step: Step, shared: object, items: Sequence[Item],
              hook: str | None = None) -> list[object]:
    """``step(shared, payload)`` of each item, an exception becoming a Failed
    (``hook``: the test hook's value, read where the run started)."""
    out: list[object] = []
    for name, payload in items:
        if hook:
            _crash_once(hook, getattr(step, "__name__", ""), name)
        try:
            out.append(step(shared, payload))
        except Exception as error:  # noqa: BLE001 (any bug in one document is that document's)
            out.append(Failed(name=name, reason=f"{type(error).__name__}: {error}"))
    return out


_FROZEN = [0]  # id() of the shared value this worker froze out of the collector's sight


def packed_chunk(step: Step, shared: object, items: Sequence[Item],
                 hook: str | None = None) -> bytes:
    """:func:`run_chunk`'s outcomes, pickled, as a worker returns them.

    Made and pickled with the cyclic collector off: the records are trees, freed
    by their counts, and a collection every few hundred new records walked all
    of them again, and the index too.  The shared value (the index: a million
    objects and more, kept for the whole map) is frozen out of the collector's
    sight the first time a worker sees it.  The main process unpickles the
    bytes as they arrive (relbib.scale.runner turns its collector off meanwhile).
    """
    if shared is not None and _FROZEN[0] != id(shared):
        gc.freeze()
        _FROZEN[0] = id(shared)
    with collector.paused():
        return pack(shared, run_chunk(step, shared, items, hook))


def crash_hook() -> str | None:
    """The test hook's value in this process's environment (read by the backends
    where the run starts: a forkserver's workers do not see later changes)."""
    return os.environ.get(CRASH_HOOK) or None


def _crash_once(hook: str, step: str, name: str) -> None:
    wanted, _, marker = hook.partition("|")
    if wanted not in (name, f"{step}:{name}"):
        return
    if not marker:  # no marker: every time (a document that always kills its worker)
        os._exit(70)
    if not os.path.exists(marker):
        with open(marker, "w", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        os._exit(70)


# --- the steps: module-level, so spawned workers find them by name ---------------


def ingest_step(_shared: object, source: tuple[str, str]) -> EssayIngest:
    """Stages 1-4 of one essay (path, text)."""
    from relbib.pipeline import ingest_essay

    path, text = source
    return ingest_essay(text, path=path)


def analyse_step(aliases: Aliases, texts: Sequence[str]) -> tuple[Analysis, ...]:
    """The facts, terms and concepts of one document's sentences (or claims)."""
    return tuple(analyse(text, aliases) for text in texts)


def vector_step(shared: Vectorising, units: range) -> Block:
    """The TF-IDF vectors of one essay's sentences and paragraphs."""
    return vector_block(shared, units)


def judge_step(judging: Judging, units: range) -> LinkResult:
    """The links and judgements of one essay's units against the shared index."""
    return judge(judging.run, units)
