"""relbib: a citation-aware reference library."""

__version__ = "0.1.0"
