"""Name lists → Names: the shapes notes and reference lists use."""

from __future__ import annotations

import pytest

from relbib.model import Name
from relbib.parse.names import family_first_lead, split_names


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("Syed Muhammad Saad Zaidi and Adam Saud", ["Zaidi", "Saud"]),
        ("Romero, C., Paunesku, D., & Dweck, C.", ["Romero", "Paunesku", "Dweck"]),
        ("Kahn, Herman and Anthony J. Wiener.", ["Kahn", "Wiener"]),
        (
            "Thomas von Eicken, David E. Culler, and Karl Erik Schauser.",
            ["von Eicken", "Culler", "Schauser"],
        ),
        ("In R. Moodley, C. Lago & A. Talahite (Eds.)", ["Moodley", "Lago", "Talahite"]),
        ("Smith, J. et al.", ["Smith"]),
        ("edited by Laura García-Moreno and Peter C. Pfeiffer.", ["García-Moreno", "Pfeiffer"]),
        ("Claudia Chia and Zheng Haiqi", ["Chia", "Zheng"]),
        ("Khalid bin Salman al-Saud and Ahmed Rashid", ["al-Saud", "Rashid"]),
        ("Hassan Abbas, Muhammad al-Amin and Ayesha Siddiqa", ["Abbas", "al-Amin", "Siddiqa"]),
        ("Sergei V. Lavrov", ["Lavrov"]),
        ("———.", []),
    ],
)
def test_families(text: str, families: list[str]) -> None:
    assert [n.family for n in split_names(text)] == families


def test_family_first_chinese_name_keeps_given() -> None:
    assert split_names("Claudia Chia and Zheng Haiqi")[1] == Name(family="Zheng", given="Haiqi")


def test_western_name_after_and_is_not_reversed() -> None:
    assert split_names("Claudia Chia and Peter Wang")[1] == Name(family="Wang", given="Peter")


def test_organisation_is_literal() -> None:
    (org,) = split_names("International Crisis Group")
    assert org.literal and org.family == "International Crisis Group"


@pytest.mark.parametrize(
    ("printed", "want"),
    [
        # a listed family name first, a given name that is not Western: reversed
        ("Zheng Haiqi", Name(family="Zheng", given="Haiqi")),
        # a common Western given name second: natural order stays
        ("Wang Robert", Name(family="Robert", given="Wang")),
        # both halves are surnames: the order says nothing, natural order stays
        ("Li Yao", Name(family="Yao", given="Li")),
        # not on the surname list
        ("Timothy Snyder", Name(family="Snyder", given="Timothy")),
    ],
)
def test_family_first_lead_only_for_a_listed_surname(printed: str, want: Name) -> None:
    (name,) = split_names(printed)
    assert family_first_lead(name, f"{printed}, A Title (Beijing: Press, 2015).") == want


def test_family_first_lead_needs_the_name_printed_first() -> None:
    (name,) = split_names("Haiqi, Zheng")
    assert family_first_lead(name, "Haiqi, Zheng, A Title (Beijing: Press, 2015).") == name
