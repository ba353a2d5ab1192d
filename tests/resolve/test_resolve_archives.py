"""Repeated archival citations: an archive abbreviated on first use is the same
archive in later notes; the same file is the same item, another file another."""

from __future__ import annotations

from relbib.model import Citation
from relbib.parse import parse_note
from relbib.parse.archival import defined_abbreviation, read_archival_note
from relbib.resolve import resolve


def _resolved(*notes: str) -> dict[int, Citation]:
    return {c.note: c for c in resolve([(n, parse_note(t)) for n, t in enumerate(notes, start=1)]).citations}


def test_an_abbreviation_defined_on_first_use_names_the_archive_in_later_notes() -> None:
    got = _resolved(
        "Kreisarchiv Lüneburg (henceforth KAL), Rep. 4, Nr. 77, fol. 2.",
        "Kreisarchiv Lüneburg, Rep. 9, Nr. 12.",
        "KAL, Rep. 4, Nr. 77, fol. 5.",
    )
    assert (got[3].source, got[3].rule, got[3].pinpoint) == (1, "repeat-full", "fol. 5")
    assert got[2].source == 2  # another file of the same archive: another item


def test_an_abbreviation_used_before_it_is_defined_names_nothing() -> None:
    got = _resolved(
        "KAL, Rep. 4, Nr. 77, fol. 5.",
        "Kreisarchiv Lüneburg (hereafter KAL), Rep. 4, Nr. 77, fol. 2.",
    )
    assert got[2].source == 2  # the resolver never points forward, nor back through a later definition


def test_one_call_number_in_two_archives_is_two_items() -> None:
    got = _resolved("Landesarchiv Speyer, Best. H 3, Nr. 100.", "Stadtarchiv Worms, Best. H 3, Nr. 100.")
    assert got[2].source == 2


def test_a_known_abbreviation_and_the_archives_full_name_are_one_archive() -> None:
    got = _resolved("Politisches Archiv des Auswärtigen Amts, R 10101, fol. 1.", "PA AA, R 10101, fol. 4.")
    assert (got[2].source, got[2].rule) == (1, "repeat-full")


def test_only_an_abbreviation_the_lexicon_lacks_is_recorded_as_defined() -> None:
    known = read_archival_note("Bundesarchiv Berlin (BArch), R 2/300.")
    defined = read_archival_note("Staatsarchiv Bremen (hereafter StAB), 3-A.4, Nr. 9.")
    assert known is not None and defined is not None
    assert defined_abbreviation(known) is None
    assert defined_abbreviation(defined) == "StAB"


def test_a_letter_cited_again_by_writer_addressee_and_date_repeats_it() -> None:
    got = _resolved(
        "Albers to Kranz, 3 Mar. 1934, BArch, R 43 II/1234, fol. 56.",
        "Albers to Kranz, 9 May 1935, BArch, R 43 II/1234, fol. 80.",
        "Albers to Kranz, 3 Mar. 1934.",
    )
    assert got[2].source == 2  # the same writer and addressee on another day: another letter
    assert (got[3].source, got[3].rule) == (1, "repeat-full")
