"""Short notes (Chicago, Turabian, Oxford): "Snyder, Bloodlands, 201." → a Reference.

Input: the text of one note that is not Ibid., op. cit. or supra (forms.py
reads those first).
Output: for a note that is exactly author surname(s) + a short title + an
optional pinpoint, a FullRef holding only ``author`` and ``title`` and the
pinpoint; for a form that cannot be a full reference (an author with only a
page, "Snyder, 201.", or a quoted title with only a page, "“Soviet Famine,”
90."), a ShortRef; else None so the full-reference parser reads the note.
Never: read a note that holds a year, a place and publisher, a volume or
issue, a URL or an editor (those are full notes); look at other notes (the
resolver decides whether the short note repeats an earlier source); or touch
a file.

Why a FullRef and not a ShortRef for "Snyder, Bloodlands, 201.": the resolver
(resolve._resolve_full / _looks_short) reads a FullRef with an author and a
title but no venue as a short form of the unique earlier source that fits,
and, when nothing earlier fits, keeps it as a source of its own.  A ShortRef
that matches nothing is left unresolved and the work it names is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from relbib.model import FieldValue, FullRef, Name, Reference, ShortRef, freeze_fields
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import split_names

__all__ = ["ShortNote", "parse_short_note", "read_short_note"]

# --- pattern fragments ------------------------------------------------------------
# (Kept here until the lead moves them into patterns.py.)

_DASH = "[\\-\u2010-\u2015\u2212]"
# A page, a range ("12–14", "153-62"), a list ("12, 15") or a roman page
# ("xii"), optionally with a note ("45 n. 3") or "f."/"ff.".
_PAGE = r"(?:\d+[a-z]?|[ivxlc]{1,7})"
_PAGE_RANGE = rf"{_PAGE}(?:\s*{_DASH}+\s*{_PAGE})?(?:\s*ff?\.?(?![a-z]))?"
_PIN_BODY = rf"{_PAGE_RANGE}(?:\s*,\s*{_PAGE_RANGE})*(?:\s*nn?\.\s*\d+)?"
# The pinpoint at the end of a short note, with its optional prefix.
_PIN_TAIL = re.compile(
    rf"(?:,\s*|(?<=[\u201d\u2019\"'*_])\s+)(?:(?:pp?\.|pg\.|at|page)\s*)?(?P<pin>{_PIN_BODY})\s*[.;]?\s*$",
    re.IGNORECASE,
)
# A quoted or italic short title with what comes before it: the comma may sit
# inside the quotes (Chicago “Soviet Famine,”) or outside (Oxford ‘Title’,).
_QUOTED_TITLE = re.compile(
    r"^(?P<head>.*?)(?:^|,\s*)(?P<open>[\u201c\u2018\"'*_]{1,2})(?P<title>[^\u201c\u201d\"*_]{2,150}?)"
    r"[,.]?(?P<close>[\u201d\u2019\"'*_]{1,2})[,.]?\s*$"
)
# One word of a surname list: a capitalised word ("Snyder", "O’Brien",
# "Rashid-Khan"), a particle ("van", "al-", "bin") or an initial ("J.").
_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00c0-\u024f][\w'\u2019\-]*|(?:al|el|ad|as|ash|at|az)-[\w'\u2019\-]+|[A-Z]\.(?:[A-Z]\.)*|"
    r"van|von|de|der|den|da|di|du|dos|del|la|le|bin|ibn|bint|ter|ten|y|zu)$"
)
# A word that can carry a surname (not an initial, not a bare particle).
_SURNAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u024f](?!\.)[\w'\u2019\-]*|(?:al|el|ad|as|ash|at|az)-\w+)")
# Joins between the authors of one short note.
_AUTHOR_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+)\s*")
# The author list of a short note closes with "and" / "&" before its last name.
_LAST_AUTHOR_JOIN = re.compile(r"(?:^|\s)(?:and|&)\s")
# A four-digit "page" that is a year: "Snyder, Bloodlands, 2010." is a full
# note cut short, not a short note.
_YEAR_PIN = re.compile(r"1[5-9]\d\d|20\d\d")
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_ET_AL = re.compile(r",?\s*et\s+al\.?$")
# What a short title never holds: a digit (years, volumes and pages belong to a
# full note), brackets, a colon (a subtitle or "City: Publisher"), a URL, a
# semicolon (two citations), or the words of a full note.
_TITLE_FORBIDDEN = re.compile(
    r"\d|[()\[\]:;]|https?:|www\.|\b(?:ed|eds|edn|trans|vol|no|pp|op|cit|ibid|id|supra|infra|"
    r"accessed|available|retrieved|press|university|publishers?|journal|review|quarterly|"
    r"diss|thesis|report|paper|quoted|cited)\b\.?|^(?:in|see|cf)\b",
    re.IGNORECASE,
)
# In a quoted title only the markers of a full note count (a digit or a colon
# is common in short titles of articles: “Vision 2030”).
# A full stop inside a plain title ends a sentence: the note is an author,
# a title and more ("Antier, Jean-Jacques. Charles de Foucauld. …").
_SENTENCE_END = re.compile(r"\.\s")
# A quote mark left in a plain title belongs to a quoted title cut short.
_QUOTE_MARK = re.compile("[\"\u201c\u201d\u2018\u00ab\u00bb]")
_QUOTED_FORBIDDEN = re.compile(r"https?:|www\.|;")
_SPACES = re.compile(r"\s+")
# The longest short title (in words) and author list (in words per author).
_MAX_TITLE_WORDS = 10
_MAX_NAME_WORDS = 4
_MAX_AUTHORS = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortNote:
    """A short note's parts: the author text and surnames as printed, short title, pinpoint."""

    author_text: str
    authors: tuple[str, ...]
    short_title: str | None
    pinpoint: str | None


def read_short_note(text: str) -> ShortNote | None:
    """The parts of a note shaped "Surname(s), Short Title[, pinpoint]", else None.

    >>> note = read_short_note("Khan and Saud, ‘Strategic Relations’, pp. 45-46.")
    >>> note.authors, note.short_title, note.pinpoint
    (('Khan', 'Saud'), 'Strategic Relations', '45--46')
    """
    clean = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    if not clean or len(clean) > 200 or _QUOTED_FORBIDDEN.search(clean):
        return None
    body, pinpoint = clean.rstrip(" ."), None
    m = _PIN_TAIL.search(body)
    if m is not None:
        body, pinpoint = body[: m.start()].rstrip(" ,"), normalize_pinpoint(m.group("pin"))
    body = body.rstrip(" .")
    quoted = _QUOTED_TITLE.match(body)
    if quoted is not None and _pairs(quoted.group("open"), quoted.group("close")):
        head = quoted.group("head").strip(" ,")
        title: str | None = quoted.group("title").strip(" ,.")
        if not title or len(title.split()) > 15:
            return None
        if "," in head and not _LAST_AUTHOR_JOIN.search(head.rsplit(",", 1)[-1]):
            return None  # "Thomas, Sir Henry, ‘…’": an inverted full name, a full note
        if not head and (pinpoint is None or _YEAR.search(title) or len(title.split()) > _MAX_TITLE_WORDS):
            return None  # a quoted title alone is a short form only with a page
    else:
        head, title = _split_plain(body)
        if title is not None and not _plain_title(title):
            return None
    if not head and title is None:
        return None
    authors = _surnames(head) if head else ()
    if authors is None:
        return None
    if not authors and quoted is None:
        return None  # one bare word is no short note
    if title is None and pinpoint is None:
        return None  # "Snyder." alone says nothing
    if pinpoint is not None and m is not None and _YEAR_PIN.fullmatch(pinpoint.split("--")[0]):
        if not re.search(r"(?i)\b(?:pp?|pg|at|page)\.?\s*\d+\W*$", clean):
            return None  # "Snyder, Bloodlands, 2010.": a year, so a full note cut short
    return ShortNote(author_text=head, authors=authors, short_title=title, pinpoint=pinpoint)


def parse_short_note(text: str) -> Reference | None:
    """The Reference a short note is (see the module docstring), or None."""
    note = read_short_note(text)
    if note is None:
        return None
    if note.short_title is None or not note.authors:
        # "Snyder, 201." / "“Soviet Famine,” 90.": only a short form.
        return ShortRef(
            text=text, authors=note.authors, short_title=note.short_title, pinpoint=note.pinpoint
        )
    fields: dict[str, FieldValue] = {"author": _names(note.author_text), "title": note.short_title}
    return FullRef(
        text=text,
        type="misc",
        fields=freeze_fields(fields),
        confidence=MappingProxyType({"author": 1.0, "title": 1.0}),
        pinpoint=note.pinpoint,
    )


# --- helpers --------------------------------------------------------------------


def _pairs(opener: str, closer: str) -> bool:
    """The opening and closing marks belong together (“…” ‘…’ "…" *…* _…_)."""
    if opener in ("*", "**", "_", "__"):
        return closer == opener
    return {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "'": "'"}.get(opener[0]) == closer[0] or (
        opener[0] in "\u201c\"" and closer[0] in "\u201d\""
    )


def _split_plain(body: str) -> tuple[str, str | None]:
    """Author text and unquoted title: "Snyder, Bloodlands" → ("Snyder", "Bloodlands").

    The title is the last comma segment.  More than one segment before it is
    an author list only when it closes with "and"/"&" ("Keohane, Nye &
    Hoffmann"), as Chicago and Oxford write one.
    """
    segments = [s.strip() for s in body.split(",")]
    if len(segments) == 1:
        return segments[0], None
    head = ", ".join(segments[:-1])
    if len(segments) > 2 and not _LAST_AUTHOR_JOIN.search(segments[-2]):
        return head, "," + segments[-1]  # a comma in the title: not a short title
    return head, segments[-1] or None


def _plain_title(title: str) -> bool:
    """An unquoted short title: a few words, capitalised first, nothing of a full note."""
    words = title.split()
    return (
        1 <= len(words) <= _MAX_TITLE_WORDS
        and title[:1].isupper()
        and not _TITLE_FORBIDDEN.search(title)
        and "," not in title
        and not _SENTENCE_END.search(title)
        and not _QUOTE_MARK.search(title)
    )


def _names(author_text: str) -> tuple[Name, ...]:
    """Names of a short note's authors: one per part of the list, a bare
    surname ("Nye", "al-Rashid", "van Beethoven") kept whole as the family name."""
    names: list[Name] = []
    for part in _author_parts(author_text):
        words = part.split()
        if all(w[:1].islower() for w in words[:-1]):  # "Nye", "van Beethoven"
            names.append(Name(family=part))
        else:
            names.extend(split_names(part) or (Name(family=words[-1]),))
    return tuple(names)


def _author_parts(head: str) -> list[str]:
    head = _ET_AL.sub("", head.strip(" ,"))
    return [p for p in _AUTHOR_JOIN.split(head) if p]


def _surnames(head: str) -> tuple[str, ...] | None:
    """Family names of "Khan and Saud" / "Smith, Jones & Lee" / "Snyder et al.";
    None when the head is not a list of names."""
    parts = _author_parts(head)
    if not parts or len(parts) > _MAX_AUTHORS:
        return None
    out = []
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= _MAX_NAME_WORDS or not all(_NAME_WORD.match(w) for w in words):
            return None
        if not any(_SURNAME_WORD.match(w) for w in words):
            return None  # initials alone are no surname
        out.append(words[-1])
    return tuple(out)
