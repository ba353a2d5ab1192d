"""annotations/KEY.yaml ↔ :class:`Annotation`.

Input: the text of one annotation file (decoded by workspace.py) and its
path; or an Annotation to write; or an existing Annotation and the claims
relbib generated for it.
Output: an Annotation; YAML text in a stable key order; a merged Annotation.
Never: touch a file, use anything but ``yaml.safe_load``, or overwrite what
a person wrote (summary, tags, their own keys, a claim's ``status``).

PyYAML is imported here and nowhere else.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Collection
from pathlib import PurePath
from types import MappingProxyType
from typing import Any, cast

import yaml

from relbib import collector
from relbib.diagnostics import InputError
from relbib.formats.names import annotation_stem, is_hashed_stem
from relbib.model import Annotation, AnnotationClaim, Relation

RELATIONS: frozenset[str] = frozenset({"cited", "supports", "confirmed", "rejected", "conflicts"})
# Top-level keys relbib reads itself; any other key is a person's and is kept.
OWN_KEYS = ("key", "summary", "tags", "claims")


# --- reading ----------------------------------------------------------------


def _node_line(node: yaml.Node | None, key: str) -> int:
    """1-based line of ``key`` in a mapping node (of the node itself if absent)."""
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return int(k.start_mark.line) + 1
    return int(node.start_mark.line) + 1 if node is not None else 1


def _claim_nodes(root: yaml.Node | None) -> list[yaml.Node | None]:
    if isinstance(root, yaml.MappingNode):
        for k, v in root.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "claims" and isinstance(
                v, yaml.SequenceNode
            ):
                return list(v.value)
    return []


def read_annotation(text: str, *, path: str) -> Annotation:
    """The Annotation ``text`` holds; InputError naming ``path`` and the line.

    The file name is the key: ``key:`` inside must agree with it.
    """
    root, data = _parse(text, path)
    stem = PurePath(path).stem
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("an annotation file must be a mapping (key: value lines)",
                         path=path, line=1)
    key = data.get("key", None if is_hashed_stem(stem) else stem)
    if not isinstance(key, str) or annotation_stem(key) != stem:
        raise InputError(f"key {key!r} does not match the file name {stem!r}",
                         path=path, line=_node_line(root, "key"))
    summary = data.get("summary") or ""
    if not isinstance(summary, str):
        raise InputError("summary must be text", path=path, line=_node_line(root, "summary"))
    tags = _tags(data.get("tags"), path, _node_line(root, "tags"))
    raw_claims = data.get("claims") or []
    if not isinstance(raw_claims, list):
        raise InputError("claims must be a list", path=path, line=_node_line(root, "claims"))
    nodes = _claim_nodes(root)
    claims = tuple(
        _claim(item, path, _node_line(nodes[i] if i < len(nodes) else root, "essay"))
        for i, item in enumerate(raw_claims)
    )
    extra = {k: v for k, v in data.items() if k not in OWN_KEYS}
    return Annotation(key=key, summary=summary, tags=tags, claims=claims,
                      extra=MappingProxyType(extra))


# libyaml's loader where PyYAML was built with it: 10-20 times faster than the
# pure-Python one on a large annotation file (issue 9, point 11)
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, path: str) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers) and the data of ``text``, parsed once."""
    loader = _SAFE_LOADER(text)
    # A large file builds many small node objects that the cyclic collector
    # would walk again and again (super-linear on a 1 MB file, measured in
    # benchmarks/hostile.py); nothing built here has a cycle to collect.
    try:
        with collector.paused():
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = int(mark.line) + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise InputError(f"malformed YAML: {problem}", path=path, line=line) from None
    finally:
        loader.dispose()
    return root, data


def _tags(value: object, path: str, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(t, (str, int, float)) for t in value):
        return tuple(str(t) for t in value)
    raise InputError("tags must be a list of words", path=path, line=line)


def _optional_text(value: object) -> str | None:
    if value is None:
        return None
    return str(value)


def _claim(item: object, path: str, line: int) -> AnnotationClaim:
    if not isinstance(item, dict):
        raise InputError("each claim must be a mapping", path=path, line=line)
    try:
        relation = str(item.get("relation", "cited"))
        if relation not in RELATIONS:
            raise ValueError(f"relation must be one of {', '.join(sorted(RELATIONS))}")
        note = item.get("note")
        if note is not None and (isinstance(note, bool) or not isinstance(note, int)):
            raise ValueError("note must be a number")
        line_no = item.get("line", 0)
        if isinstance(line_no, bool) or not isinstance(line_no, int):
            raise ValueError("line must be a number")
        score = item.get("score", 1.0)
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            raise ValueError("score must be a number")
        return AnnotationClaim(
            essay=str(item.get("essay", "")),
            line=line_no,
            quote=str(item.get("quote") or ""),
            note=note,
            pinpoint=_optional_text(item.get("pinpoint")),
            relation=cast(Relation, relation),
            score=float(score),
            status=_optional_text(item.get("status")),
            evidence=_optional_text(item.get("evidence")),
        )
    except ValueError as error:
        raise InputError(f"claim: {error}", path=path, line=line) from None


# --- writing ----------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style; lists inside mappings indented like the DESIGN.md example."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _claim_data(claim: AnnotationClaim) -> dict[str, object]:
    data: dict[str, object] = {
        "essay": claim.essay,
        "line": claim.line,
        "quote": claim.quote,
        "note": claim.note,
        "pinpoint": claim.pinpoint,
        "relation": claim.relation,
        "score": claim.score,
    }
    if claim.status is not None:
        data["status"] = claim.status
    if claim.evidence is not None:
        data["evidence"] = claim.evidence
    return data


def dump_annotation(annotation: Annotation, previous: str | None = None) -> str:
    """YAML for ``annotation``: key, summary, tags, a person's keys, claims.

    With ``previous`` (the file as it stands), only what changed is rewritten
    in it: a person's comments, formatting and own keys inside claims stay
    (see :func:`_round_trip`).
    """
    if previous is not None and not _plain(previous, annotation.key):
        kept = _round_trip(annotation, previous)
        if kept is not None:
            return kept
    return _fresh(annotation)


def _plain(previous: str, key: str) -> bool:
    """Whether ``previous`` is exactly what relbib writes for what it holds: then
    it has no comment, layout or key of a person's to keep, and a fresh dump
    writes what the round trip would, at a fraction of its cost."""
    try:
        old = read_annotation(previous, path=f"{annotation_stem(key)}.yaml")
    except InputError:
        return False
    return _fresh(old) == previous


def _fresh(annotation: Annotation) -> str:
    """``annotation`` as relbib writes a new file."""
    data: dict[str, object] = {
        "key": annotation.key,
        "summary": annotation.summary,
        "tags": list(annotation.tags),
    }
    for k, v in annotation.extra.items():
        if k not in OWN_KEYS:
            data[k] = v
    data["claims"] = [_claim_data(c) for c in annotation.claims]
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100_000)


# --- rewriting in place (ruamel.yaml: comments and a person's keys survive) ---

def _round_trip(annotation: Annotation, previous: str) -> str | None:
    """``previous`` with ``annotation`` written into it, or None when it cannot be.

    ``previous`` has been read with the safe loader already (read_annotation);
    the round-trip loader only keeps its comments and layout.  Each claim
    keeps the mapping it was written in (found by what it says), so keys a
    person added to a claim stay.  The result must read back as
    ``annotation``, or it is not used.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    rt = YAML(typ="rt")
    rt.width = 100_000
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.preserve_quotes = True
    rt.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    try:
        doc = rt.load(previous)
    except YAMLError:
        return None
    if not isinstance(doc, dict) or any(not isinstance(k, str) for k in doc):
        return None
    _update_top(doc, annotation)
    out = io.StringIO()
    rt.dump(doc, out)
    text = out.getvalue()
    try:
        same = read_annotation(text, path=f"{annotation_stem(annotation.key)}.yaml") == annotation
    except InputError:
        same = False
    return text if same else None


def _set(mapping: Any, key: str, value: object, *, first: bool = False) -> None:
    """``mapping[key] = value`` unless it already holds that value."""
    if key in mapping and mapping[key] == value and (
            isinstance(mapping[key], bool) == isinstance(value, bool)):
        return  # kept as written: quotes, comments, 1 for 1.0
    if key not in mapping and first:
        mapping.insert(0, key, value)
    else:
        mapping[key] = value


def _update_top(doc: Any, annotation: Annotation) -> None:
    _set(doc, "key", annotation.key, first=True)
    if (doc.get("summary") or "") != annotation.summary:
        doc["summary"] = annotation.summary
    if not _tags_ok(doc.get("tags")) or _tags(doc.get("tags"), "", 0) != annotation.tags:
        doc["tags"] = list(annotation.tags)
    for k in [k for k in doc if k not in OWN_KEYS and k not in annotation.extra]:
        del doc[k]
    for k, v in annotation.extra.items():
        if k not in OWN_KEYS and (k not in doc or doc[k] != v):
            doc[k] = v
    old = doc.get("claims")
    old_maps = [m for m in old if isinstance(m, dict)] if isinstance(old, list) else []
    claims = _reuse_claims(annotation.claims, old_maps)
    if not isinstance(old, list) or len(old) != len(claims) or any(
            a is not b for a, b in zip(old, claims, strict=True)):
        doc["claims"] = claims


def _tags_ok(value: object) -> bool:
    try:
        _tags(value, "", 0)
    except InputError:
        return False
    return True


def _reuse_claims(claims: tuple[AnnotationClaim, ...], old_maps: list[Any]) -> list[Any]:
    """One mapping per claim: its old mapping updated when there was one."""
    parsed: list[tuple[Any, AnnotationClaim]] = []
    for m in old_maps:
        try:
            parsed.append((m, _claim(dict(m), "", 0)))
        except InputError:
            continue
    used: set[int] = set()

    def find(match: Any) -> Any | None:
        for m, old in parsed:
            if id(m) not in used and match(old):
                used.add(id(m))
                return m
        return None

    out: list[Any] = []
    for claim in claims:
        m = find(lambda old, c=claim: _full_identity(old) == _full_identity(c))
        if m is None:
            m = find(lambda old, c=claim: _identity(old) == _identity(c))
        if m is None:
            out.append(_claim_data(claim))
            continue
        for k, v in _claim_data(claim).items():
            _set(m, k, v)
        for k in ("status", "evidence"):
            if getattr(claim, k) is None and k in m:
                del m[k]
        out.append(m)
    return out


def merge_person(ours: Annotation, theirs: Annotation) -> Annotation:
    """``ours`` (what relbib is about to write) with what a person wrote in
    ``theirs`` (the file as it stands now, changed since relbib read it):
    their summary, tags and own keys, the status they set on a claim, and a
    claim they decided on that ``ours`` lacks."""
    statuses = {_identity(c): c.status for c in theirs.claims if c.status is not None}
    claims = [_with_status(c, statuses.get(_identity(c), c.status)) for c in ours.claims]
    known = {_identity(c) for c in ours.claims}
    claims += [c for c in theirs.claims if _identity(c) not in known and (
        c.status is not None or c.relation in ("confirmed", "rejected"))]
    person = Annotation(key=ours.key, summary=theirs.summary, tags=theirs.tags,
                        extra=theirs.extra)
    return _with_claims(person, ours.key, claims)


# --- merging ----------------------------------------------------------------


def claim_order(claim: AnnotationClaim) -> tuple[str, int, int, str, str, str]:
    """Claims sort by essay, line, note, relation, quote, evidence: a stable file order."""
    return (claim.essay, claim.line, claim.note or 0, claim.relation, claim.quote,
            claim.evidence or "")


def _identity(claim: AnnotationClaim) -> tuple[str, str, object]:
    if claim.note is not None:
        return (claim.essay, "note", claim.note)
    return (claim.essay, "quote", claim.quote)


def merge_annotation(
    existing: Annotation | None,
    generated_claims: tuple[AnnotationClaim, ...],
    key: str,
    *,
    refreshed_essays: Collection[str] | None = None,
) -> Annotation:
    """``existing`` with relbib's ``cited`` claims replaced by ``generated_claims``.

    A person's summary, tags and own keys stay; so does the ``status`` they
    set on a claim (found again by essay + note, else essay + quote), and a
    claim they decided on that relbib no longer generates.  Only the cited
    claims of ``refreshed_essays`` are replaced (all cited claims when None),
    so re-ingesting one essay keeps what the others said.
    """
    if existing is None:
        existing = Annotation(key=key)
    statuses: dict[tuple[str, str, object], str] = {}
    by_quote: dict[tuple[str, str, object], str] = {}
    kept: list[AnnotationClaim] = []
    generated_ids = {_identity(c) for c in generated_claims}
    generated_quotes = {(c.essay, "quote", c.quote) for c in generated_claims}
    for claim in existing.claims:
        refreshed = claim.relation == "cited" and (
            refreshed_essays is None or claim.essay in refreshed_essays
        )
        if claim.status is not None:
            statuses.setdefault(_identity(claim), claim.status)
            by_quote.setdefault((claim.essay, "quote", claim.quote), claim.status)
        if not refreshed:
            kept.append(claim)
        elif claim.status is not None and _identity(claim) not in generated_ids and (
            (claim.essay, "quote", claim.quote) not in generated_quotes
        ):
            kept.append(claim)  # a person decided on it: never silently dropped
    merged = list(kept)
    for claim in generated_claims:
        status = statuses.get(_identity(claim)) or by_quote.get(
            (claim.essay, "quote", claim.quote)
        )
        merged.append(_with_status(claim, status if status is not None else claim.status))
    return _with_claims(existing, key, merged)


def _with_claims(existing: Annotation, key: str, claims: list[AnnotationClaim]) -> Annotation:
    """``existing`` under ``key`` with ``claims``, duplicates dropped, in claim order."""
    unique = {_full_identity(c): c for c in sorted(claims, key=claim_order)}
    return Annotation(
        key=key,
        summary=existing.summary,
        tags=existing.tags,
        claims=tuple(sorted(unique.values(), key=claim_order)),
        extra=MappingProxyType(dict(existing.extra)),
    )


def _full_identity(claim: AnnotationClaim) -> tuple[object, ...]:
    return (claim.essay, claim.line, claim.note, claim.relation, claim.quote, claim.pinpoint,
            claim.evidence)


# relbib's own findings about a work; a person's verdict on one is a status
FOUND_RELATIONS = frozenset({"supports", "conflicts"})
# a person's verdict on "this work supports this sentence", however they wrote it
_SUPPORT_RELATIONS = frozenset({"supports", "confirmed", "rejected"})


def _decided_identity(claim: AnnotationClaim) -> tuple[str, str, str, str]:
    group = "supports" if claim.relation in _SUPPORT_RELATIONS else claim.relation
    evidence = (claim.evidence or "") if group == "conflicts" else ""
    return (claim.essay, group, " ".join(claim.quote.split()), evidence)


def merge_links(
    existing: Annotation | None,
    found: tuple[AnnotationClaim, ...],
    key: str,
    *,
    refreshed_essays: Collection[str],
) -> Annotation:
    """``existing`` with relbib's ``supports``/``conflicts`` claims about
    ``refreshed_essays`` replaced by ``found``.

    A claim a person decided on (a ``status``, or relation ``confirmed`` /
    ``rejected``) stays as it is and is never found again over it; cited
    claims, the claims of other essays, summary, tags and a person's own
    keys stay untouched.  Merging the same ``found`` twice changes nothing.
    """
    if existing is None:
        existing = Annotation(key=key)
    kept: list[AnnotationClaim] = []
    decided: set[tuple[str, str, str, str]] = set()
    for claim in existing.claims:
        if claim.status is not None or claim.relation in ("confirmed", "rejected"):
            decided.add(_decided_identity(claim))
            kept.append(claim)
        elif not (claim.relation in FOUND_RELATIONS and claim.essay in refreshed_essays):
            kept.append(claim)
    merged = kept + [c for c in found if _decided_identity(c) not in decided]
    return _with_claims(existing, key, merged)


def _with_status(claim: AnnotationClaim, status: str | None) -> AnnotationClaim:
    return dataclasses.replace(claim, status=status)

