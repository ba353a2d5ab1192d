"""A LaTeX essay (``\\footnote{…}``) → plain text, offset map, markers, notes.

Input: the text of a .tex essay.
Output: the body's text cleaned of LaTeX (accents, dashes, ``\\emph``,
``\\section``), a marker (the note's number) where each ``\\footnote``
stands, the notes' text cleaned likewise as a ``Notes`` section at the end,
``\\title``/``\\author``/``\\date`` as metadata, and one source offset per
plain-text character.
Never: run TeX, read an ``\\input`` file, or raise anything but InputError.

Notes: ``\\footnote{…}`` (braces nested to any depth) takes the next
number; ``\\footnote[3]{…}`` is note 3; ``\\footnotemark`` marks the next
number and ``\\footnotetext{…}`` gives the text of the last marked one
(``\\footnotemark[4]``, ``\\footnotetext[4]{…}`` name their number).
pylatexenc's walker gives every node's position, so each character of the
cleaned text keeps its place in the .tex file; what LaTeX spells for a
macro (``\\'e`` → é, ``--`` → –) is pylatexenc's LatexNodes2Text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pylatexenc import latexwalker as lw
from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.macrospec import MacroSpec

from relbib.diagnostics import InputError
from relbib.ingest.emphasis import ITALIC_CLOSE, ITALIC_OPEN, settle_marks
from relbib.ingest.glyphs import glyph_runs, unreadable_glyph_message
from relbib.ingest.textmap import TextBuilder, finish

# \footnotemark and \footnotetext take their number and text as arguments
# (pylatexenc's default context does not know them).
_CONTEXT = lw.get_default_latex_context_db()
_CONTEXT.add_context_category(
    "relbib-notes", prepend=True,
    macros=[MacroSpec("footnotetext", "[{"), MacroSpec("footnotemark", "["), MacroSpec("endnote", "[{")])
# biblatex's and natbib's citation macros: prenote, postnote, keys.
_CITE_MACROS = frozenset(
    "cite Cite citep citet autocite Autocite parencite Parencite textcite Textcite footcite footcitetext "
    "footfullcite fullcite smartcite Smartcite supercite citeauthor Citeauthor citeyear citetitle".split())
# Those that set their citation as a footnote of its own (``\autocite`` too when the
# preamble's biblatex style or ``autocite=footnote`` says so).
_FOOT_CITES = frozenset("footcite footcitetext footfullcite smartcite Smartcite".split())
_BIBLATEX_OPTIONS = re.compile(r"\\usepackage\[(?P<options>[^\[\]]{0,500})\]\{biblatex\}")
_FOOTNOTE_STYLE = re.compile(r"\b(?:autocite=footnote|style=(?:verbose|chicago-notes|oscola|footnote-dw|ext-verbose))")
_CONTEXT.add_context_category(
    "relbib-cites", prepend=True,
    macros=[MacroSpec(name, "[[{") for name in _CITE_MACROS] + [MacroSpec("nocite", "{")])
_NOTE_MACROS = frozenset({"footnote", "endnote"})
# Macros whose argument is text to keep as it is (emphasis, small caps, quotes).
_TEXT_MACROS = frozenset(
    "emph textit textbf textsc textsl textup textrm textsf texttt textnormal underline mbox "
    "enquote mkbibquote mkbibemph foreign hyphenation url".split())
# Macros and declarations that set their text in italics (slanted counts: a title's face).
_ITALIC_MACROS = frozenset("emph textit textsl mkbibemph".split())
_ITALIC_DECLARATIONS = frozenset("it em itshape sl slshape".split())
# Macros that open a paragraph of their own, with their text as a heading.
_HEADING_MACROS = frozenset("part chapter section subsection subsubsection paragraph subparagraph".split())
# Environments that are not prose.
_SKIP_ENVIRONMENTS = frozenset("figure table tabular equation align thebibliography verbatim".split())
# Macros that print no prose of the essay (LatexNodes2Text would print a
# placeholder title and today's date for \maketitle).
_SKIP_MACROS = frozenset(
    "maketitle tableofcontents listoffigures listoftables printbibliography bibliography "
    "bibliographystyle today thanks label nocite".split())
# TeX's quotes as they print: ``double'', `single', and ' as an apostrophe.
# Two typographic single quotes typed for a double one ("’’", "‘‘") print as it does.
_QUOTES = {"``": "“", "''": "”", "`": "‘", "'": "’", "\u2018\u2018": "“", "\u2019\u2019": "”"}
_QUOTES_RE = re.compile(r"``|''|`|'|\u2018\u2018|\u2019\u2019")
# Preamble macros read as metadata.
_META_MACROS = {"title": "title", "author": "author", "date": "date"}


@dataclass(slots=True)
class _State:
    notes: list[tuple[int, int, TextBuilder]] = field(default_factory=list)  # (n, at, text)
    hints: list[tuple[int, int]] = field(default_factory=list)
    counter: int = 0
    meta: dict[str, list[str]] = field(default_factory=dict)
    to_text: LatexNodes2Text = field(default_factory=lambda: LatexNodes2Text(math_mode="verbatim"))
    in_note: int = 0  # inside a note's text: its italics are kept (relbib.ingest.emphasis)
    foot_autocite: bool = False  # the preamble's biblatex style sets \autocite as a footnote
    dropped: list[int] = field(default_factory=list)  # source offsets of unreadable glyphs


def _argument(node: lw.LatexMacroNode, index: int) -> lw.LatexNode | None:
    args = node.nodeargd.argnlist if node.nodeargd is not None else []
    return args[index] if -len(args) <= index < len(args) else None


def _number(node: lw.LatexNode | None) -> int | None:
    """The number of an optional argument ("[3]"), or None."""
    if node is None:
        return None
    text = node.latex_verbatim().strip("[]{} ")
    return int(text) if text.isdigit() and len(text) <= 4 else None


def _walk(nodes: list[lw.LatexNode] | None, out: TextBuilder, state: _State) -> None:
    for node in nodes or ():
        if isinstance(node, lw.LatexCharsNode):
            _chars(node.chars, node.pos, out, state)
        elif isinstance(node, lw.LatexCommentNode):
            continue
        elif isinstance(node, lw.LatexGroupNode) and state.in_note and _italic_group(node):
            out.generated(ITALIC_OPEN, node.pos)  # "{\\it Title}", "{\\em Title}"
            _walk(node.nodelist, out, state)
            out.generated(ITALIC_CLOSE, node.pos + node.len)
        elif isinstance(node, lw.LatexGroupNode):
            _walk(node.nodelist, out, state)
        elif isinstance(node, lw.LatexEnvironmentNode):
            if node.environmentname not in _SKIP_ENVIRONMENTS:
                out.newlines(2, node.pos)
                _walk(node.nodelist, out, state)
                out.newlines(2, node.pos + node.len)
        elif isinstance(node, lw.LatexMacroNode):
            _macro(node, out, state)
        elif isinstance(node, lw.LatexMathNode):
            out.generated(node.latex_verbatim().strip("$"), node.pos)
        else:  # "--" → "–", "~" → a space (a no-break space reads as a space in a note)
            out.generated(_spelled(state, node).replace("\xa0", " "), node.pos)


def _italic_group(node: lw.LatexGroupNode) -> bool:
    """ "{\\it Title}", "{\\em Title}": a group that opens with an italic declaration."""
    first = next((n for n in node.nodelist or () if not (isinstance(n, lw.LatexCharsNode) and not n.chars.strip())),
                 None)
    return isinstance(first, lw.LatexMacroNode) and first.macroname in _ITALIC_DECLARATIONS


def _spelled(state: _State, node: lw.LatexNode) -> str:
    """What LaTeX prints for ``node`` (pylatexenc); "" where a malformed macro
    (``\\title`` with no argument) trips pylatexenc itself."""
    try:
        return str(state.to_text.nodelist_to_text([node]))
    except (AttributeError, IndexError, KeyError, TypeError, ValueError, RecursionError):
        return ""


def _chars(text: str, pos: int, out: TextBuilder, state: _State) -> None:
    """Plain characters, with TeX's quotes spelled as they print (``…'' → “…”)
    and a font's glyphs as their letters (relbib.ingest.glyphs)."""
    cursor = 0
    spelled = [(m.start(), m.end(), _QUOTES[m.group()]) for m in _QUOTES_RE.finditer(text)]
    spelled += [(at, at + 1, letters) for at, letters in glyph_runs(text)]
    for start, end, letters in sorted(spelled):
        out.add(text[cursor:start], pos + cursor)
        out.generated(letters, pos + start)
        if not letters:
            state.dropped.append(pos + start)
        cursor = end
    out.add(text[cursor:], pos + cursor)


def _macro(node: lw.LatexMacroNode, out: TextBuilder, state: _State) -> None:
    name = node.macroname
    if name in _NOTE_MACROS or name == "footnotemark":
        n = _number(_argument(node, 0))
        if n is None:
            state.counter += 1
            n = state.counter
        at = len(out)
        out.generated(str(n), node.pos)
        state.hints.append((at, len(out)))
        if name != "footnotemark":
            _note(node, n, state)
    elif name == "footnotetext":
        _note(node, _number(_argument(node, 0)) or state.counter, state)
    elif name in _TEXT_MACROS:
        arg = _argument(node, -1)
        italic = state.in_note and name in _ITALIC_MACROS
        if italic:
            out.generated(ITALIC_OPEN, node.pos)
        _walk([arg] if arg is not None else [], out, state)
        if italic:
            out.generated(ITALIC_CLOSE, node.pos + node.len)
    elif name in _HEADING_MACROS:
        out.newlines(2, node.pos)
        arg = _argument(node, -1)
        _walk([arg] if arg is not None else [], out, state)
        out.newlines(2, node.pos + node.len)
    elif name in _CITE_MACROS and not state.in_note and (
            name in _FOOT_CITES or (state.foot_autocite and name in ("autocite", "Autocite"))):
        _foot_cite(node, out, state)
    elif name in _CITE_MACROS:
        if not out.ends_with_space():
            out.generated(" ", node.pos)
        _cited(node, out)
    elif name in _SKIP_MACROS:
        return
    elif name == "par":
        out.newlines(2, node.pos)
    elif name in _META_MACROS:
        arg = _argument(node, -1)
        if arg is not None:
            text = _spelled(state, arg).strip()
            if text:
                state.meta[_META_MACROS[name]] = [a.strip() for a in text.split("\\and") if a.strip()]
    else:
        text = _spelled(state, node)
        if text and not text.startswith("<"):  # "<cit.>" and the like are no text
            out.generated(text, node.pos)


def _foot_cite(node: lw.LatexMacroNode, out: TextBuilder, state: _State) -> None:
    """ "\\footcite[12]{roe2001}": a note of its own, numbered in turn, the citation its text."""
    state.counter += 1
    at = len(out)
    out.generated(str(state.counter), node.pos)
    state.hints.append((at, len(out)))
    cited = TextBuilder()
    _cited(node, cited)
    state.notes.append((state.counter, node.pos, cited))


def _cited(node: lw.LatexMacroNode, out: TextBuilder) -> None:
    """A citation macro as Pandoc writes a citation: ``\\cite[see][12]{a,b}`` →
    "[see @a; @b, 12]" (biblatex: one optional argument is the postnote), each
    key and note at its place in the source."""
    args = [a for a in (node.nodeargd.argnlist if node.nodeargd is not None else []) if a is not None]
    if not args:
        return
    keys, notes = args[-1], args[:-1]
    pre, post = (notes[0], notes[1]) if len(notes) == 2 else (None, notes[0] if notes else None)
    out.generated("[", node.pos)
    if pre is not None and pre.latex_verbatim().strip("[] "):
        out.add(pre.latex_verbatim()[1:-1].strip(), pre.pos + 1)
        out.generated(" ", pre.pos)
    raw = keys.latex_verbatim()
    for k, m in enumerate(re.finditer(r"[^,{}\s]+", raw)):
        out.generated("; @" if k else "@", keys.pos + m.start())
        out.add(m.group(), keys.pos + m.start())
    if post is not None and post.latex_verbatim().strip("[] "):
        out.generated(", ", post.pos)
        out.add(post.latex_verbatim()[1:-1].strip(), post.pos + 1)
    out.generated("]", node.pos + node.len)


def _note(node: lw.LatexMacroNode, n: int, state: _State) -> None:
    arg = _argument(node, -1)
    text = TextBuilder()
    state.in_note += 1
    _walk([arg] if arg is not None else [], text, state)
    state.in_note -= 1
    state.notes.append((n, arg.pos + 1 if arg is not None else node.pos, text))


def _one_line(note: TextBuilder, out: TextBuilder) -> None:
    """A note's text on one line: its line breaks and each run of spaces (a wrapped,
    indented source line) one space, none at its ends; each character keeps its offset."""
    last = len(out)
    for c, at in zip(note.chars, note.offsets, strict=True):
        c = " " if c in "\n\r\t" else c
        if c == " " and (len(out) == last or out.chars[-1] == " "):
            continue
        out.add(c, at)
    out.trim_spaces()


def _document(nodes: list[lw.LatexNode]) -> tuple[list[lw.LatexNode], list[lw.LatexNode]]:
    """(preamble, body): the body is the document environment when there is one."""
    for k, node in enumerate(nodes):
        if isinstance(node, lw.LatexEnvironmentNode) and node.environmentname == "document":
            return nodes[:k], node.nodelist or []
    return [], nodes


def reduce_latex(text: str, problems: list[tuple[str, int]] | None = None
                 ) -> tuple[str, tuple[int, ...], list[tuple[int, int]], dict[str, list[str]]]:
    """(plain text, offset map, marker spans, metadata) of a LaTeX essay; what
    is wrong but readable (an unreadable glyph) goes into ``problems``."""
    try:
        nodes, _, _ = lw.LatexWalker(text, latex_context=_CONTEXT, tolerant_parsing=True).get_latex_nodes(pos=0)
    except (lw.LatexWalkerError, IndexError, ValueError, RecursionError) as error:
        raise InputError(f"the LaTeX cannot be read ({error})") from None
    preamble, body = _document(nodes)
    options = _BIBLATEX_OPTIONS.search(text)
    state = _State(foot_autocite=options is not None and _FOOTNOTE_STYLE.search(options.group("options")) is not None)
    out = TextBuilder()
    try:
        for node in preamble:
            if isinstance(node, lw.LatexMacroNode) and node.macroname in _META_MACROS:
                _macro(node, TextBuilder(), state)
        _walk(body, out, state)
    except RecursionError:
        raise InputError("the LaTeX nests braces or environments too deeply to read") from None
    if state.notes:
        at = state.notes[0][1]
        out.newlines(2, at)
        out.generated("Notes\n\n", at)
        for n, start, note in sorted(state.notes, key=lambda t: t[0]):
            out.generated(f"{n}. ", start)
            _one_line(note, out)
            out.generated("\n", start)
    settle_marks(out, state.hints)
    if problems is not None:
        problems.extend(unreadable_glyph_message(text, at) for at in state.dropped)
    return finish(out), tuple(out.offsets), state.hints, state.meta
