"""Whatever a reader types, the stored HTML of a comment is inert (issue 14).

Property-based: hypothesis writes the comments, from hostile fragments (tags, event
handlers, script and data URLs, entities, Markdown links and autolinks, control and
bidi characters) mixed with arbitrary text. The renderer's output must never hold an
event-handler attribute, a link to anything but http(s) or mailto, a tag outside the
small allowed set, or an unclosed tag.
"""

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.core.html import ALLOWED_TAGS, URL_SCHEMES, render_comment

FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>", "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<iframe src=//e.x>",
    "<style>*{}</style>", "<a href=\"//e.x\" onclick=\"alert(1)\">y</a>", "&lt;script&gt;",
    "<<script>script>", "<scr<script>ipt>", "\u202e", "\u200b", "\x00", "\x07", "{{ 7*7 }}",
    "<https://example.com>", "<mailto:a@b.c>", "[ok](https://example.com \"t\")", "*em*",
    "**strong**", "> quoted", "`code`", "<!-- c -->", "<![CDATA[x]]>", "&#106;avascript:",
    "[x](&#106;avascript:alert(1))", "[x](vbscript:msgbox(1))", "<form action=x>",
    "<input autofocus onfocus=alert(1)>", "<details open ontoggle=alert(1)>", "\n\n", " ",
]  # fmt: skip
COMMENT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=12).map(
    "".join
)
VOID = {"br"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.seen: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


@settings(max_examples=400, deadline=None)
@given(COMMENT)
def test_a_rendered_comment_holds_only_inert_allowed_html(text):
    html = render_comment(text)
    parser = _Tags()
    parser.feed(html)
    parser.close()

    assert parser.open == [], f"unclosed {parser.open} in {html!r}"
    for tag, attrs in parser.seen:
        assert tag in ALLOWED_TAGS, html
        assert not any(name.startswith("on") for name in attrs), html
        if tag == "a":
            href = attrs.get("href") or ""
            scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", href)
            assert scheme is None or scheme.group(1).lower() in URL_SCHEMES, html
            assert attrs.get("rel") == "nofollow ugc noopener", html
        else:
            assert set(attrs) == set(), html
