"""Text for a terminal: control characters shown, never obeyed.

Input: text that may hold what a .bib, an essay or a YAML file put in it.
Output: the same text with every character a terminal would act on (ESC,
BEL, backspace, carriage return and the other C0 and C1 controls, DEL, and
the bidirectional overrides that reorder what a reader sees) spelled as a
visible escape: ``\\x1b``, ``\\x9b``, ``\\u202e``.
Never: change any other character, or touch text meant for a program
(``--format json`` escapes control characters itself; a file written with
``--output`` keeps its bytes).

Every writer of text meant for a person's terminal (``list``, ``search``,
``show``, ``check``'s text and GitHub output, ``render --format txt``,
messages on stderr) passes its text through :func:`terminal_text`.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls; the bidirectional
# embeddings, overrides and isolates (U+202A-202E, U+2066-2069), which can
# make a line read differently from what it holds ("Trojan Source").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _spelled(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, *, one_line: bool = False) -> str:
    """``text`` with the characters a terminal would obey shown as escapes.

    With ``one_line``, a tab or line break is shown too (a list row, a table
    cell: a field's line break must not start a row of its own).
    """
    pattern = _CONTROL_OR_LINE if one_line else _CONTROL
    return pattern.sub(_spelled, text)
