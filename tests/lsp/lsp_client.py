"""A small LSP client for tests and benchmarks: `relbib lsp` as a subprocess, Content-Length framing.

It speaks JSON-RPC over the server's real stdin/stdout, as an editor does,
and keeps every notification the server sends so tests can wait for one.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

PYTHON = sys.executable


class LspError(Exception):
    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(error.get("message", error))
        self.error = error


class LspClient:
    """``relbib lsp`` started in ``cwd``; requests answered in order, notifications queued."""

    def __init__(self, cwd: Path, *, env: dict[str, str] | None = None) -> None:
        environment = {**os.environ, **(env or {})}
        self.process = subprocess.Popen(
            [PYTHON, "-m", "relbib", "lsp"], cwd=cwd, env=environment,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.next_id = 0
        self.responses: dict[int, dict[str, Any]] = {}
        self.notifications: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.requests_from_server: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self.stderr_lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # -- the wire ------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        out = self.process.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            assert length is not None, "a message without Content-Length"
            message = json.loads(out.read(length))
            self._dispatch(message)

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" in message:  # a request from the server
            self.requests_from_server.append(message)
            self._send({"id": message["id"], "result": None})
        elif "id" in message:
            with self._cond:
                self.responses[message["id"]] = message
                self._cond.notify_all()
        else:
            self.notifications.put(message)

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace"))

    # -- requests and notifications ------------------------------------------------

    def request(self, method: str, params: Any, *, timeout: float = 60.0) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._cond:
            while ident not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{method}: no answer; stderr: {''.join(self.stderr_lines)[-2000:]}")
                self._cond.wait(left)
            message = self.responses.pop(ident)
        if "error" in message:
            raise LspError(message["error"])
        return message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, method: str, *, uri: str | None = None, timeout: float = 60.0
                 ) -> dict[str, Any]:
        """The next notification ``method`` (for ``uri``), skipping others."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {method} for {uri}; stderr: {''.join(self.stderr_lines)[-2000:]}")
            try:
                message = self.notifications.get(timeout=left)
            except queue.Empty:
                continue
            self.seen.append(message)
            if message.get("method") != method:
                continue
            if uri is not None and message.get("params", {}).get("uri") != uri:
                continue
            params: dict[str, Any] = message["params"]
            return params

    # -- a session -------------------------------------------------------------------

    def initialize(self, root: Path, options: dict[str, Any] | None = None) -> Any:
        result = self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
                             "textDocument": {"completion": {"completionItem": {
                                 "snippetSupport": False}}}},
            "initializationOptions": options or {}})
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, language: str) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": 1, "text": text}})
        return uri

    def shutdown(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.process.wait(timeout=20)
        finally:
            self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
