"""A note that quotes a numbered passage ("1. … 2. … 3. …" as its own
paragraphs) is one note, not a new chapter's notes restarting at 1; and the
notes carry on after it, past 999 too (the shapes of a translated
nineteenth-century book's endnotes; the texts here are made up)."""

from __future__ import annotations

from docbuild import epub_bytes

from relbib.ingest.essay import load_essay
from relbib.ingest.numbering import read_numbering

_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
         'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>{}</title></head><body>\n')
_LAST = 1010


def _ref(n: int) -> str:
    return f'<a href="endnotes.xhtml#note-{n}" id="noteref-{n}" epub:type="noteref">{n}</a>'


def _note(n: int) -> str:
    back = f'<a href="chapter-1.xhtml#noteref-{n}" epub:type="backlink">↩</a>'
    if n == 4:  # a dialogue quoted in numbered paragraphs
        body = ("<p>Midrash Rabba, as in note 2. The dispute goes on:</p>\n"
                '<p class="cont">1. <i>Quare non respondes?</i> (Job iv. 2).</p>\n'
                '<p class="cont">Cui respondit: <i>Ambulo in via mea.</i></p>\n'
                '<p class="cont">2. <i>Nonne timor tuus?</i> (Job iv. 6).</p>\n'
                f'<p class="cont">3. <i>Et ideo tacuit.</i> {back}</p>')
    elif n == 1003:  # a table of parallels as a list, its numbers in spans
        body = ("<p>The parallels run thus (ut sup. s. 12 f.):</p>\n<ul>"
                '<li><span class="num">“1.</span> Mark ii. 3: he went in.</li>'
                '<li><span class="num">2.</span> Mark ii. 4: he looked.</li>'
                f'<li><span class="num">3.</span> Mark ii. 5: he went home.”</li></ul><p>{back}</p>')
    else:
        body = f"<p>Hartwig, Kommentar, {n % 7 + 1}, s. {n}. {back}</p>"
    return f'<li id="note-{n}" epub:type="endnote">\n{body}\n</li>\n'


def _book() -> str:
    chapter = _HEAD.format("I") + "".join(
        f"<p>Claim {n} stands here.{_ref(n)}</p>\n" for n in range(1, _LAST + 1)) + "</body></html>"
    notes = (_HEAD.format("Endnotes") + '<section epub:type="endnotes"><ol>\n'
             + "".join(_note(n) for n in range(1, _LAST + 1)) + "</ol></section></body></html>")
    return epub_bytes({"chapter-1.xhtml": chapter, "endnotes.xhtml": notes}).decode("latin-1")


def test_numbered_paragraphs_inside_an_endnote_stay_in_it() -> None:
    essay, diagnostics = load_essay(_book(), path="life.epub")
    assert [n.n for n in essay.notes] == list(range(1, _LAST + 1))
    assert all(n.marker is not None and n.marker.n == n.n for n in essay.notes)
    by_n = {n.n: n.text for n in essay.notes}
    assert by_n[4].startswith("Midrash Rabba, as in note 2.")
    assert "Nonne timor tuus?" in by_n[4] and by_n[4].endswith("*Et ideo tacuit.*")
    assert by_n[5] == "Hartwig, Kommentar, 6, s. 5."
    assert "Mark ii. 5: he went home." in by_n[1003]
    assert by_n[1004] == "Hartwig, Kommentar, 4, s. 1004."
    assert not any("restarts" in d.message for d in diagnostics)


def test_a_plain_text_note_quoting_a_numbered_list() -> None:
    text = ("The council met.1 It sat long.2 It voted.3 It wrote rules.4 They were kept.5 It rose.6\n\n"
            "Notes\n\n1. Weller, Chronik, s. 4.\n2. Ibid., s. 5.\n3. Ibid., s. 6.\n4. The rules read:\n"
            "1. no one speaks twice;\n2. no one leaves early.\n5. Weller, Chronik, s. 9.\n6. Ibid., s. 10.\n")
    essay, _ = load_essay(text, path="council.txt")
    notes = {n.n: n.text for n in essay.notes}
    assert notes[4] == "The rules read: no one speaks twice; no one leaves early."
    assert list(notes) == [1, 2, 3, 4, 5, 6] and notes[6] == "Ibid., s. 10."
    assert all(n.marker is not None for n in essay.notes)


def test_a_real_restart_is_still_a_new_chapter() -> None:
    # chapter two has more notes than chapter one: its 4 continues its own count
    numbering = read_numbering([(1, 1), (2, 2), (3, 3), (1, 5), (2, 6), (3, 7), (4, 8)])
    assert numbering.numbers == (1, 2, 3, 4, 5, 6, 7)
    nested = read_numbering([(1, 1), (2, 2), (3, 3), (1, 4), (2, 5), (4, 6)])
    assert nested.numbers == (1, 2, 3, None, None, 4)
