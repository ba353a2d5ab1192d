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


@pytest.mark.parametrize("style", ["apa", "chicago-author-date"])
def test_one_authors_works_of_every_year_print_as_one_call_prints_them(
        style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # people of one family name with undated works, some sharing initials
    # (Alan and Arthur, John and Jim), and dated works of theirs: whether
    # citeproc adds the given name, and so which undated work gets which
    # suffix ("n.d.-f"), depends on the dated works (the shape of biblatex's
    # test data that a split by year printed as "n.d.-a")
    def work(key: str, given: str, year: int | None = None, **name: str) -> dict[str, object]:
        item: dict[str, object] = {"id": key, "type": "article-journal",
                                   "author": [{"family": "Okafor", "given": given, **name}]}
        if year:
            item["issued"] = {"date-parts": [[year]]}
        return item
    items = [work("alan", "Alan")] + [work(f"arthur-{n}", "Arthur") for n in range(4)]
    items += [work("zed", "Z."), work("zed-de", "Z.", **{"dropping-particle": "de"})]
    items += [work(f"john-{n}", "John") for n in range(2)]
    items += [work("jim-1995", "Jim", 1995), work("arthur-2000", "Arthur", 2000),
              work("alan-1034", "Alan", 1034)]
    items += [{"id": f"other-{n}", "type": "book", "title": f"Other {n}",
               "author": [{"family": f"Family{n}", "given": "A."}], "issued": {"date-parts": [[1990 + n]]}}
              for n in range(30)]
    items += [{**item, "id": f"{item['id']}-again"} for item in items[-30:-20]]
    whole = [(r.key, inline(r.text)) for r in parse_html(csl.run_pandoc(items, style_path(style)))]
    monkeypatch.setattr(csl, "_BATCH", 25)
    split = [(r.key, inline(r.text)) for r in csl.bibliography(items, style_path(style))]
    assert split == whole
    assert any("n.d.-" in text for _, text in whole)


def test_every_call_runs_the_pandoc_the_wheel_ships(monkeypatch: pytest.MonkeyPatch) -> None:
    # pypandoc's search also finds an older pandoc on PATH, and asked from two
    # threads at once it once answered with that one: a long list's parallel
    # calls printed "Sep." beside "Sept."
    import subprocess

    import pypandoc

    monkeypatch.setattr(pypandoc, "get_pandoc_path", lambda: "pandoc")
    csl.pandoc_path.cache_clear()
    path = Path(csl.pandoc_path())
    csl.pandoc_path.cache_clear()
    assert path.parent == Path(pypandoc.__file__).resolve().parent / "files"
    version = subprocess.run([str(path), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("pandoc 3.")


# the shapes of held-out entries relbib printed otherwise than pandoc (names
# and titles made up): straight double quotes are characters, not a quotation;
# a hyphen in a formula is a minus sign and relations stand apart; a language
# babel names otherwise ("sanskrit") leaves a title's case alone
_SHAPES = r"""
@book{series2022, author = {Petrova, Anna}, title = {Kak pisat' zametki}, year = {2022},
  publisher = {Mann}, series = {Seriya "Mezhdu strok"}}
@article{quoted2016, author = {Levi, Dan}, title = {"Good news": a pill for everyone},
  journal = {Ynet}, year = {2016}}
@article{charge1993, author = {Moser, Hans}, title = {Injection into ${\mathit{e}}^{-}$ storage
  rings at $T=0$ and $N\ge 3$}, journal = {Phys. Rev. E}, volume = {48}, year = {1993}}
@misc{term, langid = {sanskrit}, title = {jñāna}}
"""


@pytest.mark.parametrize("style", STYLES)
def test_shapes_of_held_out_entries_print_as_pandoc_prints_them(style: str, tmp_path: Path) -> None:
    bib = tmp_path / "shapes.bib"
    bib.write_text(_SHAPES, encoding="utf-8")
    reference = {r.key: comparable_text(r.text) for r in reference_bibliography(str(bib), style_path(style))}
    entries = entries_of(read_bib(_SHAPES, path=str(bib)))
    ours = {f.key: comparable_text(f.text) for f in format_entries(entries, style=style)}
    assert ours == reference
