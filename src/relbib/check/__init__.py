"""The pure core of `relbib check`: draft scanners and library rules.

Input: draft text and .bib entries (as BibRecord) handed over by the caller.
Output: DraftScan records and Diagnostics.
Never: touch a file; workspace.py reads, cli.py prints.
"""

from __future__ import annotations

from relbib.check.drafts import scan_draft, scan_latex, scan_markdown
from relbib.check.records import BibRecord, DraftCitation, DraftScan, Include, MacroUse
from relbib.check.rules import RULES, CheckContext, Rule, is_suppressed, run_rules, with_rule

__all__ = [
    "BibRecord", "CheckContext", "DraftCitation", "DraftScan", "Include", "MacroUse", "RULES",
    "Rule", "is_suppressed", "run_rules", "scan_draft", "scan_latex", "scan_markdown",
    "with_rule",
]
