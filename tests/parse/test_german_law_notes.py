"""German and Swiss legal notes: decisions cited by court and law journal, commentaries
cited by their work and commentator, and statutes with their official collection.

The shapes of the notes of real German and Swiss law texts (a law teaching site's
chapters, a data-rights guide); every name, title and number here is made up.
Each case failed before relbib.parse.legal_de.
"""

from __future__ import annotations

from relbib.model import FullRef
from relbib.parse.split import read_note


def _one(text: str) -> FullRef:
    note = read_note(1, text)
    refs = [c.reference for c in note.citations]
    assert len(refs) == 1 and isinstance(refs[0], FullRef), refs
    return refs[0]


def test_a_decision_by_its_court_and_a_law_journal_with_the_page_cited() -> None:
    ref = _one("BGH NJW 1987, 456 (458).")
    assert ref.type == "jurisdiction"
    assert ref.fields["institution"] == "BGH"
    assert ref.fields["howpublished"] == "NJW 1987, 456"
    assert ref.fields["year"] == "1987"
    assert ref.pinpoint == "458"


def test_a_decision_of_a_court_with_its_seat_and_a_margin_number() -> None:
    ref = _one("Vgl. OLG Celle NJW-RR 2003, 77 Rn. 12.")
    assert ref.fields["institution"] == "OLG Celle"
    assert ref.fields["howpublished"] == "NJW-RR 2003, 77"
    assert ref.pinpoint == "Rn. 12"


def test_a_commentary_by_its_work_and_commentator() -> None:
    ref = _one("MüKoBGB/Lindner, 9. Aufl. 2023, § 906 Rn. 14.")
    assert ref.type == "incollection"
    assert [n.family for n in ref.fields["author"]] == ["Lindner"]  # type: ignore[union-attr]
    assert ref.fields["booktitle"] == "MüKoBGB"
    assert ref.fields["title"] == "§ 906"
    assert ref.fields["year"] == "2023"
    assert ref.pinpoint == "Rn. 14"


def test_a_commentary_on_a_code_by_its_editor_and_commentator() -> None:
    ref = _one("Kern/Roth, BGB, 41. Aufl. 2022, § 12 Rn. 3.")
    assert [n.family for n in ref.fields["author"]] == ["Roth"]  # type: ignore[union-attr]
    assert ref.fields["booktitle"] == "Kern, BGB"
    assert ref.fields["title"] == "§ 12"
    assert ref.pinpoint == "Rn. 3"


def test_a_swiss_statute_with_its_date_short_name_and_collection_number() -> None:
    ref = _one("Bundesgesetz vom 3. März 1971 über die Fischerei (FiG; SR 923.5).")
    assert ref.type == "legislation"
    assert ref.fields["title"] == "Bundesgesetz vom 3. März 1971 über die Fischerei"
    assert ref.fields["year"] == "1971"


def test_a_provision_of_a_statute_named_after_it() -> None:
    ref = _one("Vgl. Art. 4 Abs. 2 des Bundesgesetzes über die Wanderwege vom 4. Oktober 1985 (FWG; SR 704).")
    assert ref.type == "legislation"
    assert ref.fields["title"] == "Bundesgesetz über die Wanderwege vom 4. Oktober 1985"
    assert ref.fields["year"] == "1985"
    assert ref.pinpoint == "Art. 4 Abs. 2"


def test_a_german_statute_with_its_gazette() -> None:
    ref = _one("Gesetz über die Mühlenaufsicht vom 12. Mai 1962 (BGBl. I S. 301).")
    assert ref.type == "legislation"
    assert ref.fields["title"] == "Gesetz über die Mühlenaufsicht vom 12. Mai 1962"
    assert ref.fields["year"] == "1962"


def test_a_topic_before_a_colon_then_a_provision_of_a_statute() -> None:
    ref = _one("Vgl. für den Kanton: Art. 2 Abs. 1 des Gesetzes über die Jagd vom 7. Mai 1990 ([[JG]]; SR 922.1).")
    assert ref.type == "legislation"
    assert ref.fields["title"] == "Gesetz über die Jagd vom 7. Mai 1990"
    assert ref.pinpoint == "Art. 2 Abs. 1"


def test_a_provision_of_an_act_named_in_the_genitive_gives_the_act_its_own_name() -> None:
    ref = _one("Art. 3 Abs. 2 des Übereinkommens vom 2. Juni 1980 über die Fischerei (FÜ; SR 0.923.1).")
    assert ref.fields["title"] == "Übereinkommen vom 2. Juni 1980 über die Fischerei"
    assert ref.pinpoint == "Art. 3 Abs. 2"
