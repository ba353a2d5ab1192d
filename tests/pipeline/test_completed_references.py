"""References the resolver completes from earlier notes reach the library.

An Italian "ID., Title" note names no author: it is another work by the author of
the citation before, and its entry carries that author.  A note citing an
archive by the abbreviation an earlier note defined ("hereafter SAM") is filed
under the archive's name.  An archival file has no year of publication, and is
not reported as cut short for lacking one.
"""

from __future__ import annotations

from relbib.model import FullRef
from relbib.pipeline import ingest_essay

ESSAY = """# A chapter

One claim.[^1] Another.[^2] A third.[^3] A fourth.[^4]

[^1]: L. Ferri, La tutela del paesaggio, Torino, Einaudi, 2008, p. 45.
[^2]: ID., Il codice dei beni culturali, Napoli, Jovene, 2013, p. 12.
[^3]: Stadtarchiv Lübeck (hereafter StAL), Senatsakten 311, fol. 4.
[^4]: StAL, Senatsakten 312, fol. 9.
"""


def _full(ingest: object, n: int) -> FullRef:
    cited = {c.n: c for c in ingest.cited}  # type: ignore[attr-defined]
    ref = cited[n].citations[0].reference
    assert isinstance(ref, FullRef), ref
    return ref


def test_an_id_note_is_the_earlier_authors_other_work() -> None:
    ingest = ingest_essay(ESSAY, path="chapter.md")
    first, second = _full(ingest, 1), _full(ingest, 2)
    assert second.fields["author"] == first.fields["author"]
    assert second.fields["title"] == "Il codice dei beni culturali"
    keys = {c.note: c.source for c in ingest.citations}
    assert keys[2] == 2  # a work of its own, not the first note's


def test_an_archive_abbreviation_is_filed_under_the_archive_and_needs_no_year() -> None:
    ingest = ingest_essay(ESSAY, path="chapter.md")
    assert _full(ingest, 4).fields["organization"] == "Stadtarchiv Lübeck"
    assert not [d for d in ingest.diagnostics if d.kind == "incomplete-note"]
