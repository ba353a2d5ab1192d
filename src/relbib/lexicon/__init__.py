"""The one home of shared vocabulary: months, name particles, dashes, number
words, honorifics and organisation words.

Input: the data files in ``relbib/lexicon/data`` (package data, read once).
Output: small typed, cached views of those lists for every stage.
Never: hold a word list in code (each list lives in a data file whose header
names its source), know about a seed essay, or do I/O beyond package data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

__all__ = [
    "DASH",
    "DASH_CHARS",
    "archive_words",
    "archives",
    "book_parts",
    "data_hosts",
    "capitalised_particles",
    "court_abbreviations",
    "dashes",
    "decision_kinds",
    "endnote_types",
    "et_al_phrases",
    "fold",
    "honorifics",
    "medium_marks",
    "institution_pattern",
    "is_manager_field",
    "lead_verbs",
    "life_words",
    "month_number",
    "month_pattern",
    "month_words",
    "months",
    "name_particles",
    "number_words",
    "old_locators",
    "periodical_words",
    "cross_reference_words",
    "cross_reference_words_continental",
    "organisation_heads",
    "organisation_words",
    "particle_pattern",
    "particle_words",
    "person_titles",
    "prose_words",
    "prose_words_continental",
    "ranks_of_place",
]

MONTH_FORMS = ("wide", "abbr", "variant", "ascii")


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of a data file, comments and blank lines left out."""
    text = resources.files("relbib.lexicon").joinpath("data", name).read_text("utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))


@cache
def _words(name: str) -> frozenset[str]:
    """The whitespace-separated words of a plain list file."""
    return frozenset(word for row in _rows(name) for line in row for word in line.split())


def fold(text: str) -> str:
    """``text`` without accents, case-folded: "Février" → "fevrier"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


# --- months ---------------------------------------------------------------------


@cache
def _month_rows() -> tuple[tuple[int, str, str, str], ...]:
    return tuple((int(n), lang, form, word) for n, lang, form, word in _rows("months.tsv"))


@cache
def months(language: str = "en", form: str = "wide") -> tuple[str, ...]:
    """The twelve month names of ``language`` in ``form`` (``wide``, ``abbr``,
    ``abbrv.bst``), January first, spelled as CLDR spells them."""
    found = tuple(word for _, lang, f, word in sorted(_month_rows(), key=lambda r: r[0])
                  if lang == language and f == form)
    if len(found) != 12:
        raise KeyError(f"no twelve {form} month names for {language!r}")
    return found


@cache
def _month_words(languages: tuple[str, ...] | None, forms: tuple[str, ...],
                 folded: bool) -> Mapping[str, int]:
    table: dict[str, int] = {}
    for number, lang, form, word in _month_rows():
        if form in forms and (languages is None or lang in languages):
            table.setdefault(word.lower(), number)
            if folded:
                table.setdefault(fold(word), number)
    return MappingProxyType(table)


def month_words(languages: Iterable[str] | None = None, *,
                forms: Iterable[str] = MONTH_FORMS, folded: bool = True) -> Mapping[str, int]:
    """Lower-case month word → 1-12, for ``languages`` (all when None).

    ``forms`` picks the kinds of spelling (see months.tsv); ``folded`` adds
    each word's accent-free form ("fevrier" beside "février").
    """
    langs = tuple(sorted(languages)) if languages is not None else None
    return _month_words(langs, tuple(forms), folded)


def month_number(word: str, languages: Iterable[str] | None = None) -> int | None:
    """1-12 for a month word in any case, with or without accents or a final dot."""
    return month_words(languages).get(fold(word.strip()).rstrip("."))


@cache
def month_pattern(language: str = "en") -> str:
    """A regex alternation of ``language``'s month words (full, abbreviated,
    variants), longest first, spelled as in the data file (case matters)."""
    words = {word for _, lang, form, word in _month_rows()
             if lang == language and form in ("wide", "abbr", "variant")}
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# --- name particles -------------------------------------------------------------


@cache
def name_particles() -> frozenset[str]:
    """Every lower-case particle of a family name (van, de, ibn, ul, d, st …)."""
    return frozenset(row[0] for row in _rows("name_particles.tsv"))


@cache
def particle_words() -> tuple[str, ...]:
    """The particles printed as separate lower-case words (van, von, de, bin …)."""
    return tuple(word for word, kind in _rows("name_particles.tsv") if kind == "word")


@cache
def capitalised_particles() -> frozenset[str]:
    """The particles English usage prints capitalised after a given name (Van, De …), lower case."""
    return _words("capitalised_particles.txt")


@cache
def particle_pattern() -> str:
    """:func:`particle_words` as a regex alternation, longest first."""
    return "|".join(sorted(particle_words(), key=lambda w: (-len(w), w)))

# --- personal names -------------------------------------------------------------


@cache
def family_first_surnames() -> frozenset[str]:
    """Romanised East Asian family names that are rare as Western given names."""
    return _words("family_first_surnames.txt")


@cache
def western_given_names() -> frozenset[str]:
    """Common Western given names (lower case)."""
    return _words("western_given_names.txt")


@cache
def compound_surnames() -> frozenset[str]:
    """Spanish and Portuguese family names that open a two-part surname."""
    return _words("compound_surnames.txt")


# --- dashes ---------------------------------------------------------------------


@cache
def dashes() -> str:
    """Every dash character, hyphen-minus first (see dashes.tsv)."""
    return "".join(chr(int(row[0], 16)) for row in _rows("dashes.tsv"))


# The dashes as the inside of a regex character class ("-" escaped), and the class.
DASH_CHARS = "".join("\\-" if c == "-" else c for c in dashes())
DASH = f"[{DASH_CHARS}]"


# --- other words ----------------------------------------------------------------


@cache
def number_words(kind: str = "cardinal") -> Mapping[str, int]:
    """English number words of ``kind`` (cardinal, ordinal, scale) → value, in file order."""
    return MappingProxyType({word: int(value) for word, value, k in _rows("number_words.tsv")
                             if k == kind})


def honorifics() -> frozenset[str]:
    """Titles printed before a personal name, lower case, without the dot (dr, prof …)."""
    return _words("honorifics.txt")


def person_titles() -> frozenset[str]:
    """Honorifics and titles of rank, office or the clergy before a personal name
    (dr, sir, lord, bishop, captain …), lower case, without the dot."""
    return honorifics() | _words("titles_of_rank.txt")


@cache
def court_abbreviations() -> tuple[tuple[str, str], ...]:
    """(abbreviation, kind) of the continental courts and official reports that open a
    case citation ("Cass.", "BGH", "BVerfGE", "ECtHR"), longest first; kind is
    ``court`` or ``report`` (see courts.tsv)."""
    rows = ((row[0], row[2]) for row in _rows("courts.tsv"))
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[0])))


def decision_kinds() -> tuple[str, ...]:
    """Italian and Spanish kinds of decision printed before its date ("sentenza", "ord.",
    "auto"; see decision_kinds.txt), longest first."""
    return tuple(sorted(_words("decision_kinds.txt"), key=lambda w: (-len(w), w)))


def medium_marks() -> tuple[str, ...]:
    """Bracketed media after a title ("en ligne", "microfiche", "courriel"; see medium_marks.txt)."""
    return tuple(" ".join(row) for row in _rows("medium_marks.txt"))


def et_al_phrases() -> tuple[str, ...]:
    """ "And others" after a first author in continental languages ("e altri", "y otros"; see et_al.txt)."""
    return tuple(" ".join(row) for row in _rows("et_al.txt"))


def code_abbreviations() -> tuple[str, ...]:
    """The short names of codes, constitutions and treaties a continental note cites by
    article or paragraph ("c.c.", "BGB", "C. civ.", "LJCA", "TFUE"), longest first (see codes.tsv)."""
    return tuple(sorted({row[0] for row in _rows("codes.tsv")}, key=lambda a: (-len(a), a)))


def prose_words() -> frozenset[str]:
    """Words that make a sentence of prose (is, was, which, argues …; è, est, ist …), lower case."""
    return _words("prose_words.txt") | _words("prose_words_continental.txt")


def prose_words_continental() -> frozenset[str]:
    """The Italian, French, Spanish and German words of :func:`prose_words` alone."""
    return _words("prose_words_continental.txt")


def lead_verbs() -> frozenset[str]:
    """German verbs closing a prose lead-in before an author ("… bietet Ida Brand: …"), lower case."""
    return _words("lead_verbs_continental.txt")


def book_parts() -> frozenset[str]:
    """The named divisions of a book a note cites as its locator (preface, epilogue …), lower case."""
    return _words("book_parts.txt")


@cache
def definite_articles() -> tuple[str, ...]:
    """Definite articles of English, German, French and Italian ("the", "des", "de la"),
    longest first, as written (lower case)."""
    words = {w.replace("_", " ") for w in _words("definite_articles.txt")}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def life_words() -> frozenset[str]:
    """Words of a life told in an editor's note (born, married, daughter …), as written."""
    return _words("life_words.txt")


def ranks_of_place() -> frozenset[str]:
    """Ranks and offices styled "X of Place" (Duke, Bishop, Mayor …)."""
    return _words("ranks_of_place.txt")


@cache
def endnote_types() -> frozenset[str]:
    """EndNote's reference types ("Journal Article", "Book Section" …), lower case."""
    return frozenset(row[0].strip().lower() for row in _rows("endnote_types.txt"))


def is_manager_field(name: str) -> bool:
    """Whether a .bib field is a reference manager's or a database export's own
    (BibDesk's date-added, JabRef's owner, Web of Science's times-cited …)."""
    words = _words("manager_fields.txt")
    lower = name.lower()
    return lower in words or any(w.endswith("*") and lower.startswith(w[:-1]) for w in words)


@cache
def institution_pattern() -> str:
    """The words of a body's name in a legal citation (Dep't, Comm'n, Agency …) as a
    regex alternation, longest first; an apostrophe matches ' or ’."""
    words = sorted(_words("institution_words.txt"), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("'", "['\u2019]") for w in words)


def organisation_words() -> frozenset[str]:
    """Lower-case nouns that mark a corporate author (university, ministry …)."""
    return _words("organisation_words.txt")


def organisation_heads() -> tuple[str, ...]:
    """Lower-case heads closing German corporate names ("…stiftung", "…amt"), longest first."""
    return tuple(sorted(_words("organisation_heads_continental.txt"), key=lambda w: (-len(w), w)))


# --- archives -------------------------------------------------------------------


@cache
def archives() -> Mapping[str, str]:
    """An archive's abbreviation (BArch, TNA, PA AA …) → its full name."""
    return MappingProxyType({row[0]: row[1] for row in _rows("archives.tsv")})


@cache
def archive_words(section: str) -> frozenset[str]:
    """The lower-case words of one section of archive_words.txt: ``institution``
    (archive, Archiv …), ``institution-weak`` (library, museum …) or ``unit`` (box, Nachlass …)."""
    words: dict[str, set[str]] = {}
    current = ""
    for row in _rows("archive_words.txt"):
        line = row[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        words.setdefault(current, set()).update(w.lower() for w in line.split())
    return frozenset(words.get(section, ()))


@cache
def data_hosts() -> Mapping[str, str]:
    """A site that publishes software or data (GitHub, Zenodo …), lower case → "software" or "dataset"."""
    return MappingProxyType({row[0].lower(): row[1] for row in _rows("data_hosts.tsv")})


def old_locators() -> frozenset[str]:
    """Words before a number in an older note's locator (vol, bk, lib, cap, s, §, anm …), lower case."""
    return _words("old_locators.txt")


def periodical_words() -> frozenset[str]:
    """Words closing (or, "journal", opening) an older periodical's name (review, magazine …), lower case."""
    return _words("periodical_words.txt")


def cross_reference_words() -> frozenset[str]:
    """Words of a pointer to another place of the same book (above, below, sup, infra, see …), lower case."""
    return _words("cross_reference_words.txt")


def cross_reference_words_continental() -> frozenset[str]:
    """The Italian, French, Spanish and German words of a pointer to another note
    ("Fußnoten", "vedi", "ci-dessus" …) with the articles joining them, lower case."""
    return _words("cross_reference_words_continental.txt")
