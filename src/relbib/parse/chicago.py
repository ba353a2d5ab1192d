"""Chicago full notes with a publication parenthetical → entry type and fields.

Input: the body of one footnote (its single-page pinpoint already split off),
such as "Jane Doe, “Chapter,” in Big Book, ed. John Roe (London: Verso,
2015), 33–45." or "John Roe, ed., Big Book, 2nd ed. (London: Verso, 2015)".
Output: ``(entry type, fields)`` when the whole note fits one of the shapes
below, else None so the CRF tagger reads it.
Never: guess — every comma chunk must be understood or the reader declines;
read reference-list items (the reader runs only on notes); touch files.

The shapes (Chicago notes, and the many essays that write notes like them):

* book: ``Author[, ed.], Title[, 2nd ed.][, trans. X][, vol. 2][, Series]
  (Place: Publisher, Year)``;
* chapter: ``Author, “Chapter,” in Book, ed. Editor (Place: Publisher, Year),
  33–45`` — a range after the bracket is the chapter's pages;
* thesis: ``Author, “Title” (PhD diss., University, Year)``;
* report: ``Author, “Title,” NBER Working Paper No. 20935 (Place: Publisher,
  Year)``;
* unpublished or official material named by its genre, with no title of its
  own (``read_genre_note``): ``Ministry of Foreign Affairs, Press Release.``,
  ``Interview with the author, Islamabad, 12 May 2020.`` → ``misc``.
"""

from __future__ import annotations

import re

from relbib.model import FieldValue, Name
from relbib.parse import patterns as P
from relbib.parse.dates import parse_date
from relbib.parse.fields import clean_edition, clean_title, strip_punct
from relbib.parse.names import looks_like_organisation, split_names
from relbib.parse.pages import normalize_pages

__all__ = ["british_quoted_title", "name_run", "read_facts_note", "read_genre_note", "series_part", "title_quote"]

# The longest name (in words) of one person in an author run.
_MAX_NAME_WORDS = 5
# How many comma chunks an author run may span ("A, B, and C").
_MAX_AUTHOR_CHUNKS = 4
# German titles open low and close high: „Titel“.
_QUOTE_PAIRS = {"\u2018": "\u2019", "\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb", "'": "'", "\u201e": "\u201c"}


def title_quote(text: str) -> tuple[int, int, str] | None:
    """Span and body of the quoted title: the first quote that opens after a
    comma (or at the start) and closes before a comma, stop, bracket or "in"."""
    for m in re.finditer(r"(?:^|(?<=[,.:]\s)|(?<=\s))([\u2018\u201c\"\u00ab'\u201e])", text):
        opener = m.group(1)
        closer = _QUOTE_PAIRS[opener]
        begin = m.end()
        if m.start() > 0 and not re.search(r"[,.:]\s*$", text[: m.start()]):
            continue
        # the closing quote is followed by punctuation and a space, or the end
        for close in re.finditer(re.escape(closer) + r"(?=\s*[,.;:]?(?:\s|$))", text[begin:]):
            stop = begin + close.start()
            body = text[begin:stop]
            # an apostrophe inside a word ("Russia’s") is not a closing quote
            if (
                closer == "\u2019"
                and re.search(r"[^\W_]$", body)
                and re.match(r"[a-z]", text[stop + 1 : stop + 2] or " ")
            ):
                continue
            if closer != opener and body.count(opener) > body.count(closer):
                continue  # "““The Land”: Reflections,”": this quote closes the inner one
            if len(body) < 3:
                break
            return m.start(), stop + 1, body
        break
    return None


def read_facts_note(text: str) -> tuple[str, dict[str, FieldValue]] | None:
    """Entry type and fields of a note whose facts of publication are in one
    closing bracket (see the module docstring), or None."""
    m = P.NOTE_FACTS_TAIL.match(text.strip())
    if m is None:
        return None
    fields: dict[str, FieldValue] = {}
    thesis = _read_facts(m.group("facts"), fields)
    if thesis is None:
        return None
    if m.group("pages"):
        fields["pages"] = normalize_pages(m.group("pages"))
    head = m.group("head").strip(" ,")
    quote = title_quote(head)
    if quote is not None:
        kind = _quoted_head(head, quote, fields, thesis)
    else:
        kind = _plain_head(head, fields, thesis)
    if kind is None or not fields.get("title"):
        return None
    return kind, fields


def read_genre_note(text: str) -> tuple[str, dict[str, FieldValue]] | None:
    """ "[Author, ]Genre[, place][, date][, URL]" → ("misc", fields), or None.

    The genre chunk ("Press Release", "Interview with the author") is the
    title and ``howpublished``; a date gives year and date, a URL the url,
    and what is left (a place) the note.
    """
    if re.search(r"[()\[\]\u201c\u201d\u2018\u00ab\"]", text):
        return None
    url = P.URL.search(text)
    body = text[: url.start()] if url else text
    chunks = _chunks(P.MONTH_DAY_COMMA_YEAR.sub(r"\g<month>\g<year>", body))
    at = next((i for i, c in enumerate(chunks) if P.NOTE_GENRE.match(c)), None)
    if at is None or at > 2 or len(chunks) > at + 3:
        return None
    fields: dict[str, FieldValue] = {}
    if at:
        names = _name_run(", ".join(chunks[:at]))
        if names is None:
            return None
        fields["author"] = names
    genre = strip_punct(chunks[at])
    fields["title"] = genre[:1].upper() + genre[1:]
    # a bare genre ("Press Release") is also what the source is; "Interview
    # with the author" is a title that says it.
    if not re.search(r"(?i)\b(?:with|by|to|from)\b", genre):
        fields["howpublished"] = genre.lower()
    notes: list[str] = []
    for chunk in chunks[at + 1 :]:
        if not (re.search(r"\d", chunk) and _set_date(fields, chunk)):
            if re.search(r"\d", chunk):
                return None
            notes.append(strip_punct(chunk))
    if notes:
        fields["note"] = "; ".join(notes)
    if url:
        fields["url"] = url.group("url").rstrip(".,;)>")
    return "misc", fields


# --- the bracket -----------------------------------------------------------------


def _read_facts(facts: str, fields: dict[str, FieldValue]) -> str | None:
    """Fill address/publisher (or school and thesis type) and the date.

    Returns the thesis entry type ("phdthesis", "mastersthesis"), "" for a
    publication, or None when the bracket is neither.
    """
    chunks = [c.strip() for c in facts.split(",")]
    genre = chunks[0]
    german = P.GERMAN_THESIS.match(genre)
    if len(chunks) == 2 and german is not None and _set_date(fields, chunks[1]):
        fields["type"], fields["school"] = german.group("genre").strip(), german.group("school")
        return "phdthesis"  # "(Diss. phil. Berlin, 1998)"
    if len(chunks) >= 3 and (P.THESIS.search(genre) or P.MASTERS.search(genre)):
        if not _set_date(fields, chunks[-1]):
            return None
        fields["type"] = strip_punct(genre)
        fields["school"] = ", ".join(chunks[1:-1])
        return "phdthesis" if P.THESIS.search(genre) else "mastersthesis"
    pub = P.NOTE_PUBLICATION.match(facts.strip())
    if pub is None or pub.group("address") is None or not _set_date(fields, pub.group("date")):
        return None
    address, publisher = pub.group("address").strip(), pub.group("publisher").strip()
    if not address or not publisher or re.search(r"\d", address + publisher):
        return None
    fields["address"] = strip_punct(address)
    fields["publisher"] = strip_punct(publisher)
    return ""


def _set_date(fields: dict[str, FieldValue], text: str) -> bool:
    year, iso = parse_date(text)
    if not year or len(text) > 25:
        return False
    fields["year"] = year
    if iso:
        fields["date"] = iso
    return True


# --- the head: quoted title --------------------------------------------------------


def _quoted_head(
    head: str, quote: tuple[int, int, str], fields: dict[str, FieldValue], thesis: str
) -> str | None:
    start, end, body = quote
    fields["title"] = clean_title(body)
    before = head[:start].strip(" ,")
    after = head[end:].strip(" ,.")
    if before:
        names = _name_run(before)
        if names is None:
            return None
        fields["author"] = names
    if thesis:
        return thesis if not after else None
    if not after:
        return None
    numbered = P.NOTE_PART_OF_BOOK.match(after)
    if numbered is not None and numbered.group("chapter"):
        fields["chapter"] = numbered.group("chapter")  # "“Tides,” chap. 1 in Big Book (…)"
        return _chapter(after[numbered.end():], fields)
    container = P.LEADING_IN.sub("", after, count=1)
    if container != after:
        # "in Judith Fingard and Janet Guildford, eds., Mothers of the Municipality"
        # (not "in Big Book, ed. John Roe": there the names follow the role)
        lead = P.CONTAINER_EDITORS.match(after)
        rest = lead.group("rest") if lead is not None else ""
        if lead is not None and not re.match(r"(?i)by\s", rest) and _name_run(rest) is None:
            editors = _name_run(lead.group("names"))
            if editors is None:
                return None
            fields["editor"] = editors
            container = lead.group("rest")
        return _chapter(container, fields)
    report = P.NOTE_REPORT_NUMBER.match(after)
    if report is not None and "(" not in after:
        return _report(report, fields)
    return None


def _chapter(container: str, fields: dict[str, FieldValue]) -> str | None:
    """ "Big Book, ed. John Roe[, vol. 2]" → booktitle, editor and the rest."""
    chunks = _chunks(container)
    if not chunks or P.NOTE_SENTENCE_STOP.search(container):
        return None
    title_parts, rest = _title_and_extras(chunks, fields)
    if rest is None or not title_parts:
        return None
    fields["booktitle"] = clean_title(", ".join(title_parts))
    return "inproceedings" if P.PROCEEDINGS.search(str(fields["booktitle"])) else "incollection"


def _report(m: re.Match[str], fields: dict[str, FieldValue]) -> str:
    """ "NBER Working Paper No. 20935" → institution, series, type, number."""
    series = m.group("series").strip()
    kind = m.group("kind")
    issuer = series[: m.start("kind")].strip(" ,")
    fields["type"] = " ".join(w.capitalize() for w in kind.split())
    fields["series"] = series
    if m.group("number"):
        fields["number"] = m.group("number")
    institution = issuer or str(fields.get("publisher", ""))
    if institution:
        fields["institution"] = institution
    return "techreport"


# --- the head: plain title ----------------------------------------------------------


def _plain_head(head: str, fields: dict[str, FieldValue], thesis: str) -> str | None:
    """ "Author[, ed.], Title[, extras]" → names, title and extras."""
    if P.NOTE_SENTENCE_STOP.search(head) or re.search("[\u201c\u201d\u00ab\u00bb\"]", head):
        return None
    chunks = _chunks(head)
    if not chunks:
        return None
    k, names = _author_run(chunks)
    role = "author"
    if names and k < len(chunks) and (alone := P.NOTE_ROLE_ALONE.match(chunks[k])):
        role = "translator" if alone.group("role").lower().startswith("trans") else "editor"
        k += 1
    if names:
        fields[role] = names
    elif len(chunks) > 2 or len(chunks) == 2 and not P.NOTE_CATALOGUE.match(chunks[1]):
        return None  # "Nye, Soft Power, …": no name run opens it, so the CRF reads it
    if names and k < len(chunks) - 1 and _contributor(chunks[k], fields):
        k += 1  # "Ada Roe, with an essay by Ivo Sand, Title": Sand is no author
    part = P.NOTE_PART_OF_BOOK.match(chunks[k]) if k < len(chunks) else None
    if part is not None and part.group("part") and not thesis:
        # "Ada Roe, introduction to Big Book, exh. cat. (…)": the part is hers, the book its container
        fields["title"] = part.group("part").capitalize()
        return _chapter(", ".join([chunks[k][part.end():], *chunks[k + 1:]]), fields)
    title_parts, rest = _title_and_extras(chunks[k:], fields)
    if rest is None or not title_parts:
        return None
    fields["title"] = clean_title(", ".join(title_parts))
    return thesis or "book"


def _author_run(chunks: list[str]) -> tuple[int, tuple[Name, ...] | None]:
    """How many leading chunks name the authors ("A, B, and C") and their names."""
    if len(chunks) < 2:
        return 0, None
    # "A, B, and C, Title" / "A, B and C, Title" / "Hengel, M., and A.M.
    # Schwemer, Title": the run closes with the first chunk holding "and".
    for j in range(1, min(len(chunks) - 1, _MAX_AUTHOR_CHUNKS)):
        if re.search(r"(?:^|\s)(?:and|&)\s", chunks[j]):
            names = _name_run(", ".join(chunks[: j + 1]))
            if names is not None:
                return j + 1, names
            break
    # "Murray, G., Five Stages (…)" / "NAVA, Mica, Visceral (…)": one name
    # inverted, its given name (initials or one word) in the second chunk.
    if len(chunks) >= 3 and _inverted_name(chunks[0], chunks[1]):
        return 2, split_names(f"{chunks[0]}, {chunks[1]}") or None
    names = _name_run(chunks[0])
    return (1, names) if names else (0, None)


def _inverted_name(family: str, given: str) -> bool:
    """ "Murray" + "G." / "Sherwin-White" + "A.N." / "NAVA" + "Mica": Family, Given."""
    words = family.split()
    if not 1 <= len(words) <= 3 or not all(P.NOTE_NAME_WORD.match(w) for w in words):
        return False
    if not words[-1][:1].isupper() or "." in family:
        return False
    initials = given.replace(".", ". ").split()
    if initials and all(P.INITIAL_TOKEN.match(t) for t in initials):
        return True
    return bool(re.fullmatch(r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'\u2019\-]+", given))


def name_run(text: str) -> tuple[Name, ...] | None:
    """Names of an author text in natural order (a body's name as one literal name),
    or None when it is no name list."""
    return _name_run(text)


def _name_run(text: str) -> tuple[Name, ...] | None:
    """Names of an author text in natural order, or None when it is no name list."""
    text = text.strip(" ,")
    if P.ACRONYM.match(text) or looks_like_organisation(text) and not P.NAME_CONJ.search(text):
        return (Name(family=text, literal=True),)
    # every piece between "and", "&" and commas is a name or its inverted half
    pieces = [p.split() for p in re.split(r",|" + P.NAME_CONJ.pattern, P.ET_AL.sub("", text))]
    pieces = [p for p in pieces if p]
    if not pieces or (len(pieces) == 1 and len(pieces[0]) < 2):
        return None  # "Nye": one bare word is no name run
    for words in pieces:
        if len(words) > _MAX_NAME_WORDS or not all(P.NOTE_NAME_WORD.match(w) for w in words):
            return None
    names = split_names(text)
    return names or None


def _title_and_extras(
    chunks: list[str], fields: dict[str, FieldValue]
) -> tuple[list[str], list[str] | None]:
    """The title's chunks and the extras after it (edition, editors, translators,
    volume, series) put in ``fields``; None for the rest when a chunk after an
    extra is not understood."""
    title: list[str] = []
    extras: list[str] = []
    for chunk in chunks:
        if _extra(chunk, fields):
            extras.append(chunk)
        elif extras:
            # a series names itself as the last chunk ("…, Public Affairs Series")
            if chunk is chunks[-1] and P.NOTE_SERIES.search(chunk) and "series" not in fields:
                fields["series"] = strip_punct(chunk)
                continue
            return title, None
        else:
            title.append(chunk)
    # "Soft Power, Public Affairs Series": the last title chunk that names a
    # series is the series, when the title keeps a chunk of its own.
    number = re.fullmatch(r"(?i)no\.\s?(\d{1,4})", title[-1].strip()) if len(title) > 2 else None
    if number and P.NOTE_SERIES.search(title[-2]) and "series" not in fields:
        fields["number"] = number.group(1)  # "…, Studies in Economics, no. 42": the series' number
        title.pop()
    if len(title) > 1 and P.NOTE_SERIES.search(title[-1]) and "series" not in fields:
        fields["series"] = strip_punct(title.pop())
    return title, extras


# One person in two roles, or two people in one chunk: "ed. and trans. Anna Field",
# "translated by Anna Field and edited by Tom Rye".
_BOTH_ROLES = re.compile(r"^(?i:ed\.\s(?:and|&)\s(?:trans|tr)\.|edited\sand\stranslated\sby|"
                         r"translated\sand\sedited\sby)\s(?P<names>\S.*)$")
_SECOND_ROLE = re.compile(r"\s(?:and|&)\s(?=(?:edited|translated)\sby\s)")


def _contributor(chunk: str, fields: dict[str, FieldValue]) -> bool:
    """ "with an essay by Ivo Sand" → kept as the ``addendum``; False when ``chunk`` names none."""
    m = P.NOTE_WITH_CONTRIBUTOR.match(chunk)
    if m is None or _name_run(m.group("names")) is None:
        return False
    fields.setdefault("addendum", chunk)
    return True


def _extra(chunk: str, fields: dict[str, FieldValue]) -> bool:
    """Put one extra chunk of a book or container in ``fields``; False if it is none."""
    if P.NOTE_CATALOGUE.match(chunk):  # "exh. cat.": what the book is, not its title
        fields.setdefault("note", chunk.rstrip("."))
        return True
    if _contributor(chunk, fields):
        return True
    if P.EDITION_ONLY.match(chunk) and "edition" not in fields:
        fields["edition"] = clean_edition(chunk)
        return True
    both = _BOTH_ROLES.match(chunk)
    if both:
        names = _name_run(both.group("names"))
        if names is None:
            return False
        fields["editor"] = fields["translator"] = names
        return True
    parts = _SECOND_ROLE.split(chunk)
    if len(parts) == 2:
        trial: dict[str, FieldValue] = {}
        if all(_extra(part, trial) for part in parts):
            fields.update(trial)
            return True
        return False
    role = P.NOTE_ROLE_NAMES.match(chunk)
    if role:
        names = _name_run(role.group("names"))
        if names is None:
            return False
        field = "translator" if role.group("role").lower().startswith(("trans", "übers")) else "editor"
        earlier = fields.get(field, ())
        fields[field] = (*(earlier if isinstance(earlier, tuple) else ()), *names)
        return True
    if series_part(chunk, fields):
        return True
    volume = P.NOTE_VOLUME.match(chunk)
    if volume and volume.group("volume"):
        fields["volume"] = volume.group("volume")
        return True
    return bool(volume)


def series_part(chunk: str, fields: dict[str, FieldValue]) -> bool:
    """Put the series, part or German volume of an edition of documents ("ser. D",
    "2nd ser.", "pt. 1", "Bd. 3") in ``fields``; False when ``chunk`` is none of them."""
    found = P.NOTE_SERIES_PART.match(chunk)
    if found is None:
        return False
    for field in ("series", "part", "volume"):
        if found.group(field):  # "ser. D" → "D", "2nd ser." → "2"
            fields[field] = re.sub(r"(?i)^(?:ser\.|series|serie|reihe)\s|(?<=\d)(?:st|nd|rd|th|d)\sser(?:\.|ies)$",
                                   "", found.group(field))
    return True


def _chunks(text: str) -> list[str]:
    return [c.strip() for c in re.split(r",\s+", text.strip(" ,.")) if c.strip()]


# --- British quotes and edition words, after any reader ------------------------------

# "Script, n.1’, OED Online" read as one title: the ’ before ", " closes a British
# quoted title (an apostrophe inside a word, "Lab’s", is followed by a letter).
_CLOSED_BRITISH_TITLE = re.compile(
    r"^(?P<title>[^\u2018\u2019]*?[^\s\u2018\u2019])\u2019,\s+(?:in\s+)?(?P<container>\S.*)$"
)
# Edition and printing words closing a title or container: ", Fifth edition, second
# printing", ", 13. printing", ", King James Version", and Zotero's empty-field ", Array".
_EDITION_TAIL = re.compile(
    r"(?:\.?,\s(?:(?:\d+\.?|\d+(?:st|nd|rd|th)|[A-Za-z]+)\s(?i:edition|edn|printing|impression|reprint)"
    r"|(?:[A-Z][\w-]*\s){1,3}Version|Array))+\.?$"
)
# Where each kind of entry keeps its container.
_CONTAINER_OF = {"article": "journal", "online": "howpublished", "misc": "howpublished"}


def british_quoted_title(
    kind: str, fields: dict[str, FieldValue], text: str
) -> tuple[str, dict[str, FieldValue]]:
    """The entry type and fields of a note whose reader took a British quoted title
    and its container for one title ("‘Entry’, Big Dictionary"), and without the
    edition words left closing its title or container; unchanged otherwise."""
    out = dict(fields)
    title = out.get("title")
    m = _CLOSED_BRITISH_TITLE.match(title) if isinstance(title, str) else None
    if m is not None and f"\u2018{m.group('title')}\u2019" in text:
        out["title"] = m.group("title")
        container = _EDITION_TAIL.sub("", m.group("container").split(" (")[0]).strip(" ,.")
        field = _CONTAINER_OF.get(kind, "booktitle")
        if kind == "book" or (kind == "misc" and re.search(r"\u2019,\s+in\s", text)):
            kind, field = "incollection", "booktitle"
        if not out.get(field):
            out[field] = container
    for field in ("title", "booktitle", "journal"):
        value = out.get(field)
        if isinstance(value, str) and _EDITION_TAIL.search(value):
            out[field] = _EDITION_TAIL.sub("", value).strip(" ,")
    return kind, out
