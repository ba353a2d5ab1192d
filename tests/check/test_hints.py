"""A hint must be correct or absent: no guessed value offered as the fix."""

from __future__ import annotations

import pytest

from relbib.check import fields as fv


@pytest.mark.parametrize("pages", ["843-661", "65--43", "xiv--ix"])
def test_a_backwards_range_gets_no_swapped_range_as_its_fix(pages: str) -> None:
    problem = fv.check_pages(pages)
    assert problem is not None and "backwards" in problem.message
    a, b = pages.replace("--", "-").split("-")
    assert f"{b}--{a}" not in problem.suggestion and f"{b}-{a}" not in problem.suggestion


@pytest.mark.parametrize("pages", ["twelve", "12-x", "3--y"])
def test_malformed_pages_get_no_literal_example_as_their_fix(pages: str) -> None:
    problem = fv.check_pages(pages)
    assert problem is not None
    assert "pages = {" not in problem.suggestion


@pytest.mark.parametrize("doi", ["10/gf29tr", "10/bd4s", "10.1000/xyz"])
def test_short_dois_are_dois(doi: str) -> None:
    assert fv.check_doi(doi) is None
    assert fv.normalize_doi(f"https://doi.org/{doi}") == doi.lower()
