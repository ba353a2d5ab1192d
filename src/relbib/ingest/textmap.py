"""Plain text built from a richer source, with one source offset per character.

Input: pieces of source text (copied or implied) with their source offsets.
Output: the plain text and its offset map back to the source.
Never: read files or interpret markup (the Markdown and HTML readers do).
"""

from __future__ import annotations

# --- plain text with an offset map -------------------------------------------------


class TextBuilder:
    """Plain text built piece by piece, each character remembering its source offset."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, src: int) -> None:
        """Source text copied verbatim from ``src``."""
        self.chars.extend(text)
        self.offsets.extend(range(src, src + len(text)))

    def generated(self, text: str, src: int) -> None:
        """Text the source implies (a note number, a line break) placed at ``src``."""
        self.chars.extend(text)
        self.offsets.extend([src] * len(text))

    def trim_spaces(self) -> None:
        while self.chars and self.chars[-1] in " \t":
            self.chars.pop()
            self.offsets.pop()

    def newlines(self, count: int, src: int) -> None:
        """End the current line (count=1) or paragraph (count=2)."""
        self.trim_spaces()
        if not self.chars:
            return
        have = 0
        while have < len(self.chars) and self.chars[-1 - have] == "\n":
            have += 1
        if have < count:
            self.generated("\n" * (count - have), src)

    def ends_with_space(self) -> bool:
        return not self.chars or self.chars[-1] in " \n"

    def __len__(self) -> int:
        return len(self.chars)

    def text(self) -> str:
        return "".join(self.chars)


def finish(out: TextBuilder) -> str:
    """The builder's text without trailing whitespace."""
    while out.chars and out.chars[-1].isspace():
        out.chars.pop()
        out.offsets.pop()
    return out.text()
