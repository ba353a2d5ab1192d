"""What a Markdown draft's project says about it: Quarto, bookdown and pandoc-crossref.

Input: the path of a Markdown draft (.md, .qmd, .Rmd) and the folders relbib may
look in (the project's root and the working folder).
Output: a MarkdownSettings: the bibliographies the project applies to every
chapter (Quarto's ``_quarto.yml``, bookdown's ``index.Rmd`` front matter and
``_bookdown.yml``) and which cross-reference labels are not citations
(Quarto's built-in ``@fig-x``; ``@fig:x`` when the project runs pandoc-crossref).
Never: judge a citation (check/ does), or look outside the folders it is given.

A chapter of a book is often checked alone (an editor's lint on save): it names
no bibliography itself, yet pandoc gets one from the project, so its keys must
resolve against that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from relbib.check.drafts import CrossrefStyle
from relbib.check.records import DataModel
from relbib.workspace.project import expand_make, named_by_build

# files that may run pandoc with its filters: build scripts and pandoc defaults files
_BUILD_FILES = ("Makefile", "makefile", "GNUmakefile", "justfile", "build.sh", "Rakefile")
_BUILD_GLOBS = ("*.mk", "*.sh", "*.yaml", "*.yml", "*.py", ".latexmkrc")
_CROSSREF_USE = re.compile(r"pandoc-crossref")
# pandoc-crossref's own metadata in a draft's front matter
_CROSSREF_META = re.compile(r"^(?:crossrefYaml|figPrefix|secPrefix|tblPrefix|eqnPrefix|"
                            r"lstPrefix|chapters|linkReferences)\s*:", re.MULTILINE)
_FRONT = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# a build script is read only when small (a Makefile, not a data file)
_MAX_SCRIPT = 200_000


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkdownSettings:
    bibliographies: tuple[Path, ...] = ()  # applied when the draft names none
    crossref: CrossrefStyle | None = None
    # pandoc --biblatex / --natbib in a build file: biber or BibTeX reads the .bib
    data_model: DataModel | None = None


def folders_up(draft: Path, roots: Sequence[Path]) -> list[Path]:
    """The draft's folder and its parents, up to the outermost root holding it."""
    top = [r for r in roots if r == draft.parent or r in draft.parents]
    if not top:
        return [draft.parent]
    stop = min(top, key=lambda r: len(r.parts))
    out = [draft.parent]
    while out[-1] != stop and out[-1].parent != out[-1]:
        out.append(out[-1].parent)
    return out


def _yaml(text: str) -> dict[str, object]:
    import yaml  # only for Quarto and bookdown projects

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _bibliography_of(data: dict[str, object], folder: Path) -> list[Path]:
    value = data.get("bibliography")
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [folder / str(n) for n in names if isinstance(n, str | Path) and str(n).strip()]


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > _MAX_SCRIPT:
            return ""
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _front_matter(path: Path) -> dict[str, object]:
    m = _FRONT.match(_read(path))
    return _yaml(m.group("body")) if m else {}


# a LaTeX template's own bibliography: \addbibresource{refs.bib}, \bibliography{a,b}
# (a pandoc variable, $bibliography$, is not a file)
_TEMPLATE_BIB = re.compile(r"^[^%\n]*?\\(?P<cmd>addbibresource|bibliography)\s*(?:\[[^\]\n]*\])?"
                           r"\{(?P<names>[^{}$\n]+)\}", re.MULTILINE)
# the front matter keys naming a LaTeX template or header pandoc reads
_TEMPLATE_KEYS = frozenset({"template", "in_header", "include-in-header"})


def _template_bibliographies(front: dict[str, object], folder: Path) -> list[Path]:
    """The bibliographies a LaTeX template or header named in the front matter loads
    itself (R Markdown ``output: bookdown::pdf_book: template: x.tex``, Quarto
    ``format: pdf: template: x.tex``), relative to ``folder`` where pandoc runs."""
    found: list[Path] = []
    stack: list[object] = [front]
    while stack and len(found) < 20:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                names = [value] if isinstance(value, str) else value if isinstance(value, list) \
                    else []
                if key in _TEMPLATE_KEYS:
                    for name in (n for n in names if isinstance(n, str) and n.endswith(".tex")):
                        text = _read(folder / name)
                        found += [folder / n.strip() for m in _TEMPLATE_BIB.finditer(text)
                                  for n in m.group("names").split(",") if n.strip()]
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return [p if p.suffix.lower() == ".bib" else p.with_name(p.name + ".bib") for p in found]


# a build script's pandoc bibliography: --bibliography=refs.bib, --bibliography refs.bib,
# -M bibliography=refs.bib (make variables the file sets are written out first)
_BUILD_BIB = re.compile(r"(?:--bibliography[= ]|-M\s*bibliography=)['\"]?(?P<name>[^\s'\"$()]+)")


def _build_bibliographies(folder: Path, draft: Path) -> list[Path]:
    """The bibliographies a build file of ``folder`` passes pandoc, when the file
    names the draft (or names no Markdown file: one rule for every draft)."""
    for name in _BUILD_FILES:
        text = expand_make(_read(folder / name), folder)
        found = [folder / m.group("name") for m in _BUILD_BIB.finditer(text)]
        if found and (draft.stem in text or named_by_build(draft, folder)
                      or not re.search(r"\.(?:md|qmd|Rmd|markdown)\b", text)):
            return found
    return []


# pandoc writes \cite commands for biblatex (then biber) or natbib (then BibTeX)
_CITE_MODE = re.compile(r"(?<![\w-])--(?P<mode>biblatex|natbib)\b")


def _build_data_model(folders: Sequence[Path]) -> DataModel | None:
    """The data model of the tool that reads the .bib when a build file runs
    pandoc with ``--biblatex`` (biber) or ``--natbib`` (BibTeX)."""
    for folder in folders:
        for name in _BUILD_FILES:
            found = _CITE_MODE.search(_read(folder / name))
            if found is not None:
                return "biblatex" if found.group("mode") == "biblatex" else "bibtex"
    return None


def _runs_crossref(folder: Path) -> bool:
    names = [folder / n for n in _BUILD_FILES]
    names += [p for g in _BUILD_GLOBS for p in sorted(folder.glob(g))[:50]]
    return any(p.is_file() and _CROSSREF_USE.search(_read(p)) for p in names)


def _cite_method(front: dict[str, object]) -> DataModel | None:
    """The data model a front matter's LaTeX citation method implies: R Markdown's
    ``citation_package: biblatex`` or Quarto's ``cite-method: natbib``."""
    stack: list[object] = [front]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("citation_package", "cite-method") and isinstance(value, str):
                    if value.strip().lower() in ("biblatex", "natbib"):
                        return "biblatex" if value.strip().lower() == "biblatex" else "bibtex"
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return None


def markdown_settings(draft: Path, text: str, roots: Sequence[Path]) -> MarkdownSettings:
    """The project settings that apply to the Markdown draft at ``draft``."""
    folders = folders_up(draft, roots)
    bibliographies: list[Path] = []
    fronts = [_yaml(m.group("body"))] if (m := _FRONT.match(text)) is not None else []
    quarto = draft.suffix.lower() == ".qmd"
    for folder in folders:
        config = folder / "_quarto.yml"
        if config.is_file():
            quarto = True
            bibliographies = bibliographies or _bibliography_of(_yaml(_read(config)), folder)
        bookdown = folder / "_bookdown.yml"
        index = folder / "index.Rmd"
        if bookdown.is_file() or (index.is_file() and index != draft):
            found = _bibliography_of(_yaml(_read(bookdown)), folder) if bookdown.is_file() else []
            if index.is_file() and index != draft:
                index_front = _front_matter(index)
                fronts.append(index_front)
                found += _bibliography_of(index_front, folder) or \
                    _template_bibliographies(index_front, folder)
            bibliographies = bibliographies or found
    if not bibliographies and fronts:
        bibliographies = _template_bibliographies(fronts[0], draft.parent)
    for folder in folders:
        bibliographies = bibliographies or _build_bibliographies(folder, draft)
    model = next((m for m in map(_cite_method, fronts) if m is not None), None)
    if quarto:
        found_config = next((f / "_quarto.yml" for f in folders if (f / "_quarto.yml").is_file()),
                            None)
        if model is None and found_config is not None:
            model = _cite_method(_yaml(_read(found_config)))
        return MarkdownSettings(bibliographies=tuple(bibliographies), crossref="quarto",
                                data_model=model)
    front = _FRONT.match(text)
    uses = (front is not None and (_CROSSREF_META.search(front.group("body")) is not None
                                   or _CROSSREF_USE.search(front.group("body")) is not None)) \
        or any(_runs_crossref(f) for f in folders)
    return MarkdownSettings(bibliographies=tuple(bibliographies),
                            crossref="pandoc-crossref" if uses else None,
                            data_model=model or _build_data_model(folders))
