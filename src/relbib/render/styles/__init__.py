"""The registry of formatting styles: name -> pybtex style class.

Input: a style name (``--style``).
Output: the pybtex style class for it.
Never: format anything or do I/O.

pybtex's own plain, unsrt and alpha are wrapped only so that an entry missing
a required field is still formatted and braces do not upset the sort order;
abbrv is relbib's.  These are the BibTeX styles; every other style (Chicago,
APA, MLA, ...) is a CSL style rendered by pandoc's citeproc
(:mod:`relbib.render.csl`).  The same classes are registered with pybtex
through the ``pybtex.style.formatting`` entry points in pyproject.toml, so
``pybtex-format --style abbrv`` uses them too; this table works without the
entry points being installed.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from pybtex.style.formatting import BaseStyle
from pybtex.style.formatting.alpha import Style as PybtexAlpha
from pybtex.style.formatting.plain import Style as PybtexPlain
from pybtex.style.formatting.unsrt import Style as PybtexUnsrt

from relbib.render.styles import abbrv
from relbib.render.styles._common import LenientStyle, PurifiedAuthorYearTitle


class Plain(LenientStyle, PybtexPlain):
    default_sorting_style = PurifiedAuthorYearTitle


class Unsrt(LenientStyle, PybtexUnsrt):
    pass


class Alpha(LenientStyle, PybtexAlpha):
    default_sorting_style = PurifiedAuthorYearTitle


STYLES: Mapping[str, type[BaseStyle]] = MappingProxyType({
    "plain": Plain,
    "unsrt": Unsrt,
    "alpha": Alpha,
    "abbrv": abbrv.Style,
})

# Styles whose entries carry a visible label ([1], [Kha21]); a CSL style
# prints its own label inside the reference.
LABELLED = frozenset({"plain", "unsrt", "alpha", "abbrv"})
