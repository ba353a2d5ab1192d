"""Bytes a library file could not decode, kept as they were.

Input: text decoded with Python's "surrogateescape" (workspace/ledger.py):
each byte that is not UTF-8 is a lone surrogate U+DC80..U+DCFF.
Output: the same text with each such byte shown as its Windows-1252
character, for values, names and messages.
Never: change the text a writer puts back into the file (that keeps the
surrogates, and so the original bytes).
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\udc80-\udcff]")


def readable(text: str) -> str:
    """``text`` with each kept undecodable byte shown as its cp1252 character
    (a Latin-1 "é" in a UTF-8 file reads as "é")."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(
        lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text)
