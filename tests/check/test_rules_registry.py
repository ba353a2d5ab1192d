"""The rule registry: every rule has a known kind, claim-aware slots wait to be filled."""

from __future__ import annotations

from relbib.check.drafts import scan_latex
from relbib.check.records import BibRecord
from relbib.check.rules import RULES, CheckContext, is_suppressed, run_rules, with_rule
from relbib.diagnostics import KINDS, diagnostic

CLAIM_KINDS = {"unsupported-citation", "conflicting-fact", "uncited-supported-claim",
               "citation-needed"}


def test_every_rule_names_a_known_kind() -> None:
    for name, rule in RULES.items():
        assert rule.name == name
        assert rule.kind in KINDS
        assert rule.summary


def test_claim_kinds_have_empty_slots_and_nothing_else_does() -> None:
    empty = {r.kind for r in RULES.values() if r.check is None}
    assert empty == CLAIM_KINDS
    assert {r.kind for r in RULES.values() if r.scope == "claims"} == CLAIM_KINDS


def test_every_non_claim_kind_of_a_draft_or_library_has_a_rule() -> None:
    covered = {r.kind for r in RULES.values()}
    # essays' own kinds come from ingest/resolve; parse-error from the readers
    assert set(KINDS) - covered == {"parse-error", "ambiguous-reference", "incomplete-note"}


def test_with_rule_fills_a_slot_without_touching_the_registry() -> None:
    def needs_citation(ctx: CheckContext):  # type: ignore[no-untyped-def]
        yield diagnostic("citation-needed", "a fact", path="d.md", line=1, column=1,
                         suggestion="cite it")

    filled = with_rule(RULES, "citation-needed", needs_citation)
    assert RULES["citation-needed"].check is None
    found = run_rules(CheckContext(), filled, select=["citation-needed"])
    assert [d.kind for d in found] == ["citation-needed"]
    assert run_rules(CheckContext(), filled, skip_scopes=["claims"]) == ()


def test_select_by_kind_or_name_and_suppression() -> None:
    record = BibRecord(key="k", type="misc", fields={"title": "T", "year": "20o8"},
                       path="x.bib", line=1)
    scan = scan_latex("\\cite{ghost} % relbib: ignore[undefined-key]\n\\cite{k}\n",
                      path="d.tex")
    ctx = CheckContext(records=(record,), scans=(scan,))
    by_kind = run_rules(ctx, select=["undefined-key"])
    assert [(d.kind, d.line) for d in by_kind] == [("undefined-key", 1)]
    assert is_suppressed(by_kind[0], [scan])
    by_name = run_rules(ctx, select=["year"])
    assert [d.code for d in by_name] == [KINDS["invalid-field"].code]
    assert not is_suppressed(by_name[0], [scan])


def test_rules_do_not_mutate_or_depend_on_order_of_runs() -> None:
    record = BibRecord(key="k", type="article", fields={"title": "A & B"}, path="x.bib", line=3)
    ctx = CheckContext(records=(record,))
    assert run_rules(ctx) == run_rules(ctx)
    assert dict(record.fields) == {"title": "A & B"}


def test_data_model_choice_changes_required_fields() -> None:
    record = BibRecord(key="m", type="misc", fields={"note": "x"}, path="x.bib", line=1)
    bibtex = run_rules(CheckContext(records=(record,), data_model="bibtex"),
                       select=["required-fields"])
    biblatex = run_rules(CheckContext(records=(record,), data_model="biblatex"),
                         select=["required-fields"])
    assert bibtex == ()
    assert {d.message.split(" has no ")[1].split(",")[0] for d in biblatex} == {
        "title", "date or year"}
