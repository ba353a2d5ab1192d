"""incomplete-note's "web source with no URL": only web pages need a URL.

A case, a newspaper article or a numbered or issued document says where it
appeared without one; an ``online`` entry or a bare ``misc`` item does not.
"""

from __future__ import annotations

import pytest

from relbib.pipeline import parse_list

NO_URL = "a web source with no URL"


def _messages(note: str) -> list[str]:
    return [d.message for d in parse_list(f"1. {note}\n").diagnostics]


@pytest.mark.parametrize(
    "note",
    [
        "Kiobel v. Royal Dutch Petroleum Co., 569 U.S. 108 (2013).",
        "Brown v. Board of Education, 347 U.S. 483 (1954).",
        "Lloyd's List, \u201cUkraine's Corridor Defies Russian Threats,\u201d 12 September 2023.",
        "\u201cCuba Ratifies Tlatelolco Treaty\u201d. Arms Control Today. November 2002.",
        "Ministry of Foreign Affairs, Press Release, 12 May 2020.",
    ],
)
def test_cases_articles_and_issued_documents_need_no_url(note: str) -> None:
    assert not any(NO_URL in m for m in _messages(note)), _messages(note)


def test_a_web_page_without_its_url_is_still_flagged() -> None:
    note = "Jane Doe, \u201cWhy Ports Matter,\u201d Shipping Insights Blog, 3 May 2021."
    assert any(NO_URL in m for m in _messages(note)), _messages(note)


def test_the_same_web_page_with_its_url_is_not() -> None:
    note = (
        "Jane Doe, \u201cWhy Ports Matter,\u201d Shipping Insights Blog, 3 May 2021, "
        "https://example.org/ports."
    )
    assert not any(NO_URL in m for m in _messages(note)), _messages(note)
