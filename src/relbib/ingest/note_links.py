"""Markdown links and code in a lesson's footnotes: what the note keeps of them.

Input: the text of a Markdown essay (offsets into it).
Output: where a footnote's link should print its address (a note that names a
web page by a linked word, "[Bristol Archives](https://…), accessed …", cites
that address), and the stretches of fenced code, where "[^1]" is an example of
the syntax, not a marker or a note.
Never: change the essay's text or read files.
"""

from __future__ import annotations

import re

__all__ = ["fenced_spans", "in_spans", "kept_link_url"]

# A link's target: "(https://… "title")" after its text.
_TARGET = re.compile(r"\]\(\s*<?(?P<url>https?://[^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+\"[^\"]*\")?\s*\)$")
_URLISH = re.compile(r"(?i)^\s*(?:<?https?://|www\.|doi:)")
# The end of the link's sentence or citation: a full stop (not an initial's, "Edward L. Ayres") before
# a capital or the end, or a semicolon.
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])\.(?=\s+[A-Z\u201c\"(]|\s*$)|;")
_QUOTE_MARKS = frozenset("\"\u201d\u2019'")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)


def kept_link_url(text: str, link: str, link_start: int, link_end: int, text_start: int,
                  text_end: int, end: int) -> tuple[int, str] | None:
    """(where to print it, the address) for a link in a note that ends the note or a
    chunk of it ("[Site](url), accessed …", "*[Title](url)*."): the address goes
    at the end of the link's sentence; or None: a link
    whose words are its address, or inside a quoted title ("“[Title](url),”"),
    or in the middle of a sentence keeps only its words."""
    target = _TARGET.search(link)
    if target is None or _URLISH.match(text[text_start:text_end]):
        return None
    after = link_end
    while after < end and text[after] in "*_":
        after += 1
    following = text[after:min(after + 2, end)]
    first, second = following[:1], following[1:2]
    if first in _QUOTE_MARKS or (first and first in ",.;:" and second in _QUOTE_MARKS):
        return None
    if first and first not in ",.;:)" and following.strip():
        return None
    if target.group("url") in text[max(0, link_start - 300):link_start]:
        return None  # the address is already printed before the link
    # Chicago prints the address last: at the end of the link's sentence
    # ("[Data](url), unpublished raw data, 2017. The dataset …" → "…, 2017, url.")
    stop = _SENTENCE_END.search(text, after, end)
    at = stop.start() if stop else end
    while at > after and text[at - 1] in " \t.;":
        at -= 1
    return at, target.group("url")


def fenced_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the fenced code blocks (``` or ~~~), fences included."""
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    for m in _FENCE.finditer(text):
        if opened is None:
            opened = (m.start(), m.group(1)[0])
        elif m.group(1)[0] == opened[1]:
            close = text.find("\n", m.end())
            spans.append((opened[0], len(text) if close < 0 else close))
            opened = None
    if opened is not None:
        spans.append((opened[0], len(text)))
    return tuple(spans)


def in_spans(offset: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether ``offset`` falls inside one of ``spans``."""
    return any(a <= offset < b for a, b in spans)
