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

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name, Reference, ShortRef, freeze_fields
from relbib.parse import patterns as P
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import looks_like_organisation, split_names

__all__ = ["ShortNote", "parse_short_note", "read_short_note"]

# The longest short title (in words) and author list (in words per author).
_MAX_TITLE_WORDS = 10
_MAX_NAME_WORDS = 4
_MAX_AUTHORS = 4

# A pinpoint the page patterns do not spell, closing a short note: a chapter,
# book, section, line or article ("Candide, ch. 3", "Politics, bk. II"), or a
# classical reference after the title without a comma ("Iliad 6.146",
# "Republic 514a–b", "Confessions 8.12.29", "Annals I.2").
_WORDED_PIN_TAIL = re.compile(
    r",\s*(?P<pin>(?:chs?|chap|bk|book|sec|sect|pt|part|para|art|ll?|lines?|fol|fo|§)\.?\s?"
    r"(?:\d+|[IVXLC]+|[ivxlc]+)(?:[.\u2013-]\d+)*)\s*\.?$"
    r"|(?<=[^\W\d])\s(?P<ref>\d+(?:\.\d+)+|\d+[a-e](?:\s?[\u2013-]\s?(?:\d+)?[a-e])?|[IVXL]+\.\d+(?:\.\d+)*)\s*\.?$"
)

# "passim" as the pinpoint, alone or after a page ("Roe, *Salt Roads*, passim", ", 12 and passim").
_PASSIM_TAIL = re.compile(r"(?:,|(?<=[\u201d\u2019\"]))\s(?P<pin>(?:\d{1,5}(?:[\u2013-]\d{1,5})?,?\s(?:and\s)?)?(?:et\s)?passim)\s*\.?$")


# A named part of the book closing a short note: ", Epilogue", ", Appendix 2", ", Vorwort".
_PART_TAIL = re.compile(r",\s(?P<pin>(?P<word>[^\W\d_][\w-]{3,14})(?:\s(?:\d+|[IVXLC]+|[A-Z]))?)\s*\.?$")


def _book_part_tail(body: str) -> re.Match[str] | None:
    """The part of a book (lexicon.book_parts) cited at the end of ``body``, or None."""
    m = _PART_TAIL.search(body)
    return m if m is not None and m.group("word").lower() in lexicon.book_parts() else None


# A note that is wholly one bracket: "(Hatley, 15)", "(Hatley, 15).".
_WHOLE_IN_BRACKETS = re.compile(r"\((?P<inner>[^()]{2,120})\)\.?")


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortNote:
    """A short note's parts: the author text and surnames as printed, short title, pinpoint."""

    author_text: str
    authors: tuple[str, ...]
    short_title: str | None
    pinpoint: str | None


# The editors' mark after the names of a German short form: "Museum / Verein (Hrsg.), Kurztitel".
_EDITED_HEAD = re.compile(r"\s\((?:Hrsg|Hg|eds?)\.\)(?=,\s)")


def read_short_note(text: str) -> ShortNote | None:
    """The parts of a note shaped "Surname(s), Short Title[, pinpoint]", else None.

    >>> note = read_short_note("Khan and Saud, ‘Strategic Relations’, pp. 45-46.")
    >>> note.authors, note.short_title, note.pinpoint
    (('Khan', 'Saud'), 'Strategic Relations', '45--46')
    """
    clean = P.SHORT_SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    bracketed = _WHOLE_IN_BRACKETS.fullmatch(clean)
    if bracketed is not None:  # "(Hatley, 15)": an in-text citation set as the note
        clean = bracketed.group("inner")
    if not clean or len(clean) > 200 or P.SHORT_QUOTED_FORBIDDEN.search(clean):
        return None
    body, pinpoint = clean.rstrip(" ."), None
    m = P.SHORT_PIN_TAIL.search(body)
    if m is not None:
        body, pinpoint = body[: m.start()].rstrip(" ,"), normalize_pinpoint(m.group("pin"))
    elif (worded := _WORDED_PIN_TAIL.search(body)) is not None:
        body, pinpoint = body[: worded.start()].rstrip(" ,"), normalize_pinpoint(worded.group("pin") or worded.group("ref"))
    elif (passim := _PASSIM_TAIL.search(body)) is not None:
        body, pinpoint = body[: passim.start()].rstrip(" ,"), passim.group("pin")
    elif (part := _book_part_tail(body)) is not None:  # "Roe, Short Title, Epilogue."
        body, pinpoint = body[: part.start()].rstrip(" ,"), part.group("pin")
    body = _EDITED_HEAD.sub("", body.rstrip(" ."), count=1)  # "Roe / Doe (Hrsg.), Kurztitel": the editors
    quoted = P.SHORT_QUOTED_TITLE.match(body)
    if quoted is not None and _pairs(quoted.group("open"), quoted.group("close")):
        head = quoted.group("head").strip(" ,")
        title: str | None = quoted.group("title").strip(" ,.")
        if not title or len(title.split()) > 15:
            return None
        if "," in head and not P.SHORT_LAST_AUTHOR_JOIN.search(head.rsplit(",", 1)[-1]):
            return None  # "Thomas, Sir Henry, ‘…’": an inverted full name, a full note
        if not head and (pinpoint is None or P.SHORT_YEAR.search(title) or len(title.split()) > _MAX_TITLE_WORDS):
            return None  # a quoted title alone is a short form only with a page
    else:
        head, title = _split_plain(body)
        if title is not None and not _plain_title(title, by_organisation=_organisation(head)):
            return None
    if not head and title is None:
        return None
    authors = ((head,) if _organisation(head) else _surnames(head)) if head else ()
    if authors is None and title is None and pinpoint is not None and _lowercase_surname(head):
        authors = (head,)  # "hooks, 25.": a writer who spells the name in lower case
    if authors is None and title is None and pinpoint is not None and _named_manuscript(head, pinpoint):
        return ShortNote(author_text="", authors=(), short_title=head, pinpoint=pinpoint)
    if authors is None:
        return None
    if not authors and quoted is None:
        return None  # one bare word is no short note
    if title is None and pinpoint is None:
        return None  # "Snyder." alone says nothing
    if pinpoint is not None and m is not None and P.SHORT_YEAR_PIN.fullmatch(pinpoint.split("--")[0]):
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

# A manuscript's leaves cited: "68v", "2v, 3r, 7r", "12r–13v".
_LEAVES = re.compile(r"\d{1,4}[rv](?:--\d{1,4}[rv])?(?:, \d{1,4}[rv](?:--\d{1,4}[rv])?)*")


def _named_manuscript(head: str, pinpoint: str) -> bool:
    """ "Tide sketchbook, 68v.": a manuscript by the name a note gave it, its leaf cited."""
    words = head.split()
    return bool(_LEAVES.fullmatch(pinpoint)) and 1 <= len(words) <= 6 and words[0][:1].isupper()



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
    if len(segments) > 2 and not P.SHORT_LAST_AUTHOR_JOIN.search(segments[-2]):
        return head, "," + segments[-1]  # a comma in the title: not a short title
    return head, segments[-1] or None


def _organisation(head: str) -> bool:
    """The author of a short note is an organisation: "UNDP", "World Bank"."""
    return bool(P.ACRONYM.match(head)) or (
        looks_like_organisation(head) and not P.SHORT_AUTHOR_JOIN.search(head)
    )


def _plain_title(title: str, *, by_organisation: bool = False) -> bool:
    """An unquoted short title: a few words, capitalised first, nothing of a full note.

    An organisation's short title may name a report ("Human Development Report").
    """
    words = title.split()
    checked = P.SHORT_ORG_TITLE_WORDS.sub(" ", title) if by_organisation else title
    return (
        1 <= len(words) <= _MAX_TITLE_WORDS
        and title[:1].isupper()
        and not P.SHORT_TITLE_FORBIDDEN.search(checked)
        and "," not in title
        and not P.SHORT_SENTENCE_END.search(title)
        and not P.SHORT_QUOTE_MARK.search(title)
    )


def _names(author_text: str) -> tuple[Name, ...]:
    """Names of a short note's authors: one per part of the list, a bare
    surname ("Nye", "al-Rashid", "van Beethoven") kept whole as the family name."""
    if _organisation(author_text):
        return (Name(family=author_text.strip(" ,"), literal=True),)
    names: list[Name] = []
    for part in _author_parts(author_text):
        words = part.split()
        if all(w[:1].islower() for w in words[:-1]):  # "Nye", "van Beethoven"
            names.append(Name(family=part))
        else:
            names.extend(split_names(part) or (Name(family=words[-1]),))
    return tuple(names)


# A lower-case word before a page that is a writer's name ("hooks, 25."), not a word of prose
# or of a pointer ("see, 25", "passim, 4"): letters only, no word the lexicon knows otherwise.
_LOWERCASE_NAME = re.compile(r"[a-z\u00df-\u00ff][a-z\u00df-\u00ff'\u2019-]{2,19}")
_NOT_NAMES = frozenset({"see", "passim", "ibid", "ibidem", "idem", "supra", "infra", "esp", "especially",
                        "vgl", "siehe", "cfr", "voir", "vedi", "note", "notes", "page", "pages", "at"})


_ROMAN = re.compile(r"[ivxlcdm]+")


def _lowercase_surname(head: str) -> bool:
    """Whether ``head`` is one lower-case surname ("hooks"), not a word of prose or a pointer."""
    word = head.strip()
    return (_LOWERCASE_NAME.fullmatch(word) is not None and word not in _NOT_NAMES
            and _ROMAN.fullmatch(word) is None  # "xviii, 34.": a volume or book and its page
            and word not in lexicon.prose_words() and word not in lexicon.cross_reference_words()
            and word not in lexicon.old_locators() and word not in lexicon.book_parts())


def _author_parts(head: str) -> list[str]:
    head = P.SHORT_ET_AL.sub("", head.strip(" ,"))
    return [p for p in P.SHORT_AUTHOR_JOIN.split(head) if p]


def _surnames(head: str) -> tuple[str, ...] | None:
    """Family names of "Khan and Saud" / "Smith, Jones & Lee" / "Snyder et al.";
    None when the head is not a list of names."""
    parts = _author_parts(head)
    if not parts or len(parts) > _MAX_AUTHORS:
        return None
    out = []
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= _MAX_NAME_WORDS or not all(P.SHORT_NAME_WORD.match(w) for w in words):
            return None
        if not any(P.SHORT_SURNAME_WORD.match(w) for w in words):
            return None  # initials alone are no surname
        out.append(words[-1])
    return tuple(out)
