"""Hostile and huge input completes in linear time and bounded memory (issue 9, point 11).

Each case runs on 10 KB and on 100 KB of the same hostile text and compares
the two by ratio (CPU time, best of three; tracemalloc peak), never by an
absolute bar: linear work grows 10×, quadratic 100×.  Oversized input is
refused with exit 3 and a message naming the file.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import run_cli  # tests/security

from relbib.check.drafts import scan_draft
from relbib.formats.annotations import read_annotation
from relbib.pipeline import parse_list
from relbib.workspace import MAX_INPUT_BYTES

SMALL, LARGE = 10_000, 100_000
LIMIT = 15.0  # 10x input, at most 15x time


def repeat(fragment: str, size: int) -> str:
    return (fragment * (size // len(fragment) + 1))[:size]


def cpu_seconds(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def peak_bytes(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def assert_linear(make: Callable[[str], Callable[[], object]], fragment: str) -> None:
    small, large = make(repeat(fragment, SMALL)), make(repeat(fragment, LARGE))
    small()  # warm up: models and lexicons load once
    t_small, t_large = cpu_seconds(small), cpu_seconds(large)
    if t_large > 0.05:  # under that, the ratio is clock noise
        assert t_large / t_small <= LIMIT, f"{t_small:.3f}s -> {t_large:.3f}s"


def note_list(body: str) -> Callable[[], object]:
    text = "Notes\n\n1. Jane Roe, A Book (Oxford: Clarendon, 2001), 4.\n2. " + body + "\n"
    return lambda: parse_list(text)


def latex(body: str) -> Callable[[], object]:
    return lambda: scan_draft(body, path="draft.tex")


def test_an_unclosed_cite_in_a_draft_is_scanned_in_linear_time() -> None:
    assert_linear(latex, "\\cite[")
    assert_linear(latex, "\\bibliography{")


def test_an_unclosed_cite_is_still_reported_once_per_command() -> None:
    scan = scan_draft("\\cite[p. 3{a}\n\\cite[x]{k}\n\n\\cite{b}", path="d.tex")
    assert scan is not None
    assert [c.key for c in scan.citations] == ["k", "b"]
    assert ["never closed" in d.message for d in scan.diagnostics] == [True]


def test_editors_repeated_in_a_note_parse_in_linear_time() -> None:
    assert_linear(note_list, "John Smith and ")


def test_supra_note_repeated_parses_in_linear_time_and_memory() -> None:
    assert_linear(note_list, "supra note 3, ")
    small = peak_bytes(note_list(repeat("supra note 3, ", SMALL)))
    large = peak_bytes(note_list(repeat("supra note 3, ", LARGE)))
    assert large / small <= LIMIT, f"{small / 1e6:.1f} MB -> {large / 1e6:.1f} MB"


def test_a_one_megabyte_annotation_reads_in_linear_time() -> None:
    claim = ("  - essay: essays/one.txt\n    note: 3\n    text: \"A claim the source"
             " supports.\"\n")

    def make(body: str) -> Callable[[], object]:
        text = "key: roe2001\nsummary: A summary.\nclaims:\n" + claim * (len(body) // len(claim))
        return lambda: read_annotation(text, path="annotations/roe2001.yaml")

    assert_linear(make, "x")
    one_mb = "key: roe2001\nclaims:\n" + claim * (1_000_000 // len(claim))
    assert len(read_annotation(one_mb, path="roe2001.yaml").claims) == 1_000_000 // len(claim)


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
