"""How relbib writes a library: one writer at a time, all files or none.

Input: a library folder (the project root) and a plan of writes (path → bytes).
Output: the files written, or an InputError that says why nothing was.
Never: write a file in place, replace a symlink by a regular file, leave a
temp file or a staging folder behind after the next run, or let two relbib
runs write the same library at once.

The protocol (tests/security/test_data_*.py check it with real processes):

1. **Lock.** A writer holds ``fcntl.flock`` on ``<root>/.relbib.lock``; a
   second run fails at once with the pid of the first, or waits (``--wait``).
2. **Stage.** Every new file is written into ``<root>/.relbib-staging-<pid>/``
   (next to its target when that lies on another device), fsynced, with the
   mode of the file it replaces.
3. **Commit.** The journal ``<root>/.relbib-journal.json`` names each staged
   file and its target; it is written to a temp file, fsynced and renamed.
   Its rename is the commit point.
4. **Switch.** Each staged file is renamed over its target (``os.replace``:
   through a symlink, onto the file the link points at); the target folders
   are fsynced; then the journal and the staging folder are removed.

Recovery (each writer on taking the lock; ``load_library`` when the lock is
free): a journal left by a killed run is carried out again (step 4 is
idempotent), so the library is wholly new; staging without a journal is
removed, so the library is wholly old.  Stale temp files of older relbib
versions (``annotations/.KEY.yaml.XXXX.tmp``) are removed too.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from relbib.diagnostics import InputError

LOCK_NAME = ".relbib.lock"
JOURNAL_NAME = ".relbib-journal.json"
STAGING_PREFIX = ".relbib-staging-"
# what a run killed mid-write leaves: a staged file next to its target, or the
# temp file of an atomic write (``.KEY.yaml.k2j3_x.tmp``, older relbib versions)
_STALE = re.compile(r"^\.[^/]+\.(?:relbib-\d+\.staged|[A-Za-z0-9_]+\.tmp)$")
# a file name longer than this many bytes is refused by most file systems
NAME_MAX = 255


class LibraryLocked(InputError):
    """Another relbib run holds the library's write lock."""


# locks this process holds: root → (file descriptor, depth)
_HELD: dict[Path, tuple[int, int]] = {}


def _lock_holder(fd: int) -> str:
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        pid = os.read(fd, 32).decode("ascii", "replace").strip()
        if pid.isdigit():
            return pid
    return "?"


@contextlib.contextmanager
def library_lock(root: Path, *, wait: bool = False,
                 folders: Iterable[Path] = ()) -> Iterator[None]:
    """Hold the library's write lock (re-entrant within one process).

    Without ``wait``, a held lock is a :class:`LibraryLocked` error naming the
    holder's pid.  Once the lock is taken, what a killed run left is
    recovered (see the module docstring); ``folders`` are searched for stale
    temp files besides ``root``.
    """
    root = root.resolve()
    held = _HELD.get(root)
    if held is not None:
        _HELD[root] = (held[0], held[1] + 1)
        try:
            yield
        finally:
            fd, depth = _HELD[root]
            _HELD[root] = (fd, depth - 1)
        return
    fd = _open_lock(root)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise LibraryLocked(
                    f"library {root} is locked by another relbib run (pid {_lock_holder(fd)});"
                    " use --wait to wait for it", path=str(root / LOCK_NAME)) from None
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _HELD[root] = (fd, 1)
        recover(root, folders)
        yield
    finally:
        if _HELD.get(root, (None,))[0] == fd:
            del _HELD[root]
        os.close(fd)  # closing releases the flock


def _open_lock(root: Path) -> int:
    try:
        return os.open(root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise InputError(f"cannot lock the library: {error.strerror or error}",
                         path=str(root)) from None


def needs_recovery(root: Path, folders: Iterable[Path] = ()) -> bool:
    """Whether a killed run left a journal, a staging folder or a temp file."""
    for folder in (root, *folders):
        with contextlib.suppress(OSError):
            for name in os.listdir(folder):
                if name.startswith((JOURNAL_NAME, STAGING_PREFIX)) or (
                        folder != root and _STALE.match(name)):
                    return True
    return False


def recover_if_free(root: Path, folders: Iterable[Path] = ()) -> None:
    """Recover now if a killed run left something and no run holds the lock."""
    if not needs_recovery(root, folders):
        return
    with contextlib.suppress(LibraryLocked), library_lock(root, folders=folders):
        pass  # taking the lock recovers


def recover(root: Path, folders: Iterable[Path] = ()) -> None:
    """Finish a committed switch, or drop an uncommitted one; remove temp files."""
    journal = root / JOURNAL_NAME
    if journal.exists():
        try:
            moves = _read_journal(journal, root)
        except (OSError, ValueError):
            moves = []  # unreadable: never committed (the journal is renamed into place)
        _switch(moves)
        journal.unlink(missing_ok=True)
        _fsync_dir(root)
    for folder in (root, *folders):
        with contextlib.suppress(OSError):
            for name in os.listdir(folder):
                path = folder / name
                if name.startswith(STAGING_PREFIX) and path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                elif name.startswith(JOURNAL_NAME) or (folder != root and _STALE.match(name)):
                    path.unlink(missing_ok=True)  # temp files only in bib/ and annotations/


def _read_journal(journal: Path, root: Path) -> list[tuple[Path, Path]]:
    data = json.loads(journal.read_text(encoding="utf-8"))
    return [(root / staged, root / target) for staged, target in data["moves"]]


# --- writing ------------------------------------------------------------------


def write_target(path: Path) -> Path:
    """The file a write to ``path`` changes: the end of its symlinks.

    InputError for a link that points nowhere or at something that is not a
    regular file: relbib writes through links, never over them.
    """
    if not path.is_symlink():
        return path
    real = Path(os.path.realpath(path))
    if not real.parent.is_dir():
        raise InputError(f"the symlink points into a missing folder ({real.parent}); "
                         "fix or remove the link", path=str(path))
    if real.exists() and not real.is_file():
        raise InputError("the symlink does not point at a regular file", path=str(path))
    return real


def check_names(paths: Iterable[Path]) -> None:
    """InputError before anything is written when a file name is too long."""
    for path in paths:
        if len(os.fsencode(path.name)) > NAME_MAX:
            raise InputError(f"the file name is longer than {NAME_MAX} bytes",
                             path=str(path))


def commit(root: Path, plan: Mapping[Path, bytes]) -> None:
    """Write every file of ``plan`` or none (see the module docstring).

    The caller holds the lock (:func:`library_lock`).
    """
    if not plan:
        return
    targets = {path: write_target(path) for path in plan}
    check_names(targets.values())
    staging = root / f"{STAGING_PREFIX}{os.getpid()}"
    staging.mkdir(exist_ok=True)
    moves: list[tuple[Path, Path]] = []
    try:
        for n, path in enumerate(sorted(plan)):
            target = targets[path]
            target.parent.mkdir(parents=True, exist_ok=True)
            staged = staging / f"{n}"
            if os.stat(target.parent).st_dev != os.stat(staging).st_dev:
                staged = target.parent / f".{target.name}.relbib-{os.getpid()}.staged"
            _write_file(staged, plan[path], _mode_of(target))
            moves.append((staged, target))
        _fsync_dir(staging)
        _write_journal(root, moves)
    except BaseException:
        for staged, _ in moves:
            staged.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _switch(moves)
    (root / JOURNAL_NAME).unlink()
    _fsync_dir(root)
    shutil.rmtree(staging, ignore_errors=True)


def _mode_of(target: Path) -> int | None:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return None  # a new file follows the umask


def _write_file(path: Path, data: bytes, mode: int | None) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_journal(root: Path, moves: list[tuple[Path, Path]]) -> None:
    def rel(path: Path) -> str:
        return os.path.relpath(path, root)

    text = json.dumps({"pid": os.getpid(),
                       "moves": [[rel(s), rel(t)] for s, t in moves]}, indent=1)
    temp = root / f"{JOURNAL_NAME}.{os.getpid()}.tmp"
    _write_file(temp, text.encode("utf-8"), None)
    os.replace(temp, root / JOURNAL_NAME)
    _fsync_dir(root)  # the commit point is on disk


def _switch(moves: list[tuple[Path, Path]]) -> None:
    folders: set[Path] = set()
    for staged, target in moves:
        if staged.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
        folders.add(target.parent)
    for folder in sorted(folders):
        _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
