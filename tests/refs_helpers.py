"""References from the compact JSON the resolver tests write them in.

A reference is a dict with a ``kind``: ``{"kind": "full", "authors": ["Khan,
Feroze"], "title": ..., "pages": "43--65", "pinpoint": "45"}``, ``{"kind":
"ibid", "pinpoint": "45"}``, ``{"kind": "opcit" | "short", "authors": [...],
"short_title": ...}``, ``{"kind": "supra", "note": 3, "authors": [...]}``,
``{"kind": "unparsed", "reason": ...}``, or ``{"kind": "text", "text":
"Ibid."}`` read through classify_note.  Used by tests/resolve/test_resolve_cases.py
(case files) and tests/property/test_resolve_props.py (hypothesis).
"""

from __future__ import annotations

import json
from typing import Any

from relbib.model import (
    FieldValue,
    FullRef,
    IbidRef,
    IdRef,
    Name,
    OpCitRef,
    Reference,
    ShortRef,
    SupraRef,
    UnparsedRef,
    freeze_fields,
)
from relbib.parse.forms import classify_note


def build_name(spec: str | dict[str, str]) -> Name:
    """"Family, Given" as a person; {"literal": ...} as an organisation."""
    if isinstance(spec, dict):
        return Name(family=spec["literal"], literal=True)
    family, _, given = spec.partition(",")
    return Name(family=family.strip(), given=given.strip())


def build_reference(spec: dict[str, Any]) -> Reference:
    """A Reference from its compact JSON."""
    kind = spec["kind"]
    if kind == "text":
        ref = classify_note(spec["text"])
        assert ref is not None, f"not read as a subsequent reference: {spec['text']!r}"
        return ref
    if kind == "full":
        fields: dict[str, FieldValue] = {}
        for key, value in spec.items():
            if key in ("kind", "pinpoint"):
                continue
            if key == "authors":
                if value:
                    fields["author"] = tuple(build_name(a) for a in value)
            else:
                fields[key] = value
        return FullRef(
            text=json.dumps(spec), type="misc", fields=freeze_fields(fields),
            pinpoint=spec.get("pinpoint"),
        )
    if kind == "ibid":
        return IbidRef(text="Ibid.", pinpoint=spec.get("pinpoint"))
    if kind == "id":
        return IdRef(text="Id.", pinpoint=spec.get("pinpoint"))
    if kind == "opcit":
        return OpCitRef(
            text="op. cit.", authors=tuple(spec.get("authors", ())),
            short_title=spec.get("short_title"), pinpoint=spec.get("pinpoint"),
        )
    if kind == "short":
        return ShortRef(
            text="short", authors=tuple(spec.get("authors", ())),
            short_title=spec.get("short_title"), pinpoint=spec.get("pinpoint"),
        )
    if kind == "supra":
        return SupraRef(
            text="supra", note=spec["note"], authors=tuple(spec.get("authors", ())),
            pinpoint=spec.get("pinpoint"),
        )
    if kind == "unparsed":
        return UnparsedRef(text="?", reason=spec["reason"])
    raise ValueError(f"unknown kind {kind!r}")


def reference(kind: str, **spec: Any) -> Reference:
    """``build_reference`` with the spec as keyword arguments (for ``st.builds``)."""
    return build_reference({"kind": kind, **spec})
