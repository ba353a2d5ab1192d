"""Editorial commentary in endnotes cites nothing; a citation inside prose is kept.

Shaped like the endnotes of annotated editions of old diaries and lectures:
biographical notes ("X, Bishop of Y, 1661–76. Died …, aged eighty. —B."),
explanations and pointers to other notes, beside notes that name a work with
its place, year, volume or page.  Every person, place and work here is made up.
"""

from __future__ import annotations

import pytest

from relbib.parse.commentary import commentary, publication_fact
from relbib.parse.split import read_note

COMMENTARY = [
    "Sir Walter Quill, Surveyor of the Docks, admitted to the guild March, 1651. —B.",
    "Edmund Harrow, Bishop of Elmsford, 1661–76. Died May 3rd, 1680, aged eighty-one.",
    "Jane, Duchess of Carrowby. See note 212.",
    "He died October 2nd, 1667.",
    "Tobin died in August, 1666.",
    "Only daughter of Sir Hugh Fenwick, Bart., married to Giles Rooke in 1669.",
    "Captain Marsh, afterwards Sir Thomas Marsh. Captain Lyle was described by the Admiral as “a bold man.”",
    "Margaret, daughter of Sir John Pell, of Oakhurst, in Wexley. She died December, 1712. —B.",
    "Was this Abel Vandermeer, draper, Sheriff of Lynford in 1685? —B.",
    "The City plate was probably melted during the war. —M. B.",
    "One hardly needs examples; but for pity, see note 41.",
    "A comedy by Sir Rowland Tebb, see note 1705.",
    "Probably the same as Mrs. Ashby. See May 18th, 1668.",
    "Pepys records Mr. Orrin’s death on April 10th, 1667.",
    "Sir Giles Marle of Hatton, Bart., created Baron Marle and Viscount Ebbing, 1668; Earl of Ebbing, 1679. "
    "Died April 5th, 1695.",
    "Even the errors of the critics may turn out not to be as wholesale as the sceptic assumes, for the "
    "field of experience has so many things in it that the sectarian thinker, methodically declining to "
    "recognise such facts as others experience, certainly leaves out a mass of raw fact which would never "
    "otherwise have been recorded at all.",
]

CITING = [
    # a place and a year, a volume and a page, a translator: kept though the note reads as prose
    "So does Varley’s Mystique Ancienne, 2 vols., Lyons, 1888.",
    "Saint Odile: The Garden Within, Third Door, ch. II, in Œuvres, translated by Marchal, III 211–214.",
    "Some clocks ran on a falling ball. He invented one of them. Gentleman’s Review, 1791, p. 412 —B.",
    "My quotations come from an Italian translation of this letter in the Vita del Sig. R. Ortolani, "
    "Ferrara, 1851, which I owe to a friend in Rome.",
    "The case of Mr. Dunmore is told in Alden’s Debates, vol. ii, p. 119. —B.",
    "Ann Lowe, writing from Deptford, says her husband died last Sunday. Calendar of Dock Papers, 1667–68, p. 308",
    "Edwin Marsh: The Inner Life, Boston, 1890, pp. 10–14.",
    # the source named in a closing "(see …)", a book's format, a play's act and scene
    "Probably Ralph Dunn, keeper of the woods on this side Tees (see Register of Dock Papers, 1667, p. 83).",
    "Tom Vane, of Harwich, was married to Ruth Gale in 1662 (see Pell’s Essex Marriage Licences, ed. Rowe, col. 779).",
    "“Ordered that the fleet be laid up for the winter.” Marlow’s Diurnal —B.",
    "Hugh Ormerod, a Welshman, translated the Ars Cantandi, 8vo, 1664, but the book is now rare.",
    "That is, “undressed.” So in the play: “Unready! ay, and glad we ’scaped so well.” Henry VII, act ii, sc. i —M. B.",
    "Webster, The Duchess of Amalfi.",
    # a title closing the note in a parenthesis, before the editor's sign-off
    "The Duke, in allusion to her green gloves, remarked, says Fenwick: “rien sans gants” (Mémoires de Valcourt). —B.",
    "Smith, Empire, 40.",
]


@pytest.mark.parametrize("text", COMMENTARY)
def test_commentary_makes_no_entry(text: str) -> None:
    assert read_note(1, text).kind == "comment", read_note(1, text)


@pytest.mark.parametrize("text", CITING)
def test_a_citing_note_keeps_its_citation(text: str) -> None:
    note = read_note(1, text)
    assert note.kind == "citation" and note.citations, note


@pytest.mark.parametrize("text", [
    "Varley, Mystique, Lyons, 1888", "vol. ii, p. 119", "III 211–214", "(London, 1990)", "translated by Marchal", "Smith, Empire, 40.",
])
def test_publication_facts(text: str) -> None:
    assert publication_fact(text) and not commentary("He died in 1700. " + text)


@pytest.mark.parametrize("text", [
    "Bishop of Elmsford, 1661–76", "(see October 23rd, 1660)", "in August, 1666", "created Earl of Tarn, 1679",
])
def test_dates_and_ranks_are_no_publication_facts(text: str) -> None:
    assert not publication_fact(text)


# Biographical notes that list offices with their dates (the dates look like
# publication facts) and editors' pointers to diary dates: commentary.
OFFICES_AND_DATES = [
    "Clerk of the Stores 1662–70 and 1674–81; M.P. for Dunmore.",
    "Born 1621, died 1690; Keeper of the Wardrobe 1671.",
    "Sir Amos Reed, Treasurer of the Fleet 1660–65; Comptroller 1665–69. Born 1604, died 1677.",
    "M.P. for Westbury 1640, 1641, and for Cranford in 1659\u201360.",
    "See March 3rd, 1664, and April 9th.",
]
# Citations that old editions print in the classical shape: book and chapter
# as a lower-case roman numeral and a number.
CLASSICAL = [
    "Varr. Hist. xii. 4.",
    "Bassus (Collat. xvii. 3.) claims this origin for the order, which decayed till it was restored.",
]


@pytest.mark.parametrize("text", OFFICES_AND_DATES)
def test_offices_and_dates_make_no_entry(text: str) -> None:
    assert read_note(1, text).kind == "comment", read_note(1, text)


@pytest.mark.parametrize("text", CLASSICAL)
def test_classical_locators_keep_their_citation(text: str) -> None:
    note = read_note(1, text)
    assert note.kind == "citation" and note.citations, note
