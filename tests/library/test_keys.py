"""keys.py: deterministic keys, collisions, transliteration, safe file names."""

from __future__ import annotations

import pytest

from relbib.library.keys import ascii_fold, make_key, safe_key
from relbib.model import FieldValue, Name


def _fields(family: str = "Khan", title: str = "Russia and Pakistan", year: str = "2021",
            **more: FieldValue) -> dict[str, FieldValue]:
    out: dict[str, FieldValue] = {"author": (Name(family=family, given="A."),),
                                  "title": title, "year": year}
    out.update(more)
    return out


def test_family_year_first_significant_title_word() -> None:
    assert make_key(_fields(title="The Russia Factor"), set()) == "khan2021russia"


def test_same_fields_same_key() -> None:
    assert make_key(_fields(), {"x"}) == make_key(dict(reversed(_fields().items())), {"x"})


def test_collisions_get_letters_in_order() -> None:
    taken = {"khan2021russia"}
    first = make_key(_fields(), taken)
    taken.add(first)
    second = make_key(_fields(), taken)
    assert (first, second) == ("khan2021russiaa", "khan2021russiab")


def test_collision_is_case_insensitive() -> None:
    assert make_key(_fields(), {"Khan2021Russia"}) == "khan2021russiaa"


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("Müller", "muller"),
        ("Łukasiewicz", "lukasiewicz"),
        ("al-Hashimi", "alhashimi"),
        ("O'Brien", "obrien"),
        ("de la Fontaine, Jr", "delafontaine"),
        ("Ørsted", "orsted"),
    ],
)
def test_transliteration(family: str, expected: str) -> None:
    assert make_key(_fields(family=family), set()).startswith(expected + "2021")


def test_stopwords_in_other_languages_are_skipped() -> None:
    assert make_key(_fields(title="Die Zeit und das Sein"), set()) == "khan2021zeit"
    assert make_key(_fields(title="La guerre froide"), set()) == "khan2021guerre"
    assert make_key(_fields(title="Of The And"), set()) == "khan2021of"  # all stopwords


def test_organisation_or_venue_when_no_author() -> None:
    org: dict[str, FieldValue] = {"author": (Name(family="The World Bank", literal=True),), "title": "Report",
           "year": "2020"}
    assert make_key(org, set()) == "world2020report"
    venue: dict[str, FieldValue] = {"journal": "Dawn", "title": "Joint Exercise", "date": "2016-09-28"}
    assert make_key(venue, set()) == "dawn2016joint"


def test_empty_fields_still_give_a_key() -> None:
    assert make_key({}, set()) == "anon"


def test_ascii_fold() -> None:
    assert ascii_fold("Straße Ærø çà") == "Strasse AEro ca"


@pytest.mark.parametrize("key", ["../x", "a/b", "a\\b", ".hidden", "a\x00b", "", "a b", "x..y"])
def test_safe_key_refuses_path_tricks(key: str) -> None:
    with pytest.raises(ValueError):
        safe_key(key)


@pytest.mark.parametrize("key", ["khan2021russia", "Smith:2020", "a-b_c.d"])
def test_safe_key_accepts_hand_written_keys(key: str) -> None:
    assert safe_key(key) == key


def test_a_work_with_no_creator_is_keyed_by_its_title() -> None:
    """A case or an anonymous item: no number or lone letter names it."""
    fields = {"title": "Kiobel v. Royal Dutch Petroleum Co.", "howpublished": "569 U.S. 108",
              "year": "2013"}
    assert make_key(fields, set()) == "kiobel2013royal"


def test_numbers_in_a_venue_are_not_the_creator() -> None:
    assert make_key({"title": "Annual Report", "organization": "2020 Census Bureau",
                     "year": "2021"}, set()) == "census2021annual"
