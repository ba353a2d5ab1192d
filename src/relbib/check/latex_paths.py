"""Paths as a LaTeX file writes them in \\input, \\import and \\bibliography arguments.

Input: the text of one argument, and the plain macros the file defines.
Output: the path with subfiles' ``\\subfix{…}`` unwrapped and the file's own
parameterless macros (``\\def\\PATH{.}``) written out.
Never: read a file, or expand a macro with parameters.
"""

from __future__ import annotations

import re

# macros that only wrap a path: subfiles' \subfix{...} (the path from the main file)
_PATH_WRAPPER = re.compile(r"\\subfix\s*\{(?P<path>[^{}]*)\}")


def unwrapped_path(written: str, macros: dict[str, str] | None = None) -> str:
    """``\\subfix{refs.bib}`` → ``refs.bib``, ``\\PATH/ch1`` → ``./ch1`` (a macro the file
    defines); any other path as it is."""
    m = _PATH_WRAPPER.fullmatch(written)
    written = m.group("path").strip() if m else written
    if macros and "\\" in written:
        written = _MACRO_USE.sub(lambda u: macros.get(u.group("name"), u.group(0)), written)
    return written


# a parameterless macro with a plain value: \def\PATH{.}, \newcommand{\bibdir}{refs/}
_PATH_MACRO = re.compile(
    r"\\(?:def|(?:re)?newcommand\*?|providecommand\*?)[ \t]*\{?[ \t]*\\(?P<name>[A-Za-z]+)[ \t]*\}?"
    r"[ \t]*\{(?P<value>[^{}#\\\n]*)\}")
_MACRO_USE = re.compile(r"\\(?P<name>[A-Za-z]+)(?:\{\})?[ \t]*")


def path_macros(text: str) -> dict[str, str]:
    """The parameterless macros with a plain value that ``text`` defines (the last wins)."""
    return {m.group("name"): m.group("value").strip() for m in _PATH_MACRO.finditer(text)}
