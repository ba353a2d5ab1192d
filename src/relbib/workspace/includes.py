"""The drafts of a `relbib check` run as LaTeX reads them: the root each names and
every file it includes.

Input: draft paths and the project's folders.
Output: each root's files read and scanned (:class:`Scanned`), and the problems
met on the way (a missing include, a root that loops or leaves the project).
Never: judge a citation (check/ does), or follow an include out of the project.

Includes are followed as LaTeX does: ``\\input``/``\\include`` relative to the
root draft's folder (or, for a variant root kept in a subfolder and built from
the top, the project's top folder), ``\\subfile`` relative to the including
file, ``\\import`` relative to its folder argument (``\\subimport`` to the
including file's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relbib.check.drafts import LATEX_SUFFIXES, scan_draft
from relbib.check.records import DraftScan
from relbib.diagnostics import InputError, diagnostic
from relbib.model import Diagnostic, Severity
from relbib.workspace import decode_bytes, is_file
from relbib.workspace.check_cache import _read, display_path
from relbib.workspace.markdown_project import folders_up
from relbib.workspace.project import converted_by_build, written_by_build

__all__ = ["STDIN", "Scanned", "find_file", "magic_root", "read_draft_unit", "resolve_roots",
           "text_of", "tops"]

# the root-document magic comment of TeXShop, TeXstudio and VS Code's LaTeX
# Workshop ("% !TEX root = ../thesis.tex", "%!TeX root=main"); editors read it
# among the comments at the top of a file
_MAGIC_ROOT = re.compile(r"^[ \t]*%[ \t]*![ \t]*TeX[ \t]+root[ \t]*=[ \t]*(?P<root>\S(?:.*\S)?)[ \t]*$",
                         re.IGNORECASE)
# how many leading lines may hold it (only comments and blank lines before it)
_MAGIC_LINES = 20
# --stdin-filename: a draft's text as the editor holds it, by real path (one run at a time)
STDIN: dict[Path, str] = {}


def text_of(path: Path) -> str:
    """A draft's text: as the editor holds it (--stdin-filename), else as stored."""
    if STDIN and path.resolve() in STDIN:
        return STDIN[path.resolve()]
    data = _read(path)
    return decode_bytes(data, path=display_path(path)).text if data.strip() else ""


# --- drafts and their includes --------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Scanned:
    path: Path
    scan: DraftScan
    text: str


# a Quarto include shortcode and a knitr child document (check.markdown)
_MARKDOWN_INCLUDES = frozenset({"{{< include >}}", "child="})


def _candidates(written: str, base: Path) -> list[Path]:
    target = base / written
    out = [target]
    if target.suffix.lower() not in LATEX_SUFFIXES:
        out.append(target.with_name(target.name + ".tex"))
    return out


def find_file(written: str, folders: Sequence[Path]) -> Path | None:
    """The first file ``written`` names in ``folders`` (".tex" added where LaTeX adds it)."""
    return next((c.resolve() for b in folders for c in _candidates(written, b) if is_file(c)),
                None)


# what a build converts to the .tex a root pulls in: pandoc's Markdown sources
_CONVERTED_FROM = (".md", ".markdown", ".qmd", ".Rmd")


def _converted_source(written: str, folders: Sequence[Path], roots: Sequence[Path]) -> Path | None:
    """The Markdown file a build converts to the missing ``written``.tex with pandoc
    (``%.tex: %.md`` in a Makefile): read in its place, since its citations become the
    root's."""
    for folder in folders:
        target = folder / written
        stem = target.with_suffix("") if target.suffix.lower() in LATEX_SUFFIXES else target
        for suffix in _CONVERTED_FROM:
            source = stem.with_name(stem.name + suffix)
            if is_file(source):
                top = min((r for r in roots if _inside(source, [r])), key=lambda r: len(r.parts),
                          default=source.parent)
                return source.resolve() if converted_by_build(source, top) else None
    return None


def _inside(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def tops(path: Path, roots: Sequence[Path]) -> list[Path]:
    """The outermost project folder holding ``path``, when that is not its own folder."""
    top = min((r for r in roots if _inside(path, [r])), key=lambda r: len(r.parts), default=None)
    return [top] if top is not None and top != path.parent else []


def _outside_project(named: str, consequence: str, where: dict[str, Any]) -> Diagnostic:
    """``named`` (an include, a magic root comment) names a file outside the project."""
    return diagnostic("parse-error", f"{named} points outside the project; {consequence}",
                      **where, severity=Severity.WARNING,
                      suggestion="run relbib from the folder that holds the whole project")


def _missing_include(command: str, written: str, folder: Path, roots: Sequence[Path],
                     where: dict[str, Any]) -> Diagnostic | None:
    """The finding for an include whose file is missing: none when a build file
    of the project writes it (``version.tex``) or LaTeX tests for it; a warning
    for ``\\include``, which LaTeX skips ("No file x.tex"); else an error."""
    if command == "\\InputIfFileExists":
        return None
    if command in _MARKDOWN_INCLUDES:
        return diagnostic("parse-error", f"{command} {written}: no such file (looked in "
                          f"{display_path(folder)})", **where,
                          suggestion="correct the file name, or create the file")
    path = folder / written
    path = path if path.suffix else path.with_suffix(".tex")
    top = min((r for r in roots if _inside(folder, [r])), key=lambda r: len(r.parts),
              default=folder)
    if written_by_build(path, top):
        return None
    skipped = command == "\\include"
    return diagnostic("parse-error", f"{command}{{{written}}}: no such file (looked in "
                      f"{display_path(folder)})" + ("; LaTeX skips it" if skipped else ""),
                      **where, severity=Severity.WARNING if skipped else Severity.ERROR,
                      suggestion="correct the file name, or create the file")


def read_draft_unit(root: Path, *, roots: Sequence[Path]) -> tuple[list[Scanned], list[Diagnostic]]:
    """The root draft and every file it includes (depth first, each once)."""
    scanned: list[Scanned] = []
    problems: list[Diagnostic] = []
    seen: set[Path] = set()

    def visit(path: Path, base: Path, chain: tuple[Path, ...]) -> None:
        seen.add(path)
        text = text_of(path)
        scan = scan_draft(text, path=display_path(path))
        if scan is None:
            return
        scanned.append(Scanned(path=path, scan=scan, text=text))
        for inc in scan.includes:
            name = inc.command.lstrip("\\")
            written = inc.path_as_written
            if name in _MARKDOWN_INCLUDES:  # relative to the including file; Quarto's
                # "/part.qmd" to the project's top; knitr's to its root.dir (often "../")
                child_base = path.parent
                look_in = [*tops(path, roots), path.parent] if written.startswith("/") \
                    else folders_up(path, roots)
                written = written.lstrip("/")
            elif name == "subfile":
                child_base, look_in = path.parent, [path.parent]
            elif name in ("import", "inputfrom", "includefrom"):
                folder = written.rsplit("/", 1)[0] if "/" in written else ""
                child_base, look_in = (root.parent / folder).resolve(), [root.parent]
            elif name in ("subimport", "subinputfrom", "subincludefrom"):
                folder = written.rsplit("/", 1)[0] if "/" in written else ""
                child_base, look_in = (path.parent / folder).resolve(), [path.parent]
            else:  # TeX looks where it runs: the root's folder, or (latexmk from the
                # top, a variant root kept in a subfolder) the project's top folder
                child_base, look_in = base, [base, path.parent, *tops(path, roots)]
            found = find_file(written, look_in)
            if found is None and name not in _MARKDOWN_INCLUDES:
                found = _converted_source(written, look_in, roots)
            where: dict[str, Any] = {"path": scan.path, "line": inc.line, "column": inc.column}
            if found is None:
                missing = _missing_include(inc.command, written, look_in[0], roots, where)
                problems.extend([missing] if missing is not None else [])
                continue
            if found in chain:
                problems.append(diagnostic(
                    "parse-error", f"{inc.command}{{{written}}} includes a file that includes "
                    "it: LaTeX would loop forever", **where,
                    suggestion="remove the circular include"))
                continue
            if not _inside(found, roots):
                problems.append(_outside_project(f"{inc.command}{{{written}}}",
                                                 "relbib does not follow it", where))
                continue
            if found in seen:
                continue
            try:
                visit(found, child_base, (*chain, found))
            except InputError as error:
                problems.append(diagnostic(
                    "parse-error", f"{inc.command}{{{written}}}: {error.detail}", **where))

    visit(root, root.parent, (root,))
    return scanned, problems


def magic_root(path: Path, text: str) -> tuple[str, int] | None:
    """The root a ``% !TEX root = ...`` comment at the top of a LaTeX file names,
    with its line; None when the file has none."""
    if path.suffix.lower() not in LATEX_SUFFIXES or "root" not in text[:4096].lower():
        return None
    for number, line in enumerate(text.split("\n", _MAGIC_LINES)[:_MAGIC_LINES], start=1):
        m = _MAGIC_ROOT.match(line)
        if m is not None:
            return m.group("root"), number
        if line.strip() and not line.lstrip().startswith("%"):
            return None  # the comments at the top are over
    return None


def resolve_roots(drafts: Sequence[Path], roots: Sequence[Path]
                  ) -> tuple[dict[Path, Path], list[Diagnostic]]:
    """Each draft → the root document to check in its place (itself when it
    names none, or when the root it names cannot be used: missing, outside
    the project, or a chain of roots that loops); problems as findings at the
    magic comment's line."""
    out: dict[Path, Path] = {}
    problems: list[Diagnostic] = []
    for draft in drafts:
        current, chain = draft, [draft]
        while True:
            named = magic_root(current, text_of(current))
            if named is None:
                break
            written, line = named
            where: dict[str, Any] = {"path": display_path(current), "line": line, "column": 1}
            found = find_file(written, [current.parent])
            if found is None:
                problems.append(diagnostic(
                    "parse-error", f"'% !TEX root = {written}': no such file (looked in "
                    f"{display_path(current.parent)}); this file is checked on its own",
                    **where, suggestion="correct the root's path (relative to this file's "
                    "folder), or remove the comment"))
                break
            if found == current:
                break  # a root that names itself
            if found in chain:
                problems.append(diagnostic(
                    "parse-error", f"'% !TEX root = {written}' leads back to "
                    f"{display_path(found)}: the roots name each other; this file is "
                    "checked on its own", **where,
                    suggestion="let only the chapters name the root document"))
                current = draft
                break
            if not _inside(found, roots):
                problems.append(_outside_project(f"'% !TEX root = {written}'",
                                                 "relbib checks this file on its own", where))
                break
            current = found
            chain.append(found)
        out[draft] = current
    return out, problems
