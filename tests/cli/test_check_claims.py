"""`relbib check` on drafts with the claim-aware rules, against a library ingested from the seeds.

The drafts (tests/cases/check/claims/) name the seed works under keys of
their own; claim knowledge must follow the works, and every finding must
speak the draft's keys and sit on the draft's line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from clirun import Done
from clirun import relbib as run

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases" / "check" / "claims"
CLAIM_KINDS = {"uncited-supported-claim", "unsupported-citation", "conflicting-fact",
               "citation-needed"}

# (file, line, kind) of every claim finding the two drafts must produce, and nothing else
EXPECTED = {
    ("draft.tex", 11, "uncited-supported-claim"),  # the 2014 embargo: Keck:embargo
    ("draft.tex", 12, "conflicting-fact"),  # Druzhba-2016 dated 2015
    ("draft.tex", 13, "unsupported-citation"),  # ZS21 cited for Egyptian wheat
    ("draft.tex", 16, "citation-needed"),  # a 1999 accord nobody cites
    ("draft.md", 11, "uncited-supported-claim"),  # the helicopters: OwaisHorizon
    ("draft.md", 19, "citation-needed"),
}
# opinion and analysis, comments, verbatim and code blocks: never flagged
SILENT = {("draft.tex", 15), ("draft.tex", 17), ("draft.tex", 19), ("draft.tex", 21),
          ("draft.md", 16), ("draft.md", 20)}


def relbib(*args: str, cwd: Path) -> Done:
    return run(*args, cwd=cwd, env={"RELBIB_CACHE_DIR": str(cwd / ".cache"), "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("claims")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    done = relbib("ingest", "seeds", cwd=folder)
    assert done.returncode == 0, done.stderr
    for case in CASES.iterdir():
        shutil.copy(case, folder / case.name)
    return folder


def _claims(project: Path, *args: str) -> list[dict]:  # type: ignore[type-arg]
    done = relbib("check", "draft.tex", "draft.md", "--format", "json", *args, cwd=project)
    assert done.returncode in (0, 1), done.stderr
    return [f for f in json.loads(done.stdout)["findings"] if f["kind"] in CLAIM_KINDS]


def test_each_claim_kind_where_expected(project: Path) -> None:
    found = _claims(project)
    assert {(f["path"], f["line"], f["kind"]) for f in found} == EXPECTED
    assert not {(f["path"], f["line"]) for f in found} & SILENT


def test_findings_speak_the_drafts_keys(project: Path) -> None:
    by_place = {(f["path"], f["line"]): f for f in _claims(project)}
    embargo = by_place[("draft.tex", 11)]
    assert embargo["keys"] == ["Keck:embargo"]  # the draft's key, not keck2014russia
    assert embargo["suggestion"] == "cite it: \\cite{Keck:embargo}"
    helicopters = by_place[("draft.md", 11)]
    assert helicopters["keys"] == ["OwaisHorizon"]
    assert helicopters["suggestion"] == "cite it: [@OwaisHorizon, p. 130]"  # with the pinpoint
    assert by_place[("draft.tex", 13)]["keys"] == ["ZS21"]  # matched by DOI
    conflict = by_place[("draft.tex", 12)]
    assert conflict["severity"] == "warning" and "2015 / 2016" in conflict["message"]
    assert conflict["column"] == 1


def test_a_warm_run_gives_the_same_findings(project: Path) -> None:
    assert _claims(project) == _claims(project)


def test_no_claims_skips_them(project: Path) -> None:
    assert _claims(project, "--no-claims") == []


def test_a_work_only_the_library_holds_is_suggested_under_its_library_key(
        project: Path, tmp_path: Path) -> None:
    shutil.copytree(project, tmp_path / "p", ignore=shutil.ignore_patterns(".cache"))
    bib = tmp_path / "p" / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("@article{Keck:embargo", "@comment{x")
                   .replace("@book{unrelated2019", "@comment{y"), encoding="utf-8")
    found = _claims(tmp_path / "p")
    embargo = next(f for f in found if (f["path"], f["line"]) == ("draft.tex", 11))
    assert embargo["keys"] == ["keck2014russia"]
    assert "add it to the draft's .bib" in embargo["suggestion"]
