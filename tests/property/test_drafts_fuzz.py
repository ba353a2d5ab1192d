"""Mangled draft text never makes the scanners raise, and positions stay true.

Invariants, for any text: scan_latex and scan_markdown return a DraftScan;
every citation's (line, column) lies inside the text; and for an unbraced key
the original text at that position starts with the key.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from relbib.check.drafts import scan_latex, scan_markdown
from relbib.check.records import DraftScan

# Fragments that exercise every branch of the scanners, glued in random order
# with random characters between them.
_LATEX_BITS = st.sampled_from([
    "\\cite{", "\\citep[", "][", "]{", "}", "{", ",", " ", "\n", "\n\n", "%", "\\%", "\\\\",
    "\\verb|", "|", "\\begin{verbatim}", "\\end{verbatim}", "\\iffalse", "\\fi", "\\else",
    "\\cites(", ")(", ")", "[", "]", "\\nocite{*}", "\\input ", "\\import{", "\\date{",
    "\\bibliography{", "\\addbibresource[", "key", "a,b", "p.~12", "\\lstinline", "~", "\\",
    "\\volcite", "<", ">", "\\begin{comment}", "é", "\t", "\\ifx",
])
_MD_BITS = st.sampled_from([
    "[", "]", "@", "@key", "-@", "[@a, p. 3; @b]", "@{odd key}", "`", "```", "~~~", "\n",
    "\n\n", "    ", "<!--", "-->", "^[", "[^1]:", "---\n", "bibliography:", "nocite: |\n",
    "  - x.bib\n", "date: 2021\n", "a@b.com", "\\@", "(", ")", ";", ",", " ", "é", "\t", "{",
    "}", "relbib: ignore[RB101]", "...\n", "- ", "1. ",
])


def _check(scan: DraftScan, text: str) -> None:
    lines = text.split("\n")
    for c in scan.citations:
        assert 1 <= c.line <= len(lines)
        line = lines[c.line - 1]
        assert 1 <= c.column <= len(line) + 1
        if not line[c.column - 1:].startswith(c.key):
            # braced Markdown keys and LaTeX keys are spans of the original line too
            raise AssertionError(f"{c.key!r} not at {c.line}:{c.column} in {line!r}")
    for d in scan.diagnostics:
        assert 1 <= d.line <= len(lines)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LATEX_BITS, st.text(max_size=3)), max_size=40))
def test_latex_scanner_never_raises(parts: list[str]) -> None:
    text = "".join(parts)
    _check(scan_latex(text, path="fuzz.tex"), text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_MD_BITS, st.text(max_size=3)), max_size=40))
def test_markdown_scanner_never_raises(parts: list[str]) -> None:
    text = "".join(parts)
    _check(scan_markdown(text, path="fuzz.md"), text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_scanners_take_any_text(text: str) -> None:
    _check(scan_latex(text, path="any.tex"), text)
    _check(scan_markdown(text, path="any.md"), text)
