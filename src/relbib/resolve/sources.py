"""The works the resolver compares, and what its rules share.

Input: a full note's Reference.
Output: its Source (normalised families, title tokens, page range, DOI, URL,
date, report and number), the same-work test, and the records and findings
every rule returns.
Never: look at another note, or touch a file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from relbib import lexicon
from relbib.diagnostics import diagnostic
from relbib.model import (
    Citation,
    Diagnostic,
    Fields,
    FieldValue,
    Form,
    FullRef,
    Name,
)
from relbib.parse.names import family_core, is_suffix
from relbib.parse.pages import page_range

# Words a short title may leave out without naming another work.
STOPWORDS = frozenset(
    {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from"}
)

# Fields that say where a source was published: a note with none of them (only
# an author and/or a title) reads as a short form of an earlier note.
_VENUE_FIELDS = frozenset(
    {
        "journal", "booktitle", "publisher", "howpublished", "institution", "school",
        "series", "year", "date", "url", "doi", "isbn", "issn", "volume", "number",
        "address", "edition", "eprint", "urldate",
    }
)

# Fields whose words a supra may name a work by (with its names and "[hereinafter X]").
_NAMING_FIELDS = (
    "title", "shorttitle", "journal", "booktitle", "institution", "organization", "number", "howpublished",
    "series",
)

# "[hereinafter DoD Report]": the short name a full citation announces.
_HEREINAFTER = re.compile(r"\[\s?hereinafter\s([^\[\]]+)\]", re.IGNORECASE)

# A URL's scheme, "www." and trailing slash do not make it another page.
_URL_NOISE = re.compile(r"^(?:https?://)?(?:www\.)?|(?<!/)/++$", re.IGNORECASE)

# Everything that is not a letter or digit separates tokens (punctuation-insensitive).
_NON_WORD = re.compile(r"[\W_]+")

# Apostrophes and quote marks vanish inside words so "Russia’s" == "Russias".
_APOSTROPHES = re.compile("['\u2018\u2019\u201b\u02bc`\u00b4]")

# --- records ---


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A work introduced by a full note, as the matching rules see it."""

    note: int
    index: int  # the citation's place in its note
    families: tuple[str, ...]  # normalised last word of each author's family name
    title: tuple[str, ...]  # normalised title tokens
    pages: tuple[int, int] | None  # first and last page when the note gives a range
    doi: str
    url: str
    date: str
    report: tuple[str, ...] = ()  # a case's reporter citation, "467 U.S. 837" as tokens
    number: str = ""  # a bill's or report's number ("H.R. 5631"): one act's two bills differ
    dated: str = ""  # an archival item's own date: two letters "A to B" of two days are two items
    # every word its authors, title, container, number and "[hereinafter X]" print: what a
    # supra may name it by ("Office of the Under Sec'y", "Course Manual", "Elin")
    words: frozenset[str] = frozenset()
    bare: bool = False  # a title and nothing else (no author, no venue): "“Part I - The Setting”"
    alias: tuple[str, ...] = ()  # the short title its note announced ("hereafter cited as *Roe Papers*"), as tokens


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    citation: Citation
    problem: Diagnostic | None = None
    new_source: Source | None = None


# --- one work, as the rules compare them ---


def looks_short(ref: FullRef) -> bool:
    """Author and/or title but nothing that says where it was published."""
    has_who_or_what = bool(_families(ref.fields)) or bool(tokens_of(field_text(ref.fields.get("title"))))
    venue = _VENUE_FIELDS & set(ref.fields)
    # an older note's volume cited beside its page ("Hartwig, exeg. Handb., 1, s. 39") says
    # which volume, not where the work was published
    return has_who_or_what and (not venue or venue == {"volume"} and ref.pinpoint is not None)


def same_work(a: Source, b: Source) -> bool:
    """Same DOI, same URL, or same first author (or none) and title."""
    if a.doi and a.doi == b.doi:
        return True
    if a.url and a.url == b.url:
        return True
    if a.report and a.report == b.report and (not a.title or not b.title or a.title == b.title):
        # "491 U.S. 324 (1989)" named in the text, then "Healy v. Beer Inst., 491 U.S. 324";
        # "Sherman Act, ch. 647, 26 Stat. 209 (1890)", then the same without its year
        return True
    if not a.title or _unarticled(a.title) != _unarticled(b.title) or (a.number and b.number and a.number != b.number):
        return False  # ("The Last Days of X" and "Last Days of X": one title)
    if a.dated and b.dated and a.dated != b.dated:
        return False
    if a.families and b.families:
        return a.families[0] == b.families[0]
    # Two anonymous items with one title ("Editorial") are one work only
    # when they also carry the same date ("Interview mit X, 1980" cites again
    # the interview of 10 November 1980: the year alone is that date's).
    return not a.families and not b.families and _same_date(a.date, b.date)


def _unarticled(title: tuple[str, ...]) -> tuple[str, ...]:
    """A title's words without the definite article opening it (lexicon definite_articles.txt)."""
    return title[1:] if len(title) > 1 and title[0] in lexicon.definite_articles() else title


def _same_date(a: str, b: str) -> bool:
    """The same date, or a year alone and a date in that year."""
    if not a or not b:
        return False
    return a == b or (len(a) == 4 and b.startswith(a)) or (len(b) == 4 and a.startswith(b))


# --- helpers ---


def unresolved(n: int, form: Form, pinpoint: str | None, rule: str) -> Citation:
    return Citation(
        note=n, key=None, form=form, pinpoint=pinpoint, refers_to=None, rule=rule, source=None
    )


def failed(
    n: int, form: Form, pinpoint: str | None, rule: str, message: str, suggestion: str
) -> Outcome:
    return Outcome(
        citation=unresolved(n, form, pinpoint, rule),
        problem=diagnostic("ambiguous-reference", message, suggestion=suggestion, note=n),
    )


def describe(authors: tuple[str, ...], title: str | None) -> str:
    """'Zaidi and Saud' / 'Abbas, Russia’s Revival', for messages."""
    parts = [" and ".join(authors)] if authors else []
    if title:
        parts.append(title)
    return "'" + ", ".join(parts) + "'" if parts else "nothing"


def source_of(n: int, ref: FullRef) -> Source:
    fields = ref.fields
    # a continental decision goes by its court ("BGH, (Fn. 16), Rn. 23")
    court = family_key(field_text(fields.get("institution"))) if ref.type == "jurisdiction" else ""
    return Source(
        note=n,
        index=0,
        families=_families(fields) or ((court,) if court else ()),
        title=tokens_of(field_text(fields.get("title"))),
        pages=page_range(field_text(fields.get("pages"))),
        doi=field_text(fields.get("doi")).strip().lower(),
        url=_URL_NOISE.sub("", field_text(fields.get("url")).strip()).lower(),
        date=field_text(fields.get("date")) or field_text(fields.get("year")),
        report=tokens_of(field_text(fields.get("howpublished"))) if ref.type in ("jurisdiction", "legislation") else (),
        number=field_text(fields.get("number")) if ref.type in ("legislation", "unpublished") else "",
        dated=(field_text(fields.get("date")) or field_text(fields.get("year"))) if ref.type == "unpublished" else "",
        words=_words(fields),
        bare=set(fields) <= {"title"},
        alias=tokens_of(field_text(fields.get("shorttitle"))),
    )


def _words(fields: Fields) -> frozenset[str]:
    """Every word of the names, title, container, number and announced short name."""
    names = [name for role in ("author", "editor") for name in _names(fields.get(role))]
    texts = [field_text(fields.get(f)) for f in _NAMING_FIELDS]
    hereinafter = _HEREINAFTER.findall(field_text(fields.get("note")))
    words = set().union(*(tokens_of(f"{n.given} {n.family}") for n in names))
    # "DSA (n 1)" for "… (Digital Services Act)", "EDPB, Guidelines 3/2025 (n 12)" for a paper of
    # the European Data Protection Board: the initials of a bracketed name or of a body
    named = [*_BRACKETED_NAME.findall(field_text(fields.get("title"))), *(n.family for n in names if n.literal),
             field_text(fields.get("shorttitle"))]  # "(Personal Data Protection Code)" read into shorttitle
    words |= {initials for initials in map(_initials, named) if len(initials) >= 3}
    return frozenset(words.union(*(tokens_of(t) for t in (*texts, *hereinafter))))


# A name of two or more capitalised words in brackets: "(General Data Protection Regulation)".
_BRACKETED_NAME = re.compile(r"\(((?:[A-Z][\w-]*\s(?:(?:of|on|for|and|the)\s)*)+[A-Z][\w-]*)\)")


def _initials(name: str) -> str:
    """ "General Data Protection Regulation" → "gdpr" (the small words left out)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper()).casefold()


def _names(value: FieldValue | None) -> tuple[Name, ...]:
    return tuple(n for n in value if isinstance(n, Name)) if isinstance(value, tuple) else ()


def _families(fields: Fields) -> tuple[str, ...]:
    """Normalised last word of each author's family name."""
    return tuple(k for k in (family_key(f) for f in printed_families(fields)) if k)


def printed_families(fields: Fields) -> tuple[str, ...]:
    """Family names as printed: the authors, else the editors, else the
    organization when no person is named."""
    for role in ("author", "editor"):
        names = fields.get(role)
        if isinstance(names, tuple) and names:
            return tuple(name.family for name in names if isinstance(name, Name))
    organization = field_text(fields.get("organization"))
    return (organization,) if organization else ()


def family_key(family: str) -> str:
    """"al-Hashimi" and "Hashimi", "Saud" and "SAUD" compare equal; so do "Mueller, III",
    "Mueller III" and "Mueller" (a suffix is no family name)."""
    tokens = tokens_of(family_core(family))
    while len(tokens) > 1 and is_suffix(tokens[-1]):
        tokens = tokens[:-1]
    return tokens[-1] if tokens else ""


def tokens_of(text: str) -> tuple[str, ...]:
    """Case-, accent-, quote- and punctuation-insensitive words of ``text``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return tuple(t for t in _NON_WORD.split(_APOSTROPHES.sub("", plain)) if t)


def field_text(value: FieldValue | None) -> str:
    return value if isinstance(value, str) else ""
