"""TeX markup in .bib values as clean, structured text.

Input: one field value as relbib holds it: a plain ``str`` (text a person or
relbib wrote, where only TeX's ligatures ``--``, ``---``, ``'`` and `````
mean anything) or a :class:`relbib.formats.bibvalues.Latex` value (a person's
LaTeX, kept as written).
Output: :class:`RichText`, a tuple of :class:`Run` (Unicode text with its
marks: italic, bold, small caps, superscript, subscript, and ``nocase`` for
the case-protecting braces ``{NP}``), its plain text, the sentence-cased
form CSL data expects, and the CSL-JSON spelling of it (``<i>``, ``<span
class="nocase">``).
Never: change a value (the .bib writer keeps the user's markup), do I/O, or
hand-translate TeX: pylatexenc turns accents, specials and math into Unicode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import (
    LatexCharsNode,
    LatexCommentNode,
    LatexGroupNode,
    LatexMacroNode,
    LatexMathNode,
    LatexNode,
    LatexWalker,
    LatexWalkerError,
)
from pylatexenc.latexwalker import (
    get_default_latex_context_db as get_walker_context_db,
)
from pylatexenc.macrospec import MacroSpec

from relbib.formats.bibvalues import Latex, is_markup

# TeX's script characters in math
_SCRIPTS = {"^": "sup", "_": "sub"}
# marks whose text sentence casing leaves alone (pandoc does not recase
# small capitals, superscripts or subscripts)
_UNCASED_MARKS = frozenset({"sc", "sup", "sub"})
# the macros that mark text rather than spell a character: their argument
# keeps its own runs, under this mark
_MARK_MACROS = {
    "emph": "i", "textit": "i", "textsl": "i", "mkbibemph": "i", "em": "i", "it": "i",
    "textbf": "b", "mkbibbold": "b", "bf": "b",
    "textsc": "sc", "sc": "sc",
    "textsuperscript": "sup", "mkbibsuperscript": "sup",
    "textsubscript": "sub", "mkbibsubscript": "sub",
    "textup": "", "textrm": "", "textnormal": "", "textsf": "", "texttt": "",
}
# link macros: the text of \\href, the address of \\url
_LINK_MACROS = frozenset({"href", "url"})
# BibTeX's sorting tricks (\\noopsort{1973c}1981, btxdoc): they print nothing
_SORT_MACROS = frozenset({"noopsort", "SortNoop", "sortnoop", "noop"})
# csquotes and biblatex quoting: their argument between quotation marks
_QUOTE_MACROS = frozenset({"enquote", "mkbibquote", "textquote"})
# what reading decoded in a value that has braces but no command (\\& is &
# now): LaTeX's specials, to be read as characters again
_DECODED_SPECIAL = re.compile(r"[&%$#_]")
# math font switches that print their argument's letters in a text font
_MATH_FONTS = {"mathit": "i", "mathbf": "b", "mathrm": "", "mathsf": "", "mathtt": "",
               "mathup": "", "mathnormal": "", "text": "", "textrm": "", "mbox": ""}
# what makes a value more than plain text and case-protecting braces: a
# command, math, a LaTeX special, a tie or a quote ligature (`` and !`)
_NOT_BRACES_ONLY = re.compile(r"[\\$%&#^_~`]")
# math: the minus sign a hyphen is in a formula, the relations and binary
# operators TeX sets apart (the TeXbook, chapter 18), and the spaces pandoc's
# texmath prints around them (three- and four-per-em)
_RELATIONS = frozenset(":=<>\u2264\u2265\u223c\u2248\u2260\u2261\u221d\u2192\u2190\u226a\u226b\u2243")
_BINARY = frozenset("*+\u2212\u00b1\u2213\u00d7\u22c5")
# a hyphen is a minus sign in a formula, an apostrophe a prime, and \cdot
# the dot operator (pylatexenc gives the middle dot of text)
_MATH_CHARS = {"-": "\u2212", "'": "\u2032", "\u00b7": "\u22c5"}
_THICK, _MEDIUM = "\u2004", "\u2005"
_OPENING, _CLOSING = "([{\u27e8|", ")]}\u27e9|"
# TeX's quote and dash ligatures in text that is otherwise plain: what TeX
# prints for them (the TeXbook, chapter 2); a straight ' prints as ’
_LIGATURES = (("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"),
              ("`", "\u2018"), ("'", "\u2019"))
_LIGATURE = re.compile("|".join(re.escape(k) for k, _ in _LIGATURES))
_LIGATURE_TEXT = dict(_LIGATURES)
# how CSL-JSON spells each mark (CSL 1.0.2 appendix "Rich text markup")
_CSL_TAGS = {"i": ("<i>", "</i>"), "b": ("<b>", "</b>"),
             "sc": ('<span style="font-variant:small-caps;">', "</span>"),
             "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>")}
_NOCASE = ('<span class="nocase">', "</span>")
#: how CSL-JSON text spells a straight double quote that is no quotation
LITERAL_QUOTE = _NOCASE[0] + '"' + _NOCASE[1]
# what CSL processors read as markup in CSL-JSON text: <i>, </b>, <span ...>
_CSL_TAG = re.compile(r"<(?=/?(?:i|b|sup|sub|span)\b)", re.IGNORECASE)
# control characters no CSL processor (nor XML) takes
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# breaking white space (a no-break space from ``~`` is kept)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
# a word for sentence casing: letters and digits (a hyphen, slash or
# apostrophe ends one, as in pandoc's reading of BibTeX titles)
_WORD = re.compile(r"[^\W_]+")
# what ends a sentence inside a title: the next word starts a new one
_SENTENCE_END = re.compile(r"[.?!:]\s+$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """A stretch of text under the same marks."""

    text: str
    marks: tuple[str, ...] = ()  # "i", "b", "sc", "sup", "sub"
    nocase: bool = False  # inside case-protecting braces: never recased


@dataclass(frozen=True, slots=True, kw_only=True)
class RichText:
    """A field value as runs of clean text."""

    runs: tuple[Run, ...]

    @property
    def plain(self) -> str:
        return "".join(r.text for r in self.runs)


@cache
def _converter() -> LatexNodes2Text:
    # the TeX logos print their names, and \\S and \\P their signs (pylatexenc
    # drops them)
    context = get_default_latex_context_db()
    context.add_context_category("relbib-logos", prepend=True, macros=[
        *(MacroTextSpec(name, name) for name in ("TeX", "LaTeX", "LaTeXe", "BibTeX")),
        MacroTextSpec("S", "\u00a7"), MacroTextSpec("P", "\u00b6"), MacroTextSpec("hyphen", "-"),
        # \symbol{126} is the character of that code, "~" (a URL's tilde in
        # GAP's package list); pylatexenc printed "126"
        MacroTextSpec("symbol", _symbol)])
    return LatexNodes2Text(latex_context=context, math_mode="text", strict_latex_spaces=False)


def _symbol(node: LatexMacroNode, l2tobj: LatexNodes2Text) -> str:
    args = [a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None]
    code = l2tobj.nodelist_to_text(args[-1].nodelist if args and isinstance(args[-1], LatexGroupNode)
                                      else args).strip() if args else ""
    return chr(int(code)) if code.isdigit() and 32 <= int(code) < 0x110000 else code


@cache
def _walker_context():  # type: ignore[no-untyped-def]
    # pylatexenc builds its default macro table anew for every walker unless
    # it is given one: built once, it is a tenth of the time of a field
    context = get_walker_context_db()
    # \href takes two arguments (pylatexenc's walker knows none, its text
    # converter expects two)
    context.add_context_category("relbib-links", prepend=True, macros=[
        MacroSpec("href", "{{"), MacroSpec("symbol", "{"),
        *(MacroSpec(name, "{") for name in (*_SORT_MACROS, *_QUOTE_MACROS))])
    return context


def ligatures(text: str) -> str:
    """``text`` with TeX's dash and quote ligatures printed as TeX prints them."""
    return _LIGATURE.sub(lambda m: _LIGATURE_TEXT[m.group(0)], text)


def parse(value: str) -> RichText:
    """The clean, structured text of a field value (see the module docstring)."""
    if not isinstance(value, Latex):
        return RichText(runs=(Run(text=ligatures(value)),) if value else ())
    return _braces_only(str(value)) or _parse_latex(str(value))


def _braces_only(text: str) -> RichText | None:
    """The value read without pylatexenc when its only TeX is balanced braces
    ("The {NP}-hard case"): a third of the time of a 10,000-entry CSL
    conversion went to walking such values.  None when it has more TeX."""
    if _NOT_BRACES_ONLY.search(text):
        return None
    runs: list[Run] = []
    depth = start = 0
    for index, char in enumerate(text):
        if char in "{}":
            if index > start:  # each brace ends a run, as the walker's nodes end
                runs.append(Run(text=ligatures(text[start:index]), nocase=depth > 0))
            depth += 1 if char == "{" else -1
            if depth < 0:
                return None
            start = index + 1
    if depth:
        return None
    if start < len(text):
        runs.append(Run(text=ligatures(text[start:])))
    return RichText(runs=_merge(runs))


@lru_cache(maxsize=16_384)
def _parse_latex(value: str) -> RichText:
    # cached: a name or a journal's title recurs across a library
    text = value
    if not is_markup(text):
        text = _DECODED_SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    try:
        nodes = LatexWalker(text, latex_context=_walker_context(),
                            tolerant_parsing=True).get_latex_nodes()[0]
    except LatexWalkerError:
        return RichText(runs=(Run(text=ligatures(str(value))),))
    runs: list[Run] = []
    _walk(nodes or [], (), False, runs)
    return RichText(runs=_merge(runs))


def clean(value: str) -> str:
    """The plain Unicode text of a field value, with no TeX left in it."""
    return _SPACES.sub(" ", parse(value).plain).strip(" ") if value else ""


def _text(node: LatexNode) -> str:
    if isinstance(node, LatexCharsNode):
        return ligatures(node.chars)
    return str(_converter().nodelist_to_text([node]))


def _math(nodes: list[LatexNode], marks: tuple[str, ...], out: list[Run]) -> None:
    """Math as text: ``x^2`` and ``CO_2`` as superscript and subscript runs,
    commands (``\\alpha``) as their characters; never recased."""
    script = ""  # "sup" or "sub" when a ^ or _ waits for its argument
    for node in _branch(nodes, math=True):
        if isinstance(node, LatexCharsNode):
            for char in node.chars:
                if char in _SCRIPTS:
                    script = _SCRIPTS[char]
                elif not char.isspace():
                    out.append(Run(text=char, marks=(*marks, script) if script else marks, nocase=True))
                    script = ""
        elif isinstance(node, LatexGroupNode):
            _math(node.nodelist or [], (*marks, script) if script else marks, out)
            script = ""
        elif isinstance(node, LatexMacroNode) and node.macroname in _MATH_FONTS:
            # \mathit{A} is an italic A (as pandoc's texmath prints it), not
            # the mathematical italic letter U+1D434
            base = (*marks, script) if script else marks
            font = _MATH_FONTS[node.macroname]
            for arg in (a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None):
                _math(arg.nodelist if isinstance(arg, LatexGroupNode) else [arg],
                      (*base, font) if font else base, out)
            script = ""
        elif node is not None and not isinstance(node, LatexCommentNode):
            text = _text(node)
            if text:
                out.append(Run(text=text, marks=(*marks, script) if script else marks, nocase=True))
            script = ""


def _spaced(formula: list[Run]) -> list[Run]:
    """A formula's runs with the math minus and the spaces TeX (and pandoc's
    texmath) sets: around a relation ("x = 1", "N ≥ 3"), and around a binary
    operator between two operands ("2 + 1", "t − J"), not around a sign
    ("−1", "e⁻", "Ca²⁺")."""
    out = [replace(r, text=_MATH_CHARS[r.text]) if r.text in _MATH_CHARS else r for r in formula]
    # a prime is set as a superscript ("f′")
    out = [replace(r, marks=(*r.marks, "sup")) if r.text == "\u2032" and "sup" not in r.marks else r
           for r in out]
    for index, run in enumerate(out):
        if run.text in _RELATIONS:
            out[index] = replace(run, text=f"{_THICK}{run.text}{_THICK}")
        elif (run.text in _BINARY and 0 < index < len(out) - 1
              and _operand(out[index - 1]) and _operand(out[index + 1], after=True)
              and out[index - 1].marks == run.marks == out[index + 1].marks):
            out[index] = replace(run, text=f"{_MEDIUM}{run.text}{_MEDIUM}")
    return out


def _operand(run: Run, *, after: bool = False) -> bool:
    last = run.text[:1] if after else run.text[-1:]
    return bool(last) and (last.isalnum() or last in (_OPENING if after else _CLOSING))


def _branch(nodes: list[LatexNode], math: bool) -> list[LatexNode]:
    """``nodes`` with each ``\\ifmmode A\\else B\\fi`` replaced by the branch TeX
    takes: A in math, B in text (publishers' exports spell accents so)."""
    out: list[LatexNode] = []
    branches: list[list[LatexNode]] | None = None  # [then, else] inside a conditional
    for node in nodes:
        name = node.macroname if isinstance(node, LatexMacroNode) else None
        if name == "ifmmode" and branches is None:
            branches = [[]]
        elif branches is None:
            out.append(node)
        elif name == "else":
            branches.append([])
        elif name == "fi":
            out.extend(branches[0] if math else branches[-1] if len(branches) > 1 else [])
            branches = None
        else:
            branches[-1].append(node)
    return out if branches is None else out + branches[0]


def _walk(nodes: list[LatexNode], marks: tuple[str, ...], nocase: bool, out: list[Run]) -> None:
    nodes = _branch(nodes, math=False)
    for index, node in enumerate(nodes):
        if node is None or isinstance(node, LatexCommentNode):
            continue
        if isinstance(node, LatexGroupNode) and node.delimiters == ("{", "}"):
            # every brace group protects its case, {\"U} and {\em X} too
            # (as pandoc reads a .bib)
            _walk(node.nodelist or [], marks, True, out)
        elif isinstance(node, LatexMacroNode) and node.macroname in _MARK_MACROS:
            mark = _MARK_MACROS[node.macroname]
            inner_marks = (*marks, mark) if mark else marks
            args = [a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None]
            if args:
                for arg in args:
                    _walk(arg.nodelist if isinstance(arg, LatexGroupNode) else [arg],
                          inner_marks, nocase, out)
            else:  # a switch ({\em text}): it marks the rest of its group
                _walk(nodes[index + 1:], inner_marks, nocase, out)
                return
        elif isinstance(node, LatexMathNode):
            formula: list[Run] = []
            _math(node.nodelist or [], marks, formula)
            out.extend(_spaced(formula))
        elif isinstance(node, LatexMacroNode) and node.macroname in _LINK_MACROS:
            _link(node, marks, nocase, out)
        elif isinstance(node, LatexMacroNode) and node.macroname in _SORT_MACROS:
            continue
        elif isinstance(node, LatexMacroNode) and node.macroname in _QUOTE_MACROS:
            args = [a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None]
            # biblatex's \\mkbibquote keeps its argument's case (pandoc reads
            # the group as protected); csquotes' \\enquote does not
            inner = nocase or node.macroname == "mkbibquote"
            out.append(Run(text="\u201c", marks=marks, nocase=nocase))
            for arg in args:
                _walk(arg.nodelist if isinstance(arg, LatexGroupNode) else [arg], marks, inner, out)
            out.append(Run(text="\u201d", marks=marks, nocase=nocase))
        else:
            text = _text(node)
            if text:
                out.append(Run(text=text, marks=marks, nocase=nocase))


def _link(node: LatexMacroNode, marks: tuple[str, ...], nocase: bool, out: list[Run]) -> None:
    """``\\href{url}{text}`` prints its text, ``\\url{url}`` the address as
    written (pandoc prints both so, as links)."""
    args = [a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None]
    if not args:
        return
    last = args[-1]
    if node.macroname == "url":
        inner = last.nodelist if isinstance(last, LatexGroupNode) else [last]
        text = "".join(n.latex_verbatim() for n in inner or [])
        out.append(Run(text=text, marks=marks, nocase=True))
    else:
        _walk(last.nodelist if isinstance(last, LatexGroupNode) else [last], marks, nocase, out)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    merged: list[Run] = []
    for run in runs:
        if merged and merged[-1].marks == run.marks and merged[-1].nocase == run.nocase:
            merged[-1] = Run(text=merged[-1].text + run.text, marks=run.marks, nocase=run.nocase)
        else:
            merged.append(run)
    return tuple(merged)


# --- sentence case ------------------------------------------------------------------


def _recase_word(word: str, start: bool) -> str:
    # "S4", "L2": a capital with digits is a name, kept as pandoc keeps it
    capitalised = word[:1].isupper() and not any(c.isupper() or c.isdigit() for c in word[1:])
    if start:
        return word[:1].upper() + word[1:] if word.islower() else word
    return word.lower() if capitalised else word


def sentence_case(text: RichText) -> RichText:
    """``text`` in sentence case, as CSL data holds titles: a capitalised
    word is lowered unless it starts the title or a sentence (after ``.``,
    ``?``, ``!`` or ``:``), where a lower-case word is capitalised; words in
    capitals or mixed case (NATO, iPhone) and protected runs stay as written.
    This is how pandoc reads an English BibTeX title."""
    out: list[Run] = []
    first, since = True, ""  # no word yet; the text since the last word
    for run in text.runs:
        if run.nocase or _UNCASED_MARKS.intersection(run.marks):
            out.append(run)
            if _WORD.search(run.text):
                first, since = False, run.text[_last_word_end(run.text):]
            else:
                since += run.text
            continue
        pieces: list[str] = []
        last = 0
        for match in _WORD.finditer(run.text):
            since += run.text[last:match.start()]
            at_start = first or bool(_SENTENCE_END.search(since))
            pieces += [run.text[last:match.start()], _recase_word(match.group(0), at_start)]
            first, since, last = False, "", match.end()
        pieces.append(run.text[last:])
        since += run.text[last:]
        out.append(Run(text="".join(pieces), marks=run.marks))
    return RichText(runs=tuple(out))


def _last_word_end(text: str) -> int:
    ends = [m.end() for m in _WORD.finditer(text)]
    return ends[-1] if ends else 0


# --- CSL-JSON's rich text -------------------------------------------------------------


def csl_html(text: RichText) -> str:
    """``text`` as a CSL-JSON string: escaped, marks as CSL's HTML-like tags."""
    parts = []
    for run in text.runs:
        # CSL-JSON has no escapes (&lt; prints as itself); a word joiner
        # keeps text that looks like one of CSL's tags from acting as one
        spelled = _CSL_TAG.sub("<\u2060", _CONTROL.sub("", run.text))
        # a straight double quote in a .bib value is the character itself
        # (pandoc prints it so); citeproc would pair it up as a quotation
        # and curl it, and move a period inside it (Серия "Между строк")
        spelled = spelled.replace('"', LITERAL_QUOTE)
        for mark in reversed(run.marks):
            opening, closing = _CSL_TAGS[mark]
            spelled = opening + spelled + closing
        if run.nocase and any(c.isupper() or c.islower() for c in run.text):
            # only letters have a case to keep; a span around a lone quote
            # mark would cross the quotes CSL processors pair up
            spelled = _NOCASE[0] + spelled + _NOCASE[1]
        parts.append(spelled)
    return _SPACES.sub(" ", "".join(parts)).strip(" ")
