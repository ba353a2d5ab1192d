"""The one collector for case files (tests/cases/FOLDER/NAME.SUFFIX, one behaviour each).

A case file is an input a user could hand relbib, and what must come out of it
is written in one of two ways, read here for every runner:

* **JSON**: a ``.json`` case holds its input and its expectations together; any
  other case may have ``NAME.expect.json`` beside it.  :func:`expectation` reads
  either.
* **comment directives**, where the expectation belongs to a line of the input
  (a draft's citation, a .bib entry): ``% NAME: VALUE`` in LaTeX and BibTeX,
  ``<!-- NAME: VALUE -->`` in Markdown, after any ``relbib: ignore[...]`` the
  line carries.  :func:`directives` reads them with their line numbers.

``cases("cases/drafts", ".tex", ".md")`` is what a runner parametrizes over:
the sorted case files of a folder under tests/ (golden inputs too) as
``pytest.param`` with the file's name as id.  It fails when the
folder holds no case, so a moved folder cannot turn a runner into zero tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from _pytest.mark import ParameterSet

TESTS = Path(__file__).resolve().parent
EXPECT_SUFFIX = ".expect.json"


def case_files(folder: str, *suffixes: str) -> list[Path]:
    """The files in tests/FOLDER whose suffix is one of ``suffixes`` (in any case)."""
    wanted = {s.lower() for s in suffixes}
    found = sorted(p for p in (TESTS / folder).iterdir()
                   if p.is_file() and p.suffix.lower() in wanted
                   and not p.name.endswith(EXPECT_SUFFIX))
    assert found, f"no {'/'.join(sorted(wanted))} case files in {TESTS / folder}"
    return found


def cases(folder: str, *suffixes: str, ids: Callable[[Path], str] = lambda p: p.stem,
          marks: Callable[[Path], Iterable[pytest.MarkDecorator]] = lambda p: ()
          ) -> list[ParameterSet]:
    """``case_files`` as pytest params: id from ``ids`` (the stem), marks from ``marks``."""
    return [pytest.param(p, id=ids(p), marks=tuple(marks(p))) for p in case_files(folder, *suffixes)]


def expectation(path: Path) -> dict[str, Any]:
    """What a case expects: a ``.json`` case itself, else its ``NAME.expect.json``."""
    source = path if path.suffix == ".json" else path.with_name(path.stem + EXPECT_SUFFIX)
    data = json.loads(source.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{source.name} must hold a JSON object"
    return data


@dataclass(frozen=True)
class Directive:
    line: int  # 1-based line of the input the directive sits on
    name: str
    value: str


_COMMENT = re.compile(r"(?:%|<!--)\s*(?:relbib: ignore(?:\[[^\]]*\])?\s*)?")
_VALUE = r":\s*(?P<value>.*?)\s*(?:-->.*)?$"


def directives(text: str, *names: str) -> list[Directive]:
    """The ``NAME: VALUE`` comments of ``text`` for the given names, in line order.

    On each line the first comment that opens with one of the names counts; the
    value ends at the line's end or at ``-->``.
    """
    pattern = re.compile("(?P<name>" + "|".join(map(re.escape, names)) + ")" + _VALUE)
    out: list[Directive] = []
    for number, line in enumerate(text.split("\n"), start=1):
        for comment in _COMMENT.finditer(line):
            found = pattern.match(line, comment.end())
            if found is not None:
                out.append(Directive(number, found.group("name"), found.group("value")))
                break
    return out
