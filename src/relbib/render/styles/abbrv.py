"""BibTeX's abbrv, as a pybtex style: plain with initials and short months.

Input: pybtex entries.
Output: pybtex rich text, e.g. ``A. Khan and O. Ali. Title. *Journal*, 12(3):43–65, Mar. 2021.``
Never: read files.  pybtex ships plain, unsrt and alpha but no abbrv.
"""

from __future__ import annotations

from typing import Any

from pybtex.style.formatting.plain import Style as PlainStyle

from relbib import lexicon
from relbib.render.styles.bst import BstStyle
from relbib.render.styles.bst_order import BstSorting

# abbrv.bst's month macros: "jan" -> "Jan.", May, June and July unabbreviated
_SHORT_MONTHS = {name.lower(): short for name, short in
                 zip(lexicon.months("en"), lexicon.months("en", "abbrv.bst"), strict=True)}


class Style(BstStyle, PlainStyle):
    default_sorting_style = BstSorting

    def __init__(self, **kwargs: Any) -> None:
        # abbrv.bst always gives initials (pybtex-format passes False by default)
        kwargs["abbreviate_names"] = True
        super().__init__(**kwargs)

    def short_month(self, month: str) -> str:
        """The month as abbrv.bst's month macro prints it ("March" -> "Mar.")."""
        return _SHORT_MONTHS.get(month.strip().lower(), month)
