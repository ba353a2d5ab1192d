"""The prose of drafts (check/prose.py): what is blanked, where citations attach, invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from relbib.check.drafts import scan_draft
from relbib.check.prose import latex_prose, markdown_prose, sentence_at
from relbib.ingest.sentences import line_starts

LATEX = r"""\documentclass{article}
\title{In 1990 a title is not prose}
\begin{document}
\section{A heading from 1991}
Russia sold 16 helicopters in 2001 \citep[p.~130]{owais}. A second
sentence.\footnote{As \citet{keck} says.} Math $x = 1992$ goes.
% In 1993 a comment.
\begin{verbatim}
In 1994 verbatim.
\end{verbatim}
The \emph{cost} was US\$ 5 million and ``quoted''.
\end{document}
"""

MARKDOWN = """---
title: In 1990 front matter
---

# A heading from 1991

Russia sold 16 helicopters in 2001 [@owais, p. 130]. A second
sentence.^[As @keck says.] Code `1992` goes.

```
In 1994 a fenced block.
```

A [link text](http://example.org/1995) and a note.[^n]

[^n]: Noted by @other.
"""


def _texts(prose) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in prose.sentences]


def test_latex_prose_keeps_only_running_text() -> None:
    assert _texts(latex_prose(LATEX)) == [
        "Russia sold 16 helicopters in 2001.",
        "A second sentence.",
        "Math goes.",
        "The cost was US$ 5 million and \u201c quoted\u201d.",
    ]


def test_markdown_prose_keeps_only_running_text() -> None:
    assert _texts(markdown_prose(MARKDOWN)) == [
        "Russia sold 16 helicopters in 2001.",
        "A second sentence.",
        "Code goes.",
        "A link text and a note.",
    ]


def _attached(text: str, path: str, prose) -> dict[str, str]:  # type: ignore[no-untyped-def]
    scan = scan_draft(text, path=path)
    assert scan is not None
    starts = line_starts(text)
    out = {}
    for c in scan.citations:
        sentence = sentence_at(prose, starts[c.line - 1] + c.column - 1)
        out[c.key] = sentence.text if sentence else ""
    return out


def test_a_citation_attaches_to_its_sentence_and_a_footnote_to_the_sentence_it_marks() -> None:
    assert _attached(LATEX, "d.tex", latex_prose(LATEX)) == {
        "owais": "Russia sold 16 helicopters in 2001.",
        "keck": "A second sentence.",
    }
    assert _attached(MARKDOWN, "d.md", markdown_prose(MARKDOWN)) == {
        "owais": "Russia sold 16 helicopters in 2001.",
        "keck": "A second sentence.",
        "other": "A link text and a note.",
    }


def test_sentences_sit_at_the_drafts_own_lines() -> None:
    lines = LATEX.split("\n")
    for sentence in latex_prose(LATEX).sentences:
        assert sentence.text.split()[0] in lines[sentence.line - 1]


_PIECES = st.sampled_from(["\\cite{a}", "\\footnote{", "}", "{", "$", "\\[", "%", "\n", "\n\n",
                           "``", "''", "\\begin{verbatim}", "\\end{verbatim}", "[@a]", "^[",
                           "[^1]", "[^1]: x", "@b", "`", "```\n", "---\n", "\\$", "In 2001.",
                           " Text ", "*", "_", "# H\n", "- item", "[t](u)", "\\section{S}"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_prose_never_raises_and_keeps_every_offset(pieces: list[str]) -> None:
    text = "".join(pieces)
    for prose in (latex_prose(text), markdown_prose(text)):
        assert len(prose.text) == len(text)
        assert [i for i, c in enumerate(prose.text) if c == "\n"] == \
            [i for i, c in enumerate(text) if c == "\n"]
        for s in prose.sentences:
            assert 0 <= s.start < s.end <= len(text)
        for offset in range(0, len(text) + 1, 7):
            sentence_at(prose, offset)


def test_an_in_text_citation_that_opens_a_sentence_keeps_the_sentence_boundary() -> None:
    text = ("Glaciers retreat fast (Jones 2001). @smith2004 shows that ice melts.\n"
            "Seas rise! @{doe:2001} [p. 3] finds the same. As @lee2000 argues, e.g. it is slow.\n"
            "\n"
            "Cold weather persists [@kim2010]. Then @park2011 disagrees.")
    prose = markdown_prose(text)
    assert [s.text for s in prose.sentences] == [
        "Glaciers retreat fast (Jones 2001).", "shows that ice melts.", "Seas rise!",
        "finds the same.", "As argues, e.g. it is slow.", "Cold weather persists.",
        "Then disagrees."]

    def attached(key: str) -> str:
        found = sentence_at(prose, text.index(key))
        assert found is not None
        return found.text

    assert attached("@smith2004") == "shows that ice melts."
    assert attached("@{doe:2001}") == "finds the same."
    # not at a sentence start: the citation stays in its sentence, unchanged
    assert attached("@lee2000") == "As argues, e.g. it is slow."
    assert attached("@park2011") == "Then disagrees."
    assert attached("@kim2010") == "Cold weather persists."
