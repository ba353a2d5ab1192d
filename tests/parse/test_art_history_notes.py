"""Chicago notes of humanities journal articles (art history, history, literature).

Shapes seen in the notes of open-access humanities journals published from
Markdown (exhibition catalogues, multivolume sale catalogues, newspapers cited
by day, short forms after a remark).  Names, titles and numbers are made up.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _only(text: str) -> FullRef:
    note = read_note(1, text)
    assert len(note.citations) == 1, note.citations
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef), ref
    return ref


def _antecedents(notes: list[str]) -> dict[int, tuple[int | None, int | None]]:
    """Note number → (note, index) of the first citation's antecedent."""
    cited = [read_note(n, text) for n, text in enumerate(notes, start=1)]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    out: dict[int, tuple[int | None, int | None]] = {}
    for c in result.citations:
        out.setdefault(c.note, (c.refers_to, c.refers_index))
    return out


# Chicago 14.156: a multivolume work's short form cites volume and page with a
# colon ("2:79"), after the title's comma or, carelessly, with none.
@pytest.mark.parametrize(("text", "pin"), [
    ("Marlow, *Harbour Lights*, 2:79.", "2:79"),
    ("Marlow, *Harbour Lights,* 2:79.", "2:79"),
    ("Marlow, *Harbour Lights* 2:177–78.", "2:177--178"),
    ("Marlow, “Tide Tables,” 3:12.", "3:12"),
])
def test_a_short_form_citing_volume_and_page(text: str, pin: str) -> None:
    ref = _only(text)
    assert ref.fields.get("title") in ("Harbour Lights", "Tide Tables")
    assert [a.family for a in ref.fields["author"]] == ["Marlow"]
    assert ref.pinpoint == pin


def test_a_volume_and_page_short_form_refers_to_the_multivolume_work() -> None:
    got = _antecedents([
        "Ada Marlow, *Harbour Lights*, 2 vols. (Paris: Vellin, 1901), 1:14.",
        "Marlow, *Harbour Lights,* 2:79.",
        "A remark about the drawings, which postdate the sale by two decades. Marlow, *Harbour Lights* 2:80.",
    ])
    assert got[2] == (1, 0)
    assert got[3] == (1, 0)


# A short form with its pinpoint ends a citation even when what follows opens
# with no author's comma: a manuscript named by its holding, or a remark.
def test_a_complete_short_form_closes_its_sentence() -> None:
    note = read_note(1, "Marlow, *Harbour Lights*, 2:79. Tide Book of Ada Marlow, Halden, Vellin Library, "
                        "1234, hereafter cited as Tide Book.")
    assert len(note.citations) == 2
    first = note.citations[0].reference
    assert isinstance(first, FullRef) and first.fields.get("title") == "Harbour Lights"


# A manuscript's leaf, recto or verso ("68v", "4r"), closes a citation as a page does.
def test_a_folio_closes_a_citation_before_a_remark() -> None:
    note = read_note(1, "Tide Book, 68v. The appointment was widely reported at the time. "
                        "See, for example, “Harbour News,” *Le Phare*, 31 January 1856, 2.")
    assert len(note.citations) == 2
    assert note.citations[0].reference.pinpoint == "68v"


# An exhibition catalogue says so after its title ("exh. cat."): a book whose
# title stops before the mark (as "2nd ed." does).
@pytest.mark.parametrize(("text", "title"), [
    ("Ada Marlow, *Harbour Lights: Painters of the Coast, 1900–1930*, exh. cat. (Boston: Vellin Museum, 1993), 45.",
     "Harbour Lights: Painters of the Coast, 1900–1930"),
    ("Ada Marlow and Ivo Sand, eds., *Harbour Lights*, exh. cat. (Hanover, NH: Vellin Museum of Art, 2002).",
     "Harbour Lights"),
    ("*Murals by Coastal Painters*, exhibition catalogue (New York: Vellin Museum, 1932).",
     "Murals by Coastal Painters"),
])
def test_an_exhibition_catalogue_mark_is_no_part_of_the_title(text: str, title: str) -> None:
    ref = _only(text)
    assert ref.type == "book"
    assert ref.fields["title"] == title


# "with an essay by X" after the author or the book's title: a contributor, not the author.
@pytest.mark.parametrize(("text", "author", "field", "value"), [
    ("Ada Marlow, with an essay by Ivo Sand, *Harbour Lights* (Boston: Vellin Press, 1993).",
     "Marlow", "title", "Harbour Lights"),
    ("“The Painter,” in *Harbour Lights: Twelve Drawings*, with a text by I. V. Sand (New York: Vellin, 1936), 26.",
     None, "booktitle", "Harbour Lights: Twelve Drawings"),
])
def test_a_contributor_named_with_with_is_no_author(text: str, author: str | None, field: str, value: str) -> None:
    ref = _only(text)
    assert [a.family for a in ref.fields.get("author", ())] == ([author] if author else [])
    assert ref.fields[field] == value


# Chicago 14.107 and 14.110: a chapter cited by its number in the book, and an
# introduction by someone else than the book's author.
def test_a_numbered_chapter_in_a_book() -> None:
    ref = _only("Ada Marlow, “Tides,” chap. 1 in *Harbour Lights: Art and Change, 1920–1950* "
                "(New York: Vellin, 2003), 9–23.")
    assert ref.type == "incollection"
    assert ref.fields["title"] == "Tides"
    assert ref.fields["booktitle"] == "Harbour Lights: Art and Change, 1920–1950"
    assert ref.fields["pages"] == "9--23"


def test_an_introduction_to_a_book() -> None:
    ref = _only("Ada Marlow, introduction to *Harbour Lights*, exh. cat. (Boston: Vellin Museum, 1978), n.p.")
    assert ref.type == "incollection"
    assert ref.fields["booktitle"] == "Harbour Lights"
    assert [a.family for a in ref.fields["author"]] == ["Marlow"]
    assert ref.fields["year"] == "1978"


# Chicago 14.29: "hereafter cited as Tide Book" announces the short name later notes
# use, with the leaf cited ("68v", "2v, 3r"); the name is no person's ("Book").
@pytest.mark.parametrize("later", ["Tide Book, 68v.", "Tide Book, 2v, 3r, 7r.", "*Tide Book*, 14."])
def test_an_announced_short_name_with_a_leaf_refers_to_its_item(later: str) -> None:
    got = _antecedents([
        "Marlow, *Harbour Lights*, 2:79. Tide Book of Ada Marlow, Halden, Vellin Library, 1234, "
        "hereafter cited as Tide Book.",
        later,
    ])
    assert got[2] == (1, 1)


def test_a_named_manuscript_cited_by_its_leaf_after_a_remark() -> None:
    got = _antecedents([
        "Tide sketchbook of Ada Marlow, Halden, Vellin Library, 1234, hereafter cited as Marlow sketchbook.",
        "Marlow sketchbook, 68v. The appointment was widely reported at the time.",
        "Marlow sketchbook, 2v, 3r, 7r.",
    ])
    assert got[2] == (1, 0)
    assert got[3] == (1, 0)


# A work of art named in the prose with its caption in brackets ("(*Title*, 1930,
# Place)") is talked about, not cited: the sentence is no citation.
def test_an_artwork_caption_in_a_sentence_is_no_citation() -> None:
    note = read_note(1, "Both versions revisit the central figure of the mural at Vellin College "
                        "(*Harbour Light*, 1930, North Hall), but reduce the crowd to two figures. "
                        "For images, see Ada Marlow, *Harbour Lights* (Boston: Vellin Press, 2006), 54.")
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef) and ref.fields["title"] == "Harbour Lights"


# A magazine's issue cited by its name in italics, the month and year, and the page
# (Chicago 14.191): the magazine is the container; a person's name is no magazine.
def test_a_magazine_issue_by_month_and_year() -> None:
    ref = _only("*Harbour News*, May 1966, 15.")
    assert ref.type == "article"
    assert ref.fields["journal"] == "Harbour News"
    assert ref.fields["year"] == "1966"
    assert ref.pinpoint == "15"
    assert "author" not in ref.fields


# A sentence that leads to a periodical's issue ("… appears in a short note in *Name*,
# May 1966, 15."): the lead-in is no title; the issue is cited.
def test_a_prose_lead_before_a_periodical_issue() -> None:
    note = read_note(1, "The quoted review appears in a short note in *Harbour News*, May 1966, 15.")
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields.get("journal") == "Harbour News" and "title" not in ref.fields
    assert ref.pinpoint == "15"


# A discursive note names the author in its sentence and then the work: "Ada Marlow
# analyzes the painting in “Title,” in *Book* …" — she is the chapter's author, and the
# sentence is no part of its title.
def test_an_author_named_in_the_lead_sentence() -> None:
    ref = _only("Ada Marlow analyzes the painting in “Art and the Popular Front,” in *The Social and the "
                "Real*, ed. Ivo Sand (University Park, PA: Vellin Press, 2006), 196–98.")
    assert ref.type == "incollection"
    assert ref.fields["title"] == "Art and the Popular Front"
    assert [a.family for a in ref.fields["author"]] == ["Marlow"]
    assert [a.family for a in ref.fields["editor"]] == ["Sand"]


# A sentence that tells what happened, with its dates, before the note's source: no citation.
@pytest.mark.parametrize("lead", [
    "The sale at the Galerie Vell began Wednesday, 30 May 1900, and ended Friday, 8 June 1900.",
    "The sale of *Harbour Light* in 1855 allowed Marlow to purchase the house at Vell in 1860.",
])
def test_a_narrative_sentence_before_the_source_is_no_citation(lead: str) -> None:
    note = read_note(1, lead + " See Ada Marlow, *Harbour Lights*, 2 vols. (Paris: Vellin, 1900).")
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef) and ref.fields["title"] == "Harbour Lights"


# A remark between two citations ends at its full stop: a short form after a sentence of
# prose, and a prose lead-in ("The episode is told by Roe, …") after a citation's page.
@pytest.mark.parametrize(("text", "titles"), [
    ("Among the painters who were “irresistibly fascinating” to the young artist was Ivo Sand. "
     "Marlow, *Harbour Lights*, 165.", ["Harbour Lights"]),
    ("See J. Sand, “La décoration,” *Le Phare*, 12 June 1865, 1. The episode is recounted by "
     "Marlow, *Harbour Lights*, 264.", ["La décoration", "Harbour Lights"]),
])
def test_a_remark_between_citations_is_cut_off(text: str, titles: list[str]) -> None:
    note = read_note(1, text)
    got = [c.reference.fields.get("title") for c in note.citations if isinstance(c.reference, FullRef)]
    assert got == titles


# A sentence with its years and a colon, then "see" and the works: the sentence is a lead-in.
def test_a_sentence_with_years_then_see_is_a_lead_in() -> None:
    note = read_note(1, "The bibliography has grown since the early 1990s: see Ada Marlow and Ivo Sand, eds., "
                        "*Harbour Lights, 1927–1934*, exh. cat. (Hanover, NH: Vellin Museum, 2002); "
                        "Ada Roe, *Tides* (Boston: Vellin, 2009).")
    refs = [c.reference for c in note.citations]
    assert [r.fields.get("title") for r in refs] == ["Harbour Lights, 1927–1934", "Tides"]
    assert [a.family for a in refs[0].fields["editor"]] == ["Marlow", "Sand"]


# Sentences of prose that name a work in passing, then the note's sources: cut before the
# source whose author opens its sentence, the prose is no citation.
def test_prose_naming_a_work_then_the_sources() -> None:
    note = read_note(1, "Ada Roe’s *Almanach* from 1833 records the shop at this address. Regardless, by 1854, "
                        "the shop had moved to 105, rue Saint-Honoré. Ada Roe, *Almanach du commerce de Paris* "
                        "(Paris: Bureau, 1833), 220; Ivo Sand, *Annuaire des commerçans* (Paris: Vell, 1835), 668.")
    refs = [c.reference for c in note.citations]
    assert [r.fields.get("title") for r in refs] == ["Almanach du commerce de Paris", "Annuaire des commerçans"]


# Chicago 14.215: a review in a newspaper or weekly, by the day: the reviewer is the
# author, the work reviewed (and its author after "by") the review's heading.
def test_a_review_in_a_newspaper_by_the_day() -> None:
    ref = _only("Ada Marlow, review of *Harbour Lights*, by Ivo Sand, *Coast Times*, 3 May 2001, C4.")
    assert ref.type == "article"
    assert [a.family for a in ref.fields["author"]] == ["Marlow"]
    assert ref.fields["title"] == "Review of Harbour Lights, by Ivo Sand"
    assert ref.fields["journal"] == "Coast Times"
    assert ref.fields["year"] == "2001"
    assert ref.pinpoint == "C4"
