"""Citation key → annotation file name, within the file system's limits.

Input: a citation key (already judged safe by library/keys.py).
Output: the stem of its file in annotations/ (``<stem>.yaml``).
Never: give two keys the same name, or a name over 255 bytes; touch a file.

A key whose ``KEY.yaml`` fits in ``MAX_NAME_BYTES`` is its own stem, as it
always was.  A longer one (60 emoji, 150 CJK characters: under 200
characters, over 255 bytes in UTF-8) is a prefix of the key cut at a
character boundary, ``~`` and 16 hex digits of the key's SHA-256.  ``~`` is
never in a key (library/keys.py refuses it), so a hashed stem never equals a
plain one; the real key is the ``key:`` inside the file, and reading checks
that it maps back to the file's name.
"""

from __future__ import annotations

import hashlib

# ext4, xfs, btrfs, APFS: 255 bytes per name; ".yaml" and room for the
# ".KEY.yaml.relbib-PID.staged" of a write in progress are kept free
MAX_NAME_BYTES = 200
_PREFIX_BYTES = 120
HASH_MARK = "~"
SUFFIX = ".yaml"


def annotation_stem(key: str) -> str:
    """The file stem of ``key``'s annotation: the key itself when it fits."""
    if len((key + SUFFIX).encode("utf-8")) <= MAX_NAME_BYTES:
        return key
    prefix = key.encode("utf-8")[:_PREFIX_BYTES].decode("utf-8", "ignore")
    return f"{prefix}{HASH_MARK}{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


def is_hashed_stem(stem: str) -> bool:
    """Whether ``stem`` is a long key's short name (its key is inside the file)."""
    _, mark, tail = stem.rpartition(HASH_MARK)
    return bool(mark) and len(tail) == 16 and all(c in "0123456789abcdef" for c in tail)
