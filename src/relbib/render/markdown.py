"""The annotated bibliography as CommonMark.

Input: a :class:`relbib.render.document.BibliographyView`.
Output: one Markdown document (str).
Never: let data from a .bib or YAML act as Markdown: every character that
could open emphasis, a link, code, HTML or a block is escaped.
"""

from __future__ import annotations

import re
from typing import Any

from relbib.render.document import (
    GROUP_TITLES,
    GROUPS,
    BibliographyView,
    ClaimView,
    ItemView,
    ReadingListView,
)
from relbib.render.rich import safe_url, spell

# ASCII punctuation that CommonMark gives a meaning inline; a backslash makes
# each one literal (& would start an entity, < raw HTML or an autolink).  Pandoc
# reads more: $ opens TeX math (which its LaTeX writer passes on raw: issue 9
# read /etc/hostname that way), ^ superscript, ~ subscript, @ a citation.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~&$^@])")
# what opens a block at the start of a line: a list item (-, +, 1. or 1)),
# a quote, a heading or a setext underline
_BLOCK_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line (whitespace runs collapsed)."""
    return escape_block_start(_INLINE_SPECIAL.sub(r"\\\1", " ".join(text.split())))


def _link(url: str, parts: list[str]) -> str:
    text = "".join(parts)
    safe = safe_url(url)
    if not safe:
        return text
    # safe_url percent-encoded what could end the <...> target
    return f"[{text}](<{safe}>)"


def _tag(name: str, parts: list[str]) -> str:
    inner = "".join(parts)
    if not inner.strip():
        return inner
    mark = {"em": "*", "i": "*", "strong": "**", "b": "**"}.get(name)
    return f"{mark}{inner}{mark}" if mark else inner


def inline(text: Any) -> str:
    """One formatted reference as inline Markdown."""
    spelled = spell(
        text,
        string=lambda s: _INLINE_SPECIAL.sub(r"\\\1", s.replace("\n", " ")),
        tag=_tag,
        link=_link,
        group="".join,
    )
    return escape_block_start(spelled)


def escape_block_start(line: str) -> str:
    """Escape a block marker at the start of an already-escaped line."""
    match = _BLOCK_START.match(line)
    if not match:
        return line
    lead, mark = match.groups()
    if mark.isdigit():
        return line[:match.end()] + "\\" + line[match.end():]
    return lead + "\\" + line[len(lead):]


# --- sections: one function each --------------------------------------------


def _header(view: BibliographyView | ReadingListView) -> list[str]:
    return [f"# {escape(view.title)}", ""]


def _claim(claim: ClaimView) -> str:
    line = f"- \u201c{escape(claim.quote)}\u201d \u2014 *{escape(claim.essay_title)}*, {escape(claim.where)}"
    return line + (f"; {escape(claim.against)}" if claim.against else "")


def _annotation(item: ItemView) -> list[str]:
    blocks: list[list[str]] = []
    if item.summary:
        blocks += [[escape(p)] for p in re.split(r"\n\s*\n", item.summary) if p.strip()]
    if item.tags:
        blocks.append(["**Tags:** " + ", ".join(escape(t) for t in item.tags)])
    for group in GROUPS:
        claims = item.claims_in(group)
        if claims:
            blocks.append([f"**{GROUP_TITLES[group]}**"])
            blocks.append([_claim(c) for c in claims])
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append(">")
        lines += [f"> {line}" for line in block]
    return lines


def _entry(item: ItemView) -> list[str]:
    reference = inline(item.text)
    if item.label:
        reference = f"\\[{escape(item.label)}\\] {reference}"
    lines = [reference, ""]
    annotation = _annotation(item)
    if annotation:
        lines += [*annotation, ""]
    return lines


def render(view: BibliographyView) -> str:
    """The whole document: title, then each entry and its annotation."""
    lines = _header(view) + [line for item in view.items for line in _entry(item)]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_reading_list(view: ReadingListView) -> str:
    """A reading list: one ``##`` section per tag, each entry a list item
    with its summary as an indented paragraph."""
    lines = _header(view)
    for section in view.sections:
        lines += [f"## {escape(section.heading)}", ""]
        for item in section.items:
            reference = inline(item.text)
            if item.label:
                reference = f"\\[{escape(item.label)}\\] {reference}"
            lines.append(f"- {reference}")
            if item.summary:
                lines += ["", f"  {escape(item.summary)}"]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
