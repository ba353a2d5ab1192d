"""A piece of a note → whether it is an editor's commentary, not a citation.

Input: the text of one piece of a note (see ``split.read_note``).
Output: ``publication_fact(text)``, whether the piece carries a fact only a
citation carries (a page, a volume, a place of publication with its year, a
translator or editor, a URL); ``commentary(text)``, whether it reads as
biographical or explanatory commentary ("Sir A. B., Bishop of X, 1661–76.
Died May 3rd, 1680, aged eighty. —B."; a ruler's reign, "Aldwin II, 712–39."; a
council "At a council of forty abbots held …"; a gloss, "Literally “…”"; a
sentence of prose that names nothing, "… in chap. x is curious.") and carries no
such fact; ``variant_reading(text)``, whether it is an editor's note on the
reading of an earlier edition ("Ed. 1 reads “and.”", "The first edition has
“…”"). The years of a life or reign ("… King of X, 655–71", "in 680–81") and
the run of a series ("(2013–2020)") are no page range and no year of publication.
Never: call a piece with a publication fact commentary (a full citation is
never dropped as a comment), look at other pieces or notes, or touch a file.
"""

from __future__ import annotations

import re

from relbib import lexicon
from relbib.parse.dated_papers import names_dated_paper
from relbib.parse.site_tail import HOST

__all__ = ["PROSE_WORDS", "commentary", "pointer", "prose", "publication_fact", "variant_reading", "year_run"]

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
    # an act of a session by its regnal year, "6 Geo. III, c. 28"; a section and its subsection, "s. 6(1)"
    r"|\b\d{1,3}\s[A-Z][a-z]{1,6}\.?\s[IVX]{1,5},?\s(?:c|cc|cap)\.\s?\d"
    r"|\b(?:ss?|arts?|regs?)\.\s?\d{1,4}[A-Z]?\(\w{1,4}\)"
)
# "421–424", "12-15": a page range (not a year range, "1661–76"; nor dates
# after a preposition, "held in 680-681", "from 708-715").
_RANGE = re.compile(
    rf"(?<![\d.])(?<!\b(?:in|In)\s)(?<!\b(?:from|From|till)\s)(?<!\buntil\s)(?<!\bbetween\s)"
    rf"(?P<first>\d{{1,4}})\s?{lexicon.DASH}\s?\d{{1,4}}(?![\d])"
)
# "(London, 1980)", "(1990)", "(Oxford: OUP, 2001)": a year closing a parenthesis
# that holds no diary date ("(see October 23rd, 1660)").
_PAREN_YEAR = re.compile(rf"\((?P<inner>[^()]{{0,120}}){_YEAR}[a-z]?\)")
# "(2013–2020)", "(2012--)": a parenthesis holding only the years a series or a life ran.
_YEAR_RUN = re.compile(rf"\(\s?{_YEAR}\s?(?:{lexicon.DASH}{{1,3}}\s?(?:{_YEAR}|\d\d)?)?\s?\)")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b|\bsee\b", re.IGNORECASE)
# ", Paris, 1890", ", New York, 1830": a place and a year standing as their own
# field (not a month's, not "Viscount Halifax, 1668").
_PLACE_YEAR = re.compile(
    rf"(?:^|[,:]\s)(?P<place>[A-Z][a-z]{{2,20}})(?:\s[A-Z][a-z]{{2,20}})?,\s{_YEAR}\b(?!\s?{lexicon.DASH}\d)"
)
# The imprint right after a title in italics: "*Title*. Edinburgh, 1840", "*Title*. “Motto,” 1833",
# "*Title*, 1836" (only a place or a motto between; "*Hamlet*, written in 1600" is prose).
_ITALIC_IMPRINT = re.compile(
    rf"\*[^*]{{4,300}}\*[.,]?\s(?:(?:[A-Z][a-z]{{2,20}}|[\u201c\"][^\u201c\u201d\"]{{1,40}}[\u201d\"])[,.]?\s)?{_YEAR}\b"
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
# A quotation and the verb that reports it: "…?” asks Roe", "…,” writes Saint Pierre".
_REPORTED_SPEECH = re.compile(
    r"[\u201d\"],?\s(?:asks|says|writes|adds|continues|remarks|observes|exclaims|replies|cries"
    r"|asked|said|wrote|added|remarked|observed|exclaimed|replied|cried)\s\w"
    # "Pell says elsewhere: “…”", "Marlow writes: “…”": the speaker first
    r"|^[A-Z][\w'\u2019.-]*(?:\s[A-Z][\w'\u2019.-]*){0,3}\s(?:says|writes|adds|remarks|observes|said|wrote"
    r"|added|remarked|observed)(?:\s[a-z]+)?:\s?[\u201c\"]"
)
# A piece that is a quoted passage and nothing else: "“I find everything good.”", "… made well.”"
# (the rest of a quotation a sentence end cut).
_QUOTATION = re.compile(r"[\u201c\"]?(?P<inner>[^\u201c\u201d\"]{20,})[\u201d\"]")
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
# (German quotation marks first: "„Archiv" wurde …" closes „ with ", not with the next ")
_PROSE_QUOTED = re.compile(r"\u201e[^\u201c\u201d\u201e\"]*[\u201c\u201d\"]|[\u201c\"][^\u201c\u201d\"]*[\u201d\"]|\*[^*]+\*|_[^_]+_|\([^()]*\)")
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
_CROSS_WORDS = (lexicon.cross_reference_words() | lexicon.cross_reference_words_continental()
                | {"passage", "passages", "remark", "remarks"})
_LOCATOR_WORDS = lexicon.old_locators()
# A section's name quoted the German way after the word for it: "im Abschnitt „Quellen“".
_SECTION_NAME = re.compile(r"(?:(?<=[Aa]bschnitt\s)|(?<=[Kk]apitel\s))\u201e[^\u201c\u201d\u201e\"]{1,80}[\u201c\u201d\"]")
_POINTING = frozenset("above below supra infra sup inf ante post here oben unten sopra sotto dessus dessous "
                      "arriba abajo".split())
_STRUCTURE = frozenset("vol vols volume chap chapter ch chs c cc cap capp lib part pt sect sec section book bk "
                       "note notes appendix introduction preface fußnote fußnoten fussnote fussnoten fn anm "
                       "anmerkung anmerkungen nota notas kapitel abschnitt teil".split())
# Markdown's italics marks around words (not a star page, "*154").
_EMPHASIS_MARK = re.compile(r"(?<!\w)\*{1,2}(?=[^\s\d*])|(?<=[^\s*])\*{1,2}(?!\w)")
# A few words, then a pointer after "v." / "see" / "cf.": "For the Gewissae, v. II, 5 and note."
_LEAD_THEN_POINTER = re.compile(r"(?P<lead>[^,;()]{1,60}),\s(?P<to>(?:v\.|vid\.|vide|see|cf\.)\s.{1,80})$", re.IGNORECASE)
# "I.e., …" / "That is, …": an explanation of the text's words.
_THAT_IS = re.compile(r"\s*(?:i\.\s?e\.|that\sis),?\s", re.IGNORECASE)
_SIGNALS = frozenset("see also comp compare cf vid vide vgl v vs siehe auch vedi anche voir aussi véase vease "
                     "cfr la le les el los las die der den".split())
# A book of the work in capital roman numerals opening the pointer: "IV, 26", "II, 5-9, 20".
_BOOK_NUMBER = re.compile(r"[IVXLC]{1,6}")
_ROMAN = re.compile(r"[ivxlc]{1,7}")
_POINTER_MAX = 16
# Lowercase words in a long sentence of prose.
_LONG_PROSE = 25

# An editor's note on a variant reading: "Ed. 1 reads “and.”", "Eds. 1 and 2 read “the.”",
# "The first edition has “…”", "Additions and Corrections omits “that.”": a witness, a verb
# of reading, then what it reads.
_WITNESS = (
    rf"(?:Eds?\.|Editions?)\s?\d{{1,2}}(?:(?:,\s?|\s(?:and|to|&)\s|\s?{lexicon.DASH}\s?)\d{{1,2}}){{0,6}}"
    r"|(?:[Tt]he\s)?(?:first|second|third|fourth|fifth|sixth|seventh|earlier|later|original|early|last|\d(?:st|nd|rd|th))"
    r"(?:\s(?:and|or|to)\s\w{2,12})?\s(?:editions?|eds?\.|issues?|printings?|impressions?|manuscripts?|MSS?\.)"
    r"|[A-Z][\w'\u2019-]{1,20}(?:\s(?:and|&|of|the|[A-Z][\w'\u2019-]{1,20})){0,5}"
)
_VARIANT = re.compile(
    rf"(?:{_WITNESS})\s(?:reads?|omits?|adds?|inserts?|has|have|gives?|prints?|substitutes?)\s"
    r"(?P<rest>[\u201c\"\u2018].{0,300})"
)
# "“This” is probably a misprint for “his,” the reading of Eds. 1–3."
_MISPRINT = re.compile(
    rf"\bmisprints?\sfor\b|\breadings?\sof\s(?:Eds?\.\s?\d{{1,2}}(?:\s?{lexicon.DASH}\s?\d{{1,2}})?"
    r"|the\s\w{3,12}\sedition)"
)
_EDITION_NUMBERS = re.compile(rf"\bEds?\.\s?\d{{1,2}}(?:(?:,\s?|\s(?:and|to|&)\s|\s?{lexicon.DASH}\s?)\d{{1,2}}){{0,6}}")
# "Constantine I, 708-715.": a ruler, his number and the years of his reign.
_REIGN = re.compile(
    rf"[A-Z][a-z]{{2,20}}(?:\s(?:the\s)?[A-Z][a-z]{{2,20}})?\s[IVX]{{1,5}},\s(?:c\.\s?|r\.\s?)?"
    rf"\d{{3,4}}\s?{lexicon.DASH}\s?\d{{2,4}}\.?"
)
# "709-716. St. Boniface …": the years a person lived or reigned, opening the note.
_OPENING_YEARS = re.compile(rf"\d{{3,4}}\s?{lexicon.DASH}\s?\d{{2,4}}\.\s(?=[A-Z])")
# "…, King of Neustria and Burgundy, 638-656": a rank and the years it was held.
_RANK_YEARS = re.compile(
    rf"\b(?:{'|'.join(sorted(lexicon.ranks_of_place()))})\s+(?:of|to|for)\s[^,;()]{{1,60}},\s"
    rf"\d{{3,4}}\s?{lexicon.DASH}\s?\d{{2,4}}"
)
_PAREN = re.compile(r"\((?P<inner>[^()]{1,80})\)")
# "Literally “…”", "Letteralmente “…”", "Wörtlich: „…“": an adverb of translating, then the words it glosses.
_GLOSS = re.compile(
    r"(?:[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]{2,16}(?:ly|mente|ment|lich)|Lit\.|Sic|Viz\.)[,:]?\s{1,5}"
    r"[\u201c\u201e\"\u2018\u00ab][^\u201c\u201d\"\u00ab\u00bb]{1,300}[\u201d\u201c\"\u2019\u00bb]\.?"
)
# "At a council of …", "In the spring of …": a sentence opening with a circumstance, no citation's start.
_CIRCUMSTANCE = re.compile(
    r"(?:At|In|On|During|After|Before|Until|From|Under|Since)\s(?:the|a|an|this|that|these|those|his|her|its|their)"
    r"\s[a-z]"
)
_NAMING_MARK = re.compile(r"[\u201c\u201e\"\u00ab*_]|https?:|www\.|(?<!\d)\d{4}(?!\d)")
# "III, 25, where the extent is given …": a pointer into the book, then what it says there.
_POINTER_THEN_WORDS = re.compile(
    r"(?P<to>[^,;()]{1,30}(?:,\s[\dIVXLivxl]{1,6}){1,4}),\s(?:where|which|when|for|in\swhich|as)\s"
)


def publication_fact(text: str) -> bool:
    """Whether ``text`` carries a fact only a citation carries (see the module docstring)."""
    if _FACT.search(text) or _CLOSING_PAGE.search(text) or _ITALIC_IMPRINT.search(text):
        return True
    if any(not re.fullmatch(_YEAR, m.group("first")) for m in _RANGE.finditer(text)):
        return True
    if any(not _ORDINAL.search(m.group("inner")) and not year_run(m.group()) for m in _PAREN_YEAR.finditer(text)):
        return True
    if any(m.group("place") not in _MONTH_SET for m in _PLACE_YEAR.finditer(text)):
        return True
    return any(_titled(m.group("inner")) for m in (_CLOSING_TITLE.search(text.rstrip()), _AFTER_QUOTE.search(text.rstrip())) if m)


def year_run(paren: str) -> bool:
    """Whether ``paren`` ("(2013–2020)") holds only the run of years of a series or a life."""
    return _YEAR_RUN.fullmatch(paren.strip()) is not None


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
    # the name of a section pointed to is no title cited ("S. unten im Abschnitt „Quellen“.")
    words = _POINTER_TOKEN.findall(_SECTION_NAME.sub(" ", text))
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
    if _ITALIC_IMPRINT.search(text) or names_dated_paper(text):
        return False  # "Roe. *Title*. “Motto,” 1833.—Depicting …": a citation, whatever remarks follow it
    text = _EMPHASIS_MARK.sub("", text)  # "*vice*-president", "work. *—E.": italics say nothing here
    if pointer(text) or variant_reading(text) or _REIGN.fullmatch(text.strip()):
        return True  # "Ed. 1 reads “and.”", "Constantine I, 708-715."
    lead = _POINTER_THEN_WORDS.match(text)
    if lead is not None and pointer(lead.group("to")) and not publication_fact(text[lead.end():]):
        return True  # "III, 25, where the extent is given as forty families"
    text = _RANK_YEARS.sub("", _OPENING_YEARS.sub("", text, count=1))  # the years of a life or a reign
    text = _PAREN.sub(lambda m: " " if pointer(m.group("inner")) else m.group(), text)  # "(v. III, 19)"
    if (_THAT_IS.match(text) or _GLOSS.fullmatch(text.strip())) and not publication_fact(text):
        return True  # "I.e., to the archbishop.", "Literally “the right to redress”.": the editor explains a word
    if prose(text) and _names_nothing(text):
        return True  # "The discussion of this subject in chap. x is curious.": a pointer inside the book
    if publication_fact(text):
        return False
    if _CIRCUMSTANCE.match(text) and not any(w in _MONTH_SET for w in _WORD.findall(text)):
        return True  # "At a council of fifty bishops held in the Lateran in 679." (not a dated letter)
    if _SIGN_OFF.search(text) or _SEE_NOTE.search(text) or _RANK_OF_PLACE.search(text):
        return True
    if _REPORTED_SPEECH.search(text) or _quotation(text):
        return True  # "“What is the answer?” asks Roe, and says it is this: “…": a quotation reported
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


def _quotation(text: str) -> bool:
    """A quoted passage alone: a sentence of prose inside quotation marks, nothing outside."""
    m = _QUOTATION.fullmatch(text.strip())
    if m is None:
        return False
    words = _WORD.findall(m.group("inner"))
    return prose(m.group("inner")) or (len(words) >= 5 and sum(len(w) > 2 and w.islower() for w in words) >= 4)


def _names_nothing(text: str) -> bool:
    """No capitalised word after the first ("I" aside), no quotation, title, link or year: the text names no work."""
    if _NAMING_MARK.search(text):
        return False
    return not any(w[:1].isupper() and w != "I" for w in _WORD.findall(text)[1:])


def variant_reading(text: str) -> bool:
    """Whether ``text`` is an editor's note on a variant reading ("Ed. 1 reads “and.”",
    "“This” is probably a misprint for “his,” the reading of Eds. 1–3."): the edition
    named is the book's own, and nothing else in the note is a publication fact."""
    m = _VARIANT.fullmatch(text.strip())
    if m is not None:
        rest = _QUOTED.sub(" ", m.group("rest"))
        return len(_WORD.findall(rest)) <= 4 and not publication_fact(rest)
    if _MISPRINT.search(text):
        return not publication_fact(_EDITION_NUMBERS.sub(" ", _QUOTED.sub(" ", text)))
    return False


def prose(text: str) -> bool:
    """The text reads as a sentence: two or more prose words outside titles and parentheses."""
    outside = HOST.sub(" ", _PROSE_QUOTED.sub(" ", text))  # "…, curia.europa.eu": an address, no words
    outside = re.sub(r"\bI\.(?=\s[A-Z])", " ", outside)  # "I. HA Rep. 90a", "I. Roe": a numeral or an initial, no "I"
    words = _WORD.findall(outside)
    prose = sum(1 for w in words if w.lower() in PROSE_WORDS)
    lower = sum(1 for w in words if len(w) > 3 and w.islower())
    return prose >= 2 or (prose >= 1 and lower >= 3) or lower >= 6
