"""Bridge from relbib's records to pybtex's: model.Entry -> pybtex Entry.

Input: :class:`relbib.model.Entry` values (plain Unicode fields, ISO dates,
tuples of :class:`relbib.model.Name`).
Output: :class:`pybtex.database.Entry` values that pybtex styles can format,
and :func:`restore`, which turns formatted strings back into the data's text.
Never: read files, or let a field value be read as LaTeX markup (a
person's LaTeX, :class:`relbib.formats.bibvalues.Latex`, is made clean text
first, its case-protecting braces kept).

pybtex reads every non-raw field as LaTeX (``Text.from_latex``): braces
become protected groups, ``--`` becomes an en dash and ``\\input`` would stay
a command.  relbib's fields are plain text, so :func:`protect` swaps the few
characters LaTeX decoding would change for private-use code points before
pybtex sees them, and :func:`restore` swaps them back when a backend spells
the result.  The round trip is checked by a property test.
"""

from __future__ import annotations

import re

from pybtex.database import Entry as PybtexEntry
from pybtex.database import Person

from relbib import lexicon
from relbib.formats import texmarkup
from relbib.formats.bibvalues import Latex
from relbib.model import Entry, Name

# Characters the LaTeX decoder would read as markup, each swapped for a code
# point of the Private Use Area that no bibliographic data holds.
_SWAPS = {
    "\\": "\ue000",  # a command would start
    "{": "\ue001",  # a protected group would start (unbalanced ones raise)
    "}": "\ue002",
    "~": "\ue003",  # a tie becomes a no-break space
    "%": "\ue004",  # a comment would start
    "`": "\ue005",  # ``, ?` and !` are ligatures for quotes and ¡ ¿
}
# Ligatures of repeated characters: the second of a pair is swapped so that
# "--" stays two hyphens and '' stays two apostrophes.
_PAIR_SWAPS = {"-": "\ue006", "'": "\ue007", ",": "\ue008"}
# A run of a person's LaTeX set in a font (\emph{Middlemarch}) is a braced
# group led by one of these code points, one per mark, which the BibTeX
# styles turn into tags.  BibTeX never recases such a group.
MARKS = {"i": "\ue009", "b": "\ue00a", "sup": "\ue00b", "sub": "\ue00c", "sc": "\ue00d"}
_RESTORE = ({v: k for k, v in _SWAPS.items()} | {v: k for k, v in _PAIR_SWAPS.items()}
            | dict.fromkeys(MARKS.values(), ""))
_RESTORE_TABLE = str.maketrans(_RESTORE)
_SWAP_TABLE = str.maketrans(_SWAPS)
# a character repeated right after itself, for the ligature pairs above
_PAIR = re.compile(r"(?<=([-',]))\1")

# Fields pybtex's styles read raw (``field(name, raw=True)``): left untouched.
RAW_FIELDS = frozenset({"url", "doi", "eprint", "pubmed"})
# Fields whose "--" is meant as a range dash (pybtex's dashify expects it).
RANGE_FIELDS = frozenset({"pages"})

MONTH_NAMES = lexicon.months("en")  # BibTeX month field values, spelled out
# a DOI written as a resolver URL or with a "doi:" prefix
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# ISO 8601 calendar date, possibly reduced: 2021, 2021-03, 2021-03-01
_ISO_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")


def protect(text: str, *, ranges: bool = False) -> str:
    """``text`` spelled so that pybtex's LaTeX decoding gives ``text`` back."""
    swapped = text.translate(_SWAP_TABLE)
    if ranges:
        return swapped
    return _PAIR.sub(lambda m: _PAIR_SWAPS[m.group(0)], swapped)


def restore(text: str) -> str:
    """Undo :func:`protect` in a string pybtex produced."""
    return text.translate(_RESTORE_TABLE)


_LIGATURE_TABLE = str.maketrans({_SWAPS["`"]: "`", **{v: k for k, v in _PAIR_SWAPS.items() if k in "-'"}})


def unprotect_ligatures(text: str) -> str:
    """Undo :func:`protect` for the characters TeX makes ligatures of
    (`` ` ``, ``-``, ``'``) only, so a BibTeX style can typeset them as TeX does."""
    return text.translate(_LIGATURE_TABLE)


def _person(name: Name) -> Person:
    # an organisation (or a mononym) is all family name: nothing to invert
    # or abbreviate.  An organisation is braced, as the .bib relbib writes
    # for BibTeX braces it: one token, so alpha's label is "Wor", not "WHO".
    family = protect(texmarkup.clean(name.family))
    if name.literal:
        return Person(last="{" + family + "}")
    # "King, Jr.": the part after the comma is the suffix (BibTeX's "jr" part)
    last, comma, lineage = family.rpartition(", ")
    if not comma:
        last, lineage = family, ""
    return Person(first=protect(texmarkup.clean(name.given)), last=last, lineage=lineage)


def _from_latex(value: Latex) -> str:
    """A person's LaTeX as clean text for pybtex: accents, math and dashes
    in Unicode, and only the case-protecting braces kept (as braces).  A word
    the person did not brace is recased as BibTeX recases it ("NATO" ->
    "Nato" in a plain.bst title)."""
    return "".join("{" + "".join(MARKS.get(m, "") for m in r.marks) + protect(r.text) + "}"
                   if r.nocase or r.marks else protect(r.text)
                   for r in texmarkup.parse(value).runs)


def _date_fields(date: str) -> dict[str, str]:
    """year and month derived from an ISO date, for styles that read them."""
    match = _ISO_DATE.match(date)
    if not match:
        return {}
    out = {"year": match["year"]}
    month = int(match["month"] or 0)
    if 1 <= month <= 12:
        out["month"] = MONTH_NAMES[month - 1]
    return out


def to_pybtex(entry: Entry) -> PybtexEntry:
    """One relbib entry as a pybtex entry (fields protected, names split)."""
    fields: dict[str, str] = {}
    persons: dict[str, list[Person]] = {}
    for name, value in entry.fields.items():
        if isinstance(value, tuple):
            persons[name] = [_person(n) for n in value]
        elif name == "doi":
            # the DOI itself: styles add https://doi.org/ (or "doi:") themselves
            fields[name] = _DOI_PREFIX.sub("", value.strip())
        elif name in RAW_FIELDS:
            fields[name] = value
        elif isinstance(value, Latex):
            fields[name] = _from_latex(value)
        else:
            fields[name] = protect(value, ranges=name in RANGE_FIELDS)
    if "date" in fields:
        for name, value in _date_fields(fields["date"]).items():
            fields.setdefault(name, value)
    result = PybtexEntry(entry.type.lower(), fields=fields, persons=persons)
    result.key = entry.key
    return result

