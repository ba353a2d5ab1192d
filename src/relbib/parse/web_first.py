"""Web notes the general reader must read before the humanities web-page shape.

Input: the text of one footnote.
Output: the FullRef of a note that is only a link (``read_bare_link``: a web
page with no title, type online); the FullRef of a quoted-title web note that prints a page's last change
("last modified May 2, 2020"), a video's site and running time, a program's
version, a blog's "(blog)" mark or a body led by "the" after a signal ("See the
Library of Congress, “…”"), read by the general reader's rules; else None.
Never: read a note the rules do not read whole (the other readers take it), or
touch files.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from relbib.model import FullRef, freeze_fields
from relbib.parse.reference import parse_reference

__all__ = ["read_bare_link", "read_web_first"]

# What only a web page or a program prints after its quoted title.
_WEB_MARKS = re.compile(
    r"(?i),\slast\s(?:updated|modified|revised|edited|changed)\s|\b(?:video|clip),\s\d{1,2}:\d{2}\b"
    r"|,\s(?:version|ver\.|v\.)\s?\d|\s\(blog\),|^the\s[A-Z]|,\s\d{1,2}:\d{2}\s?[ap]\.?\s?m\b"
)
_QUOTED_TITLE = re.compile(r"[\u201c\"][^\u201c\u201d\"]{2,300}[\u201d\"]")


# A note that is a link and nothing else, a signal aside: "See https://p5js.org/reference/.",
# "<https://roe.net/data>", "See Processing.org." (a site named by its domain).
_BARE_LINK = re.compile(
    r"^(?:(?:see|see\salso|cf\.)[,:]?\s)?<?(?P<url>(?:https?://|www\.)[^\s<>]+?"
    r"|[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:org|com|net|edu|io|gov|info)(?:/[^\s<>]*?)?)>?[.,;]?$",
    re.IGNORECASE,
)


def read_bare_link(text: str) -> FullRef | None:
    """The web page a note that is only its link cites: no title, author or date to read."""
    m = _BARE_LINK.match(text.strip())
    if m is None:
        return None
    url = m.group("url")
    return FullRef(text=text, type="online", fields=freeze_fields({"url": url}),
                   confidence=MappingProxyType({"url": 1.0}))


def read_web_first(text: str) -> FullRef | None:
    """The web page, video or program a quoted-title note cites, when the rules read it whole."""
    if not _WEB_MARKS.search(text) or not _QUOTED_TITLE.search(text):
        return None
    ref = parse_reference(text, note=True)
    if not isinstance(ref, FullRef) or not ref.confidence or min(ref.confidence.values()) < 1.0:
        return None
    return ref
