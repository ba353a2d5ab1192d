"""Corpus-scale runs: a map over documents of the pure pipeline, then a deterministic reduce.

Input: essays (path, text) to ingest; a prepared linking run (the library
index, read-only) and each essay's units to judge; a backend that runs the
map (this process, local processes, a Dask cluster).
Output: what the serial pipeline returns, in the same order, byte for byte,
plus one finding (parse-error, naming the file) per document that failed.
Never: write files (the reduce's result is saved by workspace/, as today),
let the order of results depend on where or when a task ran, or drop a
document.

:class:`Runner` is the :class:`relbib.claims.link.Parallel` the linker calls.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from relbib import collector
from relbib.claims.context import Run
from relbib.claims.glosses import Aliases
from relbib.claims.index import Analysis, Block, Vectorising, analyse, vector_block
from relbib.diagnostics import diagnostic
from relbib.model import Diagnostic, EssayIngest, Judgement, Link, LinkResult
from relbib.scale.records import Judging
from relbib.scale.tasks import (
    Failed,
    Item,
    Step,
    analyse_step,
    ingest_step,
    judge_step,
    vector_step,
)

# a task holds at most this many documents, and each worker gets about
# _TASKS_PER_WORKER tasks: coarse enough that IPC costs little, fine enough
# that the workers finish together and a dead worker costs little work
MAX_CHUNK = 64
_TASKS_PER_WORKER = 8

Progress = Callable[[str, int, int], None]  # (step, documents done, documents in all)


class Backend(Protocol):
    workers: int

    def run(self, step: Step, shared: object, chunks: Sequence[Sequence[Item]],
            done: Callable[[int], None]) -> list[list[object]]: ...

    def close(self) -> None: ...


def chunked(items: Sequence[Item], workers: int) -> list[Sequence[Item]]:
    """``items`` in consecutive chunks: about _TASKS_PER_WORKER per worker, at most MAX_CHUNK."""
    size = max(1, min(MAX_CHUNK, math.ceil(len(items) / (workers * _TASKS_PER_WORKER))))
    return [items[k:k + size] for k in range(0, len(items), size)]


def failure_finding(failed: Failed, step: str) -> Diagnostic:
    """A document that failed, as a finding naming its file."""
    return diagnostic("parse-error", f"could not be {step}: {failed.reason}", path=failed.name,
                      line=1, column=1,
                      suggestion="run again; if it fails again, please report it with this file")


def _linking_names(count: int) -> list[str]:
    """How the linking run's documents are named in findings and the test hook."""
    return [f"document {n + 1} of the linking run" for n in range(count)]


class Runner:
    """Runs the per-document steps of ingest and link on a backend; collects the failures."""

    def __init__(self, backend: Backend, progress: Progress | None = None) -> None:
        self.backend = backend
        self.progress = progress
        self._failures: list[Diagnostic] = []

    def _map(self, label: str, step: Step, shared: object, items: Sequence[Item]) -> list[Any]:
        """``step`` of every item, in order; failed ones are recorded and None."""
        total, seen = len(items), [0]

        def done(count: int) -> None:
            seen[0] += count
            if self.progress is not None:
                self.progress(label, seen[0], total)

        if self.progress is not None:
            self.progress(label, 0, total)
        chunks = chunked(items, self.backend.workers)
        # while the workers run, this process unpickles what they send back (the analyses,
        # then the links: a million records at 1,000 essays); with the collector on, its
        # collections walked the index and every record so far again and again, and took
        # most of this process's CPU (a core the workers need).  The records are trees,
        # freed by their reference counts: nothing is lost with the collector off.
        gc.freeze()
        try:
            with collector.paused():
                found = self.backend.run(step, shared, chunks, done)
        finally:
            gc.unfreeze()
        out: list[Any] = []
        for outcome in (o for chunk in found for o in chunk):
            if isinstance(outcome, Failed):
                self._failures.append(failure_finding(outcome, label))
                out.append(None)
            else:
                out.append(outcome)
        return out

    def take_failures(self) -> tuple[Diagnostic, ...]:
        """The findings of the documents that failed since the last call."""
        out, self._failures = tuple(self._failures), []
        return out

    def close(self) -> None:
        self.backend.close()

    # --- the map steps --------------------------------------------------------

    def ingest(self, sources: Sequence[tuple[str, str]]) -> tuple[EssayIngest | None, ...]:
        """Each (path, text) through stages 1-4, in order (None: it failed)."""
        return tuple(self._map("ingested", ingest_step, None,
                               [(path, (path, text)) for path, text in sources]))

    def analyse(self, texts: Sequence[Sequence[str]], aliases: Aliases) -> list[Analysis]:
        """Every text's analysis, documents in order (a failed document's texts as empty)."""
        names = _linking_names(len(texts))
        found = self._map("analysed", analyse_step, aliases, list(zip(names, texts, strict=True)))
        empty = analyse("", aliases)
        return [a for doc, result in zip(texts, found, strict=True)
                for a in (result if result is not None else [empty] * len(doc))]

    def vectorise(self, shared: Vectorising, documents: list[range]) -> list[Block]:
        """Each document's vectors, in order (a failed document's are made here: they are
        not optional)."""
        names = _linking_names(len(documents))
        found = self._map("vectorised", vector_step, shared,
                          list(zip(names, documents, strict=True)))
        return [block if block is not None else vector_block(shared, r)
                for block, r in zip(found, documents, strict=True)]

    def judge(self, run: Run, documents: Sequence[range]) -> LinkResult:
        """Each document's links and judgements, concatenated in document order."""
        names = [run.corpus.units[r.start].essay.path if len(r) else "" for r in documents]
        found = self._map("linked", judge_step, Judging(run), list(zip(names, documents, strict=True)))
        links: list[Link] = []
        judgements: list[Judgement] = []
        for result in found:
            if result is not None:
                links.extend(result.links)
                judgements.extend(result.judgements)
        return LinkResult(links=tuple(links), judgements=tuple(judgements))
