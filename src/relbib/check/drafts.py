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
from typing import Literal

from relbib.check.latex import scan_latex
from relbib.check.markdown import scan_markdown
from relbib.check.records import DraftCitation, DraftScan, Include

__all__ = ["DraftCitation", "DraftScan", "Include", "scan_latex", "scan_markdown", "scan_draft",
           "LATEX_SUFFIXES", "MARKDOWN_SUFFIXES", "CrossrefStyle", "drop_crossref_labels"]

# classes and packages (.cls, .sty) define citation commands, they do not cite
LATEX_SUFFIXES = frozenset({".tex", ".ltx", ".latex"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".qmd", ".rmd", ".pandoc", ".mdown"})


def scan_draft(text: str, *, path: str) -> DraftScan | None:
    """Scan ``text`` with the scanner its path's suffix calls for (None: not a draft)."""
    suffix = path[path.rfind("."):].lower() if "." in path else ""
    if suffix in LATEX_SUFFIXES:
        return replace(scan_latex(text, path=path), text=text)
    if suffix in MARKDOWN_SUFFIXES:
        return replace(scan_markdown(text, path=path), text=text, backend="pandoc")
    return None


# The cross-reference labels of pandoc-crossref (@fig:x) and of Quarto (@fig-x):
# with the filter (or in Quarto, always) they are references to figures,
# sections, tables, equations and listings, not citations.
_CROSSREF_PREFIXES = ("fig", "sec", "tbl", "eq", "lst")
_QUARTO_PREFIXES = (*_CROSSREF_PREFIXES, "thm", "lem", "cor", "prp", "cnj", "def", "exm",
                    "exr", "sol", "rem", "alg", "nte", "tip", "wrn", "imp", "cau")
CrossrefStyle = Literal["pandoc-crossref", "quarto"]


def drop_crossref_labels(scan: DraftScan, style: CrossrefStyle) -> DraftScan:
    """``scan`` without the citations that are cross-reference labels in ``style``."""
    if style == "quarto":
        labels = tuple(p + "-" for p in _QUARTO_PREFIXES)
    else:
        labels = tuple(p + ":" for p in _CROSSREF_PREFIXES)
    # "@Fig:x" and "@Sec-x" at the start of a sentence print "Figure 1" (both tools)
    kept = tuple(c for c in scan.citations
                 if not (c.key[:1].lower() + c.key[1:]).startswith(labels))
    return scan if len(kept) == len(scan.citations) else replace(scan, citations=kept)
