"""Where a note of history or a bibliography-style note is not cut into citations.

Input: the text around a full stop or a semicolon that relbib.parse.split weighs.
Output: whether the cut would fall inside one citation: an imprint printed as a
sentence of its own, the name of a body leading a bibliography-style note, a
work's authors listed inverted with semicolons between them, or an older note's
imprint or page after a semicolon.
Never: cut or read a note itself (split.py does), or touch a file.
"""

from __future__ import annotations

import re

from relbib.parse.web_notes import publisher_words

__all__ = ["authors_go_on", "imprint_goes_on", "places_go_on", "stop_inside_citation"]

# A bibliography-style imprint as a sentence of its own: "… 19–37. London: Palgrave, 2016."
_IMPRINT = re.compile(r"^[A-Z][\w.'\u2019 -]{1,40}(?:,\s[A-Z][\w.]{1,12})?:\s[^.:;()]{2,80}?,\s(?:1[5-9]|20)\d\d\.?(?:\s|$)")
# A name alone leading a bibliography-style note, its words capitalised: "Habsburg.org",
# "Art Institute of Chicago", "Roe, Jane" (the note's quoted title follows its full stop).
_NAME_LEAD = re.compile(
    r"^[A-Z][\w.'\u2019&-]*,?(?:\s(?:[A-Z][\w.'\u2019&-]*,?|of|the|and|for|de|du|des|für|und|di|del)){0,7}$"
)
# A signal before the names ("Vgl. Roe, Jana; …").
_SIGNAL = r"(?:(?:Vgl\.|vgl\.|Siehe|siehe|See|Cf\.|cf\.)\s)?"
# One person's name inverted, alone before a semicolon, and another after it: German notes
# list a work's authors so ("Roe, Jana; Doe, Jan: Vorwort, in: …").
_INVERTED_NAME = r"[A-ZÄÖÜ][\w'\u2019-]+(?:\s[a-z]{1,3})?,\s[A-ZÄÖÜ][\w.'\u2019-]*(?:\s[A-ZÄÖÜ][\w.'\u2019-]*){0,2}"
# (The names before may be several already joined, or a chapter's editors after "in:".)
# (A remark may come first and end with its full stop: "…unterschieden. Vgl. Roe, Jana; …".)
_INVERTED_NAME_ONLY = re.compile(
    rf"\s*+(?:[^;]{{0,600}}?[a-z\u00df-\u00ff][.?!]\s?)?{_SIGNAL}(?:.{{0,600}}?,\s[Ii]n:\s)?"
    rf"{_INVERTED_NAME}(?:;\s{_INVERTED_NAME})*\s*$"
)
_INVERTED_NAME_OPENS = re.compile(rf"\s*{_INVERTED_NAME}(?:,?\su\.\s?a\.)?(?:;|:|\s\((?:Hg|Hrsg|eds?)\.\))")


# Surnames alone, a short form's authors: "Falk; Lind: Kurztitel, 2015" (the colon after the last).
_SURNAME = r"[A-ZÄÖÜ][\w'\u2019-]+"
_SURNAME_ONLY = re.compile(rf"\s*{_SIGNAL}{_SURNAME}(?:;\s{_SURNAME})*\s*$")
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
    an imprint follows ("… 19–37. London: Palgrave, 2016."), a body's name alone leads
    the quoted title ("Habsburg.org. “Family Tree.” …"), or the title follows an
    author-date head ("Roe, Jane. 2001. Europe Remade, 1815-1914. …")."""
    return bool(_IMPRINT.match(after)) or (bool(_NAME_LEAD.match(before.strip())) and after[:1] in "\u201c\"") or bool(
        _COLON_HEAD.match(before) and not _YEAR.search(before) and _IMPRINT_AHEAD.match(after)) or bool(
        _AUTHOR_DATE_HEAD.match(before.strip()) and _TITLE_OPENS.match(after))


# An author-date entry's head as the note's first sentences: inverted names, a full stop and
# the year ("Roe, Jane and Tom Doe. 2001"); a title (a capital, a quote or italic mark) follows.
_AUTHOR_DATE_HEAD = re.compile(
    rf"(?:(?:See|Cf\.)\s)?{_INVERTED_NAME}(?:,?\s(?:and|&)\s[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){{0,3}})?"
    rf"\.\s(?:1[5-9]|20)\d\d[a-z]?"
)
_TITLE_OPENS = re.compile(r"\s?[\u201c\"*_]?[A-Z]")


def authors_go_on(text: str, piece: tuple[int, int], start: int) -> bool:
    """Whether the semicolon closing ``piece`` parts two authors of one work ("Roe, Jane;
    Doe, John: Title"), the text after it starting at ``start``."""
    return bool(_INVERTED_NAME_ONLY.match(text, piece[0], piece[1]) and _INVERTED_NAME_OPENS.match(text, start)) or bool(
        _SURNAME_ONLY.match(text, piece[0], piece[1]) and _SURNAMES_OPEN.match(text, start))


# An imprint's places parted by a semicolon, as library catalogues print them ("… 1815-1914.
# Oxford ; New York, Oxford University Press. 8"): a place alone as the last sentence before
# it, and after it another place, then a comma or colon and the publisher, up to a full stop.
_PLACE = r"[A-Z][\w'\u2019.-]{1,20}(?:\s[A-Z][\w'\u2019.-]{1,20}){0,2}"
_PLACE_ENDS = re.compile(rf"\.[*_]?\s{_PLACE}\s*$")
_PLACE_OPENS = re.compile(rf"\s*{_PLACE}\s?[,:]\s(?P<publisher>[^.;:()]{{2,80}})")


def places_go_on(text: str, piece: tuple[int, int], start: int) -> bool:
    """Whether the semicolon closing ``piece`` parts two places of one imprint: the piece
    ends with a place as a sentence of its own and the text at ``start`` goes on with
    another place and a publisher (a word of lexicon/data/publisher_words.txt, or "Place:
    Publisher, 2016")."""
    if not _PLACE_ENDS.search(text[max(piece[0], piece[1] - 200):piece[1]]):
        return False
    m = _PLACE_OPENS.match(text, start)
    if m is None:
        return False
    words = {w.strip(".,'\u2019&").lower() for w in m.group("publisher").split()}
    return bool(words & publisher_words()) or bool(_IMPRINT.match(text[start:start + 300].lstrip()))


# After an italic title and a semicolon, its imprint ("*Title*; Nancy, 1896, p. 129"); after a
# citation with no page, its page alone ("…, French translation by Roe, 1891; p. 40."): older
# books' notes part them so.
_IMPRINT_AFTER_TITLE = re.compile(r"\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s(?:1[5-9]\d\d|20\d\d)\b")
_PAGE_ALONE = re.compile(r"\s*pp?\.\s?\d{1,5}(?:\s?(?:[-\u2013]|,)\s?\d{1,5})*\.?\s*$")
_NUMBER = re.compile(r"\d+")
_YEAR_ONLY = re.compile(r"1[4-9]\d\d|20\d\d")


def imprint_goes_on(text: str, piece: tuple[int, int], start: int, end: int) -> bool:
    """Whether the semicolon closing ``piece`` parts a citation from its own imprint or page (see above)."""
    before = text[piece[0]:piece[1]].rstrip()
    if before.endswith("*") and _IMPRINT_AFTER_TITLE.match(text, start):
        return True
    if _PAGE_ALONE.fullmatch(text, start, end) is None or "*" not in before:
        return False
    return all(_YEAR_ONLY.fullmatch(n) for n in _NUMBER.findall(before[before.rindex("*"):]))  # no page cited yet
