"""The fast .bib scanner of `relbib check`: agreement, robustness on the shared corpora, fuzz."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from casefiles import cases
from hypothesis import given, settings
from hypothesis import strategies as st

from relbib.check.runner import library_findings, records_of
from relbib.formats.bibscan import scan_bib
from relbib.formats.bibtex import entries_of, read_bib
from relbib.workspace import decode_bytes

TESTS = Path(__file__).resolve().parent.parent
CASE_BIBS = cases("cases/bib", ".bib") + cases("cases/rules", ".bib")
SHARED = Path(os.environ.get("RELBIB_SHARED", TESTS.parent.parent / "shared"))
CORPORA = SHARED / "corpora"


@pytest.mark.parametrize("path", CASE_BIBS)
def test_scanner_finds_the_entries_bibtexparser_finds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    slow = {e.key: set(e.fields) for e in entries_of(read_bib(text, path=path.name))}
    scan = scan_bib(text, path=path.name)
    fast: dict[str, set[str]] = {}
    for e in scan.entries:
        fast.setdefault(e.key, set(e.fields))
    # an entry BibTeX cannot read either (a quoted value with an unbalanced
    # brace) is a parse-error on the line that names it, not a silent loss
    refused = {line for p in scan.problems if p.kind == "parse-error" for line in [p.line]}
    for key, fields in slow.items():
        if key not in fast:
            line = next(i for i, row in enumerate(text.splitlines(), 1) if "{" + key + "," in row)
            assert line in refused, key
            continue
        assert fields == fast[key], key


def test_values_lines_and_macros() -> None:
    text = ('@string{ acm = "ACM Press" }\n'
            "% a comment line with mail@example.org\n"
            "@Book{key1,\n  Title = {A {Nested} Title},\n  publisher = acm # { Inc.},\n"
            "  month = sep, year = 1999,\n  note = undefinedmacro\n}\n"
            "@comment{ anything { here } }\n@preamble{ \"\\newcommand{\\x}{y}\" }\n")
    scan = scan_bib(text, path="x.bib")
    assert not scan.problems
    (entry,) = scan.entries
    assert (entry.key, entry.type, entry.line) == ("key1", "book", 3)
    assert entry.fields == {"title": "A {Nested} Title", "publisher": "ACM Press Inc.",
                            "month": "sep", "year": "1999", "note": "undefinedmacro"}
    assert entry.field_lines == {"title": 4, "publisher": 5, "month": 6, "year": 6, "note": 7}
    assert ("undefinedmacro", "note", 7) in entry.macros
    assert [b.kind for b in scan.blocks] == ["string", "entry", "comment", "preamble"]
    assert text[entry.start:entry.end].startswith("@Book{") and text[entry.end - 1] == "}"


def test_broken_block_resumes_at_the_next_entry() -> None:
    text = ("@article{a, title = {ok}}\n@article{b, title = {never closed,\n year = 2000\n"
            "@article{c, title = \"fine\"}\n@misc{d title = {no comma}}\n@misc{e}\n")
    scan = scan_bib(text, path="x.bib")
    assert [e.key for e in scan.entries] == ["a", "c", "e"]
    assert [(p.kind, p.line) for p in scan.problems] == [("parse-error", 2),
                                                          ("parse-error", 5)]


def test_missing_comma_between_fields_is_reported_and_both_fields_kept() -> None:
    scan = scan_bib("@misc{k,\n title = {T}\n year = {2000}\n}\n", path="x.bib")
    assert scan.entries[0].fields == {"title": "T", "year": "2000"}
    assert [(p.kind, p.line) for p in scan.problems] == [("parse-error", 2)]


def test_a_commented_out_field_is_skipped_as_biber_skips_it_with_one_warning() -> None:
    # biber --tool on this text keeps title, author and date; BibTeX stops at line 3
    text = ("@article{k,\n  title = {T},\n  % author = {Roe, Jane},\n  author = {Doe, Ann},"
            "  % was 1999\n  date = {2010}\n  % pages = {1--2}\n}\n@misc{m, note = {50% off}}\n")
    scan = scan_bib(text, path="x.bib")
    assert [e.key for e in scan.entries] == ["k", "m"]
    assert scan.entries[0].fields == {"title": "T", "author": "Doe, Ann", "date": "2010"}
    assert scan.entries[1].fields == {"note": "50% off"}
    (warning,) = scan.problems
    assert (warning.line, warning.column, warning.severity.value) == (3, 3, "warning")
    assert "biber skips" in warning.message and "BibTeX stops" in warning.message
    assert "of entry 'k'" in warning.message
    slow = entries_of(read_bib(text, path="x.bib"))
    assert {name: str(value) for name, value in slow[0].fields.items() if name != "author"} == \
        {"title": "T", "date": "2010"}


def test_comments_in_many_entries_are_one_finding_not_a_flood() -> None:
    # a reference manager that writes "% language = {en}," into every entry
    text = "".join(f"@article{{k{n},\n  title = {{T{n}}},\n  % language = {{en}},\n}}\n"
                   for n in range(40))
    scan = scan_bib(text, path="x.bib")
    assert len(scan.entries) == 40 and all(e.fields == {"title": f"T{n}"}
                                           for n, e in enumerate(scan.entries))
    (warning,) = scan.problems
    assert warning.line == 3 and "40 entries (first 'k0'; lines 3, 7, 11" in warning.message


_corpus_files = sorted(p for p in CORPORA.rglob("*") if p.is_file() and p.suffix == ".bib"
                       and "large" not in p.parts) if CORPORA.is_dir() else []


@pytest.mark.skipif(not _corpus_files, reason=f"no shared corpora at {CORPORA} (set RELBIB_SHARED)")
def test_every_corpus_file_is_checked_without_an_exception() -> None:
    failures = []
    for path in _corpus_files:
        data = path.read_bytes()
        try:
            text = decode_bytes(data, path=str(path)).text
        except Exception:  # binary or undecodable: workspace reports it as unreadable
            continue
        try:
            scan = scan_bib(text, path=str(path))
            records_of(scan)
            found = library_findings((scan,), "both")
        except Exception as error:  # noqa: BLE001 - the test reports every failure
            failures.append(f"{path}: {type(error).__name__}: {error}")
            continue
        assert all(f.line >= 1 for f in found if f.kind == "parse-error"), path
    assert not failures, "\n".join(failures)


_BIB_BITS = st.sampled_from([
    "@article{", "@string{", "@comment{", "@preamble{", "@misc(", "@{", "@", "key,", "title",
    " = ", "{", "}", "\"", "#", ",", "(", ")", "\n", " ", "jan", "2001", "\\{", "%", "x",
    "author = {A and B},", "@book{k, title={T}}\n",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_BIB_BITS, max_size=40), st.text(max_size=30))
def test_mangled_bib_text_never_raises(bits: list[str], noise: str) -> None:
    text = "".join(bits) + noise
    scan = scan_bib(text, path="fuzz.bib")
    for entry in scan.entries:
        assert 0 <= entry.start < entry.end <= len(text)
        assert text[entry.start] == "@"
    for problem in scan.problems:
        assert 1 <= problem.line <= text.count("\n") + 1
    library_findings((scan,), "both")
