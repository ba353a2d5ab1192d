"""`relbib lsp` driven over its real stdio JSON-RPC, as an editor drives it.

One session: initialize, open a draft, receive its diagnostics, type a
citation, complete it, hover, go to the definition, find references, apply
quick fixes, rename a key, shut down.  Every message is asserted as the
editor receives it (URIs, 0-based lines, UTF-16 columns, labels, edits).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from lsp_client import LspClient, warm_client  # noqa: E402

REFS = """\
@article{khan2021russia,
  author = {Khan, Ayesha},
  title = {Russia's Return to South Asia},
  journal = {Strategic Studies},
  year = {2021},
  pages = {43--65},
}

@book{smith2019trade,
  author = {Smith, John},
  title = {Trade and Power},
  publisher = {Oxford University Press},
  year = {2019},
  doi = {10.1000/trade.2019},
}

@book{smith2019tradeb,
  author = {Smith, John},
  title = {Trade and Power},
  publisher = {Oxford University Press},
  year = {2019},
  doi = {10.1000/trade.2019},
}
"""

LIBRARY = """\
@article{zaidi2020gas,
  author = {Zaidi, Sara},
  title = {Gas Pipelines and Diplomacy},
  journal = {Energy Policy},
  year = {2020},
}
"""

DRAFT = """\
\\documentclass{article}
\\begin{document}
Russia courted Pakistan \\cite{khan2021russa}.
Trade shapes power \\citep[p.~4]{smith2019tradeb}.
Pipelines matter \\cite{zaidi2020gas}.
\\bibliography{refs}
\\end{document}
"""


def _range(l1: int, c1: int, l2: int, c2: int) -> dict[str, Any]:
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def _undefined(key: str, rng: dict[str, Any], suggestion: str, message: str) -> dict[str, Any]:
    return {"range": rng, "message": f"{message}\n{suggestion}", "severity": 1,
            "code": "RB101", "source": "relbib",
            "data": {"kind": "undefined-key", "keys": [key], "suggestion": suggestion}}


KHAN_TYPO = _undefined(
    "khan2021russa", _range(2, 30, 2, 43), "did you mean 'khan2021russia'?",
    "citation 'khan2021russa' is not defined in the library")
ZAIDI = _undefined(
    "zaidi2020gas", _range(4, 23, 4, 35),
    "add the entry to the .bib file the draft names, or correct the key",
    "citation 'zaidi2020gas' is not defined in the library")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "sources.bib").write_text(LIBRARY, encoding="utf-8")
    (tmp_path / "draft.tex").write_text(DRAFT, encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(project: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[LspClient]:
    with warm_client(project, tmp_path_factory.mktemp("cache")) as c:
        yield c


def _change(client: LspClient, uri: str, version: int, rng: dict[str, Any], text: str) -> None:
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": rng, "text": text}]})


def _at(uri: str, line: int, character: int) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}


def _apply(client: LspClient, uri: str, version: int, edit: dict[str, Any]) -> None:
    for change in edit["changes"][uri]:
        _change(client, uri, version, change["range"], change["newText"])


def test_a_whole_editing_session(client: LspClient, project: Path) -> None:
    init = client.initialize(project, {"debounce_ms": 20, "style": "plain"})
    caps = init["capabilities"]
    assert caps["completionProvider"]["triggerCharacters"] == ["{", ",", "@"]
    assert caps["renameProvider"] and caps["referencesProvider"] and caps["definitionProvider"]
    assert caps["hoverProvider"]
    assert caps["codeActionProvider"] == {"codeActionKinds": ["quickfix"]}
    assert caps["textDocumentSync"]["change"] == 2  # incremental

    draft = project / "draft.tex"
    uri = client.open(draft, DRAFT, "latex")
    refs_uri = (project / "refs.bib").as_uri()
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert published["diagnostics"] == [KHAN_TYPO, ZAIDI]

    # type a citation on a new line before \bibliography, then ask to complete it
    _change(client, uri, 2, _range(5, 0, 5, 0), "See \\cite{kh}\n")
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert [d["range"] for d in published["diagnostics"]] == [
        _range(2, 30, 2, 43), _range(4, 23, 4, 35), _range(5, 10, 5, 12)]
    completion = client.request("textDocument/completion", _at(uri, 5, 12))
    assert completion["isIncomplete"] is False
    [item] = completion["items"]
    assert item["label"] == "khan2021russia"
    assert item["detail"] == "Khan (2021) Russia's Return to South Asia"
    assert item["textEdit"] == {"range": _range(5, 10, 5, 12), "newText": "khan2021russia"}
    assert item["documentation"] == {
        "kind": "markdown",
        "value": "Ayesha Khan. Russia’s return to south asia. *Strategic Studies*, pages "
                 "43–65, 2021."}
    _change(client, uri, 3, item["textEdit"]["range"], item["textEdit"]["newText"])
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert published["diagnostics"] == [KHAN_TYPO, ZAIDI]

    # all keys after "\cite{" with nothing typed: every entry, sorted, cited ones first
    completion = client.request("textDocument/completion", _at(uri, 5, 10))
    assert [i["label"] for i in completion["items"]] == [
        "khan2021russia", "smith2019tradeb", "smith2019trade"]

    hover = client.request("textDocument/hover", _at(uri, 3, 33))
    assert hover == {"contents": {"kind": "markdown", "value":
                     "**smith2019tradeb** — John Smith. *Trade and Power*. Oxford University "
                     "Press, 2019.\n\n*refs.bib:17*"},  # BibTeX's plain prints no DOI
                     "range": _range(3, 32, 3, 47)}

    assert client.request("textDocument/definition", _at(uri, 3, 33)) == {
        "uri": refs_uri, "range": _range(16, 6, 16, 21)}

    refs = client.request("textDocument/references",
                          {**_at(uri, 5, 14), "context": {"includeDeclaration": True}})
    assert refs == [{"uri": refs_uri, "range": _range(0, 9, 0, 23)},
                    {"uri": uri, "range": _range(5, 10, 5, 24)}]

    # quick fixes: the did-you-mean, the library's entry, the kept duplicate
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": KHAN_TYPO["range"],
        "context": {"diagnostics": [KHAN_TYPO]}})
    assert actions == [{
        "title": "Replace 'khan2021russa' with 'khan2021russia'", "kind": "quickfix",
        "diagnostics": [KHAN_TYPO], "isPreferred": True,
        "edit": {"changes": {uri: [{"range": _range(2, 30, 2, 43),
                                    "newText": "khan2021russia"}]}}}]
    _apply(client, uri, 4, actions[0]["edit"])
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert published["diagnostics"] == [ZAIDI]

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": ZAIDI["range"],
        "context": {"diagnostics": [ZAIDI]}})
    assert actions == [{
        "title": "Add 'zaidi2020gas' from the library to refs.bib", "kind": "quickfix",
        "diagnostics": [ZAIDI],
        "edit": {"changes": {refs_uri: [{"range": _range(23, 0, 23, 0),
                                         "newText": "\n" + LIBRARY}]}}}]

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": _range(3, 33, 3, 33),
        "context": {"diagnostics": []}})
    assert actions == [{
        "title": "Cite the kept entry 'smith2019trade' instead of its duplicate "
                 "'smith2019tradeb'", "kind": "quickfix", "isPreferred": True,
        "edit": {"changes": {uri: [{"range": _range(3, 32, 3, 47),
                                    "newText": "smith2019trade"}]}}}]

    rename = client.request("textDocument/rename", {**_at(uri, 2, 35), "newName": "khan2021return"})
    assert rename == {"changes": {
        refs_uri: [{"range": _range(0, 9, 0, 23), "newText": "khan2021return"}],
        uri: [{"range": _range(2, 30, 2, 44), "newText": "khan2021return"},
              {"range": _range(5, 10, 5, 24), "newText": "khan2021return"}]}}

    assert client.shutdown() == 0


def test_a_markdown_draft_completes_after_at(client: LspClient, project: Path) -> None:
    client.initialize(project, {"debounce_ms": 20, "style": "plain"})
    (project / "essay.md").write_text("", encoding="utf-8")
    text = "---\nbibliography: refs.bib\n---\n\nTrade shapes power [@smi\n"
    uri = client.open(project / "essay.md", text, "markdown")
    client.wait_for("textDocument/publishDiagnostics", uri=uri)
    completion = client.request("textDocument/completion", _at(uri, 4, 24))
    assert [(i["label"], i["textEdit"]["range"]) for i in completion["items"]] == [
        ("smith2019trade", _range(4, 21, 4, 24)), ("smith2019tradeb", _range(4, 21, 4, 24))]
    assert client.shutdown() == 0
