"""Stage 1: an essay file's text → :class:`~relbib.model.Essay`.

Input: the text of an essay (plain text, Markdown, HTML, LaTeX; .docx, .odt
and .epub zips as their bytes) and its path.
Output: an Essay (plain text, paragraphs, sentences, the notes section) with an
offset map back to the source for line and column, plus Diagnostics.
Never: read files (workspace does), or parse citations (that is parse/).

Modules: ``essay`` (the entry point, ``load_essay``), ``markdown`` and
``html``, ``latex``, ``office`` (.docx, .odt), ``epub`` (readers),
``pdftext`` (text from PDFs), ``textmap`` (offset maps), ``meta`` (title,
authors, date), ``sentences`` (sentence spans), ``numbering`` (how a notes
section is numbered).
"""
