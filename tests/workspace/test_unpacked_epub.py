"""An EPUB book kept unpacked (a Standard Ebooks source tree: ``src/META-INF``,
``src/epub/content.opf``, a chapter file per chapter and one endnotes file) is
one book to ingest: its endnotes meet the markers of the chapter files, as in
the packed .epub, instead of every file being an essay of its own."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ingest"))

from clirun import relbib  # noqa: E402
from docbuild import epub_bytes  # noqa: E402

from relbib.workspace import iter_essay_paths, read_essay_file  # noqa: E402

_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
         'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>{}</title></head><body>\n')


def _chapter(title: str, n: int) -> str:
    ref = f'<a href="endnotes.xhtml#note-{n}" id="noteref-{n}" epub:type="noteref">{n}</a>'
    return _HEAD.format(title) + f"<section><h2>{title}</h2><p>The claim of chapter {title}.{ref}</p></section></body></html>"


def _unpacked(root: Path) -> Path:
    """A repository holding the book unpacked in src/ and a stray draft beside it."""
    notes = (_HEAD.format("Endnotes") + "<section><ol>"
             + "".join(f'<li id="note-{n}"><p>A. Writer, <i>Work {n}</i> (London, 190{n}), {n}.'
                       f' <a href="chapter-{n}.xhtml#noteref-{n}">↩</a></p></li>' for n in (1, 2))
             + "</ol></section></body></html>")
    data = epub_bytes({"chapter-1.xhtml": _chapter("1", 1), "chapter-2.xhtml": _chapter("2", 2),
                       "endnotes.xhtml": notes}, title="Two Chapters", author="Ann Writer")
    zipfile.ZipFile(io.BytesIO(data)).extractall(root / "src")
    (root / "src" / "epub" / "images").mkdir()
    (root / "src" / "epub" / "images" / "cover.jpg").write_bytes(b"\xff\xd8not text")
    (root / "notes.md").write_text("A draft.[^1]\n\n[^1]: B. Other, *A Book* (Paris, 1950), 3.\n")
    return root


def test_an_unpacked_book_is_one_essay_and_the_rest_of_the_folder_is_still_read(tmp_path: Path) -> None:
    repo = _unpacked(tmp_path / "repo")
    assert iter_essay_paths([repo]) == [repo / "notes.md", repo / "src"]
    assert read_essay_file(repo / "src").encode("latin-1")[:4] == b"PK\x03\x04"
    done = relbib("ingest", "repo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "has no marker" not in done.stderr and "has no note" not in done.stderr
    assert done.stderr.startswith("2 essays, 3 notes")  # the summary goes to stderr
    sources = (tmp_path / "bib" / "sources.bib").read_text(encoding="utf-8")
    assert "Work 1" in sources and "Work 2" in sources and "A Book" in sources


def test_the_book_is_found_again_when_the_library_is_linked(tmp_path: Path) -> None:
    _unpacked(tmp_path / "repo")
    assert relbib("ingest", "repo/src", cwd=tmp_path).returncode == 0
    essays = (tmp_path / "bib" / "essays.bib").read_text(encoding="utf-8")
    assert essays.count("file = {") == 1 and "file = {repo/src}" in essays
    done = relbib("link", cwd=tmp_path)  # reads the book again from its folder
    assert done.returncode == 0, done.stderr
    assert "is gone" not in done.stderr


def test_the_text_folder_of_an_unpacked_book_is_the_book(tmp_path: Path) -> None:
    """`relbib ingest src/epub/text`: the chapters and the endnotes are still one book."""
    repo = _unpacked(tmp_path / "repo")
    assert iter_essay_paths([repo / "src" / "epub" / "text"]) == [(repo / "src").resolve()]
    done = relbib("ingest", "repo/src/epub/text", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("1 essays, 2 notes") and "has no marker" not in done.stderr
