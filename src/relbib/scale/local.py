"""Where the map runs on this machine: in this process, or on N worker processes.

Input: a step, the shared read-only value, chunks of named documents.
Output: one outcome per document, in the order of the chunks, whatever the
order the workers finished in.
Never: lose a document.  A worker that dies (``BrokenProcessPool``) is
replaced and the unfinished documents resubmitted: first in their chunks,
then (documents caught in two deaths) one at a time, so the one that kills
its worker is known; after ``retries`` deaths it becomes a Failed outcome.

On Linux, when this process runs no other thread, the workers are forked: they
start with the shared value in memory.  Otherwise the shared value is pickled
once, into a private temporary file, and loaded by each worker in the pool's
initializer, never shipped with every task; those workers start by
``forkserver`` (``spawn`` where that is missing), never by ``fork`` (which
would copy another thread's locks held, rich's refresh thread among them).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import tempfile
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from relbib import collector
from relbib.scale.records import unpack
from relbib.scale.tasks import Failed, Item, Step, crash_hook, packed_chunk, run_chunk

Done = Callable[[int], None]  # told how many more documents are done

_SHARED: object = None  # the shared value, in a worker process
_HOOK: str | None = None  # the test hook (relbib.scale.tasks), in a worker process


def _install(shipped: str | None, hook: str | None) -> None:
    """The shared value in a new worker, read from the file ``shipped`` (never held
    as bytes beside the index it becomes, ~100 kB an essay); None: a forked worker,
    which has it already."""
    global _SHARED, _HOOK
    _HOOK = hook
    if shipped is None:
        return
    # nothing it makes is garbage: collecting while it loads triples the time
    with collector.paused(), open(shipped, "rb") as handle:
        _SHARED = pickle.load(handle)


def _pooled(step: Step, items: Sequence[Item]) -> bytes:
    return packed_chunk(step, _SHARED, items, _HOOK)


@contextmanager
def _shipped(shared: object) -> Iterator[tuple[str, int]]:
    """``shared`` pickled into a private temporary file, and the file's size: each new
    worker (and any that replaces a dead one) loads it from there.  The bytes are never
    held here: at 10,000 essays the index's pickle is ~1 GB."""
    handle, path = tempfile.mkstemp(prefix="relbib-shared-", suffix=".pickle")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(shared, out, protocol=pickle.HIGHEST_PROTOCOL)
            size = out.tell()
        yield path, size
    finally:
        os.unlink(path)


def _may_fork() -> bool:
    """Whether the workers may be forked from this process: on Linux, with no other
    thread running (a thread's locks would be copied held).  A forked worker starts
    with the shared value and the steps in its memory, shared with this process
    until written: nothing is pickled, shipped or loaded (at 10,000 essays the index's
    pickle is 891 MB, made here and loaded by each worker)."""
    return (sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


class Serial:
    """The map in this process, chunk after chunk (the reference result)."""

    workers = 1

    def run(self, step: Step, shared: object, chunks: Sequence[Sequence[Item]],
            done: Done) -> list[list[object]]:
        out = []
        for chunk in chunks:
            out.append(run_chunk(step, shared, chunk))
            done(len(chunk))
        return out

    def close(self) -> None:
        pass


class LocalPool:
    """The map on ``workers`` local processes, with bounded retries of dead workers."""

    def __init__(self, workers: int, *, retries: int = 2) -> None:
        self.workers = workers
        self.retries = retries
        self.shipped = 0  # bytes of the largest shared value shipped (benchmarks/link_scale.py)
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context(
            "forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:  # each new worker starts with the steps imported
            # (the parser is imported by the pipeline only when used: preloading it here saves
            # every new or restarted worker ~0.5 s of compiling its patterns)
            self.context.set_forkserver_preload(["relbib.scale.tasks", "relbib.pipeline",
                                                 "relbib.ingest.essay", "relbib.parse.split", "relbib.resolve"])

    def run(self, step: Step, shared: object, chunks: Sequence[Sequence[Item]],
            done: Done) -> list[list[object]]:
        if _may_fork():
            global _SHARED
            _SHARED = shared  # what each forked worker starts with
            try:
                return self._run(None, step, shared, chunks, done)
            finally:
                _SHARED = None
        with _shipped(shared) as (blob, size):
            self.shipped = max(self.shipped, size)
            return self._run(blob, step, shared, chunks, done)

    def _run(self, blob: str | None, step: Step, shared: object, chunks: Sequence[Sequence[Item]],
             done: Done) -> list[list[object]]:
        items = [item for chunk in chunks for item in chunk]
        groups, at = [], 0
        for chunk in chunks:
            groups.append(list(range(at, at + len(chunk))))
            at += len(chunk)
        outcomes: dict[int, object] = {}
        deaths: Counter[int] = Counter()
        while len(outcomes) < len(items):
            blamed = self._round(blob, shared, step, items, self._plan(groups, outcomes, deaths),
                                 outcomes, done)
            deaths.update(blamed)
            for k in blamed:
                if deaths[k] > self.retries:
                    outcomes[k] = Failed(name=items[k][0], reason=(
                        f"its worker process died {deaths[k]} times while processing it"))
                    done(1)
        out, at = [], 0
        for chunk in chunks:
            out.append([outcomes[k] for k in range(at, at + len(chunk))])
            at += len(chunk)
        return out

    def close(self) -> None:
        pass

    @staticmethod
    def _plan(groups: list[list[int]], outcomes: dict[int, object],
              deaths: Counter[int]) -> tuple[list[list[int]], int | None]:
        """The next round: documents never caught in a death in their chunks; else
        those caught once in their chunks; else the rest one at a time."""
        for wanted in (0, 1):
            plan = [[k for k in g if k not in outcomes and deaths[k] == wanted] for g in groups]
            plan = [g for g in plan if g]
            if plan:
                return plan, None
        return [[k] for g in groups for k in g if k not in outcomes], 1

    def _round(self, blob: str | None, shared: object, step: Step, items: Sequence[Item],
               plan: tuple[list[list[int]], int | None], outcomes: dict[int, object],
               done: Done) -> list[int]:
        """One pool's life: submit the groups (at most ``window`` at a time), record
        what finishes; the documents in flight when a worker died, blamed."""
        groups, window = plan
        queue = deque(groups)
        running: dict[Future[bytes], list[int]] = {}
        context = self.context if blob is not None else multiprocessing.get_context("fork")
        with ProcessPoolExecutor(self.workers, mp_context=context,
                                 initializer=_install, initargs=(blob, crash_hook())) as pool:
            while queue or running:
                while queue and (window is None or len(running) < window):
                    group = queue.popleft()
                    running[pool.submit(_pooled, step, [items[k] for k in group])] = group
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                broken = False
                for future in finished:
                    group = running.pop(future)
                    error = future.exception()
                    if isinstance(error, BrokenProcessPool):
                        running[future] = group
                        broken = True
                        continue
                    results = unpack(shared, future.result()) if error is None else [
                        Failed(name=items[k][0], reason=f"{type(error).__name__}: {error}")
                        for k in group]
                    outcomes.update(zip(group, results, strict=True))
                    done(len(group))
                if broken:
                    return [k for group in running.values() for k in group]
        return []
