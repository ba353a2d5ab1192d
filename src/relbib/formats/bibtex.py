"""BibTeX files: a lossless, round-trip-safe reader and a minimal writer.

Input: the text of a .bib file (already decoded by workspace.py) and its path
for messages; or Entries to write.
Output: a :class:`BibDocument` that keeps every block (entries, @string,
@preamble, @comment, text between blocks, broken blocks) byte for byte with
its start line; Entries; problems as Diagnostics; .bib text.
Never: touch a file, drop or reorder a block it does not manage, or write
text that does not read back to the entries it was given.

bibtexparser 2 is imported here and nowhere else.  It only splits the file
(an empty parse stack); values, names and LaTeX are relbib's own work
(formats/bibvalues.py), so that the writer and the reader are exact inverses.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import bibtexparser.model as bp
from bibtexparser.entrypoint import parse_string

from relbib.diagnostics import InputError, diagnostic
from relbib.formats.bibvalues import MONTHS, decode_value, encode_names, encode_value, parse_names
from relbib.formats.undecodable import readable
from relbib.model import (
    NAME_FIELDS,
    BibBlock,
    BrokenBlock,
    CommentBlock,
    Diagnostic,
    DuplicateBlock,
    Entry,
    EntryBlock,
    FieldValue,
    PreambleBlock,
    StringBlock,
    TextBlock,
    freeze_fields,
)

# bibtexparser logs every broken block; relbib reports them as diagnostics.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False


@dataclass(frozen=True, slots=True, kw_only=True)
class BibDocument:
    """A .bib file as a sequence of blocks; joining their text gives the file."""

    path: str
    blocks: tuple[BibBlock, ...]
    # @string macros by lower-case name
    strings: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def text(self) -> str:
        return "".join(b.text for b in self.blocks)


# --- reading ----------------------------------------------------------------

_NUMBER = re.compile(r"\d+")
# a comment to the end of the line, outside a braced or quoted value
# ("journal = jst, % the journal" would otherwise name the next field)
_COMMENT = re.compile(r"%[^\n]*(?:\n|$)")


def _pieces(raw: str) -> list[str]:
    """A raw value split at ``#`` outside braces and quotes."""
    if "#" not in raw:
        return [raw.strip()]  # the common case, kept fast for 10 MB files
    pieces: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, ch in enumerate(raw):
        if ch == "{" and (i == 0 or raw[i - 1] != "\\"):
            depth += 1
        elif ch == "}" and (i == 0 or raw[i - 1] != "\\"):
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            pieces.append(raw[start:i])
            start = i + 1
    pieces.append(raw[start:])
    return [p.strip() for p in pieces]


def _value_text(raw: str, strings: Mapping[str, str], undefined: list[str]) -> str:
    """The text a raw value stands for: delimiters removed, macros expanded."""
    out: list[str] = []
    for piece in _pieces(raw.strip()):
        if piece[:1] not in ("{", '"'):
            piece = _COMMENT.sub("", piece).strip()  # "jst % the journal" is the macro jst
        if len(piece) >= 2 and piece[0] == "{" and piece[-1] == "}":
            out.append(piece[1:-1])
        elif len(piece) >= 2 and piece[0] == '"' and piece[-1] == '"':
            out.append(piece[1:-1])
        elif _NUMBER.fullmatch(piece):
            out.append(piece)
        elif piece.lower() in strings:
            out.append(strings[piece.lower()])
        elif piece.lower() in MONTHS:
            out.append(piece.lower())  # kept as the macro name: faithful, readable
        else:
            if piece:
                undefined.append(piece)
            out.append(piece)
    return "".join(out)


def _entry(block: bp.Entry, strings: Mapping[str, str]) -> tuple[Entry, tuple[str, ...]]:
    undefined: list[str] = []
    fields: dict[str, FieldValue] = {}
    for f in block.fields:
        # a "% comment" line between fields is not part of the next field's name
        name = _COMMENT.sub("", f.key).strip().lower()
        if not name:
            continue  # a field commented out with its value ("% title = {...},"): biber skips it
        if name in fields:
            continue  # a repeated field: BibTeX uses the first
        text = readable(_value_text(str(f.value), strings, undefined))
        if name in NAME_FIELDS:
            fields[name] = parse_names(text)
        else:
            fields[name] = decode_value(text, field=name)
    entry = Entry(key=block.key.strip(), type=block.entry_type.strip().lower(),
                  fields=freeze_fields(fields))
    return entry, tuple(undefined)


def _error_text(block: bp.ParsingFailedBlock) -> str:
    error = block.error
    reason = getattr(error, "abort_reason", "") or getattr(error, "message", "") or str(error)
    return " ".join(str(reason).split()) or type(error).__name__


def _line_of(offset: int, line_starts: list[int]) -> int:
    return bisect.bisect_right(line_starts, offset)


def read_bib(text: str, *, path: str) -> BibDocument:
    """Every block of ``text`` in order, each with its exact text and start line.

    Never raises on bad BibTeX: a broken block becomes a BrokenBlock
    with its error, and reading goes on after it.
    """
    # bibtexparser reads a "% comment" between an entry's fields into the next field's
    # name or the last field's value; biber skips it.  It splits a copy with those
    # comments blanked (same length), and every block keeps the original's bytes.
    split = _without_field_comments(text) if "%" in text and _MAY_COMMENT.search(text) \
        else text
    library = parse_string(split, parse_stack=[])
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    strings: dict[str, str] = {}
    blocks: list[BibBlock] = []
    cursor = 0

    def gap(upto: int) -> None:
        if upto > cursor:
            blocks.append(TextBlock(text=text[cursor:upto], line=_line_of(cursor, line_starts)))

    for block in library.blocks:
        raw = block.raw or ""
        start = split.find(raw, cursor) if raw else -1
        if start < 0:
            continue  # bibtexparser always gives the raw text; never seen
        gap(start)
        cursor = start + len(raw)
        raw = text[start:cursor]
        line = _line_of(start, line_starts)
        blocks.append(_block(block, raw, line, strings))
    gap(len(text))
    return BibDocument(path=path, blocks=tuple(blocks), strings=MappingProxyType(strings))


# a "%" that may open a comment between fields: first on its line, or after a comma or
# a closing brace (a "%" inside a value, as in a URL, is neither)
_MAY_COMMENT = re.compile(r"(?:\A|[\n,}])[ \t]*%")
# what changes the depth or quoting of a block, and "%" comments
_STRUCTURE = re.compile(r'[{}"%]')
# "@type" right before the "{" that opens a block
_OPENS_BLOCK = re.compile(r"@[ \t]*[A-Za-z_][\w:.+-]*[ \t\r\n]*$")


def _without_field_comments(text: str) -> str:
    """``text`` with each "%" comment inside a block but outside its values blanked to
    spaces up to the end of its line (offsets and lines unchanged).  Between blocks
    only "@type{" opens one; a "%" line there is left as it is."""
    pieces: list[str] = []
    done = skip = depth = 0
    quoted = False
    for m in _STRUCTURE.finditer(text):
        char, at = m.group(), m.start()
        if at < skip:
            continue  # inside a comment
        if depth == 0:
            if char == "%":
                skip = _line_end(text, at)
            elif char == "{" and _OPENS_BLOCK.search(text, max(0, at - 80), at):
                depth = 1
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            quoted = quoted and depth > 0
        elif char == '"' and depth == 1:
            quoted = not quoted
        elif char == "%" and depth == 1 and not quoted:
            skip = _line_end(text, at)
            pieces.append(text[done:at])
            pieces.append(" " * (skip - at))
            done = skip
    pieces.append(text[done:])
    return "".join(pieces)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _block(block: bp.Block, raw: str, line: int, strings: dict[str, str]) -> BibBlock:
    if isinstance(block, bp.DuplicateBlockKeyBlock):
        return DuplicateBlock(text=raw, line=line, key=block.key, error=_error_text(block))
    if isinstance(block, bp.ParsingFailedBlock):
        return BrokenBlock(text=raw, line=line, error=_error_text(block))
    if isinstance(block, bp.Entry):
        entry, undefined = _entry(block, strings)
        return EntryBlock(text=raw, line=line, key=entry.key, entry=entry,
                          undefined_strings=undefined)
    if isinstance(block, bp.String):
        unknown: list[str] = []
        strings[block.key.strip().lower()] = _value_text(str(block.value), strings, unknown)
        return StringBlock(text=raw, line=line, key=block.key.strip(),
                           undefined_strings=tuple(unknown))
    if isinstance(block, bp.Preamble):
        return PreambleBlock(text=raw, line=line)
    if isinstance(block, bp.ExplicitComment):
        return CommentBlock(text=raw, line=line)
    return TextBlock(text=raw, line=line)


def entries_of(doc: BibDocument) -> tuple[Entry, ...]:
    """The entries of ``doc`` in file order (broken and duplicate blocks left out)."""
    return tuple(b.entry for b in doc.blocks if isinstance(b, EntryBlock))


def bib_problems(doc: BibDocument) -> tuple[Diagnostic, ...]:
    """parse-error, duplicate-key and undefined-string findings, in file order."""
    found: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for block in doc.blocks:
        if isinstance(block, BrokenBlock):
            found.append(diagnostic(
                "parse-error", f"this block cannot be read: {block.error}",
                path=doc.path, line=block.line, column=1,
                suggestion="check for an unbalanced brace or quote, or a missing comma"))
        elif isinstance(block, EntryBlock | DuplicateBlock):
            first = seen.get(block.key.lower())
            if first is not None:
                found.append(diagnostic(
                    "duplicate-key", f"the key {block.key!r} is already defined on line {first}",
                    path=doc.path, line=block.line, column=1, keys=(block.key,),
                    suggestion="rename or remove one of the two entries"))
            else:
                seen[block.key.lower()] = block.line
        undefined = block.undefined_strings if isinstance(block, EntryBlock | StringBlock) else ()
        for macro in undefined:
            found.append(diagnostic(
                "undefined-string", f"the @string macro {macro!r} is never defined",
                path=doc.path, line=block.line, column=1,
                keys=(block.key,) if block.key else (),
                suggestion=f"define it with @string{{{macro} = {{...}}}} or brace the value"))
    return tuple(found)


def load_entries(doc: BibDocument) -> tuple[Entry, ...]:
    """The entries of a library file; InputError at the first broken block.

    A library file relbib will rewrite must read cleanly: writing around a
    block nobody could read risks the data in it.
    """
    for block in doc.blocks:
        if isinstance(block, BrokenBlock):
            raise InputError(f"this BibTeX block cannot be read: {block.error} "
                             "(check for an unbalanced brace or quote)",
                             path=doc.path, line=block.line)
    return entries_of(doc)


# --- writing ----------------------------------------------------------------

# The order relbib writes its own entries' fields in; the rest alphabetical.
FIELD_ORDER = (
    "author", "editor", "translator", "title", "subtitle", "journal", "journaltitle",
    "booktitle", "series", "edition", "volume", "number", "issue", "pages", "chapter",
    "year", "month", "date", "publisher", "organization", "institution", "school",
    "address", "location", "howpublished", "type", "note", "isbn", "issn", "doi", "url",
    "urldate",
)
_RANK = {name: i for i, name in enumerate(FIELD_ORDER)}


def _field_text(name: str, value: FieldValue) -> str:
    if isinstance(value, tuple):
        return encode_names(value)
    return encode_value(value, field=name)


def render_entry(entry: Entry) -> str:
    """``@type{key,`` + one ``  field = {value},`` line per field + ``}``."""
    names = sorted(entry.fields, key=lambda n: (_RANK.get(n, len(_RANK)), n))
    lines = [f"@{entry.type}{{{entry.key},"]
    for name in names:
        value = entry.fields[name]
        if isinstance(value, tuple) and not value:
            continue
        lines.append(f"  {name} = {{{_field_text(name, value)}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _as_written(entry: Entry) -> Entry:
    """What reading back ``render_entry(entry)`` gives: the value the file holds."""
    doc = read_bib(render_entry(entry), path="<render>")
    back = entries_of(doc)
    if len(back) != 1 or _broken(doc):
        raise ValueError(f"relbib cannot write entry {entry.key!r} as BibTeX")
    return back[0]


def _broken(doc: BibDocument) -> int:
    """How many blocks of ``doc`` cannot be read."""
    return sum(1 for b in doc.blocks if isinstance(b, BrokenBlock))


def update_bib(doc: BibDocument | None, entries: Sequence[Entry]) -> str:
    """The text of ``doc`` with ``entries`` written in.

    An entry whose key is in ``doc`` replaces that block only when its
    content differs; every other block keeps its bytes and its place; new
    entries are appended in key order.  The result is read back and
    compared before it is returned.
    """
    wanted = {e.key: e for e in entries}
    if len(wanted) != len(entries):
        raise ValueError("update_bib: two entries share a key")
    blocks = doc.blocks if doc is not None else ()
    out: list[str] = []
    placed: set[str] = set()
    for block in blocks:
        entry = wanted.get(block.key) if isinstance(block, EntryBlock) else None
        if entry is None or not isinstance(block, EntryBlock) or block.key in placed:
            out.append(block.text)
            continue
        placed.add(block.key)
        if block.entry == entry or block.entry == _as_written(entry):
            out.append(block.text)
        else:
            out.append(render_entry(entry).rstrip("\n"))
    text = "".join(out)
    new = sorted((e for e in entries if e.key not in placed), key=lambda e: e.key)
    for entry in new:
        if text and not text.endswith("\n"):
            text += "\n"
        if text:
            text += "\n"
        text += render_entry(entry)
    if doc is not None and text == doc.text:
        return text  # nothing changed: the file as read is the answer
    _recheck(text, doc, entries)
    return text


def _recheck(text: str, doc: BibDocument | None, entries: Sequence[Entry]) -> None:
    """Black's rule: the writer reads its own output before anyone writes it."""
    path = doc.path if doc is not None else "<new>"
    back = read_bib(text, path=path)
    if back.text != text:
        raise ValueError(f"{path}: the written BibTeX does not read back losslessly")
    if _broken(back) != (_broken(doc) if doc is not None else 0):
        raise ValueError(f"{path}: the written BibTeX has a block that cannot be read")
    found: dict[str, Entry] = {}
    for entry in entries_of(back):
        found.setdefault(entry.key, entry)
    for entry in entries:
        got = found.get(entry.key)
        if got is None or (got != entry and got != _as_written(entry)):
            raise ValueError(f"{path}: entry {entry.key!r} does not read back as written")
