"""Markers where writers put them attach to the words they support: in a
Markdown table, before a closing parenthesis, after a semicolon, spaced
after the sentence they close, before a trailing space."""

from __future__ import annotations

from relbib.ingest.essay import load_essay


def _claims(text: str, path: str) -> dict[int, str | None]:
    essay, _ = load_essay(text, path=path)
    return {n.n: " ".join(n.claim.text.split()) if n.claim else None for n in essay.notes}


def test_a_marker_in_a_markdown_table_claims_its_row() -> None:
    text = ("Intro sentence here.\n\n| Country | Year |\n|---|---|\n| Russia[^1] | 2016 |\n"
            "| Pakistan[^2] | 2018 |\n\nAfter the table comes prose.[^3]\n\n"
            "[^1]: Note one.\n[^2]: Note two.\n[^3]: Note three.\n")
    assert _claims(text, "t.md") == {1: "Russia; 2016", 2: "Pakistan; 2018", 3: "After the table comes prose."}


def test_a_marker_before_a_closing_parenthesis_stays_in_its_sentence() -> None:
    text = ("The treaty (signed in Vienna in 1815.1) failed. The critics wrote (in many letters2) and lost.\n\n"
            "Notes\n\n1. Note one.\n2. Note two.\n")
    assert _claims(text, "p.txt") == {1: "The treaty (signed in Vienna in 1815.) failed.",
                                      2: "The critics wrote (in many letters) and lost."}


def test_a_marker_after_a_semicolon_claims_the_clause_before_it() -> None:
    text = ("The treaty was signed;1 the critics wrote at once. Later claims came;2 then silence.3\n\n"
            "Notes\n\n1. Note one.\n2. Note two.\n3. Note three.\n")
    assert _claims(text, "s.txt") == {1: "The treaty was signed", 2: "Later claims came", 3: "then silence."}


def test_a_spaced_marker_closes_the_sentence_before_it() -> None:
    md = "The treaty was signed in Vienna. [^1] The critics wrote at once. [^2]\n\n[^1]: One.\n[^2]: Two.\n"
    html = ('<p>The treaty was signed in Vienna. <sup>1</sup> The critics wrote at once. <sup>2</sup> </p>'
            '<ol class="footnotes"><li id="fn1">One.</li><li id="fn2">Two.</li></ol>')
    expected = {1: "The treaty was signed in Vienna.", 2: "The critics wrote at once."}
    assert _claims(md, "s.md") == expected
    assert _claims(html, "s.html") == expected


def test_a_marker_before_a_trailing_space_claims_its_line() -> None:
    text = ("The treaty was signed in Vienna.1 \nThe critics wrote at once.2 \n\nLater claims came. \n\n"
            "Notes\n\n1. Note one.\n2. Note two.\n")
    assert _claims(text, "t.txt") == {1: "The treaty was signed in Vienna.", 2: "The critics wrote at once."}
