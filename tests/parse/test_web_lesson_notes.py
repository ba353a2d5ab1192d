"""Chicago notes of open-education Markdown lessons (software, web pages,
essays): a DOI after the page's full stop, ", see also" after a URL, the first
edition's year in brackets after a title, an author in the possessive after a
prose lead-in.  Names, titles and numbers are made up, in the shapes of real notes.
"""

from __future__ import annotations

from relbib.model import FullRef, Name
from relbib.parse.split import read_note


def _full(text: str) -> FullRef:
    ref = read_note(1, text).citations[0].reference
    assert isinstance(ref, FullRef), ref
    return ref


def _people(ref: FullRef) -> list[tuple[str, str]]:
    """(family, given) of each author the reading found."""
    return [(n.family, n.given) for n in ref.fields.get("author") or () if isinstance(n, Name)]


def test_doi_after_the_pages_full_stop() -> None:
    # Chicago 17 closes an article's note with ". https://doi.org/…": the month and year stay the date
    ref = _full("Ann Roe, “On Tools, or the Life of Visual Knowledge,” *Blue Room* 18 (January 2005): 26–51. "
                "https://doi.org/10.1162/152638104332.")
    assert ref.fields.get("year") == "2005" and ref.fields.get("journal") == "Blue Room"
    assert ref.fields.get("doi") == "10.1162/152638104332" and ref.fields.get("pages") == "26--51"


def test_see_also_after_a_url_opens_the_next_citation() -> None:
    note = read_note(1, "John Hale, \"The Code is the Text,\" *Electronic Text Review* (2002), available at "
                        "http://etr.com/essay/code/, see also Kate Hale, *Writing Devices* (Cambridge, MA: MIT Press, 2002).")
    assert len(note.citations) == 2
    first, second = (c.reference for c in note.citations)
    assert isinstance(first, FullRef) and first.fields.get("journal") == "Electronic Text Review"
    assert isinstance(second, FullRef) and _people(second) == [("Hale", "Kate")]
    assert second.fields.get("title") == "Writing Devices" and second.fields.get("year") == "2002"


def test_first_editions_year_in_brackets_after_the_title() -> None:
    ref = _full("Richard Hale, *The Uses of Reading: Aspects of Village Life* [1957] (London: Penguin, 2009).")
    assert ref.fields.get("title") == "The Uses of Reading: Aspects of Village Life"
    assert ref.fields.get("year") == "2009" and ref.fields.get("origdate") == "1957"


def test_possessive_author_after_a_prose_lead_in() -> None:
    ref = _full("We take this from Douglas Roe's *Code or Be Coded: Ten Rules for a Digital Age* "
                "(New York: OR books, 2010).")
    assert _people(ref) == [("Roe", "Douglas")] and ref.fields.get("title") == "Code or Be Coded: Ten Rules for a Digital Age"
    ref = _full("Foundational reading on this issue would be Dale Hale's *Man-Made Speech* (1980), "
                "https://www.example.org/hale.htm.")
    assert _people(ref) == [("Hale", "Dale")] and ref.fields.get("title") == "Man-Made Speech"


def test_a_link_alone_is_a_web_page() -> None:
    for text, url in [("See https://q5js.example.org/reference/#/q5/print.", "https://q5js.example.org/reference/#/q5/print"),
                      ("https://editor.example.io/.", "https://editor.example.io/"),
                      ("See Drawingkit.org.", "Drawingkit.org")]:
        ref = _full(text)
        assert ref.type == "online" and dict(ref.fields) == {"url": url}


def test_prose_around_a_link_is_no_title() -> None:
    for text in ["A visualization of the Moore Machine can be found here: https://mooremachine.example.io/.",
                 "See the video instruction on 3D Arrays in q5.js at https://www.youtube.com/watch?v=abc123.",
                 "Drawkit is a flexible software sketchbook and programming language, initiated by Ann Roe and "
                 "Ben Hale in 2001, for users to learn how to code. See https://drawkit.example.org/."]:
        note = read_note(1, text)
        ref = note.citations[-1].reference
        assert isinstance(ref, FullRef) and ref.fields.get("url") and not ref.fields.get("title"), ref
    # a page's own title before its link stays
    ref = _full("Why Flickr’s Group Notes feature mostly fails to combat spam, https://www.example.org/2023/why-flickr/.")
    assert ref.fields.get("title") == "Why Flickr’s Group Notes feature mostly fails to combat spam"
    ref = _full("q5.js download page, https://q5js.example.org/download/.")
    assert ref.fields.get("title") == "q5.js download page"


def test_possessive_author_before_a_quoted_title_and_after_to() -> None:
    ref = _full("For more on the politics of choice, see Luciana Roe's \"Reprogramming Choice,\" *e-flux* #85 "
                "(October 2017), https://www.example.org/journal/85/.")
    assert _people(ref) == [("Roe", "Luciana")] and ref.fields.get("title") == "Reprogramming Choice"
    ref = _full("Clearly much more could be said about this, but we refer, our example, to Donna Hale's "
                "*When Species Part* (Minneapolis: University of Minnesota Press, 2007).")
    assert _people(ref) == [("Hale", "Donna")] and ref.fields.get("title") == "When Species Part"


def test_see_before_the_same_works_link_opens_no_citation() -> None:
    note = read_note(1, "Inke Roe, \"Read me: Code as Executable Text,\" *MediaNet* (2004), see: "
                        "http://www.medianet.example/themes/read_me/1/.")
    assert len(note.citations) == 1
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef) and ref.fields.get("url") == "http://www.medianet.example/themes/read_me/1/"


def test_possessive_author_of_a_chapter_after_a_prose_lead_in() -> None:
    ref = _full("One example of many, and also connected to an exhibition, is Geoff Roe's \"Generator: The Value "
                "of Net Art,\" in Judith Hale and Mia Sedge, eds., *Issues in Curating Art and Performance* "
                "(Bristol: Intellect, 2007), 147-162, available at https://www.example.org/Roe_2007.pdf.")
    assert _people(ref) == [("Roe", "Geoff")] and ref.fields.get("title") == "Generator: The Value of Net Art"
    assert ref.fields.get("booktitle") == "Issues in Curating Art and Performance" and ref.fields.get("pages") == "147--162"
