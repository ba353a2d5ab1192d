"""The registry of formatting styles: name -> pybtex style class.

Input: a style name (``--style``).
Output: the pybtex style class for it.
Never: format anything or do I/O.

plain, unsrt, alpha and abbrv print what BibTeX prints with the real .bst
(:mod:`relbib.render.styles.bst`, a port of plain.bst), in the .bst's order
with its labels (:mod:`relbib.render.styles.bst_order`).  These are
the BibTeX styles; every other style (Chicago,
APA, MLA, ...) is a CSL style rendered by pandoc's citeproc
(:mod:`relbib.render.csl`).  The same classes are registered with pybtex
through the ``pybtex.style.formatting`` entry points in pyproject.toml, so
``pybtex-format --style abbrv`` uses them too; this table works without the
entry points being installed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from pybtex.style.formatting import BaseStyle
from pybtex.style.formatting.alpha import Style as PybtexAlpha
from pybtex.style.formatting.plain import Style as PybtexPlain
from pybtex.style.formatting.unsrt import Style as PybtexUnsrt

from relbib.render.styles import abbrv
from relbib.render.styles.bst import BstStyle
from relbib.render.styles.bst_order import BstSorting, alpha_labels


class Plain(BstStyle, PybtexPlain):
    default_sorting_style = BstSorting


class Unsrt(BstStyle, PybtexUnsrt):
    pass


class Alpha(BstStyle, PybtexAlpha):
    def format_entries(self, entries: Any, bib_data: Any = None) -> Iterator[Any]:
        """alpha.bst's order and labels ("Smi10a"), not pybtex's."""
        for label, entry in alpha_labels(entries):
            yield self.format_entry(label, entry, bib_data=bib_data)


STYLES: Mapping[str, type[BaseStyle]] = MappingProxyType({
    "plain": Plain,
    "unsrt": Unsrt,
    "alpha": Alpha,
    "abbrv": abbrv.Style,
})

# Styles whose entries carry a visible label ([1], [Kha21]); a CSL style
# prints its own label inside the reference.
LABELLED = frozenset({"plain", "unsrt", "alpha", "abbrv"})
