"""Completion, hover, definition, references and rename of citation keys.

Input: the server's State, a document (path, text) and an editor position.
Output: lsprotocol values exactly as an editor receives them.
Never: write a file (rename returns a WorkspaceEdit the editor applies), or
format more than a handful of references per request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path

from lsprotocol import types as lsp

from relbib.check.drafts import scan_draft
from relbib.check.records import DraftScan
from relbib.lsp.documents import (
    KeySpan,
    LineIndex,
    bib_key_spans,
    citation_at,
    cite_context,
    entry_summary,
    key_span_at,
    sentence_before,
)
from relbib.lsp.project import real_path
from relbib.lsp.sources import draft_keys_of, hover_markdown
from relbib.lsp.state import Keys, Located, State, is_latex

__all__ = ["UriOf", "complete", "definition", "hover", "references", "rename", "resolve",
           "key_at"]

UriOf = Callable[[Path], str]

# how many items one completion answers with (the list says when there are more)
_LIMIT = 100
# how many references one completion formats when not cached yet
_FORMAT_NOW = 3
# a key BibTeX, biber and pandoc all accept
_VALID_KEY = re.compile(r"[^\s,{}()\"#%'=\\~]+")


def _range(index: LineIndex, start: int, end: int) -> lsp.Range:
    a, b = index.position(start), index.position(end)
    return lsp.Range(start=lsp.Position(line=a[0], character=a[1]),
                     end=lsp.Position(line=b[0], character=b[1]))


# --- completion ----------------------------------------------------------------------------


def _ranked(state: State, path: Path, keys: Keys, prefix: str, sentence: str) -> list[str]:
    """Keys starting with ``prefix``: supported by the sentence first, then the ones
    the document cites (most recent first), then alphabetical."""
    ordered: dict[str, None] = {}
    ranker = state.ranker()
    claims = state.claims(path)
    if ranker is not None and sentence:
        scores = ranker.scores(sentence)
        key_map = claims.key_map if claims is not None else {}
        inverse = {work: k for k, work in key_map.items()}
        candidates = [inverse.get(k, k) for k in scores]
        by_draft = draft_keys_of(scores, key_map, candidates)
        for key in sorted(by_draft, key=lambda k: (-by_draft[k], k)):
            if key in keys.by_key and key.lower().startswith(prefix.lower()):
                ordered.setdefault(key)
    unit = state.unit(path)
    if unit is not None:
        for c in reversed([c for s in unit.scans for c in s.citations]):
            if c.key in keys.by_key and c.key.lower().startswith(prefix.lower()):
                ordered.setdefault(c.key)
    for key in islice(keys.starting_with(prefix), _LIMIT + 1):
        ordered.setdefault(key)
    return list(ordered)


def _item(state: State, located: Located, rank: int, edit: lsp.TextEdit, uri: str,
          format_now: bool) -> lsp.CompletionItem:
    entry = located.entry
    reference = state.formatter.cached(entry)
    if reference is None and format_now:
        reference = state.formatter.format([entry])[0]
    return lsp.CompletionItem(
        label=entry.key, kind=lsp.CompletionItemKind.Reference,
        detail=entry_summary(entry.fields),
        documentation=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=reference)
        if reference is not None else None,
        sort_text=f"{rank:05d}", filter_text=entry.key, text_edit=edit,
        data={"uri": uri, "key": entry.key})


def complete(state: State, path: Path, uri: str, text: str, position: lsp.Position,
             encoding: str) -> lsp.CompletionList | None:
    """The keys the citation being typed may take, best first."""
    index = LineIndex(text, encoding)
    offset = index.offset(position.line, position.character)
    context = cite_context(text, offset, latex=is_latex(path))
    if context is None:
        return None
    keys = state.keys(path)
    sentence = sentence_before(text, context.start, latex=is_latex(path))
    ranked = _ranked(state, path, keys, context.prefix, sentence)
    edit_range = _range(index, context.start, context.end)
    # a CSL style runs pandoc (a process per call): its references come on resolve
    fast = state.formatter.in_process
    items = [_item(state, keys.by_key[key], rank,
                   lsp.TextEdit(range=edit_range, new_text=key), uri, fast and rank < _FORMAT_NOW)
             for rank, key in enumerate(ranked[:_LIMIT])]
    return lsp.CompletionList(is_incomplete=len(ranked) > _LIMIT, items=items)


def resolve(state: State, item: lsp.CompletionItem) -> lsp.CompletionItem:
    """The item with its formatted reference (editors ask for the one selected)."""
    data = item.data if isinstance(item.data, dict) else {}
    uri, key = data.get("uri"), data.get("key")
    if not isinstance(uri, str) or not isinstance(key, str) or item.documentation is not None:
        return item
    from pygls.uris import to_fs_path

    fs = to_fs_path(uri)
    located = state.keys(Path(fs)).by_key.get(key) if fs else None
    if located is not None:
        item.documentation = lsp.MarkupContent(
            kind=lsp.MarkupKind.Markdown, value=state.formatter.format([located.entry])[0])
    return item


# --- the key under the cursor --------------------------------------------------------------


def key_at(state: State, path: Path, text: str, index: LineIndex,
           offset: int) -> KeySpan | None:
    """The key cited (draft) or defined (.bib) at ``offset``."""
    if path.suffix.lower() == ".bib":
        request = state.request(path)
        bib = next(iter(request.bibs.values()), None) if request.bibs else None
        if bib is None:
            return None
        starts = [e.start for e in bib.entries]
        return key_span_at(bib_key_spans(text, starts), offset)
    return citation_at(_draft_scan(state, path, text).citations, index, offset)


def _draft_scan(state: State, path: Path, text: str) -> DraftScan:
    """The scan of the last check when it read this very text, else a new one."""
    request = state.requests.get(path.resolve())
    for unit in request.drafts if request is not None else ():
        for scan in unit.scans:
            if scan.text == text and real_path(scan.path) == path.resolve():
                return scan
    return scan_draft(text, path=str(path)) or DraftScan(path=str(path))


def _locate(state: State, path: Path, key: str) -> Located | None:
    keys = state.keys(path)
    return keys.by_key.get(key) or next(
        (v for k, v in keys.by_key.items() if k.lower() == key.lower()), None)


def _entry_range(state: State, located: Located) -> tuple[Path, lsp.Range]:
    text = state.session.bib_text(located.scan.path)
    spans = bib_key_spans(text, [located.entry.start])
    index = LineIndex(text, state.encoding)
    if spans:
        return real_path(located.scan.path), _range(index, spans[0].start, spans[0].end)
    start = index.from_finding(located.entry.line, 1)
    return real_path(located.scan.path), _range(index, start, start)


# --- hover and definition --------------------------------------------------------------------


def hover(state: State, path: Path, text: str, position: lsp.Position,
          encoding: str) -> lsp.Hover | None:
    """The formatted reference, annotation and claims of the key under the cursor."""
    index = LineIndex(text, encoding)
    span = key_at(state, path, text, index, index.offset(position.line, position.character))
    if span is None:
        return None
    located = _locate(state, path, span.key)
    if located is None:
        body = f"**{span.key}** — not in the bibliography this document uses"
    else:
        reference = state.formatter.format([located.entry])[0]
        library = state.session.library()
        claims = state.claims(path)
        work = claims.key_map.get(span.key, span.key) if claims is not None else span.key
        annotations = getattr(library, "annotations", None) or {}
        where = f"{located.scan.path}:{located.entry.line}"
        body = hover_markdown(span.key, reference, where, annotations.get(work))
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=body),
                     range=_range(index, span.start, span.end))


def definition(state: State, path: Path, text: str, position: lsp.Position,
               encoding: str, uri_of: UriOf) -> lsp.Location | None:
    """The .bib entry of the key under the cursor, at its key."""
    index = LineIndex(text, encoding)
    span = key_at(state, path, text, index, index.offset(position.line, position.character))
    located = _locate(state, path, span.key) if span is not None else None
    if located is None:
        return None
    where, range_ = _entry_range(state, located)
    return lsp.Location(uri=uri_of(where), range=range_)


# --- references and rename -------------------------------------------------------------------


def _citations_of(state: State, key: str, encoding: str
                  ) -> list[tuple[Path, lsp.Range]]:
    out: list[tuple[Path, lsp.Range]] = []
    for scan in state.session.draft_scans():
        hits = [c for c in scan.citations if c.key == key]
        if not hits:
            continue
        path = real_path(scan.path)
        index = LineIndex(state.session.text_of(path), encoding)
        for c in hits:
            start = index.from_finding(c.line, c.column)
            out.append((path, _range(index, start, start + len(key))))
    return out


def references(state: State, path: Path, text: str, position: lsp.Position, encoding: str,
               uri_of: UriOf, *, declaration: bool) -> list[lsp.Location]:
    """Every citation of the key under the cursor across the project's drafts."""
    index = LineIndex(text, encoding)
    span = key_at(state, path, text, index, index.offset(position.line, position.character))
    if span is None:
        return []
    out = [lsp.Location(uri=uri_of(p), range=r) for p, r in _citations_of(state, span.key, encoding)]
    located = _locate(state, path, span.key)
    if declaration and located is not None:
        where, range_ = _entry_range(state, located)
        out.insert(0, lsp.Location(uri=uri_of(where), range=range_))
    return out


def _bib_edits(state: State, path: Path, key: str, new: str,
               encoding: str) -> list[tuple[Path, lsp.TextEdit]]:
    out: list[tuple[Path, lsp.TextEdit]] = []
    for scan in state.keys(path).scans:
        starts = [e.start for e in scan.entries if e.key == key]
        if not starts:
            continue
        text = state.session.bib_text(scan.path)
        index = LineIndex(text, encoding)
        for span in bib_key_spans(text, starts):
            out.append((real_path(scan.path),
                        lsp.TextEdit(range=_range(index, span.start, span.end), new_text=new)))
    return out


def rename(state: State, path: Path, text: str, position: lsp.Position, new: str,
           encoding: str, uri_of: UriOf) -> lsp.WorkspaceEdit | None:
    """The key in its .bib entry and in every citation of it, as one edit."""
    if not _VALID_KEY.fullmatch(new):
        raise ValueError(f"{new!r} cannot be a citation key (no spaces, commas, braces or quotes)")
    index = LineIndex(text, encoding)
    span = key_at(state, path, text, index, index.offset(position.line, position.character))
    if span is None:
        return None
    edits: list[tuple[Path, lsp.TextEdit]] = _bib_edits(state, path, span.key, new, encoding)
    edits.extend((p, lsp.TextEdit(range=r, new_text=new))
                 for p, r in _citations_of(state, span.key, encoding))
    changes: dict[str, list[lsp.TextEdit]] = {}
    for where, edit in edits:
        changes.setdefault(uri_of(where), []).append(edit)
    return lsp.WorkspaceEdit(changes=changes)


def locations_sorted(locations: Sequence[lsp.Location]) -> list[lsp.Location]:
    return sorted(locations, key=lambda loc: (loc.uri, loc.range.start.line,
                                              loc.range.start.character))
