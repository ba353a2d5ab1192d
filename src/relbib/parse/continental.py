"""Continental European footnotes: Italian, French, German and Spanish case law and
law-journal articles, and the European Court of Human Rights.

Input: the text of one note (signals already split off, spaces normalised).
Output: a FullRef for a court decision (``jurisdiction``), an article in the
continental manner (``article``), a German commentary or handbook chapter
(``incollection``) or a German textbook by its edition (``book``); None for
anything else.
Never: guess — a note is read only when every piece of it is placed; look at
other notes; touch a file.

The shapes (the court abbreviations live in ``lexicon/data/courts.tsv``):

* decision: ``Cass. civ., sez. III, 12 marzo 2010, n. 6045, in Foro it., 2010, I,
  1234`` / ``Cass. 1re civ., 12 mai 2010, n° 09-12.345`` / ``BGH, Urteil vom
  12.3.2010 – V ZR 12/09, NJW 2010, 1234 (1236)`` / ``BVerfGE 65, 1 (43)`` /
  ``STS 1234/2010, de 12 de marzo`` / ``ECtHR, Smith v. Italy, no. 12345/06, 12
  May 2010, § 45``: ``institution`` = the court as printed (with its section),
  ``title`` = the parties' name when printed, else the decision's designation
  (court, date, number), ``date``/``year``, ``number``, ``howpublished`` = the
  report (or the ECLI);
* article: ``R. Rossi, Titolo, in Riv. dir. civ., 2010, I, p. 343`` / ``P. Name,
  Title, in Am. J. Comp. L., 39, 1991, 1, p. 343`` / ``M. Name, Titel, in: NJW
  2010, 1234 (1236)`` / ``S. Name, Titel, JZ 2005, 101 (105)`` / ``C. Nom, « Titre
  », RTD civ. 2011, p. 45`` / ``ROSSI, Titolo, in Giur. it., 2016, p. 712`` (a surname
  alone, Italian small capitals in title case);
* commentary: ``Name, in: Hrsg1/Hrsg2, 6. Aufl. 2020, § 4 UrhG, Rn. 38``: author =
  the commentator, ``editor``, ``booktitle`` = the work (or its editors' names),
  ``edition``, ``year``, ``title`` = the provision commented, pinpoint ``Rn. 38``;
* German textbook: ``Name/Name, Titel, 8. Aufl. 2022, § 11 Rn. 2``.

Provisions of codes, acts, theses, «Rivista» articles, web pages, bare ECLIs and
encyclopedia entries: :mod:`relbib.parse.continental_works`.  German humanities notes
("Roe, Jane; Doe, John: Titel, in: …", "Vorname Name: Titel. Ort: Verlag Jahr"), and the
short form with a year (a ShortRef): :mod:`relbib.parse.continental_german`.
"""

from __future__ import annotations

import re
from functools import cache

from relbib import lexicon
from relbib.model import FieldValue, Name, Reference
from relbib.parse.continental_german import humanities_book, humanities_chapter, read_german_note
from relbib.parse.continental_works import (
    dash_names,
    french_paper,
    parse_continental_more,
    uninverted,
)
from relbib.parse.dates import month_number
from relbib.parse.fields import certain_ref
from relbib.parse.forms import normalize_pinpoint
from relbib.parse.names import split_names

__all__ = ["parse_continental"]

_MONTH = r"[^\W\d_]{3,10}\.?"
# A day, a month word of any language the lexicon holds and a year (Italian, French with
# "1er", German with an ordinal "1.", Spanish with "de"), or a numeric date: 12.3.2010, 12/03/2010.
_DATE = re.compile(
    rf"(?P<d>\d{{1,2}})(?:er|°|º|\.)?\s(?:de\s)?(?P<m>{_MONTH})(?:\s(?:de\s)?(?P<y>\d{{4}}))?"
    r"|(?P<nd>\d{1,2})[./](?P<nm>\d{1,2})[./](?P<ny>\d{4})"
)
# A decision's number: "n. 6045", "n° 09-12.345", "no. 12345/06", "nos. 1/08 and 2/09", "Nr. 4".
_NUMBER = re.compile(
    # (the ECtHR's "App. nos. 1/08 and 2/08", "Application no. 12345/06", OSCOLA's "App no 12345/06")
    r"^(?:(?:sent|ord|déc|dec|req|ric|decr)\.\s|pourvois?\s|(?:App(?:l)?\.?|Applications?)\s)?"
    r"(?:nn?\.|n°|nº|no\.|nos\.|Nr\.|Az\.|req\.\sn°|(?<=App\s)nos?(?=\s))\s?"
    r"(?P<num>[\w./-]*\d[\w./-]*(?:\s[A-Z]{1,4}\b)?(?:\s(?:and|et|e|und)\s(?:n°\s?)?[\w./-]+(?:\sothers|\sautres|\saltri)?)?)$"
)
# A German file number ("V ZR 12/09", "I-20 U 16/20", "1 BvR 2368/08") or a bare "238/2014".
_FILE_NUMBER = re.compile(
    r"^(?:[IVX\d]+[a-z]?(?:-\d+)?\s[A-Z][A-Za-z]{0,4}(?:\s\([A-Za-z]+\))?\s|[CTF]-)?\d+/\d{2,4}$"
)
# A date with its file number in brackets: "1. Dezember 2010 (I ZR 196/08)", "29. Oktober 2015 (C-490/14)".
_DATE_AND_FILE = re.compile(r"^(?P<date>.+?)\s\((?P<file>[^()]+)\)$")
# A case's name between spaced dashes, German manner: "…, - Blaue Brücke II - Rn. 19".
_DASHED_NAME = re.compile(r",?\s[-\u2013]\s(?P<name>[^\s,\u2013-][^,\u2013]{0,80}?)\s[-\u2013](?=\s|,|$)")
_ECLI = re.compile(r"^ECLI:[A-Z]{2}:[A-Z0-9]+:\d{4}:[\w.]+$")
# What a decision's kind is called before its date: "Urteil vom", "Beschl. v.", "sent.", "arrêt du".
_KIND = re.compile(
    r"^(?:(?:Urteil|Urt\.|Beschluss|Beschl\.|Entscheidung|Vorlagebeschluss)\s(?:vom|v\.)\s?|(?:sent|ord|déc|arrêt)\.?\s(?:du\s)?)"
)
# A pinpoint closing a decision or an article: "§ 45", "Rn. 12", "para. 45", "punto 5", "(1236)".
_PIN = re.compile(
    r"^(?:juris\s)?(?:pp?\.\s|S\.\s)?(?P<pin>(?:(?:§§?|Rn\.|Rz\.|paras?\.|par\.|points?|punto|cons\.|considérant|FJ|F\.\s?J\.|FD)\s?)?"
    r"\d+[a-z]?(?:\s?[-\u2013]\s?\d+)?(?:\s?(?:ff?|ss)\.?)?)(?:\s(?:mwN|m\.\s?w\.\s?N\.|je\smwN)\b.*)?$"
)
_PAREN_PIN = re.compile(r"\s\((?P<pin>\d+(?:\s?[-\u2013]\s?\d+)?(?:\s?ff?\.)?)\)$")
# A law report by its abbreviation and year: "NJW 2015", "D. 2012", "RTD civ. 2011".
_REPORTER = re.compile(r"^[A-Z][A-Za-z]{0,6}\.?(?:\s[a-zA-Z]{1,6}\.?){0,3}\s(?:1[89]|20)\d\d$")
# Where the court's first piece goes on to a date, a number or a report: "Cass. com. 3 févr.
# 2015", "STS 1234/2010", "BGH NJW 2015".
_FIRST_PIECE_FACTS = re.compile(
    r"\s(?=\d{1,2}(?:er)?\s[^\W\d_]{3}|\d{1,2}\.\d{1,2}\.\d{4}|\d+/\d{2,4}$|[A-Z][A-Za-z.]+\s(?:1[89]|20)\d\d$)"
)
# A journal's abbreviation standing alone before the year: "GRUR, 1991, 529".
_BARE_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z-]{0,10}$")
# A French constitutional decision: "n° 2010-605 DC du 12 mai 2010".
_CONSTITUTIONAL = re.compile(r"(?:n°\s?)?(?P<num>\d{4}-\d+\s(?:DC|QPC|L|I|LP|FNR))\sdu\s(?P<date>.+)")
_DIVISION = re.compile(
    r"^(?:sez\.|sezione|sect\.|section|ch\.|chambre|ass\.|plén\.|sez\.\sun\.|Sez\.|Ad\.\s[Pp]len\.|[IVX]+\s?(?:sez\.|Sez\.)"
    r"|\d+(?:re|e|ème)\s(?:civ|ch)\.?|(?:1re|2e|3e)\s\w+\.?|civ\.|com\.|soc\.|crim\.|pen\.|lav\.|GC|Grand\sChamber"
    r"|Gr\.\sCh\.|Grande\sChambre|Grande\sCamera|[IVX]+\.?\s(?:Zivil|Straf)senat|\d+\.\sSenat)"
)


@cache
def _kind_named() -> re.Pattern[str]:
    """A kind of decision the designation keeps ("sentenza 4 maggio 2021", "ord. n. 406")."""
    kinds = "|".join(re.escape(k) for k in lexicon.decision_kinds())
    return re.compile(rf"^(?P<kind>{kinds})\s(?:(?:del|de)\s)?(?=\d|n\.|n\u00b0)")


# The writer's words after a decision's date or number: two lower-case words ("con condanna",
# "che ha trasmesso", "in materia di"); "in Foro it." opens its report instead (read before).
_WRITERS_WORDS = re.compile(r"[a-z\u00e0-\u00f9]{2,}\s[a-z\u00e0-\u00f9']{2,}")
# An Italian decision's filing date after its own: "9 gennaio 2020 (dep. 3 febbraio 2020)".
_FILED = re.compile(r"\s\(dep(?:\.|osit[ao])\s[^()]{4,40}\)$")


@cache
def _court_head() -> re.Pattern[str]:
    words = "|".join(re.escape(abbr) for abbr, _ in lexicon.court_abbreviations())
    return re.compile(rf"^(?P<abbr>{words})(?=[\s,]|$)")


def parse_continental(text: str) -> Reference | None:
    """The continental decision or article ``text`` is (see the module docstring), or None."""
    german = read_german_note(text)  # "Roe, Jane: Titel, in: …" (relbib.parse.continental_german)
    if german is not None:
        return german
    clean = uninverted(re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(".").strip())
    found = next(((kind, fields) for kind, read in _READERS if (fields := read(clean)) is not None), None)
    if found is None:
        return parse_continental_more(text)  # a code's provision, a thesis, «Rivista» (1989) 3
    kind, fields = found
    pin = fields.pop("_pin", None)
    return certain_ref(text, kind, fields,
                       normalize_pinpoint(pin) if isinstance(pin, str) else None)


# --- decisions ------------------------------------------------------------------


def _segments(text: str) -> list[str]:
    """The pieces between ", " and spaced dashes, outside parentheses."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and (text.startswith(", ", i) or text.startswith(" \u2013 ", i) or text.startswith(" - ", i)):
            pieces.append(text[start:i])
            start = i + (2 if text[i] == "," else 3)
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _iso_date(m: re.Match[str], year: str = "") -> tuple[str, str] | None:
    """(year, ISO date) of a date match, or None when it names no month."""
    if m.group("nd"):
        day, month, year = int(m.group("nd")), int(m.group("nm")), m.group("ny")
    else:
        month = month_number(m.group("m")) or 0
        day, year = int(m.group("d")), m.group("y") or year
    if not (1 <= month <= 12 and 1 <= day <= 31 and year):
        return None
    return year, f"{year}-{month:02d}-{day:02d}"


def _decision(text: str) -> dict[str, FieldValue] | None:
    head = _court_head().match(text)
    if head is None:
        return None
    report = next(kind for abbr, kind in lexicon.court_abbreviations() if abbr == head.group("abbr")) == "report"
    named = _DASHED_NAME.search(text, head.end())
    if named is not None:  # "…, - Blaue Brücke II - Rn. 19": the name, out of the pieces
        text = f"{text[: named.start()]}, {text[named.end():].lstrip(' ,')}".rstrip(" ,")
    # "…, in Dir. giust., 2006, 80 ove si afferma che …": the writer's words after the report's page
    text = re.split(r"(?<=\d)\s(?=(?!e\sss\b|ss\b)[a-z\u00e0-\u00f9]+\s[a-z\u00e0-\u00f9]{2,}\s)", text, maxsplit=1)[0]
    pin = _PAREN_PIN.search(text)
    body = text[: pin.start()] if pin else text
    segments = _segments(body)
    if report:
        return _official_report(body, segments, pin.group("pin") if pin else None)
    # "Cass. com. 3 févr. 2015" / "STS 1234/2010": the first piece holds a date or a number too
    first = segments[0]
    court, extra = first, []
    split = _FIRST_PIECE_FACTS.search(first, head.end() - 1)
    if split is not None:
        court, extra = first[: split.start()].strip(), [first[split.start():].strip()]
    found = {"name": named.group("name")} if named is not None else {}
    return _place_segments(court, extra + segments[1:], pin.group("pin") if pin else None, found)


def _place_segments(court: str, segments: list[str], pin: str | None,
                    found: dict[str, str]) -> dict[str, FieldValue] | None:
    """Give each piece after the court its place, or None when one has none."""
    courts = [court]
    reporter: list[str] = []
    for i, seg in enumerate(segments):
        seg = seg.strip()
        if reporter:
            pm = _pin_of(seg)
            if pm is not None and pin is None:
                pin = pm.group("pin")
            else:
                reporter.append(seg)
            continue
        if not reporter and not (found.keys() - {"name"}) and (_DIVISION.match(seg) or (  # "T.A.R. Lazio, Roma, sez. I"
                i == 0 and re.fullmatch(r"[A-Z][a-z\u00e0-\u00f9]+", seg) and _DIVISION.match(segments[min(1, len(segments) - 1)]))):
            courts.append(seg)
        elif not _place_one(seg, found):
            pm = _pin_of(seg)
            if pm is not None:
                pin = pm.group("pin")
            elif ("date" in found or "number" in found) and _WRITERS_WORDS.match(seg):
                break  # "…, sentenza 4 maggio 2021, con condanna alle spese": the writer's words
            elif _opens_report(seg, found, segments[i + 1] if i + 1 < len(segments) else ""):
                reporter.append(re.sub(r"^in:?\s", "", seg))
            elif "name" not in found and re.match(r"[A-Z\u00c0-\u00dd]", seg) and not re.search(
                    r"\d", name := re.sub(r"\s\((?:req\.\s)?(?:n°|no\.|nos\.)\s?[\d/]+\)$", "", seg)):
                found["name"] = name  # "Pretty c. Royaume-Uni (n°2346/02)": the application number aside
            else:
                return None
    if "date" not in found and "number" not in found and not reporter:
        return None
    return _decision_fields(courts, found, reporter, pin)


def _pin_of(seg: str) -> re.Match[str] | None:
    """The pinpoint ``seg`` is, named by its word ("p. 4", "Rn. 12", "§ 45"; a bare
    number is a page of the report, not a pinpoint)."""
    return None if seg[:1].isdigit() else _PIN.match(seg)


def _opens_report(seg: str, found: dict[str, str], after: str) -> bool:
    """Whether ``seg`` opens the report of the decision: "in Foro it.", "NJW 2010", "GRUR"
    before a year, or any piece with a number once the decision's date or number is
    placed ("Bull. civ. IV" once both are)."""
    if seg.startswith(("in ", "in: ")) or _REPORTER.match(seg):
        return True
    if re.search(r"\s(?:c\.|c/|v\.?|contre|contro|gegen)\s", seg):
        return False  # "Pretty c. Royaume-Uni (n°2346/02)": the parties, not a report
    if _BARE_ABBREVIATION.match(seg) and re.fullmatch(r"(?:1[89]|20)\d\d", after):
        return True
    placed = ("date" in found) + ("number" in found)
    return placed == 2 or (placed == 1 and re.search(r"\d", seg) is not None)


def _place_one(seg: str, found: dict[str, str]) -> bool:
    """Place a date, a number or an ECLI in ``found``; False when ``seg`` is none."""
    named = _kind_named().match(seg)
    if named is not None and "_kind" not in found:  # "sentenza 4 maggio 2021": the kind kept
        found["_kind"] = named.group("kind")
        return _place_one(seg[named.end():], found)
    kind = _KIND.sub("", _FILED.sub("", seg))
    with_file = _DATE_AND_FILE.match(kind)
    if with_file is not None and _FILE_NUMBER.match(with_file.group("file")) and "number" not in found:
        if not _place_one(with_file.group("date"), found):
            return False
        found["number"] = with_file.group("file")
        return True
    date = _DATE.fullmatch(kind) or _DATE.fullmatch(re.sub(r"^(?:de|du|vom|del)\s", "", kind))
    if date is not None and "date" not in found:
        dated = _iso_date(date, found.get("_year", ""))
        if dated is None:
            return False
        found["year"], found["date"] = dated
        return True
    dc = _CONSTITUTIONAL.fullmatch(kind)
    number = _NUMBER.match(kind) or _FILE_NUMBER.match(kind)
    if dc is not None:
        found["number"] = dc.group("num")
        return _place_one(dc.group("date"), found)
    if number is not None and "number" not in found:
        found["number"] = re.sub(r"n°\s?", "", number.groupdict().get("num") or kind)
        year = re.search(r"/(\d{4})$", found["number"])
        if year:
            found["_year"] = year.group(1)
        return True
    if _ECLI.match(seg) and "ecli" not in found:
        found["ecli"] = seg
        return True
    return False


def _decision_fields(courts: list[str], found: dict[str, str], reporter: list[str],
                     pin: str | None) -> dict[str, FieldValue]:
    court = ", ".join(courts)
    fields: dict[str, FieldValue] = {"institution": court}
    for key in ("date", "year", "number"):
        if key in found:
            fields[key] = found[key]
    if "year" not in fields and "_year" in found:
        fields["year"] = found["_year"]
    designation = [court, *([found["_kind"]] if "_kind" in found else [])] + ([fields["date"]] if "date" in fields else []) + (
        [f"n. {fields['number']}"] if "number" in fields else [])
    published = ", ".join(reporter).strip()
    if len(designation) == 1 and published:
        designation.append(published)  # "BGH, NJW 2015, 2250": the court and its report
    fields["title"] = found.get("name") or ", ".join(str(d) for d in designation)
    if published:
        fields["howpublished"] = published
        if "year" not in fields:
            year = re.search(r"\b(1[89]\d\d|20\d\d)\b", published)
            if year:
                fields["year"] = year.group(1)
    if "ecli" in found:
        fields["howpublished" if not published else "note"] = found["ecli"]
    if pin:
        fields["_pin"] = pin
    return fields


def _official_report(body: str, segments: list[str], pin: str | None) -> dict[str, FieldValue] | None:
    """ "BVerfGE 65, 1 (43)", "BGHZ 219, 243, 250": a decision by its official report."""
    m = re.fullmatch(r"(?P<series>[A-Za-z]+)\s(?P<vol>\d{1,4}),\s(?P<page>\d{1,5})(?:,\s(?P<pin>\d{1,5}))?", body)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {
        "title": f"{m.group('series')} {m.group('vol')}, {m.group('page')}",
        "howpublished": f"{m.group('series')} {m.group('vol')}, {m.group('page')}",
    }
    pin = pin or m.group("pin")
    if pin:
        fields["_pin"] = pin
    return fields


# --- articles -------------------------------------------------------------------

# "R. Rossi, Titolo, in Riv. dir. civ., 2010, I, p. 343": the authors, the title (quoted
# or not), "in" (or German "in:"), the journal and its facts.
_AUTHOR = (
    rf"[A-Z\u00c0-\u00dd][a-z]?\.(?:\s?-?[A-Z\u00c0-\u00dd][a-z]?\.)*\s(?:(?:{lexicon.particle_pattern()})\s)?"
    r"[A-Z\u00c0-\u00dd][\w'\u2019-]+(?:\s(?:de\s|del\s|de\sla\s|y\s)?[A-Z\u00c0-\u00dd][\w'\u2019-]+)?"  # "García de Enterría"
)
# German law names authors by surname alone, co-authors joined by "/", "u. a." for et al.
_SURNAME = rf"(?:(?i:{lexicon.particle_pattern()})\s)?[A-Z\u00c0-\u00dd][\w'\u2019-]+"
_SURNAMES = rf"{_SURNAME}(?:/{_SURNAME}){{0,5}}(?:\su\.\s?a\.)?"
_ARTICLE_TAIL = (
    r"(?P<title>[\u00ab\u201c\"\u2018\u201e][^\u00bb\u201d\"\u2019\u201c]{2,300}[\u00bb\u201d\"\u2019\u201c]"
    r"|(?:(?!,\sin:?\s).){2,300}?)"
    r"(?:(?P<in>,\sin:?\s)|,?\s)(?P<journal>[A-Z\u00c0-\u00dd][^,()]{0,80}?)(?P<sep>,\s|\s)"
    r"(?P<facts>(?:\(?\d|[IVX]+,|vol\.|n\.).*)$"
)
_ARTICLE_HEAD = re.compile(
    rf"^(?P<authors>{_AUTHOR}(?:(?:,\s|\s?/\s?|\s[-\u2013]\s|\s(?:e|et|and|und|y)\s){_AUTHOR}){{0,5}}),\s"
    + _ARTICLE_TAIL
)
# "Hacker, Titel, GRUR 2020, 1025 (1028)" / "DE SANTIS, Titolo, in Giusto proc. civ., 2013,
# p. 55": surnames alone, with "in" or in the German manner (the journal's abbreviation
# and year with no comma between).
_ARTICLE_SURNAME_HEAD = re.compile(rf"^(?P<authors>{_SURNAMES}),\s" + _ARTICLE_TAIL)
# The facts after a journal: "2010, I, p. 343", "39, 1991, 1, p. 343", "2010, 1234 (1236)", "2011, p. 45".
_FACTS = re.compile(
    r"^(?:(?:vol\.\s)?(?P<vol>\d{1,3}),\s)?\(?(?P<year>(?:1[89]|20)\d\d)\)?(?:,\s(?P<part>[IVX]{1,4}))?"
    r"(?:,\s(?:(?:n\.|fasc\.|no\.|Heft)\s?)?(?P<issue>\d{1,3})(?=,\s(?:pp?\.\s)?\d))?"
    r"(?:,\s|\s)(?:pp?\.\s|S\.\s)?(?P<first>\d{1,5})(?:\s?[-\u2013]\s?(?P<last>\d{1,5}))?(?:\s?(?:e\s)?(?:ss|ff?)\.?)?"
    r"(?:(?:,\s(?:spec\.|spéc\.|esp\.|insb\.|at|here)?\s?(?:pp?\.\s|S\.\s)?|\s\()(?P<pin>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?)(?:\s?(?:e\s)?(?:ss|ff?)\.?)?\)?(?:\s?ff?\.?)?)?$"
)
_JOURNAL_WORDS = re.compile(r"^(?:[A-Z\u00c0-\u00dd][\w\u00c0-\u00ff'\u2019&.-]*|[a-z\u00e0-\u00ff]{1,6}\.|e|d'|de|di|der|des|du|of|and|&|für|et|pour|la|le|del|della|dello|degli|delle|und|zur)$")


def _article(text: str) -> dict[str, FieldValue] | None:
    m = _ARTICLE_HEAD.match(text)
    surnames = m is None
    m = m or _ARTICLE_SURNAME_HEAD.match(text)
    if m is None or (surnames and not m.group("in") and m.group("sep") != " "):
        return None  # a surname alone: "in" and a journal, or the German "GRUR 2018, 501"
    journal = m.group("journal").strip()
    if any(part.count("(") != part.count(")") for part in (m.group("title"), journal)):
        return None  # "Title (3rd edn, OUP 2008) 45": cut inside an OSCOLA book's brackets
    facts = _FACTS.match(m.group("facts"))
    if facts is None or not _journal_like(journal, has_in=bool(m.group("in"))):
        return None
    if not m.group("in") and m.group("sep") != " ":
        return None  # "…, Paris, LGDJ, 2015": a publisher, not "RTD civ. 2011" or "JZ 2005"
    names = _surnames(m.group("authors")) if surnames else split_names(m.group("authors").replace("/", ", "))
    if not names:
        return None
    fields: dict[str, FieldValue] = {
        "author": names, "title": _unquoted(m.group("title")),
        "journal": journal, "year": facts.group("year"),
    }
    for key, group in (("volume", "vol"), ("part", "part"), ("number", "issue")):
        if facts.group(group):
            fields[key] = facts.group(group)
    last = facts.group("last")
    fields["pages"] = f"{facts.group('first')}--{last}" if last else facts.group("first")
    if facts.group("pin"):
        fields["_pin"] = facts.group("pin")
    return fields


def _journal_like(journal: str, *, has_in: bool) -> bool:
    """Whether ``journal`` reads as a journal's name or abbreviation: a few capitalised or
    abbreviated words ("Riv. dir. civ.", "Am. J. Comp. L.", "NJW", "RTD civ.", "Foro it.");
    without "in" the name must be an abbreviation (all capitals or with a full stop)."""
    words = journal.split()
    if not words or len(words) > 8 or not all(_JOURNAL_WORDS.match(w) for w in words):
        return False
    if has_in:
        return True
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{0,5}", words[0]) and (words[0].isupper() or "." in journal))


def _surnames(text: str) -> tuple[Name, ...]:
    """ "Hofer/Lang", "Brandt u. a.": the people named by surname alone ("u. a." is et al.)."""
    text = re.sub(r"\su\.\s?a\.$", "", text.strip())
    return tuple(Name(family=_small_caps(part.strip())) for part in text.split("/") if part.strip())


def _small_caps(surname: str) -> str:
    """ "ROSSI", "DE SANTIS" (Italian small capitals) → "Rossi", "De Santis"."""
    return surname.title() if surname.isupper() and len(surname) > 2 else surname


# --- commentaries and handbooks ------------------------------------------------------

# "Weber, in: Hofer/Lang, 6. Aufl. 2020, § 4 UrhG, Rn. 38" / "Roth, in:
# Online-Kommentar UrhR, 42. Aufl. 2024, § 87a UrhG, Rn. 28" / "Kern, in: Falk (Hrsg.), Handbuch
# der IT-Verträge 2024 Rn. 11": the commentator, the commentary (its editors and/or name),
# edition and year, the provision commented, the marginal number.
_COMMENTARY = re.compile(
    rf"^(?P<authors>{_SURNAMES}|{_AUTHOR}),\sin:?\s"
    rf"(?P<editors>(?:{_SURNAMES}|{_AUTHOR}(?:\s?/\s?{_AUTHOR}){{0,4}})(?:\s\((?:Hrsg|Hg)\.\))?|[A-Z][^,()]{{1,60}}?)"
    r"(?:,\s(?P<work>[A-Z\u00c0-\u00dd][^,]{1,120}?))??(?:,\s(?P<volume>Bd\.\s\w+))?(?:,\s|\s)"
    r"(?:(?P<edition>\d{1,3})\.\sAufl\.,?\s)?(?:(?:(?<=,\s)|(?<=\.\s))(?P<place>[A-Z][\w/\u00c0-\u00ff]+)\s)?"
    r"(?P<year>(?:19|20)\d\d)"
    r"(?:,\s(?P<provision>(?:§§?|Art\.|Artt?\.)\s?\d+[a-z]?(?:\s(?:Abs\.\s\d+\s)?[A-Z][\w-]{1,12})?))?"
    r"(?:,?\s(?:S\.\s)?(?P<pin>(?:Rn\.|Rz\.)?\s?\d+[a-z]?(?:\s?[-\u2013]\s?\d+)?(?:\s?ff?\.?)?(?:,\s\d+)*))?"
    r"(?:\s(?:mwN|m\.\s?w\.\s?N\.|zur|je)\b.*)?$"
)


def _commentary(text: str) -> dict[str, FieldValue] | None:
    m = _COMMENTARY.match(text)
    if m is None:
        return None
    editors_text = m.group("editors")
    # "Hofer/Lang", "Falk (Hrsg.)", or one surname before the work's name ("Roth, Patentgesetz")
    listed = "/" in editors_text or "(H" in editors_text or bool(
        m.group("work") and re.fullmatch(_SURNAMES, editors_text))
    editors_text = re.sub(r"\s\((?:Hrsg|Hg)\.\)$", "", editors_text)
    if not listed and not m.group("edition") and not m.group("provision"):
        return None  # "X, in: Something 2020": too little to tell a commentary
    fields: dict[str, FieldValue] = {
        "author": _surnames(m.group("authors")) if "." not in m.group("authors") else split_names(m.group("authors")),
        "booktitle": m.group("work") or editors_text, "year": m.group("year"),
    }
    if listed:
        fields["editor"] = _slash_names(editors_text)
    for key, group in (("edition", "edition"), ("title", "provision"), ("volume", "volume")):
        if m.group(group):
            fields[key] = m.group(group)
    if m.group("place"):
        fields["address"] = m.group("place")
    if m.group("pin"):
        fields["_pin"] = m.group("pin").strip()
    return fields


def _unquoted(title: str) -> str:
    """The title without the quotes around it (« », “ ”, „ “), quotes inside kept."""
    if title[:1] in "\u00ab\u201c\"\u2018\u201e":
        return title[1:-1].strip()
    return title.strip()


# --- German books ---------------------------------------------------------------------

# "Hofer/Lang, Patentrecht, 8. Aufl. 2022, § 11 Rn. 2" / "K. Name/H. Name, Titel, 3. Aufl.,
# Tübingen 1996, S. 45": the edition ("N. Aufl.") marks the shape.
_GERMAN_BOOK = re.compile(
    rf"^(?P<authors>{_SURNAMES}|{_AUTHOR}(?:\s?/\s?{_AUTHOR}){{0,4}}),\s(?P<title>[^,]{{2,200}}?)"
    r"(?:,\s(?P<volume>Bd\.\s\w+))?,\s(?P<edition>\d{1,3})\.\sAufl\.,?\s(?:(?P<place>[A-Z][\w/\u00c0-\u00ff]+)\s)?"
    r"(?P<year>(?:19|20)\d\d)(?:,?\s(?:S\.\s)?(?P<pin>(?:§§?\s?\d+[a-z]?\s?)?(?:Rn\.\s?)?\d+[a-z]?(?:\s?[-\u2013]\s?\d+)?"
    r"(?:\s?ff?\.?)?))?$"
)


def _slash_names(text: str) -> tuple[Name, ...]:
    """ "K. Name/H. Name" (initials: whole names) or "Hofer/Lang" (surnames alone)."""
    return split_names(text.replace("/", ", ")) if re.match(r"[A-Z]\.", text) else _surnames(text)


def _german_book(text: str) -> dict[str, FieldValue] | None:
    m = _GERMAN_BOOK.match(text)
    if m is None:
        return None
    fields: dict[str, FieldValue] = {
        "author": _slash_names(m.group("authors")), "title": m.group("title").strip(), "edition": m.group("edition"), "year": m.group("year"),
    }
    for key in ("volume", "place"):
        if m.group(key):
            fields["address" if key == "place" else key] = m.group(key)
    if m.group("pin"):
        fields["_pin"] = m.group("pin").strip()
    return fields


# --- books in the continental manner -----------------------------------------------

# "A. Ferri, Il diritto comparato, 3a ed., Torino, Giappichelli, 2019, pp. 10-15" / "J. Nom,
# Droit civil, t. 1, PUF, 2004, n° 45, p. 98" / "J. García (coord.), Tratado, Madrid, Tecnos,
# 2012": authors (or editors with their role), title, volume, edition, place, publisher, year.
_ROLE = r"\((?P<role>coord\.|coords\.|dir\.|dirs\.|a\scura\sdi|[Ee]dd?s?\.|éds?\.|Hrsg\.|Hg\.)\)"
_VOLUME = r"(?:t\.|vol\.|Bd\.|tomo|Band)\s(?:[IVXL]+|\d+)"
_EDITION = r"(?P<edition>\d{1,2})(?:\.?ª|\.?º|a|e|ᵉ|ème|\.)?\s(?:ed\.|éd\.|edizione|édition|edición|Aufl\.)"
_CONTINENTAL_BOOK = re.compile(
    rf"^(?P<names>{_AUTHOR}(?:,\s{_AUTHOR}|\s(?:e|et|y|[-\u2013])\s{_AUTHOR}){{0,4}}(?:\set\sal\.)?)(?:\s{_ROLE})?,\s"
    rf"(?P<title>[^\d].{{1,250}}?)(?:,\s(?P<volume>{_VOLUME}))?(?:,\s{_EDITION})?,\s"
    r"(?:(?P<place>[A-Z\u00c0-\u00dd][\w'\u00c0-\u00ff-]+(?:\s[A-Z\u00c0-\u00dd][\w\u00c0-\u00ff-]+)?),\s)?"
    r"(?P<publisher>[A-Z\u00c0-\u00dd][\w'&.\u00c0-\u00ff-]*(?:\s[\w'&.\u00c0-\u00ff-]+){0,3}),\s(?:(?P<late>\d{1,2})(?:a|e|ª|º|ᵉ|\.)?,?\s(?:[\w-]+\s)?(?:ed\.?|éd\.?|edizione|édition|edición|Aufl\.|Auflage)\s)?(?P<year>(?:1[5-9]|20)\d\d)"
    r"(?:,\s(?P<para>n[°º.]\s?\d+))?(?:,\s(?:spec\.\s|spéc\.\s|esp\.\s)?(?:pp?\.\s)?(?P<pin>\d+(?:\s?[-\u2013]\s?\d+)?(?:\s?(?:e\s)?(?:ss|ff?)\.?)?(?:,\s?\d+)*))?$"
)


def _continental_book(text: str) -> dict[str, FieldValue] | None:
    m = _CONTINENTAL_BOOK.match(text)
    if m is None or re.search(r"\b(?:in|en|dans):?\s", m.group("title")):
        return None  # "…, in X (a cura di), …": a chapter, for the readers of chapters
    marked = m.group("role") or m.group("volume") or m.group("edition") or m.group("late") or m.group("para")
    if not marked and not m.group("place"):
        return None  # "Title, Torino, 2008": place or publisher? the general parser decides
    names = dash_names(m.group("names"))
    fields: dict[str, FieldValue] = {"editor" if m.group("role") else "author": names,
                                     "title": m.group("title").strip(), "year": m.group("year")}
    for key, group in (("volume", "volume"), ("edition", "edition" if m.group("edition") else "late"),
                       ("address", "place"), ("publisher", "publisher")):
        if m.group(group):
            fields[key] = m.group(group)
    if not m.group("place") and not m.group("publisher").isupper():
        fields["address"] = fields.pop("publisher")  # "Oxford, 2006": one name is the place ("PUF, 2004" a publisher)
    pin = m.group("pin") or m.group("para")  # "n° 45, p. 98": the page is the finer
    if pin:
        fields["_pin"] = pin
    return fields


# "F. Galli, Titolo, in A. Russo (a cura di), Trattato, Torino, Utet, 2008, p. 112" / "A. Nom,
# « Titre », in B. Nom (dir.), Mélanges …, Dalloz, 2010, p. 233": a chapter, the book read as above.
_CHAPTER = re.compile(
    rf"^(?P<names>{_AUTHOR}(?:,\s{_AUTHOR}|\s(?:e|et|y|[-\u2013])\s{_AUTHOR}){{0,4}}(?:\set\sal\.)?),\s"
    r"(?P<title>[\u00ab\u201c\"\u2018][^\u00bb\u201d\"\u2019]{2,300}[\u00bb\u201d\"\u2019]|[^,]{2,300}?),\sin\s(?P<book>.+)$"
)


def _continental_chapter(text: str) -> dict[str, FieldValue] | None:
    m = _CHAPTER.match(text)
    book = _continental_book(m.group("book")) if m is not None else None
    if m is None or book is None or "editor" not in book:
        return None
    fields = {key: value for key, value in book.items() if key != "title"}
    fields.update({"author": dash_names(m.group("names")),
                   "title": _unquoted(m.group("title")),
                   "booktitle": book["title"]})
    return fields


_READERS = (("jurisdiction", _decision), ("article", _article), ("incollection", _commentary), ("book", _german_book),
            ("book", _continental_book), ("incollection", _continental_chapter),
            ("incollection", humanities_chapter), ("book", humanities_book), ("inproceedings", french_paper))
