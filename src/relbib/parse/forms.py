"""Subsequent-reference forms: is this note an Ibid., Id., op. cit. or supra?

Input: the text of one note.
Output: an IbidRef, IdRef, OpCitRef or SupraRef when the whole note is such a
form (leading signals and italics aside), else None so the full-reference
parser reads it.
Never: look at other notes (relbib.resolve links a form to its antecedent), guess a
form from a word buried inside a full note, or touch a file.

The patterns live in :mod:`relbib.parse.patterns` (section "subsequent-reference
forms").  A pinpoint is the page(s) as printed, without "p."/"pp."/"at", ranges
spelled ``12--14`` (an abbreviated range "153-62" is written out: ``153--162``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from relbib import lexicon
from relbib.model import IbidRef, IdRef, OpCitRef, Reference, ShortRef, SupraRef
from relbib.parse import patterns as P

__all__ = ["SAME_AUTHOR_MARK", "author_alone", "classify_note", "dashed_case_name", "form_lead_spans",
           "normalize_pinpoint", "read_head"]

# The words of a form that Markdown may italicise; an italic run holding one of
# them is unwrapped, any other italic run is a title and becomes a quoted one.
_FORM_WORD_IN_ITALICS = re.compile(
    r"^\s*(?:ib[i\u00ed]d(?:em)?|ibd|ib|ivi|ebda|ebd|ebenda|id|idem|eadem|(?:op|loc|art|ouvr|ob)\.?\s*cit"
    r"|cit|a\.\s*a\.\s*o|supra|see|cf|e\.\s?g)\.?[.,]?\s*$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
# German manner: "Schulze, ebd. Rn. 18" names the author before ebd. (Ibid.), and a case's
# name stands between spaced dashes ("BGH, (Fn. 16), - Blaue Brücke II - Rn.
# 23"); neither changes what the form refers to.
_AUTHOR_BEFORE_EBD = re.compile(
    r"^[A-Z\u00c0-\u00dd][\w'\u2019-]+(?:/[A-Z\u00c0-\u00dd][\w'\u2019-]+)*,\s(?=(?i:ebd|ebenda)\b)"
)
# "… Rn. 28 mwN." (mit weiteren Nachweisen, "with further references"): a remark, no pinpoint.
_FURTHER_REFERENCES = re.compile(r"\s(?:mwN|m\.\s?w\.\s?N\.)\.?$")
# German "441 (443)": the first page, then the page cited in brackets.
_PAGE_THEN_PIN = re.compile(r"(?<=\s)(?P<first>\d{1,5})\s\((?P<pin>\d{1,5})\)(?=\.?$)")
_DASHED_CASE_NAME = re.compile(r",?\s[-\u2013]\s[^\s\u2013-][^\u2013]{0,80}?\s[-\u2013](?=\s)")
# A star page ("at *154", "*154–*56": the first edition's page, Blackstone) is
# no italics: its star is kept, under this stand-in, while italics go.
_STAR_PAGE = re.compile(r"(?<![\w*])\*(?=\d)")
_STAR_KEPT = "\u2217"
_VOLUME_ID = re.compile(r"^\d{1,3}\s+(?=(?i:id)\.)")
# Pinpoints of law and archives the form patterns do not spell (German "Bl." is an archive's folio).
_ODD_PIN = re.compile(
    r"(?P<sep>,?\s?)(?:at\s)?(?P<pin>\[\d+(?:\s?[-\u2013]\s?\d+)?\]"
    r"|(?:paras?|ch|chs|chap|sch|pt|points?|s|ss|arts?|fos?|fols?|Bl|nn?|[Rr]ecitals?|Annex)\.?\s?\d[\d.]*[a-z]?(?:\(\w{1,4}\))*"
    r"(?:\s?[-\u2013]\s?\d[\d.]*)?"
    r"(?:,\s(?:paras?|n)\.?\s?\d[\d.]*)?"
    r"|\*\d+(?:\s?[-\u2013]\s?\*?\d+)?|\u00a7\u00a7?\s?\d[\d.]*(?:\s?[-\u2013]\s?\d[\d.]*)?)\.?$"
)
# "Ibid., vol. 3, 120" / "Ebd., Bd. 2, S. 4": a volume between Ibid. and the page.
_VOLUME_THEN_PAGE = re.compile(r"^(?:Ibid|ibid|Ebd|ebd)\.,?\s(?P<vol>(?:vol|Bd|t)\.\s?[\dIVXLCivxlc]+,\s)(?=(?:pp?\.|S\.)?\s?\d)")
# A short label before "(n 10)": "WP251", "DSB (Austria) 2020-0.436.002", a body and its
# paper "EDPB, Guidelines 3/2025" (one comma at most).
_LABEL = re.compile(r"^[A-Z][^,;]{0,40}(?:,\s[A-Z][^,;]{0,40})?$")
_RANGE_ENDS = re.compile(r"^(\d+)--(\d+)(?=$|\s)")  # "328--30 & n.5": the range before a note
# Italian "In F. Rossi, op. cit., p. 45" / "In Rossi, ult. op. cit.": "In" opens the form, not a title.
_IN_BEFORE_FORM = re.compile(
    r"^In\s(?=[^,]{2,60},\s(?:[^,]{2,80},\s)?(?:ult\.\s)?(?:op\.\s?cit|loc\.\s?cit|cit|ibidem|ivi)\b)", re.I)
# "M. Neri, Ibidem, 40" / "Neri, ivi, p. 3" / "L. Neri, Ibidem, nota 7, 23": Ibidem after an author
# names that author's work cited last (the resolver picks it, as for "ult. op. cit.").
_AUTHOR_IBIDEM = re.compile(
    r"^(?P<head>(?:[A-Z][a-z]?\.(?:\s?-?[A-Z][a-z]?\.)*\s)?[A-Z\u00c0-\u00dd][\w'\u2019-]+(?:\s[A-Z\u00c0-\u00dd][\w'\u2019-]+){0,2}"
    rf"(?:\set\sal\.)?),\s(?i:ib[i\u00ed]dem|ibid\.|ivi)(?:,?\s(?:(?i:nota)\s\d+,\s)?(?:{P.FORM_PINPOINT}|(?P<para>n\.\s?\d+)))?\s*[.,;]?$"
)
# "In F. Rossi, op. cit., p. 45, si riporta …": the form, then the writer's own words.
_FORM_THEN_PROSE = re.compile(
    r"^.{2,80}?\b(?:op\.\s?cit|loc\.\s?cit|cit)\.[*_]{0,2},?\s+pp?\.\s?\d+(?:\s?[-\u2013]\s?\d+)?[.,]"
    r"(?=\s+[a-z\u00e0-\u00f9][a-z\u00e0-\u00f9\u2019']+\s[^;]*$)"
)
# "12 f." / "12ff." are spelled "12f" / "12ff" (the dot would read as the note's end).
_FOLLOWING = re.compile(r"(?<=\d)\s*(ff?)\.?(?![a-z])")


# Italian "ID., Titolo, …" / "EAD., …" (idem, eadem, often in small capitals) opening a
# full note: the same author as the citation before, with another work (never the same
# work: that is Ibid./Ivi).  Only before a title (a capital or a quote), so "Id., at 5"
# and "Id. 45" stay Bluebook's Id.
SAME_AUTHOR_MARK = re.compile(
    r"^(?:(?:ID|EAD|IDEM|EADEM|Id|Ead|Idem|Eadem|id|idem|eadem)\.?,|(?:Ders|Dies|ders|dies)\.[,:])\s"
    r"(?=[A-Z\u00c0-\u00dd\u00ab\u201c\u2018\"'*_])"
)


def classify_note(text: str) -> Reference | None:
    """The subsequent-reference form ``text`` is, or None for anything else.

    >>> classify_note("Zaidi and Saud, op. cit., p. 159.")
    OpCitRef(text='Zaidi and Saud, op. cit., p. 159.', authors=('Zaidi', 'Saud'), short_title=None, pinpoint='159')
    """
    clean = _prepare(text)
    if not clean:
        return None
    ref = _read_forms(text, clean) or _read_author_ibidem(text, clean)
    if ref is not None:
        return ref
    prose = _FORM_THEN_PROSE.match(clean)
    if prose is not None and isinstance(ref := _read_forms(text, prose.group(0)), OpCitRef):
        return ref
    # "2 id. at *154" / "1 id. § 405": the volume of a multi-volume work before Id.
    volume = _VOLUME_ID.match(clean)
    if volume is not None:
        clean = clean[volume.end() :]
        ref = _read_forms(text, clean)
        if ref is not None:
            return ref
    # "Ibid., vol. 3, 120": the volume of a multi-volume work before the page cited again.
    volume = _VOLUME_THEN_PAGE.match(clean)
    if volume is not None:
        ref = _read_forms(text, clean[: volume.start("vol")] + clean[volume.end("vol") :])
        if isinstance(ref, IbidRef) and ref.pinpoint:
            return replace(ref, pinpoint=f"{volume.group('vol').rstrip(', ')}, {ref.pinpoint}")
    # "ibid [43]", "ibid para 3.20", "Miller (n 1) [50]", "Treadwell (n 3) ch 4":
    # a pinpoint the form patterns do not spell is read in place of a page.
    odd = _ODD_PIN.search(clean)
    if odd is None or odd.start() == 0:
        return None
    ref = _read_forms(text, clean[: odd.start()] + (odd.group("sep") or " ") + "1")
    pin = normalize_pinpoint(odd.group("pin").strip("[]"))
    if isinstance(ref, IbidRef) and ref.pinpoint == "1":
        return replace(ref, pinpoint=pin)
    if isinstance(ref, IdRef) and ref.pinpoint == "1":
        return replace(ref, pinpoint=pin)
    if isinstance(ref, SupraRef) and ref.pinpoint == "1":
        return replace(ref, pinpoint=pin)
    if isinstance(ref, OpCitRef) and ref.pinpoint == "1":
        return replace(ref, pinpoint=pin)
    return None


def dashed_case_name(text: str) -> str | None:
    """ "BGH, (Fn. 16), - Blaue Brücke II - Rn. 23" → "Blaue Brücke II": the case's name
    a German note sets between spaced dashes (it tells apart two decisions of one note)."""
    m = _DASHED_CASE_NAME.search(_SPACES.sub(" ", text))
    return m.group(0).strip(" ,-\u2013") if m is not None else None


def form_lead_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "In F. Rossi, op. cit., p. 45, si riporta M. Neri, Titolo, …": the op. cit. and the
    writer's words after it as two pieces (the second may cite a work of its own)."""
    m = _FORM_THEN_PROSE.match(text[start:end])
    if m is None:
        return [(start, end)]
    return [(start, start + m.end() - 1), (start + m.end(), end)]


def _read_forms(text: str, clean: str) -> Reference | None:
    for read in (_read_ibid, _read_id, _read_supra, _read_opcit, _read_author_year, _read_author_date,
                 _read_author_alone):
        ref = read(text, clean)
        if ref is not None:
            return ref
    return None


def _prepare(text: str) -> str:
    """The note as the form patterns read it: one line, no italics, no signal."""
    clean = _SPACES.sub(" ", text).strip()
    clean = P.FORM_ITALIC_RUN.sub(_unwrap_italics, _STAR_PAGE.sub(_STAR_KEPT, clean))
    clean = clean.replace("*", "").replace(_STAR_KEPT, "*")
    clean = _AUTHOR_BEFORE_EBD.sub("", _DASHED_CASE_NAME.sub("", _FURTHER_REFERENCES.sub("", clean)))
    clean = _PAGE_THEN_PIN.sub(_pin_in_brackets, clean)
    return _IN_BEFORE_FORM.sub("", P.FORM_SIGNAL.sub("", clean).strip())


def _pin_in_brackets(m: re.Match[str]) -> str:
    """ "441 (443)" → "443" when the bracket is a page just after the first (not a year)."""
    first, pin = int(m.group("first")), int(m.group("pin"))
    return m.group("pin") if first <= pin <= first + 200 else m.group(0)


def _unwrap_italics(m: re.Match[str]) -> str:
    body = m.group("body")
    if _FORM_WORD_IN_ITALICS.match(body):
        return body
    # "Smith, *Short Title*, op. cit." — an italic title reads like a quoted one.
    return "\u201c" + body + "\u201d"


# --- one reader per form ------------------------------------------------------


def _read_ibid(text: str, clean: str) -> Reference | None:
    older = _OLDER_IBID.match(clean)
    if older is not None:  # "Ibid., ii. 34.": a volume (or book) and a page, kept as printed
        return IbidRef(text=text, pinpoint=_SPACES.sub(" ", older.group("pin")))
    m = P.FORM_IBID.match(clean) or P.FORM_IBID_LEAD.match(clean)
    if m is None:
        return None
    return IbidRef(text=text, pinpoint=normalize_pinpoint(m.group("pin")))


# An older Ibid. with a volume or book before the page: "Ibid., ii. 34.", "Ibid. i. 37", "Ib. iv, 12".
_OLDER_IBID = re.compile(
    r"^(?i:ib(?:id(?:em)?)?)\.?,?\s(?P<pin>(?:[ivxlc]{1,7}|[IVXLC]{1,7})[.,]\s?(?:(?:pp?|s)\.\s?)?\d{1,5}"
    r"(?:\s?[-\u2013]\s?\d{1,5})?(?:\s?ff?\.?)?)\s*[.;]?\s*$"
)


def _read_id(text: str, clean: str) -> Reference | None:
    m = P.FORM_ID.match(clean) or P.FORM_ID_LEAD.match(clean) or P.FORM_IDEM.match(clean)
    if m is None:
        return None
    return IdRef(text=text, pinpoint=normalize_pinpoint(m.group("pin")))


def _designation(text: str) -> bool:
    """Whether ``text`` designates a decision or an act in full, as a short form may
    repeat it before "(n 2)"; relbib.resolve matches its words to the work."""
    from relbib.parse.legal_national_en import read_national_law  # (it imports this module)

    return read_national_law(text) is not None


def _read_supra(text: str, clean: str) -> Reference | None:
    m = P.FORM_SUPRA.match(clean) or P.FORM_BRACKET_NOTE.match(clean) or P.FORM_OSCOLA_NOTE_LOOSE.match(clean)
    above = None if m is not None else P.FORM_NOTE_ABOVE.match(clean)  # "n. 4 above", "as n. 4"
    if above is not None:
        head = read_head(above.group("head") or "")
        if head is None:
            return None
        return SupraRef(text=text, note=int(above.group("note") or above.group("as")), authors=head[0],
                        pinpoint=normalize_pinpoint(above.group("pin")))
    if m is not None:
        head = read_head(m.group("head") or "")
        if head is None and _LABEL.match(m.group("head") or ""):
            head = ((), m.group("head"))  # "WP251 (n 10)": a document's label, read by relbib.resolve
        if head is None and _designation(m.group("head") or ""):
            head = ((), m.group("head"))  # "Corte costituzionale, judgment no. 118 of 2016 (n 2)"
        if head is None:
            return None
        authors, _title = head
        return SupraRef(
            text=text,
            note=int(m.group("note")),
            authors=authors,
            pinpoint=normalize_pinpoint(m.group("pin")),
        )
    m = P.FORM_SUPRA_BARE.match(clean)
    if m is None:
        return None
    # "Khan, supra, at 45": no note number, so it names its source the way
    # op. cit. does.
    return _opcit_from(text, m)


def _read_opcit(text: str, clean: str) -> Reference | None:
    m = P.FORM_OPCIT.match(clean) or _OLDER_OPCIT.match(clean)
    if m is None:
        return None
    return _opcit_from(text, m)


# Older books' op. cit.: Latin "ut sup." / "ut supra" (as above), "l. c." (loco citato),
# "loc. laud.", German "am a. O." / "a. a. O." after "am": "Baur, ut sup. s. 653."
_OLDER_OPCIT = re.compile(
    r"^(?:(?P<head>[^,;()\d]{2,60}?),?\s)??(?P<word>(?i:ut\ssup(?:ra|\.)|l\.\s?c\.|loc\.\s?laud\.|am\sa\.\s?a?\.?\s?O\.))"
    rf"(?:,?\s*{P.FORM_PINPOINT})?\s*[.;,]?\s*$"
)


def _read_author_ibidem(text: str, clean: str) -> Reference | None:
    m = _AUTHOR_IBIDEM.match(clean)
    head = read_head(m.group("head")) if m is not None else None
    if m is None or head is None or not head[0] or head[1]:
        return None
    pin = normalize_pinpoint(m.group("pin")) or m.group("para")
    return OpCitRef(text=text, authors=head[0], short_title=None, pinpoint=pin)


def _opcit_from(text: str, m: re.Match[str]) -> Reference | None:
    # "Rossi, ult. op. cit." (ultima opera citata): the author's last work, no short title
    head = read_head(re.sub(r"(?:,\s*|\s)ult\.$", "", (m.group("head") or "").strip()))
    if head is None:
        return None
    authors, title = head
    return OpCitRef(
        text=text, authors=authors, short_title=title, pinpoint=normalize_pinpoint(m.group("pin"))
    )


def _read_author_year(text: str, clean: str) -> Reference | None:
    """ "Gould 1966, S. 6" / "Berger, Die stille Stadt 2015, S. 17": a short form by
    author, year (and short title when the author wrote several)."""
    m = P.FORM_AUTHOR_YEAR.match(clean)
    if m is None:
        return None
    authors = tuple(a.strip() for a in m.group("authors").split("/"))
    title = (m.group("title") or "").strip() or None
    return ShortRef(text=text, authors=authors, short_title=title, pinpoint=normalize_pinpoint(m.group("pin")))


# An author-date short form, the whole note: "Roe 2015, 41", "Roe and Poe 2015: 41-43",
# "Roe et al. (2015), 41", "(Roe 2015, 41)", "Roe 2015"; student site essays put a
# comma before the year and name bodies: "Quoted in Roe, 1971.", "Kent County Society, 2017."
_AUTHOR_DATE_NAME = r"[A-Z\u00c0-\u00dd][\w'\u2019-]{1,30}(?:\s[A-Z\u00c0-\u00dd][\w'\u2019-]{1,30}){0,4}"
_AUTHOR_DATE = re.compile(
    rf"^(?:(?i:quoted|cited)\sin\s)?\(?(?P<authors>{_AUTHOR_DATE_NAME}(?:\s(?:and|&)\s{_AUTHOR_DATE_NAME}){{0,2}}"
    r"(?:\set\sal\.)?),?\s\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?"
    r"(?:[,:]\s?(?:pp?\.\s?)?(?P<pin>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:\s?ff?\.?)?))?\)?[.;]?$"
)


# Words before a year that are no author: a law or a part ("Act 1998, 4", "Table 2015"), a
# preposition or a season of prose ("In 1774.", "Since 1990, 4"); months are the lexicon's.
_NOT_AUTHORS = frozenset(
    "act section article chapter regulation directive law code table figure fig part book volume session "
    "statute treaty in on at by from since until till after before about around circa ca during through to "
    "of for see cf also and or but the a an as early late mid spring summer autumn fall winter year anno "
    "until ad bc ce bce ibid id".split()
)


def _may_be_author(authors: str) -> bool:
    first = authors.split()[0].lower()
    if re.search(r"[\w.][\u2019']s\s[A-Z]", authors):
        return False  # "Evans Bell’s Mysore Reversion (1865)": an author's title, in the possessive
    return first not in _NOT_AUTHORS and first not in lexicon.month_words() and first not in lexicon.prose_words()


def _read_author_date(text: str, clean: str) -> Reference | None:
    """ "Roe 2015, 41": the author and year of a work the bibliography (or an earlier
    note) gives; the resolver picks the author's work of that year."""
    m = _AUTHOR_DATE.match(clean)
    if m is None or not _may_be_author(m.group("authors")):
        return None
    authors = tuple(a.strip() for a in re.split(r"\s(?:and|&)\s", P.FORM_ET_AL.sub("", m.group("authors"))))
    return ShortRef(text=text, authors=tuple(a for a in authors if a), short_title=None,
                    pinpoint=normalize_pinpoint(m.group("pin")))


# A surname alone, the whole note ("Marlow.", "McAllister", "O'Dwyer."): student notes name
# the author of a work their bibliography lists; one word that is no remark or month.
_AUTHOR_ALONE = re.compile(r"^(?P<name>(?:Mc|Mac|O[\'\u2019])?[A-Z\u00c0-\u00dd][\w\'\u2019-]{2,30})\.?$")
_REMARK_WORDS = frozenset(
    "passim sic thanks emphasis ditto ibid ibidem idem ebd ders dies same above below supra infra note notes "
    "see cf compare anonymous unpublished translation trans ed eds et al etc ditto none unknown n.d".split()
)


def _read_author_alone(text: str, clean: str) -> Reference | None:
    """ "Marlow.": an author-only short form; the resolver looks for the author's one work."""
    m = _AUTHOR_ALONE.match(clean)
    if m is None:
        return None
    word = m.group("name").lower()
    if word in _REMARK_WORDS or word in lexicon.prose_words() or word in lexicon.month_words():
        return None
    return ShortRef(text=text, authors=(m.group("name"),), short_title=None, pinpoint=None)


def author_alone(body: str, ref: Reference) -> bool:
    """Whether ``ref`` is the author-only short form ``body`` is ("Marlow.")."""
    return isinstance(ref, ShortRef) and bool(ref.authors) and body.strip(" .") == ref.authors[0]


# --- the head: author(s) and short title before "op. cit." / "supra" --------


def read_head(head: str) -> tuple[tuple[str, ...], str | None] | None:
    """Author family names and short title of a form's head, or None if the
    head cannot be one (it holds a year, a URL, two citations, ...).

    ``Abbas, ‘Russia’s Revival’`` → (("Abbas",), "Russia’s Revival");
    ``Zaidi and Saud`` → (("Zaidi", "Saud"), None).
    """
    head = head.strip().strip(",").strip()
    if not head:
        return (), None
    quoted = P.FORM_QUOTED_TITLE.search(head)
    if quoted is not None:
        title: str | None = quoted.group("title").strip().strip(",").strip() or None
        outside = head[: quoted.start()] + " " + head[quoted.end() :]
        if P.FORM_HEAD_FORBIDDEN.search(outside) or head[quoted.end() :].strip(" ,.:"):
            return None
        return _families(head[: quoted.start()]), title
    if P.FORM_HEAD_FORBIDDEN.search(head) or len(head) > 160:
        return None
    segments = [s.strip() for s in head.split(",") if s.strip()]
    last_author = 0
    for i, segment in enumerate(segments[1:], start=1):
        # "Zaidi, Saud and Khan" / "Zaidi, Saud, and Khan": the list goes on
        # until its "and"; a segment without one is the short title.
        if P.FORM_AUTHOR_SEP.search(" " + segment) and _looks_like_names(segment):
            last_author = i
    authors = _families(", ".join(segments[: last_author + 1]))
    rest = ", ".join(segments[last_author + 1 :]).strip() or None
    return authors, rest


def _looks_like_names(segment: str) -> bool:
    """Every part of "Saud and Khan" is one to three capitalised words."""
    parts = [p for p in P.FORM_AUTHOR_SEP.split(segment) if p.strip()]
    return bool(parts) and all(
        1 <= len(p.split()) <= 3 and all(w[:1].isupper() for w in p.split()) for p in parts
    )


_CAPS_WORD = re.compile(r"[A-Z\u00c0-\u00dd][A-Z\u00c0-\u00dd'\u2019-]{2,}")  # "TRAISSAC", "SAINT-PAU"; not "W.-R."


def _families(authors: str) -> tuple[str, ...]:
    """The last word of each name as printed: "Syed Zaidi and A. Saud" → (Zaidi, Saud)."""
    authors = P.FORM_ET_AL.sub("", authors).strip(" ,.")
    out = []
    for name in P.FORM_AUTHOR_SEP.split(authors):
        words = name.strip(" ,.").split()
        # "TRAISSAC Élisabeth, op. cit.": the family in capitals before the given name (French theses)
        caps = [w for w in words if _CAPS_WORD.fullmatch(w.strip(".,"))] if not all(w.isupper() for w in words) else []
        if words:
            out.append((caps[-1] if caps else words[-1]).strip(".,"))
    return tuple(out)


# --- pinpoints ------------------------------------------------------------------


def normalize_pinpoint(pin: str | None) -> str | None:
    """``"45 - 47"`` → ``"45--47"``; ``"153-62"`` → ``"153--162"``; None stays None."""
    if pin is None:
        return None
    pin = _FOLLOWING.sub(r"\1", _SPACES.sub(" ", pin)).strip(" ,.;:")
    if not pin:
        return None
    parts = [_expand_range(P.FORM_PIN_DASH.sub("--", part.strip())) for part in pin.split(",")]
    return ", ".join(p for p in parts if p)


def _expand_range(pin: str) -> str:
    """Write out an abbreviated range: "153--62" → "153--162" (never "62" < "153");
    a volume before a colon stays ("2:177--78" → "2:177--178")."""
    volume, colon, pages = pin.partition(":")
    if colon and volume.isdigit():
        return f"{volume}:{_expand_range(pages)}"
    m = _RANGE_ENDS.match(pin)
    if m is None:
        return pin
    first, last = m.group(1), m.group(2)
    if len(last) < len(first) and int(first[: len(first) - len(last)] + last) > int(first):
        last = first[: len(first) - len(last)] + last
    return f"{first}--{last}{pin[m.end():]}"
