"""Robustness smoke test on real odd .bib files from peers' test suites.

Reading any of them raises nothing but InputError, keeps every byte, and
writing the unchanged entries back gives the same text.  Files over 300 kB
(the performance corpus's job) are left out to keep the suite fast.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from relbib.diagnostics import InputError
from relbib.formats.bibtex import bib_problems, entries_of, read_bib, update_bib
from relbib.workspace import read_text

WEIRD = Path("/work/shared/corpora/weird")
FOLDERS = sorted(p for p in WEIRD.iterdir() if p.is_dir()) if WEIRD.is_dir() else []
MAX_BYTES = 300_000


@pytest.mark.skipif(not FOLDERS, reason="the weird corpus is not on this machine")
@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_weird_files_read_losslessly_and_quickly(folder: Path) -> None:
    files = [p for p in sorted(folder.glob("*.bib")) if p.stat().st_size <= MAX_BYTES]
    size = sum(p.stat().st_size for p in files)
    started = time.perf_counter()
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
    # bounded: well under a second per 100 kB even on a slow machine
    assert time.perf_counter() - started < 2 + size / 50_000
