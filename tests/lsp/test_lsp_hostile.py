"""Hostile input never takes `relbib lsp` down: bad bytes and broken syntax become
diagnostics (or nothing), and the next request is answered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsp_client import LspClient  # noqa: E402


def test_garbage_bib_broken_braces_and_200_kb_of_unclosed_cite(tmp_path: Path) -> None:
    # 34,000 unclosed arguments prove the point; the megabyte (170,000) is timed in
    # benchmarks/lsp.py --hostile and benchmarks/hostile.py, not here (35 s on a loaded machine)
    (tmp_path / "garbage.bib").write_bytes(os.urandom(4096) + b"\x00\xff@article{")
    (tmp_path / "broken.bib").write_text("@book{open,\n  title = {Never {closed},\n"
                                         "@misc{ok, title={Fine}}\n", encoding="utf-8")
    draft = tmp_path / "draft.tex"
    text = ("\\bibliography{garbage,broken}\n" + "\\cite{" * 34_000 + "\n"
            + "\\cite{ok}\n")
    assert len(text) > 200_000
    draft.write_text(text, encoding="utf-8")
    client = LspClient(tmp_path, env={"RELBIB_CACHE_DIR": str(tmp_path / ".cache")})
    try:
        client.initialize(tmp_path, {"debounce_ms": 0, "style": "plain"})
        uri = client.open(draft, text, "latex")
        published = client.wait_for("textDocument/publishDiagnostics", uri=uri, timeout=120)
        kinds = {d["data"]["kind"] for d in published["diagnostics"]}
        assert "parse-error" in kinds  # the run of "\cite{" is reported, not fatal
        # a .bib opened in the editor with garbage in it is checked, not fatal
        bib_uri = client.open(tmp_path / "broken.bib",
                              (tmp_path / "broken.bib").read_text(encoding="utf-8"), "bibtex")
        bib = client.wait_for("textDocument/publishDiagnostics", uri=bib_uri, timeout=120)
        assert any(d["code"] == "RB001" for d in bib["diagnostics"])
        # the server still answers: completion after the run, hover on "ok"
        last = text.count("\n") - 1
        completion = client.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": last, "character": 6}})
        assert completion is None or "items" in completion
        hover = client.request("textDocument/hover", {
            "textDocument": {"uri": uri}, "position": {"line": last, "character": 7}})
        assert hover is None or "contents" in hover
        # a request about a document the server never saw is answered too
        ghost = (tmp_path / "ghost.tex").as_uri()
        assert client.request("textDocument/hover", {
            "textDocument": {"uri": ghost}, "position": {"line": 0, "character": 0}}) is None
        assert client.shutdown() == 0
    finally:
        client.close()


def test_lsp_without_pygls_says_how_to_install(tmp_path: Path) -> None:
    import subprocess
    import sys

    # a stub that makes "import pygls" fail, as in an install without the extra
    (tmp_path / "pygls").mkdir()
    (tmp_path / "pygls" / "__init__.py").write_text("raise ImportError('no pygls here', "
                                                    "name='pygls')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "relbib", "lsp"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "pip install 'relbib[lsp] @ git+" in done.stderr
    assert done.stdout == ""
