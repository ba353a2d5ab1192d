"""Hostile and huge input is read to the right result in bounded memory (issue 9, point 11).

Each case feeds a reader or scanner the input the probe found quadratic (an
argument never closed, a fragment repeated) and checks what a user would:
it finishes, the hostile part is reported or yields no entry, the text around
it still reads right, and memory stays bounded.  Speed itself is measured by
benchmarks/hostile.py, which prints the growth ratios: no timed assertion here.
The cases run in one child process with a generous timeout, so a regression to
quadratic work fails the test instead of hanging the suite.  Oversized input is
refused with exit 3 and a message naming the file.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run_cli  # tests/security

from relbib.check.drafts import scan_draft
from relbib.model import FullRef
from relbib.workspace import MAX_INPUT_BYTES

SIZE = 200_000  # characters of hostile text per case
HANG = 120  # seconds: linear work takes a few; the probe's quadratic cases took hours
ROE = "1. Jane Roe, A Book (Oxford: Clarendon, 2001), 4.\n"
CLAIM = ('  - essay: essays/one.txt\n    line: 7\n    note: 3\n'
         '    quote: "A claim the source supports."\n')


def repeat(fragment: str, size: int) -> str:
    return (fragment * (size // len(fragment) + 1))[:size]


def _peak_bytes(run: Any) -> tuple[Any, int]:
    """What ``run`` returns and how far it raised this process's peak memory
    (the high-water mark of its resident size, after a small warm-up run has
    imported and loaded everything); tracemalloc would be exact but makes the
    run several times slower.  A run that stays under the warm-up's peak
    counts as 0: the bound is for memory that grows with the input."""
    from relbib.pipeline import parse_list
    parse_list("Notes\n\n" + ROE + "2. supra note 1, 3.\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result = run()
    return result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before


def _notes(fragment: str, memory: bool = False) -> dict[str, Any]:
    from relbib.pipeline import parse_list
    text = "Notes\n\n" + ROE + "2. " + repeat(fragment, SIZE) + "\n"
    result, peak = _peak_bytes(lambda: parse_list(text)) if memory else (parse_list(text), 0)
    first = result.notes[0].reference
    fields = first.fields if isinstance(first, FullRef) else {}
    return {"notes": len(result.notes), "entries": len(result.entries), "peak": peak,
            "first_title": fields.get("title"), "first_year": fields.get("year")}


def _draft(fragment: str) -> dict[str, Any]:
    scan = scan_draft(repeat(fragment, SIZE) + "\n\n\\cite{roe2001}\n", path="draft.tex")
    assert scan is not None
    return {"keys": [c.key for c in scan.citations],
            "unclosed": sum("never closed" in d.message for d in scan.diagnostics)}


def _annotation() -> dict[str, Any]:
    from relbib.formats.annotations import read_annotation
    count = 1_000_000 // len(CLAIM)
    text = "key: roe2001\nsummary: A summary.\nclaims:\n" + CLAIM * count
    annotation = read_annotation(text, path="annotations/roe2001.yaml")
    return {"claims": len(annotation.claims), "expected": count,
            "last": [annotation.claims[-1].quote, annotation.claims[-1].line], "summary": annotation.summary}


def outcomes() -> dict[str, Any]:
    """What each hostile input gives; run in the child process."""
    supra = _notes("supra note 3, ", memory=True)  # first: the peak is its own
    return {
        "cite": _draft("\\cite["),
        "bibliography": _draft("\\bibliography{"),
        "editors": _notes("John Smith and "),
        "supra": supra,
        "annotation": _annotation(),
    }


@pytest.fixture(scope="module")
def hostile() -> dict[str, Any]:
    """The outcomes, computed once in a child process that may not hang."""
    here = Path(__file__).resolve()
    code = (f"import sys, json; sys.path.insert(0, {str(here.parent)!r}); "
            "import test_hostile_inputs as t; print(json.dumps(t.outcomes()))")
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=HANG, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"hostile input still being read after {HANG} s: quadratic work is back")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", ["cite", "bibliography"])
def test_an_unclosed_argument_repeated_in_a_draft_is_reported_and_the_rest_still_read(
        hostile: dict[str, Any], case: str) -> None:
    outcome = hostile[case]
    assert outcome["keys"] == ["roe2001"]  # the real citation after the junk is found
    assert outcome["unclosed"] >= 1


def test_an_unclosed_cite_is_still_reported_once_per_command() -> None:
    scan = scan_draft("\\cite[p. 3{a}\n\\cite[x]{k}\n\n\\cite{b}", path="d.tex")
    assert scan is not None
    assert [c.key for c in scan.citations] == ["k", "b"]
    assert ["never closed" in d.message for d in scan.diagnostics] == [True]


@pytest.mark.parametrize("case", ["editors", "supra"])
def test_a_note_of_one_fragment_repeated_makes_no_entry_and_spoils_no_neighbour(
        hostile: dict[str, Any], case: str) -> None:
    outcome = hostile[case]
    assert outcome["notes"] == 2
    assert outcome["entries"] == 1  # names alone, or a supra to a missing note, are no work
    assert (outcome["first_title"], outcome["first_year"]) == ("A Book", "2001")


def test_supra_note_repeated_parses_in_bounded_memory(hostile: dict[str, Any]) -> None:
    """The probe saw 1.6 GB for 700 KB; linear work needs a few hundred bytes a character."""
    assert hostile["supra"]["peak"] < 500 * SIZE, f"{hostile['supra']['peak'] / 1e6:.0f} MB"


def test_a_one_megabyte_annotation_reads_every_claim(hostile: dict[str, Any]) -> None:
    outcome = hostile["annotation"]
    assert outcome["claims"] == outcome["expected"]
    assert outcome["last"] == ["A claim the source supports.", 7]
    assert outcome["summary"] == "A summary."


@pytest.mark.parametrize("command", ["parse", "check"])
def test_an_oversized_input_is_refused_naming_the_file(
        tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    name = "huge.txt" if command == "parse" else "huge.tex"
    huge = tmp_path / name
    with huge.open("wb") as f:  # a sparse file: no disk is spent
        f.truncate(MAX_INPUT_BYTES + 1)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, command, str(huge))
    assert code == 3
    assert name in err and "larger than relbib reads" in err
