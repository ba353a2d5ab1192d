"""CSL-JSON is valid against the CSL-JSON schema (vendored in tests/tools/)
and reads back to the same fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from render_data import load_case

from relbib.export.lists import export
from relbib.formats.bibvalues import Latex
from relbib.formats.csljson import date_parts, from_csl, to_csl
from relbib.model import Entry, Name, freeze_fields

SCHEMA = Path(__file__).resolve().parent.parent / "tools" / "csl-data.json"


@pytest.mark.parametrize("name", ["library", "hostile"])
def test_export_is_valid_against_the_csl_schema(name: str) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed (test extra)")
    case = load_case(name)
    items = json.loads(export(case.entries, case.annotations, fmt="csl-json"))
    jsonschema.validate(items, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [i["id"] for i in items] == [e.key for e in case.entries]


def test_particles_dates_and_pages() -> None:
    entry = Entry(key="k", type="article", fields=freeze_fields({
        "author": (Name(family="von Clausewitz", given="Carl"),), "title": "On War",
        "journal": "J", "pages": "43--65", "number": "2", "date": "2021-03-01",
        "urldate": "2022-01-02"}))
    item = to_csl(entry, annote="A note.", keywords=("strategy", "war"))
    # BibTeX's von part: dropped before the family name when sorting, as
    # pandoc reads "von Clausewitz, Carl" from a .bib
    assert item["author"] == [{"family": "Clausewitz", "dropping-particle": "von", "given": "Carl"}]
    assert item["issued"] == {"date-parts": [[2021, 3, 1]]}
    assert item["accessed"] == {"date-parts": [[2022, 1, 2]]}
    assert item["page"] == "43-65" and item["issue"] == "2"
    assert item["annote"] == "A note." and item["keyword"] == "strategy, war"
    assert from_csl(item).fields["author"] == entry.fields["author"]


def test_date_parts_reject_impossible_months() -> None:
    assert date_parts("2021-13") == [2021]
    assert date_parts("circa 2021") is None


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip)


@given(title=_TEXT, family=_TEXT, year=st.integers(1000, 2099))
def test_round_trip_is_a_fixed_point(title: str, family: str, year: int) -> None:
    # CSL data holds titles in sentence case and TeX ligatures as characters,
    # so the first export may change a title; reading it back and exporting
    # again changes nothing
    family = " ".join(family.split())
    entry = Entry(key="k", type="book", fields=freeze_fields({
        "title": " ".join(title.split()), "author": (Name(family=family, given="A."),),
        "date": str(year)}))
    once = json.loads(json.dumps(to_csl(entry)))
    back = from_csl(once)
    assert json.loads(json.dumps(to_csl(back))) == once
    assert back.fields["date"] == str(year)


def test_types_genres_versions_and_notes_as_pandoc_reads_a_bib() -> None:
    def item(type_: str, **fields: object) -> dict[str, object]:
        return to_csl(Entry(key="k", type=type_, fields=freeze_fields(fields)))  # type: ignore[arg-type]

    assert item("phdthesis", title="T", school="MIT")["genre"] == "PhD thesis"
    assert item("phdthesis", title="T", school="MIT")["publisher"] == "MIT"
    assert item("article", title="T", entrysubtype="newspaper")["type"] == "article-newspaper"
    assert item("article", title="T", entrysubtype="magazine")["type"] == "article-magazine"
    dataset = item("dataset", title="T", version="1.2")
    assert (dataset["type"], dataset["version"]) == ("dataset", "1.2")
    assert item("software", title="T")["type"] == "software"
    report = item("report", title="T", type="techreport", number="TR-5")
    assert (report["type"], report["genre"], report["number"]) == ("report", "technical report", "TR-5")
    assert item("jurisdiction", title="T")["type"] == "legal_case"
    assert item("legislation", title="T")["type"] == "legislation"
    assert item("unpublished", title="T")["type"] == "manuscript"
    assert item("book", title="T", annotation="Read it.")["annote"] == "Read it."
    assert item("book", title="T", keywords="war, peace")["keyword"] == "war, peace"
    assert item("book", title="T", note="N", addendum="A")["note"] == "N. A"


def test_names_with_particles_suffixes_and_organisations() -> None:
    names = (Name(family="van der Berg, Jr", given="Jan"), Name(family="World Bank", literal=True))
    item = to_csl(Entry(key="k", type="book", fields=freeze_fields({"author": names, "title": "T"})))
    assert item["author"] == [
        {"dropping-particle": "van der", "family": "Berg", "suffix": "Jr", "given": "Jan"},
        {"literal": "World Bank"}]


def test_edtf_dates_and_ranges() -> None:
    def issued_of(date: str) -> object:
        return to_csl(Entry(key="k", type="book", fields=freeze_fields({"date": date})))["issued"]

    assert issued_of("2020-01/2020-03") == {"date-parts": [[2020, 1], [2020, 3]]}
    assert issued_of("1500~") == {"date-parts": [[1500]], "circa": True}
    assert issued_of("2021-03-01") == {"date-parts": [[2021, 3, 1]]}
    assert issued_of("spring 2020") == {"literal": "spring 2020"}


def test_tex_markup_becomes_clean_text_with_keep_case_spans() -> None:
    title = Latex(r"The {NATO} Crisis in {M{\"u}nchen} --- a \emph{Study}")
    item = to_csl(Entry(key="k", type="article", fields=freeze_fields({"title": title})))
    assert item["title"] == ('The <span class="nocase">NATO</span> crisis in '
                             '<span class="nocase">München</span> — a <i>study</i>')


def _item(kind: str, **fields: str) -> dict[str, object]:
    return to_csl(Entry(key="k", type=kind, fields=freeze_fields(fields)))


def test_only_a_part_of_a_book_has_its_booktitle_as_container() -> None:
    # reference managers write a book's title into its booktitle too; pandoc
    # (and biblatex) print a book's booktitle nowhere
    book = _item("book", title="Coral Gardens", booktitle="Coral Gardens", publisher="P")
    assert "container-title" not in book
    chapter = _item("incollection", title="Lebanon", booktitle="Global Civil Society")
    assert chapter["container-title"] == "Global civil society"


def test_maintitle_names_the_whole_work_and_title_the_volume() -> None:
    volume = _item("book", maintitle="Collected Works", title="Biographia Literaria")
    assert volume["title"] == "Collected works"
    assert volume["volume-title"] == "Biographia literaria"
    chapter = _item("incollection", title="A Part", booktitle="Volume Two",
                    maintitle="Collected Works")
    assert chapter["container-title"] == "Collected works"
    assert chapter["volume-title"] == "Volume two"


def test_title_parts_after_punctuation_join_with_a_space() -> None:
    assert _item("book", title="Why War?", subtitle="An Answer")["title"] == "Why war? An answer"
    assert _item("book", title="Dune", subtitle="Book One")["title"] == "Dune: Book one"
    assert _item("book", title="Dune", titleaddon="Notes")["title"] == "Dune. Notes"


def _bib_item(source: str) -> dict[str, object]:
    from relbib.formats.bibtex import entries_of, read_bib

    (entry,) = entries_of(read_bib(source, path="t.bib"))
    return to_csl(entry)


def test_extended_names_with_options_and_unprinted_parts() -> None:
    # biber's test data: name options and a "middle" part stand among the
    # parts; a "name" of options only is no name (pandoc, biber)
    item = _bib_item("@book{k, title={T}, author={given=John, middle=Alan., family=Smith and "
                     "uniquenametemplatename=t5, family=Jones, given=Arthur and "
                     "labelalphanametemplatename=test3}}")
    assert item["author"] == [
        {"family": "Smith", "given": "John"},
        {"family": "Jones", "given": "Arthur"}]


def test_and_others_is_et_al_and_editortype_names_the_role() -> None:
    item = _bib_item("@video{k, title={T}, author={Madelung, O. and others}, "
                     "editor={Forman, Milos}, editortype={director}, bookauthor={Ann Whole}}")
    assert item["author"] == [{"family": "Madelung", "given": "O."}, {"literal": "others"}]
    assert item["director"] == [{"family": "Forman", "given": "Milos"}]
    assert "editor" not in item
    assert item["container-author"] == [{"family": "Whole", "given": "Ann"}]


def test_dates_as_pandoc_reads_them() -> None:
    def item(**fields: str) -> dict[str, object]:
        return to_csl(Entry(key="k", type="book", fields=freeze_fields(fields)))

    # a date-time (BibDesk, Zotero) is its date; EDTF's -0385 is 386 BC
    assert item(date="2016-01-19T14:20:00.000Z")["issued"] == {"date-parts": [[2016, 1, 19]]}
    assert item(date="-0385")["issued"] == {"date-parts": [[-386]]}
    # a malformed date is dropped; the year stands in for it
    assert "issued" not in item(date="1985-1030")
    assert item(date="1985-1030", year="1985")["issued"] == {"date-parts": [[1985]]}
    assert "original-date" not in item(origdate="1985-1030")
    # BibTeX's sorting trick prints nothing
    assert item(year=Latex(r"{\noopsort{1973c}}1981"))["issued"] == {"date-parts": [[1981]]}


def test_biblatex_keys_publishers_issues_and_original_titles_as_pandoc_maps_them() -> None:
    assert _item("patent", title="T", type="patentus", number="5668842")["genre"] == "U.S. patent"
    assert _item("article", title="T", journal="J", series="newseries")["collection-title"] == "New series"
    # TUGboat: both number and issue print, number first
    assert _item("article", title="T", journal="J", number="1", issue="20")["issue"] == "1, 20"
    assert "issue" not in _item("article", title="T", journal="J", issue="Spring")
    # who published, in pandoc's order: school, institution, organization,
    # howpublished, publisher
    thesis = _item("thesis", title="T", institution="Inst", school="School.", publisher="Pub")
    assert thesis["publisher"] == "School. Inst; Pub"
    assert _item("book", title="T", origtitle="Le Djihad")["original-title"] == "Le djihad"


def test_a_language_relbib_has_no_tag_for_keeps_its_name_and_its_case() -> None:
    # pandoc keeps an unknown langid as the item's language and neither
    # sentence-cases the title on reading nor title-cases it on printing
    entry = Entry(key="k", type="misc", fields=freeze_fields({
        "langid": "sanskrit", "title": "jñāna and The Self"}))
    item = to_csl(entry)
    assert item["language"] == "sanskrit"
    assert item["title"] == "jñāna and The Self"
