"""Official papers cited by their kind and date: "Despatch dated July 7, 1879." → a FullRef.

Input: the text of one note that the archival reader did not take (no archive,
no shelfmark): a letter, despatch, minute, resolution, proclamation or report
named by its kind and dated, as histories of government print them —
"Minute, dated September 4, 1878.", "Letter of February 18, 1880.",
"Letter from Ann Roe to Lord Kerr, dated Nov. 3, 1875.", "Lord Kerr's letter
to the Queen, dated May 15, 1876.", "Lord Kerr to the Secretary of State.
Letter dated April 9, 1878.", "Report of the Select Committee on Roads, dated
December 12, 1833; paragraph 19.".
Output: an ``unpublished`` entry (``report`` for a report, ``misc`` for papers
laid before a House) with the paper's words as printed for its title, the
writer for its author where a person is named ("Lord Kerr's letter to X" →
author Kerr, title "Letter to X"), the date's year and ISO date, and a
paragraph cited after a semicolon as the pinpoint; else None.
Never: read a paper with no date of its day or month, take prose after the
date for any field, or touch a file.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name, freeze_fields
from relbib.parse.dates import parse_date
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import split_names

__all__ = ["names_dated_paper", "read_dated_paper", "read_named_papers"]

# The kinds of official paper a history cites by date (lower case).
_KINDS = ("letter|despatch|dispatch|minute|resolution|memorandum|memorial|proclamation|declaration"
          "|report|telegram|circular|order|petition|reply|note|papers|speech|address|treaty")
# A date with its month: "Nov. 23, 1875", "May 1888", "12 May 1876", "14th Aug. 1882".
_MONTH = rf"(?:{lexicon.month_pattern('en')})\.?"
_DATE = rf"(?:{_MONTH}\s(?:\d{{1,2}},\s)?|\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH}\s)1[5-9]\d\d"
# The paper, the word that dates it and the date; after it a paragraph cited or the writer's prose.
_DATED = re.compile(
    rf"^(?:See\s)?(?P<paper>[A-Z][^;]{{1,160}}?),?\s(?P<by>dated|of|received(?:\son)?|on)\s(?P<date>{_DATE})"
    rf"(?:;\s(?P<pin>(?:paragraph|para|section|sec)\.?\s\d{{1,4}}))?(?=[.;]|$)"
)
# "Lord Kerr to the Secretary of State. Letter dated …": the writer and addressee before the kind.
_WRITER_FIRST = re.compile(rf"^(?P<title>[A-Z][\w.' ]{{1,60}}?\sto\s[^.]{{2,80}})\.\s(?i:{_KINDS})$")
# "Lord Kerr's letter to the Queen": a person's paper, in the possessive.
_POSSESSIVE = re.compile(rf"^(?P<who>[A-Z][\w.' ]{{1,60}}?)[\u2019']s\s(?P<kind>(?i:{_KINDS}))(?P<rest>\s.*)?$")
# "Letter from Ann Roe to Lord Kerr": the writer after "from".
_FROM = re.compile(rf"^(?i:{_KINDS})\sfrom\s(?P<who>[A-Z][\w.' ]{{1,60}}?)(?:,[^,]{{1,80}},)?\sto\s")
_KIND_WORD = re.compile(rf"\b(?i:{_KINDS})\b")
# Government papers named by their subject and kind, with a year and pages: "Punjab Papers, 1849,
# pp. 16 and 17", "Karauli Blue Book, 1855, p. 3", "First Nagpur Blue Book, p. 56", "Oudh Papers
# (1856)", "Parliamentary Papers (Punjab, 1849), p. 53"; or a paper in them: "Parliamentary Papers.
# Articles of Agreement with the Durbar, 1847, p. 24".
_NAMED = r"(?:[A-Z][\w'-]*+\s){0,4}(?:Papers|Blue\sBook|Correspondence|Returns)"
_PAPERS = re.compile(
    rf"^(?:(?P<series>{_NAMED})\.\s(?P<part>[A-Z][^.;()]{{3,120}}?)|(?P<title>{_NAMED}))"
    r"(?:\s\((?:[A-Z][\w ]{1,30},\s)?(?P<year>1[5-9]\d\d)\)|,\s(?P<year2>1[5-9]\d\d))?"
    r"(?:,\s(?:pp?\.)\s?(?P<pin>\d{1,5}(?:(?:\sand\s|,\s|\s?[-\u2013]\s?)\d{1,5}){0,6}))?\.?$"
)


def read_dated_paper(text: str) -> FullRef | None:
    """The FullRef of an official paper cited by its kind and date, or None (see the module docstring)."""
    m = _DATED.match(text.strip())
    if m is None or m.group("by") == "on" and not m.group("paper").startswith("Papers"):
        return None  # "Report of his death reached Rome on May 3, 1860.": a sentence, no paper
    paper = m.group("paper").strip(" ,")
    writer_first = _WRITER_FIRST.match(paper)
    title, author = (writer_first.group("title"), _person(writer_first.group("title").split(" to ")[0])) \
        if writer_first is not None else _title_and_writer(paper)
    if title is None:
        return None
    year, iso = parse_date(m.group("date"))
    fields: dict[str, FieldValue] = {"title": title, "year": year}
    if iso:
        fields["date"] = iso
    if author:
        fields["author"] = author
    kind = "report" if title.lower().startswith("report") else \
        "misc" if title.lower().startswith("papers") else "unpublished"
    return FullRef(text=text, type=kind, fields=freeze_fields(fields),
                   confidence=MappingProxyType(dict.fromkeys(fields, 1.0)), pinpoint=m.group("pin"))


def read_named_papers(text: str) -> FullRef | None:
    """The FullRef of government papers named by subject and kind ("Punjab Papers, 1849, p. 3"),
    or None: the title, the series a paper is printed in, the year and the pages cited."""
    m = _PAPERS.match(text.strip())
    if m is None or m.group("part") and not (m.group("year") or m.group("year2")):
        return None
    fields: dict[str, FieldValue] = {"title": m.group("title") or m.group("part")}
    if m.group("series"):
        fields["howpublished"] = m.group("series")
    if m.group("year") or m.group("year2"):
        fields["year"] = m.group("year") or m.group("year2")
    return FullRef(text=text, type="misc", fields=freeze_fields(fields),
                   confidence=MappingProxyType(dict.fromkeys(fields, 1.0)),
                   pinpoint=normalize_pinpoint(m.group("pin")) if m.group("pin") else None)


def names_dated_paper(text: str) -> bool:
    """Whether ``text`` is an official paper cited by its kind and date (no comment, whatever
    offices it names: "Letter of the Governor of Kent to the Secretary of State, dated …")."""
    return read_dated_paper(text) is not None


def _title_and_writer(paper: str) -> tuple[str | None, tuple[Name, ...]]:
    """The paper's title and its writer, when the words before the date name a paper."""
    possessive = _POSSESSIVE.match(paper)
    if possessive is not None and not paper.startswith("The "):
        who = _person(possessive.group("who"))
        if who:  # "Lord Kerr's letter to the Queen" → Kerr, "Letter to the Queen"
            return possessive.group("kind").capitalize() + (possessive.group("rest") or ""), who
        return paper, ()  # "Peshawar Commissioner's letter": an office writes
    opening = _KIND_WORD.match(paper) or (_KIND_WORD.search(paper) if paper.startswith("The ") else None)
    if opening is None or len(paper.split()) > 16:
        return None, ()
    sender = _FROM.match(paper)
    return paper, _person(sender.group("who")) if sender is not None else ()


def _person(words: str) -> tuple[Name, ...]:
    """A person named with a title of rank or a given name ("Lord Kerr", "Sir Ian Roe",
    "Benjamin Disraeli"); an office ("Peshawar Commissioner", "the Amir") names no one."""
    first = words.split()[0].lower().strip(".") if words.split() else ""
    if first not in lexicon.person_titles() and first not in lexicon.western_given_names():
        return ()
    return split_names(words)
