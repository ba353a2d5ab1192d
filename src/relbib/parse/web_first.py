"""Web notes the general reader must read before the humanities web-page shape.

Input: the text of one footnote.
Output: the FullRef of a quoted-title web note that prints a page's last change
("last modified May 2, 2020"), a video's site and running time, a program's
version, a blog's "(blog)" mark or a body led by "the" after a signal ("See the
Library of Congress, “…”"), read by the general reader's rules; else None.
Never: read a note the rules do not read whole (the other readers take it), or
touch files.
"""

from __future__ import annotations

import re

from relbib.model import FullRef
from relbib.parse.reference import parse_reference

__all__ = ["read_web_first"]

# What only a web page or a program prints after its quoted title.
_WEB_MARKS = re.compile(
    r"(?i),\slast\s(?:updated|modified|revised|edited|changed)\s|\b(?:video|clip),\s\d{1,2}:\d{2}\b"
    r"|,\s(?:version|ver\.|v\.)\s?\d|\s\(blog\),|^the\s[A-Z]|,\s\d{1,2}:\d{2}\s?[ap]\.?\s?m\b"
)
_QUOTED_TITLE = re.compile(r"[\u201c\"][^\u201c\u201d\"]{2,300}[\u201d\"]")


def read_web_first(text: str) -> FullRef | None:
    """The web page, video or program a quoted-title note cites, when the rules read it whole."""
    if not _WEB_MARKS.search(text) or not _QUOTED_TITLE.search(text):
        return None
    ref = parse_reference(text, note=True)
    if not isinstance(ref, FullRef) or not ref.confidence or min(ref.confidence.values()) < 1.0:
        return None
    return ref
