"""A note of a title in italics and a locator only: "*Chartism*, p. 34, *et seq*." → a FullRef.

Input: the text of one note (italics as ``*…*``, from ingest) that no
subsequent-form, legal or archival reader took.
Output: for a note that is one italic run (the title) and then nothing but a
locator — pages, a volume, a chapter, a section, "et seq.", "etc." — a FullRef
of the title and the pinpoint; else None.  Older books cite a work again by its
title alone ("*Chartism*, p. 40.", "*Philosophy of Manufactures*, p. 298."),
and name a work by its title the first time when the text named its author
("*Origin of Species*, Chap. III."); the resolver decides which (a FullRef
that only names a title is a short form when an earlier source has that title).
Never: read a note with anything besides the title and the locator (an author,
an imprint, a remark: other readers take those), look at other notes, or touch
files.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from relbib import lexicon
from relbib.model import FullRef, freeze_fields
from relbib.parse.forms import normalize_pinpoint

__all__ = ["read_title_alone"]

# A signal before the title: "See", "Compare", "Cf.".
_SIGNAL = r"(?:(?:See|Compare|Comp\.|Cf\.)(?:\salso)?,?\s)?"
# (and an appendix: "App. Part II, p. 9", a report's)
_WORDS = "|".join(sorted((re.escape(w) for w in lexicon.old_locators() | {"app", "appendix"}
                          if w not in {"l", "c", "t", "v", "s"}), key=len, reverse=True))
# One number of a locator: "34", "xiv", "IV", "13–17", "9, 39; 133" joined below.
_NUM = rf"(?:\d{{1,4}}|[ivxlc]{{1,7}}|[IVXLC]{{1,7}})(?:\s?{lexicon.DASH}\s?(?:\d{{1,4}}|[ivxlc]{{1,7}}))?"
# One part: an optional locator word and its numbers ("p. 34", "pp. 28, 31", "vol. II", "ch. 8").
_PART = rf"(?:(?i:{_WORDS})\.?\s)?(?:(?i:{_WORDS})\.?\s?)?{_NUM}(?:\s?[,;]\s?{_NUM})*"  # "App. Part II"
# The rest of a locator: "et seq.", "etc.", "ff.", "passim".
_MORE = r"(?:,?\s(?:\*?et\sseq\.?\*?|etc\.?|ff?\.|\*?passim\*?))*"
_TITLE_ALONE = re.compile(
    rf"^{_SIGNAL}\*(?P<title>[^*]{{2,200}})\*(?:[,.]?\s(?P<pin>{_PART}{_MORE}(?:[,.]?\s{_PART}{_MORE})*))?[.,]?\s*$"
)
# A newspaper's or a periodical's issue: "*Times*, Oct. 12th, 1843.", "*The Artisan*, October, 1842.",
# "*Daily Post*, March 3."; the month any language's (lexicon), the day with or without "th".
_MONTH = "|".join(sorted((re.escape(w) for w in lexicon.month_words(("en",), folded=False) if w.isalpha()),
                         key=len, reverse=True))
_ISSUE = re.compile(
    rf"^{_SIGNAL}\*(?P<paper>[^*]{{2,80}})\*,\s(?P<month>(?i:{_MONTH}))\.?"
    r"(?:\s(?P<day>\d{1,2})(?:st|nd|rd|th|d)?)?(?:,?\s(?P<year>1[5-9]\d\d|20\d\d))?[.,]?\s*$"
)
# A title run that is a signal or a Latin remark, not a title.
_NOT_A_TITLE = re.compile(r"(?i)^(?:ibid|ibidem|id|idem|op\.?\s?cit|loc\.?\s?cit|supra|infra|passim|see|cf)\b")


def read_title_alone(text: str) -> FullRef | None:
    """The work a note of its italic title and a locator cites, or the
    newspaper issue a note of its italic name and a date cites; or None."""
    issue = _read_issue(text)
    if issue is not None:
        return issue
    m = _TITLE_ALONE.match(text.strip())
    if m is None or _NOT_A_TITLE.match(m.group("title")):
        return None
    title = m.group("title").strip(" ,.")
    if not title[:1].isupper() or not re.search(r"[A-Za-z]{3}", title):
        return None
    pin = m.group("pin")
    fields = {"title": title}
    if pin is not None:
        pin = re.sub(r",?\setc\.?$", "", pin.replace("*", ""))  # "et seq." stays, as printed
        pin = _facts_before_page(pin, fields)
        pin = re.sub(r"^pp?\.\s?(?=\d(?:[^a-z]|et\sseq)*$)", "", pin)  # "pp. 28, 31" → "28, 31", not "vol. II, p. 4"
    return FullRef(text=text, type="book", fields=freeze_fields(fields),
                   confidence=MappingProxyType(dict.fromkeys(fields, 1.0)),
                   pinpoint=normalize_pinpoint(pin) if pin else None)


# A year or a Roman volume before the page cited: "*Title*, 1900, p. 39", "*Title*, II pp. 146, 147".
_FACT_BEFORE_PAGE = re.compile(r"^(?:(?P<year>1[5-9]\d\d|20\d\d),|(?P<volume>[IVXLC]{1,6}),?)\s(?=pp?\.\s?\d)")


def _facts_before_page(pin: str, fields: dict[str, str]) -> str:
    """The pinpoint without the year or volume before its page, which go into ``fields``."""
    m = _FACT_BEFORE_PAGE.match(pin)
    if m is None:
        return pin
    fields["year" if m.group("year") else "volume"] = m.group("year") or m.group("volume")
    return pin[m.end():]


def _read_issue(text: str) -> FullRef | None:
    """ "*Times*, Oct. 12th, 1843.": the paper is the container, the issue has no title."""
    m = _ISSUE.match(text.strip())
    if m is None or _NOT_A_TITLE.match(m.group("paper")):
        return None
    fields: dict[str, str] = {"journal": m.group("paper").strip(" ,.")}
    if m.group("year"):
        fields["year"] = m.group("year")
        month = lexicon.month_number(m.group("month"))
        if month is not None:
            day = f"-{int(m.group('day')):02d}" if m.group("day") else ""
            fields["date"] = f"{m.group('year')}-{month:02d}{day}"
    return FullRef(text=text, type="article", fields=freeze_fields(fields),
                   confidence=MappingProxyType(dict.fromkeys(fields, 1.0)), pinpoint=None)
