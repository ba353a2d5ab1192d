"""Dates and page ranges as the fields want them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relbib.parse.dates import parse_date
from relbib.parse.pages import expand_compressed, normalize_pages


@pytest.mark.parametrize(
    ("text", "year", "iso"),
    [
        ("15 January 2021", "2021", "2021-01-15"),
        ("May 4, 2019", "2019", "2019-05-04"),
        ("(2011a).", "2011", ""),
        ("September 1990.", "1990", "1990-09"),
        ("2021-03-01", "2021", "2021-03-01"),
        ("n.d.", "", ""),
        ("28 settembre 2016", "2016", "2016-09-28"),
    ],
)
def test_parse_date(text: str, year: str, iso: str) -> None:
    assert parse_date(text) == (year, iso)


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("pp. 153-62.", "153--62"),
        ("pp. 43–65", "43--65"),
        ("p. 130", "130"),
        ("S. 12—14", "12--14"),
        ("xi-xv", "xi--xv"),
        ("e1002", "e1002"),
    ],
)
def test_normalize_pages(text: str, pages: str) -> None:
    assert normalize_pages(text) == pages


@pytest.mark.parametrize(
    ("pages", "expanded"),
    [("153--62", "153--162"), ("1477--81", "1477--1481"), ("43--65", "43--65"), ("130", "130")],
)
def test_expand_compressed(pages: str, expanded: str) -> None:
    assert expand_compressed(pages) == expanded


@given(st.integers(1, 5000), st.integers(0, 300))
def test_expanded_range_never_ends_before_it_starts(first: int, length: int) -> None:
    last = first + length
    short = str(last)
    if len(short) == len(str(first)):  # drop the leading digits both share: 153-62
        common = 0
        while common < len(short) - 1 and short[common] == str(first)[common]:
            common += 1
        short = short[common:]
    got = expand_compressed(normalize_pages(f"{first}-{short}"))
    start, end = got.split("--")
    assert int(start) == first and int(end) >= first
