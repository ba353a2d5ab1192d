"""The check cache never changes an answer: for random sequences of `relbib check`
runs over a small project (a relbib library with claims, a Markdown draft that
falls back to the library, a LaTeX draft with its own .bib), with files edited
between runs, every run's findings equal those of the same run with no cache.

The regression it guards: reading the library .bib twice with ``slim=True``
(once for the drafts, once for the claim rules) made the full scan look slim,
and the library rules then judged slim entries ("no author / no title").
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relbib.check.runner import check as run_check
from relbib.workspace import check as wc
from relbib.workspace import find_project

SOURCES = """@article{alpha2001,
  author = {Alpha, Ann}, title = {Wheat Prices in Egypt}, journal = {J. Grain},
  year = {2001}, pages = {43--65}, doi = {10.1000/alpha}}
@book{beta1999, author = {Beta, Bo}, title = {Rivers}, publisher = {P}, year = {1999}}
"""
ANNOTATION = """key: alpha2001
summary: ''
tags: []
claims:
  - essay: e1
    line: 3
    quote: Wheat prices in Egypt doubled in 2001 after the drought.
    note: 1
    pinpoint: null
    relation: cited
    score: 1.0
"""
REFS = """@article{gamma2010, author = {Gamma, G}, title = {Wheat Prices in Egypt},
  journal = {J. Grain}, year = {2001}, doi = {10.1000/alpha}}
@misc{delta2011, title = {Delta}}
"""
MD = "---\ntitle: T\n---\n\nWheat prices doubled in 2001 [@alpha2001, p. 50].\n\nSee @beta1999.\n"
TEX = ("\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\n"
       "Egypt \\citep{gamma2010}. Again \\cite{delta2011}.\n"
       "\\bibliography{refs}\n\\end{document}\n")

FILES = {"bib/sources.bib": SOURCES, "annotations/alpha2001.yaml": ANNOTATION,
         "refs.bib": REFS, "a.md": MD, "b.tex": TEX}
# edits a writer makes between runs (applied to the file's current text)
EDITS = (
    ("bib/sources.bib", "author = {Alpha, Ann}, ", ""),
    ("bib/sources.bib", "publisher = {P}, ", ""),
    ("bib/sources.bib", "@book{beta1999", "@book{beta1999x"),
    ("refs.bib", "@misc{delta2011, title = {Delta}}", "@misc{delta2011, title = {Delta}, year = {20o1}}"),
    ("refs.bib", "author = {Gamma, G}, ", ""),
    ("a.md", "[@alpha2001, p. 50]", "[@alpha2001, p. 99]"),
    ("b.tex", "\\cite{delta2011}", "\\cite{delta2011, epsilon}"),
)
RUNS = (("a.md",), ("b.tex",), ("a.md", "b.tex"), ("refs.bib",), (), ("b.tex", "refs.bib"))

step = st.one_of(st.tuples(st.just("run"), st.sampled_from(RUNS)),
                 st.tuples(st.just("edit"), st.sampled_from(EDITS)))


def _findings(root: Path, paths: tuple[str, ...], cache: Path | None) -> list[tuple[object, ...]]:
    project = find_project(root)
    files = wc.BibFiles(wc.Cache(cache))
    request = wc.collect([root / p for p in paths], [], project, files)
    claims = wc.claim_inputs(project, request, files)
    result = run_check(request, claims=claims, library=wc.cached_library_findings(files))
    return [(f.path, f.line, f.code, f.message) for f in result.findings]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=2, max_size=8))
def test_cached_runs_equal_uncached_runs(steps: list[tuple[str, tuple[str, ...]]]) -> None:
    before = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder).resolve()
        for name, text in FILES.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        os.chdir(root)
        try:
            for action, arg in steps:
                if action == "edit":
                    name, old, new = arg
                    target = root / name
                    target.write_text(target.read_text(encoding="utf-8").replace(old, new),
                                      encoding="utf-8")
                    continue
                cached = _findings(root, arg, root / ".cache")
                assert cached == _findings(root, arg, None), arg
        finally:
            os.chdir(before)


def test_library_entries_keep_their_fields_after_a_claim_run(tmp_path: Path,
                                                             monkeypatch: object) -> None:
    """The reported case: a draft judged against the library, twice, with claims on."""
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        for _ in range(2):  # the second run reads the slim scan from the cache
            messages = [m for *_, m in _findings(tmp_path, ("a.md",), tmp_path / ".cache")]
            assert not [m for m in messages if "has no" in str(m)], messages
    finally:
        os.chdir(before)
