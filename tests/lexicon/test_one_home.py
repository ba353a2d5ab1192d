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
