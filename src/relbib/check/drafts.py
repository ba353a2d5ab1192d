"""Draft citation scanners: LaTeX and pandoc Markdown text → DraftScan.

Input: the text of one draft and the path to name in findings.
Output: a DraftScan (citations with positions, bibliographies, includes,
nocite, the draft's date, suppressions, parse-error diagnostics).
Never: read a file (the caller reads includes and .bib files), raise on
malformed text.

The LaTeX scanner lives in check/latex.py, the Markdown scanner in
check/markdown.py; this module is their one public entry point.
"""

from __future__ import annotations

from dataclasses import replace

from relbib.check.latex import scan_latex
from relbib.check.markdown import scan_markdown
from relbib.check.records import DraftCitation, DraftScan, Include

__all__ = ["DraftCitation", "DraftScan", "Include", "scan_latex", "scan_markdown", "scan_draft",
           "LATEX_SUFFIXES", "MARKDOWN_SUFFIXES"]

LATEX_SUFFIXES = frozenset({".tex", ".ltx", ".latex", ".sty", ".cls"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".qmd", ".rmd", ".pandoc", ".mdown"})


def scan_draft(text: str, *, path: str) -> DraftScan | None:
    """Scan ``text`` with the scanner its path's suffix calls for (None: not a draft)."""
    suffix = path[path.rfind("."):].lower() if "." in path else ""
    if suffix in LATEX_SUFFIXES:
        return replace(scan_latex(text, path=path), text=text)
    if suffix in MARKDOWN_SUFFIXES:
        return replace(scan_markdown(text, path=path), text=text)
    return None
