"""Stage 6: essays + resolutions → the claim graph.

Input: the ingested essays, their citations keyed by the library, the Library.
Output: links (cited, supports, conflicts), judgements and Diagnostics.
Never: touch a file, or override a person's ``confirmed``/``rejected``.

Modules: ``facts`` (dates, numbers, entities of a sentence), ``aliases``
(names that mean the same thing), ``retrieval`` (candidate sentences),
``link`` (the judgements), ``annotate`` (links into annotations and findings).
"""
