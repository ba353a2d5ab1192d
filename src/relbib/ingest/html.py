"""HTML → plain text, offset map, explicit markers, <meta> fields, notes.

Input: the text of an HTML essay.
Output: plain text with one source offset per character (html.parser gives
exact source positions, which lxml does not), the spans of explicit note
markers (``<sup>1</sup>``, ``<a href="#fn1">``) and the page's <meta> fields;
the notes list (``<ol>``, ``section.footnotes``) becomes a ``Notes`` section.
Never: read files or fetch anything the page links to.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from relbib.ingest.sentences import line_starts
from relbib.ingest.textmap import TextBuilder, finish

# --- HTML ---------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol section article aside header footer blockquote pre table "
    "tr td th figure figcaption hr dl dt dd main form address".split())
_SKIP_TAGS = frozenset("script style noscript template svg nav button select".split())
_FN_ID_RE = re.compile(r"(?:fn|footnote|endnote|note|ftn|_ftn|en)[-_:]?(\d{1,4})$", re.IGNORECASE)
_FN_HREF_RE = re.compile(r"#(?:fn|footnote|endnote|note|ftn|_ftn|en)[-_:]?(\d{1,4})$", re.IGNORECASE)
_BACKREF_HREF_RE = re.compile(r"#(?:fnref|ref|cite_ref|footnote-ref|footnote-anchor|_ftnref|ftnref|enref)",
                              re.IGNORECASE)
# A note's links back to its markers ("^ a b" on Wikipedia, "↩"): not note text.
_BACKLINK_CLASS_RE = re.compile(r"back-?link|back-?ref|footnote-back", re.IGNORECASE)
# A note's own number opening its text ("<p id="fn1">1. Maria …"): the
# number comes from the id already.
_OWN_NUMBER_RE = re.compile(r"\s*[\[(]?(\d{1,4})[.)\]]?(?:\s+|$)")
# Invisible characters typesetters put in the text (a word joiner around
# dashes, a soft hyphen, a zero-width space): not part of what a note says.
_INVISIBLE = frozenset("\u2060\u200b\u00ad\ufeff")
_NOTES_CLASS_RE = re.compile(r"\b(?:foot|end)notes?\b|\bnotes\b", re.IGNORECASE)


class _HTMLReducer(HTMLParser):
    """HTML → plain text with exact source offsets (the stdlib tokenizer
    reports where each piece starts; character references arrive apart)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = line_starts(source)
        self.out = TextBuilder()
        self.hints: list[tuple[int, int]] = []
        self.meta: dict[str, list[str]] = {}
        self.skip = 0
        self.in_head = False
        self.in_title = False
        self.title_text: list[str] = []
        self.h1_text: list[str] | None = None
        self.first_h1 = ""
        self.lists: list[list[int | str]] = []  # [kind, counter]
        self.notes_depth: list[str] = []  # tags of open notes containers
        self.note_item: list[str] = []  # tags of open notes items
        self.suppress_number = False
        self.backref: list[str] = []
        self.marker: tuple[str, list[tuple[str, int]]] | None = None  # (tag, chars)
        self.notes_heading = False  # "Notes" put before the first notes container
        self.note_opened = -1  # where a note's text starts, while nothing follows its number
        self.own_number = 0  # the number of the note being opened (its text may repeat it)

    def pos(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        at = self.pos()
        if tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, []).append(a["content"].strip())
            return
        if tag == "head":
            self.in_head = True
        if tag == "title":
            self.in_title = True
        if tag in _SKIP_TAGS:
            self.skip += 1
        if self.skip or self.in_head:
            return
        if self.backref:
            if tag == self.backref[0]:
                self.backref.append(tag)
            return
        if tag == "h1" and not self.first_h1:
            self.h1_text = []
        if tag == "br":
            self.out.newlines(1, at)
            return
        in_notes = bool(self.notes_depth)
        if tag in ("section", "div", "aside", "ol", "ul", "footer") and (
            _NOTES_CLASS_RE.search(a.get("class", "")) or a.get("role", "") in ("doc-endnotes", "doc-footnotes")
            or a.get("epub:type", "") in ("endnotes", "footnotes", "rearnotes")
            or a.get("id", "").lower() in ("footnotes", "endnotes", "notes")
        ) and not in_notes:
            if not self.notes_heading:  # one heading, though each note has its own box (Substack)
                self.out.newlines(2, at)
                self.out.generated("Notes", at)
                self.out.newlines(2, at)
                self.notes_heading = True
            self.notes_depth.append(tag)
            in_notes = True
        elif self.notes_depth and tag == self.notes_depth[0]:
            self.notes_depth.append(tag)
        if tag in _BLOCK_TAGS and len(self.out) != self.note_opened:
            self._break(tag, at)
        if tag in ("ol", "ul"):
            start = a.get("start", "1")
            self.lists.append([tag, int(start) - 1 if start.isdigit() else 0])
        fn = _FN_ID_RE.match(a.get("id", ""))
        if self.note_item and tag == self.note_item[0]:
            self.note_item.append(tag)  # nested in the note (a list's item): its end is not the note's
            return
        if tag == "li" and self.lists:
            kind = self.lists[-1]
            kind[1] = int(kind[1]) + 1
            if fn and (in_notes or kind[0] == "ol"):
                kind[1] = int(fn.group(1))
            self.out.generated(f"{kind[1]}. " if kind[0] == "ol" else "* ", at)
            if in_notes or fn:
                self._open_note(tag, int(kind[1]))
            return
        if fn and tag in ("p", "div", "li", "aside") and not self.note_item:
            self.out.newlines(2, at)
            self.out.generated(f"{int(fn.group(1))}. ", at)
            self._open_note(tag, int(fn.group(1)))
            return
        if fn and tag == "a" and in_notes and _BACKREF_HREF_RE.match(a.get("href", "")):
            # <a id="footnote-1" href="#footnote-anchor-1">1</a> opens a note
            # (Substack): its number, then the note's text in the next block
            self.out.newlines(2, at)
            self.out.generated(f"{int(fn.group(1))}. ", at)
            self.note_opened = len(self.out)
            self.backref.append(tag)
            return
        if tag == "a" and (
            _BACKREF_HREF_RE.match(a.get("href", ""))
            or ((self.note_item or in_notes) and "back" in a.get("class", ""))
        ) or (tag in ("span", "a", "sup") and _BACKLINK_CLASS_RE.search(
                " ".join((a.get("class", ""), a.get("epub:type", ""), a.get("role", ""))))):
            # the ↩ link from a note back to its marker is not part of the note
            self.backref.append(tag)
            return
        if self.marker is None and not in_notes and (
            tag == "sup" or (tag == "a" and (_FN_HREF_RE.search(a.get("href", ""))
                                             or "footnote-ref" in a.get("class", "")))
        ):
            self.marker = (tag, [])

    def handle_endtag(self, tag: str) -> None:
        at = self.pos()
        if tag == "head":
            self.in_head = False
        if tag == "title":
            self.in_title = False
        if tag in _SKIP_TAGS and self.skip:
            self.skip -= 1
            return
        if self.skip or self.in_head:
            return
        if tag == "h1" and self.h1_text is not None:
            self.first_h1 = " ".join("".join(self.h1_text).split())
            self.h1_text = None
        if self.backref:
            if tag == self.backref[-1]:
                self.backref.pop()
            return
        if self.marker is not None and tag == self.marker[0]:
            chars = self.marker[1]
            self.marker = None
            digits = [(c, o) for c, o in chars if c.isdigit()]
            label = "".join(c for c, _ in chars).strip().strip("[]()")
            if label.isdigit() and len(label) <= 4:
                start = len(self.out)
                for c, o in digits:
                    self.out.add(c, o)
                self.hints.append((start, len(self.out)))
            else:
                for c, o in chars:
                    self.out.add(c, o)
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        closes_note = len(self.note_item) == 1 and tag == self.note_item[-1]
        if self.note_item and tag == self.note_item[-1]:
            self.note_item.pop()
            self.suppress_number = self.suppress_number and not closes_note
        if self.notes_depth and tag == self.notes_depth[-1]:
            self.notes_depth.pop()
        if tag in _BLOCK_TAGS and len(self.out) != self.note_opened:
            if closes_note:
                self.out.newlines(2, at)  # a blank line between two notes
            else:
                self._break(tag, at)

    def _open_note(self, tag: str, n: int) -> None:
        """A note (an ``<li>``, or a ``<p id="fn3">``) numbered ``n`` opens here."""
        self.note_item.append(tag)
        self.suppress_number = True
        self.note_opened = len(self.out)
        self.own_number = n

    def _break(self, tag: str, at: int) -> None:
        """The line break a block boundary makes: a blank line between
        paragraphs, but a plain one inside a note (its quotations, lists and
        later paragraphs continue the note; a blank line would end it)."""
        self.out.newlines(1 if tag == "li" or self.note_item else 2, at)

    def _text(self, text: str, src: int | None) -> None:
        """Append ``text`` (from ``src``, or at the current tag when None)."""
        if self.in_title:
            self.title_text.append(text)
            return
        if self.skip or self.in_head or self.backref:
            return
        if self.h1_text is not None:
            self.h1_text.append(text)
        at = self.pos()
        if self.suppress_number:
            if not text.strip():
                return
            if text.strip().strip("[]().") == str(self.own_number):
                return  # the note's own number inside its item
            self.suppress_number = False
            own = _OWN_NUMBER_RE.match(text)
            if own and src is not None and int(own.group(1)) == self.own_number:
                text, src = text[own.end():], src + own.end()
        if self.marker is not None:
            self.marker[1].extend((c, (src if src is not None else at) + (i if src is not None else 0))
                                  for i, c in enumerate(text))
            return
        for i, c in enumerate(text):
            o = at if src is None else src + i
            if c in _INVISIBLE:
                continue
            if c.isspace():
                if not self.out.ends_with_space():
                    self.out.add(" ", o)
            else:
                self.out.add(c, o)

    def handle_data(self, data: str) -> None:
        self._text(data, self.pos())

    def handle_entityref(self, name: str) -> None:
        self._text(html.unescape(f"&{name};"), None)

    def handle_charref(self, name: str) -> None:
        self._text(html.unescape(f"&#{name};"), None)


def reduce_html(text: str) -> tuple[str, tuple[int, ...], list[tuple[int, int]], dict[str, list[str]], str]:
    reducer = _HTMLReducer(text)
    reducer.feed(text)
    reducer.close()
    out = reducer.out
    plain = finish(out)
    title = " ".join("".join(reducer.title_text).split())
    meta = reducer.meta
    meta.setdefault("_h1", [reducer.first_h1] if reducer.first_h1 else [])
    return plain, tuple(out.offsets), reducer.hints, meta, title
