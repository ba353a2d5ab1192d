"""Reading inputs as text: a byte-order mark decides the encoding, else UTF-8,
else Windows-1252 with a note; no input is read past a size limit.

Input: a path (or bytes already read).
Output: a :class:`TextFile` (text with "\\n" newlines, its encoding, a note
when the encoding was a guess), or the bytes of a file.
Never: read past :data:`MAX_INPUT_BYTES`, take a binary file for text, or
write anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from relbib.diagnostics import InputError
from relbib.workspace.ledger import BOMS

__all__ = ["BOM_ENCODINGS", "MAX_INPUT_BYTES", "MAX_TEXT_BYTES", "TextFile", "decode_bytes",
           "lf_newlines", "looks_binary",
           "read_capped", "read_text", "read_text_file"]

# The byte-order marks the ledger knows, each with the codec that reads the text
# with its mark in front (utf-8-sig drops it; utf-16 and utf-32 read it).
BOM_ENCODINGS = tuple((bom, "utf-8-sig" if name == "utf-8" else name[:-3]) for bom, name in BOMS)
_TEXT_CONTROLS = {9, 10, 12, 13, 27}


@dataclass(frozen=True, slots=True, kw_only=True)
class TextFile:
    path: Path
    text: str  # newlines are "\n"
    encoding: str
    note: str = ""  # said when the encoding was a guess


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > len(sample) // 10


def decode_bytes(data: bytes, *, path: str) -> TextFile:
    """Bytes → text: a BOM decides; else UTF-8; else cp1252 (latin-1) with a note."""
    for bom, encoding in BOM_ENCODINGS:
        if data.startswith(bom):
            try:
                return TextFile(path=Path(path), text=lf_newlines(data.decode(encoding)),
                                encoding=encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"not valid {encoding} despite its byte-order mark: {error}",
                                 path=path) from None
    if looks_binary(data):
        raise InputError("this is a binary file, not text", path=path)
    try:
        return TextFile(path=Path(path), text=lf_newlines(data.decode("utf-8")), encoding="utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        note = f"not UTF-8 (first bad byte on line {line}); read as"
    try:
        text = data.decode("cp1252")
        return TextFile(path=Path(path), text=lf_newlines(text), encoding="cp1252",
                        note=f"{note} Windows-1252")
    except UnicodeDecodeError:
        return TextFile(path=Path(path), text=lf_newlines(data.decode("latin-1")), encoding="latin-1",
                        note=f"{note} Latin-1")


def lf_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> TextFile:
    """The text of ``path`` and how it was decoded; InputError naming the path."""
    try:
        data = read_capped(path, limit=MAX_TEXT_BYTES)
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("this is a directory, not a file", path=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=str(path)) from None
    if not data.strip():
        raise InputError("the file is empty", path=str(path))
    return decode_bytes(data, path=str(path))


# The most relbib reads of one input (a file or standard input): ten times the
# largest real .bib met (better-bibtex exports of ~6 MB), and far from what
# would exhaust memory (`relbib parse /dev/zero` was killed for it: issue 9).
MAX_INPUT_BYTES = 64 * 1024 * 1024
# The most relbib reads of one essay, draft or reference list: a book-length
# essay is under 2 MB; past this a file is not prose someone wrote.
MAX_TEXT_BYTES = 16 * 1024 * 1024


def read_capped(path: Path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of ``path``, read no further than ``limit`` (``/dev/zero`` ends);
    InputError naming the path past it.  OSError is the caller's to word."""
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"the file is larger than relbib reads ({limit // 2**20} MB)",
                         path=str(path))
    return data


def read_text_file(path: Path) -> str:
    """The text of ``path`` (see :func:`read_text`)."""
    return read_text(path).text
