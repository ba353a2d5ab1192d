"""What relbib read of its library files, so that writing them loses nothing.

Input: the bytes of a library file (bib/*.bib, annotations/*.yaml).
Output: its text; its form (encoding, byte-order mark, line ending); a
record of what was read (a digest), and bytes for new text in the same form.
Never: change a byte of a file relbib did not mean to change — a stray
Latin-1 byte in a UTF-8 file, CRLF line endings, a BOM all come back as they
were — or overwrite a file that changed since relbib read it without saying so.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from relbib.formats.undecodable import readable

__all__ = ["BOMS", "LEDGER", "NEW_FILE", "FileForm", "Ledger", "decode_exact", "digest", "encode",
           "readable"]

# a UTF-8 sequence of two or more bytes: a file holding one is UTF-8 even if
# a stray byte elsewhere is not (a Latin-1 "é" pasted into a UTF-8 .bib)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BARE_LF = re.compile(r"(?<!\r)\n")

# Byte-order marks and the codec of the text after the mark.
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class FileForm:
    """How a file's text was spelled in bytes."""

    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"


NEW_FILE = FileForm()


def digest(data: bytes | None) -> str:
    """A fingerprint of a file's bytes ("" for a missing file)."""
    return "" if data is None else hashlib.sha256(data).hexdigest()


def decode_exact(data: bytes) -> tuple[str, FileForm]:
    """``data`` as text that :func:`encode` turns back into ``data`` byte for byte.

    Line endings stay in the text.  A BOM decides the encoding; else UTF-8,
    keeping stray undecodable bytes as surrogates; a file with no UTF-8
    sequence at all is Windows-1252 (or Latin-1).  Raises UnicodeDecodeError
    only for a file whose BOM lies.
    """
    bom, encoding = b"", "utf-8"
    for mark, name in BOMS:
        if data.startswith(mark):
            bom, encoding = mark, name
            break
    body = data[len(bom):]
    if bom:
        text = body.decode(encoding)
    else:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            if _UTF8_MULTIBYTE.search(body):
                text = body.decode("utf-8", "surrogateescape")
            else:
                encoding = _eight_bit(body)
                text = body.decode(encoding)
    return text, FileForm(encoding=encoding, bom=bom, newline=_newline(text))


def _eight_bit(body: bytes) -> str:
    try:
        body.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def _newline(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def encode(text: str, form: FileForm) -> bytes:
    """``text`` in ``form``: its encoding, BOM and line ending.

    Lines that end in a bare LF (new text relbib wrote) take the file's line
    ending; lines already ending in CRLF keep it.  Text the file's 8-bit
    encoding cannot spell (a CJK title written into a Latin-1 file) makes the
    whole file UTF-8 rather than lose it.
    """
    if form.newline == "\r\n":
        text = _BARE_LF.sub("\r\n", text)
    errors = "surrogateescape" if form.encoding == "utf-8" else "strict"
    try:
        return form.bom + text.encode(form.encoding, errors)
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape")


@dataclass(frozen=True, slots=True, kw_only=True)
class Seen:
    """What relbib read of one file."""

    digest: str
    form: FileForm
    text: str  # the text as read (for a merge with what is on disk now)


class Ledger:
    """The library files this process read: path → :class:`Seen`."""

    def __init__(self) -> None:
        self._seen: dict[Path, Seen] = {}

    def record(self, path: Path, data: bytes | None, form: FileForm, text: str) -> None:
        self._seen[path.absolute()] = Seen(digest=digest(data), form=form, text=text)

    def get(self, path: Path) -> Seen | None:
        return self._seen.get(path.absolute())


LEDGER = Ledger()
