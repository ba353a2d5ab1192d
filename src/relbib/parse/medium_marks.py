"""Square-bracketed marks after a title in French notes: the medium ("[en ligne]",
"[microfiche]", "[courriel]") and the day the page was read ("[consulté le 9 janvier 2017]").

Input: the text of one citation.
Output: :func:`without_marks` gives the citation without them and the access date as
printed (or ""); None when it holds none.
Never: take a bracket of the title or the facts (only the media of lexicon/medium_marks.txt
and an access date); look at other notes; touch a file.
"""

from __future__ import annotations

import re
from functools import cache

from relbib import lexicon

__all__ = ["without_marks"]

# "[consulté le 9 janvier 2017]", "[consultato il 3 marzo 2022]", "[accessed on 2 May 2020]".
_ACCESSED = re.compile(
    r",?\s?\\?\[(?i:consult[ée]|consultato|consultado|accessed|visited)(?:\s(?:le|il|el|on))?:?\s(?P<date>[^\[\]]{4,40})\\?\]"
)


@cache
def _medium() -> re.Pattern[str]:
    marks = "|".join(r"\s".join(map(re.escape, m.split())) for m in lexicon.medium_marks())
    return re.compile(rf"\s?\\?\[(?i:{marks})\\?\]")


def without_marks(text: str) -> tuple[str, str] | None:
    """``text`` without its medium and access-date brackets, and the access date; None when it has none."""
    accessed = _ACCESSED.search(text)
    clean = _medium().sub("", _ACCESSED.sub("", text))
    if clean == text:
        return None
    clean = re.sub(r",\s*(?=[,.]|$)", "", clean).rstrip(" ,")
    return (clean if clean.endswith(".") else clean + "."), (accessed.group("date").strip() if accessed else "")
