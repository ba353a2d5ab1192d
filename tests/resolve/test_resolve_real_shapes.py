"""Subsequent references in the shapes real documents print them (issue 10).

Names, titles and numbers are made up; each test is one general rule a careful
reader follows, and the conservative limit beside it (a unique match, else an
ambiguous-reference finding).
"""

from __future__ import annotations

from relbib.model import FullRef, IbidRef, Name, Reference, ShortRef, UnparsedRef, freeze_fields
from relbib.parse.forms import classify_note
from relbib.parse.shortform import parse_short_note
from relbib.resolve import ResolveResult, resolve_cited


def _full(text: str, type_: str = "book", pinpoint: str | None = None, **fields: object) -> FullRef:
    return FullRef(text=text, type=type_, fields=freeze_fields(fields), pinpoint=pinpoint)  # type: ignore[arg-type]


def _by(family: str, given: str = "") -> tuple[Name, ...]:
    return (Name(family=family, given=given),)


def _resolve(*notes: tuple[Reference, ...]) -> ResolveResult:
    return resolve_cited([(n, refs) for n, refs in enumerate(notes, start=1)])


# --- a pinpoint outside the range is a finding, not a refusal ---


def test_chicago_range_after_the_colon_does_not_refuse_a_later_page() -> None:
    # "(1988): 21–22." is the page cited, read as the article's range; the later
    # short form's page 47 lies outside it, yet the work is the only one that fits
    article = _full("Ada Voss, “Harbour Ledgers,” Northern Trade Review 9 (1988): 21–22.", "article",
                    author=_by("Voss", "Ada"), title="Harbour Ledgers", journal="Northern Trade Review",
                    volume="9", year="1988", pages="21--22")
    short = _full("Voss, “Harbour Ledgers,” 47.", "misc", pinpoint="47", author=_by("Voss"),
                  title="Harbour Ledgers")
    result = _resolve((article,), (short,))
    last = result.citations[-1]
    assert (last.source, last.refers_to, last.pinpoint) == (1, 1, "47")
    assert result.diagnostics == ()  # the check stage reports the page against the entry


# --- Ibid. after a note read as several pieces ---


def test_ibid_after_a_book_and_an_unreadable_piece_split_off_it_is_the_book() -> None:
    book = _full("Lena Brandt. Quiet Rivers of the North.", author=_by("Brandt", "Lena"),
                 title="Quiet Rivers of the North", publisher="Studies in Regional History")
    piece = UnparsedRef(text="Boston: P. Marsh, 2003. 88.", reason="no title, author or container recognised")
    result = _resolve((book, piece), (IbidRef(text="Ibid., 40.", pinpoint="40"),),
                      (IbidRef(text="Ibid., 52.", pinpoint="52"),))
    second, third = result.citations[-2:]
    assert (second.source, second.refers_to, second.refers_index) == (1, 1, 0)
    assert (third.source, third.refers_to) == (1, 2)
    assert result.diagnostics == ()


def test_ivi_after_an_ivi_with_a_bare_caption_is_the_work_of_that_ivi() -> None:
    # "Ivi, pp. 23-80. “Parte I - Il porto”.": the caption names the pages, not a work
    book = _full("M. Serra, Porti e dogane, Roma, 2004.", author=_by("Serra", "M."), title="Porti e dogane",
                 address="Roma", year="2004")
    caption = _full("“Parte I - Il porto”.", "misc", title="Parte I - Il porto")
    result = _resolve((book,), (IbidRef(text="Ivi, pp. 23-80.", pinpoint="23--80"), caption),
                      (IbidRef(text="Ivi, pp. 81-120.", pinpoint="81--120"),))
    last = result.citations[-1]
    assert (last.refers_to, last.refers_index, last.source, last.source_index) == (2, 0, 1, 0)


def test_ibid_after_two_real_works_stays_unresolved() -> None:
    one = _full("Lena Brandt, Quiet Rivers (Boston: Marsh, 2003).", author=_by("Brandt", "Lena"),
                title="Quiet Rivers", year="2003")
    two = _full("Ole Dahl, Mill Towns (Oslo: Fjord, 1999).", author=_by("Dahl", "Ole"), title="Mill Towns",
                year="1999")
    result = _resolve((one, two), (IbidRef(text="Ibid., 4.", pinpoint="4"),))
    assert result.citations[-1].source is None
    assert [d.kind for d in result.diagnostics] == ["ambiguous-reference"]


# --- German "(Fn. N)" with the case's name between dashes ---


def test_supra_to_a_note_of_two_decisions_takes_the_one_its_dashed_name_names() -> None:
    first = _full("OLG Celle, Urt. v. 3. Mai 2011 (7 U 12/10), - Roter Faden - Rn. 4", "jurisdiction",
                  institution="OLG Celle", title="Roter Faden", number="7 U 12/10", year="2011")
    second = _full("OLG Celle, Urt. v. 9. Juni 2012 (7 U 40/11), - Blaues Band - Rn. 8", "jurisdiction",
                   institution="OLG Celle", title="Blaues Band", number="7 U 40/11", year="2012")
    supra = classify_note("OLG Celle, (Fn. 1), - Blaues Band - Rn. 9.")
    assert supra is not None
    result = _resolve((first, second), (supra,))
    last = result.citations[-1]
    assert (last.source, last.source_index, last.pinpoint) == (1, 1, "Rn. 9")


# --- a writer who spells the name in lower case ---


def test_lower_case_surname_with_a_page_is_a_short_form() -> None:
    short = parse_short_note("quill, 25.")
    assert isinstance(short, ShortRef) and short.authors == ("quill",) and short.pinpoint == "25"
    assert parse_short_note("see, 25.") is None and parse_short_note("passim, 4.") is None
    book = _full("dora quill, Tidewater Songs (Halifax: Gull Press, 1999), 3.", author=_by("quill", "dora"),
                 title="Tidewater Songs", year="1999")
    result = _resolve((book,), (short,))
    assert result.citations[-1].source == 1


# --- an author's several works: the short title that fits one of them best ---


def _works(*titles: str) -> tuple[tuple[Reference, ...], ...]:
    return tuple((_full(f"Roe, {t}, Leipzig: Vogel, 1830.", author=_by("Roe"), title=t, publisher="Vogel",
                        year="1830"),) for t in titles)


def _short(title: str | None, pin: str = "4") -> tuple[Reference, ...]:
    if title is None:
        return (ShortRef(text=f"Roe, s. {pin}.", authors=("Roe",), short_title=None, pinpoint=pin),)
    return (_full(f"Roe, {title}, s. {pin}.", "misc", pinpoint=pin, author=_by("Roe"), title=title),)


def test_a_cut_short_abbreviated_title_names_the_one_work_it_opens() -> None:
    # "Comm. zum Hiob" opens "Commentar zum Buche Hiob"; every word of it is also
    # somewhere in the other title, which it does not open
    result = _resolve(*_works("Hiob und Comm. zum Hiob", "Commentar zum Hiob"), _short("Comm. zum Hiob"))
    assert result.citations[-1].source == 2


def test_one_work_cited_twice_with_its_volume_left_in_the_title_counts_once() -> None:
    # "Pollmer, exeget. Handbuch, 1 a. s. 78." and later "…, i. a, 74." were both read as
    # full notes with the volume in the title; "exeg. Handb. 2, s. 4" is that one work
    short = _full("Roe, exeg. Handb. 2, s. 4.", "misc", pinpoint="4", author=_by("Roe"), title="exeg. Handb.",
                  volume="2")
    result = _resolve(*_works("exeget. Handbuch 1 a", "exeget. Handbuch i a"), (short,))
    assert (result.citations[-1].source, result.citations[-1].rule) == (1, "short-title-match")


def test_two_works_the_short_title_fits_alike_stay_ambiguous() -> None:
    # "Essays" opens "Essays" and "Essays, Second Series" alike (short_form_ambiguous)
    result = _resolve(*_works("Essays", "Essays, Second Series"), _short("Essays"))
    assert result.citations[-1].source is None
    assert "notes 1, 2" in result.diagnostics[-1].message


def test_old_and_new_testament_introductions_are_two_works() -> None:
    result = _resolve(*_works("Einleitung in das A. T.", "Einleitung in das N. T."), _short("Einleit. in das N. T."))
    assert result.citations[-1].source == 2


def test_author_and_page_alone_stay_ambiguous_between_two_works() -> None:
    result = _resolve(*_works("Essays on Law", "Essays on Trade"), _short(None))
    assert result.citations[-1].source is None
    assert result.diagnostics[-1].kind == "ambiguous-reference"


# --- author and year ---


def _dated(family: str, title: str, year: str) -> tuple[Reference, ...]:
    return (_full(f"{family}, {title}, {year}.", author=_by(family), title=title, year=year),)


def test_author_date_short_form_takes_the_authors_work_of_that_year() -> None:
    short = classify_note("Roe 2015, 41.")
    assert isinstance(short, ShortRef) and short.authors == ("Roe",) and short.pinpoint == "41"
    result = _resolve(_dated("Roe", "Salt Roads", "2011"), _dated("Roe", "Mill Towns", "2015"), (short,))
    assert (result.citations[-1].source, result.citations[-1].pinpoint) == (2, "41")


def test_author_date_short_forms_in_their_printed_shapes() -> None:
    for text, authors, pin in (("Roe and Poe 2015: 41-43.", ("Roe", "Poe"), "41--43"),
                               ("Roe et al. (2015), 41.", ("Roe",), "41"), ("(Roe 2015, 41)", ("Roe",), "41")):
        ref = classify_note(text)
        assert isinstance(ref, ShortRef) and (ref.authors, ref.pinpoint) == (authors, pin), text
    assert classify_note("Act 1998, 4.") is None  # a law's name, no author


def test_author_date_with_no_work_of_that_year_stays_ambiguous() -> None:
    short = classify_note("Roe 2019, 41.")
    assert short is not None
    result = _resolve(_dated("Roe", "Salt Roads", "2011"), _dated("Roe", "Mill Towns", "2015"), (short,))
    assert result.citations[-1].source is None
    assert result.diagnostics[-1].kind == "ambiguous-reference"


def test_author_and_year_of_an_earlier_full_citation_is_its_short_form() -> None:
    # MLA-ish "Tessel, Amy. 2016." and German "Wosnitza: Titel, 2015, S. 41 f." after the full citation
    first = _full("Amy Tessel, Rocket Fields (Denver: Orbit Press, 2016).", author=_by("Tessel", "Amy"),
                  title="Rocket Fields", publisher="Orbit Press", year="2016")
    other = _full("Amy Tessel, Launch Days (Denver: Orbit Press, 2019).", author=_by("Tessel", "Amy"),
                  title="Launch Days", publisher="Orbit Press", year="2019")
    mla = _full("Tessel, Amy. 2016.", "misc", author=_by("Tessel", "Amy."), year="2016")
    german = _full("Tessel: Rocket Fields, 2016, S. 41 f.", "misc", pinpoint="41f", author=_by("Tessel"),
                   title="Rocket Fields", year="2016")
    result = _resolve((first,), (other,), (mla,), (german,))
    third, fourth = result.citations[-2:]
    assert (third.source, third.rule) == (1, "short-author-year")
    assert (fourth.source, fourth.pinpoint) == (1, "41f")


def test_a_bracketed_author_and_page_is_a_short_form() -> None:
    short = parse_short_note("(Hatley, 15).")
    assert isinstance(short, ShortRef) and (short.authors, short.pinpoint) == (("Hatley",), "15")


# --- a writer's slip in an author's name ---


def test_a_whole_long_title_with_the_author_misspelled_by_a_letter_is_that_work_with_a_finding() -> None:
    first = _full("Karin Harwell, Open Range and Closed Minds (Reno: Sage, 1990), 12.", author=_by("Harwell", "Karin"),
                  title="Open Range and Closed Minds", year="1990")
    short = _full("Harwill, Open Range and Closed Minds, 206.", "misc", pinpoint="206", author=_by("Harwill"),
                  title="Open Range and Closed Minds")
    result = _resolve((first,), (short,))
    assert result.citations[-1].source == 1
    (finding,) = result.diagnostics
    assert finding.kind == "ambiguous-reference" and "Harwell" in finding.message


def test_a_short_title_with_another_author_a_letter_away_is_not_read_as_that_work() -> None:
    first = _full("Karin Harwell, Open Range (Reno: Sage, 1990), 12.", author=_by("Harwell", "Karin"),
                  title="Open Range", year="1990")
    short = _full("Harwill, Open Range, 206.", "misc", pinpoint="206", author=_by("Harwill"), title="Open Range")
    result = _resolve((first,), (short,))
    assert result.citations[-1].source == 2  # a work of its own: two words are too few to tell


def test_ibid_after_an_unresolved_short_form_and_a_caption_stays_unresolved() -> None:
    book = _full("Roe, Salt Roads, Leipzig: Vogel, 1830.", author=_by("Roe"), title="Salt Roads", publisher="Vogel")
    other = _full("Roe, Mill Towns, Leipzig: Vogel, 1832.", author=_by("Roe"), title="Mill Towns", publisher="Vogel")
    short = ShortRef(text="Roe, 1, s. 512.", authors=("Roe",), short_title=None, pinpoint="512")
    caption = _full("“Der dritte Teil”.", "misc", title="Der dritte Teil")
    result = _resolve((book,), (other,), (short, caption), (IbidRef(text="Ibid.", pinpoint=None),))
    last = result.citations[-1]
    assert (last.source, last.rule) == (None, "ibid-previous-unresolved")


def test_author_and_page_right_after_an_author_only_form_of_one_work_goes_on_with_it() -> None:
    first, second = classify_note("Roe 2015, 41."), parse_short_note("Roe, 43.")
    assert first is not None and isinstance(second, ShortRef)
    result = _resolve(_dated("Roe", "Salt Roads", "2011"), _dated("Roe", "Mill Towns", "2015"), (first,), (second,))
    last = result.citations[-1]
    assert (last.source, last.rule, last.pinpoint) == (2, "short-author-as-before", "43")


def test_author_and_page_after_a_titled_short_form_stays_ambiguous() -> None:
    # seq_short_note_two_works_same_author_needs_title: "Snyder, Black Earth, 40." then "Snyder, 41."
    result = _resolve(*_works("Salt Roads", "Mill Towns"), _short("Mill Towns", "40"), _short(None, "41"))
    assert result.citations[-1].source is None
