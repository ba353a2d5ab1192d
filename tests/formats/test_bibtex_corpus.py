"""Robustness smoke test on real odd .bib files from peers' test suites.

Reading any of them raises nothing but InputError, keeps every byte, and
writing the unchanged entries back gives the same text (speed is the
benchmarks' business, not this test's).  Files over 300 kB
(the performance corpus's job) are left out to keep the suite fast.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from relbib.diagnostics import InputError
from relbib.formats.bibtex import bib_problems, entries_of, read_bib, update_bib
from relbib.workspace import read_text

# shared/ stands beside the repository (CI clones main next to it)
SHARED = Path(os.environ.get("RELBIB_SHARED", Path(__file__).resolve().parents[3] / "shared"))
WEIRD = SHARED / "corpora" / "weird"
FOLDERS = sorted(p for p in WEIRD.iterdir() if p.is_dir()) if WEIRD.is_dir() else []
MAX_BYTES = 300_000


@pytest.mark.skipif(not FOLDERS, reason="the weird corpus is not on this machine")
@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_weird_files_read_losslessly_and_quickly(folder: Path) -> None:
    files = [p for p in sorted(folder.glob("*.bib")) if p.stat().st_size <= MAX_BYTES]
    for path in files:
        try:
            text = read_text(path).text
        except InputError:
            continue  # an empty or binary file: reported, not crashed on
        doc = read_bib(text, path=str(path))
        assert doc.text == text, path
        entries = entries_of(doc)
        for problem in bib_problems(doc):
            assert problem.path == str(path) and problem.line >= 1
        assert update_bib(doc, entries) == text, path
