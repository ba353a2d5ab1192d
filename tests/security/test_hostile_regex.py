"""Every module-level regular expression in relbib runs in linear time.

Issue 9, point 11: a probe found patterns that take quadratic time on long
repeated input ("John Smith and " × 50,000 took more than two minutes).  This
audit imports every module of relbib, collects every compiled pattern at module
level (alone or in a tuple, list or dict), and runs each over hostile strings:
generic ones and ones repeated from the pattern's own literal fragments.

It checks growth, not speed: for 10× the input a linear pattern takes about 10×
the time and a quadratic one 100×.  Each time is the best of three runs, a
pattern that stays under FLOOR seconds on the large input is not timed further
(noise), and a failing growth is measured once more before it counts, so a
loaded machine does not fail the test.

Run as a script to print every pattern's worst growth:
    .venv/bin/python tests/security/test_hostile_regex.py
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._parser as sre_parse
import time
from collections.abc import Iterator

import pytest

import relbib

SMALL, LARGE = 2_000, 20_000
LIMIT = 15.0  # linear gives 10, quadratic 100
FLOOR = 0.005  # seconds on the large input under which growth is noise
SLOW = 0.05  # seconds on the small input past which a pattern is already too slow

GENERIC = (
    "a", " ", "A. ", "John Smith and ", "{", "\\cite[", "1, ", "-", ". ", "(((", "a,", "aa ",
    "Smith, J., ", "1", "a.", "Ibid. ", "'", '"', "\\", "[", "ed. ", "in ", "A", "Aa ",
    "https://a", "a/", "=", "%", "*", "_", "#", "<a ", "$", "supra note 3, ", "A-", "\u201c",
    "@a", "[@a", "1-", "1.", "a b ", "AB ", "(a", "a)", ", ", "\n", "\n\n", "pp. 1",
)


def _modules() -> Iterator[object]:
    for info in pkgutil.walk_packages(relbib.__path__, "relbib."):
        if info.name.endswith("__main__"):
            continue  # running it starts the command line
        yield importlib.import_module(info.name)


def module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(module.NAME, pattern) for every distinct str pattern at module level."""
    seen: dict[tuple[str, int], tuple[str, re.Pattern[str]]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            items: list[tuple[str, object]] = [(name, value)]
            if isinstance(value, (tuple, list)):
                items = [(f"{name}[{i}]", v) for i, v in enumerate(value)]
            elif isinstance(value, dict):
                items = [(f"{name}[{k!r}]", v) for k, v in value.items()]
            for label, item in items:
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    seen.setdefault((item.pattern, item.flags),
                                    (f"{module.__name__}.{label}", item))  # type: ignore[attr-defined]
    return sorted(seen.values(), key=lambda pair: pair[0])


def _literals(pattern: re.Pattern[str]) -> list[str]:
    """The literal runs of a pattern and one character of each of its classes."""
    out: list[str] = []

    def walk(items: object) -> None:
        run: list[str] = []
        for op, av in items:  # type: ignore[attr-defined]
            name = str(op)
            if name == "LITERAL":
                run.append(chr(av))
                continue
            if run:
                out.append("".join(run))
                run = []
            if name == "SUBPATTERN":
                walk(av[-1])
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(av[2])
            elif name == "BRANCH":
                for branch in av[1]:
                    walk(branch)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(av[1])
            elif name == "ATOMIC_GROUP":
                walk(av)
            elif name == "IN":
                for o, a in av:
                    if str(o) == "LITERAL":
                        out.append(chr(a))
                    elif str(o) == "RANGE":
                        out.append(chr(a[0]))
        if run:
            out.append("".join(run))

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    return [s for s in dict.fromkeys(out) if s.strip() or s == " "]


def hostile_fragments(pattern: re.Pattern[str]) -> list[str]:
    """Generic hostile fragments and ones made of the pattern's own pieces."""
    pieces = _literals(pattern)
    made = [*pieces[:20], *(p + " " for p in pieces[:10]), *("A" + p for p in pieces[:10])]
    if pieces:
        made += ["".join(pieces[:6]), " ".join(pieces[:6]) + " "]
    return list(dict.fromkeys([*GENERIC, *made]))


def repeated(fragment: str, size: int) -> str:
    return (fragment * (size // len(fragment) + 1))[:size]


def _time(pattern: re.Pattern[str], text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for _match in pattern.finditer(text):
            pass
        best = min(best, time.process_time() - start)
    return best


def growth(pattern: re.Pattern[str], fragment: str) -> tuple[float, float, float] | None:
    """(growth ratio, small time, large time), or None when too fast to measure."""
    small = _time(pattern, repeated(fragment, SMALL), 1)
    if small > SLOW:
        small = _time(pattern, repeated(fragment, SMALL), 3)
        if small > SLOW:
            return float("inf"), small, float("nan")
    large = _time(pattern, repeated(fragment, LARGE), 1)
    if large < FLOOR:
        return None
    large = _time(pattern, repeated(fragment, LARGE), 3)
    small = _time(pattern, repeated(fragment, SMALL), 3)
    if large < FLOOR:
        return None
    return large / max(small, 1e-6), small, large


def worst_growth(pattern: re.Pattern[str]) -> tuple[float, str, float, float] | None:
    """The fragment on which the pattern grows fastest, if any is measurable."""
    worst: tuple[float, str, float, float] | None = None
    for fragment in hostile_fragments(pattern):
        found = growth(pattern, fragment)
        if found is None:
            continue
        if found[0] > LIMIT:  # measure again: one slow run of a busy machine is no verdict
            found = growth(pattern, fragment) or found
        if worst is None or found[0] > worst[0]:
            worst = (found[0], fragment, found[1], found[2])
    return worst


PATTERNS = module_patterns()


def test_the_audit_finds_the_patterns_of_every_stage() -> None:
    names = {name.rsplit(".", 1)[0] for name, _ in PATTERNS}
    assert len(PATTERNS) > 250
    for module in ("relbib.parse.patterns", "relbib.check.latex", "relbib.notes",
                   "relbib.resolve", "relbib.ingest.sentences"):
        assert any(n.startswith(module) for n in names), module


def test_the_audit_catches_a_quadratic_pattern() -> None:
    """The measure itself can fail: the pattern EDITORS_THEN_CONTAINER had."""
    quadratic = re.compile(r"^(?P<editors>[^()]*[^\W\d_][^()]*\(eds?\.?\))")
    found = worst_growth(quadratic)
    assert found is not None and found[0] > LIMIT


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_time_grows_linearly(name: str, pattern: re.Pattern[str]) -> None:
    found = worst_growth(pattern)
    if found is not None:
        ratio, fragment, small, large = found
        assert ratio <= LIMIT, (
            f"{name} grows {ratio:.0f}x on {fragment!r} repeated "
            f"({small * 1e3:.1f} ms at {SMALL} chars, {large * 1e3:.0f} ms at {LARGE})")


if __name__ == "__main__":
    print(len(PATTERNS), "patterns")
    for name, pattern in PATTERNS:
        started = time.process_time()
        result = worst_growth(pattern)
        mark = "FAIL" if result and result[0] > LIMIT else "ok  "
        detail = "" if result is None else f"{result[0]:6.1f}x on {result[1]!r} " \
            f"({result[2] * 1e3:.1f} -> {result[3] * 1e3:.0f} ms)"
        print(f"{mark} {name} {detail} [{time.process_time() - started:.1f}s]", flush=True)
