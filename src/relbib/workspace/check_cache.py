"""The cache of `relbib check`: .bib scans and library findings keyed by content hashes.

Input: .bib files (read here, by content hash) and the rules' findings.
Output: BibScans (slim ones from the cache when the content is unchanged), and a
LibraryFindings callable that remembers its results per set of .bib files.
Never: trust a cache entry it cannot read (a bad one is rebuilt), or fail a run
because the cache folder cannot be written (that only costs speed).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from relbib.check.context import ModelChoice, Rule
from relbib.check.runner import DRAFT_FIELDS, LibraryFindings, library_findings
from relbib.diagnostics import InputError
from relbib.formats.bibscan import BibScan, ScannedBlock, ScannedEntry, scan_bib
from relbib.model import Diagnostic, Severity
from relbib.workspace import decode_bytes, read_capped

# Bump when the scanner or the rules change what a cached result would hold.
CACHE_VERSION = 7


# what a cached scan or finding depends on besides the .bib: the scanner, the
# rules and their word lists (an upgraded relbib must not serve its old answers)
_CODE_PARTS = ("check", "formats", "lexicon", "diagnostics.py", "model.py")
_CODE_SUFFIXES = frozenset({".py", ".txt", ".tsv", ".json"})


@cache
def code_version() -> str:
    """CACHE_VERSION and a digest of the code and data the cached results come from."""
    return f"{CACHE_VERSION}:{code_digest(Path(__file__).resolve().parent.parent)}"


def code_digest(root: Path) -> str:
    """A digest of the scanner, rules and word lists of the relbib package at ``root``."""
    digest = hashlib.blake2b(digest_size=16)
    for part in _CODE_PARTS:
        top = root / part
        files = sorted(top.rglob("*")) if top.is_dir() else [top]
        for file in files:
            if file.suffix in _CODE_SUFFIXES and file.is_file():
                try:
                    digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes())
                except OSError:
                    digest.update(b"unreadable")
    return digest.hexdigest()


def display_path(path: Path) -> str:
    """The path as findings name it: relative to the working folder when under it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)



def _read(path: Path) -> bytes:
    try:
        return read_capped(path)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=str(path)) from None



# --- the cache --------------------------------------------------------------------------


def cache_dir() -> Path:
    """RELBIB_CACHE_DIR, else $XDG_CACHE_HOME/relbib, else ~/.cache/relbib."""
    explicit = os.environ.get("RELBIB_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "relbib"


def _diag_tuple(d: Diagnostic) -> tuple[object, ...]:
    return (d.path, d.line, d.column, d.severity.value, d.code, d.kind, d.message, d.keys,
            d.suggestion)


def _diag_of(t: Sequence[Any]) -> Diagnostic:
    path, line, column, severity, code, kind, message, keys, suggestion = t
    return Diagnostic(path=str(path), line=int(line), column=int(column),
                      severity=Severity(severity), code=str(code), kind=str(kind),
                      message=str(message), keys=tuple(keys), suggestion=str(suggestion))


class Cache:
    """Marshalled results keyed by content hashes; a write or read that fails is ignored."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get(self, name: str) -> Any:
        if self.folder is None:
            return None
        try:
            data = (self.folder / name).read_bytes()
            value = marshal.loads(data)
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if not isinstance(value, tuple) or len(value) != 2 or value[0] != code_version():
            return None
        return value[1]

    def put(self, name: str, value: Any) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle = tempfile.NamedTemporaryFile("wb", dir=self.folder, prefix=".tmp-",
                                                 delete=False)
            with handle:
                handle.write(marshal.dumps((code_version(), value)))
            os.replace(handle.name, self.folder / name)
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs speed


def _scan_from_cache(path: str, value: Any) -> BibScan | None:
    try:
        entries, strings, blocks, problems, suppress = value
        return BibScan(path=path, entries=tuple(ScannedEntry(*e) for e in entries),
                       strings=dict(strings), blocks=tuple(ScannedBlock(*b) for b in blocks),
                       problems=tuple(_diag_of(p) for p in problems),
                       suppressions={line: frozenset(c) for line, c in suppress.items()})
    except (TypeError, ValueError, AttributeError, KeyError):
        return None  # an entry of the right version but the wrong shape: rebuilt


def _slim(scan: BibScan) -> BibScan:
    """The scan with only the fields the draft rules read (see runner.DRAFT_FIELDS)."""
    entries = tuple(e._replace(fields={k: v for k, v in e.fields.items() if k in DRAFT_FIELDS},
                               field_lines={}, macros=())
                    for e in scan.entries)
    return BibScan(path=scan.path, entries=entries, strings=scan.strings, blocks=(),
                   problems=scan.problems, suppressions=scan.suppressions)


def _store(cache: Cache, name: str, scan: BibScan) -> None:
    cache.put(name, (
        [tuple(e) for e in scan.entries], dict(scan.strings), [tuple(b) for b in scan.blocks],
        [_diag_tuple(p) for p in scan.problems],
        {line: sorted(codes) for line, codes in scan.suppressions.items()}))


@dataclass(slots=True)
class BibFiles:
    """The .bib files of a run: real paths, content hashes, and which scans are slim."""

    cache: Cache
    paths: dict[str, Path] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    # id → every slim scan handed out (a second slim read of one file must not
    # make full() take the first slim copy for the whole file)
    slim: dict[int, BibScan] = field(default_factory=dict)
    whole: dict[str, BibScan] = field(default_factory=dict)  # path → the full scan, once read
    _read_hash: dict[str, str] = field(default_factory=dict)  # path → hash of the full scan

    def read(self, path: Path, *, slim: bool = False) -> BibScan:
        """The scan of one .bib file, from the cache when its content is unchanged.

        ``slim`` accepts the draft-fields view (fast to load); the library
        findings then come from their own cache, or :meth:`full` reads again.
        """
        data = _read(path)
        shown = display_path(path)
        digest = hashlib.blake2b(data, digest_size=20)
        digest.update(shown.encode())
        key = digest.hexdigest()
        self.paths[shown] = path
        self.hashes[shown] = key
        if shown in self.whole and self._read_hash.get(shown) == key:
            return self.whole[shown]  # read in full already this run
        if slim:
            scan = _scan_from_cache(shown, self.cache.get(f"slim-{key}"))
            if scan is not None:
                self.slim[id(scan)] = scan
                return scan
        # the full scan is not cached: scanning again costs less than marshalling it
        text = decode_bytes(data, path=shown).text if data.strip() else ""
        scan = scan_bib(text, path=shown)
        if slim:
            _store(self.cache, f"slim-{key}", _slim(scan))
        self.whole[shown] = scan
        self._read_hash[shown] = key
        return scan

    def full(self, scan: BibScan) -> BibScan:
        """``scan`` with every field (read again when a slim view was handed out)."""
        if self.slim.get(id(scan)) is not scan:
            return scan
        if scan.path not in self.whole:
            self.read(self.paths[scan.path])
        return self.whole[scan.path]


def cached_library_findings(files: BibFiles) -> LibraryFindings:
    """library_findings, remembered per (bib contents, data model, rule set)."""

    def compute(scans: tuple[BibScan, ...], model: ModelChoice,
                rules: Mapping[str, Rule]) -> tuple[Diagnostic, ...]:
        digest = hashlib.blake2b(digest_size=20)
        for part in (model, ",".join(sorted(rules)),
                     *(files.hashes.get(s.path, "") for s in scans)):
            digest.update(part.encode() + b"\0")
        name = f"lib-{digest.hexdigest()}"
        hit = files.cache.get(name)
        if isinstance(hit, list):
            try:
                return tuple(_diag_of(t) for t in hit)
            except (TypeError, ValueError, AttributeError, KeyError):
                pass  # the wrong shape: computed again
        found = library_findings(tuple(files.full(s) for s in scans), model, rules)
        files.cache.put(name, [_diag_tuple(d) for d in found])
        return found

    return compute
