"""The render test library itself: it must exercise every entry type."""

from __future__ import annotations

from render_data import EVERY_TYPE, load_case


def test_the_library_covers_every_entry_type() -> None:
    types = {e.type for e in load_case("library").entries}
    assert EVERY_TYPE <= types
