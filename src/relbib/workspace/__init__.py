"""All of relbib's file I/O: find the project, read inputs, load and save the library.

Input: paths from the command line and the files under them.
Output: decoded text, a :class:`Project`, a :class:`Library`, a plan of
writes (path → new text), and those writes done atomically.
Never: parse BibTeX or YAML itself (formats/ does), write a file whose
content would not change, leave a half-written file or a temp file behind,
or let a citation key name a path outside annotations/.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from relbib.diagnostics import InputError, UsageError
from relbib.formats.names import annotation_stem, is_hashed_stem
from relbib.library.keys import key_problem, safe_key
from relbib.workspace.config import (
    ESSAYS_BIB,
    SOURCES_BIB,
    Project,
    find_project,
    is_file,
)
from relbib.workspace.ledger import LEDGER, decode_exact
from relbib.workspace.text import (
    BOM_ENCODINGS,
    MAX_INPUT_BYTES,
    MAX_TEXT_BYTES,
    TextFile,
    decode_bytes,
    lf_newlines,
    looks_binary,
    read_capped,
    read_text,
    read_text_file,
)

__all__ = ["BOM_ENCODINGS", "ESSAYS_BIB", "ESSAY_SUFFIXES", "MAX_INPUT_BYTES",
           "MAX_TEXT_BYTES", "SOURCES_BIB", "ZIP_ESSAY_SUFFIXES", "Project", "SavePlan",
           "TextFile", "annotation_path", "check_output_folder", "check_output_target",
           "decode_bytes", "find_project", "form_name", "is_file", "iter_essay_paths",
           "lf_newlines", "library_essays", "library_lock", "load_library", "looks_binary",
           "plan_save", "read_capped", "read_essay_file", "read_essays", "read_stdin",
           "read_text", "read_text_file", "relative_name", "save", "write_atomic",
           "write_text"]

if TYPE_CHECKING:
    from relbib.formats.bibtex import BibDocument
    from relbib.library.core import Library
    from relbib.model import Annotation

# The library's formats (bibtexparser, yaml) are imported where they are
# used: `relbib check` needs only the project and the decoder, and pays for
# nothing else at start-up.

ESSAY_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".tex", ".docx", ".odt", ".epub")
# Essays that are zips: read as bytes and handed on decoded latin-1 (one
# character a byte; relbib.ingest.essay turns them back into the bytes).
ZIP_ESSAY_SUFFIXES = (".docx", ".odt", ".epub")


def read_stdin(*, path: str = "<stdin>") -> str:
    """Standard input as text, decoded like a file; InputError past
    :data:`MAX_INPUT_BYTES` (read in chunks: an endless stream is cut short)."""
    import sys

    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise InputError("standard input is closed", path=path)
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"the input is larger than relbib reads ({MAX_INPUT_BYTES // 2**20} MB)",
                         path=path)
    return decode_bytes(data, path=path).text if data else ""


# --- essays ----------------------------------------------------------------------


def is_unpacked_epub(path: Path) -> bool:
    """Whether ``path`` is the folder of an EPUB book unpacked (a Standard Ebooks
    source tree's ``src/``): it holds ``META-INF/container.xml`` (OCF 3.0, 3.5)."""
    return path.is_dir() and (path / "META-INF" / "container.xml").is_file()


def _book_holding(path: Path) -> Path | None:
    """The unpacked EPUB book that is ``path`` or holds the folder ``path`` (its
    ``epub/text/`` of chapters and endnotes), if any."""
    if not path.is_dir():
        return None
    return next((p for p in (path, *list(path.resolve().parents)[:3]) if is_unpacked_epub(p)), None)


def iter_essay_paths(paths: Iterable[Path]) -> list[Path]:
    """The essay files named by ``paths`` (files, or folders searched
    recursively; hidden ones skipped), sorted and without repeats.  An unpacked
    EPUB book among them is one essay: its folder (its chapters and endnotes
    are one book's text and notes)."""
    found: set[Path] = set()
    for path in paths:
        book = _book_holding(path)
        if book is not None:
            found.add(book)
        elif path.is_dir():
            books = [c.parent.parent for c in path.rglob("META-INF/container.xml")
                     if not any(p.startswith(".") for p in c.relative_to(path).parts)]
            found.update(books)
            for candidate in path.rglob("*"):
                relative = candidate.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if any(b == candidate or b in candidate.parents for b in books):
                    continue
                if candidate.is_file() and candidate.suffix.lower() in ESSAY_SUFFIXES:
                    found.add(candidate)
        elif path.is_file():
            if path.suffix.lower() not in ESSAY_SUFFIXES:
                raise InputError(
                    "not an essay file (relbib reads " + ", ".join(ESSAY_SUFFIXES) + ")",
                    path=str(path))
            found.add(path)
        else:
            raise InputError("no such file or folder", path=str(path))
    return sorted(found)


def relative_name(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when under it, else as given; with "/"
    separators, and a backslash in a name kept as a character (``./a\\b.txt``
    has a "/", so no one takes it for a Windows path)."""
    try:
        name = path.relative_to(root).as_posix()
    except ValueError:
        name = path.as_posix()
    return f"./{name}" if "\\" in name and "/" not in name else name


def read_essays(paths: Sequence[Path], project: Project) -> list[tuple[str, str]]:
    """(name, text) of every essay ``paths`` name; InputError when there is none.

    Names are relative to the project root, so that essays.bib names an essay
    the same from any working folder.
    """
    files = iter_essay_paths(paths)
    if not files:
        raise InputError("no essays found (looked for " + ", ".join(ESSAY_SUFFIXES) + ")",
                         path=", ".join(str(p) for p in paths))
    root = project.root.resolve()
    return [(relative_name(f.resolve(), root), read_essay_file(f)) for f in files]


def read_essay_file(path: Path) -> str:
    """The text of an essay file; a .docx, .odt or .epub as its bytes decoded
    latin-1 (see ZIP_ESSAY_SUFFIXES); InputError naming the path."""
    if is_unpacked_epub(path):
        return packed_epub(path).decode("latin-1")
    if path.suffix.lower() not in ZIP_ESSAY_SUFFIXES:
        return read_text_file(path)
    try:
        data = read_capped(path, limit=MAX_TEXT_BYTES * 4)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=str(path)) from None
    if not data:
        raise InputError("the file is empty", path=str(path))
    return data.decode("latin-1")


_BOOK_TEXT = frozenset({".xml", ".opf", ".xhtml", ".html", ".htm"})


def packed_epub(folder: Path) -> bytes:
    """The unpacked EPUB book in ``folder`` as the zip an .epub file is: its
    ``mimetype`` first, then the files that hold its text (the container, the
    package document, the XHTML; no images, fonts or hidden files, no links),
    each under the size relbib reads; InputError naming the folder."""
    import zipfile
    from io import BytesIO

    out = BytesIO()
    total = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as book:
        book.writestr("mimetype", "application/epub+zip")
        for file in sorted(folder.rglob("*")):
            parts = file.relative_to(folder).parts
            if (not file.is_file() or file.is_symlink() or file.suffix.lower() not in _BOOK_TEXT
                    or any(p.startswith(".") for p in parts)):
                continue
            try:
                data = read_capped(file, limit=MAX_TEXT_BYTES)
            except OSError as error:
                raise InputError(f"cannot read: {error.strerror or error}", path=str(file)) from None
            total += len(data)
            if total > MAX_TEXT_BYTES * 4:
                raise InputError("the unpacked book is larger than relbib reads", path=str(folder))
            book.writestr("/".join(parts), data)
    return out.getvalue()


def library_essays(project: Project, library: Library
                   ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (file, text) of each essay the library has ingested, and the
    (file, key) of those whose file is gone."""
    from relbib.library.core import essay_id

    found: list[tuple[str, str]] = []
    gone: list[tuple[str, str]] = []
    for key in sorted(library.essays):
        file = library.essays[key].fields.get("file")
        if not isinstance(file, str) or not file or not essay_id(library.essays[key]):
            continue
        path = project.root / file
        if path.is_file() or is_unpacked_epub(path):
            found.append((file, read_essay_file(path)))
        else:
            gone.append((file, key))
    return found, gone


# --- the library ---------------------------------------------------------------------


def _read_library_file(path: Path) -> str | None:
    """The exact text of a library file (None when absent), recorded in the
    ledger with its form, so that a rewrite keeps its encoding, BOM and line
    endings and a change made meanwhile is noticed (workspace/ledger.py)."""
    from relbib.workspace.ledger import LEDGER, NEW_FILE, decode_exact

    try:
        data = read_capped(path)
    except FileNotFoundError:
        LEDGER.record(path, None, NEW_FILE, "")
        return None
    except IsADirectoryError:
        raise InputError("this is a directory, not a file", path=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=str(path)) from None
    if data.strip() and not data.startswith(tuple(b for b, _ in BOM_ENCODINGS)) and looks_binary(data):
        raise InputError("this is a binary file, not text", path=str(path))
    try:
        text, form = decode_exact(data)
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {form_name(data)} despite its byte-order mark: {error}",
                         path=str(path)) from None
    LEDGER.record(path, data, form, text)
    return text


def form_name(data: bytes) -> str:
    """The encoding a file's byte-order mark names."""
    return next((name for bom, name in BOM_ENCODINGS if data.startswith(bom)), "utf-8")


def _read_bib_file(path: Path) -> BibDocument | None:
    from relbib.formats.bibtex import read_bib

    text = _read_library_file(path)
    if text is None:
        return None
    return read_bib(text, path=str(path))  # an empty library file is fine


def load_library(project: Project) -> Library:
    """bib/sources.bib, bib/essays.bib and annotations/*.yaml; InputError on a
    broken block, malformed YAML, or an annotation file whose name is not a key."""
    from relbib.formats.annotations import read_annotation
    from relbib.formats.bibtex import load_entries
    from relbib.library.core import make_library
    from relbib.workspace.ledger import readable
    from relbib.workspace.writes import recover_if_free

    recover_if_free(project.root, _library_folders(project))
    sources_doc = _read_bib_file(project.sources_bib)
    essays_doc = _read_bib_file(project.essays_bib)
    annotations: list[Annotation] = []
    if project.annotations_dir.is_dir():
        for path in sorted(project.annotations_dir.glob("*.yaml")):
            if path.name.startswith("."):
                continue
            problem = None if is_hashed_stem(path.stem) else key_problem(path.stem)
            if problem is not None:
                raise InputError(f"the file name is not a citation key: {problem}",
                                 path=str(path))
            text = readable(_read_library_file(path) or "")
            annotations.append(read_annotation(text, path=str(path)))
    return make_library(
        sources=load_entries(sources_doc) if sources_doc else (),
        essays=load_entries(essays_doc) if essays_doc else (),
        annotations=annotations,
        sources_doc=sources_doc,
        essays_doc=essays_doc,
    )


def _library_folders(project: Project) -> tuple[Path, ...]:
    """Where a killed run may have left temp files besides the project root."""
    return (project.bib_dir, project.annotations_dir)


def annotation_path(project: Project, key: str) -> Path:
    """annotations/KEY.yaml (a key too long for a file name gets a short,
    unique name: formats/annotations.py); ValueError for a key that could
    leave the folder."""
    path = project.annotations_dir / f"{annotation_stem(safe_key(key))}.yaml"
    # the folder, not the file: a symlinked annotation is written through
    if path.parent.resolve() != project.annotations_dir.resolve():
        raise ValueError(f"unsafe citation key {key!r}")
    return path


class SavePlan(dict[Path, str]):
    """The files a save writes (path → new text), and the project they belong to."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project


def _as_read(path: Path) -> str | None:
    """The text of ``path`` when this run read it (the ledger), else as it is now."""
    from relbib.workspace.ledger import decode_exact, readable

    seen = LEDGER.get(path)
    if seen is not None:
        return readable(seen.text) if seen.digest else None
    try:
        return readable(decode_exact(path.read_bytes())[0])
    except (OSError, UnicodeDecodeError):
        return None


def plan_save(project: Project, library: Library) -> SavePlan:
    """The files ``library`` would change, with their new text; nothing else.

    Every file name is checked first: a key that cannot name a file is an
    InputError before anything is written.
    """
    from relbib.formats.annotations import dump_annotation, read_annotation
    from relbib.formats.bibtex import update_bib
    plan = SavePlan(project)
    for path, doc, entries in (
        (project.sources_bib, library.sources_doc, library.sources),
        (project.essays_bib, library.essays_doc, library.essays),
    ):
        if doc is None and not entries:
            continue
        text = update_bib(doc, list(entries.values()))
        if doc is None or text != doc.text:
            plan[path] = text
    for key in sorted(library.annotations):
        annotation = library.annotations[key]
        problem = key_problem(key)
        if problem is not None:
            bib = library.sources_doc.path if library.sources_doc else str(project.sources_bib)
            raise InputError(f"the key {key!r} cannot name an annotation file: {problem}; "
                             "rename the entry", path=bib)
        path = annotation_path(project, key)
        previous = _as_read(path)
        if previous is not None:
            try:
                if read_annotation(previous, path=str(path)) == annotation:
                    continue  # same data: a person's formatting stays
            except InputError:
                previous = None
        plan[path] = dump_annotation(annotation, previous)
    return plan


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, LF) to ``path`` via a temp file in the same folder,
    fsync and os.replace: readers see the old file or the new one, never half.

    A file that is replaced keeps its mode; a new one follows the umask (a
    temp file from tempfile would be 0600, and so would every output).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    temp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # 0o666 & ~umask
    try:
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            view = memoryview(lf_newlines(text).encode("utf-8"))
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def library_lock(project: Project, *, wait: bool = False) -> AbstractContextManager[None]:
    """Hold the library's write lock for a read-change-write run (`relbib
    ingest`, `link`, `build`); LibraryLocked (an InputError) naming the other
    run's pid when it is held and ``wait`` is false.  See workspace/writes.py."""
    from relbib.workspace.writes import library_lock as lock

    return lock(project.root, wait=wait, folders=_library_folders(project))


def save(plan: Mapping[Path, str], *, wait: bool = True) -> None:
    """Carry out a plan from :func:`plan_save`: all files or none, under the
    library's lock, each in the encoding, BOM and line endings it was read in.

    A file changed on disk since this run read it is merged (an annotation:
    the person's summary, tags, own keys and statuses win) or refused (a .bib:
    InputError, nothing written).
    """
    from relbib.workspace.writes import commit
    from relbib.workspace.writes import library_lock as lock

    if not plan:
        return
    project = getattr(plan, "project", None)
    if project is not None:
        root, folders = project.root, _library_folders(project)
    else:
        root, folders = Path(os.path.commonpath([p.parent for p in plan])), ()
    with lock(root, wait=wait, folders=folders):
        data = {path: _bytes_to_write(path, plan[path]) for path in sorted(plan)}
        commit(root, {path: b for path, (b, _) in data.items()})
        for path, (written, text) in data.items():
            LEDGER.record(path, written, decode_exact(written)[1], text)


def _bytes_to_write(path: Path, text: str) -> tuple[bytes, str]:
    """The bytes for ``text`` at ``path`` in the file's own form, after
    checking that the file is as this run read it (merge or refuse if not)."""
    from relbib.formats.annotations import dump_annotation, merge_person, read_annotation
    from relbib.workspace.ledger import NEW_FILE, digest, encode, readable

    seen = LEDGER.get(path)
    try:
        current: bytes | None = path.read_bytes()
    except FileNotFoundError:
        current = None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=str(path)) from None
    changed = current is not None and (seen is None or digest(current) != seen.digest)
    form = seen.form if seen is not None and seen.digest else NEW_FILE
    if changed and current is not None:
        theirs_text, form = decode_exact(current)
        if path.suffix != ".yaml":
            if seen is not None:
                raise InputError("the file changed on disk since relbib read it; nothing "
                                 "was written: run relbib again", path=str(path))
        else:
            ours = read_annotation(text, path=str(path))
            theirs = read_annotation(readable(theirs_text), path=str(path))
            text = dump_annotation(merge_person(ours, theirs), readable(theirs_text))
    return encode(text, form), text


def check_output_target(path: Path) -> None:
    """UsageError unless ``path`` is a regular file or does not exist yet.

    ``-o`` never replaces a device node, a FIFO, a socket, a folder or a
    symlink (issue 9: one probe replaced /dev/full); ``-o -`` is stdout.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise InputError(f"cannot write here: {error.strerror or error}", path=str(path)) from None
    if stat.S_ISLNK(info.st_mode):
        raise UsageError("this is a symbolic link; relbib writes regular files only "
                         "(name the file it points to, or use -o - for stdout)", path=str(path))
    if stat.S_ISDIR(info.st_mode):
        raise UsageError("this is a folder; name a file to write", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise UsageError("this is not a regular file (a device, FIFO or socket); relbib "
                         "writes regular files only (use -o - for stdout)", path=str(path))


def check_output_folder(folder: Path) -> None:
    """UsageError when ``folder`` (``build --out``) exists and is no folder."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise InputError(f"cannot use as the output folder: {error.strerror or error}",
                         path=str(folder)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise UsageError("the output folder is a file; name a folder (--out)", path=str(folder))


def write_text(path: Path, text: str) -> None:
    """Write an output file (a rendered bibliography, an export) atomically:
    a regular file only, its mode kept; InputError when the place cannot be
    written (a folder missing under /proc, a name too long, no permission)."""
    check_output_target(path)
    try:
        write_atomic(path, text)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}", path=str(path)) from None
