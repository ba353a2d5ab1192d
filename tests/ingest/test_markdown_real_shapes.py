"""Markdown lessons with footnotes, in the shapes of open tutorials and DH essays.

Jekyll front matter, Liquid includes, kramdown attributes, fenced code that
shows the footnote syntax, and notes that name a web page by a linked word.
Names, titles and addresses are made up.
"""

from __future__ import annotations

from relbib.ingest.essay import load_essay

LESSON = """---
title: "Counting Ships"
layout: lesson
authors:
- Ada Kern
---

{% include toc.html %}

Registers were kept in every port.[^1] The lesson uses a library.[^lib]

{: .alert .alert-warning}
Install Python first.[^2]

```markdown
A sentence with a note.[^7]

[^7]: What the note says.
```

The counts are incomplete.[^3]

[^1]: Register of Ships, 1850, [Harbour Archives](https://archives.example.org/ships), accessed 2 May 2020.
[^lib]: See the [Loom installation guide](https://loom.example.org/install).
[^2]: Ada Kern, "[Counting Hulls](https://doi.org/10.5555/hulls)," *Port Studies* 4 (2019): 12.
[^3]: Ivo Sand, *Salt Roads* (Bergen: Fjord Press, 2011). Its companion site, *[Salt Roads Online](https://saltroads.example.org)*.
"""


def _notes() -> dict[int, str]:
    essay, _ = load_essay(LESSON, path="lesson.md")
    return {note.n: note.text for note in essay.notes}


def test_syntax_shown_in_fenced_code_is_no_note() -> None:
    """The "[^7]" of the code block neither numbers nor defines a note: four notes, 1–4."""
    notes = _notes()
    assert sorted(notes) == [1, 2, 3, 4]
    assert not any("What the note says" in text for text in notes.values())


def test_notes_numbered_in_order_of_reference() -> None:
    notes = _notes()
    assert notes[1].startswith("Register of Ships")
    assert notes[2].startswith("See the Loom installation guide")
    assert notes[3].startswith("Ada Kern")
    assert notes[4].startswith("Ivo Sand")


def test_link_closing_a_chunk_prints_its_address() -> None:
    notes = _notes()
    assert notes[1] == "Register of Ships, 1850, Harbour Archives, accessed 2 May 2020, https://archives.example.org/ships."
    assert notes[2] == "See the Loom installation guide, https://loom.example.org/install."


def test_link_after_italics_prints_its_address_after_them() -> None:
    assert _notes()[4].endswith("Salt Roads Online, https://saltroads.example.org.") or \
        _notes()[4].endswith("Salt Roads Online*, https://saltroads.example.org.")


def test_link_inside_a_quoted_title_keeps_the_title_whole() -> None:
    text = _notes()[3]
    assert "Counting Hulls,\"" in text
    assert "https://doi.org/10.5555/hulls" not in text


def test_address_closes_its_own_citation_not_an_initial() -> None:
    """ "*[Site](url)*, Institution; Edward L. Roe, …": the address goes before the
    semicolon that ends the site's citation, never after the initial "L."."""
    essay, _ = load_essay(
        "Projects abound.[^1]\n\n[^1]: *[Harbour Lives](http://lives.example.edu/)*, Fjord University; "
        "Edward L. Roe, *Salt Roads* (Bergen: Fjord Press, 2011).\n",
        path="essay.md",
    )
    text = essay.notes[0].text
    assert "Fjord University, http://lives.example.edu/; Edward L. Roe" in text


def test_an_escaped_angle_bracket_address_stays_in_the_note() -> None:
    """pandoc writes an address as "\\<http://…\\>" (its escaped angle brackets, as MHRA
    prints them): the note keeps the address between plain brackets, no stray backslashes."""
    text = ("Body.[^1]\n\n[^1]: Ann Roe, *A Book* (London: Pub, 2001), "
            "\\<http://example.org/a\\_b\\> [accessed 3 May 2020].\n")
    essay, _ = load_essay(text, path="escaped.md")
    assert essay.notes[0].text == (
        "Ann Roe, *A Book* (London: Pub, 2001), <http://example.org/a_b> [accessed 3 May 2020].")


# A student essay whose converter indents the notes under their heading by three
# spaces (CommonMark allows up to three): the notes are still footnote definitions.
INDENTED_NOTES = """# Der Fries

Der Entwurf blieb liegen.[^1] Später kam die Kopie.[^2] Sie ging verloren.[^3]

## Fußnoten

   [^1]: Vgl. Brandt, Olaf, Der Fries im Rathaus, Kassel 1971, S. 6.
   [^2]:  Vgl. ebd., S. 9.
   [^3]: Brandt 1971, S. 12f.
"""


def test_definitions_indented_up_to_three_spaces_are_notes() -> None:
    essay, problems = load_essay(INDENTED_NOTES, path="fries.md")
    notes = {note.n: note.text for note in essay.notes}
    assert sorted(notes) == [1, 2, 3]
    assert notes[1].startswith("Vgl. Brandt, Olaf, Der Fries")
    assert notes[2] == "Vgl. ebd., S. 9."
    assert not [p for p in problems if p.code == "RB001"]


# A student site essay whose notes are followed, line by line, by their
# bibliography entries as list items, and whose last note runs straight into
# the "## Bibliography" heading: a list item or a heading starts a new block
# (CommonMark), so neither is a lazy continuation of the note above.
NOTES_THEN_BLOCKS = """# The Ford at Elm Creek

The post changed hands twice.[^1] The ford was abandoned in 1870.[^2] Nothing remains.[^3]

[^1]: Quoted in Marlow, 1968.
- Marlow, Edith. "The Post at Elm Creek." State Historical Society, (1968).

[^2]:Harlan County Society, 2015.
* Harlan County Society. "The Elm Creek Ford." (2015).
[^3]: Tovey 1994, 12.
## **Bibliography**

- Tovey, Ruth. *Fords of the Plains*. Lincoln: Prairie Press, 1994.
"""


def test_a_list_item_or_heading_after_a_note_ends_it() -> None:
    essay, _ = load_essay(NOTES_THEN_BLOCKS, path="ford.md")
    notes = {note.n: note.text for note in essay.notes}
    assert notes == {1: "Quoted in Marlow, 1968.", 2: "Harlan County Society, 2015.",
                     3: "Tovey 1994, 12."}
