"""A note → its citations: cut at top-level ``;``, at signals and at new sentences.

Input: the text of one note.
Output: a NoteCitations: ``kind`` "citation" with one CitationSpan per work the
note cites (its span in the note, its signal, its Reference), or "comment"
with none when the note cites nothing (a discursive note, a cross-reference
such as "See infra notes 45–54 and accompanying text.").
Never: drop a piece that reads as a full citation (when unsure, a piece is a
citation), look at other notes, or touch a file.

How a note is cut:

* at a ``;`` outside parentheses, brackets, double quotes and Markdown italics
  (a mark left open encloses nothing: see ``parse.split_marks``);
* at a sentence end (". " before a capital) when what follows opens with a
  signal or Ibid./Id., when what precedes ends a citation (a ``)`` or a page),
  or when the sentence that follows reads as prose; never before a word that
  continues a reference ("Accessed", "Translated", "Reprinted", ...);
* before "quoted in" / "cited in" (the source the quotation was taken from),
  at ", with" inside "Compare …, with …", before a case's later history that
  names another case (", overruled in part by X v. Y"), and at ", and" after a
  pinpoint when an author follows ("Smith, Empire, 40, and Jones, ‘Trade’, 70").

Each piece loses its signal or lead-in ("See also", "Cf.", "On the reception of
X, see", "As quoted in") into ``signal``, and its closing explanatory
parentheticals ("(holding that …)", "(emphasis added)").  A piece is a
citation when a form reader knows it (Ibid., Id., supra, op. cit., a legal
citation, a short note) or it shows a citation's marks (a year, a page, a
quoted title, a URL) without reading as prose, and not when it reads as an
editor's commentary with no publication fact (see ``parse.commentary``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from relbib import lexicon
from relbib.model import (
    CitationSpan,
    FullRef,
    NoteCitations,
    Reference,
    ShortRef,
    SupraRef,
    UnparsedRef,
    freeze_fields,
)
from relbib.parse import mentions
from relbib.parse.announced import with_announced_short_titles
from relbib.parse.commentary import PROSE_WORDS as _PROSE_WORDS
from relbib.parse.commentary import commentary, publication_fact
from relbib.parse.commentary import prose as _prose
from relbib.parse.continental_provisions import parse_provision
from relbib.parse.continental_upright import opens_with_body, read_upright_german
from relbib.parse.forms import author_alone, form_lead_spans, normalize_pinpoint
from relbib.parse.legal_eu_institutions import provision_in_prose
from relbib.parse.serials import SERIAL_OPENS
from relbib.parse.site_tail import HOST_CLOSES
from relbib.parse.small_caps import title_case_small_caps
from relbib.parse.split_history import (
    stop_inside_citation,
)
from relbib.parse.split_law import (
    CIT_ENDS,
    EU_ACT,
    INSIDE_ESSAY,
    JOINED,
    colon_lead,
    continental_opens,
    court_carried,
    decision_opens,
    title_goes_on,
    worded,
)
from relbib.parse.split_parens import cited_in_parenthesis, strip_parentheticals
from relbib.parse.split_patterns import BRACKETED_PIN as _BRACKETED_PIN
from relbib.parse.split_patterns import CITES as _CITES
from relbib.parse.split_patterns import CLOSE_QUOTE as _CLOSE_QUOTE
from relbib.parse.split_patterns import DATE_OPENS as _DATE_OPENS
from relbib.parse.split_patterns import ITALIC_OPENS_EARLY as _ITALIC_OPENS_EARLY
from relbib.parse.split_patterns import LEAD_END as _LEAD_END
from relbib.parse.split_patterns import LEAD_IN as _LEAD_IN
from relbib.parse.split_patterns import NAME_BEFORE_ITALIC as _NAME_BEFORE_ITALIC
from relbib.parse.split_patterns import OPEN_QUOTE as _OPEN_QUOTE
from relbib.parse.split_patterns import PAGE_THEN_NEXT as _PAGE_THEN_NEXT
from relbib.parse.split_patterns import POSSESSIVE_OPENS as _POSSESSIVE_OPENS
from relbib.parse.split_patterns import SIGNAL as _SIGNAL
from relbib.parse.split_patterns import STRONG as _STRONG
from relbib.parse.split_patterns import TITLE_CITED_OPENS as _TITLE_CITED_OPENS
from relbib.parse.split_patterns import TOPIC_LEAD_EN as _TOPIC_LEAD_EN
from relbib.parse.split_patterns import URL_THEN_SIGNAL as _URL_THEN_SIGNAL
from relbib.parse.split_patterns import YEAR as _YEAR
from relbib.parse.split_scan import (
    TITLE_SPAN,
    depth_counter,
    in_quoted_title,
    quote_source,
    top_level_pieces,
)
from relbib.parse.split_sources import (
    folio_closes,
    short_form_closes,
    source_opens,
    with_lead_author,
)

__all__ = ["read_note", "split_note"]

# "…around this topic: ‘Title’, Site": a quoted title (British or American) after a lead-in's colon.
_QUOTED_TITLE_OPENS = re.compile(
    r"[\u2018\u201c][^\u2018\u2019\u201c\u201d]{2,200}?(?:[\u2019\u201d],|,[\u2019\u201d])\s"
)
_LEAD_VERBS = lexicon.lead_verbs()  # "… bietet Ida Brand: …": a German lead's verb
_LEAD_FORBIDDEN = re.compile(r"[\d()\u201c\u201d\";:,]|\b(?:ed|eds|trans)\.")
# Where a quotation's source follows in the same sentence: "…, quoted in Jones, …".
# (At most 20 spaces: scanning a longer run from each of its spaces is quadratic.)
# (German "…, Leipzig 2001, zit. nach: Roe, Titel, S. 7": the work quoted, then the one quoting it)
_QUOTED_IN = re.compile(r",?\s{1,20}+(?=(?:as\s+)?(?:quoted|cited)\s+in\s|(?:zit\.|zitiert)\s+nach[:.]?\s)", re.IGNORECASE)
_WITH = re.compile(r",\s+(?=with\s)", re.IGNORECASE)
# A case's later history that names another case: ", overruled in part by".
_HISTORY = re.compile(
    r",\s+(?:overruled|abrogated|superseded|disapproved|questioned|criticized|called\s+into\s+doubt)"
    r"(?:\s+in\s+part|\s+on\s+other\s+grounds)?\s+by\s+(?=[A-Z])",
    re.IGNORECASE,
)
# ", see also" after a pinpoint: a signal opening the next citation where a
# semicolon belongs ("Lin, supra note 3, at 14, *see also* Roe, Title, …").
# (Not "…, *Site* (2004), see: https://…": the same work's link.)
_COMMA_SIGNAL = re.compile(r"(?<=[\d)]),\s+(?=[*_]{0,2}(?:see|cf\.|but\s+see|accord)\b(?!:?\s+<?(?:https?://|www\.)))")
# German ", sowie" / French ", ainsi que" / English ", and also" after a pinpoint: the next citation.
_ALSO_NEXT = re.compile(r"(?<=[\d.)]),\s{1,5}+(?:sowie|au\u00dferdem|ferner|zudem|und\sj\u00fcngst|ainsi\sque|and\salso)\s+(?=\S)")
# A topic after "Vgl." ("Vgl. zum Abschnitt Roth, Anna, …"): to a colon, else to "Name, Vorname".
_TOPIC_LEAD = re.compile(
    r"(?:zum|zur|zu|dazu|hierzu|allgemein|grundlegend|ausf\u00fchrlich|insbesondere|etwa|exemplarisch|f\u00fcr)"  # "Vgl. für den Bund: …"
    r"\s(?:(?P<colon>[^\d,:;()]{0,80}+:\s)|(?P<words>[^\d,:;()\s]{1,40}+(?:\s[^\d,:;()\s]{1,40}+){0,8}\s)"
    r"(?=[A-Z\u00c0-\u00dd][\w'\u2019-]{1,30}+,\s))"
)
# ", and" after a pinpoint, before the next citation's author; British and European books join
# two works by a bare "and" after a page or a bracket ("… (Munich, Beck, 2004) 242–243 and A Hucke, …").
_AND_NEXT = re.compile(r"(?<=[\d*]),\s+and\s+(?=\S)|(?<=[\d)])\s+and\s+(?=(?:[A-Z]\.?\s?){1,3}[A-Z][\w'\u2019-]+[\s,*])"
                       # "…, 66-7 and Curran and Seaton, *Power*, 43": surnames, then a marked short title
                       r"|(?<=[\d)])\s+and\s+(?=(?:[A-Z][\w'\u2019-]+\s(?:[A-Z]\.\s)*)?[A-Z][\w'\u2019-]+"
                       r"(?:\s(?:and|&)\s[A-Z][\w'\u2019-]+)?,\s[*_\u201c\"])")
_PARTICLE_OPENS = re.compile(
    rf"^(?:{lexicon.particle_pattern()}|al-\w+|el-\w+|d')(?:\s+(?:{lexicon.particle_pattern()}))?"
    r"\s+[A-Z][\w'\u2019-]*,\s"
)
# A sentence end candidate: ". " (or ".* ") before a capital, a quote or italics.
_SENTENCE_END = re.compile(
    r"(?<=[.?!])[*_]{0,2}\s+(?=[*_\u201c\u2018\"']?[A-Z\u00c0-\u00de])"
    # "…unterschieden.Vgl. Roe": a signal glued to the sentence before (text from a PDF or Word lost the space)
    r"|(?<=[a-z\u00df-\u00ff]\.)(?=(?:Vgl|See|Cf|Siehe|Voir|Cfr)\.?\s)"
    r"|(?<=[.?!][\u201d\"])\s+(?=[*_]?[A-Z][^.,;()\n]{0,80},\s(?:supra|above)\s)"  # '… my pieces." Roe, supra'
    # "… to be done.’ Ibid., 5." / "… of mating. (Brian Jackson, ‘Title’, …, 126.)"
    r"|(?<=[.?!][\u2019\u201d])\s+(?=\(?(?:Ibid|Ibidem|Id\.))"
    r"|(?<=[.?!])\s+(?=\([A-Z\u00c0-\u00de][^()]{0,1000}(?:\([^()]{0,200}\)[^()]{0,1000}){0,3}[.?!]\))"
    r"|(?<=[.?!]\))\s+(?=[A-Z\u00c0-\u00de])"
    r"|(?<=[.?!])\s+(?=\u2014[A-Z][\w'\u2019-]{1,30},\s)"  # "… c. 18. —Anderson, Commerce": the source after a dash
    # "… the new policy.—See Colonel Roe’s *War*, p. 4" / "…themselves.”—Roe’s *Trade*.": an author in the possessive
    r"|(?<=[.?!])[\u201d\u2019\"]?(?=\u2014(?:See\s)?(?:[A-Z][\w.]{0,20}\s){0,3}[A-Z][\w-]{1,30}[\u2019']s\s[*_\u201c\"A-Z])"
)
# The editor's or translator's mark closing a citation they added: "…, pp. 14-15.—*Editors*.",
# "…, p. 4.—Ed.", "…, p. 4.—Tr." (the mark is no part of the pinpoint).
_SIGNED_TAIL = re.compile(r"(?<=\d)\.?\s?\u2014\s?[*_]?(?:Editors?|Eds?\.|Tr\.|Trans\.|Translator)[*_]?\.?\)?$")
# A sentence that is a supra: "FCC Interview, supra note 36.", "Roe, above n 4".
_SUPRA_OPENS = re.compile(r"[*_]?[A-Z][^.,;()\n]{0,80},\s(?:supra|above)\s(?:notes?|nn?\.)\s?\d")
# Words that continue a reference after a full stop.
_CONTINUES = re.compile(
    r"^[*_]?(?:Accessed|Available|Retrieved|Last\s+(?:accessed|modified|updated)|Translated|Trans\.|"
    r"Reprinted|Repr\.|Originally|First\s+published|Edited|Ed\.|Eds\.|Published|Online|"
    r"Vol\.|Volume|No\.|Paper|Doi|DOI|URL|Https?|In\b(?=:|\s[A-Z\u201c\u2018\"*_])|Rev\.|2d|3d)",
)
# A word in capitals abbreviated ("WASH", "BUS", "CHI") ending what precedes the
# full stop, and after it the rest of a periodical's or a body's name in small
# capitals, then its date, page or URL: "WASH. POST (Nov. 9, 2019)", "BUS.
# INSIDER, https://…", "CHI. TRIB. 4".
_CAPS_ABBREVIATION = re.compile(r"(?<![\w'\u2019.-])[A-Z][A-Z'\u2019]{1,7}$")
_CAPS_NAME_GOES_ON = re.compile(
    r"[A-Z][A-Z'\u2019&-]*\.?(?:\s(?:[A-Z][A-Z'\u2019&-]*\.?|&|OF|THE|AND)){0,4}"
    r"(?:\s\(|,?\s(?:https?://|<https?://|\d)|[,.]?$)"
)
_OPENS_CITATION = re.compile(
    r"^[*_]{0,2}(?:see|cf\.|but\s|compare|accord|contra|e\.\s?g\.|also\s|quoted\s+in|cited\s+in|"
    r"ibid|ibidem|id\.|idem|on\s|for\s|as\s+quoted|as\s+cited|cfr\.|vgl\.|voir\s|v[\u00e9e]ase\s)",
    re.IGNORECASE,
)
# Lowercase abbreviations that end with a full stop inside a citation.
_ABBREVIATIONS = frozenset(
    "al ed eds trans repr rev vol vols no nos pp p ch chap art arts cf esp comp n nn ser pt pts "
    "fol fols col cols sec secs para paras bk bks fig figs viz ibid id op cit loc etc supp app "
    "orig dept univ assn inst ms mss cent approx ca c ff f".split()
)
# ", trans." / ", ed." after a title, and the person's name after the full stop.
_ROLE_BEFORE_NAME = re.compile(r",\s(?:ed|eds|trans|tr|comp|comps)\.$")
_AUTHOR_OPENS_NAME = re.compile(r"(?:[A-Z]\.\s?)*[A-Z][\w'\u2019-]+(?:\s(?:[A-Z]\.\s?)*[A-Z][\w'\u2019-]+)*[\s,]")
# Abbreviations a pinpoint's number follows ("ch. XII"), and that number.
# A page cited closing a sentence ("p. 538", "s. 225 f", "S. 12–14"), or "in loc." (at this
# passage, in a commentary): the citation ends there.
_PAGE_CLOSES = re.compile(r"(?:^|[\s,(])(?:pp?|s|S)\.\s?\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?(?:\s?ff?)?$|\s(?:in|ad)\sloc$")
# What may follow a page and still belong to its citation: a translator, an edition, a note.
_CONTINUES_AFTER_PAGE = re.compile(r"(?:Trans|Translated|Tr|Ed|Edited|Eng|Note|Anm|N)\b\.?")
_PIN_WORDS = frozenset("vol vols no nos p pp ch chap chaps art arts pt pts fol fols col cols sec secs "
                       "para paras bk bks fig figs n nn ser".split())
_NUMBERED = re.compile(r"[IVXLC]+\b|\d")
# "Smith, Empire" / "A. B. Jones, …": a sentence that opens with an author.
_AUTHOR_OPENS = re.compile(
    rf"^[*_]?[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|{lexicon.particle_pattern()}|(?:and|und)(?=\s[A-Z])|"
    r"al-\w+|\u2013(?=\s[A-Z]))){0,8}(?:\set\sal\.)?[,:]\s"  # "Roe et al., "
)
# "Roe v. Doe Corp., 105 F.3d 841": a case and its report open the citation ("… followed in Roe v. Doe, …").
_CASE_OPENS = re.compile(r"[A-Z][^,;()]{0,80}?\sv\.?\s[A-Z][^;()]{0,120}?,\s\d{1,4}\s[A-Z]")
# "P. Larsen and S. Moreau (eds.), …": editors open the citation.
_EDITORS_OPEN = re.compile(
    rf"^[A-Z][\w'.\u2019-]*(?:\s(?:[A-Z\u00c0-\u00de][\w'.\u2019-]*|and|&|{lexicon.particle_pattern()})){{1,8}}"
    r"\s\((?:eds?\.?|hrsg\.|Hrsg\.)\),\s"
)
_NAME_WORDS = lexicon.name_particles() | frozenset(
    "and of the und für for in on at a an to".split())
# APA in a note: "Smith, J. (1980). Title." / "World Bank (2019). Title." — the
# year closes no citation.  (A Bluebook book, "AUTHOR, TITLE (1911).", does: its
# year follows a title, not an initial or a name with no comma.)
_AUTHOR_YEAR = re.compile(r"^(?:[^()\d]{0,100}\b[A-Z]\.|[^(),\d]{1,60})\s?\(\d{4}[a-z]?\)$")
# Cross-references: the note points inside the essay, not to a work.
_CROSS_REFERENCE = re.compile(
    r"^(?:(?:see|cf\.)\s+(?:also\s+)?)?(?:infra|supra|above|below),?\s+"
    r"(?:notes?|nn?\.|text|parts?|sections?|§|pp?\.|chapters?|ch\.)"
    r"|^(?:(?:see|cf\.)\s+(?:also\s+)?)?(?:notes?|nn?\.|parts?|sections?|chapters?|text)\s+"
    r"[\dIVX]+[^a-z]*(?:\s*(?:and|&)\s*[\dIVX]+)?[^a-z]*(?:above|below|infra|supra|"
    r"and\s+(?:the\s+)?accompanying\s+text)"
    r"|^(?:(?:see|cf\.)\s+(?:also\s+)?)?(?:the\s+)?(?:text|discussion|analysis|sources|authorities|cases)\s+"
    r"(?:at|to|in|accompanying|cited\s+(?:at|in))\s+(?:nn?\.?|notes?)\s*\d+(?:\s*[-\u2013]\s*\d+)?"
    r"(?:\s+(?:above|below|supra|infra))?\.?$"
    # "See also paragraph 11.3.", "See paragraphs 4.2 and 4.5.": a paragraph of the book itself
    r"|^(?:(?:see|cf\.)\s+(?:also\s+)?)?paragraphs?\s+\d+(?:\.\d+)+"
    r"(?:\s*(?:,|and|&)\s*\d+(?:\.\d+)+)*\.?$",
    re.IGNORECASE,
)
# "601–13, here pp. 607–8" / "1–13, at 3": a pinpoint inside an article's range.
_HERE = re.compile(
    r"(?:(?<=\d)\s*,\s*(?:here|at|esp\.|especially)\s+(?:pp?\.\s*)?"
    rf"|(?<=\d{lexicon.DASH}\d)\s*,\s*pp?\.\s*|(?<=\d{lexicon.DASH}\d\d)\s*,\s*pp?\.\s*"
    rf"|(?<=\d{lexicon.DASH}\d\d\d)\s*,\s*pp?\.\s*)"
    rf"(?P<pin>\d+(?:\s*{lexicon.DASH}\s*\d+)?)\s*\.?\s*$"
)
# "(Berlin, 1867; repr., London, 1990)": the original's year and the reprint's.
_REPRINT = re.compile(
    r"\([^()]*?(?P<orig>1[4-9]\d\d|20\d\d)[^()\d]*?[;,]\s*(?:repr\.|reprint(?:ed)?|rpt\.|"
    r"reissued|new\s+ed\.)[^()]*?(?P<year>1[4-9]\d\d|20\d\d)[^()\d]*\)"
)
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+")


def split_note(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) spans of the note's pieces: one per possible citation."""
    spans: list[tuple[int, int]] = []
    for start, end in top_level_pieces(text):
        if read_upright_german(text[_signal(text, start, end)[1] : end]) is not None:
            spans.append((start, end))  # "…, Bergen-Belsen. Katalog der Ausstellung, Celle 2009": one work
            continue
        for s, e in _sentences(text, start, end):
            spans.extend(p for piece in _inner_pieces(text, s, e) for p in form_lead_spans(text, *piece))
    return tuple((s, e) for s, e in spans if text[s:e].strip(" .,;:"))


def read_note(n: int, text: str) -> NoteCitations:
    """Note ``n`` as a sequence of citations (or a comment citing nothing)."""
    from relbib.parse import parse_note

    pieces: list[CitationSpan] = []
    for start, end in split_note(text):
        signal, start = _signal(text, start, end)
        end = strip_parentheticals(text, start, end)
        start, end = cited_in_parenthesis(text, start, end)
        body = re.sub(r"\s{2,}", " ", text[start:end].strip())  # a wrapped, indented source line
        body = _SIGNED_TAIL.sub(".", body, count=1)  # "…, pp. 14-15.—*Editors*."
        if not body.strip(" .,;:"):
            continue
        located = _pinpoint_of_previous(pieces, body, end)
        if located is not None:  # "Report of X, dated May 3, 1833; paragraph 199."
            pieces[-1] = located
            continue
        body = _ITALIC_OPENS_EARLY.sub(r"\1\2*", body, count=1) if body.count("*") == 2 else body
        body = _NAME_BEFORE_ITALIC.sub(r"\1,", body, count=1)  # "M. E. J. Newman *Networks* (…)"
        carried = court_carried(body, pieces[-1].reference if pieces else None)  # "…; 6 avr. 2011, n° 2"
        ref = _read(carried, parse_note) if carried == body else replace(_read(carried, parse_note), text=body)
        ref = with_lead_author(signal, ref)  # "Ada Roe analyzes it in “Title,” in Book": Roe wrote it
        # "Marlow." closing the note is an author-only short form; not "Fannin, quoted in …"
        if _is_citation(body, ref) or author_alone(body, ref) and not text[end:].strip():
            pieces.append(CitationSpan(index=len(pieces), start=start, end=end, text=body,
                                       signal=signal, reference=ref))
    if not pieces:
        return NoteCitations(n=n, kind="comment", citations=())
    pieces = with_announced_short_titles(text, pieces)  # "(hereafter cited as *Roe Papers*)"
    return NoteCitations(n=n, kind="citation", citations=tuple(pieces))


# A locator alone, the piece after a semicolon: the pinpoint of the citation before it.
_LOCATOR_ALONE = re.compile(r"(?:(?P<word>(?i:paragraphs?|paras?\.|sections?|secs?\.))\s?|(?i:pp?\.)\s?)"
                            r"(?P<pin>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?)\.?")


def _pinpoint_of_previous(pieces: list[CitationSpan], body: str, end: int) -> CitationSpan | None:
    """The citation before with ``body``, a locator alone ("paragraph 199"), as its pinpoint;
    None when ``body`` is more or the citation before has its pinpoint."""
    m = _LOCATOR_ALONE.fullmatch(body)
    ref = pieces[-1].reference if pieces else None
    if m is None or not isinstance(ref, FullRef) or ref.pinpoint is not None:
        return None
    pin = f"{m.group('word')} {m.group('pin')}" if m.group("word") else normalize_pinpoint(m.group("pin"))
    return replace(pieces[-1], end=end, reference=replace(ref, pinpoint=pin))  # "paragraph 199", "4"


# --- cutting ----------------------------------------------------------------------


# How far before and after a full stop ``_cuts`` reads: more than any real
# citation or remark, and it keeps a note of ten thousand full stops linear.
_WINDOW = 2000


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The piece cut at the sentence ends that close a citation (see the module docstring)."""
    out, begin = [], start
    depth = depth_counter(text, begin)
    source = quote_source(text, start, end)  # "… well.” *Title*, 1900, p. 39"
    for m in _SENTENCE_END.finditer(text, start, source.start() if source else end):
        if depth(m.start()) != 0 or in_quoted_title(text, max(begin, m.start() - TITLE_SPAN), m.start()):
            continue  # inside brackets, or inside a quoted title (“A.I. Is Coming. The …,”)
        if text.count("*", begin, m.start()) % 2:
            continue  # inside a title in italics ("*I Comuni italiani. Competenze, territori*")
        before = text[max(begin, m.start() - _WINDOW) : m.start()].rstrip("*_")
        after = text[m.end() : min(end, m.end() + _WINDOW)]
        if _cuts(before, after) and not title_goes_on(before, after):
            out.append((begin, m.start()))
            begin = m.end()
            depth = depth_counter(text, begin)
    if source is not None and depth(source.start()) == 0:
        out.append((begin, source.start()))
        begin = source.end()
    out.append((begin, end))
    return out


def _cuts(before: str, after: str) -> bool:
    """Whether the full stop ending ``before`` ends a citation or a comment."""
    if CIT_ENDS.search(before) and after[:1].isupper():
        return True  # "Roe, *Titolo*, cit. In Italia …": "cit." closes the work cited again
    if _CONTINUES.match(after) or _DATE_OPENS.match(after) or _AUTHOR_YEAR.match(before.rstrip(".").strip()) \
            or stop_inside_citation(before, after):
        return False
    if _TITLE_CITED_OPENS.match(after) and sum(len(w) > 3 and w.islower() for w in _WORD.findall(before)) >= 4:
        return True  # "… a distinct kind of work. *Title*, p. 85.": the source after a sentence of prose
    if before.endswith((" v.", " c.")) and after[:1].isupper():
        return False  # "… followed in NBA v. Motorola, 105 F.3d 841", "Alfa c. Beta": a case name's "v." or "c."
    if before.endswith("?") and mentions.question_in_title(before, after, _opens_with_author):
        return False  # "Roe u. a., Why Do We Vote? Ten Essays": a title's question
    if _ROLE_BEFORE_NAME.search(before) and _AUTHOR_OPENS_NAME.match(after):
        return False  # "…, trans. Sarah Roe (London, 2001)": a translator's or editor's name follows
    body = before.rstrip(".?!")
    if _last_word(body).lower() in _PIN_WORDS and _NUMBERED.match(after):
        return False  # "ch. XII", "vol. II", "bk. IV": a number, not a new sentence
    tail = body[:-1] if body.endswith("\n") else body  # what "[A-Z]$" would see
    if "A" <= tail[-1:] <= "Z" and (len(tail) == 1 or tail[-2].isspace() or tail[-2] == "."):
        return False  # an initial: "… in P. Larsen and S. Moreau (eds.)"
    if _CAPS_ABBREVIATION.search(tail[-10:]) and _CAPS_NAME_GOES_ON.match(after):
        return False  # a name in small capitals: "WASH. POST (Nov. 9, 2019)", "BUS. INSIDER, https://…"
    if _PAGE_CLOSES.search(body[-24:]) and not _CONTINUES_AFTER_PAGE.match(after):
        return True  # "…, s. 225 f. Comp. Gratz, …", "…, p. 538. L. J. 1, s. 192.": the page closes it
    if _OPENS_CITATION.match(after):
        return _last_word(body).lower() not in _ABBREVIATIONS or body.endswith(")")
    word = _last_word(body)
    if _SUPRA_OPENS.match(after) and (body[-1:] in "\u201d\")" or (len(word) >= 3 and word.islower())):
        return True  # "… to solve this problem. FCC Interview, supra note 36."
    if (_prose(after[:300]) or _remark(after[:300].split(". ")[0])) and parse_provision(body.strip()) is not None:
        return True  # "Art. 109, c. 1, LJCA. L'incidente è …": a code's provision, then a remark
    last = body[-1:] if body else ""
    if HOST_CLOSES.search(body[-80:]):
        return True  # "…, 2026, example.org. Indagine su …": the site closes the citation
    if last in "\u201d\"\u00bb" and _prose(re.split(r"(?<=[.?!])\s", after, maxsplit=1)[0]):
        return True  # '…, cit., sezione "Give X a role". Google avverte che …': a quoted name, then prose
    if last in ")]" or last.isdigit() or folio_closes(body):
        if re.search(r"(?i)\b(?:no|vol|art|ch)\.?\s*\d+$", body[-12:]):
            return False
        if short_form_closes(body) or _prose_lead(after[:300]):
            # "Roe, *Title*, 2:79. Tide Book of …": a whole short form, then the next source;
            # "…, 12 June 1865, 1. The episode is told by Roe, …": a lead-in to the next one
            return True
        sentence = re.split(r"(?<=[.?!])\s", after, maxsplit=1)[0]
        return bool(_AUTHOR_OPENS.match(after.lstrip("\u2014"))) or _prose(sentence) or _remark(sentence)
    word = _last_word(body)
    return (
        len(word) >= 3 and word.islower() and word not in _ABBREVIATIONS and _prose(after)
    ) or (_prose(body) and (not _STRONG.search(body) or source_opens(after)))


def _remark(sentence: str) -> bool:
    """A short remark ("Emphasis in the original."): lowercase words, no number."""
    words = _WORD.findall(sentence)
    lower = [w for w in words if w.islower() and w not in _NAME_WORDS and len(w) > 2]
    return bool(lower) and not re.search(r"\d", sentence)


def _last_word(text: str) -> str:
    """The run of letters that ends ``text`` (read from the end: a search for
    ``[A-Za-z…]+$`` tried every start and was quadratic on a long word)."""
    text = text[:-1] if text.endswith("\n") else text
    i = len(text)
    while i > 0 and _LETTER.match(text[i - 1]):
        i -= 1
    return text[i:]


_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _inner_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut before "quoted in"/"cited in", at "Compare …, with …", before a
    case's later history ("…, overruled by X v. Y, …") and at ", and" between two
    citations ("Smith, Empire, 40, and Jones, ‘Trade’, 70")."""
    depth = depth_counter(text, start)
    cuts = [(m.start(), m.start()) for m in _QUOTED_IN.finditer(text, start, end)
            if depth(m.start()) == 0 and m.start() > start]
    depth = depth_counter(text, start)
    cuts += [(m.start(), m.end()) for m in _HISTORY.finditer(text, start, end)
             if depth(m.start()) == 0]
    if re.match(r"\s*[*_]{0,2}(?:but\s+)?compare\b", text[start:end], re.IGNORECASE):
        depth = depth_counter(text, start)
        cuts += [(m.start(), m.start()) for m in _WITH.finditer(text, start, end)
                 if depth(m.start()) == 0]
    for pattern in (_COMMA_SIGNAL, _ALSO_NEXT, *JOINED):  # two cases, acts or decisions joined
        depth = depth_counter(text, start)
        cuts += [(m.start(), m.end()) for m in pattern.finditer(text, start, end) if depth(m.start()) == 0]
    depth = depth_counter(text, start)
    cuts += [(m.start("cut"), m.end("cut")) for pattern in (_URL_THEN_SIGNAL, _PAGE_THEN_NEXT)
             for m in pattern.finditer(text, start, end) if depth(m.start()) == 0]
    depth = depth_counter(text, start)
    cuts += [(m.start(), m.end()) for m in _AND_NEXT.finditer(text, start, end)
             if depth(m.start()) == 0
             and mentions.next_citation(text[start : m.start()], text[m.end() : min(end, m.end() + _WINDOW)],
                               _opens_with_author)]
    spans, begin = [], start
    for cut_start, cut_end in sorted(cuts):
        if cut_start >= begin:
            spans.append((begin, cut_start))
            begin = cut_end
    spans.append((begin, end))
    return spans


def _opens_with_author(text: str) -> bool:
    """ "Jones, ‘Trade’, 70" / "de la Mare, ‘Relief’, 110": the text opens with an author."""
    return bool(_AUTHOR_OPENS.match(text) or _PARTICLE_OPENS.match(text))


# --- one piece -------------------------------------------------------------------


def _signal(text: str, start: int, end: int) -> tuple[str, int]:
    """The piece's signal or lead-in, and where the citation after it starts."""
    while start < end and text[start] in " ,;.\u2014":
        start += 1
    found: list[str] = []
    while True:
        piece = text[start:end]
        m = _SIGNAL.match(piece) or _LEAD_IN.match(piece)
        if m is None and piece[:1].islower():
            # "For example, the Constitution charges Congress …, *see* U.S. Const."
            m = _LEAD_IN.match(piece[:1].upper() + piece[1:])
        if found and m is None and (topic := _TOPIC_LEAD.match(piece) or _TOPIC_LEAD_EN.match(piece)) is not None:
            # a prose lead closing before an upright author wins ("Vgl. exemplarisch den Artikel
            # von Eva Nickel, …": not the topic "exemplarisch den Artikel von Eva")
            end = topic.end() if topic.groupdict().get("colon") else (_prose_lead(piece) or topic.end())
            found.append(piece[:end].strip(" ,:"))
            start += end
            break
        if m is None or m.end() >= len(piece.rstrip(" .")):
            lead = _prose_lead(piece)
            if lead:
                found.append(piece[:lead].strip(" ,*_"))
                start += lead
            break
        found.append(_MARKS.sub("", piece[m.start("signal") : m.end("signal")]).strip(" ,"))
        start += m.end()
    return " ".join(found), start


_MARKS = re.compile(r"[*_]")


def _prose_lead(piece: str) -> int:
    """The length of a prose lead-in ending "… in" / "… by" before an author
    ("The figures are given in Lind, …"), or 0."""
    for m in _LEAD_END.finditer(piece, 0, 200):
        lead = piece[: m.start()]
        if lead.count("*") % 2:
            continue  # inside a title in italics ("si riporta Roe, *Giurisdizione: Germania*")
        if len(_OPEN_QUOTE.findall(lead)) > len(_CLOSE_QUOTE.findall(lead)):
            continue  # inside a quoted title ("Roe, 'Paying Too Much About It: Causes, and …'")
        # a word quoted the German way is prose too ("Eine Diskussion des Begriffes „Arbeit“ findet sich bei")
        said = re.sub("\u201e[^\u201c\u201d\u201e\"]{1,80}[\u201c\u201d\"]", "", lead)
        forbidden = _LEAD_FORBIDDEN.search(said)
        # a long sentence may hold commas ("X is similar to, but distinct from, Y's ‘frames’ in")
        # "Per una sintesi del 2026: DirittoBancario, *Titolo*": a sentence, its colon, then an act,
        # a decision or a title in italics (a sentence may hold a year there)
        colon = m.group(0).startswith(":") and continental_opens(piece[m.end():])
        # "The literature has grown since the 1990s: see Roe, …": a sentence with its years, then "see"
        colon = colon or m.group(0)[:3].lower() == "see" and not _STRONG.search(lead)
        if forbidden and not (colon and worded(said)) and (_LEAD_FORBIDDEN.search(said.replace(",", "")) or not _prose(said)):
            return 0
        words = _WORD.findall(piece[: m.end()])  # its last word may be the verb: "The classic is Roe, …"
        # a prose lead has a verb ("The figures are given in"); "Memorandum on
        # the state of the poor in Essex" is a document's title
        verb = lead[:1].islower() or mentions.lead_author(lead) is not None or any(
            w.lower() in _PROSE_WORDS or (w.islower() and w.endswith("ed")) or w in _LEAD_VERBS for w in words
        )
        after = piece[m.end():]
        opens = (_AUTHOR_OPENS.match(after) or _EDITORS_OPEN.match(after) or _QUOTED_TITLE_OPENS.match(after)
                 or _CASE_OPENS.match(after)
                 or _POSSESSIVE_OPENS.match(after)
                 or SERIAL_OPENS.match(after) or mentions.italic_title_opens(after) or opens_with_body(after)
                 or colon)
        if (verb or colon and worded(said)) and sum(1 for w in words if w.islower()) >= 2 and opens:
            return m.end()
    return colon_lead(piece)




def _read(body: str, parse_note: Callable[[str], Reference]) -> Reference:
    """The piece's Reference (see :func:`_read_pinpointed`), the year of a
    reprint its year and the first edition's its ``origdate``."""
    ref = _read_pinpointed(title_case_small_caps(body), parse_note)
    if ref.text != body:
        ref = replace(ref, text=body)
    m = _REPRINT.search(body)
    if isinstance(ref, FullRef) and m is not None and ref.fields.get("year") in m.group("orig", "year"):
        fields = {**ref.fields, "year": m.group("year"), "origdate": m.group("orig")}
        fields.pop("date", None)
        return replace(ref, fields=freeze_fields(fields))
    return ref


def _read_pinpointed(body: str, parse_note: Callable[[str], Reference]) -> Reference:
    """The piece's Reference; "601–13, here pp. 607–8": the pinpoint is the ``here`` part."""
    m = _HERE.search(body) or _BRACKETED_PIN.search(body)
    if m is None:
        return parse_note(body)
    ref = parse_note(body[: m.start()] + ".")
    if isinstance(ref, FullRef) and isinstance(ref.fields.get("pages"), str):
        return replace(ref, text=body, pinpoint=normalize_pinpoint(m.group("pin")))
    return parse_note(body)


def _is_citation(body: str, ref: Reference) -> bool:
    """Whether a piece cites a work (see the module docstring)."""
    if isinstance(ref, SupraRef) and ref.pinpoint is not None:
        return True  # "supra note 3, at 7" cites the work of note 3
    if _CROSS_REFERENCE.match(body) or (INSIDE_ESSAY.search(body) and _prose(body)):
        return False
    if not isinstance(ref, FullRef | ShortRef | UnparsedRef):
        return True  # Ibid., Id., supra, op. cit.
    if isinstance(ref, FullRef) and ref.type == "legislation" and provision_in_prose(body):
        return True  # "Article 61(2) DSA states that “…”": the provision the sentence quotes
    if decision_opens(body, ref):
        return True  # "Trib. X, sentenza 4 maggio 2021, con condanna …": the decision, then the writer's words
    if commentary(body) or mentions.sums_only(body) or mentions.mention_only(body) or mentions.quoted_phrases_only(body):
        return False  # "Bishop of X, 1661–76. Died …, aged eighty. —B.", "Roe received $40,000.", "As *Title* shows"
    if mentions.et_al_opens(body):
        return True  # "Roe u. a., Title": an author and "and others" open a citation
    if isinstance(ref, UnparsedRef):
        return bool(_STRONG.search(body) or _YEAR.search(body)) and not _prose(body) or publication_fact(body)
    if isinstance(ref, FullRef) and ref.confidence and min(ref.confidence.values()) >= 1.0:
        named = [re.escape(str(ref.fields[k])) for k in ("title", "booktitle", "journal") if ref.fields.get(k)]
        placed = re.sub("|".join(named) or "\0", " ", body)  # a sentence-case title is no prose
        if not _prose(placed) or mentions.cited_in_prose(body) or EU_ACT.match(body):
            return True  # a rule reader (short note, legal shape) read it whole
    if not _CITES.search(mentions.without_sums(body)):
        return False  # "In total, Bon Air received $60,000": a sum of money is no mark
    return not _prose(body) or mentions.cited_in_prose(body) or publication_fact(mentions.without_captions(body))

