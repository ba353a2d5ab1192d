"""Chicago Manual of Style (17th ed.), notes-bibliography: the bibliography form.

Input: pybtex entries (from a .bib through pybtex, or from relbib's library).
Output: pybtex rich text per entry, e.g.
``Khan, Ayesha, and Omar Ali. “Title.” *Journal* 12, no. 3 (March 2021): 43–65.``
Never: read files or import relbib outside ``relbib.render.styles``.

Registered for pybtex as ``chicago-nb`` (entry point group
``pybtex.style.formatting``); :class:`ChicagoStyle` also carries the
author-date variant's switches, which ``chicago_ad`` turns on.
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
    LenientStyle,
    SharedTypes,
    SortingStyle,
    author_date_head,
    chicago_names,
    count_word,
    date,
    doi_or_url,
    edition,
    misc_site,
    nonempty,
    pages,
    quoted,
    unpublished_kind,
    urldate,
)


class ChicagoStyle(LenientStyle, SharedTypes, BaseStyle):
    """Chicago bibliography entries; ``author_date`` moves the year up front."""

    default_name_style = "lastfirst"
    default_label_style = "number"
    default_sorting_style = SortingStyle
    author_date = False
    phdthesis_kind = "PhD diss."

    # --- the parts every template shares -------------------------------------

    def creator(self, e: Any, *, org_fields: tuple[str, ...] = ()) -> Any:
        """Authors; else editors ("ed."/"eds."); else an organisation field."""
        choices = [
            optional[chicago_names("author")],
            optional[join(sep=", ")[chicago_names("editor"), count_word("editor", "ed.", "eds.")]],
        ]
        choices += [optional_field(name) for name in org_fields]
        return first_of[choices]

    def year(self) -> Any:
        return first_of[optional[date("year")], "n.d."]

    def head(self, e: Any, title: Any, *, org_fields: tuple[str, ...] = ()) -> list[Any]:
        """Creator and title (notes-bibliography) or creator, year, title
        (author-date); with no creator the title leads."""
        creator = self.creator(e, org_fields=org_fields)
        if not self.author_date:
            return [sentence[creator], title]
        return author_date_head(e, creator, self.year(), title, org_fields=org_fields)

    def pub_date(self, form: str = "year") -> Any:
        """The date where notes-bibliography puts it (author-date: elsewhere)."""
        if self.author_date:
            return optional[date("md")] if form == "mdy" else None
        return optional[date(form)]

    def title_quoted(self, which: str = "title") -> Any:
        return quoted[field(which)]

    def title_italic(self, which: str = "title") -> Any:
        return sentence[tag("em")[field(which)]]

    def editors_after_title(self, e: Any) -> Any:
        # "Edited by" only when the editors are not already the creator
        if not e.persons.get("author"):
            return None
        return optional[sentence[words["Edited by", chicago_names("editor", invert_first=False)]]]

    def translators(self) -> Any:
        return optional[sentence[words["Translated by", chicago_names("translator", invert_first=False)]]]

    def series(self) -> Any:
        return optional[sentence[join(sep=" ")[field("series"), optional_field("number")]]]

    def volume(self) -> Any:
        return optional[sentence[words["Vol.", field("volume")]]]

    def pub_info(self, *publishers: str) -> Any:
        """Place: Publisher, Year."""
        publisher = first_of[[optional_field(name) for name in publishers]]
        when = None if self.author_date else first_of[optional[date("year")], "n.d."]
        return sentence[join(sep=": ")[optional_field("address"), publisher], when]

    def tail(self, *, access: bool = False) -> list[Any]:
        parts: list[Any] = [sentence[optional_field("note")]]
        if access:
            parts.append(optional[sentence[words["Accessed", urldate()]]])
        parts.append(optional[sentence[doi_or_url()]])
        return parts

    def in_container(self, e: Any) -> Any:
        """In *Booktitle*, edited by First Last, 43–65."""
        return sentence[
            words["In", tag("em")[field("booktitle")]],
            optional[words["edited by", chicago_names("editor", invert_first=False)]],
            optional[words["vol.", field("volume")]],
            optional[pages],
        ]

    # --- one template per entry type ------------------------------------

    def get_article_template(self, e: Any) -> Any:
        volume_number = nonempty[join(sep=", ")[
            optional_field("volume"), optional[words["no.", field("number")]],
        ]]
        if self.author_date:
            # Journal 12 (3): 43–65.  /  Journal, January 15.
            journal = first_of[
                optional[join[
                    words[tag("em")[field("journal")], nonempty[join[
                        optional_field("volume"), optional[" (", field("number"), ")"],
                    ]]],
                    optional[": ", pages],
                ]],
                join(sep=", ")[tag("em")[field("journal")], optional[date("md")], optional[pages]],
            ]
        else:
            # Journal 12, no. 3 (March 2021): 43–65.  /  Journal, March 15, 2021, 43–65.
            journal = first_of[
                optional[join[
                    words[tag("em")[field("journal")], volume_number],
                    optional[" (", date("mdy"), ")"],
                    optional[": ", pages],
                ]],
                join(sep=", ")[tag("em")[field("journal")], optional[date("mdy")], optional[pages]],
            ]
        return toplevel[
            *self.head(e, self.title_quoted()),
            sentence[journal],
            *self.tail(),
        ]

    def get_book_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_italic()),
            self.editors_after_title(e),
            self.translators(),
            optional[sentence[edition]],
            self.volume(),
            self.series(),
            self.pub_info("publisher"),
            *self.tail(),
        ]

    def get_booklet_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_italic()),
            sentence[optional_field("howpublished"), optional_field("address"), self.pub_date()],
            *self.tail(),
        ]

    def get_inbook_template(self, e: Any) -> Any:
        if "booktitle" in e.fields:
            return self.get_incollection_template(e)
        return toplevel[
            *self.head(e, sentence[
                tag("em")[field("title")],
                optional[words["chap.", field("chapter")]],
                optional[pages],
            ]),
            self.editors_after_title(e),
            optional[sentence[edition]],
            self.series(),
            self.pub_info("publisher"),
            *self.tail(),
        ]

    def get_incollection_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_quoted()),
            self.in_container(e),
            optional[sentence[edition]],
            self.series(),
            self.pub_info("publisher"),
            *self.tail(),
        ]

    def get_inproceedings_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_quoted()),
            self.in_container(e),
            self.series(),
            self.pub_info("publisher", "organization"),
            *self.tail(),
        ]

    def get_proceedings_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_italic(), org_fields=("organization",)),
            self.volume(),
            self.series(),
            self.pub_info("publisher", "organization"),
            *self.tail(),
        ]

    def get_manual_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_italic(), org_fields=("organization",)),
            optional[sentence[edition]],
            self.pub_info("publisher", "organization"),
            *self.tail(),
        ]

    def get_techreport_template(self, e: Any) -> Any:
        report = first_of[
            optional[words[first_of[optional_field("type"), "Report"], field("number")]],
            optional_field("type"),
        ]
        return toplevel[
            *self.head(e, self.title_italic(), org_fields=("institution",)),
            optional[sentence[report]],
            self.pub_info("institution", "publisher"),
            *self.tail(),
        ]

    def thesis(self, e: Any, kind: str) -> Any:
        return toplevel[
            *self.head(e, self.title_quoted()),
            sentence[
                first_of[optional_field("type"), kind],
                optional_field("school"),
                self.pub_date(),
            ],
            *self.tail(),
        ]

    def get_misc_template(self, e: Any) -> Any:
        """Web pages, posts, data: “Title.” Site, January 15, 2021. URL."""
        return toplevel[
            *self.head(e, optional[self.title_quoted()]),
            sentence[misc_site(), self.pub_date("mdy")],
            *self.tail(access=True),
        ]

    def get_unpublished_template(self, e: Any) -> Any:
        return toplevel[
            *self.head(e, self.title_quoted()),
            sentence[
                unpublished_kind(),
                optional_field("institution"),
                self.pub_date("mdy"),
            ],
            optional[sentence[doi_or_url()]],
        ]


class Style(ChicagoStyle):
    """``chicago-nb``: Chicago notes-bibliography, bibliography entries."""
