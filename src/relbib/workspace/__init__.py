"""All of relbib's file I/O: find the project, read inputs, load and save the library.

Input: paths from the command line and the files under them.
Output: decoded text, a :class:`Project`, a :class:`Library`, a plan of
writes (path → new text), and those writes done atomically.
Never: parse BibTeX or YAML itself (formats/ does), write a file whose
content would not change, leave a half-written file or a temp file behind,
or let a citation key name a path outside annotations/.
"""

from __future__ import annotations

import codecs
import os
import tempfile
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from relbib.diagnostics import InputError
from relbib.library.keys import key_problem, safe_key

if TYPE_CHECKING:
    from relbib.formats.bibtex import BibDocument
    from relbib.library.core import Library
    from relbib.model import Annotation

# The library's formats (bibtexparser, yaml) are imported where they are
# used: `relbib check` needs only the project and the decoder, and pays for
# nothing else at start-up.

ESSAY_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SOURCES_BIB = "sources.bib"
ESSAYS_BIB = "essays.bib"


@dataclass(frozen=True, slots=True, kw_only=True)
class Project:
    root: Path
    bib_dir: Path
    annotations_dir: Path
    sources_bib: Path
    essays_bib: Path
    config: Path | None = None  # relbib.toml or pyproject.toml that defined it


# --- the project ----------------------------------------------------------------


def _relbib_table(path: Path) -> dict[str, object] | None:
    """The relbib settings of a config file, or None when it has none."""
    if not path.read_bytes().strip():
        return {} if path.name == "relbib.toml" else None
    try:
        data = tomllib.loads(read_text_file(path))
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"invalid TOML: {error}", path=str(path)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("relbib") if isinstance(tool, dict) else None
        return table if isinstance(table, dict) else None
    return data


def _project(root: Path, table: Mapping[str, object], config: Path | None) -> Project:
    def directory(name: str, default: str) -> Path:
        value = table.get(name, default)
        if not isinstance(value, str) or not value:
            raise InputError(f"{name} must be a directory name",
                             path=str(config) if config else "")
        return (root / value).resolve()

    bib_dir = directory("bib_dir", "bib")
    return Project(
        root=root,
        bib_dir=bib_dir,
        annotations_dir=directory("annotations_dir", "annotations"),
        sources_bib=bib_dir / SOURCES_BIB,
        essays_bib=bib_dir / ESSAYS_BIB,
        config=config,
    )


def find_project(start: Path, override: Path | None = None) -> Project:
    """The project of ``start``: the nearest relbib.toml or [tool.relbib] in
    pyproject.toml, looking upwards; else ./bib and ./annotations.

    ``override`` (``--library DIR``) is the project root itself.
    """
    if override is not None:
        root = override.resolve()
        config = root / "relbib.toml"
        if config.is_file():
            return _project(root, _relbib_table(config) or {}, config)
        return _project(root, {}, None)
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in ("relbib.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                table = _relbib_table(candidate)
                if table is not None:
                    return _project(folder, table, candidate)
    return _project(start, {}, None)


# --- reading text ----------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = {9, 10, 12, 13, 27}


@dataclass(frozen=True, slots=True, kw_only=True)
class TextFile:
    path: Path
    text: str  # newlines are "\n"
    encoding: str
    note: str = ""  # said when the encoding was a guess


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > len(sample) // 10


def decode_bytes(data: bytes, *, path: str) -> TextFile:
    """Bytes → text: a BOM decides; else UTF-8; else cp1252 (latin-1) with a note."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return TextFile(path=Path(path), text=_lf(data.decode(encoding)),
                                encoding=encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"not valid {encoding} despite its byte-order mark: {error}",
                                 path=path) from None
    if _looks_binary(data):
        raise InputError("this is a binary file, not text", path=path)
    try:
        return TextFile(path=Path(path), text=_lf(data.decode("utf-8")), encoding="utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        note = f"not UTF-8 (first bad byte on line {line}); read as"
    try:
        text = data.decode("cp1252")
        return TextFile(path=Path(path), text=_lf(text), encoding="cp1252",
                        note=f"{note} Windows-1252")
    except UnicodeDecodeError:
        return TextFile(path=Path(path), text=_lf(data.decode("latin-1")), encoding="latin-1",
                        note=f"{note} Latin-1")


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> TextFile:
    """The text of ``path`` and how it was decoded; InputError naming the path."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("this is a directory, not a file", path=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=str(path)) from None
    if not data.strip():
        raise InputError("the file is empty", path=str(path))
    return decode_bytes(data, path=str(path))


def read_text_file(path: Path) -> str:
    """The text of ``path`` (see :func:`read_text`)."""
    return read_text(path).text


# --- essays ----------------------------------------------------------------------


def iter_essay_paths(paths: Iterable[Path]) -> list[Path]:
    """The essay files named by ``paths`` (files, or folders searched
    recursively; hidden ones skipped), sorted and without repeats."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for candidate in path.rglob("*"):
                relative = candidate.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
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


# --- the library ---------------------------------------------------------------------


def _read_bib_file(path: Path) -> BibDocument | None:
    from relbib.formats.bibtex import read_bib

    if not path.exists():
        return None
    data = path.read_bytes() if path.is_file() else None
    if data is not None and not data.strip():
        return read_bib("", path=str(path))  # an empty library file is fine
    return read_bib(read_text_file(path), path=str(path))


def load_library(project: Project) -> Library:
    """bib/sources.bib, bib/essays.bib and annotations/*.yaml; InputError on a
    broken block, malformed YAML, or an annotation file whose name is not a key."""
    from relbib.formats.annotations import read_annotation
    from relbib.formats.bibtex import load_entries
    from relbib.library.core import make_library
    sources_doc = _read_bib_file(project.sources_bib)
    essays_doc = _read_bib_file(project.essays_bib)
    annotations: list[Annotation] = []
    if project.annotations_dir.is_dir():
        for path in sorted(project.annotations_dir.glob("*.yaml")):
            if path.name.startswith("."):
                continue
            problem = key_problem(path.stem)
            if problem is not None:
                raise InputError(f"the file name is not a citation key: {problem}",
                                 path=str(path))
            annotations.append(read_annotation(read_text_file(path), path=str(path)))
    return make_library(
        sources=load_entries(sources_doc) if sources_doc else (),
        essays=load_entries(essays_doc) if essays_doc else (),
        annotations=annotations,
        sources_doc=sources_doc,
        essays_doc=essays_doc,
    )


def annotation_path(project: Project, key: str) -> Path:
    """annotations/KEY.yaml; ValueError for a key that could leave the folder."""
    path = project.annotations_dir / f"{safe_key(key)}.yaml"
    if path.resolve().parent != project.annotations_dir.resolve():
        raise ValueError(f"unsafe citation key {key!r}")
    return path


def plan_save(project: Project, library: Library) -> dict[Path, str]:
    """The files ``library`` would change, with their new text; nothing else."""
    from relbib.formats.annotations import dump_annotation, read_annotation
    from relbib.formats.bibtex import update_bib
    plan: dict[Path, str] = {}
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
        if path.is_file():
            try:
                if read_annotation(read_text_file(path), path=str(path)) == annotation:
                    continue  # same data: a person's formatting stays
            except InputError:
                pass
        plan[path] = dump_annotation(annotation)
    return plan


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, LF) to ``path`` via a temp file in the same folder,
    fsync and os.replace: readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(
        "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(_lf(text).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def save(plan: Mapping[Path, str]) -> None:
    """Carry out a plan from :func:`plan_save`, one atomic write per file."""
    for path in sorted(plan):
        write_atomic(path, plan[path])


def write_text(path: Path, text: str) -> None:
    """Write an output file (a rendered bibliography, an export) atomically."""
    write_atomic(path, text)
