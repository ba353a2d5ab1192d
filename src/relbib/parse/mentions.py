"""A piece of a note that reads as prose → whether it still shows a citation's marks.

Input: the text of one piece of a note (see ``split.read_note``), or the text
either side of a cut ``split`` weighs.
Output: ``cited_in_prose(text)``, whether a mark in it shows a citation, not a
mention: the marks of ``split_patterns.STRONG_IN_PROSE``, except that a title
in italics counts only in a citation's place (opening the piece or after
"Author, ", and followed by a comma, a full stop or a parenthesis of
publication facts) or followed by a publication fact ("*Title* (London,
1990)"), and a parenthesis holding only a run of years ("*Vikings*
(2013–2020)", "(2012–)": the years a series ran) counts not at all.
``without_sums(text)``: the text with its sums of money blanked ("$60,000");
``sums_only(text)``: whether those sums are its only marks.
``mention_only(text)``: whether it only mentions works in italics, with no
other mark; ``italic_title_opens(text)``: whether an italic title with its facts opens it;
``et_al_opens(text)``: whether "Roe et al., " / "Roe u. a., " opens it;
``question_in_title(before, after, opens_with_author)``: whether the "?"
closing ``before`` ends a question inside a title ("Roe u. a., Why Do We
Vote? Ten Essays"), not a sentence; ``next_citation(before, after,
opens_with_author)``: whether ", and" between ``before`` and ``after`` parts two
citations ("Smith, Empire, 40, and Jones, …", "9 Geo. III, c. 39, and 21 Geo.
III, c. 29", "*First Report 1917*, and *Second Report, 1921*").
Never: call a piece with a page, a quoted title in a title's place, a URL or a
case name a mention; look at other pieces; touch a file.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from relbib import lexicon
from relbib.parse.commentary import prose, publication_fact, year_run
from relbib.parse.split_patterns import CITES, SIGNAL, STRONG_IN_PROSE

__all__ = ["cited_in_prose", "et_al_opens", "italic_title_opens", "mention_only", "next_citation",
           "question_in_title", "quoted_phrases_only", "sums_only", "without_sums"]

_YEAR = r"(?:1[4-9]\d\d|20\d\d)"
# What stands before a title in a citation's place: nothing, or "Author, ", "…: ", ", in ",
# "his book entitled ", an author's possessive opening the piece ("Roe’s *Title*").
_TITLE_PLACE = re.compile(r"[,:.]\s(?:(?:in|In)\s)?[*_]{0,2}$|\b(?:entitled|titled)\s[*_]{0,2}$"
                          r"|^(?:[A-Z][\w.-]*\s){0,3}[A-Z][\w-]+[\u2019']s\s[*_]{0,2}$")  # "Roe’s *Title*" opening the piece
# What follows a title in a citation's place: a comma, a full stop, a colon, the end.
_TITLE_CLOSES = re.compile(r"[,.:;]|\s?$|\s(?:by|ed\.|eds\.|edited|trans\.|translated)\s")
# A parenthesis right after the title, and what follows the title's comma.
_PAREN_AFTER = re.compile(r"\s?\((?P<inner>[^()]{1,200})\)")
_CLAUSE_AFTER = re.compile(r",\s(?P<clause>[^,;]{1,80})")
# An italic run opening with a word in lower case: emphasis inside a quotation, not a title.
_EMPHASIS = re.compile(r"[*_]{1,2}[a-z\u00df-\u00ff]{2,}[\s,;:.*_]")
_SINGLE_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
# "$60,000", "£ 5", "€1.2m", "US$ 300": a sum of money is no citation's number.
_SUM = re.compile(r"(?:US)?[$£€¥]\s?\d{1,3}+(?:[,.]\d{1,3}+){0,5}+(?:\s?(?:m|bn|k|million|billion)\b)?")


def without_sums(text: str) -> str:
    """``text`` with its sums of money blanked (see the module docstring)."""
    return _SUM.sub(" ", text)


def sums_only(text: str) -> bool:
    """Whether the only marks of a citation in ``text`` are sums of money ("received $40,000")."""
    return _SUM.search(text) is not None and CITES.search(without_sums(text)) is None


def cited_in_prose(text: str) -> bool:
    """Whether a piece of prose shows a citation's marks (see the module docstring)."""
    for m in STRONG_IN_PROSE.finditer(text):
        mark = m.group()
        if _DAY_MARK.fullmatch(mark):
            continue  # "30 May 1900": a day the sentence tells of, not a reporter's volume and page
        if mark.startswith("*"):
            if _italic_cites(text, m.start(), m.end()):
                return True
        elif not (mark.startswith("(") and (year_run(mark) or _CAPTION.match(mark))):
            return True
    return False


# A work named in brackets by its title in italics, then its year and more ("(*Title*, 1930,
# North Hall)", "(*Vertigo*, 1958)"): a painting or a film the sentence talks about, no facts
# of publication.
_CAPTION = re.compile(r"\(\s?[*_][^*_()]{1,120}+[*_],\s[^()]{0,120}+\)")


def without_captions(text: str) -> str:
    """``text`` without the captions of works it names in brackets ("(*Title*, 1930, North Hall)")."""
    return _CAPTION.sub(" ", text)


# A day ("30 May 1", read on as a number, a name and a number).
_DAY_MARK = re.compile(rf"\d{{1,2}}\s(?:{lexicon.month_pattern('en')})\.?\s\d")


def _italic_cites(text: str, start: int, end: int) -> bool:
    """A title in italics at text[start:end] in a citation's place, or followed by a fact;
    a run that opens with a word in lower case is emphasis ("*but he points to that*")."""
    if _EMPHASIS.match(text, start):
        return False
    after = text[end:]
    facts = _facts_follow(after)
    if facts is not None:
        return facts
    before = text[:start].lstrip()
    return bool((not before or _TITLE_PLACE.search(before)) and _TITLE_CLOSES.match(after))


def _facts_follow(after: str) -> bool | None:
    """Whether a parenthesis after a title holds its facts ("(London, 1990)", not "(2013–2020)"
    nor "(36 episodes)"), or its comma a clause with one ("*Title*, ed. Jane Roe"); None when
    neither a parenthesis nor such a clause follows."""
    paren = _PAREN_AFTER.match(after)
    if paren is not None:
        inner = paren.group("inner")
        return not year_run(paren.group()) and (publication_fact(inner) or _SINGLE_YEAR.search(inner) is not None)
    clause = _CLAUSE_AFTER.match(after)
    return True if clause is not None and publication_fact(clause.group("clause")) else None


def mention_only(text: str) -> bool:
    """Whether ``text`` only mentions works in italics: none stands in a citation's place or
    before its facts, and it shows no other mark of a citation ("The argument of *Title* is
    the same.")."""
    italics = [m for m in STRONG_IN_PROSE.finditer(text) if m.group().startswith("*")]
    if not italics or any(_italic_cites(text, m.start(), m.end()) for m in italics):
        return False
    return CITES.search(without_sums(_ITALIC.sub(" ", text))) is None


# A quotation in a note's prose: a phrase quoted after a word in lower case ("in addition to
# “escape from toil,” distinguishes “quiet labour” as …"), or a quotation opening a sentence
# that goes on in prose ("“Love of work” becomes …", "“…,” I read in a paper"): words quoted
# in a sentence, not a title in a citation's place.
_ANY_QUOTE = re.compile(r"[\u201c\"][^\u201c\u201d\"]{1,2000}[\u201d\"]")
_LOWER_BEFORE = re.compile(r"(?:^|\s)(?P<word>[a-z]{2,}),?\s$")
_PROSE_AFTER = re.compile(r",?\s(?P<word>I|[a-z]{2,})\b")
# Words a quoted title follows in prose ("a post on “Title”", "his essay entitled “Title”"),
# and words that go on with a citation after its quoted title ("“Title” in *Book*", "“Title,” ed. Roe").
_TITLE_WORDS_BEFORE = frozenset("in on of about entitled titled called see".split())
_CITATION_GOES_ON = frozenset("in by ed eds trans tr edited translated accessed available retrieved "
                              "published printed reprinted pp vol no".split())


def quoted_phrases_only(text: str) -> bool:
    """Whether every quotation in ``text`` is quoted inside a sentence of prose (see above)
    and nothing else in it marks a citation."""
    quotes = list(_ANY_QUOTE.finditer(text))
    if not quotes or not all(_phrase(text, m) for m in quotes):
        return False
    return CITES.search(without_sums(_ANY_QUOTE.sub(" ", text))) is None


def _phrase(text: str, m: re.Match[str]) -> bool:
    before = _LOWER_BEFORE.search(text, 0, m.start())
    if before is not None:
        return before.group("word") not in _TITLE_WORDS_BEFORE
    after = _PROSE_AFTER.match(text, m.end())
    return not text[: m.start()].strip(" .") and after is not None and after.group("word") not in _CITATION_GOES_ON


# "Sandri et al., " / "Roe u. a., ": an author and "and others" opening a citation.
_ET_AL_OPENS = re.compile(
    r"[A-Z][\w'\u2019-]{1,30}(?:\s[A-Z][\w'\u2019-]{1,30}){0,3}\s(?:u\.\s?a\.|et\sal\.|e\.\s?a\.|and\sothers),\s"
)
# The question after the author's comma or colon: "…, Why Do We Vote?" (read on the last 160 characters).
_QUESTION = re.compile(r"[,:]\s[^,:;.?!]{2,150}\?$")
_SENTENCE = re.compile(r"(?<=[.?!])\s")
_TITLE_WORDS = 30
_ITALIC_OPENS = re.compile(r"\*[^*\s][^*]{1,200}+\*")
_ITALIC = re.compile(r"\*[^*]{1,300}+\*")


def italic_title_opens(text: str) -> bool:
    """Whether a title in italics opens ``text`` in a citation's place, followed by its
    facts ("*Title* (London, 1990), 45", "*Title*, ed. Jane Roe"): after a prose lead-in."""
    m = _ITALIC_OPENS.match(text)
    return m is not None and (bool(_facts_follow(text[m.end():])) or _ISSUE_DATE.match(text, m.end()) is not None)


# A periodical's issue after its name: ", May 1966", ", 3 June 1900", ", March 3, 1911".
_ISSUE_DATE = re.compile(rf",\s(?:\d{{1,2}}\s)?(?:{lexicon.month_pattern('en')})\.?\s(?:\d{{1,2}},\s)?\d{{4}}\b")


def et_al_opens(text: str) -> bool:
    """Whether an author and "and others" open ``text`` ("Roe u. a., Title", "Roe et al., Title")
    before a title of a sentence's length at most: a citation's place, whatever follows."""
    m = _ET_AL_OPENS.match(text.lstrip(" *_"))
    return m is not None and 2 <= len(text[m.end():].split()) <= _TITLE_WORDS


def question_in_title(before: str, after: str, opens_with_author: Callable[[str], bool]) -> bool:
    """Whether the "?" closing ``before`` ends a title's question (see the module docstring):
    the piece opens with an author, the question follows the author's comma or colon, and
    the sentence after it reads as no prose."""
    body = before.strip().lstrip("*_")
    signal = SIGNAL.match(body)
    body = body[signal.end():] if signal else body
    if not body.endswith("?") or not (_ET_AL_OPENS.match(body) or opens_with_author(body)):
        return False
    return _QUESTION.search(body[-160:]) is not None and not prose(_SENTENCE.split(after, maxsplit=1)[0])


# "21 Geo. III, c. 29": an act of a session by its regnal year opening a citation.
_ACT_OPENS = re.compile(r"\d{1,3}\s(?:&\s\d{1,3}\s)?[A-Z][a-z]{1,6}\.?\s[IVX]{1,5},?\s(?:c|cc|cap)\.\s?\d")


def next_citation(before: str, after: str, opens_with_author: Callable[[str], bool]) -> bool:
    """Whether ", and" after ``before`` opens another citation in ``after`` (see the module
    docstring): after a number, an author or an act follows; after a title in italics that
    opened a piece that reads as no prose, another title in italics follows."""
    if before.endswith("*"):
        return after.startswith("*") and before.lstrip(" ,;\u00a0").startswith("*") and not prose(before)
    return opens_with_author(after) or _ACT_OPENS.match(after) is not None


# A lead-in that opens with a writer's full name and a verb ("Ada Marlow analyzes the painting
# in", "Ivo de Sand discusses it in"): the writer of the work the sentence goes on to cite.
_AUTHOR_LEAD = re.compile(
    r"^(?P<name>[A-Z][\w'\u2019-]{1,30}(?:\s(?:[A-Z]\.|[A-Z][\w'\u2019-]{1,30}|de|van|von)){1,3})"
    r"\s(?:also\s)?(?P<verb>[a-z]{3,20}(?:s|ed))\s"
)


def lead_author(lead: str) -> str | None:
    """The writer a prose lead-in names before its verb ("Ada Marlow analyzes … in"), or None."""
    m = _AUTHOR_LEAD.match(lead)
    return m.group("name") if m is not None else None
