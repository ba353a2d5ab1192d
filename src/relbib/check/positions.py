"""Line and column numbers of offsets in a draft's text.

Input: the text of one draft (LaTeX or Markdown), then offsets into it.
Output: 1-based (line, column) pairs, as findings report them.
Never: read files or interpret the text's markup.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_NEWLINE = re.compile("\n")


class Positions:
    """Offset → 1-based (line, column) in one text."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
