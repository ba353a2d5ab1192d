"""Library rules: one function per rule over the .bib entries of a CheckContext.

Input: a CheckContext (its records and @string names).
Output: Diagnostics (missing-field, invalid-field, undefined-string,
undefined-key for crossref targets, duplicate-key, duplicate-entry).
Never: read a file, mutate the context, or compare entries pairwise (one pass,
dict and set look-ups: 26,000 entries stay cheap).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from relbib import lexicon
from relbib.check import fields as fv
from relbib.check.context import (
    CheckContext,
    entry_diag,
    index,
    keys_of,
    parents,
    plain,
    split_names,
    work_key,
)
from relbib.check.datamodel import (
    BIBLATEX_FIELD_ALIASES,
    BIBLATEX_TYPE_ALIASES,
    Model,
    describe,
    missing_fields,
)
from relbib.check.datamodel_fields import (
    BIBLATEX_FIELDS,
    BIBLATEX_GLOBAL_FIELDS,
    BIBLATEX_TYPE_FIELDS,
    BIBLATEX_TYPES,
)
from relbib.check.records import BibRecord
from relbib.diagnostics import diagnostic
from relbib.formats.braces import balanced as braces_balanced
from relbib.model import Diagnostic, Severity

# --- entry rules: required fields and field syntax ------------------------------


def required_fields(ctx: CheckContext) -> Iterator[Diagnostic]:
    """missing-field: a field the entry type requires, in BibTeX's and/or biblatex's model."""
    by_key = index(ctx.records)
    models: tuple[Model, ...] = (("bibtex", "biblatex") if ctx.data_model == "both"
                                 else (ctx.data_model,))
    for record in ctx.records:
        present = {f for f, v in record.fields.items() if v.strip()}
        unresolved = False
        for parent_key in parents(record):
            parent = by_key.get(parent_key)
            if parent is None:
                unresolved = True  # crossref-target reports it; inherited fields unknown
                continue
            present |= {f for f, v in parent.fields.items() if v.strip()}
            if parent.fields.get("title", "").strip():
                present |= {"booktitle", "journaltitle", "maintitle"}
        if unresolved:
            continue
        for missing in missing_fields(record.type, frozenset(present), models):
            wanted = " or ".join(missing.fields)
            typo = misspelt_field(record.fields, missing.fields)
            yield entry_diag(
                "missing-field", record, None,
                f"@{record.type} entry '{record.key}' has no {wanted}, "
                f"{describe(missing, models)}" + (
                    f"; its field '{typo[0]}' looks like {typo[1]} misspelt" if typo else ""),
                (f"rename '{typo[0]}' to {typo[1]}" if typo else
                 f"add {missing.fields[0]} = {{...}}") + (
                    " (or change the entry type if it is not a "
                    f"{record.type})" if len(missing.models) < len(models) and not typo else ""))
        if "biblatex" in models and record.fields.get("date", "").strip() \
                and record.fields.get("year", "").strip():
            yield entry_diag(
                "invalid-field", record, "year",
                f"entry '{record.key}' has both date and year; biblatex wants exactly one",
                "keep date = {...} and remove year (biber ignores one of them)",
                severity=Severity.INFO)


def misspelt_field(fields: Mapping[str, str], wanted: Sequence[str]) -> tuple[str, str] | None:
    """(field, wanted field) when an unknown field of an entry is one or two letters away
    from a field it lacks ("instituion" for institution, "jounral" for journal)."""
    from rapidfuzz.distance import DamerauLevenshtein  # only when a field is unknown

    for name in fields:
        # a field biber knows, or renames from BibTeX's (journal, school, address ...)
        if name in BIBLATEX_FIELDS or name in _BIBER_FIELD_MAP or len(name) < 5 \
                or lexicon.is_manager_field(name):
            continue
        for field in wanted:
            # a slip inside the word (its first and last letters kept, one letter more or
            # less at most), not another word built on it ("mrnumber", "keywords_")
            if name[0] == field[0] and name[-1] == field[-1] and abs(len(name) - len(field)) <= 1 \
                    and DamerauLevenshtein.distance(name, field, score_cutoff=2) <= 2:
                return name, field
    return None


# biber's source map renames these .bib fields too (beyond the data model's aliases)
_BIBER_FIELD_MAP = {**BIBLATEX_FIELD_ALIASES, "key": "sortkey", "hyphenation": "langid",
                    "pdf": "file"}
# a date field is valid where its parts are (the data model lists "year", "urlyear", ...)
_DATE_PART = {"date": "year", "origdate": "origyear", "eventdate": "eventyear",
              "urldate": "urlyear"}


def fields_for_type(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field (info): a field biblatex's data model does not allow for the entry's
    type, or does not know at all (what ``biber --validate-datamodel`` warns of)."""
    if ctx.data_model != "biblatex":
        return  # BibTeX styles ignore fields they do not use
    for record in ctx.records:
        seen = BIBLATEX_TYPE_ALIASES.get(record.type, record.type)
        if seen not in BIBLATEX_TYPES:
            continue  # an unknown type is its own finding
        allowed = BIBLATEX_TYPE_FIELDS.get(seen, frozenset())
        for name in record.fields:
            field = _BIBER_FIELD_MAP.get(name, name)
            part = _DATE_PART.get(field, field)
            if part in BIBLATEX_GLOBAL_FIELDS or part in allowed or lexicon.is_manager_field(name):
                continue  # a reference manager's own field is no mistake of the writer's
            if name == "type" and record.fields[name].strip(" {}").lower() in lexicon.endnote_types():
                continue  # EndNote's "type = {Journal Article}": the entry's kind said again
            shown = f"'{name}'" if field == name else f"'{name}' (biber's '{field}')"
            if field not in BIBLATEX_FIELDS:
                near = misspelt_field({name: ""}, sorted(allowed | BIBLATEX_GLOBAL_FIELDS))
                yield entry_diag(
                    "invalid-field", record, name,
                    f"field {shown} of '{record.key}' is not in biblatex's data model: "
                    "biber ignores it" + (f" (a misspelt '{near[1]}'?)" if near else ""),
                    f"rename it to {near[1]}" if near else
                    "rename it to a biblatex field, or move its text to note = {...}",
                    severity=Severity.WARNING if near else Severity.INFO)
            else:
                yield entry_diag(
                    "invalid-field", record, name,
                    f"field {shown} is not valid for @{seen} in biblatex's data model "
                    f"('{record.key}'): styles do not print it",
                    "change the entry type to one that has this field, or remove it",
                    severity=Severity.INFO)


def _field_rule(ctx: CheckContext, names: tuple[str, ...],
                check: Callable[[str], fv.Problem | None]) -> Iterator[Diagnostic]:
    for record in ctx.records:
        for name in names:
            value = record.fields.get(name)
            if value is None or not value.strip():
                continue
            problem = check(value)
            if problem is not None:
                yield entry_diag("invalid-field", record, name,
                                  f"{name} of '{record.key}': {problem.message}",
                                  problem.suggestion)


def doi_syntax(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: a DOI that is not 10.NNNN/suffix, or carries a URL or doi: prefix."""
    return _field_rule(ctx, ("doi",), fv.check_doi)


def isbn_checksum(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: an ISBN-10/13 with a wrong check digit or length."""
    return _field_rule(ctx, ("isbn",), fv.check_isbn)


def issn_checksum(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: an ISSN with a wrong check digit or form."""
    return _field_rule(ctx, ("issn", "eissn"), fv.check_issn)


def year_syntax(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: a year that is not a number."""
    return _field_rule(ctx, ("year", "origyear", "eventyear", "urlyear"), fv.check_year)


def month_syntax(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: a month that is not 1-12, an English name or a BibTeX macro;
    under biblatex also a month written as a name in braces or quotes.

    biber reads ``month`` as an integer: its jan ... dec macros expand to 1-12,
    but a braced or quoted name (``{jan}``, ``"January"``) stays text, and
    biber warns "legacy month field ... is not an integer - this will probably
    not sort properly".  BibTeX styles print such a name as written.
    """
    if ctx.data_model != "biblatex":
        yield from _field_rule(ctx, ("month",), fv.check_month)
        return
    for record in ctx.records:
        value = record.fields.get("month")
        if value is None or not value.strip():
            continue
        text = value.strip()
        if text.isdigit() and 1 <= int(text) <= 12:
            continue
        as_macro = any(use.field == "month" and use.name.lower() == text.lower()
                       and text.lower() in fv.MONTH_MACROS for use in record.macros)
        if as_macro:
            continue
        number = fv.month_number(text)
        if number is None:
            problem = fv.check_month(text)
            if problem is not None:
                yield entry_diag("invalid-field", record, "month",
                                  f"month of '{record.key}': {problem.message}",
                                  problem.suggestion)
            continue
        yield entry_diag(
            "invalid-field", record, "month",
            f"month of '{record.key}' is the text '{text}', not a number: biber warns "
            "\"legacy month field ... is not an integer\" and may sort the entry wrongly",
            f"month = {fv.MONTH_MACROS[number - 1]} (the macro, no braces) or "
            f"month = {number}",
            severity=Severity.WARNING)


def date_syntax(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: a date, eventdate, origdate or urldate that is not ISO 8601 / EDTF."""
    return _field_rule(ctx, ("date", "eventdate", "origdate", "urldate"), fv.check_date)


def page_range(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: a backwards or non-numeric page range."""
    return _field_rule(ctx, ("pages",), fv.check_pages)


def url_syntax(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: a URL without a scheme, with spaces, or wrapped in \\url."""
    return _field_rule(ctx, ("url",), fv.check_url)


_NAME_FIELDS = ("author", "editor", "translator", "bookauthor")
# what a malformed list shows: ",,", or an "and" with no name on one side
_NAME_SUSPECT = re.compile(r",\s*,|^\s*and\b|\band\s*$|\band\s+and\b", re.IGNORECASE)
# a comma closing a name ("{Smith}, J., and Doe"): BibTeX errors, biber drops it
_TRAILING_COMMA = re.compile(r",\s*(?:$|and\s)", re.IGNORECASE)
_GROUP = re.compile(r"\{[^{}]*\}")
# biblatex's extended name format: "family=Smith, given=John, prefix=van, useprefix=true"
_EXTENDED_PART = re.compile(r"^\s*[a-z-]+\s*=", re.IGNORECASE)


def _name_problem(value: str, key: str, model: str) -> tuple[str, str, Severity | None] | None:
    """(message, hint, severity) for the first malformed name of a list, as BibTeX words it."""
    parts = split_names(value)
    if any(not p.strip() for p in parts):
        return ("an empty name (a doubled or dangling 'and')", "remove the extra 'and'", None)
    for number, part in enumerate(parts, start=1):
        flat = _GROUP.sub("x", _GROUP.sub("x", part)).strip()
        pieces = flat.split(",")
        if model != "bibtex" and len(pieces) > 1 and \
                all(_EXTENDED_PART.match(p) for p in pieces if p.strip()):
            continue  # biber reads the extended name format
        shown = part.strip()
        if re.search(r",\s*,", flat):
            return (f"consecutive commas in '{shown}'", "write 'Family, Given' with one comma",
                    None)
        if flat.endswith(","):
            return (f"a comma at the end of name {number} (BibTeX: 'Name {number} in "
                    f"\"{value.strip()}\" has a comma at the end for entry {key}'; biber "
                    "drops it)", "remove the comma after the name, or write 'Family, Given'",
                    # biber only warns ("comma(s) at end of name (removing)")
                    Severity.WARNING if model == "biblatex" else Severity.ERROR)
        if len(pieces) > 3:
            return (f"too many commas in name {number}, '{shown}' (BibTeX: 'Too many commas "
                    f"in name {number} of \"{value.strip()}\" for entry {key}'; biber skips "
                    "the entry)", "separate people with ' and ', not commas; a name has at "
                    "most two commas (von Last, Jr, First)", Severity.ERROR)
    return None


def name_lists(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: "and and", a dangling "and", ",,", a comma closing a name or
    too many commas in a name list (BibTeX's "has a comma at the end", "Too many commas")."""
    for record in ctx.records:
        for name in _NAME_FIELDS:
            value = record.fields.get(name)
            if not value or "," not in value and "and" not in value.lower():
                continue
            if _NAME_SUSPECT.search(value) is None and _TRAILING_COMMA.search(value) is None \
                    and (value.count(",") <= 2
                         or max(p.count(",") for p in value.split(" and ")) <= 2):
                continue  # the common, well-formed list: no splitting needed
            problem = _name_problem(value, record.key, ctx.data_model)
            if problem is not None:
                yield entry_diag("invalid-field", record, name,
                                 f"{name} of '{record.key}' has {problem[0]}", problem[1],
                                 severity=problem[2])


def empty_fields(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field (info): a field present with an empty value."""
    for record in ctx.records:
        for name, value in record.fields.items():
            if not value.strip():
                yield entry_diag("invalid-field", record, name,
                                  f"{name} of '{record.key}' is empty",
                                  f"remove the line '{name} = {{}}' or fill it in",
                                  severity=Severity.INFO)


# Fields LaTeX typesets as text; url, doi, file and verbatim fields are exempt.
_TEXT_FIELDS = ("title", "subtitle", "booktitle", "journal", "journaltitle", "series",
                "publisher", "institution", "school", "organization", "howpublished",
                "address", "location", "edition", "note", "chapter", "maintitle", "eventtitle")
# (a "\(" ends at the next "\)" before any other "\(": each start reads no
# further than the next, so "\(" repeated and never closed stays linear)
_MATH = re.compile(r"(?<!\\)\$.*?(?<!\\)\$|\\\((?:[^\\]|\\(?!\())*?\\\)", re.DOTALL)
_SPECIAL_ANY = re.compile(r"[{}&%#_$]")
_BARE_URL = re.compile(r"(?:https?|ftp)://[^\s{}]+")
# \url{...}, \href{...}{, \path{...} take their argument verbatim: "_" and "%" are fine there
_VERBATIM_ARG = re.compile(r"\\(?:url|href|path|nolinkurl|doi)\s*\{[^{}]*\}")
_ESCAPED = re.compile(r"\\.")
_SPECIAL = {
    "&": "LaTeX stops with 'Misplaced alignment tab character &'",
    "%": "LaTeX drops the rest of the line as a comment",
    "#": "LaTeX stops with 'You can't use macro parameter character #'",
    "_": "LaTeX stops with 'Missing $ inserted'",
}


def special_characters(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: unbalanced braces, unescaped & % # _ or an odd $ in a text field."""
    for record in ctx.records:
        for name in _TEXT_FIELDS:
            value = record.fields.get(name)
            if not value or _SPECIAL_ANY.search(value) is None:
                continue
            unescaped = _ESCAPED.sub("", value) if "\\" in value else value
            if not braces_balanced(unescaped):
                yield entry_diag("invalid-field", record, name,
                                  f"{name} of '{record.key}' has unbalanced braces",
                                  "add the missing brace or escape a literal one as \\{ \\}")
                continue
            if unescaped.count("$") % 2:
                yield entry_diag("invalid-field", record, name,
                                  f"{name} of '{record.key}' has an odd number of '$'",
                                  "close the math, or write a literal dollar as \\$")
                continue
            outside_math = _ESCAPED.sub("", _MATH.sub("", _VERBATIM_ARG.sub("", value)))
            for char, why in _SPECIAL.items():
                if char in outside_math:
                    url = _BARE_URL.search(outside_math)
                    fix = (f"wrap the address in \\url{{{url.group()}}}" if url and char in url.group()
                           else f"write \\{char}")
                    yield entry_diag("invalid-field", record, name,
                                     f"{name} of '{record.key}' has an unescaped '{char}': {why}", fix)
                    break


def undefined_strings(ctx: CheckContext) -> Iterator[Diagnostic]:
    """undefined-string: an @string macro used in a value but never defined."""
    known = {s.lower() for s in ctx.strings} | set(fv.MONTH_MACROS)
    for record in ctx.records:
        for use in record.macros:
            if use.name.lower() in known:
                continue
            yield diagnostic(
                "undefined-string",
                f"{use.field} of '{record.key}' uses the @string macro '{use.name}', "
                "which no .bib file defines",
                path=record.path, line=use.line or record.line_of(use.field), column=1,
                keys=(record.key,),
                suggestion=f"define @string{{{use.name} = {{...}}}} or write the value in braces: "
                           f"{use.field} = {{{use.name}}}")


def crossref_targets(ctx: CheckContext) -> Iterator[Diagnostic]:
    """undefined-key: a crossref, xref or xdata that names no entry."""
    keys = keys_of(ctx)
    by_key, lower = keys.exact, keys.lower
    for record in ctx.records:
        for name in ("crossref", "xref", "xdata"):
            for target in (record.fields.get(name) or "").split(","):
                target = target.strip()
                if not target or target in by_key:
                    continue
                hint = lower.get(target.lower())
                yield entry_diag(
                    "undefined-key", record, name,
                    f"{name} of '{record.key}' names '{target}', which is not in the library",
                    f"did you mean '{hint}'?" if hint else
                    f"add the @{'xdata' if name == 'xdata' else 'proceedings/@book'} entry "
                    f"'{target}' or remove the {name} field",
                    keys=(record.key, target))


def duplicate_keys(ctx: CheckContext) -> Iterator[Diagnostic]:
    """duplicate-key: a key defined twice, or twice in spellings that differ only in case."""
    seen: dict[str, BibRecord] = {}
    for record in ctx.records:
        folded = record.key.lower()
        first = seen.get(folded)
        if first is None:
            seen[folded] = record
            continue
        where = f"{first.path}:{first.line}"
        if first.key == record.key:
            message = f"key '{record.key}' is defined twice (first at {where})"
        else:
            message = (f"key '{record.key}' differs only in case from '{first.key}' ({where}); "
                       "biber and BibTeX treat them as one key")
        yield diagnostic("duplicate-key", message, path=record.path, line=record.line, column=1,
                         keys=(first.key, record.key),
                         suggestion="rename one of the two entries, or delete it if it is the same work")


# Fields that tell two works with one title apart when both entries give them.
_DISTINGUISHING = ("pages", "volume", "number", "issue", "chapter", "edition")


# A part and its whole share a DOI or title legitimately (a chapter cited with its book's DOI).
_PART_OF = {frozenset(p) for p in (("book", "inbook"), ("book", "incollection"),
                                   ("collection", "incollection"), ("book", "chapter"),
                                   ("proceedings", "inproceedings"), ("mvbook", "book"),
                                   ("periodical", "article"), ("reference", "inreference"))}


def _compatible(a: BibRecord, b: BibRecord) -> bool:
    if a.type != b.type and frozenset((a.type, b.type)) in _PART_OF:
        return False
    for name in _DISTINGUISHING:
        va, vb = a.fields.get(name, "").strip(), b.fields.get(name, "").strip()
        if va and vb and plain(va) != plain(vb):
            return False
    return True


def duplicate_works(ctx: CheckContext) -> Iterator[Diagnostic]:
    """duplicate-entry: two keys, one work (same DOI, or same title, year and first author)."""
    by_doi: dict[str, BibRecord] = {}
    by_work: dict[tuple[str, str, str], list[BibRecord]] = {}
    for record in ctx.records:
        first = None
        evidence = ""
        raw_doi = record.fields.get("doi")
        doi = fv.normalize_doi(raw_doi) if raw_doi else None
        if doi:
            first = by_doi.get(doi)
            if first is None:
                by_doi[doi] = record
            elif not _compatible(first, record):
                first = None
            else:
                evidence = f"the same DOI {doi}"
        work = work_key(record)
        if work is not None:
            bucket = by_work.get(work)
            if bucket is None:
                by_work[work] = [record]
            else:
                if first is None:
                    # same title, year and author, but another issue or other pages is
                    # another work (a column in every issue: TUGboat's "Editorial comments")
                    first = next((r for r in bucket if _compatible(r, record)), None)
                    evidence = "the same title, year and first author"
                bucket.append(record)
        if first is None or first.key.lower() == record.key.lower():
            continue
        yield diagnostic(
            "duplicate-entry",
            f"'{record.key}' and '{first.key}' ({first.path}:{first.line}) look like one work: "
            f"{evidence}",
            path=record.path, line=record.line, column=1, keys=(first.key, record.key),
            suggestion=f"keep one entry and cite it everywhere (replace \\cite{{{record.key}}} "
                       f"by \\cite{{{first.key}}}), or correct the DOI if they differ")
