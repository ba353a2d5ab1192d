"""Stage 3: one note or reference string → a Reference.

Input: the text of one note (or one item of a reference list).
Output: a FullRef, a subsequent-reference form (IbidRef, IdRef, OpCitRef,
SupraRef, ShortRef) or an UnparsedRef with its reason.
Never: look at other notes (that is relbib.resolve's work) or touch a file.

The readers run from the most specific to the most general, and each returns
None when the note is not its shape: subsequent forms (Ibid., Id., op. cit.,
supra), legal citations (Bluebook: articles, cases, statutes, treaties, UN
documents), short notes ("Snyder, Bloodlands, 201."), humanities shapes
(archival items, reference entries, books and chapters with a bracket of
facts, MLA notes: humanities.py), and last the full reference parser (rules and CRF), which reads everything else.
"""

from __future__ import annotations

import re
from dataclasses import replace
from types import MappingProxyType

from relbib import lexicon
from relbib.lexicon import name_particles, person_titles
from relbib.model import FullRef, Name, Reference, ShortRef, freeze_fields
from relbib.parse import patterns as P
from relbib.parse.archival import letter_in_book, letter_in_edition, read_archival_note
from relbib.parse.byline import read_byline_note
from relbib.parse.chicago import british_quoted_title
from relbib.parse.continental_cit import cited_again
from relbib.parse.continental_german import in_chicago_manner, read_upright_note
from relbib.parse.continental_provisions import parse_provision
from relbib.parse.continental_titled import read_titled_note
from relbib.parse.dated_papers import read_dated_paper, read_named_papers
from relbib.parse.dates import parse_date
from relbib.parse.forms import SAME_AUTHOR_MARK, classify_note, normalize_pinpoint
from relbib.parse.humanities import read_humanities_note
from relbib.parse.italics import read_italic_note, strip_marks
from relbib.parse.legal import parse_legal
from relbib.parse.legal_de import read_german_law
from relbib.parse.medium_marks import without_marks
from relbib.parse.mla import read_mla_note
from relbib.parse.names import colon_author_end, split_names, western_given_names
from relbib.parse.note_tidy import access_before_url, editor_marks, organisation_lead
from relbib.parse.older import read_older_note
from relbib.parse.older_periodicals import read_older_periodical
from relbib.parse.reference import known_words, parse_reference
from relbib.parse.reviews import read_review
from relbib.parse.serials import read_serial_volume
from relbib.parse.shortform import parse_short_note
from relbib.parse.site_tail import site_closing, with_site
from relbib.parse.title_alone import read_title_alone
from relbib.parse.web_first import read_bare_link, read_web_first
from relbib.parse.web_notes import prose_before_link

__all__ = ["parse_note", "parse_reference", "classify_note"]

# What an editor says of the quotation, closing a note: ", abridged", "(italics
# mine)", "emphasis added": no part of the work cited.
_EDITORIAL_TAIL = re.compile(
    r"(?i)(?<=[\w.)\]])\s*[,;]?\s*\(?(?:(?:slightly|much|somewhat|greatly)\s)?(?:abridged|condensed|"
    r"(?:italics|emphasis)\s(?:mine|added|supplied|in\s(?:the\s)?original)|my\s(?:italics|translation))"
    r"\)?\s*\.?$"
)

# An older note names the author in the possessive: "Ruding’s Annals of the
# Coinage, 1819, vol. iii, p. 293", "Thomas Fuller’s Church History of Britain".
# (The title may be in italics or quotes, and "According to" may lead: "According to Roe’s *Progress*, London, 1836".)
_POSSESSIVE_AUTHOR = re.compile(
    r"^(?:(?:[Aa]ccording\sto|[Ss]ee(?:\salso)?|[Cc]f\.|[Vv]ide)\s)?(?P<names>(?:[A-Z][\w-]*\.?\s){0,3}[A-Z][\w-]+)[\u2019']s\s"
    r"(?P<title>[*_\u201c\"]?[A-Z][\w\u2019'-]*)"
)
# "Kingsley’s Life, I 55": a life of Kingsley, not a work by him ("Muir’s Life of Mahomet" is by Muir).
_ABOUT_WORDS = frozenset("Life Lives Biography Death Funeral Trial Portrait Memorial".split())
# "… (Apress, 2009)., and many more.": the writer's remark after the last citation of a list.
_AND_MORE_TAIL = re.compile(r"(?<=\))\.?,?\s(?:and|&)\s(?:many\s|several\s|numerous\s)?(?:more|others|so\son)\.?$")
# A DOI closing a note after its page: ", doi:10.1000/ab.12." / ", https://doi.org/10.1000/ab.12".
# (After a comma, or a full stop as Chicago 17 prints it: "…: 26–51. https://doi.org/10.1162/…")
_DOI_TAIL = re.compile(r"(?<=\d)[,.]\s(?:doi:\s?|https?://(?:dx\.)?doi\.org/)(?P<doi>10\.\d{4,9}/\S+?)\.?$")
# A stable link closing a journal article's note after the page: "(1945): 442,
# http://www.jstor.org/stable/123." (read without it, as the DOI: the page is the pinpoint);
# and after a web document's date: "*Handbook*, March 3, 2015, 14, https://…".
_LINK_TAIL = re.compile(r"(?:(?<=\):\s)|(?<=\d{4},\s))(?P<page>\d{1,5}(?:\s?[-\u2013]\s?\d{1,5})?),\s(?P<url>https?://\S+?)\.?$")
# A quoted entry and the sense or definition cited: "‘Ledger, n.2’ Definition 1", "“Hap,” sense 3".
_QUOTED_ENTRY_SENSE = re.compile(
    r"^[\u2018\u201c](?P<title>[^\u2018\u2019\u201c\u201d]{2,120}?),?[\u2019\u201d],?\s"
    r"(?P<pin>(?i:definition|def\.|sense)\s?[\w.]{1,8})\.?$"
)
# "(abridged)" inside a note: the editor's remark, not the work's.
_EDITORIAL_INSIDE = re.compile(r"(?i)\s?\((?:(?:slightly|much|somewhat|greatly)\s)?(?:abridged|condensed)\)")
# ": Winkworth's translation" names the translator.
_TRANSLATION_OF = re.compile(
    r"[:,]\s(?P<who>(?:[A-Z]\.\s?){0,3}[A-Z][\w-]{1,30})[\u2019']s\stranslation\b"
)
# A bibliography-style sentence "… De Oratore. Trans. E. W. Sutton. …".
_TRANS_SENTENCE = re.compile(r"(?<=\.)\sTrans\.\s(?=[A-Z])")
# "…, 55 BCE." / "…, c. 400 BC,": the year of an ancient work (no year of the edition).
_ANCIENT_YEAR = re.compile(
    r"[,.]\s(?:c\.\s?|ca\.\s?)?(?P<year>\d{1,4})\s?(?P<era>BCE|B\.C\.E\.|BC|B\.C\.|CE|C\.E\.|AD|A\.D\.)(?=[.,;)]|$)"
)
# Bluebook puts a URL after the parenthesis of the date, with no comma: "… 1 (2016) https://…"
# (Chicago's ", https://…" stays for the readers, which take it as the URL of a web page).
_URL_AFTER_PARENTHESIS = re.compile(
    r"(?<=\)),?\s(?:available\sat\s)?<?(?P<url>https?://[^\s<>]+?)>?(?:\s\[https?://[^\s\]]+\])?[.,]?$"
)
# "…, vie-publique.fr, in https://…" / "…, disponibile su https://…" / "…, abrufbar unter https://…":
# a continental note's URL after the word that introduces it.
_URL_INTRODUCED = re.compile(
    r",?\s(?:in|disponibile\s(?:in|su)|disponible\s(?:sur|en)|abrufbar\sunter|online\sunter|available\sat)"
    r":?\s<?(?P<url>https?://[^\s<>]+?)>?[.,]?$"
)
# Before ", https://…" Bluebook's parenthesis holds a date or a year ("(Feb. 14, 2022,
# 1:49 PM)", "(2021)"); Chicago's holds a place and publisher ("(Oxford: Bodleian,
# 2019)") or follows a quoted title ("“Title,” Site (…), https://…"): the readers take those.
_CHICAGO_TITLE = re.compile(r",[\u201d\"]")
_CLOCK = re.compile(r"\d:\d\d")
# Chapters cited right after a title, before the rest of the note's facts.
_CHAPTERS_INSIDE = re.compile(
    r",\s(?P<pin>(?:chs?|chaps?|bk|bks)\.\s?(?:\d+|[IVXLC]+|[ivxlc]+)(?:,\s(?:\d+|[IVXLC]+|[ivxlc]+)\b(?!\.))*)"
    r"(?=,\s(?:trans|ed|tr)\.\s[A-Z][\w.\s]{0,40}\.?$)"
)
# German law joins co-authors with a slash: "K. Zweigert/H. Kötz, Title, …" is read
# as "K. Zweigert and H. Kötz, Title, …" (initials on both sides, so "and/or" stays).
_SLASH_AUTHORS = re.compile(
    r"^(?P<first>(?:[A-Z]\.\s?)+[A-Z\u00c0-\u00dd][\w'-]+)\s?/\s?(?=(?:[A-Z]\.\s?)+[A-Z\u00c0-\u00dd])"
)
# What a note of history cites after the work's own facts: German "hier" (here) before the
# page inside an article's pages; the number of a document in an edition of documents (and
# its page); the entry of a diary after the page, "(entry of 12 May 1936)".
_PAGE_CITED = rf"\d+(?:\s?{lexicon.DASH}\s?\d+)?(?:\s?ff?\.)?"
_CITED_TAIL = re.compile(
    rf"(?:(?<=\d),\s(?:hier|bes\.|insbes\.|esp\.|especially)\s(?:S\.\s?|pp?\.\s?)?(?P<here>{_PAGE_CITED})"
    rf"|(?<=\)),\s(?P<doc>(?:(?:vol|Bd)\.\s?[\dIVXivx]+,\s)?(?:doc|docs|no|nos|Nr|Dok)\.\s?\d+[a-z]?"
    rf"(?:,\s(?:pp?|S)\.\s?{_PAGE_CITED})?)"
    r"|(?<=\d)\s\((?:diary\s)?(?:entry|Eintrag)\s(?:of|for|from|dated|vom)\s[^()]{3,40}\))\.?\s*$"
)
# Chicago's article with its first page, then the page cited: "Journal 68 (1995): 1239, 1248–53."
_FIRST_PAGE_THEN_PIN = re.compile(rf"(?<=\):\s)(?P<first>S?\d{{1,5}}),\s(?P<pin>S?{_PAGE_CITED})\.?\s*$")  # "S95, S108"
# A German dissertation's facts after the title, without a bracket: "…, Diss. phil. Berlin 1998, S. 45"
# (read as the bracket Chicago would print: "(Diss. phil. Berlin, 1998)").
# French « Titre », Revue: read as the American “Titre,” Revue (the comma inside).
_GUILLEMETS = re.compile(r"\u00ab[\s\u00a0\u202f]?(?P<title>[^\u00ab\u00bb]{1,300}?)[\s\u00a0\u202f]?\u00bb(?P<comma>,)?")
# "…, Titre, dir. (Lieu: Éditeur, 2019)": French "dir." (sous la direction de) after the
# title marks the authors before it as the book's editors; the title is read without it.
# French "dans" (in) opening the book a chapter is in: "« Titre », dans X (dir.), Livre".
_DANS = re.compile(r"(?:(?<=[\u00bb\u201d]),?\s|,\s)dans\s(?=[A-Z\u00c0-\u00dd])")  # not "cité dans X"
_DIR_AFTER_TITLE = re.compile(r",\s(?:dir|\u00e9d|\u00e9ds)\.(?=\s\()")
# German book facts the readers need not see: an exhibition catalogue's bracket after the
# volume's title "(Ausst.-Kat. Museum X, Bonn 2015)", a series in brackets with "="
# "(=Studien zur Kunst, Bd. 27)", "o.O." (ohne Ort, no place) and "Ders./" "Dies./" (the
# same person(s) as the author) opening a list of editors.
_GERMAN_BOOK_ASIDE = re.compile(
    r"\s\((?:Ausst\.-Kat\.|Ausstellungskatalog|Kat\.\sAusst\.)\s[^()]{1,200}\)(?=,)"
    r"|\s\(=\s?[^()]{1,150}\)(?=,)|\b(?:Ders|Dies|Dens)\.\s?/\s?(?=[A-Z\u00c0-\u00dd])"
)
_NO_PLACE = re.compile(r"(?<=\w),?\so\.\s?O\.(?=\s\d)")
# An edition opening the bracket of facts: "Title (First edition. Oxford: OUP, 2018)" is read
# as "Title, First edition (Oxford: OUP, 2018)".
_EDITION_IN_BRACKET = re.compile(
    r"\s\((?P<ed>(?:[A-Z]?[a-z]+|\d+(?:st|nd|rd|th))\s(?:[Ee]dition|edn\.?|ed\.))[.,]?\s(?=[A-Z][^()]{1,80}:\s[^()]+\))"
)
# A stray comma before a journal's date: "Journal 154, (2024): 16" reads as "Journal 154 (2024): 16".
_COMMA_BEFORE_DATE = re.compile(r"(?<=[\w*_]),\s(?=\((?:[A-Z][a-z]{2,8}\.?\s)?\d{4}\):\s?\d)")
_THESIS_FACTS = re.compile(
    r",\s(?P<facts>(?:Diss\.|Dissertation|Habil\.(?:-Schr\.)?)\s[^,()]{2,40}?),?\s(?P<year>1[89]\d\d|20\d\d)(?=,|\.?$)"
)
# A title in title case closing the note after the possessive, nothing else: "Roe’s History of
# the Fens.", "Roe’s *Expansion of Trade*." (its words capitalised but the small ones).
_TITLE_TO_END = re.compile(r"[*_\u201c\"]?[A-Z][\w\u2019'-]*+(?:\s(?:[A-Z][\w\u2019'-]*+|of|the|and|in|on|to|a|an|for)){0,12}"
                           r",?[*_\u201d\"]?\.?")
# An author parted from the title (or op. cit.) by a dash, as older notes print it: "Roe—*Annals*, p. 4",
# "Roe and Poe—*Title*", "Roe—op. cit. p. 8" (the names capitalised words only: "The Rise of X—IHQ" is a title).
# (unspaced, as books print it: a spaced dash parts a web page's title from its site, "Page — Site")
_AUTHOR_DASH = re.compile(r"^(?P<names>(?:[A-Z][\w.'\u2019-]*+\s(?:and\s)?){0,3}[A-Z][\w'\u2019-]++)\u2014"
                          r"(?=[*_\u201c\"]?[A-Z]|(?:op|loc)\.\s?cit\b|ibid\b)")
# An edition named by its place and year, no editor: "(Calcutta Ed., 1915)", "Calcutta Ed. 1915".
_PLACE_EDITION = re.compile(r"\b(?P<place>[A-Z][a-z]{2,20})\s(?:Ed|Edn)\.,?\s(?=1[5-9]\d\d\b)")
# The volume and page cited after a book's bracketed imprint, read as the shorter "ii. 45" the readers know.
_VOLUME_AFTER_IMPRINT = re.compile(r"(?<=\)),\s(?i:vol)\.\s?(?P<vol>[ivxlc]{1,6}|[IVXLC]{1,6})\.?,?\s(?i:p)\.\s?"
                                   r"(?P<page>\d{1,5})(?=\.?$)")
_BY_LINE = re.compile(r",\s(?:by|edited\sby)\s[A-Z]")
_FACTS_AFTER = re.compile(r"(?<!\d)(?:1[4-9]\d\d|20\d\d)(?!\d)|\b(?:vol|pp?|col)\.\s?[\divxlc]")


# "… https://… (last visited May 3, 2020)." / "(Accessed January 27, 2021)": when
# the reader saw the page, its urldate.  The readers read the citation without it.
_ACCESS_DATE = re.compile(
    r"[,.]?\s?\((?i:last\s(?:visited|accessed|updated|modified|checked)|accessed|visited|retrieved|"
    r"viewed|consulted|consultato|consult[\u00e9e]|consultado|(?:zuletzt\s)?abgerufen|letzter\szugriff)"
    r"(?:\s(?:on|at|il|le|el|am))?:?\s(?P<date>[^()]{4,40})\)\s*\.?$"
)


# "…, https://…, accessed December 11, 2016.": the same date after the URL, unbracketed.
_ACCESS_AFTER_URL = re.compile(
    r"(?<=[^\s,])[,.]?\s(?i:accessed|last\saccessed|retrieved)(?:\son)?\s(?P<date>[\w ,.]{4,40}?)\.?$"
)
_URL_ENDS = re.compile(r"https?://\S+$")
# "*Title,* Site" (Markdown italics closed after the title's comma): "*Title*, Site".
# (Not before "supra": "*See Cannan,* *supra* note 4" is a short form's author.)
_COMMA_IN_ITALICS = re.compile(r"(?<=[\w?!)]),(\*{1,2}|_{1,2})(?=\s(?![*_]{0,2}supra\b))")


# The first edition's year in brackets between a title in italics and the imprint cited.
_ORIGINAL_YEAR = re.compile(r"(?<=\*)\s\[(?P<year>1[4-9]\d\d|20\d\d)\](?=\s\()")


def parse_note(text: str) -> Reference:
    """The Reference one note's text describes; its italics ("*Title*", from
    ingest) are evidence of its title and no part of any field."""
    angled = P.URL_IN_GUILLEMETS.sub(r"<\g<url>>", text)
    if angled != text:  # "‹http://…›": a link as between angle brackets
        return replace(parse_note(angled), text=text)
    marked = without_marks(text)  # "*Titre* [en ligne], …, [consulté le 9 janvier 2017]": the medium and the day read
    if marked is not None:
        return _with_access(parse_note(marked[0]), marked[1], text)
    again = cited_again(text)  # "L. 7 agosto 1990, n. 241, cit., art. 12, che …": the work cited again
    if again is not None:
        return again
    site = site_closing(text)
    if site is not None:  # "…, 2025, example.org.": where the text is, no field of the work
        return with_site(parse_note(site.rest), site, text)
    others = P.ET_AL_WORDED.search(text)
    if others is not None and "," not in text[: others.start()] and text[:1].isupper():
        # "R. Roe e altri, *Titolo*, …": the first author and "and others", as "et al."
        return replace(parse_note(f"{text[: others.start()]} et al.{text[others.end():]}"), text=text)
    entry = read_mla_note(text)  # "Roe, Jane. *Title*. Paris: Vaillot, 1853. Print.": a works-cited entry
    if entry is not None:
        return entry
    letter = letter_in_edition(text)  # "A to B, 3 May 1912, in C (ed.), The Letters …": a letter in an edition
    if letter is not None:
        book = parse_note(letter[1])
        printed = letter_in_book(text, letter[0], book) if isinstance(book, FullRef) else None
        if printed is not None:
            return printed
    original = _ORIGINAL_YEAR.search(text)
    if original is not None:  # "*Title* [1957] (London: Penguin, 2009)": the edition cited is 2009's
        ref = parse_note(text[: original.start()] + text[original.end() :])
        if isinstance(ref, FullRef) and "origdate" not in ref.fields:
            ref = replace(ref, fields=freeze_fields({**ref.fields, "origdate": original.group("year")}))
        return replace(ref, text=text)
    if "*" in text or "_" in text:
        # "L. 7 agosto 1990, n. 241, *Nuove norme …*, art. 3": an act, its name in italics;
        # "Fondazione X, *Titolo*, 2026": a body or people, the title in italics, the year
        found = parse_provision(text) or read_titled_note(text)
        return found if found is not None else read_italic_note(text, _parse_marked_note)
    return _parse_marked_note(text)


def _with_access(ref: Reference, accessed: str, text: str) -> Reference:
    """The reading of a citation without its bracketed marks, the day it was read its ``urldate``."""
    if not isinstance(ref, FullRef) or not accessed or "urldate" in ref.fields:
        return replace(ref, text=text)
    year, iso = parse_date(accessed)
    return replace(ref, text=text, fields=freeze_fields({**ref.fields, "urldate": iso or year or accessed}))


def _first_page_then_pin(text: str, m: re.Match[str]) -> Reference | None:
    """ "…, Journal 68 (1995): 1239, 1248–53.": the article from its first page, the page cited apart."""
    ref = parse_note(text[: m.end("first")] + ".")
    if not isinstance(ref, FullRef) or m.group("first") not in (ref.pinpoint, ref.fields.get("pages")):
        return None
    fields = freeze_fields({**ref.fields, "pages": m.group("first")})
    return replace(ref, text=text, fields=fields, pinpoint=normalize_pinpoint(m.group("pin")))


def _parse_marked_note(text: str) -> Reference:
    """The Reference of ``text`` as the readers see it, italic marks and all."""
    tail = _CITED_TAIL.search(text)
    if tail is not None:  # "…, S. 1–30, hier S. 12", "…(1956), doc. 123", "…, 45 (entry of 12 May 1936)"
        ref = parse_note(text[: tail.start()] + ".")
        if isinstance(ref, FullRef) and (not tail.group("here") or isinstance(ref.fields.get("pages"), str)):
            pin = tail.group("here") or tail.group("doc")
            return replace(ref, text=text, pinpoint=normalize_pinpoint(pin) if pin else ref.pinpoint)
    first = _FIRST_PAGE_THEN_PIN.search(text)
    read = _first_page_then_pin(text, first) if first is not None else None
    if read is not None:  # "…, Journal 68 (1995): 1239, 1248–53."
        return read
    reading = _COMMA_IN_ITALICS.sub(_comma_out_of_italics, text)
    if reading != text:
        return replace(parse_note(reading), text=text)
    early = access_before_url(text)  # "… “Title.” Accessed May 3, 2020. https://…"
    if early is not None and parse_date(early[1])[0]:
        ref = parse_note(early[0])
        if isinstance(ref, FullRef) and "urldate" not in ref.fields:
            ref = replace(ref, fields=freeze_fields({**ref.fields, "urldate": parse_date(early[1])[1] or parse_date(early[1])[0]}))
        return replace(ref, text=text)
    access = _ACCESS_DATE.search(text) or _access_after_url(text)
    year, iso = parse_date(access.group("date")) if access is not None else ("", "")
    if access is None or not year or "updated" in access.group(0) or "modified" in access.group(0):
        return _parse_dated_note(text)
    whole = _parse_dated_note(text)
    if isinstance(whole, FullRef) and "urldate" in whole.fields:
        return whole  # a reader took the access date itself ("<https://…> accessed 4 June 2019")
    ref = _parse_dated_note(text[: access.start()] + ".")
    if isinstance(ref, FullRef) and "urldate" not in ref.fields:
        ref = replace(ref, fields=freeze_fields({**ref.fields, "urldate": iso or year}))
    return replace(ref, text=text)


def _access_after_url(text: str) -> re.Match[str] | None:
    """ "…, https://…, accessed December 11, 2016.": the access date right after a URL."""
    m = _ACCESS_AFTER_URL.search(text)
    if m is None or not _URL_ENDS.search(text, 0, m.start()):
        return None
    return m


def _comma_out_of_italics(m: re.Match[str]) -> str:
    """ "*Title,* Site" → "*Title*, Site" where the marks close italics opened
    before them (an odd count of them before); ",* Title*" opens italics: kept."""
    closes = m.string.count(m.group(1)[0], 0, m.start()) % 2 == 1
    return m.group(1) + "," if closes else m.group(0)


def _parse_dated_note(text: str) -> Reference:
    """The Reference of a note with no access date after it (see :func:`parse_note`)."""
    url = _URL_AFTER_PARENTHESIS.search(text.rstrip()) or _URL_INTRODUCED.search(text.rstrip())
    if url is not None and text[url.start()] == "," and _chicago_parenthesis(text, url.start()):
        url = None  # Chicago's ", https://…" after a publication's parenthesis: the readers take it
    reading = text if url is None else text[: url.start()] + "."
    ref = _read_note(text, reading)
    if isinstance(ref, FullRef) and url is not None and "url" not in ref.fields:
        ref = replace(ref, fields=freeze_fields({**ref.fields, "url": url.group("url")}))
    return _without_prose_title(ref)


def _without_prose_title(ref: Reference) -> Reference:
    """A link cited amid the writer's prose ("A visualization can be found here:
    https://…"): the page, with no title rather than the prose as its title."""
    if not isinstance(ref, FullRef) or not ref.fields.get("url") or ref.fields.get("author"):
        return ref
    title = ref.fields.get("title")
    if not isinstance(title, str) or any(ref.fields.get(k) for k in ("journal", "booktitle", "howpublished")):
        return ref
    if not prose_before_link(strip_marks(title), ref.text):
        return ref
    fields = {k: v for k, v in ref.fields.items() if k != "title"}
    return replace(ref, type="online", fields=freeze_fields(fields),
                   confidence=MappingProxyType({k: v for k, v in ref.confidence.items() if k != "title"}))


def _program_or_data(text: str) -> FullRef | None:
    """ "histmap (version 2.3), GitHub, 2020, URL": a program or a data set, before the
    legal readers take it for a web page."""
    return read_humanities_note(text, programs_only=True)


def _chicago_parenthesis(text: str, end: int) -> bool:
    """Whether the parenthesis closing at ``end`` is Chicago's, not Bluebook's date."""
    inner = text[text.rfind("(", 0, end) + 1 : end]
    return ":" in _CLOCK.sub("", inner) or _CHICAGO_TITLE.search(text, 0, end) is not None


def _read_note(text: str, reading: str) -> Reference:
    """The Reference of the note ``text``, read as ``reading`` (without its URL)."""
    reading = _GERMAN_BOOK_ASIDE.sub("", reading)
    reading = _AUTHOR_DASH.sub(r"\g<names>, ", reading, count=1)  # "Roe—*Title*, p. 4": "Roe, *Title*, p. 4"
    # ("Oudh Papers (1856)." names papers before the author-date reader takes "Oudh Papers" for a name)
    for read in (read_upright_note, read_german_law, read_named_papers, classify_note, _program_or_data,
                 _parse_legal_plain, parse_legal):
        ref = read(reading)
        if ref is not None:
            return ref if reading == text else replace(ref, text=text)
    # "ID., Titolo, …": the author is the previous citation's (relbib.resolve fills it in)
    reading = SAME_AUTHOR_MARK.sub("", reading, count=1)
    reading = _EDITORIAL_TAIL.sub(".", reading.rstrip(), count=1)
    reading = _AND_MORE_TAIL.sub(".", reading, count=1)
    reading = _EDITORIAL_INSIDE.sub("", reading)
    reading = _TRANSLATION_OF.sub(r", trans. \g<who>", reading, count=1)
    reading = _TRANS_SENTENCE.sub(" Translated by ", reading)
    reading = _POSSESSIVE_AUTHOR.sub(_author_comma, reading, count=1)
    reading = _DANS.sub(", in ", reading, count=1)
    reading = _GUILLEMETS.sub(_american_quotes, reading)
    reading = in_chicago_manner(reading)  # "„Titel“, in Dies., Hgg., …" (relbib.parse.continental_german)
    reading = _NO_PLACE.sub("", reading)
    reading = _COMMA_BEFORE_DATE.sub(" ", reading)
    reading = _EDITION_IN_BRACKET.sub(r", \g<ed> (", reading, count=1)
    reading = editor_marks(reading)
    reading = _DIR_AFTER_TITLE.sub("", reading, count=1)
    reading = _THESIS_FACTS.sub(r" (\g<facts>, \g<year>)", reading, count=1)
    reading = _SLASH_AUTHORS.sub(r"\g<first> and ", reading, count=1)
    reading = _pinpoint_last(reading)
    reading = _PLACE_EDITION.sub(r"\g<place>, ", reading, count=1)  # "Calcutta Ed. 1915": "Calcutta, 1915"
    reading = _VOLUME_AFTER_IMPRINT.sub(r", \g<vol>. \g<page>", reading, count=1)  # "(London, 1848), vol. ii. p. 4"
    doi = _DOI_TAIL.search(reading)  # "…: 126, doi:10.1000/ab.12.": read without it, the page is the pinpoint
    reading = reading[: doi.start()] + "." if doi else reading
    link = None if doi else _LINK_TAIL.search(reading)
    reading = reading[: link.start()] + link.group("page") + "." if link else reading
    ancient = _ANCIENT_YEAR.search(reading)
    if ancient is not None:
        reading = reading[: ancient.start()] + reading[ancient.end() :]
    colon = colon_author_end(reading)
    if colon is not None:
        # "R. M. Bucke: Cosmic Consciousness, …": read as "R. M. Bucke, Cosmic …"
        reading = reading[:colon] + "," + reading[colon + 1 :]
    ref = _parse_work(reading)
    if isinstance(ref, FullRef) and colon is not None:
        ref = _colon_author(ref, reading, colon)
    elif isinstance(ref, FullRef) and _particle_given(ref):
        # "Cicero, De Oratore": "De" opens the title, no given name
        ref = _colon_author(ref, reading, reading.find(","))
    if isinstance(ref, FullRef) and ancient is not None:
        ref = _with_ancient_year(ref, ancient)
    if isinstance(ref, FullRef) and link is not None and "url" not in ref.fields:
        ref = replace(ref, fields=freeze_fields({**ref.fields, "url": link.group("url")}))
    if isinstance(ref, FullRef) and doi is not None and "doi" not in ref.fields:
        ref = replace(ref, fields=freeze_fields({**ref.fields, "doi": doi.group("doi")}),
                      confidence=MappingProxyType({**ref.confidence, "doi": 1.0}))
    if isinstance(ref, FullRef):
        ref = _page_not_volume(_british_title(_one_name_author(ref), reading), reading)
        ref = organisation_lead(ref, reading)
    return ref if reading == text else replace(ref, text=text)


def _american_quotes(m: re.Match[str]) -> str:
    """ "« Titre », " → "“Titre,” "."""
    return "\u201c" + m.group("title") + ("," if m.group("comma") else "") + "\u201d"


def _page_not_volume(ref: FullRef, reading: str) -> FullRef:
    """ "Roe, A Long Title: Its Subtitle, 58.": a short note naming its title in full; the
    number closing it is the page cited, not a volume (no other fact of publication)."""
    volume = ref.fields.get("volume")
    if set(ref.fields) != {"author", "title", "volume"} or not isinstance(volume, str):
        return ref
    if ref.pinpoint or not re.search(rf",\s{re.escape(volume)}\.?$", reading.rstrip()):
        return ref
    fields = {k: v for k, v in ref.fields.items() if k != "volume"}
    confidence = MappingProxyType({k: v for k, v in ref.confidence.items() if k != "volume"})
    return replace(ref, fields=freeze_fields(fields), confidence=confidence, pinpoint=normalize_pinpoint(volume))


def _british_title(ref: FullRef, reading: str) -> FullRef:
    """The reference with its British quoted title apart from its container, and no
    edition words closing either (see :func:`relbib.parse.chicago.british_quoted_title`)."""
    kind, fields = british_quoted_title(ref.type, dict(ref.fields), reading)
    if kind == ref.type and fields == dict(ref.fields):
        return ref
    return replace(ref, type=kind, fields=freeze_fields(fields))


# Markdown emphasis around a word or a title: "*Title*", "_Id._", "**Title**".
_EMPHASIS = re.compile(r"(?<![\w*_])([*_]{1,2})(?=\S)([^*_]{1,300}?)(?<=\S)\1(?![\w*_])")


# ', "Title," 12 Yale L.J. 4': a title in quotation marks before a volume and a journal.
_QUOTED_BEFORE_VOLUME = re.compile(r'(?<=,\s)[\u201c"]([^\u201c\u201d"]{2,300}),[\u201d"](?=\s\d{1,4}\s[A-Z])')


def _parse_legal_plain(text: str) -> Reference | None:
    """A legal citation printed in Markdown ("Roe, *Title*, 12 Yale L.J. 4
    (2001)") or with its title in quotation marks, read without its emphasis
    and the marks: the legal shapes read plain text."""
    plain = _QUOTED_BEFORE_VOLUME.sub(r"\1,", _EMPHASIS.sub(r"\2", text))
    if plain == text:
        return None
    ref = parse_legal(plain)
    return None if ref is None else replace(ref, text=text)


def _colon_author(ref: FullRef, reading: str, colon: int) -> FullRef:
    """ "Bougaud: Hist. de …": the names before the colon are the whole author;
    a "given name" the reader took from after the colon goes back to the title."""
    names = split_names(reading[:colon])
    authors = ref.fields.get("author")
    if not names or not isinstance(authors, tuple) or authors == names:
        return ref
    after = reading[colon + 1 :].lstrip()
    taken = " ".join(n.given for n in authors if isinstance(n, Name) and n.given)
    if not taken or not after.startswith(taken):
        return ref
    fields = dict(ref.fields)
    fields["author"] = names
    title = fields.get("title")
    if isinstance(title, str) and title and title in after:
        fields["title"] = after[: after.index(title) + len(title)].strip(" ,.")
    elif not title:
        fields["title"] = after.split(", ", 1)[0].strip(" ,.")
    return replace(ref, fields=freeze_fields(fields))


def _one_name_author(ref: FullRef) -> FullRef:
    """ "Cicero, De Oratore, trans. …": a translated work whose title opens with one
    capitalised word and a comma is by that one name (classical authors go by one)."""
    title = ref.fields.get("title")
    if ref.fields.get("author") or not ref.fields.get("translator") or not isinstance(title, str):
        return ref
    head, sep, rest = title.partition(", ")
    if not (sep and rest and re.fullmatch(r"[A-Z][a-z]{2,}", head)):
        return ref
    return replace(ref, fields=freeze_fields({**ref.fields, "author": (Name(family=head),), "title": rest.strip()}))


def _particle_given(ref: FullRef) -> bool:
    """One author whose "given name" is a particle alone ("Cicero, De Oratore")."""
    authors = ref.fields.get("author")
    return (isinstance(authors, tuple) and len(authors) == 1 and isinstance(authors[0], Name)
            and authors[0].given[:1].isupper() and authors[0].given.lower() in name_particles())


def _with_ancient_year(ref: FullRef, m: re.Match[str]) -> FullRef:
    """ "Cicero, De Oratore, 55 BCE. Trans. …": the year of a work written before
    the common era is its original date (ISO 8601 counts 1 BCE as year 0)."""
    year = int(m.group("year"))
    bce = m.group("era").replace(".", "").upper() in ("BCE", "BC")
    value = f"-{year - 1:04d}" if bce else f"{year:04d}"
    return replace(ref, fields=freeze_fields({**ref.fields, "origdate": value}))


def _pinpoint_last(text: str) -> str:
    """ "Theologia Germanica, chaps. X, XI, trans. Winkworth, London, 1874": the
    chapters cited stand before the facts; read with them at the end."""
    m = _CHAPTERS_INSIDE.search(text)
    if m is None:
        return text
    rest = text[m.end() :].strip(" .")
    return f"{text[: m.start()]}, {rest}, {m.group('pin')}."


def _author_comma(m: re.Match[str]) -> str:
    """ "Thomas Fuller’s Church History, London, 1656" → "Thomas Fuller, Church History, …"
    (only where the note goes on to a year or a volume or page)."""
    words = m.group("names").split()
    if len(words) == 1:
        person = words[0].lower() not in known_words()  # "Ruding’s", not "Women’s"
    else:
        first = words[0].rstrip(".")
        person = first.lower() in person_titles() or len(first) == 1 or first.lower() in western_given_names()
    person = person or m.group("title")[:1] in "*_\u201c\""  # before a title in italics or quotes: its author
    about = m.group("title").strip("*_") in _ABOUT_WORDS and m.string[m.end() : m.end() + 1] in (",", ".", "")
    whole_title = _TITLE_TO_END.fullmatch(m.string, m.start("title")) is not None  # "Roe’s History of the Fens."
    # a surname that is also a word ("Bell", "Mill") before "A of B", a book title's shape
    person = person or whole_title and " of " in m.string[m.start("title") :]
    if not person or about or not (_FACTS_AFTER.search(m.string, m.end()) or whole_title):
        return m.group(0)
    if _BY_LINE.search(m.string, m.end()):
        return m.group(0)  # "Lord Roe’s Indian Years, by Ann Poe, …": a title about him, its author after "by"
    return f"{m.group('names')}, {m.group('title')}"


def _parse_work(text: str) -> Reference:
    """The Reference of a note that is no subsequent form and no legal citation."""
    entry = _QUOTED_ENTRY_SENSE.match(text.strip())
    if entry is not None:  # "‘Ledger, n.2’ Definition 1": a dictionary entry cited again, by its sense
        return ShortRef(text=text, authors=(), short_title=entry.group("title"), pinpoint=entry.group("pin"))
    # a review; "Statistisches Jahrbuch, 44 (1925), 3"; "Quarterly Review, vol. xii. (1815) p. 3"
    review = read_review(text) or read_serial_volume(text) or read_older_periodical(text)
    if review is not None:
        return review
    # "BArch, R 43 I/1234, fol. 56"; "Minute, dated …"; "Punjab Papers, 1849, p. 3"
    archived = read_archival_note(text) or read_dated_paper(text) or read_named_papers(text)
    if archived is not None:
        return archived
    byline = read_title_alone(text) or read_byline_note(text)  # "*Arts*, p. 4."; "*Arts*, by J. C. Roe, …"
    if byline is not None:
        return byline
    ref = parse_short_note(text) or read_older_note(text)  # "Mill, Logic, vol. ii. p. 34."
    if ref is not None:
        return ref
    web = read_bare_link(text) or read_web_first(text)  # "See https://…"; "“Title,” Site, last modified …, URL"
    if web is not None:
        return web
    archival = read_humanities_note(text, archival_only=True)
    if archival is not None:
        return archival
    ref = parse_reference(text, note=True)
    if isinstance(ref, FullRef) and ref.confidence and min(ref.confidence.values()) >= 1.0:
        return ref  # the rule readers of reference.py read the whole note
    return read_humanities_note(text) or ref
