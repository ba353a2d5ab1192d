"""OSCOLA notes in the shapes real law-and-economics and EU-law papers print (issue 10):
a quoted title whose subtitle holds commas after a colon, a body's page with an explanation in brackets after its year.
Names, titles and numbers are made up."""

from __future__ import annotations

from note_refs import refs_of as _refs

from relbib.model import Name


def test_a_quoted_title_with_a_colon_and_commas_is_no_lead_in() -> None:
    ref, = _refs("K Marlowe and T Osei, 'Saving Too Little and Being Content About It: Origins, Effects, and Remedies of "
                 "Queue Biases' (2011) 38 J Cons Res 455, 460–462.")
    assert ref.fields["author"] == (Name(family="Marlowe", given="K"), Name(family="Osei", given="T"))
    assert ref.fields["title"] == ("Saving Too Little and Being Content About It: Origins, Effects, and Remedies of "
                                   "Queue Biases")
    assert (ref.fields["journal"], ref.fields["pages"], ref.pinpoint) == ("J Cons Res", "455", "460--462")


def test_a_bodys_page_explained_in_brackets_keeps_its_title_unquoted() -> None:
    first, second = _refs("See eg Norwind Labs, 'Plans and Tiers' (2024) (offering bundles of credits); "
                          "Corvex, 'Usage Credits' (2024) (credits for image generation).")
    assert (first.fields["title"], second.fields["title"]) == ("Plans and Tiers", "Usage Credits")


def test_a_journal_volume_and_year_in_the_elsevier_manner_is_an_article() -> None:
    ref, = _refs("K. Lindqvist, R. Amato, Data Brokers and the Open Web: A Legal Map, Eur. Data Law Rev. 9 (2021) "
                 "101–118.")
    assert ref.type == "article"
    assert ref.fields["author"] == (Name(family="Lindqvist", given="K."), Name(family="Amato", given="R."))
    assert (ref.fields["title"], str(ref.fields["journal"]).rstrip("."), ref.fields["year"], ref.fields["pages"]) == (
        "Data Brokers and the Open Web: A Legal Map", "Eur. Data Law Rev", "2021", "101--118")


def test_a_bodys_quoted_piece_after_a_lead_in_is_cited_whole() -> None:
    ref, = _refs("On queue modelling methods, see Corvex, 'Analysis of rider attitudes on ferries towards "
                 "harbour closures in the UK and US' (2020).")
    assert (ref.fields["title"], ref.fields["year"]) == (
        "Analysis of rider attitudes on ferries towards harbour closures in the UK and US", "2020")


def test_a_body_that_signs_a_quoted_piece_is_one_literal_name() -> None:
    for text, body in (("Corvex, 'Usage Credits' (2024).", "Corvex"),
                       ("Norwind AI, 'Plans and Tiers' (2024).", "Norwind AI"),
                       ("GDPR Helper, 'How Consent Banners Fail' (2023).", "GDPR Helper")):
        ref, = _refs(text)
        assert ref.fields["author"] == (Name(family=body, literal=True),), text


def test_a_proceedings_title_loses_the_conferences_acronym_and_publisher() -> None:
    ref, = _refs("K. Osei, R. Amato, Ferry Tracking at Scale, in: Proceedings of the 2019 ACM Conference on Harbour "
                 "Systems, HARB '19, ACM, New York, 2019, pp. 211–224.")
    assert (ref.fields["booktitle"], ref.fields["year"]) == (
        "Proceedings of the 2019 ACM Conference on Harbour Systems", "2019")
