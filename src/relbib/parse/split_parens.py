"""Parentheses that close a piece of a note: explanations to drop, sources to keep.

Input: a note's text and the span of one piece of it (parse/split.py cuts them).
Output: the piece's end without its closing explanatory parentheticals ("(holding
that …)", "(emphasis added)"), and the span of the source a sentence of prose names in
its closing parenthesis ("… the fleet (Calendar of State Papers, 1667, p. 185).").
Never: read the citation itself, or change the text.
"""

from __future__ import annotations

import re

from relbib.parse.commentary import prose as _prose

# Closing explanatory parentheticals: "(holding that …)", "(emphasis added)".
_PAREN_WORD = re.compile(r"\((?:(?P<word>[a-z][a-z]+)|(?<=[)\d]\s\()(?P<quote>[\u201c\"]))")
# (An access date, "(last visited May 3, 2020)", is the citation's urldate.)
_KEPT_PAREN_WORDS = frozenset({"trans", "ed", "eds", "repr", "forthcoming", "n", "nn", "on", "in",
                               "last", "accessed", "visited", "retrieved", "viewed", "consulted",
                               # a paper given, not published: "(paper presented at …)"
                               "paper", "lecture", "talk", "poster", "address", "keynote",
                               # a case's date, its report still to come: "(decided June 27, 2005)"
                               "decided", "argued", "filed",
                               # a paper's series: "(working paper no. 12, Bureau of X, 2002)"
                               "working", "discussion", "unpublished"})


def strip_parentheticals(text: str, start: int, end: int) -> int:
    """The end of the piece without its closing explanatory parentheticals."""
    while True:
        body = text[start:end].rstrip(" .,")
        if not body.endswith(")"):
            return end
        opening = _opening_paren(body)
        if opening is None:
            return end
        m = _PAREN_WORD.match(body, opening)  # a quotation explains after a year or page: "5 (2002) (“…”)"
        if m is None or m.group("word") in _KEPT_PAREN_WORDS or opening == 0 or _SEE_SOURCE.match(body, opening):
            return end
        end = start + len(body[:opening].rstrip())


# What a parenthesis closing a sentence of prose holds when it names the
# source: a capitalised title or name, a comma, then a year or a page
# ("… the Dutch fleet (Calendar of State Papers, 1667, p. 185).").
_PAREN_SOURCE = re.compile(
    r"^[\u201c\"\u2018*_]?[A-Z](?>[^()]{2,200}?,\s)[^()]*?(?:(?<!\d)(?:1[4-9]\d\d|20\d\d)(?!\d)"
    r"|\b(?:pp?|col|vol|fol|fo)\.\s?[\divxlc]+)[^()]*$"
)


def cited_in_parenthesis(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the source a sentence of prose names in its closing
    parenthesis, or the piece's own span when it names none there."""
    body = text[start:end].rstrip(" .,;")
    if not body.endswith(")"):
        return start, end
    opening = _opening_paren(body)
    if opening == 0 and re.search(r"[.?!]\)$", body):
        return start + 1, start + len(body) - 1  # a sentence of its own in brackets: "(Roe, Title, 4.)"
    see = _SEE_SOURCE.match(body, opening) if opening else None  # "(see Calendar …, p. 83)"
    opening = see.end() - 1 if see else opening
    inner = body[opening + 1 : -1] if opening else ""
    if (not opening or not _prose(body[:opening]) or not _PAREN_SOURCE.match(inner) or _DATE_ONLY.match(inner)
            or _ACCESS_WORD.match(inner)):
        return start, end
    return start + opening + 1, start + len(body) - 1


# "(see Calendar of State Papers, 1667, p. 83)": a parenthesis pointing to a source.
_SEE_SOURCE = re.compile(r"\((?:see|cf\.)\s(?:also\s)?(?=[A-Z\u201c\u2018*_][^()]{0,200}\b(?:pp?|vol|col|fol)\.\s?[\divxlc])")
# "(Accessed May 3, 2020)": nor does the date the reader saw a page.
_ACCESS_WORD = re.compile(r"(?i)(?:last\s)?(?:visited|accessed|retrieved|viewed|consulted|updated|modified)\b")
# "(Jan. 23, 2018)": a date closing a citation names no source of its own.
_DATE_ONLY = re.compile(r"[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4}$")


def _opening_paren(body: str) -> int | None:
    depth = 0
    for i in range(len(body) - 1, -1, -1):
        if body[i] == ")":
            depth += 1
        elif body[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return None
