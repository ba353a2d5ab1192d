"""relbib: a citation-aware reference library.

The public verbs, one per stage, and the Library they work on:

    parse_note, parse_list     a note or a reference list → References (stage 3)
    ingest_essay               an essay's text → Essay, References, Citations (stages 1-4)
    resolve_citations          References in note order → Citations (stage 4)
    update_library             a Library and ingested essays → the updated Library (stage 5)
    link_claims                a Library and essays → links of sources to claims (stage 6)
    check_drafts               what a check run read → findings
    render_bibliography        a Library → an annotated bibliography
    export_list                a Library → a reading list
    Library                    bib/ and annotations/, as read

Each is imported on first use (a module ``__getattr__``), so that
``import relbib`` stays cheap: `relbib check` starts on every keystroke of an
editor.  Files are read and written by relbib.workspace, not by these verbs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "parse_note",
    "parse_list",
    "ingest_essay",
    "resolve_citations",
    "update_library",
    "link_claims",
    "check_drafts",
    "render_bibliography",
    "export_list",
    "Library",
]

# name → the module that defines it
_HOME = {name: "relbib.pipeline" for name in __all__} | {"Library": "relbib.library.core"}

if TYPE_CHECKING:
    from relbib.library.core import Library
    from relbib.pipeline import (
        check_drafts,
        export_list,
        ingest_essay,
        link_claims,
        parse_list,
        parse_note,
        render_bibliography,
        resolve_citations,
        update_library,
    )


def __getattr__(name: str) -> object:
    """A public verb, imported from its stage on first use."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'relbib' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
