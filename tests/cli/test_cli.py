"""The CLI contract: commands, streams, JSON shapes and exit codes (DESIGN.md)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from clirun import Done, relbib_script
from clirun import relbib as run

REPO = Path(__file__).resolve().parent.parent.parent
SEEDS = REPO / "seeds"
COMMANDS = ["parse", "ingest", "link", "check", "render", "export", "list", "show", "search", "build"]


def relbib(*args: str, cwd: Path, stdin: str | None = None) -> Done:
    return run(*args, cwd=cwd, stdin=stdin, env={"NO_COLOR": None})


def assert_no_traceback(proc: Done | subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str, tmp_path: Path) -> None:
    proc = relbib(command, "--help", cwd=tmp_path)
    assert proc.returncode == 0
    assert "Usage" in proc.stdout
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"relbib {command}\b", readme), f"README does not document `relbib {command}`"


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    proc = relbib("ingest", "--no-such-option", cwd=tmp_path)
    assert proc.returncode == 2
    assert_no_traceback(proc)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A fresh project holding a copy of the seeds."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "relbib.toml").write_text("", encoding="utf-8")
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for folder in ("bib", "annotations") if (root / folder).exists()
        for p in sorted((root / folder).rglob("*")) if p.is_file()
    }


def test_ingest_then_check_then_reingest_changes_nothing(library: Path) -> None:
    assert relbib("ingest", "--check", "seeds", cwd=library).returncode == 1
    first = relbib("ingest", "seeds", cwd=library)
    assert first.returncode == 0, first.stderr
    before = snapshot(library)
    assert any(name.startswith("bib/") for name in before)
    again = relbib("ingest", "seeds", cwd=library)
    assert again.returncode == 0
    assert snapshot(library) == before
    check = relbib("ingest", "--check", "seeds", cwd=library)
    assert check.returncode == 0, check.stderr


def test_ingest_json_shape(library: Path) -> None:
    proc = relbib("ingest", "--dry-run", "--format", "json", "seeds/001_41046a53b65da8e6.txt", cwd=library)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    essay = data["essays"][0]
    assert essay["id"] == "001_41046a53b65da8e6"
    note = essay["notes"][6]
    assert note["n"] == 7 and note["form"] == "opcit" and note["refers_to"] == 3 and note["pinpoint"] == "159"
    assert set(note["marker"]) == {"line", "column", "offset"}
    assert set(note["claim"]) == {"text", "line", "start", "end"}
    assert len(set(data["added"])) == 13
    assert snapshot(library) == {}  # --dry-run wrote nothing


def test_person_written_annotation_survives_reingest(library: Path) -> None:
    assert relbib("ingest", "seeds", cwd=library).returncode == 0
    target = sorted((library / "annotations").glob("*.yaml"))[0]
    text = target.read_text(encoding="utf-8")
    edited = re.sub(r'^summary:.*$', 'summary: "A person wrote this."', text, count=1, flags=re.M)
    edited = re.sub(r'^tags:.*$', "tags: [strategy, energy]", edited, count=1, flags=re.M)
    assert edited != text
    target.write_text(edited, encoding="utf-8")
    assert relbib("ingest", "seeds", cwd=library).returncode == 0
    after = target.read_text(encoding="utf-8")
    assert "A person wrote this." in after
    assert "energy" in after


def test_list_show_search_json(library: Path) -> None:
    assert relbib("ingest", "seeds", cwd=library).returncode == 0
    listed = json.loads(relbib("list", "--format", "json", cwd=library).stdout)["entries"]
    assert len(listed) == 13
    key = next(e["key"] for e in listed if e["fields"].get("doi") == "10.1134/S1019331621020106")
    shown = json.loads(relbib("show", key, "--format", "json", cwd=library).stdout)["entries"][0]
    assert shown["fields"]["journal"] == "Herald of the Russian Academy of Sciences"
    assert {c["note"] for c in shown["annotation"]["claims"]} == {3, 7, 17}
    found = json.loads(relbib("search", "herald russian", "--format", "json", cwd=library).stdout)
    assert [e["key"] for e in found["entries"]] == [key]
    missing = relbib("show", key + "x", cwd=library)
    assert missing.returncode == 3 and key in missing.stderr  # did-you-mean


def test_parse_reads_a_notes_section_from_stdin(tmp_path: Path) -> None:
    notes = (
        "1. Jane Smith, ‘A Study of Things’, Journal of Studies 12(3), 2019, pp. 45-67.\n"
        "2. Ibid., p. 50.\n"
        "3. Smith, op. cit., p. 60.\n"
    )
    proc = relbib("parse", "-", "--format", "json", cwd=tmp_path, stdin=notes)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [n["form"] for n in data["notes"]] == ["full", "ibid", "opcit"]
    assert [n["pinpoint"] for n in data["notes"]][1:] == ["50", "60"]
    assert len(data["entries"]) == 1
    entry = data["entries"][0]
    assert entry["fields"]["author"] == [{"family": "Smith", "given": "Jane"}]
    assert entry["fields"]["pages"] == "45--67"
    assert {n["key"] for n in data["notes"]} == {entry["key"]}


BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n \n",
    "binary.txt": bytes(range(256)) * 8,
}
# Numbering faults are read, every note kept, with a warning naming file and line (issue 10).
MISNUMBERED = {
    "gaps.txt": "A claim.1 Another claim.2 More.4\n\nNotes\n\n1. A. B, ‘T’, J 1(1), 2001.\n2. Ibid.\n4. Ibid.\n".encode(),
    "dupes.txt": "A claim.1 Another claim.2 More.3\n\nNotes\n\n1. A. B, ‘T’, J 1(1), 2001.\n2. Ibid.\n2. Ibid.\n".encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_essays_exit_3_naming_the_file(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(BAD_INPUTS[name])
    proc = relbib("ingest", "--dry-run", name, cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    assert name in proc.stderr
    assert_no_traceback(proc)


@pytest.mark.parametrize("name", sorted(MISNUMBERED))
def test_misnumbered_notes_are_read_with_a_warning_naming_the_file(name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(MISNUMBERED[name])
    proc = relbib("ingest", "--dry-run", name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert re.search(rf"{re.escape(name)}:7\b.*(?:missing|numbered twice)", proc.stderr), proc.stderr
    assert_no_traceback(proc)


def test_unbalanced_bib_exits_3_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "sources.bib").write_text(
        "@article{good, title = {Fine}, year = {2001}}\n\n@book{broken,\n  title = {Unclosed,\n  year = 2001\n",
        encoding="utf-8",
    )
    proc = relbib("list", cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    assert re.search(r"sources\.bib:3\b", proc.stderr), proc.stderr
    assert_no_traceback(proc)


def test_the_installed_script_reads_stdin_and_keeps_the_exit_codes(tmp_path: Path) -> None:
    """The console script itself (a subprocess): the other tests run relbib in-process."""
    parsed = relbib_script("parse", "-", "--format", "json", cwd=tmp_path,
                           stdin="1. Jane Smith, ‘A Study’, Journal of Studies 12(3), 2019, 45-67.\n")
    assert parsed.returncode == 0, parsed.stderr
    assert [n["form"] for n in json.loads(parsed.stdout)["notes"]] == ["full"]
    usage = relbib_script("ingest", "--no-such-option", cwd=tmp_path)
    assert usage.returncode == 2
    (tmp_path / "empty.txt").write_bytes(b"")
    bad = relbib_script("ingest", "--dry-run", "empty.txt", cwd=tmp_path)
    assert bad.returncode == 3 and "empty.txt" in bad.stderr
    assert_no_traceback(usage)
    assert_no_traceback(bad)
