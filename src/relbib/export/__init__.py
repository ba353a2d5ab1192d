"""Reading lists in every format (BibTeX, CSL-JSON, RIS, Markdown, HTML).

Input: a Library and a selection of keys. Output: the exported text.
Never: read or write files.
"""
