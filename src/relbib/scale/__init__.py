"""Corpus scale: ingest, link and check many documents on every core, or on a Dask cluster.

Input: ``--workers N`` or ``--scheduler ADDRESS`` (cli/), and the runs of
relbib.pipeline, which call :class:`Runner` for their per-document steps.
Output: the same results as a serial run, byte for byte (docs/scale.md).
Never: write files or print: workspace/ saves the reduced result, cli/ shows
progress.

Modules: ``tasks`` (what a worker runs), ``local`` (this process, a process
pool), ``dask`` (a ``dask.distributed`` scheduler), ``runner`` (map and reduce).
"""

from __future__ import annotations

from relbib.scale.runner import Progress, Runner

__all__ = ["DaskMissing", "Progress", "Runner", "runner_for"]


class DaskMissing(ImportError):
    """``--scheduler`` without the ``relbib[dask]`` extra."""


def runner_for(*, workers: int | None = None, scheduler: str | None = None,
               progress: Progress | None = None) -> Runner | None:
    """A Runner on ``workers`` local processes or the Dask ``scheduler``; None: serial."""
    if scheduler:
        try:
            from relbib.scale.dask import DaskScheduler

            return Runner(DaskScheduler(scheduler), progress)
        except ImportError as error:
            raise DaskMissing(str(error)) from error
    if workers:
        from relbib.scale.local import LocalPool

        return Runner(LocalPool(workers), progress)
    return None
