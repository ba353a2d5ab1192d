"""What each style prints for the cases Chicago and APA spell out."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from render_data import load_case

from relbib.formats.bibvalues import Latex
from relbib.model import Entry, Name, freeze_fields
from relbib.render import FormattedEntry, format_entries, formats, styles
from relbib.render.convert import protect, restore
from relbib.render.styles import STYLES


def _one(style: str, type_: str = "article", key: str = "k", **fields: object) -> str:
    entry = Entry(key=key, type=type_, fields=freeze_fields(fields))  # type: ignore[arg-type]
    (formatted,) = format_entries([entry], style=style)
    return str(formatted).replace("\xa0", " ")  # ties (F.~M.) as spaces


KHAN = (Name(family="Khan", given="Ayesha"), Name(family="Ali", given="Omar"))
WHO = (Name(family="World Health Organization", literal=True),)


def test_registry_names() -> None:
    assert styles()[:4] == ("plain", "unsrt", "alpha", "abbrv")
    assert {"chicago-nb", "chicago-ad", "apa7", "mla", "ieee", "vancouver"} <= set(styles())
    assert formats() == ("md", "html", "tex", "txt")


# The expectations below were checked by hand against the style guides
# (APA 7 section 10, CMOS 18 chapter 14) and against pandoc --citeproc on
# the same entry written as a .bib.


def test_apa_dates_a_web_page_in_full() -> None:
    text = _one("apa", "online", author=WHO, title="Situation Report", date="2021-01-15",
                url="https://who.int/r")
    assert text == "World Health Organization. (2021, January 15). Situation report. https://who.int/r"


def test_apa_journal_article() -> None:
    text = _one("apa7", author=KHAN, title="Title", journal="Journal", volume="12", number="3",
                pages="43--65", date="2021-03", doi="10.1000/x")
    assert text == "Khan, A., & Ali, O. (2021). Title. Journal, 12(3), 43–65. https://doi.org/10.1000/x"


def test_chicago_notes_bibliography_article() -> None:
    text = _one("chicago-nb", author=KHAN, title="Title", journal="Journal", volume="12",
                number="3", pages="43--65", date="2021-03", doi="https://doi.org/10.1000/x")
    assert text == ("Khan, Ayesha, and Omar Ali. \u201cTitle.\u201d Journal 12, no. 3 (2021): 43\u201365. "
                    "https://doi.org/10.1000/x.")


def test_chicago_author_date_book() -> None:
    # CMOS 18 (14.129) no longer asks for the place of publication
    text = _one("chicago-author-date", "book", author=KHAN[:1], title="A Book", publisher="Press",
                address="Lahore", date="2019")
    assert text == "Khan, Ayesha. 2019. A Book. Press."


def test_chicago_title_cases_and_apa_sentence_cases_a_bib_title() -> None:
    title = Latex(r"The {NATO} Question in {\"U}berlingen")
    assert _one("apa", "book", title=title, date="2020") == "The NATO question in Überlingen. (2020)."
    assert _one("chicago-ad", "book", title=title, date="2020") == \
        "The NATO Question in Überlingen. 2020."


@pytest.mark.parametrize("style", ["chicago-nb", "chicago-ad", "apa7"])
def test_missing_author_puts_the_title_first(style: str) -> None:
    text = _one(style, "book", title="Anonymous Work", publisher="Press", date="1900")
    assert text.lower().startswith("anonymous work.")


@pytest.mark.parametrize("style", ["chicago-ad", "apa7"])
def test_missing_date_is_nd(style: str) -> None:
    assert "n.d." in _one(style, "book", author=KHAN[:1], title="Undated", publisher="P")


TYPES = sorted({e.type for e in load_case("library").entries} | {"dataset", "weird"})


@functools.cache
def _every_type(style: str) -> dict[str, str]:
    """One title-only entry of each type, formatted together (one pandoc run per CSL
    style); the titles differ, so no style prints one as a repeat of the one before."""
    entries = [Entry(key=type_, type=type_, fields=freeze_fields({"title": f"Only a Title on {type_}"}))
               for type_ in TYPES]
    return {f.key: str(f) for f in format_entries(entries, style=style)}


@pytest.mark.parametrize("style", styles())
@pytest.mark.parametrize("type_", TYPES)
def test_every_type_formats_even_with_fields_missing(style: str, type_: str) -> None:
    assert f"only a title on {type_}" in _every_type(style)[type_].lower()


@pytest.mark.parametrize("style", ["chicago-nb", "apa7"])
def test_authorless_entries_sort_by_title(style: str) -> None:
    entries = [
        Entry(key="z", type="book", fields=freeze_fields({"author": (Name(family="Zafar", given="A"),), "title": "Z"})),
        Entry(key="b", type="book", fields=freeze_fields({"title": "Book of B"})),
        Entry(key="a", type="book", fields=freeze_fields({"author": (Name(family="Abbas", given="H"),), "title": "A"})),
    ]
    assert [f.key for f in format_entries(entries, style=style)] == ["a", "b", "z"]


def test_unsrt_keeps_the_given_order() -> None:
    case = load_case("library")
    assert [f.key for f in format_entries(case.entries, style="unsrt")] == [e.key for e in case.entries]


def test_abbrv_abbreviates_given_names_and_months() -> None:
    text = _one("abbrv", author=KHAN, title="T", journal="J", date="2021-03")
    assert text.startswith("A. Khan and O. Ali.") and "Mar. 2021" in text


@pytest.mark.parametrize("name", ["abbrv"])
def test_our_styles_work_inside_pybtex_on_a_bib_file(name: str) -> None:
    # what pybtex does with an entry point: find the class, format its own data
    style_class = find_plugin("pybtex.style.formatting", STYLES[name])
    bib = parse_string(
        "@article{k, author = {Khan, Ayesha and {World Bank}}, title = {The {NATO} Question},"
        " journal = {J}, year = 2020, month = jan, volume = 3, pages = {1--9}}", "bibtex")
    formatted = list(style_class().format_bibliography(bib))
    assert len(formatted) == 1
    assert "NATO" in formatted[0].text.render_as("text")
    assert "2020" in formatted[0].text.render_as("text")


def test_formatted_entry_renders_each_format() -> None:
    (entry,) = format_entries([Entry(key="k", type="book", fields=freeze_fields({"title": "T & UN"}))],
                              style="apa")
    assert isinstance(entry, FormattedEntry)
    assert entry.render("tex").startswith(r"\emph{T \& UN}")
    assert entry.render("html").startswith('<span class="reference"><em>T &amp; UN</em>')
    assert entry.render("md").startswith(r"*T \& UN*")
    with pytest.raises(ValueError):
        entry.render("docx")


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="chicago-nb"):
        format_entries([], style="no-such-style")


def test_a_csl_file_is_a_style(tmp_path: Path) -> None:
    from relbib.render.csl import style_path

    copy = tmp_path / "mine.csl"
    copy.write_text(Path(style_path("apa")).read_text(encoding="utf-8"), encoding="utf-8")
    assert _one(str(copy), "book", title="T", date="2000") == _one("apa", "book", title="T", date="2000")


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"], max_codepoint=0x2FFF)))
def test_protect_survives_pybtex_latex_decoding(text: str) -> None:
    # pybtex reads fields as LaTeX; protect() makes it read them as text
    decoded = restore(str(Text.from_latex(protect(text))))
    assert " ".join(decoded.split()) == " ".join(text.split())
