"""The fast, lossless .bib scanner ``relbib check`` reads files with.

Input: the text of a .bib file and its path.
Output: a :class:`BibScan` — every block with its start line, each entry's
key, type, raw field values with their lines and the macros they use, the
@string definitions, and parse-error findings for broken blocks (reading
resumes at the next line that opens with ``@``).
Never: import bibtexparser (this is the hot path: a single pass with
regexes and ``str.find``), write anything, or stop at the first error.
Braces are counted as BibTeX and biber count them: a backslash does not
escape a brace.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from relbib.diagnostics import SUPPRESSION, diagnostic, suppressed_codes
from relbib.formats.bibvalues import MONTHS
from relbib.formats.braces import matching_brace
from relbib.model import Diagnostic, Severity

# --- the fast scanner `relbib check` reads .bib files with ---------------------
#
# One pass with str.find and small regexes, no bibtexparser: a 13 MB library in
# about a second.  Braces count as BibTeX and biber count them (a backslash
# does not escape a brace), so a block the scanner calls broken is one those
# tools stop at too.  A broken block becomes a parse-error finding and reading
# resumes at the next "@" that starts a line.


class ScannedEntry(NamedTuple):
    """One entry as `relbib check` reads it (a plain tuple so caches can marshal it).

    ``fields`` values have the outer braces or quotes removed once and defined
    @string macros expanded; an undefined macro stays as its bare name.
    ``macros`` lists every unquoted macro as (name, field, line).  The raw
    block is ``text[start:end]`` of the file.
    """

    key: str
    type: str
    line: int
    start: int
    end: int
    fields: dict[str, str]
    field_lines: dict[str, int]
    macros: tuple[tuple[str, str, int], ...]


class ScannedBlock(NamedTuple):
    """Any block: kind is entry, string, preamble, comment or failed."""

    kind: str
    line: int
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class BibScan:
    """What the fast scanner makes of one .bib file."""

    path: str
    entries: tuple[ScannedEntry, ...]
    strings: Mapping[str, str]  # @string macros by lower-case name
    blocks: tuple[ScannedBlock, ...]
    problems: tuple[Diagnostic, ...]  # parse errors and repeated fields
    # line -> codes or kinds suppressed there (``relbib: ignore[...]`` comments);
    # an empty set suppresses all
    suppressions: Mapping[int, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({}))


# "@" + entry type + the opening delimiter; the type may be empty (a stub "@{").
_BLOCK_START = re.compile(r"@[ \t]*([A-Za-z_][\w:.+-]*)?[ \t\r\n]*([{(])?")
# the key: anything up to the comma, closer or space (bibtex stops at the comma)
_SCAN_KEY = re.compile(r"[ \t\r\n]*([^,\s{}()\"#=]*)[ \t\r\n]*")
# a field name and its "=": BibTeX allows letters, digits and most punctuation
_SCAN_FIELD = re.compile(r"[ \t\r\n]*([^\s=,{}()\"#]+)[ \t\r\n]*=[ \t\r\n]*")
# an unquoted value: a number or a macro name
_SCAN_BARE = re.compile(r"[^\s,#{}()\"=]+")
_SPACE = re.compile(r"[ \t\r\n]*")
# white space and "%" comments up to the end of their lines, between an entry's fields:
# biber skips them (its lexer reads "%" to the end of a line as a comment); BibTeX does
# not, and stops reading the entry there ("You're missing a field name")
_SPACE_OR_COMMENTS = re.compile(r"(?:[ \t\r\n]|%[^\n]*)*")
_LINE_START_AT = re.compile(r"^[ \t]*@", re.MULTILINE)


class _BibSyntaxError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.key = ""  # the key of the entry it broke, once that key was read


def _braced_end(text: str, i: int) -> int:
    """Offset just after the brace group opening at text[i] == "{"."""
    close = text.find("}", i + 1)
    if close < 0:
        raise _BibSyntaxError("a '{' is never closed", i)
    inner = text.find("{", i + 1, close)
    if inner < 0:
        return close + 1  # the common value: no nested braces
    end = matching_brace(text, i)
    if end < 0:
        raise _BibSyntaxError("a '{' is never closed", i)
    return end


_QUOTE_OR_BRACE = re.compile(r'["{}]')


def _quoted_end(text: str, i: int) -> int:
    """Offset just after the quoted value opening at text[i] == '"'."""
    depth = 0
    for m in _QUOTE_OR_BRACE.finditer(text, i + 1):
        char = m.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise _BibSyntaxError("a quoted value has an unmatched '}'", i)
        elif depth == 0:
            return m.end()
    raise _BibSyntaxError('a \'"\' is never closed', i)


class _Lines:
    """Line numbers for offsets that only grow (one str.count per step)."""

    __slots__ = ("text", "offset", "line")

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.line = 1

    def at(self, offset: int) -> int:
        if offset >= self.offset:
            self.line += self.text.count("\n", self.offset, offset)
        else:  # a rare step back (an error inside a block): count afresh
            self.line = self.text.count("\n", 0, offset) + 1
        self.offset = offset
        return self.line


def _scan_value(text: str, i: int, strings: Mapping[str, str],
                uses: list[str]) -> tuple[str, int]:
    """One value (pieces joined by #) at ``i`` → (its text, offset after it)."""
    out: list[str] = []
    while True:
        char = text[i] if i < len(text) else ""
        if char == "{":
            end = _braced_end(text, i)
            out.append(text[i + 1:end - 1])
        elif char == '"':
            end = _quoted_end(text, i)
            out.append(text[i + 1:end - 1])
        else:
            m = _SCAN_BARE.match(text, i)
            if m is None:
                raise _BibSyntaxError("a field has no value", i)
            end = m.end()
            word = m.group()
            if word.isdigit():
                out.append(word)
            else:
                uses.append(word)
                name = word.lower()
                value = strings.get(name)
                if value is not None:
                    out.append(value)
                else:
                    out.append(name if name in MONTHS else word)
        i = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        if not text.startswith("#", i):
            return (out[0] if len(out) == 1 else "".join(out)), i
        i = _SPACE.match(text, i + 1).end()  # type: ignore[union-attr]


def _scan_entry(text: str, i: int, closer: str, kind: str, line: int, start: int,
                strings: Mapping[str, str], lines: _Lines,
                problems: list[Diagnostic], path: str,
                comments: list[tuple[str, int, int]]) -> ScannedEntry:
    """The fields of one entry whose key starts at ``i``; raises _BibSyntaxError
    (carrying the key once it was read: bibtex keeps the partly read entry)."""
    m = _SCAN_KEY.match(text, i)
    key = m.group(1) if m else ""
    i = m.end() if m else i
    if not key:
        raise _BibSyntaxError("an entry has no key", i)
    try:
        return _scan_fields(text, i, closer, kind, key, line, start, strings, lines,
                            problems, path, comments)
    except _BibSyntaxError as error:
        error.key = key
        raise


def _scan_fields(text: str, i: int, closer: str, kind: str, key: str, line: int, start: int,
                 strings: Mapping[str, str], lines: _Lines,
                 problems: list[Diagnostic], path: str,
                 comments: list[tuple[str, int, int]]) -> ScannedEntry:
    """The fields of the entry ``key`` after its key (at ``i``)."""
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    macros: list[tuple[str, str, int]] = []
    if text.startswith(closer, i):
        return ScannedEntry(key, kind, line, start, i + 1, fields, field_lines, ())
    if not text.startswith(",", i):
        raise _BibSyntaxError(f"the key {key!r} is not followed by a comma", i)
    i += 1
    def past_comments(i: int) -> int:
        if not text.startswith("%", i):
            return i
        if not comments or comments[-1][0] != key:
            comments.append((key, lines.at(i), i - text.rfind("\n", 0, i)))
        return _SPACE_OR_COMMENTS.match(text, i).end()  # type: ignore[union-attr]

    while True:
        i = past_comments(_SPACE.match(text, i).end())  # type: ignore[union-attr]
        if text.startswith(closer, i):
            return ScannedEntry(key, kind, line, start, i + 1, fields, field_lines,
                                tuple(macros))
        f = _SCAN_FIELD.match(text, i)
        if f is None:
            raise _BibSyntaxError(f"entry {key!r}: expected a field name and '=' or the "
                                  f"closing '{closer}'", i)
        name = f.group(1).lower()
        field_line = lines.at(f.start(1))
        uses: list[str] = []
        value, i = _scan_value(text, f.end(), strings, uses)
        if name in fields:
            problems.append(diagnostic(
                "invalid-field", f"entry {key!r} repeats the field {name!r} (first on line "
                f"{field_lines[name]}); BibTeX keeps the first and ignores this one",
                path=path, line=field_line, column=1, keys=(key,),
                suggestion="remove one of the two, or merge their values"))
        else:
            fields[name] = value
            field_lines[name] = field_line
        for use in uses:
            macros.append((use, name, field_line))
        i = past_comments(i)
        if text.startswith(",", i):
            i += 1
        elif not text.startswith(closer, i):
            if _SCAN_FIELD.match(text, i) is None:
                raise _BibSyntaxError(f"entry {key!r}: expected ',' or '{closer}' after the "
                                      f"field {name!r}", i)
            problems.append(diagnostic(
                "parse-error", f"entry {key!r}: a comma is missing after the field {name!r}",
                path=path, line=field_line, column=1, keys=(key,),
                suggestion="add ',' at the end of the field"))


def _comments_in_entries(comments: list[tuple[str, int, int]], path: str) -> Diagnostic:
    """One finding for the entries with "%" comments between their fields (a reference
    manager may write one into every entry): biber skips them, BibTeX cannot read on."""
    key, line, column = comments[0]
    which = f"entry {key!r}" if len(comments) == 1 else \
        f"{len(comments)} entries (first {key!r}; lines " + ", ".join(
            str(at) for _, at, _ in comments[:8]) + (", …" if len(comments) > 8 else "") + ")"
    return diagnostic(
        "parse-error", f"a '%' comment between the fields of {which}: biber skips the rest of "
        "the line, but BibTeX stops reading the entry there (\"You're missing a field name\")",
        path=path, line=line, column=column, severity=Severity.WARNING,
        suggestion="move the comment above the entry (text between entries is ignored), "
        "or delete it")


def scan_bib(text: str, *, path: str) -> BibScan:
    """Every entry, @string, @preamble and @comment of ``text`` with its lines.

    Never raises on bad BibTeX: a broken block is a ``failed`` block plus a
    parse-error finding at the line where reading stopped, and scanning goes
    on at the next line that starts with "@".
    """
    entries: list[ScannedEntry] = []
    blocks: list[ScannedBlock] = []
    problems: list[Diagnostic] = []
    strings: dict[str, str] = {}
    comments: list[tuple[str, int, int]] = []  # (key, line, column) of the first in each entry
    lines = _Lines(text)
    pos = 0
    size = len(text)
    while True:
        at = text.find("@", pos)
        if at < 0:
            break
        if at > pos and ("}" in text[pos:at] or ")" in text[pos:at]):
            _stray_closers(text, pos, at, lines, path, problems)
        m = _BLOCK_START.match(text, at)
        assert m is not None  # "@" alone matches
        kind = (m.group(1) or "").lower()
        opener = m.group(2)
        line = lines.at(at)
        if kind == "comment":
            if opener == "{":
                try:
                    end = _braced_end(text, m.end() - 1)
                except _BibSyntaxError:
                    end = text.find("\n", at) % (size + 1) or size  # a brace-less comment line
            else:
                end = m.end()  # "@comment" alone: BibTeX skips the word only
            blocks.append(ScannedBlock("comment", line, at, end))
            pos = end
            continue
        if opener is None:
            # an "@" inside free text (an e-mail address in a comment) is not a block;
            # one that starts a line is a block BibTeX cannot read
            if kind and text[text.rfind("\n", 0, at) + 1:at].strip() == "":
                problems.append(diagnostic(
                    "parse-error", f"'@{m.group(1)}' is not followed by '{{' or '('",
                    path=path, line=line, column=1,
                    suggestion="write @type{key, field = {value}} (or escape a literal @ "
                    "outside entries as a comment)"))
                blocks.append(ScannedBlock("failed", line, at, m.end()))
            pos = m.end()
            continue
        closer = "}" if opener == "{" else ")"
        try:
            if not kind:
                raise _BibSyntaxError("an entry has no type", at)
            if kind == "preamble":
                end = _braced_end(text, m.end() - 1) if opener == "{" else \
                    _block_end_paren(text, m.end())
                blocks.append(ScannedBlock("preamble", line, at, end))
            elif kind == "string":
                end = _scan_string(text, m.end(), closer, strings)
                blocks.append(ScannedBlock("string", line, at, end))
            else:
                entry = _scan_entry(text, m.end(), closer, kind, line, at, strings, lines,
                                    problems, path, comments)
                end = entry.end
                entries.append(entry)
                blocks.append(ScannedBlock("entry", line, at, end))
        except _BibSyntaxError as error:
            where = lines.at(max(error.offset, at)) if error.offset < size else \
                lines.at(size)
            problems.append(diagnostic(
                "parse-error", f"cannot read the @{kind or '?'} block that starts on line "
                f"{line}: {error.message}" + (f" (line {where})" if where != line else ""),
                path=path, line=line, column=1, keys=(error.key,) if error.key else (),
                suggestion="check for an unbalanced brace or quote, or a missing comma; "
                "reading resumed at the next line starting with '@'"))
            nxt = _LINE_START_AT.search(text, m.end())
            end = nxt.start() if nxt else size
            blocks.append(ScannedBlock("failed", line, at, end))
        pos = end
    if pos < size and ("}" in text[pos:] or ")" in text[pos:]):
        _stray_closers(text, pos, size, lines, path, problems)
    if comments:
        problems.append(_comments_in_entries(comments, path))
    suppress = _suppressions(text, blocks, lines) if "relbib:" in text else {}
    return BibScan(path=path, entries=tuple(entries), strings=MappingProxyType(strings),
                   blocks=tuple(blocks), problems=tuple(problems),
                   suppressions=MappingProxyType(suppress))


# a line between entries that holds only closers ("}", "},", ")"): an entry closed
# twice; biber warns "N characters of junk seen at toplevel", BibTeX skips it
_STRAY_CLOSER = re.compile(r"^[ \t]*[})][ \t}),;]*$", re.MULTILINE)
_CLOSERS_AFTER = re.compile(r"[ \t]*[})][ \t}),;]*(?=\r?\n|$)")


def _stray_closers(text: str, start: int, end: int, lines: _Lines, path: str,
                   problems: list[Diagnostic]) -> None:
    first = _CLOSERS_AFTER.match(text, start, end)  # "}}," : a closer right after an entry
    found = ([first] if first is not None and first.group(0).strip() else []) + \
        [m for m in _STRAY_CLOSER.finditer(text, start, end) if first is None or
         m.start() >= first.end()]
    # a closer of a brace the text between entries opened ("#@article{x, ...}", an
    # entry disabled by hand) is no stray closer: BibTeX skips the whole text
    found = [m for m in found if text.count("{", start, m.start()) <= text.count("}", start, m.start())]
    for m in found:
        junk = m.group(0).strip()
        problems.append(diagnostic(
            "parse-error", f"'{junk}' between entries: biber warns \"{len(junk)} characters "
            "of junk seen at toplevel\" (BibTeX skips it); an entry was probably closed twice",
            path=path, line=lines.at(m.start() + len(m.group(0)) - len(m.group(0).lstrip())),
            column=1, severity=Severity.WARNING,
            suggestion="delete the stray closer, or check the entry above for a brace that "
            "closes it early"))


def _suppressions(text: str, blocks: list[ScannedBlock], lines: _Lines
                  ) -> dict[int, frozenset[str]]:
    """Lines covered by suppression comments: a comment inside a block, or
    outside blocks before one, covers every line of that block."""
    spans = [b for b in blocks if b.kind != "comment"]
    starts = [b.start for b in spans]
    found: dict[int, frozenset[str]] = {}
    # BibTeX ignores text between entries: a comment may stand above its entry
    for m in SUPPRESSION.finditer(text):
        codes = suppressed_codes(m)
        i = bisect_right(starts, m.start())
        # inside the block that starts before it, else the next block
        if i and spans[i - 1].end > m.start():
            block = spans[i - 1]
        elif i < len(spans):
            block = spans[i]
        else:
            continue
        first, last = block.line, lines.at(max(block.start, block.end - 1))
        for line in range(first, last + 1):
            old = found.get(line)
            found[line] = codes if old is None else (old | codes if old and codes else
                                                     frozenset())
    return found


def _block_end_paren(text: str, i: int) -> int:
    depth = 0
    for m in re.compile(r"[{}()]").finditer(text, i):
        char = m.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == ")" and depth == 0:
            return m.end()
    raise _BibSyntaxError("a '(' is never closed", i)


def _scan_string(text: str, i: int, closer: str, strings: dict[str, str]) -> int:
    f = _SCAN_FIELD.match(text, i)
    if f is None:
        raise _BibSyntaxError("@string needs 'name = value'", i)
    value, i = _scan_value(text, f.end(), strings, [])
    strings[f.group(1).lower()] = value
    i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
    if text.startswith(",", i):  # a trailing comma, tolerated by biber
        i = _SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
    if not text.startswith(closer, i):
        raise _BibSyntaxError(f"@string: expected '{closer}'", i)
    return i + 1
