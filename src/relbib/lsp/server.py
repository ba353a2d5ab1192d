"""`relbib lsp`: the language server on stdio, built on pygls.

Input: LSP JSON-RPC messages on stdin.
Output: LSP messages on stdout (nothing else ever goes there); logs on
stderr and as window/logMessage.
Never: crash on a document or a .bib file (every handler is guarded: a
failure is logged and the request answered with nothing), or check on every
keystroke (diagnostics are debounced per document).
"""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from relbib import __version__
from relbib.check.runner import check
from relbib.lsp import actions, features
from relbib.lsp.diagnose import to_lsp
from relbib.lsp.documents import LineIndex
from relbib.lsp.project import real_path
from relbib.lsp.state import State
from relbib.render import DEFAULT_STYLE

__all__ = ["build_server", "serve"]

log = logging.getLogger("relbib.lsp")
F = TypeVar("F", bound=Callable[..., Any])
_SUFFIXES = frozenset({".tex", ".ltx", ".latex", ".md", ".markdown", ".qmd", ".rmd", ".bib"})
_DEBOUNCE = 0.25  # seconds between the last keystroke and the check


class RelbibServer(LanguageServer):
    """The pygls server with relbib's state."""

    def __init__(self) -> None:
        super().__init__("relbib", __version__,
                         text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.state: State | None = None
        self.debounce = _DEBOUNCE
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.uris: dict[Path, str] = {}  # the URI the editor uses for each open file
        self.sent: dict[str, tuple[Any, ...]] = {}  # uri → the findings last published

    # -- helpers ---------------------------------------------------------------------

    def say(self, message: str, kind: lsp.MessageType = lsp.MessageType.Log) -> None:
        print(f"relbib lsp: {message}", file=sys.stderr)
        try:
            self.window_log_message(lsp.LogMessageParams(type=kind, message=message))
        except Exception:  # the writer is gone: stderr has it
            pass

    def ensure_state(self, path: Path | None = None) -> State:
        if self.state is None:
            self.state = State(path.parent if path is not None else Path.cwd())
        self.state.encoding = str(self.workspace.position_encoding or "utf-16")
        return self.state

    def uri_of(self, path: Path) -> str:
        real = path.resolve()
        return self.uris.get(real) or from_fs_path(str(real)) or real.as_uri()

    def text(self, uri: str) -> str:
        return self.workspace.get_text_document(uri).source


def _path(uri: str) -> Path | None:
    fs = to_fs_path(uri)
    return Path(fs).resolve() if fs else None


def guarded(fallback: Any) -> Callable[[F], F]:
    """A handler that answers ``fallback`` and logs, whatever its input does."""

    def wrap(handler: F) -> F:
        @functools.wraps(handler)
        def run(ls: RelbibServer, params: Any) -> Any:
            try:
                return handler(ls, params)
            except Exception as error:  # a bug or hostile input: the server keeps serving
                ls.say(f"{handler.__name__} failed: {type(error).__name__}: {error}\n"
                       + traceback.format_exc(), lsp.MessageType.Error)
                return fallback
        return cast(F, run)

    return wrap


# --- diagnostics ----------------------------------------------------------------------------


def _publish(ls: RelbibServer, path: Path, findings: tuple[Any, ...], text: str, *,
             always: bool = False) -> None:
    """Send a file's diagnostics (a .bib's only when they changed; the edited
    document's after every check, so the editor knows its version was checked)."""
    uri = ls.uri_of(path)
    if not always and ls.sent.get(uri) == findings:
        return
    ls.sent[uri] = findings
    state = ls.ensure_state()
    diagnostics = to_lsp(findings, LineIndex(text, state.encoding))
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri,
                                                                      diagnostics=diagnostics))


def diagnose(ls: RelbibServer, uri: str) -> None:
    """Check one open document and publish what it finds."""
    path = _path(uri)
    if path is None or path.suffix.lower() not in _SUFFIXES:
        return
    state = ls.ensure_state(path)
    scanned = state.session.files.scans_done
    if path.suffix.lower() == ".bib":
        request = state.request(path, fresh=True)
        result = check(request, library=state.memo.findings)
        shown = next(iter(request.bibs), None)
        own = tuple(f for f in result.findings if shown is not None and f.path == shown)
        _settle(state, path, scanned)
        _publish(ls, path, own, state.session.text_of(path), always=True)
    else:
        run = state.run(path)
        _settle(state, path, scanned)
        for shown in run.draft_paths:
            where = real_path(shown)
            _publish(ls, where, run.by_path.get(shown, ()), state.session.text_of(where),
                     always=where == path)
        for shown in run.bib_paths:
            where = real_path(shown)
            if where not in state.session.texts:  # an open .bib publishes its own
                _publish(ls, where, run.by_path.get(shown, ()), state.session.bib_text(shown))


def _settle(state: State, path: Path, scanned: int) -> None:
    """After a .bib was scanned: build what completion reads, collect and freeze,
    all before the findings go out, so the editor's next edit or completion does
    not wait behind them (they cost 0.7 s at 26,000 entries)."""
    if state.session.files.scans_done == scanned:
        return
    if path.suffix.lower() != ".bib":
        keys = state.keys(path)  # the sorted keys completion reads
        first = next(iter(keys.by_key.values()), None)
        if first is not None and state.formatter.in_process:
            state.formatter.format([first.entry])  # loads the style once
    gc.collect()
    gc.freeze()  # the scans live as long as the session: the collector skips them


def _diagnose_guarded(ls: RelbibServer, uri: str) -> None:
    guarded(None)(lambda server, u: diagnose(server, u))(ls, uri)


async def _later(ls: RelbibServer, uri: str, delay: float) -> None:
    await asyncio.sleep(delay)
    ls.pending.pop(uri, None)
    _diagnose_guarded(ls, uri)


def schedule(ls: RelbibServer, uri: str, *, delay: float | None = None) -> None:
    """Check ``uri`` once the editing pauses (a newer edit restarts the wait)."""
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.pending[uri] = asyncio.ensure_future(
        _later(ls, uri, ls.debounce if delay is None else delay))


def _recheck_open(ls: RelbibServer, *, except_uri: str = "") -> None:
    for uri in list(ls.workspace.text_documents):
        if uri != except_uri:
            schedule(ls, uri)


# --- the handlers ----------------------------------------------------------------------------


@guarded(None)
def initialize(ls: RelbibServer, params: lsp.InitializeParams) -> None:
    folders = params.workspace_folders or []
    uri = folders[0].uri if folders else params.root_uri
    root = _path(uri) if uri else None
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    if root is not None and root.is_dir():
        os.chdir(root)  # findings name files relative to the project, as `relbib check` run there
    ls.state = State(root if root is not None and root.is_dir() else Path.cwd(),
                     style=str(options.get("style") or DEFAULT_STYLE))
    if isinstance(options.get("debounce_ms"), int | float):
        ls.debounce = max(0.0, float(options["debounce_ms"]) / 1000)


@guarded(None)
def initialized(ls: RelbibServer, params: lsp.InitializedParams) -> None:
    watchers = [lsp.FileSystemWatcher(glob_pattern=g)
                for g in ("**/*.bib", "**/*.yaml", "**/relbib.toml")]
    capability = ls.client_capabilities.workspace
    watched = capability.did_change_watched_files if capability is not None else None
    if watched is not None and watched.dynamic_registration:
        ls.client_register_capability(lsp.RegistrationParams(registrations=[lsp.Registration(
            id="relbib-watch", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))


def _opened(ls: RelbibServer, uri: str, *, delay: float | None = None) -> None:
    path = _path(uri)
    if path is None or path.suffix.lower() not in _SUFFIXES:
        return
    ls.uris[path] = uri
    state = ls.ensure_state(path)
    state.session.set_text(path, ls.text(uri))
    schedule(ls, uri, delay=delay)
    if path.suffix.lower() == ".bib":
        _recheck_open(ls, except_uri=uri)


@guarded(None)
def did_open(ls: RelbibServer, params: lsp.DidOpenTextDocumentParams) -> None:
    _opened(ls, params.text_document.uri, delay=0.0)


@guarded(None)
def did_change(ls: RelbibServer, params: lsp.DidChangeTextDocumentParams) -> None:
    _opened(ls, params.text_document.uri)


@guarded(None)
def did_save(ls: RelbibServer, params: lsp.DidSaveTextDocumentParams) -> None:
    schedule(ls, params.text_document.uri)


@guarded(None)
def did_close(ls: RelbibServer, params: lsp.DidCloseTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is None or ls.state is None:
        return
    ls.state.session.close(path)
    ls.uris.pop(path, None)
    if path.suffix.lower() == ".bib":
        _recheck_open(ls)


@guarded(None)
def watched(ls: RelbibServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    if ls.state is None:
        return
    for change in params.changes:
        path = _path(change.uri)
        if path is not None:
            ls.state.session.changed_on_disk(path)
    _recheck_open(ls)


def _doc(ls: RelbibServer, uri: str) -> tuple[State, Path, str] | None:
    path = _path(uri)
    if path is None or path.suffix.lower() not in _SUFFIXES:
        return None
    return ls.ensure_state(path), path, ls.text(uri)


def about_document(fallback: Any) -> Callable[[F], Callable[[RelbibServer, Any], Any]]:
    """A request handler about one document, called with its state, path and text
    after the params; ``fallback`` answers for a document relbib does not read."""

    def wrap(handler: F) -> Callable[[RelbibServer, Any], Any]:
        @functools.wraps(handler)
        def answer(ls: RelbibServer, params: Any) -> Any:
            doc = _doc(ls, params.text_document.uri)
            return fallback if doc is None else handler(ls, params, *doc)
        return answer

    return wrap


@guarded(None)
@about_document(None)
def completion(ls: RelbibServer, params: lsp.CompletionParams, state: State, path: Path,
               text: str) -> lsp.CompletionList | None:
    if path.suffix.lower() == ".bib":
        return None
    return features.complete(state, path, params.text_document.uri, text, params.position,
                             state.encoding)


def completion_resolve(ls: RelbibServer, item: lsp.CompletionItem) -> lsp.CompletionItem:
    state = ls.state
    if state is None:
        return item
    resolved: lsp.CompletionItem = guarded(item)(
        lambda server, it: features.resolve(state, it))(ls, item)
    return resolved


@guarded(None)
@about_document(None)
def hover(ls: RelbibServer, params: lsp.HoverParams, state: State, path: Path,
          text: str) -> lsp.Hover | None:
    return features.hover(state, path, text, params.position, state.encoding)


@guarded(None)
@about_document(None)
def definition(ls: RelbibServer, params: lsp.DefinitionParams, state: State, path: Path,
               text: str) -> lsp.Location | None:
    return features.definition(state, path, text, params.position, state.encoding, ls.uri_of)


@guarded([])
@about_document([])
def references(ls: RelbibServer, params: lsp.ReferenceParams, state: State, path: Path,
               text: str) -> list[lsp.Location]:
    return features.references(state, path, text, params.position, state.encoding, ls.uri_of,
                               declaration=params.context.include_declaration)


@about_document(None)
def rename(ls: RelbibServer, params: lsp.RenameParams, state: State, path: Path,
           text: str) -> lsp.WorkspaceEdit | None:
    try:
        return features.rename(state, path, text, params.position, params.new_name,
                               state.encoding, ls.uri_of)
    except ValueError:
        raise  # an invalid new key: the editor shows the error the client gets
    except Exception as error:
        ls.say(f"rename failed: {type(error).__name__}: {error}", lsp.MessageType.Error)
        return None


@guarded([])
@about_document([])
def code_action(ls: RelbibServer, params: lsp.CodeActionParams, state: State, path: Path,
                text: str) -> list[lsp.CodeAction]:
    return actions.code_actions(state, path, params.text_document.uri, text, params.range,
                                params.context.diagnostics, ls.uri_of)


def build_server() -> RelbibServer:
    """The server with every feature registered."""
    server = RelbibServer()
    registrations: list[tuple[str, Any, Callable[..., Any]]] = [
        (lsp.INITIALIZE, None, initialize),
        (lsp.INITIALIZED, None, initialized),
        (lsp.TEXT_DOCUMENT_DID_OPEN, None, did_open),
        (lsp.TEXT_DOCUMENT_DID_CHANGE, None, did_change),
        (lsp.TEXT_DOCUMENT_DID_SAVE, None, did_save),
        (lsp.TEXT_DOCUMENT_DID_CLOSE, None, did_close),
        (lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, None, watched),
        (lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(
            trigger_characters=["{", ",", "@"], resolve_provider=True), completion),
        (lsp.COMPLETION_ITEM_RESOLVE, None, completion_resolve),
        (lsp.TEXT_DOCUMENT_HOVER, None, hover),
        (lsp.TEXT_DOCUMENT_DEFINITION, None, definition),
        (lsp.TEXT_DOCUMENT_REFERENCES, None, references),
        (lsp.TEXT_DOCUMENT_RENAME, None, rename),
        (lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix]), code_action),
    ]
    for method, options, handler in registrations:
        server.feature(method, options)(handler)
    return server


def serve() -> None:
    """Serve on stdin/stdout until the client says exit."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    stdout = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the protocol stream
    build_server().start_io(sys.stdin.buffer, stdout)
