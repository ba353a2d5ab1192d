"""Older books' notes that give a title in italics and a locator only, a
newspaper's issue by the paper's name and date, and an older author-first note
("Dr. Roe. *Title*.", "Roe. *Title*. “Motto,” 1833.—Remarks …").  Names, titles
and numbers are made up, in the shapes of real endnotes.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, Name
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited

TITLE_ALONE = [
    ("*Radicalism*, p. 34, *et seq*.", "Radicalism", "34, et seq"),
    ("*Radicalism*, pp. 28, 31, etc.", "Radicalism", "28, 31"),
    ("*Principles of Settlement*, vol. II, p. 76, *et seq*. p. 82, p. 135.",
     "Principles of Settlement", "vol. II, p. 76, et seq. p. 82, p. 135"),
]


@pytest.mark.parametrize(("text", "title", "pin"), TITLE_ALONE, ids=[c[0] for c in TITLE_ALONE])
def test_title_and_locator(text: str, title: str, pin: str | None) -> None:
    note = read_note(1, text)
    assert note.kind == "citation" and len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef) and ref.fields.get("title") == title and not ref.fields.get("author")
    assert ref.pinpoint == pin


ISSUES = [
    ("*Daily Courier*, Oct. 12th, 1843.", "Daily Courier", "1843", "1843-10-12"),
    ("*The Weaver*, October, 1842.", "The Weaver", "1842", "1842-10"),
    ("*Northern Mercury*, March 3.", "Northern Mercury", None, None),
]


@pytest.mark.parametrize(("text", "paper", "year", "date"), ISSUES, ids=[c[0] for c in ISSUES])
def test_newspaper_issue(text: str, paper: str, year: str | None, date: str | None) -> None:
    ref = read_note(1, text).citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields.get("journal") == paper and not ref.fields.get("title")
    assert ref.fields.get("year") == year and ref.fields.get("date") == date


def test_title_alone_is_a_short_form_of_the_earlier_work() -> None:
    notes = ["Thomas Hardcastle. *Radicalism*, London, 1840, p. 28.", "*Origin of Forms*, Chap. III.",
             "*Radicalism*, p. 34, *et seq*.", "*Origin of Forms*, vol. II, p. 277."]
    cited = [read_note(i + 1, t) for i, t in enumerate(notes)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    links = [(c.note, c.refers_to, c.source) for c in result.citations]
    assert links == [(1, None, 1), (2, None, 2), (3, 1, 1), (4, 2, 2)]


STOPPED_AUTHOR = [
    ("Dr. Cowan. *Vital Statistics of Dundee*.", ("Cowan", ""), "Vital Statistics of Dundee", None),
    ("Adam Smyth. *Wealth of Towns* I, Roe’s edition in one volume, sect. 8, p. 36: “The wear and "
     "tear of a slave is at the expense of his master.”", ("Smyth", "Adam"), "Wealth of Towns", None),
    # a motto printed with the imprint, then a dash and remarks that are no part of the citation
    ("P. Haskell. *The Mining Population of Wales: its Moral and Social Condition; with an Examination "
     "of Child Labour*. “Fiat Lux,” 1833.—Depicting chiefly the state of the miners in Wales. The "
     "author is a Liberal, but wrote at a time when it was not a feature of Liberalism to chant the "
     "happiness of the miners. He is therefore unprejudiced.", ("Haskell", "P."),
     "The Mining Population of Wales: its Moral and Social Condition; with an Examination of Child Labour",
     "1833"),
]


@pytest.mark.parametrize(("text", "person", "title", "year"), STOPPED_AUTHOR, ids=[c[0][:30] for c in STOPPED_AUTHOR])
def test_stopped_author_before_italic_title(text: str, person: tuple[str, str], title: str, year: str | None) -> None:
    note = read_note(1, text)
    assert note.kind == "citation" and note.citations
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    names = ref.fields.get("author")
    assert isinstance(names, tuple) and [(n.family, n.given) for n in names if isinstance(n, Name)] == [person]
    assert ref.fields.get("title") == title and ref.fields.get("year") == year


def test_italic_title_named_in_prose_stays_a_comment() -> None:
    assert read_note(1, "In *Hamlet*, written in 1600, the prince is sad and it was a success.").kind == "comment"


TITLE_AND_IMPRINT = [
    ("“The State of Connaught.” London, 1807.", "The State of Connaught", "London", "1807", None),
    ("*Annals of the Weavers*. Leeds, 1840. Chap. IV.", "Annals of the Weavers", "Leeds", "1840", "Chap. IV"),
    ("*Annals of the Mills*, London, 1835, p. 406, *et seq*.", "Annals of the Mills", "London", "1835", "406, et seq"),
]


@pytest.mark.parametrize(("text", "title", "place", "year", "pin"), TITLE_AND_IMPRINT, ids=[c[0][:30] for c in TITLE_AND_IMPRINT])
def test_title_and_imprint_without_author(text: str, title: str, place: str, year: str, pin: str | None) -> None:
    ref = read_note(1, text).citations[0].reference
    assert isinstance(ref, FullRef) and not ref.fields.get("author")
    assert (ref.fields.get("title"), ref.fields.get("address"), ref.fields.get("year")) == (title, place, year)
    assert ref.pinpoint == pin
