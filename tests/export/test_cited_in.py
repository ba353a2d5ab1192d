"""export --cited-in: exactly the works a draft cites, found by check's scanners."""

from __future__ import annotations

import pytest

from relbib.diagnostics import InputError
from relbib.export.lists import cited_keys


def test_latex_keys_in_first_citation_order() -> None:
    tex = r"As \citet{b} says \citep[12]{a, b}, and \nocite{c}. % \cite{commented}"
    assert cited_keys(tex, path="draft.tex") == ("b", "a", "c")


def test_markdown_keys() -> None:
    md = "Some claim [@khan2021russia, p. 3; see @sen1999].\n"
    assert cited_keys(md, path="draft.md") == ("khan2021russia", "sen1999")


def test_a_file_that_is_not_a_draft_is_refused() -> None:
    with pytest.raises(InputError):
        cited_keys("x", path="notes.docx")
