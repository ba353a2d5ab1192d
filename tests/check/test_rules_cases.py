"""Library-rule case files: tests/cases/rules/*.bib (with an optional draft beside).

A case is ``NAME.bib`` plus, when the rule needs citations, ``NAME.tex`` or
``NAME.md``.  The .bib declares the expected findings in ``%`` comment lines
(BibTeX ignores text outside entries):

- ``% expect: KIND KEY [@LINE | @draft:LINE:COL] [severity=..]``: one finding
  of KIND naming KEY (at LINE of the .bib, or at a draft position);
- ``% clean: KEY ...``: no finding of any kind names these keys;
- ``% model: bibtex|biblatex|both``, ``% rules: NAME ...`` (restrict the rules run).

The findings must be exactly the expected ones: every expectation met once,
no finding left over.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from casefiles import cases, directives

from relbib.check.drafts import scan_draft
from relbib.check.records import BibRecord, MacroUse
from relbib.check.rules import CheckContext, run_rules

FILES = cases("cases/rules", ".bib")

# --- a small .bib reader for the cases (the real one is formats/bibtex.py) -------

_AT = re.compile(r"^@(?P<type>\w+)\s*\{\s*", re.MULTILINE)


def _value(text: str, i: int) -> tuple[str, list[str], int]:
    """One field value (pieces joined by #) → (text, macro names, end offset)."""
    out: list[str] = []
    macros: list[str] = []
    while True:
        while text[i] in " \t\r\n":
            i += 1
        if text[i] in "{\"":
            closer = "}" if text[i] == "{" else "\""
            depth = 0
            j = i + 1
            # a quoted value ends at the next quote, braces or not (lenient, so
            # the rules see what a forgiving parser hands them)
            while not (text[j] == closer and (depth == 0 or closer == '"')):
                if text[j] == "\\":
                    j += 1
                elif text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                j += 1
            out.append(text[i + 1:j])
            i = j + 1
        else:
            m = re.compile(r"[^\s,#}]+").match(text, i)
            assert m is not None
            word = m.group(0)
            if not word.isdigit():
                macros.append(word)
            out.append(word)
            i = m.end()
        while text[i] in " \t\r\n":
            i += 1
        if text[i] != "#":
            return "".join(out), macros, i
        i += 1


def read_bib(text: str, path: str) -> tuple[list[BibRecord], set[str]]:
    records: list[BibRecord] = []
    strings: set[str] = set()
    for m in _AT.finditer(text):
        kind = m.group("type").lower()
        line = text.count("\n", 0, m.start()) + 1
        i = m.end()
        if kind == "string":
            name = re.compile(r"(\w+)\s*=\s*").match(text, i)
            assert name is not None
            strings.add(name.group(1).lower())
            continue
        if kind in ("comment", "preamble"):
            continue
        key_m = re.compile(r"([^,\s]+)\s*,").match(text, i)
        assert key_m is not None
        i = key_m.end()
        fields: dict[str, str] = {}
        lines: dict[str, int] = {}
        uses: list[MacroUse] = []
        while True:
            f = re.compile(r"\s*(?P<name>[\w-]+)\s*=\s*").match(text, i)
            if f is None:
                break
            value, macros, i = _value(text, f.end())
            field_name = f.group("name").lower()
            fline = text.count("\n", 0, f.start("name")) + 1
            fields[field_name] = value
            lines[field_name] = fline
            uses += [MacroUse(name=mac, field=field_name, line=fline) for mac in macros]
            if text[i] == ",":
                i += 1
        records.append(BibRecord(key=key_m.group(1), type=kind, fields=fields, path=path,
                                 line=line, field_lines=lines, macros=tuple(uses)))
    return records, strings


# --- the case runner --------------------------------------------------------------

_EXPECT = re.compile(r"(?P<kind>[\w-]+) (?P<key>\S+)(?: @(?P<at>\S+))?"
                     r"(?: severity=(?P<severity>\w+))?\s*$")


@pytest.mark.parametrize("path", FILES)
def test_rule_case(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    records, strings = read_bib(text, path.name)
    scans = []
    for suffix in (".tex", ".md"):
        draft = path.with_suffix(suffix)
        if draft.exists():
            scan = scan_draft(draft.read_text(encoding="utf-8"), path=draft.name)
            assert scan is not None
            scans.append(scan)
    said = directives(text, "model", "rules", "clean", "expect")
    settings = {d.name: d.value for d in said if d.name in ("model", "rules")}
    ctx = CheckContext(records=tuple(records), strings=frozenset(strings), scans=tuple(scans),
                       data_model=settings.get("model", "both").strip(),  # type: ignore[arg-type]
                       backend=next((s.backend for s in scans if s.backend), None))
    select = settings["rules"].split() if "rules" in settings else None
    found = list(run_rules(ctx, select=select))
    clean = set(" ".join(d.value for d in said if d.name == "clean").split())
    for d in found:
        assert d.message and d.suggestion, d
        assert not clean & set(d.keys), f"a clean key was flagged: {d}"
    unmatched = list(found)
    for expect in (d for d in said if d.name == "expect"):
        m = _EXPECT.fullmatch(expect.value)
        assert m is not None, f"line {expect.line}: not an expectation: {expect.value!r}"
        for d in unmatched:
            if d.kind != m.group("kind") or m.group("key") not in d.keys:
                continue
            at = m.group("at")
            if at and at.startswith("draft:"):
                _, line, column = at.split(":")
                if (d.line, d.column) != (int(line), int(column)) or d.path == path.name:
                    continue
            elif at and (d.line != int(at) or d.path != path.name):
                continue
            if m.group("severity") and d.severity.value != m.group("severity"):
                continue
            unmatched.remove(d)
            break
        else:
            pytest.fail(f"expected finding not reported: {m.group(0)}\nfound: "
                        + "\n".join(f"{d.kind} {d.keys} {d.line}:{d.column} {d.message}"
                                    for d in found))
    assert not unmatched, "unexpected findings:\n" + "\n".join(
        f"{d.kind} {d.keys} {d.path}:{d.line}:{d.column} {d.message}" for d in unmatched)
