"""Issue 9, points 1 and 2: text from an essay (or a person's YAML) reaches a
.bib as plain text, never as live LaTeX, and never unbalances BibTeX's braces.

For any text in a note, summary or field, the written .bib re-reads (with
relbib's reader, with bibtexparser and with pybtex, whose parser counts braces
the way BibTeX does) to exactly one entry holding the same value.
"""

from __future__ import annotations

import io

import bibtexparser
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pybtex.database.input import bibtex as pybtex_bibtex

from relbib.formats.bibtex import entries_of, read_bib, render_entry, update_bib
from relbib.formats.bibvalues import Latex, bibtex_balanced, decode_value, encode_value
from relbib.model import Entry, freeze_fields

# What a hostile essay or web page puts in a note: LaTeX that reads files or
# runs commands, and a brace that closes the entry early to inject another.
INJECTIONS = (
    "\\input{/etc/passwd}",
    "\\immediate\\write18{touch /tmp/pwned}",
    "^^5cinput{/etc/passwd}",
    "a}, title={x}}\n@misc{fake2024, title={injected}}\n@comment{",
    "}\\bibitem{fake2024} owned",
    "$\\input{/etc/hostname}$",
    "\\",
    "{",
    "}{",
    "\\}",
    "~^_%#&$",
)

FIELDS = ("title", "note", "annotation", "journal", "publisher")


def _written(name: str, text: str) -> str:
    entry = Entry(key="k", type="misc", fields=freeze_fields({name: text, "year": "2020"}))
    return update_bib(None, [entry])


def _pybtex_entries(bib: str) -> dict[str, dict[str, str]]:
    parser = pybtex_bibtex.Parser()
    data = parser.parse_stream(io.StringIO(bib))
    return {key: dict(entry.fields) for key, entry in data.entries.items()}


def _assert_one_entry_with(bib: str, name: str, text: str) -> None:
    # relbib's own reader: one entry, no broken block, the same value back
    doc = read_bib(bib, path="x.bib")
    assert [b.kind for b in doc.blocks if b.kind in ("failed", "duplicate")] == []
    back = entries_of(doc)
    assert [e.key for e in back] == ["k"]
    assert back[0].fields[name] == text
    assert not isinstance(back[0].fields[name], Latex)  # it came back as plain text
    # bibtexparser: one entry, the written spelling as its raw value
    library = bibtexparser.parse_string(bib)
    assert [e.key for e in library.entries] == ["k"]
    assert library.failed_blocks == []
    assert library.entries[0].fields_dict[name].value == encode_value(text, field=name)
    # pybtex counts braces as BibTeX does (a backslash escapes none)
    assert list(_pybtex_entries(bib)) == ["k"]


@pytest.mark.parametrize("text", INJECTIONS)
@pytest.mark.parametrize("name", FIELDS)
def test_hostile_note_text_stays_one_plain_value(name: str, text: str) -> None:
    bib = _written(name, text)
    _assert_one_entry_with(bib, name, text)


@pytest.mark.parametrize("text", INJECTIONS)
def test_written_value_holds_no_live_latex(text: str) -> None:
    spelled = encode_value(text, field="note")
    assert bibtex_balanced(spelled)
    # every backslash starts one of the escapes that print a character
    rest = spelled
    for escape in ("\\textbackslash{}", "\\textbraceleft{}", "\\textbraceright{}",
                   "\\^{}", "\\~{}", "\\{", "\\}", "\\$", "\\&", "\\#", "\\_", "\\%"):
        rest = rest.replace(escape, "")
    assert not any(ch in rest for ch in "\\$^~&#_%")


def test_input_is_spelled_as_text() -> None:
    assert encode_value("\\input{/etc/passwd}") == "\\textbackslash{}input\\{/etc/passwd\\}"
    assert encode_value("^^5c") == "\\^{}\\^{}5c"  # no ^^ pair for TeX to read as a backslash


def test_a_persons_own_latex_stays_as_written() -> None:
    bib = "@article{k,\n  title = {The $\\alpha$ decay of \\emph{{NASA}} rockets},\n}\n"
    doc = read_bib(bib, path="x.bib")
    (entry,) = entries_of(doc)
    assert isinstance(entry.fields["title"], Latex)
    assert entry.fields["title"] == "The $\\alpha$ decay of \\emph{{NASA}} rockets"
    assert "title = {The $\\alpha$ decay of \\emph{{NASA}} rockets}" in render_entry(entry)
    # an entry a person wrote keeps its bytes when relbib rewrites the file
    assert update_bib(doc, [entry]) == bib


def test_case_protecting_braces_of_a_person_are_kept() -> None:
    (entry,) = entries_of(read_bib("@misc{k, title = {On {NASA} and {T}hings}}\n", path="x"))
    assert decode_value("On {NASA}") == "On {NASA}"
    assert "title = {On {NASA} and {T}hings}" in render_entry(entry)


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=ANY_TEXT, name=st.sampled_from(FIELDS))
@example(text="}\n@misc{fake2024,", name="note")
@example(text="\\textbackslash{}", name="note")
@example(text="\\{", name="title")
@example(text="\x00\\", name="note")
def test_any_text_round_trips_balanced(text: str, name: str) -> None:
    bib = _written(name, text)
    _assert_one_entry_with(bib, name, text)
    assert bibtex_balanced(encode_value(text, field=name))


@settings(max_examples=100, deadline=None)
@given(text=ANY_TEXT)
def test_any_text_in_a_verbatim_field_keeps_braces_balanced(text: str) -> None:
    # a url/doi reads no LaTeX, so a lone brace is spelled %7B / %7D there
    bib = _written("url", text)
    assert list(_pybtex_entries(bib)) == ["k"]
    assert [e.key for e in entries_of(read_bib(bib, path="x.bib"))] == ["k"]
