"""The public API and the README agree: every exported verb is documented and listed,
and every command `relbib --help` lists is in the README's command table."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import relbib
from relbib.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"


def _section(title: str) -> str:
    text = README.read_text("utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def test_the_public_api_names_the_verbs_of_every_stage() -> None:
    assert {"parse_note", "ingest_essay", "resolve_citations", "update_library", "link_claims",
            "check_drafts", "render_bibliography", "export_list", "Library"} <= set(relbib.__all__)


@pytest.mark.parametrize("name", relbib.__all__)
def test_each_public_name_imports_with_args_and_returns_documented(name: str) -> None:
    value = getattr(importlib.import_module("relbib"), name)
    doc = value.__doc__ or ""
    assert re.search(r"^\s*Args:\s*$", doc, re.M), f"{name}'s docstring has no Args section"
    assert re.search(r"^\s*Returns:\s*$", doc, re.M), f"{name}'s docstring has no Returns section"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        relbib.no_such_verb  # noqa: B018


def test_the_readme_development_section_lists_every_public_name() -> None:
    section = _section("Development")
    missing = [name for name in relbib.__all__ if not re.search(rf"\b{name}\b", section)]
    assert missing == []


def _commands() -> list[str]:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    table = result.output.split("Commands")[1]
    return re.findall(r"^\W+([a-z][a-z-]*)\s{2,}", table, re.M)


def test_every_command_is_in_the_readme_command_table() -> None:
    commands = _commands()
    assert {"parse", "ingest", "check", "build"} <= set(commands)
    table = _section("Commands")
    missing = [c for c in commands if f"| `relbib {c}" not in table]
    assert missing == []
