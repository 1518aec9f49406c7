"""A wire body's HTML into the article's StreamField blocks, under the rich-text editor's rules.

Active content (scripts, frames, plug-ins, event handlers, ``javascript:`` addresses) refuses
the item: an agency that sends it has a problem an editor should hear about. Everything
else the editor's paragraph block does not allow (inline styles, classes, headings, spans,
images inside the text) is cleaned away by Wagtail's own whitelister for the paragraph
block's features, exactly as when an editor pastes the same HTML. Block quotes become quote
blocks; every other top-level paragraph or list becomes a paragraph block.
"""

from html import escape
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from newsroom.articles.blocks import ArticleBodyBlock
from newsroom.wire.items import ItemRejected

ACTIVE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
SKIPPED = {"style", "head", "title", "h1", "figure", "img", "picture", "video", "audio", "svg"}
CONTAINERS = {"html", "body", "article", "section", "main", "div", "header", "footer", "aside"}
PARAGRAPHS = {"p", "ul", "ol", "pre", "address"}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}

type BlockData = list[dict[str, Any]]


def _paragraph_features() -> list[str]:
    return list(ArticleBodyBlock.base_blocks["paragraph"].features)


def _unsafe_reason(soup: BeautifulSoup) -> str:
    """Why this HTML carries active content, or "" when it carries none."""
    for tag in soup.find_all(True):
        if tag.name in ACTIVE_ELEMENTS:
            return f"unsafe HTML in the body: <{tag.name}> element"
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                return f"unsafe HTML in the body: {name} event handler on <{tag.name}>"
            text = "".join(value) if isinstance(value, list) else str(value)
            if name.lower() in ("href", "src", "action") and (
                "".join(text.split()).lower().startswith(UNSAFE_SCHEMES)
            ):
                scheme = text.strip().split(":")[0].lower()
                return f"unsafe HTML in the body: {scheme}: address on <{tag.name}>"
    return ""


def body_blocks(html: str) -> BlockData:
    """The StreamField data for a wire body; ItemRejected for active content or no text."""
    soup = BeautifulSoup(html, "html.parser")  # one parse serves the check and the split
    reason = _unsafe_reason(soup)
    if reason:
        raise ItemRejected(reason)
    converter = EditorHTMLConverter(_paragraph_features())
    blocks: BlockData = []
    inline: list[Tag | NavigableString] = []

    def paragraph(fragment: str, text: str) -> None:
        if not text.strip():
            return
        cleaned = converter.to_database_format(fragment).strip()
        if not cleaned.startswith(("<p", "<ul", "<ol")):
            cleaned = f"<p>{cleaned}</p>"
        blocks.append({"type": "paragraph", "value": cleaned})

    def flush() -> None:
        if inline:
            paragraph("".join(map(str, inline)), "".join(node.get_text() for node in inline))
            inline.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.strip():
                    inline.append(child)
                continue
            if not isinstance(child, Tag) or child.name in SKIPPED:
                continue
            if child.name in CONTAINERS:
                flush()
                walk(child)
                flush()
            elif child.name in PARAGRAPHS:
                flush()
                fragment = str(child) if child.name in ("ul", "ol") else child.decode_contents()
                paragraph(fragment, child.get_text())
            elif child.name in HEADINGS:
                flush()
                text = child.get_text(" ", strip=True)
                paragraph(f"<b>{escape(text)}</b>", text)
            elif child.name == "blockquote":
                flush()
                blocks.append(_quote(child))
            else:
                inline.append(child)

    walk(soup)
    flush()
    if not blocks:
        raise ItemRejected("no body text")
    return blocks


def _quote(node: Tag) -> dict[str, Any]:
    cite = node.find(["cite", "footer"])
    attribution = cite.extract().get_text(" ", strip=True).lstrip("\u2014\u2013- ") if cite else ""
    return {
        "type": "quote",
        "value": {"quote": node.get_text(" ", strip=True), "attribution": attribution},
    }
