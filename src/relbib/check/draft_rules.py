"""Draft rules: citations of the scanned drafts against the library.

Input: a CheckContext (its scans and records).
Output: Diagnostics (undefined-key with a did-you-mean, unused-entry,
pinpoint-out-of-range, a source dated after the draft).
Never: read a file or mutate the context; one pass over the citations with
dict look-ups (fuzzy matching only for keys that are not defined).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from relbib.check import fields as fv
from relbib.check.context import CheckContext, index, keys_of, parents
from relbib.check.records import DraftCitation
from relbib.diagnostics import KINDS, diagnostic
from relbib.model import Diagnostic, Severity

# Types that never have pages: a pinpoint on them cannot be a page.
_PAGELESS_TYPES = frozenset({"online", "electronic", "www", "webpage", "software", "dataset"})


def _cit_diag(kind: str, citation: DraftCitation, message: str, suggestion: str,
              *, severity: Severity | None = None, keys: tuple[str, ...] | None = None
              ) -> Diagnostic:
    return diagnostic(kind, message, path=citation.path, line=citation.line,
                      column=citation.column, keys=keys or (citation.key,),
                      suggestion=suggestion, severity=severity)


def undefined_keys(ctx: CheckContext) -> Iterator[Diagnostic]:
    """undefined-key: a draft cites a key no .bib defines (with a did-you-mean)."""
    keys = keys_of(ctx)  # built once per .bib content, with its did-you-mean memo
    by_key, lower = keys.exact, keys.lower
    # BibTeX finds entries whatever the case; the first spelling cited is the one
    # its \bibitem carries, so only a second spelling fails
    first_spelling: dict[str, str] = {}
    for scan in ctx.scans:
        for citation in scan.citations:
            key = citation.key
            if ctx.backend == "bibtex" and key.lower() in lower:
                first = first_spelling.setdefault(key.lower(), key)
                if first != key:
                    yield _cit_diag(
                        "undefined-key", citation,
                        f"'{key}' and '{first}' differ only in case: BibTeX reports \"Case "
                        f"mismatch error between cite keys {first} and {key}\" and LaTeX "
                        "prints '??' here",
                        f"cite it as '{first}' everywhere (the .bib spells it "
                        f"'{lower[key.lower()]}')", keys=(key, first))
                continue
            if key in by_key or key in scan.defined_keys or key in ctx.broken_keys:
                continue
            same = lower.get(key.lower())
            if same is not None:
                yield _case_mismatch(citation, same, ctx.backend)
                continue
            near = keys.near(key)  # only for a key no .bib defines
            hint = ("did you mean " + " or ".join(f"'{k}'" for k in near) + "?") if near else \
                "add the entry to the .bib file the draft names, or correct the key"
            if citation.command == "@" and not near:
                yield _cit_diag(
                    "undefined-key", citation,
                    f"'@{key}' is not a key in the library; pandoc will print it as "
                    f"'({key}?)' and warn 'citation {key} not found'",
                    "if it is not a citation (a handle or an e-mail), escape it as \\@" + key
                    + "; otherwise add the entry",
                    severity=Severity.WARNING)
                continue
            yield _cit_diag("undefined-key", citation,
                            f"citation '{key}' is not defined in the library", hint)


def _case_mismatch(citation: DraftCitation, same: str, backend: str | None) -> Diagnostic:
    """A key the library spells in another case, under biber, pandoc or an unknown backend."""
    key = citation.key
    if backend is None:
        return _cit_diag(
            "undefined-key", citation,
            f"citation '{key}' differs only in case from the library's '{same}': biber and "
            "pandoc treat keys as case-sensitive and leave it undefined (BibTeX would find it)",
            f"cite it as '{same}'", keys=(key, same), severity=Severity.WARNING)
    program = "biber" if backend == "biber" else "pandoc"
    shown = "LaTeX prints '??'" if backend == "biber" else f"pandoc prints '({key}?)'"
    return _cit_diag(
        "undefined-key", citation,
        f"citation '{key}' is not defined: the library has '{same}', and {program} treats "
        f"keys as case-sensitive ({shown})",
        f"cite it as '{same}'", keys=(key, same))


def unused_entries(ctx: CheckContext) -> Iterator[Diagnostic]:
    """unused-entry: a library entry no checked draft cites (nor inherits from)."""
    if not ctx.scans or not ctx.whole_documents or any(s.nocite_all for s in ctx.scans):
        return
    keys = keys_of(ctx)
    by_key, lower = keys.exact, keys.lower
    used: set[str] = set()
    pending: list[str] = []
    for scan in ctx.scans:
        for citation in scan.citations:
            found = citation.key if citation.key in by_key else lower.get(citation.key.lower())
            # an alias (biblatex ids) uses the entry it names
            key = by_key[found].key if found is not None else None
            if key is not None and key not in used:
                used.add(key)
                pending.append(key)
    # a crossref'd or xdata parent is used by its cited children (checkcites#5)
    while pending:
        record = by_key[pending.pop()]
        for parent in parents(record):
            hit = parent if parent in by_key else lower.get(parent.lower())
            target = by_key[hit].key if hit is not None else None
            if target is not None and target not in used:
                used.add(target)
                pending.append(target)
    # a large .bib has tens of thousands of unused entries: the record is
    # built directly (what diagnostic() would build, without its look-ups)
    kind = KINDS["unused-entry"]
    code, severity = kind.code, kind.severity
    # keys differing only in case are one key to BibTeX and biber (duplicate-key
    # reports them): citing either uses both
    if len(lower) < len(by_key):  # some keys differ only in case
        folded = {k.lower() for k in used}
        used |= {k for k in by_key if k.lower() in folded}
    for key, record in by_key.items():
        if key == record.key and key not in used and record.type != "xdata":
            yield Diagnostic(path=record.path, line=record.line, column=1, severity=severity,
                             code=code, kind="unused-entry",
                             message=f"entry '{key}' is never cited by the checked drafts",
                             keys=(key,),
                             suggestion=f"cite it, list it with \\nocite{{{key}}} / nocite: "
                             f"@{key}, or remove it")


def pinpoints(ctx: CheckContext) -> Iterator[Diagnostic]:
    """pinpoint-out-of-range: a cited page outside the entry's pages, or on a pageless source."""
    by_key = index(ctx.records)
    for scan in ctx.scans:
        for citation in scan.citations:
            record = by_key.get(citation.key)
            if record is None or not citation.pinpoint:
                continue
            wanted = fv.pinpoint_pages(citation.pinpoint)
            if wanted is None:
                continue  # "chap. 3", "sec. 2", roman pages: not checkable
            pages = record.fields.get("pages", "").strip()
            if pages:
                span = fv.page_span(pages)
                if span is None:
                    continue
                low, high = span
                single = low == high  # only a first page is known
                bad = [(a, b) for a, b in wanted if a < low or (not single and b > high)]
                if bad:
                    a, b = bad[0]
                    cited = f"{a}" if a == b else f"{a}--{b}"
                    yield _cit_diag(
                        "pinpoint-out-of-range", citation,
                        f"page {cited} cited from '{record.key}', whose pages are {pages}",
                        "check the page number, or whether you meant another source")
                continue
            total = record.fields.get("pagetotal", "").strip()
            if total.isdigit():
                bad = [(a, b) for a, b in wanted if b > int(total)]
                if bad:
                    yield _cit_diag(
                        "pinpoint-out-of-range", citation,
                        f"page {bad[0][1]} cited from '{record.key}', which has {total} pages",
                        "check the page number")
                continue
            pageless = record.type in _PAGELESS_TYPES or (
                record.type == "misc" and record.fields.get("url", "").strip()
                and not record.fields.get("howpublished", "").strip().lower().startswith("print"))
            if pageless:
                yield _cit_diag(
                    "pinpoint-out-of-range", citation,
                    f"page '{citation.pinpoint}' cited from '{record.key}', an online source "
                    "with no pages",
                    "cite a section or paragraph instead (e.g. 'sec. 2', 'para. 4'), "
                    "or add pages to the entry if it has a printed form")


_NOT_YET_OUT = re.compile(r"forthcoming|in ?press|to appear|accepted|submitted", re.IGNORECASE)


def _date_tuple(iso: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", iso.lstrip("-"))[:3])


def sources_after_draft(ctx: CheckContext) -> Iterator[Diagnostic]:
    """invalid-field: a cited source dated after the draft's own date (\\date / date:)."""
    by_key = index(ctx.records)
    for scan in ctx.scans:
        if not scan.date:
            continue
        draft = _date_tuple(scan.date)
        reported: set[str] = set()
        for citation in scan.citations:
            record = by_key.get(citation.key)
            if record is None or record.key in reported:
                continue
            f = record.fields
            if f.get("pubstate") or _NOT_YET_OUT.search(f.get("note", "") + f.get("year", "")):
                continue
            source = fv.date_prefix(f.get("date", "")) or ""
            if not source and re.fullmatch(r"\d{4}", f.get("year", "").strip()):
                source = f["year"].strip()
                month = fv.month_number(f.get("month", ""))
                source += f"-{month:02d}" if month else ""
            if not source:
                continue
            entry = _date_tuple(source)
            n = min(len(entry), len(draft))
            if entry[:n] > draft[:n]:
                reported.add(record.key)
                yield _cit_diag(
                    "invalid-field", citation,
                    f"'{record.key}' is dated {source}, after the draft's date {scan.date}",
                    "check the source's date (a later edition?) or the draft's date")
