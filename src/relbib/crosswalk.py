"""The one mapping of entry types and fields: relbib/BibTeX, biblatex, CSL-JSON, RIS.

Input: nothing (tables and small pure look-ups over them).
Output: for each external vocabulary, what relbib's entry types and fields
are called there, and back.
Never: spell any syntax (quoting, escaping, dates as text) — the format
modules (formats/csljson.py, formats/ris.py, export.py) do that — or do I/O.

relbib's own vocabulary is BibTeX's (DESIGN.md), plus ``date``, ``doi``,
``url``, ``urldate`` and ``organization``.  Names follow each standard: CSL
variables as in the CSL 1.0.2 specification, RIS tags as in the RIS
specification (and rispy's reading of them), biblatex fields and types as in
the biblatex manual (sections 2.1 and 2.2).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# --- entry types ----------------------------------------------------------------

#: relbib (BibTeX) entry type -> biblatex entry type, and the biblatex ``type``
#: field value that keeps what the BibTeX type said (a thesis's kind).
BIBLATEX_TYPES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "article": ("article", ""),
    "book": ("book", ""),
    "booklet": ("booklet", ""),
    "inbook": ("inbook", ""),
    "incollection": ("incollection", ""),
    "inproceedings": ("inproceedings", ""),
    "conference": ("inproceedings", ""),
    "manual": ("manual", ""),
    "mastersthesis": ("thesis", "mathesis"),
    "phdthesis": ("thesis", "phdthesis"),
    "misc": ("misc", ""),
    "online": ("online", ""),
    "proceedings": ("proceedings", ""),
    "techreport": ("report", "techreport"),
    "unpublished": ("unpublished", ""),
})

#: relbib entry type -> CSL item type (CSL 1.0.2 type list)
CSL_TYPES: Mapping[str, str] = MappingProxyType({
    "article": "article-journal",
    "book": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "manual": "report",
    "mastersthesis": "thesis",
    "phdthesis": "thesis",
    "misc": "document",
    "online": "webpage",
    "proceedings": "book",
    "techreport": "report",
    "unpublished": "manuscript",
})
#: CSL item type -> relbib entry type, for reading CSL-JSON back
CSL_TYPES_BACK: Mapping[str, str] = MappingProxyType({
    "article-journal": "article", "article": "article", "article-magazine": "article",
    "article-newspaper": "article", "book": "book", "pamphlet": "booklet",
    "chapter": "incollection", "paper-conference": "inproceedings", "report": "techreport",
    "thesis": "phdthesis", "document": "misc", "webpage": "online", "post-weblog": "online",
    "manuscript": "unpublished",
})
#: the CSL ``genre`` a thesis type implies (CSL has one thesis type)
CSL_THESIS_GENRE: Mapping[str, str] = MappingProxyType({
    "phdthesis": "PhD thesis", "mastersthesis": "Master's thesis",
})

#: relbib entry type -> RIS reference type (TY)
RIS_TYPES: Mapping[str, str] = MappingProxyType({
    "article": "JOUR",
    "book": "BOOK",
    "booklet": "PAMP",
    "inbook": "CHAP",
    "incollection": "CHAP",
    "inproceedings": "CPAPER",
    "conference": "CPAPER",
    "manual": "GEN",
    "mastersthesis": "THES",
    "phdthesis": "THES",
    "misc": "GEN",
    "online": "ELEC",
    "proceedings": "CONF",
    "techreport": "RPRT",
    "unpublished": "UNPB",
})
RIS_TYPES_BACK: Mapping[str, str] = MappingProxyType({
    "JOUR": "article", "MGZN": "article", "NEWS": "article", "EJOUR": "article",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "PAMP": "booklet",
    "CHAP": "incollection", "ECHAP": "incollection", "CPAPER": "inproceedings",
    "CONF": "proceedings", "THES": "phdthesis", "GEN": "misc", "ELEC": "online",
    "BLOG": "online", "RPRT": "techreport", "UNPB": "unpublished", "MANSCPT": "unpublished",
})

# --- fields ---------------------------------------------------------------------

#: relbib field -> biblatex field, where the names differ (biblatex 2.2.5
#: lists journal, address and school as BibTeX aliases; writing the biblatex
#: name keeps ``biber --validate-datamodel`` silent)
BIBLATEX_FIELDS: Mapping[str, str] = MappingProxyType({
    "journal": "journaltitle",
    "address": "location",
    "school": "institution",
    "annote": "annotation",
})
#: relbib fields biblatex has no place for, derived from others (year and
#: month come from ``date`` when it is there)
BIBLATEX_DERIVED = frozenset({"year", "month"})

#: relbib name field -> CSL name variable
CSL_NAMES: Mapping[str, str] = MappingProxyType({
    "author": "author", "editor": "editor", "translator": "translator",
})
#: relbib text field -> CSL variable; ``number`` and the publisher-like
#: fields depend on the type and are decided in :func:`csl_variable`
CSL_FIELDS: Mapping[str, str] = MappingProxyType({
    "title": "title",
    "journal": "container-title",
    "booktitle": "container-title",
    "series": "collection-title",
    "volume": "volume",
    "pages": "page",
    "chapter": "chapter-number",
    "edition": "edition",
    "publisher": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "isbn": "ISBN",
    "issn": "ISSN",
    "doi": "DOI",
    "url": "URL",
    "note": "note",
    "type": "genre",
    "howpublished": "medium",
    "abstract": "abstract",
    "language": "language",
})
#: relbib date fields -> CSL date variables
CSL_DATES: Mapping[str, str] = MappingProxyType({"date": "issued", "urldate": "accessed"})
#: fields that name who published when ``publisher`` is absent, best first
PUBLISHER_LIKE = ("publisher", "institution", "school", "organization")
#: the CSL variables relbib's annotation fills: the summary and claims, the tags
CSL_ANNOTATION, CSL_KEYWORDS = "annote", "keyword"

#: relbib field -> RIS tag (single-valued tags)
RIS_FIELDS: Mapping[str, str] = MappingProxyType({
    "title": "TI",
    "journal": "T2",
    "booktitle": "T2",
    "series": "T3",
    "volume": "VL",
    "number": "IS",
    "edition": "ET",
    "publisher": "PB",
    "address": "CY",
    "location": "CY",
    "isbn": "SN",
    "issn": "SN",
    "doi": "DO",
    "urldate": "Y2",
    "abstract": "AB",
    "language": "LA",
    "type": "M3",
})
#: relbib name field -> RIS tag (one line per name)
RIS_NAMES: Mapping[str, str] = MappingProxyType({"author": "AU", "editor": "A2", "translator": "A4"})
#: RIS tags of the parts relbib composes itself: pages, dates, links, notes
RIS_START_PAGE, RIS_END_PAGE, RIS_YEAR, RIS_DATE = "SP", "EP", "PY", "DA"
RIS_URL, RIS_NOTE, RIS_KEYWORD, RIS_TYPE, RIS_ID, RIS_END = "UR", "N1", "KW", "TY", "ID", "ER"


def biblatex_type(entry_type: str) -> tuple[str, str]:
    """The biblatex type of a relbib type and the ``type`` field it implies."""
    return BIBLATEX_TYPES.get(entry_type.lower(), ("misc", ""))


def csl_type(entry_type: str) -> str:
    return CSL_TYPES.get(entry_type.lower(), "document")


def ris_type(entry_type: str) -> str:
    return RIS_TYPES.get(entry_type.lower(), "GEN")


def csl_variable(entry_type: str, field: str) -> str | None:
    """The CSL variable a relbib text field goes to in an entry of ``entry_type``."""
    if field == "number":
        # an article's number is its issue; a report's or a series' is its number
        return "issue" if entry_type.lower() == "article" else "number"
    if field in ("institution", "school", "organization"):
        return "publisher"
    return CSL_FIELDS.get(field)
