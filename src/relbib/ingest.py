"""Stage 1: an essay's text (plain, Markdown or HTML) → an Essay record.

Input: the decoded text of one essay, its path (for the id and messages)
and optionally its format.
Output: an :class:`relbib.model.Essay` — plain text, an offset map back to
the source, paragraphs, sentences, the notes section and markers
reconciled by :mod:`relbib.notes`, each note's claim, and the title,
authors, venue and date the essay itself shows — plus diagnostics.
Never: read a file, invent metadata the text does not show, or raise
anything but :class:`relbib.diagnostics.InputError` (for unusable input).

Markdown and HTML are reduced to plain text with one source offset per
plain-text character; explicit markers (``[^1]``, ``^1^``, ``<sup>1</sup>``,
``<a href="#fn1">``) become their digits in the plain text, and footnote
definitions become a ``Notes`` section at its end, so one notes finder
serves every format.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Literal

from relbib.diagnostics import InputError
from relbib.model import Diagnostic, Essay, Name
from relbib.notes import find_notes
from relbib.sentences import line_starts

Format = Literal["text", "markdown", "html"]

_SUFFIXES: dict[str, Format] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".qmd": "markdown", ".rmd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}

# --- regexes: format sniffing ---------------------------------------------------

# An HTML document opens with a doctype or an <html>/<body>/<p>/<div> tag.
_HTML_SNIFF_RE = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<(?:p|div|article)\b)",
                            re.IGNORECASE)
# Markdown shows itself by YAML front matter, ATX headings, pandoc footnotes or links.
_MD_SNIFF_RE = re.compile(r"\A---\n|^#{1,6} \S|\[\^[^\]]+\]|\]\([^)]+\)", re.MULTILINE)

# --- regexes: Markdown ----------------------------------------------------------

_MD_FOOTNOTE_DEF_RE = re.compile(r"\[\^([^\]\s]+)\]:[ \t]?")
_MD_HEADING_RE = re.compile(r"(#{1,6})[ \t]+")
_MD_SETEXT_RE = re.compile(r"[ \t]*(?:=+|-{2,})[ \t]*$")
_MD_LINK_DEF_RE = re.compile(r"[ \t]{0,3}\[[^\]^][^\]]*\]:[ \t]*\S+")
_MD_FENCE_RE = re.compile(r"[ \t]*(```|~~~)")
# One inline token; the group that matched says what it is.
_MD_INLINE_RE = re.compile(
    r"(?P<fnref>\[\^(?P<label>[^\]\s]+)\])"  # pandoc footnote reference [^1]
    r"|(?P<sup>\^(?P<supn>\d{1,3})\^)"  # pandoc superscript ^1^
    r"|(?P<htmlsup><sup>\s*(?P<hsupn>\d{1,3})\s*</sup>)"  # raw HTML <sup>1</sup>
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\([^)]*\))"  # ![alt](src)
    r"|(?P<link>\[(?P<ltext>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"  # [text](url), [text][ref]
    r"|(?P<auto><(?P<url>https?://[^>\s]+)>)"  # <http://...>
    r"|(?P<tag></?[A-Za-z][^>]*>|<!--.*?-->)"  # inline HTML: dropped
    r"|(?P<escape>\\(?P<esc>[\\`*_{}\[\]()#+\-.!^~]))"  # backslash escape
    r"|(?P<emph>(?<![\w\\])(?:\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3}|~~)(?!\w)|`+)"
)
_MD_LIST_RE = re.compile(r"[ \t]*(?:[*+\-]|\d{1,3}[.)])[ \t]+")
_MD_QUOTE_RE = re.compile(r"[ \t]{0,3}>[ \t]?")

# --- regexes: metadata from the text ---------------------------------------------

# Genre labels some sites append to titles: "… – OpEd", "… | Analysis".
_GENRE_RE = re.compile(
    r"\s*[–—|:-]\s*(?:op-?ed|analysis|opinion|commentary|editorial|interview|review|essay|"
    r"column|feature|explainer|blog)\s*$", re.IGNORECASE)
_BYLINE_RE = re.compile(r"(?:by|written by|author)\b[:\s]*(.*)$", re.IGNORECASE)
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|\band\b|&)\s*")
_NAME_TOKEN_RE = re.compile(r"(?:[A-Z][a-z]*\.|[A-Z][\w'’\-]*[a-z][\w'’\-]*|(?:al|el)-[A-Z][\w\-]+)$")
_PARTICLES = frozenset("de da del della di du la le van von der den ter al el bin ibn ul ud".split())
_HONORIFIC_RE = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|sir|dame)\.?\s+", re.IGNORECASE)
# Words of headings and page furniture, never of a person's name.
_NOT_NAME_WORDS = frozenset(
    """the a an and of in on for to with from introduction conclusion conclusions background
    abstract summary overview analysis discussion recommendations references notes sources
    bibliography historical current future challenges prospects way forward policy policies
    relations foreign leave reply comments share related posts read more tags keywords
    contents table figure chapter section part home news opinion world""".split()
)
# An author bio closing the essay: "Abbas Hashemite – is a political observer…",
# "*Rana Danish Nisar is a PhD … Student".
_BIO_RE = re.compile(
    r"\*?\s*(?P<name>[A-Z][\w.'’\-]+(?:\s+[\w.'’\-]+){1,3}?)\s*(?:[,–—-]\s*)?"
    r"(?:is|was|has|holds|teaches|works|serves|writes|heads|currently)\b"
)
_BIO_WORDS_RE = re.compile(
    r"\b(?:research|analyst|student|professor|lecturer|journalist|writer|author|fellow|scholar|"
    r"ph\.?d|director|editor|graduate|columnist|observer|teaches|studied|holds|expert|"
    r"correspondent|diplomat|retired|former)\b", re.IGNORECASE)
# Where the text names its venue: exclusively for “New Eastern Outlook“.
_VENUE_RES = (
    re.compile(r"\b(?:exclusively|especially|written)\s+for\s+(?:the\s+)?[“\"‘']\s*([^”“\"’‘\n]{2,80}?)\s*[”“\"’‘]"),
    re.compile(r"\b(?:originally|first)\s+(?:published|appeared)\s+(?:in|on|by)\s+(?:the\s+)?"
               r"[“\"‘']\s*([^”“\"’‘\n]{2,80}?)\s*[”“\"’‘]"),
)
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH_RE = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_RES = (
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})(?:-(?P<day>\d{2}))?"),
    re.compile(r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})"),
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(_MONTH_RE + r"\s+(?P<year>\d{4})"),
)
_DATE_LINE_RE = re.compile(r"(?:(?:published|posted|updated|date)(?:\s+on)?\s*:?\s*)?(.{6,40})$",
                           re.IGNORECASE)


# --- format ---------------------------------------------------------------------


def detect_format(path: str, text: str) -> Format:
    """The essay's format: by suffix, else by sniffing the text."""
    fmt = _SUFFIXES.get(PurePath(path).suffix.lower())
    if fmt is not None:
        return fmt
    if _HTML_SNIFF_RE.match(text):
        return "html"
    if _MD_SNIFF_RE.search(text[:20000]):
        return "markdown"
    return "text"


# --- plain text with an offset map -------------------------------------------------


class _Builder:
    """Plain text built piece by piece, each character remembering its source offset."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, src: int) -> None:
        """Source text copied verbatim from ``src``."""
        self.chars.extend(text)
        self.offsets.extend(range(src, src + len(text)))

    def generated(self, text: str, src: int) -> None:
        """Text the source implies (a note number, a line break) placed at ``src``."""
        self.chars.extend(text)
        self.offsets.extend([src] * len(text))

    def trim_spaces(self) -> None:
        while self.chars and self.chars[-1] in " \t":
            self.chars.pop()
            self.offsets.pop()

    def newlines(self, count: int, src: int) -> None:
        """End the current line (count=1) or paragraph (count=2)."""
        self.trim_spaces()
        if not self.chars:
            return
        have = 0
        while have < len(self.chars) and self.chars[-1 - have] == "\n":
            have += 1
        if have < count:
            self.generated("\n" * (count - have), src)

    def ends_with_space(self) -> bool:
        return not self.chars or self.chars[-1] in " \n"

    def __len__(self) -> int:
        return len(self.chars)

    def text(self) -> str:
        return "".join(self.chars)


def _finish(out: _Builder) -> str:
    """The builder's text without trailing whitespace."""
    while out.chars and out.chars[-1].isspace():
        out.chars.pop()
        out.offsets.pop()
    return out.text()


# --- Markdown ---------------------------------------------------------------------


def _front_matter(text: str) -> tuple[dict[str, str | list[str]], int]:
    """Simple YAML front matter (``key: value`` and ``- item`` lists) and where the body starts."""
    if not text.startswith("---\n"):
        return {}, 0
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        return {}, 0
    meta: dict[str, str | list[str]] = {}
    key = ""
    for line in text[4:4 + end.start()].splitlines():
        item = re.match(r"\s+-\s+(.*)$", line)
        if item and key:
            value = meta.get(key)
            meta[key] = (value if isinstance(value, list) else []) + [_unquote(item.group(1))]
            continue
        kv = re.match(r"([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if kv:
            key = kv.group(1).lower()
            raw = kv.group(2).strip()
            if raw.startswith("[") and raw.endswith("]"):
                meta[key] = [_unquote(v) for v in raw[1:-1].split(",") if v.strip()]
            elif raw:
                meta[key] = _unquote(raw)
    return meta, 4 + end.end() + 1


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _md_inline(out: _Builder, text: str, start: int, end: int,
               labels: dict[str, int], hints: list[tuple[int, int]]) -> None:
    """Inline Markdown of text[start:end] into ``out``."""
    pos = start
    for m in _MD_INLINE_RE.finditer(text, start, end):
        out.add(text[pos:m.start()], pos)
        pos = m.end()
        kind = m.lastgroup
        if m.group("fnref"):
            n = labels.get(m.group("label"))
            if n is not None:
                at = len(out)
                out.generated(str(n), m.start())
                hints.append((at, len(out)))
        elif m.group("sup") or m.group("htmlsup"):
            digits = m.group("supn") or m.group("hsupn")
            at = len(out)
            out.add(digits, m.start("supn") if m.group("sup") else m.start("hsupn"))
            hints.append((at, len(out)))
        elif m.group("image"):
            out.add(m.group("alt"), m.start("alt"))
        elif m.group("link"):
            _md_inline(out, text, m.start("ltext"), m.end("ltext"), labels, hints)
        elif m.group("auto"):
            out.add(m.group("url"), m.start("url"))
        elif m.group("escape"):
            out.add(m.group("esc"), m.start("esc"))
        elif kind in ("tag", "emph"):
            pass
    out.add(text[pos:end], pos)


def _md_footnotes(text: str, body_start: int) -> tuple[dict[str, tuple[int, list[tuple[int, int]]]], set[int]]:
    """Pandoc footnote definitions: label → (line start, text spans), and the
    start offsets of every line they occupy."""
    defs: dict[str, tuple[int, list[tuple[int, int]]]] = {}
    used: set[int] = set()
    starts = line_starts(text)
    current: str | None = None
    for i, s in enumerate(starts):
        if s < body_start:
            continue
        e = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        m = _MD_FOOTNOTE_DEF_RE.match(text, s, e)
        if m:
            label = m.group(1)
            if label in defs:
                raise InputError(f"footnote [^{label}] is defined twice", line=i + 1)
            defs[label] = (s, [(m.end(), e)])
            current = label
            used.add(s)
        elif current is not None and text[s:e].strip() and (
            text[s:s + 1] in " \t" or starts[i - 1] in used and text[starts[i - 1]:s - 1].strip()
        ):
            defs[current][1].append((s, e))  # an indented or lazy continuation line
            used.add(s)
        elif current is not None and not text[s:e].strip():
            nxt = starts[i + 1] if i + 1 < len(starts) else len(text)
            if text[nxt:nxt + 1] not in " \t":
                current = None
    return defs, used


def _markdown(text: str) -> tuple[str, tuple[int, ...], list[tuple[int, int]], dict[str, str | list[str]]]:
    meta, body_start = _front_matter(text)
    defs, def_lines = _md_footnotes(text, body_start)
    # note numbers: the labels themselves when all are numbers, else order of first reference
    refs = [m.group(1) for m in re.finditer(r"\[\^([^\]\s]+)\](?!:)", text)]
    labels: dict[str, int] = {}
    if defs and all(label.isdigit() for label in defs):
        labels = {label: int(label) for label in defs}
        labels.update({r: int(r) for r in refs if r.isdigit()})
    else:
        for label in [*refs, *defs]:
            labels.setdefault(label, len(labels) + 1)
    out = _Builder()
    hints: list[tuple[int, int]] = []
    fenced = False
    starts = line_starts(text)
    for i, s in enumerate(starts):
        if s < body_start or s in def_lines:
            continue
        e = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        line = text[s:e].rstrip("\r")
        e = s + len(line)
        if _MD_FENCE_RE.match(line):
            fenced = not fenced
            out.newlines(1, s)
            continue
        if fenced:
            out.add(line, s)
            out.generated("\n", e)
            continue
        if _MD_LINK_DEF_RE.match(line) or (_MD_SETEXT_RE.match(line) and line.strip()):
            out.newlines(2, s)
            continue
        q = _MD_QUOTE_RE.match(text, s, e)
        pos = q.end() if q else s
        heading = _MD_HEADING_RE.match(text, pos, e)
        if heading:
            out.newlines(2, s)
            content_end = e
            while content_end > heading.end() and text[content_end - 1] in "# \t":
                content_end -= 1
            _md_inline(out, text, heading.end(), content_end, labels, hints)
            out.newlines(2, e)
            continue
        if not line.strip():
            out.newlines(2, s)
            continue
        bullet = _MD_LIST_RE.match(text, pos, e)
        if bullet:
            out.newlines(1, s)
            out.add(text[pos:bullet.end()].strip() + " ", pos)
            pos = bullet.end()
            if len(out.chars) and out.offsets[-1] >= bullet.end():
                out.offsets[-1] = bullet.end() - 1
        _md_inline(out, text, pos, e, labels, hints)
        out.generated("\n", e)
    if defs:
        first = min(s for s, _ in defs.values())
        out.newlines(2, first)
        out.generated("Notes\n\n", first)
        for label, (s, spans) in sorted(defs.items(), key=lambda kv: labels[kv[0]]):
            out.generated(f"{labels[label]}. ", s)
            for k, (a, b) in enumerate(spans):
                if k:
                    out.generated(" ", a)
                while a < b and text[a] in " \t":
                    a += 1
                _md_inline(out, text, a, b, labels, [])
            out.generated("\n\n", s)
    return _finish(out), tuple(out.offsets), hints, meta


# --- HTML ---------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol section article aside header footer blockquote pre table "
    "tr td th figure figcaption hr dl dt dd main form address".split())
_SKIP_TAGS = frozenset("script style noscript template svg nav button select".split())
_FN_ID_RE = re.compile(r"(?:fn|footnote|endnote|note|ftn|_ftn|en)[-_:]?(\d{1,3})$", re.IGNORECASE)
_FN_HREF_RE = re.compile(r"#(?:fn|footnote|endnote|note|ftn|_ftn|en)[-_:]?(\d{1,3})$", re.IGNORECASE)
_BACKREF_HREF_RE = re.compile(r"#(?:fnref|ref|footnote-ref|_ftnref|ftnref|enref)", re.IGNORECASE)
_NOTES_CLASS_RE = re.compile(r"\b(?:foot|end)notes?\b|\bnotes\b", re.IGNORECASE)


class _HTMLReducer(HTMLParser):
    """HTML → plain text with exact source offsets (the stdlib tokenizer
    reports where each piece starts; character references arrive apart)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = line_starts(source)
        self.out = _Builder()
        self.hints: list[tuple[int, int]] = []
        self.meta: dict[str, list[str]] = {}
        self.skip = 0
        self.in_head = False
        self.in_title = False
        self.title_text: list[str] = []
        self.h1_text: list[str] | None = None
        self.first_h1 = ""
        self.lists: list[list[int | str]] = []  # [kind, counter]
        self.notes_depth: list[str] = []  # tags of open notes containers
        self.note_item: list[str] = []  # tags of open notes items
        self.suppress_number = False
        self.backref: list[str] = []
        self.marker: tuple[str, list[tuple[str, int]]] | None = None  # (tag, chars)

    def pos(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        at = self.pos()
        if tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, []).append(a["content"].strip())
            return
        if tag == "head":
            self.in_head = True
        if tag == "title":
            self.in_title = True
        if tag in _SKIP_TAGS:
            self.skip += 1
        if self.skip or self.in_head:
            return
        if tag == "h1" and not self.first_h1:
            self.h1_text = []
        if tag == "br":
            self.out.newlines(1, at)
            return
        in_notes = bool(self.notes_depth)
        if tag in ("section", "div", "aside", "ol", "ul", "footer") and (
            _NOTES_CLASS_RE.search(a.get("class", "")) or a.get("role", "") in ("doc-endnotes", "doc-footnotes")
            or a.get("id", "").lower() in ("footnotes", "endnotes", "notes")
        ) and not in_notes:
            self.out.newlines(2, at)
            self.out.generated("Notes", at)
            self.out.newlines(2, at)
            self.notes_depth.append(tag)
            in_notes = True
        elif self.notes_depth and tag == self.notes_depth[0]:
            self.notes_depth.append(tag)
        if tag in _BLOCK_TAGS:
            self.out.newlines(2 if tag != "li" else 1, at)
        if tag in ("ol", "ul"):
            start = a.get("start", "1")
            self.lists.append([tag, int(start) - 1 if start.isdigit() else 0])
        fn = _FN_ID_RE.match(a.get("id", ""))
        if tag == "li" and self.lists:
            kind = self.lists[-1]
            kind[1] = int(kind[1]) + 1
            if fn and (in_notes or kind[0] == "ol"):
                kind[1] = int(fn.group(1))
            self.out.generated(f"{kind[1]}. " if kind[0] == "ol" else "* ", at)
            if in_notes or fn:
                self.note_item.append(tag)
                self.suppress_number = True
            return
        if fn and tag in ("p", "div", "li", "aside") and not self.note_item:
            self.out.newlines(2, at)
            self.out.generated(f"{int(fn.group(1))}. ", at)
            self.note_item.append(tag)
            self.suppress_number = True
            return
        if tag == "a" and (
            _BACKREF_HREF_RE.match(a.get("href", ""))
            or ((self.note_item or in_notes) and "back" in a.get("class", ""))
        ):  # the ↩ link from a note back to its marker is not part of the note
            self.backref.append(tag)
            return
        if self.marker is None and not in_notes and (
            tag == "sup" or (tag == "a" and (_FN_HREF_RE.search(a.get("href", ""))
                                             or "footnote-ref" in a.get("class", "")))
        ):
            self.marker = (tag, [])

    def handle_endtag(self, tag: str) -> None:
        at = self.pos()
        if tag == "head":
            self.in_head = False
        if tag == "title":
            self.in_title = False
        if tag in _SKIP_TAGS and self.skip:
            self.skip -= 1
            return
        if self.skip or self.in_head:
            return
        if tag == "h1" and self.h1_text is not None:
            self.first_h1 = " ".join("".join(self.h1_text).split())
            self.h1_text = None
        if self.backref and tag == "a":
            self.backref.pop()
            return
        if self.marker is not None and tag == self.marker[0]:
            chars = self.marker[1]
            self.marker = None
            digits = [(c, o) for c, o in chars if c.isdigit()]
            label = "".join(c for c, _ in chars).strip().strip("[]()")
            if label.isdigit() and len(label) <= 3:
                start = len(self.out)
                for c, o in digits:
                    self.out.add(c, o)
                self.hints.append((start, len(self.out)))
            else:
                for c, o in chars:
                    self.out.add(c, o)
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if self.note_item and tag == self.note_item[-1]:
            self.note_item.pop()
            self.suppress_number = False
        if self.notes_depth and tag == self.notes_depth[-1]:
            self.notes_depth.pop()
        if tag in _BLOCK_TAGS:
            self.out.newlines(2 if tag != "li" else 1, at)

    def _text(self, text: str, src: int | None) -> None:
        """Append ``text`` (from ``src``, or at the current tag when None)."""
        if self.in_title:
            self.title_text.append(text)
            return
        if self.skip or self.in_head or self.backref:
            return
        if self.h1_text is not None:
            self.h1_text.append(text)
        at = self.pos()
        if self.suppress_number:
            if not text.strip():
                return
            if text.strip().strip("[]().").isdigit():
                return  # the note's own number inside its item
            self.suppress_number = False
        if self.marker is not None:
            self.marker[1].extend((c, (src if src is not None else at) + (i if src is not None else 0))
                                  for i, c in enumerate(text))
            return
        for i, c in enumerate(text):
            o = at if src is None else src + i
            if c.isspace():
                if not self.out.ends_with_space():
                    self.out.add(" ", o)
            else:
                self.out.add(c, o)

    def handle_data(self, data: str) -> None:
        self._text(data, self.pos())

    def handle_entityref(self, name: str) -> None:
        self._text(html.unescape(f"&{name};"), None)

    def handle_charref(self, name: str) -> None:
        self._text(html.unescape(f"&#{name};"), None)


def _html(text: str) -> tuple[str, tuple[int, ...], list[tuple[int, int]], dict[str, list[str]], str]:
    reducer = _HTMLReducer(text)
    reducer.feed(text)
    reducer.close()
    out = reducer.out
    plain = _finish(out)
    title = " ".join("".join(reducer.title_text).split())
    meta = reducer.meta
    meta.setdefault("_h1", [reducer.first_h1] if reducer.first_h1 else [])
    return plain, tuple(out.offsets), reducer.hints, meta, title


# --- metadata -------------------------------------------------------------------------


def _name(raw: str) -> Name | None:
    raw = _HONORIFIC_RE.sub("", raw.strip().strip("*").strip())
    if not raw:
        return None
    if "," in raw:
        family, given = (p.strip() for p in raw.split(",", 1))
        return Name(family=family, given=given)
    tokens = raw.split()
    if len(tokens) == 1:
        return Name(family=tokens[0])
    cut = len(tokens) - 1
    while cut > 1 and tokens[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return Name(family=" ".join(tokens[cut:]), given=" ".join(tokens[:cut]))


def _looks_like_name(text: str) -> bool:
    """2–4 capitalised words (initials and particles allowed), nothing else."""
    text = _HONORIFIC_RE.sub("", text.strip())
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 or len(text) > 50:
        return False
    capitals = 0
    for token in tokens:
        if token.lower() in _NOT_NAME_WORDS:
            return False
        if token.lower() in _PARTICLES:
            continue
        if not _NAME_TOKEN_RE.match(token):
            return False
        capitals += 1
    return capitals >= 2


def _names(text: str) -> tuple[Name, ...]:
    parts = [p for p in _NAME_SPLIT_RE.split(text.strip().rstrip(".")) if p]
    if not parts or not all(_looks_like_name(p) for p in parts):
        return ()
    return tuple(n for n in (_name(p) for p in parts) if n is not None)


def _iso_date(text: str) -> str:
    """An ISO 8601 date from a date as people write it, or ""."""
    for pattern in _DATE_RES:
        m = pattern.search(text)
        if not m:
            continue
        d = m.groupdict()
        year = int(d["year"])
        if d.get("month"):
            month = next((n for name, n in _MONTHS.items() if name.startswith(d["month"].lower())
                          and len(d["month"]) >= 3), 0)
        else:
            month = int(d.get("mnum") or 0)
        if not 1000 <= year <= 2999 or not 1 <= month <= 12:
            continue
        day = int(d.get("day") or 0)
        if day and not 1 <= day <= 31:
            continue
        return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"
    m = re.fullmatch(r"\s*(\d{4})\s*", text)
    return m.group(1) if m else ""


def _nonempty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _text_title(lines: list[str]) -> str:
    if len(lines) < 2:
        return ""
    first = lines[0]
    words = first.split()
    if len(first) > 200 or len(words) > 25 or first[-1] in ".,;:" or first[:1] in "*•-–":
        return ""
    return _GENRE_RE.sub("", first).strip()


def _text_authors(lines: list[str], title: str) -> tuple[Name, ...]:
    head = lines[:8]
    for i, line in enumerate(head):
        if len(line.split()) > 12:
            break  # the body has begun
        by = _BYLINE_RE.match(line)
        if by:
            rest = by.group(1).strip()
            if not rest and i + 1 < len(head):
                rest = head[i + 1]
            names = _names(rest)
            if names:
                return names
    for i, line in enumerate(head):
        if len(line.split()) > 12:
            break
        if i == 0 and title:
            continue
        if line[-1] not in ".!?:;" and _looks_like_name(line):
            return (n,) if (n := _name(line)) else ()
    for line in reversed(lines[-5:]):
        if line.lower().startswith(("the author", "the writer")):
            continue
        m = _BIO_RE.match(line)
        if m and (line.startswith("*") or _BIO_WORDS_RE.search(line)) and _looks_like_name(m.group("name")):
            return (n,) if (n := _name(m.group("name"))) else ()
    return ()


def _text_venue(text: str) -> str:
    tail = text[-3000:]
    for pattern in _VENUE_RES:
        m = pattern.search(tail)
        if m:
            return m.group(1).strip().rstrip(".,;")
    return ""


def _text_date(lines: list[str]) -> str:
    for line in lines[1:8]:
        if len(line) > 45:
            continue
        m = _DATE_LINE_RE.match(line)
        if m and (date := _iso_date(m.group(1))) and re.search(r"\d{4}", line):
            if re.fullmatch(r"[\d\s]+", line) and len(line.strip()) != 4:
                continue
            if not re.fullmatch(r"\d{4}", line.strip()):
                return date
    return ""


def _first(meta: dict[str, list[str]] | dict[str, str | list[str]], *keys: str) -> str:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, list):
            value = value[0] if value else ""
        if value:
            return str(value).strip()
    return ""


def _all(meta: dict[str, list[str]] | dict[str, str | list[str]], *keys: str) -> list[str]:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and value:
            return [v for v in re.split(r"\s*;\s*|\s+and\s+", value) if v]
        if isinstance(value, list) and value:
            return [str(v) for v in value if v]
    return []


# --- the essay -------------------------------------------------------------------------


def _source_line(source: str, offset_map: tuple[int, ...], plain: str, line: int) -> int:
    """The source line of a plain-text line (for messages about HTML/Markdown)."""
    if not offset_map or line < 1:
        return line
    starts = line_starts(plain)
    offset = starts[min(line, len(starts)) - 1]
    if offset >= len(offset_map):
        return line
    return source.count("\n", 0, offset_map[offset]) + 1


def load_essay(text: str, *, path: str, fmt: str | None = None) -> tuple[Essay, tuple[Diagnostic, ...]]:
    """The Essay ``text`` holds, and what is wrong with it.

    Raises InputError (naming ``path`` and the line) for empty text or a
    notes section with gaps or duplicate numbers.
    """
    if not text.strip():
        raise InputError("the essay is empty", path=path, line=1)
    chosen: Format = detect_format(path, text) if fmt is None else _as_format(fmt, path)
    source = text
    hints: list[tuple[int, int]] = []
    offset_map: tuple[int, ...] = ()
    meta: dict[str, str | list[str]] | dict[str, list[str]] = {}
    html_title = ""
    try:
        if chosen == "markdown":
            plain, offset_map, hints, meta = _markdown(_normalize(source))
        elif chosen == "html":
            plain, offset_map, hints, meta, html_title = _html(source)
        else:
            plain = source
    except InputError as error:
        raise InputError(error.detail, path=path, line=error.line) from None
    if chosen != "html" and ("\r" in source or source.startswith("\ufeff")):
        plain, offset_map = _normalized_with_map(source, offset_map, plain)
    if not plain.strip():
        raise InputError("the essay has no text", path=path, line=1)

    try:
        found = find_notes(plain, marker_hints=tuple(hints))
    except InputError as error:
        raise InputError(error.detail, path=path,
                         line=_source_line(source, offset_map, plain, error.line)) from None
    diagnostics = tuple(
        replace(d, path=path, line=_source_line(source, offset_map, plain, d.line))
        for d in found.diagnostics
    )

    lines = _nonempty_lines(plain[:found.body_end] if found.body_end else plain)
    all_lines = _nonempty_lines(plain)
    text_title = _text_title(lines)
    title = (_first(meta, "citation_title", "dc.title", "title", "og:title")
             or _first(meta, "_h1") or re.split(r"\s+[|–—]\s+", html_title)[0].strip() or text_title)
    title = _GENRE_RE.sub("", title).strip()
    authors = tuple(n for n in (_name(a) for a in _all(meta, "citation_author", "author", "dc.creator",
                                                       "authors")) if n is not None)
    if not authors:
        authors = _text_authors(all_lines, text_title)
    venue = (_first(meta, "citation_journal_title", "og:site_name", "venue", "journal",
                    "publication", "site", "container-title")
             or _text_venue(plain))
    raw_date = _first(meta, "citation_publication_date", "citation_date", "article:published_time",
                      "dc.date", "dc.date.issued", "date", "published")
    date = _iso_date(raw_date) if raw_date else _text_date(lines)

    essay = Essay(
        id=PurePath(path).stem,
        path=path,
        title=title,
        authors=authors,
        venue=venue,
        date=date,
        text=plain,
        offset_map=offset_map,
        paragraphs=found.paragraphs,
        sentences=found.sentences,
        body_end=found.body_end,
        notes=found.notes,
        markers=found.markers,
    )
    return essay, diagnostics


def _as_format(fmt: str, path: str) -> Format:
    aliases: dict[str, Format] = {"text": "text", "txt": "text", "markdown": "markdown", "md": "markdown",
                                  "html": "html", "htm": "html"}
    if fmt.lower() not in aliases:
        raise InputError(f"unknown essay format {fmt!r} (text, markdown or html)", path=path)
    return aliases[fmt.lower()]


def _normalize(text: str) -> str:
    """Markdown is reduced after CRLF and a BOM are normalised (offsets then
    refer to the normalised text, which equals the source for LF files)."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _normalized_with_map(source: str, inner: tuple[int, ...], plain: str) -> tuple[str, tuple[int, ...]]:
    """Plain text with CRLF/BOM removed, and the map back to the original source."""
    # source offset of each character of the normalised text
    back: list[int] = []
    chars: list[str] = []
    i = 1 if source.startswith("\ufeff") else 0
    while i < len(source):
        c = source[i]
        if c == "\r":
            chars.append("\n")
            back.append(i)
            i += 2 if source[i + 1:i + 2] == "\n" else 1
            continue
        chars.append(c)
        back.append(i)
        i += 1
    if inner:  # Markdown: plain offsets → normalised offsets → source offsets
        return plain, tuple(back[o] if o < len(back) else len(source) for o in inner)
    return "".join(chars), tuple(back)
