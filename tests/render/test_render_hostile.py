"""Data from a .bib or YAML never acts as markup in any output format."""

from __future__ import annotations

import re
from typing import Any

import pytest
from lxml import html as lxml_html
from render_data import load_case

from relbib.model import Annotation, Entry, freeze_fields
from relbib.render import render_bibliography, styles
from relbib.render.html import SCRIPT
from relbib.render.latex import escape as latex_escape
from relbib.render.markdown import escape as md_escape


@pytest.fixture(scope="module")
def hostile():
    return load_case("hostile")


def _xpath(tree: Any, expression: str) -> list[Any]:
    return list(tree.xpath(expression))


def _body_text(tree: Any) -> str:
    return str(tree.xpath("string(//body)"))


def _render(case, fmt: str, style: str = "chicago-nb") -> str:
    return render_bibliography(case.entries, case.annotations, fmt=fmt, style=style)


@pytest.mark.parametrize("style", styles())
def test_html_has_no_element_from_the_data(hostile, style: str) -> None:
    page = _render(hostile, "html", style)
    tree = lxml_html.document_fromstring(page)
    # the one script is the page's own filter, whose hash the CSP names
    scripts = _xpath(tree, "//script")
    assert [s.text for s in scripts] == [SCRIPT]
    assert _xpath(tree, "//img") == []
    assert _xpath(tree, "//b") == []  # "<b>" in a name and a tag
    text = _body_text(tree)
    # a CSL style may recase a title ("<Script>"): the characters are what count
    assert "<script>alert(1)</script>" in text.lower()
    assert "<img src=x onerror=alert(1)>" in text
    assert "</q><script>alert(2)</script>" in text


def test_html_makes_no_link_of_a_javascript_url(hostile) -> None:
    tree = lxml_html.document_fromstring(_render(hostile, "html"))
    hrefs = [str(h) for h in _xpath(tree, "//a/@href")]
    assert hrefs, "the https URL is a link"
    assert not any(h.lower().startswith("javascript:") for h in hrefs)


def test_html_ids_from_keys_are_sanitised(hostile) -> None:
    tree = lxml_html.document_fromstring(_render(hostile, "html"))
    ids = [str(i) for i in _xpath(tree, "//li/@id")]
    assert ids and all(re.fullmatch(r"ref-[A-Za-z0-9_.:-]+", i) for i in ids)
    assert len(ids) == len(set(ids))


def test_html_is_self_contained(hostile) -> None:
    page = _render(hostile, "html")
    tree = lxml_html.document_fromstring(page)
    assert _xpath(tree, "//link") == [] and _xpath(tree, "//*[@src]") == []
    policy = _xpath(tree, "//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy and "default-src 'none'" in policy[0]


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        (r"\input{/etc/passwd}", r"\textbackslash{}input\{/etc/passwd\}"),
        (r"\write18{rm -rf /}", r"\textbackslash{}write18\{rm -rf /\}"),
        ("50% & $5 #1 a_b ~ ^", r"50\% \& \$5 \#1 a\_b \textasciitilde{} \textasciicircum{}"),
        ("\\end{document}", r"\textbackslash{}end\{document\}"),
    ],
)
def test_latex_escapes_every_special_character(raw: str, escaped: str) -> None:
    assert latex_escape(raw) == escaped


def _unescaped_commands(tex: str) -> set[str]:
    # a command is a backslash not itself escaped, followed by letters
    return set(re.findall(r"(?<!\\)\\([A-Za-z]+|[0-9]+)", tex))


@pytest.mark.parametrize("style", styles())
def test_latex_document_runs_no_command_from_the_data(hostile, style: str) -> None:
    tex = _render(hostile, "tex", style)
    body = tex.split("\\begin{document}", 1)[1]
    assert "\\input{" not in tex and "\\write18" not in tex
    assert tex.count("\\end{document}") == 1
    allowed = {
        "textbackslash", "textasciitilde", "textasciicircum", "textless", "textgreater",
        "textbar", "emph", "textbf", "noindent", "hangindent", "hangafter", "par", "medskip",
        "begin", "end", "small", "item", "maketitle", "allowbreak", "relbibchar",
    }
    assert _unescaped_commands(body) <= allowed
    # braces from the data are escaped, so the document's braces balance
    unescaped = re.sub(r"\\[{}]", "", tex)
    assert unescaped.count("{") == unescaped.count("}")


def test_latex_survives_characters_pdflatex_lacks() -> None:
    escaped = latex_escape("Urdu \u0627\u0631\u062f\u0648, Greek \u03b1, emoji \U0001f600, tab\there")
    assert "\u0627" not in escaped and "\U0001f600" not in escaped
    assert r"\relbibchar{1F600}" in escaped
    assert "\t" not in escaped


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("*not emphasis*", r"\*not emphasis\*"),
        ("[link](http://x)", r"\[link\](http://x)"),
        ("<b>", r"\<b\>"),
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("1984. Numbered", r"1984\. Numbered"),
        ("a_b `c` &amp;", r"a\_b \`c\` \&amp;"),
    ],
)
def test_markdown_escapes_what_commonmark_reads(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_markdown_document_has_no_markup_from_the_data(hostile) -> None:
    md = _render(hostile, "md")
    # every "<" is escaped, or opens a link target relbib made: <https://...>
    assert re.findall(r"(?<!\\)<(?!https?://)", md) == []
    assert "\\<script\\>" in md and "\\<img src=x" in md
    assert "](javascript:" not in md and "<javascript:" not in md
    # the URL with a space and brackets stays inside one autolink target
    assert "https://example.org/a%20b%3Cc%3E%5Cd%7e#frag" in md


def test_text_is_wrapped_at_78_columns(hostile) -> None:
    case = load_case("library")
    for style in styles():
        text = render_bibliography(case.entries, case.annotations, fmt="txt", style=style)
        long_lines = [line for line in text.splitlines() if len(line) > 78 and " " in line.strip()]
        assert long_lines == []


def test_control_characters_do_not_break_html() -> None:
    entry = Entry(key="k", type="misc", fields=freeze_fields({"title": "form\x0cfeed\x00nul"}))
    page = render_bibliography([entry], {"k": Annotation(key="k", summary="bell\x07")}, fmt="html")
    text = _body_text(lxml_html.document_fromstring(page))
    assert "formfeednul" in text.lower() and "bell" in text
