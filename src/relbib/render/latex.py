"""The annotated bibliography as a standalone LaTeX document (article class).

Input: a :class:`relbib.render.document.BibliographyView`.
Output: a .tex document (str) that pdflatex compiles.
Never: let a value from a .bib or YAML act as LaTeX.  Every special
character (\\ { } $ & # ^ _ % ~) is escaped, so ``\\input{/etc/passwd}`` or
``\\write18{...}`` in a field prints as text and runs nothing.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any

import latexcodec  # noqa: F401  (registers the "ulatex" codec pybtex uses)

from relbib.render.document import GROUP_TITLES, GROUPS, BibliographyView, ClaimView, ItemView
from relbib.render.rich import spell

# LaTeX's special characters, each spelled so it prints as itself
_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "\u00a0": "~",
    # control characters would end a line or confuse the input reader
    "\t": " ", "\r": " ", "\n": " ", "\f": " ", "\v": " ",
}
# characters pdflatex reads through inputenc's utf8 with T1 fonts: Latin-1,
# Latin Extended-A and common punctuation; anything else is transliterated
# by latexcodec, or shown as its code point
_UTF8_OK = re.compile(r"[\u00a1-\u017e\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# latexcodec's last resort is a raw \char, which T1 fonts do not have
_RAW_CHAR = re.compile(r"\\char\d+")

PREAMBLE = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{textcomp}
\usepackage[margin=1in]{geometry}
% a character pdflatex cannot typeset is shown as its code point
\newcommand{\relbibchar}[1]{\texttt{[U+#1]}}
\setlength{\parindent}{0pt}
"""


def _char(ch: str) -> str:
    if ch in _SPECIALS:
        return _SPECIALS[ch]
    if " " <= ch <= "~" or _UTF8_OK.match(ch):
        return ch
    if unicodedata.category(ch).startswith(("C", "Z")):
        return " " if unicodedata.category(ch).startswith("Z") else ""
    if unicodedata.category(ch) == "Mn":
        return ""  # a combining mark left over after NFC has no base to sit on
    try:
        spelled = str(codecs.encode(ch, "ulatex+ascii"))
    except UnicodeEncodeError:
        spelled = ""
    if spelled and not _RAW_CHAR.search(spelled) and spelled != ch:
        # "\'e" or "\c C" must not swallow the next letter: brace it
        return "{" + spelled + "}"
    return r"\relbibchar{" + f"{ord(ch):04X}" + "}"


def escape(text: str) -> str:
    """``text`` as LaTeX that prints it literally."""
    return "".join(_char(ch) for ch in unicodedata.normalize("NFC", text))


def _tag(name: str, parts: list[str]) -> str:
    inner = "".join(parts)
    command = {"em": "emph", "i": "textit", "strong": "textbf", "b": "textbf",
               "tt": "texttt", "sup": "textsuperscript", "sub": "textsubscript"}.get(name)
    return f"\\{command}{{{inner}}}" if command and inner else inner


def _link(_url: str, parts: list[str]) -> str:
    # the link's text (a DOI or URL) printed with break points after slashes;
    # no \href, whose argument reads % and # as LaTeX
    return "".join(parts).replace("/", "/\\allowbreak{}")


def inline(text: Any) -> str:
    """One formatted reference as LaTeX text."""
    return spell(text, string=escape, tag=_tag, link=_link, group="".join)


# --- sections: one function each --------------------------------------------


def _header(view: BibliographyView) -> list[str]:
    return [
        PREAMBLE.rstrip("\n"),
        f"\\title{{{escape(view.title)}}}",
        "\\date{}",
        "",
        "\\begin{document}",
        "\\maketitle",
        "",
    ]


def _claim(claim: ClaimView) -> str:
    against = f"; {escape(claim.against)}" if claim.against else ""
    return (f"\\item{{}} \u201c{escape(claim.quote)}\u201d \u2014 "
            f"\\emph{{{escape(claim.essay_title)}}}, {escape(claim.where)}{against}")


def _annotation(item: ItemView) -> list[str]:
    lines: list[str] = []
    for paragraph in re.split(r"\n\s*\n", item.summary) if item.summary else ():
        if paragraph.strip():
            lines.append(escape(" ".join(paragraph.split())) + "\\par")
    if item.tags:
        lines.append("\\textbf{Tags:} " + ", ".join(escape(t) for t in item.tags) + "\\par")
    for group in GROUPS:
        claims = item.claims_in(group)
        if claims:
            lines.append(f"\\textbf{{{GROUP_TITLES[group]}}}")
            lines += ["\\begin{itemize}", *(_claim(c) for c in claims), "\\end{itemize}"]
    if not lines:
        return []
    return ["\\begin{quote}\\small", *lines, "\\end{quote}"]


def _entry(item: ItemView) -> list[str]:
    label = f"[{escape(item.label)}] " if item.label else ""
    return [
        f"\\noindent\\hangindent=2em\\hangafter=1 {label}{inline(item.text)}\\par",
        *_annotation(item),
        "\\medskip",
        "",
    ]


def render(view: BibliographyView) -> str:
    """The whole document: preamble, title, then each entry and annotation."""
    lines = _header(view) + [line for item in view.items for line in _entry(item)]
    lines.append("\\end{document}")
    return "\n".join(lines) + "\n"


# --- standalone documents over a companion .bib ---------------------------------

# a citation key LaTeX, biber and BibTeX all read as a plain word
SAFE_KEY = re.compile(r"[A-Za-z0-9_:.+/-]+")


def _bib_document(title: str, keys: list[str], *, packages: list[str], bibliography: list[str]) -> str:
    # keys that are plain words are cited one by one, so a missing entry shows
    # as an undefined citation; \nocite{*} brings in the rest
    cite = ",".join(k for k in keys if SAFE_KEY.fullmatch(k))
    lines = [
        PREAMBLE.rstrip("\n"),
        *packages,
        f"\\title{{{escape(title)}}}",
        "\\author{}",
        "\\date{}",
        "",
        "\\begin{document}",
        "\\maketitle",
        *([f"\\nocite{{{cite}}}"] if cite else []),
        "\\nocite{*}",
        *bibliography,
        "\\end{document}",
    ]
    return "\n".join(lines) + "\n"


def biblatex_document(title: str, keys: list[str], *, bib_name: str) -> str:
    """A .tex that prints every entry of ``bib_name``.bib with biblatex's
    ``reading`` style (which shows each entry's ``annotation``); compile it with
    pdflatex, biber, pdflatex.  ``bib_name`` must be a plain file name."""
    if not SAFE_KEY.fullmatch(bib_name):
        raise ValueError(f"not a plain file name: {bib_name!r}")
    return _bib_document(
        title, keys,
        packages=["\\usepackage[backend=biber,style=reading,annotation=true,entrykey=false]{biblatex}",
                  f"\\addbibresource{{{bib_name}.bib}}"],
        bibliography=["\\printbibliography[heading=none]"],
    )


def bibtex_document(title: str, keys: list[str], *, bib_name: str, style: str = "plain") -> str:
    """A .tex for BibTeX: ``style``.bst over ``bib_name``.bib, the annotation
    printed from each entry's ``note``.  Compile with pdflatex, bibtex, pdflatex."""
    if not SAFE_KEY.fullmatch(bib_name) or not SAFE_KEY.fullmatch(style):
        raise ValueError(f"not a plain file name: {bib_name!r} / {style!r}")
    return _bib_document(
        title, keys,
        packages=["\\renewcommand{\\refname}{\\vspace{-2em}}"],
        bibliography=[f"\\bibliographystyle{{{style}}}", f"\\bibliography{{{bib_name}}}"],
    )
