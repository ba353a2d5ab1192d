"""Code actions: the quick fixes a finding suggests, as edits the editor applies.

Input: the server's State, a document, and the diagnostics the editor sends
back with a code-action request (their ``data`` holds kind, keys, suggestion).
Output: CodeActions: replace an undefined key with the did-you-mean; replace a
duplicate work's key with the kept one; copy a missing entry from the library
into the draft's .bib; insert the suggested citation of an
``uncited-supported-claim``.
Never: write a file, or invent a key (every replacement is one the .bib or the
library holds).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp

from relbib.check.prose import latex_prose, markdown_prose, sentence_at
from relbib.library.suggest import did_you_mean
from relbib.lsp.documents import LineIndex
from relbib.lsp.features import UriOf, key_at
from relbib.lsp.project import real_path
from relbib.lsp.state import State, is_latex

__all__ = ["code_actions"]


def _data(diagnostic: lsp.Diagnostic) -> dict[str, Any]:
    return diagnostic.data if isinstance(diagnostic.data, dict) else {}


def _replace(title: str, uri: str, range_: lsp.Range, new: str,
             diagnostic: lsp.Diagnostic | None) -> lsp.CodeAction:
    return lsp.CodeAction(
        title=title, kind=lsp.CodeActionKind.QuickFix, is_preferred=True,
        diagnostics=[diagnostic] if diagnostic is not None else None,
        edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=range_, new_text=new)]}))


def _did_you_mean(state: State, path: Path, uri: str,
                  diagnostic: lsp.Diagnostic) -> list[lsp.CodeAction]:
    keys = _data(diagnostic).get("keys") or []
    if not keys:
        return []
    guess = did_you_mean(str(keys[0]), state.keys(path).by_key)
    if guess is None or guess == keys[0]:
        return []
    return [_replace(f"Replace '{keys[0]}' with '{guess}'", uri, diagnostic.range, guess,
                     diagnostic)]


def _library_block(state: State, key: str) -> str | None:
    """The library's own .bib text of ``key`` (copied as written)."""
    for scan in state.session.library_scans():
        for entry in scan.entries:
            if entry.key == key:
                return state.session.bib_text(scan.path)[entry.start:entry.end]
    return None


def _add_from_library(state: State, path: Path, uri_of: UriOf,
                      diagnostic: lsp.Diagnostic) -> list[lsp.CodeAction]:
    keys = _data(diagnostic).get("keys") or []
    unit = state.unit(path)
    library = {state.session.project.sources_bib.resolve(),
               state.session.project.essays_bib.resolve()}
    targets = [real_path(p) for p in unit.bib_paths] if unit is not None else []
    targets = [t for t in targets if t not in library]
    if not keys or not targets:
        return []
    block = _library_block(state, str(keys[0]))
    if block is None:
        return []
    target = targets[0]
    text = state.session.text_of(target)
    index = LineIndex(text, state.encoding)
    line, character = index.position(len(text))
    lead = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    at = lsp.Range(start=lsp.Position(line=line, character=character),
                   end=lsp.Position(line=line, character=character))
    edit = lsp.TextEdit(range=at, new_text=lead + block.rstrip() + "\n")
    return [lsp.CodeAction(
        title=f"Add '{keys[0]}' from the library to {target.name}", kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic], edit=lsp.WorkspaceEdit(changes={uri_of(target): [edit]}))]


def _kept_keys(state: State, path: Path) -> dict[str, str]:
    """Duplicate key → the key of the entry kept for the same work."""
    run = state.runs.get(path.resolve())
    out: dict[str, str] = {}
    for findings in (run.by_path.values() if run is not None else ()):
        for f in findings:
            if f.kind == "duplicate-entry" and len(f.keys) == 2:
                out.setdefault(f.keys[1], f.keys[0])
    return out


def _duplicate(state: State, path: Path, uri: str, text: str,
               range_: lsp.Range) -> list[lsp.CodeAction]:
    kept = _kept_keys(state, path)
    if not kept:
        return []
    index = LineIndex(text, state.encoding)
    span = key_at(state, path, text, index, index.offset(range_.start.line, range_.start.character))
    if span is None or span.key not in kept:
        return []
    a, b = index.position(span.start), index.position(span.end)
    target = lsp.Range(start=lsp.Position(line=a[0], character=a[1]),
                       end=lsp.Position(line=b[0], character=b[1]))
    return [_replace(f"Cite the kept entry '{kept[span.key]}' instead of its duplicate "
                     f"'{span.key}'", uri, target, kept[span.key], None)]


def _citation_text(suggestion: str) -> str | None:
    marker = "cite it: "
    if not suggestion.startswith(marker):
        return None
    return suggestion[len(marker):].split(" (the library", 1)[0].strip() or None


def _insert_citation(state: State, path: Path, uri: str, text: str,
                     diagnostic: lsp.Diagnostic) -> list[lsp.CodeAction]:
    citation = _citation_text(str(_data(diagnostic).get("suggestion", "")))
    if citation is None:
        return []
    index = LineIndex(text, state.encoding)
    offset = index.offset(diagnostic.range.start.line, diagnostic.range.start.character)
    latex = is_latex(path)
    prose = latex_prose(text) if latex else markdown_prose(text)
    sentence = sentence_at(prose, offset)
    if sentence is None:
        return []
    end = sentence.end
    while end > sentence.start and text[end - 1].isspace():
        end -= 1
    if end > sentence.start and text[end - 1] in ".!?":
        end -= 1
    line, character = index.position(end)
    at = lsp.Range(start=lsp.Position(line=line, character=character),
                   end=lsp.Position(line=line, character=character))
    new = ("~" if latex else " ") + citation
    return [_replace(f"Insert {citation}", uri, at, new, diagnostic)]


def code_actions(state: State, path: Path, uri: str, text: str, range_: lsp.Range,
                 diagnostics: Sequence[lsp.Diagnostic], uri_of: UriOf) -> list[lsp.CodeAction]:
    """The quick fixes for the diagnostics in ``range_`` and the key under it."""
    out: list[lsp.CodeAction] = []
    for diagnostic in diagnostics:
        if diagnostic.source != "relbib":
            continue
        kind = _data(diagnostic).get("kind")
        if kind == "undefined-key":
            out.extend(_did_you_mean(state, path, uri, diagnostic))
            out.extend(_add_from_library(state, path, uri_of, diagnostic))
        elif kind == "uncited-supported-claim":
            out.extend(_insert_citation(state, path, uri, text, diagnostic))
    if path.suffix.lower() != ".bib":
        out.extend(_duplicate(state, path, uri, text, range_))
    return out

