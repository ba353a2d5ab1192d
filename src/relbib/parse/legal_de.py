"""German and Swiss legal notes: a decision by its court and a law journal, a
commentary by its work and commentator, a statute by its title and official
collection.

Input: the text of one note (signals already split off, spaces normalised).
Output: a FullRef of type ``jurisdiction``, ``incollection`` or ``legislation``;
None for anything else.
Never: guess — a note is read only when every piece of it is placed; read a
commentary whose work names no code of lexicon/data/codes.tsv (a textbook by two
authors, "Roe/Doe, Lehrbuch, 2. Aufl. 2015, Rn. 4", is a book); look at other
notes; touch a file.

The shapes:

* decision: ``BGH NJW 1987, 456 (458)`` / ``OLG Celle NJW-RR 2003, 77 Rn. 12`` (the
  court from lexicon/data/courts.tsv, then the journal, year and first page; the page
  cited in brackets, after a comma, or a margin number) — the journal's place is
  ``howpublished``, as the decisions of relbib.parse.continental hold it;
* commentary: ``MüKoBGB/Lindner, 9. Aufl. 2023, § 906 Rn. 14`` / ``Kern/Roth, BGB,
  41. Aufl. 2022, § 12 Rn. 3`` — the commentator is the author, the provision
  commented on the title, the margin number the page cited (the manner of
  ``Roe, in: Werk, 8. Aufl. 2020, § 823 Rn. 5``, which the general readers take);
* statute: ``Bundesgesetz vom 3. März 1971 über die Fischerei (FiG; SR 923.5)`` /
  ``Gesetz über X vom 12. Mai 1962 (BGBl. I S. 301)``, a provision before it
  ``Art. 4 Abs. 2 des Bundesgesetzes … (FWG; SR 704)`` (the title as printed).
"""

from __future__ import annotations

import re
from functools import cache

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.legal_shared import court_abbreviations, first_reading

__all__ = ["read_german_law"]

# A law journal's abbreviation: "NJW", "NJW-RR", "GRUR-Int", "ZUM", "JZ".
_JOURNAL = r"(?P<journal>[A-Z][A-Za-z]{1,6}(?:-[A-Z][A-Za-z]{0,3})?)"
# The page cited after the first page: "(458)", ", 458", " Rn. 12".
_CITED = r"(?:\s\((?P<pin>\d{1,5})\)|,\s(?P<pin2>\d{1,5})|,?\s(?P<rn>Rn\.\s\d{1,4}(?:\s?ff?\.)?))?"
# "Rn. 14", "Rdnr. 3", "Rz. 9", "N 12": a margin number of a commentary.
_MARGIN = r"(?:Rn|Rdnr|Rz)\.\s?\d{1,4}(?:\s?ff?\.)?|N\.?\s\d{1,4}(?:\s?ff?\.)?"
# "§ 906", "§§ 12 ff.", "Art. 5": the provision commented on, its code after it maybe.
_PROVISION = r"(?:§§?|Art\.)\s\d{1,4}[a-z]?(?:\s?ff?\.)?(?:\s(?:Abs\.|S\.)\s\d{1,3})*(?:\s[A-Z][A-Za-z]{1,8})?"
_COMMENTARY = re.compile(
    r"^(?P<work>[A-Z\u00c4\u00d6\u00dc][\w\u00e4\u00f6\u00fc.-]{1,30}(?:\s[A-Z][\w.-]{1,10})?)/"
    r"(?P<author>[A-Z\u00c4\u00d6\u00dc][\w'\u00e4\u00f6\u00fc\u00df-]{1,30}),\s(?:(?P<code>[A-Z][\w-]{1,10}),\s)?"
    rf"(?P<edition>\d{{1,3}})\.\s(?:Aufl\.|Ed\.|Edition)\s(?P<year>1[89]\d\d|20\d\d),\s(?P<provision>{_PROVISION}),?\s(?P<margin>{_MARGIN})$"
)
# "vom 3. März 1971", "vom 20.12.1968", "vom 12. Mai 1962": the act's date in its title.
_DATE = r"vom\s(?:\d{1,2}\.\s?(?:\d{1,2}\.\s?|[A-Z\u00c4-\u00dc][a-z\u00e4]{2,9}\s))?(?P<year>1[6-9]\d\d|20\d\d)"
# Its official collection after it: "(FiG; SR 923.5)", "(BGBl. I S. 301)", "(AS 2004 4937)".
# (a wiki's link around the short name kept: "([[FiG]]; SR 923.5)")
_COLLECTION = (r"\((?:\[{0,2}(?P<abbr>[A-Z\u00c4\u00d6\u00dc][\w\u00e4\u00f6\u00fc-]{1,12})\]{0,2};\s)?"
               r"(?:SR\s\d{1,4}(?:\.\d{1,4}){0,3}|BGBl\.\s(?:I{1,3}\s)?S\.\s\d{1,5}|AS\s\d{4}\s\d{1,5})\)")
_STATUTE = re.compile(
    r"^(?:(?P<provision>(?:Art\.|§)\s\d{1,4}[a-z]?(?:\s(?:Abs\.|Ziff\.|lit\.|Satz|S\.|Nr\.)\s\w{1,4}){0,3})\s(?:des|der)\s)?"
    rf"(?P<title>[A-Z\u00c4\u00d6\u00dc][^()]{{3,200}}?)\s{_COLLECTION}$"
)


# The genitive of an act's noun after "des": "Gesetzes", "Bundesgesetzes", "Übereinkommens",
# "Vertrages", "Beschlusses" → "Gesetz", "Übereinkommen", "Vertrag", "Beschluss".
_GENITIVE = re.compile(r"^(?P<stem>\w*(?:[Gg]esetz|[Vv]ertrag|[Bb]eschluss|[Kk]ommen))e?s\b")


@cache
def _decision() -> re.Pattern[str]:
    courts = court_abbreviations()
    # the court, maybe its seat ("OLG Celle", "LG Frankfurt a. M."), then the journal's place
    return re.compile(
        rf"^(?P<court>(?:{courts})(?:\s[A-Z\u00c4\u00d6\u00dc][a-z\u00e4\u00f6\u00fc\u00df]{{2,20}}(?:\sa\.\s?M\.)?)?)"
        rf",?\s{_JOURNAL}\s(?P<year>1[89]\d\d|20\d\d),\s(?P<first>\d{{1,5}}){_CITED}$"
    )


def read_german_law(text: str) -> FullRef | None:
    """The decision, commentary or statute the German note ``text`` cites (see the
    module docstring), or None."""
    return first_reading(text, (_read_decision, _read_commentary, _read_statute), normalize_pinpoint)


def _read_decision(text: str) -> tuple[str, dict[str, FieldValue], str | None] | None:
    m = _decision().match(text)
    if m is None:
        return None
    report = f"{m.group('journal')} {m.group('year')}, {m.group('first')}"
    fields: dict[str, FieldValue] = {"title": f"{m.group('court')}, {report}", "institution": m.group("court"),
                                     "howpublished": report, "year": m.group("year")}
    return "jurisdiction", fields, m.group("pin") or m.group("pin2") or m.group("rn")


def _read_commentary(text: str) -> tuple[str, dict[str, FieldValue], str | None] | None:
    m = _COMMENTARY.match(text)
    if m is None:
        return None
    work, code = m.group("work"), m.group("code")
    codes = lexicon.code_abbreviations()
    if not (code in codes or any(work.endswith(c) and len(work) > len(c) for c in codes if len(c) >= 2)):
        return None  # "Roe/Doe, Lehrbuch, 2. Aufl. 2015, § 4 Rn. 2": a textbook by two authors
    fields: dict[str, FieldValue] = {
        "author": (Name(family=m.group("author"), given=""),), "title": m.group("provision"),
        "booktitle": f"{work}, {code}" if code else work, "edition": m.group("edition"), "year": m.group("year")}
    return "incollection", fields, m.group("margin")


def _read_statute(text: str) -> tuple[str, dict[str, FieldValue], str | None] | None:
    m = _STATUTE.match(text)
    if m is None:
        return None
    title = m.group("title").strip()
    if m.group("provision"):  # "Art. 4 des Bundesgesetzes über …": the act by its own name
        title = _GENITIVE.sub(lambda g: g.group("stem"), title, count=1)
    fields: dict[str, FieldValue] = {"title": title}
    date = re.search(_DATE, m.group("title"))
    if date is not None:
        fields["year"] = date.group("year")
    if m.group("abbr"):
        fields["shorttitle"] = m.group("abbr")
    return "legislation", fields, m.group("provision")
