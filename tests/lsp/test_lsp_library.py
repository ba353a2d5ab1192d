"""`relbib lsp` with an annotated library and .bib files that change, over real stdio JSON-RPC.

The project is small and written here: bib/sources.bib and annotations/KEY.yaml
(a summary, tags and the claims each source is cited for, DESIGN.md
"Annotations"), a draft's own refs.bib, and drafts.  Each test asserts the
messages exactly as an editor receives them: hover text, completion order,
code-action edits, and the diagnostics published after a .bib changes on disk
(workspace/didChangeWatchedFiles) or in the editor (didChange on the .bib).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from lsp_client import LspClient, warm_client  # noqa: E402

ENTRIES = """\
@article{keck2015embargo,
  author = {Keck, Zachary},
  title = {The Arms Embargo on Russia},
  journal = {The Diplomat},
  year = {2015},
}

@book{owais2019helicopters,
  author = {Owais, Ahmed},
  title = {Helicopters for Pakistan},
  publisher = {Horizon Press},
  year = {2019},
}
"""

KECK = """\
key: keck2015embargo
summary: How the European arms embargo of 2014 reshaped Russian arms exports.
tags: [sanctions, arms-trade]
claims:
  - essay: essays/one
    line: 7
    quote: "The European Union imposed an arms embargo on Russia in 2014 after the annexation of Crimea."
    note: 3
    pinpoint: "12"
    relation: cited
    score: 1.0
"""

OWAIS = """\
key: owais2019helicopters
summary: Russia's helicopter sales to Pakistan.
tags: [pakistan, helicopters]
claims:
  - essay: essays/two
    line: 4
    quote: "Russia agreed to sell four Mi-35 attack helicopters to Pakistan in 2014."
    note: 1
    pinpoint: null
    relation: cited
    score: 1.0
  - essay: essays/three
    line: 9
    quote: "Pakistan received its first Mi-35 helicopters from Russia in 2017."
    note: 5
    pinpoint: "88"
    relation: cited
    score: 1.0
"""

# line 2 states what keck2015embargo is cited for, without citing it
DRAFT = """\
\\documentclass{article}
\\begin{document}
The European Union imposed an arms embargo on Russia in 2014 after the annexation of Crimea.
Moscow then looked to South Asia \\cite{owais2019helicopters}.
\\bibliography{refs}
\\end{document}
"""


def _range(l1: int, c1: int, l2: int, c2: int) -> dict[str, Any]:
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def _at(uri: str, line: int, character: int) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}


def _change(client: LspClient, uri: str, version: int, rng: dict[str, Any], text: str) -> None:
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": rng, "text": text}]})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "sources.bib").write_text(ENTRIES, encoding="utf-8")
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "keck2015embargo.yaml").write_text(KECK, encoding="utf-8")
    (tmp_path / "annotations" / "owais2019helicopters.yaml").write_text(OWAIS, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(ENTRIES, encoding="utf-8")
    (tmp_path / "draft.tex").write_text(DRAFT, encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(project: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[LspClient]:
    with warm_client(project, tmp_path_factory.mktemp("cache")) as c:
        c.initialize(project, {"debounce_ms": 0, "style": "plain"})
        yield c


# what the editor receives for the uncited sentence on line 2 (0-based)
UNCITED = {
    "range": _range(2, 0, 2, 3), "severity": 3, "code": "RB303", "source": "relbib",
    "message": "keck2015embargo supports this (cited for it in essays/one:7)\n"
               "cite it: \\cite[p.~12]{keck2015embargo}",
    "data": {"kind": "uncited-supported-claim", "keys": ["keck2015embargo"],
             "suggestion": "cite it: \\cite[p.~12]{keck2015embargo}"}}


def test_hover_shows_the_annotation_summary_tags_and_claims(client: LspClient,
                                                             project: Path) -> None:
    uri = client.open(project / "draft.tex", DRAFT, "latex")
    client.wait_for("textDocument/publishDiagnostics", uri=uri)
    hover = client.request("textDocument/hover", _at(uri, 3, 45))
    assert hover == {"range": _range(3, 39, 3, 59), "contents": {"kind": "markdown", "value": (
        "**owais2019helicopters** — Ahmed Owais. *Helicopters for Pakistan*. Horizon Press, "
        "2019.\n\n"
        "*refs.bib:8*\n\n"
        "Russia's helicopter sales to Pakistan.\n\n"
        "Tags: `pakistan`, `helicopters`\n\n"
        "Cited for and supports:\n"
        "- *cited* — essays/two:4: “Russia agreed to sell four Mi-35 attack helicopters to "
        "Pakistan in 2014.”\n"
        "- *cited* — essays/three:9, p. 88: “Pakistan received its first Mi-35 helicopters "
        "from Russia in 2017.”")}}
    assert client.shutdown() == 0


def test_completion_ranks_first_the_source_whose_claims_match_the_sentence(
        client: LspClient, project: Path) -> None:
    uri = client.open(project / "draft.tex", DRAFT, "latex")
    client.wait_for("textDocument/publishDiagnostics", uri=uri)
    # a new sentence about helicopters, then "\cite{" with nothing typed yet
    line = "Russia agreed to sell four attack helicopters to Pakistan \\cite{}."
    _change(client, uri, 2, _range(4, 0, 4, 0), line + "\n")
    client.wait_for("textDocument/publishDiagnostics", uri=uri)
    at = len(line) - 2  # between the braces
    completion = client.request("textDocument/completion", _at(uri, 4, at))
    assert [i["label"] for i in completion["items"]] == [
        "owais2019helicopters", "keck2015embargo"]
    assert completion["items"][0]["textEdit"] == {
        "range": _range(4, at, 4, at), "newText": "owais2019helicopters"}
    # the same place after a sentence about the embargo: the other source first
    embargo = "The European Union imposed an arms embargo on Russia \\cite{}."
    _change(client, uri, 3, _range(4, 0, 4, len(line)), embargo)
    client.wait_for("textDocument/publishDiagnostics", uri=uri)
    completion = client.request("textDocument/completion", _at(uri, 4, len(embargo) - 2))
    assert [i["label"] for i in completion["items"]] == [
        "keck2015embargo", "owais2019helicopters"]
    assert client.shutdown() == 0


def test_a_code_action_inserts_the_suggested_citation_of_a_supported_claim(
        client: LspClient, project: Path) -> None:
    uri = client.open(project / "draft.tex", DRAFT, "latex")
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert published["diagnostics"] == [UNCITED]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": UNCITED["range"],
        "context": {"diagnostics": [UNCITED]}})
    # before the sentence's full stop, tied to the last word as LaTeX writers do
    assert actions == [{
        "title": "Insert \\cite[p.~12]{keck2015embargo}", "kind": "quickfix",
        "diagnostics": [UNCITED], "isPreferred": True,
        "edit": {"changes": {uri: [{"range": _range(2, 91, 2, 91),
                                    "newText": "~\\cite[p.~12]{keck2015embargo}"}]}}}]
    edit = actions[0]["edit"]["changes"][uri][0]
    _change(client, uri, 2, edit["range"], edit["newText"])
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert published["diagnostics"] == []  # the claim is cited now
    assert client.shutdown() == 0


MISSING = """\
\\documentclass{article}
\\begin{document}
Gas pipelines shape diplomacy \\cite{zaidi2020gas}.
\\bibliography{refs}
\\end{document}
"""

ZAIDI = """
@article{zaidi2020gas,
  author = {Zaidi, Sara},
  title = {Gas Pipelines and Diplomacy},
  journal = {Energy Policy},
  year = {2020},
}
"""


def _undefined_zaidi(published: dict[str, Any]) -> list[str]:
    return [d["message"].split("\n")[0] for d in published["diagnostics"]
            if d["data"]["kind"] == "undefined-key"]


def _open_missing(client: LspClient, project: Path) -> str:
    """Open a draft citing an entry the library lacks; its diagnostics say so."""
    (project / "missing.tex").write_text(MISSING, encoding="utf-8")
    uri = client.open(project / "missing.tex", MISSING, "latex")
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert _undefined_zaidi(published) == [
        "citation 'zaidi2020gas' is not defined in the library"]
    return uri


def test_a_bib_changed_on_disk_updates_the_diagnostics(client: LspClient,
                                                        project: Path) -> None:
    uri = _open_missing(client, project)
    # another program adds the entry; the editor's file watcher says so
    refs = project / "refs.bib"
    refs.write_text(ENTRIES + ZAIDI, encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": refs.as_uri(), "type": 2}]})
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert published["diagnostics"] == []
    # and removed again
    refs.write_text(ENTRIES, encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": refs.as_uri(), "type": 2}]})
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert _undefined_zaidi(published) == [
        "citation 'zaidi2020gas' is not defined in the library"]
    assert client.shutdown() == 0


def test_editing_a_bib_in_the_editor_updates_an_open_drafts_diagnostics(
        client: LspClient, project: Path) -> None:
    uri = _open_missing(client, project)
    refs = project / "refs.bib"
    bib_uri = client.open(refs, ENTRIES, "bibtex")
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)  # opening re-checks
    assert _undefined_zaidi(published) == [
        "citation 'zaidi2020gas' is not defined in the library"]
    end = ENTRIES.count("\n")
    # the entry is typed into the .bib, not saved: the file on disk is unchanged
    _change(client, bib_uri, 2, _range(end, 0, end, 0), ZAIDI)
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert published["diagnostics"] == []
    assert refs.read_text(encoding="utf-8") == ENTRIES
    # a typo in the key, still unsaved: the draft's citation is undefined again
    _change(client, bib_uri, 3, _range(end + 1, 9, end + 1, 21), "zaidi2020gaz")
    published = client.wait_for("textDocument/publishDiagnostics", uri=uri)
    assert _undefined_zaidi(published) == [
        "citation 'zaidi2020gas' is not defined in the library"]
    assert client.shutdown() == 0
