"""What an essay's own text shows about it: title, authors, venue, date.

Input: the essay's plain text (and the metadata its format carried).
Output: strings and Names, or "" / () when the text does not show them.
Never: invent metadata the text does not show.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from relbib import lexicon
from relbib.model import Name

# --- regexes: metadata from the text ---------------------------------------------

# Genre labels some sites append to titles: "… – OpEd", "… | Analysis".
_GENRE_RE = re.compile(
    rf"(?:(?<!\s)\s+)?[{lexicon.DASH_CHARS}|:]\s*(?:op-?ed|analysis|opinion|commentary|editorial|interview|review|essay|"
    r"column|feature|explainer|blog)\s*$", re.IGNORECASE)
_BYLINE_RE = re.compile(r"(?:(?:by|written by|author)\b[:\s]*|from:\s*)(.*)$", re.IGNORECASE)
# A memo heads itself with its kind ("MEMORANDUM") and names its subject on
# a "Re:" or "Subject:" line: the subject is the title.
_MEMO_KIND_RE = re.compile(r"(?:memorandum|memo|briefing note|briefing memo)$", re.IGNORECASE)
_SUBJECT_RE = re.compile(r"(?:re|subject|subj)\s*:\s*(\S.*)$", re.IGNORECASE)
_NAME_SPLIT_RE = re.compile(r"(?:(?<!\s)\s+)?(?:,|\band\b|&)\s*")  # spaces from a run's start: linear
_NAME_TOKEN_RE = re.compile(r"(?:[A-Z][a-z]*\.|[A-Z](?=[\w'’\-]*?[a-z])[\w'’\-]*+|(?:al|el)-[A-Z][\w\-]++)$")
_PARTICLES = lexicon.name_particles()
_HONORIFIC_RE = re.compile(rf"^(?:{'|'.join(sorted(lexicon.honorifics()))})\.?\s+", re.IGNORECASE)
# Words of headings and page furniture, never of a person's name.
_NOT_NAME_WORDS = frozenset(
    """the a an and of in on for to with from introduction conclusion conclusions background
    abstract summary overview analysis discussion recommendations references notes sources
    bibliography historical current future challenges prospects way forward policy policies
    relations foreign leave reply comments share related posts read more tags keywords
    contents table figure chapter section part home news opinion world""".split()
)
# An author bio closing the essay: "Abbas Hashemite – is a political observer…",
# "*Rana Danish Nisar is a PhD … Student".
_BIO_RE = re.compile(
    rf"\*?\s*(?P<name>[A-Z][\w.'’\-]+(?:\s+[\w.'’\-]+){{1,3}}?)\s*(?:[,{lexicon.DASH_CHARS}]\s*)?"
    r"(?:is|was|has|holds|teaches|works|serves|writes|heads|currently)\b"
)
_BIO_WORDS_RE = re.compile(
    r"\b(?:research|analyst|student|professor|lecturer|journalist|writer|author|fellow|scholar|"
    r"ph\.?d|director|editor|graduate|columnist|observer|teaches|studied|holds|expert|"
    r"correspondent|diplomat|retired|former)\b", re.IGNORECASE)
# Where the text names its venue: exclusively for “New Eastern Outlook“.
_VENUE_RES = (
    re.compile(r"\b(?:exclusively|especially|written)\s+for\s+(?:the\s+)?[“\"‘']\s*([^”“\"’‘\n]{2,80}?)\s*[”“\"’‘]"),
    re.compile(r"\b(?:originally|first)\s+(?:published|appeared)\s+(?:in|on|by)\s+(?:the\s+)?"
               r"[“\"‘']\s*([^”“\"’‘\n]{2,80}?)\s*[”“\"’‘]"),
)
_MONTHS = {m.lower(): i for i, m in enumerate(lexicon.months("en"), 1)}
_MONTH_RE = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_RES = (
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})(?:-(?P<day>\d{2}))?"),
    re.compile(r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})"),
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(_MONTH_RE + r"\s+(?P<year>\d{4})"),
)
_DATE_LINE_RE = re.compile(r"(?:(?:published|posted|updated|date)(?:\s+on)?\s*:?\s*)?(.{6,40})$",
                           re.IGNORECASE)



# --- metadata -------------------------------------------------------------------------


def _name(raw: str) -> Name | None:
    raw = _HONORIFIC_RE.sub("", raw.strip().strip("*").strip())
    if not raw:
        return None
    if "," in raw:
        family, given = (p.strip() for p in raw.split(",", 1))
        return Name(family=family, given=given)
    tokens = raw.split()
    if len(tokens) == 1:
        return Name(family=tokens[0])
    cut = len(tokens) - 1
    while cut > 1 and tokens[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return Name(family=" ".join(tokens[cut:]), given=" ".join(tokens[:cut]))


def _looks_like_name(text: str) -> bool:
    """2–4 capitalised words (initials and particles allowed), nothing else."""
    text = _HONORIFIC_RE.sub("", text.strip())
    tokens = text.split()
    if not 2 <= len(tokens) <= 4 or len(text) > 50:
        return False
    capitals = 0
    for token in tokens:
        if token.lower() in _NOT_NAME_WORDS:
            return False
        if token.lower() in _PARTICLES:
            continue
        if not _NAME_TOKEN_RE.match(token):
            return False
        capitals += 1
    return capitals >= 2


def _names(text: str) -> tuple[Name, ...]:
    parts = [p for p in _NAME_SPLIT_RE.split(text.strip().rstrip(".")) if p]
    if not parts or not all(_looks_like_name(p) for p in parts):
        return ()
    return tuple(n for n in (_name(p) for p in parts) if n is not None)


def _iso_date(text: str) -> str:
    """An ISO 8601 date from a date as people write it, or ""."""
    for pattern in _DATE_RES:
        m = pattern.search(text)
        if not m:
            continue
        d = m.groupdict()
        year = int(d["year"])
        if d.get("month"):
            month = next((n for name, n in _MONTHS.items() if name.startswith(d["month"].lower())
                          and len(d["month"]) >= 3), 0)
        else:
            month = int(d.get("mnum") or 0)
        if not 1000 <= year <= 2999 or not 1 <= month <= 12:
            continue
        day = int(d.get("day") or 0)
        if day and not 1 <= day <= 31:
            continue
        return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"
    m = re.fullmatch(r"\s*(\d{4})\s*", text)
    return m.group(1) if m else ""


def _nonempty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _text_title(lines: list[str]) -> str:
    if len(lines) < 2:
        return ""
    first = lines[0]
    if _MEMO_KIND_RE.match(first):
        subject = next((m.group(1).strip() for line in lines[1:8] if (m := _SUBJECT_RE.match(line))), "")
        if subject:
            return subject
    words = first.split()
    if len(first) > 200 or len(words) > 25 or first[-1] in ".,;:" or first[:1] in "*•-–":
        return ""
    return _GENRE_RE.sub("", first).strip()


def _text_authors(lines: list[str], title: str) -> tuple[Name, ...]:
    head = lines[:8]
    for i, line in enumerate(head):
        if len(line.split()) > 12:
            break  # the body has begun
        by = _BYLINE_RE.match(line)
        if by:
            rest = by.group(1).strip()
            if not rest and i + 1 < len(head):
                rest = head[i + 1]
            names = _names(rest)
            if names:
                return names
    for i, line in enumerate(head):
        if len(line.split()) > 12:
            break
        if i == 0 and title:
            continue
        if line[-1] not in ".!?:;" and _looks_like_name(line):
            return (n,) if (n := _name(line)) else ()
    for line in reversed(lines[-5:]):
        if line.lower().startswith(("the author", "the writer")):
            continue
        m = _BIO_RE.match(line)
        if m and (line.startswith("*") or _BIO_WORDS_RE.search(line)) and _looks_like_name(m.group("name")):
            return (n,) if (n := _name(m.group("name"))) else ()
    return ()


def _text_venue(text: str) -> str:
    tail = text[-3000:]
    for pattern in _VENUE_RES:
        m = pattern.search(tail)
        if m:
            return m.group(1).strip().rstrip(".,;")
    return ""


def _text_date(lines: list[str]) -> str:
    for line in lines[1:8]:
        if len(line) > 45:
            continue
        m = _DATE_LINE_RE.match(line)
        if m and (date := _iso_date(m.group(1))) and re.search(r"\d{4}", line):
            if re.fullmatch(r"[\d\s]+", line) and len(line.strip()) != 4:
                continue
            if not re.fullmatch(r"\d{4}", line.strip()):
                return date
    return ""


def _first(meta: Mapping[str, list[str]] | Mapping[str, str | list[str]], *keys: str) -> str:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, list):
            value = value[0] if value else ""
        if value:
            return str(value).strip()
    return ""


def _all(meta: Mapping[str, list[str]] | Mapping[str, str | list[str]], *keys: str) -> list[str]:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and value:
            return [v for v in re.split(r"\s*;\s*|\s+and\s+", value) if v]
        if isinstance(value, list) and value:
            return [str(v) for v in value if v]
    return []


def essay_metadata(
    plain: str,
    body_end: int,
    meta: Mapping[str, str | list[str]] | Mapping[str, list[str]],
    html_title: str = "",
) -> tuple[str, tuple[Name, ...], str, str]:
    """Title, authors, venue and ISO date from the format's metadata, else the text."""
    lines = _nonempty_lines(plain[:body_end] if body_end else plain)
    all_lines = _nonempty_lines(plain)
    text_title = _text_title(lines)
    title = (_first(meta, "citation_title", "dc.title", "title", "og:title")
             or _first(meta, "_h1") or re.split(r"\s+[|–—]\s+", html_title)[0].strip() or text_title)
    title = _GENRE_RE.sub("", title).strip()
    authors = tuple(n for n in (_name(a) for a in _all(meta, "citation_author", "author", "dc.creator",
                                                       "authors")) if n is not None)
    if not authors:
        authors = _text_authors(all_lines, text_title)
    venue = (_first(meta, "citation_journal_title", "og:site_name", "venue", "journal",
                    "publication", "site", "container-title")
             or _text_venue(plain))
    raw_date = _first(meta, "citation_publication_date", "citation_date", "article:published_time",
                      "dc.date", "dc.date.issued", "date", "published")
    date = _iso_date(raw_date) if raw_date else _text_date(lines)
    return title, authors, venue, date
