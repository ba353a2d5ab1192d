"""Stage 6: essays + resolutions → the claim graph.

Input: the ingested essays, their citations keyed by the library, the Library.
Output: links (cited, supports, conflicts), judgements and Diagnostics.
Never: touch a file, or override a person's ``confirmed``/``rejected``.

Modules, in reading order: ``facts`` (dates, numbers, entities of a sentence),
``aliases`` (names that mean the same thing, from relbib.lexicon), ``glosses``
(aliases the library teaches: a name and its translation), ``retrieval``
(terms, TF-IDF and an inverted index), ``compare`` (do two sentences' facts
agree?), ``context`` (the typed contexts), ``index`` (prepare one run),
``support``, ``conflicts`` and ``rules`` (the judgements of one sentence),
``link`` (the stage's verb), ``annotate`` (links into annotations and findings).
"""
