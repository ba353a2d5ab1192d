"""A notes section under a German heading ("Fußnoten", "Anmerkungen") is the notes
section: the shape of German history studies published as web pages, endnotes in
a plain list under an <h3>.  Names, titles and numbers are made up; the case read
no note before the German headings were known.
"""

from __future__ import annotations

from relbib.ingest.essay import load_essay

_HTML = """<html><body>
<p>Die Mühle stand still.<sup><a href="#endnote1" id="footnote1">1</a></sup> Der Müller ging.<sup><a
href="#endnote2" id="footnote2">2</a></sup></p>
<h3 class="mt-4">{heading}</h3>
<div class="row"><div class="col-lg-8 caption"><ol>
<li id="endnote1">Vgl. Hanna Vogel, Das Mühlenwerk, Kassel 1998, S. 12. <a href="#footnote1">&uarr;</a></li>
<li id="endnote2">Vgl. Vogel, Mühlenwerk, S. 14. <a href="#footnote2">&uarr;</a></li>
</ol></div></div>
</body></html>"""


def test_endnotes_under_a_german_heading_are_read() -> None:
    for heading in ("Fußnoten", "Fussnoten", "Anmerkungen", "Endnoten"):
        essay, _ = load_essay(_HTML.format(heading=heading), path="muehle.html")
        assert [(n.n, n.text) for n in essay.notes] == [
            (1, "Vgl. Hanna Vogel, Das Mühlenwerk, Kassel 1998, S. 12."),
            (2, "Vgl. Vogel, Mühlenwerk, S. 14."),
        ], heading
        assert essay.notes[0].claim is not None and "Mühle stand still" in essay.text[essay.notes[0].claim.start:essay.notes[0].claim.end]

