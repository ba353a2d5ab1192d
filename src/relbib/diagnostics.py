"""The table of finding kinds and their stable codes, and a Diagnostic factory.

Input: a kind name, a location and a message.
Output: a :class:`relbib.model.Diagnostic`.
Never: reuse or renumber a code; codes are part of the CLI contract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from relbib.model import Diagnostic, Severity


@dataclass(frozen=True, slots=True, kw_only=True)
class Kind:
    kind: str
    code: str
    severity: Severity
    summary: str


# A suppression comment in a draft or a .bib file, one home for every scanner:
# "% relbib: ignore[RB201, invalid-field]" names codes or kinds; without the
# brackets it silences every finding there.
SUPPRESSION = re.compile(r"relbib:\s*ignore(?:\[(?P<codes>[^\]\n]*)\])?")


def suppressed_codes(match: re.Match[str]) -> frozenset[str]:
    """The codes or kinds a :data:`SUPPRESSION` match names (empty: all of them)."""
    return frozenset(c.strip() for c in (match.group("codes") or "").split(",") if c.strip())


KINDS: dict[str, Kind] = {
    k.kind: k
    for k in (
        Kind(kind="parse-error", code="RB001", severity=Severity.ERROR,
             summary="a .bib, essay or draft cannot be read at some point"),
        Kind(kind="undefined-key", code="RB101", severity=Severity.ERROR,
             summary="a draft cites a key the library lacks"),
        Kind(kind="duplicate-key", code="RB102", severity=Severity.ERROR,
             summary="a key is defined twice"),
        Kind(kind="undefined-string", code="RB103", severity=Severity.ERROR,
             summary="an @string macro is used but never defined"),
        Kind(kind="unused-entry", code="RB201", severity=Severity.WARNING,
             summary="a library entry no checked draft cites"),
        Kind(kind="duplicate-entry", code="RB202", severity=Severity.WARNING,
             summary="two keys are the same work"),
        Kind(kind="missing-field", code="RB203", severity=Severity.WARNING,
             summary="a field the entry type requires is absent"),
        Kind(kind="invalid-field", code="RB204", severity=Severity.WARNING,
             summary="DOI, ISBN/ISSN, year, month, date, pages or URL malformed"),
        Kind(kind="pinpoint-out-of-range", code="RB205", severity=Severity.WARNING,
             summary="a cited page lies outside the entry's page range"),
        Kind(kind="ambiguous-reference", code="RB206", severity=Severity.WARNING,
             summary="a subsequent reference that cannot be resolved to one source"),
        Kind(kind="incomplete-note", code="RB207", severity=Severity.WARNING,
             summary="a note is cut short"),
        Kind(kind="unsupported-citation", code="RB301", severity=Severity.WARNING,
             summary="the cited source supports nothing like this sentence"),
        Kind(kind="conflicting-fact", code="RB302", severity=Severity.WARNING,
             summary="a date or number contradicts a claim the library holds"),
        Kind(kind="uncited-supported-claim", code="RB303", severity=Severity.INFO,
             summary="an uncited sentence states a fact a library source supports"),
        Kind(kind="citation-needed", code="RB304", severity=Severity.INFO,
             summary="an uncited, specific, checkable fact no source supports"),
    )
}


def diagnostic(
    kind: str,
    message: str,
    *,
    path: str = "",
    line: int = 0,
    column: int = 0,
    keys: tuple[str, ...] = (),
    suggestion: str = "",
    severity: Severity | None = None,
    note: int | None = None,
    field: str | None = None,
) -> Diagnostic:
    """A Diagnostic of ``kind`` with its code and default severity.

    Args:
        kind: a kind of the table above (``missing-field``, ``incomplete-note`` ...).
        message: what is wrong, for people.
        path, line, column: where (0 when not known yet).
        keys: the entry keys involved.
        suggestion: how to fix it.
        severity: overrides the kind's default severity.
        note: the note number the finding is about, when it is about a note.
        field: the entry field the finding is about, when it is about one.

    Returns:
        The Diagnostic, with the kind's stable code.
    """
    k = KINDS[kind]
    return Diagnostic(path=path, line=line, column=column, severity=severity or k.severity,
                      code=k.code, kind=kind, message=message, keys=keys,
                      suggestion=suggestion, note=note, field=field)


class InputError(Exception):
    """Unreadable or invalid input: the CLI turns it into exit code 3.

    The message names the file and line and says what is wrong.
    """

    def __init__(self, message: str, *, path: str = "", line: int = 0) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")


class UsageError(InputError):
    """A setting or an option relbib refuses (a directory outside the project,
    ``-o`` onto a device): the CLI turns it into exit code 2."""
