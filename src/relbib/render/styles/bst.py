"""BibTeX's standard styles (plain.bst and kin), ported to pybtex rich text.

Input: pybtex entries, as a .bib file or :mod:`relbib.render.convert` makes them.
Output: one entry as pybtex rich text, exactly as BibTeX typesets it with the
real plain.bst, unsrt.bst, alpha.bst or abbrv.bst: ``A. Khan and O. F. Ali.
Russia’s revival in south asia: Nato and the new balance. *Strategic
Studies*, 41(2):43–65, March 2021.``
Never: read files, or print a field the .bst has no place for (URL, DOI,
ISBN): the four .bst files differ only in sorting, labels, initials and
month macros, and share this body.

Each ``_type`` function below follows the .bst function of that name line
by line; :class:`_Output` is the .bst's ``output``/``new.block``/
``new.sentence`` machinery.  A missing required field is skipped, as BibTeX
skips it with a warning.  Cross-references (``crossref``) are not followed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pybtex.richtext import Protected, String, Symbol, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.names import plain as plain_names

from relbib import lexicon
from relbib.crosswalk import BIBTEX_STYLE_TYPES
from relbib.render.convert import MARKS, protect, unprotect_ligatures

_NAMES = plain_names.NameStyle()
# the .bst's month macros (jan -> January); abbrv's are its own
_MONTH_MACROS = {name[:3].lower(): name for name in lexicon.months("en")}
# a run's font (:data:`relbib.render.convert.MARKS`) -> the rich-text tag
_MARK_TAGS = {MARKS["i"]: "em", MARKS["b"]: "strong", MARKS["sup"]: "sup", MARKS["sub"]: "sub",
              MARKS["sc"]: ""}
# TeX's ligatures of the characters a .bib holds as they are: what TeX
# typesets for them (longest first)
_LIGATURES = (("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"),
              ("!`", "\u00a1"), ("?`", "\u00bf"), ("`", "\u2018"), ("'", "\u2019"))
_BEFORE_ALL, _MID_SENTENCE, _AFTER_SENTENCE, _AFTER_BLOCK = range(4)


# --- the .bst's built-in functions --------------------------------------------


def change_case_t(text: Text) -> Text:
    """BibTeX's ``"t" change.case$``: ASCII capitals lowered, except the first
    character and one after a colon and a space; braced groups as they are."""
    out: list[Any] = []
    first, colon, after_space = True, False, False
    for part in text.parts:
        if not isinstance(part, String):
            out.append(part)  # a braced group (or markup) is never recased
            first, colon, after_space = False, False, False
            continue
        chars = []
        for ch in part.value:
            keep = first or (colon and after_space)
            chars.append(ch.lower() if "A" <= ch <= "Z" and not keep else ch)
            if ch == ":":
                colon = True
            elif ch not in " \t\n":
                colon = False
            first, after_space = False, ch in " \t\n"
        out.append(String("".join(chars)))
    return Text(*out)


def _ligature_string(value: str) -> str:
    # every `, -- and ' is replaced, so nothing is left to protect again
    text = unprotect_ligatures(value)
    for pair, char in _LIGATURES:
        text = text.replace(pair, char)
    return text


def tex_ligatures(text: Any) -> Any:
    """``text`` with TeX's quote and dash ligatures typeset (' → ’, -- → –)."""
    if isinstance(text, String):
        return String(_ligature_string(text.value))
    if isinstance(text, Symbol) or not hasattr(text, "parts"):
        return text
    return text._create_similar(tex_ligatures(part) for part in text.parts)


class _Output:
    """The .bst's output state: ``output``, ``new.block``, ``new.sentence``."""

    def __init__(self) -> None:
        self.text = Text()
        self.state = _BEFORE_ALL

    def out(self, piece: Any) -> None:
        """``output``: nothing when empty, else the separator the state asks."""
        if not piece:
            return
        if self.state == _MID_SENTENCE:
            self.text = Text(self.text, ", ")
        elif self.state == _BEFORE_ALL:
            pass
        else:
            self.text = Text(self.text.add_period(), " ")
        self.text = Text(self.text, piece)
        self.state = _MID_SENTENCE

    def block(self, *fields: Any) -> None:
        """``new.block`` (``new.block.checka``/``b`` when given fields: only
        when one of them is non-empty)."""
        if fields and not any(fields):
            return
        if self.state != _BEFORE_ALL:
            self.state = _AFTER_BLOCK

    def sentence(self, *fields: Any) -> None:
        """``new.sentence`` (``new.sentence.checka``/``b`` with fields)."""
        if fields and not any(fields):
            return
        if self.state not in (_BEFORE_ALL, _AFTER_BLOCK):
            self.state = _AFTER_SENTENCE

    def mid_sentence(self) -> bool:
        return self.state == _MID_SENTENCE

    def finish(self) -> Text:
        return self.text.add_period()


# --- the .bst's format.* functions -----------------------------------------------


class _Fields:
    """An entry's fields as the .bst reads them (empty when missing or blank)."""

    def __init__(self, entry: Any, *, abbreviate: bool, months: Callable[[str], str]) -> None:
        self.entry = entry
        self.abbreviate = abbreviate
        self.months = months

    def raw(self, name: str) -> str:
        value = self.entry.fields.get(name, "")
        return value if value.strip() else ""

    def __getitem__(self, name: str) -> Text:
        value = self.raw(name)
        return mark_tags(Text.from_latex(value)) if value else Text()

    def persons(self, role: str) -> list[Any]:
        return list(self.entry.persons.get(role, ()))

    def names(self, role: str) -> Text:
        """``format.names``: "A", "A and B", "A, B, and C", "A, B, et al."."""
        persons = self.persons(role)
        parts: list[Any] = []
        for i, person in enumerate(persons):
            name = _NAMES.format(person, abbr=self.abbreviate).format_data({})
            if i == 0:
                parts.append(name)
                continue
            if i < len(persons) - 1:
                parts += [", ", name]
                continue
            if len(persons) > 2:
                parts.append(",")
            parts += [" et", Symbol("nbsp"), "al."] if str(person) == "others" else [" and ", name]
        return Text(*parts)

    def editors(self) -> Text:
        names = self.names("editor")
        if not names:
            return names
        return Text(names, ", editors" if len(self.persons("editor")) > 1 else ", editor")

    def title(self) -> Text:
        return change_case_t(self["title"]) if self.raw("title") else Text()

    def btitle(self) -> Text:
        return emphasize(self["title"])

    def date(self) -> Text:
        month = self.raw("month")
        month = self.months(_MONTH_MACROS.get(month.strip().lower(), month)) if month else ""
        year = self["year"]
        if not year:
            return Text.from_latex(month) if month else Text()
        return Text(Text.from_latex(month), " ", year) if month else year

    def bvolume(self) -> Text:
        if not self.raw("volume"):
            return Text()
        out = tie_or_space("volume", self["volume"])
        return Text(out, " of ", emphasize(self["series"])) if self.raw("series") else out

    def number_series(self, mid_sentence: bool) -> Text:
        if self.raw("volume"):
            return Text()
        if not self.raw("number"):
            return self["series"]
        out = tie_or_space("number" if mid_sentence else "Number", self["number"])
        return Text(out, " in ", self["series"]) if self.raw("series") else out

    def edition(self, mid_sentence: bool) -> Text:
        if not self.raw("edition"):
            return Text()
        edition = self["edition"]
        return Text(edition.lower() if mid_sentence else change_case_t(edition), " edition")

    def pages(self) -> Text:
        pages = self.raw("pages")
        if not pages:
            return Text()
        if any(ch in pages for ch in "-,+"):
            return tie_or_space("pages", Text.from_latex(n_dashify(pages)))
        return tie_or_space("page", self["pages"])

    def vol_num_pages(self) -> Text:
        out = self["volume"]
        if self.raw("number"):
            out = Text(out, "(", self["number"], ")")
        if self.raw("pages"):
            out = Text(out, ":", Text.from_latex(n_dashify(self.raw("pages")))) if out else self.pages()
        return out

    def chapter_pages(self) -> Text:
        if not self.raw("chapter"):
            return self.pages()
        kind = self["type"].lower() if self.raw("type") else Text("chapter")
        out = tie_or_space(kind, self["chapter"])
        return Text(out, ", ", self.pages()) if self.raw("pages") else out

    def in_ed_booktitle(self) -> Text:
        if not self.raw("booktitle"):
            return Text()
        if not self.persons("editor"):
            return Text("In ", emphasize(self["booktitle"]))
        return Text("In ", self.editors(), ", ", emphasize(self["booktitle"]))

    def thesis_type(self, default: str) -> Text:
        return change_case_t(self["type"]) if self.raw("type") else Text(default)

    def tr_number(self) -> Text:
        kind = self["type"] if self.raw("type") else Text("Technical Report")
        if not self.raw("number"):
            return change_case_t(kind)
        return tie_or_space(kind, self["number"])


def mark_tags(text: Text) -> Text:
    """``text`` with each braced group that a font mark leads set in its
    tag (``\\emph{Middlemarch}`` -> *Middlemarch*, never recased)."""
    parts: list[Any] = []
    for part in text.parts:
        lead = part.parts[0] if isinstance(part, Protected) and part.parts else None
        if not isinstance(lead, String) or lead.value[:1] not in _MARK_TAGS:
            parts.append(part)
            continue
        marks = lead.value[:len(lead.value) - len(lead.value.lstrip("".join(_MARK_TAGS)))]
        inner: Any = Protected(String(lead.value[len(marks):]), *part.parts[1:])
        for mark in reversed(marks):
            inner = Tag(_MARK_TAGS[mark], inner) if _MARK_TAGS[mark] else inner
        parts.append(inner)
    return Text(*parts)


def emphasize(text: Text) -> Text:
    return Text(Tag("em", text)) if text else Text()


def tie_or_space(word: Any, value: Text) -> Text:
    """``tie.or.space.connect``: a tie before a value under three characters."""
    return Text(word, Symbol("nbsp") if len(value) < 3 else " ", value)


def n_dashify(pages: str) -> str:
    """``n.dashify``: a lone hyphen becomes ``--``; runs of hyphens stay."""
    out, i = [], 0
    while i < len(pages):
        if pages[i] != "-":
            out.append(pages[i])
            i += 1
            continue
        j = i
        while j < len(pages) and pages[j] == "-":
            j += 1
        out.append("--" if j - i == 1 else pages[i:j])
        i = j
    return "".join(out)


# --- the entry types, as the .bst's functions of the same names ------------------


def _author_title_block(o: _Output, f: _Fields, title: Callable[[_Fields], Text] = _Fields.title) -> None:
    """The opening most types share: authors, block, title, block."""
    o.out(f.names("author"))
    o.block()
    o.out(title(f))
    o.block()


def _article(o: _Output, f: _Fields) -> None:
    _author_title_block(o, f)
    o.out(emphasize(f["journal"]))
    o.out(f.vol_num_pages())
    o.out(f.date())


def _author_or_editors(o: _Output, f: _Fields) -> None:
    o.out(f.names("author") if f.persons("author") else f.editors())
    o.block()
    o.out(f.btitle())


def _book(o: _Output, f: _Fields) -> None:
    _author_or_editors(o, f)
    o.out(f.bvolume())
    o.block()
    o.out(f.number_series(o.mid_sentence()))
    _publisher_edition_date(o, f)


def _publisher_edition_date(o: _Output, f: _Fields) -> None:
    """new.sentence, publisher, address, edition, date."""
    o.sentence()
    o.out(f["publisher"])
    o.out(f["address"])
    o.out(f.edition(o.mid_sentence()))
    o.out(f.date())


def _booklet(o: _Output, f: _Fields) -> None:
    o.out(f.names("author"))
    o.block()
    o.out(f.title())
    o.block(f.raw("howpublished"), f.raw("address"))
    o.out(f["howpublished"])
    o.out(f["address"])
    o.out(f.date())


def _inbook(o: _Output, f: _Fields) -> None:
    _author_or_editors(o, f)
    o.out(f.bvolume())
    o.out(f.chapter_pages())
    o.block()
    o.out(f.number_series(o.mid_sentence()))
    _publisher_edition_date(o, f)


def _incollection(o: _Output, f: _Fields) -> None:
    _author_title_block(o, f)
    o.out(f.in_ed_booktitle())
    o.out(f.bvolume())
    o.out(f.number_series(o.mid_sentence()))
    o.out(f.chapter_pages())
    _publisher_edition_date(o, f)


def _inproceedings(o: _Output, f: _Fields) -> None:
    _author_title_block(o, f)
    o.out(f.in_ed_booktitle())
    o.out(f.bvolume())
    o.out(f.number_series(o.mid_sentence()))
    o.out(f.pages())
    _address_organization_publisher(o, f, organization=True)


def _address_organization_publisher(o: _Output, f: _Fields, *, organization: bool) -> None:
    organization_field = f.raw("organization") if organization else ""
    if not f.raw("address"):
        o.sentence(organization_field, f.raw("publisher"))
        o.out(f["organization"] if organization else None)
        o.out(f["publisher"])
        o.out(f.date())
        return
    o.out(f["address"])
    o.out(f.date())
    o.sentence()
    o.out(f["organization"] if organization else None)
    o.out(f["publisher"])


def _manual(o: _Output, f: _Fields) -> None:
    if f.persons("author"):
        o.out(f.names("author"))
    elif f.raw("organization"):
        o.out(f["organization"])
        o.out(f["address"])
    o.block()
    o.out(f.btitle())
    if f.persons("author"):
        o.block(f.raw("organization"), f.raw("address"))
        o.out(f["organization"])
        o.out(f["address"])
    elif not f.raw("organization"):
        o.block(f.raw("address"))
        o.out(f["address"])
    o.out(f.edition(o.mid_sentence()))
    o.out(f.date())


def _thesis(kind: str, title: Callable[[_Fields], Text]) -> Callable[[_Output, _Fields], None]:
    def thesis(o: _Output, f: _Fields) -> None:
        _author_title_block(o, f, title)
        o.out(f.thesis_type(kind))
        o.out(f["school"])
        o.out(f["address"])
        o.out(f.date())

    return thesis


def _misc(o: _Output, f: _Fields) -> None:
    o.out(f.names("author"))
    o.block(f.raw("title"), f.raw("howpublished"))
    o.out(f.title())
    o.block(f.raw("howpublished"))
    o.out(f["howpublished"])
    o.out(f.date())


def _proceedings(o: _Output, f: _Fields) -> None:
    o.out(f.editors() if f.persons("editor") else f["organization"])
    o.block()
    o.out(f.btitle())
    o.out(f.bvolume())
    o.out(f.number_series(o.mid_sentence()))
    _address_organization_publisher(o, f, organization=bool(f.persons("editor")))


def _techreport(o: _Output, f: _Fields) -> None:
    _author_title_block(o, f)
    o.out(f.tr_number())
    o.out(f["institution"])
    o.out(f["address"])
    o.out(f.date())


def _unpublished(o: _Output, f: _Fields) -> None:
    _author_title_block(o, f)
    o.out(f["note"])
    o.out(f.date())


_TYPES: dict[str, Callable[[_Output, _Fields], None]] = {
    "article": _article,
    "book": _book,
    "booklet": _booklet,
    "inbook": _inbook,
    "incollection": _incollection,
    "inproceedings": _inproceedings,
    "conference": _inproceedings,
    "manual": _manual,
    "mastersthesis": _thesis("Master's thesis", _Fields.title),
    "misc": _misc,
    "phdthesis": _thesis("PhD thesis", _Fields.btitle),
    "proceedings": _proceedings,
    "techreport": _techreport,
    "unpublished": _unpublished,
}
# types whose .bst function prints the note itself (unpublished: as its body)
_NO_NOTE = frozenset({"unpublished"})


def format_bst(entry: Any, *, abbreviate: bool = False,
               months: Callable[[str], str] = lambda month: month) -> Text:
    """``entry`` as the .bst typesets it.  A type the .bst does not know is
    ``misc`` (its ``default.type``), with its URL as ``howpublished``, as
    :func:`relbib.export.lists.bibtex_entry` writes it for BibTeX."""
    kind = entry.type.lower()
    f = _Fields(entry, abbreviate=abbreviate, months=months)
    if kind not in BIBTEX_STYLE_TYPES:
        kind = "misc"
        if not f.raw("howpublished") and f.raw("url"):
            f = _Fields(_with_field(entry, "howpublished", protect(entry.fields["url"])),
                        abbreviate=abbreviate, months=months)
    o = _Output()
    _TYPES[kind](o, f)
    if kind not in _NO_NOTE:
        o.block()
        o.out(f["note"])
    return tex_ligatures(o.finish())


def _with_field(entry: Any, name: str, value: str) -> Any:
    from pybtex.database import Entry

    copy = Entry(entry.type, fields={**entry.fields, name: value}, persons=entry.persons)
    copy.key = entry.key
    return copy


class BstStyle:
    """Mixin for a pybtex style: entries formatted as :func:`format_bst` says;
    sorting and labels stay the pybtex style's."""

    abbreviate_names = False

    def short_month(self, month: str) -> str:
        return month

    def format_entry(self, label: str, entry: Any, bib_data: Any = None) -> FormattedEntry:
        text = format_bst(entry, abbreviate=self.abbreviate_names, months=self.short_month)
        return FormattedEntry(entry.key, text, label)
