"""The regular expressions of legal citations: Bluebook, ALWD and OSCOLA shapes.

Input: nothing (this module only compiles patterns).
Output: compiled regexes read only by relbib.parse.legal; every name starts
LEGAL_ (compiled) or _LEGAL_ (fragment).
Never: hold state or do I/O; a pattern for one document's sentence is a defect.
"""

from __future__ import annotations

import re

from relbib import lexicon
from relbib.parse.patterns import DASH, DASH_CHARS

PARTICLE = lexicon.particle_pattern()

# Read only by relbib.parse.legal: Bluebook, ALWD and OSCOLA shapes.  Every
# name starts LEGAL_ (compiled) or _LEGAL_ (fragment).

# Any dash a PDF puts in a page range.
_LEGAL_DASH_CHARS = DASH_CHARS
_LEGAL_DASH = DASH
# A year in a citation: 1600-2099.
_LEGAL_YEAR = r"(?:1[6-9]|20)\d\d"
# One token of a reporter or journal abbreviation: "Yale", "L.J.", "F.2d",
# "Int'l", "&", "Supp.", "2d" / "3d" / "4th" (a reporter's series).
_LEGAL_SOURCE_TOKEN = r"(?:[A-Z][\w.'\u2019&]*(?:,(?=\s[A-Z]))?|\d+(?:d|nd|rd|th)\.?(?=\s)|&|of|on|and|in|for|the|de|du)"
# A reporter or journal: abbreviation tokens, the first capitalised; it stops
# before the first page number.
_LEGAL_SOURCE = (
    rf"(?P<source>[A-Z][\w.'\u2019&]*(?:,(?=\s[A-Z]))?(?:\s+{_LEGAL_SOURCE_TOKEN})*?"
    # an early state report's parallel nominative volume: "36 Mass. (19 Pick.) 523"
    r"(?:\s\(\d{1,3}\s[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}\))?)"
)
# A legal pinpoint: pages ("1940", "1940-41", "1940 n.5", "12, 15") or
# paragraphs ("¶ 186", "para. 12").
_LEGAL_PAGE = rf"\d+(?:\s*{_LEGAL_DASH}+\s*\d+)?"
_LEGAL_PIN_NOTE = rf"(?:\s*(?:&\s*)?nn?\.\s*\d+(?:\s*{_LEGAL_DASH}+\s*\d+)?)?"
_LEGAL_PARA = rf"(?:\u00b6+|paras?\.)\s*{_LEGAL_PAGE}"
_LEGAL_PIN = rf"(?:{_LEGAL_PAGE}{_LEGAL_PIN_NOTE}(?:,\s*{_LEGAL_PAGE}{_LEGAL_PIN_NOTE}){{0,20}}|{_LEGAL_PARA})"
# A parenthetical that holds the year (maybe after a court or a full date):
# "(1954)", "(2d Cir. 1980)", "(Dec. 10, 1948)".
_LEGAL_YEAR_PAREN = rf"\((?P<paren>[^()]*?\b(?P<year>{_LEGAL_YEAR}))\)"
# Explanatory parentheticals after the citation: "(holding that ...)",
# "(citation omitted)"; and the closing signal punctuation.
_LEGAL_TRAILER = r"(?:\s*+\((?:[^()]++|\([^()]*+\))*+\))*\s*+[.;]?\s*+$"  # "(quoting X (2001))" nests once
# A month of a date in a treaty or UN parenthetical: "Dec.", "Sept.", "June".
_LEGAL_MONTH = (
    rf"(?:{'|'.join(lexicon.months('en', 'abbr'))})"
    r"(?:[a-z]*)\.?"
)
_LEGAL_DATE = rf"{_LEGAL_MONTH}\s+\d{{1,2}},\s+{_LEGAL_YEAR}"

# "…, 111 Yale L.J. 1935, 1940 (2002)" / "…, 630 F.2d 876, at 878 (2d Cir. 1980)":
# volume, source, first page, pinpoint and the year's parenthetical.
LEGAL_PERIODICAL_TAIL = re.compile(
    rf",\s+(?P<volume>\d{{1,4}})\s+{_LEGAL_SOURCE}\s+(?P<first>\d+)"
    # "469 n.3": a note on the first page is the pinpoint
    rf"(?:,?\s+(?:at\s+)?(?P<pin>{_LEGAL_PIN})|,\s*(?P<pin2>{_LEGAL_PIN})|\s(?P<first_note>nn?\.\s?\d+))?"
    rf"(?:\s+{_LEGAL_YEAR_PAREN}|\s+\((?P<date_only>[^()]*)\))?{_LEGAL_TRAILER}"
)
# A case name: "X v. Y", "In re X", "Ex parte X".
LEGAL_CASE_NAME = re.compile(r"\sv\.?\s|^(?:In re|Ex parte|Re)\s", re.IGNORECASE)
# Reporters of courts: a source that is one of these is a case even without "v.".
LEGAL_REPORTER = re.compile(
    r"^(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?\dd)?|F\.(?:\s?Supp\.)?(?:\s?\d(?:d|th))?|"
    r"(?:F|Fed)\.\s?App(?:['\u2019]x|x\.?)|I\.C\.J\.|E\.C\.R\.|E\.H\.R\.R\.|A\.C\.|Q\.B\.|W\.L\.R\.|All E\.R\.|"
    r"P\.(?:\s?\dd)?|N\.E\.(?:\s?\dd)?|N\.W\.(?:\s?\dd)?|S\.E\.(?:\s?\dd)?|S\.W\.(?:\s?\dd)?|"
    r"So\.(?:\s?\dd)?|A\.(?:\s?\dd)?|Cal\.(?:\s?\w+)?|N\.Y\.(?:\s?\dd)?)$"
)
# OSCOLA: "Name v Name [1998] AC 539, 545" / "[2019] UKSC 41 [12]".
LEGAL_BRACKET_YEAR_CASE = re.compile(
    rf"^(?P<name>(?>.+?\sv\.?\s).+?|Re\s.+?)(?<!\s)\s++\[(?P<year>{_LEGAL_YEAR})\]\s+(?P<vol>\d+\s+)?"
    rf"(?P<source>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s+(?P<first>\d+)"
    rf"(?:,?\s*(?:at\s+)?\[?(?P<pin>{_LEGAL_PAGE})\]?)?{_LEGAL_TRAILER}"
)
# A legal book: "Author, Title 45 (9th ed. 2014)" — the pinpoint sits between
# the title and a parenthetical with no colon (Chicago's "(City: Publisher,
# 2010)" has one) that ends with the year.
LEGAL_BOOK = re.compile(
    rf"^(?P<head>[^()]+?)(?<!\s)(?:\s++(?P<pin>{_LEGAL_PIN})|,\sat\s(?P<pin3>{_LEGAL_PIN}))?\s++\((?P<paren>[^():]*?\b(?P<year>{_LEGAL_YEAR}))\)"
    rf"(?:,?\s+(?:at\s+)?(?P<pin2>{_LEGAL_PIN}))?{_LEGAL_TRAILER}"
)
# An edition in a legal parenthetical: "9th ed.", "2d ed.", "rev. ed.".
LEGAL_EDITION = re.compile(r"\b(?P<edition>\d+(?:st|nd|rd|th|d)|rev\.)\s+ed\.,?\s*")
# An editor or translator in the parenthetical: "Bryan A. Garner ed.,".
# (never an edition: "(2nd ed., London 2009)", "(Rev. ed., 1990)")
LEGAL_PAREN_EDITOR = re.compile(r"^(?!(?:\d+(?:st|nd|rd|th|d)|(?i:rev\.?|revised|new))\s)"
                                r"(?P<name>[^,]+?)(?<!\s)\s++(?P<role>eds?\.|trans\.)\s*,\s*")
# A statute in a code: "42 U.S.C. § 1983", "8 C.F.R. §§ 208.13-.16".
_LEGAL_CODE_SECTION = (
    rf"\d+\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+\u00a7\u00a7?\s*[\w.()]+(?:\s*{_LEGAL_DASH}+\s*[\w.()]+)?"
)
LEGAL_STATUTE = re.compile(
    rf"^(?P<cite>{_LEGAL_CODE_SECTION})(?:\s+\((?P<paren>[^()]*)\))?{_LEGAL_TRAILER}"
)
# A sentence that names the statute it quotes: "The quoted language is from 42 U.S.C. § 4331(b)."
LEGAL_STATUTE_LEAD_IN = re.compile(
    r"^[A-Z][a-z]{1,15}(?:\s[a-z]{1,15}){0,6}\s(?:is|are|was|were|comes?|appears?|is\staken)\s(?:from|in|at)\s"
    r"(?=\d{1,3}\s[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,4}\s\u00a7)"
)
# A code cited by its name and section, no volume first ("Utah Code Ann.
# § 77-23c-101 (West 2024)", "N.Y. Comp. Codes R. & Regs. tit. 23, § 200",
# "Model Penal Code § 3.04(2)(b)"), or a court rule ("Fed. R. Evid. 702",
# "Fed. R. Civ. P. 12(b)(6)"): the code or rules, then the section.
_LEGAL_CODE_WORD = r"(?:[A-Z][\w.'\u2019]*,?|&|of|tit\.\s\d+,)"
# The word that makes a cited body of law a code ("Code", "Stat.", "Ordinances").
LEGAL_CODE_WORD = re.compile(r"\b(?:Codes?|Ordinances|Stat\.|Stats\.|Regs\.|Laws?|Ann\.)(?!\w)")
LEGAL_CODE = re.compile(
    rf"^(?P<cite>[A-Z][\w.'\u2019]*,?(?:\s{_LEGAL_CODE_WORD}){{0,8}}\s\u00a7\u00a7?\s?[\w.()][\w.():\-]*"
    rf"(?:\s?(?:{_LEGAL_DASH}|to)\s?[\w.()\-]+)?(?:,\s[\w.()][\w.():\-]*)*)"  # "§§ 12-39, 12-63(a)(1)"
    rf"(?:\s\((?P<paren>[^()]*)\))?{_LEGAL_TRAILER}"
)
LEGAL_RULE = re.compile(
    rf"^(?P<cite>(?:[A-Z][a-z]*\.\s){{0,2}}R\.\s(?:[A-Z][a-z]*\.\s?){{1,3}}\s?\d+(?:\.\d+)*(?:\([\w]+\))*)"
    rf"(?:\s\((?P<paren>[^()]*)\))?{_LEGAL_TRAILER}"
)
# A piece in a periodical paginated by issue (Bluebook 16.5): "Author, Title,
# L. & Contemp. Probs., Autumn 1989, at 133, 174" / "…, Econ., Mar. 3, 2001, at 5" /
# a two-month issue: "…, Foreign Aff., Jan./Feb. 2010, at 28, 34".
LEGAL_NONCONSECUTIVE = re.compile(
    rf"^(?P<head>[^()]+?),\s(?P<journal>[A-Z][^,()]{{0,60}}?),\s(?P<date>(?:(?:Spring|Summer|Autumn|Fall|Winter|"
    rf"{_LEGAL_MONTH}(?:\s?(?:/|{_LEGAL_DASH})\s?{_LEGAL_MONTH})?)\s(?:\d{{1,2}},\s)?)?{_LEGAL_YEAR}),\sat\s(?P<first>\d+)(?:,\s?(?P<pin>{_LEGAL_PIN}))?"
    rf"{_LEGAL_TRAILER}"
)
# A case's later history after its year: "(9th Cir. 2021), cert. granted, 142
# S. Ct. 1413 (2022)", "…), aff'd, 5 F.4th 1 (2021)": the case is what precedes.
LEGAL_HISTORY = re.compile(
    r"\),\s(?:cert\.\s(?:granted|denied|dismissed)|aff['\u2019]d|rev['\u2019]d|vacated|modified|"
    r"appeal\sdismissed|reh['\u2019]g\s(?:en\sbanc\s)?(?:granted|denied)|abrogated|overruled|superseded)\b"
)
# An unreported case in a database: "…, No. 3:16-CV-946, 2017 WL 4785792, at *4
# (S.D. Ill. Oct. 20, 2017)" (the head before it holds the case name).
LEGAL_DATABASE_TAIL = re.compile(
    rf",\s(?:No\.\s(?P<docket>[^,()]{{1,60}}),\s)?(?P<db>(?P<year>{_LEGAL_YEAR})\s(?:WL|U\.S\.\s(?:Dist\.|App\.)\sLEXIS|"
    rf"[A-Z][\w.]{{0,12}}\sLEXIS)\s\d+),?(?:\sat\s(?P<pin>\*{{1,2}}\d+(?:\s?{_LEGAL_DASH}\s?\*{{0,2}}\d+)?))?"
    rf"\s\((?P<paren>[^()]*)\){_LEGAL_TRAILER}"
)
# A reporter citation alone, the case named in the text: "476 U.S. 573, 580 (1986)".
LEGAL_BARE_REPORT = re.compile(
    rf"^(?P<volume>\d{{1,4}})\s{_LEGAL_SOURCE}\s(?P<first>\d+)(?:,\s?(?:at\s)?(?P<pin>{_LEGAL_PIN}))?"
    rf"\s{_LEGAL_YEAR_PAREN}{_LEGAL_TRAILER}"
)
# A named act followed by its citations: "Civil Rights Act of 1964, Pub. L.
# No. 88-352, 78 Stat. 241 (1964)".
_LEGAL_STATUTE_CITE = rf"(?:Pub\.\s?L\.\s?No\.\s?[\d{_LEGAL_DASH_CHARS}]+|\d+\s+Stat\.\s+\d+|{_LEGAL_CODE_SECTION})"
LEGAL_NAMED_ACT = re.compile(
    rf"^(?P<title>(?>[A-Z][^,]*?\b(?:Act|Code|Law|Statute|Ordinance|Regulation)\b)[^,]*?)"
    rf"(?:(?:,|(?<!\s))\s++(?P<pin>\u00a7+\s*[\w.()]+))?,\s+(?P<cite>{_LEGAL_STATUTE_CITE}(?:,\s+{_LEGAL_STATUTE_CITE})*)"
    rf"(?:\s+\((?P<paren>[^()]*)\))?{_LEGAL_TRAILER}"
)
# A constitution: "U.S. Const. art. I, § 8, cl. 3", "Pa. Const. art. 1".
LEGAL_CONSTITUTION = re.compile(
    r"^(?P<title>(?:[A-Z][\w.]*\s+)+Const\.)(?:\s+(?P<pin>(?:art|amend|pmbl)\.?[^()]*?))?"
    rf"(?:\s+\((?P<paren>[^()]*)\))?{_LEGAL_TRAILER}"
)
# A treaty: a name with a treaty word, maybe an article, maybe parties, a
# signing date and a treaty-series citation.
_LEGAL_TREATY_WORD = (
    r"\b(?:Convention|Covenant|Treaty|Agreement|Charter|Protocol|Statute|Accord|Pact|Declaration)\b"
)
LEGAL_TREATY = re.compile(
    rf"^(?P<title>(?>[^,]*?{_LEGAL_TREATY_WORD})[^,]*?)"
    rf"(?:(?<!\s)\s++(?P<pin>(?:arts?\.|pmbl\.)\s*[\w.]+(?:,\s*(?:\u00b6+|para\.)\s*\d+)?))?"
    rf"(?:,\s+(?P<parties>[^,]+?))?,\s+(?P<date>{_LEGAL_DATE})"
    rf"(?:,\s+(?P<cite>\d+\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+\d+))?"
    rf"(?:,\s+(?P<more>[^()]*?))?{_LEGAL_TRAILER}"
)
# The UN Charter and similar: "U.N. Charter art. 2, ¶ 4".
LEGAL_CHARTER = re.compile(
    rf"^(?P<title>(?:U\.N\.|UN|OAS|EU)\s+Charter)\s+(?P<pin>arts?\..*?){_LEGAL_TRAILER}"
)
# A resolution of a UN organ: "G.A. Res. 217 (III) A", "S.C. Res. 1373".
LEGAL_RESOLUTION = re.compile(
    r"^(?P<organ>G\.\s?A\.|S\.\s?C\.|E\.\s?S\.\s?C\.|H\.\s?R\.\s?C\.|Human Rights Council)\s+"
    r"Res\.\s+(?P<number>[\w/.\-]+(?:\s*\([IVXLCDM]+\))?(?:\s+[A-Z](?![\w.]))?)"
)
# A UN document symbol: "U.N. Doc. A/RES/70/1", "UN Doc S/2001/1154".
LEGAL_UN_DOC = re.compile(r"\bU\.?\s?N\.?\s+Doc\.?\s+(?P<symbol>[A-Z][\w./()\-]*\w)")
# Official-record noise between the title and the symbol: "U.N. GAOR, 3d
# Sess., 183d plen. mtg.", "Supp. No. 49".
LEGAL_UN_RECORD = re.compile(r"\b(?:GAOR|SCOR|ESCOR|Sess|plen|mtg|Supp|Annex|at)\b")
# The end of a UN citation: pinpoint and the dated parenthetical.
LEGAL_UN_END = re.compile(
    rf"(?!(?<=\s)\s)(?:,?\s++(?P<pin>(?:\u00b6+|paras?\.|at)\s*{_LEGAL_PAGE}))?"
    rf"(?:\s++\((?P<date>[^()]*)\))?(?P<explain>(?:\s*+\([^()]*\))*)\s*+[.;]?\s*+$"
)
# A pinpoint segment inside a UN citation: "¶ 12", "para. 4", "at 7".
LEGAL_UN_PIN = re.compile(rf"(?:\u00b6+|paras?\.|at)\s*{_LEGAL_PAGE}")
# The author of a UN document is an organ or office, never a person:
# "U.N. Secretary-General", "Special Rapporteur on Torture", "Human Rights Committee".
LEGAL_UN_AUTHOR = re.compile(
    r"^(?:U\.?\s?N\.?\s|United Nations\b)|\b(?:Secretary-General|Rapporteur|Committee|Council|"
    r"Commission|Office|Assembly|Panel|Group of Experts|High Commissioner)\b"
)
# A case's short form: "Brown, 347 U.S. at 495".
LEGAL_CASE_SHORT = re.compile(
    # the name may end in a company's suffix: "Spokeo, Inc., 136 S. Ct. at 1548"
    rf"^(?:(?P<name>[A-Z][^,\d]{{0,60}}?(?:,\s(?:Inc|LLC|L\.L\.C|Co|Corp|Ltd|L\.P|N\.A)\.?)?),\s+)?"
    rf"(?P<volume>\d{{1,4}})\s+{_LEGAL_SOURCE}\s+at\s+(?P<pin>{_LEGAL_PIN})"
    rf"{_LEGAL_TRAILER}"
)
# Words of a name list: capitalised words, initials, particles, "&", "et al.".
LEGAL_NAME_WORD = re.compile(
    rf"^(?:[A-Z][\w'\u2019\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|&|and|et|al\.?|{PARTICLE}|"
    r"al-\w+|el-\w+|Jr\.|III?)$"
)
# "Note" / "Comment": a student piece has no named author.
LEGAL_STUDENT_PIECE = re.compile(r"^(?:Note|Comment|Commentary|Essay|Opinion|Editorial|Op-Ed|Recent Case|Case Comment|Developments)$")
LEGAL_SPACES = re.compile(r"\s+")
# Fragments the Bluebook readers of legal_us.py build on: a pinpoint, the
# explanatory parentheticals and closing punctuation after a citation.
LEGAL_PIN_FRAGMENT = _LEGAL_PIN
LEGAL_TRAILER_FRAGMENT = _LEGAL_TRAILER
LEGAL_YEAR_FRAGMENT = _LEGAL_YEAR
# "[hereinafter Harbor Report]": the short name a full citation announces.
LEGAL_HEREINAFTER = re.compile(r"\s?\[\s?hereinafter\s[^\[\]]{1,200}\]")
# A full stop that ends a sentence inside a title ("M. The theory …. Operations
# Research"): the string is in another style.  Initials ("W.") do not count.
LEGAL_SENTENCE_END = re.compile(r"[a-z]{2}\.\s|^[A-Z]\.\s")


# Runtime uses in legal.py: a bare year ("1954" as a volume), the date words a
# court parenthetical drops ("2d Cir. Dec. 10, 1948" → "2d Cir."), a year in a
# title ("Civil Rights Act of 1964").
LEGAL_YEAR_ONLY = re.compile(_LEGAL_YEAR)
LEGAL_PAREN_DATE = re.compile(rf"{_LEGAL_DATE}|{_LEGAL_MONTH}\s+\d{{1,2}}|\b{_LEGAL_YEAR}\b")
LEGAL_YEAR_WORD = re.compile(rf"\b({_LEGAL_YEAR})\b")
