"""A writing project as `relbib check .` finds it: its documents, settings and .bib dialect.

Input: a folder to walk, the project's config file (``[tool.relbib]`` or
relbib.toml), the bytes of a .bib file.
Output: the drafts a folder holds (root documents, Markdown drafts a build
uses; what is not a draft is skipped), the check settings (``ignore``, ``bib``,
``backend``, ``dialect``) and a .bib file's dialect.
Never: judge a citation (check/ does), or follow a path out of the folder walked.

What is a draft in a walked folder (a file named on the command line always is):

- LaTeX: a root document (``\\documentclass``), or a file naming one with
  ``% !TEX root``; when a latexmkrc sets ``@default_files``, those are the
  folder's roots.  A chapter is checked through the root that includes it; a
  fragment nothing includes is skipped while the walk found a root.
- Markdown: ``.qmd`` and ``.Rmd`` files (Quarto and R Markdown render each), and
  ``.md`` files that are part of a Quarto project, name a bibliography or
  references in their front matter, or that a build file of their folder names.
  A README, CHANGELOG or LICENSE is not a draft; bookdown skips files starting
  with ``_``.
- Build output and vendored folders (``_book``, ``_site``, ``_freeze``,
  ``node_modules``, ``renv``, hidden ones, Quarto's and bookdown's output folder)
  are not walked.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from relbib.check.drafts import LATEX_SUFFIXES, MARKDOWN_SUFFIXES
from relbib.diagnostics import InputError
from relbib.workspace import Project, read_capped

__all__ = ["Settings", "bib_dialect", "read_settings", "walk"]

Backend = Literal["bibtex", "biber", "pandoc"]
Dialect = Literal["bibtex", "biblatex"]

_SKIP_DIRS = frozenset({"_book", "_site", "_freeze", "_bookdown_files", "node_modules", "renv",
                        "site-packages", "__pycache__", "_minted", "venv", "_output"})
_NOT_DRAFTS = re.compile(r"^(?:readme|changelog|changes|news|license|licence|contributing|"
                         r"code_of_conduct|authors|security|history|todo)\b", re.IGNORECASE)
_DOCUMENTCLASS = re.compile(rb"^[^%\n]*\\documentclass", re.MULTILINE)
_MAGIC = re.compile(rb"^[ \t]*%[ \t]*![ \t]*TeX[ \t]+root", re.IGNORECASE | re.MULTILINE)
_DEFAULT_FILES = re.compile(r"@default_files\s*=\s*\((?P<names>[^)]*)\)")
_QUOTED = re.compile(r"""['"]([^'"]+)['"]""")
_FRONT_BIB = re.compile(rb"\A---[ \t]*\r?\n(?:(?!---|\.\.\.)[^\n]*\n)*?"
                        rb"(?:bibliography|references|nocite|csl)\s*:", re.MULTILINE)
_BUILD_FILES = ("Makefile", "makefile", "GNUmakefile", "build.sh", "justfile", "Rakefile")
_OUTPUT_DIR = re.compile(r"^\s*output[-_]dir\s*:\s*['\"]?([^'\"\n#]+)", re.MULTILINE)
# biblatex-only markers: journaltitle, date (not urldate), @online, the extended name format
_BIBLATEX_MARK = re.compile(rb"[\s,{](?:journaltitle|date|location|family\s*=\s*[^,}]*,\s*given)"
                            rb"\s*=|@online\s*[{(]", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """The check settings of ``[tool.relbib]`` or relbib.toml."""

    ignore: frozenset[str] = frozenset()  # codes, kinds or rule names
    bib: tuple[Path, ...] = ()  # .bib files every draft resolves against
    backend: Backend | None = None  # overrides what the drafts show
    dialect: Dialect | None = None  # the data model of .bib files checked alone


def _table(project: Project) -> dict[str, object]:
    if project.config is None:
        return {}
    try:
        data = tomllib.loads(read_capped(project.config).decode("utf-8", "replace"))
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"invalid TOML: {error}", path=str(project.config)) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}",
                         path=str(project.config)) from None
    if project.config.name == "pyproject.toml":
        tool = data.get("tool")
        data = tool.get("relbib", {}) if isinstance(tool, dict) else {}
    return data if isinstance(data, dict) else {}


def _strings(data: dict[str, object], name: str, path: Path) -> tuple[str, ...]:
    value = data.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{name} must be a list of strings", path=str(path))
    return tuple(value)


def _choice(data: dict[str, object], name: str, allowed: tuple[str, ...], path: Path) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if value not in allowed:
        raise InputError(f"{name} must be one of {', '.join(allowed)}", path=str(path))
    return str(value)


def read_settings(project: Project) -> Settings:
    """``ignore``, ``bib``, ``backend`` and ``dialect`` of the project's config."""
    data = _table(project)
    if not data or project.config is None:
        return Settings()
    where = project.config
    backend = _choice(data, "backend", ("bibtex", "biber", "pandoc"), where)
    dialect = _choice(data, "dialect", ("bibtex", "biblatex"), where)
    return Settings(ignore=frozenset(_strings(data, "ignore", where)),
                    bib=tuple(where.parent / b for b in _strings(data, "bib", where)),
                    backend=backend,  # type: ignore[arg-type]
                    dialect=dialect)  # type: ignore[arg-type]


def bib_dialect(data: bytes) -> Dialect | None:
    """"biblatex" when a .bib file uses fields or types only biblatex knows."""
    return "biblatex" if _BIBLATEX_MARK.search(data) else None


# --- the walk ----------------------------------------------------------------------


def _head(path: Path, size: int = 65536) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _small_text(path: Path) -> str:
    try:
        if path.stat().st_size > 200_000:
            return ""
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _latexmk_roots(folder: Path) -> list[Path] | None:
    for name in ("latexmkrc", ".latexmkrc"):
        m = _DEFAULT_FILES.search(_small_text(folder / name))
        if m is not None:
            found = [folder / n for n in _QUOTED.findall(m.group("names"))]
            found = [p if p.suffix else p.with_suffix(".tex") for p in found]
            return [p for p in found if p.is_file()] or None
    return None


def _output_dirs(folder: Path) -> set[Path]:
    out: set[Path] = set()
    for name in ("_quarto.yml", "_bookdown.yml"):
        for m in _OUTPUT_DIR.finditer(_small_text(folder / name)):
            out.add((folder / m.group(1).strip()).resolve())
    return out


def _files(folder: Path) -> list[Path]:
    """Every file under ``folder`` not in a hidden, build or vendored folder."""
    out: list[Path] = []
    skipped = _output_dirs(folder)
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            children = sorted(current.iterdir())
        except OSError:
            continue
        skipped |= _output_dirs(current) if current != folder else set()
        for child in children:
            if child.name.startswith("."):
                continue
            if child.is_dir():
                if child.name not in _SKIP_DIRS and child.resolve() not in skipped:
                    stack.append(child)
            elif child.is_file():
                out.append(child)
    return sorted(out)


def _in_quarto(path: Path, top: Path) -> bool:
    return any((f / "_quarto.yml").is_file()
               for f in (path.parent, *path.parent.parents) if f == top or top in f.parents)


def _named_by_build(path: Path, top: Path) -> bool:
    for folder in (path.parent, *path.parent.parents):
        if folder != top and top not in folder.parents:
            break
        for name in _BUILD_FILES:
            text = _small_text(folder / name)
            if text and path.name in text:
                return True
    return False


def _markdown_draft(path: Path, top: Path) -> bool:
    suffix = path.suffix.lower()
    if _NOT_DRAFTS.match(path.name) and _FRONT_BIB.match(_head(path)) is None:
        return False
    if suffix == ".rmd" and path.name.startswith("_") and \
            ((path.parent / "_bookdown.yml").is_file() or (path.parent / "index.Rmd").is_file()):
        return False  # bookdown skips these
    if suffix in (".qmd", ".rmd"):
        return True
    return _in_quarto(path, top) or _FRONT_BIB.match(_head(path)) is not None \
        or _named_by_build(path, top)


def _latex_kind(path: Path) -> str:
    head = _head(path)
    if _DOCUMENTCLASS.search(head):
        return "root"
    if _MAGIC.search(head[:4096]):
        return "chapter"
    return "fragment"


def walk(folder: Path) -> tuple[list[tuple[str, Path]], bool]:
    """(kind, path) for the drafts, .bib files and essays under ``folder``, and
    whether it holds a root document (then a .bib no draft names is not checked).

    kind is "draft", "bib" or "essay" (as expand_paths gives them).
    """
    out: list[tuple[str, Path]] = []
    latex: dict[Path, str] = {}
    for path in _files(folder):
        suffix = path.suffix.lower()
        if suffix in LATEX_SUFFIXES:
            latex[path] = _latex_kind(path)
        elif suffix in MARKDOWN_SUFFIXES:
            if _markdown_draft(path, folder):
                out.append(("draft", path))
        elif suffix == ".bib":
            out.append(("bib", path))
        elif suffix in (".txt", ".html", ".htm"):
            out.append(("essay", path))
    chosen: dict[Path, None] = {}
    for path, kind in latex.items():
        defaults = _latexmk_roots(path.parent)
        if defaults is not None and kind == "root" and path not in defaults:
            continue  # latexmk builds the files it names
        if kind != "fragment":
            chosen[path] = None
    has_roots = any(k == "root" for k in latex.values())
    if not has_roots:  # a folder of chapters: each is checked on its own
        chosen.update((p, None) for p in latex)
    out.extend(("draft", p) for p in chosen)
    documents = has_roots or any(k == "draft" for k, _ in out)
    return sorted(out, key=lambda item: str(item[1])), documents
