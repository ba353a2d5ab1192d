"""The prose of a draft: LaTeX or Markdown text → sentences with positions.

Input: the text of one draft file and whether it is LaTeX or Markdown.
Output: a :class:`Prose` — the text with everything that is not prose blanked
out character for character (so every offset, line and column is the
draft's own), its paragraphs and sentences, and the *anchors* that move a
citation made inside a footnote to the place the footnote is attached.
Never: read a file, raise on malformed text, or judge a sentence.

Blanked: LaTeX comments, verbatim-like environments, ``\\iffalse``, the
preamble, math, floats and tables, headings, citation commands with their
arguments, labels and references, footnotes (their citations anchor to the
footnote mark); in Markdown the front matter, code, HTML, headings, tables,
citations, footnotes and link targets.  Formatting commands (``\\emph{x}``,
``*x*``) keep their words.  Paragraphs are separated by blank lines, list
items and headings, as LaTeX and pandoc separate them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from relbib.check.latex import _mask
from relbib.check.markdown import _HTML_COMMENT, _front_matter_end, _mask_blocks, _mask_spans
from relbib.ingest.sentences import join_broken_words, split_sentences
from relbib.model import Sentence, Span

__all__ = ["Prose", "latex_prose", "markdown_prose", "sentence_at"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Prose:
    """A draft's prose, at the draft's own offsets."""

    text: str  # same length as the draft; non-prose is spaces, newlines kept
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]  # text with whitespace runs collapsed
    # offset inside a footnote → offset of the footnote's mark in the body
    anchors: Mapping[tuple[int, int], int] = field(default_factory=lambda: MappingProxyType({}))

    def anchor(self, offset: int) -> int:
        """Where a citation at ``offset`` belongs (its footnote's mark, or itself)."""
        for (start, end), mark in self.anchors.items():
            if start <= offset < end:
                return mark
        return offset


# the word a sentence-opening citation leaves for the splitter ("Xxxx...")
_PLACEHOLDER = "Xx"


class _Canvas:
    """A mutable copy of the text that only ever loses characters to spaces."""

    def __init__(self, text: str) -> None:
        self.chars = list(text)
        self.breaks: set[int] = set()  # offsets that open a new paragraph
        # spans holding a placeholder word (a citation that opens a sentence):
        # the sentence splitter sees a word, the sentences' text does not
        self.placeholders: list[tuple[int, int]] = []

    def blank(self, start: int, end: int) -> None:
        chars = self.chars
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "

    def put(self, at: int, text: str) -> None:
        for i, ch in enumerate(text):
            if at + i < len(self.chars) and self.chars[at + i] != "\n":
                self.chars[at + i] = ch

    def blank_all(self, spans: list[tuple[int, int]]) -> None:
        for start, end in spans:
            self.blank(start, end)

    def hold(self, start: int, end: int) -> None:
        """Blank start:end but keep a capitalised word there, so a sentence
        that opens with it stays a sentence of its own."""
        self.blank(start, end)
        self.put(start, _PLACEHOLDER[:1] + _PLACEHOLDER[1:2] * (end - start - 1))
        self.placeholders.append((start, end))

    def text(self) -> str:
        return "".join(self.chars)


# --- LaTeX --------------------------------------------------------------------------

# Environments whose body is not running prose (math, floats, tables, code,
# bibliographies, drawings).
_SKIP_ENVS = (r"equation|align|alignat|gather|multline|flalign|eqnarray|displaymath|math"
              r"|figure|table|wrapfigure|sidewaysfigure|sidewaystable|tabular|tabularx|tabulary"
              r"|longtable|array|thebibliography|tikzpicture|picture|verbatim|Verbatim"
              r"|lstlisting|minted|comment|filecontents|algorithm|algorithmic"
              # linguistic examples and glosses (gb4e, linguex, covington, expex), more tables
              r"|exe|xlist|examples?|enumsentence|eenumsentence|forest|tblr|longtblr"
              r"|supertabular|xtabular|tabu|NiceTabular|code|spverbatim|pyglist|tcblisting")
_SKIP_ENV = re.compile(r"\\begin\s*\{(?P<env>(?:" + _SKIP_ENVS + r")\*?)\}")
_DOCUMENT_BEGIN = re.compile(r"\\begin\s*\{document\}")
_DOCUMENT_END = re.compile(r"\\end\s*\{document\}")
# Display and inline math: $$..$$, $..$ (not \$), \[..\], \(..\); a \[ or \(
# ends at the next \[ or \(, so that many left open take linear time
_MATH = re.compile(r"\$\$.*?\$\$|(?<!\\)\$(?:[^$\\]|\\.)+?\$"
                   r"|\\\[(?:[^\\]++|\\(?![\[\]]))*\\\]|\\\((?:[^\\]++|\\(?![()]))*\\\)", re.DOTALL)
# A control word with its star, or a control symbol.
_CONTROL = re.compile(r"\\(?:(?P<word>[A-Za-z@]+)\*?|(?P<symbol>.))", re.DOTALL)
# Commands whose arguments are not prose: dropped with their arguments.
_DROP_WITH_ARGS = frozenset("""
    label ref eqref pageref autoref cref Cref nameref vref url href hyperref includegraphics
    bibliography bibliographystyle addbibresource printbibliography nocite input include
    subfile import subimport usepackage documentclass newcommand renewcommand
    providecommand newenvironment setlength addtolength setcounter vspace hspace
    title author date thanks maketitle tableofcontents caption index glossary
    begin end pagestyle thispagestyle newpage clearpage bibitem footnotetext marginpar
""".split())
# Headings: not claims, and each opens a paragraph.
_HEADINGS = frozenset("""
    part chapter section subsection subsubsection paragraph subparagraph
    addpart addchap addsec frametitle
""".split())
# interlinear glosses: from \gll to the translation (or the paragraph's end) is
# not prose; \glt's free translation is a gloss too, to the end of its line
_GLOSS = re.compile(r"\\(?:gll|glll|gla|glb|ex|pex|xe)(?![A-Za-z@]).*?(?=\n[ \t]*\n|\\glt\b|\\trans\b|\Z)"
                    r"|\\(?:glt|trans|glend)(?![A-Za-z@])[^\n]*", re.DOTALL)
# \chapref{sec:1.1}, \figref{..}, \zlabel{..}: any reference or label command
_REF_WORD = re.compile(r"(?:ref|refs|label)$", re.IGNORECASE)
_FOOTNOTES = frozenset({"footnote"})
_BREAKS = frozenset({"item", "par", "bigskip", "medskip", "smallskip"})
_CITE_NAME = re.compile(r"cite|^cites?$", re.IGNORECASE)


def _argument_end(text: str, i: int, *, parens: bool) -> int:
    """The end of the optional and mandatory arguments that follow offset ``i``."""
    n = len(text)
    while True:
        j = i
        while j < n and text[j] in " \t" or (j < n and text[j] == "\n" and j + 1 < n
                                              and text[j + 1] != "\n"):
            j += 1
        if j >= n or text[j] not in ("{[(" if parens else "{["):
            return i
        close = {"{": "}", "[": "]", "(": ")"}[text[j]]
        end = _close(text, j, text[j], close)
        if end < 0:
            return i
        i = end


def _close(text: str, start: int, opener: str, closer: str) -> int:
    """Offset after the ``closer`` matching ``text[start]``; -1 when it never closes."""
    depth = 0
    i = start
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return i + 1
        elif ch == "\n" and text.startswith("\n\n", i) and opener != "{":
            return -1  # an optional argument does not cross a paragraph
        i += 1
    return -1


def latex_prose(text: str) -> Prose:
    """The prose of a LaTeX file (a root document or an included chapter)."""
    masked, _, _ = _mask(text)  # comments, verbatim, \iffalse: already blank
    canvas = _Canvas(masked)
    begin = _DOCUMENT_BEGIN.search(masked)
    if begin:
        canvas.blank(0, begin.end())
    end = _DOCUMENT_END.search(masked)
    if end:
        canvas.blank(end.start(), len(masked))
    skipped = 0  # an environment inside a skipped one is skipped with it: linear
    for m in _SKIP_ENV.finditer(masked):
        if m.start() < skipped:
            continue
        closing = re.compile(r"\\end\s*\{" + re.escape(m.group("env")) + r"\}").search(masked, m.end())
        skipped = closing.end() if closing else len(masked)
        canvas.blank(m.start(), skipped)
    for m in _MATH.finditer(masked):
        canvas.blank(m.start(), m.end())
    for m in _GLOSS.finditer(masked):
        canvas.blank(m.start(), m.end())
    anchors: dict[tuple[int, int], int] = {}
    for m in _CONTROL.finditer(masked):
        start = m.start()
        if canvas.chars[start] == " ":
            continue  # inside something already blanked
        word = m.group("word")
        if word is None:
            symbol = m.group("symbol")
            canvas.blank(start, m.end())
            if symbol in "&%$#_{}":  # \$ prints "$" (kept where the backslash was)
                canvas.put(start, symbol)
            continue
        if word in _DROP_WITH_ARGS or word in _HEADINGS or word in _FOOTNOTES or (
                _CITE_NAME.search(word) and not word.startswith("text")) or \
                _REF_WORD.search(word):
            stop = _argument_end(masked, m.end(), parens=word.endswith("cites"))
            canvas.blank(start, stop)
            if word in _FOOTNOTES:
                anchors[(start, stop)] = start
            if word in _HEADINGS:
                canvas.breaks.add(start)
                canvas.breaks.add(stop)
            continue
        canvas.blank(start, m.end())  # formatting: the words in its arguments stay
        if word in _BREAKS:
            canvas.breaks.add(start)
    chars = canvas.chars
    for i, ch in enumerate(chars):
        if ch in "{}~":
            chars[i] = " "
    cleaned = canvas.text()
    for pair, quote in (("``", "\u201c "), ("''", "\u201d ")):
        at = cleaned.find(pair)
        while at >= 0:
            canvas.put(at, quote)
            at = cleaned.find(pair, at + 2)
    return _prose(canvas, anchors)


# --- Markdown -----------------------------------------------------------------------

_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}(?:[ \t].*)?$", re.MULTILINE)
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$", re.MULTILINE)
_TABLE_LINE = re.compile(r"^ {0,3}\|.*$", re.MULTILINE)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
# alt text without brackets, a target up to the next "![": linear when left open
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\((?:[^)\n!]++|!(?!\[))*\)")
# [text](target) and [text][ref]: the text stays, the target goes
_LINK = re.compile(r"(?P<open>\[)(?P<text>[^\[\]\n]*)(?P<target>\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]+\S.*$", re.MULTILINE)
# pandoc citations: a bracketed group holding @key, or an in-text @key with
# an optional [locator] after it (same key pattern as the scanner)
_AT_KEY = r"-?@(?:\{[^{}\n]+\}|\w(?:\w|[:.#$%&\-+?<>~/](?=\w))*)"
_CITE_GROUP = re.compile(r"\[[^\[\]\n]*?(?<![\w.])" + _AT_KEY + r"[^\[\]]*?\]")
_CITE_IN_TEXT = re.compile(r"(?<![\w\\/@.:=+&%#~])" + _AT_KEY + r"(?:[ \t]*\[[^\[\]\n]*\])?")
# the text before a citation ends a sentence: a stop, closing quotes or
# brackets after it, then spaces (not a blank line: a new paragraph needs no help)
_AFTER_STOP = re.compile(r"[.!?][\"'’”)\]»]*[ \t]*\n?[ \t]*$")
_INLINE_NOTE = re.compile(r"\^\[")
_NOTE_REF = re.compile(r"\[\^(?P<id>[^\[\]\s]+)\](?!:)")
_NOTE_DEF = re.compile(r"^ {0,3}\[\^(?P<id>[^\[\]\s]+)\]:", re.MULTILINE)
_BLOCKQUOTE = re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE)
_LIST_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)]|#\.)[ \t]+", re.MULTILINE)
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")


def markdown_prose(text: str) -> Prose:
    """The prose of a pandoc Markdown file (also Quarto and R Markdown)."""
    lines = text.split("\n")
    top = _front_matter_end(lines)
    masked_lines = _mask_blocks(lines, top)
    for i in range(top):
        masked_lines[i] = re.sub(r"[^\n]", " ", masked_lines[i])
    masked = "\n".join(masked_lines)
    masked = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
    masked = _mask_spans(masked)
    canvas = _Canvas(masked)
    anchors: dict[tuple[int, int], int] = {}
    # footnotes first: their citations anchor to the mark in the body
    for m in _INLINE_NOTE.finditer(masked):
        stop = _close(masked, m.end() - 1, "[", "]")
        stop = stop if stop > 0 else m.end()
        anchors[(m.start(), stop)] = m.start()
        canvas.blank(m.start(), stop)
    marks = {m.group("id"): m.start() for m in _NOTE_REF.finditer(masked)}
    for m in _NOTE_REF.finditer(masked):
        canvas.blank(m.start(), m.end())
    for m in _NOTE_DEF.finditer(masked):
        stop = _note_end(masked, m.end())
        canvas.blank(m.start(), stop)
        if m.group("id") in marks:
            anchors[(m.start(), stop)] = marks[m.group("id")]
    for m in _CITE_GROUP.finditer(masked):
        canvas.blank(m.start(), m.end())
    for m in _CITE_IN_TEXT.finditer(masked):
        # "... 2004. @smith2004 shows that ...": the citation opens a sentence;
        # blanked, "shows" would continue the sentence before
        if canvas.chars[m.start()] != " " and _AFTER_STOP.search(masked, max(m.start() - 40, 0), m.start()):
            canvas.hold(m.start(), m.end())
        else:
            canvas.blank(m.start(), m.end())
    for pattern in (_IMAGE, _LINK_DEFINITION, _TABLE_LINE, _HTML_TAG, _SETEXT_UNDERLINE):
        for m in pattern.finditer(masked):
            canvas.blank(m.start(), m.end())
    for m in _HEADING_LINE.finditer(masked):
        canvas.blank(m.start(), m.end())
        canvas.breaks.add(m.start())
        canvas.breaks.add(m.end())
    for m in _LINK.finditer(masked):
        canvas.blank(m.start("open"), m.end("open"))
        canvas.blank(m.start("target"), m.end("target"))
    for m in _BLOCKQUOTE.finditer(masked):
        canvas.blank(m.start(), m.end())
    for m in _LIST_BULLET.finditer(masked):
        canvas.blank(m.start(), m.end())
        canvas.breaks.add(m.start())
    for m in _EMPHASIS.finditer(canvas.text()):
        canvas.blank(m.start(), m.end())
    return _prose(canvas, anchors)


def _note_end(text: str, start: int) -> int:
    """A footnote definition runs to a blank line not followed by an indented line."""
    i = start
    while True:
        gap = text.find("\n\n", i)
        if gap < 0:
            return len(text)
        after = gap + 2
        while after < len(text) and text[after] == "\n":
            after += 1
        if not text.startswith(("    ", "\t"), after):
            return gap
        i = after


# --- paragraphs and sentences ---------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WHITESPACE = re.compile(r"\s+")
# a blanked citation leaves a space before the punctuation that followed it
_SPACE_BEFORE_STOP = re.compile(r"(?<!\s)\s+(?=[.,;:!?])")  # from a run's start: linear
_LETTER = re.compile(r"[^\W\d_]")


def _prose(canvas: _Canvas, anchors: Mapping[tuple[int, int], int]) -> Prose:
    text = canvas.text()
    cuts = sorted({0, len(text), *(m.end() for m in _BLANK_LINE.finditer(text)),
                   *canvas.breaks})
    paragraphs: list[Span] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            paragraphs.append(Span(start=a, end=b))
    words = text
    if canvas.placeholders:  # the sentences' text without the placeholder words
        canvas.blank_all(canvas.placeholders)
        words = canvas.text()
    sentences = tuple(
        replace(s, text=_SPACE_BEFORE_STOP.sub("", _WHITESPACE.sub(" ", s.text)).strip())
        for s in (replace(s, text=join_broken_words(words[s.start:s.end]))
                  if words is not text else s
                  for s in split_sentences(text, paragraphs))
        if _LETTER.search(s.text))
    return Prose(text=text, paragraphs=tuple(paragraphs), sentences=sentences,
                 anchors=MappingProxyType(dict(anchors)))


def sentence_at(prose: Prose, offset: int) -> Sentence | None:
    """The sentence a citation at ``offset`` belongs to: the one holding it, else
    the last one before it in the same paragraph ("... event. \\cite{x}")."""
    offset = prose.anchor(offset)
    starts = [s.start for s in prose.sentences]
    k = bisect_right(starts, offset) - 1
    if k < 0:
        return None
    sentence = prose.sentences[k]
    if offset <= sentence.end:
        return sentence
    paragraph = next((p for p in prose.paragraphs if p.start <= sentence.start < p.end), None)
    if paragraph is not None and offset <= paragraph.end:
        return sentence
    # after the paragraph's text: only the blank citation itself lies between
    between = prose.text[sentence.end:offset]
    return sentence if "\n\n" not in between and not between.strip() else None
