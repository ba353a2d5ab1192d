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


# --- biblatex's data model --------------------------------------------------------
# From biber's default data model (biber-tool.conf, the one
# ``biber --tool --validate-datamodel`` checks against): the fields every type
# may hold, the fields each type adds, and the fields each type must have.
# A field outside these makes biber warn "Invalid field".

BIBLATEX_COMMON_FIELDS = frozenset("""
abstract annotation crossref doi eprint eprintclass eprinttype entrysubtype file gender
ids indextitle isan ismn iswc keywords label langid library month options origlocation
origpublisher origtitle pagination related shortauthor shorteditor shorthand shortjournal
shortseries shorttitle sortkey sortname sorttitle sortyear url xdata xref year date urldate
origdate eventdate
""".split())
_EDITORS = "editor editora editorb editorc editortype editoratype editorbtype editorctype"
_BOOKISH = (f"addendum afterword annotator author chapter commentator edition {_EDITORS} eid "
            "foreword introduction isbn language location maintitle maintitleaddon mainsubtitle "
            "note number origlanguage pages pagetotal part publisher pubstate series subtitle "
            "title titleaddon translator volume volumes")
_EVENT = "eventtitle eventtitleaddon venue"
BIBLATEX_TYPE_FIELDS: Mapping[str, frozenset[str]] = MappingProxyType({
    "article": frozenset(f"""addendum annotator author commentator {_EDITORS} eid issn issue
        issuetitle issuesubtitle issuetitleaddon journalsubtitle journaltitle
        journaltitleaddon language note number origlanguage pages pubstate series subtitle
        title titleaddon translator version volume""".split()),
    "book": frozenset(_BOOKISH.split()),
    "inbook": frozenset((_BOOKISH + " booktitle bookauthor booksubtitle booktitleaddon").split()),
    "incollection": frozenset((_BOOKISH + " booktitle booksubtitle booktitleaddon").split()),
    "booklet": frozenset("""addendum author chapter editor editortype eid howpublished language
        location note pages pagetotal pubstate subtitle title titleaddon type""".split()),
    "manual": frozenset("""addendum author chapter edition editor editortype eid isbn language
        location note number organization pages pagetotal publisher pubstate series subtitle
        title titleaddon type version""".split()),
    "misc": frozenset("""addendum author editor editortype howpublished language location note
        organization pubstate subtitle title titleaddon type version""".split()),
    "online": frozenset("""addendum author editor editortype language note organization pubstate
        subtitle title titleaddon version""".split()),
    "proceedings": frozenset((f"""addendum chapter editor editortype eid isbn language location
        mainsubtitle maintitle maintitleaddon note number organization pages pagetotal part
        publisher pubstate series subtitle title titleaddon volume volumes {_EVENT}""").split()),
    "inproceedings": frozenset((f"""addendum author booksubtitle booktitle booktitleaddon chapter
        editor editortype eid isbn language location mainsubtitle maintitle maintitleaddon note
        number organization pages part publisher pubstate series subtitle title titleaddon
        volume volumes {_EVENT}""").split()),
    "report": frozenset("""addendum author chapter eid institution isrn language location note
        number pages pagetotal pubstate subtitle title titleaddon type version""".split()),
    "thesis": frozenset("""addendum author chapter eid institution language location note pages
        pagetotal pubstate subtitle title titleaddon type""".split()),
    "unpublished": frozenset(f"""addendum author howpublished language location note pubstate
        subtitle title titleaddon type {_EVENT}""".split()),
})
#: the fields each biblatex type must have; a tuple inside is "one of these"
BIBLATEX_MANDATORY: Mapping[str, tuple[str | tuple[str, ...], ...]] = MappingProxyType({
    "article": ("author", "journaltitle", "title"),
    "book": ("author", "title"),
    "inbook": ("author", "title", "booktitle"),
    "incollection": ("author", "editor", "title", "booktitle"),
    "booklet": (("author", "editor"), "title"),
    "manual": ("title",),
    "misc": ("title",),
    "online": ("title", ("url", "doi", "eprint")),
    "proceedings": ("title",),
    "inproceedings": ("author", "title", "booktitle"),
    "report": ("author", "title", "type", "institution"),
    "thesis": ("author", "title", "type", "institution"),
    "unpublished": ("author", "title"),
})
#: where a field the fallback type cannot hold goes, in this order, when that
#: place is free: a venue becomes ``howpublished``, the rest ``addendum``
BIBLATEX_VENUE_FIELDS = ("journaltitle", "booktitle", "publisher", "institution", "series")
BIBLATEX_FALLBACK_TYPE = "misc"


def biblatex_allows(entry_type: str, field: str) -> bool:
    """True when biblatex's data model lets an ``entry_type`` entry hold ``field``."""
    return field in BIBLATEX_COMMON_FIELDS or field in BIBLATEX_TYPE_FIELDS.get(entry_type, ())


def biblatex_complete(entry_type: str, fields: Mapping[str, object]) -> bool:
    """True when ``fields`` has every field biblatex requires of ``entry_type``."""
    for need in BIBLATEX_MANDATORY.get(entry_type, ("title",)):
        options = need if isinstance(need, tuple) else (need,)
        if not any(fields.get(o) for o in options):
            return False
    return bool(fields.get("date") or fields.get("year"))


# --- BibTeX's standard styles -----------------------------------------------------
#: the entry types plain.bst and its kin know; any other becomes ``misc``
BIBTEX_STYLE_TYPES = frozenset("""article book booklet inbook incollection inproceedings
conference manual mastersthesis misc phdthesis proceedings techreport unpublished""".split())
