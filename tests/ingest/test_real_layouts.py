"""Note layouts met in real published documents (the texts here are made up):
each keeps its notes, its markers and which marker belongs to which note."""

from __future__ import annotations

from relbib.ingest.essay import load_essay


def _read(text: str, path: str) -> tuple[dict[int, str], dict[int, str], list[str]]:
    essay, diagnostics = load_essay(text, path=path)
    notes = {n.n: n.text.replace("*", "") for n in essay.notes}  # their italics: test_note_italics
    claims = {n.n: " ".join(n.claim.text.split()) for n in essay.notes if n.claim is not None}
    return notes, claims, [d.message for d in diagnostics]


def test_markdown_sup_notes_fenced_by_rules_between_sections() -> None:
    text = (
        "# The Mill Towns\n\n"
        "The looms stopped in 1842.<sup>1</sup> Wages fell by a third.<sup>2</sup>\n\n"
        "***\n\n"
        "<sup>1</sup> A. Smith, *Cotton* (London, 1980), 12.\n"
        "{: .fs-2}\n"
        "<sup>2</sup> Ibid., 14.\n"
        "{: .fs-2}\n\n"
        "***\n\n"
        "## Later\n\n"
        "The strikes spread north.<sup>3</sup>\n\n"
        "*****\n\n"
        "<sup>3</sup>*B. Jones, ‘Strikes’, Labour History 4 (1990), 1–20.*</br>\n"
    )
    notes, claims, messages = _read(text, "mills.md")
    assert notes == {1: "A. Smith, Cotton (London, 1980), 12.", 2: "Ibid., 14.",
                     3: "B. Jones, ‘Strikes’, Labour History 4 (1990), 1–20."}
    assert claims == {1: "The looms stopped in 1842.", 2: "Wages fell by a third.",
                      3: "The strikes spread north."}
    assert messages == []


_BODY = "<html><body><h1>Empire</h1><p>The treaty was signed in Vienna.{1} Its critics were many.{2}</p>{notes}</body></html>"
_WANT_NOTES = {1: "A. Smith, Empire (London, 1980), 12.", 2: "Ibid., 14."}
_WANT_CLAIMS = {1: "The treaty was signed in Vienna.", 2: "Its critics were many."}


def _page(marker: str, notes: str) -> str:
    return _BODY.replace("{1}", marker.format(n=1, r="i")).replace(
        "{2}", marker.format(n=2, r="ii")).replace("{notes}", notes)


def test_html_notes_are_the_elements_the_markers_link_to() -> None:
    # EPUB 3 / Janeway: the note's id says nothing ("n1"), but a marker links to it
    page = _page('<a epub:type="noteref" href="#n{n}" id="r{n}">{n}</a>',
                 '<aside epub:type="footnote" id="n1"><p>A. Smith, <em>Empire</em> (London, 1980), 12.</p></aside>'
                 '<aside epub:type="footnote" id="n2"><p>Ibid., 14.</p></aside>')
    assert _read(page, "book.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)
    page = _page('<a href="#n{n}" id="nr{n}" class="xref-fn"><sup>{n}</sup></a>',
                 '<div class="fn-group"><div class="footnote" id="n1"><span class="fn-label">1</span>'
                 '<p>A. Smith, <em>Empire</em> (London, 1980), 12.</p></div>'
                 '<div class="footnote" id="n2"><span class="fn-label">2</span><p>Ibid., 14.</p></div></div>')
    assert _read(page, "article.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_word_endnotes_in_roman_numerals_without_a_notes_box() -> None:
    page = _page('<a href="#_edn{n}" name="_ednref{n}">[{r}]</a>',
                 '<p><a href="#_ednref1" name="_edn1">[i]</a> A. Smith, <em>Empire</em> (London, 1980), 12.</p>'
                 '<p><a href="#_ednref2" name="_edn2">[ii]</a> Ibid., 14.</p><p>The author teaches history.</p>')
    assert _read(page, "article.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_pressbooks_return_links_are_not_note_text() -> None:
    page = _page('<a class="footnote" id="return-footnote-12-{n}" href="#footnote-12-{n}">[{n}]</a>',
                 '<div class="footnotes"><ol><li id="footnote-12-1">A. Smith, <em>Empire</em> (London, 1980), 12.'
                 ' <a href="#return-footnote-12-1" class="return-footnote">&crarr;</a></li>'
                 '<li id="footnote-12-2">Ibid., 14. <a href="#return-footnote-12-2" class="return-footnote">'
                 '&crarr;</a></li></ol></div>')
    assert _read(page, "chapter.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_markdown_sup_links_to_named_anchors() -> None:
    text = ("# Trade\n\nThe treaty was signed in Vienna.<sup>[1](#foot1)</sup> Its critics were many."
            "<sup>[2](#foot2)</sup>\n\nMore text.\n\n"
            '<a name="foot1">1</a>: A. Smith, *Empire* (London, 1980), 12.\n\n'
            '<a name="foot2">2</a>: Ibid., 14.\n')
    assert _read(text, "trade.md")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_markdown_with_a_raw_html_footnotes_block() -> None:
    text = ('# Trade\n\nThe treaty was signed in Vienna.<sup id="fnref:1"><a href="#fn:1" class="footnote">1</a>'
            '</sup> Its critics were many.<sup id="fnref:2"><a href="#fn:2" class="footnote">2</a></sup>\n\n'
            '<div class="footnotes">\n  <ol>\n    <li id="fn:1">\n'
            '      <p>A. Smith, <em>Empire</em> (London, 1980), 12. <a href="#fnref:1" class="reversefootnote">'
            '&#8617;</a></p>\n    </li>\n    <li id="fn:2">\n'
            '      <p>Ibid., 14. <a href="#fnref:2" class="reversefootnote">&#8617;</a></p>\n    </li>\n'
            '  </ol>\n</div>\n')
    assert _read(text, "trade.md")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_pdf_text_whose_footnotes_follow_the_text_without_a_blank_line() -> None:
    page1 = ("The looms stopped in the spring of 1842, when the weavers of the\n"
             "valley left the mills in their thousands.1 Within a week wages had\n"
             "fallen by a third in every town of the district.2\n"
             "1 A. Smith, Cotton and Empire (London, 1980), 12–15.\n"
             "2 Ibid., 44.\n"
             "214")
    page2 = ("The strikes spread to the north in the summer, and the owners\n"
             "refused every demand.3 The leaders were dismissed.4\n"
             "3 B. Jones, ‘Strikes’, Labour History 4 (1990), 1–20, at 3.\n"
             "4 Ibid., 5.\n"
             "215")
    notes, claims, _ = _read(page1 + "\n\f" + page2 + "\n\f", "mills.txt")
    assert notes == {1: "A. Smith, Cotton and Empire (London, 1980), 12–15.", 2: "Ibid., 44.",
                     3: "B. Jones, ‘Strikes’, Labour History 4 (1990), 1–20, at 3.", 4: "Ibid., 5."}
    assert claims[2] == "Within a week wages had fallen by a third in every town of the district."
    assert claims[4] == "The leaders were dismissed."


def test_a_word_broken_over_a_note_line_is_joined() -> None:
    text = ("# Looms\n\nThe looms stopped in 1842.1 Wages fell.2\n\nNotes\n\n"
            "1. G. Adelmann, Die soziale Betriebsverfassung des Ruhr-\n   bergbaus (Bonn, 1962), 99.\n"
            "2. Ibid., 14.\n")
    notes, _, _ = _read(text, "looms.txt")
    assert notes[1] == "G. Adelmann, Die soziale Betriebsverfassung des Ruhr-bergbaus (Bonn, 1962), 99."
    page = ("The looms stopped in the spring of 1842, when the weavers of the\n"
            "valley left the mills in their thousands.1 Wages fell by a third.2\n\n"
            "1 G. Adelmann, Die soziale Betriebsverfassung des Ruhr-\nbergbaus (Bonn, 1962), 99.\n2 Ibid., 14.\n"
            "\f")
    notes, _, _ = _read(page + "More text here.3\n\n3 Ibid., 15.\n\f", "looms.txt")
    assert notes[1] == "G. Adelmann, Die soziale Betriebsverfassung des Ruhr-bergbaus (Bonn, 1962), 99."


def test_html_note_numbers_printed_apart_from_the_note_text() -> None:
    page = _page('<sup><a href="#fn{n}" name="fnref{n}">{n}</a></sup>',
                 '<div class="footnotes"><p class="footnote"><a name="fn1" href="#fnref1">1</a>. A. Smith, '
                 '<em>Empire</em> (London, 1980), 12.</p><p class="footnote"><a name="fn2" href="#fnref2">2</a>. '
                 '<em>Ibid.</em>, 14.</p></div><p>The author teaches history.</p>')
    assert _read(page, "review.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)
    page = _page('<sup><a href="#fn{n}" id="r{n}">{n}</a></sup>',
                 '<h2>Notes</h2><dl class="notes"><dt id="fn1">1</dt><dd>A. Smith, <em>Empire</em> (London, 1980),'
                 ' 12.</dd><dt id="fn2">2</dt><dd>Ibid., 14.</dd></dl>')
    assert _read(page, "review.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_html_paragraphs_opening_with_a_raised_number_are_notes_wherever_they_stand() -> None:
    page = ("<html><body><h1>Mills</h1><p>The looms stopped in 1842.<sup>1</sup></p>"
            "<div class='rule'><p><sup>1</sup> A. Smith, <em>Cotton</em> (London, 1980), 12.</p></div>"
            "<p>Wages fell by a third.<sup>2</sup></p>"
            "<div><p><sup>2</sup> Ibid., 14.</p></div><p><a href='/about'>Back to About</a></p></body></html>")
    notes, claims, messages = _read(page, "mills.html")
    assert notes == {1: "A. Smith, Cotton (London, 1980), 12.", 2: "Ibid., 14."}
    assert claims == {1: "The looms stopped in 1842.", 2: "Wages fell by a third."}
    assert messages == []


def test_word_anchors_that_lost_their_numbers_still_mark_and_open_notes() -> None:
    # a blog platform kept Word's anchors but dropped the "[1]" inside them
    page = _page('<a href="#_ftn{n}" name="_ftnref{n}"></a>',
                 '<p><a href="#_ftnref1" name="_ftn1"></a> A. Smith, <em>Empire</em> (London, 1980), 12.</p>'
                 '<p><a href="#_ftnref2" name="_ftn2"></a>Ibid., 14.</p>')
    assert _read(page, "post.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_a_raised_number_after_a_rule_inside_its_paragraph_opens_the_note() -> None:
    page = _page('<a href="https://example.org/post#{n}"><sup>[{n}]</sup></a>',
                 '<p><hr /><br /><a name="1"><sup>1</sup></a> A. Smith, <i>Empire</i> (London, 1980), 12.</p>'
                 '<p><a name="2"><sup>2</sup></a> Ibid., 14.</p>')
    assert _read(page, "post.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_markdown_bracketed_note_after_the_text_before_comments() -> None:
    text = ("# Lines\n\nShe advocates the construction of an intellectual\nMaginot Line.[1]  In this respect, "
            "I come down on\nthe other side.\n\nI have tried to finish this post for two days.\n\n"
            "[1] A. Smith, *Empire* (London,\n1980), 12.\n\n* * *\n\n### 35 Comments\n\nNice post!\n")
    notes, claims, _ = _read(text, "post.md")
    assert notes == {1: "A. Smith, Empire (London, 1980), 12."}
    assert claims == {1: "She advocates the construction of an intellectual Maginot Line."}


def test_bracketed_links_to_numbered_anchors_and_their_notes() -> None:
    page = _page('<a href="https://example.org/post.html#{n}">[{n}]</a>',
                 '<hr /><p>\n<a name="1">[1]</a><span> A. Smith, <i>Empire</i> (London, 1980), 12.</span></p>'
                 '<p><a name="2">[2]</a> <span>Ibid., 14.</span></p><h3>Comments</h3><p>Nice post.</p>')
    assert _read(page, "post.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_markdown_raised_numbers_written_as_math_or_unicode_superscripts() -> None:
    text = ("# Trade\n\nThe treaty was signed in Vienna.$^1$ Its critics were many.$^{2}$\n\n"
            "$^1$ A. Smith, *Empire* (London, 1980), 12.\n\n$^2$ Ibid., 14.\n")
    assert _read(text, "trade.md")[:2] == (_WANT_NOTES, _WANT_CLAIMS)
    text = ("# Trade\n\nThe treaty was signed in Vienna.¹ Its critics were many.²\n\n---\n\n"
            "¹ A. Smith, *Empire* (London, 1980), 12.\n² Ibid., 14.\n")
    assert _read(text, "trade.md")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_calibre_notes_open_with_an_anchor_then_their_number() -> None:
    page = _page('<a href="part0012.html#filepos{n}0" class="calibre3"><sup class="calibre4">{n}</sup></a>',
                 '<p class="calibre1"><a id="filepos10"></a><a href="part0003.html#filepos999">1</a>. A. Smith, '
                 '<i>Empire</i> (London, 1980), 12.</p>'
                 '<p class="calibre1"><a id="filepos20"></a><a href="part0003.html#filepos998">2</a>. Ibid., 14.</p>')
    assert _read(page, "book.html")[:2] == (_WANT_NOTES, _WANT_CLAIMS)


def test_journal_platform_notes_keyed_by_content_id_with_script_links() -> None:
    """A journal platform's article page: markers are script links (href="javascript:;")
    around a raised number, and each note is a box keyed by content-id, its number in a
    label span."""
    marker = ('<a class="link xref-fn js-xref-fn" data-open="fn{n}" href="javascript:;" '
              'reveal-id="fn{n}"><sup>{n}</sup></a>')
    note = ('<div class="footnote" content-id="fn{n}"><span class="fn"><a class="link xref-fn" '
            'data-open="fn{n}"></a><span class="fn-label">{n}</span><p class="footnote-compatibility">'
            '{text}</p></span></div>')
    text = ("<html><body><div class='article-body'><p>The quay was rebuilt in 1923."
            + marker.format(n=1) + " Trade grew after that." + marker.format(n=2) + "</p>"
            + '<div class="footnote-block">'
            + note.format(n=1, text="Lena Brandt, <em>Harbours of the Baltic</em> (Kiel, 1998), 45.")
            + note.format(n=2, text="Ibid., 47.") + "</div></div></body></html>")
    notes, claims, messages = _read(text, "article.html")
    assert notes == {1: "Lena Brandt, Harbours of the Baltic (Kiel, 1998), 45.", 2: "Ibid., 47."}
    assert claims == {1: "The quay was rebuilt in 1923.", 2: "Trade grew after that."}
    assert messages == []


def test_list_items_opening_with_a_raised_number_are_notes() -> None:
    # a site built by hand: a "References" list (in a <details> box, no notes class)
    # whose items open with the raised number of their marker
    page = _page("<sup>{n}</sup>",
                 "<details><summary>References</summary><ul>"
                 "<li>\n<sup>1</sup>A. Smith, <em>Empire</em> (London, 1980), 12.\n</li>"
                 "<li>\n<sup>2</sup> Ibid., 14.\n</li></ul></details>")
    notes, claims, messages = _read(page, "alleys.html")
    assert (notes, claims) == (_WANT_NOTES, _WANT_CLAIMS)
    assert messages == []
