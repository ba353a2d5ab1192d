"""Every regular expression used to read reference strings.

Input: nothing (this module only compiles patterns).
Output: compiled regexes built from small named fragments.
Never: hold state or do I/O; a pattern for one seed sentence is a defect.

Each fragment says why it exists.  The forms.py helper adds its own fragments
in the clearly marked section at the end of the file.
"""

from __future__ import annotations

import re

from relbib import lexicon

# --- characters -------------------------------------------------------------

# Every dash a PDF or word processor may put in a page range or a name list.
DASH_CHARS = lexicon.DASH_CHARS
DASH = lexicon.DASH
# The particles printed as words of a personal name ("van", "de", "bin").
_PARTICLE = lexicon.particle_pattern()
# Opening and closing quotes of every style (Chicago “ ”, Oxford ‘ ’, « », „ “).
OPEN_QUOTES = "\"'\u2018\u201a\u201b\u201c\u201e\u201f\u00ab\u2039"
CLOSE_QUOTES = "\"'\u2019\u201d\u00bb\u203a\u201c"
# No-break, thin and other exotic spaces pasted from PDFs.
ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r\n]+")
MULTI_SPACE = re.compile(r" {2,}")
# "Karachi,Oxford", "Basic Books,2010", "(…, 2010),155" pasted without a space
# after the comma.  Only after a letter or a closing bracket, so numbers such
# as "1,100" keep their thousands comma.
COMMA_NO_SPACE = re.compile(r"(?:(?<=[^\W\d_])|(?<=\))),(?=[^\W_])")

# --- years and dates ----------------------------------------------------------

# A plausible publication year: 1000-2099, not part of a longer number.
YEAR = re.compile(r"(?<![\d/.])(1[0-9]\d\d|20\d\d)(?![\d])")
# every month word of the lexicon (en, fr, de, it, es; with and without accents)
_MONTH_WORDS = "|".join(re.escape(w) for w in sorted(lexicon.month_words(), key=lambda w: (-len(w), w)))
MONTH = re.compile(rf"\b(?:{_MONTH_WORDS})\b\.?", re.IGNORECASE)
# A day number next to a month name: "15 January", "January 15th".
DAY = re.compile(r"(?<!\d)([0-3]?\d)(?:st|nd|rd|th|er)?(?!\d)")
# ISO or slashed numeric date: 2021-03-01, 2021/3/1.
NUMERIC_DATE = re.compile(r"(?<!\d)(1[0-9]\d\d|20\d\d)[-/](\d{1,2})(?:[-/](\d{1,2}))?(?!\d)")
# A date clause of a web or newspaper note: "28 September 2016", "May 4, 2019".
DATE_PHRASE = re.compile(
    rf"(?:(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?(?:{_MONTH_WORDS})\.?(?:\s+[0-3]?\d(?:st|nd|rd|th)?,?)?\s+"
    rf"(?:1[0-9]\d\d|20\d\d))",
    re.IGNORECASE,
)

# "October 16, 2015": the comma of a US date, which is no chunk boundary.
MONTH_DAY_COMMA_YEAR = re.compile(
    rf"\b(?P<month>(?:{_MONTH_WORDS})\.?\s+[0-3]?\d(?:st|nd|rd|th)?),(?P<year>\s+(?:1[0-9]\d\d|20\d\d))\b",
    re.IGNORECASE,
)

# A date closing a note's container with no comma before it: "Arms Control
# Today. November 2002", "Dawn. September 28 2016" (the US comma already
# dropped), "BBC News. Last modified March 1 2000".  Anchored at the end, so
# a month word inside a title ("May Day Review") stays.
TRAILING_DATE = re.compile(
    r"(?:[.,]|(?<!\s))\s++(?:(?:last\s+)?(?:modified|updated|published|posted)(?:\s+on)?:?\s+)?"
    rf"(?P<date>(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?(?:{_MONTH_WORDS})\.?"
    rf"(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:1[0-9]\d\d|20\d\d))\s*$",
    re.IGNORECASE,
)

# --- pages ------------------------------------------------------------------

# "pp.", "p.", "pages", "S." (German), "pgs" before a page number ("passim" is no "p.").
PAGE_PREFIX = re.compile(r"^\s*(?:pp?(?![a-z])\s*\.?|pages?|pgs?\.?|ss?\.|col\.|cc\.)\s*", re.IGNORECASE)
# "153p", "4 pp.": a page count's or a page's trailing "p" (gold drops it).
PAGE_SUFFIX = re.compile(r"(?<=\d)\s*pp?\.?$", re.IGNORECASE)
# A range of page numbers (roman or arabic), with any dash.
PAGE_RANGE = re.compile(
    rf"^([A-Za-z]?\d+|[ivxlcdm]+)\s*{DASH}+\s*([A-Za-z]?\d+|[ivxlcdm]+)$", re.IGNORECASE
)
# A trailing pinpoint of a footnote: ", p. 130." / ", 45." / ", at 5." / " pp. 12f."
PINPOINT_TAIL = re.compile(
    # (a daily paper's section and page: "…, March 20, 2004, A22.", "p. A01")
    r"[,.:;]\s*(?:(?:at|p\.|pg\.|page|s\.)\s*)?(?P<page>[0-9]{1,5}[a-z]?|[ivxlc]{1,6}|(?-i:[A-Z]\d{1,3}))(?:\s*f{1,2}\.?)?\s*[.,]?\s*$",
    re.IGNORECASE,
)
# A bare page range after the year closing a Chicago note with no volume or bracket:
# "“Chapter,” *Book: Subtitle*, 2010, 183–210." (the work's own pages).
YEAR_THEN_PAGES_TAIL = re.compile(
    rf"(?<=(?<!\d)(?:1[5-9]|20)\d\d),\s(?P<pages>\d{{1,5}}\s*{DASH}+\s*\d{{1,5}})\s*[.,;]?\s*$"
)
# A trailing page run of a footnote with its prefix: ", pp. 43-65." (a range stays pages).
PAGES_TAIL = re.compile(
    rf"(?:[,.:;]|(?<!\s))\s*+(?P<prefix>pp?\.|pages?)\s*+(?P<pages>[0-9ivxlc]+(?:\s*{DASH}+\s*[0-9ivxlc]+)?)\s*+[.,;]?\s*+$",
    re.IGNORECASE,
)

# --- volume, issue ----------------------------------------------------------

# "40(2)", "4 (1)", "91(2):153-62" — the compact volume(issue):pages of journals.
VOLUME_ISSUE = re.compile(
    rf"(?P<volume>(?<![0-9])[0-9]++|(?<![IVXLCDM])[IVXLCDM]++)\s*+\((?P<number>[^()]{{1,12}})\)\s*(?::\s*(?P<pages>[0-9]+(?:\s*{DASH}+\s*[0-9]+)?))?"
)
# "Vol. 10", "vol 3", "Bd. 4", "t. II", "a. LXVI": a labelled volume.
VOLUME_LABEL = re.compile(
    r"\b(?:vol(?:ume)?s?|voi|v|bd|band|t|tome|tomo|jg|jahrgang|a|anno)\b\.?\s*(?P<volume>[0-9]+[a-z]?|[IVXLCDM]+\b)",
    re.IGNORECASE,
)
# "No. 3", "no 3", "n. 37-38", "Nr. 4", "issue 2", "Heft 3": a labelled issue.
NUMBER_LABEL = re.compile(
    rf"(?:\bn[°º]|\b(?:no|nos|nr|n|num|number|issue|iss|heft|h|fasc)\b\.?)\s*(?P<number>[0-9]+(?:\s*[{DASH_CHARS}/]\s*[0-9]+)?|[IVXLCDM]+\b)",
    re.IGNORECASE,
)
# A bare volume token: arabic or roman numeral.
BARE_NUMBER = re.compile(r"(?<![\w])([0-9]+[a-z]?|[IVXLCDM]+)(?![\w])")

# --- identifiers ------------------------------------------------------------

# A DOI after "doi:" or inside a doi.org URL; stops at whitespace.
DOI = re.compile(
    r"(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)?(?P<doi>10\.\d{4,9}/\S+)", re.IGNORECASE
)
URL = re.compile(r"(?P<url>(?:https?://|www\.)\S+)", re.IGNORECASE)
# A URL between single guillemets, as some e-books print links ("‹http://roe.org/a.htm›"): read
# as between angle brackets, one character for one so that spans hold.
URL_IN_GUILLEMETS = re.compile(r"\u2039(?=https?://|www\.)(?P<url>[^\u2039\u203a]{1,400}?)\u203a")
ISBN = re.compile(r"ISBN(?:-1[03])?:?\s*(?P<isbn>[0-9Xx][0-9Xx -]{8,16}[0-9Xx])", re.IGNORECASE)
# "Accessed 3 May 2020" / "retrieved on ..." / "(last visited ...)": the urldate clause.
ACCESSED = re.compile(
    r"\(?\b(?:accessed|retrieved|last\s+(?:accessed|visited)|consulted|viewed)\b(?:\s+on)?:?\s*"
    r"(?P<date>[^()]{0,80}?\d{4})\)?",  # bounded: many keywords without a year stay linear
    re.IGNORECASE,
)
# Boilerplate in front of a URL or note that gold leaves out.
NOTE_BOILERPLATE = re.compile(
    r"^\s*(?:retrieved\s+from|available\s+(?:at|from|online)|online\s+at|url|accessed\s+at|from)\s*:?\s*",
    re.IGNORECASE,
)

# --- names ------------------------------------------------------------------

# A role word next to a name list: editors, translators, Italian curators.
ROLE_WORDS = re.compile(
    r"(?i)(?:^|\s|\()(?:in|in:|edited\s+by|ed\.\s*by|eds?\.?|editors?|edd\.|"
    r"hrsg\.?(?:\s+von)?|hg\.?|\u00e9ds?\.?|a\s+cura\s+di|curr?\.|"
    r"trans\.?|translated\s+by|tr\.|transl\.?|\u00fcbersetzt\s+von|"
    r"dir\.|coord\.|comp\.|comps\.)(?=\s|$|\)|,|:)"
)
# "et al." and its variants, dropped from name lists.
ET_AL = re.compile(
    r"(?i)(?:[,;]|(?<!\s))\s*(?:\bet\s*al\b\.?|\bet\s+alii\b\.?|\bu\.\s*a\.|\[et al\.?\]|\band\s+others\b)"
)
# "Roe e altri, …", "Roe y otros, …": "and others" in the note's own language (lexicon
# et_al.txt), read as "et al." (before the comma closing the names).
_ET_AL_PHRASES = "|".join(r"\s".join(map(re.escape, p.split())) for p in lexicon.et_al_phrases())
ET_AL_WORDED = re.compile(rf"(?<=[\w.])\s(?:{_ET_AL_PHRASES})(?=,)")
# "AA. VV." / "various authors": no person to name.
VARIOUS = re.compile(
    r"(?i)^\s*(?:aa\.?\s*vv\.?|a\s*\.\s*a\s*\.\s*v\s*\.\s*v\.?|various(?: authors)?|vv\.?\s*aa\.?)\s*$"
)
# Separators between names: ";", "&", "and" in several languages, a spaced dash.
NAME_CONJ = re.compile(rf"(?<!\s)\s*(?:;|\s&\s|&|\s(?:and|und|et|y|e|a|ve|i)\s|\s{DASH}\s)\s*")
# A "same author as above" rule: "———" or "--".
SAME_AUTHOR = re.compile(rf"^[\W_]*{DASH}{{2,}}[\W_]*$")
# A token of initials: "J.", "J.-P.", "JA", "Th.".
INITIAL_TOKEN = re.compile(
    r"^(?:[A-Z\u00C0-\u00DE](?:[a-z]{0,2}\.)?|[A-Z\u00C0-\u00DE]\.|[A-Z]{2,3}\.?)"
    r"(?:-(?:[A-Z\u00C0-\u00DE][a-z]?\.?))?$"
)

# --- text clean-up ------------------------------------------------------------

# A word broken at a line end in a PDF: "Dimen-sions", "Dimen- sions".
LINEBREAK_HYPHEN = re.compile(r"\b(?P<head>[^\W\d_]{2,})[-\u00ad]\s?(?P<tail>[a-z][^\W\d_]*)\b")
# Wrapping quotes and trailing punctuation around a title.
WRAP_PUNCT = re.compile(r"^[\s,;:.]+|[\s,;:]+$")
# "In", "in:", "In:" opening a container.
LEADING_IN = re.compile(r"^\s*(?:in|dans|en)\s*:?\s+", re.IGNORECASE)
# "In Judith Fingard and Janet Guildford, eds. Mothers of the Municipality":
# a container that opens with its editors.  Names are capitalised words and
# initials with commas, "and"/"&"; the role word closes them.
_NAME_WORD = rf"(?:[A-Z\u00C0-\u00DE][\w'’.-]*|{_PARTICLE})"
CONTAINER_EDITORS = re.compile(
    rf"^\s*(?i:in):?\s+(?P<names>{_NAME_WORD}(?:,?\s+(?:(?i:and|&)\s+)?{_NAME_WORD}){{1,11}})"
    r",?\s+\(?(?i:eds?|editors?|hrsg|hg|éds?)\.?\)?[,.:]?\s+(?P<rest>\S.*)$"
)
# "“Plato’s Pharmacy.” In Dissemination.": a quoted title and the container
# its "In" opens, run together in one segment.
QUOTED_THEN_IN = re.compile(
    r"^(?P<title>\u201c.{3,}?\u201d|\u2018.{3,}?\u2019|\u00ab.{3,}?\u00bb|\".{3,}?\")[.,]?"
    r"\s+(?P<container>(?:In|in:)\s+\S.*)$"
)
# "in Roe, J. (ed.) Big Book.": an editor run whose bracketed role is followed
# by the container's title, run together in one editor segment (Harvard).
EDITORS_THEN_CONTAINER = re.compile(
    r"^(?P<editors>(?=[^()]*?[^\W\d_])[^()]*+\((?i:eds?|editors?|hrsg|hg|\u00e9ds?|coord|dir|a\s+cura\s+di)\.?\)[.,:]?)"
    r"\s+(?P<container>[^\W\d_].*)$"
)
# Genres of unpublished or official material that name what a source is, not
# its container: "press release", "Interview with the author", "speech".
NOTE_GENRE = re.compile(
    r"(?i)^(?:(?:press|news|media)\s+(?:release|statement|briefing)|speech|statement|remarks|"
    r"(?:telephone\s+|personal\s+|skype\s+|zoom\s+)?interview(?:\s+(?:with|by)\b.*)?|"
    r"fact\s*sheet|transcript|memorandum|personal\s+communication|e-?mail(?:\s+(?:to|from)\b.*)?|"
    r"letter\s+(?:to|from)\b.*|lecture|blog\s+post|op-ed|tweet|conversation\s+with\b.*)$"
)
# "2nd ed.", "(3rd edn)", "Rev. ed.", "second edition": an edition segment whose
# only other word is the edition itself, which is what the field keeps ("2nd").
EDITION_ONLY = re.compile(
    r"(?i)^\W*(?P<edition>[^\W_]+\.?)\s*(?:ed|edn|edition|edizione|auflage|aufl|éd)\b\.?\W*$"
)
# Thesis and report genres.
THESIS = re.compile(r"(?i)\b(?:ph\.?\s?d|doctoral|dissertation|diss\.|doctorat|dottorato)\b")
# A German dissertation or Habilitation named with its faculty and town: "Diss. phil. Berlin",
# "Diss. masch. Leipzig", "Habil.-Schr. Bonn" (the town is the university's).
GERMAN_THESIS = re.compile(
    r"^(?P<genre>(?:Diss\.|Dissertation|Habil\.(?:-Schr\.)?|Habilitationsschrift)(?:\s(?:[a-z]{2,6}\.\s?){1,2})?)"
    r"\s?(?P<school>(?:Univ\.\s|Universität\s|TU\s|FU\s)?[A-ZÄÖÜ][\w.-]+(?:\s(?:am|an\sder|im)\s[A-Z][\w.]+)?)$"
)
MASTERS = re.compile(
    r"(?i)\b(?:master'?s|m\.?\s?a\.?|m\.?\s?sc\.?|m\.?\s?phil\.?|mémoire|laurea|tesi)\b"
)
REPORT = re.compile(
    r"(?i)\b(?:report|working\s+papers?|discussion\s+papers?|technical\s+(?:note|memo)|"
    r"policy\s+brief|occasional\s+paper|research\s+paper|issue\s+brief|white\s+paper)\b"
)
PROCEEDINGS = re.compile(
    r"(?i)\b(?:proc\.?|proceedings|conference|symposium|workshop|congress|colloquium|meeting|convegno|tagung)\b"
)

# --- forms.py (Ibid., op. cit., Id., supra) ----------------------------------
# Fragments added by the forms.py helper go below this line.

# --- subsequent-reference forms (forms.py) ---------------------------------
# Read only by relbib.parse.forms.  Every FORM_* pattern is matched against the
# WHOLE note (after forms.py strips signals and italics), so a full note that
# merely mentions "Ibid" or "op. cit." further on never matches.

# Every dash a word processor may put in a page range ("45–47", "45—47").
_FORM_DASH = DASH
# One page: arabic (with a letter, "45a"), lower-case roman ("xii") for front
# matter, or a star page ("*154": the original edition's page, Blackstone).
_FORM_PAGE = r"(?:\*?\d+[a-z]?|[ivxlc]+\b)"
# A page or page range: "45", "45-47", "45 – 47", "45--47".
_FORM_PAGE_RANGE = rf"{_FORM_PAGE}(?:\s*{_FORM_DASH}+\s*{_FORM_PAGE})?"
# "12 f." / "12ff." (German and older English: "and the following page(s)").
_FORM_FF = r"(?:\s*ff?\.?(?![a-z]))?"
# Several pages cited at once: "45, 47", "45 & 47", "45 and 47".
_FORM_PAGE_LIST = (
    rf"{_FORM_PAGE_RANGE}{_FORM_FF}"
    rf"(?:\s*(?:,|&|(?i:and))\s*{_FORM_PAGE_RANGE}{_FORM_FF})*"
)
# A note on the cited page: "45 n. 3", "45 nn. 3-4", "45 & n.3" (legal style).
_FORM_PIN_NOTE = rf"(?:\s*(?:&\s*)?(?i:nn?\.)\s*\d+(?:\s*{_FORM_DASH}+\s*\d+)?)?"
# Paragraph and section pinpoints of legal and report notes: "¶ 12", "§ 3", "para. 4".
# French "n° 45" (a treatise's numbered paragraph) and German "Rn. 12" (Randnummer) too.
_FORM_PARA = (
    rf"(?:\u00b6+|\u00a7+|(?i:paras?\.?)|n[\u00b0\u00ba]|Rn\.|Rz\.)\s*\d+[a-z]?(?:\s*{_FORM_DASH}+\s*\d+)?"
    r"(?:\s?ff?\.?(?!\w))?(?:,\s\d+[a-z]?)*"  # "Rn. 18 f.", "Rn. 18, 20"
)
# Words that introduce a pinpoint and are not part of it: "at" (legal), "p."/"pp.",
# "pg.", "page(s)", German "S." (Seite).  Dropped from the pinpoint.
_FORM_PIN_PREFIX = r"(?:(?i:at|pp?\.?|pgs?\.?|pages?|s\.)\s*)?"
# A pinpoint, captured without its prefix in group ``pin``.
FORM_PINPOINT = rf"{_FORM_PIN_PREFIX}(?P<pin>{_FORM_PAGE_LIST}{_FORM_PIN_NOTE}|{_FORM_PARA})"
# How a subsequent reference may end: an optional parenthetical ("(emphasis
# added)") and closing punctuation.
_FORM_END = r"\s*(?:\([^()]*\)\s*)?[.;,:]?\s*$"
# An optional pinpoint after the form word: "Ibid., 45", "Ibid. 45", "op. cit. p. 3".
_FORM_PIN_OPT = rf"(?:\s*,?\s*{FORM_PINPOINT})?"

# Italic runs of Markdown ("*Ibid.*", "_op. cit._", "**Id.**"): group ``body``.
FORM_ITALIC_RUN = re.compile(r"(?P<mark>\*{1,2}|_{1,2})(?P<body>[^*_]+?)(?P=mark)")
# Introductory signals (Bluebook "See", "Cf.", "But see", "E.g.", Italian "Cfr.",
# "V." (vedi), German "Vgl.", French "Voir") that do not change what a note
# refers to.  "Quoted in" is not one: it introduces a full reference.
FORM_SIGNAL = re.compile(
    r"^(?:(?:see(?:\s+also|\s+generally|\s+e\.\s?g\.|\s+eg)?|but\s+(?:see|cf\.?)|cf\.?|cfr\.|compare|"
    r"contra|accord|e\.\s?g\.|eg|vgl\.|siehe(?:\s+auch)?|voir(?:\s+aussi)?|v\.)(?:\s*,)?\s+)+",
    re.IGNORECASE,
)

# Ibid. and its cousins: "Ibid."/"Ibidem"/"Ib."/"Ibd.", Spanish "Ibídem", Italian
# "Ivi", German "Ebd."/"Ebenda".  Group ``word`` says which.
_FORM_IBID_WORD = r"(?P<word>(?i:ib[i\u00ed]d(?:em)?|ibd|ib|ivi|ebda|ebd|ebenda))\b"
# A note that is Ibid. (with its pinpoint) and nothing else.
FORM_IBID = re.compile(rf"^{_FORM_IBID_WORD}\.?{_FORM_PIN_OPT}{_FORM_END}")
# "Ibid. See also ..." / "Ibid.; the report adds ...": an unmistakable Ibid.
# (never the short "Ib"/"Ivi"/"Ebd", which are also first names and words)
# opening a note that goes on with commentary after a full stop or semicolon.
# Not after a comma: "Id., Title, Place 1979" is Italian idem, a same-author
# full reference (LinkedBooks footnotes are full of them).
FORM_IBID_LEAD = re.compile(
    rf"^(?P<word>(?i:ib[i\u00ed]d(?:em)?|ebenda))\b\.?{_FORM_PIN_OPT}"
    r"\s*(?:\([^()]*\)\s*)?[.;]\s+\S"
)
# Legal "Id." (always with its dot, or "Id at 5"), so "Idaho Law Review" and
# "Id Software" stay full notes.
FORM_ID = re.compile(rf"^(?i:id)(?:\.|(?=\s+(?i:at)\s)){_FORM_PIN_OPT}{_FORM_END}")
FORM_ID_LEAD = re.compile(rf"^(?i:id)\.?{_FORM_PIN_OPT}\s*(?:\([^()]*\)\s*)?[.;]\s+\S")
# A bare "Idem" / "Eadem" with at most a pinpoint: the same work again.  With a
# title it is a same-author full reference, which this does not match.
FORM_IDEM = re.compile(rf"^(?i:idem|eadem)\.?{_FORM_PIN_OPT}{_FORM_END}")

# What ends a head before the form word: a comma, or a run of spaces taken
# whole from its start.  (A head ending anywhere inside the run would rescan
# the rest of it: quadratic on a long run of spaces.)
_FORM_HEAD_SEP = r"(?:,\s*+|(?<!\s)\s++)"
# The op. cit. words: "op. cit.", "op cit", "op.cit.", "loc. cit.", French
# "art. cit."/"ouvr. cit.", French "préc."/"art. préc." (précité), Spanish "ob. cit.",
# Italian bare "cit.", German "a.a.O."/"aaO".
_FORM_OPCIT_WORD = (
    r"(?P<word>(?i:(?:op|loc|art|ouvr|ob)\.?\s*cit\b\.?|(?:(?:art|ouvr|op)\.\s?)?pr[\u00e9e]c\.|cit\.|a\.\s*a\.\s*o\.|aao\b\.?))"
)
# "[author][, short title], op. cit.[, pinpoint]" — the head is read by forms.py.
FORM_OPCIT = re.compile(
    rf"^(?:(?P<head>.*?){_FORM_HEAD_SEP})??{_FORM_OPCIT_WORD}{_FORM_PIN_OPT}{_FORM_END}"
)
# German and French humanities notes cite a work again by author and year, with a
# short title between them when the author wrote several: "Gould 1966, S. 6",
# "Roth / Lenz 2011, S. 3", "Berger, Die stille Stadt 2015, S. 17", "Morel 2004, p. 12".
# Only with "S."/"p."/"pp." before the page, so a Bluebook "Smith 2005" stays a full note.
_FORM_YEAR_NAME = r"[A-Z\u00c0-\u00dd][\w'\u2019-]{1,30}+"
FORM_AUTHOR_YEAR = re.compile(
    rf"^(?P<authors>{_FORM_YEAR_NAME}(?:\s?/\s?{_FORM_YEAR_NAME}){{0,3}})"
    r"(?:,\s(?P<title>[^,;:.()\d\u201c\u201d\u00ab\u00bb]{2,80}?))?\s(?P<year>1[5-9]\d\d|20\d\d)[a-z]?,\s?"
    rf"(?=(?i:s|pp?)\.){FORM_PINPOINT}{_FORM_END}"
)
# "note 3", "n. 3", "n 3" (AGLC), "fn. 3", "footnote 3", German "Anm. 3" (Anmerkung).
_FORM_NOTE_WORD = r"(?i:footnote|notes?|nota|fn\.?|nn?\.?|anm\.?)"
# What may open the bracket before it: German "(wie Anm. 3)", "(s. Anm. 3)", "(vgl. Anm. 3)",
# French "(voir note 3)", "(cf. note 3)": the bracket still names note 3's work.
_FORM_NOTE_LEAD = r"(?:(?i:wie|s\.|siehe|vgl\.|voir|cf\.|see|as)\s(?:(?i:in|oben|supra|above)\s)?)?"
# "and accompanying text" (Bluebook) after a supra: refers to the note all the same.
_FORM_ACCOMPANYING = r"(?:\s*,?\s*(?i:(?:and|&)\s+(?:the\s+)?accompanying\s+text))?"
# "[author, ]supra note 3[, at 45]" (Bluebook) and "[author, ]above n 3[, 45]" (AGLC 3).
FORM_SUPRA = re.compile(
    rf"^(?:(?P<head>.*?){_FORM_HEAD_SEP})??(?i:supra|above),?\s*{_FORM_NOTE_WORD}\s*(?P<note>\d+)"
    rf"{_FORM_ACCOMPANYING}{_FORM_PIN_OPT}{_FORM_ACCOMPANYING}{_FORM_END}"
)
# "Khan (n 3) 45" (OSCOLA, AGLC 4), "Müller, Geschichte (wie Anm. 3), S. 12": the note
# number in brackets after the author.
FORM_BRACKET_NOTE = re.compile(
    rf"^(?P<head>.+?)(?<!\s)\s*\(\s*{_FORM_NOTE_LEAD}{_FORM_NOTE_WORD}\s*(?P<note>\d+)(?:\s(?i:above|supra))?\s*\)"
    # "(n 13) ss 3.2.1–3.2.13 (the request), ss 4.2.1–4.2.8 (the reply)": more pinpoints, each explained
    rf"{_FORM_PIN_OPT}(?:\s*\([^()]*\)\s*,\s[^()]{{1,40}}(?=\s\([^()]*\)))*"
    # "WP251 (n 10) 10: 'The controller cannot …'": the words quoted from the page cited
    rf"(?::\s[*_]{{0,2}}[\u2018\u201c'\"].*)?{_FORM_END}"
)
# OSCOLA's "(n 13)" before a pinpoint by section, article or paragraph that the page
# pinpoints above do not read, each explained in brackets: "IAB Spec (n 13) ss 3.2.1–3.2.13
# (the request), ss 4.2.1–4.2.8 (the reply)", "GDPR (n 4) art 5(1)(c) (data minimisation)".
FORM_OSCOLA_NOTE_LOOSE = re.compile(
    r"^(?P<head>[^()]{1,80}?)\s\(nn?\s(?P<note>\d+)\)\s(?P<pin>(?:ss?|paras?|arts?|[Rr]ecitals?|pts?|chs?)\s?"
    r"\d[\w.()]*(?:\s?[-\u2013]\s?\d[\w.()]*)?)(?:\s\([^()]*\))?(?:,\s[^()]{1,40}?(?:\s\([^()]*\))?)*[.;]?$"
)
# British history notes point back to a note after it: "Evans, Coming, n. 4 above, p. 20",
# "See n. 23 above", "Evans, as n. 4, p. 20", "as note 4" (the work cited there); German
# "Brandt, Mühlen, wie Anm. 3, S. 22" ("as in note 3", its brackets left out).
FORM_NOTE_ABOVE = re.compile(
    rf"^(?:(?P<head>.*?),\s)?(?:(?i:as|wie)\s(?:(?i:in|oben)\s)?{_FORM_NOTE_WORD}\s*(?P<as>\d+)(?:\s(?i:above))?"
    rf"|{_FORM_NOTE_WORD}\s*(?P<note>\d+)\s(?i:above|supra))\b{_FORM_PIN_OPT}{_FORM_END}"
)
# "Khan, supra, at 45": supra without a note number names its source by author,
# which is what op. cit. does.
FORM_SUPRA_BARE = re.compile(rf"^(?P<head>.+?){_FORM_HEAD_SEP}(?i:supra)\b\.?{_FORM_PIN_OPT}{_FORM_END}")
# A title in quotes of any style inside the head: "Abbas, ‘Russia’s Revival’".
# The closing quote must end the head or be followed by punctuation/space, so
# the apostrophe of "Russia’s" does not close it.
FORM_QUOTED_TITLE = re.compile(
    r"[\u2018\u201c\u00ab\"'](?P<title>.{1,200}?)[\u2019\u201d\u00bb\"'](?=\s*+[,.:;]?\s*+$|\s*+[,.:;]\s|\s)"
)
# Separators in an author list of a head: "Zaidi and Saud", "Zaidi & Saud", "Zaidi, Saud".
# ("Zweigert/Kötz": German law joins co-authors with a slash.)
FORM_AUTHOR_SEP = re.compile(r"(?:(?<!\s)\s+)?(?:,|&|/|\b(?:and|und|et|e|y)\b)\s*", re.IGNORECASE)
# "et al." after the first author of a head.
FORM_ET_AL = re.compile(r"(?:(?<!\s)\s+)?(?:,\s*)?\bet\s*al\b\.?", re.IGNORECASE)
# Something a head (author + short title) never holds outside quotes: a digit
# (years, volumes, pages belong to a full note), a URL, a semicolon (two
# citations), "quoted in" (a full reference of the quoting work follows), or
# "in:" / ", in " and brackets: a chapter whose container alone is op. cit.
# ("Perspektiven, in: Schildmann (Hrsg.), a.a.O., S. 41-59") is a full note.
FORM_HEAD_FORBIDDEN = re.compile(
    r"\d|https?:|www\.|;|[()\[\]]|\b(?:quoted|cited)\s+(?:in|by)\b|(?:^|[,:.]\s*)in\b:?\s",
    re.IGNORECASE,
)
# A dash run inside a pinpoint range, normalised to "--".
FORM_PIN_DASH = re.compile(rf"(?<!\s)\s*+{_FORM_DASH}+\s*")

# --- Chicago full notes with a publication parenthetical (chicago.py) ----------
# "Author, Title[, 2nd ed.][, Series] (Place: Publisher, Year)[, 33–45]": the
# facts of publication sit in one closing bracket, so punctuation alone shows
# where each part is.  Read only by relbib.parse.chicago, and only in notes.

# A page or range after the bracket: it is the part's pages (a single page
# was split off as the pinpoint before).
_NOTE_PAGES = rf"(?:pp?\.\s*|S\.\s*)?[0-9ivxlc]+(?:\s*{DASH}+\s*[0-9ivxlc]+)?"  # German "S." (Seite)
# The whole note: a head with no brackets, one bracket of facts, maybe pages.
NOTE_FACTS_TAIL = re.compile(
    rf"^(?P<head>[^()\[\]]+?)(?<!\s)\s*+\((?P<facts>[^()\[\];]+)\)(?:\s*+[,:]\s*+(?P<pages>{_NOTE_PAGES}))?\s*+[.,]?\s*+$"
)
# "Place: Publisher, 2015" / "Cambridge, MA: Publisher, March 2015" / "Publisher, 2015".
NOTE_PUBLICATION = re.compile(
    r"^(?:(?P<address>[^:]+?)(?<!\s)\s*+:\s*)?(?P<publisher>[^:]+?),\s*+(?P<date>[^,:]*\b(?:1[5-9]\d\d|20\d\d)[a-z]?)$"
)
# A role chunk on its own after a name run: "John Roe, ed., Big Book".
NOTE_ROLE_ALONE = re.compile(
    r"(?i)^(?P<role>eds?|editors?|comps?|trans|translators?)\.?$"
)
# A role chunk with its names after a title or container: "ed. John Roe",
# "edited by A and B", "trans. C", "translated by D"; German "hg. von A", "übers. von B".
NOTE_ROLE_NAMES = re.compile(
    r"^(?P<role>(?i:eds?\.(?:\s+by)?|edited\s+by|trans\.|translated\s+by|comp\.|compiled\s+by"
    r"|(?:hg\.|hrsg\.|herausgegeben|übers\.|übersetzt)\s+von))\s+(?P<names>\S.*)$"
)
# The series and part of an edition of documents, and a German volume: "ser. D", "2nd ser.",
# "Reihe B", "pt. 1", "Teil 2", "Bd. 3" ("Akten zur deutschen auswärtigen Politik, ser. D, vol. 7").
NOTE_SERIES_PART = re.compile(
    r"(?i)^(?:(?P<series>(?:ser\.|series|serie|reihe)\s[\w]{1,4}|(?:\d+(?:st|nd|rd|th|d)|new)\sser(?:\.|ies))"
    r"|(?:pt\.|part|teil)\s?(?P<part>\d+|[IVX]+)|(?:bd\.|band)\s?(?P<volume>\d+|[IVX]+))$"
)
# "vol. 2", "Vol. III", "2 vols.": a volume chunk of a book note.
# An exhibition or sale catalogue's mark after its title: "exh. cat.", "exhibition catalogue".
NOTE_CATALOGUE = re.compile(r"(?i)^(?:exh(?:ibition)?\.?\s?|sale\s|auction\s)cat(?:\.|alog(?:ue)?)?$")
# Someone beside the author or editor: "with an essay by X", "with a text by X" (Chicago 14.104).
NOTE_WITH_CONTRIBUTOR = re.compile(
    r"(?i)^with\s(?:an?\s)?(?:essays?|texts?|contributions?|introduction|foreword|preface|afterword|"
    r"photographs|commentary|notes)\sby\s(?P<names>\S.{0,200})$"
)
# A part of a book cited before the book (Chicago 14.107, 14.110): "chap. 1 in", "introduction to".
NOTE_PART_OF_BOOK = re.compile(
    r"(?i)^(?:(?:chap\.|chapter|ch\.)\s?(?P<chapter>\d{1,3}|[IVXLC]{1,6})\sin"
    r"|(?P<part>introduction|foreword|preface|afterword|epilogue|prologue)\sto)\s+(?=\S)"
)
NOTE_VOLUME = re.compile(r"(?i)^(?:vol\.?|volume)\s*(?P<volume>[0-9]+|[IVXLC]+)$|^(?P<count>[0-9]+)\s+vols?\.?$")
# Words that name a book series ("Public Affairs Series", "Studies in …",
# "Cambridge Studies in International Relations", "Adelphi Papers").
NOTE_SERIES = re.compile(
    r"(?i)\b(?:series|studies|library|monographs?|adelphi\s+papers?|texts\s+and|collection|"
    r"contributions\s+to|lecture\s+notes|essays\s+in)\b"
)
# A word of a personal name in natural order: capitalised (with hyphen or
# apostrophe), an initial, or a particle.
NOTE_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00c0-\u00de][\w'\u2019\-]*\.?|[A-Z]\.(?:-?[A-Z]\.)*|(?:al|el)-[\w'\u2019\-]+|"
    rf"{_PARTICLE}|Jr\.?|Sr\.?|III?)$"
)
# A sentence full stop outside the role abbreviations: "Snyder, Timothy.
# Bloodlands (…)" is a bibliography entry, not a note of these shapes.
NOTE_SENTENCE_STOP = re.compile(r"\b(?!(?i:eds|vols?|trans|comp|repr|rev|nos?|exh)\.)[^\W\d_]{3,}\.\s")
# An organisation's acronym as an author: "UNDP", "NBER", "SIPRI", "U.S."
# The lead of a note that is a publication, not a person: a possessive
# ("Lloyd's List", "Jane's Defence Weekly"), a leading "The" ("The
# Economist"), or a word that names a periodical ("Financial Times").
PUBLICATION_POSSESSIVE = re.compile(r"[^\W\d_]['\u2019]s\s+[A-Z]")
PUBLICATION_THE = re.compile(r"^The\s+[A-Z]")
PUBLICATION_WORD = re.compile(
    r"(?i)\b(?:list|times|post|news|herald|gazette|tribune|review|journal|magazine|weekly|"
    r"daily|chronicle|observer|economist|monitor|telegraph|bulletin|quarterly|digest|dispatch)\b"
)
ACRONYM = re.compile(r"^(?:[A-Z]{2,8}|(?:[A-Z]\.){2,6})$")
# A report series and its number: "NBER Working Paper No. 20935",
# "Policy Research Working Paper 9312", "IMF Working Paper WP/19/13".
NOTE_REPORT_NUMBER = re.compile(
    r"^(?P<series>.*?\b(?P<kind>working\s+papers?|discussion\s+papers?|policy\s+briefs?|"
    r"occasional\s+papers?|research\s+papers?|issue\s+briefs?|technical\s+reports?|reports?|"
    r"white\s+papers?))(?:\s*,?\s*(?:no\.?|nr\.?|number|#)?\s*(?P<number>[\w./\-]*\d[\w./\-]*))?$",
    re.IGNORECASE,
)

# --- short notes (shortform.py) ----------------------------------------------
# Read only by relbib.parse.shortform: "Snyder, Bloodlands, 201.".  Every name
# starts SHORT_ (compiled) or _SHORT_ (fragment).

# Any dash a PDF puts in a page range.
_SHORT_DASH = DASH
# A page, a range ("12–14", "153-62"), a list ("12, 15") or a roman page
# ("xii"), optionally with a note ("45 n. 3") or "f."/"ff.".
_SHORT_PAGE = r"(?:\d+[a-z]?|[ivxlc]{1,7})"
_SHORT_PAGE_RANGE = rf"{_SHORT_PAGE}(?:\s*{_SHORT_DASH}+\s*{_SHORT_PAGE})?(?:\s*ff?\.?(?![a-z]))?"
# A multivolume work's volume before the page, with a colon (Chicago 14.156: "2:79", "3:12–14").
_SHORT_VOLUME = r"(?:\d{1,3}:(?=\d))?"
_SHORT_PIN_BODY = (  # a list may close with "and": "127, 177-8, and 262"
    rf"{_SHORT_VOLUME}{_SHORT_PAGE_RANGE}(?:\s*,\s*(?:and\s)?{_SHORT_PAGE_RANGE}){{0,20}}(?:\s*nn?\.\s*\d+)?"
)
# The pinpoint at the end of a short note, with its optional prefix.
SHORT_PIN_TAIL = re.compile(
    rf"(?:,\s*|(?<=[\u201d\u2019\"'*_])\s+)(?:(?:pp?\.|pg\.|at|page|(?-i:S\.))\s*)?(?P<pin>{_SHORT_PIN_BODY})\s*[.;]?\s*$",
    re.IGNORECASE,
)
# A quoted or italic short title with what comes before it: the comma may sit
# inside the quotes (Chicago “Soviet Famine,”) or outside (Oxford ‘Title’,).
SHORT_QUOTED_TITLE = re.compile(  # (the comma before a double quote may be missing: 'Roe and Kern "Title," 4')
    r"^(?P<head>.*?)(?:^|,\s*|\s(?=[\u201c\"]))(?P<open>[\u201c\u2018\"'*_]{1,2})(?P<title>[^\u201c\u201d\"*_]{2,150}?)"
    r"[,.]?(?P<close>[\u201d\u2019\"'*_]{1,2})[,.]?\s*$"
)
# One word of a surname list: a capitalised word ("Snyder", "O’Brien",
# "Rashid-Khan"), a particle ("van", "al-", "bin") or an initial ("J.").
SHORT_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00c0-\u024f][\w'\u2019\-]*|(?:al|el|ad|as|ash|at|az)-[\w'\u2019\-]+|[A-Z]\.(?:[A-Z]\.)*|"
    rf"{_PARTICLE})$"
)
# A word that can carry a surname (not an initial, not a bare particle).
SHORT_SURNAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u024f](?!\.)[\w'\u2019\-]*|(?:al|el|ad|as|ash|at|az)-\w+)")
# Joins between the authors of one short note.
# (German lists join the names by "/": "Roe / Doe, Kurztitel")
SHORT_AUTHOR_JOIN = re.compile(r"(?<!\s)\s*+(?:,\s*(?:and\s+|&\s*)?|(?<=\s)(?:and|&)\s+|/)\s*")
# The author list of a short note closes with "and" / "&" before its last name.
SHORT_LAST_AUTHOR_JOIN = re.compile(r"(?:^|\s)(?:and|&)\s")
# A four-digit "page" that is a year: "Snyder, Bloodlands, 2010." is a full
# note cut short, not a short note.
SHORT_YEAR_PIN = re.compile(r"1[5-9]\d\d|20\d\d")
SHORT_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
SHORT_ET_AL = re.compile(r"(?:,|(?<!\s))\s*+et\s+al\.?$")
# What a short title never holds: a digit (years, volumes and pages belong to a
# full note), brackets, a colon (a subtitle or "City: Publisher"), a URL, a
# semicolon (two citations), or the words of a full note.
# In a short note whose author is an organisation ("UNDP, Human Development
# Report, 45."), a report or paper is the work itself, not a full note's series.
SHORT_ORG_TITLE_WORDS = re.compile(r"(?i)\b(?:report|paper)s?\b")
SHORT_TITLE_FORBIDDEN = re.compile(
    r"\d|[()\[\]:;]|https?:|www\.|\b(?:ed|eds|edn|trans|vol|no|pp|op|cit|ibid|id|supra|infra|"
    r"accessed|available|retrieved|press|university|publishers?|journal|review|quarterly|"
    r"diss|thesis|report|paper|quoted|cited)\b\.?|^(?:in|see|cf)\b",
    re.IGNORECASE,
)
# In a quoted title only the markers of a full note count (a digit or a colon
# is common in short titles of articles: “Vision 2030”).
# A full stop inside a plain title ends a sentence: the note is an author,
# a title and more ("Antier, Jean-Jacques. Charles de Foucauld. …").
SHORT_SENTENCE_END = re.compile(r"\.\s")
# A quote mark left in a plain title belongs to a quoted title cut short.
SHORT_QUOTE_MARK = re.compile("[\"\u201c\u201d\u2018\u00ab\u00bb]")
SHORT_QUOTED_FORBIDDEN = re.compile(r"https?:|www\.|;")
SHORT_SPACES = re.compile(r"\s+")

# A journal's (abbreviated) name and volume closing a note's head: ", Int. Data Priv. Law 13"
# (Elsevier's "Journal 13 (2023) 45–62", which is no book's bracket of facts).
JOURNAL_VOLUME_CLOSES = re.compile(r",\s(?:[A-Z][\w.&]*\s){1,8}\d{1,4}$")
PAGE_RANGE_ONLY = re.compile(r"\d{1,5}\s?[-\u2013]\s?\d{1,5}")
# A person by initials and surname ("G Howells", "H.-W. Micklitz"), and a run of them joined by "and".
_INITIAL_FIRST = r"(?:[A-Z](?:\.|\.?-[A-Z]\.?)?\s?){1,3}[A-Z][\w'\u2019-]+"
INITIALS_NAME = re.compile(rf"^{_INITIAL_FIRST}$")
INITIALS_NAMES = re.compile(rf"^{_INITIAL_FIRST}(?:\s(?:and|&)\s{_INITIAL_FIRST})*$")
# An editor named in a container: "(ed)", "(eds.)", "(Hrsg.)", "ed.", "edited by".
EDITOR_MARK = re.compile(r"\((?:eds?|hrsg|Hrsg|dir|coord)\.?\)|\beds?\.|\bedited\sby\b")
