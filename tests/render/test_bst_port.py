"""relbib's plain, alpha and abbrv print what BibTeX prints, case by case.

Every expectation below was written from the .bbl that real bibtex (0.99d,
TeX Live 2022) makes with the real plain.bst, alpha.bst and abbrv.bst from
the same entry written as a .bib, and read by hand; the .bib line is given
with each case.  The whole render library is compared with bibtex itself in
tests/tools/test_bibtex_styles.py.
"""

from __future__ import annotations

from pybtex.richtext import Protected, String, Text

from relbib.formats.bibvalues import Latex
from relbib.model import Entry, Name, freeze_fields
from relbib.render import format_entries
from relbib.render.styles.bst import change_case_t, n_dashify


def _entry(key: str, type_: str = "article", **fields: object) -> Entry:
    return Entry(key=key, type=type_, fields=freeze_fields(fields))  # type: ignore[arg-type]


def _text(style: str, entry: Entry) -> str:
    (formatted,) = format_entries([entry], style=style)
    return str(formatted).replace("\xa0", " ")  # ties as spaces


def _md(style: str, entry: Entry) -> str:
    (formatted,) = format_entries([entry], style=style)
    return formatted.render("md").replace("\xa0", " ")


AHMED = (Name(family="Ahmed", given="Bilal"),)


def test_title_keeps_the_capital_after_a_colon_and_a_space() -> None:
    # title = {Water and War: A Draft History: the End of A:B Tests}
    entry = _entry("colon", author=AHMED, title="Water and War: A Draft History: the End of A:B Tests",
                   journal="J", date="2022")
    assert _text("plain", entry) == "Bilal Ahmed. Water and war: A draft history: the end of a:b tests. J, 2022."


def test_title_lowers_an_unbraced_acronym_and_keeps_a_braced_one() -> None:
    # title = {The {NATO} Question and the NATO Answer}, pages = {5}
    three = AHMED + (Name(family="Khan", given="Ayesha"), Name(family="Ali", given="Omar"))
    entry = _entry("braces", author=three, title=Latex("The {NATO} Question and the NATO Answer"),
                   journal="J", date="2021", pages="5")
    assert _text("plain", entry) == ("Bilal Ahmed, Ayesha Khan, and Omar Ali. The NATO question and "
                                     "the nato answer. J, page 5, 2021.")


def test_a_font_command_is_kept_and_not_recased_and_month_macros_are_spelled() -> None:
    # author = {Fenwick, Ruth and others}, title = {Reading \emph{Middlemarch} Again},
    # pages = {5-7}, month = sep
    entry = _entry("emph", author=(Name(family="Fenwick", given="Ruth"), Name(family="others")),
                   title=Latex(r"Reading \emph{Middlemarch} Again"), journal="J", year="2007",
                   pages="5-7", month="sep")
    assert _md("plain", entry) == "Ruth Fenwick et al. Reading *Middlemarch* again. *J*, pages 5–7, September 2007."
    assert _text("abbrv", entry) == "R. Fenwick et al. Reading Middlemarch again. J, pages 5–7, Sept. 2007."


def test_authorless_manual_starts_with_its_organization() -> None:
    # @manual{orgman, organization = {Free Software Foundation}, address = {Boston}, edition = {Second}}
    entry = _entry("orgman", "manual", title="GNU Emacs Manual", organization="Free Software Foundation",
                   address="Boston", edition="Second", date="2020")
    assert _md("plain", entry) == "Free Software Foundation, Boston. *GNU Emacs Manual*, second edition, 2020."


def test_inproceedings_without_address_starts_a_sentence_for_its_publisher() -> None:
    entry = _entry("noaddr", "inproceedings", author=(Name(family="Lee", given="Min"), Name(family="Kim", given="Yoon")),
                   title="A Paper", booktitle="Proceedings of X", pages="1--2", organization="ACL",
                   publisher="Pub", date="2020")
    assert _text("plain", entry) == "Min Lee and Yoon Kim. A paper. In Proceedings of X, pages 1–2. ACL, Pub, 2020."


def test_report_type_is_title_cased_and_misc_prints_how_published() -> None:
    report = _entry("wp", "techreport", author=(Name(family="Ruiz", given="Elena"),), title="Migration",
                    type="Working Paper", institution="Inst", date="2023")
    assert _text("plain", report) == "Elena Ruiz. Migration. Working paper, Inst, 2023."
    web = _entry("web", "misc", author=(Name(family="World Health Organization", literal=True),),
                 title="COVID-19 Report", howpublished="Online", date="2021", url="https://who.int/r")
    assert _text("plain", web) == "World Health Organization. Covid-19 report. Online, 2021."


def test_tex_quotes_and_dashes_are_typeset() -> None:
    entry = _entry("q", "misc", title="A Citizen's ``Guide''---2nd `Ed'", date="2016")
    assert _text("plain", entry) == "A citizen\u2019s \u201cguide\u201d\u20142nd \u2018ed\u2019, 2016."


def test_alpha_orders_and_labels_as_alpha_bst() -> None:
    entries = [
        _entry("smith2", author=(Name(family="Smith", given="John"),), title="Alpha", journal="J", date="2010"),
        _entry("smith1", author=(Name(family="Smith", given="Jane"),), title="Beta", journal="J", date="2010"),
        _entry("cruz", author=(Name(family="de la Cruz", given="Maria"),), title="Land", journal="J",
               date="2016"),
        _entry("five", author=tuple(Name(family=f, given=g) for f, g in
                                    [("Alpha", "A."), ("Beta", "B."), ("Gamma", "C."), ("Delta", "D."),
                                     ("Epsilon", "E.")]), title="Big", journal="J", date="2019"),
        _entry("orgman", "manual", title="GNU Emacs Manual", organization="Free Software Foundation",
               date="2020"),
        _entry("web", "misc", author=(Name(family="World Health Organization", literal=True),),
               title="Report", date="2021"),
        _entry("vonc", "book", author=(Name(family="von Clausewitz", given="Carl"),), title="On War",
               publisher="P", date="1976"),
    ]
    labels = [(f.label, f.key) for f in format_entries(entries, style="alpha")]
    assert labels == [("ABG+19", "five"), ("dlC16", "cruz"), ("Fre20", "orgman"), ("Smi10a", "smith1"),
                      ("Smi10b", "smith2"), ("vC76", "vonc"), ("Wor21", "web")]
    numbered = [f.key for f in format_entries(entries, style="plain")]
    assert numbered == ["five", "cruz", "orgman", "smith1", "smith2", "vonc", "web"]


def test_change_case_t_follows_bibtex() -> None:
    assert str(change_case_t(Text("NATO: The Case"))) == "Nato: The case"
    assert str(change_case_t(Text("A:B Test"))) == "A:b test"
    title = change_case_t(Text(String("The "), Protected("NATO"), String(" Case")))
    assert str(title) == "The NATO case"
    assert str(change_case_t(Text("\u00c9cole \u00c9T\u00c9"))) == "\u00c9cole \u00c9t\u00c9"  # ASCII only


def test_n_dashify() -> None:
    assert n_dashify("5-7") == "5--7"
    assert n_dashify("5--7") == "5--7"
    assert n_dashify("5---7, 9-10") == "5---7, 9--10"
