"""German and French humanities notes cut into their citations.

Notes in the shapes of German art-history and French seminar notes (names and
works made up): "…, sowie Name, …" holds two citations, a topic lead-in after
"Vgl." ("Vgl. zum ganzen Abschnitt Name, Vorname, …") is no part of the author,
and a prose sentence ending in "vgl."/"siehe" introduces the citation after it.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, ShortRef
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _authors(ref: object) -> list[str]:
    assert isinstance(ref, FullRef), ref
    return [n.family for n in ref.fields.get("author") or ()]


def test_sowie_joins_two_citations() -> None:
    note = read_note(1, "Vgl. Hartwig, Ludwig, Die Brücke am Fluss, Kassel 1987, S. 6, sowie "
                        "Roth, Anna, Der Hafen, Leipzig 2001, S. 9.")
    assert len(note.citations) == 2
    first, second = (c.reference for c in note.citations)
    assert _authors(first)[0] == "Hartwig" and first.pinpoint == "6"
    assert _authors(second) == ["Roth"] and second.pinpoint == "9"


def test_short_form_then_sowie_full_note() -> None:
    note = read_note(2, "Vgl. Hartwig 1987, S. 6, sowie Roth, Anna: Der Hafen. Leipzig 2001, S. 9.")
    first, second = (c.reference for c in note.citations)
    assert isinstance(first, ShortRef) and first.authors == ("Hartwig",)
    assert isinstance(second, FullRef) and _authors(second) == ["Roth"]


def test_topic_lead_after_vgl_is_not_the_author() -> None:
    note = read_note(1, "Vgl. zum ganzen Kapitel Hartwig, Ludwig, Die Brücke am Fluss, Kassel 1987, S. 6.")
    (citation,) = note.citations
    assert _authors(citation.reference) == ["Hartwig"]
    assert citation.reference.fields.get("title") == "Die Brücke am Fluss"


def test_topic_lead_ending_in_colon() -> None:
    note = read_note(5, "Vgl. zum ganzen Kapitel: Hartwig 1987, S. 10f.")
    (citation,) = note.citations
    assert isinstance(citation.reference, ShortRef)
    assert citation.reference.authors == ("Hartwig",) and citation.reference.pinpoint == "10f"


def test_prose_ending_in_siehe_introduces_a_short_form() -> None:
    note = read_note(9, "Für Überlegungen zu weiteren Entwürfen siehe Hartwig 1987, S. 5f.")
    (citation,) = note.citations
    assert isinstance(citation.reference, ShortRef)
    assert citation.reference.authors == ("Hartwig",)


def test_prose_ending_in_vgl_introduces_a_full_note() -> None:
    note = read_note(32, "Für eine knappe Darstellung der Frage von Zentralität vgl. Roth, Anna G., Lenz, Peter, "
                         "The Shape of Towns. Five Rules That Guide Our Streets, Kassel 2017, S. 198.")
    (citation,) = note.citations
    assert citation.text.startswith("Roth, Anna G.")
    assert _authors(citation.reference) == ["Roth", "Lenz"]
    assert citation.reference.fields.get("title") == "The Shape of Towns. Five Rules That Guide Our Streets"
    assert citation.reference.pinpoint == "198"


def test_paper_in_guillemets_is_a_citation_not_a_comment() -> None:
    note = read_note(3, "Paul Dufresne, « Les lieux et leurs voix », communication présentée au colloque du GRAT, "
                        "Voir et entendre, juin 2023, Lyon.")
    (citation,) = note.citations
    assert citation.reference.fields.get("title") == "Les lieux et leurs voix"
    assert citation.reference.fields.get("year") == "2023"


@pytest.mark.parametrize("later", [
    "Brandt, Hafenstädte (wie Anm. 1), S. 12.",
    "Brandt (wie Anm. 1), S. 12.",
    "Brandt, Hafenstädte (s. Anm. 1), S. 12.",
    "Brandt, Hafenstädte (Anm. 1), S. 12.",
    "Brandt, « Les ports » (voir note 1), p. 12.",
])
def test_wie_anm_names_the_work_of_that_note(later: str) -> None:
    """German "(wie Anm. 1)" and French "(voir note 1)" are supra note 1."""
    notes = [(1, "Lena Brandt, Hafenstädte der Ostsee, Kiel 1998, S. 45."), (2, later)]
    result = resolve_cited([(n, tuple(s.reference for s in read_note(n, t).citations)) for n, t in notes])
    second = result.citations[1]
    assert (second.form.value, second.refers_to, second.pinpoint) == ("supra", 1, "12")
