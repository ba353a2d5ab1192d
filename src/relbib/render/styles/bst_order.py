"""The order and labels of BibTeX's standard styles (plain.bst, alpha.bst).

Input: pybtex entries, as a .bib file or :mod:`relbib.render.convert` makes them.
Output: ``presort``'s sort key (plain, abbrv) and alpha.bst's labels with the
entries in alpha's order: ``[("KA21", entry), ("Smi10a", ...), ...]``.
Never: format an entry (:mod:`relbib.render.styles.bst` does) or read files.

Each function follows the .bst function of the same name: ``purify$`` keeps
letters, digits and spaces; ``sortify`` lower-cases ASCII; a name is split
at spaces, hyphens and ties into tokens, as BibTeX splits it.  A letter
outside ASCII sorts as BibTeX sorts it written in UTF-8 (after "z"), as the
.bib relbib writes for BibTeX spells it; written as a TeX accent (``{\\'e}``)
BibTeX would sort it as its base letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pybtex.style.sorting import BaseSortingStyle

from relbib.render.convert import restore

# BibTeX's entry.max$: a sort key is cut to this many characters
_ENTRY_MAX = 250
# the characters purify$ turns into a space (white space, hyphen, tie)
_SPACE_LIKE = re.compile(r"[\s\-~\u00a0]")
# what name tokens are split at
_TOKEN_SEP = re.compile(r"[\s\-~\u00a0]")
# the code points relbib.render.convert uses for fonts; braces
_MARKUP = re.compile(r"[{}\ue009-\ue00d]")


def _plain(value: str) -> str:
    """A field as its characters, braces and font marks left out."""
    return _MARKUP.sub("", restore(value))


def purify(value: str) -> str:
    """``purify$``: letters, digits and (from spaces, hyphens, ties) spaces."""
    spaced = _SPACE_LIKE.sub(" ", _plain(value))
    return "".join(ch for ch in spaced if ch == " " or ch.isalnum())


def sortify(value: str) -> str:
    """``sortify``: ``purify$`` then ``"l" change.case$`` (ASCII only)."""
    return "".join(ch.lower() if ch.isascii() else ch for ch in purify(value))


def _chop(value: str, *words: str) -> str:
    """``chop.word``: the value without a leading "A ", "An " or "The "."""
    for word in words:
        if value.startswith(word):
            return value[len(word):]
    return value


def _tokens(parts: Iterable[str]) -> list[str]:
    """A name's tokens: split at spaces, hyphens and ties outside braces."""
    out: list[str] = []
    for part in parts:
        depth, token = 0, ""
        for ch in part:
            depth += {"{": 1, "}": -1}.get(ch, 0)
            if depth == 0 and _TOKEN_SEP.fullmatch(ch):
                out.append(token)
                token = ""
            else:
                token += ch
        out.append(token)
    return [restore(t) for t in out if t]


def _is_others(person: Any) -> bool:
    return str(person).strip() == "others"


def sort_format_names(persons: list[Any]) -> str:
    """``sort.format.names``: "von last  first  jr", names apart by three spaces."""
    out = []
    for i, person in enumerate(persons):
        if i == len(persons) - 1 and _is_others(person) and i:
            out.append("et al")
            continue
        von = " ".join(_tokens(person.prelast_names))
        name = (von + " " if von else "") + " ".join(_tokens(person.last_names))
        first = " ".join(_tokens(person.first_names + person.middle_names))
        jr = " ".join(_tokens(person.lineage_names))
        name += ("  " + first if first else "") + ("  " + jr if jr else "")
        out.append(sortify(name))
    return "   ".join(out)


def _field(entry: Any, name: str) -> str:
    value = entry.fields.get(name, "")
    return value if value.strip() else ""


def _persons(entry: Any, role: str) -> list[Any]:
    return list(entry.persons.get(role, ()))


def _creator_sort(entry: Any) -> str:
    """``author.sort`` and its kin, chosen by the entry type as ``presort`` does."""
    kind = entry.type.lower()
    roles = {"book": ("author", "editor"), "inbook": ("author", "editor"),
             "proceedings": ("editor",)}.get(kind, ("author",))
    for role in roles:
        if _persons(entry, role):
            return sort_format_names(_persons(entry, role))
    organization = _field(entry, "organization")
    if _field(entry, "key"):
        if kind not in ("manual", "proceedings") or not organization:
            return sortify(_field(entry, "key"))
    if kind in ("manual", "proceedings") and organization:
        return sortify(_chop(_plain(organization), "The "))
    return ""


def presort(entry: Any, label: str = "") -> str:
    """``presort``'s sort key: creator, year, title (alpha: its label first)."""
    title = sortify(_chop(_plain(_field(entry, "title")), "A ", "An ", "The "))
    key = f"{_creator_sort(entry)}    {sortify(_field(entry, 'year'))}    {title}"
    if label:
        key = f"{label}    {key}"
    return key[:_ENTRY_MAX]


class BstSorting(BaseSortingStyle):
    """plain.bst's order (plain, abbrv): :func:`presort`."""

    def sorting_key(self, entry: Any) -> str:
        return presort(entry)


# --- alpha.bst's labels -------------------------------------------------------


def _initials(person: Any) -> str:
    """``"{v{}}{l{}}"``: the first letters of the von and last tokens."""
    tokens = _tokens(person.prelast_names) + _tokens(person.last_names)
    return "".join(_MARKUP.sub("", t)[:1] for t in tokens)


def format_lab_names(persons: list[Any]) -> str:
    """``format.lab.names``: "KA", "LGM", "ABG+", or "Ahm" for one name."""
    if len(persons) == 1:
        initials = _initials(persons[0])
        if len(initials) >= 2:
            return initials
        return _MARKUP.sub("", " ".join(_tokens(persons[0].last_names)))[:3]
    shown = persons[:3] if len(persons) > 4 else persons
    out = "".join("+" if i == len(persons) - 1 and _is_others(p) else _initials(p)
                  for i, p in enumerate(shown))
    return out + "+" if len(persons) > 4 else out


def _label_base(entry: Any) -> str:
    """``calc.label`` before the year: names, else key, organization or cite key."""
    kind = entry.type.lower()
    roles = {"book": ("author", "editor"), "inbook": ("author", "editor"),
             "proceedings": ("editor",)}.get(kind, ("author",))
    for role in roles:
        if _persons(entry, role):
            return format_lab_names(_persons(entry, role))
    if _field(entry, "key"):
        return _plain(_field(entry, "key"))[:3]
    if kind in ("manual", "proceedings") and _field(entry, "organization"):
        return _chop(_plain(_field(entry, "organization")), "The ")[:3]
    return (entry.key or "")[:3]


def alpha_labels(entries: Iterable[Any]) -> list[tuple[str, Any]]:
    """The entries in alpha.bst's order, each with its label ("Smi10a")."""
    rows = []
    for entry in entries:
        base, year = _label_base(entry), purify(_field(entry, "year"))
        sort_label = sortify(base + year[-4:])
        rows.append((presort(entry, sort_label), sort_label, base + year[-2:], entry))
    rows.sort(key=lambda row: row[0])
    out: list[tuple[str, Any]] = []
    for i, (_key, sort_label, label, entry) in enumerate(rows):
        same_before = i > 0 and rows[i - 1][1] == sort_label
        same_after = i + 1 < len(rows) and rows[i + 1][1] == sort_label
        if same_before or same_after:
            first = i
            while first > 0 and rows[first - 1][1] == sort_label:
                first -= 1
            label += chr(ord("a") + i - first)
        out.append((label, entry))
    return out
