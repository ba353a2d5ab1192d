"""HTML → plain text, offset map, explicit markers, <meta> fields, notes.

Input: the text of an HTML essay.
Output: plain text with one source offset per character (html.parser gives
exact source positions, which lxml does not), the spans of explicit note
markers (``<sup>1</sup>``, ``<a href="#fn1">``) and the page's <meta> fields;
the notes list (``<ol>``, ``section.footnotes``) becomes a ``Notes`` section.
A note is also any element a marker links to (``<aside id="n3">``, Word's
``<a name="_edn3">``), and any block that opens with the raised number of a
marker already read (``<p><sup>3</sup> …``); notes standing between the
paragraphs are moved after the text.
Never: read files or fetch anything the page links to.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from relbib.ingest.emphasis import NOTES_TITLE, HtmlItalics, settle_marks
from relbib.ingest.sentences import line_starts
from relbib.ingest.symbols import SYMBOL
from relbib.ingest.textmap import TextBuilder, finish

# --- HTML ---------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol section article aside header footer blockquote pre table "
    "tr td th figure figcaption hr dl dt dd main form address".split())
_SKIP_TAGS = frozenset("script style noscript template svg nav button select".split())
# A note's id ("fn3", "_edn3", Pressbooks' "footnote-812-3": post 812, note 3).
FN_ID_RE = re.compile(r"(?:fn|footnote|endnote|note|ftn|_ftn|_?edn|en)[-_:]?(?:\d{1,9}[-_:])?(\d{1,4})$",
                       re.IGNORECASE)
FN_HREF_RE = re.compile(r"#(?:fn|footnote|endnote|note|ftn|_ftn|_?edn|en)[-_:]?(?:\d{1,9}[-_:])?(\d{1,4})$",
                         re.IGNORECASE)
BACKREF_HREF_RE = re.compile(r"#(?:fnref|ref|cite_ref|footnote-ref|footnote-anchor|_ftnref|ftnref|_?ednref|enref"
                              r"|return-footnote)", re.IGNORECASE)
# A note's links back to its markers ("^ a b" on Wikipedia, "↩"): not note text.
_BACKLINK_CLASS_RE = re.compile(r"back-?link|back-?ref|footnote-back|return-footnote", re.IGNORECASE)
# A link to a numbered anchor ("post.html#3"): a marker when its text is a number.
_DIGIT_FRAGMENT_RE = re.compile(r"#\d{1,4}$")
# A marker printed as a roman numeral ("[iv]", Word's endnotes).
_ROMAN_RE = re.compile(r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$", re.IGNORECASE)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
# A note's own number opening its text ("<p id="fn1">1. Maria …"): the
# number comes from the id already.
_OWN_NUMBER_RE = re.compile(r"\s*[\[(]?(\d{1,4})[.)\]]?(?:\s+|$)")
# What follows a note's number printed apart from it ("<a …>1</a>. Text").
_NUMBER_POINT_RE = re.compile(r"[ \t]*[.:)\]][ \t]+")
# Invisible characters typesetters put in the text (a word joiner around
# dashes, a soft hyphen, a zero-width space): not part of what a note says.
_INVISIBLE = frozenset("\u2060\u200b\u00ad\ufeff")
# A note symbol standing alone in a marker ("<sup>*</sup>", "<sup>†</sup>").
_SYMBOL_RE = re.compile(SYMBOL)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# The bullet or number the reducer writes before a list item's text ("* ", "3. ").
_LIST_BULLET_RE = re.compile(r"^(?:\*|\d{1,4}\.)$")
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
        self.link: tuple[str, str] = ("", "")  # the open <a>'s target and own id or name
        self.marker_link: list[tuple[str, str]] = []  # (target, own id) of the marker's links
        self.targets: dict[str, int] = {}  # element id a marker links to → its note number
        self.marker_ids: set[str] = set()  # ids of the markers (a note's link back names one)
        self.body_numbers: set[int] = set()  # numbers of the markers read in the body
        self.body_symbols: set[str] = set()  # symbols of the symbol markers read in the body
        self.block: tuple[str, int] = ("", -1)  # the last block opened, and where its text starts
        self.notes_out = TextBuilder()  # notes standing among the paragraphs, put after the text
        self.body_out: TextBuilder | None = None  # the body while a loose note is written
        self.italics = HtmlItalics()  # the notes' italics (relbib.ingest.emphasis)

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
        href = a.get("href", "")
        # Silverchair (Oxford, Chicago UP journals) keys a note by content-id, not id
        ident = a.get("id", "") or a.get("content-id", "") or (a.get("name", "") if tag == "a" else "")
        if tag == "a":
            self.link = (href.rpartition("#")[2] if "#" in href else "", ident)
            if self.marker is not None:
                self.marker_link.append(self.link)
        in_notes = bool(self.notes_depth)
        if tag in ("section", "div", "aside", "ol", "ul", "footer") and (
            _NOTES_CLASS_RE.search(a.get("class", "")) or a.get("role", "") in ("doc-endnotes", "doc-footnotes")
            or a.get("epub:type", "") in ("endnotes", "footnotes", "rearnotes")
            or a.get("id", "").lower() in ("footnotes", "endnotes", "notes")
        ) and not in_notes:
            self._notes_heading(at)  # one heading, though each note has its own box (Substack)
            self.notes_depth.append(tag)
            in_notes = True
        elif self.notes_depth and tag == self.notes_depth[0]:
            self.notes_depth.append(tag)
        self.italics.start(tag, a, bool(self.note_item or in_notes), self.out)
        if tag in _BLOCK_TAGS and len(self.out) != self.note_opened:
            self._break(tag, at)
        if tag in _BLOCK_TAGS and tag != "hr":
            self.block = (tag, len(self.out))
        if tag in ("ol", "ul"):
            start = a.get("start", "1")
            self.lists.append([tag, int(start) - 1 if start.isdigit() else 0])
        fn_n = self._note_number(ident)
        if self.note_item and tag == self.note_item[0]:
            self.note_item.append(tag)  # nested in the note (a list's item): its end is not the note's
            return
        if tag == "li" and self.lists:
            kind = self.lists[-1]
            kind[1] = int(kind[1]) + 1
            if fn_n and (in_notes or kind[0] == "ol"):
                kind[1] = fn_n
            self.out.generated(f"{kind[1]}. " if kind[0] == "ol" else "* ", at)
            if in_notes or fn_n:
                self._open_note(tag, int(kind[1]))
            return
        if fn_n and tag in ("p", "div", "li", "aside", "section") and not self.note_item:
            if not in_notes:
                self._loose_note(at)  # <aside epub:type="footnote" id="n3"> in the flow of the text
            self.out.newlines(2, at)
            self.out.generated(f"{fn_n}. ", at)
            self._open_note(tag, fn_n)
            return
        if tag == "a" and not self.note_item and ident in self.targets and self._opens_note(self.targets[ident], at):
            self.backref.append(tag)  # '<p><a name="3">[3]</a> Text': the number is the note's
            return
        back = BACKREF_HREF_RE.match(href) or self.link[0] in self.marker_ids
        if fn_n and not self.note_item and (tag == "dt" or tag == "a" and back and (
                in_notes or self.link[0] in self.marker_ids or BACKREF_HREF_RE.match(href))):
            # <a id="footnote-1" href="#footnote-anchor-1">1</a> opens a note
            # (Substack; Word's "<a href="#_ednref1" name="_edn1">[i]</a> text";
            # "<dt id="fn1">1</dt><dd>text</dd>"): its number, then the note's text
            if not in_notes:
                self._notes_heading(at)
            self.out.newlines(2, at)
            self.out.generated(f"{fn_n}. ", at)
            self.note_opened = len(self.out)
            self.backref.append(tag)
            self.suppress_number, self.own_number = True, fn_n  # "1</a>. Text": the point is the number's
            return
        if tag == "a" and (
            back
            or ((self.note_item or in_notes) and "back" in a.get("class", ""))
        ) or (tag in ("span", "a", "sup") and _BACKLINK_CLASS_RE.search(
                " ".join((a.get("class", ""), a.get("epub:type", ""), a.get("role", ""))))):
            # the ↩ link from a note back to its marker is not part of the note
            self.backref.append(tag)
            return
        if self.marker is None and not in_notes and (
            tag == "sup" or (tag == "a" and (FN_HREF_RE.search(href) or _DIGIT_FRAGMENT_RE.search(href)
                                             or "footnote-ref" in a.get("class", "")
                                             or "noteref" in a.get("epub:type", "")
                                             or a.get("role", "") == "doc-noteref"))
        ):
            self.marker = (tag, [])
            self.marker_link = [self.link] if tag == "a" else [("", ident), self.link]  # in its <a>

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
        if tag == "a":
            self.link = ("", "")
        if self.backref:
            if tag == self.backref[-1]:
                self.backref.pop()
            return
        self.italics.end(tag, self.out)
        if tag in _HEADINGS and self.block[0] == tag and self.body_numbers \
                and NOTES_TITLE.match("".join(self.out.chars[self.block[1]:])):
            self.italics.after_heading = True  # "<h2>Notes</h2>" after the markers: the notes follow
        if self.marker is not None and tag == self.marker[0]:
            chars = self.marker[1]
            self.marker = None
            label = "".join(c for c, _ in chars).strip().strip("[]()")
            n = None if _SYMBOL_RE.fullmatch(label) else self._marker_number(label)
            if n is None and _SYMBOL_RE.fullmatch(label):
                self._symbol_marker(label, chars, at)
            elif n is not None and self._opens_note(n, chars[0][1] if chars else at):
                pass  # "<p><sup>3</sup> Text</p>": note 3, not a marker
            elif n is not None:
                self.body_numbers.add(n)
                start = len(self.out)
                if label.isdigit():
                    for c, o in chars:
                        if c.isdigit():
                            self.out.add(c, o)
                else:  # "[iv]" stands for note 4
                    self.out.generated(str(n), chars[0][1] if chars else at)
                self.hints.append((start, len(self.out)))
            else:
                for c, o in chars:
                    self._emit(c, o)
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
        if closes_note and self.body_out is not None:
            self.out, self.body_out = self.body_out, None  # back to the text after a loose note

    def _marker_number(self, label: str) -> int | None:
        """The note number a marker's ``label`` stands for (a roman numeral
        or a symbol only when the marker links to a note), remembering the
        element it links to and its own ids."""
        target = next((frag for frag, _ in self.marker_link if frag), "")
        n: int | None = None
        if label.isdigit() and len(label) <= 4:
            n = int(label)
        elif target:  # "[iv]", "*", or nothing left of the number: the link says which note
            href = FN_HREF_RE.search("#" + target)
            n = int(href.group(1)) if href else _roman(label) if label else None
        if n is not None:
            if target:
                self.targets.setdefault(target, n)
            self.marker_ids.update(own for _, own in self.marker_link if own)
        return n

    def _opens_note(self, n: int, at: int) -> bool:
        """Whether the raised number ``n`` that opens a block (nothing before it)
        opens note ``n`` of a marker already in the body: the note is opened."""
        block, text_start = self.block
        before = "".join(self.out.chars[text_start:]).strip()
        if block == "li":  # the bullet or number written for the item ("<li><sup>3</sup>A. Smith, …")
            before = _LIST_BULLET_RE.sub("", before)
        if self.notes_depth or self.note_item or n not in self.body_numbers \
                or block not in ("p", "div", "dd", "li", "aside") \
                or len(self.out) - text_start > 4 or before:
            return False
        self._loose_note(at)
        self.out.newlines(2, at)
        self.out.generated(f"{n}. ", at)
        self._open_note(block, n)  # the number may follow again ('<a id="x"></a><a href="…">3</a>. Text')
        return True

    def _symbol_marker(self, label: str, chars: list[tuple[str, int]], at: int) -> None:
        """A raised symbol: the marker of a symbol note ("Roe<sup>*</sup>"), or,
        opening a block after such a marker, the note itself ("<p><sup>*</sup> Professor …")."""
        block, text_start = self.block
        opens = not self.note_item and block in ("p", "div", "dd", "li", "aside") and \
            not "".join(self.out.chars[text_start:]).strip()
        if opens and (label in self.body_symbols or self.notes_depth):
            if not self.notes_depth:
                self._loose_note(at)
            self.out.newlines(2, at)
            self.out.generated(f"{label} ", chars[0][1] if chars else at)
            self._open_note(block, 0)
            return
        self.body_symbols.add(label)
        start = len(self.out)
        for c, o in chars:
            if not c.isspace():
                self.out.add(c, o)
        self.hints.append((start, len(self.out)))

    def _loose_note(self, at: int) -> None:
        """Write the note opening here after the text (notes between its paragraphs)."""
        if self.body_out is None:
            self.body_out, self.out = self.out, self.notes_out

    def _note_number(self, ident: str) -> int | None:
        """The number of the note an element with id (or name) ``ident`` opens, if it is one."""
        if not ident:
            return None
        if ident in self.targets:
            return self.targets[ident]
        fn = FN_ID_RE.match(ident)
        return int(fn.group(1)) if fn else None

    def _notes_heading(self, at: int) -> None:
        """One "Notes" heading before the first note (notes may stand without a box)."""
        if not self.notes_heading:
            self.out.newlines(2, at)
            self.out.generated("Notes", at)
            self.out.newlines(2, at)
            self.notes_heading = True

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
            own = _OWN_NUMBER_RE.match(text) or _NUMBER_POINT_RE.match(text)
            if own and src is not None and (own.lastindex is None or int(own.group(1)) == self.own_number):
                text, src = text[own.end():], src + own.end()
        if self.marker is not None:
            self.marker[1].extend((c, (src if src is not None else at) + (i if src is not None else 0))
                                  for i, c in enumerate(text))
            return
        for i, c in enumerate(text):
            self._emit(c, at if src is None else src + i)

    def _emit(self, c: str, o: int) -> None:
        """One character of text from source offset ``o``, runs of space made one."""
        if c in _INVISIBLE:
            return
        if c.isspace():
            if not self.out.ends_with_space():
                self.out.add(" ", o)
        else:
            self.italics.before_char(self.out, o)
            self.out.add(c, o)

    def handle_data(self, data: str) -> None:
        self._text(data, self.pos())

    def handle_entityref(self, name: str) -> None:
        self._text(html.unescape(f"&{name};"), None)

    def handle_charref(self, name: str) -> None:
        self._text(html.unescape(f"&#{name};"), None)


def _roman(label: str) -> int | None:
    """The value of a roman numeral up to 399 ("iv" → 4), or None."""
    if len(label) > 9 or not _ROMAN_RE.match(label):
        return None
    values = [_ROMAN[c] for c in label.lower()]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def reduce_html(text: str) -> tuple[str, tuple[int, ...], list[tuple[int, int]], dict[str, list[str]], str]:
    reducer = _HTMLReducer(text)
    reducer.feed(text)
    reducer.close()
    out = reducer.body_out or reducer.out
    if reducer.notes_out.chars:
        at = reducer.notes_out.offsets[0]
        out.newlines(2, at)
        if not reducer.notes_heading:
            out.generated("Notes\n\n", at)
        out.chars.extend(reducer.notes_out.chars)
        out.offsets.extend(reducer.notes_out.offsets)
    settle_marks(out, reducer.hints)
    plain = finish(out)
    title = " ".join("".join(reducer.title_text).split())
    meta = reducer.meta
    meta.setdefault("_h1", [reducer.first_h1] if reducer.first_h1 else [])
    return plain, tuple(out.offsets), reducer.hints, meta, title
