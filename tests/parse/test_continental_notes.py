"""Continental European footnotes read and resolved as a sequence.

Sequences of notes in the Italian, French and German manners (names and works
made up): each note is read (tests/cases/legal_notes/continental_*.json hold the
single-note shapes) and the sequence resolved, and what a reader of the notes
would check holds: which earlier note each subsequent form points to, and that
"ID."/"EAD." name the previous author's other work, never the same work.
"""

from __future__ import annotations

from relbib.model import Citation, FullRef, Name
from relbib.parse.continental import parse_continental
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited

ITALIAN = (
    "G. Fabbri, La responsabilità precontrattuale, Milano, Giuffrè, 2006, p. 33.",
    "G. Fabbri, Il danno da contatto sociale, in Riv. dir. civ., 2009, I, p. 120.",
    "Ivi, p. 125.",
    "ID., Il contratto e il mercato, Napoli, Jovene, 2012, p. 8.",
    "Fabbri, Il contratto e il mercato, cit., p. 14.",
    "Fabbri, op. cit., p. 40.",
    "Cass. civ., sez. I, 5 aprile 2011, n. 7720, in Giust. civ., 2011, I, p. 901.",
    "Ibidem.",
)


def _citations(notes: tuple[str, ...]) -> dict[int, Citation]:
    """Each note's last citation, resolved against the notes before it."""
    read = [read_note(n, text) for n, text in enumerate(notes, start=1)]
    result = resolve_cited([(note.n, tuple(c.reference for c in note.citations)) for note in read])
    return {c.note: c for c in result.citations}


def _resolved(notes: tuple[str, ...]) -> dict[int, tuple[str, int | None, str | None]]:
    return {n: (c.form.value, c.source, c.pinpoint) for n, c in _citations(notes).items()}


def test_italian_sequence_points_each_form_to_its_work() -> None:
    got = _resolved(ITALIAN)
    assert got[3] == ("ibid", 2, "125")  # Ivi: the article of note 2, another page
    assert got[4][:2] == ("full", 4)  # ID.: a new work, not the article again
    assert got[5][:2] == ("opcit", 4)  # the short title picks the ID. work
    assert got[6][:2] == ("opcit", None)  # "Fabbri, op. cit." alone: three works by Fabbri
    assert got[8][:2] == ("ibid", 7)


def test_id_note_has_no_author_named_id() -> None:
    note = read_note(4, ITALIAN[3])
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields.get("title") == "Il contratto e il mercato"
    assert Name(family="ID") not in (ref.fields.get("author") or ())


def test_eadem_is_the_same_author_with_another_work() -> None:
    notes = (
        "A. Rinaldi, Il principio di precauzione, Torino, Giappichelli, 2015.",
        "EAD., Le misure urgenti, Bologna, Zanichelli, 2016.",
        "Rinaldi, op. cit., p. 3.",
        "Rinaldi, Le misure urgenti, cit., p. 9.",
    )
    got = _resolved(notes)
    assert got[2][:2] == ("full", 2)  # a work of its own
    assert got[3][:2] == ("opcit", None)  # Rinaldi now has two works: op. cit. cannot tell
    assert got[4][:2] == ("opcit", 2)


def test_french_sequence() -> None:
    notes = (
        "J. Roussel, Droit des biens, 3e éd., Paris, LGDJ, 2009, p. 40.",
        "CE, 4 déc. 2015, n° 381245.",
        "Roussel, préc., n° 112.",
    )
    got = _resolved(notes)
    assert got[2][:2] == ("full", 2)
    assert got[3] == ("opcit", 1, "n° 112")


def test_german_sequence_commentary_cases_and_footnote_references() -> None:
    notes = (
        "Hartwig, in: Bauer/Seidl, 4. Aufl. 2019, § 12 BGB, Rn. 31; Roth, in: Bauer/Seidl, 4. Aufl. 2019, § 13 BGB.",
        "Hartwig, (Fn. 1), Rn. 35.",
        "Hartwig, ebd. Rn. 36.",
        "BGH, Urt. v. 3. Mai 2012 (I ZR 12/11), - Sonnenschirm - Rn. 19; Brenner, Der Schutz, GRUR 2018, 501 (503).",
        "BGH, (Fn. 4), - Sonnenschirm - Rn. 22.",
        "Brenner, (Fn. 4), 501 (504) mwN.",
    )
    got = _resolved(notes)
    assert got[2] == ("supra", 1, "Rn. 35")
    assert _citations(notes)[2].source_index == 0  # Hartwig's commentary, not Roth's
    assert got[3] == ("ibid", 1, "Rn. 36")  # "Name, ebd.": Ibid. naming its author (the work of note 1)
    assert got[5] == ("supra", 4, "Rn. 22")  # the court names the decision of note 4
    assert got[6] == ("supra", 4, "504")  # "501 (504)": the page cited is the bracket's


def test_prose_and_english_notes_are_not_continental() -> None:
    for text in (
        "Cass Sunstein, Republic.com 2.0 (Princeton: Princeton University Press, 2007), 45.",
        "CA, note the difference in 2010.",
        "J. Smith, Empire and Trade, Oxford, 2005, p. 4.",
        "BGH said so in 2010 and again later.",
    ):
        assert parse_continental(text) is None, text
