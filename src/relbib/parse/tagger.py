"""The CRF tagger: tokens of a reference string → one label per token.

Input: a reference string (already cleaned by reference.py).
Output: labelled segments ``(label, text, confidence)`` in string order;
labels are AnyStyle's (author, title, journal, container-title, date, ...).
Never: convert labels to fields (fields.py does) or train (scripts/ does);
the model file is package data, loaded lazily once.

Tokens are whitespace-separated words, as in AnyStyle: punctuation stays on
the word, which is itself a strong feature ("Smith," vs "Smith.").  A small
naive Bayes classifier (package data style.tsv) first tells a humanities
footnote from a reference-list item; the features of a footnote carry a
second, style-conditioned copy, so the two conventions do not blur.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from relbib import lexicon

MODEL_NAME = "refparse.crfsuite"
# Per-word log odds that a string is a humanities footnote (Italian-style,
# as in LinkedBooks) rather than an English-style reference-list item.
STYLE_NAME = "style.tsv"
FOOTNOTE_STYLE = "fn"

_PUNCT_STRIP = "\"'“”‘’«»„‚()[]{}<>.,;:!?*"
_ROMAN = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-4]\d)(?!\d)")
_OPEN_Q = set("\"“‘«„‚'")
_CLOSE_Q = set("\"”’»'")
# The month words the model was trained with: English, Italian, French and
# German as printed, except "mars" and "mai" (also ordinary words); a
# feature must stay as trained, so this set does not grow with the lexicon.
_MONTHS = frozenset(lexicon.month_words(("en", "it", "fr", "de"), forms=("wide", "abbr", "variant"),
                                        folded=False)) - {"mars", "mai"}
_ROLE = frozenset(
    "ed ed. eds eds. (ed.) (eds.) (ed) (eds) editor editors edited hrsg. hg. trans. tr. cura".split()
)
_PLACEISH = frozenset(
    "london new york paris oxford cambridge berlin chicago boston princeton roma milano venezia "
    "firenze torino bologna napoli padova washington amsterdam leiden madrid wien münchen "
    "leipzig frankfurt tokyo beijing delhi moscow".split()
)
_PUBLISHERISH = frozenset(
    "press university verlag publishers publishing books routledge springer wiley elsevier "
    "sage palgrave macmillan brill einaudi mulino laterza olschki marsilio editore editori "
    "edizioni gallimard seuil puf norton penguin blackwell ashgate".split()
)
_JOURNALISH = frozenset(
    "journal review quarterly studies bulletin annals proceedings transactions letters magazine "
    "archivio rivista studi bollettino zeitschrift revue affairs science research history "
    "times post news herald gazette tribune".split()
)


_UPPER = re.compile(r"[A-Z\u00C0-\u00DE]")
_LOWER = re.compile(r"[a-z\u00DF-\u00FF]")
_DIGIT = re.compile(r"\d")
_RUN = re.compile(r"(.)\1{2,}")
_DIGIT_RANGE = re.compile(rf"\d\s*{lexicon.DASH}\s*\d")
_PAGE_WORD = re.compile(r"^(pp?|pages?|s|ss)\.?$")
_VOLUME_WORD = re.compile(r"^(vol|no|nr|n|issue|t|bd|a)\.?$")


@lru_cache(maxsize=1 << 16)
def _shape(word: str) -> str:
    """ "Smith," → "Xx,"; "1990" → "dd": case, digit and punctuation pattern."""
    s = _UPPER.sub("X", word)
    s = _LOWER.sub("x", s)
    s = _DIGIT.sub("d", s)
    return _RUN.sub(r"\1\1", s)


def _token_features(tok: str) -> dict[str, Any]:
    core = tok.strip(_PUNCT_STRIP)
    low = core.lower()
    f: dict[str, Any] = {
        "w": low[:20],
        "shape": _shape(tok)[:10],
        "last": tok[-1],
        "first": tok[0],
        "p2": low[:2],
        "s3": low[-3:],
    }
    if core[:1].isupper():
        f["cap"] = 1
    if core.isupper() and len(core) > 1:
        f["upper"] = 1
    if core.isdigit():
        f["num"] = min(len(core), 5)
    elif any(c.isdigit() for c in core):
        f["hasdigit"] = 1
    if _YEAR.search(tok):
        f["year"] = 1
    if _ROMAN.match(core) and len(core) <= 6:
        f["roman"] = 1
    if len(core) <= 2 and tok.endswith(".") and core[:1].isupper():
        f["initial"] = 1
    if tok[0] in _OPEN_Q:
        f["oq"] = 1
    if tok.rstrip(".,;:") and tok.rstrip(".,;:")[-1] in _CLOSE_Q:
        f["cq"] = 1
    if "(" in tok:
        f["op"] = 1
    if ")" in tok:
        f["cp"] = 1
    if low in _MONTHS:
        f["month"] = 1
    if tok.lower() in _ROLE or low in _ROLE:
        f["role"] = 1
    if low in _PLACEISH:
        f["place"] = 1
    if low in _PUBLISHERISH:
        f["pub"] = 1
    if low in _JOURNALISH:
        f["jour"] = 1
    if "http" in low or "www." in low:
        f["url"] = 1
    if low.startswith("10.") and "/" in low or low.startswith("doi"):
        f["doi"] = 1
    if _DIGIT_RANGE.search(tok):
        f["range"] = 1
    if _PAGE_WORD.match(low):
        f["pp"] = 1
    if _VOLUME_WORD.match(low):
        f["volno"] = 1
    return f


def style_words(text: str) -> set[str]:
    """What the style classifier reads: the distinct lower-case words of
    ``text`` and the shapes of its punctuated tokens ("#(dd)," for "(1990),",
    "#Xx" for "Oxford"), which tell "Oxford 1979" from "Oxford: OUP, 1979"."""
    tokens = text.split()
    words = {w for w in (t.strip(_PUNCT_STRIP).lower() for t in tokens) if w.isalpha()}
    shapes = {"#" + _shape(t)[:6] for t in tokens}
    pairs = {
        "#" + _shape(a)[-3:] + "_" + _shape(b)[:3] for a, b in zip(tokens, tokens[1:], strict=False)
    }
    return words | shapes | pairs


@cache
def _style_weights() -> tuple[float, dict[str, float]]:
    path = resources.files("relbib.parse").joinpath("data", STYLE_NAME)
    if not path.is_file():
        return 0.0, {}
    weights: dict[str, float] = {}
    prior = 0.0
    for line in path.read_text("utf-8").splitlines():
        word, _, value = line.partition("\t")
        if word == "<prior>":
            prior = float(value)
        elif value:
            weights[word] = float(value)
    return prior, weights


def style_of(
    tokens: Sequence[str], classifier: tuple[float, dict[str, float]] | None = None
) -> str:
    """``FOOTNOTE_STYLE`` when the string reads like a humanities footnote, else "".

    ``classifier`` (prior, per-word log odds) defaults to the packaged one.
    """
    prior, weights = classifier if classifier is not None else _style_weights()
    if not weights:
        return ""
    score = prior + sum(weights.get(w, 0.0) for w in style_words(" ".join(tokens)))
    return FOOTNOTE_STYLE if score > 0 else ""


def features(tokens: Sequence[str], style: str | None = None) -> list[dict[str, Any]]:
    """CRF features of each token, with a window of its neighbours and its context.

    Every feature is also given a copy conditioned on the string's style
    (``style_of``), so one model learns both the reference-list and the
    footnote conventions without one style's data pulling the other's
    weights ("frustratingly easy" domain adaptation).
    """
    if style is None:
        style = style_of(tokens)
    base = [_token_features(t) for t in tokens]
    n = len(tokens)
    out: list[dict[str, Any]] = []
    quote_depth = 0
    paren_depth = 0
    seen_in = seen_year = seen_close_quote = seen_colon = False
    seen_stop = 0
    for i, tok in enumerate(tokens):
        f = dict(base[i])
        f["pos"] = min(int(10 * i / max(n, 1)), 9)
        f["idx"] = str(min(i, 8))
        f["ridx"] = str(min(n - 1 - i, 6))
        f["stops"] = str(min(seen_stop, 4))
        if i > 0:
            f["pl_fc"] = tokens[i - 1][-1] + "|" + tok[0]
        if paren_depth:
            f["inparen"] = 1
        paren_depth = max(0, paren_depth + tok.count("(") - tok.count(")"))
        if tok.endswith(".") and not base[i].get("initial") and len(tok) > 3:
            seen_stop += 1
        if i == 0:
            f["BOS"] = 1
        if i == n - 1:
            f["EOS"] = 1
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                b = base[j]
                f[f"{off}w"] = b["w"]
                f[f"{off}last"] = b["last"]
                if abs(off) == 1:
                    f[f"{off}shape"] = b["shape"]
                    for k in ("cap", "year", "num", "initial", "oq", "cq", "role", "month"):
                        if k in b:
                            f[f"{off}{k}"] = 1
        if tok[0] in _OPEN_Q and quote_depth == 0:
            quote_depth = 1
        if quote_depth:
            f["inq"] = 1
        if f.get("cq") or (tok.rstrip(".,;:?!") and tok.rstrip(".,;:?!")[-1] in _CLOSE_Q):
            if quote_depth:
                quote_depth = 0
                seen_close_quote = True
        if seen_in:
            f["after_in"] = 1
        if seen_year:
            f["after_year"] = 1
        if seen_close_quote:
            f["after_cq"] = 1
        if seen_colon:
            f["after_colon"] = 1
        out.append(f)
        if tok.lower().rstrip(":") in ("in", "dans") and i > 0:
            seen_in = True
        if "year" in base[i]:
            seen_year = True
        if tok.endswith(":"):
            seen_colon = True
    if style:
        for f in out:
            f.update({f"{style}:{k}": v for k, v in list(f.items())})
    return out


def to_crfsuite(feats: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Feature dicts as crfsuite wants them: strings become one-hot names."""
    out = []
    for f in feats:
        item: dict[str, Any] = {}
        for k, v in f.items():
            if type(v) is str:
                item[k + "=" + v] = 1.0
            else:
                item[k] = float(v)
        out.append(item)
    return out


@cache
def _tagger() -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    path = resources.files("relbib.parse").joinpath("data", MODEL_NAME)
    with resources.as_file(path) as real:
        tagger.open(str(real))
    return tagger


def model_available() -> bool:
    """True when the trained model ships with the package."""
    return resources.files("relbib.parse").joinpath("data", MODEL_NAME).is_file()


# No reference runs to this many words; past it the text is not one reference
# (a pasted chapter, "supra note 3, " repeated), and tagging it all would hold
# a feature dict per word: 1.6 GB for 700 KB.  The rest becomes one note.
MAX_TAGGED_TOKENS = 400


def tag(text: str) -> list[tuple[str, str, float]]:
    """Labelled segments of ``text``: (label, text, mean marginal of the label)."""
    tokens = text.split()
    if not tokens:
        return []
    if len(tokens) > MAX_TAGGED_TOKENS:
        rest = " ".join(tokens[MAX_TAGGED_TOKENS:])
        return [*tag(" ".join(tokens[:MAX_TAGGED_TOKENS])), ("note", rest, 0.0)]
    tagger = _tagger()
    labels = tagger.tag(to_crfsuite(features(tokens)))
    segments: list[tuple[str, list[str], list[float]]] = []
    for i, (tok, label) in enumerate(zip(tokens, labels, strict=True)):
        conf = tagger.marginal(label, i)
        if segments and segments[-1][0] == label:
            segments[-1][1].append(tok)
            segments[-1][2].append(conf)
        else:
            segments.append((label, [tok], [conf]))
    return [(label, " ".join(toks), sum(cs) / len(cs)) for label, toks, cs in segments]
