"""What bibtex and biber warn of beyond missing fields, relbib finds in their words.

One .bib with each defect is run through bibtex (plain.bst) and biber
(--validate-datamodel); every entry the tool names is named by a relbib finding
whose message quotes the tool's wording.  A missing tool skips (fails in CI).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from clirun import relbib
from conftest import BIBLATEX, need, run

BIB = """\
@article{comma2020,
  author = {{Smith}, J., and Doe, Jane},
  title = {A title}, journal = {J}, year = {2020}, volume = {1},
}
@article{many2020,
  author = {Smith, J., Jr., Foo and Doe, Jane},
  title = {Another title}, journal = {J}, year = {2020}, volume = {1},
}
@article{numnovol2020,
  author = {Doe, Jane}, title = {B title}, journal = {J}, year = {2020}, number = {3},
}
}
@book{both2020,
  author = {Doe, Jane}, editor = {Roe, Rick}, title = {C title}, publisher = {P},
  year = {2020},
}
@article{vol2020,
  author = {Doe, Jane}, title = {D title}, journal = {J}, year = {2020}, volume = {Vol. 3a},
}
"""

BIBTEX_DOC = ("\\documentclass{article}\n\\begin{document}\n\\nocite{*}\n"
              "\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n")
BIBER_DOC = ("\\documentclass{article}\n\\usepackage[backend=biber]{biblatex}\n"
             "\\addbibresource{refs.bib}\n\\begin{document}\n\\nocite{*}\n"
             "\\printbibliography\n\\end{document}\n")


def _project(tmp_path: Path, doc: str) -> Path:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "doc.tex").write_text(doc, encoding="utf-8")
    return tmp_path


def _findings(folder: Path) -> list[dict[str, object]]:
    done = relbib("check", "doc.tex", "--whole-library", "-f", "json", cwd=folder,
                  env={"RELBIB_CACHE_DIR": str(folder / ".cache")})
    return json.loads(done.stdout)["findings"]  # type: ignore[no-any-return]


def _named(findings: list[dict[str, object]], key: str, words: str) -> bool:
    return any(key in f["keys"] and words in str(f["message"]) for f in findings)  # type: ignore[operator]


@pytest.mark.needs_tex_package("natbib.sty")
def test_bibtex_name_and_style_warnings(tmp_path: Path) -> None:
    need("pdflatex")
    need("bibtex")
    folder = _project(tmp_path, BIBTEX_DOC)
    run(["pdflatex", "-interaction=nonstopmode", "doc"], folder)
    blg = run(["bibtex", "doc"], folder).stdout
    findings = _findings(folder)
    end_comma = set(re.findall(r"has a comma at the end for entry (\S+)", blg))
    too_many = set(re.findall(r"Too many commas in name \d+ of .* for entry (\S+)", blg))
    no_volume = set(re.findall(r"there's a number but no volume in (\S+)", blg))
    both = set(re.findall(r"can't use both author and editor fields in (\S+)", blg))
    assert end_comma == {"comma2020"} and too_many == {"many2020"}
    assert no_volume == {"numnovol2020"} and both == {"both2020"}
    for key in end_comma:
        assert _named(findings, key, "has a comma at the end for entry")
    for key in too_many:
        assert _named(findings, key, "Too many commas in name")
    for key in no_volume:
        assert _named(findings, key, "there's a number but no volume in")
    for key in both:
        assert _named(findings, key, "can't use both author and editor fields in")
    assert "junk" not in blg  # BibTeX skips the stray brace silently
    errors = {k for f in findings if f["severity"] == "error" for k in f["keys"]}  # type: ignore[attr-defined]
    assert {"comma2020", "many2020"} <= errors


@pytest.mark.needs_tex_package(*BIBLATEX)
def test_biber_integer_junk_and_names(tmp_path: Path) -> None:
    need("pdflatex")
    need("biber")
    folder = _project(tmp_path, BIBER_DOC)
    run(["pdflatex", "-interaction=nonstopmode", "doc"], folder)
    log = run(["biber", "--validate-datamodel", "doc"], folder).stdout
    findings = _findings(folder)
    integer = set(re.findall(r"Entry '([^']+)' \([^)]+\): Invalid value of field 'volume' "
                             r"must be datatype 'integer'", log))
    assert integer == {"vol2020"}
    for key in integer:
        assert _named(findings, key, "must be datatype 'integer'")
    junk = re.findall(r"(\d+) characters of junk seen at toplevel", log)
    assert junk == ["1"]
    assert any(f["kind"] == "parse-error" and "junk seen at toplevel" in str(f["message"])
               and f["line"] == BIB.splitlines().index("@book{both2020,") for f in findings)
    skipped = set(re.findall(r"has too many commas, skipping entry '([^']+)'", log))
    assert skipped == {"many2020"}
    assert "comma(s) at end of name" in log
    assert _named(findings, "many2020", "Too many commas") and \
        _named(findings, "comma2020", "comma at the end")
