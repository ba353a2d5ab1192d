"""What the editor shows about a source: its formatted reference, annotation and claims.

Input: scanned .bib entries, a reference style, the library's annotations.
Output: formatted references (cached per entry), hover text, and a ranking of
keys by how well each source supports a sentence (TF-IDF over the claims the
library's annotations hold).
Never: read a file, or format more entries than it is asked for (a style may
run pandoc, which costs a process per call).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from relbib.claims.facts import extract_facts
from relbib.claims.retrieval import Index, Vocabulary, terms
from relbib.formats.bibscan import ScannedEntry
from relbib.formats.bibvalues import decode_value, parse_names
from relbib.formats.undecodable import readable
from relbib.model import NAME_FIELDS, Annotation, Entry, FieldValue, freeze_fields

__all__ = ["Formatter", "Ranker", "entry_of", "hover_markdown"]

# what a style falls back to when it cannot run (pandoc missing, a bad CSL file)
_FALLBACK_STYLE = "plain"


def entry_of(scanned: ScannedEntry) -> Entry:
    """A scanned entry as the renderers take it (names parsed, LaTeX decoded)."""
    fields: dict[str, FieldValue] = {}
    for name, raw in scanned.fields.items():
        value = readable(raw)
        fields[name] = parse_names(value) if name in NAME_FIELDS else decode_value(value, field=name)
    return Entry(key=scanned.key, type=scanned.type, fields=freeze_fields(fields))


class Formatter:
    """References in one style, formatted once per entry content."""

    def __init__(self, style: str) -> None:
        self.style = style
        from relbib.render.styles import STYLES

        self.in_process = style in STYLES  # a pybtex style: no process to start
        self._cache: dict[tuple[str, str, tuple[tuple[str, str], ...]], str] = {}

    @staticmethod
    def _key(entry: ScannedEntry) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        return entry.key, entry.type, tuple(sorted(entry.fields.items()))

    def cached(self, entry: ScannedEntry) -> str | None:
        return self._cache.get(self._key(entry))

    def format(self, entries: Sequence[ScannedEntry]) -> list[str]:
        """The Markdown reference of each entry (one renderer call for the uncached)."""
        from relbib.render import format_entries

        todo = [e for e in entries if self._key(e) not in self._cache]
        if todo:
            converted = [entry_of(e) for e in todo]
            try:
                done = format_entries(converted, style=self.style)
            except Exception:  # a style that cannot run: the plain BibTeX style still can
                done = format_entries(converted, style=_FALLBACK_STYLE)
            by_key = {f.key: f.render("md") for f in done}
            for e in todo:
                self._cache[self._key(e)] = by_key.get(e.key, e.key)
        return [self._cache[self._key(e)] for e in entries]


def _claim_lines(annotation: Annotation) -> list[str]:
    lines: list[str] = []
    for claim in annotation.claims:
        if claim.status == "rejected" or claim.relation == "conflicts":
            continue
        page = f", p. {claim.pinpoint}" if claim.pinpoint else ""
        lines.append(f"- *{claim.relation}* — {claim.essay}:{claim.line}{page}: “{claim.quote}”")
    return lines


def hover_markdown(key: str, reference: str, where: str,
                   annotation: Annotation | None) -> str:
    """The hover text of a cited key: reference, summary, tags, and claims."""
    parts = [f"**{key}** — {reference}", f"*{where}*"]
    if annotation is not None:
        if annotation.summary.strip():
            parts.append(annotation.summary.strip())
        if annotation.tags:
            parts.append("Tags: " + ", ".join(f"`{t}`" for t in annotation.tags))
        claims = _claim_lines(annotation)
        if claims:
            parts.append("Cited for and supports:\n" + "\n".join(claims))
    return "\n\n".join(parts)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Doc:
    key: str  # the library key the text speaks of


class Ranker:
    """Keys ranked by how close their claims and summaries are to a sentence."""

    def __init__(self, annotations: Mapping[str, Annotation]) -> None:
        texts: list[tuple[str, str]] = []
        for key, annotation in annotations.items():
            for claim in annotation.claims:
                if claim.status != "rejected" and claim.relation != "conflicts":
                    texts.append((key, claim.quote))
            if annotation.summary.strip():
                texts.append((key, annotation.summary))
        doc_terms = [terms(text, extract_facts(text)) for _, text in texts]
        self.vocabulary = Vocabulary(doc_terms)
        self.index = Index()
        self.docs: list[_Doc] = []
        for (key, _), t in zip(texts, doc_terms, strict=True):
            self.index.add(self.vocabulary.vector(t))
            self.docs.append(_Doc(key=key))

    def scores(self, sentence: str, *, k: int = 50) -> dict[str, float]:
        """Library key → best cosine of its texts with ``sentence`` (only those above 0)."""
        if not sentence.strip() or not self.docs:
            return {}
        query = self.vocabulary.vector(terms(sentence, extract_facts(sentence)))
        out: dict[str, float] = {}
        for score, doc in self.index.search(query, k=k, budget=20000):
            key = self.docs[doc].key
            if score > out.get(key, 0.0):
                out[key] = score
        return out


def draft_keys_of(library_scores: Mapping[str, float], key_map: Mapping[str, str],
                  keys: Iterable[str]) -> dict[str, float]:
    """Scores by the draft's keys: a library key, or the draft key of the same work."""
    out: dict[str, float] = {}
    for key in keys:
        work = key_map.get(key, key)
        if work in library_scores:
            out[key] = max(out.get(key, 0.0), library_scores[work])
    return out
