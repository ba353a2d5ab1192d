"""Name lists: the text of an author, editor or translator segment → Names.

Input: one segment's text ("Zaidi, Syed and Adam Saud", "In J. Smith (Ed.),").
Output: a tuple of :class:`relbib.model.Name`, in order; "et al." dropped.
Never: guess across segments or touch files other than the packaged
surname list (read once, as package data).

The splitting follows the conventions of the reference-string gold data
(``split_names`` in shared/tools/score_refparse.py): "Family, Given" pairs,
"Given Family", "Family INITIALS" (Vancouver), upper-case family names, and
particles (de, van, al-) kept with the family name.  One addition: a
two-token name in natural order whose first token is a common East Asian
family name is read family-name-first ("Zheng Haiqi" → Zheng, Haiqi) after
"and", and at the start of a footnote (``family_first_lead``) unless its
second token is a common Western given name.
"""

from __future__ import annotations

import re
import unicodedata

from relbib import lexicon
from relbib.model import Name
from relbib.parse import patterns as P

PARTICLES = lexicon.name_particles()
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that mark an organisation rather than a person.
ORGANISATION_WORDS = lexicon.organisation_words()


# The name lists live in the lexicon (one home per vocabulary).
family_first_surnames = lexicon.family_first_surnames
western_given_names = lexicon.western_given_names
compound_surnames = lexicon.compound_surnames


def _is_initials(chunk: str) -> bool:
    toks = chunk.replace(".", ". ").split()
    return bool(toks) and all(P.INITIAL_TOKEN.match(t) for t in toks)


def _looks_family(chunk: str, upper_style: bool) -> bool:
    toks = chunk.split()
    if not toks or len(toks) > 4:
        return False
    core = [t for t in toks if t.lower().strip(".'\u2019") not in PARTICLES]
    if len(core) != 1:
        return False
    t = core[0]
    if _is_initials(t) and not (upper_style and len(t) >= 2 and t.isupper() and "." not in t):
        return False
    return t[:1].isalpha()


def _looks_given(chunk: str) -> bool:
    toks = chunk.split()
    while len(toks) > 1 and toks[-1].lower().strip(".'\u2019") in PARTICLES:
        toks = toks[:-1]
    if not toks or len(toks) > 4:
        return False
    return all(t[:1].isupper() or P.INITIAL_TOKEN.match(t) for t in toks)


def is_suffix(word: str) -> bool:
    """ "Jr.", "Sr", "III": a generational suffix (BibTeX's "Jr" part of a name)."""
    return word.lower().strip(".,") in SUFFIXES


def _trailing_suffix(chunk: str) -> tuple[str, str]:
    """ "Robert Mueller III" → ("Robert Mueller", "III"); a roman numeral counts only after a
    given name and a family name, so that "Smith II" (Vancouver initials) keeps it."""
    toks = chunk.split()
    if len(toks) < 2 or not _suffix_at(toks, len(toks) - 1):
        return chunk, ""
    roman = toks[-1].lower().strip(".,") in _ROMAN_SUFFIXES
    alone = len(toks) == 2 and toks[-1].strip(".,") == "III" and toks[0][1:].islower()  # "Bunch III"
    if roman and not alone and (len(toks) < 3 or _is_initials(toks[-2]) or not toks[-2][:1].isupper()):
        return chunk, ""  # "Smith II" (initials), "art. III" (an article of a constitution)
    return " ".join(toks[:-1]).rstrip(","), toks[-1].strip(",")


_ROMAN_SUFFIXES = frozenset({"ii", "iii", "iv"})


def _spelled(suffix: str) -> str:
    """One spelling of a suffix ("JR", "Jr" → "Jr."; "iii" → "III"), whatever the note's
    case and whatever full stop a segmenter took off."""
    word = suffix.strip(".,")
    return word.upper() if word.lower() in _ROMAN_SUFFIXES else word.capitalize() + "."


def family_core(family: str) -> str:
    """A family name without its suffix: "Mueller, III" → "Mueller" (the one key of a person)."""
    return family.split(",")[0].strip()


def _suffix_at(toks: list[str], k: int) -> bool:
    """Whether word ``k`` is a suffix; "JR" with no full stop after a family name in
    lower case is Vancouver initials ("Smith JR"), not "Junior"."""
    word = toks[k]
    if not is_suffix(word):
        return False
    return not (word.strip(",").isupper() and word.strip(",").isalpha() and word.lower().strip(",") in ("jr", "sr")
                and k > 0 and not toks[k - 1].isupper())


def _split_single(chunk: str, upper_style: bool, after_and: bool) -> tuple[str, str]:
    words = chunk.split()
    toks = [t for k, t in enumerate(words) if not _suffix_at(words, k)] or words
    if len(toks) == 1:
        return toks[0], ""
    # "Family INITIALS" (Vancouver: "Smith JA", "Majeska G.")
    i = len(toks)
    while (
        i > 1
        and _is_initials(toks[i - 1])
        and not (upper_style and toks[i - 1].isupper() and len(toks[i - 1].strip(".")) >= 3)
    ):
        i -= 1
    if i < len(toks) and not _is_initials(toks[0]):
        return " ".join(toks[:i]), " ".join(toks[i:])
    if upper_style:
        ups = [
            k
            for k, t in enumerate(toks)
            if t.isupper() and len(t.strip(".")) >= 2 and not _is_initials(t.strip(".") + ".")
        ]
        if not ups:
            ups = [k for k, t in enumerate(toks) if t.isupper() and len(t.strip(".")) >= 3]
        if ups:
            fam = [toks[k] for k in ups]
            giv = [t for k, t in enumerate(toks) if k not in ups]
            return " ".join(fam), " ".join(giv)
    # "Zheng Haiqi" after "and": East Asian order, family name first.
    if after_and and _family_first(toks):
        return toks[0], toks[1]
    # natural order "Given [particles] Family"
    j = len(toks) - 1
    while (
        j > 0 and toks[j - 1].lower().strip(".'\u2019") in PARTICLES and toks[j - 1][:1].islower()
    ):
        j -= 1
    j = _compound_family_start(toks, j)
    return " ".join(toks[j:]), " ".join(toks[:j])


def _compound_family_start(toks: list[str], j: int) -> int:
    """Where a family name of several words starts, given that ``toks[j:]`` is one; for example
    "L. Van den Berghe", "Dawn Ó Briain",
    "Johann Meyer zu Eissen", "Jorge Calvo Tello"."""
    if j < 2:
        return j
    before, first = toks[j - 1], toks[j]
    if first[:1].islower() and before.lower() in PARTICLES and before[:1].isupper():
        return j - 1  # "Van den", "De la": a capitalised particle before a lower-case one
    if j == len(toks) - 1 and before.lower() in lexicon.capitalised_particles():
        return j - 1  # "Richard Van Duizend", "Anna De Luca": an American capitalised particle
    if before in _GAELIC_PARTICLES:
        return j - 1
    if first in ("zu", "zum", "zur") and before[:1].isupper() and before.lower() not in western_given_names():
        return j - 1  # "Meyer zu Eissen": a surname before "zu"
    if j == len(toks) - 1 and before.lower() in compound_surnames() and not _is_initials(before):
        return j - 1
    return j


_GAELIC_PARTICLES = frozenset({"\u00d3", "N\u00ed", "Nic", "Ua", "U\u00ed", "Mac"})




def _family_first(toks: list[str]) -> bool:
    """Two tokens, the first a listed East Asian family name ("Zheng Haiqi")."""
    return (
        len(toks) == 2
        and toks[0].lower() in family_first_surnames()
        and toks[1][:1].isupper()
        and toks[1][1:].islower()
    )


def family_first_lead(name: Name, text: str) -> Name:
    """The first name of a footnote read family-name-first when it is printed
    "Zheng Haiqi" at the very start: a listed East Asian family name, then a
    given name that is not a common Western one ("Song Robert" stays).

    Only footnotes: reference lists of the sciences print "Li Yao" given name
    first, and there the second position after "and" is the only safe sign.
    """
    toks = [name.given, name.family]
    if (
        name.literal
        or len(name.given.split()) != 1
        or len(name.family.split()) != 1
        or not _family_first(toks)
        or name.family.lower() in western_given_names()
        # "Xu Sun", "Li Yao": both halves are surnames, so the order says nothing
        or name.family.lower() in family_first_surnames()
        or not re.match(rf"{re.escape(name.given)}\s+{re.escape(name.family)}\b", text)
    ):
        return name
    return Name(family=name.given, given=name.family)


_HANDLE = re.compile(r"\s?\(@[\w.]{1,30}\)")


def clean_name_text(text: str) -> str:
    """The name-list text without role words, "et al." and wrapping punctuation."""
    s = unicodedata.normalize("NFC", text)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"(\w)- (?=[a-z])", r"\1", s)
    s = re.sub(r"(\w)- (?=[A-Z])", r"\1-", s)
    s = P.ET_AL.sub("", s)
    s = _HANDLE.sub("", s)  # "Jane Roe (@janeroe)": the account's handle is no part of the name
    s = re.sub(
        r"\((?:[^()]*)\)", lambda m: " " if P.ROLE_WORDS.search(m.group(0)) else m.group(0), s
    )
    s = P.ROLE_WORDS.sub(" ", s)
    ends_dot = s.rstrip().endswith(".")
    s = re.sub(r"\s+", " ", s).strip(" ,;:.()[]") + ("." if ends_dot else "")
    return s.strip(" ,;:")


# A library catalogue's heading of a body under its place: "New York (N.Y.). Commissioners of the Alms-House".
_BODY_UNDER_PLACE = re.compile(r"^[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,3}\s\([A-Z][\w.\s]{1,20}\)\.\s[A-Z]")
# A company's closing abbreviation, its full stop part of the name: "Style, Inc.", "Vale Co."
_COMPANY_END = re.compile(r"(?:,\s|\s)(?:Inc|Corp|Co|Ltd|Bros|L\.L\.C|P\.L\.C)\.$")


def looks_like_organisation(text: str) -> bool:
    """True when a name-list text names an institution ("United Nations", "IPRI")."""
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return False
    if _BODY_UNDER_PLACE.match(text) or _COMPANY_END.search(text.strip()):
        return True
    if any(w.lower() in ORGANISATION_WORDS for w in words) and len(words) >= 2:
        return not re.search(r",\s*[A-Z]\.", text)
    return False


# A name by epithet, given name and place, with no family name to invert: "John of the
# Cross", "Catherine of Siena", "Bernard of Clairvaux" (one name; a saint's title
# before it is no part of it).
_EPITHET_NAME = re.compile(
    r"^(?:(?:Saint|St\.|Sainte|Ste\.|Blessed|Pope)\s)?(?P<name>[A-Z][a-z\u00e0-\u00ff]+\s+of\s+(?:the\s+)?"
    r"[A-Z][\w'\u2019-]+)\.?$")


def split_names(text: str) -> tuple[Name, ...]:
    """The people (or organisation) a name-list segment names, in order."""
    if P.SAME_AUTHOR.match(text.strip()):
        return ()
    s = clean_name_text(text)
    if not s or P.VARIOUS.match(s):
        return ()
    epithet = _EPITHET_NAME.match(s)
    if epithet is not None and not looks_like_organisation(s):
        return (Name(family=epithet.group("name")),)  # one name, as "Plato" is
    if looks_like_organisation(s) and not P.NAME_CONJ.search(s):
        return (Name(family=s if _COMPANY_END.search(s) else s.rstrip("."), literal=True),)
    words = re.findall(r"[^\W\d_]+", s)
    upper_style = any(w.isupper() and len(w) >= 4 for w in words) and not all(
        w.isupper() for w in words if len(w) > 1
    )
    if words and all(w.isupper() for w in words if len(w) > 1) and any(len(w) >= 4 for w in words):
        upper_style = True
    out: list[tuple[str, str, str]] = []  # family, given, suffix
    parts = [_without_title(p) for p in P.NAME_CONJ.split(s) if p and p.strip(" ,.")]
    for n_part, part in enumerate(parts):
        out.extend(_split_part(part, upper_style, after_and=n_part > 0))
    names: list[Name] = []
    for family, given, suffix in out:
        family = family.strip(" ,;:")
        given = given.strip(" ,;:")
        if (
            given.endswith(".")
            and len(given.split()[-1]) > 3
            and not _is_initials(given.split()[-1])
        ):
            given = given[:-1]
        if family.endswith(".") and not _is_initials(family):
            family = family[:-1]
        if family and suffix and not given and suffix.strip(".,").lower() in _ROMAN_SUFFIXES:
            names.append(Name(family=f"{family} {_spelled(suffix)}"))  # "Bunch III": no given name to part them
        elif family:
            # "King, Jr.": the suffix stays with the family name, as BibTeX's
            # "von Last, Jr, First" holds it (CSL's "suffix" on the way out)
            names.append(Name(family=f"{family}, {_spelled(suffix)}" if suffix else family, given=given))
    return tuple(names)


def _without_title(part: str) -> str:
    """ "Sir Ch. Trevelyon", "Major Edwards", "Mr. William Roe": the name without the honorific
    or rank printed before it (no part of the name; lexicon titles_of_rank.txt, honorifics.txt)."""
    words = part.split()
    if len(words) < 2 or words[0].lower().strip(".") not in lexicon.person_titles() or not words[1][:1].isupper():
        return part
    return part[part.index(words[1], len(words[0])) :]


def _split_part(part: str, upper_style: bool, *, after_and: bool) -> list[tuple[str, str, str]]:
    """The names of one part of a name list between "and"s: (family, given, suffix) each.

    A suffix is its own comma chunk ("Martin Luther King, Jr.", "King, Martin
    Luther, Jr.", BibTeX's "King, Jr., Martin Luther") or the last word of a
    name in natural order ("Robert Mueller III")."""
    out: list[tuple[str, str, str]] = []
    chunks = [c.strip() for c in part.split(",") if c.strip(" .")]
    i = 0
    suffix = ""
    while i < len(chunks):
        # "Wimsatt Jr., William Kurtz", "R. Platt Jr": a suffix after the family name
        c, trailing = _trailing_suffix(chunks[i].strip())
        nxt = chunks[i + 1] if i + 1 < len(chunks) else None
        if nxt is not None and is_suffix(nxt):
            suffix = nxt.strip()
            chunks.pop(i + 1)
            continue
        if is_suffix(c) and out and not out[-1][2]:
            out[-1] = (*out[-1][:2], c.strip())  # "King, Martin Luther, Jr."
            i += 1
            continue
        if (
            nxt is not None
            and _looks_family(c, upper_style)
            and (_is_initials(nxt) or (_looks_given(nxt) and len(nxt.split()) <= 3))
        ):
            out.append((c.strip(" ."), nxt.strip(), suffix or trailing))
            suffix = ""
            i += 2
            continue
        if P.VARIOUS.match(c):
            i += 1
            continue
        out.append((*_split_single(c, upper_style, after_and=after_and or i > 0), suffix or trailing))
        suffix = ""
        i += 1
    return out


# --- "Author: Title" -----------------------------------------------------------------

# The head of a note in the older "Author: Title, Place, Year" style: names
# (initials, capitalised words, particles, joined by "and"/"&"/"et"/"und")
# before a colon.
_COLON_HEAD = re.compile(
    r"^(?P<head>[^\W\d_][^,:;()\[\]\"“”‘’\d]{0,80}?)\s?:\s(?=[\"“‘'*_]?[^\W\d_])"
)
_HEAD_JOIN = re.compile(r"\s(?:and|&|et|und)\s")
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]\.-[A-Z]\.$")
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u00de][\w'\u2019-]*\.?|[A-Z]\.(?:[A-Z]\.)*)$")
# Labels a note may open with, before a colon, that name no author.
_LABELS = frozenset(
    "source sources note notes example examples see compare cf quoted cited translation ibid id "
    "emphasis original abstract summary introduction preface chapter part book volume appendix".split())
# A full note's facts after the title: a year, or a page.
# (Tried from the first comma of a line only: from every comma it is quadratic.)
_FACTS = re.compile(r"(?m)(?:^(?>.*?,\s)|,\n).*(?:\b1[5-9]\d\d\b|\b20\d\d\b|\bpp?\.\s?\d"
                    r"|(?<=,\s)(?:[IVXLC]{1,6}|[ivxlc]{1,6})\.?,?\s\d)")  # "…, I 346": a volume and pag
# A classical work's locator closing the note: a Stephanus or Bekker number
# ("Plato: Symposium, 203b", "Aristotle: Ethics, 1094a10") or a book of it
# ("Aristotle: Politics, Book I"): the colon form of one-name ancient authors.
_CLASSICAL_LOCATOR = re.compile(r",\s(?:\d{1,4}[a-e]\d{0,2}(?:[-\u2013]\d{0,4}[a-e]?\d{0,2})?"
                                r"|(?:[Bb]ook|[Bb]k\.)\s(?:[IVXLC]{1,6}|\d{1,2})\b[^,]{0,40})\.?\s*$")


def colon_author_end(text: str) -> int | None:
    """Where the colon after a note's author stands ("R. M. Bucke: Cosmic
    Consciousness, Philadelphia, 1901, p. 2."), or None when the note does
    not open with names and a colon.  Names with a given name or initials
    are enough; a bare surname ("Bougaud: Hist. de …, Paris, 1894") needs a
    full note's facts after the title."""
    m = _COLON_HEAD.match(text.strip())
    if m is None:
        return None
    parts = _HEAD_JOIN.split(m.group("head").strip())
    if len(parts) > 3:
        return None
    full = False
    for part in parts:
        words = part.split()
        names = [w for w in words if w.lower() not in PARTICLES and w.lower().rstrip(".") not in ("v", "von")]
        if not 1 <= len(words) <= 5 or not names or not all(_NAME_WORD.match(w) for w in names):
            return None
        if _INITIAL.match(names[-1]) or names[-1].lower() in _LABELS:
            return None  # the family name comes last, and is no label ("Note:")
        full = full or len(names) >= 2 and (
            any(_INITIAL.match(w) for w in names[:-1]) or names[0].lower() in western_given_names())
    if not full and (len(parts) == 1 and len(parts[0].split()) > 1
                     or not _FACTS.search(re.sub(r"\([^()]*\)", "", text))
                     and not (len(parts) == 1 and _CLASSICAL_LOCATOR.search(text))):
        return None
    return text.index(":", len(text) - len(text.lstrip()) + m.start("head"))
