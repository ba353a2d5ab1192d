"""crossref and xdata inheritance: the fields an entry takes from its parents.

Input: the entries of one .bib file, in file order.
Output: the same entries, each with the fields it inherits (a child's own
field always wins), without the ``@xdata`` containers, which biblatex never
prints.
Never: change an entry's own fields, follow a cycle forever, or do I/O.

The rules are biblatex's (manual, appendix B "Default crossref setup"), as
pandoc's .bib reader applies them (Text.Pandoc.Citeproc.BibTeX,
``transformKey``): a book's ``title`` becomes the ``booktitle`` of the
chapter that crossrefs it, a multi-volume work's title the ``maintitle``,
a periodical's the ``journaltitle``; the short and sort titles and the
linking fields are never inherited.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from relbib.model import Entry, FieldValue, freeze_fields

# fields that link or sort an entry: never inherited
_NOT_INHERITED = frozenset({
    "ids", "crossref", "xref", "entryset", "entrysubtype", "execute", "label", "options",
    "presort", "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand",
    "shorthandintro", "sortkey"})
# a parent's own short and sort titles, which name the parent, not the child
_PARENT_TITLES = frozenset({"shorttitle", "sorttitle", "indextitle", "indexsorttitle"})
_MAIN = {"title": "maintitle", "subtitle": "mainsubtitle", "titleaddon": "maintitleaddon"}
_BOOK = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon"}
_JOURNAL = {"title": "journaltitle", "subtitle": "journalsubtitle"}
# (parent types, child types, how the parent's titles are renamed)
_RENAMES: tuple[tuple[frozenset[str], frozenset[str], Mapping[str, str]], ...] = (
    (frozenset({"mvbook"}), frozenset({"book", "inbook", "bookinbook", "suppbook"}), _MAIN),
    (frozenset({"mvcollection", "mvreference"}),
     frozenset({"collection", "reference", "incollection", "inreference", "suppcollection"}), _MAIN),
    (frozenset({"mvproceedings"}), frozenset({"proceedings", "inproceedings"}), _MAIN),
    (frozenset({"book"}), frozenset({"inbook", "bookinbook", "suppbook"}), _BOOK),
    (frozenset({"collection", "reference"}),
     frozenset({"incollection", "inreference", "suppcollection"}), _BOOK),
    (frozenset({"proceedings"}), frozenset({"inproceedings"}), _BOOK),
    (frozenset({"periodical"}), frozenset({"article", "suppperiodical"}), _JOURNAL),
)
_BOOK_PARTS = frozenset({"inbook", "bookinbook", "suppbook"})


def inherited_names(parent_type: str, child_type: str, field: str) -> tuple[str, ...]:
    """The fields of a ``child_type`` entry that a ``parent_type`` parent's
    ``field`` fills (none, one, or for a book's author both ``bookauthor``
    and ``author``)."""
    if field in _NOT_INHERITED:
        return ()
    if field == "author" and ((parent_type in ("book", "mvbook") and child_type in _BOOK_PARTS)
                              or (parent_type, child_type) == ("mvbook", "book")):
        return ("bookauthor", "author")
    for parents, children, rename in _RENAMES:
        if parent_type in parents and child_type in children:
            return () if field in _PARENT_TITLES else (rename.get(field, field),)
    return (field,)


def _parent_keys(value: FieldValue) -> list[str]:
    return value.replace(",", " ").split() if isinstance(value, str) else []


def _from(parent: Entry, child: Entry, by_key: Mapping[str, Entry],
          seen: frozenset[str]) -> dict[str, FieldValue]:
    """What ``child`` takes from ``parent`` (and, through it, its parents)."""
    out: dict[str, FieldValue] = {}
    for field, value in parent.fields.items():
        if field in ("crossref", "xdata"):
            for key in _parent_keys(value):
                grand = by_key.get(key)
                if grand is not None and key not in seen:
                    out.update({k: v for k, v in _from(grand, child, by_key, seen | {key}).items()
                                if k not in parent.fields})
            continue
        for name in inherited_names(parent.type, child.type, field):
            if name not in child.fields:
                out[name] = value
    return out


def inherit(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """``entries`` with the fields their ``crossref`` and ``xdata`` parents
    give them, the ``@xdata`` entries left out."""
    by_key = {e.key: e for e in entries}
    out = []
    for entry in entries:
        if entry.type == "xdata":
            continue
        gained: dict[str, FieldValue] = {}
        # what xdata gives wins over what crossref gives; of two parents
        # named in one field, the later
        for link in ("crossref", "xdata"):
            for key in _parent_keys(entry.fields.get(link, "")):
                parent = by_key.get(key)
                if parent is not None and key != entry.key:
                    gained.update(_from(parent, entry, by_key, frozenset({entry.key, key})))
        out.append(Entry(key=entry.key, type=entry.type, fields=freeze_fields({**gained, **entry.fields}))
                   if gained else entry)
    return tuple(out)
