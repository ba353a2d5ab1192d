"""Required fields per entry type in the BibTeX and the biblatex data models.

Input: an entry type and the set of fields an entry has (inherited ones included).
Output: the requirements it fails, per model, grouped when both models agree.
Never: read an entry's values, or touch a file.

BibTeX: the standard styles (btxdoc, "Entry Types").  biblatex: biber's
default data model (the mandatory constraints of biblatex's ``blx-dm.def``), after
biber's own source map (``@phdthesis`` → ``@thesis`` with ``type`` set,
``journal`` → ``journaltitle``, ``school`` → ``institution``, ...), so an entry
written in BibTeX's vocabulary is judged the way biber judges it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

Model = Literal["bibtex", "biblatex"]
# one requirement: any one of these fields satisfies it
Requirement = tuple[str, ...]

BIBTEX_REQUIRED: Mapping[str, tuple[Requirement, ...]] = {
    "article": (("author",), ("title",), ("journal",), ("year",)),
    "book": (("author", "editor"), ("title",), ("publisher",), ("year",)),
    "booklet": (("title",),),
    "conference": (("author",), ("title",), ("booktitle",), ("year",)),
    "inbook": (("author", "editor"), ("title",), ("chapter", "pages"), ("publisher",), ("year",)),
    "incollection": (("author",), ("title",), ("booktitle",), ("publisher",), ("year",)),
    "inproceedings": (("author",), ("title",), ("booktitle",), ("year",)),
    "manual": (("title",),),
    "mastersthesis": (("author",), ("title",), ("school",), ("year",)),
    "misc": (),
    "phdthesis": (("author",), ("title",), ("school",), ("year",)),
    "proceedings": (("title",), ("year",)),
    "techreport": (("author",), ("title",), ("institution",), ("year",)),
    "unpublished": (("author",), ("title",), ("note",)),
}

_DATE = ("date", "year")
BIBLATEX_REQUIRED: Mapping[str, tuple[Requirement, ...]] = {
    "article": (("author",), ("journaltitle",), ("title",), _DATE),
    "book": (("author",), ("title",), _DATE),
    "mvbook": (("author",), ("title",), _DATE),
    "mvcollection": (("author",), ("title",), _DATE),
    "mvreference": (("author",), ("title",)),
    "inbook": (("author",), ("title",), ("booktitle",), _DATE),
    "bookinbook": (("author",), ("title",), ("booktitle",), _DATE),
    "suppbook": (("author",), ("title",), ("booktitle",), _DATE),
    "booklet": (("author", "editor"), ("title",), _DATE),
    "collection": (("editor",), ("title",), _DATE),
    "reference": (("editor",), ("title",), _DATE),
    "incollection": (("author",), ("editor",), ("title",), ("booktitle",), _DATE),
    "suppcollection": (("author",), ("editor",), ("title",), ("booktitle",), _DATE),
    "inreference": (("author",), ("editor",), ("title",), ("booktitle",), _DATE),
    "manual": (("title",), _DATE),
    "misc": (("title",), _DATE),
    "online": (("title",), ("url",), _DATE),
    "patent": (("author",), ("title",), ("number",), _DATE),
    "periodical": (("editor",), ("title",), _DATE),
    "suppperiodical": (_DATE,),
    "proceedings": (("editor",), ("title",), _DATE),
    "mvproceedings": (("editor",), ("title",)),
    "inproceedings": (("author",), ("title",), ("booktitle",), _DATE),
    "report": (("author",), ("title",), ("type",), ("institution",), _DATE),
    "thesis": (("author",), ("title",), ("type",), ("institution",), _DATE),
    "unpublished": (("author",), ("title",), _DATE),
    "set": (("entryset",), ("crossref",), _DATE),
}

# biber's default source map for .bib input.
BIBLATEX_TYPE_ALIASES: Mapping[str, str] = {
    "conference": "inproceedings", "electronic": "online", "www": "online",
    "mastersthesis": "thesis", "phdthesis": "thesis", "techreport": "report",
}
# types whose alias sets ``type`` (so "type" is never missing for them)
_SETS_TYPE = frozenset({"mastersthesis", "phdthesis", "techreport"})
BIBLATEX_FIELD_ALIASES: Mapping[str, str] = {
    "journal": "journaltitle", "school": "institution", "address": "location",
    "annote": "annotation", "archiveprefix": "eprinttype", "primaryclass": "eprintclass",
}
_BIBTEX_NAME = {v: k for k, v in BIBLATEX_FIELD_ALIASES.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class Missing:
    """A requirement an entry fails, and which models impose it."""

    fields: Requirement  # as named in the first model listed
    models: tuple[Model, ...]
    entry_types: Mapping[Model, str]  # the type each model sees ("phdthesis" / "thesis")
    # a model whose requirement is wider (biblatex: date or year, where BibTeX wants year)
    wider: Mapping[Model, Requirement] = field(default_factory=lambda: MappingProxyType({}))


def _biblatex_fields(present: frozenset[str], entry_type: str) -> frozenset[str]:
    mapped = {BIBLATEX_FIELD_ALIASES.get(f, f) for f in present}
    if entry_type in _SETS_TYPE:
        mapped.add("type")
    return frozenset(mapped)


def _canonical(requirement: Requirement) -> frozenset[str]:
    return frozenset(BIBLATEX_FIELD_ALIASES.get(f, f) for f in requirement)


@lru_cache(maxsize=4096)  # libraries repeat a few field sets thousands of times
def missing_fields(entry_type: str, present: frozenset[str],
                   models: tuple[Model, ...] = ("bibtex", "biblatex")) -> tuple[Missing, ...]:
    """The requirements of ``entry_type`` that ``present`` fails, in each model."""
    found: dict[frozenset[str], tuple[Requirement, list[Model]]] = {}
    seen_types: dict[Model, str] = {}
    for model in models:
        if model == "bibtex":
            table = BIBTEX_REQUIRED.get(entry_type, ())
            have = present
            seen_types[model] = entry_type
        else:
            seen = BIBLATEX_TYPE_ALIASES.get(entry_type, entry_type)
            table = BIBLATEX_REQUIRED.get(seen, ())
            have = _biblatex_fields(present, entry_type)
            seen_types[model] = seen
        for requirement in table:
            if any(f in have for f in requirement):
                continue
            canon = _canonical(requirement)
            if canon in found:
                found[canon][1].append(model)
            else:
                # name fields the BibTeX way when the entry is written that way
                named = tuple(_BIBTEX_NAME.get(f, f) if model == "biblatex" and "bibtex" in models
                              and entry_type in BIBTEX_REQUIRED else f for f in requirement)
                found[canon] = (named, [model])
    return _merged(found, seen_types)


def _merged(found: dict[frozenset[str], tuple[Requirement, list[Model]]],
            seen_types: dict[Model, str]) -> tuple[Missing, ...]:
    """One Missing per defect: a requirement one model states more widely (BibTeX's
    year, biblatex's date or year; author, author or editor) is the same defect."""
    out: list[Missing] = []
    for canon, (fields, models) in found.items():
        if any(other < canon for other in found):
            continue  # folded into the narrower requirement below
        wider = {m: named for other, (named, ms) in found.items() if canon < other
                 for m in ms}
        all_models = [*models, *(m for m in wider if m not in models)]
        out.append(Missing(fields=fields, models=tuple(all_models), entry_types=seen_types,
                           wider=MappingProxyType(wider)))
    return tuple(out)


def describe(missing: Missing, all_models: tuple[Model, ...]) -> str:
    """'required by BibTeX and biblatex' / 'required by biblatex's @thesis (not by BibTeX)'."""
    label = {"bibtex": "BibTeX", "biblatex": "biblatex"}
    parts = [f"{label[m]}'s @{missing.entry_types[m]}" for m in missing.models]
    text = "required by " + " and ".join(parts)
    others = [label[m] for m in all_models if m not in missing.models]
    if others:
        text += f" (not by {' or '.join(others)})"
    for model, fields in missing.wider.items():
        extra = [f for f in fields if f not in missing.fields]
        if extra:
            text += f" ({label[model]} also accepts {' or '.join(extra)})"
    return text
