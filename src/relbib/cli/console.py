"""Terminal niceties for people: progress on stderr and summary tables.

Input: steps of long work, rows of a summary.
Output: text on stderr (progress) or stdout (the summary table); colour only
on a terminal and never with NO_COLOR.
Never: carry data a program reads (that is --format json on stdout).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any


def colour() -> bool:

    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


class Progress:
    """Steps of long work on stderr: a rich spinner on a colour TTY, else nothing."""

    def __init__(self) -> None:
        self._status: Any = None

    def __enter__(self) -> Progress:
        if colour():
            from rich.console import Console

            self._status = Console(stderr=True).status("starting")
            self._status.__enter__()
        return self

    def step(self, message: str) -> None:
        if self._status is not None:
            self._status.update(message)

    def __exit__(self, *exc: object) -> None:
        if self._status is not None:
            self._status.__exit__(*exc)


def summary_table(rows: Sequence[tuple[str, str]]) -> None:
    """The closing summary table, on stdout (rich's table on a colour TTY)."""
    if sys.stdout.isatty() and colour():
        from rich.console import Console
        from rich.table import Table

        table = Table(title="relbib build", show_header=False)
        for name, value in rows:
            table.add_row(name, value)
        Console().print(table)
        return
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        lines = value.split("\n") or [""]
        print(f"{name:<{width}}  {lines[0]}")
        for line in lines[1:]:
            print(f"{'':<{width}}  {line}")
