"""workspace.py: project discovery, reading text, loading and saving the library."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from relbib.diagnostics import InputError
from relbib.library.core import make_library
from relbib.model import Annotation, Entry, Name, freeze_fields
from relbib.workspace import (
    annotation_path,
    find_project,
    iter_essay_paths,
    load_library,
    plan_save,
    read_text,
    read_text_file,
    save,
    write_atomic,
)


def test_default_project_is_bib_and_annotations(tmp_path: Path) -> None:
    project = find_project(tmp_path)
    assert project.sources_bib == (tmp_path / "bib" / "sources.bib").resolve()
    assert project.annotations_dir == (tmp_path / "annotations").resolve()


def test_nearest_config_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.relbib]\nbib_dir = "refs"\n')
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')  # no relbib
    project = find_project(tmp_path / "sub" / "deeper")
    assert project.root == tmp_path.resolve()
    assert project.bib_dir == (tmp_path / "refs").resolve()
    (tmp_path / "sub" / "relbib.toml").write_text('annotations_dir = "notes"\n')
    assert find_project(tmp_path / "sub" / "deeper").annotations_dir == (
        tmp_path / "sub" / "notes").resolve()


def test_override_is_the_project_root(tmp_path: Path) -> None:
    assert find_project(Path("/"), tmp_path).bib_dir == (tmp_path / "bib").resolve()


@pytest.mark.parametrize(
    ("data", "problem"),
    [(None, "no such file"), (b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary")],
)
def test_unreadable_files_name_the_path(tmp_path: Path, data: bytes | None, problem: str) -> None:
    path = tmp_path / "x.bib"
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    assert problem in str(caught.value) and str(path) in str(caught.value)


def test_encodings(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("\ufeffMüller\r\n".encode())
    assert read_text_file(path) == "Müller\n"
    path.write_bytes("Müller – 1".encode("cp1252"))
    decoded = read_text(path)
    assert decoded.text == "Müller – 1" and decoded.encoding == "cp1252" and decoded.note
    path.write_bytes("Müller".encode("utf-16"))
    assert read_text_file(path) == "Müller"


def test_essay_paths(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "sub/c.html", "sub/skip.pdf", ".hidden/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = iter_essay_paths([tmp_path, tmp_path / "a.txt"])
    assert found == [tmp_path / "a.txt", tmp_path / "b.md", tmp_path / "sub" / "c.html"]
    with pytest.raises(InputError):
        iter_essay_paths([tmp_path / "missing"])


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "sources.bib"
    write_atomic(target, "a\r\nb\n")
    write_atomic(target, "c\n")
    assert target.read_bytes() == b"c\n"
    assert os.listdir(target.parent) == ["sources.bib"]


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "bad \udc80 surrogate")
    assert target.read_text() == "old\n" and os.listdir(tmp_path) == ["a.yaml"]


def test_keys_never_leave_the_annotations_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        annotation_path(find_project(tmp_path), "../escape")


def _library_files(tmp_path: Path) -> None:
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "sources.bib").write_text(
        "% kept\n@article{khan2021russia,\n  author = {Khan, Imran},\n"
        "  title = {Russia},\n  year = {2021},\n}\n")
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "khan2021russia.yaml").write_text(
        "key: khan2021russia\nsummary: mine  # a person's comment\ntags: [a]\nclaims: []\n")


def test_load_then_plan_nothing_when_nothing_changed(tmp_path: Path) -> None:
    _library_files(tmp_path)
    project = find_project(tmp_path)
    library = load_library(project)
    assert list(library.sources) == ["khan2021russia"]
    assert library.annotations["khan2021russia"].summary == "mine"
    assert plan_save(project, library) == {}


def test_save_writes_only_what_changed(tmp_path: Path) -> None:
    _library_files(tmp_path)
    project = find_project(tmp_path)
    library = load_library(project)
    new = Entry(key="abbas2016russias", type="misc", fields=freeze_fields(
        {"author": (Name(family="Abbas", given="Khurram"),), "title": "Russia’s Revival"}))
    changed = make_library(sources=[*library.sources.values(), new],
                           annotations=[*library.annotations.values(),
                                        Annotation(key="abbas2016russias")],
                           sources_doc=library.sources_doc)
    plan = plan_save(project, changed)
    assert sorted(p.name for p in plan) == ["abbas2016russias.yaml", "sources.bib"]
    save(plan)
    text = project.sources_bib.read_text(encoding="utf-8")
    assert text.startswith("% kept\n@article{khan2021russia,")
    again = load_library(project)
    assert set(again.sources) == {"khan2021russia", "abbas2016russias"}
    assert plan_save(project, again) == {}


def test_broken_library_file_is_an_input_error_with_line(tmp_path: Path) -> None:
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "sources.bib").write_text(
        "@misc{a, title = {ok}}\n\n@misc{b, title = {open\n")
    with pytest.raises(InputError) as caught:
        load_library(find_project(tmp_path))
    assert caught.value.line == 3 and caught.value.path.endswith("sources.bib")


def test_annotation_file_name_must_be_a_safe_key(tmp_path: Path) -> None:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "a b.yaml").write_text("summary: x\n")
    with pytest.raises(InputError):
        load_library(find_project(tmp_path))


def test_an_unsafe_key_is_an_input_error_not_a_path(tmp_path: Path) -> None:
    library = make_library(annotations=[Annotation(key="../../etc/x")])
    with pytest.raises(InputError):
        plan_save(find_project(tmp_path), library)
    assert not (tmp_path / "annotations").exists()
