"""The check cache never serves what another relbib computed: its entries carry a
digest of the scanner, the rules and their word lists, so an upgrade (or a rule
changed in a checkout) recomputes instead of repeating the old answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import relbib
from relbib.workspace import check_cache
from relbib.workspace.check_cache import Cache, code_digest


def test_an_entry_written_by_another_relbib_is_not_read(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path)
    cache.put("lib-x", [["refs.bib", 1]])
    assert cache.get("lib-x") == [["refs.bib", 1]]
    monkeypatch.setattr(check_cache, "code_version", lambda: "7:an-older-relbib")
    assert cache.get("lib-x") is None


def test_a_changed_rule_or_word_list_changes_the_digest(tmp_path: Path) -> None:
    package = Path(relbib.__file__).resolve().parent
    copy = tmp_path / "relbib"
    for part in ("check", "formats", "lexicon"):
        shutil.copytree(package / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("diagnostics.py", "model.py"):
        shutil.copy(package / name, copy / name)
    same = code_digest(copy)
    assert same == code_digest(package)
    words = copy / "lexicon" / "data" / "manager_fields.txt"
    words.write_text(words.read_text(encoding="utf-8") + "my-own-field\n", encoding="utf-8")
    assert code_digest(copy) != same
