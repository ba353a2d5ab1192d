"""Bluebook shapes of American practice: codes cited by name, court rules, cases
in a database or by report alone, and periodicals paginated by issue.

Input: one note's text and its cleaned form (see :func:`relbib.parse.legal.parse_legal`).
Output: a FullRef (``legislation``, ``jurisdiction`` or ``article``), or None
when the note is not that shape.
Never: guess, look at other notes, or touch a file.

* ``Utah Code Ann. § 77-23c-101 (West 2024)``, ``Fed. R. Evid. 702`` → ``legislation``;
* ``Eagle F. v. Doe, No. 3:16-CV-946, 2017 WL 4785792, at *4 (S.D. Ill. Oct. 20,
  2017)`` → ``jurisdiction`` with the docket in ``number``, the database citation
  in ``howpublished``, the star page as pinpoint;
* ``491 U.S. 324, 336 (1989)`` (the case named in the text) → ``jurisdiction``
  without a title;
* ``Author, Title, L. & Contemp. Probs., Autumn 1989, at 133, 174`` → ``article``.
"""

from __future__ import annotations

from relbib.model import FieldValue, Reference
from relbib.parse import legal_patterns as L
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.legal_shared import authors_and_title as _authors_and_title
from relbib.parse.legal_shared import court as _court
from relbib.parse.legal_shared import full as _full
from relbib.parse.legal_shared import set_date as _set_date

__all__ = ["read_bare_report", "read_code", "read_database_case", "read_nonconsecutive"]


def read_code(text: str, clean: str) -> Reference | None:
    """A code by name and section, or a court rule: "Fed. R. Evid. 702" → ``legislation``."""
    m = L.LEGAL_CODE.match(clean)
    if m is not None and not _is_code(m.group("cite"), m.group("paren") or ""):
        m = None  # "Wright & Miller, Federal Practice § 1357 (3d ed.)": a treatise, not a code
    m = m or L.LEGAL_RULE.match(clean)
    if m is None or L.LEGAL_CASE_NAME.search(m.group("cite")):
        return None
    paren = m.group("paren") or ""
    fields: dict[str, FieldValue] = {"title": m.group("cite"), "howpublished": m.group("cite")}
    if paren and not _set_date(fields, paren, ""):
        return None  # "(holding …)" after a section is not a code's parenthetical
    publisher = L.LEGAL_YEAR_WORD.sub("", paren).strip(" ,")
    if publisher:
        fields["publisher"] = publisher  # "(West 2024)", "(Am. L. Inst., Proposed Official Draft 1962)"
    return _full(text, "legislation", fields, None)


def read_database_case(text: str, clean: str) -> Reference | None:
    """ "Eagle F. v. Doe, No. 3:16-CV-946, 2017 WL 4785792, at *4 (S.D. Ill. Oct. 20, 2017)"."""
    m = L.LEGAL_DATABASE_TAIL.search(clean)
    head = clean[: m.start()].strip() if m else ""
    if m is None or not L.LEGAL_CASE_NAME.search(head):
        return None
    fields: dict[str, FieldValue] = {"title": head, "howpublished": m.group("db")}
    if m.group("docket"):
        fields["number"] = m.group("docket").strip()
    _set_date(fields, m.group("paren"), m.group("year"))
    court = _court(m.group("paren"))
    if court:
        fields["note"] = court
    return _full(text, "jurisdiction", fields, m.group("pin"))


def read_bare_report(text: str, clean: str) -> Reference | None:
    """ "491 U.S. 324, 336 (1989)": a case the text names, cited by its report alone."""
    m = L.LEGAL_BARE_REPORT.match(clean)
    if m is None or not L.LEGAL_REPORTER.match(m.group("source")):
        return None
    fields: dict[str, FieldValue] = {"howpublished": f"{m.group('volume')} {m.group('source')} {m.group('first')}"}
    _set_date(fields, m.group("paren"), m.group("year"))
    court = _court(m.group("paren"))
    if court:
        fields["note"] = court
    return _full(text, "jurisdiction", fields, normalize_pinpoint(m.group("pin")))


def _is_code(cite: str, paren: str) -> bool:
    """A code's name ("Utah Code Ann.", "Ann Arbor, Mich., Code of Ordinances"), not a
    treatise's title, and a publisher's parenthetical, not an edition's."""
    words = L.LEGAL_CODE_WORD.findall(cite)
    if not words or L.LEGAL_EDITION.search(paren):
        return False
    return "," not in cite.split("\u00a7")[0] or any(w.startswith(("Code", "Ordinances")) for w in words)


def read_nonconsecutive(text: str, clean: str) -> Reference | None:
    """ "Author, Title, JOURNAL, Autumn 1989, at 133, 174" → ``article``, no volume."""
    m = L.LEGAL_NONCONSECUTIVE.match(clean)
    if m is None or L.LEGAL_CASE_NAME.search(m.group("head")):
        return None
    split = _authors_and_title(m.group("head"))
    if split is None or not split[1]:
        return None
    fields: dict[str, FieldValue] = {"title": split[1], "journal": m.group("journal").strip(),
                                     "pages": m.group("first")}
    if split[0]:
        fields["author"] = split[0]
    _set_date(fields, m.group("date"), L.LEGAL_YEAR_WORD.search(m.group("date")).group(1))  # type: ignore[union-attr]
    return _full(text, "article", fields, normalize_pinpoint(m.group("pin")))
