"""Claim rules read prose only: no number inside a LaTeX reference or label, a
gloss, a table or code reaches a sentence (issue 11: "checkable fact (the
figure 1.1)" from \\chapref{sec:1.1} and glossed examples)."""

from __future__ import annotations

from relbib.check.prose import latex_prose, markdown_prose

LATEX = r"""\documentclass{book}
\begin{document}
As \chapref{sec:1.1} and \figref{fig:2.3} show, words vary.\label{sec:4.4}
\begin{exe}
\ex \gll Das Haus ist 1977 gebaut.\\
the house is 1977 built\\
\glt `The house was built in 1977.'
\end{exe}
\begin{tabular}{ll} 1988 & 42 \\ \end{tabular}
\begin{lstlisting}
x = 1966
\end{lstlisting}
\begin{minted}{python}
y = 1955
\end{minted}
Then the 2001 war began.
\end{document}
"""

MARKDOWN = """Prices rose `in 1966` by far.

```python
x = 1955
```

| year | n |
|------|---|
| 1988 | 4 |

Then the 2001 war began.
"""


def _numbers(sentences: tuple[object, ...]) -> set[str]:
    import re

    return {n for s in sentences for n in re.findall(r"\d+(?:\.\d+)?", s.text)}  # type: ignore[attr-defined]


def test_latex_numbers_outside_prose_are_not_read() -> None:
    assert _numbers(latex_prose(LATEX).sentences) == {"2001"}


def test_markdown_numbers_in_code_and_tables_are_not_read() -> None:
    assert _numbers(markdown_prose(MARKDOWN).sentences) == {"2001"}
