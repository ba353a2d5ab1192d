"""The language server's view of one project: open documents, .bib files, the library.

Input: the workspace folder, the texts the editor holds, and file changes.
Output: check requests for a document (found as `relbib check` finds them,
through relbib.workspace.check.collect), scanned .bib files kept between
edits, the relbib library (annotations, claims) and every draft of the project.
Never: write a file, judge a citation (relbib.check does), or print (stdout
carries the protocol).

A .bib file is scanned once and kept; it is scanned again only when its
content changes on disk (its size or mtime, or a watched-file event) or in
the editor, and then only that file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from relbib.check.context import ClaimInputs
from relbib.check.drafts import scan_draft
from relbib.check.records import DraftScan
from relbib.check.runner import CheckRequest
from relbib.diagnostics import InputError
from relbib.formats.bibscan import BibScan, scan_bib
from relbib.workspace import Project, decode_bytes, find_project, read_capped
from relbib.workspace import includes as workspace_includes
from relbib.workspace.check import (
    BibFiles,
    Cache,
    cache_dir,
    claim_inputs,
    collect,
    display_path,
    expand_paths,
)

__all__ = ["EditorBibFiles", "Session", "real_path"]

# a project folder this large is not searched whole for references
_MAX_PROJECT_DRAFTS = 2000


def real_path(shown: str) -> Path:
    """The file a finding's path names (display paths are relative to the working folder)."""
    path = Path(shown)
    return path if path.is_absolute() else (Path.cwd() / path).resolve()


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class EditorBibFiles(BibFiles):
    """BibFiles that keep every scan for the session and prefer the editor's text."""

    def __init__(self, cache: Cache) -> None:
        super().__init__(cache)
        self.editor: dict[Path, str] = {}  # real path → the text an editor holds
        self.editor_scans: dict[str, tuple[str, BibScan]] = {}  # shown → (digest, scan)
        self.stamps: dict[Path, tuple[int, int] | None] = {}
        self.disk_hashes: dict[str, str] = {}
        self.scans_done = 0  # how many times a file was scanned (for tests and benchmarks)

    def read(self, path: Path, *, slim: bool = False) -> BibScan:
        real = path.resolve()
        shown = display_path(path)
        self.paths[shown] = path
        text = self.editor.get(real)
        if text is not None:
            digest = "editor-" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                                 digest_size=20).hexdigest()
            self.hashes[shown] = digest
            held = self.editor_scans.get(shown)
            if held is None or held[0] != digest:
                self.scans_done += 1
                held = (digest, scan_bib(text, path=shown))
                self.editor_scans[shown] = held
            return held[1]
        stamp = _stamp(real)
        if stamp is not None and self.stamps.get(real) == stamp and shown in self.whole:
            self.hashes[shown] = self.disk_hashes[shown]
            return self.whole[shown]
        self.scans_done += 1
        scan = super().read(path, slim=False)
        self.stamps[real] = stamp
        self.disk_hashes[shown] = self.hashes[shown]
        return scan

    def forget(self, path: Path) -> None:
        """A watched-file event: the file is read again when next needed."""
        self.stamps.pop(path.resolve(), None)


class Session:
    """One project as the editor sees it."""

    def __init__(self, root: Path) -> None:
        self.project: Project = find_project(root)
        self.files = EditorBibFiles(Cache(cache_dir()))
        self.texts: dict[Path, str] = {}  # open drafts and .bib files by real path
        self.generation = 0  # bumped when a .bib or an annotation changes
        self._claims: dict[tuple[Any, ...], ClaimInputs | None] = {}
        self._library: tuple[int, Any] | None = None
        self._draft_scans: dict[Path, tuple[Any, DraftScan]] = {}
        self._bib_texts: dict[str, tuple[str, str]] = {}

    # -- the editor's texts ---------------------------------------------------------

    def set_text(self, path: Path, text: str) -> None:
        real = path.resolve()
        self.texts[real] = text
        if real.suffix.lower() == ".bib":
            self.files.editor[real] = text
            self.generation += 1

    def close(self, path: Path) -> None:
        real = path.resolve()
        self.texts.pop(real, None)
        if self.files.editor.pop(real, None) is not None:
            self.generation += 1

    def changed_on_disk(self, path: Path) -> None:
        self.files.forget(path)
        self._draft_scans.pop(path.resolve(), None)
        self.generation += 1

    @contextmanager
    def _editor_texts(self) -> Iterator[None]:
        # collect() reads a draft through workspace.includes's --stdin-filename
        # table: the open drafts are read as the editor holds them
        table = workspace_includes.STDIN
        table.clear()
        table.update({p: t for p, t in self.texts.items() if p.suffix.lower() != ".bib"})
        try:
            yield
        finally:
            table.clear()

    # -- check requests -------------------------------------------------------------

    def request_for(self, path: Path) -> CheckRequest:
        """What `relbib check PATH` would check, with the editor's texts."""
        with self._editor_texts():
            return collect([path], [], self.project, self.files)

    def claims_for(self, request: CheckRequest) -> ClaimInputs | None:
        """The library's claim knowledge for ``request`` (remembered per .bib set)."""
        bibs = tuple(sorted((p, self.files.hashes.get(p, "")) for p in request.bibs))
        key = (bibs, self.generation, bool(request.drafts))
        if key not in self._claims:
            if len(self._claims) > 16:
                self._claims.clear()
            try:
                self._claims[key] = claim_inputs(self.project, request, self.files)
            except (InputError, OSError):
                self._claims[key] = None
        return self._claims[key]

    def library(self) -> Any:
        """The relbib library (annotations and claims), or None without one."""
        if self._library is None or self._library[0] != self.generation:
            value = None
            folder = self.project.annotations_dir
            if self.project.sources_bib.is_file() or folder.is_dir():
                from relbib.workspace import load_library

                try:
                    value = load_library(self.project)
                except (InputError, OSError, ValueError):
                    value = None
            self._library = (self.generation, value)
        return self._library[1]

    def library_scans(self) -> list[BibScan]:
        """The library's own .bib files (bib/sources.bib, bib/essays.bib), scanned."""
        out: list[BibScan] = []
        for path in (self.project.sources_bib, self.project.essays_bib):
            if path.is_file():
                try:
                    out.append(self.files.read(path))
                except InputError:
                    continue
        return out

    # -- texts of files -------------------------------------------------------------

    def text_of(self, path: Path) -> str:
        """The editor's text of a file, else the file's (empty when unreadable)."""
        real = path.resolve()
        if real in self.texts:
            return self.texts[real]
        try:
            data = read_capped(real)
            return decode_bytes(data, path=str(real)).text if data.strip() else ""
        except (InputError, OSError):
            return ""

    def bib_text(self, shown: str) -> str:
        """The text a .bib scan was made from (offsets of its blocks index it)."""
        path = real_path(shown)
        digest = self.files.hashes.get(shown, "")
        held = self._bib_texts.get(shown)
        if held is None or held[0] != digest:
            held = (digest, self.text_of(path))
            self._bib_texts[shown] = held
        return held[1]

    # -- the project's drafts -------------------------------------------------------

    def draft_scans(self) -> list[DraftScan]:
        """Every draft of the project folder and every open draft, scanned."""
        paths: dict[Path, None] = dict.fromkeys(p for p in self.texts
                                                if p.suffix.lower() != ".bib")
        try:
            found = expand_paths([self.project.root])
        except (InputError, OSError):
            found = []
        for kind, path in found[:_MAX_PROJECT_DRAFTS * 4]:
            if kind == "draft" and len(paths) < _MAX_PROJECT_DRAFTS:
                paths.setdefault(path.resolve())
        out: list[DraftScan] = []
        for path in paths:
            scan = self._draft_scan(path)
            if scan is not None:
                out.append(scan)
        return out

    def _draft_scan(self, path: Path) -> DraftScan | None:
        text = self.texts.get(path)
        version: Any = ("editor", hash(text)) if text is not None else _stamp(path)
        held = self._draft_scans.get(path)
        if held is not None and held[0] == version:
            return held[1]
        scan = scan_draft(text if text is not None else self.text_of(path),
                          path=display_path(path))
        if scan is not None:
            self._draft_scans[path] = (version, scan)
        return scan
