"""An EPUB book (a zip of XHTML files) → the HTML one reader reduces.

Input: the bytes of an .epub file.
Output: the book's XHTML documents in spine order joined into one HTML
text (each document's body, the first one's head), and the title and
creators of its package document (OPF).  The HTML reader then finds the
markers (``<a epub:type="noteref" href="endnotes.xhtml#note-3">``) and the
endnotes (``<li id="note-3" epub:type="endnote">``, their backlinks left
out) wherever in the book they are.
Never: follow a link outside the zip, resolve entities, or raise anything
but InputError.

Line and column: the offset map of an EPUB points into this joined text,
whose lines are the spine documents' lines one document after another.
"""

from __future__ import annotations

import posixpath
import re

from relbib.diagnostics import InputError
from relbib.ingest.office import DC, open_zip, parse_xml, read_part

_OPF = "http://www.idpf.org/2007/opf"
_CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
# from the first <body> or <head> only (a search from each would be quadratic)
_BODY_RE = re.compile(r"\A(?:[^<]++|<(?!body\b))*+<body\b[^>]*>(.*)</body\s*>", re.IGNORECASE | re.DOTALL)
_HEAD_RE = re.compile(r"\A(?:[^<]++|<(?!head\b))*+(?P<head><head\b[^>]*>.*?</head\s*>)",
                      re.IGNORECASE | re.DOTALL)
_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html"})


def _package_path(archive_names: set[str], container: bytes | None) -> str:
    """Where the OPF is: META-INF/container.xml's rootfile, else the one .opf."""
    if container is not None:
        root = parse_xml(container, "META-INF/container.xml", "the .epub")
        for rootfile in root.iter(f"{{{_CONTAINER}}}rootfile"):
            path = str(rootfile.get("full-path", ""))
            if path in archive_names:
                return path
    opfs = sorted(n for n in archive_names if n.lower().endswith(".opf"))
    if not opfs:
        raise InputError("not an EPUB book: no package document (.opf) in the zip")
    return opfs[0]


def epub_html(data: bytes) -> tuple[str, dict[str, list[str]]]:
    """The book's spine as one HTML text, and its title and authors."""
    archive = open_zip(data, ".epub")
    names = set(archive.namelist())
    opf_path = _package_path(names, read_part(archive, "META-INF/container.xml", "the .epub"))
    opf_data = read_part(archive, opf_path, "the .epub")
    if opf_data is None:
        raise InputError(f"the .epub names {opf_path} as its package document, but it is missing")
    opf = parse_xml(opf_data, opf_path, "the .epub")
    base = posixpath.dirname(opf_path)
    manifest = {item.get("id", ""): item for item in opf.iter(f"{{{_OPF}}}item")}
    parts: list[str] = []
    head = ""
    for itemref in opf.iter(f"{{{_OPF}}}itemref"):
        item = manifest.get(itemref.get("idref", ""))
        if item is None or item.get("media-type", "") not in _XHTML_TYPES:
            continue
        path = posixpath.normpath(posixpath.join(base, item.get("href", "")))
        raw = read_part(archive, path, "the .epub")
        if raw is None:
            continue  # a spine item missing from the zip: the rest is still read
        html = raw.decode("utf-8", errors="replace")
        if not head:
            found = _HEAD_RE.search(html)
            head = found.group("head") if found else ""
        body = _BODY_RE.search(html)
        parts.append(f"<div>{body.group(1) if body else html}</div>")
    if not parts:
        raise InputError("the .epub has no readable XHTML document in its spine")
    meta: dict[str, list[str]] = {}
    title = [t.text.strip() for t in opf.iter(f"{{{DC}}}title") if t.text and t.text.strip()]
    authors = [c.text.strip() for c in opf.iter(f"{{{DC}}}creator") if c.text and c.text.strip()]
    if title:
        meta["title"] = title[:1]
    if authors:
        meta["author"] = authors
    return "<html>" + head + "<body>\n" + "\n".join(parts) + "\n</body></html>", meta
