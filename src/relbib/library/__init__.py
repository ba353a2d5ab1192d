"""Stage 5: resolutions → the Library (immutable) and its updates.

Input: the citations of ingested essays, resolved; the current Library.
Output: a new Library (entries, annotations), keys, suggestions.
Never: read or write files, or change what a person wrote.

Modules: ``core`` (Library, its update), ``keys`` (deterministic keys),
``suggest`` (did-you-mean).
"""
