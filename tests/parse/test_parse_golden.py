"""Golden files for `relbib parse --format json`: <input>.txt → <input>.json.

Regenerate with `pytest --update-golden` and review the diff like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from casefiles import cases
from typer.testing import CliRunner

from relbib.cli import app


@pytest.mark.parametrize("source", cases("golden/parse", ".txt"))
def test_parse_json_matches_golden(source: Path, update_golden: bool) -> None:
    result = CliRunner().invoke(app, ["parse", str(source), "--format", "json"],
                                catch_exceptions=False, env={"NO_COLOR": "1"})
    golden = source.with_suffix(".json")
    assert result.exit_code == 0, result.output
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
