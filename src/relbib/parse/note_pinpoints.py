"""A full note's trailing pinpoint: the text without it, and the pinpoint.

Input: a note's text read whole ("Roe, *Title* (Paris, 1869), 45.").
Output: ("Roe, *Title* (Paris, 1869).", "45"); a chapter, leaf or "n.p."
cited after the facts; ``ROMAN_VOLUME_PAGE`` finds a Roman volume and its
page ("…, vol. ii., p. 45"). Never takes a page range, a year or a volume for
the page cited.
"""

from __future__ import annotations

import re

from relbib.parse import patterns as P
from relbib.parse.web_notes import ends_with_url

# A chapter, section, book or part cited after a full note's facts:
# "…, Paris, 1869, ch. XII." (only after a year: "Part II" may end a title).
_WORDED_PIN = re.compile(
    r",\s*(?P<pin>(?P<word>chs?|chaps?|bk|sec|sect|pt|part|art|§)\.?\s?(?:\d+|[IVXLC]+|[ivxlc]+)"
    r"(?:\s?[-\u2013,]\s?(?:\d+|[IVXLC]+|[ivxlc]+))*)$",
    re.IGNORECASE,
)
# "n.p." after the imprint's bracket: cited from an unpaginated book (Chicago 14.150).
_UNPAGED = re.compile(r"(?<=\)),\s?n\.\s?p\.?$")
# The leaves of a manuscript cited at the end: "68v", "2v, 3r, 7r", "12r–13v".
_LEAF = r"\d{1,4}[rv](?:[-\u2013]\d{1,4}[rv])?"
_LEAVES = re.compile(rf",\s(?P<pin>{_LEAF}(?:,\s{_LEAF}){{0,9}})$")
# Abbreviated words no title ends with: their chapters are cited with or without a year before.
_CHAPTER_WORDS = frozenset(("ch", "chs", "chap", "chaps", "bk"))
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)\)?\s*$")
# "Histoire de Port Royal, I 346" / "…, ii. 346": a Roman volume and its page; the volume
# may be named ("…, vol. i., p. 375", "…, Vol. II, p. 203", "…, tom. xiv., p. 436").
ROMAN_VOLUME_PAGE = re.compile(
    rf",(?P<close>[\u201d\"]?)\s(?:(?i:vols?|tom)\.\s?)?(?P<vol>[IVXLC]{{1,6}}|[ivxlc]{{1,6}})\.?,?\s(?:pp?\.\s?)?(?P<page>\d{{1,5}}(?:\s?{P.DASH}\s?\d{{1,5}})?)\.?$"
)


def split_pinpoint(text: str) -> tuple[str, str | None]:
    """A note's text without its trailing single-page pinpoint, and the pinpoint."""
    stripped = text.rstrip(" .,")
    if ends_with_url(stripped):  # "…/abs/1901.01234": no page
        return text, None
    if P.PAGES_TAIL.search(stripped) and re.search(rf"\d\s*{P.DASH}+\s*\d", stripped[-20:]):
        return text, None
    unpaged = _UNPAGED.search(stripped)
    if unpaged is not None:  # "(Boston: Vellin, 1978), n.p.": the work has no page numbers
        return stripped[: unpaged.start()] + ".", "n.p."
    leaves = _LEAVES.search(stripped)
    if leaves is not None:  # "Tide Book, 68v." / "…, 2v, 3r": a manuscript's leaves, recto or verso
        return stripped[: leaves.start()] + ".", leaves.group("pin")
    worded = _WORDED_PIN.search(stripped)
    if worded is not None and (
        _YEAR_BEFORE.search(stripped, 0, worded.start()) or worded.group("word").lower() in _CHAPTER_WORDS
    ):
        return stripped[: worded.start()] + ".", worded.group("pin")
    m = P.PINPOINT_TAIL.search(stripped)
    if not m:
        return text, None
    head = stripped[: m.start()]
    page = m.group("page")
    marked = re.search(
        r"(?i)(?:\bp\.|\bat|\bpage|\bpg\.)\s*$",
        stripped[m.start() : m.start("page")].strip(" ,.:;") + " ",
    )
    # A bare number at the end is a pinpoint only after a year or a closing
    # parenthesis ("(Oxford: OUP, 2005), 45."), never a volume or a year itself.
    if not marked and not re.search(
        rf"(?:\d{{4}}\)?|\)|\d\s*{P.DASH}+\s*\d+)\s*$", head.rstrip(" ,:")
    ):
        return text, None
    if P.YEAR.fullmatch(page) and not (head.endswith(")") and stripped[m.start()] == ":"):
        return text, None  # (a page after "(1990): " is a page, whatever its number: "(2000): 2063")
    return head.rstrip(" ,:;") + ".", page
