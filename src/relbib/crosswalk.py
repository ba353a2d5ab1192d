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
    "inreference": ("inreference", ""),
    "jurisdiction": ("jurisdiction", ""),
    "legislation": ("legislation", ""),
})

#: BibTeX / biblatex entry type -> CSL item type (CSL 1.0.2 type list), as
#: pandoc's citeproc reads a .bib (biblatex manual 2.1; pandoc's BibTeX reader)
CSL_TYPES: Mapping[str, str] = MappingProxyType({
    "article": "article-journal", "periodical": "article-journal",
    "suppperiodical": "article-journal",
    "book": "book", "mvbook": "book", "collection": "book", "mvcollection": "book",
    "proceedings": "book", "mvproceedings": "book", "reference": "book", "mvreference": "book",
    "commentary": "book", "manual": "book",
    "inbook": "chapter", "bookinbook": "chapter", "suppbook": "chapter",
    "incollection": "chapter", "suppcollection": "chapter",
    "inreference": "entry-encyclopedia",
    "booklet": "pamphlet",
    "inproceedings": "paper-conference", "conference": "paper-conference",
    "mastersthesis": "thesis", "phdthesis": "thesis", "thesis": "thesis",
    "report": "report", "techreport": "report",
    "misc": "document", "set": "document", "bibnote": "document",
    "online": "webpage", "electronic": "webpage", "www": "webpage",
    "unpublished": "manuscript",
    "patent": "patent", "artwork": "graphic", "image": "graphic",
    "audio": "song", "music": "song", "movie": "motion_picture", "video": "motion_picture",
    "jurisdiction": "legal_case", "legislation": "legislation", "standard": "legislation",
    "legal": "treaty", "letter": "personal_communication", "performance": "speech",
    "review": "review", "software": "software", "dataset": "dataset",
})
#: biblatex's ``entrysubtype`` of an article -> the CSL type it makes
CSL_ARTICLE_SUBTYPES: Mapping[str, str] = MappingProxyType({
    "newspaper": "article-newspaper", "magazine": "article-magazine",
})
#: the CSL ``genre`` a BibTeX type implies, and what biblatex's ``type``
#: field values (biblatex manual 4.9.2.13) print as
CSL_TYPE_GENRES: Mapping[str, str] = MappingProxyType({
    "phdthesis": "PhD thesis", "mastersthesis": "Master\u2019s thesis",
})
CSL_GENRES: Mapping[str, str] = MappingProxyType({
    **CSL_TYPE_GENRES, "mathesis": "Master\u2019s thesis", "techreport": "technical report",
    # biblatex's localisation keys a ``type`` field may hold, in the English
    # of biblatex's english.lbx (as pandoc prints them)
    "candthesis": "Candidate thesis", "resreport": "research report",
    "software": "computer software", "datacd": "CD-ROM", "audiocd": "audio CD",
    "patent": "patent", "patentde": "German patent", "patenteu": "European patent",
    "patentfr": "French patent", "patentuk": "British patent", "patentus": "U.S. patent",
    "patreq": "patent request", "patreqde": "German patent request",
    "patreqeu": "European patent request", "patreqfr": "French patent request",
    "patrequk": "British patent request", "patrequs": "U.S. patent request",
})
#: biblatex's localisation keys for a journal's series (english.lbx)
CSL_SERIES_KEYS: Mapping[str, str] = MappingProxyType({
    "newseries": "New series", "oldseries": "Old series",
})
#: biblatex ``eprinttype`` -> the URL of an ``eprint`` identifier
CSL_EPRINT_URLS: Mapping[str, str] = MappingProxyType({
    "arxiv": "https://arxiv.org/abs/{}", "jstor": "https://www.jstor.org/stable/{}",
    "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/{}", "hdl": "https://hdl.handle.net/{}",
})
#: babel / polyglossia language names (biblatex ``langid``) -> BCP 47 tags
CSL_LANGUAGES: Mapping[str, str] = MappingProxyType({
    "english": "en-US", "american": "en-US", "usenglish": "en-US", "british": "en-GB",
    "ukenglish": "en-GB", "canadian": "en-CA", "australian": "en-AU", "newzealand": "en-NZ",
    "german": "de-DE", "ngerman": "de-DE", "austrian": "de-AT", "naustrian": "de-AT",
    "swissgerman": "de-CH", "nswissgerman": "de-CH", "french": "fr-FR", "spanish": "es-ES",
    "catalan": "ca-AD", "italian": "it-IT", "portuguese": "pt-PT", "brazil": "pt-BR",
    "brazilian": "pt-BR", "dutch": "nl-NL", "danish": "da-DK", "swedish": "sv-SE",
    "norwegian": "nb-NO", "norsk": "nb-NO", "nynorsk": "nn-NO", "finnish": "fi-FI",
    "icelandic": "is-IS", "polish": "pl-PL", "czech": "cs-CZ", "slovak": "sk-SK",
    "slovene": "sl-SI", "croatian": "hr-HR", "serbian": "sr-RS", "hungarian": "hu-HU",
    "romanian": "ro-RO", "bulgarian": "bg-BG", "russian": "ru-RU", "ukrainian": "uk-UA",
    "greek": "el-GR", "turkish": "tr-TR", "latin": "la", "hebrew": "he-IL",
    "arabic": "ar", "persian": "fa-IR", "japanese": "ja-JP", "chinese": "zh-CN",
    "korean": "ko-KR", "vietnamese": "vi-VN", "estonian": "et-EE", "latvian": "lv-LV",
    "lithuanian": "lt-LT", "basque": "eu", "galician": "gl-ES", "welsh": "cy-GB",
    "irish": "ga-IE", "afrikaans": "af-ZA", "indonesian": "id-ID",
})
#: the fields whose words pandoc's reader puts in sentence case in English
#: entries (CSL data holds titles in sentence case; styles title-case them)
CSL_SENTENCE_CASED = frozenset({
    "title", "subtitle", "titleaddon", "booktitle", "booksubtitle", "booktitleaddon",
    "maintitle", "mainsubtitle", "maintitleaddon", "series", "eventtitle", "shorttitle",
    "issuetitle", "issuesubtitle", "origtitle",
})
#: CSL item type -> relbib entry type, for reading CSL-JSON back
CSL_TYPES_BACK: Mapping[str, str] = MappingProxyType({
    "article-journal": "article", "article": "article", "article-magazine": "article",
    "article-newspaper": "article", "book": "book", "pamphlet": "booklet",
    "chapter": "incollection", "paper-conference": "inproceedings", "report": "techreport",
    "thesis": "phdthesis", "document": "misc", "webpage": "online", "post-weblog": "online",
    "manuscript": "unpublished",
    "legal_case": "jurisdiction", "legislation": "legislation",
    "entry-encyclopedia": "inreference", "entry-dictionary": "inreference",
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
    "thesis": "THES", "report": "RPRT", "dataset": "DATA", "software": "COMP",
    "jurisdiction": "CASE", "legislation": "STAT", "collection": "EDBOOK",
    "inreference": "ENCYC", "patent": "PAT", "online-video": "VIDEO",
})
#: RIS reference type -> relbib entry type, for ``relbib import``
RIS_TYPES_BACK: Mapping[str, str] = MappingProxyType({
    "JOUR": "article", "MGZN": "article", "NEWS": "article", "EJOUR": "article",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "collection", "PAMP": "booklet",
    "CHAP": "incollection", "ECHAP": "incollection", "CPAPER": "inproceedings",
    "CONF": "proceedings", "THES": "phdthesis", "GEN": "misc", "ELEC": "online",
    "BLOG": "online", "WEB": "online", "RPRT": "techreport", "UNPB": "unpublished",
    "MANSCPT": "unpublished", "DATA": "dataset", "COMP": "software", "CASE": "jurisdiction",
    "STAT": "legislation", "PAT": "patent", "ENCYC": "inreference",
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
    "bookauthor": "container-author", "director": "director",
})
#: relbib / biblatex text field -> CSL variable; ``number``, the titles and
#: the publisher-like fields depend on the type and are decided in
#: :func:`csl_variable`
CSL_FIELDS: Mapping[str, str] = MappingProxyType({
    "journal": "container-title",
    "journaltitle": "container-title",
    "booktitle": "container-title",
    "series": "collection-title",
    "volume": "volume",
    # biblatex's ``issue`` ("Spring") has no CSL variable here: pandoc's .bib
    # reader and BibTeX's styles print none, so neither does relbib (an
    # article's issue number is its ``number``, see csl_variable)
    "pages": "page",
    "pagetotal": "number-of-pages",
    "volumes": "number-of-volumes",
    "chapter": "chapter-number",
    "edition": "edition",
    "version": "version",
    "address": "publisher-place",
    "location": "publisher-place",
    "venue": "event-place",
    "eventtitle": "event",
    "isbn": "ISBN",
    "issn": "ISSN",
    "doi": "DOI",
    "url": "URL",
    "type": "genre",
    "abstract": "abstract",
    "annote": "annote",
    "annotation": "annote",
    "keywords": "keyword",
    "shorttitle": "title-short",
    "shortjournal": "container-title-short",
    "origtitle": "original-title", "origpublisher": "original-publisher",
    "origlocation": "original-publisher-place",
})
#: the parts of a title, joined "title: subtitle. titleaddon" as biblatex prints them
CSL_TITLE_PARTS = ("title", "subtitle", "titleaddon")
CSL_BOOKTITLE_PARTS = ("booktitle", "booksubtitle", "booktitleaddon")
CSL_MAINTITLE_PARTS = ("maintitle", "mainsubtitle", "maintitleaddon")
#: fields joined into CSL ``note``, in this order
CSL_NOTE_PARTS = ("note", "addendum")
#: who published, in the order pandoc joins them into CSL ``publisher``
PUBLISHER_LIKE = ("school", "institution", "organization", "howpublished", "publisher")
#: relbib date fields -> CSL date variables
CSL_DATES: Mapping[str, str] = MappingProxyType({
    "date": "issued", "urldate": "accessed", "origdate": "original-date", "eventdate": "event-date",
})
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


def csl_type(entry_type: str, subtype: str = "") -> str:
    """The CSL item type of a BibTeX/biblatex type (and biblatex ``entrysubtype``)."""
    kind = CSL_TYPES.get(entry_type.lower(), "document")
    if kind == "article-journal":
        return CSL_ARTICLE_SUBTYPES.get(subtype.strip().lower(), kind)
    return kind


def ris_type(entry_type: str) -> str:
    return RIS_TYPES.get(entry_type.lower(), "GEN")


def csl_variable(entry_type: str, field: str) -> str | None:
    """The CSL variable a relbib text field goes to in an entry of ``entry_type``."""
    if field == "number":
        # an article's number is its issue; a series' number is the
        # collection's; a report's or a patent's is its own
        kind = csl_type(entry_type)
        if kind.startswith("article"):
            return "issue"
        return "collection-number" if kind in ("book", "chapter", "paper-conference") else "number"
    if field in PUBLISHER_LIKE:
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
    # biber declares @jurisdiction and @legislation with no fields of their own
    # and biblatex's standard styles print them as @misc (standard.bbx aliases
    # every other type to misc): they hold misc's fields.  @inreference shares
    # @incollection's declaration (blx-dm.def).
    "jurisdiction": frozenset("""addendum author editor editortype howpublished language location
        note organization pubstate subtitle title titleaddon type version""".split()),
    "legislation": frozenset("""addendum author editor editortype howpublished language location
        note organization pubstate subtitle title titleaddon type version""".split()),
    "inreference": frozenset((_BOOKISH + " booktitle booksubtitle booktitleaddon").split()),
})
#: the fields each biblatex type must have; a tuple inside is "one of these"
BIBLATEX_MANDATORY: Mapping[str, tuple[str | tuple[str, ...], ...]] = MappingProxyType({
    "article": ("author", "journaltitle", "title"),
    "book": ("author", "title"),
    "inbook": ("author", "title", "booktitle"),
    "incollection": ("author", "editor", "title", "booktitle"),
    "inreference": ("author", "editor", "title", "booktitle"),
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
