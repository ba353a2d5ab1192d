"""A reference list numbered in its own order, cited out of order in the body
("… spaces [4]. … storage [3]."): every bracketed marker finds its note."""

from __future__ import annotations

from relbib.notes import find_notes

_ESSAY = """\
A quotation opens the essay. [5]

Archives were conceived as thinking spaces [3]. Later work mapped the field [4].
The conservation of experience was studied too [1]. Storage is not memory [2].

## References

[1] Ann Lowe, *Keeping Time* (Leeds: Northern Press, 2011), 12.

[2] Ben Hart, "Storage and Memory," *Archive Review* 4 (2015): 1-9.

[3] Cara Dunn, *Thinking Spaces* (London: Field, 2019).

[4] Dev Rao, "Mapping the Field," *Media Art Quarterly* 2 (2020): 40-52.

[5] Eve Stone, keynote remarks, Museums Forum, 2024.

[6] Fay Moss, *Uncited Work* (Bath: Spa Press, 2001).
"""


def test_every_bracketed_marker_finds_its_note_whatever_the_order() -> None:
    found = find_notes(_ESSAY)
    assert [n.n for n in found.notes] == [1, 2, 3, 4, 5, 6]
    claims = {n.n: n.claim.text for n in found.notes if n.claim is not None}
    assert claims == {
        1: "The conservation of experience was studied too.",
        2: "Storage is not memory.",
        3: "Archives were conceived as thinking spaces.",
        4: "Later work mapped the field.",
        5: "A quotation opens the essay.",
    }
    assert [m.n for m in found.markers] == [5, 3, 4, 1, 2]  # in the order of the text
    no_marker = [d.message for d in found.diagnostics if "no marker" in d.message]
    assert no_marker == ["note 6 has no marker in the body"]


def test_a_number_in_the_prose_is_still_no_marker() -> None:
    essay = _ESSAY.replace("Storage is not memory [2].", "Storage held 2 copies.")
    found = find_notes(essay)
    assert 2 not in [m.n for m in found.markers]
