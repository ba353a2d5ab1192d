"""`relbib check` on realistic drafts: a biblatex thesis, a natbib paper, a Quarto report.

The drafts live in tests/cases/check/realistic/ with their .bib files. Each
test runs the command (in-process) and asserts the exact findings, by
place, kind and severity, and what must not be flagged. The places are the
ones pdflatex + biber / bibtex and pandoc --citeproc report (checked by hand
and, where the tools are installed, in tests/tools/test_check_agreement.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from clirun import Done, relbib

CASES = Path(__file__).resolve().parent.parent / "cases" / "check" / "realistic"

Finding = tuple[str, int, int, str, str, str]


def check(folder: Path, draft: str, *args: str) -> Done:
    env = {"RELBIB_CACHE_DIR": str(folder / ".cache"), "NO_COLOR": "1"}
    return relbib("check", draft, *args, cwd=folder, env=env)


def findings(folder: Path, draft: str) -> tuple[set[Finding], dict[str, int], str]:
    done = check(folder, draft, "--format", "json", "--no-claims")
    data = json.loads(done.stdout)
    found = {(f["path"], f["line"], f["column"], f["kind"], f["severity"], f["keys"][0])
             for f in data["findings"]}
    return found, data["summary"], json.dumps(data["findings"])


@pytest.fixture
def case(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    name: str = request.param
    shutil.copytree(CASES / name, tmp_path / name)
    return tmp_path / name


@pytest.mark.parametrize("case", ["thesis"], indirect=True)
def test_biblatex_thesis_with_chapters_subfiles_and_multicites(case: Path) -> None:
    found, summary, raw = findings(case, "main.tex")
    assert found == {
        ("chapters/intro.tex", 4, 32, "undefined-key", "error", "ghostfoot2021"),  # \footcite
        # wrong case: biber leaves it undefined ("??")
        ("chapters/method.tex", 2, 43, "undefined-key", "error", "Turing1936"),
        ("chapters/method.tex", 3, 23, "undefined-key", "error", "lamprot1986"),
        ("chapters/results.tex", 4, 25, "pinpoint-out-of-range", "warning", "shannon1948"),
        ("chapters/results.tex", 4, 56, "undefined-key", "error", "missingresult2020"),
        ("main.tex", 26, 28, "undefined-key", "error", "nosuchkey2019"),  # \parencite*
        ("refs.bib", 16, 1, "invalid-field", "warning", "lamport1986"),  # biber: ISBN invalid
    }
    # comments (not \%), verbatim, minted and \iffalse hide citations; \nocite{*}
    # uses every entry; the \autocites keys are read with their postnotes
    for hidden in ("commentedout2020", "afterpercent2020", "fakeverbatim", "fakeminted",
                   "fakeiffalse", "cacm1970", "unused-entry"):
        assert hidden not in raw
    assert summary["files"] == 5  # main, intro, method, results, refs.bib
    assert "did you mean 'lamport1986'" in check(case, "main.tex").stdout


@pytest.mark.parametrize("case", ["natbib"], indirect=True)
def test_natbib_paper_with_two_bibliographies_and_planted_bib_defects(case: Path) -> None:
    found, _summary, raw = findings(case, "paper.tex")
    assert found == {
        ("paper.tex", 6, 51, "undefined-key", "error", "nosuchkey2018"),
        ("paper.tex", 7, 59, "undefined-key", "error", "extra2010"),  # did you mean extra2001
        ("refs.bib", 43, 1, "undefined-key", "error", "crossrefchild2020"),  # missing parent
        ("refs.bib", 60, 1, "invalid-field", "warning", "badpages2019"),  # 65--43
        ("refs.bib", 68, 1, "invalid-field", "warning", "badisbn2018"),
        ("refs.bib", 71, 1, "duplicate-entry", "warning", "codd1970"),  # same DOI as a URL
        ("refs.bib", 76, 1, "invalid-field", "warning", "doiurl2017"),  # DOI written as URL
        ("refs.bib", 86, 1, "duplicate-key", "error", "dupcase2015"),  # differs in case
        ("refs.bib", 95, 1, "invalid-field", "warning", "ampersand2014"),  # unescaped &
        ("refs.bib", 100, 1, "missing-field", "warning", "datebad2021"),  # BibTeX: no year
        ("refs.bib", 104, 1, "invalid-field", "warning", "datebad2021"),  # 2021-13-01
    }
    # month = sep and a defined @string are fine; extra.bib's entry is cited;
    # the lower-case twin of a cited key is not "unused" (BibTeX folds case)
    assert "unused-entry" not in raw
    for clean in ("turing1936", "stringuse2016", "extra2001", "knuth1984"):
        assert not any(f[5] == clean for f in found)


@pytest.mark.parametrize("case", ["quarto"], indirect=True)
def test_quarto_report_with_front_matter_references_and_code_chunks(case: Path) -> None:
    found, summary, raw = findings(case, "report.qmd")
    assert found == {
        # pandoc: "citation johnsmith not found" (a handle: a warning with the escape)
        ("report.qmd", 23, 39, "undefined-key", "warning", "johnsmith"),
        ("report.qmd", 26, 21, "undefined-key", "error", "nosuchkey2020"),
    }
    # inline references: in the front matter define keys; chunks, code spans and
    # e-mail addresses hold no citations; nocite @* uses every entry
    for clean in ("inline2022", "fakeinchunk", "fakeincode", "example.org", "slot",
                  "unused-entry", "odd:key.with/chars"):
        assert clean not in raw
    assert summary["citations"] == 8


@pytest.mark.parametrize("case", ["quarto"], indirect=True)
def test_csl_json_and_yaml_bibliographies_define_keys(case: Path) -> None:
    (case / "refs.json").write_text(json.dumps([{"id": "jones2019", "type": "book"}]))
    (case / "refs.yaml").write_text("references:\n- id: smith2018\n  type: book\n")
    (case / "csl.md").write_text("---\nbibliography: [refs.json, refs.yaml]\n---\n\n"
                                 "Both [@jones2019; @smith2018] and [@nothere2000].\n")
    found, _summary, _raw = findings(case, "csl.md")
    assert found == {("csl.md", 5, 37, "undefined-key", "error", "nothere2000")}


@pytest.mark.parametrize("case", ["natbib"], indirect=True)
@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_exit_code_follows_fail_on(case: Path, fail_on: str, code: int) -> None:
    assert check(case, "paper.tex", "--fail-on", fail_on).returncode == code


@pytest.mark.parametrize("case", ["natbib"], indirect=True)
def test_every_format_reports_the_same_places(case: Path) -> None:
    github = check(case, "paper.tex", "-f", "github", "--no-claims").stdout.splitlines()
    assert "::error file=paper.tex,line=6,col=51,title=RB101 undefined-key::" \
        "citation 'nosuchkey2018' is not defined in the library " \
        "(add the entry to the .bib file the draft names, or correct the key)" in github
    sarif = json.loads(check(case, "paper.tex", "-f", "sarif", "--no-claims").stdout)
    places = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"])
              for r in sarif["runs"][0]["results"]}
    text = check(case, "paper.tex", "--no-claims").stdout.splitlines()
    assert ("paper.tex", 6) in places and ("refs.bib", 104) in places
    assert len(places) == len(github) == len(text) == 11


@pytest.mark.parametrize("case", ["bibsuppress"], indirect=True)
def test_suppression_comments_in_a_bib_cover_the_entry_below(case: Path) -> None:
    for _run in ("cold", "warm"):  # the cached scan keeps the comments
        found, _summary, _raw = findings(case, "draft.tex")
        assert found == {
            # kept2001's comment suppresses only unused-entry, not its ISBN
            ("refs.bib", 26, 1, "invalid-field", "warning", "kept2001"),
            ("refs.bib", 34, 1, "invalid-field", "warning", "notsuppressed2002"),
        }
    # without the comments the same entries are reported
    bib = case / "refs.bib"
    bib.write_text(bib.read_text().replace("relbib: ignore", "relbib ignores"))
    found, _summary, raw = findings(case, "draft.tex")
    assert {f[5] for f in found} >= {"backwards2019", "ampersand2014", "kept2001"}
    assert "unused-entry" in raw
