"""Which runs of a Word or OpenDocument note are set in italics.

Input: the parsed XML of a .docx's styles part and a run's text node, or an
.odt's content and styles parts.
Output: whether a Word run is italic (its own ``<w:i/>``, or a character
style that sets italics, followed through ``w:basedOn``), and the names of
the OpenDocument styles whose text properties say ``fo:font-style="italic"``
(followed through ``style:parent-style-name``).
Never: read the zip (relbib.ingest.office does), or count complex-script
italics (``w:iCs``) as italics: it styles Arabic or Hebrew text only.
"""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

__all__ = ["odt_italic_styles", "word_italic_styles", "word_run_italic"]

# How Word says a toggle is off: <w:i w:val="0"/>.
_OFF = frozenset({"0", "false", "off"})


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _italic_flag(props: etree._Element | None) -> bool | None:
    """What a run-properties element says of italics: True, False, or None (nothing)."""
    if props is None:
        return None
    flag = props.find(_w("i"))
    if flag is None:
        return None
    return flag.get(_w("val"), "1").lower() not in _OFF


def word_italic_styles(styles: etree._Element | None) -> frozenset[str]:
    """The ids of word/styles.xml's styles that set italics (an "Emphasis" or
    "Book Title" character style), following each style's ``w:basedOn``."""
    if styles is None:
        return frozenset()
    own: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for style in styles.iter(_w("style")):
        ident = style.get(_w("styleId"), "")
        own[ident] = _italic_flag(style.find(_w("rPr")))
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based[ident] = parent.get(_w("val"), "")
    return _inherited(own, based)


def word_run_italic(text_node: etree._Element, styles: frozenset[str]) -> bool:
    """Whether the run holding ``text_node`` (a ``<w:t>``) is set in italics."""
    run = text_node.getparent()
    if run is None or run.tag != _w("r"):
        return False
    props = run.find(_w("rPr"))
    flag = _italic_flag(props)
    if flag is not None:
        return flag
    style = props.find(_w("rStyle")) if props is not None else None
    return style is not None and style.get(_w("val"), "") in styles


def odt_italic_styles(*roots: etree._Element | None) -> frozenset[str]:
    """The names of the styles (automatic ones in content.xml, named ones in
    styles.xml) whose text is italic, following ``style:parent-style-name``."""
    own: dict[str, bool | None] = {}
    parents: dict[str, str] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(f"{{{STYLE}}}style"):
            name = style.get(f"{{{STYLE}}}name", "")
            props = style.find(f"{{{STYLE}}}text-properties")
            posture = props.get(f"{{{FO}}}font-style") if props is not None else None
            own[name] = None if posture is None else posture in ("italic", "oblique")
            parent = style.get(f"{{{STYLE}}}parent-style-name")
            if parent:
                parents[name] = parent
    return _inherited(own, parents)


def _inherited(own: dict[str, bool | None], parents: dict[str, str]) -> frozenset[str]:
    """The styles that are italic by their own word or their nearest ancestor's."""
    out = set()
    for name in own:
        at: str | None = name
        seen = set()
        while at is not None and at not in seen:
            seen.add(at)
            if own.get(at) is not None:
                if own[at]:
                    out.add(name)
                break
            at = parents.get(at)
    return frozenset(out)
