"""Invariants of the resolver over random note sequences (hypothesis).

- one Citation per note, in order, carrying that note's number;
- never forward: refers_to and source are earlier note numbers, or the note
  itself for a full note that introduces its source;
- a resolved note's source is a note that introduced a source (a full note);
- resolve never raises and never mutates its input.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from refs_helpers import reference

from relbib.model import Form, FullRef, Reference, UnparsedRef
from relbib.resolve import resolve

FAMILIES = ["Khan", "Smith", "Zaidi", "Saud", "Müller", "al-Hashimi"]
TITLES = ["Russia's Revival", "Russia’s Revival: Limits", "Trade and War", "Trade", "The Bomb"]
PINPOINTS = st.one_of(
    st.none(),
    st.integers(1, 400).map(str),
    st.tuples(st.integers(1, 200), st.integers(1, 200)).map(lambda p: f"{p[0]}--{p[1]}"),
    st.sampled_from(["xii", "¶ 4", "45 n. 3", "4, 7"]),
)
PAGES = st.one_of(
    st.none(),
    st.tuples(st.integers(1, 300), st.integers(0, 60)).map(lambda p: f"{p[0]}--{p[0] + p[1]}"),
    st.integers(1, 300).map(str),
    st.just("153-62"),
)


@st.composite
def full_refs(draw: st.DrawFn) -> Reference:
    spec: dict[str, object] = {"authors": draw(st.lists(st.sampled_from(FAMILIES), max_size=3))}
    if draw(st.booleans()):
        spec["title"] = draw(st.sampled_from(TITLES))
    for name, values in (
        ("journal", st.sampled_from(["JIPA", "Dawn"])),
        ("year", st.sampled_from(["2001", "2021"])),
        ("doi", st.sampled_from(["10.1/a", "10.1/b"])),
        ("url", st.sampled_from(["https://a.org/x", "www.a.org/x/"])),
    ):
        if draw(st.booleans()):
            spec[name] = draw(values)
    pages = draw(PAGES)
    if pages is not None:
        spec["pages"] = pages
    return reference("full", pinpoint=draw(PINPOINTS), **spec)


NAMES = st.lists(st.sampled_from(FAMILIES + ["Jones"]), max_size=2).map(tuple)
SHORT_TITLES = st.one_of(st.none(), st.sampled_from(TITLES + ["Revival", "War"]))

REFERENCES: st.SearchStrategy[Reference] = st.one_of(
    full_refs(),
    st.builds(reference, st.just("ibid"), pinpoint=PINPOINTS),
    st.builds(reference, st.just("id"), pinpoint=PINPOINTS),
    st.builds(reference, st.just("opcit"), authors=NAMES, short_title=SHORT_TITLES,
              pinpoint=PINPOINTS),
    st.builds(reference, st.just("short"), authors=NAMES, short_title=SHORT_TITLES,
              pinpoint=PINPOINTS),
    st.builds(reference, st.just("supra"), note=st.integers(-1, 30), authors=NAMES,
              pinpoint=PINPOINTS),
    st.builds(reference, st.just("unparsed"), reason=st.just("unreadable")),
)


@st.composite
def note_sequences(draw: st.DrawFn) -> list[tuple[int, Reference]]:
    """Mostly increasing note numbers, with gaps; sometimes repeats or disorder."""
    refs = draw(st.lists(REFERENCES, max_size=25))
    if draw(st.booleans()):
        numbers = sorted(draw(st.lists(st.integers(1, 40), min_size=len(refs), max_size=len(refs),
                                       unique=True)))
    else:
        numbers = draw(st.lists(st.integers(0, 12), min_size=len(refs), max_size=len(refs)))
    return list(zip(numbers, refs, strict=True))


@settings(max_examples=150, deadline=None)
@given(note_sequences())
def test_resolver_never_points_forward(notes: list[tuple[int, Reference]]) -> None:
    before, printed = list(notes), repr(notes)
    result = resolve(notes)

    # input untouched: the same list, the same records, the same contents
    assert all(a is b for a, b in zip(notes, before, strict=True)) and len(notes) == len(before)
    assert repr(notes) == printed
    assert [c.note for c in result.citations] == [n for n, _ in notes]
    introduced = {c.note for c in result.citations if c.source == c.note}
    for citation in result.citations:
        if citation.refers_to is not None:
            assert citation.refers_to < citation.note
        if citation.source is not None:
            assert citation.source <= citation.note
            assert citation.source in introduced
        if citation.source == citation.note:
            assert citation.form is Form.FULL and citation.rule == "full"
    for d in result.diagnostics:
        assert d.message.startswith("note ")
        assert d.kind == "ambiguous-reference"


@settings(max_examples=100, deadline=None)
@given(note_sequences())
def test_unresolved_notes_say_why(notes: list[tuple[int, Reference]]) -> None:
    """Every subsequent reference left unresolved has a diagnostic naming its note."""
    result = resolve(notes)
    flagged = {int(d.message.split(":")[0].removeprefix("note ")) for d in result.diagnostics}
    for (n, ref), citation in zip(notes, result.citations, strict=True):
        if citation.source is None and not isinstance(ref, (FullRef, UnparsedRef)):
            assert n in flagged


@settings(max_examples=100, deadline=None)
@given(note_sequences())
def test_resolve_is_deterministic(notes: list[tuple[int, Reference]]) -> None:
    assert resolve(notes) == resolve(list(notes))
