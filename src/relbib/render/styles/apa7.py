"""APA Style, 7th edition: reference-list entries.

Input: pybtex entries.
Output: pybtex rich text per entry, e.g.
``Khan, A., & Ali, O. (2021). Title of the article. *Journal*, *12*(3), 43–65. https://doi.org/…``
Never: read files or import relbib outside ``relbib.render.styles``.

Registered for pybtex as ``apa7``.  Titles are kept as the library spells
them: turning title case into sentence case would lower-case proper nouns.
"""

from __future__ import annotations

from typing import Any

from pybtex.style.formatting import BaseStyle, toplevel
from pybtex.style.template import (
    field,
    first_of,
    join,
    optional,
    optional_field,
    sentence,
    tag,
    words,
)

from relbib.render.styles._common import (
    AuthorDateSorting,
    LenientStyle,
    SharedTypes,
    apa_names,
    author_date_head,
    count_word,
    date,
    doi_or_url,
    edition,
    misc_site,
    nonempty,
    pages,
    unless_author,
    unpublished_kind,
)

# Entry types whose date APA gives in full: (2021, January 15)
_FULL_DATE_TYPES = frozenset({"misc", "online", "unpublished", "booklet"})


class Style(LenientStyle, SharedTypes, BaseStyle):
    """``apa7``: Author, A. A. (Year). Title. Source. DOI."""

    default_name_style = "lastfirst"
    default_label_style = "number"
    default_sorting_style = AuthorDateSorting
    phdthesis_kind = "Doctoral dissertation"

    def creator(self, e: Any, *, org_fields: tuple[str, ...] = ()) -> Any:
        choices = [
            optional[apa_names("author")],
            optional[words[apa_names("editor"), join["(", count_word("editor", "Ed.", "Eds."), ")"]]],
        ]
        choices += [optional_field(name) for name in org_fields]
        return first_of[choices]

    def full_date(self, e: Any) -> bool:
        # newspapers and magazines (an article without a volume) are dated in full
        return e.type in _FULL_DATE_TYPES or (e.type == "article" and "volume" not in e.fields)

    def head(self, e: Any, title: Any, *, org_fields: tuple[str, ...] = ()) -> list[Any]:
        """Author. (Date). Title.  With no author: Title. (Date)."""
        when = join["(", first_of[optional[date("ymd" if self.full_date(e) else "year")], "n.d."], ")"]
        return author_date_head(e, self.creator(e, org_fields=org_fields), when, title,
                                org_fields=org_fields)

    def title_plain(self, *extra: Any) -> Any:
        return sentence[join(sep=" ")[field("title"), *extra]]

    def title_italic(self, *extra: Any) -> Any:
        return sentence[join(sep=" ")[tag("em")[field("title")], *extra]]

    def book_details(self, *more: Any) -> Any:
        """(2nd ed., Vol. 3) after a book's title."""
        inner = join(sep=", ")[optional[edition], optional[words["Vol.", field("volume")]], *more]
        return optional[join["(", nonempty[inner], ")"]]

    def publisher(self, *names: str) -> Any:
        return optional[sentence[unless_author[first_of[[optional_field(n) for n in names]]]]]

    def link(self) -> Any:
        # APA puts no period after a DOI or URL
        return optional[doi_or_url()]

    def get_article_template(self, e: Any) -> Any:
        source = join(sep=", ")[
            tag("em")[field("journal")],
            optional[join[tag("em")[field("volume")], optional["(", field("number"), ")"]]],
            optional[pages],
        ]
        return toplevel[*self.head(e, self.title_plain()), sentence[source], self.link()]

    def contributors(self, e: Any) -> Any:
        """(A. Editor, Ed.; T. Translator, Trans.) after an authored book's title."""
        editors = None
        if e.persons.get("author"):
            editors = optional[join(sep=", ")[apa_names("editor", invert=False), count_word("editor", "Ed.", "Eds.")]]
        translators = optional[join(sep=", ")[apa_names("translator", invert=False), "Trans."]]
        return optional[join["(", nonempty[join(sep="; ")[editors, translators]], ")"]]

    def get_book_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_italic(self.contributors(e), self.book_details())),
            self.publisher("publisher"),
            self.link(),
        ]

    def get_booklet_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_italic()),
            self.publisher("howpublished", "publisher"),
            self.link(),
        ]

    def in_container(self) -> Any:
        """In A. Editor (Ed.), *Booktitle* (pp. 43–65)."""
        editors = optional[words[apa_names("editor", invert=False), join["(", count_word("editor", "Ed.", "Eds."), ")"]]]
        return sentence[words[
            "In",
            join(sep=", ")[editors, tag("em")[field("booktitle")]],
            optional[join["(", join(sep=", ")[optional[edition], optional[words["Vol.", field("volume")]], optional[words["pp.", pages]]], ")"]],
        ]]

    def get_incollection_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_plain()),
            self.in_container(),
            self.publisher("publisher"),
            self.link(),
        ]

    def get_inproceedings_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_plain()),
            self.in_container(),
            self.publisher("publisher", "organization"),
            self.link(),
        ]

    def get_inbook_template(self, e: Any) -> Any:
        if "booktitle" in e.fields:
            return self.get_incollection_template(e)
        return toplevel[
            *self.head(e, self.title_italic(self.book_details(optional[words["pp.", pages]]))),
            self.publisher("publisher"),
            self.link(),
        ]

    def get_proceedings_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_italic(self.book_details()), org_fields=("organization",)),
            self.publisher("publisher", "organization"),
            self.link(),
        ]

    def get_manual_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_italic(self.book_details()), org_fields=("organization",)),
            self.publisher("publisher", "organization"),
            self.link(),
        ]

    def get_techreport_template(self, e: Any) -> Any:
        number = optional[join["(", words[first_of[optional_field("type"), "Report"], "No.", field("number")], ")"]]
        return toplevel[
            *self.head(e, self.title_italic(number), org_fields=("institution",)),
            self.publisher("institution", "publisher"),
            self.link(),
        ]

    def thesis(self, e: Any, kind: str) -> Any:
        bracket = join["[", join(sep=", ")[first_of[optional_field("type"), kind], optional_field("school")], "]"]
        return toplevel[*self.head(e, self.title_italic(bracket)), self.link()]

    def get_misc_template(self, e: Any) -> Any:
        """Web pages and other works: *Title*. Site. URL."""
        return toplevel[
            *self.head(e, optional[self.title_italic()]),
            optional[sentence[unless_author[misc_site()]]],
            sentence[optional_field("note")],
            self.link(),
        ]

    def get_unpublished_template(self, e: Any) -> Any:
        bracket = join["[", unpublished_kind(), "]"]
        return toplevel[
            *self.head(e, self.title_italic(bracket)),
            self.publisher("institution", "school"),
            self.link(),
        ]
