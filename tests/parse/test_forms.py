"""classify_note: which notes are Ibid., Id., op. cit. or supra, and what they say."""

from __future__ import annotations

import pytest

from relbib.model import IbidRef, IdRef, OpCitRef, SupraRef
from relbib.parse.forms import classify_note, normalize_pinpoint, read_head

IBID = [
    ("Ibid.", None),
    ("Ibid", None),
    ("ibid.", None),
    ("IBID.", None),
    ("Ibid., 45.", "45"),
    ("Ibid., p. 45.", "45"),
    ("Ibid., pp. 45-47.", "45--47"),
    ("Ibid., pp. 45\u201347.", "45--47"),
    ("Ibid., pp. 45 - 47", "45--47"),
    ("Ibid. at 12", "12"),
    ("Ibid. 12", "12"),
    ("Ibid., p.12.", "12"),
    ("Ibid., pp. 153-62.", "153--162"),
    ("Ibid., p. xii.", "xii"),
    ("Ibid., pp. 4, 7.", "4, 7"),
    ("Ib.", None),
    ("Ibidem", None),
    ("Ibidem, p. 3.", "3"),
    ("Ib\u00eddem, p. 3.", "3"),
    ("Ib\u00eddem.", None),
    ("Ivi", None),
    ("Ivi, p. 12", "12"),
    ("Ebd.", None),
    ("Ebd., S. 12.", "12"),
    ("Ebenda, S. 12 f.", "12f"),
    ("Ibid., pp. 12ff.", "12ff"),
    ("*Ibid.*", None),
    ("_Ibid._", None),
    ("*Ibid.*, p. 45.", "45"),
    ("**Ibid.**", None),
    ("See ibid., p. 4.", "4"),
    ("Cf. Ibid. at 9", "9"),
    ("Ibid. (emphasis added).", None),
    ("Ibid., p. 45 (emphasis in original).", "45"),
    ("Ibid. See also the discussion in chapter 2.", None),
    ("Ibid.; the report repeats the figure.", None),
    ("  Ibid.  ", None),
]


@pytest.mark.parametrize(("text", "pinpoint"), IBID)
def test_ibid_forms(text: str, pinpoint: str | None) -> None:
    assert classify_note(text) == IbidRef(text=text, pinpoint=pinpoint)


ID = [
    ("Id.", None),
    ("id.", None),
    ("Id. at 5.", "5"),
    ("Id. at 5-7", "5--7"),
    ("Id., at 5.", "5"),
    ("Id at 5.", "5"),
    ("*Id.* at 5.", "5"),
    ("Id. at 45 n.3.", "45 n.3"),
    ("Id. \u00b6 12.", "\u00b6 12"),
    ("See id. at 12.", "12"),
    ("Idem, p. 5.", "5"),
    ("Idem.", None),
]


@pytest.mark.parametrize(("text", "pinpoint"), ID)
def test_id_forms(text: str, pinpoint: str | None) -> None:
    assert classify_note(text) == IdRef(text=text, pinpoint=pinpoint)


OPCIT = [
    ("Zaidi and Saud, op. cit., p. 159.", ("Zaidi", "Saud"), None, "159"),
    ("Zaidi & Saud, op. cit., p. 159.", ("Zaidi", "Saud"), None, "159"),
    ("Abbas, \u2018Russia\u2019s Revival\u2019, op. cit., p. 201.", ("Abbas",), "Russia\u2019s Revival", "201"),
    ("Abbas, \u201cRussia\u2019s Revival,\u201d op. cit., 201.", ("Abbas",), "Russia\u2019s Revival", "201"),
    ("Abbas, *Russia's Revival*, op. cit., p. 201.", ("Abbas",), "Russia's Revival", "201"),
    ("Smith, op. cit., 45.", ("Smith",), None, "45"),
    ("Smith op cit 45", ("Smith",), None, "45"),
    ("Smith, op.cit., pp. 45-6.", ("Smith",), None, "45--46"),
    ("Smith, *op. cit.*, p. 4.", ("Smith",), None, "4"),
    ("Smith, cit., p. 3", ("Smith",), None, "3"),
    ("Smith, loc. cit.", ("Smith",), None, None),
    ("J. Smith, op. cit., p. 9.", ("Smith",), None, "9"),
    ("Feroze Hassan Khan, op. cit., p. 50.", ("Khan",), None, "50"),
    ("Zaidi, Saud and Khan, op. cit.", ("Zaidi", "Saud", "Khan"), None, None),
    ("Zaidi, Saud, and Khan, op. cit.", ("Zaidi", "Saud", "Khan"), None, None),
    ("Smith et al., op. cit., p. 4.", ("Smith",), None, "4"),
    ("Smith, Trade Wars, op. cit., p. 4.", ("Smith",), "Trade Wars", "4"),
    ("M\u00fcller, a.a.O., S. 7.", ("M\u00fcller",), None, "7"),
    ("See Smith, op. cit., p. 4.", ("Smith",), None, "4"),
    ("\u2018Joint Exercise\u2019, op. cit.", (), "Joint Exercise", None),
    ("Op. cit., p. 4.", (), None, "4"),
    ("Khan, supra, at 45.", ("Khan",), None, "45"),
]


@pytest.mark.parametrize(("text", "authors", "title", "pinpoint"), OPCIT)
def test_opcit_forms(
    text: str, authors: tuple[str, ...], title: str | None, pinpoint: str | None
) -> None:
    assert classify_note(text) == OpCitRef(
        text=text, authors=authors, short_title=title, pinpoint=pinpoint
    )


SUPRA = [
    ("Khan, supra note 3, at 45.", 3, ("Khan",), "45"),
    ("See supra note 3.", 3, (), None),
    ("Khan, supra n. 3, p. 45", 3, ("Khan",), "45"),
    ("supra note 3 and accompanying text", 3, (), None),
    ("Supra note 12, at 4-5.", 12, (), "4--5"),
    ("above n 3, 45", 3, (), "45"),
    ("Khan, above n 3, 45.", 3, ("Khan",), "45"),
    ("Khan (n 3) 45.", 3, ("Khan",), "45"),
    ("Zaidi and Saud, *supra* note 7, at 160.", 7, ("Zaidi", "Saud"), "160"),
    ("Khan, supra note 3, at 45 & n.2.", 3, ("Khan",), "45 & n.2"),
]


@pytest.mark.parametrize(("text", "note", "authors", "pinpoint"), SUPRA)
def test_supra_forms(text: str, note: int, authors: tuple[str, ...], pinpoint: str | None) -> None:
    assert classify_note(text) == SupraRef(text=text, note=note, authors=authors, pinpoint=pinpoint)


NOT_SUBSEQUENT = [
    # full notes, including ones that mention a form word later on
    "Feroze Hassan Khan, \u2018Russia-Pakistan Strategic Relations\u2019, Journal of Indo-Pacific Affairs 4(1), 2021, pp. 43-65.",
    "John Smith, \u2018Why Ibid. Is Dying\u2019, Journal of Style 3, 2019, p. 4.",
    "Smith, The Ibid Problem, Oxford 2001.",
    "Khan, Pakistan (Karachi, 2001), quoted in Smith, op. cit., p. 4.",
    "Smith, op. cit. 2001, ch. 3; Jones, Book (London, 1999).",
    "Khan, Pakistan, quoted in Smith, op. cit., p. 4.",
    # Italian idem / eadem: a same-author full reference
    "Id., Criminalit\u00e0 ed emarginazione a Brescia nel primo Quattrocento,",
    "Id., Dowries and Kinsmen, \u201cJournal of History\u201d, IV (1975), pp. 571-600.",
    "Ead., Linee di politica matrimoniale, \u201cArchivio\u201d, CXL (1981), pp. 3-64.",
    # a chapter whose container alone is the subsequent reference
    "Schildmann: Perspektiven des Vergleichs, in: Schildmann, Bretl\u00e4nder (Hrsg.), a.a.O., S. 41-59.",
    "Braunstein, Remarques sur la population, in Beck, Venezia centro, cit., I, pp. 233-43.",
    "The converso community in Spain, ibid., pp. 457-78.",
    "Vatin, L\u2019ascesa degli ottomani, in Storia dell\u2019impero ottomano, [vedi supra], pp. 47-93.",
    "Smith, Chapter, in Jones, op. cit., p. 4.",
    "Idaho Law Review 12 (2001): 45.",
    "Id Software, Doom Manual (1993).",
    "Idem, \u2018Another Article\u2019, Journal 4 (2004), 5.",
    "Ib Larsen, Danish Foreign Policy (Copenhagen, 2003).",
    "Ivica Dacic, Speech, 2015.",
    "Ebden, Title, 2004.",
    "\u2018Meeting with President of Pakistan Asif Ali Zardari\u2019, President of Russia, 12 May 2011,",
    "Above the Law, Blog, 2020.",
    "Supra-national Governance, Journal 2, 2000.",
    "Abbas, \u2018Russia\u2019s Revival\u2019, 201.",  # a short form: the full parser's business
    "",
    "   ",
    "See generally Smith, Title (2000).",
]


@pytest.mark.parametrize("text", NOT_SUBSEQUENT)
def test_not_a_subsequent_form(text: str) -> None:
    assert classify_note(text) is None


def test_text_is_kept_as_printed() -> None:
    text = "  *Ibid.*, p.\u00a045. "
    ref = classify_note(text)
    assert ref is not None and ref.text == text


@pytest.mark.parametrize(
    ("printed", "normal"),
    [
        ("45", "45"),
        ("45-47", "45--47"),
        ("45 \u2013 47", "45--47"),
        ("153-62", "153--162"),
        ("98-102", "98--102"),
        ("45--47", "45--47"),
        ("12 ff.", "12ff"),
        ("4, 7-9", "4, 7--9"),
        (None, None),
        (" ", None),
    ],
)
def test_normalize_pinpoint(printed: str | None, normal: str | None) -> None:
    assert normalize_pinpoint(printed) == normal


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("", ((), None)),
        ("Zaidi and Saud", (("Zaidi", "Saud"), None)),
        ("Abbas, \u2018Russia\u2019s Revival\u2019", (("Abbas",), "Russia\u2019s Revival")),
        ("Smith, Journal 4 (2001)", None),
        ("Smith; Jones", None),
    ],
)
def test_read_head(head: str, expected: object) -> None:
    assert read_head(head) == expected
