"""Chains the stages: essay text → Essay → References → Citations → library → claims.

Input: essay texts with their paths, reference-list texts, a Library, what
workspace/ read for a check run.
Output: EssayIngest records, parse results, library updates, links, the
products of `relbib build`, check results.
Never: read or write files, print, or look at the environment (workspace/
and cli/ do that).

The stages are imported inside the functions that chain them: `relbib check`
imports this module and must not pay for the essay reader, the note parser,
the linker, pybtex or lxml (tests/cli/test_check_startup.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from relbib.diagnostics import diagnostic
from relbib.model import (
    Citation,
    CitationSpan,
    ClaimsResult,
    Diagnostic,
    Entry,
    EssayIngest,
    Form,
    FullRef,
    NoteCitations,
    Reference,
    Severity,
    UnparsedRef,
    freeze_fields,
)

if TYPE_CHECKING:
    from relbib.check.context import ClaimInputs
    from relbib.check.runner import CheckRequest, CheckResult, LibraryFindings
    from relbib.export.lists import Selection
    from relbib.library.core import Library, LibraryUpdate
    from relbib.library.importing import ImportResult
    from relbib.resolve import ResolveResult
    from relbib.scale import Runner


def ingest_essay(text: str, *, path: str) -> EssayIngest:
    """One essay through stages 1-4 (no keys yet: the library assigns them).

    Args:
        text: the essay's text (plain, Markdown or HTML, told apart by ``path``).
        path: where the essay came from; its stem is the essay's id.

    Returns:
        An EssayIngest: the Essay, each note's citations (``cited``), one
        Reference per note (its first citation's), one Citation per citation,
        and the diagnostics located at their notes' lines.
    """
    from relbib.ingest.essay import load_essay

    essay, essay_diagnostics = load_essay(text, path=path)
    cited, references, result = _read_notes([(note.n, note.text) for note in essay.notes])
    lines = {note.n: note.line for note in essay.notes}
    located = tuple(
        _located(d, path, lines)
        for d in (*essay_diagnostics, *result.diagnostics, *_incomplete(cited, result.citations))
    )
    return EssayIngest(
        essay=essay, references=references, citations=result.citations, diagnostics=located,
        cited=cited,
    )


def _read_notes(
    notes: Sequence[tuple[int, str]],
) -> tuple[tuple[NoteCitations, ...], tuple[Reference, ...], ResolveResult]:
    """Each note split into its citations, each note's first Reference (an
    UnparsedRef for a comment), and every citation resolved."""
    from relbib.parse.split import read_note
    from relbib.resolve import resolve_cited

    cited = tuple(read_note(n, text) for n, text in notes)
    references = tuple(
        c.citations[0].reference if c.citations
        else UnparsedRef(text=text, reason="a comment: it cites no work")
        for c, (_, text) in zip(cited, notes, strict=True)
    )
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    if result.completed:  # an "ID., Title" note's entry carries the author it names
        cited = _completed(cited, result.completed)
        references = tuple(c.citations[0].reference if c.citations else r
                           for c, r in zip(cited, references, strict=True))
    return cited, references, result


def _completed(cited: tuple[NoteCitations, ...],
               completed: Sequence[tuple[int, int, Reference]]) -> tuple[NoteCitations, ...]:
    """``cited`` with the references the resolver completed put in their places."""
    by_place = {(n, i): ref for n, i, ref in completed}
    return tuple(
        replace(c, citations=tuple(replace(s, reference=by_place.get((c.n, i), s.reference))
                                   for i, s in enumerate(c.citations)))
        if any(n == c.n for n, _ in by_place) else c
        for c in cited)


def ingest_essays(sources: Sequence[tuple[str, str]]) -> tuple[EssayIngest, ...]:
    """Every (path, text) through stages 1-4, in the order given."""
    return tuple(ingest_essay(text, path=path) for path, text in sources)


def update_library(library: Library, ingests: Sequence[EssayIngest]) -> LibraryUpdate:
    """Stage 5: the library with these essays' sources, keys and claims.

    Args:
        library: the library as it stands.
        ingests: essays from :func:`ingest_essay`.

    Returns:
        A LibraryUpdate: the new Library, the keys added and updated, and each
        essay's citations with their keys.
    """
    from relbib.library import core

    return core.update_library(library, ingests)


update = update_library  # the name the runs and older callers use


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedNote:
    n: int
    text: str
    line: int
    reference: Reference  # the first citation's (an UnparsedRef for a comment)
    citation: Citation  # the first citation's
    cited: NoteCitations | None = None  # the note's citations, with their spans
    citations: tuple[Citation, ...] = ()  # one per citation, keyed


@dataclass(frozen=True, slots=True, kw_only=True)
class ParseResult:
    notes: tuple[ParsedNote, ...]
    entries: tuple[Entry, ...]
    diagnostics: tuple[Diagnostic, ...]


def parse_list(text: str, *, path: str = "-") -> ParseResult:
    """A reference list or notes section → parsed notes and resolved sources.

    Items without numbers are numbered in order, so that Ibid. and op. cit.
    still resolve against the items before them.

    Args:
        text: the list, one item per line or per numbered item.
        path: the name diagnostics give the input.

    Returns:
        A ParseResult: each note with its Reference and Citation, the entries
        of the sources, and the diagnostics.
    """
    from relbib.library.keys import make_key
    from relbib.notes import prose_warning, split_numbered

    items = split_numbered(text)
    prose = prose_warning(items)
    numbered = [(item.n if item.n is not None else i + 1, item) for i, item in enumerate(items)]
    cited, references, result = _read_notes([(n, item.text) for n, item in numbered])
    keys: dict[tuple[int, int], str] = {}
    taken: set[str] = set()
    entries: list[Entry] = []
    for citation, span in zip(result.citations, _spans(cited), strict=True):
        ref = span.reference
        if isinstance(ref, FullRef) and (citation.source, citation.source_index) == (
            citation.note, citation.index
        ):
            key = make_key(ref.fields, taken)
            taken.add(key)
            keys[citation.note, citation.index] = key
            entries.append(Entry(key=key, type=ref.type, fields=freeze_fields(ref.fields)))
    keyed = [replace(c, key=keys.get((c.source, c.source_index)) if c.source is not None else None)
             for c in result.citations]
    by_note: dict[int, list[Citation]] = {}  # grouped once: a scan per note is quadratic
    for c in keyed:
        by_note.setdefault(c.note, []).append(c)
    notes = []
    for (n, item), ref, note_cited in zip(numbered, references, cited, strict=True):
        own = tuple(by_note.get(n, ()))
        first = own[0] if own else Citation(note=n, key=None, form=Form.FULL, pinpoint=None,
                                            refers_to=None, rule="comment")
        notes.append(ParsedNote(n=n, text=item.text, line=item.line, reference=ref,
                                citation=first, cited=note_cited, citations=own))
    lines = {n: item.line for n, item in numbered}
    problems = _incomplete(cited, result.citations)
    located = tuple(
        _located(d, path, lines)
        for d in (*result.diagnostics, *problems)
    )
    if prose is not None:
        located = (replace(prose, path=path), *located)
    return ParseResult(notes=tuple(notes), entries=tuple(entries), diagnostics=located)


def _spans(cited: Sequence[NoteCitations]) -> list[CitationSpan]:
    """Every citation of the notes, in order (as the resolver returns them)."""
    return [span for note in cited for span in note.citations]


def _incomplete(cited: Sequence[NoteCitations], citations: Sequence[Citation]) -> tuple[Diagnostic, ...]:
    """incomplete-note: a note cut short (dangling comma, web item with no URL, no year).

    Only a citation that is its own source is judged: a short form or a repeat
    resolved to an earlier note says no more than it needs to.  A comment (a
    note citing nothing) is not judged; one finding per note at most.
    """
    out: list[Diagnostic] = []
    judged: set[int] = set()
    for citation, span in zip(citations, _spans(cited), strict=True):
        n, ref = citation.note, span.reference
        if n in judged:
            continue
        before = len(out)
        _judge_complete(n, ref, citation, out)
        if len(out) > before:
            judged.add(n)
    return tuple(out)


def _judge_complete(n: int, ref: Reference, citation: Citation, out: list[Diagnostic]) -> None:
    """Adds the incomplete-note finding of one citation, if it has one."""
    if isinstance(ref, UnparsedRef):
        out.append(diagnostic(
            "incomplete-note",
            f"note {n}: cannot be read as a reference ({ref.reason})", note=n,
            suggestion="write the note out in full: author, title, venue, date",
        ))
        return
    if not isinstance(ref, FullRef) or (citation.source, citation.source_index) != (n, citation.index):
        return
    reasons = []
    if ref.text.rstrip().endswith((",", ";", ":")):
        reasons.append("it ends with a dangling comma")
    archival = ref.type == "unpublished" and "organization" in ref.fields  # a file in an archive
    if "year" not in ref.fields and "date" not in ref.fields and not archival:
        reasons.append("it has no year")
    # Only a web page needs its URL: an ``online`` entry, or a ``misc`` one
    # naming nothing else that says where it appeared (a publisher, an
    # issuing body, a reporter citation or genre, a periodical, a number).
    web = ref.type == "online" or ref.type == "misc" and not {
        "publisher", "institution", "organization", "howpublished", "journal", "number"
    } & set(ref.fields)
    if web and not {"url", "doi"} & set(ref.fields):
        reasons.append("a web source with no URL")
    if reasons:
        out.append(diagnostic(
            "incomplete-note",
            f"note {n}: looks cut short: " + "; ".join(reasons), note=n,
            suggestion="complete the note; for a web source, add its URL and the access date",
        ))


def _located(d: Diagnostic, path: str, lines: dict[int, int]) -> Diagnostic:
    """``d`` at its note's line (column 1: the note as a whole) in ``path``."""
    line = d.line or _line_of_note(d, lines)
    return replace(d, path=d.path or path, line=line, column=d.column or (1 if line else 0))


def _line_of_note(d: Diagnostic, lines: dict[int, int]) -> int:
    return lines.get(d.note, 0) if d.note is not None else 0


# --- runs: what `relbib build`, `link` and `check` chain (workspace/ reads and writes) ---
#
# The stages these runs reach past ingest (claims, render, export, check) are
# imported inside them: `relbib check` imports this module and must not pay for
# the linker, pybtex or lxml (tests/cli/test_check_startup.py).


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestRun:
    """Essays through stages 1-5: their ingests and the library they update."""

    ingests: tuple[EssayIngest, ...]
    update: LibraryUpdate
    failures: tuple[Diagnostic, ...] = ()  # essays that could not be ingested (relbib.scale)

    @property
    def library(self) -> Library:
        return self.update.library


def ingest_run(library: Library, sources: Sequence[tuple[str, str]], *,
               parallel: Runner | None = None) -> IngestRun:
    """Every (path, text) essay ingested, and ``library`` updated with them
    (``parallel``: the essays read on other processes, same result)."""
    from relbib.library.essay_ids import essay_ids, known_essay_ids

    ids = essay_ids([path for path, _ in sources], known_essay_ids(library))
    read = ingest_essays(sources) if parallel is None else parallel.ingest(sources)
    ingests = tuple(i if i.essay.id == ids[i.essay.path] else
                    replace(i, essay=replace(i.essay, id=ids[i.essay.path]))
                    for i in read if i is not None)
    failures = () if parallel is None else parallel.take_failures()
    return IngestRun(ingests=ingests, update=update(library, ingests), failures=failures)


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkRun:
    """Stage 6 over an ingest run: the links, the library holding them, the judgements."""

    result: ClaimsResult  # the links and judgements
    library: Library  # the ingest run's library, its annotations holding the links
    findings: tuple[Diagnostic, ...]  # the judgements as findings, located in their essays


def link_run(run: IngestRun, *, parallel: Runner | None = None) -> LinkRun:
    """The run's library linked to the claims of its essays (annotations updated);
    ``parallel``: the per-essay steps on other processes, same result.  The
    findings hold the essays that could not be ingested or linked."""
    from relbib.claims.annotate import apply_links, judgement_findings, link_library

    result = link_library(run.library, run.ingests, run.update.citations, parallel=parallel)
    failed = (*run.failures, *(parallel.take_failures() if parallel is not None else ()))
    found = judgement_findings(result, [i.essay for i in run.ingests])
    if failed:
        found = tuple(sorted((*found, *failed),
                             key=lambda d: (d.path, d.line, d.column, d.code, d.keys)))
    return LinkRun(result=result, library=apply_links(run.library, result), findings=found)


@dataclass(frozen=True, slots=True, kw_only=True)
class Product:
    """One file `relbib build` writes: its name in the output folder and its text."""

    name: str
    text: str
    step: str = ""  # what a person watching is told, before it is made


def build_products(library: Library, ingests: Sequence[EssayIngest]) -> Iterator[Product]:
    """The annotated bibliography (md, html, tex for biber and for bibtex) and the
    reading list (bib, CSL-JSON, RIS) of ``library``'s sources, made one by one."""
    from relbib.export.lists import EXPORT_FORMATS, export, latex_bundle
    from relbib.render import essay_view, render_bibliography

    entries = _sources(library)
    essay_texts = {i.essay.id: essay_view(i.essay) for i in ingests}
    for fmt in ("md", "html"):
        yield Product(name=f"annotated-bibliography.{fmt}",
                      step=f"rendering annotated-bibliography.{fmt}",
                      text=render_bibliography(entries, library.annotations, fmt=fmt,
                                               essays=library.essays, essay_texts=essay_texts))
    for engine, stem in (("biber", "annotated-bibliography"),
                         ("bibtex", "annotated-bibliography-bibtex")):
        bundle = latex_bundle(entries, library.annotations, engine=engine, bib_name=stem)
        yield Product(name=f"{stem}.tex", text=bundle.tex,
                      step="rendering annotated-bibliography.tex" if engine == "biber" else "")
        yield Product(name=f"{bundle.bib_name}.bib", text=bundle.bib)
    for fmt in ("bib", "csl-json", "ris"):
        yield Product(name=f"reading-list.{EXPORT_FORMATS[fmt].suffix}",
                      step=f"exporting the reading list as {fmt}",
                      text=export(entries, library.annotations, fmt=fmt))


# --fail-on's thresholds: a finding fails the run when its severity's rank is at least this.
_FAIL_RANK = {"error": Severity.ERROR.rank, "warning": Severity.WARNING.rank,
              "info": Severity.INFO.rank, "never": 99}


def fails(findings: Iterable[Diagnostic], fail_on: str) -> bool:
    """Whether any finding is at least as severe as ``fail_on`` (error, warning, info, never)."""
    return any(f.severity.rank >= _FAIL_RANK[fail_on] for f in findings)


# --- the public verbs relbib/__init__.py exports that the runs above do not define ---


def parse_note(text: str) -> Reference:
    """Stage 3: what one note's text says of the source it cites.

    Args:
        text: one note (or one item of a reference list), without its number.

    Returns:
        A Reference: a FullRef (entry type, fields, per-field confidence), an
        IbidRef, OpCitRef, ShortRef or SupraRef, or an UnparsedRef with its reason.
    """
    from relbib.parse import parse_note as parse

    return parse(text)


def resolve_citations(notes: Sequence[tuple[int, Reference]]) -> ResolveResult:
    """Stage 4: each note's citation resolved to the earlier note it refers to.

    Args:
        notes: (note number, Reference) in the order the notes stand.

    Returns:
        A ResolveResult: one Citation per note (form, pinpoint, the note it
        refers to and the source note, the rule that decided) and the
        ambiguous-reference diagnostics of those left unresolved.
    """
    from relbib.resolve import resolve

    return resolve(notes)


def link_claims(library: Library, ingests: Sequence[EssayIngest],
                citations: Mapping[str, Sequence[Citation]]) -> ClaimsResult:
    """Stage 6: every sentence of the essays linked to the library's works.

    Args:
        library: the library, with its annotations (decisions, known claims).
        ingests: the essays, from :func:`ingest_essay`.
        citations: each essay id's citations with their keys (LibraryUpdate.citations).

    Returns:
        A ClaimsResult: the links (cited, supports, conflicts ...) and the
        judgements the claim-aware rules make of them.
    """
    from relbib.claims.annotate import link_library

    return link_library(library, ingests, citations)


def check_drafts(request: CheckRequest, *, claims: ClaimInputs | None = None,
                 library: LibraryFindings | None = None,
                 parallel: Runner | None = None) -> CheckResult:
    """`relbib check`: the findings of the drafts, .bib files and essays read.

    Args:
        request: what to check (workspace.check.collect reads it from files).
        claims: the library's claim knowledge for the claim-aware rules; None skips them.
        library: computes the findings of one set of .bib files (a cached one may be given).
        parallel: reads and links the essays on other processes (relbib.scale).

    Returns:
        A CheckResult: the findings in a stable order after suppression, and
        the counts of files and citations.
    """
    from relbib.check.runner import check

    return check(request, claims=claims, library=library, parallel=parallel)


def render_bibliography(library: Library, entries: Sequence[Entry] | None = None, *,
                        fmt: str = "md", style: str = "chicago-nb") -> str:
    """The annotated bibliography of the library's sources.

    Args:
        library: the library whose annotations and essays the document shows.
        entries: the entries to show (default: every source, by key).
        fmt: md, html, tex or txt.
        style: a reference style (plain, unsrt, alpha, abbrv, chicago-nb, chicago-ad, apa7).

    Returns:
        The document's text.
    """
    from relbib.render import render_bibliography as render

    chosen = _sources(library) if entries is None else entries
    return render(chosen, library.annotations, fmt=fmt, style=style, essays=library.essays)


def export_list(library: Library, entries: Sequence[Entry] | None = None, *,
                fmt: str = "bib", style: str = "chicago-nb") -> str:
    """A reading list of the library's sources.

    Args:
        library: the library whose annotations the list carries.
        entries: the entries to list (default: every source, by key).
        fmt: bib, csl-json, ris, md or html.
        style: the reference style of md and html lists.

    Returns:
        The exported document's text.
    """
    from relbib.export.lists import export

    chosen = _sources(library) if entries is None else entries
    return export(chosen, library.annotations, fmt=fmt, style=style)


def selected_list(library: Library, selection: Selection, *, product: Literal["render", "export"],
                  fmt: str, style: str) -> tuple[str, int]:
    """The library's entries a selection picks, rendered (``render``) or exported.

    Args:
        library: the library to select from.
        selection: keys, tags, essays and query (relbib.export.lists.Selection).
        product: ``render`` for an annotated bibliography, ``export`` for a reading list.
        fmt: the product's format (relbib.render.formats() or relbib.export.lists.export_formats()).
        style: the reference style.

    Returns:
        The product's text and how many entries it holds.
    """
    from relbib.export.lists import select

    entries = select(library, selection)
    write = render_bibliography if product == "render" else export_list
    return write(library, entries, fmt=fmt, style=style), len(entries)


def import_exports(library: Library, exports: Sequence[tuple[str, str]]) -> ImportResult:
    """The library with the entries of each export added or updated, in order.

    Args:
        library: the library to add to.
        exports: (path, text) of each .bib, CSL-JSON or RIS export; the path's
            suffix names its format.

    Returns:
        The new library, the keys added, the keys updated (once each, and not
        those also added), and warnings about what could not be read or merged.
    """
    from relbib.library.importing import ImportResult, import_entries, read_export

    added: list[str] = []
    updated: list[str] = []
    warnings: list[str] = []
    for path, text in exports:
        entries, problems = read_export(text, path=path)
        result = import_entries(library, entries)
        library = result.library
        added += result.added
        updated += [k for k in result.updated if k not in updated and k not in added]
        warnings += [*problems, *result.warnings]
    return ImportResult(library=library, added=tuple(added), updated=tuple(updated),
                        warnings=tuple(warnings))


def _sources(library: Library) -> list[Entry]:
    return [library.sources[k] for k in sorted(library.sources)]
