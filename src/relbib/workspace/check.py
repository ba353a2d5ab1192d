"""The file I/O of `relbib check`: drafts and what they pull in, .bib files, the cache.

Input: the paths and --bib files of one `relbib check` run and the project.
Output: a :class:`relbib.check.runner.CheckRequest` ready for the pure runner,
the project's ignore list, and a cached library-findings function.
Never: judge a citation or an entry (check/ does), follow an include out of
the project, or trust a cache entry it cannot read (a bad one is rebuilt).

The roots and includes of the drafts are read by :mod:`relbib.workspace.includes`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from relbib.check.context import ClaimInputs, ModelChoice
from relbib.check.drafts import (
    LATEX_SUFFIXES,
    MARKDOWN_SUFFIXES,
    drop_crossref_labels,
)
from relbib.check.runner import (
    CheckRequest,
    DraftUnit,
    EssayText,
    LibraryFindings,
    records_of,
    unreadable,
    work_map,
)
from relbib.check.scope import Scope
from relbib.diagnostics import InputError, diagnostic
from relbib.formats.bibscan import BibScan
from relbib.model import Diagnostic, Severity
from relbib.workspace import Project, is_file
from relbib.workspace.check_cache import (
    CACHE_VERSION,
    BibFiles,
    Cache,
    _read,
    cache_dir,
    cached_library_findings,
    display_path,
)
from relbib.workspace.includes import (
    STDIN,
    Scanned,
    magic_root,
    read_draft_unit,
    resolve_roots,
    text_of,
    tops,
)
from relbib.workspace.markdown_project import markdown_settings
from relbib.workspace.project import Settings, bib_dialect, read_settings, walk

__all__ = ["CACHE_VERSION", "BibFiles", "Cache", "cache_dir", "cached_library_findings",
           "claim_inputs", "collect", "display_path", "expand_paths", "read_check_inputs"]

ESSAY_SUFFIXES = frozenset({".txt", ".html", ".htm"})
BIB_SUFFIXES = frozenset({".bib"})
# CSL bibliographies pandoc also reads: their ids are keys the draft may cite
CSL_SUFFIXES = frozenset({".json", ".yaml", ".yml"})
# an id in a CSL YAML file ("- id: key", "  id: 'key'", "{id: key, ...}")
_CSL_YAML_ID = re.compile(r"(?:^[^\S\n]*+(?:-\s++)?|[{,]\s*+)id\s*:\s*(?P<q>['\"]?)(?P<id>[^'\",{}\s]+)(?P=q)",
                          re.MULTILINE)
_CSL_YAML_REFERENCES = re.compile(r"^references\s*:", re.MULTILINE)

# a LaTeX root document, as opposed to a chapter meant to be \input
_WHOLE_LATEX = re.compile(r"^[^%\n]*\\(?:documentclass|begin\s*\{document\})", re.MULTILINE)


# --- paths ----------------------------------------------------------------------------


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in LATEX_SUFFIXES or suffix in MARKDOWN_SUFFIXES:
        return "draft"
    if suffix in BIB_SUFFIXES:
        return "bib"
    if suffix in ESSAY_SUFFIXES:
        return "essay"
    return None


def expand_paths(paths: Sequence[Path]) -> list[tuple[str, Path]]:
    """(kind, path) for every draft, essay and .bib file named or under a named folder.

    A folder is walked as a project (workspace/project.py): its documents, not
    every .tex and .md in it.  A .bib found in a folder that holds documents is
    of kind "walked-bib": checked only through the drafts that name it.
    """
    out: dict[Path, str] = {}
    for path in paths:
        if path.is_dir():
            found, documents = walk(path)
            for kind, candidate in found:
                kind = "walked-bib" if kind == "bib" and documents else kind
                out.setdefault(candidate.resolve(), kind)
        elif path.is_file() or path.resolve() in STDIN:
            named = _kind_of(path)
            if named is None:
                raise InputError("not a draft (.tex, .md, .qmd, .Rmd), essay (.txt, .html) "
                                 "or .bib file", path=str(path))
            out[path.resolve()] = named
        else:
            raise InputError("no such file or folder", path=str(path))
    return [(kind, path) for path, kind in out.items()]


def csl_ids(path: Path) -> frozenset[str]:
    """The ids of a CSL JSON or CSL YAML bibliography (empty when it cannot be read)."""
    text = text_of(path)
    if path.suffix.lower() != ".json":
        # pandoc reads a CSL YAML bibliography's "references:" list; a bare list
        # defines nothing ("citation X not found")
        if _CSL_YAML_REFERENCES.search(text) is None:
            return frozenset()
        return frozenset(m.group("id") for m in _CSL_YAML_ID.finditer(text))
    import json  # only for CSL JSON bibliographies

    try:
        data = json.loads(text)
    except ValueError:
        return frozenset()
    items = data.get("items", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        return frozenset()
    return frozenset(str(item["id"]) for item in items
                     if isinstance(item, dict) and "id" in item)


# --- the whole request -----------------------------------------------------------------------


def _essay_paths(paths: Sequence[Path], named: Sequence[tuple[str, Path]],
                 project: Project) -> list[Path]:
    """The essays to check: those named, and those found in a folder only when the
    project is a relbib library (a requirements.txt or an analytics snippet in a
    repository is no essay)."""
    given = {p.resolve() for p in paths if p.is_file()}
    library = project.config is not None or project.sources_bib.is_file()
    return [p for kind, p in named if kind == "essay" and (p in given or library)]


def _with_project_settings(scanned: list[Scanned], roots: Sequence[Path]
                           ) -> tuple[list[Scanned], tuple[Path, ...]]:
    """A Markdown draft as its project builds it: cross-reference labels dropped
    (Quarto, pandoc-crossref), and the project's bibliographies when it names none."""
    root = scanned[0]
    settings = markdown_settings(root.path, root.text, roots)
    if settings.crossref is not None:
        style = settings.crossref
        scanned = [replace(s, scan=drop_crossref_labels(s.scan, style)) for s in scanned]
    # pandoc's citeproc reads a .bib as biblatex (journal and journaltitle, year and date
    # alike) and a .bibtex as BibTeX; --natbib and --biblatex hand it to BibTeX or biber
    names = [*(n for s in scanned for n in s.scan.bibliographies), *map(str, settings.bibliographies)]
    model = settings.data_model or (
        "bibtex" if names and all(n.lower().endswith(".bibtex") for n in names) else "biblatex")
    if scanned[0].scan.data_model is None:  # (the root as its labels were dropped)
        first = scanned[0]
        scanned = [replace(first, scan=replace(first.scan, data_model=model)), *scanned[1:]]
    named = any(s.scan.bibliographies for s in scanned)
    return scanned, () if named else settings.bibliographies


def _converted_members(scanned: list[Scanned], roots: Sequence[Path]) -> list[Scanned]:
    """A LaTeX root's Markdown members (a build converts ch1.md to the ch1.tex it
    inputs): their cross-reference labels dropped as the project's pandoc does."""
    out = []
    for item in scanned:
        if item.path.suffix.lower() in MARKDOWN_SUFFIXES:
            style = markdown_settings(item.path, item.text, roots).crossref
            if style is not None:
                item = replace(item, scan=drop_crossref_labels(item.scan, style))
        out.append(item)
    return out


# knitr::write_bib(c(...), "packages.bib"): a .bib the build writes (keys "R-pkg")
# (papaja's r_refs("r-references.bib") writes one the same way)
_WRITE_BIB = re.compile(r"(?:write_bib|r_refs)\s*\([\s\S]{0,400}?['\"](?P<name>[^'\"]+\.bib)['\"]")


# how many files beside a missing .bib are searched for the chunk that writes it
_GENERATOR_FILES = 200


# the documents knitr runs, whose chunks may write a .bib (write_bib, r_refs)
_KNITTED = frozenset({".rmd", ".qmd", ".rmarkdown"})


def _generated(scanned: Sequence[Scanned], name: str) -> bool:
    """Whether a knitr chunk of the drafts, or of an R Markdown, Quarto or R file beside
    ``name`` (a bookdown book writes it in index.Rmd or its last chapter), writes it."""
    texts = [s.text for s in scanned]
    if Path(name).is_absolute():
        folder = Path(name).parent
        beside = sorted(p for pattern in ("*.Rmd", "*.qmd", "*.R", "*.Rmarkdown")
                        for p in folder.glob(pattern))[:_GENERATOR_FILES]
        texts.extend(text_of(p) for p in beside if is_file(p))
    base = Path(name).name
    # write_bib(..., "packages.bib"), or write_bib(..., file = NULL) and the text written
    # later in the chunk (xfun::write_utf8(bib, 'packages.bib'), writeLines(...))
    return any(any(m.group("name").endswith(base) for m in _WRITE_BIB.finditer(text))
               or f"'{base}'" in text or f'"{base}"' in text
               for text in texts if "write_bib" in text or "r_refs(" in text)


def _line_naming(scanned: Sequence[Scanned], name: str) -> tuple[str, int, int]:
    """Where a draft names a bibliography file (for a missing-file finding)."""
    stem = name[:-4] if name.endswith(".bib") else name
    for item in scanned:
        at = item.text.find(stem)
        if at >= 0:
            line = item.text.count("\n", 0, at) + 1
            return item.scan.path, line, at - item.text.rfind("\n", 0, at)
    return scanned[0].scan.path, 1, 1


def _elsewhere(name: str) -> bool:
    """A bibliography named by an absolute or home path (``/Users/me/bibs/all.bib``,
    ``~/bibs/all.bib``): a file of the writer's machine, not of the project."""
    return name.startswith(("/", "~", "\\")) or re.match(r"[A-Za-z]:[\\/]", name) is not None


def _missing_bibliography(scanned: Sequence[Scanned], name: str, root: Path, *,
                          generated: bool) -> Diagnostic:
    """The finding for a bibliography that does not exist: an error, or an info
    when a draft's knitr chunk writes it at build time (``generated``)."""
    where, line, column = _line_naming(scanned, name)
    if generated:
        return diagnostic(
            "parse-error", f"the bibliography '{name}' is written by an R chunk (knitr::write_bib, "
            "papaja::r_refs) when the document is knit; its keys (R-package) are not checked "
            "until then",
            path=where, line=line, column=column, severity=Severity.INFO,
            suggestion="build once, or leave it: this is no defect")
    # a document citing nothing (a template's leftover root) never reads it: a warning
    cites = any(s.scan.citations for s in scanned)
    if _elsewhere(name):
        return diagnostic(
            "parse-error", f"the bibliography '{name}' is in a folder outside the project that "
            "is not on this machine (the writer's own library): the draft's citations are not "
            "checked", path=where, line=line, column=column, severity=Severity.WARNING,
            suggestion="pass a copy of the file with --bib")
    return diagnostic(
        "parse-error", f"the bibliography '{name}' does not exist "
        f"(looked in {display_path(root.parent)})", path=where, line=line, column=column,
        severity=Severity.ERROR if cites else Severity.WARNING,
        suggestion="correct the name, or pass the file with --bib")


def _unchecked(scanned: list[Scanned], problems: list[Diagnostic], named: bool,
               missing_inherited: Sequence[str], roots: Sequence[Path]
               ) -> tuple[list[Scanned], list[Diagnostic]]:
    """A draft with no bibliography to check its keys against: one finding, not an
    undefined-key error per citation.

    Every bibliography it names is missing (already a finding), or the one its project
    names is (reported here: outside the project, another machine's file, a warning), or
    nothing names one to a Markdown draft: then pandoc runs no citeproc, and a bare
    ``@name`` is text (a handle)."""
    cited = [c for s in scanned for c in s.scan.citations if not named and c.command != "@"
             or named]
    if cited and (missing_inherited or not named):
        first = cited[0]
        count = f"{len(cited)} citation{'s' if len(cited) > 1 else ''} ('{first.key}' first)"
        if missing_inherited:
            name = missing_inherited[0]
            outside = _elsewhere(name) and not any(Path(name).is_relative_to(r) for r in roots)
            message = (f"the bibliography '{display_path(Path(name))}' that the project "
                       "names for this draft "
                       + ("is outside the project and not on this machine" if outside
                          else "does not exist") + f": its {count} are not checked")
            kind, severity, fix = ("parse-error", Severity.WARNING if outside else Severity.ERROR,
                                   "pass the file with --bib, or correct the project's "
                                   "bibliography")
        elif first.path.endswith(tuple(LATEX_SUFFIXES)):
            message = (f"the document has {count} but loads no bibliography (no "
                       "\\bibliography, \\addbibresource or thebibliography), and no relbib "
                       "library gives one: LaTeX prints '?' for each")
            kind, severity, fix = ("undefined-key", Severity.WARNING, "add \\bibliography{refs} "
                                   "or \\addbibresource{refs.bib}, or pass --bib")
        else:
            message = (f"the draft has {count} but names no bibliography, and no project "
                       "file or relbib library gives one: pandoc cannot print them (it leaves "
                       f"'[@{first.key}]' as written, or prints '({first.key}?)' with "
                       "--citeproc)")
            kind, severity, fix = ("undefined-key", Severity.WARNING, "add 'bibliography: "
                                   "refs.bib' to the front matter, or pass --bib")
        problems = [*problems, diagnostic(
            kind, message, path=first.path, line=first.line, column=first.column,
            keys=(first.key,), severity=severity, suggestion=fix)]
    return [replace(s, scan=replace(s.scan, citations=())) for s in scanned], problems


def _with_generated_keys(scanned: list[Scanned]) -> Scanned:
    """The root scan with the R-package keys knitr::write_bib will define counted as defined."""
    first = scanned[0]
    made = {c.key for s in scanned for c in s.scan.citations if c.key.startswith("R-")}
    return replace(first, scan=replace(first.scan, defined_keys=first.scan.defined_keys | made))


def _alone_model(request: CheckRequest, files: BibFiles, settings: Settings) -> ModelChoice:
    """The data model of the .bib files checked on their own: the config's
    ``dialect``, else biblatex when each of them uses a field or type only
    biblatex knows (``date``, ``journaltitle``, ``@online`` ...), else both."""
    if settings.dialect is not None:
        return settings.dialect
    used = {p for u in request.drafts for p in u.bib_paths}
    alone = [p for p in request.extra_bibs if p not in used and p in files.paths]
    if alone and all(bib_dialect(_read(files.paths[p])) == "biblatex" for p in alone):
        return "biblatex"
    return "both"


def collect(paths: Sequence[Path], bibs: Sequence[Path], project: Project,
            files: BibFiles) -> CheckRequest:
    """Read everything one `relbib check` run looks at (.bib files through ``files``)."""
    named = expand_paths(paths)
    settings = read_settings(project)
    bibs = [*bibs, *settings.bib]
    extra = [p.resolve() for p in bibs] + [p for kind, p in named if kind == "bib"]
    for path in bibs:
        if not path.is_file():
            raise InputError("no such .bib file", path=str(path))
    roots = [project.root.resolve(), Path.cwd().resolve()]
    drafts = [p for kind, p in named if kind == "draft"]
    bib_scans: dict[str, BibScan] = {}

    unreadable_bibs: list[Diagnostic] = []

    def bib(path: Path) -> str:
        shown = display_path(path)
        if shown not in bib_scans and shown not in {d.path for d in unreadable_bibs}:
            try:
                bib_scans[shown] = files.read(path, slim=True)
            except InputError as error:  # reported; the other files are still checked
                unreadable_bibs.append(unreadable(error, shown))
        return shown

    extra_shown = tuple(dict.fromkeys(bib(p) for p in extra))
    library = [p for p in (project.sources_bib, project.essays_bib) if p.is_file()]
    units: list[DraftUnit] = []
    generated_bibs: set[str] = set()  # .bib files a knitr chunk writes
    included: set[Path] = set()
    read: list[tuple[Path, list[Scanned], list[Diagnostic]]] = []
    # a chapter naming its root document ("% !TEX root = ../thesis.tex") is
    # checked as part of that document
    readable = []
    early: list[Diagnostic] = []
    for draft in drafts:
        try:
            text_of(draft)
            readable.append(draft)
        except InputError as error:
            early.append(unreadable(error, display_path(draft)))
    drafts = readable
    magic, read_problems = resolve_roots(drafts, roots)
    read_problems[:0] = early
    queue = list(dict.fromkeys(magic[d] for d in drafts))
    done: set[Path] = set()
    while queue:
        root = queue.pop(0)
        if root in done:
            continue
        done.add(root)
        try:
            scanned, problems = read_draft_unit(root, roots=[*roots, root.parent])
        except InputError as error:  # one unreadable draft is a finding, not the end
            read_problems.append(unreadable(error, display_path(root)))
            continue
        read.append((root, scanned, problems))
        included.update(s.path for s in scanned[1:])
        holds = {s.path for s in scanned}
        for chapter in (d for d in drafts if magic[d] == root and d not in holds):
            comment = magic_root(chapter, text_of(chapter)) or ("", 1)
            read_problems.append(diagnostic(
                "parse-error", f"the root document {display_path(root)} this file names "
                "does not include it; this file is checked on its own",
                path=display_path(chapter), line=comment[1], column=1, severity=Severity.WARNING,
                suggestion="\\input or \\include this file from the root, or correct the "
                "'% !TEX root' comment"))
            magic[chapter] = chapter
            queue.append(chapter)
    for root, scanned, problems in read:
        if root in included or not scanned:
            continue  # checked as part of the draft that includes it
        bib_paths: list[str] = []
        csl_keys: set[str] = set()
        inherited: tuple[Path, ...] = ()
        if root.suffix.lower() in MARKDOWN_SUFFIXES:
            scanned, inherited = _with_project_settings(scanned, roots)
        else:
            scanned = _converted_members(scanned, roots)
        names = [(item, name) for item in scanned for name in item.scan.bibliographies]
        names += [(scanned[0], str(path)) for path in inherited]
        missing_inherited: list[str] = []
        generated = False
        for item, name in names:
            candidates = [root.parent / name, item.path.parent / name,
                          *(top / name for top in tops(root, roots)),
                          *([Path(name).expanduser()] if name.startswith("~") else [])]
            if not Path(name).suffix:  # "bibliography: refs" handed to \bibliography{refs}
                candidates += [c.with_name(c.name + ".bib") for c in candidates]
            found = next((c for c in candidates if is_file(c)), None)
            if found is None:
                # the project's bibliography, when missing, is reported once, below
                from_project = item is scanned[0] and name in {str(p) for p in inherited}
                made = _generated(scanned, str(root.parent / name))
                if not from_project:
                    problems.append(_missing_bibliography(scanned, name, root, generated=made))
                if made:
                    generated = True
                    scanned[0] = _with_generated_keys(scanned)
                elif from_project:
                    missing_inherited.append(name)
                continue
            if found.suffix.lower() in CSL_SUFFIXES:
                csl_keys.update(csl_ids(found))
                continue
            bib_paths.append(bib(found))
            # (knitr writes .bib files only for R Markdown and Quarto documents)
            if root.suffix.lower() in _KNITTED and _generated(scanned, str(found)):
                generated_bibs.add(bib_paths[-1])
        named_any = bool(bib_paths) or bool(names)
        bib_paths.extend(extra_shown)
        if not named_any and not extra_shown:
            bib_paths.extend(bib(p) for p in library)
        defines = any(s.scan.defined_keys for s in scanned)  # a thebibliography of its own
        if not bib_paths and not csl_keys and not generated and not defines:
            scanned, problems = _unchecked(scanned, problems, bool(names),
                                           missing_inherited, roots)
        root_text = scanned[0]
        whole = root_text.path.suffix.lower() not in LATEX_SUFFIXES or \
            _WHOLE_LATEX.search(root_text.text) is not None
        scans = [s.scan for s in scanned]
        if csl_keys:
            scans[0] = replace(scans[0], defined_keys=scans[0].defined_keys | csl_keys)
        units.append(DraftUnit(path=scanned[0].scan.path,
                               scans=tuple(scans),
                               bib_paths=tuple(dict.fromkeys(bib_paths)), whole=whole,
                               diagnostics=tuple(problems), backend_setting=settings.backend))
    if not drafts and not extra_shown and not [p for k, p in named if k == "essay"]:
        extra_shown = tuple(bib(p) for p in library)  # nothing named: check the library
    essays: list[EssayText] = []
    for path in _essay_paths(paths, named, project):
        try:
            essays.append(EssayText(path=display_path(path), text=text_of(path)))
        except InputError as error:
            read_problems.append(unreadable(error, display_path(path)))
    read_problems.extend(unreadable_bibs)
    if not units and not essays and not bib_scans and read_problems and \
            all(p.message.startswith("cannot be read") for p in read_problems):
        # nothing named could be read: the run checked nothing (exit 3)
        raise InputError(read_problems[0].message.removeprefix("cannot be read: "),
                         path=read_problems[0].path)
    request = CheckRequest(drafts=tuple(units), bibs=bib_scans, extra_bibs=extra_shown,
                           essays=tuple(essays), ignore=settings.ignore,
                           problems=tuple(read_problems), generated_bibs=frozenset(generated_bibs))
    return replace(request, alone_model=_alone_model(request, files, settings))


def claim_inputs(project: Project, request: CheckRequest, files: BibFiles) -> ClaimInputs | None:
    """The library's claim knowledge and the draft-key → library-key map; None
    when there is nothing to judge or the library cannot be read.

    Drafts are judged only against what the library knows: without a single
    annotated claim there is nothing to judge them by (a writer with a plain
    .bib and no relbib library gets no claim findings, and pays nothing).
    Essays are also judged against each other, so they need no annotations.
    """
    if not request.drafts and not request.essays:
        return None
    folder = project.annotations_dir
    if not request.essays and not (folder.is_dir() and any(folder.glob("*.yaml"))):
        return None
    from relbib.workspace import load_library

    try:
        library = load_library(project)
    except InputError:
        return None  # the library's own problems are reported by its rules
    has_claims = any(a.claims for a in library.annotations.values())
    if not request.essays and not has_claims:
        return None
    if not has_claims or not request.drafts:
        return ClaimInputs(library=library, judge_drafts=has_claims)
    library_scans = [files.read(p, slim=True) for p in (project.sources_bib, project.essays_bib)
                     if p.is_file()]
    library_records = [r for s in library_scans for r in records_of(files.full(s))]
    if not library_records:
        return ClaimInputs(library=library)
    # every entry of the drafts' .bib files: an uncited work the library knows
    # is suggested under the draft's own key
    draft_bibs = dict.fromkeys(p for u in request.drafts for p in u.bib_paths)
    draft_records = [r for p in draft_bibs if p in request.bibs
                     for r in records_of(files.full(request.bibs[p]))]
    return ClaimInputs(library=library, key_map=work_map(draft_records, library_records))


def read_check_inputs(paths: Sequence[Path], bibs: Sequence[Path], project: Project, *,
                      claims: bool, scope: Scope | None = None,
                      stdin: tuple[Path, str] | None = None
                      ) -> tuple[CheckRequest, ClaimInputs | None, LibraryFindings]:
    """Everything one `relbib check` run reads: the request, the library's claim
    knowledge (None when ``claims`` is off or there is none) and the cached
    library findings.  ``stdin`` is (--stdin-filename, the text read from
    standard input): that file is checked with the text an editor holds."""
    import gc

    files = BibFiles(Cache(cache_dir()))
    gc.disable()  # reading builds ~10^6 containers that all live to the end
    STDIN.clear()
    if stdin is not None:
        STDIN[stdin[0].resolve()] = stdin[1]
        paths = [*paths, stdin[0]]
    try:
        request = collect(paths, bibs, project, files)
    finally:
        STDIN.clear()
    if scope is not None:
        request = replace(request, scope=scope)
    gc.freeze()
    gc.enable()
    knowledge = claim_inputs(project, request, files) if claims else None
    return request, knowledge, cached_library_findings(files)
