"""Italics in a note (``*…*``, as ingest writes them) are evidence of a title and
never part of a field: an italic run after an author is the title, after a
quoted title the container; ``Family, *Title*, pin`` is a short form.
Names and titles are made up."""

from __future__ import annotations

import pytest

from relbib.model import Citation, FullRef, IbidRef, IdRef, Name, OpCitRef, Reference, ShortRef
from relbib.parse import parse_note
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _full(text: str) -> FullRef:
    ref = parse_note(text)
    assert isinstance(ref, FullRef), ref
    return ref


def _authors(ref: FullRef) -> list[tuple[str, str]]:
    names = ref.fields.get("author", ())
    assert isinstance(names, tuple)
    return [(n.family, n.given) for n in names if isinstance(n, Name)]


def _marks_in(ref: Reference) -> list[str]:
    """Every string of the reading (fields, names, short title) that holds a mark."""
    values: list[str] = []
    if isinstance(ref, FullRef):
        for key, value in ref.fields.items():
            if isinstance(value, tuple):
                values += [part for n in value if isinstance(n, Name) for part in (n.family, n.given)]
            elif key not in ("url", "doi"):
                values.append(value)
    if isinstance(ref, ShortRef | OpCitRef):
        values += [*ref.authors, ref.short_title or ""]
    return [v for v in values if "*" in v or "_" in v]


def test_an_italic_title_keeps_no_marks() -> None:
    ref = _full("Jane Quill, *A Harbour of Lamps, with Commas* (London: Fernleaf, 2004), p. 3.")
    assert ref.type == "book"
    assert ref.fields["title"] == "A Harbour of Lamps, with Commas"
    assert _authors(ref) == [("Quill", "Jane")]
    assert ref.pinpoint == "3"


def test_a_family_name_alone_before_an_italic_title_is_the_author() -> None:
    ref = _full("Marrable, *Lanterns of the Northern Harbour* (Leeds: Fernleaf, 1961), p. 2.")
    assert _authors(ref) == [("Marrable", "")]
    assert ref.fields["title"] == "Lanterns of the Northern Harbour"
    assert ref.fields["year"] == "1961"


def test_an_author_with_initials_before_an_italic_title() -> None:
    ref = _full("Quill, J., *A Harbour of Lamps* (London, 2004), p. 4.")
    assert _authors(ref) == [("Quill", "J.")]
    assert ref.fields["title"] == "A Harbour of Lamps"


def test_an_italic_run_after_a_quoted_chapter_is_the_book() -> None:
    ref = _full("Quill, ‘Salt Roads’, in *Essays on Tides* (Leeds: Marrow, 1998), 12.")
    assert ref.type == "incollection"
    assert ref.fields["title"] == "Salt Roads"
    assert ref.fields["booktitle"] == "Essays on Tides"


def test_an_italic_run_after_a_quoted_article_is_the_journal() -> None:
    ref = _full("Jane Quill, “Reading *Lanterns* Again,” *Journal of Tides* 12 (2001): 3–20, 5.")
    assert ref.type == "article"
    assert ref.fields["title"] == "Reading Lanterns Again"
    assert ref.fields["journal"] == "Journal of Tides"
    assert ref.fields["pages"] == "3--20"


def test_underscores_are_italics_too() -> None:
    ref = _full("Jane Quill and Tom Pell, _Another Harbour_ (New York: Marrow, 1999), 45.")
    assert ref.fields["title"] == "Another Harbour"
    assert _authors(ref) == [("Quill", "Jane"), ("Pell", "Tom")]


def _resolved(*notes: str) -> list[Citation]:
    """The notes' citations resolved, once every full citation is checked to keep no mark."""
    cited = [read_note(n, text) for n, text in enumerate(notes, start=1)]
    refs = [span.reference for c in cited for span in c.citations]
    assert all(_marks_in(r) == [] for r in refs)
    return list(resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited]).citations)


def test_family_and_italic_title_after_a_full_citation_is_a_short_form() -> None:
    first, second = _resolved("Jane Quill, *Harbour of Lamps* (London: Fernleaf, 2004), 3.",
                              "Quill, *Harbour of Lamps*, 4.")
    assert first.form == "full"
    assert (second.form, second.refers_to, second.source, second.pinpoint) == ("short", 1, 1, "4")


def test_a_short_italic_title_names_its_own_work() -> None:
    """Two works by one author: the italic short title picks the right one."""
    citations = _resolved("Jane Quill, *Harbour of Lamps* (London: Fernleaf, 2004), 3.",
                          "Jane Quill, *Salt* (Leeds: Marrow, 1999), 7.",
                          "Quill, *Salt*, 9.")
    assert (citations[2].form, citations[2].source, citations[2].pinpoint) == ("short", 2, "9")


@pytest.mark.parametrize(("form", "kind", "pin"), [
    ("*Ibid.*, 4", IbidRef, "4"),
    ("*Id.* at 7", IdRef, "7"),
    ("Pell, *op. cit.*, p. 9", OpCitRef, "9"),
])
def test_italic_form_words_are_forms_and_the_next_title_is_clean(form: str, kind: type, pin: str) -> None:
    cited = read_note(2, f"{form}; Jane Quill, *Lamps of the Quay* (Leeds: Marrow, 1992), 5.")
    first, second = (span.reference for span in cited.citations)
    assert isinstance(first, kind)
    assert first.pinpoint == pin
    assert isinstance(second, FullRef)
    assert second.fields["title"] == "Lamps of the Quay"


def test_an_italic_signal_is_no_title() -> None:
    cited = read_note(1, "*See* Jane Quill, *Lamps of the Quay* (London: Fernleaf, 2004).")
    ref = cited.citations[0].reference
    assert isinstance(ref, FullRef)
    assert ref.fields["title"] == "Lamps of the Quay"
    assert _authors(ref) == [("Quill", "Jane")]


def test_a_note_set_in_italics_whole_reads_as_without_them() -> None:
    plain = parse_note("B. Marrable, ‘Strikes’, Labour Review 4 (1990), 1–20.")
    whole = parse_note("*B. Marrable, ‘Strikes’, Labour Review 4 (1990), 1–20.*")
    assert isinstance(whole, FullRef) and isinstance(plain, FullRef)
    assert dict(whole.fields) == dict(plain.fields)


@pytest.mark.parametrize("text", [
    "Jane Quill, *A Harbour of Lamps* (London: Fernleaf, 2004), 3.",
    "Jane Quill, “Salt Roads,” *Journal of Tides* 12 (2001): 3–20.",
    "Tom Pell, “Quays,” *Harbour Gazette*, May 3, 2001.",
    "Jane Quill, *Lamps*, trans. Tom Pell (London: Fernleaf, 2004), 3.",
    "*The Harbour Records of Leeds*, ed. Jane Quill (Leeds: Marrow, 1990), 4.",
    "Jane Quill, *Lamps: A History* (PhD diss., Lowmoor University, 2004), 12.",
    "Marrable, *Lanterns* (1961), *passim*.",
])
def test_no_field_keeps_a_mark(text: str) -> None:
    assert _marks_in(parse_note(text)) == []


def test_citations_of_one_note_keep_no_marks() -> None:
    cited = read_note(1, "*See* Quill, *Harbour of Lamps*, 4; Tom Pell, *Quays and Tides* (Leeds: Marrow, 1990), 9.")
    refs = [span.reference for span in cited.citations]
    assert [r.fields.get("title") for r in refs if isinstance(r, FullRef)] == ["Harbour of Lamps", "Quays and Tides"]
    assert all(_marks_in(r) == [] for r in refs)


# --- shapes of real notes: prose before the citation, editors before the book -------------


def test_a_citation_after_prose_and_see_starts_at_its_authors() -> None:
    ref = _full("For a survey of the harbour trade and its \"lantern men\" in northern ports, see Jane Quill"
                " and Tom Pell, *Lamps of the Quay: A History* (Leeds: Marrow, 2009), 15–41.")
    assert _authors(ref) == [("Quill", "Jane"), ("Pell", "Tom")]
    assert ref.fields["title"] == "Lamps of the Quay: A History"
    assert ref.pinpoint == "15--41"


def test_a_citation_after_a_quotation_starts_at_its_author() -> None:
    ref = _full("Quill agrees that \"nothing in the tides is owed to the moon alone.\" Ann Marrable,"
                " *Salt and Lamps: Le port* (Paris: Fernleaf, 2000), 173 (translation mine).")
    assert _authors(ref) == [("Marrable", "Ann")]
    assert ref.fields["title"] == "Salt and Lamps: Le port"
    assert ref.fields["year"] == "2000"


def test_an_italic_title_after_a_quoted_sentence_opens_the_citation() -> None:
    ref = _full("Tom Pell writes of the quay as \"a lantern of trade.\" *Éléments du port*"
                " (Paris: Fernleaf, 1992), 58.")
    assert ref.fields["title"] == "Éléments du port"
    assert ref.fields["year"] == "1992"
    assert ref.pinpoint == "58"


def test_the_book_after_its_editors_is_the_container() -> None:
    ref = _full("Jane Quill, \"Salt Roads,\" in Ann Marrable et al., eds., *Essays on Tides and Quays*"
                " (Leeds: Marrow, 2009), 31–60.")
    assert ref.fields["title"] == "Salt Roads"
    assert ref.fields["booktitle"] == "Essays on Tides and Quays"


def test_a_translator_after_an_italic_title_is_no_part_of_it() -> None:
    ref = _full("Tom Pell, *Lamps of the Quay*, trans Ann Marrable (Leeds: Marrow, 1992), 169.")
    assert ref.fields["title"] == "Lamps of the Quay"
    assert ref.pinpoint == "169"


def test_names_then_an_italic_site_and_its_address() -> None:
    ref = _full("Ann Marrable and Tom Pell, *Harbour Voices*, http://example.org/voices.")
    assert _authors(ref) == [("Marrable", "Ann"), ("Pell", "Tom")]
    assert ref.fields["title"] == "Harbour Voices"


def test_a_remark_before_the_authors_after_the_signal() -> None:
    cited = read_note(1, "See, on this topic, C. D. Quill, *The Quay; Lamps and Tides* (Leeds: Marrow, 1963).")
    ref = cited.citations[0].reference
    assert isinstance(ref, FullRef)
    assert _authors(ref) == [("Quill", "C. D.")]
    assert ref.fields["title"] == "The Quay; Lamps and Tides"
