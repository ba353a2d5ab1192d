"""formats/bibtex.py and formats/bibvalues.py: names, values, the writer."""

from __future__ import annotations

import pytest

from relbib.formats.bibtex import (
    entries_of,
    read_bib,
    render_entry,
    update_bib,
)
from relbib.formats.bibvalues import Latex, decode_value, encode_value, parse_names
from relbib.model import Entry, Name, freeze_fields


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Khan, Imran", (Name(family="Khan", given="Imran"),)),
        ("Imran Khan", (Name(family="Khan", given="Imran"),)),
        ("Ludwig van Beethoven", (Name(family="van Beethoven", given="Ludwig"),)),
        ("van Beethoven, Ludwig", (Name(family="van Beethoven", given="Ludwig"),)),
        ("de la Fontaine, Jr, Jean", (Name(family="de la Fontaine, Jr", given="Jean"),)),
        ("Ahmad al-Hashimi", (Name(family="al-Hashimi", given="Ahmad"),)),
        ("{World Bank}", (Name(family="World Bank", literal=True),)),
        ("{Bill and Melinda Gates Foundation}",
         (Name(family="Bill and Melinda Gates Foundation", literal=True),)),
        ("Zaidi, S. and Saud, A. AND Roe, R.",
         (Name(family="Zaidi", given="S."), Name(family="Saud", given="A."),
          Name(family="Roe", given="R."))),
        ('M{\\"u}ller, J{\\"o}rg', (Name(family="Müller", given="Jörg"),)),
        ("{\\L}ukasiewicz, Jan", (Name(family="Łukasiewicz", given="Jan"),)),
        ("Vicente,, J. L.", (Name(family="Vicente", given="J. L."),)),
        ("Plato", (Name(family="Plato"),)),
    ],
)
def test_names_split_like_bibtex(raw: str, expected: tuple[Name, ...]) -> None:
    assert parse_names(raw) == expected


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("AT\\&T", "AT&T"),
        ("50\\% more", "50% more"),
        ('{\\"U}ber', "Über"),
        ("\\c{c}a va", "ça va"),
        ("Stra{\\ss}e", "Straße"),
        ("On {T}hings", "On {T}hings"),  # case-protecting braces are the value
        ("43--65", "43--65"),
        ("The $\\alpha$ decay \\& more", "The $\\alpha$ decay \\& more"),  # math: as written
        ("\\emph{Dawn}", "\\emph{Dawn}"),  # an unknown command: as written
    ],
)
def test_values_decode_only_what_has_an_exact_plain_spelling(raw: str, plain: str) -> None:
    assert decode_value(raw) == plain


def test_writer_escapes_specials_once() -> None:
    assert encode_value("AT&T 50% $5 #1 a_b") == "AT\\&T 50\\% \\$5 \\#1 a\\_b"
    assert encode_value(Latex("AT\\&T")) == "AT\\&T"  # a person's LaTeX: never double-escaped
    assert encode_value("AT\\&T") == "AT\\textbackslash{}\\&T"  # plain text: printed as written
    assert encode_value("10.1000/a_b%c", field="doi") == "10.1000/a_b%c"  # verbatim field
    assert encode_value(Latex("$\\alpha$-decay")) == "$\\alpha$-decay"  # LaTeX kept


def test_unbalanced_brace_is_escaped_and_reads_back() -> None:
    entry = Entry(key="k", type="misc", fields=freeze_fields({"title": "a { b"}))
    text = render_entry(entry)
    assert "a \\textbraceleft{} b" in text  # BibTeX counts the brace in "\\{"
    assert entries_of(read_bib(text, path="x.bib")) == (entry,)


def test_render_uses_canonical_field_order_and_names() -> None:
    entry = Entry(key="khan2021russia", type="article", fields=freeze_fields({
        "zeta": "last", "url": "https://x.org", "year": "2021", "pages": "43--65",
        "title": "Russia & Pakistan", "journal": "Dawn", "doi": "10.1/x",
        "author": (Name(family="Khan", given="Imran"), Name(family="IPRI", literal=True)),
        "abstract": "first of the rest",
    }))
    assert render_entry(entry) == (
        "@article{khan2021russia,\n"
        "  author = {Khan, Imran and {IPRI}},\n"
        "  title = {Russia \\& Pakistan},\n"
        "  journal = {Dawn},\n"
        "  pages = {43--65},\n"
        "  year = {2021},\n"
        "  doi = {10.1/x},\n"
        "  url = {https://x.org},\n"
        "  abstract = {first of the rest},\n"
        "  zeta = {last},\n"
        "}\n"
    )


def _entry(key: str, title: str) -> Entry:
    return Entry(key=key, type="misc", fields=freeze_fields({"title": title, "year": "2020"}))


def test_new_file_holds_entries_in_key_order() -> None:
    text = update_bib(None, [_entry("b", "Bee"), _entry("a", "Ay")])
    assert [e.key for e in entries_of(read_bib(text, path="x.bib"))] == ["a", "b"]
    assert text.endswith("}\n") and "\n\n@misc{b," in text


def test_new_entries_are_appended_after_everything_kept() -> None:
    original = "% mine\n@misc{z, title = {Zed}, year = 2020}\n% trailing note\n"
    doc = read_bib(original, path="x.bib")
    kept = entries_of(doc)[0]
    text = update_bib(doc, [kept, _entry("a", "Ay")])
    assert text.startswith(original)
    assert text[len(original):] == "\n" + render_entry(_entry("a", "Ay"))


def test_entries_relbib_does_not_manage_are_kept() -> None:
    doc = read_bib("@misc{mine, title = {By hand}}\n", path="x.bib")
    assert update_bib(doc, []) == doc.text


def test_two_entries_with_one_key_are_refused() -> None:
    with pytest.raises(ValueError):
        update_bib(None, [_entry("a", "One"), _entry("a", "Two")])


def test_string_macros_and_concatenation_expand() -> None:
    doc = read_bib('@string{ipri = "IPRI"}\n@misc{k, publisher = ipri # { Press}, month = jan}\n',
                   path="x.bib")
    fields = entries_of(doc)[0].fields
    assert fields["publisher"] == "IPRI Press"
    assert fields["month"] == "jan"


def test_block_lines_are_one_based() -> None:
    doc = read_bib("\n\n@misc{k, title = {T}}\n", path="x.bib")
    assert next(b for b in doc.blocks if b.kind == "entry").line == 3
