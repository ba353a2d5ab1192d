"""crossref and xdata: an entry inherits its parent's fields as biblatex (and pandoc) rule."""

from __future__ import annotations

from relbib.formats.bibtex import entries_of, read_bib
from relbib.formats.crossref import inherit, inherited_names

_BIB = r"""
@collection{whole, editor = {Ann Editor}, title = {The Whole Book}, subtitle = {A Sequel},
  shorttitle = {Whole}, publisher = {Press}, year = {1999}, volume = {2}}
@incollection{part, author = {Bo Author}, title = {A Part}, crossref = {whole}, pages = {1--9}}
@book{tome, author = {Di Whole}, title = {The Tome}, year = {1990}}
@inbook{chapter, title = {A Chapter}, crossref = {tome}, year = {2001}}
@xdata{press, publisher = {Other Press}, location = {Leeds}}
@book{shared, author = {Cy Writer}, title = {Shared Data}, xdata = {press}, year = {2005}}
@book{loopy, title = {Loop}, crossref = {loopy2}}
@book{loopy2, title = {Loop Two}, crossref = {loopy}, publisher = {Round}}
"""


def _entries() -> dict[str, dict[str, object]]:
    found = inherit(entries_of(read_bib(_BIB, path="t.bib")))
    return {e.key: dict(e.fields) for e in found}


def test_a_chapter_takes_its_book_s_title_as_booktitle_and_keeps_its_own_fields() -> None:
    part = _entries()["part"]
    assert part["booktitle"] == "The Whole Book"
    assert part["booksubtitle"] == "A Sequel"
    assert part["publisher"] == "Press" and part["year"] == "1999" and part["volume"] == "2"
    assert part["title"] == "A Part" and part["pages"] == "1--9"
    assert "shorttitle" not in part  # the parent's short title names the parent


def test_an_inbook_takes_the_book_s_author_as_bookauthor_and_keeps_its_year() -> None:
    chapter = _entries()["chapter"]
    assert chapter["year"] == "2001"
    assert chapter["booktitle"] == "The Tome"
    assert [n.family for n in chapter["bookauthor"]] == ["Whole"]  # type: ignore[attr-defined]
    assert [n.family for n in chapter["author"]] == ["Whole"]  # type: ignore[attr-defined]


def test_xdata_fills_fields_and_its_container_is_never_printed() -> None:
    found = _entries()
    assert "press" not in found
    assert found["shared"]["publisher"] == "Other Press"
    assert found["shared"]["location"] == "Leeds"


def test_a_crossref_cycle_ends() -> None:
    assert _entries()["loopy"]["publisher"] == "Round"


def test_inherited_names_follow_biblatex_s_table() -> None:
    assert inherited_names("book", "inbook", "author") == ("bookauthor", "author")
    assert inherited_names("mvbook", "book", "title") == ("maintitle",)
    assert inherited_names("periodical", "article", "title") == ("journaltitle",)
    assert inherited_names("proceedings", "inproceedings", "sorttitle") == ()
    assert inherited_names("book", "incollection", "title") == ("title",)
    assert inherited_names("book", "inbook", "crossref") == ()
