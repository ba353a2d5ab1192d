"""Every module-level regular expression in relbib runs in linear time.

Issue 9, point 11: a probe found patterns that take quadratic time on long
repeated input ("John Smith and " × 50,000 took more than two minutes).  This
audit imports every module of relbib, collects every compiled pattern at module
level (alone or in a tuple, list or dict), and runs each over hostile strings:
a small generic set and ones repeated from the pattern's own literal fragments.
Each string is whole repetitions of its fragment closed by a NUL, so a pattern
that ends in ``$`` or waits for a closer fails at every start, the way
hostile input makes it fail.

It checks growth, not speed: for 10× the input (SMALL, then LARGE characters)
a linear pattern takes about 10× the CPU time and a quadratic one 100×.  Each
fragment is timed once at each size and is done with as soon as it is clearly
linear: the large run is under FLOOR seconds (a quadratic pattern does about
n²/2 steps, some 100 ms at LARGE, so a run that fast cannot hide one), or it
grew at most LIMIT times.  A small run over SLOW seconds fails at once, before
a large run that could take minutes.  A growth over LIMIT is measured again,
in two rounds of best of five at twice the sizes, before it counts, so a
loaded machine does not fail the test.

Run as a script to print every pattern's worst growth and the audit's time:
    .venv/bin/python tests/security/test_hostile_regex.py
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import re._parser as sre_parse
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import relbib

pytestmark = pytest.mark.audit

SMALL, LARGE = 500, 5_000
LIMIT = 15.0  # linear gives 10, quadratic 100
FLOOR = 0.002  # seconds at LARGE under which no quadratic work can hide
SLOW = 0.02  # seconds at SMALL past which a pattern fails without a large run
END = "\x00"  # closes every hostile string: no pattern expects it

GENERIC = (  # letters, spaces, lines, names, numbers, brackets, quotes, markup
    "a", "A", " ", "\n", "\n\n", "A. ", "John Smith and ", "1, ", "(((", "{", "[",
    "\\", "'", "\u201c", "supra note 3, ", "https://a", "Smith, J., ",
)


def _modules() -> Iterator[object]:
    for info in pkgutil.walk_packages(relbib.__path__, "relbib."):
        if info.name.endswith("__main__"):
            continue  # running it starts the command line
        yield importlib.import_module(info.name)


_SOURCES = "\n".join(path.read_text(encoding="utf-8")
                     for path in Path(relbib.__file__).parent.rglob("*.py"))
_ANCHORED = frozenset({"match", "fullmatch"})
_CALLS: dict[str, set[str]] = {}
for _call in re.finditer(r"\b(\w+)\.(\w+)\(", _SOURCES):
    _CALLS.setdefault(_call[1], set()).add(_call[2])


def anchored_only(name: str) -> bool:
    """Whether relbib calls the pattern NAME only with match or fullmatch.

    Such a pattern is tried at one position, so it is timed that way: searched
    from every position, a leading ``\\s*`` alone is quadratic, yet a
    line-by-line ``match`` never does that.  A pattern used in any other way, or
    never by its name (passed around in a tuple), is timed with ``findall``."""
    short = name.rsplit(".", 1)[-1]
    if "[" in short:
        return False
    methods = _CALLS.get(short, set())
    return bool(methods) and methods <= _ANCHORED


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
    """The generic fragments and ones made of the pattern's own pieces: each
    piece alone, followed by a space and after a capital, and all in a row."""
    pieces = _literals(pattern)[:10]
    made = [*pieces, *(p + " " for p in pieces[:5]), *("A" + p for p in pieces[:5])]
    if pieces:
        made += ["".join(pieces), " ".join(pieces) + " "]
    return list(dict.fromkeys([*GENERIC, *made]))


@functools.lru_cache(maxsize=8192)
def repeated(fragment: str, size: int) -> str:
    """Whole repetitions of FRAGMENT, about SIZE characters, then END."""
    return fragment * max(1, size // len(fragment)) + END


def _time(pattern: re.Pattern[str], text: str, anchored: bool, runs: int = 1) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        if anchored:
            pattern.match(text)
        else:
            pattern.findall(text)
        best = min(best, time.process_time() - start)
    return best


def growth(pattern: re.Pattern[str], fragment: str,
           anchored: bool = False) -> tuple[float, float, float] | None:
    """(growth ratio, small time, large time), or None when clearly linear;
    an infinite ratio when one input alone is too slow to time again."""
    small = _time(pattern, repeated(fragment, SMALL), anchored)
    if small > SLOW:
        return float("inf"), small, float("nan")
    large = _time(pattern, repeated(fragment, LARGE), anchored)
    if large < FLOOR or large <= LIMIT * small:
        return None
    if large > 50 * SLOW:
        return float("inf"), small, large
    # One slow run of a busy machine is no verdict: two rounds, best of five
    # each, at twice the sizes, where a pattern with a bounded window
    # (".{0,400}") is past it.  Either round within LIMIT clears the pattern.
    for _ in range(2):
        small = _time(pattern, repeated(fragment, 2 * SMALL), anchored, 5)
        large = _time(pattern, repeated(fragment, 2 * LARGE), anchored, 5)
        if large <= LIMIT * max(small, 1e-6):
            return None
    return large / max(small, 1e-6), small, large


def worst_growth(pattern: re.Pattern[str],
                 anchored: bool = False) -> tuple[float, str, float, float] | None:
    """The first fragment on which the pattern grows too fast, or None."""
    for fragment in hostile_fragments(pattern):
        found = growth(pattern, fragment, anchored)
        if found is not None:
            return found[0], fragment, found[1], found[2]
    return None


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


def test_the_audit_catches_a_pattern_quadratic_only_on_its_own_pieces() -> None:
    """No generic fragment trips this one: only its literal pieces repeated do."""
    quadratic = re.compile(r"<<q[^>]*>>")
    assert not any(f.startswith("<<") for f in GENERIC)
    found = worst_growth(quadratic)
    assert found is not None and found[0] > LIMIT and "<<" in found[1]


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_time_grows_linearly(name: str, pattern: re.Pattern[str]) -> None:
    found = worst_growth(pattern, anchored_only(name))
    if found is not None:
        ratio, fragment, small, large = found
        assert ratio <= LIMIT, (
            f"{name} grows {ratio:.0f}x on {fragment!r} repeated "
            f"({small * 1e3:.1f} ms -> {large * 1e3:.0f} ms for 10x the input)")


if __name__ == "__main__":
    total = time.process_time()
    failed = 0
    for name, pattern in PATTERNS:
        result = worst_growth(pattern, anchored_only(name))
        if result is not None:
            failed += 1
            print(f"FAIL {name} {result[0]:6.1f}x on {result[1]!r} "
                  f"({result[2] * 1e3:.1f} -> {result[3] * 1e3:.0f} ms)", flush=True)
    print(f"{len(PATTERNS)} patterns, {failed} grow faster than {LIMIT:.0f}x; "
          f"{time.process_time() - total:.1f}s CPU")
