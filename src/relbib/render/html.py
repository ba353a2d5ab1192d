"""The annotated bibliography as one self-contained HTML page, built with lxml.

Input: a :class:`relbib.render.document.BibliographyView`.
Output: an HTML5 document (str) with no network resource.
Never: assemble HTML from strings; every value from a .bib or YAML goes in
through ``.text`` or an attribute, where lxml escapes it.

The page is built one section at a time (``_header``, ``_entries``,
``_essays``), so later sections (filters, timeline, matrix) are one more
function each.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from relbib.render.document import (
    GROUP_TITLES,
    GROUPS,
    BibliographyView,
    ClaimView,
    EssayView,
    ItemView,
    paragraph_anchor,
)
from relbib.render.rich import safe_url, spell

# control characters and non-characters XML 1.0 has no place for (a stray
# form feed in a .bib field would otherwise make lxml raise)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# nothing loads from the network; inline styles only, and no script runs
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLESHEET = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1d1d1f; background: #fff; }
header h1 { font-size: 1.8rem; margin-bottom: .2rem; }
header .meta { color: #666; margin-top: 0; }
ol.bibliography { list-style: none; padding: 0; }
li.entry { margin: 0 0 1.4rem; }
p.reference { padding-left: 2em; text-indent: -2em; margin: 0; }
span.label { font-weight: bold; margin-right: .4em; }
div.annotation { margin: .4rem 0 0 2em; padding-left: .8em; border-left: 3px solid #ddd; font-size: .95rem; }
div.annotation h3 { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; margin: .6rem 0 .2rem; color: #555; }
ul.tags { list-style: none; padding: 0; margin: .3rem 0; }
ul.tags li { display: inline-block; background: #eef; border-radius: 3px; padding: 0 .4em; margin-right: .3em; }
section.claims ul { margin: .2rem 0; padding-left: 1.2em; }
section.claims-conflicts h3 { color: #a33; }
section.claims-suggested h3 { color: #886; }
section.claims-confirmed h3 { color: #363; }
#essays article p:target { background: #ffd; }
"""


def xml_safe(text: str) -> str:
    """``text`` without the control characters XML (and lxml) refuse."""
    return _NOT_XML.sub("", text)


def _element(tag: str, text: str | None = None, **attrs: str) -> Any:
    element = etree.Element(tag)
    for name, value in attrs.items():
        element.set(name.rstrip("_").replace("_", "-"), xml_safe(value))
    if text is not None:
        element.text = xml_safe(text)
    return element


def _child(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    element = _element(tag, text, **attrs)
    parent.append(element)
    return element


# --- rich text into elements ------------------------------------------------


def _append_text(parent: Any, text: str) -> None:
    """Add ``text`` after the last child of ``parent`` (lxml keeps it in .tail)."""
    text = xml_safe(text)
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _fill(parent: Any, pieces: list[Any]) -> None:
    for piece in pieces:
        if isinstance(piece, str):
            _append_text(parent, piece)
        else:
            parent.append(piece)


def _tag(name: str, parts: list[Any]) -> Any:
    element = etree.Element({"em": "em", "i": "i", "strong": "strong", "b": "b", "tt": "code",
                             "sup": "sup", "sub": "sub"}.get(name, "span"))
    _fill(element, parts)
    return element


def _link(url: str, parts: list[Any]) -> Any:
    safe = safe_url(url)
    element = etree.Element("a" if safe else "span")
    if safe:
        element.set("href", xml_safe(safe))
    _fill(element, parts)
    return element


def _group(parts: list[Any]) -> list[Any]:
    flat: list[Any] = []
    for part in parts:
        flat.extend(part if isinstance(part, list) else [part])
    return flat


def _pieces(text: Any) -> list[Any]:
    result = spell(text, string=lambda s: [s], tag=lambda n, p: [_tag(n, _group(p))],
                   link=lambda u, p: [_link(u, _group(p))], group=_group)
    return _group(result)


def fill_rich(parent: Any, text: Any) -> None:
    """Append pybtex rich text to ``parent`` as text and inline elements."""
    _fill(parent, _pieces(text))


def inline(text: Any) -> str:
    """One formatted reference as an HTML fragment (a <span>)."""
    span = etree.Element("span", {"class": "reference"})
    fill_rich(span, text)
    return str(lxml_html.tostring(span, encoding="unicode", method="html"))


# --- sections: one function each --------------------------------------------


def _head(view: BibliographyView) -> Any:
    head = _element("head")
    _child(head, "meta", charset="utf-8")
    _child(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    meta = _child(head, "meta", content=CONTENT_SECURITY_POLICY)
    meta.set("http-equiv", "Content-Security-Policy")
    _child(head, "title", view.title)
    _child(head, "style", STYLESHEET)
    return head


def _header(view: BibliographyView) -> Any:
    header = _element("header")
    _child(header, "h1", view.title)
    count = len(view.items)
    _child(header, "p", f"{count} {'entry' if count == 1 else 'entries'} \u00b7 {view.style}", class_="meta")
    return header


def _claim(claim: ClaimView) -> Any:
    li = _element("li", class_=f"claim claim-{claim.group}")
    li.set("data-essay", xml_safe(claim.essay))
    li.set("data-line", str(claim.line))
    _child(li, "q", claim.quote)
    _append_text(li, " \u2014 ")
    _child(li, "cite", claim.essay_title)
    where = f", {claim.where}"
    if claim.paragraph_anchor:
        _append_text(li, ", ")
        _child(li, "a", claim.where, href=f"#{claim.paragraph_anchor}")
    else:
        _append_text(li, where)
    return li


def _annotation(item: ItemView) -> Any | None:
    if not (item.summary or item.tags or item.claims):
        return None
    div = _element("div", class_="annotation")
    for paragraph in item.summary.split("\n\n") if item.summary else ():
        if paragraph.strip():
            _child(div, "p", " ".join(paragraph.split()), class_="summary")
    if item.tags:
        tags = _child(div, "ul", class_="tags")
        for tag in item.tags:
            _child(tags, "li", tag, class_="tag")
    for group in GROUPS:
        claims = item.claims_in(group)
        if not claims:
            continue
        section = _child(div, "section", class_=f"claims claims-{group}")
        _child(section, "h3", GROUP_TITLES[group])
        ul = _child(section, "ul")
        for claim in claims:
            ul.append(_claim(claim))
    return div


def _entry(item: ItemView) -> Any:
    li = _element("li", class_="entry", id=item.anchor)
    li.set("data-key", xml_safe(item.key))
    li.set("data-tags", xml_safe(" ".join(item.tags)))
    li.set("data-essays", xml_safe(" ".join(sorted({c.essay for c in item.claims}))))
    reference = _child(li, "p", class_="reference")
    if item.label:
        _child(reference, "span", f"[{item.label}]", class_="label")
        _append_text(reference, " ")
    fill_rich(reference, item.text)
    annotation = _annotation(item)
    if annotation is not None:
        li.append(annotation)
    return li


def _entries(view: BibliographyView) -> Any:
    ol = _element("ol", class_="bibliography")
    for item in view.items:
        ol.append(_entry(item))
    return ol


def _essay(essay: EssayView) -> Any:
    article = _element("article", class_="essay")
    article.set("data-essay", xml_safe(essay.id))
    _child(article, "h3", essay.title)
    for paragraph in essay.paragraphs:
        _child(article, "p", paragraph.text, id=paragraph_anchor(essay.id, paragraph))
    return article


def _essays(view: BibliographyView) -> Any | None:
    """Copies of the essay paragraphs the claims link to."""
    if not view.essays:
        return None
    section = _element("section", id="essays")
    _child(section, "h2", "Essays")
    for essay in view.essays:
        section.append(_essay(essay))
    return section


def render(view: BibliographyView) -> str:
    """The whole page: head, header, entry list, essay paragraphs."""
    root = _element("html", lang="en")
    root.append(_head(view))
    body = _child(root, "body")
    body.append(_header(view))
    main = _child(body, "main")
    main.append(_entries(view))
    essays = _essays(view)
    if essays is not None:
        main.append(essays)
    page = lxml_html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode",
                              method="html", pretty_print=True)
    return str(page)
