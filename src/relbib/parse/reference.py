"""Full references: one reference string or footnote → FullRef or UnparsedRef.

Input: the text of one note (``note=True``) or one reference-list item.
Output: a FullRef (entry type, BibTeX fields, per-field confidence, and the
pinpoint of a note) or an UnparsedRef with its reason.
Never: look at other notes, resolve Ibid./op. cit. (forms.py and relbib.resolve
do), or touch files other than the packaged model and word lists.

Two readers work together.  In a footnote, a rule reader handles the shapes
whose structure is plain from punctuation (a quoted title between the
authors and the container); the CRF tagger reads everything else, and every
reference-list item.  After the tagger, patterns whose shape is
unmistakable fill what it missed (URLs, "doi:" DOIs, a full date of the
year).  Fields the rules set get confidence 1.0; CRF fields get the mean
marginal of their tokens.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from types import MappingProxyType

from relbib.model import FieldValue, FullRef, Name, UnparsedRef, freeze_fields
from relbib.parse import patterns as P
from relbib.parse import tagger
from relbib.parse.chicago import read_facts_note, read_genre_note, title_quote
from relbib.parse.dates import parse_date
from relbib.parse.fields import (
    clean_title,
    entry_type,
    parse_volume,
    segments_to_fields,
    strip_punct,
)
from relbib.parse.names import (
    family_first_lead,
    looks_like_organisation,
    split_names,
    western_given_names,
)
from relbib.parse.note_pinpoints import ROMAN_VOLUME_PAGE, split_pinpoint
from relbib.parse.note_tidy import proceedings_only
from relbib.parse.pages import expand_compressed, normalize_pages
from relbib.parse.web_notes import (
    dated_periodical,
    directed_work,
    hosted_work,
    last_changed,
    named_site,
    possessive_work,
    publisher_only_facts,
    site_and_date,
    web_chunks,
    web_kind_of,
)

__all__ = ["clean_text", "parse_reference"]


def clean_text(text: str) -> str:
    """Text with PDF spacing repaired: odd spaces, double spaces, "a,b" commas."""
    s = P.ODD_SPACE.sub(" ", text)
    s = P.COMMA_NO_SPACE.sub(", ", s)
    s = P.MULTI_SPACE.sub(" ", s)
    return s.strip()


@cache
def known_words() -> frozenset[str]:
    """Lower-case words (and hyphenated compounds) seen in the training strings."""
    path = resources.files("relbib.parse").joinpath("data", "words.txt")
    if not path.is_file():
        return frozenset()
    return frozenset(path.read_text("utf-8").split())


def join_linebreak_hyphens(text: str) -> str:
    """ "Dimen-sions" → "Dimensions": undo a PDF line-break hyphen, conservatively.

    Joined only when the joined word is known and the hyphenated compound is
    not: real compounds ("Pakistan-Russia", "long-term") and unknown words
    (OCR'd Italian "Ve-nezia" stays when "venezia" was never seen) stay.
    """
    words = known_words()

    def join(m: re.Match[str]) -> str:
        head, tail = m.group("head"), m.group("tail")
        # never inside a URL or a DOI ("handel-konsumgueter/...")
        start = m.string.rfind(" ", 0, m.start()) + 1
        end = m.string.find(" ", m.end())
        if re.search(r"/|www\.|\.(?:com|org|net)\b", m.string[start : end if end >= 0 else None]):
            return m.group(0)
        joined = (head + tail).lower()
        hyphenated = f"{head}-{tail}".lower()
        if hyphenated in words:
            return m.group(0)
        if joined in words:
            return head + tail
        return m.group(0)

    return P.LINEBREAK_HYPHEN.sub(join, text)


def _has_content(text: str) -> bool:
    return bool(re.search(r"[^\W_]{2,}", text))


# Fields whose words a PDF line break may have split ("Dimen-sions").
_TITLE_FIELDS = ("title", "booktitle", "journal", "series")


def parse_reference(
    text: str, *, note: bool = False, expand_ranges: bool = True, join_hyphens: bool = True
) -> FullRef | UnparsedRef:
    """The entry a full reference describes.

    With ``note=True`` a trailing single page ("p. 130", ", 45.") is the
    note's pinpoint, not the ``pages`` field; a range stays ``pages``.
    With ``expand_ranges`` a compressed range is written out ("153-62" →
    "153--162"); without it the range stays as printed ("153--62"), which is
    how the gold reference strings keep it.  With ``join_hyphens`` a title's
    line-break hyphen is joined ("Dimen-sions" → "Dimensions"); without it the
    title stays as printed, as the gold strings keep it.
    """
    cleaned = clean_text(text)
    if not _has_content(cleaned):
        return UnparsedRef(text=text, reason="no words: nothing to read as a reference")
    volume_page = ROMAN_VOLUME_PAGE.search(cleaned.rstrip()) if note else None
    if volume_page is not None:
        body = cleaned[: volume_page.start()] + volume_page.group("close") + "."  # ', "Title," vol. i.': the quote stays
        pinpoint = volume_page.group("page")
    else:
        body, pinpoint = split_pinpoint(cleaned) if note else (cleaned, None)
    # The rule reader is for footnotes; on reference-list items the CRF alone
    # reads better (measured on held-out training strings of every set).
    ruled = (
        (read_facts_note(body) or publisher_only_facts(body, read_facts_note) or _quoted_title_note(body)
         or read_genre_note(body) or possessive_work(body) or named_site(body) or hosted_work(body)
         or directed_work(body)) if note else None
    )
    if ruled is not None:
        kind, fields = ruled
        confidence = {name: 1.0 for name in fields}
    else:
        kind, fields, confidence = _crf_reference(body)
        _identifiers_by_pattern(body, fields, confidence)
        _full_date_by_pattern(body, fields, confidence)
        _doi_from_url(fields, confidence)
    # The readers see the text as printed (as the tagger was trained); only
    # the titles lose their line-break hyphens.
    for name in _TITLE_FIELDS if join_hyphens else ():
        if isinstance(fields.get(name), str):
            fields[name] = join_linebreak_hyphens(str(fields[name]))
    if volume_page is not None and "volume" not in fields:
        fields["volume"] = volume_page.group("vol")
    if note:
        proceedings_only(fields)
        _organisation_author(fields, confidence)
        _lone_title(fields, confidence, body)
        _drop_doi_url(fields)
        _family_first_lead(fields, cleaned)
    if note and pinpoint is None and isinstance(fields.get("pages"), str) and _pages_cited(kind, fields):
        # "Osburg, Unconventional Options (Santa Monica: RAND, 2016), 4–7.": a
        # book has no page range of its own in a note; the range is what is cited.
        pinpoint = str(fields.pop("pages"))
        confidence.pop("pages", None)
    if expand_ranges and isinstance(fields.get("pages"), str):
        fields["pages"] = expand_compressed(str(fields["pages"]))
    if expand_ranges and pinpoint is not None:
        pinpoint = expand_compressed(pinpoint)
    if not fields.get("title") and not fields.get("author") and not fields.get("journal"):
        return UnparsedRef(text=text, reason="no title, author or container recognised")
    return FullRef(
        text=text,
        type=kind,
        fields=freeze_fields(fields),
        confidence=MappingProxyType(dict(sorted(confidence.items()))),
        pinpoint=pinpoint,
    )


# Entry types that are whole works: a page range a note gives for them is the
# pinpoint (chapters and articles carry their own range).
_WHOLE_WORKS = frozenset({"book", "phdthesis", "mastersthesis", "techreport", "manual", "booklet"})


def _drop_doi_url(fields: dict[str, FieldValue]) -> None:
    """A library entry keeps its DOI once: a url that only resolves the DOI goes."""
    url, doi = fields.get("url"), fields.get("doi")
    if isinstance(url, str) and isinstance(doi, str) and doi and url.lower().rstrip("/").endswith(doi.lower()) \
            and "doi.org/" in url.lower():
        del fields["url"]


def _family_first_lead(fields: dict[str, FieldValue], text: str) -> None:
    """ "Zheng Haiqi, China and Pakistan (…)": a footnote's first author printed
    family name first (see names.family_first_lead)."""
    authors = fields.get("author")
    if isinstance(authors, tuple) and authors and isinstance(authors[0], Name):
        fields["author"] = (family_first_lead(authors[0], text), *authors[1:])


def _organisation_author(fields: dict[str, FieldValue], confidence: dict[str, float]) -> None:
    """A note that opens with an institution reads "Org, Title (...)": when the
    tagger took the whole run for the title, the institution is the author."""
    title = fields.get("title")
    if fields.get("author") or fields.get("editor") or not isinstance(title, str):
        return
    for sep in (", ", ". "):  # "Org, Title" / "Org. Title. 2019."
        head, found, rest = title.partition(sep)
        # (a title's own colon, "Pipeline Project: Region, …", is no institution's name)
        if found and rest and ":" not in head and looks_like_organisation(head) and not P.NAME_CONJ.search(head):
            fields["author"] = (Name(family=head.strip(), literal=True),)
            fields["title"] = rest.strip()
            confidence["author"] = confidence.get("title", 1.0)
            return


def _lone_title(fields: dict[str, FieldValue], confidence: dict[str, float], body: str) -> None:
    """ "Imitatio Vitae, chaps. X, XI.": a note of one chunk and a pinpoint cites
    a title; the tagger's "author" alone, with no title, is that title."""
    authors = fields.get("author")
    if set(fields) - {"author", "translator", "editor", "volume"} or not isinstance(authors, tuple):
        return
    head = body.split(", ", 1)[0].strip(" .")
    person = authors[0] if len(authors) == 1 else None
    words = f"{person.given} {person.family}".split() if isinstance(person, Name) else ["\n"]
    if all(w in head.split() for w in words):
        fields["title"] = head
        confidence["title"] = confidence.pop("author", 0.0)
        del fields["author"]


def _pages_cited(kind: str, fields: dict[str, FieldValue]) -> bool:
    """Whether a note's ``pages`` are the pages cited: a whole work has no range
    of its own, nor has a work without a container; "17, 18" is no range."""
    if kind in _WHOLE_WORKS or "," in str(fields.get("pages")):
        return True
    return kind == "misc" and not any(fields.get(f) for f in ("journal", "booktitle"))


# --- the CRF reader -------------------------------------------------------------


def _crf_reference(text: str) -> tuple[str, dict[str, FieldValue], dict[str, float]]:
    if not tagger.model_available():
        return "misc", {"title": strip_punct(text)}, {"title": 0.0}
    segments = tagger.tag(text)
    fields = segments_to_fields([(label, seg) for label, seg, _ in segments])
    confidence: dict[str, float] = {}
    field_of = {
        "author": "author", "editor": "editor", "translator": "translator", "title": "title",
        "journal": "journal", "container-title": "booktitle", "date": "year", "pages": "pages",
        "location": "address", "publisher": "publisher", "volume": "volume", "doi": "doi",
        "url": "url", "note": "note", "edition": "edition", "genre": "type", "isbn": "isbn",
        "collection-title": "series", "medium": "howpublished",
    }  # fmt: skip
    for label, _, conf in segments:
        name = field_of.get(label)
        if name and name not in confidence:
            confidence[name] = round(conf, 3)
    for name in fields:
        confidence.setdefault(name, confidence.get("volume", confidence.get("year", 1.0)))
    return entry_type(fields), fields, {k: v for k, v in confidence.items() if k in fields}


def _identifiers_by_pattern(
    text: str, fields: dict[str, FieldValue], confidence: dict[str, float]
) -> None:
    """A URL or a "doi:"-marked DOI the tagger left in another field or missed.

    Their shape is unmistakable, so the pattern wins over the tagger.
    """
    url = P.URL.search(text)
    if url and "url" not in fields:
        fields["url"] = url.group("url").rstrip(".,;)>")
        confidence["url"] = 1.0
    doi = P.DOI.search(text)
    if (
        doi
        and "doi" not in fields
        and doi.group(0).lower().startswith("doi")
        and not (url and url.start() <= doi.start() < url.end())
    ):
        fields["doi"] = doi.group("doi").rstrip(".,;)")
        confidence["doi"] = 1.0


def _full_date_by_pattern(
    text: str, fields: dict[str, FieldValue], confidence: dict[str, float]
) -> None:
    """ "The Guardian, 29 August 2015": a day or month the tagger put in
    another field still makes the date precise, when its year is the year's.
    An access date ("accessed 12 May 2016") is not the publication date."""
    if "date" in fields or "year" not in fields:
        return
    # In humanities footnotes a full date is a conference's or an event's.
    if tagger.style_of(text.split()):
        return
    text = P.ACCESSED.sub(" ", text)
    for m in P.DATE_PHRASE.finditer(text):
        year, iso = parse_date(m.group(0))
        if iso and year == fields["year"]:
            fields["date"] = iso
            confidence["date"] = confidence.get("year", 1.0)
            return


def _doi_from_url(fields: dict[str, FieldValue], confidence: dict[str, float]) -> None:
    """A doi.org URL also gives the DOI ("https://doi.org/10.1017/..." → doi 10.1017/...).

    The URL stays: it is what the string prints (and what gold records).
    """
    url = str(fields.get("url", ""))
    m = re.match(r"(?i)https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)", url)
    if m and "doi" not in fields:
        fields["doi"] = m.group(1).rstrip(".,;)")
        confidence["doi"] = confidence.get("url", 1.0)


# --- the rule reader: Author, ‘Title’, Container ... -----------------------------

# Containers that are web sites or offices rather than periodicals.
_WEBSITE = re.compile(
    r"(?i)\b(?:website|web\s*site|portal|blog|official|president\s+of|prime\s+minister|ministry|"
    r"government|department|office|embassy|\.com|\.org|\.gov|\.net)\b"
)


def _quoted_title_note(text: str) -> tuple[str, dict[str, FieldValue]] | None:
    """Fields of a note shaped "Author(s), ‘Title’, Container, …" (Oxford, Chicago).

    Returns None when the note is not of that shape or the container is a
    book chapter ("in …"), which the CRF reads better.
    """
    quote = title_quote(text)
    if quote is None:
        return None
    start, end, title = quote
    before = re.sub(r"^the\s(?=[A-Z])", "", text[:start].strip(" ,:"))  # "[See] the Library of Congress, “…”"
    if not re.search(r"\b[A-Z]\.$", before):  # an initial keeps its full stop
        before = before.rstrip(". ")
    after = text[end:].strip(" ,.:;")
    if re.match(r"(?i)^in\b", after) or not after:
        return None
    # "Daily Courant (London), April 4, 1712": a newspaper's place is no part of its name
    after = re.sub(r"^([^,()]{2,80}?)\s\([A-Z][\w .]{1,30}\)(?=,)", r"\1", after)
    after = dated_periodical(after)  # "Farm Monthly (June 1974)": the date closes the container
    fields: dict[str, FieldValue] = {"title": clean_title(title)}
    if before and _names_a_publication(before):
        # "Lloyd's List, “Title,” 12 September 2023": the publication leads;
        # with no container after the title it is the container, else the author.
        if _opens_with_date(after):
            before, after = "", f"{before}, {after}"
        else:
            fields["author"] = (Name(family=before, literal=True),)
            before = ""
    if before:
        if len(before.split()) > 14 or re.search(r"\d", before):
            return None
        # "National Archives and Records Administration, “Title,” …": one body, not two people
        names = (Name(family=before, literal=True),) if looks_like_organisation(before) else split_names(before)
        if not names:
            return None
        fields["author"] = names
    rest, extracted = _take_identifiers(after)
    fields.update(extracted)
    # "October 16, 2015": the comma inside a date is not a chunk boundary.
    rest = P.MONTH_DAY_COMMA_YEAR.sub(r"\g<month>\g<year>", rest)
    rest = site_and_date(last_changed(rest))
    pages = P.PAGES_TAIL.search(rest) or P.YEAR_THEN_PAGES_TAIL.search(rest)
    if pages:
        fields["pages"] = normalize_pages(pages.group("pages"))
        rest = rest[: pages.start()]
    chunks, web_kind = web_chunks([c.strip() for c in re.split(r",\s+", rest.strip(" ,.;")) if c.strip()], fields)
    if not chunks:
        return ("online", fields) if "url" in fields else None  # "Org, “Title,” URL": a page
    trailing = P.TRAILING_DATE.search(chunks[0])
    lead = chunks[0][: trailing.start()] if trailing else ""
    if trailing and _has_content(lead) and not re.search(r"\d", lead):
        # "Arms Control Today. November 2002": the date closes the container
        # (after a volume or pages, as in "… 11.3 (1960): 271-76. Web. 10 Apr.
        # 2017", it is an access date, which this reader does not take)
        chunks[0:1] = [chunks[0][: trailing.start()].strip(" ,."), trailing.group("date")]
    if _opens_with_date(chunks[0]):
        chunks.insert(0, "")  # "“Data Canvas,” September 2025": a date, and no container
    container, extra = _container_and_volume(chunks[0])
    fields.update(extra)
    notes: list[str] = []
    for chunk in chunks[1:]:
        year, iso = parse_date(chunk)
        vol = re.fullmatch(r"(?i)(?:vol\.?\s*)?([0-9]+)(?:\s*\(([^)]+)\))?(?::\s*(\S+))?", chunk)
        number = re.fullmatch(
            r"(?i)(?:no|nr|issue)\.?\s*([0-9]+(?:[-/\u2013][0-9]+)?)(?:\s*\((.+)\))?(?::\s*(\S+))?", chunk
        )
        if number:
            fields["number"] = number.group(1)
            if number.group(2):
                _set_date(fields, number.group(2))
            if number.group(3):
                fields["pages"] = normalize_pages(number.group(3))
        elif vol and "volume" not in fields and not P.YEAR.fullmatch(chunk):  # "…, 2017": a year
            fields["volume"] = vol.group(1)
            if vol.group(2):
                _set_date(fields, vol.group(2))
            if vol.group(3):
                fields["pages"] = normalize_pages(vol.group(3))
        elif year and "year" not in fields and len(chunk) < 40:
            fields["year"] = year
            if iso:
                fields["date"] = iso
        else:
            notes.append(chunk)
    # "…, 1: 6 (2011), November.": a bare month is the year's month
    month = next((n for n in notes if P.MONTH.fullmatch(n.strip(" ."))), None)
    if month is not None and "year" in fields and "date" not in fields:
        _, iso = parse_date(f"{month} {fields['year']}")
        if iso:
            fields["date"] = iso
            notes.remove(month)
    # Trust the rules only when every chunk was understood: a leftover with
    # digits, or a container holding digits or brackets, means another shape.
    italic = re.fullmatch(r"\*[^*]+\*", container)  # its digits, brackets, colon are its own ("*arXiv:1811.04512 [Cs]*")
    if any(re.search(r"[\d()\[\]]", n) for n in notes) or re.search(r"[\d()\[\];]", container) and not italic:
        return None
    if ":" in container and not P.REPORT.search(container) and not italic:
        return None
    # A web page often has no date of its own: its URL stands for one.
    if len(notes) > 1 or ("year" not in fields and "url" not in fields):
        return None
    if notes:
        fields["note"] = "; ".join(notes)
    return web_kind_of(_container_kind(container, fields), web_kind, fields), fields


def _names_a_publication(lead: str) -> bool:
    """ "Lloyd's List", "The Economist", "Financial Times": a note's lead that
    is a newspaper or magazine, not a person ("Emily Post", "Tip O'Neill")."""
    if "," in lead or P.NAME_CONJ.search(lead) or looks_like_organisation(lead):
        return False
    words = lead.split()
    if len(words) < 2 or len(words) > 6:
        return False
    if P.PUBLICATION_POSSESSIVE.search(lead) or P.PUBLICATION_THE.match(lead):
        return True
    if not P.PUBLICATION_WORD.search(lead):
        return False
    # "Emily Post": a given name and one periodical-like surname is a person
    return not (len(words) == 2 and words[0].lower() in western_given_names())


def _opens_with_date(text: str) -> bool:
    """True when the text's first comma chunk is a date ("12 September 2023")."""
    text = P.MONTH_DAY_COMMA_YEAR.sub(r"\g<month>\g<year>", text)
    first = re.split(r",\s+", text, maxsplit=1)[0].strip(" .")
    return bool(P.DATE_PHRASE.fullmatch(first) or P.YEAR.fullmatch(first))


def _set_date(fields: dict[str, FieldValue], text: str) -> None:
    year, iso = parse_date(text)
    if year:
        fields.setdefault("year", year)
        if iso:
            fields.setdefault("date", iso)


def _take_identifiers(text: str) -> tuple[str, dict[str, FieldValue]]:
    """The text without DOI, URL and access date, and the fields they give."""
    out: dict[str, FieldValue] = {}
    accessed = P.ACCESSED.search(text)
    if accessed:
        year, iso = parse_date(accessed.group("date"))
        if iso or year:
            out["urldate"] = iso or year
        text = text[: accessed.start()] + text[accessed.end() :]
    doi = P.DOI.search(text)
    if doi and (doi.group(0).lower().startswith(("doi", "http")) or doi.start() > 0):
        out["doi"] = doi.group("doi").rstrip(".,;)")
        if doi.group(0).lower().startswith("http"):
            out["url"] = doi.group(0).rstrip(".,;)>")
        text = text[: doi.start()] + text[doi.end() :]
    url = P.URL.search(text)
    if url:
        out["url"] = url.group("url").rstrip(".,;)>")
        text = text[: url.start()] + text[url.end() :]
    text = re.sub(
        r"(?i)\b(?:available\s+(?:at|from|online)|retrieved\s+from|online)\s*:?\s*$",
        "",
        text.strip(" ,.;"),
    )
    return text.strip(" ,.;"), out


def _container_and_volume(chunk: str) -> tuple[str, dict[str, FieldValue]]:
    """ "Journal 4(1)" / "Journal 12, no. 3 (2019): 45–67" → container and numbers."""
    m = re.search(r"\s(?:vol\.?\s*)?(?=[0-9]+\b|[IVXL]+\s*\()", chunk, re.IGNORECASE)
    if not m:
        return strip_punct(chunk), {}
    container = chunk[: m.start()].strip(" ,.")
    extra: dict[str, FieldValue] = {}
    for key, value in parse_volume(chunk[m.end() :]).items():
        extra[key] = value
    if "year" in extra:
        extra.pop("year")
        _set_date(extra, chunk[m.end() :])
    return strip_punct(container), extra


def _container_kind(container: str, fields: dict[str, FieldValue]) -> str:
    """Entry type and container field of a quoted-title note, set in ``fields``."""
    if not container:
        return "misc"
    if P.NOTE_GENRE.match(container):  # "…,” press release, October 16, 2015"
        fields["howpublished"] = container
        return "misc"
    if any(k in fields for k in ("volume", "number", "pages")):
        fields["journal"] = container
        return "article"
    if P.REPORT.search(container):
        head = re.split(
            r"\s*[:(]\s*|\s+(?=working|discussion|policy|research|occasional)",
            container,
            flags=re.I,
        )[0]
        fields["institution"] = head if head != container else container
        fields["series"] = container
        fields["type"] = "Working Paper" if re.search(r"(?i)working", container) else "Report"
        return "techreport"
    # an undated item with a URL and no author is a web page; a dated one in a
    # named container is a newspaper's or magazine's article
    if _WEBSITE.search(container) or (
        "url" in fields and not fields.get("author") and "date" not in fields
    ):
        fields["howpublished"] = container
        fields["organization"] = container
        return "online"
    words = container.split()
    if len(words) == 1 and container.isupper() and len(container) >= 2:
        fields["institution"] = container
        return "techreport"
    # "National Review" names a periodical although "National" is an institution's word
    if looks_like_organisation(container) and not P.PUBLICATION_WORD.search(container):
        fields["organization"] = container
        fields["howpublished"] = container
        return "online"
    fields["journal"] = container
    return "article"
