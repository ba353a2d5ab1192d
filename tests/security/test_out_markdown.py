"""Issue 9, point 3: text from a .bib or an essay is literal in Markdown output.

Pandoc reads ``$...$`` as TeX math and its LaTeX writer passes it on raw
(the probe read /etc/hostname that way); ``^`` ``~`` ``@`` are superscript,
subscript and citations.  Every such character is escaped in what relbib's
Markdown renderer and the Markdown reading list write.
(tests/tools/test_pandoc_markdown_safe.py runs the output through pandoc.)
"""

from __future__ import annotations

import re

import pytest

from relbib.export.lists import export
from relbib.model import Annotation, Entry, Name, freeze_fields
from relbib.render import render_bibliography

HOSTILE = "$\\input{/etc/hostname}$ and $x^2$ ^sup^ ~sub~ @fake2024 [@cite] `code` <b>x</b> *em*"


def _library() -> tuple[list[Entry], dict[str, Annotation]]:
    entry = Entry(key="k2020", type="book", fields=freeze_fields({
        "title": HOSTILE, "author": (Name(family="Roe$", given="J^ane"),),
        "publisher": "OUP @home", "year": "2020"}))
    annotation = Annotation(key="k2020", summary=HOSTILE, tags=("t$g",), claims=())
    return [entry], {"k2020": annotation}


def _outputs() -> list[str]:
    entries, annotations = _library()
    return [render_bibliography(entries, annotations, fmt="md", style=style)
            for style in ("chicago-nb", "plain", "apa7")] + [
        export(entries, annotations, fmt="md")]


# an active character with no backslash before it (a backslash itself escaped
# by one before it counts as escaped)
_UNESCAPED = re.compile(r"(?<!\\)(?:\\\\)*([$^@`<>*])")


@pytest.mark.parametrize("index", range(4))
def test_markdown_escapes_math_and_pandoc_marks(index: int) -> None:
    text = _outputs()[index]
    # relbib's own block quote marker ("> " opening a line) is not data
    body = "\n".join(re.sub(r"^> ", "", line) for line in text.splitlines()
                     if "input" in line or "@" in line)
    assert body, "the hostile text is in the output"
    unescaped = [m.group(1) for m in _UNESCAPED.finditer(body)]
    # emphasis relbib itself writes (*title*) is fine; $ ^ @ ` < > from data are not
    assert not [c for c in unescaped if c in "$^@`<>"], body
    assert "\\$\\\\input\\{/etc/hostname\\}\\$" in body
