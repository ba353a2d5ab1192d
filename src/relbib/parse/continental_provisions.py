"""Continental notes that cite a provision of a code, constitution or treaty.

Input: the text of one note (signals already split off, spaces normalised).
Output: a FullRef of type ``legislation`` whose ``title`` is the code as printed
("c.c.", "BGB", "C. civ.", "LJCA", "TFUE") or the act by its kind and date or number
("L. 7 agosto 1990, n. 241", with its ``year``), and whose pinpoint is the provision
("Art. 114, c. 1", "§ 823 Abs. 1", "art. L. 8-2"); None for anything else.
Never: read a provision without a code it names (a bare "Art. 114, c. 4" cites
nothing a library can hold), guess a code outside ``lexicon/data/codes.tsv``, look
at other notes or touch a file.

The shapes: ``Art. 2043 c.c.`` / ``Art. 114, comma 4, lett. c), c.p.a.`` /
``Artt. 2043 e 2059 c.c.`` / ``§ 823 Abs. 1 S. 2 BGB`` / ``§§ 885 ff. ZPO`` /
``art. L. 8-2 CJA`` / ``art. 24 CE`` / ``Art. 113 Cost.: “…”`` (the provision's
words quoted after it) / ``LJCA, art. 103`` (the code first).
"""

from __future__ import annotations

import re
from functools import cache
from types import MappingProxyType

from relbib import lexicon
from relbib.model import FullRef, freeze_fields

__all__ = ["PROVISION", "parse_provision"]

# The word before the article's number: Italian "art."/"artt.", French "article",
# Spanish "artículo", German "§"/"§§" and "Art." (Grundgesetz).
_ARTICLE_WORD = r"(?:[Aa]rtt?\.|[Aa]rt(?:icles?|[íi]culos?|ikel)|[Rr]ecitals?|§§?)"  # an EU act's "Recital 38 GDPR" too
# An article's number: "2043", "114-bis", "L. 8-2" / "R. 921-5" (French code parts), "113/5".
_ARTICLE_NUMBER = (
    r"(?:[LRDA]\.?\s?)?\d+(?:[-./]\d+)*[a-z]?(?:[-\s](?:bis|ter|quater|quinquies|sexies|septies|octies))?"
)
# A division of the article: "c. 1", "comma 4", "lett. c)", "Abs. 1", "S. 2", "Nr. 3",
# "al. 2", "ap. 3", "par. 2", "para. 2", "n. 4"; several may follow one another.
_DIVISION = (
    r"(?:c\.|co\.|comm[ai]|lett\.|let\.|Abs\.|Satz|S\.|Nr\.|Ziff\.|UAbs\.|Buchst\.|lit\.|al\.|alin[ée]a|ap\.|apartado"
    r"|par\.|paras?\.|paragraf[oi]|n\.|no\.)\s?[\w]{1,6}\)?"
)
# Joining numbers or divisions: "2043 e 2059", "1 und 2", "4 et 5", "1 y 2", "885 ff.", "1-3".
_JOIN = r"(?:\s?(?:e|ed|und|et|y|and|,)\s|\s?[-\u2013]\s?)"
_FOLLOWING = r"(?:\s?(?:ff?|ss|e\sss)\.)?"
_PROVISION = (
    rf"{_ARTICLE_WORD}\s?{_ARTICLE_NUMBER}{_FOLLOWING}"
    rf"(?:{_JOIN}{_ARTICLE_NUMBER}{_FOLLOWING})*"
    rf"(?:,?\s{_DIVISION}{_FOLLOWING}(?:{_JOIN}[\w]{{1,6}}\)?)*)*"
)
PROVISION = _PROVISION  # for the readers of acts named otherwise (relbib.parse.legal_eu)
# What may follow the code: the provision's words quoted, after a colon.
_QUOTED_TAIL = r"(?::\s?[*_]{0,2}[\u201c\u00ab\"\u2018].*)?"


# An act by its kind and date or number: "L. 7 agosto 1990, n. 241", "L. 2248 del 1865", "d.lgs. n.
# 36/2023", "Decreto del 16-24 agosto 1790 sull'ordinamento giudiziario", "Ley 39/2015, de 1 de octubre",
# "Loi n° 2016-1321 du 7 octobre 2016"; then the article cited, or the provision's words quoted.
_ACT_KIND = (
    r"(?:L\.|l\.|[Ll]egge(?:\scostituzionale)?|L\.\s?cost\.|D\.\s?[Ll]gs\.|d\.\s?lgs\.|D\.\s?L\.|d\.l\.|D\.P\.R\.|d\.P\.R\."
    r"|R\.D\.|r\.d\.|D\.M\.|d\.m\.|[Dd]ecreto(?:\s[Ll]egislativo)?|[Ll]ey(?:\s[Oo]rg[\u00e1a]nica)?|Real\sDecreto"
    r"|[Ll]oi(?:\sorganique)?|[Dd][\u00e9e]cret|[Oo]rdonnance)"
)
_ACT = re.compile(
    rf"^(?P<act>{_ACT_KIND}\s(?:n[.\u00b0]\s?)?(?:"
    r"\d{1,2}\s[^\W\d]{3,10}\.?\s(?P<y1>\d{4})(?:,\s(?:n\.|n\u00b0)\s?\d+)?"
    r"|\d+(?:-\d+)?(?:/|\sdel\s)(?P<y2>\d{4})(?:,\s(?:de|du)\s\d{1,2}\s(?:de\s)?[^\W\d]{3,10})?"
    r"|(?:\d{4}-\d+\s)?(?:del|du|de|vom)\s\d{1,2}(?:-\d{1,2})?\s(?:de\s)?[^\W\d]{3,10}\s(?:de\s)?(?P<y3>\d{4})(?:\s[^,:;\u201c\u00ab\d]{2,80})?))"
    r"(?:,\s(?P<pin>(?:[Aa]rtt?\.|§)\s?\d.*?))?(?::\s?[*_]{0,2}[\u201c\u00ab\"\u2018].*)?\.?$"
)
# The act's name after it, in italics, quotation marks or brackets: "L. 7 agosto 1990, n. 241,
# *Nuove norme …*", "D.Lgs. 31 marzo 2023, n. 36 (Codice dei contratti pubblici)".
_ACT_NAME = r"(?:,\s(?:\*[^*]{2,200}\*|_[^_]{2,200}_|\u00ab[^\u00bb]{2,200}\u00bb|\u201c[^\u201d]{2,200}\u201d)|\s\([^()]{2,120}\))"
# The official journal that printed it: "in Gazzetta Ufficiale n. 223 del 25 settembre 2025",
# "G.U. n. 77", "BOE núm. 236", "JORF n° 0235", "BGBl. I S. 2", up to its own date.
_GAZETTE = r"(?:G(?:azzetta\s[Uu]fficiale|\.\s?U\.|U(?:RI)?)|BOE|JORF|J\.O\.|BGBl\.)(?:\s[^,;:]{1,60}?)?"
# The act with its name, the provisions cited (joined by "e"), the journal, and the writer's
# words after them: "…, art. 226, comma 1, sull'abrogazione del …" (no part of the citation).
_NAMED_ACT = re.compile(
    rf"^(?P<act>{_ACT_KIND}\s(?:n[.\u00b0]\s?)?(?:"
    r"\d{1,2}°?\s[^\W\d]{3,10}\.?\s(?P<y1>\d{4})(?:,\s(?:n\.|n\u00b0)\s?\d+)?"
    r"|\d+(?:-\d+)?/(?P<y2>\d{4})))"
    rf"{_ACT_NAME}?(?:,\s(?P<pin>{_PROVISION}(?:,?\s(?:e|ed|et|y|and)\s(?:{_PROVISION}|\d+[\w-]{{0,10}})){{0,4}}))?"
    rf"(?:,\s(?:in\s)?(?P<gazette>{_GAZETTE}))?(?:,\s[a-z\u00e0-\u00f9][^;]{{0,400}})?\.?$"
)


@cache
def _shapes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    codes = "|".join(re.escape(code) for code in lexicon.code_abbreviations())
    code = rf"(?P<code>{codes})(?![\w])"
    return (
        re.compile(rf"^(?P<provision>{_PROVISION}),?\s(?:(?:del|des|de|der|du)\s)?{code}\.?{_QUOTED_TAIL}$"),
        re.compile(rf"^{code},\s(?P<provision>{_PROVISION})\.?$"),
    )


def parse_provision(text: str) -> FullRef | None:
    """The provision of a code ``text`` cites (see the module docstring), or None."""
    clean = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(";").strip()
    act = _NAMED_ACT.match(clean) or _ACT.match(clean)
    if act is not None:
        years = act.groupdict()
        fields = {"title": act.group("act"), "year": next(years[k] for k in ("y1", "y2", "y3") if years.get(k))}
        gazette = act.groupdict().get("gazette")
        if gazette:
            fields["howpublished"] = gazette.strip()
        return FullRef(
            text=text, type="legislation", fields=freeze_fields(fields),
            confidence=MappingProxyType(dict.fromkeys(fields, 1.0)), pinpoint=act.group("pin"),
        )
    for shape in _shapes():
        m = shape.match(clean)
        if m is not None:
            code = m.group("code")
            provision = m.group("provision").strip().rstrip(",")
            return FullRef(
                text=text, type="legislation", fields=freeze_fields({"title": code}),
                confidence=MappingProxyType({"title": 1.0}), pinpoint=provision,
            )
    return None
