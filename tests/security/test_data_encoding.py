"""Issue 9, point 9: what relbib rewrites keeps what it did not mean to change.

A .bib or annotation file comes back in its own encoding (UTF-8, Latin-1,
UTF-8 with a BOM), with its own line endings (LF, CRLF); a stray Latin-1
byte in a UTF-8 file stays that byte; YAML comments and a person's own keys
inside claims survive a rewrite; a "% comment" after a macro value is not a
field.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relbib.formats.annotations import read_annotation
from relbib.library.core import make_library
from relbib.model import Annotation, AnnotationClaim, Entry, freeze_fields
from relbib.workspace import find_project, load_library, plan_save, save

NEW = Entry(key="zz2024new", type="misc", fields=freeze_fields({"title": "Added by relbib"}))
FORMS = {"utf-8": ("utf-8", b""), "latin-1": ("latin-1", b""),
         "utf-8-sig": ("utf-8", codecs.BOM_UTF8)}


def _project(root: Path, bib: bytes) -> Path:
    (root / "bib").mkdir(parents=True, exist_ok=True)
    (root / "relbib.toml").write_text("")
    (root / "bib" / "sources.bib").write_bytes(bib)
    return root / "bib" / "sources.bib"


def _add_entry(root: Path) -> None:
    project = find_project(root)
    library = load_library(project)
    changed = make_library(sources=[*library.sources.values(), NEW],
                           annotations=library.annotations.values(),
                           sources_doc=library.sources_doc)
    save(plan_save(project, changed))


def test_a_stray_latin1_byte_stays_that_byte(tmp_path: Path) -> None:
    original = ("@misc{a2020one,\n  title = {Caf\u00e9 in UTF-8},\n}\n\n".encode()
                + b"@misc{b2020two,\n  title = {Caf\xe9 in Latin-1},\n}\n")
    bib = _project(tmp_path, original)
    library = load_library(find_project(tmp_path))
    assert library.sources["a2020one"].fields["title"] == "Café in UTF-8"
    assert library.sources["b2020two"].fields["title"] == "Café in Latin-1"
    _add_entry(tmp_path)
    after = bib.read_bytes()
    assert after.startswith(original)  # not one byte of the old blocks changed
    assert after[len(original):].decode("utf-8").count("Added by relbib") == 1
    assert "Caf\u00c3" not in after.decode("utf-8", "replace")  # no mojibake


def test_crlf_bom_and_latin1_are_kept_on_rewrite(tmp_path: Path) -> None:
    for name, (encoding, bom) in FORMS.items():
        root = tmp_path / name
        text = "% mine\r\n@misc{a2020one,\r\n  title = {Stra\u00dfe},\r\n}\r\n"
        bib = _project(root, bom + text.encode(encoding))
        _add_entry(root)
        after = bib.read_bytes()
        assert after.startswith(bom + text.encode(encoding)), name
        body = after[len(bom):].decode(encoding)
        assert "Added by relbib" in body and body.count("\n") == body.count("\r\n"), name


def test_a_comment_after_a_macro_is_not_a_field(tmp_path: Path) -> None:
    original = (b"@string{jst = {Journal of Stuff}}\n@article{x2000t,\n  journal = jst, % the journal\n"
                b"  year = 2000,\n  title = {T},\n}\n")
    bib = _project(tmp_path, original)
    entry = load_library(find_project(tmp_path)).sources["x2000t"]
    assert set(entry.fields) == {"journal", "year", "title"}
    assert entry.fields["journal"] == "Journal of Stuff"
    _add_entry(tmp_path)
    assert bib.read_bytes().startswith(original)
    assert bib.read_bytes().count(b"year") == 1


def test_yaml_comments_and_a_persons_claim_keys_survive_a_rewrite(tmp_path: Path) -> None:
    (tmp_path / "relbib.toml").write_text("")
    (tmp_path / "annotations").mkdir()
    path = tmp_path / "annotations" / "k2020t.yaml"
    original = ("\ufeffkey: k2020t\r\nsummary: mine  # a person's comment\r\ntags: [a]\r\n"
                "reading: done  # my own key\r\nclaims:\r\n  # the first claim\r\n"
                "  - essay: e1\r\n    line: 3\r\n    quote: \"Q one\"\r\n    note: 1\r\n"
                "    pinpoint: null\r\n    relation: cited\r\n    score: 1.0\r\n"
                "    checked_by: ana  # a person's key inside a claim\r\n")
    path.write_bytes(original.encode("utf-8"))
    project = find_project(tmp_path)
    library = load_library(project)
    old = library.annotations["k2020t"]
    added = AnnotationClaim(essay="e2", line=9, quote="Q two", note=4, pinpoint=None,
                            relation="cited", score=1.0)
    changed = make_library(annotations=[Annotation(
        key="k2020t", summary=old.summary, tags=old.tags, extra=old.extra,
        claims=(*old.claims, added))])
    save(plan_save(project, changed))
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    text = data[3:].decode("utf-8")
    assert text.count("\n") == text.count("\r\n")
    for kept in ("# a person's comment", "reading: done  # my own key", "# the first claim",
                 "checked_by: ana  # a person's key inside a claim", "quote: \"Q one\""):
        assert kept in text
    back = read_annotation(text.replace("\r\n", "\n"), path=str(path))
    assert [c.essay for c in back.claims] == ["e1", "e2"]


# --- any .bib relbib rewrites without meaning to change it comes back byte-identical ---

_TEXT = st.text(st.characters(codec="latin-1", exclude_categories=("Cc", "Cs")).filter(
    lambda c: c not in "{}\\%@#\"$&^_~"), min_size=1, max_size=30).filter(
    lambda t: t.strip() == t)


@st.composite
def _bib_files(draw: st.DrawFn) -> tuple[str, bytes, str]:
    titles = draw(st.lists(_TEXT, min_size=1, max_size=4))
    comment = draw(st.sampled_from(["", "% a comment\n", "Free text between blocks.\n\n"]))
    blocks = [f"@misc{{k{n}2020x,\n  title = {{{title}}},\n  year = 2020,\n}}\n"
              for n, title in enumerate(titles)]
    text = comment + "\n".join(blocks)
    name = draw(st.sampled_from(sorted(FORMS)))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    encoding, bom = FORMS[name]
    return name, bom + text.replace("\n", newline).encode(encoding), newline


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=_bib_files())
def test_any_bib_comes_back_byte_identical(tmp_path_factory, case: tuple[str, bytes, str]) -> None:  # type: ignore[no-untyped-def]
    name, original, newline = case
    root = tmp_path_factory.mktemp("bib")
    bib = _project(root, original)
    project = find_project(root)
    assert plan_save(project, load_library(project)) == {}  # nothing to change: nothing written
    _add_entry(root)
    after = bib.read_bytes()
    assert after.startswith(original)
    encoding, bom = FORMS[name]
    tail = after[len(original):].decode(encoding)
    assert "Added by relbib" in tail
    assert tail.count("\n") == tail.count(newline) if newline == "\n" else \
        tail.count("\n") == tail.count("\r\n")
    library = load_library(project)
    assert plan_save(project, library) == {}  # and it reads back to what was written
