"""relbib in the editor: a language server for LaTeX, pandoc Markdown and BibTeX.

Input: LSP messages on stdin (relbib.lsp.server).
Output: diagnostics from `relbib check`'s rules, completion, hover,
definition, references, rename and quick fixes of citation keys.
Never: write files (edits go back to the editor as WorkspaceEdits) or write
anything but the protocol to stdout.

Modules: ``documents`` (positions and the citation under the cursor, pure),
``project`` (the project, open texts and .bib files kept between edits),
``diagnose`` (the check of one document), ``sources`` (references, hover text,
ranking by claims), ``state``, ``features``, ``actions``, ``server`` (pygls).
pygls is an optional dependency (``pip install 'relbib[lsp]'``); nothing
here is imported by the other commands.
"""
