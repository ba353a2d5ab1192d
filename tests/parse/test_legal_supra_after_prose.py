"""A supra that follows prose in the same note is a citation of its own.

Law-review notes go on after their citations ('… As one clerk put it, "…."
Roe, supra note 1.'); the supra after the sentence must be cut from it, whether
the sentence ends in a word or in a closing quotation mark.  Names made up.
"""

from __future__ import annotations

import pytest

from relbib.model import SupraRef
from relbib.parse.split import read_note


@pytest.mark.parametrize(
    "text",
    [
        'Id. at 4. As one harbor clerk put it, "the tide always turns, and the paperwork turns with it." '
        "Harbor Interview, supra note 1.",
        'Id. at 4. It is hard to describe, for example, a "friendly form." Drafting is how the clerks solve this '
        "problem. Harbor Interview, supra note 1.",
    ],
)
def test_supra_after_prose_is_cut(text: str) -> None:
    cited = read_note(2, text).citations
    supras = [c for c in cited if isinstance(c.reference, SupraRef)]
    assert [c.text for c in supras] == ["Harbor Interview, supra note 1."]
    assert supras[0].reference.note == 1
