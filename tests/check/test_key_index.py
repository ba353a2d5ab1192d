"""The key index the draft rules share: built once per .bib content, reused across runs.

`relbib lsp` re-checks a draft against 26,000 keys on every edit, and
`relbib check` builds one context per draft; neither may rebuild the exact,
lower-case and did-you-mean index of the same .bib records each time.
"""

from __future__ import annotations

from relbib.check.context import CheckContext, build_key_index, key_index, keys_of
from relbib.check.draft_rules import undefined_keys
from relbib.check.drafts import scan_latex
from relbib.check.records import BibRecord


def _record(key: str, **fields: str) -> BibRecord:
    return BibRecord(key=key, type="book", fields=fields, path="refs.bib", line=1)


RECORDS = (_record("knuth1984"), _record("knuth1986"), _record("Lamport1986", ids="lamport86"),
           _record("smith2019trade"))


def test_a_new_tuple_of_the_same_records_reuses_the_index() -> None:
    first = key_index(tuple(RECORDS))
    assert key_index(tuple(RECORDS)) is first  # another context over the same .bib
    assert key_index((*RECORDS, _record("new2020"))) is not first  # the .bib changed
    # equal records that are new objects (the .bib scanned again) get a new index
    assert key_index(tuple(_record(r.key, **r.fields) for r in RECORDS)) is not first


def test_the_index_holds_exact_lower_case_and_alias_keys() -> None:
    index = build_key_index(RECORDS)
    assert index.exact["lamport86"].key == "Lamport1986"
    assert index.lower["lamport1986"] == "Lamport1986"
    assert index.choices == ("knuth1984", "knuth1986", "Lamport1986", "smith2019trade",
                             "lamport86")


def test_did_you_mean_answers_up_to_three_and_remembers_them() -> None:
    index = build_key_index(RECORDS)
    assert index.near("smith2019trad") == ("smith2019trade",)
    # 8 of 9 letters shared with both: equal scores, in the .bib's order
    assert index.near("knuth1948") == ("knuth1984", "knuth1986")
    assert index.near("zzz") == ()
    assert set(index.guesses) == {"smith2019trad", "knuth1948", "zzz"}


def test_a_context_given_an_index_uses_it_for_undefined_keys() -> None:
    scan = scan_latex("\\cite{smith2019trad} \\cite{knuth1984}", path="d.tex")
    own = build_key_index(RECORDS)
    ctx = CheckContext(records=RECORDS, scans=(scan,), keys=own)
    assert keys_of(ctx) is own
    [found] = undefined_keys(ctx)
    assert (found.keys, found.suggestion) == (("smith2019trad",),
                                              "did you mean 'smith2019trade'?")
    assert "smith2019trad" in own.guesses
