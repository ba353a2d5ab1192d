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
  fragment nothing includes is skipped while the walk found a root, or
  Markdown drafts (then it is a header or body pandoc includes).  A pandoc
  template (``$body$``, ``$if(...)$``) is not a draft.
- Markdown: ``.qmd`` and ``.Rmd`` files (Quarto and R Markdown render each), and
  ``.md`` files that are part of a Quarto project, name a bibliography or
  references in their front matter, or that a build file of their folder names
  (make variables written out; a glob such as ``$(SRC)/*.md`` names what it matches).
  A README, CHANGELOG or LICENSE is not a draft; bookdown skips files starting
  with ``_``.
- Build output and vendored folders (``_book``, ``_site``, ``_freeze``,
  ``node_modules``, ``renv``, hidden ones, Quarto's and bookdown's output folder)
  are not walked.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from relbib.check.drafts import LATEX_SUFFIXES, MARKDOWN_SUFFIXES
from relbib.diagnostics import InputError
from relbib.workspace import Project, read_capped

__all__ = ["Settings", "bib_dialect", "expand_make", "named_by_build", "read_settings", "walk",
           "written_by_build"]

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
# make variables: ``NAME = value`` (also ``:=``, ``?=``) and ``$(NAME)``, ``${NAME}``
_MAKE_VAR = re.compile(r"^(?P<name>[A-Za-z_]\w*)[ \t]*[:?]?=[ \t]*(?P<value>[^\n#]*)", re.MULTILINE)
_MAKE_REF = re.compile(r"\$\((?P<name>[A-Za-z_]\w*)\)|\$\{(?P<brace>[A-Za-z_]\w*)\}")
_GLOB = re.compile(r"(?<![^\s=])[^\s=]*\*\.(?:md|markdown|Rmd|qmd)\b")
# a pandoc template (``$body$``, ``$if(title)$``) is not a LaTeX document
_PANDOC_TEMPLATE = re.compile(rb"\$(?:body|(?:if|for)\([\w.-]+\)|endif|endfor)\$")
_OUTPUT_DIR = re.compile(r"^[^\S\n]*+output[-_]dir\s*:\s*['\"]?([^'\"\n#]+)", re.MULTILINE)
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


# l3build's test folders (a LaTeX package's or class's regression tests): their .tex files
# \input l3build's own regression-test.tex and read support files copied at test time
_L3BUILD_DIR = re.compile(r"""^[ \t]*test(?:file|supp)dir[ \t]*=[ \t]*["'](?P<dir>[^"'\n]+)["']""", re.MULTILINE)


def _output_dirs(folder: Path) -> set[Path]:
    """The folders under ``folder`` that hold a build's output or its tests, not drafts."""
    out: set[Path] = set()
    for name in ("_quarto.yml", "_bookdown.yml"):
        for m in _OUTPUT_DIR.finditer(_small_text(folder / name)):
            out.add((folder / m.group(1).strip()).resolve())
    if (folder / "build.lua").is_file():  # l3build: "testfiles" unless a config names others
        configs = [folder / "build.lua", *sorted(folder.glob("*.lua"))[:20],
                   *sorted(folder.glob("*/config-*.lua"))[:20]]
        out.add((folder / "testfiles").resolve())
        out.update((folder / m.group("dir").strip()).resolve()
                   for c in configs for m in _L3BUILD_DIR.finditer(_small_text(c)))
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


def expand_make(text: str, folder: Path) -> str:
    """``text`` with the make variables it sets (``SRC = paper``, ``MD := $(SRC).md``)
    written out, and ``$(CURDIR)`` as ``folder``; a variable set elsewhere stays."""
    values = {"CURDIR": str(folder)}
    for m in _MAKE_VAR.finditer(text):
        values.setdefault(m.group("name"), m.group("value").strip())

    def one(m: re.Match[str]) -> str:
        return values.get(m.group("name") or m.group("brace"), m.group(0))

    for _ in range(6):  # variables naming variables, a few levels deep
        expanded = _MAKE_REF.sub(one, text)
        if expanded == text:
            break
        text = expanded
    return text


def _names(text: str, path: Path, folder: Path) -> bool:
    """Whether a build file's text (of ``folder``) names ``path``, or a glob
    (``source/*.md``) that matches it."""
    if path.name in text:
        return True
    for m in _GLOB.finditer(text):
        pattern = m.group(0).replace('"', "").replace("'", "")
        pattern = pattern[len(str(folder)) + 1:] if pattern.startswith(f"{folder}/") else pattern
        if fnmatch.fnmatchcase(path.relative_to(folder).as_posix(), pattern.removeprefix("./")):
            return True
    return False


def _build_texts(path: Path, top: Path) -> Iterator[tuple[Path, str]]:
    """(folder, text with make variables written out) of each build file
    (Makefile, build.sh ...) of ``path``'s folder and the folders above, up to ``top``."""
    for folder in (path.parent, *path.parent.parents):
        if folder != top and top not in folder.parents:
            break
        for name in _BUILD_FILES:
            text = _small_text(folder / name)
            if text:
                yield folder, expand_make(text, folder)


def named_by_build(path: Path, top: Path) -> bool:
    """Whether a build file names ``path`` (a draft it builds)."""
    return any(_names(text, path, folder) for folder, text in _build_texts(path, top))


def written_by_build(path: Path, top: Path) -> bool:
    """Whether a build file writes ``path`` (``version.tex:`` as a make target,
    ``> latex/hash.tex``): missing before the build, it is no defect."""
    made = re.compile(rf"(?:^|[\s/]){re.escape(path.name)}[ \t]*:(?!=)|>[ \t]*\S*{re.escape(path.name)}\b",
                      re.MULTILINE)
    return any(made.search(text) for _, text in _build_texts(path, top))


def converted_by_build(source: Path, top: Path) -> bool:
    """Whether a build file runs pandoc, which makes ``ch1.tex`` from the Markdown
    ``source`` (``ch1.md``) that a LaTeX root \\inputs as ``ch1``."""
    return any("pandoc" in text for _, text in _build_texts(source, top))


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
        or named_by_build(path, top)


def _latex_kind(path: Path) -> str:
    head = _head(path)
    if _PANDOC_TEMPLATE.search(head):
        return "template"
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
            kind = _latex_kind(path)
            if kind != "template":
                latex[path] = kind
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
    markdown = any(k == "draft" for k, _ in out)
    if not has_roots and not markdown:  # a folder of chapters: each is checked on its own
        chosen.update((p, None) for p in latex)
    out.extend(("draft", p) for p in chosen)
    documents = has_roots or any(k == "draft" for k, _ in out)
    return sorted(out, key=lambda item: str(item[1])), documents
