"""Notes of older scholarly books: "Mill, Logic, vol. ii. p. 34." → a Reference.

Input: the text of one note that no subsequent-form, legal or short-note
reader took (relbib.parse._parse_work calls this after them).
Output: for "Author, Title[, volume], locator." with no imprint (no year,
place or publisher, no quotation marks or brackets) a FullRef of the
author, the short title, the volume and the pinpoint ("Pollmer, exeg.
Handb., 1, s. 39.", "Tacitus, Ann. xv. 44.", "Smith, Wealth of Nations,
bk. iv. ch. 2."), an abbreviated title alone ("L. J. 1, b, s. 192.",
"Antiq. xviii. v. 2.") or a commentary cited at the passage ("Fritzsche,
Comm. in Matth. in loc."); for "Author, locator." ("Olmhausen, s. 67.") a
ShortRef; else None, for the general reader (which also keeps "Title, II
317": a capital volume and page).
Never: read a note with a year, a quotation or a bracket (full notes, read
elsewhere), a cross-reference ("Above, p. 12", "Vol. II. § 74": no author),
look at other notes (the resolver decides whether "Author, Title, p. 4"
repeats an earlier source) or touch a file.

The locator is the run of comma-separated parts closing the note that are
all numbers with the words of an old locator before them (vol., bk., ch.,
lib., cap., p., s., §, col., ad fin.: lexicon/old_locators.txt); a page part
(p., pp., s., S., col.) is the pinpoint and the numbers before it the volume;
any other locator ("bk. iv. ch. 2", "xv. 44") is the pinpoint as printed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from types import MappingProxyType

from relbib import lexicon
from relbib.model import FieldValue, FullRef, Name, Reference, ShortRef, freeze_fields
from relbib.parse.commentary import prose
from relbib.parse.forms import normalize_pinpoint

__all__ = ["read_older_note"]

_NUM = rf"(?:\d{{1,4}}[a-d]?|[ivxlcdm]{{1,7}}|[IVXLCDM]{{1,7}})(?:\s?{lexicon.DASH}\s?(?:\d{{1,4}}|[ivxlc]{{1,7}}))?"
_FOLLOWING = r"(?:\s?(?:ff?|sqq?|seq|et\sseq)(?:\.|(?=$|[\s,]))|\.?\s(?:ad\s)?(?:fin|init|med)\b\.?)?"
# A page part: "p. 34", "pp. 318–21", "s. 38 f.", "S. 12", "col. 4", "pp. 2, 4", "s. 114 ff. 153 f.".
_PAGE_WORD = r"(?:pp?|s|S|col|cols|Sp)\."
_PAGE_PART = re.compile(rf"{_PAGE_WORD}\s?(?P<pages>{_NUM}{_FOLLOWING}(?:(?:,\s?|\s(?:and|&|u\.)\s|\s){_NUM}{_FOLLOWING})*)")
# Signals before the author: "See", "Comp.", "Cf.", "Vid.", "ap." (apud: quoted in).
_SIGNAL = re.compile(r"^(?:(?:see|compare|comp|cf|vid|vide|vgl|so|thus|ap|apud)\.?(?:\salso)?,?\s)", re.IGNORECASE)
# Nothing of a full note: a year, quotation marks, brackets, a colon, a URL, a semicolon.
_FULL_NOTE = re.compile(r"(?<!\d)(?:1[4-9]\d\d|20\d\d)(?!\d)|[\u201c\u201d\"\u2018()\[\]:;]|\u2019(?!\w)|https?:|www\.")
# One word of an author's name ("Schnackenberger", "De Wilde", "Kuinel", "van Til").
_NAME_WORD = re.compile(r"[A-Z\u00c0-\u00de][\w\u2019'-]{2,30}|[A-Z]\.")
# A translator or editor named: a full note, read by the general reader.
_ROLE = re.compile(r"\b(?:trans|transl|tr|translated|edited|eds|comp)\b|\bed\.\s(?:by\s)?[A-Z]")
# An edition standing as its own part: "3d ed.", "2nd edn", "new edition".
_EDITION_PART = re.compile(r"(?i:\d{1,2}(?:st|nd|rd|th|d)|first|second|third|fourth|fifth|new|revised|enlarged)"
                           r"\s(?i:ed|edn|edition)\.?")
# Initials before a surname: "A.", "Ch.", "Joh.", "J.-B.".
_INITIALS = re.compile(r"[A-Z\u00c0-\u00de][a-z]{0,3}\.(?:-[A-Z]\.)?")
_MAX_NOTE = 160
# Words of an edition's note, no title: "Ed. 1, p. 5", "Eds. 1 and 2".
_EDITION_WORDS = frozenset("ed eds edn edition editions".split())
_MAX_TITLE_WORDS = 12
# Prose before the citation a note gives: "as stated by Dr. Lowe, quoted by Roe, Essai, p. 4" (the last one),
# "The same example occurs in Lectures, p. 166" (after it a title of one word is enough).
_LEAD_IN = re.compile(r"^.*\b(?:(?:quoted|cited)\s(?:by|in)|(?:occurs|appears|is\s(?:given|found|printed))\sin)\s(?=[A-Z])")
# The edition cited, by its year, as its own part: "Rowe, Annals, ed. of 1773, i, 224".
_EDITION_OF = re.compile(r",\s(?:ed|edn|edit)\.?\s(?:of\s)?(?P<year>1[5-9]\d\d|20\d\d)(?=,|$)"
                         # or in brackets, after the title or the page: "Roe, Annals (ed. 1856), ii. 45"
                         r"|\s?\((?:ed|edn|edit)\.?\s(?:of\s)?(?P<bracketed>1[5-9]\d\d|20\d\d)\)")
# An author closed by a full stop, not a comma, before a title of whole capitalised words:
# "Heck. Geschichte Roms" (not "Bibl. Comm." or "Comm. in Marc", abbreviated titles).
_STOPPED_AUTHOR = re.compile(r"(?P<name>[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{3,30})\.\s"
                             r"(?P<title>[A-Z\u00c0-\u00de][\w\u2019'-]+(?:\s[\w\u2019'-]+){1,8})")
# An older note's title in quotation marks, after its author or alone, and the rest with no
# other quotation: 'Mill, "History of India," ed. Roe, vol. i., p. 375', '"Marco Polo," vol. ii., p. 354'
# (the rest must be a locator: '"Title," Journal 3' is another shape).
_QUOTED_TITLE = re.compile(r"(?P<lead>[^\"\u201c\u201d]{0,60}+)[\u201c\"](?P<title>[^\"\u201c\u201d]{1,100}?),?[\u201d\"]"
                           r"(?P<rest>[^\"\u201c\u201d]{0,100}+)")
# The editor of the edition cited: "ed. Wilson", "ed. H. H. Wilson", "edited by A. Roe".
_EDITOR_PART = re.compile(r"(?:ed\.|edited\sby)\s(?P<editor>(?:[A-Z][a-z]{0,3}\.\s){0,3}[A-Z][\w'-]{1,30})(?=,|$)")
# A work named by its author in the possessive: "Dalton’s Summary" (not "Kingsley’s Life", about him).
_POSSESSIVE = re.compile(r"(?P<name>[A-Z][\w-]{1,30})[\u2019']s\s(?P<title>(?!(?:Life|Lives|Biography|Death|Trial)\b)[A-Z][^,]{0,80})")


def _locator_part() -> re.Pattern[str]:
    """One comma part of a locator: its words lower case or capitalised, a
    one-letter word lower case only ("v. 12", not "V. T." for Vetus Testamentum)
    but German "S." (Seite)."""
    forms = {form for w in lexicon.old_locators() for form in ((w, w.capitalize()) if len(w) > 1 else (w,))}
    words = "|".join(sorted((re.escape(w) for w in forms | {"S"}), key=len, reverse=True))
    item = rf"(?:(?:(?:{words})\.?\s?)?{_NUM}{_FOLLOWING}|{_NUM}\s(?:Bd|Bde|Th|Thl|Abth|Heft)\.)"  # "2 Bd." too
    return re.compile(rf"(?:{item}(?:\.?\s{item})*|note|not\.?|Anm\.?|[a-d])")


_LOCATOR = _locator_part()
# A locator closing the title's own part, after a space: "Ann. xv. 44", "exeg. Handb. 1".
_TAIL_IN_PART = re.compile(rf"(?<=[^\W\d])\.?\s(?P<loc>{_LOCATOR.pattern})$")


def read_older_note(text: str) -> Reference | None:
    """The Reference of an older book's short citation, or None (see the module docstring)."""
    body = _SIGNAL.sub("", text.strip(), count=1).rstrip(" \t\n.,;")
    lead = None if len(body) > _MAX_NOTE * 2 else _LEAD_IN.search(body)
    body = body[lead.end() :] if lead is not None else body  # "…, quoted by Roe, Essai, p. 4": Roe's Essai
    printed = _EDITION_OF.search(body)  # "Rowe, Annals, ed. of 1773, i, 224": the edition cited
    body = body[: printed.start()] + body[printed.end() :] if printed is not None else body
    quoted = _QUOTED_TITLE.fullmatch(body) if len(body) <= _MAX_NOTE else None
    if quoted is not None:  # 'Mill, "History of India," ed. Roe, vol. i., p. 375'
        return _quoted_work(text, quoted)
    if not body or len(body) > _MAX_NOTE or _FULL_NOTE.search(body) or _ROLE.search(body):
        return None
    ref = _read_body(text, body, led=lead is not None and lead.group(0).endswith("in "))
    if isinstance(ref, FullRef) and printed is not None:
        fields = {**ref.fields, "year": printed.group("year") or printed.group("bracketed")}
        return replace(ref, fields=freeze_fields(fields), confidence=MappingProxyType(dict.fromkeys(fields, 1.0)))
    return ref


def _read_body(text: str, body: str, *, led: bool) -> Reference | None:
    """The Reference of the note ``text`` read as ``body`` (its signal, lead-in and edition off);
    ``led``: a lead-in ending "in" stood before it, so a part alone is a title ("occurs in Lectures")."""
    if "," not in body:
        return _classical(text, body)
    loco = _IN_LOCO.search(body)
    if loco is not None:  # "Voss, Comm. in Matth. in loc.": the commentary, at the passage discussed
        return _in_loco(text, body[: loco.start()].rstrip(" ,"))
    parts = [p.strip() for p in body.split(",")]
    edition = next((p for p in parts[1:] if _EDITION_PART.fullmatch(p)), "")
    parts = [p for p in parts if p != edition]
    k = len(parts)
    while k > 1 and _LOCATOR.fullmatch(parts[k - 1]):
        k -= 1
    locator = parts[k:]
    while locator and _NOTE_WORD.fullmatch(locator[-1]):
        locator.pop()  # "s. 587, Anm.": a note on the page cited
    head = parts[:k]
    inner = _TAIL_IN_PART.search(head[-1])
    if inner is not None and _NUM_RE.search(inner.group("loc")) and not _named_part(head[-1][: inner.start()]):
        head[-1] = head[-1][: inner.start()].rstrip() + ("." if head[-1][inner.start()] == "." else "")
        locator.insert(0, inner.group("loc"))
    if not locator and inner is not None and len(head) == 2 and _author(head[0]):
        return _work(text, _names(head[0]), head[1], "", None)  # "Godley, Lecture 17": the lecture itself
    if not locator or not any(_NUM_RE.search(p) for p in locator):
        return None
    if _CAPITAL_VOLUME_PAGE.fullmatch(", ".join(locator)):
        return None  # "Title, II 317": the general reader's volume and page (relbib.parse.reference)
    volume, pin = _volume_and_pin(locator)
    stopped = _STOPPED_AUTHOR.fullmatch(head[0]) if len(head) == 1 else None
    if stopped is not None and _author(stopped.group("name")):  # "Heck. Geschichte Roms, 1 Bd. s. 118"
        return _work(text, _names(stopped.group("name")), stopped.group("title"), volume, pin)
    possessive = _POSSESSIVE.fullmatch(head[0]) if len(head) == 1 else None
    if possessive is not None and _author(possessive.group("name")):  # "Dalton’s Summary, vol. ii. p. 372"
        return _work(text, _names(possessive.group("name")), possessive.group("title"), volume, pin)
    if not _author(head[0]) or led and len(head) == 1:  # "L. J. 1, b, s. 192.", "occurs in Lectures, p. 4"
        paged = any(_PAGE_PART.match(p) for p in locator) or _ABBREVIATED_TITLE.fullmatch(head[-1])
        return _title_alone(text, head, volume, pin, led=led) if paged else None
    author = _names(head[0])
    if len(head) == 1:
        return ShortRef(text=text, authors=tuple(n.family for n in author), short_title=None, pinpoint=pin)
    ref = _work(text, author, ", ".join(head[1:]).strip(), volume, pin)
    if ref is not None and edition:  # "A. Rowe, The Quiet Hours, 3d ed., pp. 17, 18."
        fields = {**ref.fields, "edition": edition}
        return replace(ref, fields=freeze_fields(fields), confidence=MappingProxyType(dict.fromkeys(fields, 1.0)))
    return ref


def _quoted_work(text: str, quoted: re.Match[str]) -> FullRef | None:
    """An author's (or no author's) title in quotation marks and nothing after it but the
    editor of the edition and a locator: the book, the editor and the pinpoint."""
    lead, rest = quoted.group("lead").strip(" ,"), quoted.group("rest").strip(" ,.")
    lead = re.sub(r"(?<=\w)[\u2019']s$", "", lead)  # "Roe's “Annals,”": Roe's work
    if lead and not _author(lead) or _FULL_NOTE.search(rest):
        return None
    editor = _EDITOR_PART.match(rest)
    rest = rest[editor.end() :].strip(" ,") if editor is not None else rest
    locator = [p.strip().removesuffix(".") for p in rest.split(",") if p.strip()]  # "vol. i., p. 4"
    while locator and _NOTE_WORD.fullmatch(locator[-1]):
        locator.pop()  # "p. 219, note": a note on the page cited
    if not all(_LOCATOR.fullmatch(p) for p in locator) or not lead and not locator:
        return None
    volume, pin = _volume_and_pin(locator) if locator else ("", None)
    if len(locator) == 1 and not _PAGE_PART.search(locator[0]) and (whole := _VOLUME.fullmatch(locator[0])):
        volume, pin = whole.group("n") or "", None  # "Vol. II" alone: the volume, no page cited
    ref = _work(text, _names(lead) if lead else (), quoted.group("title").strip(), volume, pin)
    if ref is None or editor is None:
        return ref
    fields = {**ref.fields, "editor": _names(editor.group("editor"))}
    return replace(ref, fields=freeze_fields(fields), confidence=MappingProxyType(dict.fromkeys(fields, 1.0)))


def _in_loco(text: str, body: str) -> FullRef | None:
    """ "Voss, Comm. in Matth." cited "in loc.": the author's named commentary."""
    parts = [p.strip() for p in body.split(",")]
    if len(parts) != 2 or not _author(parts[0]):
        return None
    return _work(text, _names(parts[0]), parts[1], "", "in loc.")


def _classical(text: str, body: str) -> FullRef | None:
    """ "Antiq. xviii. v. 2.", "Dial. c. Tryph. 88.": a work's abbreviated title and its
    locator, no comma (its author named in the text or a note before)."""
    m = _TAIL_IN_PART.search(body)
    if m is None or not _ABBREVIATED_TITLE.fullmatch(body[: m.start()] + "."):
        return None
    volume, pin = _volume_and_pin([m.group("loc")])
    return _title_alone(text, [body[: m.start()] + "."], volume, pin)


def _title_alone(text: str, head: list[str], volume: str, pin: str | None, *, led: bool = False) -> FullRef | None:
    """ "Bibl. Comm. 1, s. 175 f.", "Vom Zweck der Jünger, s. 184.": a short title alone,
    capitalised, abbreviated or no sentence, no pointer; one word is a title after a
    lead-in (``led``: "occurs in Lectures, p. 166")."""
    title = head[0]
    words = [w.strip(".").lower() for w in title.split()]
    if len(head) != 1 or not title[:1].isupper() or "." not in title and (len(words) < 2 - led or prose(title)) \
            or all(w in lexicon.old_locators() or w in lexicon.cross_reference_words() or w in _EDITION_WORDS
                   for w in words):
        return None
    return _work(text, (), title, volume, pin)


def _work(text: str, author: tuple[Name, ...], title: str, volume: str, pin: str | None) -> FullRef | None:
    """The FullRef of an author's (or an unnamed author's) short-titled work."""
    if not title or len(title.split()) > _MAX_TITLE_WORDS or not re.search(r"[^\W\d_]", title) \
            or _PAGE_PART.search(title):
        return None  # "horæ, p. 474 ff., and Pollmer, exeg. Handb.": two citations, not one title
    fields: dict[str, FieldValue] = {"author": author, "title": title} if author else {"title": title}
    if volume:
        fields["volume"] = volume
    return FullRef(text=text, type="book", fields=freeze_fields(fields),
                   confidence=MappingProxyType(dict.fromkeys(fields, 1.0)), pinpoint=pin)


# A volume before the page: "vol. ii", "1", "Bd. 2", "1 Bd.", or a part's letter ("1, a, s. 39").
_VOLUME = re.compile(rf"(?i:(?:vol|v|tom|t|bd|th)\.\s?)?(?P<n>{_NUM})(?:\s(?:Bd|Th|Thl|Abth)\.?)?|(?P<part>[a-d])")
# A roman volume (or book) and an arabic page, no words: "ii. 40", "I 212", "xv. 44".
_ROMAN_THEN_PAGE = re.compile(rf"(?P<volume>[ivxlc]{{1,7}}|[IVXLC]{{1,7}})[.,]?\s(?P<page>\d{{1,4}}(?:\s?[\u2013-]\s?\d{{1,4}})?{_FOLLOWING})")
# A title abbreviated word by word: "Antiq.", "Dial. c. Tryph.", "Epiphan. haeres.".
_ABBREVIATED_TITLE = re.compile(r"[A-Z\u00c0-\u00de][^\W\d_]{1,12}\.(?:\s[^\W\d_]{1,12}\.){0,3}")
# "in loc." / "ad loc." closing a citation of a commentary: at the passage discussed.
_IN_LOCO = re.compile(r"(?<=[\s,])(?:in|ad)\sloc$")
_NOTE_WORD = re.compile(r"note|not\.?|Anm\.?|n\.")
_CAPITAL_VOLUME_PAGE = re.compile(r"[IVXLC]{1,7}\s\d{1,4}")
_NUM_RE = re.compile(r"\d|\b[ivxlc]{1,7}\b", re.IGNORECASE)


def _volume_and_pin(locator: list[str]) -> tuple[str, str | None]:
    """(volume, pinpoint) of the locator's parts: a page part closing them is
    the pinpoint and the bare numbers before it the volume; else the whole
    locator as printed is the pinpoint."""
    opens = [i for i, part in enumerate(locator) if _PAGE_PART.search(part)]
    if opens:  # "pp. 17, 18": a list of pages, cut at its commas
        locator = [*locator[: opens[-1]], ", ".join(locator[opens[-1]:])]
    before = locator[:-1]
    last = _PAGE_PART.fullmatch(locator[-1])
    joined = _PAGE_PART.search(locator[-1]) if last is None else None
    if joined is not None and joined.end() == len(locator[-1]) and joined.start() > 0:
        before = [*before, locator[-1][: joined.start()].strip(" .")]  # "vol. ii. p. 34"
        last = joined
    if last is not None and all(_VOLUME.fullmatch(p) for p in before):
        volume = _VOLUME.fullmatch(before[0]).group("n") if before else ""  # type: ignore[union-attr]
        return volume, normalize_pinpoint(last.group("pages"))
    printed = ", ".join(locator).strip(" .")
    roman = _ROMAN_THEN_PAGE.fullmatch(printed)
    if roman is not None:  # "ii. 40", "I 212", "iv, 59 ad fin.": volume (or book) and page
        return roman.group("volume"), normalize_pinpoint(roman.group("page"))
    return "", printed or None


def _named_part(title: str) -> bool:
    """Whether ``title`` is a division's word spelled out ("Lecture", "Sermon", "Book"):
    its number belongs to it ("Godley, Lecture 17" names the lecture, no pinpoint)."""
    word = title.strip().lower()
    return (" " not in word and "." not in word and len(word) > 3 and title[:1].isupper()
            and any(word == w or len(w) > 2 and word.startswith(w) for w in lexicon.old_locators()))


def _author(part: str) -> bool:
    """Whether ``part`` is an author's name: a surname, after initials, particles or
    given names ("Hartwig", "De Brück", "C. Ch. Flatt", "Joseph Baretti"), capitalised last."""
    words = part.split()
    given = lexicon.western_given_names()
    return (1 <= len(words) <= 4 and _NAME_WORD.fullmatch(words[-1]) is not None
            and all(_INITIALS.fullmatch(w) or w.lower() in lexicon.name_particles() or w.lower() in given
                    or w.lower().strip(".") in lexicon.person_titles() for w in words[:-1])
            and words[-1][:1].isupper() and not words[-1].endswith(".")
            and not (len(words[0].rstrip(".")) > 1 and words[0].lower().rstrip(".") in lexicon.old_locators())
            and part.lower() not in lexicon.cross_reference_words())


def _names(part: str) -> tuple[Name, ...]:
    """The author as one name: a surname alone ("Pollmer", "De Wilde") is the family name."""
    words = part.split()
    while len(words) > 1 and words[0].lower().strip(".") in lexicon.person_titles():
        words = words[1:]  # "Colonel Hanna": the rank is no part of the name
    part = " ".join(words)
    if len(words) > 1 and words[0].lower() not in lexicon.name_particles():
        return (Name(family=words[-1], given=" ".join(words[:-1])),)  # "Joseph Baretti"
    return (Name(family=part),)  # "Pollmer", "De Wilde"
