"""A bare web address closing a citation: "…, 2025, example.org." (Italian and French
books and reports name the site where the text is found, without its scheme).

Input: the text of one citation.
Output: :func:`site_closing` gives the citation without the address (and without the
writer's words after it), the address, and a part of the work cited after it ("Parte
II"); :func:`with_site` puts the address in the reading's ``note`` (a page on the web
becomes ``online``).  The address is where the text is, no field of the work: not its
title, journal or publisher, and not its ``url`` either (two pages of one site are two
works; a URL says which page).
Never: take a word of the citation for an address (an address is lower case, its parts
of two characters or more: "c.p.c." and "d.lgs." are none); look at other notes; touch a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from relbib.model import FullRef, Name, Reference, freeze_fields
from relbib.parse.forms import normalize_pinpoint

__all__ = ["HOST", "HOST_CLOSES", "SiteTail", "site_closing", "with_site"]

# A host name: two to five lower-case labels of two characters or more, the last of letters
# only ("ansa.it", "law.example.edu", "ente-esempio.gov.it"); no scheme, path or "@" near it.
_HOST = r"(?<![\w.@/:-])(?P<site>(?:[a-z0-9][a-z0-9-]{1,62}\.){1,4}[a-z]{2,24})(?![\w/@-])"
# What may follow it: nothing, a part of the work ("Parte II", "sezione 3", "cap. 2"), or the
# writer's own words after a comma ("…, che sintetizza …"), which belong to no field; not a
# link ("…, conseil-etat.fr, in https://…": the site names the page the link gives).
HOST = re.compile(_HOST)  # a host name anywhere (relbib.parse.commentary: no words of prose)
HOST_CLOSES = re.compile(rf",\s{_HOST}$")  # "…, 2026, example.org": its sentence ends (relbib.parse.split)
_SITE_CLOSES = re.compile(rf",\s{_HOST}(?P<after>,\s(?![^\n]*(?:https?:|www\.))[^\n]{{1,600}}?)?\s*\.?\s*$")
_PART_CITED = re.compile(
    r"^,\s(?P<part>(?i:parte|part|sezione|section|sect\.|sez\.|capitolo|chapter|cap\.|ch\.|p\.|pp\.|par\.|para\.|§)"
    r"\s?[\w.\u2013-]{1,12})\s*$"
)


@dataclass(frozen=True, slots=True)
class SiteTail:
    """A citation read apart from the web address closing it."""

    rest: str  # the citation without the address, ending with a full stop
    site: str
    part: str | None  # the part of the work cited after the address


def site_closing(text: str) -> SiteTail | None:
    """The citation ``text`` apart from its closing web address, or None when none closes it."""
    m = _SITE_CLOSES.search(text)
    if m is None or m.start() == 0:
        return None
    after = m.group("after") or ""
    part = _PART_CITED.match(after)
    rest = text[: m.start()].rstrip(" ,;")
    return SiteTail(rest=rest + ".", site=m.group("site"), part=part.group("part") if part else None)


def with_site(ref: Reference, tail: SiteTail, text: str) -> Reference:
    """The reading of ``tail.rest`` as the whole citation ``text``'s: the address in its
    ``note``, the part cited as its pinpoint, a page of no other kind ``online``."""
    if not isinstance(ref, FullRef):
        return replace(ref, text=text)
    fields = dict(ref.fields)
    fields.setdefault("note", tail.site)
    authors = fields.get("author")
    if isinstance(authors, tuple) and len(authors) == 1 and isinstance(authors[0], Name) and not authors[0].given:
        # "Contoso, *Guide*, 2025, contoso.com": a web paper's one-word author is its body
        fields["author"] = (replace(authors[0], literal=True),)
    kind = "online" if ref.type == "misc" else ref.type
    pin = ref.pinpoint or normalize_pinpoint(tail.part)
    return replace(ref, text=text, type=kind, fields=freeze_fields(fields), pinpoint=pin)
