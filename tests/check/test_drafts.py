"""Draft scanner API: dispatch by suffix, data model inference, purity."""

from __future__ import annotations

import pytest

from relbib.check.drafts import scan_draft, scan_latex, scan_markdown


@pytest.mark.parametrize("path, found", [
    ("a.tex", True), ("a.md", True), ("a.qmd", True), ("a.Rmd", True), ("a.txt", False),
    ("README", False),
])
def test_scan_draft_dispatches_on_suffix(path: str, found: bool) -> None:
    text = "\\cite{k}\n[@k]\n"
    scan = scan_draft(text, path=path)
    assert (scan is not None) is found
    if scan is not None:
        assert [c.key for c in scan.citations] == ["k"]


@pytest.mark.parametrize("preamble, model", [
    ("\\usepackage{natbib}\n\\bibliography{refs}", "bibtex"),
    ("\\usepackage[style=apa]{biblatex}\n\\addbibresource{refs.bib}", "biblatex"),
    # biblatex's legacy \bibliography is still biblatex
    ("\\usepackage{biblatex}\n\\bibliography{refs}", "biblatex"),
    ("\\cite{x}", None),
])
def test_data_model_follows_the_bibliography_commands(preamble: str, model: str | None) -> None:
    assert scan_latex(preamble, path="d.tex").data_model == model


def test_scanners_do_not_change_with_repeated_calls() -> None:
    text = "---\nbibliography: a.bib\n---\n[@a, p. 3]\n"
    assert scan_markdown(text, path="d.md") == scan_markdown(text, path="d.md")


def test_unclosed_argument_does_not_stop_the_scan() -> None:
    scan = scan_latex("\\citep[p.~3{a}\n\n\\cite{b}\n", path="d.tex")
    assert [c.key for c in scan.citations] == ["b"]
    assert [(d.kind, d.line, d.column) for d in scan.diagnostics] == [("parse-error", 1, 1)]


def test_a_blank_line_ends_a_cite_argument() -> None:
    scan = scan_latex("\\cite{a,\n\nb}\n", path="d.tex")
    assert scan.citations == ()
    assert [d.kind for d in scan.diagnostics] == ["parse-error"]


def test_a_key_with_white_space_is_a_parse_error_not_a_citation() -> None:
    from relbib.check import scan_latex

    scan = scan_latex("See \\cite{smith2020 jones}.\n", path="d.tex")
    assert scan.citations == ()
    assert [(d.kind, d.line, d.column) for d in scan.diagnostics] == [("parse-error", 1, 11)]


def test_a_front_matter_bibliography_list_may_sit_at_the_key_s_indentation() -> None:
    # YAML (and R's yaml writer, as bookdown's templates print it) allows a block
    # sequence under a key without indenting its items
    text = ("---\ntitle: A book\nbibliography:\n- book.bib\n- packages.bib\n"
            "csl: chicago.csl\n---\n\nAs in [@doe2020].\n")
    scan = scan_draft(text, path="index.Rmd")
    assert scan is not None and scan.bibliographies == ("book.bib", "packages.bib")


def test_a_thebibliography_defines_its_keys_even_with_spaces() -> None:
    # LaTeX alone (no BibTeX) reads \cite{QUBIC II} against \bibitem{QUBIC II} as written:
    # pdflatex writes \bibcite{QUBIC II}{1} and prints [1] without a warning
    text = ("\\documentclass{article}\\begin{document}See~\\cite{QUBIC II} and \\cite{Roe 1}.\n"
            "\\begin{thebibliography}{9}\n\\bibitem{QUBIC II} A. Roe, Optics.\n"
            "\\bibitem[Roe]{roe2020} J. Roe.\n\\end{thebibliography}\\end{document}\n")
    scan = scan_latex(text, path="t.tex")
    assert scan.defined_keys == frozenset({"QUBIC II", "roe2020"})
    assert [c.key for c in scan.citations] == ["QUBIC II"]
    assert [d.keys for d in scan.diagnostics] == [("Roe 1",)]  # no \bibitem has that key


def test_references_in_a_yaml_block_at_the_end_define_keys() -> None:
    # pandoc reads a YAML block anywhere (rticles' templates end with one)
    text = ("---\ntitle: Short Paper\nbibliography: refs.bib # the template's own file\n---\n\n"
            "Lorem ipsum[@roe2012] dolor.\n\n# References\n\n---\nreferences:\n- id: roe2012\n"
            "  title: A Book\n  type: book\n...\n")
    scan = scan_draft(text, path="skeleton.Rmd")
    assert scan is not None
    assert scan.defined_keys == frozenset({"roe2012"})
    assert scan.bibliographies == ("refs.bib",)  # the YAML comment is no part of the name


def test_a_command_being_defined_is_not_cited() -> None:
    # pandoc's LaTeX output defines \citeproc{mm}; a preamble defines \mycite
    text = ("\\documentclass{article}\n\\NewDocumentCommand\\citeproc{mm}{%\n"
            "  \\begingroup\\def\\citeproctext{#2}\\cite{#1}\\endgroup}\n"
            "\\newcommand{\\mycite}[1]{\\citep{#1}}\n\\begin{document}\n"
            "\\citeproc{roe2020}{(Roe 2020)} and \\mycite{doe2019}.\n\\end{document}\n")
    scan = scan_latex(text, path="paper.tex")
    assert [c.key for c in scan.citations] == ["roe2020", "doe2019"]  # uses, not definitions
    assert not scan.diagnostics
