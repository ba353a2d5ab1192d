"""relbib's CSL rendering equals pandoc --citeproc reading the .bib itself.

The varied library (tests/render/data/varied.bib: 208 entries, 24 entry
types, crossref and xdata, TeX markup, particles, organisations, titles in nine languages,
missing fields) is read by relbib and rendered in four styles; pandoc reads
the same file with the same CSL style.  Each entry must print the same text,
or be listed in tests/render/known_differences.yaml with the reason.  The
per-style figures are printed (``pytest -s``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from relbib.formats import csljson
from relbib.formats.bibtex import entries_of, read_bib
from relbib.render import csl, format_entries
from relbib.render.csl import comparable_text, parse_html, reference_bibliography, style_path
from relbib.render.html import inline

DATA = Path(__file__).resolve().parent.parent / "render" / "data" / "varied.bib"
LEDGER = Path(__file__).resolve().parent.parent / "render" / "known_differences.yaml"
STYLES = ("apa", "chicago-author-date", "chicago-notes-bibliography", "mla")
# TeX markup that must never reach the reader: a brace, a backslash, a TeX
# dash ligature or a tie
_TEX = re.compile(r"[{}\\~]|--")


@cache
def _pandoc(style: str) -> dict[str, str]:
    return {r.key: comparable_text(r.text)
            for r in reference_bibliography(str(DATA), style_path(style))}


@cache
def _relbib(style: str) -> dict[str, str]:
    entries = entries_of(read_bib(DATA.read_text(encoding="utf-8"), path=str(DATA)))
    return {f.key: comparable_text(f.text) for f in format_entries(entries, style=style)}


def _ledger(style: str) -> dict[str, str]:
    out = {}
    for name, item in yaml.safe_load(LEDGER.read_text(encoding="utf-8")).items():
        if item["styles"] == "all" or style in item["styles"]:
            out.update({key: name for key in item["keys"]})
    return out


def test_the_library_is_varied() -> None:
    entries = entries_of(read_bib(DATA.read_text(encoding="utf-8"), path=str(DATA)))
    assert len(entries) >= 150
    assert len({e.type for e in entries}) >= 12


@pytest.mark.parametrize("style", STYLES)
def test_each_entry_prints_as_pandoc_prints_it_or_is_in_the_ledger(style: str) -> None:
    reference, ours, ledger = _pandoc(style), _relbib(style), _ledger(style)
    assert set(ours) == set(reference)
    equal = [k for k in reference if ours[k] == reference[k]]
    differ = {k: (reference[k], ours[k]) for k in reference if ours[k] != reference[k]}
    print(f"\n{style}: {len(equal)}/{len(reference)} equal ({100 * len(equal) / len(reference):.1f} %), "
          f"{len(differ)} in the known-differences ledger")
    unexplained = {k: v for k, v in differ.items() if k not in ledger}
    assert unexplained == {}
    stale = sorted(k for k in ledger if k not in differ)
    assert stale == [], "these entries now match pandoc: take them out of the ledger"


@pytest.mark.parametrize("style", STYLES)
def test_no_tex_markup_reaches_the_reader(style: str) -> None:
    reference, ours = _pandoc(style), _relbib(style)
    leaked = {k: t for k, t in ours.items() if _TEX.search(t) and not _TEX.search(reference.get(k, ""))}
    assert leaked == {}


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "mla"])
def test_a_long_list_prints_exactly_as_one_pandoc_call_prints_it(
        style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # the varied library, copies of some entries under new keys (the same
    # author and year: "2019a", "2019b") and of others a year earlier (the
    # same author: MLA's "---" for the author of the entry before), split as
    # a long list is
    entries = entries_of(read_bib(DATA.read_text(encoding="utf-8"), path=str(DATA)))
    items = [csl._as_pandoc_reads(csljson.to_csl(e)) for e in entries]
    items += [{**item, "id": f"{item['id']}-copy", "title": f"{item.get('title', '')} again"}
              for item in items[::7]]
    items += [{**item, "id": f"{item['id']}-earlier", "issued": {"date-parts": [[1901]]}}
              for item in items[3:186:11]]
    # works with no names whose citations print the same short title ("Title
    # A, 1995a"), though their titles differ
    items += [{"id": f"anonymous-{n}", "type": "book", "title": f"Title {n}", "title-short": "Title A",
               "issued": {"date-parts": [[1995]]}} for n in range(2)]
    whole = [(r.key, inline(r.text)) for r in parse_html(csl.run_pandoc(items, style_path(style)))]
    monkeypatch.setattr(csl, "_BATCH", 25)
    assert len(csl._batches(items)) > 1
    split = [(r.key, inline(r.text)) for r in csl.bibliography(items, style_path(style))]
    assert split == whole
    if style == "mla":
        assert any(">———" in text for _, text in whole)
    else:
        assert any(re.search(r"\d{4}[ab]\b", text) for _, text in whole)
        assert "1995a" in dict(whole)["anonymous-0"]
