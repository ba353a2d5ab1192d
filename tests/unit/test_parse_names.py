"""Name lists → Names: the shapes notes and reference lists use."""

from __future__ import annotations

import pytest

from relbib.model import Name
from relbib.parse.names import split_names


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
