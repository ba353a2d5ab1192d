"""The cyclic garbage collector, paused while relbib builds large trees of records.

Input: a block of code that makes many container objects (records, tuples,
dicts) that live on, or die by their reference counts.
Output: the same objects; the collector as it was before (on or off).
Never: lose memory (reference counting frees every acyclic object at once; the
collector runs again when the block ends) or change a result.

The collector starts a collection every ~700 new containers, and a full one
whenever the survivors have grown by a quarter, walking every object alive.
Building an index of a million sentences or unpickling a million links, those
walks took as long as the building itself (measured: ``corpus()`` of 1,000
essays 8.4 s with the collector, 4.1 s without).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off within the block, and as it was after it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
