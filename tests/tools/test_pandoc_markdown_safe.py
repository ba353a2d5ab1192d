"""Issue 9, point 3 with the real pandoc: relbib's Markdown, converted to
LaTeX, holds no math and no raw TeX from the data (skips without pandoc;
fails in CI, as the other tool tests do)."""

from __future__ import annotations

from pathlib import Path

from conftest import need, run

from relbib.model import Annotation, Entry, Name, freeze_fields
from relbib.render import render_bibliography

HOSTILE = "$\\input{/etc/hostname}$ and $x^2$ \\write18{id} ^sup^ @fake2024 [@cite]"


def test_pandoc_reads_relbibs_markdown_as_plain_text(tmp_path: Path) -> None:
    need("pandoc")
    entry = Entry(key="k2020", type="book", fields=freeze_fields({
        "title": HOSTILE, "author": (Name(family="Roe", given="Jane"),), "year": "2020"}))
    annotation = Annotation(key="k2020", summary=HOSTILE, tags=(), claims=())
    (tmp_path / "in.md").write_text(
        render_bibliography([entry], {"k2020": annotation}, fmt="md"), encoding="utf-8")
    done = run(["pandoc", "-f", "markdown", "-t", "latex", "in.md"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    latex = done.stdout
    assert "\\input{" not in latex and "\\write18" not in latex  # no raw TeX
    assert "$" not in latex.replace("\\$", "")  # no math mode
    assert "\\(" not in latex and "\\textsuperscript" not in latex
    assert "\\cite" not in latex
    assert "\\textbackslash{}input" in latex or "\\textbackslash input" in latex
