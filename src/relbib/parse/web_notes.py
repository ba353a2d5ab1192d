"""Footnote shapes of web-era humanities writing (tutorials, DH essays, blogs).

Input: the body of one footnote (its pinpoint already split off).
Output: ``(entry type, fields)`` for the shapes below, else None so the
other readers take the note.
Never: guess — each reader declines unless the whole note fits; read
reference-list items; touch files other than the packaged word list.

* a book whose bracket of facts has no place, as notes on software and the
  web often print it: ``Jane Doe, Ann Roe, and Bo Li, Title (Big Press,
  2011)`` — read as Chicago's ``(Place: Publisher, Year)`` with no place;
* a work named by its writer in the possessive and its genre: ``Ann Lee's
  blog post on “Mapping the Past”``, ``Jo Roe's essay, “Counting Words”``;
* a periodical dated in a parenthesis with no volume: ``“Title,” Farm
  Monthly (June 1974)`` → ``“Title,” Farm Monthly, June 1974``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources

from relbib import lexicon
from relbib.model import FieldValue, Name
from relbib.parse import patterns as P
from relbib.parse.chicago import name_run
from relbib.parse.commentary import prose
from relbib.parse.dates import parse_date

__all__ = [
    "dated_periodical", "directed_work", "ends_with_url", "hosted_work", "last_changed", "named_site",
    "possessive_work", "prose_before_link", "publisher_only_facts", "site_and_date", "web_chunks", "web_kind_of",
]

Reading = tuple[str, dict[str, FieldValue]]

# Chicago's abbreviation for "no place" (sine loco), standing in for the place a bracket leaves out.
_NO_PLACE = "s.l."


@cache
def publisher_words() -> frozenset[str]:
    """Lower-case words that mark a publisher's name (lexicon/data/publisher_words.txt)."""
    text = resources.files("relbib.lexicon").joinpath("data", "publisher_words.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


# "(Cambridge University Press, 2011)": a bracket of a publisher and a year, no colon.
_PUBLISHER_YEAR = re.compile(
    r"\((?P<publisher>[A-Z][^():;,\d]{1,80}?),\s(?P<year>(?:1[5-9]\d\d|20\d\d)[a-z]?)\)(?=[^()]*$)"
)


def publisher_only_facts(body: str, read_facts: Callable[[str], Reading | None]) -> Reading | None:
    """ "Authors, Title (Big Press, 2011)": the note ``read_facts`` reads when the
    bracket names a place, read with no place (the publisher must say it is one)."""
    m = _PUBLISHER_YEAR.search(body)
    if m is None:
        return None
    words = {w.strip(".'\u2019&").lower() for w in m.group("publisher").split()}
    if not words & (publisher_words() | _host_names().keys()):
        return None
    placed = f"{body[: m.start()]}({_NO_PLACE}: {m.group('publisher')}, {m.group('year')}){body[m.end() :]}"
    reading = read_facts(placed)
    if reading is None:
        return None
    kind, fields = reading
    if fields.get("address") == _NO_PLACE:
        del fields["address"]
    _people_only(body, fields)
    return kind, fields


def _people_only(body: str, fields: dict[str, FieldValue]) -> None:
    """Only people are a note's authors: after a person named in full ("John G. Roe"),
    bare words ("Reich and Nation") are a part's title, put before the work's title."""
    names, title = fields.get("author"), fields.get("title")
    if not isinstance(names, tuple) or not isinstance(title, str) or len(names) < 2:
        return
    first = names[0]
    bare = next((k for k, n in enumerate(names) if isinstance(n, Name) and not n.given and not n.literal), None)
    if not isinstance(first, Name) or not first.given or not bare:
        return
    start = body.find(f", {names[bare].family}") + 2
    end = body.find(title[:20], start)
    if start < 2 or end <= start:
        return
    fields["author"] = names[:bare]
    fields["title"] = f"{body[start:end].strip(' *_')} {title}"


# "Ann Lee's blog post on “Title”", "Jo Roe’s essay, “Title.”": the writer, the genre and the title.
# (The title may be in italics, and the link may follow: "Jo Roe's interview *Title*, https://…".)
_POSSESSIVE_WORK = re.compile(
    r"^(?P<name>(?:[A-Z][\w.\u2019'-]*\s){1,3}[A-Z][\w\u2019'-]+)[\u2019']s\s"
    r"(?P<genre>(?:blog\s)?post|blog|essay|article|talk|lecture|tutorial|video|newsletter|thread|presentation|paper"
    r"|interview|podcast|keynote|film|documentary)"
    r"(?:\s(?:on|about|titled|entitled|called))?,?\s"
    r"(?:[\u201c\"](?P<title>[^\u201c\u201d\"]{2,200}?)[,.]?[\u201d\"]|\*(?P<italic>[^*]{2,200}?)\*)"
    r"(?:,\s<?(?P<url>https?://[^\s<>]+?)>?)?\.?$"
)
_WEB_GENRES = frozenset({"post", "blog post", "blog", "video", "newsletter", "thread", "tutorial", "podcast"})


def possessive_work(body: str) -> Reading | None:
    """ "Ann Lee's blog post on “Mapping the Past”" → the post, by Ann Lee."""
    m = _POSSESSIVE_WORK.match(body.strip())
    if m is None:
        return None
    names = name_run(m.group("name"))
    if not names or len(names) != 1 or not isinstance(names[0], Name) or not names[0].given:
        return None
    fields: dict[str, FieldValue] = {"author": names, "title": (m.group("title") or m.group("italic")).strip()}
    if m.group("url"):
        fields["url"] = m.group("url")
    return ("online" if m.group("genre") in _WEB_GENRES else "misc"), fields


# "Farm Monthly (June 1974)": a periodical's name and its date in a parenthesis.
_DATED_IN_PARENTHESIS = re.compile(
    r"^(?P<name>[^,()]{2,80}?)\s\((?P<date>(?:[A-Z][a-z]{2,8}\.?\s)?(?:\d{1,2},?\s)?(?:1[5-9]\d\d|20\d\d))\)"
    r"(?P<rest>(?:,\s[^()]*)?)$"
)


# "Data Notes (blog), March 12, 2017": Chicago marks a blog's name (CMOS 14.208); the mark is no part of it.
_BLOG_MARK = re.compile(r"^(?P<name>[^,()]{2,80}?)\s\(blog\)(?=,|$)")


def dated_periodical(after: str) -> str:
    """ "Farm Monthly (June 1974)" → "Farm Monthly, June 1974": the container and
    date of a quoted title, as the quoted-title reader reads them (a month
    must name the date, or the parenthesis is a place or publisher's); a
    blog's name loses its "(blog)"."""
    after = _BLOG_MARK.sub(r"\g<name>", after)
    m = _DATED_IN_PARENTHESIS.match(after)
    if m is None or not P.MONTH.search(m.group("date")):
        return after
    return f"{m.group('name')}, {m.group('date')}{m.group('rest')}"


# Chicago's web page: "“Title,” Site (Publisher, Month Day, Year), URL".
_SITE_PAREN = re.compile(r"^(?P<site>[^,()]{2,80}?)\s\((?P<inner>[^()]{2,160}),\s(?P<date>[^,()]{4,30})\)$")


def site_and_date(rest: str) -> str:
    """ "Reuters (Reuters, October 5 2018)" → "Reuters, October 5 2018": the site is
    the container, and the publisher in its parenthesis (often the site again) no part of it."""
    m = _SITE_PAREN.match(rest.strip(" ,.;"))
    if m is None or not P.MONTH.search(m.group("date")) or not parse_date(m.group("date"))[0]:
        return rest  # a year alone ("(Merriam-Webster, 2019)") is read as it was
    return f"{m.group('site')}, {m.group('date')}"


def ends_with_url(text: str) -> bool:
    """Whether the note's last word is a URL or DOI ("…/abs/1901.01234."): its digits are no page."""
    last = text.rstrip(" .,;").rsplit(None, 1)[-1] if text.strip() else ""
    return bool(re.match(r"(?i)<?(?:https?://|www\.|doi:|10\.\d{4,9}/)", last))


# Words that point to a link ("… can be found here: https://…", "… see https://…", "… at https://…").
_POINTS_TO_LINK = re.compile(r"(?i)(?:\b(?:see|here|at|via|from|following|vgl|siehe|unter)|:)\s*$")  # German "…, vgl."
# What is left of a sentence after "See": "the video instruction …", "a coding example …"
# (not a name in lower case, "p5.js download page").
_LOWER_ARTICLE = re.compile(r"(?:the|a|an|this|these|that|more|my|our|his|her|their)\s")
# A link introduced by "See" after the note's prose ("Processing is a … language. See https://…").
_SEE_LINK = re.compile(r"(?i)(?:^|[.;]\s)(?:see|see\salso|cf\.),?:?\s<?https?://")


def prose_before_link(title: str, text: str) -> bool:
    """Whether the "title" a reader took from a note that cites a link is the
    writer's prose around it, not the page's title: it points to the link ("A
    visualization … can be found here", "… see"), opens with a lower-case article
    (what is left after "See": "the video instruction on 2D arrays at"), or is a
    sentence of prose before "See https://…"."""
    title = title.strip(" ,.;")
    if not title:
        return False
    if _POINTS_TO_LINK.search(title) or _LOWER_ARTICLE.match(title) or "://" in title:
        return True  # (a "title" holding a link is the sentence the links stand in)
    return (bool(_SEE_LINK.search(text)) and len(title.split()) >= 6 and prose(title)) or _german_sentence(title)


_GERMAN_VERBS = lexicon.lead_verbs()
_AUXILIARIES = lexicon.prose_words_continental()  # "wird", "dabei", "ist", "sono" …
_LOWER = re.compile(r"\b[a-zäöüß]{4,}\b")


def _german_sentence(title: str) -> bool:
    """A German sentence before the link ("Zurückgegriffen wird dabei auf die …", "Hinweise
    bieten die Richtlinien"): its nouns capitalised, so fewer lower-case words than
    :func:`prose` asks for: a verb of presenting, or an auxiliary and another lower-case word."""
    words = title.split()
    if len(words) < 5:
        return False
    lower = [w for w in words if _LOWER.fullmatch(w.strip(",.;"))]
    if any(w in _GERMAN_VERBS for w in lower):
        return True
    auxiliaries = [w for w in lower if w in _AUXILIARIES]
    return bool(auxiliaries) and len(lower) >= 2


# "last modified May 2, 2020" / "last updated on …": a web page's date of its latest change.
_LAST_CHANGED = re.compile(r"(?i)(?:^|(?<=,)\s)last\s(?:updated|modified|revised|edited|changed)(?:\son)?\s(?=\S)")


def last_changed(rest: str) -> str:
    """The facts after a quoted title with "last modified …" read as the page's date."""
    return _LAST_CHANGED.sub(lambda m: " " if m.start() else "", rest)


# Chunks after a quoted title that a web page or a program prints: "version 0.9.2",
# "YouTube video", a running time "12:30", "posted by GeoTeach".
_VERSION = re.compile(r"(?i)^(?:version|ver\.|v\.?)\s?(?P<version>\d[\w.-]*)$")
_VIDEO = re.compile(r"(?i)^(?P<site>[\w .'-]{2,40}?)\s(?:video|clip|livestream)$")
_GENRE_ALONE = re.compile(r"(?i)^(?:video|video\sclip|livestream|podcast\sepisode)$")  # CMOS 14.267: "video, 1:27"
_RUNNING_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
# A post's time of day after its date (CMOS 14.209's tweet): "10:15 a.m.", "9:05 PM".
_TIME_OF_DAY = re.compile(r"(?i)^\d{1,2}:\d{2}\s?[ap]\.?\s?m\.?$")
_POSTED_BY = re.compile(
    r"(?i)^(?:posted|uploaded|published)(?:\s(?:on\s)?(?P<date>[^,]{4,30}?))?\sby\s(?P<who>.{2,80})$"
)  # "posted by GeoTeach", "published 2 June 2014 by Map Lab"


def web_chunks(chunks: list[str], fields: dict[str, FieldValue]) -> tuple[list[str], str | None]:
    """The comma chunks after a quoted title without a program's version or a video's
    site, running time and poster (set in ``fields``), and the entry type they make."""
    kept: list[str] = []
    kind: str | None = None
    for i, chunk in enumerate(chunks):
        version = _VERSION.match(chunk)
        video = _VIDEO.match(chunk) if i == 0 else None
        posted = _POSTED_BY.match(chunk)
        if version and "version" not in fields:
            fields["version"], kind = version.group("version"), kind or "software"
        elif video or _GENRE_ALONE.match(chunk) and i == 0:
            kept.extend([video.group("site")] if video else [])
            fields["type"], kind = "video", "online"
        elif _RUNNING_TIME.match(chunk) and kind == "online":
            continue
        elif _TIME_OF_DAY.match(chunk) and i:
            kind = kind or "online"  # a post, dated to the minute: no page
        elif posted and i:
            fields["note"] = f"posted by {posted.group('who').strip()}"
            kept.extend([posted.group("date")] if posted.group("date") else [])  # the date, read as the page's
        else:
            kept.append(chunk)
    return kept, kind


# "Project Gutenberg, accessed July 1, 2020, https://…": a site cited by its name alone.
_NAMED_SITE = re.compile(
    r"^(?P<name>[A-Z][^,()\u201c\u201d\"\d]{1,80}?),\s(?i:accessed|retrieved|viewed|consulted)(?:\son)?\s"
    r"(?P<date>[^,()]{3,20}(?:,\s\d{4})?),\s(?P<url>(?:https?://|www\.)\S+?)\.?$"
)


def named_site(body: str) -> Reading | None:
    """ "Project Gutenberg, accessed July 1, 2020, https://…" → the site, no date of its own."""
    m = _NAMED_SITE.match(body.strip())
    if m is None:
        return None
    year, iso = parse_date(m.group("date"))
    if not year:
        return None
    return "online", {"title": m.group("name").strip(), "urldate": iso or year, "url": m.group("url")}


@cache
def _host_names() -> dict[str, str]:
    """Lower-case code and data hosts → the entry type of what they hold ("github" → software)."""
    return dict(lexicon.data_hosts())


# "Tom Vale, textkit, GitHub repository, 2019, https://…" / "textkit (GitHub, 2019)".
_ON_HOST = re.compile(
    r"^(?P<head>[^\u201c\u201d\"()]{2,200}?),\s(?P<host>[A-Z][\w.]{1,20})(?:\s(?:repository|repo|project))?"
    r"(?:,\s(?:version|v\.?)\s?(?P<version>\d[\w.-]*))?(?:,\s(?P<date>[^,]{0,20}\d{4}))?"
    r"(?:,\s(?P<url>https?://\S+?))?\.?$"
)


def hosted_work(body: str) -> Reading | None:
    """ "[Author, ]Title, GitHub repository[, version][, Year], URL" → a program or data set."""
    m = _ON_HOST.match(body.strip())
    if m is None:
        return None
    kind = _host_names().get(m.group("host").lower())
    if kind is None:
        return None
    parts = [p.strip() for p in m.group("head").split(", ")]
    fields: dict[str, FieldValue] = {"title": parts[-1], "publisher": m.group("host")}
    if len(parts) > 1:
        names = name_run(", ".join(parts[:-1]))
        if not names:
            return None
        fields["author"] = names
    for key in ("version", "url"):
        if m.group(key):
            fields[key] = m.group(key)
    if m.group("date"):
        year, iso = parse_date(m.group("date"))
        if not year:
            return None
        fields["year"] = year
        if iso:
            fields["date"] = iso
    return kind, fields


# "Mark Stone, dir., Film Memory (2010)": the director's film (CMOS 14.265).
_DIRECTED = re.compile(
    r"^(?P<names>[^,()]{2,80}(?:,\s[^,()]{2,80}){0,2}),\s(?:dir|dirs|director|directors)\.?,\s"
    r"(?P<title>[^()]{2,200}?)\s\((?:(?P<by>[^()]{2,120}),\s)?(?P<year>1[89]\d\d|20\d\d)\)\.?$"
)


def directed_work(body: str) -> Reading | None:
    """ "Mark Stone, dir., Film Memory (Big Studio, 2010)" → the film, by its director."""
    m = _DIRECTED.match(body.strip())
    names = name_run(m.group("names")) if m else None
    if m is None or not names:
        return None
    fields: dict[str, FieldValue] = {"author": names, "title": m.group("title").strip(" ,"),
                                     "year": m.group("year"), "type": "film"}
    if m.group("by"):
        fields["publisher"] = m.group("by").split(": ")[-1].strip()
    return "video", fields


def web_kind_of(kind: str, web_kind: str | None, fields: dict[str, FieldValue]) -> str:
    """The entry type of a quoted-title note whose chunks made it a program or a
    video (``web_kind``): a site named as its "journal" is where it was published."""
    if not web_kind or kind not in ("article", "misc", "online"):
        return kind
    if web_kind == "online" and "journal" in fields:
        fields["howpublished"] = fields.pop("journal")
    return web_kind
