"""Reading lists: selection filters, the annotation field, the biblatex
dialect, the BibTeX writer round trip, and golden files for every format.

tests/golden/export/library.<format>, regenerated only with --update-golden.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html
from render_data import load_case

from relbib import crosswalk
from relbib.diagnostics import InputError
from relbib.export.lists import (
    Selection,
    annotation_text,
    biblatex_entry,
    bibtex_entry,
    export,
    export_formats,
    latex_safe,
    select,
)
from relbib.formats.bibtex import entries_of, read_bib
from relbib.library.core import make_library
from relbib.model import Annotation, AnnotationClaim, Entry, Name, freeze_fields

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "export"
SUFFIX = {"bib": "bib", "csl-json": "json", "ris": "ris", "md": "md", "html": "html"}


@pytest.fixture(scope="module")
def case():
    return load_case("library")


@pytest.fixture(scope="module")
def library(case):
    return make_library(sources=case.entries, annotations=case.annotations.values())


def _claim(essay: str, relation: str = "cited", status: str | None = None) -> AnnotationClaim:
    return AnnotationClaim(essay=essay, line=3, quote="It happened in 1998.", note=2, pinpoint="45",
                           relation=relation, score=1.0, status=status)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", export_formats())
def test_golden(case, fmt: str, update_golden: bool) -> None:
    output = export(case.entries, case.annotations, fmt=fmt)
    path = GOLDEN / f"library.{SUFFIX[fmt]}"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8", newline="\n")
    assert output == path.read_text(encoding="utf-8")


def test_select_by_tag_essay_query_and_key(library, case) -> None:
    tagged = {k for k, a in case.annotations.items() if a.tags}
    tag = next(t for a in case.annotations.values() for t in a.tags)
    by_tag = select(library, Selection(tags=(tag.upper(),)))
    assert by_tag and {e.key for e in by_tag} <= tagged
    essay = next(c.essay for a in case.annotations.values() for c in a.claims)
    by_essay = select(library, Selection(essays=(essay,)))
    assert by_essay and all(any(c.essay == essay for c in case.annotations[e.key].claims)
                            for e in by_essay)
    assert [e.key for e in select(library, Selection(query="clausewitz"))] == ["clausewitz1976war"]
    assert [e.key for e in select(library, Selection(keys=("pape2005dying",)))] == ["pape2005dying"]
    assert select(library, Selection(keys=("pape2005dying",), tags=("no-such-tag",))) == ()
    assert len(select(library, Selection())) == len(case.entries)


def test_select_names_an_unknown_key_with_a_hint(library) -> None:
    with pytest.raises(InputError, match="did you mean 'pape2005dying'"):
        select(library, Selection(keys=("pape2005dyin",)))


def test_annotation_text_holds_summary_and_claims_but_not_rejected() -> None:
    annotation = Annotation(key="k", summary="A careful\nstudy.", tags=("x",), claims=(
        _claim("e1"), _claim("e2", "supports", "rejected"), _claim("e3", "conflicts")))
    text = annotation_text(annotation)
    assert text.startswith("A careful study. Cited for: \u201cIt happened in 1998.\u201d (e1, line 3, note 2, p. 45).")
    assert "e2" not in text and "Conflicts with" in text


def test_biblatex_entry_falls_back_to_misc_and_keeps_everything() -> None:
    entry = Entry(key="dawn2016", type="article", fields=freeze_fields({
        "title": "Joint exercise", "journal": "Dawn", "year": "2016", "month": "sep",
        "series": "Daily"}))
    out = biblatex_entry(entry, annotation="note", keywords=("a", "b"))
    assert out.type == "misc"  # an article needs an author
    assert out.fields["howpublished"] == "Dawn" and out.fields["addendum"] == "Daily"
    assert out.fields["date"] == "2016-09" and "year" not in out.fields
    assert out.fields["annotation"] == "note" and out.fields["keywords"] == "a, b"
    assert all(crosswalk.biblatex_allows(out.type, f) for f in out.fields)


def test_bib_export_reads_back_with_annotation_and_keywords(case) -> None:
    text = export(case.entries, case.annotations, fmt="bib")
    back = {e.key: e for e in entries_of(read_bib(text, path="<export>"))}
    assert set(back) == {e.key for e in case.entries}
    for key, annotation in case.annotations.items():
        if annotation.tags:
            assert back[key].fields["keywords"] == ", ".join(annotation.tags)
        if annotation.summary:
            assert " ".join(annotation.summary.split())[:20] in str(back[key].fields["annotation"])


def test_hostile_reading_lists_escape_everything() -> None:
    hostile = load_case("hostile")
    page = export(hostile.entries, hostile.annotations, fmt="html")
    tree = lxml_html.document_fromstring(page)
    assert tree.xpath("//img") == [] and len(tree.xpath("//script")) == 1
    # a CSL style may recase a title ("<Script>"): the characters are what count
    assert "<script>alert(1)</script>" in tree.xpath("string(//body)").lower()
    md = export(hostile.entries, hostile.annotations, fmt="md")
    assert "<script>" not in md.lower() and "\\<script\\>" in md.lower()
    bib = export(hostile.entries, hostile.annotations, fmt="bib")
    assert "@article{evil-1," in bib  # a key BibTeX cannot read gets a plain one
    assert "\\write18" not in bib.split("annotation", 1)[1].split("\n")[0]


def test_reading_list_groups_by_tag(case) -> None:
    md = export(case.entries, case.annotations, fmt="md")
    headings = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert headings[-1] == "Untagged"
    assert headings[:-1] == sorted(headings[:-1], key=str.casefold)


def test_names_stay_whole_in_every_format() -> None:
    entry = Entry(key="who2021", type="techreport", fields=freeze_fields({
        "author": (Name(family="World Health Organization", literal=True),),
        "title": "Report", "institution": "WHO", "date": "2021-01-15"}))
    assert "{World Health Organization}" in export([entry], {}, fmt="bib")
    assert '"literal": "World Health Organization"' in export([entry], {}, fmt="csl-json")
    assert "AU  - World Health Organization" in export([entry], {}, fmt="ris")


def test_the_bib_for_bibtex_has_the_year_and_the_month_spelled_out() -> None:
    # BibTeX's styles read year and month, not biblatex's date; a month "6"
    # would print as "6 2020" where the month macro prints "June 2020"
    entry = Entry(key="k", type="misc", fields=freeze_fields({"title": "T", "date": "2020-06-15"}))
    written = bibtex_entry(entry)
    assert written.fields["year"] == "2020"
    assert written.fields["month"] == "June"


def test_a_bundle_bib_keeps_case_braces_and_font_marks_but_no_command_of_the_bib() -> None:
    from relbib.formats.bibvalues import Latex

    entry = Entry(key="k", type="article", fields=freeze_fields({
        "title": Latex(r"Floods in {Karachi}: \emph{a} history \input{/etc/passwd}"),
        "author": (Name(family=Latex(r"Ahmed"), given=Latex(r"Ay{\c{s}}e")),),
        "journal": "Plain & simple {braces}",  # text from an essay: every special escaped
    }))
    safe = latex_safe(entry).fields
    assert safe["title"] == r"Floods in {Karachi}: \emph{a} history "  # no "\{Karachi\}"
    assert "input" not in safe["title"]
    assert safe["author"][0].given == "Ay{ş}e"
    assert safe["journal"] == r"Plain \& simple \{braces\}"


def test_csl_json_and_ris_records_carry_what_their_crossref_and_xdata_parents_give() -> None:
    """CSL-JSON and RIS have no crossref: a chapter exported without its book's title
    and publisher would print as a bare chapter (pandoc reading the .bib prints them)."""
    import json

    # (biblatex's rules, as pandoc applies them: a @collection's title is the
    # chapter's booktitle; checked with pandoc -f biblatex -t csljson)
    text = ("@collection{rosebook2004, editor={Okafor, Ngozi}, title={Gardens of the North},\n"
            "  publisher={Made-up Press}, year={2004}}\n"
            "@incollection{rosechapter2004, author={Haapala, Eero}, title={Rose Cultivation},\n"
            "  crossref={rosebook2004}, pages={41--67}}\n"
            "@xdata{harbour, publisher={Harbour Press}, location={Halifax}}\n"
            "@book{tides2011, author={MacLeod, Fiona}, title={Tides}, xdata={harbour}, year={2011}}\n")
    entries = entries_of(read_bib(text, path="x.bib"))
    items = {i["id"]: i for i in json.loads(export(entries, {}, fmt="csl-json"))}
    assert set(items) == {"rosebook2004", "rosechapter2004", "tides2011"}  # no @xdata record
    chapter = items["rosechapter2004"]
    assert (chapter["container-title"], chapter["publisher"], chapter["issued"]) == (
        "Gardens of the north", "Made-up Press", {"date-parts": [[2004]]})  # sentence case, as pandoc
    assert items["tides2011"]["publisher"] == "Harbour Press"
    ris_text = export(entries, {}, fmt="ris")
    assert "T2  - Gardens of the North" in ris_text and "PB  - Harbour Press" in ris_text
