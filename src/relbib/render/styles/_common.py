"""Template pieces shared by relbib's own pybtex styles (Chicago, APA).

Input: pybtex entries, as a .bib file or :mod:`relbib.render.convert` makes them.
Output: pybtex template nodes and sorting/lenient helpers.
Never: import anything from relbib outside this package's ``convert`` and
:mod:`relbib.lexicon` (these styles must also work when pybtex loads them
through its entry points).

Every node raises ``FieldIsMissing`` when its data is absent, so templates
can wrap it in ``optional`` or ``first_of`` exactly like pybtex's own fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pybtex.richtext import HRef, String, Symbol, Text
from pybtex.style.names import lastfirst, plain
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import (
    FieldIsMissing,
    field,
    first_of,
    join,
    node,
    optional,
    optional_field,
    sentence,
    tag,
)

from relbib import lexicon
from relbib.library.identity import entry_year

MONTH_NAMES = lexicon.months("en")
_MONTHS: dict[str, int] = dict(lexicon.month_words(("en",), forms=("wide", "abbr", "variant")))
for _n in range(1, 13):
    _MONTHS[str(_n)] = _n
    _MONTHS[f"{_n:02d}"] = _n

# ISO 8601 date, possibly reduced (2021, 2021-03, 2021-03-01); anything after
# (a time, a range "/2022") is ignored
_ISO_DATE = re.compile(r"^\s*(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")
# a run of dashes between two page numbers: "43--65", "43-65", "43–65"
_PAGE_DASH = re.compile(rf"(?<!\s)\s*+{lexicon.DASH}+\s*")  # a space run is tried from its start only
# a DOI already written as a resolver URL or with a "doi:" prefix
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# leading articles Chicago and APA skip when alphabetizing a title
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# braces and backslashes left in names and titles of a .bib, for sort keys
_MARKUP = re.compile(r"[{}\\\ue000-\ue00d]")


# --- dates ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: str
    month: int | None = None
    day: int | None = None


def entry_date(entry: Any) -> PartialDate | None:
    """The entry's date from ``date`` (ISO 8601), else ``year`` and ``month``."""
    fields = entry.fields
    match = _ISO_DATE.match(fields.get("date", ""))
    if match:
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= month <= 12:
            month, day = None, None
        if day is not None and not 1 <= day <= 31:
            day = None
        return PartialDate(match["year"], month, day)
    year = fields.get("year", "").strip()
    if not year:
        return None
    month_raw = fields.get("month", "").strip().rstrip(".").lower()
    return PartialDate(year, _MONTHS.get(month_raw), None)


def _date_words(date: PartialDate, form: str) -> str:
    month = MONTH_NAMES[date.month - 1] if date.month else ""
    if form == "md":  # Chicago author-date after the year: January 15
        if not month:
            return ""
        return f"{month} {date.day}" if date.day else month
    if form == "year" or not month:
        return date.year
    if form == "mdy":  # Chicago: January 15, 2021
        return f"{month} {date.day}, {date.year}" if date.day else f"{month} {date.year}"
    if form == "ymd":  # APA: 2021, January 15
        return f"{date.year}, {month} {date.day}" if date.day else f"{date.year}, {month}"
    raise ValueError(form)


@node
def date(children: list[Any], context: dict[str, Any], form: str = "year") -> Text:
    """The entry's date: ``year``, ``mdy`` (Chicago), ``ymd`` (APA) or ``md``."""
    if children:
        raise ValueError(children)
    found = entry_date(context["entry"])
    words = _date_words(found, form) if found else ""
    if not words:
        raise FieldIsMissing("year", context["entry"])
    return Text(words)


@node
def has_full_date(children: list[Any], context: dict[str, Any]) -> Text:
    """Empty text when the date has a month (so ``first_of`` can branch)."""
    found = entry_date(context["entry"])
    if found is None or found.month is None:
        raise FieldIsMissing("month", context["entry"])
    return Text()


@node
def urldate(children: list[Any], context: dict[str, Any]) -> Text:
    """The access date (``urldate``) as Chicago spells dates."""
    raw = context["entry"].fields.get("urldate", "")
    match = _ISO_DATE.match(raw)
    if not match:
        raise FieldIsMissing("urldate", context["entry"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    return Text(_date_words(PartialDate(match["year"], month if month and month <= 12 else None, day), "mdy"))


# --- pages, DOI, URL ---------------------------------------------------------


@node
def pages(children: list[Any], context: dict[str, Any]) -> Text:
    """The page range with an en dash: 43–65."""
    if children:
        raise ValueError(children)
    value = field("pages").format_data(context)
    return Text(Symbol("ndash")).join(value.split(_PAGE_DASH))


@node
def doi_or_url(children: list[Any], context: dict[str, Any]) -> Text:
    """``https://doi.org/DOI`` when there is a DOI, else the URL."""
    fields = context["entry"].fields
    doi = fields.get("doi", "").strip()
    if doi:
        url = "https://doi.org/" + _DOI_PREFIX.sub("", doi)
        return Text(HRef(url, String(url)))
    url = fields.get("url", "").strip()
    if url:
        return Text(HRef(url, String(url)))
    raise FieldIsMissing("url", context["entry"])


# --- names --------------------------------------------------------------------

_LASTFIRST = lastfirst.NameStyle()
_PLAIN = plain.NameStyle()


def _persons(context: dict[str, Any], role: str) -> list[Any]:
    persons = context["entry"].persons.get(role)
    if not persons:
        raise FieldIsMissing(role, context["entry"])
    return list(persons)


def _is_others(person: Any) -> bool:
    # BibTeX's "and others" marks a list cut short
    return str(person).strip().lower() == "others"


@node
def chicago_names(children: list[Any], context: dict[str, Any], role: str = "author", invert_first: bool = True) -> Text:
    """Chicago: "Last, First, First Last, and First Last"; over ten: seven + et al."""
    persons = _persons(context, role)
    others = len(persons) > 10 or _is_others(persons[-1])
    persons = [p for p in persons if not _is_others(p)]
    if len(persons) > 10:
        persons = persons[:7]
    parts = [
        (_LASTFIRST if invert_first and i == 0 else _PLAIN).format(p).format_data(context)
        for i, p in enumerate(persons)
    ]
    if others:
        return Text(join(sep=", ")[parts].format_data(context), ", et al.")
    return join(sep=", ", sep2=" and " if not invert_first or len(parts) != 2 else ", and ",
                last_sep=", and ")[parts].format_data(context)


@node
def apa_names(children: list[Any], context: dict[str, Any], role: str = "author", invert: bool = True) -> Text:
    """APA 7: "Last, F. M., Last, F., & Last, F."; over twenty: nineteen, …, last."""
    persons = [p for p in _persons(context, role) if not _is_others(p)]
    style = _LASTFIRST if invert else _PLAIN
    parts = [style.format(p, abbr=True).format_data(context) for p in persons]
    if len(parts) > 20:
        return Text(join(sep=", ")[parts[:19]].format_data(context), ", . . . ", parts[-1])
    if not invert:
        return join(sep=", ", sep2=" & ", last_sep=", & ")[parts].format_data(context)
    return join(sep=", ", sep2=", & ", last_sep=", & ")[parts].format_data(context)


@node
def count_word(children: list[Any], context: dict[str, Any], role: str, one: str, many: str) -> Text:
    """``one`` or ``many`` by the number of people in ``role`` ("ed."/"eds.")."""
    persons = _persons(context, role)
    return Text(one if len(persons) == 1 else many)


# --- sorting and leniency -------------------------------------------------


def _plain_key(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split()).casefold()


def _person_key(person: Any) -> str:
    family = " ".join(person.prelast_names + person.last_names)
    given = " ".join(person.first_names + person.middle_names)
    return _plain_key(f"{family}  {given}")


class SortingStyle(BaseSortingStyle):
    """Alphabetical by the first element (author, else editor, else title).

    ``order`` says what breaks ties: "title" then "year" (Chicago notes-
    bibliography) or "year" then "title" (author-date styles).  An entry with no
    author sorts under its title, leading articles skipped, as Chicago and APA
    ask; pybtex's own sorting puts such entries first.
    """

    order = ("title", "year")

    def sorting_key(self, entry: Any) -> tuple[str, ...]:
        persons = entry.persons.get("author") or entry.persons.get("editor")
        title = _ARTICLE.sub("", _plain_key(entry.fields.get("title", "")))
        if persons:
            first = "   ".join(_person_key(p) for p in persons)
        else:
            org = entry.fields.get("organization") or entry.fields.get("institution") or ""
            first = _plain_key(org) if entry.type in ("manual", "techreport") and org else title
        found = entry_date(entry)
        year = found.year if found else "9999"
        rest = {"title": title, "year": year}
        return (first, *(rest[k] for k in self.order), entry.key or "")


class AuthorDateSorting(SortingStyle):
    order = ("year", "title")


class PurifiedAuthorYearTitle(BaseSortingStyle):
    """pybtex's author-year-title order, with braces and case ignored.

    pybtex compares raw strings, so ``{World Health Organization}`` sorts
    after every lower-case name; BibTeX purifies keys first, and so do we.
    """

    def sorting_key(self, entry: Any) -> tuple[str, ...]:
        persons = entry.persons.get("author")
        if entry.type in ("book", "inbook") and not persons:
            persons = entry.persons.get("editor")
        first = "   ".join(_person_key(p) for p in persons) if persons else ""
        year = entry_year(entry.fields)
        title = _plain_key(entry.fields.get("title", ""))
        return (first, "" if year is None else f"{year:04d}", title, entry.key or "")


# --- small text nodes ----------------------------------------------------------

_ORDINAL_WORDS = lexicon.number_words("ordinal")
# "2", "2nd", "2nd edition", "Second"
_EDITION_NUMBER = re.compile(r"^\s*(\d+)(?:st|nd|rd|th)?\b\.?(?:\s*(?:ed|edn|edition)\.?)?\s*$", re.IGNORECASE)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@node
def edition(children: list[Any], context: dict[str, Any]) -> Text:
    """"2nd ed." from "2", "2nd", "second"; a first edition is not shown."""
    value = field("edition").format_data(context)
    raw = str(value).strip()
    match = _EDITION_NUMBER.match(raw)
    number = int(match.group(1)) if match else _ORDINAL_WORDS.get(raw.lower().split(" ")[0])
    if number == 1:
        raise FieldIsMissing("edition", context["entry"])
    if number:
        return Text(f"{ordinal(number)} ed.")
    if re.search(r"\bed(ition|n)?\b", raw, re.IGNORECASE):
        return value
    return Text(value, " ed.")


@node
def quoted(children: list[Any], context: dict[str, Any], period: bool = True) -> Text:
    """“Text.” with the period inside the quotation marks (American usage)."""
    text = join[children].format_data(context)
    if not text:
        return Text()
    if period:
        text = text.add_period()
    return Text("\u201c", text, "\u201d")


@node
def nonempty(children: list[Any], context: dict[str, Any]) -> Text:
    """The children, or a missing field when they come out empty."""
    text = join[children].format_data(context)
    if not text:
        raise FieldIsMissing("(group)", context["entry"])
    return text


@node
def unless_author(children: list[Any], context: dict[str, Any]) -> Text:
    """The children, unless they repeat the author (APA: publisher = author)."""
    text = join[children].format_data(context)
    authors = context["entry"].persons.get("author") or []
    if len(authors) == 1 and _plain_key(str(text)) == _plain_key(str(authors[0])):
        raise FieldIsMissing("publisher", context["entry"])
    return text


# --- template parts -----------------------------------------------------------


def _has_creator(e: Any, org_fields: tuple[str, ...] = ()) -> bool:
    """True when the entry has an author, an editor or one of ``org_fields``."""
    return bool(
        e.persons.get("author") or e.persons.get("editor")
        or any(e.fields.get(name) for name in org_fields)
    )


def author_date_head(e: Any, creator: Any, when: Any, title: Any, *,
                     org_fields: tuple[str, ...] = ()) -> list[Any]:
    """Creator. When. Title.  With no creator the title leads: Title. When."""
    if _has_creator(e, org_fields):
        return [sentence[creator], sentence[when], title]
    return [title, sentence[when]]


def misc_site() -> Any:
    """Where a web page or other work appeared (Chicago and APA ask the same)."""
    return first_of[
        optional_field("howpublished"),
        optional[tag("em")[field("journal")]],
        optional_field("organization"),
        optional_field("publisher"),
        optional_field("institution"),
    ]


def unpublished_kind() -> Any:
    """What an unpublished work is: its note, how it was published, or
    "Unpublished manuscript"."""
    return first_of[optional_field("note"), optional_field("howpublished"), "Unpublished manuscript"]


class SharedTypes:
    """Mixin: the entry types Chicago and APA format with another template.

    A thesis goes through the style's ``thesis(e, kind)`` (``phdthesis_kind``
    names a doctoral one); an ``online`` entry is formatted as ``misc``.
    """

    phdthesis_kind: str  # "PhD diss." (Chicago), "Doctoral dissertation" (APA)

    def get_phdthesis_template(self: Any, e: Any) -> Any:
        return self.thesis(e, self.phdthesis_kind)

    def get_mastersthesis_template(self: Any, e: Any) -> Any:
        return self.thesis(e, "Master\u2019s thesis")

    def get_online_template(self: Any, e: Any) -> Any:
        return self.get_misc_template(e)


class LenientStyle:
    """Mixin: an entry missing a required field is still formatted.

    pybtex raises ``FieldIsMissing`` for an article without a journal, and has
    no template for types it does not know; relbib formats libraries built
    from footnotes, where both happen.  Falls back to the misc template, then
    to the title (or key) alone.
    """

    def format_entry(self, label: str, entry: Any, bib_data: Any = None) -> Any:
        from pybtex.style import FormattedEntry

        has_template = hasattr(self, f"get_{entry.type}_template") or hasattr(self, f"format_{entry.type}")
        if has_template:
            try:
                return super().format_entry(label, entry, bib_data=bib_data)  # type: ignore[misc]
            except FieldIsMissing:
                pass
        context = {"entry": entry, "style": self, "bib_data": bib_data}
        try:
            text = self.get_misc_template(entry).format_data(context)  # type: ignore[attr-defined]
        except FieldIsMissing:
            text = Text(str(entry.fields.get("title") or entry.key or "")).add_period()
        return FormattedEntry(entry.key, text, label)
