"""RIS records: one tag a line, TY first and ER last, pages split, dates padded."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from relbib.formats.ris import record
from relbib.model import Entry, Name, freeze_fields


def test_record_shape() -> None:
    entry = Entry(key="k", type="article", fields=freeze_fields({
        "author": (Name(family="Khan", given="Ayesha"),), "title": "Russia\nrevived",
        "journal": "Strategic Studies", "pages": "43--65", "date": "2021-03"}))
    lines = record(entry, note="Cited for it.", keywords=("a", "b")).splitlines()
    assert lines[0] == "TY  - JOUR" and lines[-1] == "ER  - "
    assert "TI  - Russia revived" in lines and "T2  - Strategic Studies" in lines
    assert "SP  - 43" in lines and "EP  - 65" in lines
    assert "PY  - 2021" in lines and "DA  - 2021/03//" in lines
    assert lines.count("KW  - a") == 1 and "N1  - Cited for it." in lines


@given(st.text())
def test_no_value_spills_onto_another_line(text: str) -> None:
    entry = Entry(key="k", type="misc", fields=freeze_fields({"title": text or "x"}))
    for line in record(entry, note=text).splitlines():
        assert line[:2].isalnum() and line[2:6] == "  - "
