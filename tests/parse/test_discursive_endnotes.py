"""Endnotes of English books and essays that argue, explain and quote, beside notes that cite.

Shaped like the endnotes of nineteenth-century lectures and biographies as
Standard Ebooks sets them: a quotation and then its source line ("… made
well.” *Title*, 1900, p. 39"), titles followed by a by-line ("*Title* by Ann
Roe, 24"), emphasis inside a quotation, reported speech ("“…?” asks Roe"),
and a book named in prose ("in his book entitled *Title*").  Every person,
place and work here is made up.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef
from relbib.parse import parse_note
from relbib.parse.split import read_note


def _only_citation(text: str) -> FullRef:
    note = read_note(1, text)
    assert note.kind == "citation", note
    assert len(note.citations) == 1, [c.text for c in note.citations]
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef), ref
    return ref


# --- a quotation, then its source line ---------------------------------------------------


def test_a_short_quoted_title_before_its_journal_stays_one_citation() -> None:
    note = read_note(1, "Jane Roe, “The Idea of a Colony.” *The Historical Review* 60, no. 3 (1955): 551.")
    assert len(note.citations) == 1


@pytest.mark.parametrize(("text", "title", "family"), [
    ("He knows that the mills stood idle all winter. Nobody came to mend the wheel.” "
     "*The Weaver’s Almanac*, 1884, p. 52", "The Weaver’s Almanac", None),
    ("Example: “I have had much comfort lately in walking by the river in the evening, when the "
     "boats come home. It is a quiet place, and it gives one so true a sense of rest that I go there daily.” "
     "Ellen Marsh: *Letters*, II 318", "Letters", "Marsh"),
    ("“As I go on in this life, day by day, I become more of a stranger here; I cannot get used to "
     "the town, to its noise, to its crowds; the commonest things are a burden to me now.” "
     "T. H. Quill: *Journal of a Year*, I 67", "Journal of a Year", "Quill"),
])
def test_the_source_line_after_a_quotation_is_the_citation(text: str, title: str, family: str | None) -> None:
    ref = _only_citation(text)
    assert ref.fields.get("title") == title
    authors = ref.fields.get("author") or ()
    assert [a.family for a in authors] == ([family] if family else [])  # type: ignore[union-attr]


def test_emphasis_and_reported_speech_inside_a_quotation_cite_nothing() -> None:
    text = ("According to Voss, the miller felt about the flood much as we do. “What is the answer "
            "which the miller sends to the town?” asks Voss, and says it is this: “The wheel turns. "
            "The casting of the stones is only a part of this work, *but he points to that as the "
            "sense of his trade*. Thus to the poor did he address himself.” *Die Mühle und das Dorf*, 1901, p. 44")
    ref = _only_citation(text)
    assert ref.fields.get("title") == "Die Mühle und das Dorf"


# --- a title, then its by-line -------------------------------------------------------------


@pytest.mark.parametrize(("text", "title", "family", "pin"), [
    ("*The Weaver’s Year* by Ann Roe, 24.", "The Weaver’s Year", "Roe", "24"),
    ("*Mill Life on the Tarn* by Hugh Pell, II, 326–8.", "Mill Life on the Tarn", "Pell", "326--328"),
    ("*Carrow’s Life* by Zündler (5th edition, Basle, 1887)", "Carrow’s Life", "Zündler", None),
])
def test_a_title_then_its_by_line_and_page(text: str, title: str, family: str, pin: str | None) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef), ref
    assert ref.fields.get("title") == title
    assert [a.family for a in ref.fields["author"]] == [family]  # type: ignore[union-attr]
    assert ref.pinpoint == pin


# --- a book named in prose ------------------------------------------------------------------


def test_a_book_named_by_entitled_is_kept() -> None:
    note = read_note(1, "Otto Marrin, in his lengthy book entitled *Decline*.")
    assert note.kind == "citation"


@pytest.mark.parametrize("text", [
    "Superior intellect, as Professor Lind has admirably shown, seems to consist in a large faculty of association.",
    "I owe this illustration to my lamented colleague and friend, Charles Wenlock Ames.",
    "“God is afraid of me!” remarked such a hearty friend in my presence one morning.",
    "The plain truth is that one must look at the content itself, *somehow*, and not at its causes.",
    "“Love of hard work” becomes in such persons a ruling passion.",
    "“When a mill has to be run by lotteries and fairs,” I read in a country paper, “you may be sure "
    "that the miller is in trouble.”",
    "Roe, in addition to “escape from toil,” distinguishes “quiet labour” as a distinct kind of work.",
])
def test_a_discursive_note_cites_nothing(text: str) -> None:
    assert read_note(1, text).kind == "comment"


# --- a title alone with its year or volume before the page -----------------------------------


@pytest.mark.parametrize(("text", "fact", "pin"), [
    ("*Das Wesen der Mühle*, 1903, p. 41", ("year", "1903"), "41"),
    ("*The Growth of Towns*, III pp. 212, 213", ("volume", "III"), "212, 213"),
])
def test_a_year_or_volume_before_the_page_is_no_part_of_the_pinpoint(text: str, fact: tuple[str, str],
                                                                       pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, FullRef), ref
    assert ref.fields.get(fact[0]) == fact[1]
    assert ref.pinpoint == pin


# --- a book named in prose, a printing in the imprint, a periodical after a lead-in -----------


def test_a_book_in_his_book_entitled_has_its_author_and_title() -> None:
    ref = parse_note("Otto Marrin, in his lengthy book entitled *Decline*.")
    assert isinstance(ref, FullRef), ref
    assert ref.fields.get("title") == "Decline"
    assert [a.family for a in ref.fields["author"]] == ["Marrin"]  # type: ignore[union-attr]


def test_a_printing_counted_in_thousands_is_no_part_of_the_title() -> None:
    ref = parse_note("H. Pell: *The Quiet Mind*, 12th thousand, Boston, 1901, p. 44.")
    assert isinstance(ref, FullRef), ref
    assert ref.fields.get("title") == "The Quiet Mind"
    assert ref.fields.get("year") == "1901"
    assert ref.pinpoint == "44"


def test_a_periodical_after_a_prose_lead_in_keeps_the_lead_out() -> None:
    note = read_note(1, "I may point to a criticism of the theory of habit in the *Mental Quarterly*, IV 112 (1897).")
    assert note.kind == "citation"
    assert note.citations[0].text.startswith("*Mental Quarterly*")


# --- more quotations and their sources ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Marlow writes: “When we see a river whose banks are green and whose waters are calm, we must "
    "thank the town that such things can be and are.”",
    "Pell says elsewhere: “I am bold to say that the building of one mill is a more glorious work "
    "than the founding of the whole town.”",
])
def test_a_quotation_introduced_by_its_speaker_cites_nothing(text: str) -> None:
    assert read_note(1, text).kind == "comment"


def test_a_source_line_opening_with_possessive_authors() -> None:
    text = ("Pell, with habitual calm, says that the two, determination and surrender, are “really the "
            "same thing. Surrender sees the change in terms of the old self; determination sees it in "
            "terms of the new.” Roe’s and Vane’s *Life of Carrow*, New Haven, 1822, p. 160")
    ref = _only_citation(text)
    assert read_note(1, text).citations[0].text.startswith("Roe’s and Vane’s *Life of Carrow*")
    assert ref.fields.get("year") == "1822"
    assert ref.pinpoint == "160"


def test_a_title_and_page_after_a_sentence_of_prose_is_its_own_citation() -> None:
    text = ("Voss, in addition to “escape from toil,” distinguishes “quiet labour” as a distinct kind "
            "of work. *Psychology of Mills*, p. 85.")
    ref = _only_citation(text)
    assert read_note(1, text).citations[0].text.startswith("*Psychology of Mills*")
    assert ref.fields.get("title") == "Psychology of Mills"
    assert ref.pinpoint == "85"


# --- a semicolon before the citation's own imprint or page ------------------------------------


@pytest.mark.parametrize(("text", "year", "pin"), [
    ("*Vie des premières Sœurs de Nancy*; Nancy, 1896, p. 129.", "1896", "129"),
    ("Moll’s *Life of Saint Odo*, French translation by Lebrun, 1891; p. 40.", "1891", "40"),
])
def test_a_semicolon_before_the_imprint_or_page_parts_no_citations(text: str, year: str, pin: str) -> None:
    ref = _only_citation(text)
    assert ref.fields.get("year") == year
    assert ref.pinpoint == pin


@pytest.mark.parametrize("text", ["Roe, 1990, 12; Smith, 1992, 4.", "Roe, *Empire*, 12; p. 40."])
def test_a_semicolon_still_parts_two_citations(text: str) -> None:
    assert len(read_note(1, text).citations) == 2


def test_a_possessive_author_and_title_after_a_lead_in_is_kept() -> None:
    note = read_note(1, "I have shortened the words of the original, which is given in Roe’s *Narrative of the Mill in Kent*.")
    assert note.kind == "citation"
    assert note.citations[0].text.startswith("Roe’s *Narrative")
