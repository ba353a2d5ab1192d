"""BibTeX's abbrv, as a pybtex style: plain with initials and short months.

Input: pybtex entries.
Output: pybtex rich text, e.g. ``A. Khan and O. Ali. Title. *Journal*, 12(3):43–65, Mar. 2021.``
Never: read files.  pybtex ships plain, unsrt and alpha but no abbrv.
"""

from __future__ import annotations

from typing import Any

from pybtex.style.formatting.plain import Style as PlainStyle

from relbib import lexicon
from relbib.render.styles._common import LenientStyle, PurifiedAuthorYearTitle

# abbrv.bst's month macros: "jan" -> "Jan.", May, June and July unabbreviated
_SHORT_MONTHS = {name.lower(): short for name, short in
                 zip(lexicon.months("en"), lexicon.months("en", "abbrv.bst"), strict=True)}


class Style(LenientStyle, PlainStyle):
    default_sorting_style = PurifiedAuthorYearTitle

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("abbreviate_names", True)
        super().__init__(**kwargs)

    def format_entry(self, label: str, entry: Any, bib_data: Any = None) -> Any:
        month = entry.fields.get("month", "")
        short = _SHORT_MONTHS.get(month.strip().lower())
        if short and short != month:
            entry = _with_month(entry, short)
        return super().format_entry(label, entry, bib_data=bib_data)


def _with_month(entry: Any, month: str) -> Any:
    from pybtex.database import Entry

    fields = dict(entry.fields)
    fields["month"] = month
    copy = Entry(entry.type, fields=fields, persons=entry.persons)
    copy.key = entry.key
    return copy
