"""Markdown (pandoc flavour) → plain text, offset map, explicit markers, front matter.

Input: the text of a Markdown essay.
Output: plain text with one source offset per character, the spans of
explicit note markers (``[^1]``, ``^1^``) and the front matter's fields;
footnote definitions become a ``Notes`` section at the end of the text —
``[^1]: …``, and notes written where they stand: a block opening with a
raised number (``<sup>1</sup> …``, ``^1^``, ``$^1$``, ``¹``), with the
bracketed number of a ``[1]`` marker above, or an HTML element a marker
links to (``<a name="fn1">``, ``<li id="fn:1">``).
Never: read files or import yaml (front matter is read by hand: title,
author, date and venue are all it needs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from relbib.ingest.emphasis import ItalicRuns, settle_marks
from relbib.ingest.html import BACKREF_HREF_RE, FN_HREF_RE, FN_ID_RE
from relbib.ingest.note_links import fenced_spans, in_spans, kept_link_url
from relbib.ingest.sentences import line_starts
from relbib.ingest.symbols import SYMBOL
from relbib.ingest.textmap import TextBuilder, finish

# --- regexes: Markdown ----------------------------------------------------------

# "[^3]: …", indented by up to three spaces as CommonMark allows (a converter
# may indent the notes under their heading: "   [^3]: Vgl. …").
_MD_FOOTNOTE_DEF_RE = re.compile(r" {0,3}\[\^([^\]\s]+)\]:[ \t]*")
# A note written as a line that opens with its number raised, at the start
# of a block ("***", a blank line, the note before): "<sup>1</sup> Text",
# "<br><sup>2</sup>Text", "^3^ Text".
_MD_SUP_DEF_RE = re.compile(
    r"[ \t]{0,3}(?:<br\s*/?>[ \t]*)?(?:<sup>[ \t]*\[?(\d{1,4})\]?[ \t]*</sup>|\^(\d{1,4})\^"
    r"|\$\^\{?(\d{1,4})\}?\$|([¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})"
    rf"|<sup>[ \t]*(?P<symbol>{SYMBOL})[ \t]*</sup>)[ \t]*(?=\S)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# An HTML element opening a note: an anchor or item a marker links to, then
# maybe the note's printed number ('<a name="foot3">3</a>: …', '<li id="fn:3">').
_MD_ANCHOR_DEF_RE = re.compile(
    r'[ \t]*<(?:a|li|p|div|span|aside)\s[^<>]*?\b(?:name|id)="([^"<>]{1,80})"[^<>]*>'
    r"[ \t]*(?:</a>)?[ \t]*(?:\[?\d{1,4}\]?[ \t]*(?:</a>)?[ \t]*[:.)]?[ \t]*)?")
# A marker that links to its note: "[3](#foot3)", '<a href="#fn:3">3</a>', '<a href="#n3"><sup>3</sup>'.
_MD_MARKER_LINK_RE = re.compile(
    r"\[\[?(\d{1,3})\]?\]\(#([^()\s]{1,80})\)"
    r'|<a\s[^<>]*?\bhref="#([^"<>]{1,80})"[^<>]*>[ \t]*(?:<sup>)?[ \t]*\[?(\d{1,3})\]?[ \t]*(?:</sup>)?[ \t]*</a>')
# A note opening a block with its bracketed number, as its marker is printed ("[3] Text").
_MD_BRACKET_DEF_RE = re.compile(r"[ \t]{0,3}\[(\d{1,3})\][ \t]+(?=\S)")
# A kramdown block attribute line ("{: .fs-2}"): styling, no text.
_MD_IAL_RE = re.compile(r"[ \t]{0,3}\{:[^{}\n]*\}[ \t]*$")
_MD_HEADING_RE = re.compile(r"(#{1,6})[ \t]+")
# A line that opens a block of its own and so interrupts a paragraph (CommonMark):
# a heading, a bullet item or a block quote. Under a note it is no lazy
# continuation ("[^1]: Marlow, 1968." then "- Marlow, Edith. …" or "## Bibliography").
_MD_INTERRUPT_RE = re.compile(r"#{1,6}(?:[ \t]|$)|[-*+][ \t]+\S|>")
_MD_SETEXT_RE = re.compile(r"[ \t]*(?:=+|-{2,})[ \t]*$")
_MD_LINK_DEF_RE = re.compile(r"[ \t]{0,3}\[[^\]^][^\]]*\]:[ \t]*\S+")
_MD_FENCE_RE = re.compile(r"[ \t]*(```|~~~)")
# One inline token; the group that matched says what it is.
# A pandoc inline note, ^[text], whose text may hold one level of brackets
# (a link: ^[See [the report](https://…).]).
_INLINE_NOTE = r"\^\[(?P<itext>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
_INLINE_NOTE_RE = re.compile(_INLINE_NOTE)
_MD_INLINE_RE = re.compile(
    r"(?P<inline>" + _INLINE_NOTE + r")"  # pandoc inline note ^[text]
    r"|(?P<fnref>\[\^(?P<label>[^\[\]\s]+)\])"  # pandoc footnote reference [^1]
    r"|(?P<sup>\^(?P<supn>\d{1,3})\^)"  # pandoc superscript ^1^
    r"|(?P<mathsup>\$\^\{?(?P<msupn>\d{1,3})\}?\$)"  # TeX math superscript $^1$
    r"|(?P<usup>[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})"  # Unicode superscript ¹
    r"|(?P<htmlsup><sup(?:\s[^<>]*)?>[ \t]*(?:(?P<hsupn>\d{1,3})|\[(?P<hsupl>\d{1,3})\]\(#[^()\s]{1,80}\))"
    r"[ \t]*</sup>)"  # raw HTML <sup>1</sup>, <sup>[1](#foot1)</sup>
    rf"|(?P<symsup><sup(?:\s[^<>]*)?>[ \t]*(?P<sym>{SYMBOL})[ \t]*</sup>|\^(?P<caretsym>{SYMBOL})\^)"  # <sup>†</sup>
    r'|(?P<anchor><a\s[^<>]*>(?P<atext>[^<>]{0,40})</a>)'  # <a href="#fn:1">1</a>, <a href="#fnref:1">↩</a>
    r"|(?P<image>!\[(?P<alt>[^\[\]]*)\]\((?:[^()]|\([^()]*\))*\))"  # ![alt](src)
    r"|(?P<link>\[(?P<ltext>[^\[\]]+)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\]))"  # [text](url), [text][ref]
    r"|(?P<auto><(?P<url>https?://[^>\s]+)>)"  # <http://...>
    r"|(?P<tag></?[A-Za-z][^<>]*>|<!--(?:[^<-]++|-(?!->)|<(?!!--))*+-->)"  # inline HTML: dropped
    r"|(?P<escape>\\(?P<esc>[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]))"  # backslash escape: any ASCII punctuation (CommonMark 2.4)
    r"|(?P<emph>(?<![\w\\])(?:\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3}|~~)(?!\w)|`+)"
)
_MD_LIST_RE = re.compile(r"[ \t]*(?:[*+\-]|\d{1,3}[.)])[ \t]+")
_MD_QUOTE_RE = re.compile(r"[ \t]{0,3}>[ \t]?")
# A pipe table: its rows open with "|", its rule row is dashes between pipes.
_MD_TABLE_ROW_RE = re.compile(r"[ \t]{0,3}\|.*\|?[ \t]*$")
_MD_TABLE_RULE_RE = re.compile(r"[ \t]{0,3}\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$")


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


def _md_inline(out: TextBuilder, text: str, start: int, end: int,
               labels: dict[str, int | str], hints: list[tuple[int, int]],
               italics: ItalicRuns | None = None) -> None:
    """Inline Markdown of text[start:end] into ``out``; with ``italics`` (a
    note's text) its italics are kept as stand-ins (see relbib.ingest.emphasis)."""
    pos = start
    stars = 0  # emphasis opened by stars and not yet closed
    kept: tuple[int, str] | None = None  # a note's link address, printed once its emphasis closes
    for m in _MD_INLINE_RE.finditer(text, start, end):
        if kept is not None and m.start() >= kept[0]:
            pos = _print_address(out, text, pos, kept)
            kept = None
        out.add(text[pos:m.start()], pos)
        pos = m.end()
        kind = m.lastgroup
        if m.group("inline"):
            n = labels.get(_inline_label(m.start()))
            if n is not None:
                at = len(out)
                out.generated(str(n), m.start())
                hints.append((at, len(out)))
        elif m.group("fnref"):
            n = labels.get(f"@{m.start()}", labels.get(m.group("label")))  # "@offset": a restarted number
            if n is not None:
                at = len(out)
                out.generated(str(n), m.start())
                hints.append((at, len(out)))
        elif m.group("sup") or m.group("htmlsup"):
            group = "supn" if m.group("sup") else "hsupn" if m.group("hsupn") else "hsupl"
            at = len(out)
            out.add(m.group(group), m.start(group))
            hints.append((at, len(out)))
        elif m.group("symsup"):
            group = "sym" if m.group("sym") else "caretsym"
            at = len(out)
            out.add(m.group(group), m.start(group))
            hints.append((at, len(out)))
        elif m.group("anchor"):
            _md_anchor(out, text, m, hints)
        elif m.group("mathsup") or m.group("usup"):
            digits = m.group("msupn") or m.group("usup").translate(_SUPERSCRIPT_DIGITS)
            if str(int(digits)) not in labels:  # "m²", "x$^2$": a power, not a note
                out.add(m.group(0), m.start())
                continue
            at = len(out)
            out.generated(digits, m.start())
            hints.append((at, len(out)))
        elif m.group("image"):
            out.add(m.group("alt"), m.start("alt"))
        elif m.group("link"):
            _md_inline(out, text, m.start("ltext"), m.end("ltext"), labels, hints, italics)
            if italics is not None and kept is None:  # "[Archives](https://…), accessed …": the note cites it
                kept = kept_link_url(text, m.group("link"), m.start(), m.end(), m.start("ltext"), m.end("ltext"), end)
        elif m.group("auto"):
            out.add(m.group("url"), m.start("url"))
        elif m.group("escape"):
            out.add(m.group("esc"), m.start("esc"))
        elif italics is not None and kind in ("emph", "tag"):
            _note_emphasis(out, text, m, italics)
        elif kind == "emph" and m.group(0).startswith("*"):
            if text[m.end():m.end() + 1].strip() and not (m.start() and re.match(r"[\w\\]", text[m.start() - 1])):
                stars += 1  # "*word": an emphasis opens
            elif stars:
                stars -= 1
            else:
                out.add(m.group(0), m.start())  # "Roe*" with no emphasis open: a note marker
        elif kind in ("tag", "emph"):
            pass
    if kept is not None:
        pos = _print_address(out, text, pos, kept)
    out.add(text[pos:end], pos)


def _print_address(out: TextBuilder, text: str, pos: int, kept: tuple[int, str]) -> int:
    """The text up to where a note's link address goes, then ", address"; where to go on."""
    at, url = kept
    if at > pos:
        out.add(text[pos:at], pos)
        pos = at
    out.generated(f", {url}", pos)
    return pos


_HREF_RE = re.compile(r'\bhref="([^"<>]*)"')
# Inline HTML that sets a note's words in italics ("<i>Title</i>", "<em>", "<cite>").
_ITALIC_TAG_RE = re.compile(r"<(/?)(?:i|em|cite)(?:\s[^<>]*)?>", re.IGNORECASE)


def _note_emphasis(out: TextBuilder, text: str, m: re.Match[str], italics: ItalicRuns) -> None:
    """An emphasis mark or an inline tag of a note: italics ("*x*", "_x_",
    "***x***", "<i>x</i>") open or close a run; bold ("**x**") and other tags
    are dropped; a lone "*" with nothing open stays (a note marker, "Roe*")."""
    token = m.group(0)
    tag = _ITALIC_TAG_RE.fullmatch(token)
    if tag is not None:
        (italics.close if tag.group(1) else italics.open)(m.start())
        return
    if token[0] not in "*_" or m.group("tag"):
        return
    opens = bool(text[m.end():m.end() + 1].strip()) and not (m.start() and re.match(r"[\w\\]", text[m.start() - 1]))
    italic = len(token) != 2  # "**x**" is bold
    if opens:
        italics.stars += token[0] == "*"
        if italic:
            italics.open(m.start())
    elif token[0] == "*" and not italics.stars:
        out.add(token, m.start())
    else:
        italics.stars -= token[0] == "*"
        if italic:
            italics.close(m.start())


def _md_anchor(out: TextBuilder, text: str, m: re.Match[str], hints: list[tuple[int, int]]) -> None:
    """An HTML link in Markdown: a note's link back to its marker is dropped,
    a numbered link to a note is a marker, any other link is its text."""
    href = _HREF_RE.search(m.group("anchor"))
    target = href.group(1) if href else ""
    label = m.group("atext").strip().strip("[]")
    if BACKREF_HREF_RE.match(target) or re.search(r"\bclass=\"[^\"<>]*(?:reverse|back)", m.group("anchor")):
        return
    if label.isdigit() and FN_HREF_RE.search(target):
        at = len(out)
        start = m.start("atext") + m.group("atext").index(label)
        out.add(label, start)
        hints.append((at, len(out)))
        return
    out.add(m.group("atext"), m.start("atext"))


def _md_table_row(out: TextBuilder, text: str, start: int, end: int,
                  labels: dict[str, int | str], hints: list[tuple[int, int]]) -> None:
    """A table row as a paragraph of its own, cells apart ("Russia; 2016"):
    a marker in a cell claims its row, not the rows around it."""
    out.newlines(2, start)
    row = text[start:end]
    bars = [start + m.start() for m in re.finditer(r"(?<!\\)\|", row)]
    edges = bars if row.lstrip().startswith("|") else [start - 1, *bars]
    if not row.rstrip().endswith("|"):
        edges.append(end)
    written = False
    for a, b in zip(edges, edges[1:], strict=False):
        cell_start, cell_end = a + 1, b
        while cell_start < cell_end and text[cell_start] in " \t":
            cell_start += 1
        while cell_end > cell_start and text[cell_end - 1] in " \t":
            cell_end -= 1
        if cell_start < cell_end:
            if written:
                out.generated("; ", a)
            _md_inline(out, text, cell_start, cell_end, labels, hints)
            written = True
    out.newlines(2, end)


def _inline_label(offset: int) -> str:
    """The label an inline note ^[…] at ``offset`` goes by (no ``[^label]`` can hold "^")."""
    return f"^{offset}"


def _note_targets(text: str) -> dict[str, int]:
    """Where the body's linked markers point: fragment → note number
    ("<sup>[3](#foot3)</sup>", '<a href="#fn:3">3</a>')."""
    targets: dict[str, int] = {}
    for m in _MD_MARKER_LINK_RE.finditer(text):
        frag, n = (m.group(2), m.group(1)) if m.group(1) else (m.group(3), m.group(4))
        if frag and n:
            targets.setdefault(frag, int(n))
    return targets


def _note_opening(text: str, starts: Sequence[int], i: int, used: set[int],
                  targets: dict[str, int], brackets: dict[str, int]) -> tuple[str, int] | None:
    """(label, where its text starts) when line ``i`` opens a note: "[^3]: …",
    a raised number opening a block ("<sup>3</sup> …"), or an HTML element
    a marker links to ('<a name="foot3">3</a>: …', '<li id="fn:3">')."""
    s = starts[i]
    e = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
    m = _MD_FOOTNOTE_DEF_RE.match(text, s, e)
    if m:
        return m.group(1), m.end()
    sup = _MD_SUP_DEF_RE.match(text, s, e)
    if sup and _opens_block(text, starts, i, used):
        if sup.group("symbol"):
            return sup.group("symbol"), sup.end()  # "<sup>†</sup> Professor of Law."
        raised = sup.group(1) or sup.group(2) or sup.group(3) or sup.group(4).translate(_SUPERSCRIPT_DIGITS)
        return str(int(raised)), sup.end()
    bracket = _MD_BRACKET_DEF_RE.match(text, s, e)
    if bracket and _opens_block(text, starts, i, used) and brackets.get(bracket.group(1), s) < s:
        return str(int(bracket.group(1))), bracket.end()  # "[3] Text" of a "[3]" marked above
    anchor = _MD_ANCHOR_DEF_RE.match(text, s, e)
    if anchor:
        ident = anchor.group(1)
        fn = FN_ID_RE.match(ident)
        n = targets.get(ident) or (int(fn.group(1)) if fn else None)
        if n is not None:
            return str(n), anchor.end()
    return None


def _md_footnotes(text: str, body_start: int, repeats: list[tuple[str, int]]
                  ) -> tuple[dict[str, tuple[int, list[tuple[int, int]]]], set[int]]:
    """Pandoc footnote definitions: label → (line start, text spans), and the
    start offsets of every line they occupy; a label defined again is kept as
    "label\0k" (its k-th repeat) and recorded in ``repeats`` (label, line): pandoc
    reads the first definition, a book whose numbers restart reads each in turn."""
    defs: dict[str, tuple[int, list[tuple[int, int]]]] = {}
    spare = defs  # (later definitions are kept beside the first, under their own key)
    used: set[int] = set()
    starts = line_starts(text)
    targets = _note_targets(text)
    brackets: dict[str, int] = {}  # where "[3]" is first printed
    for b in re.finditer(r"\[(\d{1,3})\]", text):
        brackets.setdefault(b.group(1), b.start())
    current: str | None = None
    code = fenced_spans(text)
    for i, s in enumerate(starts):
        if s < body_start:
            continue
        if in_spans(s, code):
            current = None  # "[^1]: …" in a fenced block shows the syntax: no note
            continue
        e = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        opening = _note_opening(text, starts, i, used, targets, brackets)
        if current is not None and _MD_IAL_RE.match(text, s, e):
            used.add(s)  # "{: .fs-2}" under a note styles it
            continue
        if opening:
            label, text_start = opening
            if label in defs:
                repeats.append((label, i + 1))
                label = f"{label}\0{sum(1 for r, _ in repeats if r == label)}"
            defs[label] = (s, [(text_start, e)])
            current = label
            used.add(s)
        elif current is not None and text[s:e].strip() and (
            text[s:s + 1] in " \t" or starts[i - 1] in used and text[starts[i - 1]:s - 1].strip()
            and not _MD_INTERRUPT_RE.match(text, s, e)
        ):
            spare[current][1].append((s, e))  # a continuation line
            used.add(s)
        elif current is not None and not text[s:e].strip():
            nxt = starts[i + 1] if i + 1 < len(starts) else len(text)
            if text[nxt:nxt + 1] not in " \t":
                current = None
    return defs, used


_MD_RULE_RE = re.compile(r"[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_BREAK_END_RE = re.compile(r"<br\s*/?>[ \t]*$|</br>[ \t]*$")


def _restarted_numbers(placed: list[tuple[int, str]], defs: dict[str, tuple[int, list[tuple[int, int]]]],
                       repeats: list[tuple[str, int]], problems: list[tuple[str, int]],
                       inline: bool) -> dict[str, int | str]:
    """Note numbers for a book whose footnote numbers restart (per page or chapter): "[^1]"
    defined three times and referred to three times; the k-th marker of a label is read
    with its k-th definition, every note numbered in the order of its marker ("@offset"
    keys the marker, "label\0k" the definition).  Empty (and a problem per repeated
    definition, pandoc reading the first) when the markers and definitions do not pair,
    or inline notes (``^[…]``) are numbered among them."""
    if not repeats:
        return {}
    counts: dict[str, int] = {}
    for _, label in placed:
        counts[label] = counts.get(label, 0) + 1
    numbers: dict[str, int | str] = {}
    seen: dict[str, int] = {}
    for n, (pos, label) in enumerate(placed, start=1):
        k = seen.get(label, 0)
        seen[label] = k + 1
        numbers[f"@{pos}"] = n
        numbers[label if k == 0 else f"{label}\0{k}"] = n
    paired = all(counts.get(label, 0) == 1 + sum(1 for r, _ in repeats if r == label) for label, _ in repeats)
    if inline or not paired or any(label not in numbers for label in defs):  # a definition no marker reads
        for label, line in repeats:
            problems.append((f"footnote [^{label}] is defined twice: the first definition is read", line))
            defs.pop(f"{label}\0{sum(1 for r, ln in repeats if r == label and ln <= line)}", None)
        return {}
    problems.append((f"footnote numbers restart ([^{repeats[0][0]}] is defined "
                     f"{counts[repeats[0][0]]} times): each marker is read with the definition of its turn",
                     repeats[0][1]))
    return numbers


def _note_order(label: int | str) -> tuple[int, int]:
    """Symbol notes first (the author's note), then the numbered notes by number."""
    return (1, label) if isinstance(label, int) else (0, 0)


def _opens_block(text: str, starts: Sequence[int], i: int, used: set[int]) -> bool:
    """Whether line ``i`` starts a block: the first line, or after a blank
    line, a rule, a kramdown attribute line, a line break or another note."""
    if i == 0:
        return True
    s, e = starts[i - 1], starts[i] - 1
    before = text[s:e].rstrip("\r")
    return (not before.strip() or s in used or bool(_MD_RULE_RE.match(before))
            or bool(_MD_IAL_RE.match(before)) or bool(_MD_BREAK_END_RE.search(before)))


def reduce_markdown(text: str, problems: list[tuple[str, int]] | None = None
                    ) -> tuple[str, tuple[int, ...], list[tuple[int, int]], dict[str, str | list[str]]]:
    """Plain text, offset map, marker spans and front matter of a Markdown
    essay; what is wrong but readable goes into ``problems`` (message, line)."""
    meta, body_start = _front_matter(text)
    repeats: list[tuple[str, int]] = []
    defs, def_lines = _md_footnotes(text, body_start, repeats)
    # note numbers: the labels themselves when all are numbers, else order of first reference
    code = fenced_spans(text)  # "[^1]" shown as syntax in a fenced block is no marker
    placed_refs = [(m.start(), m.group(1)) for m in re.finditer(r"\[\^([^\]\s]+)\](?!:)", text)
                   if not in_spans(m.start(), code)]
    refs = [label for _, label in placed_refs]
    # inline notes ^[…] in the body take their place among the references
    inline = list(_INLINE_NOTE_RE.finditer(text, body_start))
    restarted = _restarted_numbers(placed_refs, defs, repeats, problems if problems is not None else [],
                                   bool(inline))
    def_labels = set(defs)
    if inline:
        placed = [(m.start(), m.group(1)) for m in re.finditer(r"\[\^([^\]\s]+)\](?!:)", text)
                  if not in_spans(m.start(), code)]
        placed += [(m.start(), _inline_label(m.start())) for m in inline]
        refs = [label for _, label in sorted(placed)]
        for m in inline:
            defs[_inline_label(m.start())] = (m.start(), [(m.start("itext"), m.end("itext"))])
    labels: dict[str, int | str] = {}
    # a symbol note ("[^*]", "<sup>†</sup>") keeps its symbol and is numbered apart
    symbols = {label: label for label in [*refs, *defs] if re.fullmatch(SYMBOL, label)}
    numbered = {label: d for label, d in defs.items() if label not in symbols}
    if numbered and all(label.isdigit() for label in numbered) and not inline:
        labels = {label: int(label) for label in numbered}
        labels.update({r: int(r) for r in refs if r.isdigit()})
    else:
        for label in [*refs, *defs]:
            if label not in symbols:
                labels.setdefault(label, len(labels) + 1)
    labels.update(symbols)
    if restarted:
        labels = {**restarted}  # each marker and each definition by its turn
    out = TextBuilder()
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
        if _MD_IAL_RE.match(line):
            continue  # "{: .class}" styles the block above
        if _MD_LINK_DEF_RE.match(line) or (_MD_SETEXT_RE.match(line) and line.strip()):
            out.newlines(2, s)
            continue
        if _MD_TABLE_RULE_RE.match(line):
            out.newlines(2, s)
            continue
        if _MD_TABLE_ROW_RE.match(line):
            _md_table_row(out, text, s, e, labels, hints)
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
        first = min((s for label, (s, _) in defs.items() if label in def_labels), default=len(text))
        out.newlines(2, first)
        out.generated("Notes\n\n", first)
        for label, (s, spans) in sorted(defs.items(), key=lambda kv: _note_order(labels[kv[0]])):
            out.generated(f"{labels[label]}{' ' if label in symbols else '. '}", s)
            italics = ItalicRuns(out)  # a note's italics may run over its wrapped lines
            for k, (a, b) in enumerate(spans):
                if k:
                    out.generated(" ", a)
                while a < b and text[a] in " \t":
                    a += 1
                _md_inline(out, text, a, b, labels, [], italics)
            italics.drop_open()
            out.generated("\n\n", s)
    settle_marks(out)
    return finish(out), tuple(out.offsets), hints, meta
