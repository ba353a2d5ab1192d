"""formats.braces: one home for brace depth, balance and the matching close."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relbib.formats.braces import balanced, matching_brace, split_top_level


@pytest.mark.parametrize(("text", "bibtex", "latex"), [
    ("plain", True, True), ("{A}BC", True, True), ("}{", False, False),
    ("{a{b}", False, False), (r"50\% \{x", False, True), (r"\{a\}", True, True),
    (r"{\}", True, False),
])
def test_balanced_counts_braces_as_bibtex_or_latex_reads_them(
        text: str, bibtex: bool, latex: bool) -> None:
    assert balanced(text) is bibtex
    assert balanced(text, escaped=True) is latex


def test_matching_brace_is_just_after_the_close() -> None:
    text = "x = {The {DNA} of it}, y = {2}"
    assert text[matching_brace(text, 4) - 1:matching_brace(text, 4) + 1] == "},"
    assert matching_brace("{open {but} never", 0) == -1
    assert matching_brace(r"{a \} b}", 0, escaped=True) == 8
    assert matching_brace(r"{a \} b}", 0) == 5


def test_split_top_level_keeps_brace_groups_whole() -> None:
    assert split_top_level("Smith, J. and {Barnes and Noble}", r"\s+and\s+") == [
        "Smith, J.", "{Barnes and Noble}"]
    assert split_top_level("A AND B", r"\s+and\s+") == ["A", "B"]


@given(st.text(alphabet="{}\\a ", max_size=30))
def test_a_balanced_group_text_has_a_match(text: str) -> None:
    group = "{" + text + "}"
    if balanced(text):
        assert matching_brace(group, 0) == len(group)


def test_deep_nesting_is_one_pass() -> None:
    deep = "{" * 50_000 + "}" * 50_000
    assert balanced(deep) and matching_brace(deep, 0) == len(deep)
