"""The five seed essays: markers, claims and metadata checked by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from relbib.ingest.essay import load_essay
from relbib.model import Essay

SEEDS = Path(__file__).parent.parent.parent / "seeds"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def essay(stem: str) -> Essay:
    path = SEEDS / f"{stem}.txt"
    return load_essay(path.read_text(encoding="utf-8"), path=str(path))[0]


# Each claim read off seed 001 by hand: the sentence carrying the marker,
# from the previous marker on where two share a sentence.
CLAIMS_001 = {
    1: "Instead of pursuing a geo-military approach to increase its influence in the Indian Ocean region, particularly South Asia and Pakistan,",
    2: "Russia pursued a geo-economics strategy; forging strong economic ties, which, in turn, gave it the much-needed political capital – a win for all involved parties.",
    3: "Furthermore, the regional political paradigm shift – India prioritising the United States (US) over Russia and the US shifting its focus from Pakistan to India – contributed greatly to the accelerated Pakistan-Russia rapprochement.",
    5: "In 2001, Russia sold 16 MI-17 military cargo helicopters to Pakistan, highlighting deepening ties between the two states.",
    6: "Most importantly, Musharraf was able to win over Russia’s support for Pakistan’s bid as an observer member of the Shanghai Cooperation Organization (SCO).",
    8: "Furthermore, in 2011, while visiting Russia, Zardari expressed to his counterpart, ‘[We] are very close neighbours, we are in the same region. Our borders don’t touch, but our hearts do.’",
    10: "Putin also stated that ‘Pakistan is our major trade and economic partner and an important partner in South Asia and the Muslim world’, highlighting Pakistan’s geopolitical significance in the eyes of Russia.",
    13: "Soon after, in 2014, the decades-old arms embargo imposed on Pakistan was finally lifted.",
    14: "In 2016, in Gilgit-Baltistan, ‘Druzhbha-2016’, a Pak-Russia joint-military exercise was conducted.",
    15: "In 2015, a landmark agreement of US$ 2 billion was concluded between Russia and Pakistan on the construction of a 1,100-kilometre long liquefied natural gas pipeline – the North-South Gas Pipeline – connecting Karachi, Pakistan’s major port city, with large industrial hubs located in the province of Punjab.",
    16: "It renamed the pipeline, Pakistan Stream Gas Pipeline, and changed the equity; Pakistan became the major stakeholder with a share of 74 per cent, while Russia owns 26 per cent.",
    17: "Economic cooperation between the two countries increased manifold, evident from the massive growth in bilateral trade volume from a negligible US$ 92 million in 2003 to over US$ 800 million in 2018.",
}

# What the text right before each marker of seed 001 reads.
BEFORE_MARKER_001 = {
    1: "Pakistan,", 2: "parties.", 3: "rapprochement.", 4: "ties.", 5: "states.", 6: "(SCO).",
    7: "Asia.", 8: "do.’", 9: "Project.", 10: "world’,", 11: "terrorism.", 12: "states.",
    13: "lifted.", 14: "conducted.", 15: "Punjab.", 16: "cent.", 17: "2018.",
}


def test_seed_001_has_seventeen_notes_each_with_its_marker() -> None:
    e = essay("001_41046a53b65da8e6")
    assert [n.n for n in e.notes] == list(range(1, 18))
    assert [m.n for m in e.markers] == list(range(1, 18))
    for note in e.notes:
        assert note.marker is not None
        assert e.text[note.marker.start:note.marker.end] == str(note.n)
        assert e.text[:note.marker.start].endswith(BEFORE_MARKER_001[note.n])
    assert e.notes[0].text.startswith("Feroze Hassan Khan, ‘Russia-Pakistan Strategic Relations")
    assert e.notes[1].text == "Ibid."
    assert e.notes[16].text == "Zaidi and Saud, op. cit., p. 161."
    assert e.text[e.body_end:].lstrip().startswith("Footnotes :")


@pytest.mark.parametrize("n", sorted(CLAIMS_001))
def test_seed_001_claims(n: int) -> None:
    e = essay("001_41046a53b65da8e6")
    claim = e.notes[n - 1].claim
    assert claim is not None
    assert squash(claim.text) == CLAIMS_001[n]
    assert claim.line == e.text.count("\n", 0, claim.start) + 1
    assert not re.search(r"\d$", claim.text)  # the marker's digits are not in the claim


def test_seed_001_year_stays_in_text_and_sentence() -> None:
    e = essay("001_41046a53b65da8e6")
    m17 = e.notes[16].marker
    assert m17 is not None and e.text[m17.start - 5:m17.end] == "2018.17"
    assert e.sentences[-1].end <= e.body_end


def test_seed_001_metadata() -> None:
    e = essay("001_41046a53b65da8e6")
    assert e.title == "Russia warms up to Pakistan"
    assert e.authors == ()  # the essay names no author
    assert e.id == "001_41046a53b65da8e6"


@pytest.mark.parametrize("stem", ["000_f79c6382c7f697a3", "002_9c55557011ceb2d6",
                                  "003_931533e42f638f11", "004_37ff32e23a6341b4"])
def test_essays_without_notes_have_no_markers(stem: str) -> None:
    e = essay(stem)
    assert e.markers == () and e.notes == ()
    assert e.body_end == len(e.text)
    assert len(e.sentences) > 20


def test_seed_000_author_and_venue_from_bio() -> None:
    e = essay("000_f79c6382c7f697a3")
    assert e.title == ""  # the first line is a paragraph, not a title
    assert [(a.family, a.given) for a in e.authors] == [("Hashemite", "Abbas")]
    assert e.venue == "New Eastern Outlook"


def test_seed_002_title_and_no_named_author() -> None:
    e = essay("002_9c55557011ceb2d6")
    assert e.title == "From Mistrust to Mutual Interests: The Saga of Pak-Russia Relations"
    assert e.authors == ()  # "The author has studied …" names nobody
    texts = [s.text for s in e.sentences]
    assert "Historical Background" in texts  # a heading is a sentence of its own
    assert any(t.startswith("Historical Challenges:") for t in texts)  # bullet sign dropped


def test_seed_003_title_without_genre_and_bio_author() -> None:
    e = essay("003_931533e42f638f11")
    assert e.title == "Pakistan-Russo Détente In New Epoch"
    assert [(a.family, a.given) for a in e.authors] == [("Nisar", "Rana Danish")]
    assert any(s.text.startswith("In return, Russian Col. Gen. Vladimir V. Chirkin") for s in e.sentences)


def test_seed_004_author_line_under_title() -> None:
    e = essay("004_37ff32e23a6341b4")
    assert e.title.startswith("Forging a New Partnership")
    assert [(a.family, a.given) for a in e.authors] == [("Ahmad", "Masuood")]


def test_100kb_essay_ingests() -> None:
    source = (SEEDS / "001_41046a53b65da8e6.txt").read_text(encoding="utf-8")
    body, notes = source.split("Footnotes :")
    big = body * 10 + "Footnotes :" + notes
    assert len(big) > 100_000
    e, _ = load_essay(big, path="big.txt")
    assert len(e.notes) == 17
