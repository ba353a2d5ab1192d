"""Markdown italics in a note: evidence of a title, never part of a field.

Input: the text of one note as ingest gives it (italics written ``*…*`` or
``_…_``: relbib.ingest.emphasis) and the parser that reads a note.
Output: the Reference the note describes, read with its italics as evidence —
an italic run after an author is the work's title, an italic run after a
quoted title is the container (the journal, the book a chapter is in) —
and with no ``*`` or ``_`` mark left in any field, name or short title.
Never: look at other notes (relbib.resolve decides whether a short title
refers to an earlier note), change the reading of a note without italics,
or touch a URL or a DOI (their underscores are theirs).

A note is read twice, with its marks (the readers that know them: legal
citations, short notes, Ibid.) and without them; the reading whose title or
container is the italic run wins, the one with the marks when both or
neither agree.  A reading whose title swallowed the author ("Davie, Purity of
Diction …": a family name alone before an italic title) gets its author back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from relbib import lexicon
from relbib.model import (
    FieldValue,
    FullRef,
    Name,
    OpCitRef,
    Reference,
    ShortRef,
    SupraRef,
    UnparsedRef,
    freeze_fields,
)
from relbib.parse.names import split_names

__all__ = ["ItalicRun", "italic_runs", "read_italic_note", "strip_marks", "without_marks"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ItalicRun:
    """One italic run of a note: its words and where they stand (marks aside)."""

    body: str
    start: int  # of the opening mark
    end: int  # after the closing mark


# One italic run: "*Title*", "_Title_", "***Title***" (bold "**x**" is read alike), its
# marks at a word's edges ("*154" is a star page, "snake_case" no italics).
_ITALIC_RUN = re.compile(
    r"(?<![\w*_\\])(?P<mark>\*{1,3}|_{1,3})(?=[^\s*_])(?P<body>(?:(?!(?P=mark)).)+?)(?<=[^\s*_])(?P=mark)(?![\w*_])"
)
# A mark left alone at a word's edge ("Title,*" after a comma set in italics).
_STRAY_MARK = re.compile(r"(?<![\w*_\\])[*_]{1,3}(?=[^\s*_\d])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")
# An italic run that is no title: a signal, a subsequent form's word, a Latin
# remark ("*See*", "*Id.*", "*supra*", "*et al.*", "*passim*", "*op. cit.*").
_FORM_WORD = re.compile(
    r"^\s*(?:(?:see|also|generally|but|cf|compare|contra|accord|e\.\s?g|id|ibid|ib|ibd|idem|eadem|ebd|ebenda|"
    r"vgl|siehe|voir|supra|infra|ante|post|passim|sic|et\s+al|op\.?\s*cit|loc\.?\s*cit|art\.?\s*cit|cit|"
    r"a\.\s*a\.\s*O|s\.\s*v|sub\s+voce|q\.\s*v|i\.\s*e|viz|and|with|in|at|note|n)\.?[,:;]?\s*)+$",
    re.IGNORECASE,
)
# Fields whose text is the work's words (a URL's or a DOI's underscores are no marks).
_LITERAL_FIELDS = frozenset({"url", "doi", "eprint", "isbn", "issn", "file", "urldate", "date"})
# What a title run's words are compared by: no case, no closing punctuation.
_EDGE = " ,.;:"
# A quoted title right before the run, or before "in" and the book's editors: the run
# is the container ("“Chapter,” in Ann Roe, ed., *Book*"; "“Article,” *Journal* 12").
_QUOTED_BEFORE = re.compile(
    r"(?:(?:^|(?<![\w'\u2019-])(?:[A-Z\u00c0-\u00dd][\w'\u2019-]*+|al|eds?)[,.:;]?\s)"  # after a name (not prose: "Roe says, “…”")
    r"(?P<quote>[\u201c\"\u2018'])[^\u201c\u201d\"]{2,300}?[,.][\u201d\"\u2019']"
    r"|(?P<comma>[\u201c\"\u2018'])[^\u201c\u201d\"]{2,300}?,[\u201d\"\u2019']"  # “Title,”: a title whoever writes it
    r"|(?P<after>[\u201c\"\u2018'])[^\u201c\u201d\"]{2,300}?[\u201d\"\u2019'],)\s"
    r"(?:(?:trans|tr|ed)\.\s[^*_\u201c\u201d\"()]{2,80}?,\s)?"  # “Title,” trans. Ann Roe, in *Book*
    r"(?:in\s(?:[^*_\u201c\u201d\"()]{2,200}?,\seds?\.,?\s)?)?$"
)
# A quoted title from its opening mark: its words without the closing comma or point.
_QUOTED_TITLE = re.compile(r"[\u201c\"\u2018'](?P<title>[^\u201c\u201d\"]{2,300}?)[,.]?[\u201d\"\u2019']")
# The fields a container run may fill.
_CONTAINERS = ("journal", "booktitle", "howpublished", "series")
# What follows a title in the same field when a reading missed its end: a translator or editor.
_AFTER_TITLE = re.compile(r"^,?\s(?:trans|tr|ed|eds|edited\sby|translated\sby)\.?\s(?P<names>.+)$")
# Where a citation starts after prose: the end of a sentence (a quotation's too) or a
# signal ("… in Caribbean political formations, see Ann Roe and Tom Pell, *Title*").
_PROSE_END = re.compile(r"(?:[.?!][\u201d\"\u2019')]*|\b(?:[Ss]ee(?:\salso)?|[Cc]f\.))\s+(?=[A-Z*_])")
# Where a word starts (a name list may start there).
_WORD_START = re.compile(r"(?<![\w'\u2019.-])(?=[A-Z\u00c0-\u00dd])")
# The names of a citation's authors before its italic title, and their comma.
_NAME = (rf"(?:(?:[A-Z\u00c0-\u00dd][\w'\u2019.-]*|{lexicon.particle_pattern()})\s){{0,3}}"
         r"[A-Z\u00c0-\u00dd][\w'\u2019-]+")
_NAMES_BEFORE = re.compile(rf"{_NAME}(?:(?:,\s|\sand\s|,\sand\s|\s&\s){_NAME})*(?:\set\sal\.)?,\s$")


def italic_runs(text: str) -> tuple[ItalicRun, ...]:
    """The italic runs of ``text`` ("*Title*", "_Title_", "***Title***")."""
    return tuple(ItalicRun(body=m.group("body"), start=m.start(), end=m.end())
                 for m in _ITALIC_RUN.finditer(text))


def strip_marks(text: str) -> str:
    """``text`` without the marks of its italic runs, and without a stray mark
    at a word's edge ("Title,*" left by a comma set in italics)."""
    return _STRAY_MARK.sub("", _ITALIC_RUN.sub(r"\g<body>", text))


def without_marks(ref: Reference) -> Reference:
    """``ref`` with no italic mark in any field, name or short title (its text is kept)."""
    if isinstance(ref, FullRef):
        fields = {k: _clean_value(k, v) for k, v in ref.fields.items()}
        return ref if fields == dict(ref.fields) else replace(ref, fields=freeze_fields(fields))
    if isinstance(ref, ShortRef | OpCitRef):
        title = strip_marks(ref.short_title).strip() if ref.short_title else ref.short_title
        return replace(ref, authors=tuple(strip_marks(a).strip() for a in ref.authors), short_title=title)
    if isinstance(ref, SupraRef):
        return replace(ref, authors=tuple(strip_marks(a).strip() for a in ref.authors))
    return ref


def _clean_value(key: str, value: FieldValue) -> FieldValue:
    if isinstance(value, tuple):
        return tuple(replace(n, family=strip_marks(n.family).strip(), given=strip_marks(n.given).strip())
                     for n in value)
    return value if key in _LITERAL_FIELDS else strip_marks(value).strip()


@dataclass(frozen=True, slots=True, kw_only=True)
class _Place:
    """What an italic run is by where it stands: the title, or the container
    of the quoted title before it."""

    run: ItalicRun
    quoted: str | None  # the quoted title before a container run (None: the run is the title)
    anchor: int  # where the work's own title starts: its quotation mark, or the run


def read_italic_note(text: str, parse: Callable[[str], Reference]) -> Reference:
    """The Reference of a note with italics (see the module docstring)."""
    marked = without_marks(parse(text))
    runs = _title_runs(text)
    if not runs:
        return marked
    if len(runs) == 1 and not text[: runs[0].start].strip() and not text[runs[0].end :].strip(_EDGE):
        if isinstance(marked, FullRef) and set(marked.fields) == {"title"} and not re.search(
                r"[\d(\u2018\u201c\"]", str(marked.fields["title"])):
            return marked  # "*Harbour Lights Online: A Digital Edition.*": a title alone (title_alone.py)
        return replace(without_marks(parse(strip_marks(text))), text=text)  # a note set in italics whole
    plain: Reference | None = None
    for run in runs:  # a note's prose may name a work in italics before the one it cites
        place = _place(text, run)
        start = _citation_start(text, place.anchor)
        if start and not _CONTRIBUTOR_BEFORE.search(text[max(0, start - 40) : start]):  # '… growing up." Gérard Barthélemy, *Créoles-Bossales* (…), 173': prose, then the citation
            ref = replace(without_marks(parse(text[start:])), text=text)
            # "Dr. Cowan. *Vital Statistics*": the stopped name before the run is the
            # author the whole reading found, no sentence of prose
            if _fits(ref, place) and not (_fits(marked, place) and _authored(marked) and not _authored(ref)):
                return ref
        if _fits(marked, place):
            return marked
        plain = plain or replace(without_marks(parse(strip_marks(text))), text=text)
        if _fits(plain, place):
            return plain
        fixed = _fixed(text, place, (marked, plain))
        if fixed is not None:
            return fixed
    return _fallback(marked, plain)


# Names after "with an essay by" are a contributor's, not the start of another citation.
_CONTRIBUTOR_BEFORE = re.compile(r"\bwith\s(?:an?\s)?[a-z]{3,15}\sby\s$")


def _authored(ref: Reference) -> bool:
    return isinstance(ref, FullRef) and bool(ref.fields.get("author"))


def _fallback(marked: Reference, plain: Reference | None) -> Reference:
    """No reading fits the italics: the one with the marks, unless it read
    nothing and the one without them did (as ingest gave the note before)."""
    if isinstance(marked, UnparsedRef) and plain is not None and not isinstance(plain, UnparsedRef):
        return plain
    return marked


def _place(text: str, run: ItalicRun) -> _Place:
    quoted = _QUOTED_BEFORE.search(text, 0, run.start)
    if quoted is None:
        return _Place(run=run, quoted=None, anchor=run.start)
    group = quoted.lastgroup or "quote"
    title = _QUOTED_TITLE.match(text, quoted.start(group))
    return _Place(run=run, quoted=title.group("title") if title else "", anchor=quoted.start(group))


def _fixed(text: str, place: _Place, readings: tuple[Reference, ...]) -> Reference | None:
    """A reading the run puts right: its title or container cut to the run, or
    its author taken out of its title."""
    container = place.quoted is not None
    for ref in readings:
        fixed = _trimmed_to_run(ref, place.run, container) or (
            None if container else _author_out_of_title(ref, place.run, text))
        if fixed is not None:
            return fixed
    return None


def _title_runs(text: str) -> list[ItalicRun]:
    """The italic runs that can be a title: not a signal or a form word
    ("*See*", "*Id.*", "*supra*", "*et al.*"), not inside a quoted title."""
    out = []
    for run in italic_runs(text):
        if _FORM_WORD.match(run.body) or not any(c.isalpha() for c in run.body):
            continue
        before = text[: run.start]
        if before.count("\u201c") > before.count("\u201d"):
            continue  # "“Reading *Hamlet* Again,”": italics inside a quoted title
        out.append(run)
    return out


def _same(a: str | None, b: str) -> bool:
    return bool(a) and strip_marks(a or "").strip(_EDGE).casefold() == strip_marks(b).strip(_EDGE).casefold()


def _fits(ref: Reference, place: _Place) -> bool:
    """Whether the reading takes the run for what its place says it is (and,
    for a container, the quoted title before it for the title)."""
    body = place.run.body
    if isinstance(ref, ShortRef | OpCitRef):
        return place.quoted is None and _same(ref.short_title, body)
    if not isinstance(ref, FullRef):
        return False
    if place.quoted is None:  # the title, or a paper's name when an issue is cited ("*Times*, May 3, 1843")
        return _same(_text_field(ref, "title"), body) or (
            not ref.fields.get("title") and _same(_text_field(ref, "journal"), body))
    return any(_same(_text_field(ref, k), body) for k in _CONTAINERS) and (
        not place.quoted or _same(_text_field(ref, "title"), place.quoted))


def _text_field(ref: FullRef, key: str) -> str | None:
    value = ref.fields.get(key)
    return value if isinstance(value, str) else None


def _trimmed_to_run(ref: Reference, run: ItalicRun, container: bool) -> FullRef | None:
    """A reading whose title or container is the run and more: the editors before
    a book's title ("Franz Roe et al., eds., Rules of Law"), a translator after a
    title the reading did not end ("The Island, trans James Roe")."""
    if not isinstance(ref, FullRef):
        return None
    body = strip_marks(run.body).strip(_EDGE)
    keys = ("journal", "booktitle", "howpublished") if container else ("title",)
    for key in keys:
        value = ref.fields.get(key)
        if not isinstance(value, str) or value.strip(_EDGE) == body or body not in value:
            continue
        before, _, after = value.partition(body)
        fields = dict(ref.fields)
        trailer = _AFTER_TITLE.match(after.rstrip(" ."))
        if container and before.rstrip().endswith((",", "eds.", "ed.")):
            fields[key] = body
        elif not container and not before.strip() and trailer is not None:
            fields[key] = body
            role = "translator" if after.lstrip(" ,").startswith("tr") else "editor"
            fields.setdefault(role, split_names(trailer.group("names")))
        else:
            continue
        return replace(ref, fields=freeze_fields(fields))
    return None


def _citation_start(text: str, anchor: int) -> int | None:
    """Where a citation starts when prose comes before it ("… growing up."
    Ann Roe, *Title*", "…, see Ann Roe and Tom Pell, *Title*"): at the names
    right before ``anchor`` (its italic title, or the quoted title before its
    italic container), or at the anchor after a sentence or a signal."""
    head = text[:anchor]
    for m in _WORD_START.finditer(head):
        if _NAMES_BEFORE.match(head, m.start()):
            return m.start() or None  # names from the note's start: no prose before them
    if any(m.end() == anchor for m in _PROSE_END.finditer(text)):
        return anchor
    return None


def _author_out_of_title(ref: Reference, run: ItalicRun, text: str) -> FullRef | None:
    """ "Davie, *Purity of Diction in English Verse* (London: …)": a reading
    whose title is the names before the run and the run holds them apart; "Ann
    Roe, *Blog Title*, https://…": a reading that took the names for the title
    and the run for the site holding it."""
    if not isinstance(ref, FullRef) or ref.fields.get("author") or ref.fields.get("editor"):
        return None
    title = ref.fields.get("title")
    body = strip_marks(run.body).strip(_EDGE)
    head = strip_marks(text[: run.start]).strip()
    if not isinstance(title, str) or not head.endswith(",") or head.count(",") > 3:
        return None
    fields = dict(ref.fields)
    if title.strip(_EDGE) == head.strip(_EDGE) and any(_same(_text_field(ref, k), body) for k in _CONTAINERS):
        fields = {k: v for k, v in fields.items() if k not in _CONTAINERS}
    elif not title.rstrip(_EDGE).endswith(body) or title.strip(_EDGE) == body:
        return None
    names = split_names(head.rstrip(","))
    if not names or not all(isinstance(n, Name) and n.family[:1].isupper() for n in names):
        return None
    return replace(ref, fields=freeze_fields({**fields, "author": names, "title": body}))
