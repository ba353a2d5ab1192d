"""Bluebook small capitals printed as CAPITALS → title case.

Input: the text of one piece of a note ("ADRIAN VERMEULE, LAW'S EMPIRE 35
(2016)", "Jane Roe, Title, 98 CAL. L. REV. 45 (2010)", "…, BUS. INSIDER (May
2, 2019)").
Output: the same text with each run of small capitals in title case ("Adrian
Vermeule, Law's Empire", "Cal. L. Rev.", "Bus. Insider"): the Bluebook's
typeface convention means the words, not the capitals.
Never: change an acronym standing alone ("NATO", "U.S.C.", "U.N.T.S."), the
capitals inside a title in upper and lower case ("Linked Art JSON-LD API
Specification"), or touch a file.

A run of two or more capitalised words counts when four capitals follow its
start before any lowercase letter (a word of small capitals), or when it holds
an abbreviated word of three capitals or more ("CAL.", "REV.", "CHI."): a
periodical's abbreviated name.  One word of five capitals or more counts in a
periodical's place, before its date or URL (", POLITICO (May 2, 2019)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from relbib.lexicon import court_abbreviations

__all__ = ["title_case_small_caps"]

# A run of two or more words in capitals.
_CAPS_WORD = r"[A-Z][A-Z'\u2019.&-]{0,50}[:,]?"  # bounded: a start in every word is linear
# (The four letters are looked for by ``title_case_small_caps``, not by a lookahead
# here: one that runs on to the next lowercase letter from every start is quadratic.)
# Words and "&" in capitals, one space apart, read possessively: a run is read once
# (``_caps_runs`` then drops a last "&" or a word a letter runs on from).
_CAPS_TOKENS = re.compile(rf"(?<![\w.])(?:{_CAPS_WORD}|&)(?: (?:{_CAPS_WORD}|&))*+")
_WORD_CHAR = re.compile(r"\w")
_FOUR_CAPS = re.compile(r"[A-Z]{4}")
_LOWER = re.compile(r"[a-z]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[:,]?|&")
# "REV." / "CAL." / "INTELL." / "POL'Y": an abbreviated word of a periodical's name.
_ABBREVIATED = re.compile(r"(?:^|\s)[A-Z][A-Z'\u2019]{2,}\.")
# ", POLITICO (May 2, 2019)" / ", FORBES, https://…": one word of small capitals in
# a periodical's or a site's place, before its date or URL.  (Five letters at
# least: "NPR", "BBC" are acronyms; a periodical's place holds no longer ones.)
_LONE_NAME = re.compile(r"(,\s)([A-Z][A-Z'\u2019]{4,})(?=\s\((?:[A-Z][a-z]{2}|\d)|,\s(?:https?://|<https?://|\d))")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())
# A capitalised word in lower case ("Specification"), and the signals that may
# stand before a Bluebook author in small capitals ("See ADRIAN VERMEULE").
_MIXED_WORD = re.compile(r"[A-Z][a-z'\u2019-]*[a-z](?!\w)")
_SIGNAL_WORDS = frozenset("see cf compare accord contra but also and with e.g".split())
_LAST_WORD = re.compile(r"(?<![A-Za-z\u00c0-\u024f])[A-Za-z\u00c0-\u024f]+$")
# Capitals before a register number are a court's file mark, not small capitals: German
# "III ZR 183/17", "XII ZB 12/15" (the senate and the register, then number/year).
_FILE_NUMBER_AFTER = re.compile(r"\s\d{1,6}/\d{2}\b")


def title_case_small_caps(body: str) -> str:
    """``body`` with its runs of small capitals in title case (see the module docstring)."""
    # a run counts when four capitals follow its start before any lowercase letter
    far = len(body) + 1
    four = lower = -1  # the next of each at or after the last run's start
    pieces, last = [], 0
    for start, end in _caps_runs(body):
        run = body[start:end]
        if four < start:
            found = _FOUR_CAPS.search(body, start)
            four = found.start() if found else far
        if lower < start:
            found = _LOWER.search(body, start)
            lower = found.start() if found else far
        counts = four < lower or _ABBREVIATED.search(run) is not None
        if counts and not _in_mixed_title(body, start, end) and not _FILE_NUMBER_AFTER.match(body, end) \
                and not (start == 0 and _court_opens(run)):
            pieces += [body[last:start], _title_case(run)]
            last = end
    return _LONE_NAME.sub(_lone_name, "".join([*pieces, body[last:]]))


def _caps_runs(body: str) -> Iterator[tuple[int, int]]:
    """Where each run of two or more words in capitals is: one space apart, "&" between
    them allowed, ending in a word that no letter runs on from."""
    for m in _CAPS_TOKENS.finditer(body):
        tokens = m.group(0).split(" ")
        end = m.end()
        while tokens and (tokens[-1] == "&" or _WORD_CHAR.match(body, end)):
            last = tokens[-1]
            # "GAO-21": the word is its letters before the mark a digit runs on from
            cut = max((k for k in range(1, len(last)) if not _WORD_CHAR.match(last, k)), default=0)
            if last != "&" and cut:
                end -= len(last) - cut
                tokens[-1] = last[:cut]
                continue
            end -= len(tokens.pop()) + 1  # the token and the space before it
        if len(tokens) >= 2:
            yield m.start(), end


def _lone_name(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2)[:1] + m.group(2)[1:].lower()


def _title_case(run: str) -> str:
    words = run.split(" ")
    out = []
    for i, word in enumerate(words):
        if _INITIALS.fullmatch(word):
            out.append(word)
        elif i and word.lower() in _SMALL_WORDS and not words[i - 1].endswith((":", ",")):
            out.append(word.lower())
        else:
            out.append(word[:1] + word[1:].lower())
    return " ".join(out)


def _in_mixed_title(body: str, start: int, end: int) -> bool:
    """Whether the capitals at body[start:end] are acronyms inside a title in
    upper and lower case ("Linked Art JSON-LD API Specification"): a word in
    lower case stands right next to them, not a signal."""
    after = _MIXED_WORD.match(body, end + 1) if body[end : end + 1] == " " else None
    if after is not None:
        return True
    if start < 2 or body[start - 1] != " ":
        return False
    before = _LAST_WORD.search(body[max(0, start - 40) : start - 1])
    word = before.group(0) if before else ""
    return bool(word and _MIXED_WORD.fullmatch(word)) and word.lower() not in _SIGNAL_WORDS


@cache
def _courts() -> frozenset[str]:
    return frozenset(abbr for abbr, _ in court_abbreviations())


def _court_opens(run: str) -> bool:
    """ "BGH, GRUR, 1991, 529": a court's abbreviation and a report's opening a continental
    case citation are capitals as printed, not small capitals."""
    return run.split(",", 1)[0].strip() in _courts()
