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


# --- generational suffixes (Jr., Sr., II, III, IV) ---------------------------


@pytest.mark.parametrize(
    ("printed", "want"),
    [
        ("Daniel Hollis III", Name(family="Hollis, III", given="Daniel")),
        ("Orrin Webb Tate, Jr.", Name(family="Tate, Jr.", given="Orrin Webb")),
        ("Pell Garner Jr.", Name(family="Garner, Jr.", given="Pell")),
        ("Walter Brisk II", Name(family="Brisk, II", given="Walter")),
        ("Mara Quill, Sr.", Name(family="Quill, Sr.", given="Mara")),
        # inverted, as bibliographies print it, and BibTeX's "von Last, Jr, First"
        ("Tate, Orrin Webb, Jr.", Name(family="Tate, Jr.", given="Orrin Webb")),
        ("Tate, Jr., Orrin Webb", Name(family="Tate, Jr.", given="Orrin Webb")),
        # the suffix right after the family name, given name after the comma
        ("Tate Jr., Orrin Webb", Name(family="Tate, Jr.", given="Orrin Webb")),
        ("D. Platt Jr", Name(family="Platt, Jr.", given="D.")),
        # one spelling whatever the case or full stop of the note
        ("TATE, ORRIN, JR", Name(family="TATE, Jr.", given="ORRIN")),
    ],
)
def test_suffix_stays_with_the_family_name(printed: str, want: Name) -> None:
    assert split_names(printed) == (want,)


def test_suffix_is_no_author_of_its_own() -> None:
    names = split_names("Tate, William H., III, and Ruth Abell")
    assert names == (Name(family="Tate, III", given="William H."), Name(family="Abell", given="Ruth"))


def test_roman_numeral_after_a_bare_family_name_is_not_a_suffix() -> None:
    # "Smith II": Vancouver initials, not Smith the second
    assert [n.family for n in split_names("Brisk II")] == ["Brisk"]


def test_suffix_survives_bib_csl_and_render() -> None:
    from relbib.formats.bibtex import entries_of, read_bib, render_entry
    from relbib.formats.csljson import from_csl, to_csl
    from relbib.model import Entry, freeze_fields
    from relbib.parse.split import read_note
    from relbib.render import format_entries

    note = read_note(1, "Daniel Hollis III, The Quiet Harbour (Boston: Lantern Press, 1998), 41.")
    author = note.citations[0].reference.fields["author"]  # type: ignore[union-attr]
    assert author == (Name(family="Hollis, III", given="Daniel"),)
    entry = Entry(key="hollis1998quiet", type="book",
                  fields=freeze_fields({"author": author, "title": "The Quiet Harbour",
                                        "publisher": "Lantern Press", "year": "1998"}))
    bib = render_entry(entry)
    assert "Hollis, III, Daniel" in bib
    (back,) = entries_of(read_bib(bib, path="x.bib"))
    assert back.fields["author"] == author
    csl = to_csl(back)
    assert csl["author"] == [{"family": "Hollis", "given": "Daniel", "suffix": "III"}]
    assert from_csl(csl).fields["author"] == author
    (shown,) = format_entries([back], style="plain")
    assert shown.render("txt").startswith("Daniel Hollis, III.")  # plain.bst: "{ff~}{vv~}{ll}{, jj}"


def test_capital_jr_after_a_family_name_is_vancouver_initials() -> None:
    assert split_names("Urbano JM, Cryer JR") == (Name(family="Urbano", given="JM"), Name(family="Cryer", given="JR"))


def test_name_by_given_name_and_place_is_one_name() -> None:
    assert split_names("Saint Anselm of the Vale") == (Name(family="Anselm of the Vale"),)
    assert split_names("Marta of Lindholm") == (Name(family="Marta of Lindholm"),)
    # an institution "of" a place stays an organisation
    assert split_names("University of Lindholm")[0].literal


def test_json_names_give_the_suffix_apart_as_csl_does() -> None:
    assert Name(family="Hollis, III", given="Daniel").as_json() == {
        "family": "Hollis", "given": "Daniel", "suffix": "III"}


# --- issue 10, real footnotes (round 2) -----------------------------------------------


def test_roman_suffix_after_a_family_name_alone() -> None:
    """ "Garrow III, “Title”": a short note's author keeps the suffix (no given name to part it from)."""
    assert split_names("Garrow III") == (Name(family="Garrow III"),)


def test_company_keeps_its_full_stop() -> None:
    assert split_names("Lantern Styles, Inc.") == (Name(family="Lantern Styles, Inc.", literal=True),)


def test_body_under_its_place_is_one_organisation() -> None:
    printed = "Fairview (Ohio). Overseers of the Poor-House"
    assert split_names(printed) == (Name(family=printed, literal=True),)


def test_project_is_an_organisation() -> None:
    assert split_names("HarborVoices Project") == (Name(family="HarborVoices Project", literal=True),)


def test_account_handle_is_no_part_of_the_name() -> None:
    assert split_names("Ines Dow (@inesdow)") == (Name(family="Dow", given="Ines"),)
