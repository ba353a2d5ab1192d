"""Essay ids that stay unique across folders and stable across runs.

Input: the paths of the essays of one run, and the ids the library already
gives the files it has ingested (``file`` → id, from essays.bib).
Output: each path's essay id.
Never: change the id of a file the library knows, give two files one id, or
depend on the order the paths come in.

An essay's id is its file's stem (``seeds/001_41046a53b65da8e6.txt`` →
``001_41046a53b65da8e6``), as it always was.  Only when another file has
that stem — ``a/essay.txt`` and ``b/essay.txt`` in one run, or a new
``b/essay.txt`` after ``a/essay.txt`` was ingested — the new one is named
by its parent folders too (``b-essay``), as many as it takes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import PureWindowsPath

from relbib.library.core import Library, essay_id


def known_essay_ids(library: Library) -> dict[str, str]:
    """``file`` → id of every essay the library has ingested."""
    known: dict[str, str] = {}
    for entry in library.essays.values():
        file, ident = entry.fields.get("file"), essay_id(entry)
        if isinstance(file, str) and file and ident:
            known.setdefault(file, ident)
    return known


def _parts(path: str) -> tuple[str, ...]:
    # both separators: a library written on Windows names "essays\\e1.txt"
    return PureWindowsPath(path).parts if "\\" in path and "/" not in path else tuple(
        p for p in path.split("/") if p)


def _stem(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name[1:] else name


def essay_ids(paths: Sequence[str], known: Mapping[str, str]) -> dict[str, str]:
    """Each path's id: the library's id for a known file; else its stem,
    qualified by parent folders when another file has that stem."""
    ids = {p: known[p] for p in paths if p in known}
    taken = set(known.values())
    fresh = sorted({p for p in paths if p not in known})
    stems = Counter(_stem(p) for p in fresh)
    for path in fresh:
        stem = _stem(path)
        if stems[stem] == 1 and stem not in taken:
            ids[path] = stem
            taken.add(stem)
    for path in fresh:
        if path in ids:
            continue
        folders = [p for p in _parts(path)[:-1] if p not in (".", "..")]
        ident = _stem(path)
        for depth in range(1, len(folders) + 1):
            ident = "-".join((*folders[-depth:], _stem(path)))
            if ident not in taken:
                break
        n = 2
        base = ident
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        ids[path] = ident
        taken.add(ident)
    return ids
