"""Characters a source holds that are a font's glyph, not text a reader can read.

Input: a run of source characters (a .tex file's text, a document's run).
Output: the runs of it to spell otherwise — a ligature glyph as its letters
("ﬁ" → "fi"; the legacy private-use "fi"/"fl" of Adobe's and Apple's fonts,
U+F001/U+F002), a private-use character nobody can read as nothing — and a
message naming where such an unreadable character stood.
Never: guess what a font-specific private-use code point spells (U+E000–U+F8FF
mean what each font says), drop one without the reader being told, or touch a file.
"""

from __future__ import annotations

import re

__all__ = ["glyph_runs", "unreadable_glyph_message"]

# Unicode's Alphabetic Presentation Forms (U+FB00–U+FB06), which PDF copy-and-paste
# brings into sources, and the two private-use ligatures of the Adobe Glyph List's
# legacy mappings (U+F001 "fi", U+F002 "fl", also in Apple's Mac OS Roman table).
_LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\uf001": "fi", "\uf002": "fl",
}
_GLYPH = re.compile("[\ue000-\uf8ff\ufb00-\ufb06]")


def glyph_runs(text: str) -> tuple[tuple[int, str], ...]:
    """(index, spelling) of each glyph in ``text``: a ligature's letters, or ""
    for a private-use character no table spells (its reader warns of it)."""
    return tuple((m.start(), _LIGATURES.get(m.group(), "")) for m in _GLYPH.finditer(text))


def unreadable_glyph_message(source: str, offset: int) -> tuple[str, int]:
    """(message, line) for the private-use character at ``offset`` of ``source``,
    which the reader dropped: the line and column, and what the user may do."""
    line = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return (f"line {line}, column {column}: private-use character U+{ord(source[offset]):04X} "
            "(a font's glyph, perhaps a ligature) cannot be read and was dropped; "
            "retype the letters it stands for", line)
