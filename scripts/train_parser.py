"""Rebuild the reference-parser CRF model from the shared training strings.

Usage: .venv/bin/python scripts/train_parser.py [--shared DIR] [--out FILE]
            [--holdout N] [--dev-out FILE] [--files a,b] [--c1 X] [--c2 X]
            [--footnote-weight N] [--core-weight N] [--no-style]

Trains on anystyle_core, anystyle_good, anystyle_bad, anystyle_ugly and
linkedbooks_valid (never on the test files anystyle_gold and
linkedbooks_test; every training string whose text is in a test file is
dropped).  LinkedBooks tags are mapped onto AnyStyle's labels with the same
rules the gold conversion used (shared/refstrings/README.md).  The result is
deterministic: same data, same model.  ``--holdout N`` keeps every N-th
string out of training and writes it to ``--dev-out`` for tuning;
``--files`` trains on a subset while holding out the same strings.

Next to the model it writes words.txt (known words, for the line-break
hyphen rule) and style.tsv: a naive Bayes classifier, learnt from the same
strings, that tells humanities footnotes (LinkedBooks) from reference-list
items (AnyStyle).  The tagger conjoins every feature with that style, so one
model learns both conventions.  LinkedBooks strings are repeated
``--footnote-weight`` times and AnyStyle's curated core set
``--core-weight`` times; the defaults are the values the holdout chose.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
from pathlib import Path

import pycrfsuite

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from relbib.parse.reference import clean_text  # noqa: E402
from relbib.parse.tagger import (  # noqa: E402
    MODEL_NAME,
    STYLE_NAME,
    features,
    style_of,
    style_words,
    to_crfsuite,
)

TRAIN_FILES = (
    "anystyle_core",
    "anystyle_good",
    "anystyle_bad",
    "anystyle_ugly",
    "linkedbooks_valid",
)
TEST_FILES = ("anystyle_gold", "linkedbooks_test")

ANYSTYLE_LABELS = {
    "author", "editor", "translator", "title", "journal", "container-title", "collection-title",
    "volume", "pages", "date", "publisher", "location", "note", "source", "edition", "genre",
    "url", "doi", "isbn", "medium", "citation-number",
}  # fmt: skip
LINKEDBOOKS_PLAIN = {
    "publicationplace": "location",
    "publisher": "publisher",
    "year": "date",
    "date": "date",
    "pagination": "pages",
    "volume": "volume",
    "tomo": "volume",
    "publicationnumber-year": "volume",
    "series": "collection-title",
    "publicationspecifications": "note",
}
_EDITOR_CUE = re.compile(r"(?i)\b(?:a\s+c(?:ura|\.)|eds?\b\.?|hrsg|dir\.|curr?\.)")
_QUOTE_OPEN = '«“"'
_STRIP = "\"'“”‘’«»„‚()[]{}<>.,;:!?*"


def shared_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    return Path(os.environ.get("RELBIB_SHARED", REPO.parent / "shared"))


def linkedbooks_segments(segments: list[list[str]]) -> list[tuple[str, str]]:
    """LinkedBooks consolidated tags → AnyStyle labels, as the gold conversion reads them."""
    out: list[tuple[str, str]] = []
    seen_title = False
    volume_after = [
        any(t in ("publicationnumber-year", "volume") for t, _ in segments[i + 1 :])
        for i in range(len(segments))
    ]
    prev = ""
    for i, (tag, text) in enumerate(segments):
        if tag == "author":
            label = "editor" if seen_title or _EDITOR_CUE.search(text) else "author"
            out.append((label, text))
        elif tag == "title":
            container = "journal" if volume_after[i] else "container-title"
            if not seen_title:
                toks = text.split()
                cut = next(
                    (
                        k
                        for k, t in enumerate(toks)
                        if k > 0 and t[0] in _QUOTE_OPEN and toks[k - 1].endswith(",")
                    ),
                    None,
                )
                if cut is not None:
                    out.append(("title", " ".join(toks[:cut])))
                    out.append((container, " ".join(toks[cut:])))
                else:
                    out.append(("title", text))
                seen_title = True
            else:
                out.append(
                    (container if prev in ("o", "conjunction") or seen_title else "title", text)
                )
        elif (
            tag in ("o", "conjunction")
            and re.fullmatch(r"(?i)in:?|dalla(?: rivista)?|nella|nel", text.strip())
            and i + 1 < len(segments)
            and segments[i + 1][0] == "title"
            and seen_title
        ):
            # "in «Journal»": AnyStyle labels the "In" with its container.
            out.append(("journal" if volume_after[i] else "container-title", text))
        elif tag in LINKEDBOOKS_PLAIN:
            out.append((LINKEDBOOKS_PLAIN[tag], text))
        else:
            out.append(("other", text))
        prev = tag
    return out


def labelled_tokens(row: dict) -> tuple[list[str], list[str]]:
    segments = row["segments"]
    if row["dataset"].startswith("linkedbooks"):
        pairs = linkedbooks_segments(segments)
    else:
        pairs = [(t if t in ANYSTYLE_LABELS else "other", s) for t, s in segments]
    tokens: list[str] = []
    labels: list[str] = []
    for label, text in pairs:
        for tok in clean_text(text).split():
            tokens.append(tok)
            labels.append(label)
    return tokens, labels


def load_training(shared: Path) -> list[dict]:
    test_texts: set[str] = set()
    for name in TEST_FILES:
        with open(shared / "refstrings" / f"{name}.jsonl", encoding="utf-8") as fh:
            test_texts.update(json.loads(line)["text"].strip() for line in fh if line.strip())
    rows = []
    for name in TRAIN_FILES:
        with open(shared / "refstrings" / f"{name}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    if row["text"].strip() not in test_texts:
                        rows.append(row)
    return rows


def write_words(rows: list[dict], path: Path) -> int:
    """Known words for the line-break hyphen rule: lower-case words seen twice or more."""
    counts: dict[str, int] = {}
    for row in rows:
        for tok in row["text"].split():
            word = tok.strip(_STRIP).lower()
            if re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", word) and len(word) > 1:
                counts[word] = counts.get(word, 0) + 1
    words = sorted(w for w, n in counts.items() if n >= 2)
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    return len(words)


def is_footnote_style(row: dict) -> bool:
    """The style label the classifier learns: LinkedBooks strings are footnotes."""
    return bool(row["dataset"].startswith("linkedbooks"))


def write_style(rows: list[dict], path: Path) -> tuple[float, dict[str, float]]:
    """Naive Bayes log odds of footnote style per word (words seen 3+ times)."""
    counts: list[dict[str, int]] = [{}, {}]
    docs = [0, 0]
    for row in rows:
        k = int(is_footnote_style(row))
        docs[k] += 1
        for word in style_words(clean_text(row["text"])):
            counts[k][word] = counts[k].get(word, 0) + 1
    prior = math.log(docs[1] / docs[0])
    lines = []
    for word in sorted(set(counts[0]) | set(counts[1])):
        n0, n1 = counts[0].get(word, 0), counts[1].get(word, 0)
        if n0 + n1 < 3:
            continue
        p0, p1 = (n0 + 0.5) / (docs[0] + 1), (n1 + 0.5) / (docs[1] + 1)
        absent = math.log((1 - p1) / (1 - p0))
        odds = math.log(p1 / p0) - absent
        if abs(odds) >= 0.5:
            prior += absent  # a kept word's absence is evidence too
            lines.append(f"{word}\t{odds:.2f}")
    lines.insert(0, f"<prior>\t{prior:.3f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return prior, {w: float(v) for w, v in (line.split("\t") for line in lines[1:])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared")
    ap.add_argument("--out", default=str(REPO / "src/relbib/parse/data" / MODEL_NAME))
    ap.add_argument("--holdout", type=int, default=0)
    ap.add_argument("--dev-out")
    ap.add_argument("--c1", type=float, default=0.2)
    ap.add_argument("--c2", type=float, default=0.5)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--files", default="")
    ap.add_argument("--no-style", action="store_true")
    ap.add_argument("--footnote-weight", type=int, default=2)
    ap.add_argument("--core-weight", type=int, default=3)
    a = ap.parse_args(argv)
    rows = load_training(shared_dir(a.shared))
    dev = [row for k, row in enumerate(rows) if a.holdout and k % a.holdout == 0]
    train = [row for k, row in enumerate(rows) if not (a.holdout and k % a.holdout == 0)]
    if a.files:  # the held-out strings stay the same whatever is trained on
        train = [row for row in train if row["dataset"].replace("/", "_") in a.files.split(",")]
    n_words = write_words(train, Path(a.out).with_name("words.txt"))
    print(f"{n_words} known words", file=sys.stderr)
    classifier = write_style(train, Path(a.out).with_name(STYLE_NAME))
    if a.no_style:
        classifier = (0.0, {})
    styled = 0
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    n_train = 0
    for row in train:
        tokens, labels = labelled_tokens(row)
        if tokens:
            style = style_of(clean_text(row["text"]).split(), classifier)
            styled += bool(style)
            xseq = to_crfsuite(features(tokens, style))
            # The footnote set is small next to AnyStyle's: repeat it so its
            # style-conditioned weights are learnt as firmly.
            # AnyStyle's curated core set is the most consistently labelled.
            repeat = a.footnote_weight if is_footnote_style(row) else 1
            if row["dataset"] == "anystyle/core":
                repeat = a.core_weight
            for _ in range(repeat):
                trainer.append(xseq, labels)
            n_train += 1
    print(f"{styled} strings in footnote style", file=sys.stderr)
    trainer.set_params(
        {
            "c1": a.c1,
            "c2": a.c2,
            "max_iterations": a.iterations,
            "feature.possible_transitions": True,
        }
    )
    start = time.time()
    trainer.train(a.out)
    print(f"trained on {n_train} strings in {time.time() - start:.0f}s -> {a.out}", file=sys.stderr)
    if a.dev_out:
        with open(a.dev_out, "w", encoding="utf-8") as fh:
            for row in dev:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
