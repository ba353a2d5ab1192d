"""The text of one editor document: positions, the citation under the cursor, the sentence.

Input: a document's text (LaTeX, pandoc Markdown or BibTeX) and an editor
position (0-based line, column in the client's code units).
Output: character offsets and back, the citation being typed (its command,
the key prefix and the range to replace), the key under the cursor, the
sentence being written, and a one-line summary of an entry's fields.
Never: read a file, import pygls, or raise on any text (malformed input gives
"nothing here").

Editors count columns in UTF-16 code units unless they negotiate otherwise;
relbib's findings count characters.  :class:`LineIndex` converts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from relbib.check.records import DraftCitation

__all__ = ["CiteContext", "KeySpan", "LineIndex", "bib_key_spans", "cite_context", "citation_at",
           "entry_summary", "key_span_at", "sentence_before"]

# How far back from the cursor a citation command or a sentence may start: a
# 1 MB run of "\cite{" must not make every keystroke read the whole document.
_WINDOW = 600


class LineIndex:
    """Offsets ↔ (line, column) of one text, in an encoding's code units."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._ascii: dict[int, bool] = {}  # line → its text is ASCII (columns are offsets)

    def _ascii_line(self, line: int) -> bool:
        held = self._ascii.get(line)
        if held is None:
            held = self.encoding == "utf-32" or self.line_text(line).isascii()
            self._ascii[line] = held
        return held

    def _units(self, chars: str) -> int:
        if self.encoding == "utf-32" or chars.isascii():
            return len(chars)
        if self.encoding == "utf-8":
            return len(chars.encode("utf-8", "surrogatepass"))
        return len(chars) + sum(1 for ch in chars if ord(ch) > 0xFFFF)

    def line_text(self, line: int) -> str:
        if not 0 <= line < len(self.starts):
            return ""
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[line]:end]

    def offset(self, line: int, column: int) -> int:
        """The character offset of an editor position (clamped into the text)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        chars = self.line_text(line)
        if self._ascii_line(line):
            return self.starts[line] + max(0, min(column, len(chars)))
        units = 0
        for i, ch in enumerate(chars):
            if units >= column:
                return self.starts[line] + i
            units += self._units(ch)
        return self.starts[line] + len(chars)

    def position(self, offset: int) -> tuple[int, int]:
        """The editor (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        if self._ascii_line(line):
            return line, offset - self.starts[line]
        return line, self._units(self.text[self.starts[line]:offset])

    def from_finding(self, line: int, column: int) -> int:
        """The offset of a finding's 1-based line and character column."""
        if not 1 <= line <= len(self.starts):
            return 0 if line < 1 else len(self.text)
        return min(self.starts[line - 1] + max(column, 1) - 1,
                   len(self.text))


@dataclass(frozen=True, slots=True, kw_only=True)
class CiteContext:
    """A citation being typed: the key prefix and the offsets it spans."""

    command: str  # "\\citep", "@"
    prefix: str
    start: int  # offset of the prefix's first character
    end: int  # the cursor


# A citation command's name and what may stand between it and the open key
# group: a star, optional arguments, and earlier groups of a multicite
# (\cites[p.~4]{a}[5]{b, ...).
_LATEX_OPEN = re.compile(
    r"\\(?P<cmd>[A-Za-z]+)\*?"
    r"(?:\s*(?:\[[^\[\]]*\]|\([^()]*\)|<[^<>]*>|\{[^{}]*\}))*?"
    r"\s*\{(?P<keys>[^{}\\%]*)$")
# words holding "cite" that take no keys
_NOT_KEYS = frozenset({"citetext", "Citetext", "citestyle", "citesetup", "citereset",
                       "bibcite", "citation", "citenumfont", "citepunct"})
# pandoc: "@key" not inside a word, an e-mail or a URL; "@{key with spaces"
_MARKDOWN_AT = re.compile(r"(?<![\w\\/@.:=+&%#~])-?@(?P<brace>\{)?(?P<prefix>[\w:.#$%&\-+?<>~/]*)$")


def _is_cite_command(name: str) -> bool:
    return ("cite" in name.lower() and name not in _NOT_KEYS) or name.endswith("volcite")


def cite_context(text: str, offset: int, *, latex: bool) -> CiteContext | None:
    """The citation the cursor at ``offset`` is typing a key of, or None."""
    offset = max(0, min(offset, len(text)))
    window_start = max(0, offset - _WINDOW)
    window = text[window_start:offset]
    if latex:
        line_start = window.rfind("\n\n")
        window = window[line_start + 1:] if line_start >= 0 else window
        base = offset - len(window)
        m = _LATEX_OPEN.search(window)
        if m is None or not _is_cite_command(m.group("cmd")):
            return None
        keys = m.group("keys")
        last = keys.rsplit(",", 1)[-1]
        prefix = last.lstrip()
        return CiteContext(command="\\" + m.group("cmd"), prefix=prefix,
                           start=offset - len(prefix), end=offset)
    line_start = window.rfind("\n")
    window = window[line_start + 1:]
    base = offset - len(window)
    m = _MARKDOWN_AT.search(window)
    if m is None:
        return None
    return CiteContext(command="@", prefix=m.group("prefix"), start=base + m.start("prefix"),
                       end=offset)


@dataclass(frozen=True, slots=True, kw_only=True)
class KeySpan:
    """A key where it is written: in a draft's citation or as a .bib entry's key."""

    key: str
    start: int
    end: int


def citation_at(citations: Sequence[DraftCitation], index: LineIndex,
                offset: int) -> KeySpan | None:
    """The cited key whose characters hold (or end at) ``offset``."""
    for c in citations:
        start = index.from_finding(c.line, c.column)
        if start <= offset <= start + len(c.key):
            return KeySpan(key=c.key, start=start, end=start + len(c.key))
    return None


# "@type{ key," or "@type( key,"
_ENTRY_HEAD = re.compile(r"@[ \t]*[A-Za-z_][\w:.+-]*[ \t\r\n]*[{(][ \t\r\n]*(?P<key>[^,\s{}()\"#=]+)")


def bib_key_spans(text: str, starts: Sequence[int]) -> list[KeySpan]:
    """The key of each entry whose block opens at one of ``starts`` (offsets of its "@")."""
    out: list[KeySpan] = []
    for start in starts:
        m = _ENTRY_HEAD.match(text, start)
        if m is not None:
            out.append(KeySpan(key=m.group("key"), start=m.start("key"), end=m.end("key")))
    return out


def key_span_at(spans: Sequence[KeySpan], offset: int) -> KeySpan | None:
    """The span of ``spans`` that holds (or ends at) ``offset``."""
    return next((s for s in spans if s.start <= offset <= s.end), None)


# LaTeX commands with their arguments, and pandoc citations: not the sentence's words
_LATEX_NOISE = re.compile(r"\\[A-Za-z]+\*?(?:\s*\[[^\[\]]*\])*(?:\s*\{[^{}]*\})*|[{}~$%]")
_MARKDOWN_NOISE = re.compile(r"\[[^\[\]]*@[^\[\]]*\]|-?@[\w:.#$%&\-+?<>~/]+|[*_`#>]")
_SENTENCE_END = re.compile(r"(?:[.!?][\"')\]]*\s+(?=[A-Z\\\"'(\[])|\n[ \t]*\n)")


def sentence_before(text: str, offset: int, *, latex: bool) -> str:
    """The words of the sentence the cursor is in, as far as it is written."""
    window = text[max(0, offset - _WINDOW):offset]
    ends = list(_SENTENCE_END.finditer(window))
    if ends:
        window = window[ends[-1].end():]
    noise = _LATEX_NOISE if latex else _MARKDOWN_NOISE
    return " ".join(noise.sub(" ", window).split())


def _first_family(names: str) -> str:
    first = re.split(r"\s+and\s+", names, maxsplit=1)[0].strip("{} ")
    family = first.split(",", 1)[0] if "," in first else (first.split() or [""])[-1]
    more = " et al." if re.search(r"\s+and\s+", names) else ""
    return family.strip("{} ") + more


def entry_summary(fields: Mapping[str, str]) -> str:
    """"Family et al. (year). Title": a short line for a completion list."""
    who = _first_family(fields.get("author") or fields.get("editor") or "") or \
        fields.get("organization", "") or fields.get("institution", "")
    year = (fields.get("year") or fields.get("date") or "")[:4]
    title = " ".join(fields.get("title", "").replace("{", "").replace("}", "").split())
    parts = [p for p in (who, f"({year})" if year else "", title) if p]
    return " ".join(parts)[:160]
