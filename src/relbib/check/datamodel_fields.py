"""Which fields each entry type may have in biblatex's default data model.

Input: nothing (tables only).
Output: BIBLATEX_TYPES, BIBLATEX_FIELDS (every declared field),
BIBLATEX_GLOBAL_FIELDS (valid for every type) and BIBLATEX_TYPE_FIELDS (the
rest, per entry type).
Never: change at run time or read a file.

Taken from biblatex's ``blx-dm.def`` (biblatex 3.18b, 2022/07/12): the
``\\DeclareDatamodelFields`` lists, the ``\\DeclareDatamodelEntryfields`` with no
type (all types) and those with a type list; a date field (``date``,
``origdate``, ``eventdate``, ``urldate``) brings its parts (``year``,
``month``, ``origyear``, ...). ``biber --validate-datamodel`` warns "Invalid
field 'F' for entrytype 'T'" for a declared field outside its type's list, and
"Field 'F' invalid in data model" for an undeclared one.
"""

from __future__ import annotations

from collections.abc import Mapping

BIBLATEX_TYPES: frozenset[str] = frozenset({
    "article", "artwork", "audio", "bibnote", "book", "bookinbook", "booklet", "collection",
    "commentary", "customa", "customb", "customc", "customd", "custome", "customf", "dataset",
    "image", "inbook", "incollection", "inproceedings", "inreference", "jurisdiction", "legal",
    "legislation", "letter", "manual", "misc", "movie", "music", "mvbook", "mvcollection",
    "mvproceedings", "mvreference", "online", "patent", "performance", "periodical",
    "proceedings", "reference", "report", "review", "set", "software", "standard", "suppbook",
    "suppcollection", "suppperiodical", "thesis", "unpublished", "video", "xdata",
})

BIBLATEX_FIELDS: frozenset[str] = frozenset({
    "abstract", "addendum", "afterword", "annotation", "annotator", "author", "authortype",
    "bookauthor", "bookpagination", "booksubtitle", "booktitle", "booktitleaddon", "chapter",
    "commentator", "crossref", "date", "day", "doi", "edition", "editor", "editora",
    "editoratype", "editorb", "editorbtype", "editorc", "editorctype", "editortype", "eid",
    "endday", "endhour", "endminute", "endmonth", "endsecond", "endtimezone", "endyear",
    "endyeardivision", "entryset", "entrysubtype", "eprint", "eprintclass", "eprinttype",
    "eventdate", "eventday", "eventendday", "eventendhour", "eventendminute", "eventendmonth",
    "eventendsecond", "eventendtimezone", "eventendyear", "eventendyeardivision", "eventhour",
    "eventminute", "eventmonth", "eventsecond", "eventtimezone", "eventtitle",
    "eventtitleaddon", "eventyear", "eventyeardivision", "execute", "file", "foreword",
    "gender", "holder", "hour", "howpublished", "ids", "indexsorttitle", "indextitle",
    "institution", "introduction", "isan", "isbn", "ismn", "isrn", "issn", "issue",
    "issuesubtitle", "issuetitle", "issuetitleaddon", "iswc", "journalsubtitle", "journaltitle",
    "journaltitleaddon", "keywords", "label", "langid", "langidopts", "language", "library",
    "lista", "listb", "listc", "listd", "liste", "listf", "location", "mainsubtitle",
    "maintitle", "maintitleaddon", "minute", "month", "namea", "nameaddon", "nameatype",
    "nameb", "namebtype", "namec", "namectype", "note", "number", "options", "organization",
    "origdate", "origday", "origendday", "origendhour", "origendminute", "origendmonth",
    "origendsecond", "origendtimezone", "origendyear", "origendyeardivision", "orighour",
    "origlanguage", "origlocation", "origminute", "origmonth", "origpublisher", "origsecond",
    "origtimezone", "origtitle", "origyear", "origyeardivision", "pages", "pagetotal",
    "pagination", "part", "presort", "publisher", "pubstate", "related", "relatedoptions",
    "relatedstring", "relatedtype", "reprinttitle", "second", "series", "shortauthor",
    "shorteditor", "shorthand", "shorthandintro", "shortjournal", "shortseries", "shorttitle",
    "sortkey", "sortname", "sortshorthand", "sorttitle", "sortyear", "subtitle", "timezone",
    "title", "titleaddon", "translator", "type", "url", "urldate", "urlday", "urlendday",
    "urlendhour", "urlendminute", "urlendmonth", "urlendsecond", "urlendtimezone", "urlendyear",
    "urlendyeardivision", "urlhour", "urlminute", "urlmonth", "urlsecond", "urltimezone",
    "urlyear", "urlyeardivision", "usera", "userb", "userc", "userd", "usere", "userf", "venue",
    "verba", "verbb", "verbc", "version", "volume", "volumes", "xdata", "xref", "year",
    "yeardivision",
})

BIBLATEX_GLOBAL_FIELDS: frozenset[str] = frozenset({
    "abstract", "annotation", "authortype", "bookpagination", "crossref", "day", "doi",
    "endday", "endhour", "endminute", "endmonth", "endsecond", "endtimezone", "endyear",
    "endyeardivision", "entryset", "entrysubtype", "eprint", "eprintclass", "eprinttype",
    "execute", "file", "gender", "hour", "ids", "indexsorttitle", "indextitle", "isan", "ismn",
    "iswc", "keywords", "label", "langid", "langidopts", "library", "lista", "listb", "listc",
    "listd", "liste", "listf", "minute", "month", "namea", "nameaddon", "nameatype", "nameb",
    "namebtype", "namec", "namectype", "options", "origday", "origendday", "origendhour",
    "origendminute", "origendmonth", "origendsecond", "origendtimezone", "origendyear",
    "origendyeardivision", "orighour", "origlocation", "origminute", "origmonth",
    "origpublisher", "origsecond", "origtimezone", "origtitle", "origyear", "origyeardivision",
    "pagination", "presort", "related", "relatedoptions", "relatedstring", "relatedtype",
    "second", "shortauthor", "shorteditor", "shorthand", "shorthandintro", "shortjournal",
    "shortseries", "shorttitle", "sortkey", "sortname", "sortshorthand", "sorttitle",
    "sortyear", "timezone", "url", "urlday", "urlendday", "urlendhour", "urlendminute",
    "urlendmonth", "urlendsecond", "urlendtimezone", "urlendyear", "urlhour", "urlminute",
    "urlmonth", "urlsecond", "urltimezone", "urlyear", "usera", "userb", "userc", "userd",
    "usere", "userf", "verba", "verbb", "verbc", "xdata", "xref", "year", "yeardivision",
})

BIBLATEX_TYPE_FIELDS: Mapping[str, frozenset[str]] = {
    "article": frozenset({
        "addendum", "annotator", "author", "commentator", "editor", "editora", "editoratype",
        "editorb", "editorbtype", "editorc", "editorctype", "editortype", "eid", "issn",
        "issue", "issuesubtitle", "issuetitle", "issuetitleaddon", "journalsubtitle",
        "journaltitle", "journaltitleaddon", "language", "note", "number", "origlanguage",
        "pages", "pubstate", "series", "subtitle", "title", "titleaddon", "translator",
        "version", "volume",
    }),
    "bibnote": frozenset({
        "note",
    }),
    "book": frozenset({
        "addendum", "afterword", "annotator", "author", "chapter", "commentator", "edition",
        "editor", "editora", "editoratype", "editorb", "editorbtype", "editorc", "editorctype",
        "editortype", "eid", "foreword", "introduction", "isbn", "language", "location",
        "mainsubtitle", "maintitle", "maintitleaddon", "note", "number", "origlanguage",
        "pages", "pagetotal", "part", "publisher", "pubstate", "series", "subtitle", "title",
        "titleaddon", "translator", "volume", "volumes",
    }),
    "bookinbook": frozenset({
        "addendum", "afterword", "annotator", "author", "bookauthor", "booksubtitle",
        "booktitle", "booktitleaddon", "chapter", "commentator", "edition", "editor", "editora",
        "editoratype", "editorb", "editorbtype", "editorc", "editorctype", "editortype", "eid",
        "foreword", "introduction", "isbn", "language", "location", "mainsubtitle", "maintitle",
        "maintitleaddon", "note", "number", "origlanguage", "pages", "part", "publisher",
        "pubstate", "series", "subtitle", "title", "titleaddon", "translator", "volume",
        "volumes",
    }),
    "booklet": frozenset({
        "addendum", "author", "chapter", "editor", "editortype", "eid", "howpublished",
        "language", "location", "note", "pages", "pagetotal", "pubstate", "subtitle", "title",
        "titleaddon", "type",
    }),
    "collection": frozenset({
        "addendum", "afterword", "annotator", "chapter", "commentator", "edition", "editor",
        "editora", "editoratype", "editorb", "editorbtype", "editorc", "editorctype",
        "editortype", "eid", "foreword", "introduction", "isbn", "language", "location",
        "mainsubtitle", "maintitle", "maintitleaddon", "note", "number", "origlanguage",
        "pages", "pagetotal", "part", "publisher", "pubstate", "series", "subtitle", "title",
        "titleaddon", "translator", "volume", "volumes",
    }),
    "dataset": frozenset({
        "addendum", "author", "edition", "editor", "editortype", "language", "location", "note",
        "number", "organization", "publisher", "pubstate", "series", "subtitle", "title",
        "titleaddon", "type", "version",
    }),
    "inbook": frozenset({
        "addendum", "afterword", "annotator", "author", "bookauthor", "booksubtitle",
        "booktitle", "booktitleaddon", "chapter", "commentator", "edition", "editor", "editora",
        "editoratype", "editorb", "editorbtype", "editorc", "editorctype", "editortype", "eid",
        "foreword", "introduction", "isbn", "language", "location", "mainsubtitle", "maintitle",
        "maintitleaddon", "note", "number", "origlanguage", "pages", "part", "publisher",
        "pubstate", "series", "subtitle", "title", "titleaddon", "translator", "volume",
        "volumes",
    }),
    "incollection": frozenset({
        "addendum", "afterword", "annotator", "author", "booksubtitle", "booktitle",
        "booktitleaddon", "chapter", "commentator", "edition", "editor", "editora",
        "editoratype", "editorb", "editorbtype", "editorc", "editorctype", "editortype", "eid",
        "foreword", "introduction", "isbn", "language", "location", "mainsubtitle", "maintitle",
        "maintitleaddon", "note", "number", "origlanguage", "pages", "part", "publisher",
        "pubstate", "series", "subtitle", "title", "titleaddon", "translator", "volume",
        "volumes",
    }),
    "inproceedings": frozenset({
        "addendum", "author", "booksubtitle", "booktitle", "booktitleaddon", "chapter",
        "editor", "editortype", "eid", "eventday", "eventendday", "eventendhour",
        "eventendminute", "eventendmonth", "eventendsecond", "eventendtimezone", "eventendyear",
        "eventendyeardivision", "eventhour", "eventminute", "eventmonth", "eventsecond",
        "eventtimezone", "eventtitle", "eventtitleaddon", "eventyear", "eventyeardivision",
        "isbn", "language", "location", "mainsubtitle", "maintitle", "maintitleaddon", "note",
        "number", "organization", "pages", "part", "publisher", "pubstate", "series",
        "subtitle", "title", "titleaddon", "venue", "volume", "volumes",
    }),
    "inreference": frozenset({
        "addendum", "afterword", "annotator", "author", "booksubtitle", "booktitle",
        "booktitleaddon", "chapter", "commentator", "edition", "editor", "editora",
        "editoratype", "editorb", "editorbtype", "editorc", "editorctype", "editortype", "eid",
        "foreword", "introduction", "isbn", "language", "location", "mainsubtitle", "maintitle",
        "maintitleaddon", "note", "number", "origlanguage", "pages", "part", "publisher",
        "pubstate", "series", "subtitle", "title", "titleaddon", "translator", "volume",
        "volumes",
    }),
    "manual": frozenset({
        "addendum", "author", "chapter", "edition", "editor", "editortype", "eid", "isbn",
        "language", "location", "note", "number", "organization", "pages", "pagetotal",
        "publisher", "pubstate", "series", "subtitle", "title", "titleaddon", "type", "version",
    }),
    "misc": frozenset({
        "addendum", "author", "editor", "editortype", "howpublished", "language", "location",
        "note", "organization", "pubstate", "subtitle", "title", "titleaddon", "type",
        "version",
    }),
    "mvbook": frozenset({
        "addendum", "afterword", "annotator", "author", "commentator", "edition", "editor",
        "editora", "editoratype", "editorb", "editorbtype", "editorc", "editorctype",
        "editortype", "foreword", "introduction", "isbn", "language", "location", "note",
        "number", "origlanguage", "pagetotal", "publisher", "pubstate", "series", "subtitle",
        "title", "titleaddon", "translator", "volume", "volumes",
    }),
    "mvcollection": frozenset({
        "addendum", "afterword", "annotator", "author", "commentator", "edition", "editor",
        "editora", "editoratype", "editorb", "editorbtype", "editorc", "editorctype",
        "editortype", "foreword", "introduction", "isbn", "language", "location", "note",
        "number", "origlanguage", "publisher", "pubstate", "subtitle", "title", "titleaddon",
        "translator", "volume", "volumes",
    }),
    "mvproceedings": frozenset({
        "addendum", "editor", "editortype", "eventday", "eventendday", "eventendhour",
        "eventendminute", "eventendmonth", "eventendsecond", "eventendtimezone", "eventendyear",
        "eventendyeardivision", "eventhour", "eventminute", "eventmonth", "eventsecond",
        "eventtimezone", "eventtitle", "eventtitleaddon", "eventyear", "eventyeardivision",
        "isbn", "language", "location", "note", "number", "organization", "pagetotal",
        "publisher", "pubstate", "series", "subtitle", "title", "titleaddon", "venue",
        "volumes",
    }),
    "mvreference": frozenset({
        "addendum", "afterword", "annotator", "author", "commentator", "edition", "editor",
        "editora", "editoratype", "editorb", "editorbtype", "editorc", "editorctype",
        "editortype", "foreword", "introduction", "isbn", "language", "location", "note",
        "number", "origlanguage", "publisher", "pubstate", "subtitle", "title", "titleaddon",
        "translator", "volume", "volumes",
    }),
    "online": frozenset({
        "addendum", "author", "editor", "editortype", "language", "note", "organization",
        "pubstate", "subtitle", "title", "titleaddon", "version",
    }),
    "patent": frozenset({
        "addendum", "author", "holder", "location", "note", "number", "pubstate", "subtitle",
        "title", "titleaddon", "type", "version",
    }),
    "periodical": frozenset({
        "addendum", "editor", "editora", "editoratype", "editorb", "editorbtype", "editorc",
        "editorctype", "editortype", "issn", "issue", "issuesubtitle", "issuetitle",
        "issuetitleaddon", "language", "note", "number", "pubstate", "series", "subtitle",
        "title", "titleaddon", "volume", "yeardivision",
    }),
    "proceedings": frozenset({
        "addendum", "chapter", "editor", "editortype", "eid", "eventday", "eventendday",
        "eventendhour", "eventendminute", "eventendmonth", "eventendsecond", "eventendtimezone",
        "eventendyear", "eventendyeardivision", "eventhour", "eventminute", "eventmonth",
        "eventsecond", "eventtimezone", "eventtitle", "eventtitleaddon", "eventyear",
        "eventyeardivision", "isbn", "language", "location", "mainsubtitle", "maintitle",
        "maintitleaddon", "note", "number", "organization", "pages", "pagetotal", "part",
        "publisher", "pubstate", "series", "subtitle", "title", "titleaddon", "venue", "volume",
        "volumes",
    }),
    "reference": frozenset({
        "addendum", "afterword", "annotator", "chapter", "commentator", "edition", "editor",
        "editora", "editoratype", "editorb", "editorbtype", "editorc", "editorctype",
        "editortype", "eid", "foreword", "introduction", "isbn", "language", "location",
        "mainsubtitle", "maintitle", "maintitleaddon", "note", "number", "origlanguage",
        "pages", "pagetotal", "part", "publisher", "pubstate", "series", "subtitle", "title",
        "titleaddon", "translator", "volume", "volumes",
    }),
    "report": frozenset({
        "addendum", "author", "chapter", "eid", "institution", "isrn", "language", "location",
        "note", "number", "pages", "pagetotal", "pubstate", "subtitle", "title", "titleaddon",
        "type", "version",
    }),
    "set": frozenset({
        "entryset",
    }),
    "software": frozenset({
        "addendum", "author", "editor", "editortype", "howpublished", "language", "location",
        "note", "organization", "pubstate", "subtitle", "title", "titleaddon", "type",
        "version",
    }),
    "suppbook": frozenset({
        "addendum", "afterword", "annotator", "author", "bookauthor", "booksubtitle",
        "booktitle", "booktitleaddon", "chapter", "commentator", "edition", "editor", "editora",
        "editoratype", "editorb", "editorbtype", "editorc", "editorctype", "editortype", "eid",
        "foreword", "introduction", "isbn", "language", "location", "mainsubtitle", "maintitle",
        "maintitleaddon", "note", "number", "origlanguage", "pages", "part", "publisher",
        "pubstate", "series", "subtitle", "title", "titleaddon", "translator", "volume",
        "volumes",
    }),
    "suppcollection": frozenset({
        "addendum", "afterword", "annotator", "author", "booksubtitle", "booktitle",
        "booktitleaddon", "chapter", "commentator", "edition", "editor", "editora",
        "editoratype", "editorb", "editorbtype", "editorc", "editorctype", "editortype", "eid",
        "foreword", "introduction", "isbn", "language", "location", "mainsubtitle", "maintitle",
        "maintitleaddon", "note", "number", "origlanguage", "pages", "part", "publisher",
        "pubstate", "series", "subtitle", "title", "titleaddon", "translator", "volume",
        "volumes",
    }),
    "thesis": frozenset({
        "addendum", "author", "chapter", "eid", "institution", "language", "location", "note",
        "pages", "pagetotal", "pubstate", "subtitle", "title", "titleaddon", "type",
    }),
    "unpublished": frozenset({
        "addendum", "author", "eventday", "eventendday", "eventendhour", "eventendminute",
        "eventendmonth", "eventendsecond", "eventendtimezone", "eventendyear",
        "eventendyeardivision", "eventhour", "eventminute", "eventmonth", "eventsecond",
        "eventtimezone", "eventtitle", "eventtitleaddon", "eventyear", "eventyeardivision",
        "howpublished", "language", "location", "note", "pubstate", "subtitle", "title",
        "titleaddon", "type", "venue",
    }),
}
