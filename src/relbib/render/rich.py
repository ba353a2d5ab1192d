"""Walk pybtex's neutral rich text once for every backend.

Input: a pybtex rich text value (Text, String, Tag, HRef, Protected, Symbol).
Output: whatever the backend's callbacks build from it.
Never: spell any output syntax here; backends do that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from pybtex.richtext import BaseMultipartText, HRef, String, Symbol, Tag

from relbib.render.convert import restore

T = TypeVar("T")

# pybtex's symbols as characters; newblock separates blocks of one entry
SYMBOLS = {"ndash": "\u2013", "nbsp": "\u00a0", "newblock": " "}
# schemes a link may use; any other URL (javascript:, data:) stays text
_SAFE_URL = re.compile(r"^(?:(?:https?|ftp)://|mailto:)\S+$", re.IGNORECASE)
# characters a URL may not hold as such (RFC 3986), percent-encoded; a pasted
# URL with a space or a bracket is still the link its author meant
_URL_ENCODE = re.compile(r"[\x00-\x20\x7f<>\"\\^`{|}]")


def safe_url(url: str) -> str | None:
    """``url`` (percent-encoded) when it is safe to make a link of, else None."""
    url = _URL_ENCODE.sub(lambda m: f"%{ord(m.group(0)):02X}", restore(url).strip())
    return url if _SAFE_URL.match(url) else None


def spell(
    text: Any,
    *,
    string: Callable[[str], T],
    tag: Callable[[str, list[T]], T],
    link: Callable[[str, list[T]], T],
    group: Callable[[list[T]], T],
) -> T:
    """Fold ``text`` bottom-up: strings, tags (em, strong, ...), links, groups."""
    if isinstance(text, String):
        return string(restore(text.value))
    if isinstance(text, Symbol):
        return string(SYMBOLS.get(text.name, ""))
    if isinstance(text, str):
        return string(restore(text))
    if isinstance(text, BaseMultipartText):
        parts = [spell(p, string=string, tag=tag, link=link, group=group) for p in text.parts]
        if isinstance(text, Tag):
            return tag(text.name, parts)
        if isinstance(text, HRef):
            return link(text.url, parts)
        return group(parts)
    raise TypeError(f"not rich text: {text!r}")


def plain_text(text: Any) -> str:
    """The words of ``text`` with no markup (for sorting, tests, plain text)."""
    return spell(
        text,
        string=lambda s: s,
        tag=lambda _name, parts: "".join(parts),
        link=lambda _url, parts: "".join(parts),
        group="".join,
    )
