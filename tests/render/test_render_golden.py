"""Golden files: every style x every format on the render test library.

tests/golden/render/<input>_<style>.<format>, regenerated only with
``pytest --update-golden`` and reviewed like code.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from render_data import load_case

import relbib.render
from relbib.model import Entry
from relbib.render import FormattedEntry, formats, render_bibliography, styles

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "render"
INPUTS = ("library",)
CASES = {name: load_case(name) for name in INPUTS}


@pytest.fixture(scope="module", autouse=True)
def _each_style_formats_once() -> Iterator[None]:
    """A style's entries are formatted once (for a CSL style, one pandoc run) and
    shared by its four formats, which differ only in the writer after it."""
    real = relbib.render.format_entries
    done: dict[tuple[int, str], tuple[FormattedEntry, ...]] = {}

    def once(entries: Sequence[Entry], *, style: str) -> tuple[FormattedEntry, ...]:
        key = (id(entries), style)  # the entries of one of CASES, alive all along
        if key not in done:
            done[key] = real(entries, style=style)
        return done[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(relbib.render, "format_entries", once)
        yield


@pytest.mark.parametrize("fmt", formats())
@pytest.mark.parametrize("style", styles())
@pytest.mark.parametrize("name", INPUTS)
def test_golden(name: str, style: str, fmt: str, update_golden: bool) -> None:
    case = CASES[name]
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
