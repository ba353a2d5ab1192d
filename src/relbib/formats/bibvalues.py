"""BibTeX field values and names ↔ relbib's plain values (no bibtexparser here).

Input: the text of one field value as written between its braces or quotes,
or a relbib value to write.
Output: a faithful plain value (``M{\\"u}ller`` → ``Müller``, ``\\&`` → ``&``),
a tuple of :class:`Name`, or the BibTeX spelling of a value.
Never: lose information, or let plain text act as LaTeX.  A value whose
LaTeX cannot be turned into plain text exactly (math, unknown commands,
case-protecting braces) is kept as written, marked :class:`Latex`, and the
writer writes it back as it is.  Every other ``str`` is plain text (a note
of an essay, a web page's title): the writer spells it so that BibTeX keeps
its braces balanced and LaTeX prints it literally (``\\input`` becomes
``\\textbackslash{}input``).  Reading what the writer wrote gives the same
value back.
"""

from __future__ import annotations

import re
import unicodedata

from relbib import lexicon
from relbib.formats.braces import balanced as braces_balanced
from relbib.formats.braces import matching_brace, split_top_level
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
MONTHS = {abbr.lower(): name for abbr, name in zip(lexicon.months("en", "abbr"), lexicon.months("en"),
                                                  strict=True)}


class Latex(str):
    """A value that is LaTeX as a person wrote it in a .bib (or as a LaTeX
    escaper spelled it): the writer writes it back as it is.  A plain ``str``
    is text, never LaTeX (issue 9: an essay's ``\\input{/etc/passwd}``)."""

    __slots__ = ()


# Plain text: LaTeX's special characters, each spelled so that it prints as
# itself.  Braces are \{ \} when they pair up; BibTeX counts a brace after a
# backslash too, so braces that do not pair up are spelled without one.
_PLAIN_ACTIVE = re.compile(r"[\\{}$&#_%^~]")
_PLAIN_SPELLING = {"\\": "\\textbackslash{}", "^": "\\^{}", "~": "\\~{}",
                   **{ch: "\\" + ch for ch in "$&#_%"}}
_PAIRED_BRACES = {"{": "\\{", "}": "\\}"}
_LONE_BRACES = {"{": "\\textbraceleft{}", "}": "\\textbraceright{}"}
_PLAIN_TOKEN = re.compile(
    r"\\text(?:backslash|braceleft|braceright)\{\}|\\[\^~]\{\}|\\[{}$&#_%]|[\\{}$&#_%^~]"
)
_PLAIN_DECODED = {"\\textbackslash{}": "\\", "\\textbraceleft{}": "{",
                  "\\textbraceright{}": "}", "\\^{}": "^", "\\~{}": "~"}


def bibtex_balanced(text: str) -> bool:
    """True when BibTeX reads the braces of ``text`` as balanced: every brace
    counts, even after a backslash, and the depth never drops below zero."""
    return braces_balanced(text)


def encode_plain(text: str) -> str:
    """Plain ``text`` spelled for a braced BibTeX field: LaTeX prints it
    literally and BibTeX sees balanced braces, whatever the text."""
    braces = _PAIRED_BRACES if bibtex_balanced(text) else _LONE_BRACES
    return _PLAIN_ACTIVE.sub(lambda m: braces.get(m.group(0)) or _PLAIN_SPELLING[m.group(0)],
                             text)


def decode_plain(raw: str) -> str | None:
    """The plain text ``raw`` spells when it is exactly what :func:`encode_plain`
    writes for it; None for anything else (LaTeX a person wrote)."""
    if not _PLAIN_ACTIVE.search(raw):
        return raw
    lone = False

    def one(match: re.Match[str]) -> str:
        nonlocal lone
        token = match.group(0)
        if len(token) == 1:
            lone = True  # an unescaped special: LaTeX, not relbib's spelling
            return token
        return _PLAIN_DECODED.get(token) or token[1]

    text = _PLAIN_TOKEN.sub(one, raw)
    return None if lone or encode_plain(text) != raw else text


def is_markup(value: str) -> bool:
    """True when ``value`` holds LaTeX that has no exact plain spelling."""
    return bool(_COMMAND.search(value) or _MATH.search(value))


def _braces(value: str) -> list[re.Match[str]]:
    return [m for m in _BRACE_TOKEN.finditer(value) if m.group(0) in "{}"]


def balanced(value: str) -> bool:
    """True when LaTeX reads the braces of ``value`` as balanced (``\\{`` is no brace)."""
    return braces_balanced(value, escaped=True)


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

    What :func:`encode_plain` wrote comes back as plain text.  Anything else
    is a person's LaTeX, marked :class:`Latex`: only LaTeX with an exact plain
    spelling is decoded, else the whole value is kept as written (a wrong
    decoding is worse than none).
    """
    if field not in VERBATIM_FIELDS:
        plain = decode_plain(raw)
        return plain if plain is not None else Latex(_decode_latex(raw))
    if "\\" not in raw:
        return raw
    # only the writer's escaping of an unbalanced brace is undone
    return raw if _braces(raw) else _ESCAPED_BRACE.sub(r"\1", raw)


def _decode_latex(raw: str) -> str:
    if "\\" not in raw:
        return raw
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
    """``value`` spelled for a braced BibTeX field (the inverse of decode_value):
    plain text through :func:`encode_plain`, :class:`Latex` as it is.  BibTeX
    sees balanced braces whatever the value."""
    if field in VERBATIM_FIELDS:
        return _encode_verbatim(value)
    if not isinstance(value, Latex):
        return encode_plain(value)
    text = _encode_latex(value)
    if not bibtex_balanced(text):  # \{ counts as a brace for BibTeX
        text = _ESCAPED_BRACE.sub(lambda m: _LONE_BRACES[m.group(1)], text)
    return text if bibtex_balanced(text) else encode_plain(value)


# what a URL spells as %7B %7D %5C: the one spelling of a lone brace that a
# verbatim field (which reads no LaTeX) can hold without unbalancing BibTeX
_URL_ESCAPES = {"{": "%7B", "}": "%7D", "\\": "%5C"}


def _encode_verbatim(value: str) -> str:
    if bibtex_balanced(value) and balanced(value) and not value.endswith("\\"):
        return value
    return re.sub(r"[{}\\]", lambda m: _URL_ESCAPES[m.group(0)], value)


def _encode_latex(value: str) -> str:
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


def _whole_group(text: str) -> str | None:
    """The inside of ``text`` when all of it is one brace group ``{...}``."""
    if len(text) < 2 or text[0] != "{" or text[-1] != "}":
        return None
    return text[1:-1] if matching_brace(text, 0, escaped=True) == len(text) else None


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
    parts = [p.strip() for p in split_top_level(raw, _COMMA, escaped=True)]
    extended = _extended_name(parts)
    if extended is not None:
        return extended
    if len(parts) == 1:
        words = [w for w in split_top_level(raw, _WORDS, escaped=True) if w]
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
        suffix = _plain(parts[1])
        joined = f"{family}, {suffix}"  # the "Jr" part stays with the family
        family = Latex(joined) if isinstance(family, Latex) or isinstance(suffix, Latex) else joined
    return Name(family=family, given=_plain(", ".join(parts[2:])))


# biblatex's extended name format: "family=Berg, given=Jan, prefix=van,
# useprefix=true"; biber's name options ("uniquename=false") and parts it
# does not print ("middle=") may stand among them
_NAME_PART = re.compile(r"^(?P<part>[a-z][a-z-]*)\s*=\s*(?P<value>.*)$", re.IGNORECASE | re.DOTALL)


def _extended_name(parts: list[str]) -> Name | None:
    """A name in biblatex's extended format (its first word holds ``=``, as
    pandoc and biber tell it), or None when ``parts`` are not one.  A name
    of options only (``labelalphanametemplatename=x``) has an empty family."""
    first_word = parts[0].split(None, 1)[0] if parts[0].strip() else ""
    if "=" not in first_word:
        return None
    found: dict[str, str] = {}
    for part in parts:
        m = _NAME_PART.match(part)
        if m is None:
            return None
        found.setdefault(m.group("part").lower(), m.group("value").strip())
    if "family" not in found:
        return Name(family="", given=_plain(found.get("given", "")))
    family = " ".join(v for v in (found.get("prefix"), found["family"]) if v)
    if found.get("suffix"):
        family = f"{family}, {found['suffix']}"
    return Name(family=_plain(family), given=_plain(found.get("given", "")))


def parse_names(raw: str) -> tuple[Name, ...]:
    """An author/editor field split at ``and`` outside braces."""
    names = (parse_name(p) for p in split_top_level(raw.strip(), _AND, escaped=True) if p.strip())
    return tuple(n for n in names if n.family or n.given)


_NEEDS_GROUP = re.compile(r",|\band\b|^\s|\s$", re.IGNORECASE)


def encode_name(name: Name) -> str:
    """``Family, Given`` (``{Org Name}`` for an organisation) as parse_name reads it."""
    if name.literal:
        return "{" + encode_value(name.family) + "}"
    given = encode_value(name.given)
    if "," in name.family and name.given:
        last, _, suffix = name.family.partition(",")
        suffix = suffix.strip()
        if isinstance(name.family, Latex):
            last, suffix = Latex(last), Latex(suffix)
        return f"{_group_if_needed(last)}, {_group_if_needed(suffix)}, {given}"
    family = _group_if_needed(name.family)
    if " and " in given.lower() or "," in given:
        given = "{" + given + "}"
    if name.given:
        return f"{family}, {given}"
    # one word needs no comma (BibTeX errors on a comma closing a name); more
    # words keep it, so that none of them is read as a given name
    return family if not any(c.isspace() for c in family) else f"{family},"


def _group_if_needed(text: str) -> str:
    encoded = encode_value(text)
    return "{" + encoded + "}" if _NEEDS_GROUP.search(text) else encoded


def encode_names(names: tuple[Name, ...]) -> str:
    return " and ".join(encode_name(n) for n in names)
