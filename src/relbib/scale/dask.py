# mypy: disallow-untyped-calls=False
# (distributed ships no types for Client, scatter, as_completed)
"""Where the map runs on a Dask cluster: an existing ``dask.distributed`` scheduler.

Input: the scheduler's address (``tcp://host:8786``), a step, the shared
read-only value, chunks of named documents.
Output: one outcome per document, in the order of the chunks.
Never: lose a document.  The shared value is scattered once to every worker
(``broadcast``), not shipped with each task.  Dask reschedules the task of a
worker that dies; a chunk whose task fails anyway (``KilledWorker``) is
resubmitted one document at a time, and a document whose own task fails
becomes a Failed outcome.

Needs the ``relbib[dask]`` extra (``dask[distributed]``); relbib must be
installed on the workers too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from relbib.scale.records import unpack
from relbib.scale.tasks import Failed, Item, Step, crash_hook, packed_chunk

Done = Callable[[int], None]


class DaskScheduler:
    """The map on the workers of the scheduler at ``address``."""

    def __init__(self, address: str) -> None:
        from distributed import Client

        self.client = Client(address, set_as_default=False)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def run(self, step: Step, shared: object, chunks: Sequence[Sequence[Item]],
            done: Done) -> list[list[object]]:
        with self.client.as_current():  # as_completed and futures find this client
            return self._run(step, shared, chunks, done)

    def _run(self, step: Step, shared: object, chunks: Sequence[Sequence[Item]],
             done: Done) -> list[list[object]]:
        from distributed import as_completed

        handle = (None if shared is None
                  else self.client.scatter(shared, broadcast=True, hash=False))
        hook = crash_hook()
        out: list[list[object]] = [[None] * len(chunk) for chunk in chunks]
        tasks: dict[Any, tuple[int, int | None]] = {}  # future → (chunk, document or None)
        for c, chunk in enumerate(chunks):
            tasks[self.client.submit(packed_chunk, step, handle, list(chunk), hook,
                                     pure=False)] = (c, None)
        pending = as_completed(list(tasks))
        for future in pending:
            c, k = tasks.pop(future)
            if future.status == "finished":
                results = unpack(shared, future.result())
                out[c][0 if k is None else k:len(results) if k is None else k + 1] = results
                done(len(results))
            elif k is not None:  # a document on its own failed: it becomes a finding
                error = future.exception()
                out[c][k] = Failed(name=chunks[c][k][0], reason=f"{type(error).__name__}: {error}")
                done(1)
            else:  # the chunk's task failed (KilledWorker): again, one document at a time
                for k2, item in enumerate(chunks[c]):
                    again = self.client.submit(packed_chunk, step, handle, [item], hook,
                                               pure=False)
                    tasks[again] = (c, k2)
                    pending.add(again)
        if handle is not None:
            self.client.cancel(handle)
        return out

    def close(self) -> None:
        self.client.close()
