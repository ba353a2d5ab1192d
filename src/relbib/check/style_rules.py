"""Entry rules for what the real tools warn of beyond required fields.

Input: a CheckContext (its records and data model).
Output: invalid-field Diagnostics worded as the tool words them: BibTeX's
standard styles (plain, plainnat, unsrt, alpha, abbrv, apalike) "there's a
number but no volume" and "can't use both author and editor fields", biber's
"Invalid value of field 'volume' must be datatype 'integer'".
Never: read a file or judge an entry by a model the draft does not use
(BibTeX's warnings under the BibTeX model, biber's under biblatex's; "both"
when the model is unknown gets BibTeX's, which is the stricter here).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from relbib.check.context import CheckContext, entry_diag
from relbib.model import Diagnostic

__all__ = ["author_and_editor", "integer_fields", "number_without_volume"]

# the types whose BibTeX function checks "author and editor" with either.or.check
_ONE_OF_AUTHOR_EDITOR = frozenset({"book", "inbook"})
# biblatex's data model: \DeclareDatamodelFields[type=field, datatype=integer]
_INTEGER_FIELDS = ("volume", "volumes")
_INTEGER = re.compile(r"\s*[+-]?\d+\s*\Z")


def _bibtex(ctx: CheckContext) -> bool:
    return ctx.data_model in ("bibtex", "both")


def number_without_volume(ctx: CheckContext) -> Iterator[Diagnostic]:
    """An @article with a number and no volume (BibTeX's format.vol.num.pages)."""
    if not _bibtex(ctx):
        return
    for record in ctx.records:
        fields = record.fields
        if record.type != "article" or not fields.get("number", "").strip() \
                or fields.get("volume", "").strip() or fields.get("crossref", "").strip():
            continue
        yield entry_diag(
            "invalid-field", record, "number",
            f"'{record.key}' has a number but no volume: BibTeX's standard styles warn "
            f"\"there's a number but no volume in {record.key}\"",
            "add volume = {...}; if the journal has no volumes, keep the number and ignore "
            "the warning")


def author_and_editor(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A @book or @inbook with both author and editor: BibTeX's styles print one."""
    if not _bibtex(ctx):
        return
    for record in ctx.records:
        fields = record.fields
        if record.type not in _ONE_OF_AUTHOR_EDITOR or not fields.get("author", "").strip() \
                or not fields.get("editor", "").strip():
            continue
        yield entry_diag(
            "invalid-field", record, "editor",
            f"@{record.type} '{record.key}' has both author and editor: BibTeX's standard "
            f"styles warn \"can't use both author and editor fields in {record.key}\" and "
            "print only the author",
            "keep one of the two; for a chapter in an edited book use @incollection "
            "(author, editor, booktitle)")


def integer_fields(ctx: CheckContext) -> Iterator[Diagnostic]:
    """volume / volumes that are not integers: biber drops them (biblatex's data model)."""
    if ctx.data_model != "biblatex":
        return
    for record in ctx.records:
        for name in _INTEGER_FIELDS:
            value = record.fields.get(name)
            if not value or _INTEGER.match(value):
                continue
            yield entry_diag(
                "invalid-field", record, name,
                f"{name} of '{record.key}' is '{value.strip()}', not an integer: biber warns "
                f"\"Invalid value of field '{name}' must be datatype 'integer' - ignoring "
                "field\" and prints no volume",
                "write the volume as a number (biblatex adds 'Vol.' itself); put anything "
                "else in note = {...}")
