"""Title-first notes with a by-line, as nineteenth-century books print them in
their endnotes ("*Title*, by J. C. Roe, Leeds, 1839, p. 116.", "*Title*. By Rev.
Wm. Roe. London, 1804. Vol. I., Sec. 9.") and as web essays cite a page by its
maker.  Names, titles and numbers are made up, in the shapes of real notes.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, Name
from relbib.parse.byline import read_byline_note
from relbib.parse.split import read_note

BYLINE = [
    # title in italics, comma, "by", initials, place, year, page
    ("*The Weaving Trade of Northern Towns*, by J. R. Hallam, Leeds, 1851, p. 40.",
     ("Hallam", "J. R."), "The Weaving Trade of Northern Towns", "1851", "40"),
    # full stops between the parts, an honorific, a chapter and section as the locator
    ("*Notes of a Tour in the Hills*. By Rev. Wm. Hale. London, 1804. Vol. I., Sec. XXXIX.",
     ("Hale", "Wm."), "Notes of a Tour in the Hills", "1804", "Vol. I, Sec. XXXIX"),
    # a quoted title (its stop inside the quotes), letters after the name, an edition
    ("“The Condition of the Spinners in Oldham.” By Henry P. Marsh, M.D. 2nd Ed. 1832.",
     ("Marsh", "Henry P."), "The Condition of the Spinners in Oldham", "1832", None),
    # "etc." closing the title, "the Rev.", an office after the name, a kind of print
    ("*On the State of the Poor in Hull*, etc. By the Rev. Rd. Parkin, Canon of Hull, 3rd Ed., "
     "London and Hull, 1841, Pamphlet.",
     ("Parkin", "Rd."), "On the State of the Poor in Hull", "1841", None),
    # "Esq." after the name, no imprint
    ("*History of the Weaving Trade of Britain*, by E. Ashby, Esq.",
     ("Ashby", "E."), "History of the Weaving Trade of Britain", None, None),
    # a given name and surname only
    ("*The Ruin of Nations*, by Walter Grey.", ("Grey", "Walter"), "The Ruin of Nations", None, None),
    # a chapter and page as the locator, the name with a middle name
    ("*Political Economy for Young Readers*, by Agnes Mary Holt, Chap. III, p. 25.",
     ("Holt", "Agnes Mary"), "Political Economy for Young Readers", None, "25"),
    # plain words in title case before ", by"
    ("The Cotton Mills of Lancashire, by Dr. A. Fenwick, 1840.",
     ("Fenwick", "A."), "The Cotton Mills of Lancashire", "1840", None),
    # remarks after the citation are no part of it
    ("“The Moral State of the Dyers of Leek.” By James Ph. Orme, M.D. 2nd Ed. 1832. Dr. Orme "
     "confuses the dyers in general with the mill hands, otherwise an excellent pamphlet.",
     ("Orme", "James Ph."), "The Moral State of the Dyers of Leek", "1832", None),
]


@pytest.mark.parametrize(("text", "person", "title", "year", "pin"), BYLINE, ids=[c[0][:40] for c in BYLINE])
def test_byline_note(text: str, person: tuple[str, str], title: str, year: str | None, pin: str | None) -> None:
    note = read_note(1, text)
    assert note.kind == "citation" and note.citations, note
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef), ref
    names = ref.fields.get("author")
    assert isinstance(names, tuple) and [(n.family, n.given) for n in names if isinstance(n, Name)] == [person]
    assert ref.fields.get("title") == title
    assert ref.fields.get("year") == year
    assert ref.pinpoint == pin


@pytest.mark.parametrize("text", [
    "The argument was put by Walter Grey, London, 1851.",  # prose before "by"
    "Published and dedicated to the poor, by Wm. Rash, M.P., London, 1844.",  # no title
    "Walker, *The Wage Question*, by the way, is a good book.",  # "by" of prose
    "*The Ruin of Nations*, by the Cotton Board of Leeds, 1851.",  # no person
])
def test_no_byline(text: str) -> None:
    assert read_byline_note(text) is None


IN_HIS = [
    # the author named in prose, the work "in his *Title*", its imprint in brackets, remarks after
    ("Carlyle gives in his *Past and Future* (London, 1843) a splendid description of the English "
     "bourgeoisie and its greed.", ("Carlyle", ""), "Past and Future", "1843"),
    # "Quoted by" the author, who printed it in his book
    ("Quoted by Dr. Wade from the Report of the Parliamentary Mills’ Commission of 1832, in his *History "
     "of the Middle and Lower Classes*. London, 1835, 3rd ed.", ("Wade", ""),
     "History of the Middle and Lower Classes", "1835"),
    # pages after a page ("pp. 405, 406"), the honorific dropped
    ("Dr. Andrew Hale. *Philosophy of Mills*, pp. 405, 406, *et seq*.", ("Hale", "Andrew"), "Philosophy of Mills", None),
]


@pytest.mark.parametrize(("text", "person", "title", "year"), IN_HIS, ids=[c[0][:30] for c in IN_HIS])
def test_author_named_in_prose_before_his_title(text: str, person: tuple[str, str], title: str, year: str | None) -> None:
    ref = read_note(1, text).citations[0].reference
    assert isinstance(ref, FullRef)
    names = ref.fields.get("author")
    assert isinstance(names, tuple) and [(n.family, n.given) for n in names if isinstance(n, Name)] == [person]
    assert ref.fields.get("title") == title and ref.fields.get("year") == year


def test_in_his_needs_a_name() -> None:
    assert read_byline_note("The Report, in his *Memoirs*, London, 1840.") is None
