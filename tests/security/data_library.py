"""Helpers for the data-loss tests (issue 9, points 7-10): relbib runs on a
library in a temporary folder, real processes where the test needs one (a kill,
two runs at once, a lock held by another process), else in this process."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import clirun

REPO = Path(__file__).resolve().parents[2]
RELBIB = REPO / ".venv" / "bin" / "relbib"
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def make_project(root: Path, groups: dict[str, list[Path]]) -> Path:
    """A project at ``root`` with a relbib.toml and essay folders ``groups``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "relbib.toml").write_text("")
    for folder, essays in groups.items():
        (root / folder).mkdir(parents=True, exist_ok=True)
        for essay in essays:
            shutil.copy(essay, root / folder / essay.name)
    return root


def relbib(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(RELBIB), *args], cwd=root, capture_output=True, text=True,
                          timeout=120)


def run_here(root: Path, *args: str) -> clirun.Done:
    """``relbib ARGS`` in ``root``, in this process: for a run that prepares a
    library, or one whose process proves nothing a real one would."""
    return clirun.relbib(*args, cwd=root)


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([str(RELBIB), *args], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def library_state(root: Path) -> dict[str, bytes]:
    """Every file of the library (bib/ and annotations/), by relative path."""
    state: dict[str, bytes] = {}
    for folder in ("bib", "annotations"):
        base = root / folder
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file():
                    state[str(path.relative_to(root))] = path.read_bytes()
    return state


def leftovers(root: Path) -> list[str]:
    """Temp files, staging folders and journals a write left behind."""
    found = []
    for path in root.rglob(".*"):
        name = path.name
        if name.startswith((".relbib-staging-", ".relbib-journal")) or name.endswith(
                (".tmp", ".staged")):
            found.append(str(path.relative_to(root)))
    return sorted(found)


def write_essay(path: Path, topic: str, count: int = 6) -> Path:
    """A footnoted essay on ``topic`` whose ``count`` notes cite distinct books."""
    body = [f"On {topic}", ""]
    notes = ["Footnotes :", ""]
    for n in range(1, count + 1):
        body.append(f"The {topic} question had its turn in year {1900 + n} as records show.{n}")
        body.append("")
        notes.append(f"{n}. Jane {topic.title()}{n}son, ‘The {topic.title()} Question, Part {n}’, "
                     f"Journal of {topic.title()} Studies {n}(1), {1990 + n}, pp. {n}1-{n}9.")
        notes.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(body + notes), encoding="utf-8")
    return path


SEED_WITH_NOTES = REPO / "seeds" / "001_41046a53b65da8e6.txt"


def two_groups(root: Path) -> Path:
    """A project with essay folders a/ and b/: each cites sources of its own
    (copper, tin) and, through a copy of the same seed under another name,
    the same sources as the other, so both write the same annotation files."""
    make_project(root, {})
    write_essay(root / "a" / "copper.txt", "copper")
    write_essay(root / "b" / "tin.txt", "tin")
    shutil.copy(SEED_WITH_NOTES, root / "a" / "one.txt")
    shutil.copy(SEED_WITH_NOTES, root / "b" / "two.txt")
    return root
