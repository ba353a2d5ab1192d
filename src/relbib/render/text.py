"""The annotated bibliography as plain text, wrapped at 78 columns.

Input: a :class:`relbib.render.document.BibliographyView`.
Output: plain UTF-8 text; each reference flush left (continuation lines
indented two spaces), its annotation indented four.
Never: emit markup of any kind.
"""

from __future__ import annotations

import re
import textwrap

from relbib.render.document import GROUP_TITLES, GROUPS, BibliographyView, ItemView
from relbib.render.rich import plain_text

WIDTH = 78
# runs of breaking whitespace (not the no-break space)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
INDENT = "    "


def _wrap(text: str, first: str, rest: str) -> list[str]:
    # no-break spaces from the style ("F.\u00a0M.") keep words together while
    # wrapping, then print as ordinary spaces
    lines = textwrap.wrap(_SPACES.sub(" ", text).strip(), width=WIDTH, initial_indent=first,
                          subsequent_indent=rest, break_long_words=False, break_on_hyphens=False)
    return [line.replace("\u00a0", " ") for line in lines]


def _header(view: BibliographyView) -> list[str]:
    title = " ".join(view.title.split())
    return [title, "=" * min(len(title), WIDTH), ""]


def _annotation(item: ItemView) -> list[str]:
    blocks: list[list[str]] = []
    for paragraph in re.split(r"\n\s*\n", item.summary) if item.summary else ():
        if paragraph.strip():
            blocks.append(_wrap(paragraph, INDENT, INDENT))
    if item.tags:
        blocks.append(_wrap("Tags: " + ", ".join(item.tags), INDENT, INDENT + "  "))
    for group in GROUPS:
        claims = item.claims_in(group)
        if not claims:
            continue
        lines = [f"{INDENT}{GROUP_TITLES[group]}:"]
        for claim in claims:
            against = f"; {claim.against}" if claim.against else ""
            lines += _wrap(f"\u201c{claim.quote}\u201d \u2014 {claim.essay_title}, {claim.where}{against}",
                           INDENT + "- ", INDENT + "  ")
        blocks.append(lines)
    out: list[str] = []
    for block in blocks:
        out += [*block, ""]
    return out


def _entry(item: ItemView) -> list[str]:
    reference = plain_text(item.text)
    if item.label:
        reference = f"[{item.label}] {reference}"
    return [*_wrap(reference, "", "  "), "", *_annotation(item)]


def render(view: BibliographyView) -> str:
    """The whole document: title, then each entry and its annotation."""
    lines = _header(view)
    for item in view.items:
        lines += _entry(item)
    return "\n".join(lines).rstrip("\n") + "\n"
