"""Note shapes of older and classical scholarship, seen in real books' endnotes:
"Author: Title, Place, Year", single-name authors with classical pinpoints,
"passim", editorial tails ("abridged"), and Blackstone's star pages in Id.

Every note is written here in the shape of the real ones (names, titles and
numbers made up), with the fields a reader would write down for it.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, IdRef, Name, SupraRef
from relbib.parse import parse_note
from relbib.parse.split import read_note


def _people(ref: FullRef) -> list[tuple[str, str]]:
    names = ref.fields.get("author") or ()
    assert isinstance(names, tuple)
    return [(n.family, n.given) for n in names if isinstance(n, Name)]


FULL = [
    # "Author: Title, Place, Year, p." — initials, a given name, a bare surname
    ("R. T. Hale: Studies in Conversion, Boston, 1899, p. 12.",
     [("Hale", "R. T.")], {"title": "Studies in Conversion", "address": "Boston", "year": "1899"}, "12"),
    ("Merlet: Histoire de la ville, Paris, 1887, p. 40.",
     [("Merlet", "")], {"title": "Histoire de la ville", "address": "Paris", "year": "1887"}, "40"),
    ("C. D. Ormond: Memoirs, p. 34.", [("Ormond", "C. D.")], {"title": "Memoirs"}, "34"),
    # an editor's remark closing the note is no part of the work
    ("Edwin Marsh: The Inner Life, Boston, 1890, pp. 10–14 (abridged).",
     [("Marsh", "Edwin")], {"title": "The Inner Life", "year": "1890"}, "10--14"),
    # the author in the possessive, older style
    ("Thomas Grove’s History of the Fens, London, 1702.",
     [("Grove", "Thomas")], {"title": "History of the Fens", "address": "London", "year": "1702"}, None),
    ("Sir John Parry’s Account of the Voyage, 2nd edition, 1830, ch. IV.",
     [("Parry", "John")], {"title": "Account of the Voyage", "year": "1830"}, "ch. IV"),  # "Sir": no part of the name
    # a chapter cited after the facts
    ("Paul Varenne, Les Mystiques du Nord, Paris, 1871, ch. XII.",
     [("Varenne", "Paul")], {"title": "Les Mystiques du Nord", "address": "Paris", "year": "1871"}, "ch. XII"),
    # "passim" is the pinpoint, not "p." + "assim"
    ("P. L. Amery: The Quiet Mind, London, 1902, passim.",
     [("Amery", "P. L.")], {"title": "The Quiet Mind", "year": "1902"}, "passim"),
    ("Gerald Fenn, The Old Parish (London, 1911), passim.",
     [("Fenn", "Gerald")], {"title": "The Old Parish", "year": "1911"}, "passim"),
    # single-name authors, with the pinpoints classical texts are cited by
    ("Plato, Republic, 514a.", [("Plato", "")], {"title": "Republic"}, "514a"),
    ("Aristotle, Politics 1253a.", [("Aristotle", "")], {"title": "Politics"}, "1253a"),
    ("Homer, Odyssey 9.105.", [("Homer", "")], {"title": "Odyssey"}, "9.105"),
    ("Boethius, Consolation II.4.", [("Boethius", "")], {"title": "Consolation"}, "II.4"),
    ("Voltaire, Zadig, ch. 3.", [("Voltaire", "")], {"title": "Zadig"}, "ch. 3"),
    ("Hume, Enquiry, sec. 4.", [("Hume", "")], {"title": "Enquiry"}, "sec. 4"),
]


@pytest.mark.parametrize(("text", "people", "fields", "pin"), FULL, ids=[c[0][:40] for c in FULL])
def test_older_full_note(text: str, people: list[tuple[str, str]], fields: dict[str, str], pin: str) -> None:
    note = read_note(1, text)
    assert note.kind == "citation" and len(note.citations) == 1, note
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef), ref
    assert _people(ref) == people, ref
    for name, want in fields.items():
        assert ref.fields.get(name) == want, (name, ref)
    assert ref.pinpoint == pin, ref
    assert parse_note(text).text == text  # the note as written, though read without its colon or remark


@pytest.mark.parametrize("text", [
    "Europe: A History of Its Peoples (Oxford, 1996).",  # a title with a colon, no author
    "Note: the letter is lost.",
    "Women’s Work in Wartime, London, 1920.",  # a possessive that is no person
])
def test_a_title_or_label_names_no_author(text: str) -> None:
    ref = parse_note(text)
    assert not isinstance(ref, FullRef) or not ref.fields.get("author"), ref


@pytest.mark.parametrize(("text", "pin"), [
    ("Id. at *154.", "*154"),
    ("2 id. at *154.", "*154"),
    ("*Id.* at *84.", "*84"),
    ("Id. at *154–*56.", "*154--*56"),
    ("Id. at 12.", "12"),
])
def test_id_keeps_a_star_page(text: str, pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, IdRef) and ref.pinpoint == pin, ref


def test_supra_keeps_a_star_page() -> None:
    ref = parse_note("Blackstone, supra note 3, at *154.")
    assert isinstance(ref, SupraRef) and ref.note == 3 and ref.pinpoint == "*154", ref


@pytest.mark.parametrize("text", [
    "The market was held at Smithfield, and its traders were sometimes called the “Smithfield Men.” "
    "The diarist went there on May 3rd, 1663.",
    "I once heard a farmer say that the weather “could always be trusted to change.”",
])
def test_a_quotation_inside_prose_cites_nothing(text: str) -> None:
    assert read_note(1, text).kind == "comment"


@pytest.mark.parametrize("text", [
    "On this see Ann Grey, “Fairs and Markets,” Journal of Trade 4 (1990): 1–20.",
    "Compare Leuba: “The Contents of Belief,” in The Quarterly, XI 536, July, 1901, pp. 346–349.",
])
def test_a_quoted_title_in_a_note_with_prose_is_still_cited(text: str) -> None:
    note = read_note(1, text)
    assert note.kind == "citation" and isinstance(note.citations[0].reference, FullRef), note


def test_the_source_a_sentence_names_in_its_closing_parenthesis_is_the_citation() -> None:
    note = read_note(1, "The fleet was seen off the coast, and the town was said to have armed itself "
                        "in a single night (Leeds Mercury, 3 May 1812, 2).")
    assert note.kind == "citation" and len(note.citations) == 1, note
    cited = note.citations[0]
    assert cited.text == "Leeds Mercury, 3 May 1812, 2"
    ref = cited.reference
    assert isinstance(ref, FullRef) and ref.fields.get("journal") == "Leeds Mercury" and ref.pinpoint == "2", ref


def test_a_parenthesis_of_prose_stays_prose() -> None:
    assert read_note(1, "It was said that the king was ill (as he often was, that winter).").kind == "comment"


def test_a_prose_lead_before_an_author_and_colon_keeps_the_work_and_its_chapter() -> None:
    note = read_note(1, "A fuller account is given in the careful study by Mary Lund: The Parish Chest, "
                        "London, 1904, ch. XI.")
    assert note.kind == "citation" and len(note.citations) == 1, note
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef), ref
    assert _people(ref) == [("Lund", "Mary")] and ref.fields.get("title") == "The Parish Chest", ref
    assert ref.fields.get("year") == "1904" and ref.pinpoint == "ch. XI", ref


@pytest.mark.parametrize(("left", "right"), [("\u201c", "\u201d"), ('"', '"')])
def test_a_full_stop_inside_a_quoted_title_does_not_cut_the_note(left: str, right: str) -> None:
    note = read_note(1, f"Ana Ruiz and Tom P. Hale, {left}A.I. Is Here. The Museum Must Answer,{right} "
                        "Art Weekly, 3 May 2024.")
    assert len(note.citations) == 1, note
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef), ref
    assert _people(ref) == [("Ruiz", "Ana"), ("Hale", "Tom P.")], ref
    assert ref.fields.get("title") == "A.I. Is Here. The Museum Must Answer", ref
