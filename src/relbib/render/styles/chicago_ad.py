"""Chicago Manual of Style (17th ed.), author-date: reference-list entries.

Input: pybtex entries.
Output: pybtex rich text per entry, e.g.
``Khan, Ayesha. 2021. “Title.” *Journal* 12 (3): 43–65.``
Never: read files or import relbib outside ``relbib.render.styles``.

Registered for pybtex as ``chicago-ad``.
"""

from __future__ import annotations

from relbib.render.styles._common import AuthorDateSorting
from relbib.render.styles.chicago_nb import ChicagoStyle


class Style(ChicagoStyle):
    """``chicago-ad``: the year follows the author; sorted author, year, title."""

    author_date = True
    default_sorting_style = AuthorDateSorting
