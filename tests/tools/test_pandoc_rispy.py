"""CSL-JSON renders through pandoc --citeproc with every title, author and
date we exported; the RIS reads back through rispy to the same fields."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import Data, need, run

from relbib.export.lists import export


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def test_csl_json_renders_through_pandoc_citeproc(tmp_path: Path, library_data: Data) -> None:
    need("pandoc")
    items = json.loads(export(library_data.entries, library_data.annotations, fmt="csl-json"))
    (tmp_path / "refs.json").write_text(json.dumps(items), encoding="utf-8")
    (tmp_path / "doc.md").write_text("---\nnocite: \"@*\"\n---\n\n# References\n", encoding="utf-8")
    done = run(["pandoc", "--citeproc", "--bibliography=refs.json", "-t", "plain", "--wrap=none",
                "doc.md"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""
    printed = _fold(done.stdout)
    for item in items:
        assert _fold(item["title"]) in printed, item["title"]
        # Chicago author-date (pandoc's default) shows every author of a list of
        # up to ten, and the first seven of a longer one ("et al.")
        authors = item.get("author", [])
        for name in authors if len(authors) <= 10 else authors[:7]:
            assert _fold(name.get("family") or name.get("literal", "")) in printed
            if "non-dropping-particle" in name:
                assert _fold(name["non-dropping-particle"]) in printed
        issued = item.get("issued", {})
        if "date-parts" in issued:
            assert str(issued["date-parts"][0][0]) in printed
        elif "literal" in issued:
            assert _fold(issued["literal"]) in printed


def test_ris_reads_back_through_rispy(library_data: Data) -> None:
    rispy = pytest.importorskip("rispy", reason="rispy is not installed (test extra)")
    text = export(library_data.entries, library_data.annotations, fmt="ris")
    records = rispy.loads(text)
    by_id = {r["id"]: r for r in records}
    assert len(records) == len(library_data.entries) == len(by_id)
    for entry in library_data.entries:
        record = by_id[entry.key]
        fields = entry.fields
        assert record["title"] == " ".join(str(fields["title"]).split())
        authors = fields.get("author", ())
        assert record.get("authors", []) == [
            f"{n.family}, {n.given}" if n.given and not n.literal else n.family for n in authors]
        year = str(fields.get("date") or fields.get("year") or "")[:4]
        if year.isdigit():
            assert record["year"] == year
        for field, key in (("volume", "volume"), ("doi", "doi"), ("publisher", "publisher")):
            if field in fields:
                assert record[key] == fields[field]
        if "pages" in fields and "--" in str(fields["pages"]):
            first, last = str(fields["pages"]).split("--")
            assert (record["start_page"], record["end_page"]) == (first, last)
        if "url" in fields:
            assert record["urls"] == [fields["url"]]
        annotation = library_data.annotations.get(entry.key)
        if annotation is not None and annotation.tags:
            assert record["keywords"] == list(annotation.tags)
        if annotation is not None and annotation.summary:
            assert " ".join(annotation.summary.split()) in record["notes"][0]
