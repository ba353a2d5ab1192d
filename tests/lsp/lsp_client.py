"""A small LSP client for tests and benchmarks: `relbib lsp` as a subprocess, Content-Length framing.

It speaks JSON-RPC over the server's real stdin/stdout, as an editor does,
and keeps every notification the server sends so tests can wait for one.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

PYTHON = sys.executable


class LspError(Exception):
    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(error.get("message", error))
        self.error = error


class LspClient:
    """``relbib lsp`` started in ``cwd``; requests answered in order, notifications queued."""

    def __init__(self, cwd: Path, *, env: dict[str, str] | None = None,
                 warm: bool = False) -> None:
        """``warm``: the server is a fork of a process that has already imported relbib
        and pygls (see ``_Zygote``), so a test does not pay those imports again."""
        environment = {**os.environ, **(env or {})}
        self.process: subprocess.Popen[bytes] | _Forked = (
            _Zygote.shared().start(cwd, environment) if warm else subprocess.Popen(
                [PYTHON, "-m", "relbib", "lsp"], cwd=cwd, env=environment,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
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


# -- warm servers: `relbib lsp` forked from a process that has done the imports ---------

# The zygote imports what every server imports (relbib's CLI, pygls, lsprotocol: about
# a second of CPU), then forks one child per request.  A child takes the pipes it is
# sent as its stdin, stdout and stderr, its working folder and environment, and runs
# relbib's real entry point, ``main(["lsp"])``, as the console script would.  The
# zygote is single-threaded (it forks), reaps its children and reports their exits.
_ZYGOTE = r"""
import json, os, select, signal, socket, sys
import relbib.cli, relbib.lsp.server
link = socket.socket(fileno=int(sys.argv[1]))
def child(request, fds):
    link.close()
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    try:
        relbib.cli.main(["lsp"])
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
while True:
    if select.select([link], [], [], 0.05)[0]:
        message, fds, _, _ = socket.recv_fds(link, 1 << 20, 3)
        if not message:
            break
        pid = os.fork()
        if pid == 0:
            child(json.loads(message), fds)
        for fd in fds:
            os.close(fd)
        link.sendall(b"pid %d\n" % pid)
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
        link.sendall(b"exit %d %d\n" % (pid, os.waitstatus_to_exitcode(status)))
"""


class _Zygote:
    """One per test process, started at the first warm client."""

    _shared: _Zygote | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        self.link, theirs = socket.socketpair()
        self.process = subprocess.Popen([PYTHON, "-c", _ZYGOTE, str(theirs.fileno())],
                                        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL)
        theirs.close()
        self.pids: queue.Queue[int] = queue.Queue()
        self.exits: dict[int, int] = {}
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    @classmethod
    def shared(cls) -> _Zygote:
        with cls._lock:
            if cls._shared is None or cls._shared.process.poll() is not None:
                cls._shared = cls()
            return cls._shared

    def _read(self) -> None:
        for line in self.link.makefile("rb"):
            what, *numbers = line.split()
            if what == b"pid":
                self.pids.put(int(numbers[0]))
            else:
                with self.cond:
                    self.exits[int(numbers[0])] = int(numbers[1])
                    self.cond.notify_all()

    def start(self, cwd: Path, env: dict[str, str]) -> _Forked:
        pipes = [os.pipe() for _ in range(3)]  # the child's stdin, stdout, stderr
        theirs = [pipes[0][0], pipes[1][1], pipes[2][1]]
        request = json.dumps({"cwd": str(cwd), "env": env}).encode("utf-8")
        with self._lock:
            socket.send_fds(self.link, [request], theirs)
            pid = self.pids.get(timeout=60)
        for fd in theirs:
            os.close(fd)
        return _Forked(self, pid, os.fdopen(pipes[0][1], "wb"), os.fdopen(pipes[1][0], "rb"),
                       os.fdopen(pipes[2][0], "rb"))


class _Forked:
    """A warm server, shaped like the parts of subprocess.Popen the client uses."""

    def __init__(self, zygote: _Zygote, pid: int, stdin: IO[bytes], stdout: IO[bytes],
                 stderr: IO[bytes]) -> None:
        self.zygote, self.pid = zygote, pid
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr

    def poll(self) -> int | None:
        with self.zygote.cond:
            return self.zygote.exits.get(self.pid)

    def wait(self, timeout: float) -> int:
        with self.zygote.cond:
            if not self.zygote.cond.wait_for(lambda: self.pid in self.zygote.exits, timeout):
                raise subprocess.TimeoutExpired(f"relbib lsp (pid {self.pid})", timeout)
            return self.zygote.exits[self.pid]

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@contextmanager
def warm_client(project: Path, cache: Path) -> Iterator[LspClient]:
    """A fresh server for ``project`` (forked warm), with its own cache, closed after."""
    client = LspClient(project, env={"RELBIB_CACHE_DIR": str(cache)}, warm=True)
    try:
        yield client
    finally:
        client.close()
