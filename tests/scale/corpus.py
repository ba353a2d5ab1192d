"""A small generated corpus for the scale tests: footnoted essays citing a shared library.

Essays are made from the seeds' sentences (years shifted, so texts differ),
each with bracketed note markers and a references section citing works from
one shared pool (full notes, short forms and Ibid.), so that the library, the
claims and the cross-essay links all have something to do.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_FAMILIES = ["Khan", "Azizian", "Hanif", "Owais", "Naqvi", "Zaidi", "Drezner", "Pape",
             "Elliott", "Moreau", "Lindqvist", "Okafor", "Tanaka", "Ferreira", "Novak"]
_GIVEN = ["Amina", "Rouben", "Daniel", "Claire", "Jonas", "Mei", "Paulo", "Irena"]
_TOPICS = ["Strategic Relations", "Energy Corridors", "Arms Sales", "Trade Routes",
           "Sanctions Regimes", "Border Disputes", "Naval Exercises", "Pipeline Politics"]
_JOURNALS = ["Asian Affairs", "International Security", "Pakistan Horizon",
             "Journal of Strategic Studies", "Survival"]
_YEAR = re.compile(r"\b(19[5-9][0-9]|20[0-2][0-9])\b")


def _seed_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8").split("Footnotes")[0]
        out.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
                   if 8 <= len(s.split()) <= 40 and "\n" not in s.strip())
    return out


def _work(k: int) -> tuple[str, str]:
    """The k-th work of the pool: (full note, short form)."""
    rng = random.Random(k)
    family, given = _FAMILIES[k % len(_FAMILIES)], rng.choice(_GIVEN)
    title = f"{rng.choice(_TOPICS)} in South Asia, Part {k + 1}"
    year = 1995 + k % 28
    first = 10 + 7 * k
    full = (f'{given} {family}, "{title}," {_JOURNALS[k % len(_JOURNALS)]} {k % 40 + 1}, '
            f"no. {k % 4 + 1} ({year}): {first}–{first + 30}.")
    return full, f'{family}, "{title}," {first + 3}.'


def make_corpus(folder: Path, essays: int = 30, works: int = 40) -> list[Path]:
    """``essays`` essay files in ``folder``, citing ``works`` shared works."""
    sentences = _seed_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(essays):
        rng = random.Random(1000 + n)
        paragraphs, notes, cited = [], [], []
        for _ in range(rng.randint(3, 5)):
            body = []
            for _ in range(rng.randint(3, 6)):
                shift = rng.randint(0, 2)
                text = _YEAR.sub(lambda m, by=shift: str(int(m.group(1)) + by),
                                 rng.choice(sentences))
                if rng.random() < 0.5:
                    k = rng.randrange(works)
                    full, short = _work(k)
                    note = (full if k not in cited else
                            "Ibid." if cited and cited[-1] == k else short)
                    cited.append(k)
                    notes.append(note)
                    text = f"{text.rstrip('.')} [{len(notes)}]."
                body.append(text)
            paragraphs.append(" ".join(body))
        references = "\n".join(f"[{i + 1}] {note}" for i, note in enumerate(notes))
        path = folder / f"essay{n:03d}.txt"
        path.write_text(f"Essay number {n + 1} on regional affairs\n\nBy {_GIVEN[n % 8]} "
                        f"{_FAMILIES[n % 15]}\n\n" + "\n\n".join(paragraphs)
                        + f"\n\nReferences\n\n{references}\n", encoding="utf-8")
        out.append(path)
    return out
