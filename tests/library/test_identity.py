"""library/identity.py: one "same work" test and one "year of an entry" for
library, check and claims; check's duplicate findings agree with library merges."""

from __future__ import annotations

import pytest

from relbib.check.runner import library_findings
from relbib.formats.bibscan import scan_bib
from relbib.formats.bibtex import entries_of, read_bib
from relbib.library.core import make_library, update_library
from relbib.library.identity import (
    bib_work_key,
    entry_work_key,
    entry_year,
    normalise_doi,
    normalise_title,
    same_work,
)
from relbib.model import (
    Citation,
    Entry,
    Essay,
    EssayIngest,
    Form,
    FullRef,
    Name,
    Note,
    Sentence,
    freeze_fields,
)

# (first entry's fields, second entry's fields, one work?) as BibTeX field text.
KHAN = "author = {Khan, Imran}, journal = {Dawn}, year = {2021}"
PAIRS = [
    pytest.param(f"title = {{Russia \\& Pakistan}}, {KHAN}",
                 f"title = {{Russia and Pakistan}}, {KHAN}", True, id="ampersand-vs-and"),
    pytest.param(f"title = {{Russia & Pakistan}}, {KHAN}",
                 f"title = {{Russia and Pakistan}}, {KHAN}", True, id="bare-ampersand"),
    pytest.param("title = {One}, doi = {10.1000/ABC.def}, year = {2001}, author = {Ali, O.}",
                 "title = {Two}, doi = {https://doi.org/10.1000/abc.DEF}, year = {1999}, "
                 "author = {Roe, J.}", True, id="doi-case-and-resolver"),
    pytest.param(f"title = {{The {{M}}{{\\\"u}}ller Report}}, {KHAN}",
                 f"title = {{The Müller report}}, {KHAN}", True, id="braces-and-accents"),
    pytest.param("title = {Soviet Famine}, year = {2010}, author = {M{\\\"u}ller, Anna}",
                 "title = {Soviet famine}, year = {2010}, author = {Müller, Anna}", True,
                 id="accented-author"),
    pytest.param(f"title = {{Russia and Pakistan}}, {KHAN}",
                 "title = {Russia and Pakistan}, author = {Khan, Imran}, year = {2022}", False,
                 id="other-year"),
    pytest.param(f"title = {{Russia and Pakistan}}, {KHAN}",
                 "title = {Russia and Pakistan}, author = {Shah, Imran}, year = {2021}", False,
                 id="other-author"),
    pytest.param("title = {One}, doi = {10.1000/abc}, year = {2001}, author = {Ali, O.}",
                 "title = {Two}, doi = {10.1000/abd}, year = {2001}, author = {Ali, O.}", False,
                 id="other-doi"),
]


def _bib(first: str, second: str) -> str:
    return f"@article{{a,\n  {first}\n}}\n\n@article{{b,\n  {second}\n}}\n"


def _check_says_duplicate(text: str) -> bool:
    found = library_findings((scan_bib(text, path="t.bib"),), "both")
    return any(d.kind == "duplicate-entry" for d in found)


def _ingest_of(entry: Entry) -> EssayIngest:
    claim = Sentence(text="A claim.", start=0, end=8, line=1, paragraph=0)
    note = Note(n=1, text="...", start=0, end=1, line=3, marker=None, claim=claim)
    essay = Essay(id="e", path="e.txt", title="An Essay", authors=(), venue="", date="",
                  text="", offset_map=(), paragraphs=(), sentences=(), body_end=0,
                  notes=(note,), markers=())
    citation = Citation(note=1, key=None, form=Form.FULL, pinpoint=None, refers_to=None,
                        rule="full", source=1)
    return EssayIngest(essay=essay, references=(FullRef(text="...", type=entry.type,
                                                        fields=entry.fields),),
                       citations=(citation,))


def _library_merges(text: str) -> bool:
    first, second = entries_of(read_bib(text, path="t.bib"))
    update = update_library(make_library(sources=[first]), [_ingest_of(second)])
    return not update.added  # merged into 'a' rather than added as a new source


@pytest.mark.parametrize(("first", "second", "one_work"), PAIRS)
def test_check_duplicates_and_library_merges_agree(first: str, second: str,
                                                   one_work: bool) -> None:
    text = _bib(first, second)
    assert _check_says_duplicate(text) is one_work
    assert _library_merges(text) is one_work


def test_ampersand_reads_as_and_in_raw_and_decoded_titles() -> None:
    assert normalise_title("Russia \\& {P}akistan") == normalise_title("Russia and Pakistan")
    assert normalise_title("Russia & Pakistan") == "russiaandpakistan"


def test_raw_and_decoded_work_keys_are_equal() -> None:
    raw = {"title": "{R}ussia \\& Pakistan", "year": "2021", "author": "Khan, Imran and Roe, J."}
    decoded = {"title": "Russia & Pakistan", "year": "2021",
               "author": (Name(family="Khan", given="Imran"),)}
    assert bib_work_key(raw) == entry_work_key(decoded) == ("russiaandpakistan", "2021", "khan")


def test_doi_forms() -> None:
    assert normalise_doi("https://dx.doi.org/10.1000/XYZ") == "10.1000/xyz"
    assert normalise_doi("doi: 10.1000/a\\_b") == "10.1000/a_b"
    assert normalise_doi("10/gf29tr") == "10/gf29tr"
    assert normalise_doi("n/a") == ""


@pytest.mark.parametrize(("fields", "year"), [
    ({"year": "2021"}, 2021), ({"year": "2008a"}, 2008), ({"date": "2019-03-01"}, 2019),
    ({"year": "n.d.", "date": "2001/2002"}, 2001), ({"year": "forthcoming"}, None), ({}, None),
    ({"year": ("not", "text")}, None),
])
def test_entry_year(fields: dict[str, object], year: int | None) -> None:
    assert entry_year(fields) == year


def test_same_work_needs_every_part_of_the_key() -> None:
    a = Entry(key="a", type="article", fields=freeze_fields({"title": "One", "year": "2001"}))
    assert not same_work(a, a)  # no author and no DOI: nothing identifies the work
