"""relbib's BibTeX styles print what BibTeX itself prints with the real .bst.

The render test library (every entry type relbib's BibTeX styles know) is
written as the .bib relbib gives BibTeX (:func:`relbib.export.lists.latex_bundle`,
engine ``bibtex``); real ``bibtex`` runs each of plain, unsrt, alpha and
abbrv over it (an .aux that cites every entry, in the library's order), and
the .bbl is turned into text.  Each entry must print as relbib's pybtex style
prints it, or be listed in tests/render/bibtex_known_differences.yaml with
the reason; the entries come in BibTeX's order with BibTeX's labels ([1],
[KA21]).  The varied library (tests/render/data/varied.bib, a person's own
TeX markup: braces, \\emph, accents, month macros) goes to bibtex as it is
written.  The per-style figures are printed (``pytest -s``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import Data, need, run

from relbib.crosswalk import BIBTEX_STYLE_TYPES
from relbib.export.lists import latex_bundle
from relbib.formats import texmarkup
from relbib.formats.bibtex import entries_of, read_bib
from relbib.formats.bibvalues import Latex
from relbib.model import Entry
from relbib.render import format_entries
from relbib.render.rich import plain_text

LEDGER = Path(__file__).resolve().parent.parent / "render" / "bibtex_known_differences.yaml"
VARIED = Path(__file__).resolve().parent.parent / "render" / "data" / "varied.bib"
STYLES = ("plain", "unsrt", "alpha", "abbrv")
# one \bibitem[label]{key} of a .bbl (a label may hold {\etalchar{+}})
_BIBITEM = re.compile(r"\\bibitem(?:\[((?:[^\]{}]|\{[^}]*\}|\{[^{}]*\{[^}]*\}\})*)\])?\{([^}]*)\}")


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def bbl_text(bbl: str) -> dict[str, str]:
    """Each entry of a .bbl as the text it typesets (key -> text)."""
    body = bbl.split("\\begin{thebibliography}", 1)[-1].rsplit("\\end{thebibliography}", 1)[0]
    starts = list(_BIBITEM.finditer(body))
    out = {}
    for match, following in zip(starts, [*starts[1:], None], strict=True):
        item = body[match.end(): following.start() if following else len(body)]
        out[match[2]] = _words(texmarkup.clean(Latex(item.replace("\\newblock", " "))))
    return out


def bbl_labels(bbl: str) -> list[tuple[str, str]]:
    """The .bbl's (label, key) pairs in its order; a numbered style's label is
    the entry's number, as LaTeX prints it."""
    return [(texmarkup.clean(Latex(m[1])) if m[1] else str(n), m[2])
            for n, m in enumerate(_BIBITEM.finditer(bbl), start=1)]


def _bibtex(tmp_path: Path, data: Data, style: str) -> str:
    """The .bbl that real bibtex writes for ``data`` in ``style``."""
    need("bibtex")
    bundle = latex_bundle(data.entries, {}, engine="bibtex", bib_name="library")
    (tmp_path / "library.bib").write_text(bundle.bib, encoding="utf-8")
    citations = "".join(f"\\citation{{{e.key}}}\n" for e in data.entries)
    (tmp_path / "doc.aux").write_text(f"{citations}\\bibstyle{{{style}}}\n\\bibdata{{library}}\n",
                                      encoding="utf-8")
    done = run(["bibtex", "doc"], tmp_path)
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 1: warnings only
    return (tmp_path / "doc.bbl").read_text(encoding="utf-8")


def _ledger(style: str, library: str = "library", what: str = "text") -> dict[str, str]:
    """The ledgered entries (key -> reason) whose ``what`` (text or order) differs."""
    out = {}
    for name, item in yaml.safe_load(LEDGER.read_text(encoding="utf-8")).items():
        if (item.get("library", "library"), item.get("what", "text")) == (library, what) \
                and (item["styles"] == "all" or style in item["styles"]):
            out.update({key: name for key in item["keys"]})
    return out


def _differences(reference: dict[str, str], entries: list[Entry], style: str,
                 library: str) -> dict[str, tuple[str, str]]:
    """The entries that print otherwise than in ``reference`` and are not in
    the ledger; fails too when a ledgered entry prints the same."""
    ours = {f.key: _words(plain_text(f.text)) for f in format_entries(entries, style=style)}
    assert set(ours) == set(reference)
    differ = {k: (reference[k], ours[k]) for k in reference if ours[k] != reference[k]}
    equal = len(reference) - len(differ)
    print(f"\n{library} {style}: {equal}/{len(reference)} equal to bibtex "
          f"({100 * equal / len(reference):.1f} %), {len(differ)} in the known-differences ledger")
    ledger = _ledger(style, library)
    assert sorted(k for k in ledger if k not in differ) == [], \
        "these entries now match bibtex: take them out of the ledger"
    return {k: v for k, v in differ.items() if k not in ledger}


def test_bbl_text_reads_what_bibtex_typesets() -> None:
    bbl = ("\\begin{thebibliography}{1}\n\\bibitem{k1}\nA.~N. Author.\n\\newblock {\\em Title}, "
           "pages 1--2, 2020.\n\n\\bibitem[Aut20]{k2}\nB.~Caf{\\'e}.\n\n"
           "\\bibitem[ABG{\\etalchar{+}}19]{k3}\nC.\n\\end{thebibliography}\n")
    assert bbl_text(bbl) == {"k1": "A. N. Author. Title, pages 1–2, 2020.", "k2": "B. Café.", "k3": "C."}
    assert bbl_labels(bbl) == [("1", "k1"), ("Aut20", "k2"), ("ABG+19", "k3")]


@pytest.mark.parametrize("style", STYLES)
def test_entries_come_in_bibtex_order_with_its_labels(
        tmp_path: Path, library_data: Data, style: str) -> None:
    reference = bbl_labels(_bibtex(tmp_path, library_data, style))
    ours = [(f.label, f.key) for f in format_entries(library_data.entries, style=style)]
    assert ours == reference


@pytest.mark.parametrize("style", STYLES)
def test_each_entry_prints_as_bibtex_prints_it_or_is_in_the_ledger(
        tmp_path: Path, library_data: Data, style: str) -> None:
    reference = bbl_text(_bibtex(tmp_path, library_data, style))
    assert _differences(reference, list(library_data.entries), style, "library") == {}


def _as_bibtex_reads_it(entry: Entry) -> bool:
    """False for an entry whose date is only biblatex's ``date``, or whose URL
    only a type BibTeX does not know holds: BibTeX ignores both, relbib prints
    them as the .bib it writes for BibTeX does (compared above)."""
    if "date" in entry.fields and "year" not in entry.fields:
        return False
    return entry.type in BIBTEX_STYLE_TYPES or "url" not in entry.fields or "howpublished" in entry.fields


@pytest.mark.parametrize("style", STYLES)
def test_a_persons_own_bib_prints_as_bibtex_prints_it(tmp_path: Path, style: str) -> None:
    need("bibtex")
    text = VARIED.read_text(encoding="utf-8")
    entries = [e for e in entries_of(read_bib(text, path=str(VARIED))) if _as_bibtex_reads_it(e)]
    assert len(entries) > 120
    (tmp_path / "library.bib").write_text(text, encoding="utf-8")
    citations = "".join(f"\\citation{{{e.key}}}\n" for e in entries)
    (tmp_path / "doc.aux").write_text(f"{citations}\\bibstyle{{{style}}}\n\\bibdata{{library}}\n",
                                      encoding="utf-8")
    done = run(["bibtex", "doc"], tmp_path)
    assert done.returncode in (0, 1, 2), done.stdout + done.stderr  # 2: a name ends in a comma
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert _differences(bbl_text(bbl), entries, style, "varied") == {}
    # the order and labels of the entries the ledger does not name
    ledger = _ledger(style, "varied", "order")
    ours = [(f.label, f.key) for f in format_entries(entries, style=style) if f.key not in ledger]
    reference = [(label, key) for label, key in bbl_labels(bbl) if key not in ledger]
    assert [key for _, key in ours] == [key for _, key in reference]
    full = [f.key for f in format_entries(entries, style=style)]
    assert not ledger or full != [key for _, key in bbl_labels(bbl)], \
        "the order now matches bibtex: take the order entries out of the ledger"
    if style == "alpha":
        assert ours == reference
