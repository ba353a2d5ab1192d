"""Where a project's library lives: the nearest relbib.toml or [tool.relbib]
in pyproject.toml, looking upwards, else ./bib and ./annotations.

Input: a starting folder (or ``--library DIR``) and the config files above it.
Output: a :class:`Project` naming the library's folders and files.
Never: let a config file name a folder outside the project, or write anything.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from relbib.diagnostics import InputError, UsageError
from relbib.workspace.text import read_capped, read_text_file

__all__ = ["ESSAYS_BIB", "SOURCES_BIB", "Project", "find_project", "is_file"]

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


def _relbib_table(path: Path) -> dict[str, object] | None:
    """The relbib settings of a config file, or None when it has none."""
    if not read_capped(path).strip():
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
        return _inside_project(root, name, value, config)

    bib_dir = directory("bib_dir", "bib")
    return Project(
        root=root,
        bib_dir=bib_dir,
        annotations_dir=directory("annotations_dir", "annotations"),
        sources_bib=bib_dir / SOURCES_BIB,
        essays_bib=bib_dir / ESSAYS_BIB,
        config=config,
    )


def _inside_project(root: Path, name: str, value: str, config: Path | None) -> Path:
    """``root / value`` when it names a folder inside the project; UsageError
    otherwise (issue 9: ``bib_dir = "../../x"`` sent every write there).

    Judged on the spelling, not on where symlinks lead: a person may link
    ``bib`` to a shared folder, but a config file may not climb out.
    """
    where = str(config) if config else ""
    if "\0" in value:
        raise UsageError(f"{name} {value!r} holds a NUL character", path=where)
    relative = os.path.normpath(value)
    if os.path.isabs(value) or relative == ".." or relative.startswith(".." + os.sep):
        raise UsageError(f"{name} = {value!r} lies outside the project ({root}); a "
                         "config file may only name folders inside it (use --library "
                         "to work on a library elsewhere)", path=where)
    try:
        return (root / relative).resolve()
    except (OSError, ValueError) as error:
        raise UsageError(f"{name} {value!r} cannot be a folder: {error}", path=where) from None


def is_file(path: Path) -> bool:
    """``path.is_file()`` for a name a draft or a config wrote: InputError
    (exit 3, naming the path) when the name cannot be a file at all (longer
    than the file system allows, a NUL in it), not an internal error."""
    try:
        return path.is_file()
    except ValueError:
        raise InputError("a file name with a NUL character", path=repr(str(path))) from None
    except OSError as error:
        shown = str(path) if len(str(path)) <= 120 else str(path)[:117] + "..."
        raise InputError(f"this file name cannot be used: {error.strerror or error} "
                         f"({len(path.name)} characters)", path=shown) from None


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
