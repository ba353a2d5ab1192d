"""Notes that cite nothing make no entry; a full citation beside them is never dropped.

Shaped like the misreads found on real documents (issue 10): discursive notes
that mention a work or a television series in italics, editors' notes on the
readings of earlier editions, an editor's commentary on a medieval chronicle
(reigns, councils, pointers into the book), remarks in Italian and German,
sums of money; and, beside them, full citations that were dropped or run
together (acts cited by regnal year, "u. a." authors with a question for a
title, two reports in italics joined by ", and").  Every name, title and
number here is made up.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef
from relbib.parse.split import read_note

COMMENTS = [
    # a work mentioned in italics inside a sentence is no citation
    "The argument of *Quiet Harbours* is the same.",
    "I first came across the method in the *Tidewater Letters* papers cited above.",
    "For instance, if we take the 1902 printing of *Salt and Ember* (roughly 180,000 words), the index "
    "takes 12.4 MB of memory, but the hashes take only 610 kB.",
    "In a recent interview with Coast Radio's *Harbour, Home & Hearth*, Grady stated that thrift is the "
    "'first of the virtues' and that 'in the end everyone gains by it,' drawing on the trade of the 1880s.",
    # a series and the years it ran
    "*Coastguard* (2014--2016), which was cancelled after two seasons, was the most-watched drama in the sample.",
    "*Coastguard* is part of the channel's lineup of dramas that include the long-running *Rivermen* "
    "(2011-2019), the more recent *Longship* (2016-2018), and the new series *Red Ledger* (2019-2021).",
    # an editor's note on the reading of an earlier edition
    "Ed. 1 reads \u201cand.\u201d",
    "Eds. 1 and 2 read \u201cthe whole produce of the land.\u201d",
    "The first edition has \u201ctheir.\u201d",
    "Corrigenda and Addenda omits \u201cthat.\u201d",
    "\u201cThese\u201d is probably a misprint for \u201cthose,\u201d the reading of Eds. 1\u20133.",
    # an editor's commentary on a chronicle: reigns, lives, councils, pointers into the book
    "Aldwin II, 712-739.",
    "714-731. St. Hereward (Letter to Osmund) gives Cenric a poor character, and says that he died at a feast.",
    "Cf. IV, 12, where the estate is given as thirty families, *i.e.*, \u201chides.\u201d",
    "She was married first to Osric, Reeve of the Fens, and afterwards to Eadred II, King of Lindsey and "
    "Hatfield, 655-671.",
    "At a synod of thirty bishops held in the Lateran in 679.",
    "This synod was held in 684 in preparation for the Council at Arles in 684-685, against the Quietists.",
    "The absence of any reference to the long discussion of this matter in chap. x is curious.",
    # remarks in Italian and German; pointers to other notes in German and French
    "Letteralmente \u201cdiritto alla rimozione degli effetti dell\u2019atto\u201d.",
    "Tale espressione si ritrova nei documenti adottati dal *Harbour Board*.",
    "La *Coastal Legal Aid* offre consulenza gratuita e il *Harbour Appeals Office* offre assistenza "
    "ai ricorrenti.",
    "Die technischen Details der Strukturen werden im Kapitel 3.2 Zur Gestalt des Objekts erl\u00e4utert.",
    "Siehe auch Fu\u00dfnoten 14 und 15.",
    "Voir la note 12.",
    # sums of money are no citation's numbers
    "In total, Elm Grove received $45,000; Birch Hollow received $30,000.",
]


@pytest.mark.parametrize("text", COMMENTS)
def test_a_note_citing_nothing_makes_no_entry(text: str) -> None:
    note = read_note(1, text)
    assert note.kind == "comment", [c.text for c in note.citations]


CITATIONS = [
    # acts cited by regnal year and chapter, alone or after ", and"
    ("7 Geo. III, c. 46.", 1),
    ("5 Geo. III, c. 12, for seven years; continued by 12 Geo. III, c. 40, and 19 Geo. III, c. 22.", 3),
    # the source named after a dash, once the act is cited
    ("See the preamble to 14 Geo. II, c. 31. \u2014Hartley, Trade, AD 1741", 2),
    # a statute's section and subsection
    ("HRB s. 6(1).", 1),
    # "u. a." authors: a citation though no mark follows; a question inside a title
    ("Roe u. a., Reading Disputes; Lind, Counting Votes, Law Rev 2021, 120; Haas u. a., Why Do Judges "
     "Differ? Measuring Dissent in Appeals.", 3),
    # two reports in italics joined by ", and", in one container
    ("*First Report of the Board of Harbours 1911*, and *Fifth Report of the Board of Harbours, 1915*, "
     "in Board of Harbours, *Annual Reports of the Board*.", 2),
    # a variant note beside a citation: the citation is kept
    ("Ed. 1 reads \u201cand\u201d; see Jane Roe, *Variant Readings* (London, 1999), 12.", 1),
]


@pytest.mark.parametrize(("text", "count"), CITATIONS)
def test_a_full_citation_is_kept(text: str, count: int) -> None:
    note = read_note(1, text)
    assert note.kind == "citation"
    assert len(note.citations) == count, [c.text for c in note.citations]


# Guards of the rules above (they held before them too): an italic title in a
# citation's place or before its facts inside a sentence, a reign with a page,
# a dated letter that opens like a circumstance.
KEPT = [
    "As Jane Roe argues in *Harbour Lights* (London: Quay Press, 1998), the log was kept.",
    "*Harbour Lights* (London, 1998) remains the standard account of the port.",
    "Roe, *Harbour Lights*, which the editors reprinted, is the best account we have.",
    "Roe, *Kings of Lindsey*, 655-671.",
    "*Harbour Lights* by Jane Roe.",
    "In a letter to Jane Roe, 12 May 1790, Roe Papers, box 3.",
]


@pytest.mark.parametrize("text", KEPT)
def test_the_mention_rules_keep_a_citation(text: str) -> None:
    assert len(read_note(1, text).citations) == 1


def test_an_italic_title_after_a_prose_lead_keeps_its_fields() -> None:
    note = read_note(1, "The figures are given in *Harbour Lights* (London: Quay Press, 1998), 45.")
    assert note.citations[0].signal == "The figures are given in"
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert (ref.fields.get("title"), ref.fields.get("publisher"), ref.fields.get("year"), ref.pinpoint) == (
        "Harbour Lights", "Quay Press", "1998", "45")


def test_a_prose_lead_never_ends_inside_a_title_in_italics() -> None:
    # "si" makes the Italian lead read as prose; the colon inside the title is no lead's end
    note = read_note(1, "In F. Rossi, *op. cit.*, p. 43. si riporta C. Ferrante-Bassi, *Giurisdizione sul silenzio: "
                        "Germania, Austria, Italia*, Trento, Università degli studi di Trento, 2012, p. 45.")
    assert "*Giurisdizione sul silenzio" in note.citations[-1].text
