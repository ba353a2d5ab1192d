"""The patterns that cut a note into citations: signals and lead-ins that open
a citation, and the marks that show a piece cites a work.

Input: none (regex constants). Output: compiled patterns for ``parse.split``.
Must never: hold a word list that belongs in the lexicon.
"""

from __future__ import annotations

import re

from relbib import lexicon

__all__ = ["CITES", "CLOSE_QUOTE", "QUOTE_SOURCE", "TITLE_CITED_OPENS", "ITALIC_OPENS_EARLY", "LEAD_END", "LEAD_IN", "OPEN_QUOTE", "POSSESSIVE_OPENS", "SIGNAL", "STRONG",
           "STRONG_IN_PROSE", "TOPIC_LEAD_EN", "URL_THEN_SIGNAL", "YEAR"]

# A signal or lead-in opening a citation (Bluebook 1.2, Chicago, OSCOLA),
# Markdown italics allowed around it.  Group ``signal``.
SIGNAL = re.compile(
    r"^[*_]{0,2}(?P<signal>(?:and\s+)?(?:"
    r"see,?\s+e\.\s?g\.|see,?\s+eg|see,?\s+for\s+example|see,?\s+inter\s+alia|inter\s+alia|for\s+example|see\s+also|see\s+generally|see\s+especially|see\s+further|see,\s+however|see|"
    # OSCOLA prints "cf" and "eg" without full stops
    r"but\s+see|but\s+cf\.?|but\s+compare|cf\.|cf(?=\s)|compare|with|accord|contra|e\.\s?g\.|eg(?=\s)|"
    r"(?:as\s+)?(?:quoted|cited|discussed|reproduced)\s+in|(?:quoted|cited|taken)\s+from|also|"
    r"vgl\.(?:\s+(?:auch|dazu|hierzu|etwa|nur|ferner|insbesondere))?|"
    r"zit\.\s+nach|zitiert\s+nach|cit[\u00e9e]e?s?\s+(?:dans|par|in)|citat[oa]\s+(?:in|da)|cit\.\s+in|"  # "quoted in" (de, fr, it)
    r"siehe(?:\s+(?:auch|dazu|hierzu|etwa))?|so\s+auch|ebenso|sowie|zum\s+beispiel|z\.\s?b\.|etwa|u\.\s?a\.(?=\s+[A-Z])|"
    r"voir(?:\s+(?:aussi|[\u00e9e]galement|notamment))?|v\.,?\s+(?:aussi|anche|tambi[\u00e9e]n|ex\s+multis|ex\s+plurimis|per\s+tutti|da\s+ultimo)|ex\s+multis|vid\.|v[\u00e9e]an?se(?:\s+(?:tambi[\u00e9e]n|adem[\u00e1a]s))?"
    # Italian "see": "Si veda", "Si vedano anche", "Vedi anche"
    r"|si\s+ved(?:a|ano)(?:\s+(?:anche|pure|inoltre|ora|altres[\u00ec\u00ed]))?|vedi(?:\s+(?:anche|pure|inoltre))?"
    r"|cos[\u00ec\u00ed](?:,?\s+testualmente)?|conf\.|in\s+(?:tal|questo)\s+senso|nello\s+stesso\s+senso|cfr\.)|and(?=\s+[*_\u201c\"A-Z])|(?-i:e|et|und|y)(?=\s+[*_\u201c\"A-Z\u00c0-\u00de])),?[*_]{0,2}[,:]?(?=\s)\s*",  # "See: Roe, …" too
    re.IGNORECASE,
)
# "On the reception of X, see" / "For an overview, see also": a lead-in that
# ends with a signal.  The lead-in holds no citation mark of its own.
LEAD_IN = re.compile(
    r"^(?P<signal>[A-Z][^;()\d\u201c\"]{2,160}?(?:,?\s+[*_]{0,2}(?:see|cf\.|cfr\.|vgl\.|siehe|u\.\s?a\.(?!,)|voir|si\s+veda|v[\u00e9e]ase)|,\s+v\.)(?:\s+anche|\s+aussi|\s+auch|\s+also|\s+generally|\s+especially"
    r"|,?\s+e\.\s?g\.,?)?[*_]{0,2}),?:?\s+(?=\S)"
)
# The end of a prose lead-in, and what a lead-in never holds.
# ("would be Ann Roe’s *Title*", "we refer to Roe’s *Title*": before a possessive author)
_NOT_AFTER_ARTICLE = "".join(rf"(?<!\b{a})" for a in lexicon.definite_articles() if a.isalpha())
LEAD_END = re.compile(r"\b(?:in|by|see:?|from|via|is|was|are|were|remains|be|to|according\sto|di|da|anche|de|par|en|bei"
                      r"|ist|sind|war|aus)\s+(?=[*_]?[A-Z])"  # "Ein Beispiel ist Anna Berg, …", "entnommen aus …"
                      # "… die Fassung von Anna Berg, …": a person's given and family names after "von"
                      # (not "von Editionen, ZfE": a title's noun)
                      r"|\bvon\s+(?=[A-Z][\w'\u2019-]+(?:\s[A-Z](?:[\w'\u2019-]+|\.)){1,2},\s)"
                      r"|\bin\sthe\s(?=[*_][A-Z])"  # "… a criticism of it in the *Review*, II 287": a periodical
                      r"|\bin\s(?=\u201c[A-Z])"  # "Ada Roe analyzes it in “Title,” in Book": a quoted title
                      r"|:\s+(?=[\u2018\u201cA-Z])"
                      # before upright names, a comma and a quoted title: "… für die Predigt Lena Dorn und
                      # Kai Sand, „Title“" (German prose names a work's authors without a preposition)
                      # (not after an article: "der Predigt Lena Dorn" — "Predigt" is a noun)
                      r"|" + _NOT_AFTER_ARTICLE + r"\s(?=[A-Z\u00c0-\u00dd][\w'\u2019-]+(?:\s(?:[A-Z]\.|[A-Z\u00c0-\u00dd][\w'\u2019-]+)){1,2}"
                      r"(?:\sund\s[A-Z\u00c0-\u00dd][\w'\u2019-]+(?:\s(?:[A-Z]\.|[A-Z\u00c0-\u00dd][\w'\u2019-]+)){1,2})?,\s[\u201e\u201c])"
                      # a German lead closed by its verb: "Einen Überblick bietet Ida Brand: …"
                      rf"|\b(?:{'|'.join(sorted(lexicon.lead_verbs()))})\s+(?=[A-Z\u00c0-\u00dd])")
# A quotation's source line closing the note after the quotation: "… made well.” *Title*,
# 1900, p. 39" / "… reconciles me.” R. L. Roe: *Letters*, II 355" (an endnote that quotes,
# then names its source; Standard Ebooks' <cite>).  The cut stands before the source.
QUOTE_SOURCE = re.compile(
    r"(?<=[.?!\u2026][\u201d\u2019\"])\s+(?=(?:[A-Z][\w.'\u2019-]*(?:\s(?:and\s)?[A-Z\u00c0-\u00de][\w.'\u2019-]*){0,4}(?::|(?<=[\u2019']s))\s)?"
    r"\*[^*\n]{1,200}\*(?:[,.]?\s?[^*\u201c\u201d\n]{0,100})?$)"
)
# A title in italics and the page or volume cited opening a sentence: "*Title*, p. 85", "*Title*, II 287".
TITLE_CITED_OPENS = re.compile(r"[*_][A-Z][^*_\n]{1,200}[*_],\s(?:pp?\.\s?)?[\dIVXLC]")
# Marks of a citation.
YEAR = re.compile(r"(?<!\d)(?:1[4-9]\d\d|20\d\d)(?!\d)")
CITES = re.compile(
    r"\d|[\u201c\u201d\"]|\*\w|_\w|https?://|www\.|doi|\bv\.\s|§|\b(?:ed|eds|trans)\."
    r"|\b(?:chs?|chaps?|bks?)\.\s?[ivxlc]",  # "chaps. X, XI"
    re.IGNORECASE,
)
STRONG = re.compile(
    r"\(\s*[^()]*(?:1[4-9]\d\d|20\d\d)\s*\)|\bpp?\.\s*\d|[\u201c\"][^\u201c\u201d\"]{3,}[\u201d\"]"
    r"|\*(?![a-z]+\*)[^*]{3,}\*|https?://|\bv\.\s|§|\b\d+\s+[A-Z][A-Za-z.\s]{1,30}\d"  # (not one word stressed: "*landed*")
    r"|(?<!\d)(?:1[4-9]\d\d|20\d\d),\sS\.\s?\d",  # German "Princeton 2017, S. 198"
)
# The same marks where the note reads as prose: a quotation there counts only
# in a title's place, after a comma, colon or full stop (Smith, “Title,”),
# and only as long as a title (not a quoted passage), not inside a sentence
# (they styled it the “Brooke House Committee.”).
STRONG_IN_PROSE = re.compile(
    r"\(\s*[^()]*(?:1[4-9]\d\d|20\d\d)\s*\)|\bpp?\.\s*\d|(?:^|[,.:;]\s)[\u201c\"\u00ab][^\u201c\u201d\"\u00ab\u00bb]{3,150}[\u201d\"\u00bb]"
    r"|\*(?![a-z]+\*)[^*]{3,}\*|https?://|\bv\.\s|§|\b\d+\s+[A-Z][A-Za-z.\s]{1,30}\d"  # (not one word stressed: "*landed*")
    r"|(?<!\d)(?:1[4-9]\d\d|20\d\d),\sS\.\s?\d",  # German "Princeton 2017, S. 198"
)
# A quotation mark opening a title and one closing it (an apostrophe inside a word is neither).
OPEN_QUOTE = re.compile(r"(?:^|(?<=[\s(]))[\u2018\u201c'\"](?=\w)")
CLOSE_QUOTE = re.compile(r"(?<=[\w.,?!])[\u2019\u201d'\"](?=[\s,.;:)]|$)")
# Italics opened before the comma that ends the author, as text converted from a PDF marks them:
# "A Hucke*, Erforderlichkeit …*" is "A Hucke, *Erforderlichkeit …*".
ITALIC_OPENS_EARLY = re.compile(r"^([^*]{2,120}?[a-z\u00e0-\u00ff])\*(,\s)(?=[A-Z\u00c0-\u00dd])")
# A topic after "See" ("See on this approach M Oderkerk, …", "See for comparative overviews A Hucke, …",
# "See on different approaches also J Peter and J Olson, …"): to the author's initials and surname.
TOPIC_LEAD_EN = re.compile(
    r"(?:on|for)\s(?:[^\d,:;()*\u2018\u201c'\"]{1,80}?\s)??(?:also\s)?"
    r"(?=(?:[A-Z]\.?\s?){1,3}[A-Z][\w'\u2019-]+(?:\*?,|\sand\s))"
)
# ", see also" after a URL: "…, available at http://roe.net/essay/, see also Hale, *Title* (…)".
URL_THEN_SIGNAL = re.compile(r"https?://[^\s,;]{1,300}+(?P<cut>,\s+)(?=[*_]{0,2}(?:see|cf\.)\b)", re.IGNORECASE)
# "Douglas Roe’s *Program or Be Programmed* (…)": an author in the possessive before a title in italics
# or quotation marks.
POSSESSIVE_OPENS = re.compile(r"^(?:[A-Z][\w-]*\.?\s){0,3}[A-Z][\w-]+[\u2019']s\s[*_\u201c\"]")
# "Vgl. Roe, Kurztitel, S. 140-142, Doe / Poe, Titel, S. 9": a German short form after the
# page of another, joined by a comma alone; the cut stands before the next surname(s) or
# an interview ("…, S. 155, Interview mit Eva Roe, 2000"), or before "oder auch"/"sowie" and
# the next work.
_SEITE = r"(?:\d{1,5}|[IVXLC]{1,8})(?:\s?[-\u2013]\s?(?:\d{1,5}|[IVXLC]{1,8}))?(?:\s?ff?\.?)?"
PAGE_THEN_NEXT = re.compile(
    rf"\bS\.\s?{_SEITE}(?:,\s{_SEITE})*(?P<cut>,\s)(?=[A-Z\u00c0-\u00dd][\w'\u2019-]+(?:\s?/\s?[A-Z\u00c0-\u00dd][\w'\u2019-]+)*,\s|(?:Interview|Gespräch)\smit\s|oder\sauch\s|sowie\s)"
)
# A sentence opening with a date and going on to a link or ending there: the date of the
# work before it, a blog post's or a site's ("@roeblog. May 4, 2013, https://…"), no author "May".
_MONTHS_EN = lexicon.month_pattern("en")
DATE_OPENS = re.compile(
    rf"^(?:(?i:{_MONTHS_EN})\.?\s\d{{1,2}},\s(?:1[5-9]\d\d|20\d\d)|\d{{1,2}}\s(?i:{_MONTHS_EN})\.?\s(?:1[5-9]\d\d|20\d\d))"
    r"(?:[.,]?\s*$|,\s<?https?://)"
)
# An author run and an italic title with no comma between them, the facts of publication
# after the title: "M. E. J. Newman *Networks* (Oxford: …, 2010)" → "M. E. J. Newman, *Networks* …".
NAME_BEFORE_ITALIC = re.compile(
    rf"^((?:[A-Z]\.\s?){{1,3}}[A-Z][\w'\u2019-]+(?:\s(?:{lexicon.particle_pattern()})\s[A-Z][\w'\u2019-]+)?"
    r"|[A-Z][a-z]+\s(?:[A-Z]\.\s)?[A-Z][\w'\u2019-]+"
    # a surname alone before a title and its number or page: "Majumdar *Title* No. 238, pp. 457-60"
    r"|[A-Z][a-z]{2,30}(?=\s\*[A-Z][^*]{1,200}\*,?\s(?:No\.|pp?\.|[Vv]ol\.)\s?\d))"
    r"(?<!'s)(?<!\u2019s)\s(?=\*[A-Z][^*]{1,200}\*(?:\s?\([^()]*\b(?:1[5-9]|20)\d\d\)|,?\s(?:No\.|pp?\.|[Vv]ol\.)\s?\d))"
)
# "…, 129-56 (134).": the page cited in brackets after the work's range (not a year:
# Bluebook's "218, 226–27 (2001)").
BRACKETED_PIN = re.compile(
    rf"(?:(?<=\d{lexicon.DASH}\d)|(?<=\d{lexicon.DASH}\d\d)|(?<=\d{lexicon.DASH}\d\d\d))"
    rf"\s*\((?!(?:1[4-9]|20)\d\d\))(?P<pin>\d+(?:\s*{lexicon.DASH}\s*\d+)?)\)\s*\.?\s*$"
)
