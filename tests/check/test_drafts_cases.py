"""Draft scanner case files: tests/cases/drafts/*.{tex,md,qmd,Rmd}.

Each file declares what the scanner must find in comments (``% ...`` in
LaTeX, ``<!-- ... -->`` in Markdown):

- ``expect: KEY COMMAND [pinpoint=..] [prenote=..] [nocite]`` (several joined
  by `` | ``): a citation of KEY on *this* line; its column is where KEY first
  appears on the line.  ``expect-at: KEY LINE COMMAND ...`` names the line.
- ``not: KEY ...``: keys that must not be reported.
- ``bib:``, ``include:``, ``date:``, ``nocite-all: yes``, ``data-model:``,
  ``diag: KIND LINE:COL``, ``suppress: LINE [CODES]``: the scan's other fields.

The citations found must be exactly the ones expected: nothing missing,
nothing extra.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from casefiles import cases, directives

from relbib.check.drafts import scan_draft

FILES = cases("cases/drafts", ".tex", ".md", ".qmd", ".rmd", ids=lambda p: p.name)
_DIRECTIVES = ("expect-at", "expect", "not", "bib", "include", "date", "nocite-all", "data-model",
               "diag", "suppress")


@dataclass
class Expected:
    citations: list[tuple[str, int, int, str, str | None, str | None, bool]] = field(
        default_factory=list)
    absent: set[str] = field(default_factory=set)
    other: dict[str, list[str]] = field(default_factory=dict)


def _citation(spec: str, line: int, text_line: str) -> tuple[str, int, int, str, str | None,
                                                            str | None, bool]:
    lexer = shlex.shlex(spec, posix=True)
    lexer.whitespace_split = True
    lexer.escape = ""  # LaTeX commands keep their backslash
    words = list(lexer)
    key, command = words[0], words[1]
    attrs = dict(w.split("=", 1) for w in words[2:] if "=" in w)
    column = text_line.find(key) + 1
    assert column > 0, f"line {line} does not contain {key!r}"
    return (key, line, column, command, attrs.get("pinpoint"), attrs.get("prenote"),
            "nocite" in words[2:])


def _expected(text: str) -> Expected:
    lines = text.split("\n")
    out = Expected()
    for d in directives(text, *_DIRECTIVES):
        name, value, number = d.name, d.value, d.line
        if name == "expect":
            for spec in value.split(" | "):
                out.citations.append(_citation(spec, number, lines[number - 1]))
        elif name == "expect-at":
            key, at, rest = value.split(" ", 2)
            out.citations.append(_citation(f"{key} {rest}", int(at), lines[int(at) - 1]))
        elif name == "not":
            out.absent.update(value.split())
        else:
            out.other.setdefault(name, []).append(value)
    return out


@pytest.mark.parametrize("path", FILES)
def test_draft_case(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = _expected(text)
    scan = scan_draft(text, path=path.name)
    assert scan is not None
    found = sorted((c.key, c.line, c.column, c.command, c.pinpoint, c.prenote, c.nocite)
                   for c in scan.citations)
    assert found == sorted(expected.citations)
    assert not expected.absent & {c.key for c in scan.citations}
    for c in scan.citations:
        assert c.path == path.name
    other = expected.other
    assert list(scan.bibliographies) == " ".join(other.get("bib", [])).split()
    assert [i.path_as_written for i in scan.includes] == " ".join(other.get("include", [])).split()
    assert scan.date == (other["date"][0] if "date" in other else None)
    assert scan.nocite_all == ("nocite-all" in other)
    if "data-model" in other:
        assert scan.data_model == other["data-model"][0]
    diags = sorted(f"{d.kind} {d.line}:{d.column}" for d in scan.diagnostics)
    assert diags == sorted(other.get("diag", []))
    suppress = {}
    for spec in other.get("suppress", []):
        at, _, codes = spec.partition(" ")
        suppress[int(at)] = frozenset(codes.split())
    assert dict(scan.suppressions) == suppress
