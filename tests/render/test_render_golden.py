"""Golden files: every style x every format on the render test library.

tests/golden/render/<input>_<style>.<format>, regenerated only with
``pytest --update-golden`` and reviewed like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from render_data import load_case

from relbib.render import formats, render_bibliography, styles

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "render"
INPUTS = ("library",)


@pytest.mark.parametrize("fmt", formats())
@pytest.mark.parametrize("style", styles())
@pytest.mark.parametrize("name", INPUTS)
def test_golden(name: str, style: str, fmt: str, update_golden: bool) -> None:
    case = load_case(name)
    output = render_bibliography(
        case.entries, case.annotations, fmt=fmt, style=style,
        essays=case.essays, essay_texts=case.essay_texts,
    )
    path = GOLDEN / f"{name}_{style}.{fmt}"
    if update_golden:
        path.write_text(output, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path}; run pytest --update-golden"
    assert output == path.read_text(encoding="utf-8")


def test_every_golden_file_belongs_to_a_style_and_format() -> None:
    expected = {f"{n}_{s}.{f}" for n in INPUTS for s in styles() for f in formats()}
    present = {p.name for p in GOLDEN.iterdir() if p.suffix in {f".{f}" for f in formats()}}
    assert present == expected
