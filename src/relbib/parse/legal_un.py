"""United Nations documents in a note: resolutions and documents by their symbol.

Input: a note's text and its cleaned form (parse/legal.py tries this reader).
Output: a Reference for "G.A. Res. 217 (III) A, Title (Dec. 10, 1948)" or anything
that carries a "U.N. Doc." symbol, or None.
Never: read any other kind of citation, or do I/O.
"""

from __future__ import annotations

import re

from relbib.model import FieldValue, Name, Reference
from relbib.parse import legal_patterns as L
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.legal_shared import full as _full
from relbib.parse.legal_shared import set_date as _set_date

# The organ of a UN resolution, by its abbreviation with dots and spaces removed.
# (The patterns live in patterns.py, section "legal citations".)
_ORGANS = {
    "GA": "United Nations General Assembly",
    "SC": "United Nations Security Council",
    "ESC": "United Nations Economic and Social Council",
    "HRC": "United Nations Human Rights Council",
    "HumanRightsCouncil": "United Nations Human Rights Council",
}


def read_un_document(text: str, clean: str) -> Reference | None:
    """"G.A. Res. 217 (III) A, Title (Dec. 10, 1948)" or anything with "U.N. Doc."."""
    resolution = L.LEGAL_RESOLUTION.match(clean)
    doc = L.LEGAL_UN_DOC.search(clean)
    if resolution is None and doc is None:
        return None
    end = L.LEGAL_UN_END.search(clean)
    body_end = end.start() if end is not None else len(clean)
    if doc is not None:
        after = clean[doc.end() : body_end].strip(" ,.")
        if after and not L.LEGAL_UN_RECORD.search(after):
            return None
        body_end = doc.start()
    body = clean[resolution.end() if resolution is not None else 0 : body_end]
    segments = [s.strip() for s in body.split(",") if s.strip(" .")]
    # Official-record segments ("U.N. GAOR", "3d Sess.") are not the title.
    segments = [s for s in segments if not L.LEGAL_UN_RECORD.search(s)]
    fields: dict[str, FieldValue] = {}
    if resolution is not None:
        organ = re.sub(r"[.\s]", "", resolution.group("organ"))
        fields["organization"] = _ORGANS.get(organ, resolution.group("organ"))
        number = resolution.group("number").strip()
        fields["note"] = f"{resolution.group('organ')} Res. {number}"
        fields["number"] = number
    if doc is not None:
        fields["number"] = doc.group("symbol")
    pins = [s for s in segments if L.LEGAL_UN_PIN.fullmatch(s)]
    segments = [s for s in segments if not L.LEGAL_UN_PIN.fullmatch(s)]
    if resolution is None and len(segments) >= 2 and L.LEGAL_UN_AUTHOR.search(segments[0]):
        fields["author"] = (Name(family=segments[0], literal=True),)
        segments = segments[1:]
    if segments:
        fields["title"] = ", ".join(segments).strip(" .")
    elif resolution is not None:
        fields["title"] = str(fields["note"])
    else:
        fields["title"] = f"U.N. Doc. {fields['number']}"
    if end is not None and end.group("date"):
        _set_date(fields, end.group("date"), "")
    printed_pin = end.group("pin") if end is not None and end.group("pin") else None
    printed_pin = printed_pin or (pins[0] if pins else None)
    pin = normalize_pinpoint(re.sub(r"^at\s*", "", printed_pin)) if printed_pin else None
    return _full(text, "misc", fields, pin)
