"""Issue 10's note shapes: archives, reference entries, books and chapters in every
humanities style, European and Bluebook legal forms, and the forms that point back.

Each case is a note written in the shape of real published notes (names, titles
and numbers made up, none taken from the dev set) and the fields a reader of the
note would write down for it.
"""

from __future__ import annotations

import pytest

from relbib.model import FullRef, IbidRef, IdRef, Name, SupraRef
from relbib.parse import parse_note
from relbib.parse.names import split_names
from relbib.parse.split import read_note
from relbib.resolve import resolve_cited


def _authors(ref: FullRef, role: str = "author") -> list[str]:
    names = ref.fields.get(role) or ()
    assert isinstance(names, tuple)
    return [n.family if n.literal or not n.given else f"{n.family}, {n.given}"
            for n in names if isinstance(n, Name)]


FULL = [
    # archival items
    ("Mary Winthrop to Sir Henry Vane, 2 Aug. 1641, Bodleian Library, MS Tanner 66, fo. 120.",
     "unpublished", {"title": "Mary Winthrop to Sir Henry Vane", "year": "1641"}, ["Winthrop, Mary"], "fo. 120"),
    ("Petition of the weavers of Colchester to the Privy Council, 1622, TNA, SP 14/130/45.",
     "unpublished", {"title": "Petition of the weavers of Colchester to the Privy Council", "year": "1622"}, [], None),
    ("Aldermen of Norwich to the Earl of Arundel, 4 March 1620, British Library, Add. MS 1234, fol. 9.",
     "unpublished", {"year": "1620"}, ["Aldermen of Norwich"], "fol. 9"),
    # reference entries and newspaper issues
    ("Dictionary of Irish Biography, s.v. “Keane, Molly.”",
     "inreference", {"title": "Keane, Molly", "booktitle": "Dictionary of Irish Biography"}, [], None),
    ("“Novel,” The Concise Oxford Dictionary of Literary Terms, 3rd ed., 2008.",
     "inreference", {"title": "Novel", "year": "2008"}, [], None),
    ("Manchester Guardian, 12 Jan. 1842, 3.",
     "article", {"journal": "Manchester Guardian", "year": "1842"}, [], "3"),
    ("“A Riot in the Market,” Bristol Mercury (Bristol), May 2, 1831, 2.",
     "article", {"title": "A Riot in the Market", "journal": "Bristol Mercury", "year": "1831"}, [], "2"),
    # books and chapters: a bracket of facts in every style
    ("Ruth Abernathy, The Poor Law in Practice, 1795–1834 (Oxford, 1999), 112.",
     "book", {"title": "The Poor Law in Practice, 1795–1834", "year": "1999"}, ["Abernathy, Ruth"], "112"),
    ("Tessa Moreland, Novel Readers: Fiction and Its Publics (Cambridge UP, 2011), p. 54.",
     "book", {"title": "Novel Readers: Fiction and Its Publics", "year": "2011"}, ["Moreland, Tessa"], "54"),
    ("Joan Thirsk, Economic Policy and Projects (Oxford, 1978; repr. Oxford, 2003), 17.",
     "book", {"title": "Economic Policy and Projects", "year": "2003", "origdate": "1978"}, ["Thirsk, Joan"], "17"),
    ("Alan Ferrier, ‘The Vestry and the Poor’, in Ann Hughes and Tom Kane (eds), Local Government "
     "in England (Manchester, 1998), 66–89, at 70.",
     "incollection", {"title": "The Vestry and the Poor", "booktitle": "Local Government in England",
                      "pages": "66--89", "year": "1998"}, ["Ferrier, Alan"], "70"),
    ("Niamh Ryan, ‘Standing and the Rule of Law’ in David Ward (ed), The Rule of Law Revisited "
     "(Hart Publishing 2014) 81, 88.",
     "incollection", {"title": "Standing and the Rule of Law", "booktitle": "The Rule of Law Revisited",
                      "pages": "81", "year": "2014"}, ["Ryan, Niamh"], "88"),
    ("Law Commission, Unfair Terms in Contracts (Law Com No 292, 2005) paras 4.10–4.12.",
     "report", {"title": "Unfair Terms in Contracts", "number": "Law Com No 292", "year": "2005"},
     ["Law Commission"], "paras 4.10--4.12"),
    # MLA without a bracket
    ("Ines Varga, “The Serial Reader,” A Companion to the Victorian Novel, edited by Paul Grant, "
     "Blackwell, 2002, pp. 101–17.",
     "incollection", {"title": "The Serial Reader", "booktitle": "A Companion to the Victorian Novel",
                      "pages": "101--117", "year": "2002"}, ["Varga, Ines"], None),
    ("Louis Girard, The Invention of Reading, translated by Claire Hull, Yale UP, 2010, p. 19.",
     "book", {"title": "The Invention of Reading", "year": "2010"}, ["Girard, Louis"], "19"),
    ("The Text Encoding Project Team, Guidelines for Letters, edited by Ada Brown, U of Victoria, 2015.",
     "book", {"title": "Guidelines for Letters", "year": "2015"}, ["The Text Encoding Project Team"], None),
    # European law
    ("Case C-411/05, Palacios de la Villa, EU:C:2007:604, para. 68.",
     "jurisdiction", {"title": "Palacios de la Villa", "howpublished": "EU:C:2007:604", "year": "2007"}, [],
     "para. 68"),
    ("Case 11/70, Internationale Handelsgesellschaft, [1970] ECR 1125, 1134.",
     "jurisdiction", {"title": "Internationale Handelsgesellschaft", "howpublished": "[1970] ECR 1125"}, [],
     "1134"),
    ("Directive 2000/78/EC establishing a general framework for equal treatment, OJ 2000 L 303/16, Art. 6.",
     "legislation", {"howpublished": "OJ 2000 L 303/16", "year": "2000"}, [], "Art. 6"),
    ("European Commission, White Paper on European Governance, COM(2001) 428 final, p. 12.",
     "techreport", {"title": "White Paper on European Governance", "year": "2001"}, ["European Commission"],
     "12"),
    ("T. Kessler, ‘Primacy Reconsidered’, 51 CML Rev. (2014), 211, at 215.",
     "article", {"title": "Primacy Reconsidered", "journal": "CML Rev.", "year": "2014", "pages": "211"},
     ["Kessler, T."], "215"),
    # Bluebook
    ("3 WILLIAM HOLDSWORTH, A HISTORY OF ENGLISH LAW *212 (1923).",
     "book", {"title": "A History of English Law", "volume": "3", "year": "1923"}, ["Holdsworth, William"],
     "*212"),
    ("CONG. BUDGET OFF., CBO-2019-3, THE FEDERAL BUDGET IN BRIEF 4 (2019).",
     "techreport", {"title": "The Federal Budget in Brief", "year": "2019"}, ["Cong. Budget Off."], "4"),
    ("Voting Rights Act of 1965, Pub. L. No. 89-110, 79 Stat. 437.",
     "legislation", {"title": "Voting Rights Act of 1965", "howpublished": "Pub. L. No. 89-110, 79 Stat. 437",
                     "year": "1965"}, [],
     None),
    ("Ann Bell, Note, Standing After Spokeo, 70 STAN. L. REV. 101, 104 (2018).",
     "article", {"title": "Standing After Spokeo"}, ["Bell, Ann"], "104"),
    ("Miranda v. Arizona, 384 U.S. 436, 444 (1966).",
     "jurisdiction", {"title": "Miranda v. Arizona", "howpublished": "384 U.S. 436"}, [], "444"),
    ("Freedom of Information Act 2000, sch 1, para 6.",
     "legislation", {"title": "Freedom of Information Act 2000", "year": "2000"}, [], "sch 1, para 6"),
]


@pytest.mark.parametrize(("text", "kind", "fields", "authors", "pin"), FULL, ids=[c[0][:40] for c in FULL])
def test_full_note_shape(text: str, kind: str, fields: dict[str, str], authors: list[str], pin: str | None) -> None:
    note = read_note(1, text)
    assert note.kind == "citation" and len(note.citations) == 1, note
    ref = note.citations[0].reference
    assert isinstance(ref, FullRef), ref
    assert ref.type == kind, ref
    for name, want in fields.items():
        assert ref.fields.get(name) == want, (name, ref)
    if authors:
        assert (_authors(ref) or _authors(ref, "editor")) == authors, ref
    assert ref.pinpoint == pin, ref


FORMS = [
    ("ibid [12].", IbidRef, "12"),
    ("ibid paras 2.4–2.6.", IbidRef, "paras 2.4--2.6"),
    ("3 id. § 17.", IdRef, "§ 17"),
]


@pytest.mark.parametrize(("text", "kind", "pin"), FORMS)
def test_subsequent_forms_with_legal_pinpoints(text: str, kind: type, pin: str) -> None:
    ref = parse_note(text)
    assert isinstance(ref, kind) and ref.pinpoint == pin, ref  # type: ignore[attr-defined]


def test_bracketed_note_number_with_a_paragraph() -> None:
    ref = parse_note("Jackson (n 4) [27].")
    assert isinstance(ref, SupraRef) and ref.note == 4 and ref.pinpoint == "27"


@pytest.mark.parametrize(("text", "family", "given"), [
    ("Pieter Van der Berg", "Van der Berg", "Pieter"),
    ("Siobhán Ní Bhriain", "Ní Bhriain", "Siobhán"),
    ("Friedrich Meyer zu Hörste", "Meyer zu Hörste", "Friedrich"),
    ("Lucía Martínez Soto", "Martínez Soto", "Lucía"),
    ("Karl zu Stolberg", "zu Stolberg", "Karl"),
    ("Emily Grace Hartley", "Hartley", "Emily Grace"),
])
def test_compound_family_names(text: str, family: str, given: str) -> None:
    assert split_names(text) == (Name(family=family, given=given),)


def test_short_forms_joined_by_and_are_two_citations() -> None:
    note = read_note(3, "Hale, Village Life, 12, and de la Cruz, ‘Market Towns’, 40.")
    assert [c.text for c in note.citations] == ["Hale, Village Life, 12", "de la Cruz, ‘Market Towns’, 40."]


def test_later_history_names_a_second_case() -> None:
    note = read_note(1, "Lochner v. New York, 198 U.S. 45, 53 (1905), overruled in part by "
                        "Ferguson v. Skrupa, 372 U.S. 726 (1963).")
    titles = [c.reference.fields["title"] for c in note.citations if isinstance(c.reference, FullRef)]
    assert titles == ["Lochner v. New York", "Ferguson v. Skrupa"]


def test_a_title_word_before_a_place_is_no_lead_in() -> None:
    note = read_note(1, "Memorandum on the harvest in Suffolk, 1630, TNA, SP 16/177/50.")
    ref = note.citations[0].reference
    assert note.citations[0].signal == ""
    assert isinstance(ref, FullRef) and ref.fields["title"] == "Memorandum on the harvest in Suffolk"


@pytest.mark.parametrize("text", [
    "See the text to n 12 above.", "See the discussion at n 4 above.", "Cf. the authorities cited in note 7.",
])
def test_cross_references_cite_nothing(text: str) -> None:
    assert read_note(9, text).kind == "comment"


def _resolved(notes: list[tuple[int, str]]) -> list[tuple[int | None, int | None]]:
    cited = [read_note(n, text) for n, text in notes]
    result = resolve_cited([(c.n, tuple(s.reference for s in c.citations)) for c in cited])
    return [(c.source, c.source_index) for c in result.citations]


def test_a_case_short_form_finds_its_case_by_the_reporter() -> None:
    got = _resolved([
        (1, "Mark Hale, Miranda's Legacy, 99 YALE L.J. 1, 5 (1990)."),
        (2, "Miranda v. Arizona, 384 U.S. 436, 444 (1966)."),
        (3, "See Miranda, 384 U.S. at 450."),
    ])
    assert got[-1] == (2, 0)


def test_supra_to_an_unsigned_note_and_to_a_case_party() -> None:
    got = _resolved([
        (1, "Note, The Limits of Standing, 130 HARV. L. REV. 900, 905 (2017)."),
        (2, "R (Jackson) v Attorney General [2005] UKHL 56, [2006] 1 AC 262 [102]."),
        (3, "Note, supra note 1, at 910; Jackson (n 2) [104]."),
    ])
    assert got[-2:] == [(1, 0), (2, 0)]


def test_bluebook_chapter_in_an_edited_book() -> None:
    ref = read_note(1, "Ruth Okafor, Rulemaking, in THE CAMBRIDGE HANDBOOK OF AGENCY LAW 101, 110 "
                       "(Ann Lee & Tom Hart eds., 2021).").citations[0].reference
    assert isinstance(ref, FullRef) and ref.type == "incollection", ref
    assert ref.fields["booktitle"] == "The Cambridge Handbook of Agency Law"
    assert (ref.fields["pages"], ref.pinpoint, ref.fields["year"]) == ("101", "110", "2021")
    assert _authors(ref, "editor") == ["Lee, Ann", "Hart, Tom"]


def test_bluebook_author_suffix_stays_out_of_the_title() -> None:
    ref = read_note(1, "HENRY M. COLE, JR., THE LAW OF AGENCIES § 2.1 (3d ed. 2015).").citations[0].reference
    assert isinstance(ref, FullRef) and ref.fields["title"] == "The Law of Agencies", ref
    assert _authors(ref) == ["Cole, Jr., Henry M."] and ref.pinpoint == "§ 2.1"  # the suffix kept with the family


def test_a_case_short_form_may_name_a_later_party() -> None:
    got = _resolved([
        (1, "United States v. Lopez, 514 U.S. 549, 552 (1995)."),
        (2, "Lopez, 514 U.S. at 560."),
    ])
    assert got[-1] == (1, 0)
