"""Issue 9, point 10: symlinks and names.

A symlinked sources.bib or annotation is written through (the link stays, the
file it points at changes); essays with the same file name in two folders
keep apart, with ids stable across runs; a backslash in an essay's file name
does not break `link`; a key too long for a file name (60 emoji, 150 CJK
characters) gets a short, unique file name and reads back as itself.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from data_library import SEED_WITH_NOTES, make_project, run_here, write_essay

from relbib.library.core import make_library
from relbib.library.essay_ids import essay_ids
from relbib.model import Annotation, AnnotationClaim
from relbib.workspace import find_project, load_library, plan_save, save


def test_a_symlinked_sources_bib_and_annotation_are_written_through(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {})
    write_essay(root / "e" / "copper.txt", "copper")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "sources.bib").write_text("% the shared library\n", encoding="utf-8")
    (shared / "copper1son1991copper.yaml").write_text(
        "key: copper1son1991copper\nsummary: shared summary\ntags: []\nclaims: []\n")
    (root / "bib").mkdir()
    (root / "annotations").mkdir()
    (root / "bib" / "sources.bib").symlink_to(shared / "sources.bib")
    link = root / "annotations" / "copper1son1991copper.yaml"
    link.symlink_to(shared / "copper1son1991copper.yaml")
    done = run_here(root, "ingest", "e")
    assert done.returncode == 0, done.stderr
    assert (root / "bib" / "sources.bib").is_symlink() and link.is_symlink()
    shared_bib = (shared / "sources.bib").read_text(encoding="utf-8")
    assert shared_bib.startswith("% the shared library\n") and "copper1son1991copper" in shared_bib
    shared_note = (shared / "copper1son1991copper.yaml").read_text(encoding="utf-8")
    assert "summary: shared summary" in shared_note and "essay: copper" in shared_note


def test_a_symlink_into_a_missing_folder_is_refused_with_a_message(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    write_essay(root / "e" / "copper.txt", "copper")
    (root / "bib").mkdir()
    (root / "bib" / "sources.bib").symlink_to(tmp_path / "gone" / "sources.bib")
    done = run_here(root, "ingest", "e")
    assert done.returncode == 3 and "symlink" in done.stderr
    assert (root / "bib" / "sources.bib").is_symlink()
    assert not (root / "annotations").exists()  # nothing written: all or nothing


def test_same_file_name_in_two_folders_gives_two_essays(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    for folder in ("a", "b"):
        (root / folder).mkdir()
        shutil.copy(SEED_WITH_NOTES, root / folder / "essay.txt")
    assert run_here(root, "ingest", "a", "b").returncode == 0
    library = load_library(find_project(root))
    assert sorted(e.fields["file"] for e in library.essays.values()) == [
        "a/essay.txt", "b/essay.txt"]
    claims = {c.essay for a in library.annotations.values() for c in a.claims}
    assert claims == {"a-essay", "b-essay"}
    before = (root / "bib" / "essays.bib").read_bytes()
    assert run_here(root, "ingest", "b").returncode == 0  # re-ingest one: same ids
    assert run_here(root, "ingest", "a", "b").returncode == 0
    assert (root / "bib" / "essays.bib").read_bytes() == before


def test_a_later_essay_with_a_taken_name_gets_its_own_id() -> None:
    known = {"a/essay.txt": "essay"}
    assert essay_ids(["b/essay.txt"], known) == {"b/essay.txt": "b-essay"}
    assert essay_ids(["a/essay.txt", "b/essay.txt"], known) == {
        "a/essay.txt": "essay", "b/essay.txt": "b-essay"}
    assert essay_ids(["seeds/001_x.txt"], {}) == {"seeds/001_x.txt": "001_x"}  # as before
    ids = essay_ids(["x/a/e.txt", "y/a/e.txt", "a-e.txt"], {})
    assert len(set(ids.values())) == 3
    assert ids == essay_ids(list(reversed(ids)), {})  # order does not matter


def test_a_backslash_in_an_essay_file_name_does_not_break_link(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    write_essay(root / "e" / "back\\slash.txt", "copper")
    write_essay(root / "top\\level.txt", "tin")
    assert run_here(root, "ingest", "e", "top\\level.txt").returncode == 0
    done = run_here(root, "link")
    assert done.returncode == 0, done.stderr
    assert "gone" not in done.stderr and done.stderr.startswith("2 essays")


def test_keys_too_long_for_a_file_name_get_a_short_unique_one(tmp_path: Path) -> None:
    project = find_project(make_project(tmp_path, {}))
    keys = ["\U0001f600" * 60, "\u6f22" * 150, "\u6f22" * 149 + "\u5b57", "short2020key"]
    claim = AnnotationClaim(essay="e", line=1, quote="q", note=1, pinpoint=None,
                            relation="cited", score=1.0)
    library = make_library(annotations=[Annotation(key=k, summary=f"about {k[-1]}",
                                                   claims=(claim,)) for k in keys])
    save(plan_save(project, library))
    names = sorted(os.listdir(project.annotations_dir))
    assert len(names) == 4 and "short2020key.yaml" in names
    assert all(len(os.fsencode(n)) <= 255 for n in names)
    back = load_library(project)
    assert sorted(back.annotations) == sorted(keys)
    assert back.annotations["\u6f22" * 150].summary == "about \u6f22"
    assert plan_save(project, back) == {}
    listed = run_here(project.root, "list")
    assert listed.returncode == 0, listed.stderr
