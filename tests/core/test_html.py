from newsroom.core.html import plain_text, render_comment


def test_plain_text_leaves_no_gap_where_a_link_or_emphasis_was():
    html = render_comment("[Tom](https://example.com/tom), you *really* think so?")

    assert plain_text(html) == "Tom, you really think so?"


def test_plain_text_keeps_paragraphs_and_quotes_apart():
    html = render_comment("> First line.\n\nSecond paragraph.\nSame paragraph.")

    assert plain_text(html) == "First line. Second paragraph. Same paragraph."


def test_plain_text_unescapes_entities_once():
    assert plain_text("<p>Fish &amp; chips &lt;b&gt;</p>") == "Fish & chips <b>"
