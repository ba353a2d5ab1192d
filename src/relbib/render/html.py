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

import base64
import hashlib
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
    ReadingListView,
    paragraph_anchor,
    timeline,
)
from relbib.render.rich import safe_url, spell

# control characters and non-characters XML 1.0 has no place for (a stray
# form feed in a .bib field would otherwise make lxml raise)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# The page's one script: the filter by tag, essay and free text.  It reads
# only the data-* attributes and text the page already holds, and changes
# only the ``hidden`` property and the count's text (no innerHTML).
SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form) { return; }
  var tag = document.getElementById("filter-tag");
  var essay = document.getElementById("filter-essay");
  var text = document.getElementById("filter-text");
  var count = document.getElementById("filter-count");
  var entries = Array.prototype.slice.call(document.querySelectorAll("li.entry"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-key]"));
  var points = Array.prototype.slice.call(document.querySelectorAll("[data-point-key]"));
  function fold(s) {
    return s.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
  }
  var haystacks = entries.map(function (li) { return fold(li.textContent || ""); });
  function words(s) { return s ? s.split(" ") : []; }
  function apply() {
    var t = tag.value, e = essay.value;
    var q = fold(text.value).split(/\\s+/).filter(Boolean);
    var shown = {}, n = 0;
    entries.forEach(function (li, i) {
      var ok = (!t || words(li.dataset.tags).indexOf(t) >= 0) &&
               (!e || words(li.dataset.essays).indexOf(e) >= 0) &&
               q.every(function (w) { return haystacks[i].indexOf(w) >= 0; });
      li.hidden = !ok;
      if (ok) { shown[li.dataset.key] = true; n += 1; }
    });
    rows.forEach(function (tr) { tr.hidden = !shown[tr.dataset.key]; });
    points.forEach(function (p) {
      p.style.display = shown[p.getAttribute("data-point-key")] ? "" : "none";
    });
    count.textContent = n + " of " + entries.length + " entries";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.hidden = false;
  apply();
}());
"""


def script_hash(script: str) -> str:
    """The CSP source for an inline script: 'sha256-<base64 of its UTF-8 digest>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# nothing loads from the network; inline styles, data: images, and only the
# one script whose hash the policy names (computed from SCRIPT at build time)
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                           f"script-src {script_hash(SCRIPT)}; form-action 'none'; base-uri 'none'")

# support status -> colour, for the timeline's points and the matrix's cells
STATUS_COLOURS = {"cited": "#2b6cb0", "confirmed": "#2f855a", "suggested": "#b7791f",
                  "conflicts": "#c53030"}

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
form#filter { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin: 1rem 0;
              padding: .6rem; background: #f6f6f8; border-radius: 4px; font-size: .95rem; }
form#filter input[type=search] { flex: 1 1 14rem; padding: .2rem .4rem; }
#filter-count { color: #555; }
figure.timeline svg { width: 100%; height: auto; border: 1px solid #ddd; background: #fcfcfc; }
figure.timeline figcaption, p.legend { font-size: .85rem; color: #555; }
span.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin: 0 .2em 0 .6em; }
table.matrix { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1.5rem; }
table.matrix th, table.matrix td { border: 1px solid #ddd; padding: .2rem .4rem; text-align: center; }
table.matrix th[scope=row] { text-align: left; font-weight: normal; }
table.matrix td.status-cited { background: #ebf4ff; } table.matrix td.status-confirmed { background: #e6f6ec; }
table.matrix td.status-suggested { background: #fdf5e6; } table.matrix td.status-conflicts { background: #fdecec; }
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


def _head_for(title: str) -> Any:
    head = _element("head")
    _child(head, "meta", charset="utf-8")
    _child(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    meta = _child(head, "meta", content=CONTENT_SECURITY_POLICY)
    meta.set("http-equiv", "Content-Security-Policy")
    _child(head, "title", title)
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
    if claim.against:
        _child(li, "span", f"; {claim.against}", class_="against")
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


# --- filter, timeline, matrix ------------------------------------------------


def _select(parent: Any, id_: str, label: str, options: list[tuple[str, str]]) -> None:
    _child(parent, "label", label, for_=id_)
    select = _child(parent, "select", id=id_)
    _child(select, "option", "all", value="")
    for value, text in options:
        _child(select, "option", text, value=value)


def _filter(view: BibliographyView) -> Any:
    """The filter form; hidden until the script runs, so a page without
    script shows no control that does nothing."""
    form = _element("form", id="filter", role="search")
    form.set("hidden", "hidden")
    tags = sorted({t for item in view.items for t in item.tags if t and " " not in t},
                  key=str.casefold)
    _select(form, "filter-tag", "Tag", [(t, t) for t in tags])
    essays: dict[str, str] = {}
    for item in view.items:
        for claim in item.claims:
            essays.setdefault(claim.essay, claim.essay_title)
    _select(form, "filter-essay", "Essay",
            [(e, essays[e]) for e in sorted(essays, key=lambda e: (essays[e].casefold(), e))])
    _child(form, "label", "Search", for_="filter-text")
    _child(form, "input", type="search", id="filter-text", placeholder="words in the entry")
    count = _child(form, "output", id="filter-count")
    count.set("aria-live", "polite")
    return form


_WIDTH, _LEFT, _RIGHT, _ROW, _TOP = 760, 20, 20, 22, 18


def _svg(tag: str, parent: Any | None = None, **attrs: str) -> Any:
    element = _element(tag, **attrs) if parent is None else _child(parent, tag, **attrs)
    return element


def _timeline(view: BibliographyView) -> Any | None:
    """The dated claims as points on a line of years, one row per status."""
    points = timeline(view)
    if not points:
        return None
    rows = [g for g in GROUPS if any(p.group == g for p in points)]
    first, last = int(points[0].when), int(points[-1].when) + 1
    span = max(last - first, 1)
    height = _TOP + _ROW * len(rows) + 24

    def x(when: float) -> float:
        return _LEFT + (when - first) / span * (_WIDTH - _LEFT - _RIGHT)

    figure = _element("figure", class_="timeline", id="timeline")
    svg = _svg("svg", figure, viewBox=f"0 0 {_WIDTH} {height}", role="img")
    svg.set("aria-label", f"Timeline of {len(points)} dated claims, {first} to {last}")
    axis_y = _TOP + _ROW * len(rows)
    _svg("line", svg, x1=str(_LEFT), x2=str(_WIDTH - _RIGHT), y1=str(axis_y), y2=str(axis_y),
         stroke="#999")
    step = max(1, round(span / 10))
    for year in range(first, last + 1, step):
        _svg("line", svg, x1=f"{x(year):.1f}", x2=f"{x(year):.1f}", y1=str(axis_y),
             y2=str(axis_y + 4), stroke="#999")
        label = _svg("text", svg, x=f"{x(year):.1f}", y=str(axis_y + 16), fill="#555")
        label.set("font-size", "11")
        label.set("text-anchor", "middle")
        label.text = str(year)
    for point in points:
        row = rows.index(point.group)
        link = _svg("a", svg, href=f"#{point.anchor}")
        link.set("data-point-key", xml_safe(point.key))
        circle = _svg("circle", link, cx=f"{x(point.when):.1f}", cy=str(_TOP + _ROW * row),
                      r="5", fill=STATUS_COLOURS[point.group])
        circle.set("fill-opacity", "0.8")
        _child(circle, "title", f"{point.date} \u2014 {GROUP_TITLES[point.group]} \u2014 "
                                f"{point.key}: {point.quote} ({point.essay_title})")
    caption = _child(figure, "figcaption", "Claims by the date they state; ")
    for group in rows:
        swatch = _child(caption, "span", class_="swatch", style=f"background:{STATUS_COLOURS[group]}")
        swatch.set("aria-hidden", "true")
        _append_text(caption, GROUP_TITLES[group].lower())
    return figure


def _matrix(view: BibliographyView) -> Any | None:
    """Sources (rows) by essays (columns): how each source bears on each essay."""
    essays: dict[str, str] = {}
    for item in view.items:
        for claim in item.claims:
            essays.setdefault(claim.essay, claim.essay_title)
    if not essays:
        return None
    columns = sorted(essays)
    section = _element("section", id="matrix")
    _child(section, "h2", "Sources \u00d7 essays")
    table = _child(section, "table", class_="matrix")
    head = _child(_child(table, "thead"), "tr")
    _child(head, "th", "Source", scope="col")
    for number, essay in enumerate(columns, 1):
        _child(head, "th", f"E{number}", scope="col", title=essays[essay])
    body = _child(table, "tbody")
    for item in view.items:
        if not item.claims:
            continue
        tr = _child(body, "tr")
        tr.set("data-key", xml_safe(item.key))
        th = _child(tr, "th", scope="row")
        _child(th, "a", item.key, href=f"#{item.anchor}")
        for essay in columns:
            claims = [c for c in item.claims if c.essay == essay]
            if not claims:
                _child(tr, "td")
                continue
            worst = next(g for g in reversed(GROUPS) if any(c.group == g for c in claims))
            counts = ", ".join(f"{sum(c.group == g for c in claims)} {g}" for g in GROUPS
                               if any(c.group == g for c in claims))
            _child(tr, "td", str(len(claims)), class_=f"status-{worst}", title=counts)
    legend = _child(section, "p", class_="legend")
    for number, essay in enumerate(columns, 1):
        _append_text(legend, f"{'; ' if number > 1 else ''}E{number}: {essays[essay]}")
    return section


def _page(title: str, body_parts: list[Any]) -> str:
    root = _element("html", lang="en")
    root.append(_head_for(title))
    body = _child(root, "body")
    for part in body_parts:
        if part is not None:
            body.append(part)
    _child(body, "script", SCRIPT)
    page = lxml_html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode",
                              method="html", pretty_print=True)
    return str(page)


def render(view: BibliographyView) -> str:
    """The whole page: header, filter, timeline, matrix, entries, essay paragraphs."""
    main = _element("main")
    for part in (_filter(view), _timeline(view), _matrix(view)):
        if part is not None:
            main.append(part)
    _child(main, "h2", "Entries")
    main.append(_entries(view))
    essays = _essays(view)
    if essays is not None:
        main.append(essays)
    return _page(view.title, [_header(view), main])


def render_reading_list(view: ReadingListView) -> str:
    """A reading list page: one section per tag, each with its entries."""
    header = _element("header")
    _child(header, "h1", view.title)
    count = len({i.key for s in view.sections for i in s.items})
    _child(header, "p", f"{count} {'entry' if count == 1 else 'entries'} \u00b7 {view.style}",
           class_="meta")
    main = _element("main")
    nav = _child(main, "nav")
    ul = _child(nav, "ul", class_="tags")
    for section in view.sections:
        _child(_child(ul, "li", class_="tag"), "a", section.heading, href=f"#{section.anchor}")
    for section in view.sections:
        part = _child(main, "section", id=section.anchor, class_="tag-group")
        _child(part, "h2", section.heading)
        ol = _child(part, "ol", class_="bibliography")
        for item in section.items:
            ol.append(_entry(item))
    return _page(view.title, [header, main])
