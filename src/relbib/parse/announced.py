"""The short title a note announces for the work it cites: "(hereafter cited as *Roe Papers*)".

Input: a note's text and its citation spans (relbib.parse.split.read_note).
Output: the spans with the announced short title in the ``shorttitle`` field of
the full citation it follows ("… (London, 1841) (hereafter *Poor Report*)";
"… First Report, 1841. Second Report usually cited as “Children’s Report.”"),
so that a later note citing the work by that name finds it (relbib.resolve).
Never: announce for a short form or a field a reader set already, read a name
from prose that announces nothing, look at other notes, or touch files.
"""

from __future__ import annotations

import re
from dataclasses import replace

from relbib.model import CitationSpan, FullRef, freeze_fields

__all__ = ["with_announced_short_titles"]

# The words that announce a short name (Chicago 14.33: "hereafter cited as"; "henceforth",
# "hereinafter"; older books' "usually cited as"), then the name: in quotation marks, in
# italics, or plain words up to the bracket or stop that closes the announcement.
_ANNOUNCED = re.compile(
    r"\b(?:(?:hereafter|henceforth|hereinafter)(?:\s(?:cited|referred\sto))?(?:\sas)?"
    r"|(?:usually|commonly|subsequently)\scited\sas|cited\s(?:hereafter|henceforth|below)\sas)[,:]?\s"
    r"(?:[\u201c\"](?P<quoted>[^\u201c\u201d\"]{2,120}?)[.,]?[\u201d\"]|\*(?P<italic>[^*]{2,120})\*"
    r"|(?P<plain>[A-Z][^().;:,\u201c\u201d\"*]{1,80}?)(?=\s*[).;,]|\s*$))",
    re.IGNORECASE,
)


def with_announced_short_titles(text: str, spans: list[CitationSpan]) -> list[CitationSpan]:
    """``spans`` with each announced short title set on the full citation before it."""
    out = list(spans)
    for m in _ANNOUNCED.finditer(text):
        name = (m.group("quoted") or m.group("italic") or m.group("plain") or "").strip(" ,.")
        before = [i for i, span in enumerate(out) if span.start <= m.start()]
        if before and _only_announces(out[before[-1]], text, m):
            del out[before.pop()]  # "Second Report usually cited as “…”": a sentence that only announces
        if not name or not before:
            continue
        span = out[before[-1]]
        ref = span.reference
        if not isinstance(ref, FullRef) or ref.fields.get("shorttitle"):
            continue
        out[before[-1]] = replace(span, reference=replace(ref, fields=freeze_fields({**ref.fields, "shorttitle": name})))
    return [replace(span, index=i) for i, span in enumerate(out)]


def _only_announces(span: CitationSpan, text: str, m: re.Match[str]) -> bool:
    """Whether the span is a sentence of a few words and the announcement ("Second Report
    usually cited as “…”"): the announcement's own piece, no citation of its own."""
    lead = text[span.start : m.start()]
    return len(lead.split()) <= 4 and not re.search(r"\d|[*\u201c\"(]", lead) and span.end <= m.end() + 3
