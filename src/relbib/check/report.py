"""Findings of `relbib check` spelled for people, CI logs and code-scanning tools.

Input: a CheckResult.
Output: text lines (``path:line:col: RB123 warning: message (hint)``), the
JSON payload, GitHub Actions workflow commands, a SARIF 2.1.0 log.
Never: print, decide exit codes (cli.py does), or drop a finding.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from relbib import __version__
from relbib.check.runner import CheckResult
from relbib.diagnostics import KINDS
from relbib.model import Diagnostic, Severity

__all__ = ["FORMATS", "as_github", "as_json", "as_sarif", "as_text", "json_text", "summary_line"]

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/relbib/relbib/blob/main/docs/rules.md"


def _where(d: Diagnostic) -> str:
    return ":".join(str(p) for p in (d.path or "-", d.line, d.column) if p != 0)


def as_text(result: CheckResult) -> str:
    """One line per finding, as compilers and linters print them."""
    lines = []
    for d in result.findings:
        hint = f" ({d.suggestion})" if d.suggestion else ""
        where = f"{d.path}:{d.line}:{d.column}" if d.line and d.column and d.path else _where(d)
        lines.append(f"{where}: {d.code} {d.severity.value}: {d.message}{hint}\n")
    return "".join(lines)


def summary_line(result: CheckResult) -> str:
    errors, warnings, infos = (result.count(s) for s in
                               (Severity.ERROR, Severity.WARNING, Severity.INFO))
    return (f"{result.files} files, {result.citations} citations: {errors} errors, "
            f"{warnings} warnings, {infos} infos")


def as_json(result: CheckResult) -> dict[str, Any]:
    """DESIGN.md's shape (the CLI adds the schema version)."""
    return {
        "findings": [d.as_json() for d in result.findings],
        "summary": {
            "files": result.files,
            "citations": result.citations,
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
        },
    }


def json_text(payload: Mapping[str, Any]) -> str:
    """``payload`` as JSON, one top-level key per line and one list item (a
    finding) per line: readable, diff-able, and written by the C encoder
    (``indent`` would switch ``json`` to its pure-Python encoder, about half a
    second for 25,000 findings)."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    parts = []
    for key, value in payload.items():
        name = encode(key)
        if isinstance(value, list) and value:
            items = ",\n    ".join(encode(item) for item in value)
            parts.append(f"  {name}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {name}: {encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def as_github(result: CheckResult) -> str:
    """GitHub Actions workflow commands: each finding annotates its line in the PR."""
    out = []
    for d in result.findings:
        props = [f"file={_escape_property(d.path)}"] if d.path else []
        if d.line:
            props.append(f"line={d.line}")
        if d.column:
            props.append(f"col={d.column}")
        props.append(f"title={_escape_property(f'{d.code} {d.kind}')}")
        hint = f" ({d.suggestion})" if d.suggestion else ""
        out.append(f"::{_GITHUB_LEVEL[d.severity]} {','.join(props)}::"
                   f"{_escape_data(d.message + hint)}")
    return "".join(line + "\n" for line in out)


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:")


def as_sarif(result: CheckResult) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run; every kind is a rule, every finding a result."""
    kinds = list(KINDS.values())
    index = {k.code: i for i, k in enumerate(kinds)}
    rules = [{
        "id": k.code,
        "name": k.kind,
        "shortDescription": {"text": k.summary},
        "helpUri": f"{INFORMATION_URI}#{k.kind}",
        "defaultConfiguration": {"level": _SARIF_LEVEL[k.severity]},
    } for k in kinds]
    results = []
    for d in result.findings:
        item: dict[str, Any] = {
            "ruleId": d.code,
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message + (f" ({d.suggestion})" if d.suggestion else "")},
        }
        if d.code in index:
            item["ruleIndex"] = index[d.code]
        if d.path:
            location: dict[str, Any] = {"artifactLocation": {"uri": _uri(d.path)}}
            if d.line > 0:
                location["region"] = {"startLine": d.line,
                                      **({"startColumn": d.column} if d.column > 0 else {})}
            item["locations"] = [{"physicalLocation": location}]
        if d.keys:
            item["properties"] = {"kind": d.kind, "keys": list(d.keys)}
        results.append(item)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "relbib", "version": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "results": results,
        }],
    }
