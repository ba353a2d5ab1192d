"""How the map's values cross processes: records as (class, field values), texts by number.

Input: the frozen slotted records of the pipeline (the index, the analyses, the
links and judgements) and, for the judging map, the run the results came from.
Output: pickles that unpickle to equal records, and links and judgements whose
sentence texts and essay ids are the receiving process's own objects.
Never: change a value, or resolve a text by number against another run's
strings (the packed results carry their table's signature, checked on arrival).
"""

from __future__ import annotations

import copyreg
import io
import marshal
import pickle
from collections.abc import Callable, Sequence
from dataclasses import fields, is_dataclass
from functools import cache
from operator import attrgetter
from types import MappingProxyType, ModuleType
from typing import Any

from relbib.claims.context import Run
from relbib.model import Evidence, Judgement, Link, LinkResult


def read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    """A mapping proxy again, on the receiving side."""
    return MappingProxyType(mapping)


def _mapping_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return read_only, (dict(proxy),)


# the records freeze their mappings (Reference.fields, Library.annotations) in
# read-only proxies, which pickle cannot carry between processes: a proxy
# travels as its dict, in its order, and arrives as a proxy again
copyreg.pickle(MappingProxyType, _mapping_proxy)

# The judging map's results repeat the index's texts: every link and judgement of a
# sentence holds its text and its essay's id, and its evidence another sentence's.
# Pickled as strings, they arrived in the main process as new copies of texts it
# already held: at 10,000 essays eleven million links, ~400 bytes each more than the
# serial run's.  While a worker packs its results (``_NUMBERS``), those fields of
# links, evidence and judgements travel as their numbers in Judging.strings; while the
# main process unpacks them (``_STRINGS``), a number becomes its own string again.
_BY_NUMBER = ("essay", "text")
_NUMBERS: list[dict[int, int] | None] = [None]  # in a worker, while it packs: id(text) → number
_STRINGS: list[Sequence[str] | None] = [None]  # in the main process, while it unpacks


@cache
def _numbered(cls: Any) -> tuple[int, ...]:
    """The positions of the fields of ``cls`` that may travel by number."""
    if not issubclass(cls, (Link, Evidence, Judgement)):
        return ()
    return tuple(k for k, f in enumerate(fields(cls)) if f.name in _BY_NUMBER)


@cache
def _maker(cls: Any) -> Callable[[tuple[object, ...]], Any]:
    """A function making a frozen slotted record of ``cls`` from its field values:
    each field set straight into its slot, the calls written out (as dataclasses
    writes its ``__init__``): half the time of a loop over the setters.  A field
    that travelled by number (an int where a text belongs) is looked up."""
    names = [f.name for f in fields(cls)]
    numbered = _numbered(cls)
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls, "table": _STRINGS}
    lines = ["def make(values):",  # a record of another version of the class: an error
             f"    if len(values) != {len(names)}: raise ValueError('{cls.__name__}: ' + repr(values))",
             "    record = new(cls)"]
    for k, name in enumerate(names):
        scope[f"set{k}"] = getattr(cls, name).__set__
        value = f"values[{k}]"
        if k in numbered:
            value = f"(table[0][{value}] if {value}.__class__ is int else {value})"
        lines.append(f"    set{k}(record, {value})")
    lines.append("    return record")
    exec("\n".join(lines), scope)  # noqa: S102 (the code is made from field positions only)
    make: Callable[[tuple[object, ...]], Any] = scope["make"]
    return make


def rebuilt(cls: Any, values: tuple[object, ...]) -> Any:
    """A frozen slotted record again, its fields set straight into their slots."""
    return _maker(cls)(values)


@cache
def _values(cls: Any) -> Callable[[object], tuple[object, ...]]:
    """A function reading a record's field values, in field order (one C call)."""
    names = [f.name for f in fields(cls)]
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda record: ()


def _record(record: Any) -> tuple[Callable[..., Any], tuple[Any, tuple[object, ...]]]:
    cls: Any = type(record)
    values = _values(cls)(record)
    numbers = _NUMBERS[0]
    if numbers is not None and _numbered(cls):
        out = list(values)
        for k in _numbered(cls):
            out[k] = numbers.get(id(out[k]), out[k])
        values = tuple(out)
    return rebuilt, (cls, values)


def fast_records(*modules: ModuleType) -> None:
    """Pickle the frozen slotted dataclasses of ``modules`` as (class, field values).

    The pickling dataclasses give such a record calls ``dataclasses.fields`` and
    ``object.__setattr__`` for every field of every record: unpickling the links
    a worker returns took most of the main process's time, and unpickling the
    shared index a good part of each worker's start.  The record arrives equal,
    field for field.
    """
    for module in modules:
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == module.__name__
                    and is_dataclass(value) and "__slots__" in value.__dict__
                    and value.__dataclass_params__.frozen):  # type: ignore[attr-defined]
                copyreg.pickle(value, _record)


def _strings_of(run: Run) -> tuple[str, ...]:
    """The texts and essay ids of ``run`` that its results repeat, each object once,
    in the corpus's order (the same order in every process that holds a copy)."""
    seen: dict[int, str] = {}
    for unit in run.corpus.units:
        for text in (unit.essay.id, unit.sentence.text):
            seen.setdefault(id(text), text)
    for claim in run.corpus.claims:
        for text in (claim.essay, claim.text):
            seen.setdefault(id(text), text)
    return tuple(seen.values())


class Judging:
    """The judging map's shared value: the run, and the strings its results repeat, numbered."""

    __slots__ = ("numbers", "run", "signature", "strings")

    def __init__(self, run: Run, strings: tuple[str, ...] | None = None) -> None:
        self.run = run
        self.strings = _strings_of(run) if strings is None else strings
        self.numbers = {id(text): n for n, text in enumerate(self.strings)}
        # two processes' tables agree: the same count of strings, the same characters
        self.signature = (len(self.strings), sum(map(len, self.strings)))

    def __reduce__(self) -> tuple[type[Judging], tuple[Run, tuple[str, ...]]]:
        # the strings are the run's own objects: they travel as references into it
        return Judging, (self.run, self.strings)


# --- a chunk's links as plain rows ---------------------------------------------------
# A chunk of 64 essays holds ~75,000 links.  Pickled as records, each link and its
# evidence cost a call of :func:`_record` each and ~15 opcodes: packing took a seventh
# of the judging's own time, and unpacking a good part of the main process's core,
# which the workers need.  As rows of plain values, marshalled (a C loop), they cost
# about half as much each way; here each row becomes its records by one call each.


# the rows below spell out the fields of a link and of its evidence, in their order (reading
# them through _values and _numbered, a call per record, cost ~3 µs more per link)
if (tuple(f.name for f in fields(Link)) != ("essay", "line", "start", "end", "text", "key", "pinpoint",
                                            "relation", "score", "via", "evidence")
        or tuple(f.name for f in fields(Evidence)) != ("essay", "line", "text", "shared")):
    raise TypeError("relbib.model.Link or Evidence changed its fields: update relbib.scale.records")


def _link_rows(links: Sequence[Link], numbers: dict[int, int]) -> list[tuple[object, ...]]:
    """Each link's field values but the last, and its evidence's (the last); texts by number."""
    get = numbers.get
    return [((get(id(link.essay), link.essay), link.line, link.start, link.end,
              get(id(link.text), link.text), link.key, link.pinpoint, link.relation, link.score,
              link.via),
             None if (e := link.evidence) is None else
             (get(id(e.essay), e.essay), e.line, get(id(e.text), e.text), e.shared))
            for link in links]


def _links_of(rows: list[tuple[Any, Any]]) -> tuple[Link, ...]:
    """The links of :func:`_link_rows` again (numbers looked up by the makers)."""
    link, evidence = _maker(Link), _maker(Evidence)
    return tuple(link((*values, None if seen is None else evidence(seen))) for values, seen in rows)


class _Rows:
    """One document's links as marshalled rows, and its judgements as records."""

    __slots__ = ("judgements", "links")

    def __init__(self, links: bytes, judgements: tuple[Judgement, ...]) -> None:
        self.links, self.judgements = links, judgements

    def __reduce__(self) -> tuple[type[_Rows], tuple[bytes, tuple[Judgement, ...]]]:
        return _Rows, (self.links, self.judgements)


def _as_rows(outcome: object, numbers: dict[int, int]) -> object:
    """A plain LinkResult of plain links as rows; anything else as it is."""
    if type(outcome) is not LinkResult or any(
            type(link) is not Link or (link.evidence is not None and type(link.evidence) is not Evidence)
            for link in outcome.links):
        return outcome
    try:
        rows = marshal.dumps(_link_rows(outcome.links, numbers))
    except ValueError:  # a value marshal cannot carry: the records, pickled
        return outcome
    return _Rows(rows, outcome.judgements)


def pack(shared: object, outcomes: list[object]) -> bytes:
    """A worker's outcomes, pickled after their table's signature; against a
    Judging, their texts by number and their links as rows."""
    judging = shared if isinstance(shared, Judging) else None
    signature = None if judging is None else judging.signature
    _NUMBERS[0] = None if judging is None else judging.numbers
    try:
        body = outcomes if judging is None else [_as_rows(o, judging.numbers) for o in outcomes]
        return (pickle.dumps(signature, protocol=pickle.HIGHEST_PROTOCOL)
                + pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        _NUMBERS[0] = None


def unpack(shared: object, blob: bytes) -> list[object]:
    """What :func:`pack` made, in the process that shipped ``shared``: refused (before
    any number is looked up) unless both processes numbered the same strings."""
    judging = shared if isinstance(shared, Judging) else None
    reader = io.BytesIO(blob)
    signature = pickle.load(reader)
    if signature != (None if judging is None else judging.signature):
        raise RuntimeError("a worker's results were numbered against another index "
                           f"({signature}; here {None if judging is None else judging.signature})")
    _STRINGS[0] = None if judging is None else judging.strings
    try:
        body: list[object] = pickle.load(reader)
        return [LinkResult(links=_links_of(marshal.loads(o.links)), judgements=o.judgements)
                if isinstance(o, _Rows) else o for o in body]
    finally:
        _STRINGS[0] = None
