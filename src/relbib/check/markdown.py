"""Pandoc Markdown citation scanner (also Quarto .qmd and R Markdown .Rmd).

Input: the text of one Markdown file and the path to name in findings.
Output: a DraftScan: bracketed (``[see @a, p. 3; -@b]``) and in-text
(``@a [p. 3]``) citations with 1-based line and column of each key, the front
matter's ``bibliography:``, ``nocite:``, ``date:`` and the ids of its inline
``references:``, and suppression comments.
Never: import yaml (a small hand parser reads the keys it needs), raise
on malformed input, or touch a file.

Code (spans, fenced and indented blocks) and HTML comments are blanked out
character for character first, so offsets in the masked text are offsets in
the original.  Key syntax follows pandoc: a key starts with a letter, digit
or ``_``; ``:.#$%&-+?<>~/`` may appear inside when an alphanumeric follows;
``@{...}`` takes anything but braces.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from types import MappingProxyType

from relbib.check.fields import normalize_pinpoint, parse_human_date
from relbib.check.positions import Positions
from relbib.check.records import DraftCitation, DraftScan, Include
from relbib.diagnostics import SUPPRESSION, suppressed_codes

# A citation key: pandoc's citeKey (internal punctuation only before a word
# character; "://" kept so URL-like keys survive), or anything in braces.
_KEY = r"(?:\{(?P<braced>[^{}\n]+)\}|(?P<bare>\w(?:\w|[:.#$%&\-+?<>~/](?=\w)|[:/](?=/))*))"
# "@" not preceded by a word character (e-mail), a backslash (escaped "\@"),
# or URL punctuation ("twitter.com/@x"); "-" right before it suppresses the author.
_CITE_AT = re.compile(r"(?<![\w\\/@.:=+&%#~])(?P<minus>-)?@" + _KEY)
_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})")
_KNITR_CHUNK = re.compile(r"^\{[A-Za-z0-9_]+.*\}$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)]|#\.|\(?[a-zA-Z]\))\s")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_CODE_TICKS = re.compile(r"`+")
# an inline reference's id in the front matter's ``references:`` list, in block
# ("- id: key", "  id: 'key'") or flow ("{id: key, ...}") style
_REFERENCE_ID = re.compile(r"(?:^\s*(?:-\s+)?|[{,]\s*)id\s*:\s*(?P<q>['\"]?)(?P<id>[^'\",{}\s]+)(?P=q)")


def _blank(segment: str) -> str:
    return re.sub(r"[^\n]", " ", segment)


def _front_matter_end(lines: list[str]) -> int:
    """Number of lines of the YAML front matter block at the top (0 when none)."""
    if not lines or lines[0].rstrip() != "---" or len(lines) < 2 or not lines[1].strip():
        return 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return i + 1
    return 0


def _mask_blocks(lines: list[str], start: int) -> list[str]:
    """Blank fenced and indented code blocks, line by line (list items keep their indent)."""
    out = list(lines)
    fence: str | None = None
    in_list = False
    prev_blank = True
    in_indented = False
    for i in range(start, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if fence is not None:
            out[i] = _blank(line)
            close = _FENCE.match(line)
            if close and close.group("fence")[0] == fence[0] and len(close.group("fence")) >= len(
                    fence) and not line[close.end():].strip():
                fence = None
            continue
        opened = _FENCE.match(line)
        info = line[opened.end():].strip() if opened else ""
        # a backtick fence's info string holds no backtick (CommonMark), except a
        # knitr chunk header, which knitr reads first: ```{r, fig.cap=`r x`}
        if opened and not (opened.group("fence")[0] == "`" and "`" in info
                           and not _KNITR_CHUNK.match(info)):
            fence = opened.group("fence")
            out[i] = _blank(line)
            prev_blank = False
            continue
        if not stripped:
            prev_blank = True
            continue
        indented = line.startswith(("    ", "\t"))
        if indented and not in_list and (prev_blank or in_indented):
            out[i] = _blank(line)
            in_indented = True
            prev_blank = False
            continue
        in_indented = False
        if _LIST_ITEM.match(line):
            in_list = True
        elif not indented and prev_blank:
            in_list = False
        prev_blank = False
    return out


def _mask_spans(text: str) -> str:
    """Blank inline code spans (a run of n backticks to the next run of n in
    the same paragraph).  Linear: the runs are listed once, each with the next
    run of its length, and the next blank line is looked up only past the last."""
    runs = [m.span() for m in _CODE_TICKS.finditer(text)]
    after: list[int | None] = [None] * len(runs)  # index of the next run as long
    last: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        after[i] = last.get(length)
        last[length] = i
    pieces: list[str] = []
    cursor = i = 0
    para = -1
    while i < len(runs):
        start, end = runs[i]
        if para < end:
            para = text.find("\n\n", end)
            para = len(text) if para < 0 else para
        close = after[i]
        if close is None or runs[close][0] > para:
            i += 1
            continue
        pieces.append(text[cursor:start])
        pieces.append(_blank(text[start:runs[close][1]]))
        cursor = runs[close][1]
        i = close + 1
    pieces.append(text[cursor:])
    return "".join(pieces)


_BRACKET_EVENT = re.compile(r"\\.|[\[\]]|\n(?=\n)", re.DOTALL)


def _bracket_pairs(masked: str) -> dict[int, int]:
    """Matching ``[`` → ``]`` offsets; a blank line closes nothing across it."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACKET_EVENT.finditer(masked):
        ch = m.group()
        if ch == "[":
            stack.append(m.start())
        elif ch == "]":
            if stack:
                pairs[stack.pop()] = m.start()
        elif ch == "\n":
            stack.clear()
    return pairs


def _later_reference_ids(lines: list[str], start: int) -> frozenset[str]:
    """Ids of ``references:`` in the YAML blocks after the front matter: pandoc reads a
    block anywhere ("---" after a blank line, not followed by one, closed by "---" or
    "..."), and rticles' templates put the references at the end."""
    ids: set[str] = set()
    i = start
    while i < len(lines) - 1:
        if lines[i].rstrip() == "---" and (i == 0 or not lines[i - 1].strip()) \
                and lines[i + 1].strip():
            close = next((j for j in range(i + 1, len(lines))
                          if lines[j].rstrip() in ("---", "...")), None)
            if close is None:
                break
            if any(line.startswith("references:") for line in lines[i + 1:close]):
                ids |= _reference_ids(lines, close + 1, start=i + 1)
            i = close + 1
            continue
        i += 1
    return frozenset(ids)


def _reference_ids(lines: list[str], end: int, *, start: int = 1) -> frozenset[str]:
    """Ids of the front matter's inline ``references:`` (pandoc resolves citations to them)."""
    ids: set[str] = set()
    i = start
    while i < end - 1:
        if not re.match(r"^references\s*:", lines[i]):
            i += 1
            continue
        ids.update(m.group("id") for m in _REFERENCE_ID.finditer(lines[i]))
        i += 1
        # the list runs over indented lines and top-level "- " items
        while i < end - 1 and (not lines[i].strip() or lines[i][:1] in (" ", "\t", "-")):
            ids.update(m.group("id") for m in _REFERENCE_ID.finditer(lines[i]))
            i += 1
    return frozenset(ids)


def _without_yaml_comment(value: str) -> str:
    """A plain YAML value without its comment ("refs.bib # note" → "refs.bib")."""
    cuts = [i for i in (value.find(" #"), value.find("\t#")) if i >= 0]
    return value[:min(cuts)].rstrip() if cuts else value


def _front_matter(lines: list[str], end: int) -> dict[str, tuple[int, list[tuple[str, int, int]]]]:
    """bibliography/nocite/date of the front matter: key → (line, [(value, line, col)])."""
    wanted = ("bibliography", "nocite", "date")
    found: dict[str, tuple[int, list[tuple[str, int, int]]]] = {}
    i = 1
    while i < end - 1:
        line = lines[i]
        m = re.match(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s?(?P<value>.*)$", line)
        i += 1
        if m is None or m.group("key") not in wanted:
            continue
        values: list[tuple[str, int, int]] = []
        value = m.group("value").rstrip()
        col0 = m.start("value") + 1
        if value.strip() in ("", "|", ">", "|-", ">-", "|+", ">+"):
            # a block list ("- a.bib", indented or, as YAML allows under a key, not) or a
            # block scalar on the indented lines that follow
            while i < end - 1 and (not lines[i].strip() or lines[i][:1] in (" ", "\t")
                                   or (value.strip() == "" and lines[i].startswith("- "))):
                item = lines[i]
                stripped = item.lstrip()
                offset = len(item) - len(stripped)
                if stripped.startswith("- "):
                    stripped = stripped[2:]
                    offset += 2
                if stripped.strip():
                    values.append((stripped.rstrip(), i + 1, offset + 1))
                i += 1
        elif value.lstrip().startswith("["):
            inner_start = value.index("[") + 1
            inner = value[inner_start:].rstrip().rstrip("]")
            offset = inner_start
            for part in inner.split(","):
                lead = len(part) - len(part.lstrip())
                values.append((part.strip(), i, col0 + offset + lead))
                offset += len(part) + 1
        else:
            lead = len(value) - len(value.lstrip())
            values.append((value.strip(), i, col0 + lead))
        # a YAML comment after a plain value: "refs.bib # the OUP template's"
        values = [(_without_yaml_comment(v) if v[:1] not in "'\"" else v, ln, col)
                  for v, ln, col in values]
        cleaned = []
        for text, ln, col in values:
            unquoted = text.strip()
            if len(unquoted) >= 2 and unquoted[0] == unquoted[-1] and unquoted[0] in "'\"":
                unquoted = unquoted[1:-1]
                col += 1
            if unquoted:
                cleaned.append((unquoted, ln, col))
        found[m.group("key")] = (i, cleaned)
    return found


class _MarkdownScanner:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.where = Positions(text)
        self.citations: list[DraftCitation] = []
        self.suppress: dict[int, frozenset[str]] = {}

    def _mask(self) -> tuple[str, int]:
        lines = self.text.split("\n")
        fm_end = _front_matter_end(lines)
        masked_lines = _mask_blocks(lines, fm_end)
        for i in range(fm_end):
            masked_lines[i] = _blank(lines[i])
        masked = "\n".join(masked_lines)

        def comment(m: re.Match[str]) -> str:
            s = SUPPRESSION.search(m.group(0))
            if s:
                self.suppress[self.where(m.start())[0]] = suppressed_codes(s)
            return _blank(m.group(0))

        masked = _HTML_COMMENT.sub(comment, masked)
        return _mask_spans(masked), fm_end

    def scan(self) -> DraftScan:
        masked, fm_end = self._mask()
        bibliographies: list[str] = []
        nocite_all = False
        date: str | None = None
        defined: frozenset[str] = frozenset()
        if "references:" in self.text:
            defined = _later_reference_ids(self.text.split("\n"), fm_end)
        if fm_end:
            defined |= _reference_ids(self.text.split("\n"), fm_end)
            meta = _front_matter(self.text.split("\n"), fm_end)
            for value, _, _ in meta.get("bibliography", (0, []))[1]:
                bibliographies.append(value)
            for value, ln, col in meta.get("nocite", (0, []))[1]:
                for m in _CITE_AT.finditer(value):
                    key = m.group("braced") or m.group("bare")
                    self.citations.append(DraftCitation(
                        key=key, path=self.path, line=ln,
                        column=col + m.start("braced" if m.group("braced") else "bare"),
                        command="nocite", nocite=True))
                if re.search(r"@\*", value):
                    nocite_all = True
            dates = meta.get("date", (0, []))[1]
            if dates:
                date = parse_human_date(dates[0][0])
        self._citations(masked)
        return DraftScan(
            path=self.path,
            citations=tuple(self.citations),
            bibliographies=tuple(bibliographies),
            nocite_all=nocite_all,
            date=date,
            suppressions=MappingProxyType(dict(self.suppress)),
            defined_keys=defined,
        )

    def _citations(self, masked: str) -> None:
        pairs = _bracket_pairs(masked)
        closers = {close: open_ for open_, close in pairs.items()}
        # innermost "[" enclosing each "@": walk the text once with a stack
        hits = list(_CITE_AT.finditer(masked))
        if not hits:
            return
        # merge the bracket events and the hits in text order
        events = sorted([(o, 0) for o in pairs] + [(c, 1) for c in closers]
                        + [(m.start(), 2) for m in hits])
        enclosing: dict[int, int | None] = {}
        stack: list[int] = []
        for offset, what in events:
            if what == 0:
                stack.append(offset)
            elif what == 1:
                if stack and stack[-1] == closers[offset]:
                    stack.pop()
            else:
                enclosing[offset] = stack[-1] if stack else None
        bracket_ok: dict[int, bool] = {}
        for m in hits:
            open_ = enclosing.get(m.start())
            if open_ is not None:
                if open_ not in bracket_ok:
                    bracket_ok[open_] = self._is_citation_bracket(masked, open_, pairs[open_])
                if bracket_ok[open_]:
                    continue  # handled with its bracket below
            self._in_text(masked, m, pairs)
        for open_, ok in sorted(bracket_ok.items()):
            if ok:
                self._bracketed(masked, open_, pairs[open_])

    @staticmethod
    def _items(masked: str, open_: int, close: int) -> list[tuple[int, int]]:
        """Spans of the ``;``-separated items of a bracket (nested brackets kept whole)."""
        items: list[tuple[int, int]] = []
        depth = 0
        start = open_ + 1
        for i in range(open_ + 1, close):
            ch = masked[i]
            if ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
            elif ch == ";" and depth == 0:
                items.append((start, i))
                start = i + 1
        items.append((start, close))
        return items

    def _is_citation_bracket(self, masked: str, open_: int, close: int) -> bool:
        if open_ > 0 and masked[open_ - 1] in "^!":
            return False  # ^[inline footnote], ![image]
        after = masked[close + 1: close + 2]
        if after in ("(", "[", ":") or masked.startswith("[^", open_):
            return False  # a link, a reference link or a footnote label
        for a, b in self._items(masked, open_, close):
            if not any(m.start() >= a for m in _CITE_AT.finditer(masked, a, b)):
                return False
        return True

    def _bracketed(self, masked: str, open_: int, close: int) -> None:
        for a, b in self._items(masked, open_, close):
            m = _CITE_AT.search(masked, a, b)
            if m is None:
                continue
            prefix = masked[a:m.start()].strip() or None
            suffix = masked[m.end():b]
            rest = suffix.strip()
            if rest.startswith(","):
                rest = rest[1:].strip()
            pinpoint = normalize_pinpoint(rest) if rest else None
            self._add(m, "[-@" if m.group("minus") else "[@", prefix, pinpoint)

    def _in_text(self, masked: str, m: re.Match[str], pairs: dict[int, int]) -> None:
        # "@key [p. 33]": a bracket right after the key with no key in it is the locator
        j = m.end()
        while j < len(masked) and masked[j] in " \t":
            j += 1
        pinpoint = None
        if j < len(masked) and masked[j] == "[" and j in pairs:
            inner = masked[j + 1:pairs[j]]
            after = masked[pairs[j] + 1: pairs[j] + 2]
            if not _CITE_AT.search(inner) and after not in ("(", "[", ":"):
                pinpoint = normalize_pinpoint(inner.strip()) or None
        self._add(m, "@", None, pinpoint)

    def _add(self, m: re.Match[str], command: str, prefix: str | None,
             pinpoint: str | None) -> None:
        braced = m.group("braced")
        key = braced if braced is not None else m.group("bare")
        start = m.start("braced") if braced is not None else m.start("bare")
        line, column = self.where(start)
        self.citations.append(DraftCitation(
            key=key, path=self.path, line=line, column=column, command=command,
            pinpoint=pinpoint, prenote=prefix))


# files a Quarto or R Markdown document pulls in: Quarto's include shortcode
# ({{< include _part.qmd >}}) and knitr's child documents (```{r child="ch1.Rmd"}```,
# or a chunk option line "#| child: ch1.qmd")
_QUARTO_INCLUDE = re.compile(r"(?<!\{)\{\{<[ \t]*include[ \t]+(?P<path>[^\s>]+)[ \t]*>\}\}")
_KNITR_CHILD = re.compile(
    r"^(?:[ \t]*```+[ \t]*\{r\b[^}\n]*?\bchild[ \t]*=[ \t]*|[ \t]*#\|[ \t]*child[ \t]*[:=][ \t]*)"
    r"(?P<q>['\"])(?P<path>[^'\"\n]+)(?P=q)", re.MULTILINE)


def _includes(text: str) -> tuple[Include, ...]:
    """The Quarto includes and knitr child documents of ``text``, in order."""
    found: list[tuple[int, str, str]] = []
    if "{{<" in text:
        # a shortcode shown in a code block or escaped ({{{< include x >}}}) is an example
        lines = text.split("\n")
        shown = _mask_blocks(lines, 0)
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        for m in _QUARTO_INCLUDE.finditer(text):
            row = bisect_right(starts, m.start()) - 1
            if shown[row].strip():
                found.append((m.start(), m.group("path"), "{{< include >}}"))
    if "child" in text:
        found += [(m.start("path"), m.group("path"), "child=") for m in _KNITR_CHILD.finditer(text)]
    out = []
    for at, written, command in sorted(found):
        out.append(Include(path_as_written=written, line=text.count("\n", 0, at) + 1,
                           column=at - text.rfind("\n", 0, at), command=command))
    return tuple(out)


def scan_markdown(text: str, *, path: str) -> DraftScan:
    """Citations, front matter bibliographies, nocite, date and includes of one
    Markdown file."""
    scan = _MarkdownScanner(text, path).scan()
    ordered = tuple(sorted(scan.citations, key=lambda c: (c.line, c.column)))
    return DraftScan(
        path=scan.path, citations=ordered, bibliographies=scan.bibliographies,
        nocite_all=scan.nocite_all, date=scan.date, suppressions=scan.suppressions,
        defined_keys=scan.defined_keys, includes=_includes(text))
