"""The language server's state between requests: the project, the checks, the keys.

Input: the editor's documents (through :class:`relbib.lsp.project.Session`).
Output: for one document, its last check request and run, the keys its
citations resolve against (with their entries, sorted for completion), the
formatter and the claim ranker.
Never: speak the protocol (server.py does) or print.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relbib.check.context import ClaimInputs
from relbib.check.drafts import LATEX_SUFFIXES
from relbib.check.runner import CheckRequest, DraftUnit
from relbib.formats.bibscan import BibScan, ScannedEntry
from relbib.lsp.diagnose import DraftRun, LibraryMemo, draft_run
from relbib.lsp.project import Session
from relbib.lsp.sources import Formatter, Ranker
from relbib.render import DEFAULT_STYLE
from relbib.workspace.check import cached_library_findings

__all__ = ["Keys", "Located", "State", "is_latex"]


def is_latex(path: Path) -> bool:
    return path.suffix.lower() in LATEX_SUFFIXES


@dataclass(frozen=True, slots=True, kw_only=True)
class Located:
    """A .bib entry and the file it stands in."""

    scan: BibScan
    entry: ScannedEntry


class Keys:
    """The entries of some .bib files, by key and in sorted order."""

    def __init__(self, scans: tuple[BibScan, ...]) -> None:
        self.scans = scans
        self.by_key: dict[str, Located] = {}
        for scan in scans:
            for entry in scan.entries:
                self.by_key.setdefault(entry.key, Located(scan=scan, entry=entry))
        self.sorted = sorted((k.lower(), k) for k in self.by_key)
        # entries in file order: the most recently added come last
        self.order = {k: i for i, k in enumerate(self.by_key)}

    def starting_with(self, prefix: str) -> Iterator[str]:
        """Keys that start with ``prefix`` (case ignored), in sorted order."""
        low = prefix.lower()
        i = bisect_left(self.sorted, (low, ""))
        while i < len(self.sorted) and self.sorted[i][0].startswith(low):
            yield self.sorted[i][1]
            i += 1


class State:
    """Everything the handlers share."""

    def __init__(self, root: Path, *, style: str = DEFAULT_STYLE) -> None:
        self.session = Session(root)
        self.encoding = "utf-16"  # the position encoding the client and server agreed
        self.memo = LibraryMemo(cached_library_findings(self.session.files))
        self.formatter = Formatter(style)
        self.requests: dict[Path, CheckRequest] = {}
        self.runs: dict[Path, DraftRun] = {}
        self._keys: dict[tuple[int, ...], Keys] = {}
        self._ranker: tuple[int, Ranker | None] | None = None
        self.published: dict[str, int] = {}  # uri → how many diagnostics were sent

    def request(self, path: Path, *, fresh: bool = False) -> CheckRequest:
        real = path.resolve()
        if fresh or real not in self.requests:
            self.requests[real] = self.session.request_for(real)
        return self.requests[real]

    def run(self, path: Path) -> DraftRun:
        """Check the document at ``path`` as the editor holds it."""
        request = self.request(path, fresh=True)
        claims = self.session.claims_for(request) if request.drafts else None
        result = draft_run(request, self.memo, claims)
        self.runs[path.resolve()] = result
        return result

    def unit(self, path: Path) -> DraftUnit | None:
        request = self.request(path)
        return request.drafts[0] if request.drafts else None

    def claims(self, path: Path) -> ClaimInputs | None:
        request = self.request(path)
        return self.session.claims_for(request) if request.drafts else None

    def keys(self, path: Path) -> Keys:
        """The entries the document's citations resolve against."""
        request = self.request(path)
        unit = request.drafts[0] if request.drafts else None
        if unit is not None:
            scans = tuple(request.bibs[p] for p in unit.bib_paths if p in request.bibs)
        else:
            scans = tuple(request.bibs.values())
        key = tuple(id(s) for s in scans)
        held = self._keys.get(key)
        if held is None or held.scans != scans:
            if len(self._keys) > 8:
                self._keys.clear()
            held = Keys(scans)
            self._keys[key] = held
        return held

    def ranker(self) -> Ranker | None:
        generation = self.session.generation
        if self._ranker is None or self._ranker[0] != generation:
            library: Any = self.session.library()
            annotations = getattr(library, "annotations", None) or {}
            has = any(a.claims or a.summary for a in annotations.values())
            self._ranker = (generation, Ranker(annotations) if has else None)
        return self._ranker[1]
