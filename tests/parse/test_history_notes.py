"""Notes of history writing (archives, German publications, editions of documents):
what the readers decline, and the vocabulary they rest on.

The shapes themselves are case files: tests/cases/notes/history_*.json.
"""

from __future__ import annotations

import pytest

from relbib import lexicon
from relbib.model import FullRef
from relbib.parse.archival import read_archival_note
from relbib.parse.dates import parse_date
from relbib.parse.split import read_note


@pytest.mark.parametrize(
    "text",
    [
        "Derrida, Archive Fever, 45.",  # a short form whose title holds an archive's word
        "Taylor, The Archive and the Repertoire, 45.",
        "Diana Taylor, The Archive and the Repertoire (Durham, NC: Duke University Press, 2003), 45.",
        "Snyder, Bloodlands, 201.",
        "Anne Applebaum, “The Soviet Famine,” Journal of Cold War Studies 14, no. 3 (2012): 81–103.",
        "Jane Roe, “Mapping the Archive,” Digital History Blog, 12 May 2016, https://example.org/blog/mapping.",
        "Karl Roth, Das Archiv der Stadt, hg. von Eva Lind (Köln, 1980), 12.",
        "Ibid., 45.",
        # capitals that are no archive's abbreviation, before numbers that are no call number
        "HOLLAND, supra note 7, § 3.8.",
        "Brenner K. L., 2004, ApJ, 601, 233",
        "BGH, Urteil vom 12.3.2019 – VI ZR 12/18, NJW 2019, 145 (147).",
        "II, I960, pp. 202-219;",
        "MARTIN Paul (Abbé), 1890 : Les petits saints. Paris, t. IV,",
        # a research institute that publishes a report, with a volume: no archive
        "Crash avoidance: first results. Technical report, Road Data Institute, May 2011. Vol. 28 (4).",
    ],
)
def test_the_archival_reader_declines_publications_and_short_forms(text: str) -> None:
    assert read_archival_note(text) is None


def test_an_archive_by_its_full_name_or_its_known_abbreviation_is_one_organization() -> None:
    by_name = read_archival_note("Politisches Archiv des Auswärtigen Amts, R 10101.")
    by_abbreviation = read_archival_note("PA AA, R 10101.")
    assert by_name is not None and by_abbreviation is not None
    assert by_name.fields["organization"] == by_abbreviation.fields["organization"]


def test_a_note_citing_two_files_is_two_archival_citations() -> None:
    note = read_note(1, "BArch, R 43 I/555, fol. 3; PA AA, R 29876.")
    refs = [c.reference for c in note.citations]
    assert [r.type for r in refs if isinstance(r, FullRef)] == ["unpublished", "unpublished"]
    assert [r.fields["number"] for r in refs if isinstance(r, FullRef)] == ["R 43 I/555", "R 29876"]


def test_the_archive_note_adds_no_seat_it_does_not_write() -> None:
    ref = read_archival_note("TNA, FO 371/23456.")
    assert ref is not None
    assert ref.fields["organization"] == "The National Archives" and "address" not in ref.fields


@pytest.mark.parametrize(
    ("text", "iso"),
    [("3. Okt. 1990", "1990-10-03"), ("12. März 1923", "1923-03-12"), ("1. Jänner 1919", "1919-01-01"),
     ("4. Dez. 1941", "1941-12-04")],
)
def test_german_dates_with_abbreviated_months(text: str, iso: str) -> None:
    assert parse_date(text) == (iso[:4], iso)


def test_every_archive_abbreviation_names_one_archive() -> None:
    archives = lexicon.archives()
    assert archives["BArch"] == "Bundesarchiv" and archives["TNA"] == "The National Archives"
    assert all(name and not name.isupper() for name in archives.values())


def test_the_archive_word_lists_have_their_three_sections() -> None:
    assert "archiv" in lexicon.archive_words("institution")
    assert "library" in lexicon.archive_words("institution-weak")
    assert {"box", "folder", "nachlass"} <= lexicon.archive_words("unit")

