"""One module per external syntax: BibTeX (bibtex.py, with its values and
names in bibvalues.py) and annotation YAML (annotations.py).

Input: text another module read from a file; records to write.
Output: records; text to write.
Never: touch a file (workspace.py does), or import a syntax's library
outside its own module.
"""
