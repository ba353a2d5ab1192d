"""Shared vocabulary has one home: no month or particle table outside relbib.lexicon."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from relbib import lexicon

SRC = Path(lexicon.__file__).resolve().parent.parent
MODULES = sorted(p for p in SRC.rglob("*.py") if "lexicon" not in p.relative_to(SRC).parts)

# every month word the lexicon knows, and its particles printed as words
MONTH_WORDS = frozenset(w for w in lexicon.month_words() if len(w) >= 3)
PARTICLES = frozenset(lexicon.particle_words()) - {"y", "de", "la", "le", "da", "di", "du"}
# Literals that name a few month words or particles for a rule, not as a table:
# dates.py's prefix rule ("mar", "jun" are not read as prefixes), ABNT's
# trailing particles in parse/fields.py, and the name links of claims/facts.py
# (the claims stage's own refactor owns that line).
ALLOWED = ("parse/dates.py", "parse/fields.py", "claims/facts.py")
_WORD = re.compile(r"[^\W\d_]+")
_LITERAL = re.compile(r"(?:[rbfu]{0,2})(\"\"\"[\s\S]*?\"\"\"|\"[^\"\n]*\"|'[^'\n]*')")


def _literal_groups(text: str) -> list[tuple[int, str]]:
    """(line, text) of every line's string literals joined (a table spans lines)."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = " ".join(m.group(1) for m in _LITERAL.finditer(line))
        if found:
            out.append((number, found))
    return out


def _tables(words: frozenset[str], at_least: int) -> list[str]:
    bad = []
    for path in (p for p in MODULES if str(p.relative_to(SRC)) not in ALLOWED):
        for number, literal in _literal_groups(path.read_text("utf-8")):
            hits = {w.lower() for w in _WORD.findall(literal)} & words
            if len(hits) >= at_least:
                bad.append(f"{path.relative_to(SRC)}:{number}: {sorted(hits)}")
    return bad


def test_no_month_table_outside_the_lexicon() -> None:
    assert _tables(MONTH_WORDS - {"may", "mar", "march", "dec", "sept"}, 3) == []


def test_no_particle_table_outside_the_lexicon() -> None:
    assert _tables(PARTICLES, 3) == []


@pytest.mark.parametrize("table", [
    '_M = ("jan", "feb", "mar", "apr")', '"january february march april"',
    'r"(January|February|March)"', 'P = "von van der den"',
])
def test_the_scan_finds_a_table(table: str, tmp_path: Path) -> None:
    hits = [w for _, lit in _literal_groups(table)
            for w in {x.lower() for x in _WORD.findall(lit)} & (MONTH_WORDS | PARTICLES)]
    assert len(hits) >= 3


def test_the_lexicon_lists_name_their_source() -> None:
    data = Path(lexicon.__file__).parent / "data"
    for path in sorted(data.iterdir()):
        head = path.read_text("utf-8").splitlines()[:12]
        assert any("Source" in line or "source" in line for line in head if line.startswith("#")), path


# --- dash classes -----------------------------------------------------------------

_CLASS = re.compile(r"\[(?:\\.|[^\]\\\n[])+\]")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)")


def _class_dashes(body: str) -> set[str]:
    """The dash characters a regex character class body names (ranges' "-" is no dash)."""
    chars: list[tuple[str, bool]] = []          # (character, written escaped)
    position = 0
    for m in _ESCAPE.finditer(body):
        chars += [(c, False) for c in body[position:m.start()]]
        code = m.group(1)
        chars.append((chr(int(code[1:], 16)) if code[0] in "ux" and len(code) > 1 else code, True))
        position = m.end()
    chars += [(c, False) for c in body[position:]]
    found = set()
    for i, (char, escaped) in enumerate(chars):
        is_range = (char == "-" and not escaped and 0 < i < len(chars) - 1)
        if char in lexicon.dashes() and not is_range:
            found.add(char)
    return found


# parse/tagger.py's digit-range feature keeps the dashes its CRF model was trained
# with (see the comment there) until the model is retrained.
DASH_ALLOWED = ("parse/tagger.py",)


def _dash_classes() -> list[str]:
    bad = []
    for path in (p for p in MODULES if str(p.relative_to(SRC)) not in DASH_ALLOWED):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            for m in _CLASS.finditer(line):
                if len(_class_dashes(m.group(0)[1:-1].lstrip("^"))) >= 3:
                    bad.append(f"{path.relative_to(SRC)}:{number}: {m.group(0)}")
    return bad


def test_no_dash_class_outside_the_lexicon() -> None:
    """Write ``lexicon.DASH`` (or ``[...{lexicon.DASH_CHARS}]``), not a dash class of its own."""
    assert _dash_classes() == []


@pytest.mark.parametrize(("text", "count"), [
    (r"[-–—]", 3), (r"[\s\-‐‑–—_/]", 5), (r"[-\u2013\u2014]", 3), (r"[a-z–]", 1),
    (r"[\u00a1-\u017e\u2013\u2014]", 2), (r"[^\s\-–—]", 3),
])
def test_the_scan_counts_the_dashes_of_a_class(text: str, count: int) -> None:
    assert len(_class_dashes(text[1:-1].lstrip("^"))) == count


# --- the year of an entry -----------------------------------------------------------

_YEAR_HELPER = re.compile(r"^\s*def\s+(\w*year_of\w*|_year|_?entry_year)\s*\(", re.MULTILINE)


def test_the_year_of_an_entry_has_one_home() -> None:
    """``library.identity.entry_year`` is the only "year of an entry" function."""
    found = [f"{path.relative_to(SRC)}: {m.group(1)}" for path in MODULES
             for m in _YEAR_HELPER.finditer(path.read_text("utf-8"))]
    assert found == ["library/identity.py: entry_year"]


@pytest.mark.parametrize("source", [
    "def year_of(entry):", "    def _year(fields) -> str:", "def entry_year(x):",
])
def test_the_year_scan_finds_a_helper(source: str) -> None:
    assert _YEAR_HELPER.search(source)
