"""BibTeX field values and names ↔ relbib's plain values (no bibtexparser here).

Input: the text of one field value as written between its braces or quotes,
or a relbib value to write.
Output: a faithful plain value (``M{\\"u}ller`` → ``Müller``, ``\\&`` → ``&``),
a tuple of :class:`Name`, or the BibTeX spelling of a value.
Never: lose information.  A value whose LaTeX cannot be turned into plain
text exactly (math, unknown commands) is kept as written, and the writer
writes such values back as they are.  Reading what the writer wrote gives
the same value back.
"""

from __future__ import annotations

import re
import unicodedata

from relbib.model import Name

# --- LaTeX that has an exact plain-text spelling ----------------------------

# Accent commands → combining characters (\"u → ü, \c{c} → ç).
_SYMBOL_ACCENTS = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303",
    "=": "\u0304", ".": "\u0307",
}
_LETTER_ACCENTS = {
    "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331",
}
_LETTERS = {
    "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
}
_SPECIALS = "&%$#_"

# The accented letter: a plain letter or the dotless \i / \j.
_BASE = r"(?:\{(\\?[A-Za-z])\}|(\\[ij](?![A-Za-z]))|([A-Za-z]))"
# {\"u} and \"{u} and \"u: a symbol accent and its letter.
_SYMBOL_ACCENT = re.compile(r"\{\\([\"'`^~=.])\s*" + _BASE + r"\}|\\([\"'`^~=.])\s*" + _BASE)
# {\c c} and \c{c}: a letter accent needs braces or a space before its letter.
_LETTER_ACCENT = re.compile(
    r"\{\\([uvHckrdb])(?:\s+|(?=\{))" + _BASE + r"\}|\\([uvHckrdb])(?:\{(\\?[A-Za-z])\}|\s+([A-Za-z]))"
)
_NAMED_LETTER = re.compile(
    r"\{\\(ss|ae|AE|oe|OE|aa|AA|[oOlLij])\}"
    r"|\\(ss|ae|AE|oe|OE|aa|AA|[oOlLij])(?:\{\}|\s+|(?![A-Za-z]))"
)
# The writer spells a lone backslash "\textbackslash " (one space, eaten).
_TEXTBACKSLASH = re.compile(r"\{\\textbackslash\}|\\textbackslash(?:\{\}| |(?![A-Za-z]))")
_SENTINEL = "\x00"
_ESCAPED_SPECIAL = re.compile(r"\\([&%$#_])")
_ESCAPED_BRACE = re.compile(r"\\([{}])")

# What marks a value as LaTeX that relbib keeps as written: a command
# (\emph, \alpha, \"), a forced line break (\\) or math between unescaped $.
_COMMAND = re.compile(r"\\(?:[A-Za-z]+|[\"'`^~=.\\])")
_MATH = re.compile(r"(?<!\\)\$(?=\S)[^$]*?(?<=[^\s\\])\$")
# A brace counts unless a backslash stands right before it: bibtexparser's
# rule, even after "\\" (better-bibtex-014.bib), so reader and writer agree.
_BRACE_TOKEN = re.compile(r"\\[{}]|[{}]")

# Fields biblatex reads verbatim: their characters are never escaped.
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "pdf", "urlraw", "verba",
                             "verbb", "verbc"})

# BibTeX's predefined month macros (plain BibTeX styles spell them out).
MONTHS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September",
    "oct": "October", "nov": "November", "dec": "December",
}


def is_markup(value: str) -> bool:
    """True when ``value`` holds LaTeX that has no exact plain spelling."""
    return bool(_COMMAND.search(value) or _MATH.search(value))


def _braces(value: str) -> list[re.Match[str]]:
    return [m for m in _BRACE_TOKEN.finditer(value) if m.group(0) in "{}"]


def balanced(value: str) -> bool:
    depth = 0
    for match in _braces(value):
        depth += 1 if match.group(0) == "{" else -1
        if depth < 0:
            return False
    return depth == 0


def _accent(command: str, base: str, table: dict[str, str]) -> str:
    letter = {"\\i": "i", "\\j": "j"}.get(base, base)
    return unicodedata.normalize("NFC", letter + table[command])


def _decode_accents(text: str) -> str:
    def symbol(m: re.Match[str]) -> str:
        groups = m.groups()
        command = groups[0] or groups[4]
        base = next(g for g in groups[1:4] + groups[5:8] if g)
        return _accent(command, base, _SYMBOL_ACCENTS)

    def letter(m: re.Match[str]) -> str:
        groups = m.groups()
        command = groups[0] or groups[4]
        base = next(g for g in groups[1:4] + groups[5:7] if g)
        return _accent(command, base, _LETTER_ACCENTS)

    text = _SYMBOL_ACCENT.sub(symbol, text)
    text = _LETTER_ACCENT.sub(letter, text)
    return _NAMED_LETTER.sub(lambda m: _LETTERS[m.group(1) or m.group(2)], text)


def decode_value(raw: str, *, field: str = "") -> str:
    """The plain value of ``raw`` (the text between a value's delimiters).

    Only LaTeX with an exact plain spelling is decoded; anything else keeps
    the whole value as written (a wrong decoding is worse than none).
    """
    if "\\" not in raw:
        return raw
    if field in VERBATIM_FIELDS:
        # only the writer's escaping of an unbalanced brace is undone
        return raw if _braces(raw) else _ESCAPED_BRACE.sub(r"\1", raw)
    if _MATH.search(raw):
        return raw
    text = _TEXTBACKSLASH.sub(_SENTINEL, raw)
    text = _decode_accents(text)
    text = _ESCAPED_SPECIAL.sub(r"\1", text)
    # Escaped braces are decoded only when every brace is escaped, which is
    # how the writer spells a value with unbalanced braces.
    if not _braces(raw):
        text = _ESCAPED_BRACE.sub(r"\1", text)
    # \textbackslash becomes a backslash last, so that it starts no command.
    if is_markup(text):
        return raw
    return text.replace(_SENTINEL, "\\")


def encode_value(value: str, *, field: str = "") -> str:
    """``value`` spelled for a braced BibTeX field (the inverse of decode_value)."""
    if field in VERBATIM_FIELDS:
        if balanced(value) and not value.endswith("\\"):
            return value
        return _escape_braces(value)
    if is_markup(value) and balanced(value) and not value.endswith("\\"):
        return value
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        nxt = value[i + 1] if i + 1 < len(value) else ""
        if ch == "\\" and nxt and nxt in _SPECIALS + "{}":
            out.append(ch + nxt)  # already escaped: never escape twice
            i += 2
            continue
        if ch == "\\":
            out.append("\\textbackslash ")
        elif ch in _SPECIALS:
            out.append("\\" + ch)
        else:
            out.append(ch)
        i += 1
    text = "".join(out)
    if not balanced(value):
        text = _escape_braces(text)
    return text


def _escape_braces(text: str) -> str:
    return _BRACE_TOKEN.sub(lambda m: "\\" + m.group(0) if m.group(0) in "{}" else m.group(0),
                            text)


# --- names ------------------------------------------------------------------

_AND = r"\s+and\s+"


def split_top_level(text: str, separator: str) -> list[str]:
    """``text`` split at the regex ``separator`` where it is outside every
    brace group (a brace right after a backslash does not count)."""
    token = re.compile(r"\\[{}]|[{}]|(?P<sep>" + separator + ")", re.IGNORECASE)
    parts: list[str] = []
    depth = 0
    start = 0
    for match in token.finditer(text):
        piece = match.group(0)
        if piece == "{":
            depth += 1
        elif piece == "}":
            depth -= 1
        elif match.group("sep") is not None and depth == 0 and match.end() > match.start():
            parts.append(text[start:match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts


def _whole_group(text: str) -> str | None:
    """The inside of ``text`` when all of it is one brace group ``{...}``."""
    if len(text) < 2 or text[0] != "{" or text[-1] != "}":
        return None
    depth = 0
    for match in _braces(text):
        depth += 1 if match.group(0) == "{" else -1
        if depth == 0 and match.end() != len(text):
            return None
    return text[1:-1] if depth == 0 else None


def _plain(part: str) -> str:
    part = part.strip()
    inner = _whole_group(part)
    return decode_value(inner if inner is not None else part)


_WORDS = r"\s+"
_COMMA = r","


def parse_name(raw: str) -> Name:
    """One BibTeX name: ``Family, Given``, ``Given Family``, ``von Last, Jr, First``
    or ``{Organisation}`` (literal)."""
    raw = raw.strip()
    inner = _whole_group(raw)
    if inner is not None:
        return Name(family=decode_value(inner.strip()), literal=True)
    parts = [p.strip() for p in split_top_level(raw, _COMMA)]
    if len(parts) == 1:
        words = [w for w in split_top_level(raw, _WORDS) if w]
        if len(words) <= 1:
            return Name(family=_plain(raw))
        # BibTeX's "First von Last": the family starts at the first word in
        # lower case before the last word (van, de, al-), else the last word.
        start = len(words) - 1
        for i, word in enumerate(words[:-1]):
            if word[:1].islower():
                start = i
                break
        return Name(family=_plain(" ".join(words[start:])), given=_plain(" ".join(words[:start])))
    if len(parts) == 2:
        return Name(family=_plain(parts[0]), given=_plain(parts[1]))
    family = _plain(parts[0])
    if parts[1]:
        family = f"{family}, {_plain(parts[1])}"  # the "Jr" part stays with the family
    return Name(family=family, given=_plain(", ".join(parts[2:])))


def parse_names(raw: str) -> tuple[Name, ...]:
    """An author/editor field split at ``and`` outside braces."""
    return tuple(parse_name(p) for p in split_top_level(raw.strip(), _AND) if p.strip())


_NEEDS_GROUP = re.compile(r",|\band\b|^\s|\s$", re.IGNORECASE)


def encode_name(name: Name) -> str:
    """``Family, Given`` (``{Org Name}`` for an organisation) as parse_name reads it."""
    if name.literal:
        return "{" + encode_value(name.family) + "}"
    given = encode_value(name.given)
    if "," in name.family and name.given:
        last, _, suffix = name.family.partition(",")
        return f"{_group_if_needed(last)}, {_group_if_needed(suffix.strip())}, {given}"
    family = _group_if_needed(name.family)
    if " and " in given.lower() or "," in given:
        given = "{" + given + "}"
    return f"{family}, {given}" if name.given else f"{family},"


def _group_if_needed(text: str) -> str:
    encoded = encode_value(text)
    return "{" + encoded + "}" if _NEEDS_GROUP.search(text) else encoded


def encode_names(names: tuple[Name, ...]) -> str:
    return " and ".join(encode_name(n) for n in names)
