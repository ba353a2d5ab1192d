"""LaTeX essays in the shapes of real theses (names, titles and keys made up): a
footnote wrapped over indented source lines, ``\\nocite`` at a note's end, biblatex's
citation macros inside and outside notes, and quotes typed as two single ones.

Each case failed before the fixes of issue 10 (real footnotes, LaTeX essays)."""

from __future__ import annotations

from relbib.ingest.essay import load_essay
from relbib.ingest.latex import reduce_latex

HEAD = "\\documentclass{article}\n"


def _notes(tex: str) -> list[str]:
    essay, _ = load_essay(tex, path="essay.tex")
    return [note.text for note in essay.notes]


def test_wrapped_indented_footnote_is_one_spaced_and_still_maps_to_its_source() -> None:
    tex = (HEAD + "\\begin{document}\nA claim.\\footnote{See Jane Roe,\n        \\emph{Salt   Roads},\n"
           "        12.}\n\\end{document}\n")
    plain, offsets, _, _ = reduce_latex(tex)
    note = plain[plain.index("See Jane"):].split("\n")[0]
    assert note == "See Jane Roe, *Salt Roads*, 12."
    at = plain.index("12.", plain.index("See Jane"))
    assert tex[offsets[at]:offsets[at] + 3] == "12."  # the map still finds each character
    assert tex[offsets[plain.index("Roads", at - 20)]:].startswith("Roads")


def test_nocite_prints_nothing_and_leaves_no_key_glued_to_the_note() -> None:
    tex = HEAD + "\\begin{document}\nA claim.\\footnote{See Roe, 112ff.\\nocite{roe_salt_2001}}\n\\end{document}\n"
    assert _notes(tex) == ["See Roe, 112ff."]


def test_cite_inside_a_note_reads_as_a_pandoc_citation_with_its_pinpoint() -> None:
    tex = (HEAD + "\\begin{document}\nA claim.\\footnote{“Lux veritatis”~\\cite[2.36]{roe_lux_1979}. "
           "Compare \\cite[see][12]{roe2001,doe2002}.}\n\\end{document}\n")
    assert _notes(tex) == ["“Lux veritatis” [@roe_lux_1979, 2.36]. Compare [see @roe2001; @doe2002, 12]."]


def test_footcite_in_the_body_is_a_numbered_note_at_its_macro() -> None:
    tex = (HEAD + "\\begin{document}\nFirst.\\footnote{A remark.} Second.\\footcite[Vgl.][12]{roe2001} "
           "Third.\\footnote{Another remark.}\n\\end{document}\n")
    essay, _ = load_essay(tex, path="essay.tex")
    assert [(n.n, n.text) for n in essay.notes] == [
        (1, "A remark."), (2, "[Vgl. @roe2001, 12]"), (3, "Another remark.")]
    marker = essay.notes[1].marker
    assert marker is not None
    line = tex.split("\n")[marker.line - 1]
    assert line[marker.column - 1:].startswith("\\footcite")


def test_autocite_is_a_footnote_only_under_a_note_style() -> None:
    body = "\\begin{document}\nA claim.\\autocite[45]{doe2002}\n\\end{document}\n"
    verbose = HEAD + "\\usepackage[style=verbose-ibid,backend=biber]{biblatex}\n" + body
    assert _notes(verbose) == ["[@doe2002, 45]"]
    plain, _, _, _ = reduce_latex(HEAD + "\\usepackage[style=authoryear]{biblatex}\n" + body)
    assert "A claim. [@doe2002, 45]" in plain


def test_two_typed_single_quotes_close_a_quotation() -> None:
    tex = (HEAD + "\\begin{document}\nA claim.\\footnote{Jane Roe. ``The Salt Roads.\u2019\u2019 "
           "Harbour Review 12 (2001): 3--19.}\n\\end{document}\n")
    assert _notes(tex) == ["Jane Roe. “The Salt Roads.” Harbour Review 12 (2001): 3–19."]


def test_a_ligature_glyph_is_spelled_as_its_letters() -> None:
    # A PDF's ligatures pasted into the source: "ﬁ" (U+FB01) and Adobe's legacy private-use "fl" (U+F002).
    tex = HEAD + "\\begin{document}\nA claim.\\footnote{Jane Roe, \\emph{The \ufb01eld and the \uf002eet}, 12.}\n\\end{document}\n"
    assert _notes(tex) == ["Jane Roe, *The field and the fleet*, 12."]


def test_an_unreadable_private_use_glyph_is_dropped_with_a_warning_naming_line_and_column() -> None:
    tex = HEAD + "\\begin{document}\nA claim.\\footnote{Tomas Be\ue03cord, \\emph{Salt Roads}, 12.}\n\\end{document}\n"
    essay, diagnostics = load_essay(tex, path="essay.tex")
    assert [note.text for note in essay.notes] == ["Tomas Beord, *Salt Roads*, 12."]  # no glyph left in the name
    warning = next(d for d in diagnostics if "U+E03C" in d.message)
    assert (warning.path, warning.line) == ("essay.tex", 3)
    assert "column 27" in warning.message and tex.split("\n")[2][26] == "\ue03c"
    plain, offsets, _, _ = reduce_latex(tex)
    at = plain.index("ord, ")
    assert tex[offsets[at]:offsets[at] + 4] == "ord,"  # the map still finds each character after it
