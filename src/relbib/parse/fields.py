"""Segments → BibTeX fields and an entry type.

Input: the labelled segments of one reference string, in order, as
``(label, text)`` pairs; labels are AnyStyle's (author, title, journal,
container-title, volume, pages, date, location, publisher, ...).
Output: a dict of BibTeX fields (names as tuples of Name) and an entry type.
Never: look at the raw string again or guess a field no segment holds.

The conversion follows the conventions of the gold data: the first value of
a repeated label wins, except names (concatenated) and notes (joined "; ").
"""

from __future__ import annotations

import re
from types import MappingProxyType

from relbib.model import FieldValue, FullRef, Name, freeze_fields
from relbib.parse import patterns as P
from relbib.parse.dates import parse_date
from relbib.parse.names import split_names
from relbib.parse.pages import normalize_pages

# label → field for labels that only need their text cleaned.
_PLAIN = {
    "location": "address",
    "publisher": "publisher",
    "edition": "edition",
    "genre": "type",
    "medium": "howpublished",
    "collection-title": "series",
    "journal": "journal",
}
_NAME_LABELS = {"author": "author", "editor": "editor", "translator": "translator"}

_ROMAN_OR_NUMBER = r"(?:[0-9]+[a-z]?|[IVXLCDM]+)"
# "(1951)" / "(1977-1978)" after a volume is the year, not the issue.
_YEARISH = re.compile(rf"^\s*(?:1[0-9]\d\d|20\d\d)(?:\s*{P.DASH}\s*\d{{2,4}})?\s*$")


def strip_punct(text: str) -> str:
    """Text without surrounding spaces, commas, colons and a final full stop."""
    s = re.sub(r"\s+", " ", text).strip()
    s = P.WRAP_PUNCT.sub("", s)
    if s.endswith(".") and not re.search(r"(?:\b[A-Z]|\b[A-Za-z]{1,3}\.[A-Za-z]{1,3})\.$", s):
        s = s[:-1]
    return s.strip(" ,;:")


# The opening mark of a closing curly quote (a title may end in a quotation of its own).
_OPENER = {"\u2019": "\u2018", "\u201d": "\u201c"}
# A title opening with a quotation before its subtitle: "“The Land and Its People”: Reflections".
# ("“The Land”: Reflections", "‘Aryanisation’ in Hamburg": the quotation is a part of the title)
_QUOTATION_OPENS = re.compile(r"^(?:\u201c[^\u201d]+\u201d|\u2018[^\u2019]+\u2019)(?::\s|\s(?=\w))")


def clean_title(text: str) -> str:
    """A title without wrapping quotes or trailing punctuation ("?" and "!" stay)."""
    s = re.sub(r"\s+", " ", text).strip()
    s = s.strip(" ,;:")
    s = re.sub(r"\.$", "", s).strip()
    if _QUOTATION_OPENS.match(s) and _OPENER.get(s[-1]) != s[0]:
        pass  # "“The Land”: Reflections": a quotation opens the title; no quotes wrap it
    elif len(s) >= 2 and s[0] in P.OPEN_QUOTES:
        inner = s[1:]
        inner = re.sub(r"[,.;:]$", "", inner.rstrip())
        if inner and inner[-1] in P.CLOSE_QUOTES:
            inner = inner[:-1]
        s = inner
        s = re.sub(r"[,;:]$", "", s.strip())
    elif s.endswith(("\u2019", "\u201d")) and s.count(_OPENER[s[-1]]) == s.count(s[-1]):
        s = re.sub(r"[,.](?=[\u2019\u201d]$)", "", s)  # "… the ‘Southern Question,’": a quotation closes it
    elif len(s) >= 2 and s[-1] in P.CLOSE_QUOTES and s.count(s[-1]) == 1:
        s = s[:-1]
    s = s.strip(" ,;:")
    if s.endswith(".") and not re.search(r"\b[A-Z]\.$", s):
        s = s[:-1]
    return s.strip()


def clean_edition(text: str) -> str:
    """An edition without the word "ed."/"edition": "2nd ed." → "2nd", "Rev. ed." → "Rev"."""
    only = P.EDITION_ONLY.match(text.strip())
    if only:
        return only.group("edition").rstrip(".")
    return strip_punct(text).strip("()[] ")


def clean_container(text: str) -> str:
    """A container title without a leading "In"/"in:" and wrapping punctuation."""
    return clean_title(P.LEADING_IN.sub("", text.strip()))


def parse_volume(text: str) -> dict[str, str]:
    """volume, number, pages and year of a volume segment ("40(2):221-252", "Vol. 3, No. 1")."""
    out: dict[str, str] = {}
    s = re.sub(r"\s+", " ", text).strip(" ,;:.")
    m = P.VOLUME_ISSUE.search(s)
    if m and _YEARISH.match(m.group("number")):
        out["volume"] = m.group("volume")
        year = P.YEAR.search(m.group("number"))
        if year:
            out["year"] = year.group(1)
        if m.group("pages"):  # "48 (1986): 1-26"
            out["pages"] = normalize_pages(m.group("pages"))
        rest = s[m.end() :]
    elif m:
        out["volume"] = m.group("volume")
        out["number"] = m.group("number").strip()
        if m.group("pages"):
            out["pages"] = normalize_pages(m.group("pages"))
        rest = s[m.end() :]
    else:
        vol = P.VOLUME_LABEL.search(s)
        num = P.NUMBER_LABEL.search(s)
        if vol:
            out["volume"] = vol.group("volume")
        if num:
            out["number"] = num.group("number")
        head = re.sub(r"\b(?:1[0-9]\d\d|20\d\d)\b", " ", s[: num.start()] if num else s)
        bare = None if vol else P.BARE_NUMBER.search(head)
        if bare:
            out["volume"] = bare.group(1)
            # "36, 3": volume then issue, both bare
            pair = re.fullmatch(r"\s*([0-9]+)\s*,\s*([0-9]+)\s*", s)
            if pair and not num and not P.YEAR.fullmatch(pair.group(2)):
                out["number"] = pair.group(2)
        rest = s
        colon = re.search(rf":\s*([0-9]+(?:\s*{P.DASH}+\s*[0-9]+)?)\s*$", s)
        if colon:
            out["pages"] = normalize_pages(colon.group(1))
    if "year" not in out:
        year = P.YEAR.search(rest if m else s)
        if year and year.group(1) != out.get("volume"):
            out["year"] = year.group(1)
    return out


def _doi(text: str) -> str:
    m = P.DOI.search(text)
    return m.group("doi").rstrip(".,;)") if m else strip_punct(text)


def _url(text: str) -> str:
    m = P.URL.search(text)
    return m.group("url").rstrip(".,;)>") if m else strip_punct(P.NOTE_BOILERPLATE.sub("", text))


# Name particles that end a given name in ABNT style ("SILVA, Antônio Carlos
# Ribeiro da."): their full stop ends the name, not the sentence.
_TRAILING_PARTICLE = frozenset("da. de. do. dos. das. del. della. van. von. du. des.".split())


def _split_off_container(out: list[tuple[str, str]], label: str, run: re.Pattern[str],
                         head: str) -> None:
    """Split the first ``label`` segment that ``run`` reads as its own part (group
    ``head``) followed by a container (group ``container``), in place; only while
    no segment is a container yet."""
    if "container-title" in {seg_label for seg_label, _ in out}:
        return
    for i, (seg_label, text) in enumerate(out):
        found = run.match(text) if seg_label == label else None
        if found:
            out[i : i + 1] = [(label, found.group(head)),
                              ("container-title", found.group("container"))]
            return


def repair_segments(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Segments with four tagger slips at a boundary undone.

    * an editor run and the container after its "(ed.)" in one editor
      segment ("in Roe, J. (ed.) Big Book."): split;
    * a quoted title and its "In" container in one title segment: split;
    * a name cut before its trailing particle ("…, Antônio Carlos | Ribeiro da.
      Metodologia…"): the words up to the particle go back to the name;
    * a bracket opened in one segment and closed at the start of the next
      ("(2006, | Aout). L’éducation…"): the closing words go back.
    """
    out = list(segments)
    _split_off_container(out, "editor", P.EDITORS_THEN_CONTAINER, "editors")
    _split_off_container(out, "title", P.QUOTED_THEN_IN, "title")
    for i in range(1, len(out)):
        (prev_label, prev), (label, text) = out[i - 1], out[i]
        words = text.split()
        cut = 0
        if prev_label in _NAME_LABELS and label == "title":
            k = next((k for k, w in enumerate(words[:5]) if w.lower() in _TRAILING_PARTICLE), -1)
            if k >= 0 and all(w[:1].isupper() for w in words[:k]):
                cut = k + 1
        elif prev.count("(") > prev.count(")"):
            k = next((k for k, w in enumerate(words[:3]) if ")" in w), -1)
            if k >= 0 and "(" not in " ".join(words[: k + 1]):
                cut = k + 1
        if cut and cut < len(words):
            out[i - 1] = (prev_label, f"{prev} {' '.join(words[:cut])}")
            out[i] = (label, " ".join(words[cut:]))
    return out


def segments_to_fields(segments: list[tuple[str, str]]) -> dict[str, FieldValue]:
    """BibTeX fields of labelled segments (first value wins; names add up)."""
    segments = repair_segments(segments)
    # A container needs something it contains: a lone container-title that
    # no "In" introduces is the work's own title ("Milanich, J. 1994
    # Archaeology of Precolumbian Florida. University Press of Florida").
    labels = [label for label, _ in segments]
    if "title" not in labels and labels.count("container-title") == 1:
        k = labels.index("container-title")
        if not P.LEADING_IN.match(segments[k][1]):
            segments = [*segments[:k], ("title", segments[k][1]), *segments[k + 1 :]]
    fields: dict[str, FieldValue] = {}
    names: dict[str, list[Name]] = {}
    notes: list[str] = []
    derived: dict[str, str] = {}

    def put(name: str, value: str) -> None:
        if value and name not in fields:
            fields[name] = value

    for label, text in segments:
        if label in _NAME_LABELS:
            names.setdefault(_NAME_LABELS[label], []).extend(split_names(text))
        elif label == "title":
            put("title", clean_title(text))
        elif label == "container-title":
            lead = P.CONTAINER_EDITORS.match(text)
            if lead and "editor" not in names:
                names["editor"] = list(split_names(lead.group("names")))
                text = lead.group("rest")
            put("booktitle", clean_container(text))
        elif label == "journal":
            put("journal", clean_container(text))
        elif label == "edition":
            put("edition", clean_edition(text))
        elif label in _PLAIN:
            put(_PLAIN[label], strip_punct(text).strip("()[] "))
        elif label == "date":
            year, iso = parse_date(text)
            if year and "year" not in fields:
                fields["year"] = year
            # "(1996), ... July 1996.": a later, more precise date of the same year
            if iso and fields.get("year") == year and "date" not in fields:
                fields["date"] = iso
        elif label == "volume":
            for key, value in parse_volume(text).items():
                if key in ("year", "pages"):  # an explicit segment of its own wins
                    derived.setdefault(key, value)
                else:
                    put(key, value)
        elif label == "pages":
            put("pages", normalize_pages(text))
        elif label == "doi":
            put("doi", _doi(text))
        elif label == "url":
            put("url", _url(text))
        elif label == "isbn":
            m = P.ISBN.search(text)
            put("isbn", m.group("isbn") if m else strip_punct(text))
        elif label in ("note", "source"):
            note = strip_punct(P.NOTE_BOILERPLATE.sub("", text))
            if note:
                notes.append(note)
    # "98:5: 46": when a page segment follows, the number after the volume's
    # colon is not the pages (gold leaves such an issue out, and so do we).
    spare = derived.pop("pages", "")
    if spare:
        put("pages", spare)
    for key, value in derived.items():
        put(key, value)
    for key, found in names.items():
        if found:
            fields[key] = tuple(found)
    if notes:
        fields["note"] = "; ".join(notes)
    return fields


def entry_type(fields: dict[str, FieldValue]) -> str:
    """The BibTeX entry type the fields describe."""
    kind = str(fields.get("type", ""))
    if kind and P.THESIS.search(kind):
        return "phdthesis"
    if kind and P.MASTERS.search(kind):
        return "mastersthesis"
    if (kind and P.REPORT.search(kind)) or "institution" in fields:
        return "techreport"
    if "journal" in fields:
        return "article"
    if "booktitle" in fields:
        return "inproceedings" if P.PROCEEDINGS.search(str(fields["booktitle"])) else "incollection"
    if "url" in fields and "publisher" not in fields:
        return "online"
    if "publisher" in fields or "address" in fields or "isbn" in fields:
        return "book"
    return "misc"


def certain_ref(text: str, kind: str, fields: dict[str, FieldValue], pinpoint: str | None) -> FullRef:
    """The FullRef of a note a reader understood whole: every field read with certainty."""
    return FullRef(text=text, type=kind, fields=freeze_fields(fields),
                   confidence=MappingProxyType({name: 1.0 for name in sorted(fields)}),
                   pinpoint=pinpoint)
