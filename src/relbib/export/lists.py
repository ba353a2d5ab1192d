"""Reading lists: the library's entries chosen, then written as BibTeX, CSL-JSON, RIS, md or html.

Input: a :class:`relbib.library.core.Library` (or entries and annotations) and
what to pick: explicit keys, tags, essays, a search query.
Output: the chosen entries, and the document of each export format (str).
Never: do I/O, or write BibTeX, HTML or LaTeX by string formatting: BibTeX
goes through :mod:`relbib.formats.bibtex`, Markdown and HTML through the
render backends, CSL-JSON and RIS through their format modules.

A person's annotation travels with each entry: the summary and the claim
quotes in BibTeX's ``annotation`` (CSL ``annote``, RIS ``N1``), the tags in
``keywords`` (CSL ``keyword``, RIS ``KW``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from relbib import crosswalk, lexicon
from relbib.diagnostics import InputError
from relbib.formats import crossref, csljson, ris, texmarkup
from relbib.formats.bibtex import update_bib
from relbib.formats.bibvalues import Latex
from relbib.formats.csljson import date_parts, month_number
from relbib.library.core import Library, essay_id
from relbib.library.suggest import did_you_mean, search_entries
from relbib.model import Annotation, Entry, FieldValue, Name, freeze_fields
from relbib.render import Writer, reading_list_writer
from relbib.render.document import claim_group
from relbib.render.latex import SAFE_KEY, biblatex_document, bibtex_document
from relbib.render.latex import escape as latex_escape
from relbib.render.rich import safe_url

# a DOI with no character LaTeX or a URL would read specially (biblatex
# prints the doi field verbatim, so only these could break out)
_PLAIN_DOI = re.compile(r"10\.[0-9]{4,9}/[^\s{}\\%#~^$&]+")
# EDTF (level 1) for a year not known: what an undated entry's date is in biblatex
UNKNOWN_DATE = "XXXX"
# how each claim group reads in an annotation field
_GROUP_WORDS = {"cited": "Cited for", "confirmed": "Supports", "suggested": "May support",
                "conflicts": "Conflicts with"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Selection:
    """What to export: explicit keys, and filters that must all hold.

    Several tags (or essays) mean any of them; an empty filter holds for all.
    """

    keys: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    essays: tuple[str, ...] = ()
    query: str = ""


def _essay_ids(library: Library, wanted: Iterable[str]) -> frozenset[str]:
    """Essay ids for what a person typed: an id, its unique prefix, or an essays.bib key."""
    known = {essay_id(e) or k: k for k, e in library.essays.items()}
    known |= {c.essay: c.essay for a in library.annotations.values() for c in a.claims}
    ids: set[str] = set()
    for word in wanted:
        entry = library.essays.get(word)
        if entry is not None and essay_id(entry):
            ids.add(essay_id(entry))
            continue
        matches = [i for i in known if i == word] or [i for i in known if i.startswith(word)]
        if len(matches) != 1:
            hint = did_you_mean(word, known)
            raise InputError(f"no essay '{word}'" + (f" (did you mean '{hint}'?)" if hint else "")
                             + ("; it is the start of several" if matches else ""), path="--essay")
        ids.add(matches[0])
    return frozenset(ids)


def cited_keys(draft_text: str, *, path: str) -> tuple[str, ...]:
    """The keys a draft (.tex or .md, by ``path``) cites, in the order it first
    cites them, as relbib check's draft scanners read them (``\\nocite`` too)."""
    from relbib.check.drafts import scan_draft

    scan = scan_draft(draft_text, path=path)
    if scan is None:
        raise InputError(f"{path}: not a draft (.tex or .md) relbib can read for citations")
    if scan.nocite_all:
        raise InputError(f"{path}: \\nocite{{*}} cites the whole bibliography; export the library instead")
    return tuple(dict.fromkeys(c.key for c in scan.citations))


def select(library: Library, selection: Selection) -> tuple[Entry, ...]:
    """The library's sources (and any essays named by key) that ``selection`` picks, by key."""
    if selection.keys:
        entries = []
        for key in selection.keys:
            entry = library.sources.get(key) or library.essays.get(key)
            if entry is None:
                hint = did_you_mean(key, [*library.sources, *library.essays])
                raise InputError(f"no entry with key '{key}' in the library"
                                 + (f" (did you mean '{hint}'?)" if hint else ""))
            entries.append(entry)
    else:
        entries = list(library.sources.values())
    tags = {t.casefold() for t in selection.tags}
    essays = _essay_ids(library, selection.essays) if selection.essays else frozenset()
    hits = ({e.key for e in search_entries(library, selection.query)}
            if selection.query.strip() else None)
    chosen = []
    for entry in entries:
        annotation = library.annotations.get(entry.key) or Annotation(key=entry.key)
        if tags and not tags & {t.casefold() for t in annotation.tags}:
            continue
        if essays and not essays & {c.essay for c in annotation.claims
                                    if claim_group(c) is not None}:
            continue
        if hits is not None and entry.key not in hits:
            continue
        chosen.append(entry)
    return tuple(sorted({e.key: e for e in chosen}.values(), key=lambda e: e.key))


# --- the annotation as one field --------------------------------------------------


def annotation_text(annotation: Annotation | None) -> str:
    """The summary, then each claim the source is linked to, as one paragraph.

    ``Cited for: “quote” (essay, line 7, note 1).``  Rejected links are left out.
    """
    if annotation is None:
        return ""
    parts = [" ".join(annotation.summary.split())] if annotation.summary.strip() else []
    for claim in annotation.claims:
        group = claim_group(claim)
        if group is None:
            continue
        where = [claim.essay, f"line {claim.line}"]
        if claim.note is not None:
            where.append(f"note {claim.note}")
        if claim.pinpoint:
            where.append(f"p. {claim.pinpoint}")
        quote = " ".join(claim.quote.split())
        parts.append(f"{_GROUP_WORDS[group]}: \u201c{quote}\u201d ({', '.join(where)}).")
    return " ".join(parts)


def _tags(annotation: Annotation | None) -> tuple[str, ...]:
    return tuple(" ".join(t.split()) for t in annotation.tags if t.strip()) if annotation else ()


# --- BibTeX and biblatex dialects -------------------------------------------------


def _iso_date(fields: Mapping[str, FieldValue]) -> str:
    """The entry's date in ISO form (from ``date``, else ``year`` and ``month``)."""
    date = fields.get("date")
    if isinstance(date, str) and date_parts(date):
        return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(date_parts(date) or ()))
    year = fields.get("year")
    if isinstance(year, str) and year.strip().isdigit() and len(year.strip()) == 4:
        month = fields.get("month")
        number = month_number(month) if isinstance(month, str) else None
        return f"{year.strip()}-{number:02d}" if number else year.strip()
    return ""


def _names_text(names: tuple[Name, ...]) -> str:
    return " and ".join(f"{n.given} {n.family}".strip() for n in names)


def biblatex_entry(entry: Entry, *, annotation: str = "", keywords: Sequence[str] = ()) -> Entry:
    """``entry`` in biblatex's vocabulary, valid for its data model.

    Types and fields are renamed as :mod:`relbib.crosswalk` says, ``date``
    replaces ``year`` and ``month``, and an entry that lacks a field its type
    requires (a newspaper article with no author) becomes ``misc``: its venue
    goes to ``howpublished`` and what ``misc`` cannot hold to ``addendum``,
    so nothing is lost and biber has nothing to warn about.
    """
    kind, subtype = crosswalk.biblatex_type(entry.type)
    fields: dict[str, FieldValue] = {}
    for name, value in entry.fields.items():
        if name in crosswalk.BIBLATEX_DERIVED or (isinstance(value, str) and not value.strip()):
            continue
        fields.setdefault(crosswalk.BIBLATEX_FIELDS.get(name, name), value)
    date = _iso_date(entry.fields)
    if date:
        fields["date"] = date
    elif isinstance(entry.fields.get("year"), str) and str(entry.fields["year"]).strip():
        fields["year"] = entry.fields["year"]
    else:
        # biblatex requires a date of every type; EDTF's "year unspecified"
        # says that the date is unknown, and biber accepts it
        fields["date"] = UNKNOWN_DATE
    if subtype:
        fields.setdefault("type", subtype)
    if not crosswalk.biblatex_complete(kind, fields):
        kind = crosswalk.BIBLATEX_FALLBACK_TYPE
    leftovers: list[str] = []
    for name in sorted(fields, key=lambda n: (n not in crosswalk.BIBLATEX_VENUE_FIELDS, n)):
        if crosswalk.biblatex_allows(kind, name):
            continue
        value = fields.pop(name)
        text = _names_text(value) if isinstance(value, tuple) else value
        if name in crosswalk.BIBLATEX_VENUE_FIELDS and "howpublished" not in fields \
                and crosswalk.biblatex_allows(kind, "howpublished"):
            fields["howpublished"] = text
        elif text:
            leftovers.append(text)
    if leftovers:
        fields["addendum"] = ". ".join([*(f for f in [fields.get("addendum")] if isinstance(f, str)),
                                        *leftovers])
    if annotation:
        fields["annotation"] = annotation
    if keywords:
        fields["keywords"] = ", ".join(keywords)
    return Entry(key=entry.key, type=kind, fields=freeze_fields(fields))


def bibtex_entry(entry: Entry, *, annotation: str = "") -> Entry:
    """``entry`` for BibTeX's standard styles: ``year`` and ``month`` from the
    date, a type plain.bst knows, and the annotation after the ``note``."""
    fields: dict[str, FieldValue] = {k: v for k, v in entry.fields.items()
                                     if not isinstance(v, str) or v.strip()}
    date = date_parts(str(fields.get("date", "")))
    if date and "year" not in fields:
        fields["year"] = str(date[0])
    if date and len(date) > 1 and "month" not in fields:
        # spelled out, as the month macros of plain.bst print it ("6" would print as 6)
        fields["month"] = lexicon.months("en")[date[1] - 1]
    kind = entry.type if entry.type in crosswalk.BIBTEX_STYLE_TYPES else "misc"
    if kind != entry.type and isinstance(fields.get("url"), str) and "howpublished" not in fields:
        fields["howpublished"] = str(fields["url"])
    if annotation:
        note = fields.get("note")
        fields["note"] = f"{note}. {annotation}" if isinstance(note, str) and note else annotation
    return Entry(key=entry.key, type=kind, fields=freeze_fields(fields))


# the LaTeX command of each font mark texmarkup reads
_MARK_COMMANDS = {"i": r"\emph", "b": r"\textbf", "sc": r"\textsc",
                  "sup": r"\textsuperscript", "sub": r"\textsubscript"}


def _rebuilt(value: str) -> Latex:
    """``value`` as LaTeX that prints it literally; a person's own LaTeX is
    rebuilt from its clean text, keeping case-protecting braces and font marks
    and nothing else (no command of theirs reaches the .tex)."""
    if not isinstance(value, Latex):
        return Latex(latex_escape(value))
    out: list[str] = []
    for run in texmarkup.parse(value).runs:
        text = latex_escape(run.text)
        for mark in run.marks:
            text = f"{_MARK_COMMANDS.get(mark, '')}{{{text}}}"
        out.append("{" + text + "}" if run.nocase else text)
    return Latex("".join(out))


def latex_safe(entry: Entry) -> Entry:
    """``entry`` with every value spelled as LaTeX that prints it literally.

    For a .bib that a .tex compiles: a value like ``\\input{/etc/passwd}``
    would otherwise run when biblatex or BibTeX prints it.
    """
    fields: dict[str, FieldValue] = {}
    for name, value in entry.fields.items():
        if isinstance(value, tuple):
            fields[name] = tuple(Name(family=_rebuilt(n.family), given=_rebuilt(n.given),
                                      literal=n.literal) for n in value)
        elif name == "url":
            url = safe_url(value)  # percent-encoded: nothing in it acts as LaTeX
            if url is not None:
                fields[name] = url
        elif name == "doi":
            if _PLAIN_DOI.fullmatch(value.strip()):
                fields[name] = value.strip()
        else:
            fields[name] = _rebuilt(value)  # already LaTeX: written as it is
    return Entry(key=entry.key, type=entry.type,
                 fields=freeze_fields({k: v for k, v in fields.items() if v}))


# --- the export formats -----------------------------------------------------------


def _bib(entries: Sequence[Entry], annotations: Mapping[str, Annotation], _title: str, _style: str) -> str:
    # a key BibTeX cannot read (a quote, a comma, a brace) gets a plain one
    converted = [biblatex_entry(safe, annotation=_bib_plain(annotation_text(annotations.get(e.key))),
                                keywords=[_bib_plain(t) for t in _tags(annotations.get(e.key))])
                 for e, safe in zip(entries, _safe_keys(entries), strict=True)]
    return update_bib(None, converted)


def _bib_plain(text: str) -> str:
    # the annotation and tags are a person's plain text (YAML): a plain str,
    # which the BibTeX writer spells so that it prints as itself (issue 9)
    return text


# CSL-JSON and RIS have no crossref: each record carries what its crossref and xdata
# parents give it (as pandoc and biber read the .bib), and @xdata is no record

def _csl(entries: Sequence[Entry], annotations: Mapping[str, Annotation], _title: str, _style: str) -> str:
    return csljson.dumps(csljson.to_csl(e, annote=annotation_text(annotations.get(e.key)),
                                        keywords=_tags(annotations.get(e.key)))
                         for e in crossref.inherit(entries))


def _ris(entries: Sequence[Entry], annotations: Mapping[str, Annotation], _title: str, _style: str) -> str:
    return ris.dumps(ris.record(e, note=annotation_text(annotations.get(e.key)),
                                keywords=_tags(annotations.get(e.key)))
                     for e in crossref.inherit(entries))


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportFormat:
    name: str
    suffix: str  # the file suffix ``relbib build`` writes
    write: Writer = field(repr=False)


EXPORT_FORMATS: Mapping[str, ExportFormat] = MappingProxyType({
    f.name: f for f in (
        ExportFormat(name="bib", suffix="bib", write=_bib),
        ExportFormat(name="csl-json", suffix="json", write=_csl),
        ExportFormat(name="ris", suffix="ris", write=_ris),
        ExportFormat(name="md", suffix="md", write=reading_list_writer("md")),
        ExportFormat(name="html", suffix="html", write=reading_list_writer("html")),
    )
})


def export_formats() -> tuple[str, ...]:
    """The names ``relbib export --format`` accepts."""
    return tuple(EXPORT_FORMATS)


def export(
    entries: Sequence[Entry],
    annotations: Mapping[str, Annotation],
    *,
    fmt: str,
    style: str = "chicago-nb",
    title: str = "Reading list",
) -> str:
    """``entries`` with their annotations as one ``fmt`` document."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(export_formats())}")
    return EXPORT_FORMATS[fmt].write(entries, annotations, title, style)


# --- LaTeX documents over a companion .bib -----------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class LatexBundle:
    """A .tex and the .bib it reads (write it as ``bib_name``.bib beside the .tex)."""

    tex: str
    bib: str
    bib_name: str


def _safe_keys(entries: Sequence[Entry]) -> list[Entry]:
    # a key with characters LaTeX or biber would read specially gets a plain one
    taken = {e.key for e in entries if SAFE_KEY.fullmatch(e.key)}
    out = []
    for entry in entries:
        key = entry.key
        if not SAFE_KEY.fullmatch(key):
            base = re.sub(r"[^A-Za-z0-9_:.+/-]+", "-", key).strip("-") or "entry"
            key, n = base, 2
            while key in taken:
                key, n = f"{base}-{n}", n + 1
            taken.add(key)
        out.append(Entry(key=key, type=entry.type, fields=entry.fields))
    return out


def latex_bundle(
    entries: Sequence[Entry],
    annotations: Mapping[str, Annotation],
    *,
    engine: str,
    bib_name: str,
    title: str = "Annotated bibliography",
) -> LatexBundle:
    """A standalone annotated bibliography for ``engine`` ``biber`` (biblatex,
    annotations in the ``annotation`` field) or ``bibtex`` (plain.bst, the
    annotation in ``note``).  Every value in the .bib is escaped for LaTeX."""
    converted = []
    for original, entry in zip(entries, _safe_keys(entries), strict=True):
        annotation = annotation_text(annotations.get(original.key))
        if engine == "biber":
            tags = _tags(annotations.get(original.key))
            converted.append(latex_safe(biblatex_entry(entry, annotation=annotation, keywords=tags)))
        elif engine == "bibtex":
            converted.append(latex_safe(bibtex_entry(entry, annotation=annotation)))
        else:
            raise ValueError(f"unknown engine {engine!r}; choose biber or bibtex")
    keys = [e.key for e in converted]
    document = biblatex_document if engine == "biber" else bibtex_document
    return LatexBundle(tex=document(title, keys, bib_name=bib_name),
                       bib=update_bib(None, converted), bib_name=bib_name)
