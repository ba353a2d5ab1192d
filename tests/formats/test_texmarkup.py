"""TeX markup in .bib values becomes clean text; braces become keep-case runs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relbib.formats import texmarkup
from relbib.formats.bibvalues import Latex, decode_value
from relbib.formats.texmarkup import Run, clean, csl_html, parse, sentence_case


@pytest.mark.parametrize(("raw", "text"), [
    (r"M{\"u}ller", "Müller"),
    (r"Fran{\c{c}}oise", "Françoise"),
    (r"1914--1918", "1914–1918"),
    (r"Yes---No", "Yes—No"),
    (r"Fo~Lee", "Fo\u00a0Lee"),
    (r"``Quoted'' it's", "\u201cQuoted\u201d it\u2019s"),
    (r"50\% \& AT\&T", "50% & AT&T"),
    (r"$\alpha$-helix", "α-helix"),
    (r"\ensuremath{\beta}", "β"),
    (r"The {\TeX}book and {\LaTeX}", "The TeXbook and LaTeX"),
    (r"42 U.S.C. {\S} 7401", "42 U.S.C. § 7401"),
    (r"{\O}stergaard", "Østergaard"),
    # APS exports: TeX takes the \else branch in text, the first in math
    (r"Mu\ifmmode \check{s}\else \v{s}\fi{}evi\ifmmode \check{c}\else \v{c}\fi{}", "Muševič"),
    (r"$\ifmmode \alpha\else a\fi$", "α"),
    # a math font prints plain letters (pandoc: smectic-A1), not U+1D434
    (r"smectic-${\mathit{A}}_{1}$ in ${\mathrm{N}}_{2}$", "smectic-A1 in N2"),
    # a link prints its text, as pandoc prints it (BBT's fixtures: spaces
    # between \href's arguments too); a \url prints the address
    (r"\href{https://x.org/p}{the text}", "the text"),
    (r"\href {https://x.org/p}  {\texttt{x.org}}", "x.org"),
    (r"See \url{https://y.org/~q_r}", "See https://y.org/~q_r"),
    # a braced value keeps its escaped specials (BBT: {{John Wiley \& Sons}})
    (r"{John Wiley \& Sons}", "John Wiley & Sons"),
    (r"{50\% of {NP}} \#1 a\_b", "50% of NP #1 a_b"),
    # BibTeX's sorting trick prints nothing; csquotes quotes; biblatex's \hyphen
    (r"{\noopsort{1973c}}1981", "1981"),
    (r"Aristotle's \mkbibquote{De Motu} and \enquote{Anima}", "Aristotle\u2019s \u201cDe Motu\u201d and \u201cAnima\u201d"),
    (r"methodology\hyphen independent", "methodology-independent"),
    # in a formula a hyphen is a minus sign and a relation or an operator
    # between operands stands apart, as pandoc's texmath prints them (the
    # shapes of APS titles: injection into e$^{-}$ storage rings)
    (r"into ${\mathit{e}}^{\mathrm{\ensuremath{-}}}$ rings", "into e\u2212 rings"),
    (r"$x=1$, $N\ge 3$, $2+1$, $t-J$, $-1$, $(-1)^n$, Ca$^{2+}$",
     "x\u2004=\u20041, N\u2004\u2265\u20043, 2\u2005+\u20051, t\u2005\u2212\u2005J, \u22121, (\u22121)n, Ca2+"),
    (r"$f'$ and $a \cdot b$", "f\u2032 and a\u2005\u22c5\u2005b"),
    # \symbol{126} is "~" (GAP's package list spells a URL's tilde so)
    (r"uni-bielefeld.de/\texttt{\symbol{126}}gaehler/", "uni-bielefeld.de/~gaehler/"),
])
def test_tex_becomes_unicode(raw: str, text: str) -> None:
    assert clean(decode_value(raw)) == text


def test_case_protecting_braces_become_keep_case_runs() -> None:
    runs = parse(Latex("The {NP} Problem")).runs
    assert runs == (Run(text="The "), Run(text="NP", nocase=True), Run(text=" Problem"))


def test_marks_are_runs_not_markup() -> None:
    runs = parse(Latex(r"Reading \emph{Middlemarch} and H$_2$O")).runs
    assert Run(text="Middlemarch", marks=("i",)) in runs
    assert Run(text="2", marks=("sub",), nocase=True) in runs


def test_sentence_case_keeps_protected_words_acronyms_and_sentence_starts() -> None:
    # as pandoc reads an English .bib title: "U.S. and" ends a sentence too
    title = parse(Latex(r"The {Hitchhiker's} Guide to NATO: a New Hope in the U.S. and iPhone Users"))
    assert sentence_case(title).plain == \
        "The Hitchhiker\u2019s guide to NATO: A new hope in the u.s. And iPhone users"


def test_csl_html_spells_marks_and_keep_case() -> None:
    assert csl_html(parse(Latex(r"{NASA} and \textit{in vivo}"))) == \
        '<span class="nocase">NASA</span> and <i>in vivo</i>'


def test_a_plain_value_is_never_read_as_markup() -> None:
    assert clean(r"\input{/etc/passwd}") == r"\input{/etc/passwd}"
    assert csl_html(parse("<i>not italic</i>")) == "<\u2060i>not italic<\u2060/i>"


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_any_latex_value_parses(text: str) -> None:
    # a person's LaTeX, however broken, gives text and never raises
    assert isinstance(clean(Latex(text)), str)


def test_sentence_case_keeps_a_capital_with_digits() -> None:
    # pandoc keeps "S4" and "L2" (a modal logic, a satellite) as written
    title = parse(Latex(r"Logic S4 on Trees with Elektro-L2 Data"))
    assert sentence_case(title).plain == "Logic S4 on trees with elektro-L2 data"


def test_mkbibquote_keeps_case_and_enquote_does_not() -> None:
    # as pandoc reads them: "Aristotle's “Poetics” reconsidered", "On “motu” again"
    assert sentence_case(parse(Latex(r"Aristotle's \mkbibquote{Poetics} Reconsidered"))).plain == \
        "Aristotle\u2019s \u201cPoetics\u201d reconsidered"
    assert sentence_case(parse(Latex(r"On \enquote{Motu} Again"))).plain == "On \u201cmotu\u201d again"


@given(st.text(alphabet="aB{}- '\"!?.,:\n\t\u00a0\u00e90", max_size=20))
def test_braces_alone_read_as_the_latex_walker_reads_them(text: str) -> None:
    # values whose only TeX is braces skip pylatexenc (the speed of a long
    # CSL bibliography); they must read exactly as the walker reads them
    assert parse(Latex(text)) == texmarkup._parse_latex(text)
