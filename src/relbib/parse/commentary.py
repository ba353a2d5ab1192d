"""A piece of a note → whether it is an editor's commentary, not a citation.

Input: the text of one piece of a note (see ``split.read_note``).
Output: ``publication_fact(text)``, whether the piece carries a fact only a
citation carries (a page, a volume, a place of publication with its year, a
translator or editor, a URL); ``commentary(text)``, whether it reads as
biographical or explanatory commentary ("Sir A. B., Bishop of X, 1661–76.
Died May 3rd, 1680, aged eighty. —B.") and carries no such fact.
Never: call a piece with a publication fact commentary (a full citation is
never dropped as a comment), look at other pieces or notes, or touch a file.
"""

from __future__ import annotations

import re

from relbib import lexicon

__all__ = ["PROSE_WORDS", "commentary", "pointer", "prose", "publication_fact"]

_YEAR = r"(?:1[4-9]\d\d|20\d\d)"
_MONTH_SET = frozenset(w.capitalize() for w in lexicon.month_words(("en",)))

# Facts only a citation carries.  Each alternative is bounded or anchored on a
# literal, so the search stays linear.
_FACT = re.compile(
    r"\b(?:pp?|vols?|nos?|chs?|chaps?|bks?|fols?|ff|nn?|cols?|eds?|edn|trans|repr|sect|art|sc|ll?|Bd|Jg|Heft)\.\s?[\dIVXLCivxlc]"
    r"|\bvols?\.|§|https?://|www\.|\bdoi\b|\bv\.\s"
    r"|\b(?:translated|edited|compiled|printed|published|reprinted)\s+(?:by|at|for|in)\b"
    r"|\b(?:entitled|edition|ed\.|eds\.|trans\.|8vo|4to|12mo|16mo|folio)"
    r"|\b[IVXL]{1,6}\s\d{1,4}\b"  # "Psychological Review, II 287": volume and page
    # a law report: "[2018] AC 61", "[2017] UKSC 5"; a case name "Robinson v Chief Constable"
    r"|\[(?:1[5-9]|20)\d\d\]\s[A-Z]|\b[A-Z][\w'’.-]*\sv\s[A-Z]"
    # a classical locator: "Tacit. Annal. xiv. 2", "Collat. xviii. 5", "Epist. lxxxvi." (not "c. 1650")
    r"|\b(?:[ivx]|[ivxlc]{2,7})\.\s?\d{1,4}\b|\b[A-Z][a-z]{1,9}\.\s[ivxlc]{2,7}\.(?!\w)"
    r"|\b(?:Journal|Review|Magazine|Proceedings|Transactions|Quarterly|Bulletin|Zeitschrift|Revue|Archiv|Jahrbuch)\b"
)
# "421–424", "12-15": a page range (not a year range, "1661–76").
_RANGE = re.compile(rf"(?<![\d.])(?P<first>\d{{1,4}})\s?{lexicon.DASH}\s?\d{{1,4}}(?![\d])")
# "(London, 1980)", "(1990)", "(Oxford: OUP, 2001)": a year closing a parenthesis
# that holds no diary date ("(see October 23rd, 1660)").
_PAREN_YEAR = re.compile(rf"\((?P<inner>[^()]{{0,120}}){_YEAR}[a-z]?\)")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b|\bsee\b", re.IGNORECASE)
# ", Paris, 1890", ", New York, 1830": a place and a year standing as their own
# field (not a month's, not "Viscount Halifax, 1668").
_PLACE_YEAR = re.compile(
    rf"(?:^|[,:]\s)(?P<place>[A-Z][a-z]{{2,20}})(?:\s[A-Z][a-z]{{2,20}})?,\s{_YEAR}\b(?!\s?{lexicon.DASH}\d)"
)
# A page closing a short form: "Smith, Empire, 40." (not a year or a year range).
_CLOSING_PAGE = re.compile(rf",\s(?!{_YEAR})\d{{1,4}}(?:\s?{lexicon.DASH}\s?\d{{1,4}})?\.?\s*$")

# "… says Hamilton (Mémoires de Grammont). —B.": a title closing the piece in a
# parenthesis, its long words all capitalised.
_CLOSING_TITLE = re.compile(
    r"\((?P<inner>[A-Z\u00c0-\u00de][^()\d]{2,100})\)[.,]?\s?(?:\u2014\u2060?\s?(?:[A-Z]\.\s?){1,3})?$"
)
# "… all safely arrived.” Rugge’s Diurnal —B.": the source named after a closing quotation.
_AFTER_QUOTE = re.compile(
    r"[\u201d\"]\s(?P<inner>[A-Z\u00c0-\u00de][^\u201c\u201d\"()\d]{2,100}?)\.?\s?(?:\u2014\u2060?\s?(?:[A-Z]\.\s?){1,3})?$"
)

# Marks of commentary.
_QUOTED = re.compile(r"[\u201c\"][^\u201c\u201d\"]{0,2000}[\u201d\"]|\([^()]{0,2000}\)")
_LIFE_WORDS = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.life_words()))})\b")
# "Mary, Duchess of Richmond", "Bishop of Durham", "Secretary to the Admiralty",
# "Treasurer of the Navy", "M.P. for Harwich" (not a title's "The Duchess of Malfi").
_RANK_OF_PLACE = re.compile(
    rf"(?<!\bThe\s)\b(?:{'|'.join(sorted(lexicon.ranks_of_place()))})\s+(?:of|to|for)\s+(?:the\s)?[A-Z]"
    r"|\bM\.\s?P\.\s(?:for\s)?[A-Z]"
)
# A sentence whose subject is a pronoun: "He died …", "She was …".
_PRONOUN_SENTENCE = re.compile(r"(?:^|[.!?]\s)(?:He|She|It|They|This|There|His|Her)\s[a-z]")
# An editor's sign-off closing the note: "—B.", "— M. B.", "—Ed.", "[Ed.]".
# (a word joiner may follow the dash: "—\u2060B.")
_SIGN_OFF = re.compile(r"(?:\u2014\u2060?\s?(?:[A-Z]\.\s?){1,3}|\u2014\u2060?\s?Ed\.|\[Ed\.?\])\s*$")
# "… for love, see note 94": a pointer to another note closing the piece.
_SEE_NOTE = re.compile(r"\bsee\s(?:also\s)?(?:notes?|nn?\.)\s\d{1,5}\W{0,3}$", re.IGNORECASE)
# Words that make a sentence of prose (outside titles and parentheses).
PROSE_WORDS = lexicon.prose_words()
_PROSE_QUOTED = re.compile(r"[\u201c\"][^\u201c\u201d\"]*[\u201d\"]|\*[^*]+\*|_[^_]+_|\([^()]*\)")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+")
# "April 10th, 1667": a diary's date, in a piece with a word of prose beside it.
_ORDINAL_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th),\s(?:1[4-9]\d\d|20\d\d)\b")
# What a pointer to another note or a date is made of ("note 1705.", "May 18th, 1668.").
_POINTER_WORDS = frozenset(
    "note notes n nn see also and on the of this that month post ante above below st nd rd th".split()
)
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
# A pointer to another place of the same book: its words (lexicon), the ones that
# point ("above", "sup.") and the parts of a book it may open with ("Vol. II. § 74").
_POINTER_TOKEN = re.compile(r"[^\W\d_]+|\d+|\u00a7")
_CROSS_WORDS = lexicon.cross_reference_words() | {"passage", "passages", "remark", "remarks"}
_LOCATOR_WORDS = lexicon.old_locators()
_POINTING = frozenset("above below supra infra sup inf ante post here oben unten".split())
_STRUCTURE = frozenset("vol vols volume chap chapter ch chs c cc cap capp lib part pt sect sec section book bk "
                       "note notes appendix introduction preface".split())
# Markdown's italics marks around words (not a star page, "*154").
_EMPHASIS_MARK = re.compile(r"(?<!\w)\*{1,2}(?=[^\s\d*])|(?<=[^\s*])\*{1,2}(?!\w)")
# A few words, then a pointer after "v." / "see" / "cf.": "For the Gewissae, v. II, 5 and note."
_LEAD_THEN_POINTER = re.compile(r"(?P<lead>[^,;()]{1,60}),\s(?P<to>(?:v\.|vid\.|vide|see|cf\.)\s.{1,80})$", re.IGNORECASE)
# "I.e., …" / "That is, …": an explanation of the text's words.
_THAT_IS = re.compile(r"\s*(?:i\.\s?e\.|that\sis),?\s", re.IGNORECASE)
_SIGNALS = frozenset("see also comp compare cf vid vide vgl v vs".split())
# A book of the work in capital roman numerals opening the pointer: "IV, 26", "II, 5-9, 20".
_BOOK_NUMBER = re.compile(r"[IVXLC]{1,6}")
_ROMAN = re.compile(r"[ivxlc]{1,7}")
_POINTER_MAX = 16
# Lowercase words in a long sentence of prose.
_LONG_PROSE = 25


def publication_fact(text: str) -> bool:
    """Whether ``text`` carries a fact only a citation carries (see the module docstring)."""
    if _FACT.search(text) or _CLOSING_PAGE.search(text):
        return True
    if any(not re.fullmatch(_YEAR, m.group("first")) for m in _RANGE.finditer(text)):
        return True
    if any(not _ORDINAL.search(m.group("inner")) for m in _PAREN_YEAR.finditer(text)):
        return True
    if any(m.group("place") not in _MONTH_SET for m in _PLACE_YEAR.finditer(text)):
        return True
    return any(_titled(m.group("inner")) for m in (_CLOSING_TITLE.search(text.rstrip()), _AFTER_QUOTE.search(text.rstrip())) if m)


def _titled(span: str) -> bool:
    """Two words or more, the long ones all capitalised: "Mémoires de Grammont"."""
    words = _WORD.findall(span)
    return len(words) >= 2 and all(w[:1].isupper() for w in words if len(w) > 3)


def pointer(text: str) -> bool:
    """Whether ``text`` only points to another place of the same book ("Above,
    here.", "Sup. § 14.", "Vol. II. § 74.", "See the passage above, § 48, note
    7."): pointer and locator words and numbers, and no name or title.  Its
    locator is no publication fact: it names no work."""
    lead = _LEAD_THEN_POINTER.match(text)
    if lead is not None and not publication_fact(lead.group("lead")) and pointer(lead.group("to")):
        return True  # "For the Gewissae, v. II, 5 and note.", "Ripon, v. infra, p. 56."
    words = _POINTER_TOKEN.findall(text)
    if not words or len(words) > _POINTER_MAX:
        return False
    folded = [w.lower() for w in words]
    if not all(w in _CROSS_WORDS or w in _LOCATOR_WORDS or w.isdigit() or w == "\u00a7"
               or _ROMAN.fullmatch(w) for w in folded):
        return False
    k = next((i for i, w in enumerate(folded) if w not in _SIGNALS), len(words))
    opening = folded[k] if k < len(words) else ""
    book = k < len(words) and _BOOK_NUMBER.fullmatch(words[k]) is not None  # "IV, 26-32": book IV, ch. 26-32
    return any(w in _POINTING for w in folded) or opening in _STRUCTURE or opening == "\u00a7" or book


def commentary(text: str) -> bool:
    """Whether ``text`` reads as commentary and carries no publication fact
    (a pointer to another place of the book is commentary: see :func:`pointer`)."""
    text = _EMPHASIS_MARK.sub("", text)  # "*vice*-president", "work. *—E.": italics say nothing here
    if pointer(text):
        return True
    if _THAT_IS.match(text) and not publication_fact(text):
        return True  # "I.e., to the archbishop.": the editor explains a word
    if publication_fact(text):
        return False
    if _SIGN_OFF.search(text) or _SEE_NOTE.search(text) or _RANK_OF_PLACE.search(text):
        return True
    outside = _QUOTED.sub(" ", text)
    if _LIFE_WORDS.search(outside) or _PRONOUN_SENTENCE.search(outside):
        return True
    words = _WORD.findall(outside)
    if words and all(w.lower() in _POINTER_WORDS or w.capitalize() in _MONTH_SET for w in words):
        return True  # "note 1705.", "June 23rd, 1660."
    if _ORDINAL_DATE.search(outside) and any(
        len(w) > 3 and w.islower() and w.capitalize() not in _MONTH_SET for w in words
    ):
        return True  # "Pepys records Mr. Weaver’s death on April 10th, 1667."
    return len(_LOWER_WORD.findall(outside)) >= _LONG_PROSE


def prose(text: str) -> bool:
    """The text reads as a sentence: two or more prose words outside titles and parentheses."""
    outside = _PROSE_QUOTED.sub(" ", text)
    words = _WORD.findall(outside)
    prose = sum(1 for w in words if w.lower() in PROSE_WORDS)
    lower = sum(1 for w in words if len(w) > 3 and w.islower())
    return prose >= 2 or (prose >= 1 and lower >= 3) or lower >= 6
