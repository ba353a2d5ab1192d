"""Field validators and normalisers (check/fields.py): good forms pass, bad forms say why."""

from __future__ import annotations

import pytest

from relbib.check import fields as fv


@pytest.mark.parametrize("value, bare", [
    ("10.1000/xyz", "10.1000/xyz"),
    ("https://doi.org/10.1000/XYZ", "10.1000/xyz"),
    ("http://dx.doi.org/10.1000/a", "10.1000/a"),
    ("doi:10.1000/a", "10.1000/a"),
    ("not a doi", None),
])
def test_normalize_doi(value: str, bare: str | None) -> None:
    assert fv.normalize_doi(value) == bare


def test_doi_prefix_suggests_bare_form() -> None:
    problem = fv.check_doi("https://doi.org/10.1000/shared.2003")
    assert problem is not None and "doi = {10.1000/shared.2003}" in problem.suggestion


@pytest.mark.parametrize("isbn, ok", [
    ("978-0-306-40615-7", True), ("978-0-306-40615-6", False), ("0-306-40615-2", True),
    ("0-8044-2957-X", True), ("ISBN 978-0-306-40615-7", True), ("12345", False),
    ("979-10-90636-07-1", True),
])
def test_isbn(isbn: str, ok: bool) -> None:
    assert (fv.check_isbn(isbn) is None) is ok


def test_isbn_names_the_right_check_digit() -> None:
    problem = fv.check_isbn("978-0-306-40615-6")
    assert problem is not None and "would be 7" in problem.message


@pytest.mark.parametrize("issn, ok", [("0378-5955", True), ("0378-5956", False),
                                      ("2434-561X", True), ("1234", False)])
def test_issn(issn: str, ok: bool) -> None:
    assert (fv.check_issn(issn) is None) is ok


@pytest.mark.parametrize("date, ok", [
    ("2021", True), ("2021-03", True), ("2021-03-01", True), ("2020-02-29", True),
    ("2021-02-29", False), ("2016-13-45", False), ("1999/2001", True), ("1999/", True),
    ("/2001", True), ("../2001", True), ("2021~", True), ("2021?", True), ("2021%", True),
    ("2021-21", True), ("199X", True), ("-0044-03-15", True), ("2020/2010", False),
    ("March 2020", False), ("2021-03-01T10:00:00", True),
])
def test_date(date: str, ok: bool) -> None:
    assert (fv.check_date(date) is None) is ok


@pytest.mark.parametrize("month, n", [("sep", 9), ("Sept.", 9), ("September", 9), ("9", 9),
                                      ("13", None), ("Septembre", None)])
def test_month_number(month: str, n: int | None) -> None:
    assert fv.month_number(month) == n


def test_foreign_month_suggests_macro() -> None:
    problem = fv.check_month("Septembre")
    assert problem is not None and "month = sep" in problem.suggestion


@pytest.mark.parametrize("year, suggestion", [("20o8", "year = {2008}"),
                                              ("in press", "pubstate")])
def test_year_suggestions(year: str, suggestion: str) -> None:
    problem = fv.check_year(year)
    assert problem is not None and suggestion in problem.suggestion


@pytest.mark.parametrize("pages, ok", [
    ("43--65", True), ("65--43", False), ("12-x", False), ("ix--xiv", True), ("xiv--ix", False),
    ("e1234", True), ("1234--56", True), ("3, 7--9", True), ("117", True), ("S12--S19", True),
    ("45+", True), ("12ff.", True), ("A1-A9", True), ("twelve", False), ("pp. 3--5", False),
    ("43–65", True),
])
def test_pages(pages: str, ok: bool) -> None:
    assert (fv.check_pages(pages) is None) is ok


@pytest.mark.parametrize("url, ok", [
    ("https://example.org", True), ("www.example.org/page", False),
    ("https://example.org/a page", False), ("\\url{https://x.org}", False),
    ("mailto:a@b.org", True), ("ftp://x.org/f", True),
])
def test_url(url: str, ok: bool) -> None:
    assert (fv.check_url(url) is None) is ok


@pytest.mark.parametrize("postnote, pinpoint", [
    ("p.~12", "12"), ("pp.~12-14", "12--14"), ("12--14", "12--14"), ("chap. 3", "chap. 3"),
    ("p. 5–9", "5--9"), ("S. 12", "12"), ("sec.~4", "sec. 4"), ("xiv", "xiv"),
])
def test_normalize_pinpoint(postnote: str, pinpoint: str) -> None:
    assert fv.normalize_pinpoint(postnote) == pinpoint


@pytest.mark.parametrize("pinpoint, pages", [
    ("12", ((12, 12),)), ("12--14", ((12, 14),)), ("1234--56", ((1234, 1256),)),
    ("3, 7", ((3, 3), (7, 7))), ("12f.", ((12, 12),)), ("chap. 3", None), ("xiv", None),
])
def test_pinpoint_pages(pinpoint: str, pages: tuple[tuple[int, int], ...] | None) -> None:
    assert fv.pinpoint_pages(pinpoint) == pages


@pytest.mark.parametrize("text, iso", [
    ("2021-03-01", "2021-03-01"), ("March 1, 2021", "2021-03-01"),
    ("1 March 2021", "2021-03-01"), ("March 2021", "2021-03"), ("2021", "2021"),
    ("\\today", None), ("Spring term", None), ("5~mars 2020", "2020-03-05"),
])
def test_parse_human_date(text: str, iso: str | None) -> None:
    assert fv.parse_human_date(text) == iso


def test_date_prefix_stops_at_season_and_unknown() -> None:
    assert fv.date_prefix("2021-22") == "2021"
    assert fv.date_prefix("2021-03-XX") == "2021-03"
    assert fv.date_prefix("1999/2001") == "1999"


@pytest.mark.parametrize("pages", ["1{\\textendash}10", "1\\textendash{}10", "1{--}10"])
def test_pages_in_latex_dashes(pages: str) -> None:
    assert fv.check_pages(pages) is None
    assert fv.page_span(pages) == (1, 10)


def test_issn_in_isbn_field_says_so() -> None:
    problem = fv.check_isbn("0003-6951")
    assert problem is not None and "ISSN" in problem.message and "issn =" in problem.suggestion


@pytest.mark.parametrize("year", ["{\\noopsort{1973b}}1973", "\\noopsort{a}1973"])
def test_year_with_noopsort(year: str) -> None:
    assert fv.check_year(year) is None


def test_date_with_fractional_seconds() -> None:
    assert fv.check_date("2016-01-19T14:20:00.000Z") is None
