"""Where a note of history or a bibliography-style note is not cut into citations.

Input: the text around a full stop or a semicolon that relbib.parse.split weighs.
Output: whether the cut would fall inside one citation: an imprint printed as a
sentence of its own, the name of a body leading a bibliography-style note, or a
work's authors listed inverted with semicolons between them.
Never: cut or read a note itself (split.py does), or touch a file.
"""

from __future__ import annotations

import re

__all__ = ["authors_go_on", "stop_inside_citation"]

# A bibliography-style imprint as a sentence of its own: "… 19–37. London: Palgrave, 2016."
_IMPRINT = re.compile(r"^[A-Z][\w.'\u2019 -]{1,40}(?:,\s[A-Z][\w.]{1,12})?:\s[^.:;()]{2,80}?,\s(?:1[5-9]|20)\d\d\.?(?:\s|$)")
# A name alone leading a bibliography-style note, its words capitalised: "Habsburg.org",
# "Art Institute of Chicago", "Roe, Jane" (the note's quoted title follows its full stop).
_NAME_LEAD = re.compile(
    r"^[A-Z][\w.'\u2019&-]*,?(?:\s(?:[A-Z][\w.'\u2019&-]*,?|of|the|and|for|de|du|des|für|und|di|del)){0,7}$"
)
# One person's name inverted, alone before a semicolon, and another after it: German notes
# list a work's authors so ("Prinz, Claudia; Hohls, Rüdiger: Vorwort, in: …").
_INVERTED_NAME = r"[A-ZÄÖÜ][\w'\u2019-]+(?:\s[a-z]{1,3})?,\s[A-ZÄÖÜ][\w.'\u2019-]*(?:\s[A-ZÄÖÜ][\w.'\u2019-]*){0,2}"
# (The names before may be several already joined, or a chapter's editors after "in:".)
_INVERTED_NAME_ONLY = re.compile(
    rf"\s*(?:(?:Vgl\.|vgl\.|Siehe|siehe|See|Cf\.|cf\.)\s)?(?:.{{0,600}}?,\s[Ii]n:\s)?"
    rf"{_INVERTED_NAME}(?:;\s{_INVERTED_NAME})*\s*$"
)
_INVERTED_NAME_OPENS = re.compile(rf"\s*{_INVERTED_NAME}(?:,?\su\.\s?a\.)?(?:;|:|\s\((?:Hg|Hrsg|eds?)\.\))")


# Surnames alone, a short form's authors: "Falk; Lind: Kurztitel, 2015" (the colon after the last).
_SURNAME = r"[A-ZÄÖÜ][\w'\u2019-]+"
_SURNAME_ONLY = re.compile(rf"\s*(?:(?:Vgl\.|vgl\.|Siehe|siehe|See|Cf\.|cf\.)\s)?{_SURNAME}(?:;\s{_SURNAME})*\s*$")
_SURNAMES_OPEN = re.compile(rf"\s*{_SURNAME}(?:;\s{_SURNAME})*:\s")


# A German note in the sentence manner: its authors and a colon open it ("Roe, Jane: …", "Jane
# Roe/ John Doe: …"), and its imprint closes it ("… Wien: Verlag 1978", "… transcript 2017");
# a full stop between them, before any year, is inside the citation ("vom 17. Jahrhundert").
_CAP = r"[A-ZÄÖÜ][\w'\u2019-]{1,30}"
_COLON_HEAD = re.compile(
    rf"^\s*(?:(?:Vgl\.|vgl\.|Siehe|siehe)\s)?(?:{_CAP},\s{_CAP}(?:\s{_CAP})?|{_CAP}(?:\s{_CAP}){{1,3}})"
    rf"(?:\s?/\s?(?:{_CAP},\s{_CAP}(?:\s{_CAP})?|{_CAP}(?:\s{_CAP}){{1,3}})){{0,4}}:\s"
)
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_IMPRINT_AHEAD = re.compile(r"^[^:;]{0,300}?(?:\.\s|:\s)[^.:;]{1,60}?\s(?:1[5-9]|20)\d\d(?:[.,]|$)")


def stop_inside_citation(before: str, after: str) -> bool:
    """Whether the full stop between ``before`` and ``after`` stands inside one citation:
    an imprint follows ("… 19–37. London: Palgrave, 2016."), or a body's name alone leads
    the quoted title ("Habsburg.org. “Family Tree.” …")."""
    return bool(_IMPRINT.match(after)) or (bool(_NAME_LEAD.match(before.strip())) and after[:1] in "\u201c\"") or bool(
        _COLON_HEAD.match(before) and not _YEAR.search(before) and _IMPRINT_AHEAD.match(after))


def authors_go_on(text: str, piece: tuple[int, int], start: int) -> bool:
    """Whether the semicolon closing ``piece`` parts two authors of one work ("Roe, Jane;
    Doe, John: Title"), the text after it starting at ``start``."""
    return bool(_INVERTED_NAME_ONLY.match(text, piece[0], piece[1]) and _INVERTED_NAME_OPENS.match(text, start)) or bool(
        _SURNAME_ONLY.match(text, piece[0], piece[1]) and _SURNAMES_OPEN.match(text, start))
