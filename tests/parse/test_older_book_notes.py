"""Endnotes of older scholarly books (nineteenth-century theology, economics and
history, German works in translation): short-title citations with old locators,
Latin and German op. cit., Ibid. with a volume, pointers to other places of the
book, and later notes that cite a work again under a shorter abbreviation.

The shapes are those of real books' endnotes; every name, title and number is
made up.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, IbidRef, Name, OpCitRef, ShortRef
from relbib.parse import parse_note
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _author(ref: FullRef) -> list[tuple[str, str]]:
    names = ref.fields.get("author") or ()
    assert isinstance(names, tuple)
    return [(n.family, n.given) for n in names if isinstance(n, Name)]


WORKS = [
    # "Author, Title, [volume,] locator": German "s." (Seite), "f."/"ff.", a part's letter
    ("Hartwig, exeg. Handb., 1, a, s. 39.", "Hartwig", "exeg. Handb.", "1", "39"),
    ("Olmstedt, bibl. Comm., 1, s. 189 f.", "Olmstedt", "bibl. Comm.", "1", "189f"),
    ("Comp. De Brück, exeg. Handb. 1, 1, s. 231 f.", "De Brück", "exeg. Handb.", "1", "231f"),
    ("Steinhart, über den Ursprung der ältesten Chronik, s. 121 f.", "Steinhart",
     "über den Ursprung der ältesten Chronik", None, "121f"),
    ("Lessmann, Comm. in Luc., p. 635.", "Lessmann", "Comm. in Luc.", None, "635"),
    ("Kettler, Geschichte der Sekte, 1 Bd. s. 118.", "Kettler", "Geschichte der Sekte", "1", "118"),
    # English: volume and page, book and chapter, a classical author and work
    ("Harlow, Logic, vol. ii. p. 34.", "Harlow", "Logic", "ii", "34"),
    ("Dunmore, Wealth of Cities, bk. iv. ch. 2.", "Dunmore", "Wealth of Cities", None, "bk. iv. ch. 2"),
    ("Varro, De agris, lib. ii. ad fin.", "Varro", "De agris", None, "lib. ii. ad fin"),
    ("Quintus, Ann. xv. 44.", "Quintus", "Ann.", "xv", "44"),
]


@pytest.mark.parametrize(("text", "author", "title", "volume", "pin"), WORKS)
def test_an_older_short_title_citation_is_read_whole(text: str, author: str, title: str,
                                                     volume: str | None, pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef), ref
    assert _author(ref) == [(author, "")]
    assert ref.fields.get("title") == title
    assert ref.fields.get("volume") == volume
    assert ref.pinpoint == pin


def test_an_abbreviated_title_alone_and_an_author_with_a_page() -> None:
    alone = parse_note("Bibl. Comm. 1, s. 175 f.")
    assert isinstance(alone, FullRef) and alone.fields.get("title") == "Bibl. Comm." and alone.pinpoint == "175f"
    page = parse_note("Olmstedt, s. 67.")
    assert isinstance(page, ShortRef) and page.authors == ("Olmstedt",) and page.pinpoint == "67"


@pytest.mark.parametrize(("text", "title", "volume", "pin"), [
    ("Antiq. xvii. v. 3.", "Antiq.", None, "xvii. v. 3"),  # a classical work by its title, no comma
    ("Hist. vi. 51.", "Hist.", "vi", "51"),
    ("Dial. c. Tryph. 84.", "Dial. c. Tryph.", None, "84"),
    ("Vom Zweck der Jünger, s. 184, 201 ff., 207 ff.", "Vom Zweck der Jünger", None, "184, 201ff, 207ff"),
    ("L. J. Chr., s. 587, Anm.", "L. J. Chr.", None, "587"),  # a note on the page: not the pinpoint
])
def test_a_title_alone_with_its_locator(text: str, title: str, volume: str | None, pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef), ref
    assert not ref.fields.get("author") and ref.fields.get("title") == title
    assert ref.fields.get("volume") == volume and ref.pinpoint == pin


@pytest.mark.parametrize(("text", "authors", "pin"), [
    ("Brandt, ut sup. s. 653.", ("Brandt",), "653"),
    ("Steinhart, ut sup., s. 38 f.", ("Steinhart",), "38f"),
    ("Ut sup. s. 147 ff.", (), "147ff"),
    ("Hartwig, l. c. p. 12.", ("Hartwig",), "12"),
])
def test_latin_ut_supra_is_op_cit(text: str, authors: tuple[str, ...], pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, OpCitRef) and ref.authors == authors and ref.pinpoint == pin


@pytest.mark.parametrize(("text", "pin"), [("Ibid., ii. 34.", "ii. 34"), ("Ibid. i. 37.", "i. 37")])
def test_ibid_with_a_volume_keeps_it(text: str, pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, IbidRef) and ref.pinpoint == pin


@pytest.mark.parametrize("text", [
    "Sup. § 14.", "Vol. II. § 81.", "See the passage above, § 48, note 7.", "Comp. Vol. I. § 12, note 3.",
    # an edition's editor pointing to the book's own books and chapters
    "IV, 26-32.", "II, 5-9, 20", "C. 23, and note.", "*v.* c. 24, *ad fin.*", "IV, 27 (note) and 28.",
    "Cc. 10, 11.", "II, 18 *et saep.*", "III, 13 (*v.* note, *ad loc.*).",
    "For the Wessex men, *v.* II, 5 and note.", "Elmsby, *v. infra*, p. 56.", "In 678, *v.* IV, 12, and note.",
    "*I.e.*, to the archbishop.",
])
def test_a_pointer_to_another_place_of_the_book_makes_no_entry(text: str) -> None:
    assert read_note(1, text).kind == "comment"


def test_a_page_closes_a_citation_before_the_next() -> None:
    note = read_note(1, "Bauder, hebr. Mythologie, 2 s. 225 f. Comp. Grell, Comm. zum Evang. Matt. i. s. 172 ff.")
    refs = [c.reference for c in note.citations]
    assert len(refs) == 2 and all(isinstance(r, FullRef) for r in refs)
    assert [r.fields.get("title") for r in refs if isinstance(r, FullRef)] == ["hebr. Mythologie",
                                                                                  "Comm. zum Evang. Matt."]
    three = read_note(2, "Hartwig, exeg. Handb. 3, b, s. 538. L. J. 1, b, s. 192. Kettler, L. J., § 137.")
    assert len(three.citations) == 3


def test_a_commentary_cited_at_the_passage_then_the_next_work() -> None:
    note = read_note(1, "Voss, Comm. in Matth. in loc. Grell, bibl. Realwörterb. 1, s. 694.")
    refs = [c.reference for c in note.citations]
    assert [(r.fields.get("title"), r.pinpoint) for r in refs if isinstance(r, FullRef)] == [
        ("Comm. in Matth.", "in loc."), ("bibl. Realwörterb.", "694")]
    quoted = parse_note("ap. Brandt, s. 145.")  # apud: quoted in Brandt
    assert isinstance(quoted, ShortRef) and quoted.authors == ("Brandt",) and quoted.pinpoint == "145"
    vol = parse_note("Schott, horæ, ii. s. 63, 73.")
    assert isinstance(vol, FullRef) and vol.fields.get("volume") == "ii" and vol.pinpoint == "63, 73"


def test_a_later_note_abbreviates_the_title_further() -> None:
    notes = ["Voss, Commentar. in Matt., p. 491.", "Steinhart, über den Ursprung der ältesten Chronik, s. 39.",
             "See Voss, Comm. in Matt., p. 148.", "Steinhart, über den Ursprung der ält. Chron., s. 46.",
             "Voss, ut sup. p. 150."]
    cited = [read_note(n, text) for n, text in enumerate(notes, start=1)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    by_note = {c.note: c for c in result.citations}
    assert (by_note[3].source, by_note[4].source, by_note[5].source) == (1, 2, 1)
    assert (by_note[3].pinpoint, by_note[4].pinpoint) == ("148", "46")


def test_a_later_note_writes_out_what_the_first_cut_short() -> None:
    notes = ["Brandt, exeg. Handb., 1, s. 4.", "Brandt, exeg. Handbuch, 1, s. 9."]
    cited = [read_note(n, text) for n, text in enumerate(notes, start=1)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    later = next(c for c in result.citations if c.note == 2)
    assert later.source == 1 and later.pinpoint == "9"


@pytest.mark.parametrize("text", [
    "Ed. 1, p. 5.",  # an edition's variant, no work
    "He died in the year 44.",
    "Speculum Vitae, chaps. IV, V, trans. Hartley.",  # a translator: the general reader's
])
def test_not_an_older_short_title(text: str) -> None:
    ref = parse_note(text)
    assert not (isinstance(ref, FullRef) and ref.fields.get("author") and ref.fields.get("title") == "Ed.")
    if isinstance(ref, FullRef):
        assert ("Vitae", "Speculum") not in _author(ref)


def _sources(notes: list[str]) -> dict[int, int | None]:
    cited = [read_note(n, text) for n, text in enumerate(notes, start=1)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    return {c.note: c.source for c in result.citations}


def test_ut_supra_names_the_authors_work_cited_last() -> None:
    notes = ["Hartwig, exeg. Handb., 1, s. 39.", "Hartwig, Leben Jesu, 2, s. 12.", "Brandt, Symbolik, s. 8.",
             "Hartwig, ut sup. s. 40."]
    assert _sources(notes)[4] == 2


# --- issue 10, real footnotes (round 2): shapes older notes print ----------------------


def test_a_lecture_named_by_its_number_is_the_title() -> None:
    """ "Harlan, Lecture 9.": the lecture is the work cited (resolve sees Harlan's short title), no pinpoint."""
    ref = parse_note("Harlan, Lecture 9.")
    assert isinstance(ref, FullRef)
    assert _author(ref) == [("Harlan", "")]
    assert ref.fields["title"] == "Lecture 9"
    assert ref.pinpoint is None


@pytest.mark.parametrize(
    ("text", "author", "title", "volume", "pin"),
    [
        ("Morgan\u2019s Summary, vol. iv. p. 210, 211.", "Morgan", "Summary", "iv", "210, 211"),
        ("Ellis\u2019s Abstract, vol. ii. p. 12.", "Ellis", "Abstract", "ii", "12"),
    ],
)
def test_a_work_named_by_its_author_in_the_possessive(text: str, author: str, title: str, volume: str,
                                                       pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef)
    assert _author(ref) == [(author, "")]
    assert ref.fields["title"] == title
    assert ref.fields["volume"] == volume
    assert ref.pinpoint == pin


def test_the_edition_cited_by_its_year() -> None:
    ref = parse_note("Marsh, Annals, ed. of 1788, ii, 310.")
    assert isinstance(ref, FullRef)
    assert _author(ref) == [("Marsh", "")]
    assert ref.fields["title"] == "Annals"
    assert ref.fields["year"] == "1788"
    assert ref.pinpoint == "310"


def test_the_work_quoted_by_after_a_prose_lead_in() -> None:
    note = read_note(4, "I.e., after their twelfth year, as stated by Dr. Wren, quoted by Leclair, Trait\u00e9, pp. 17, 18.")
    refs = [c.reference for c in note.citations]
    assert len(refs) == 1 and isinstance(refs[0], FullRef)
    assert _author(refs[0]) == [("Leclair", "")]
    assert refs[0].fields["title"] == "Trait\u00e9"
    assert refs[0].pinpoint == "17, 18"


def test_a_title_alone_after_occurs_in() -> None:
    """ "The same case occurs in Sermons, p. 41.": a work one occurs in is a title, no author."""
    note = read_note(6, "The same case occurs in Sermons, p. 41.")
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields["title"] == "Sermons" and "author" not in ref.fields
    assert ref.pinpoint == "41"


def test_an_author_closed_by_a_full_stop() -> None:
    """ "Kessel. Leben der Apostel, 1 Bd. s. 90.": the author's comma printed as a full stop."""
    ref = parse_note("Kessel. Leben der Apostel, 1 Bd. s. 90.")
    assert isinstance(ref, FullRef)
    assert _author(ref) == [("Kessel", "")]
    assert ref.fields["title"] == "Leben der Apostel"
    assert ref.pinpoint == "90"
    abbreviated = parse_note("Bibl. Comm., 1, s. 175 f.")  # an abbreviated title stays one
    assert isinstance(abbreviated, FullRef) and "author" not in abbreviated.fields
