"""Comment text: a small Markdown subset rendered once, at write time, then sanitised.

markdown-it-py turns what the reader typed into HTML with raw HTML switched
off; nh3 (the Rust ammonia sanitizer) then keeps only the few tags the subset
can produce, so nothing a reader types can run as script in another's browser.
"""

import re
from html import unescape

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "blockquote"}
# "*" replaces ammonia's default generic attributes (title, lang, dir) with none.
ALLOWED_ATTRIBUTES = {"a": {"href"}, "*": set()}
LINK_REL = "nofollow ugc noopener"
URL_SCHEMES = {"http", "https", "mailto"}

_markdown = MarkdownIt("zero", {"html": False, "breaks": True}).enable(
    ["emphasis", "link", "autolink", "blockquote", "newline", "escape"]
)
_TAG = re.compile(r"<[^>]+>")
# Where a paragraph, line or quote ends the words part; inline tags (links, emphasis) sit
# inside words' runs and leave no gap: "<a>Tom</a>, you" reads "Tom, you".
_BREAKING_TAG = re.compile(r"</?(?:p|br|blockquote)\b[^>]*>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def render_comment(text: str) -> str:
    """The safe HTML of a comment body."""
    return sanitise_html(_markdown.render(text))


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        link_rel=LINK_REL,
        url_schemes=URL_SCHEMES,
        strip_comments=True,
    ).strip()


def plain_text(html: str) -> str:
    """The visible text of sanitised HTML, whitespace folded: what a reader can quote."""
    text = _TAG.sub("", _BREAKING_TAG.sub(" ", html))
    return _SPACE.sub(" ", unescape(text)).strip()
