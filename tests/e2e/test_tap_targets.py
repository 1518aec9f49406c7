"""On a phone: controls big enough to tap, and Delete that asks first with JavaScript off."""

import re

import pytest
from playwright.sync_api import Page, expect

from newsroom.discussion.models import Comment
from tests.e2e.conftest import screenshot, signed_in_page
from tests.factories import ArticlePageFactory, CommentFactory, SectionPageFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("trusted_readers"),
]

PHONE = {"width": 390, "height": 844}
MIN_TARGET = 44  # CSS px, each way (WCAG 2.5.5)

# Every visible element matching, as [label, width, height].
MEASURE = """selector => [...document.querySelectorAll(selector)]
  .filter(element => element.offsetParent !== null)
  .map(element => {
    const box = element.getBoundingClientRect();
    const label = element.getAttribute("aria-label") || element.textContent.trim();
    return [label, box.width, box.height];
  })"""


@pytest.fixture
def discussion(live_server, home):
    """An article with a reader's own comment and someone else's, which she may answer."""
    section = SectionPageFactory(title="Politics")
    article = ArticlePageFactory(parent=section, title="Ministers meet in Tokyo")
    reader = UserFactory(display_name="Aiko T", slug="aiko-t")
    CommentFactory(
        article=article,
        author=UserFactory(display_name="Hana K", slug="hana-k"),
        body_html="<p>The talks went well.</p>",
    )
    own = CommentFactory(article=article, author=reader, body_html="<p>My hasty words.</p>")
    return article, reader, own


def too_small(page: Page, selector: str) -> list:
    targets = page.evaluate(MEASURE, selector)
    assert targets, f"nothing visible matches {selector}"
    return [t for t in targets if t[1] < MIN_TARGET or t[2] < MIN_TARGET]


def test_discussion_controls_and_nav_links_are_44px_targets_on_a_phone(
    browser, live_server, discussion
):
    article, reader, _own = discussion
    page = signed_in_page(browser, live_server, reader, viewport=PHONE, is_mobile=True)

    page.goto(f"{live_server.url}{article.url}")

    assert too_small(page, ".vote__button") == []
    assert too_small(page, ".comment__actions a, .comment__actions button") == []
    labels = {t[0] for t in page.evaluate(MEASURE, ".comment__actions a")}
    assert {"Reply to comment by Hana K", "Report comment by Hana K", "Edit"} <= labels
    assert "Delete" in labels
    assert too_small(page, ".discussion__sorts a") == []
    assert too_small(page, ".section-nav a, .account-nav a, .account-nav button") == []
    screenshot(page, "tap-targets-article-phone")
    page.context.close()


def test_pagination_links_are_44px_targets_on_a_phone(browser, live_server, home, settings):
    settings.NEWSROOM_SECTION_PAGE_SIZE = 2
    section = SectionPageFactory(title="Politics")
    for n in range(5):
        ArticlePageFactory(parent=section, title=f"Story {n}")
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()

    page.goto(f"{live_server.url}{section.url}?page=2")

    assert too_small(page, ".pagination a") == []
    context.close()


def test_delete_asks_on_a_page_of_its_own_with_javascript_off(browser, live_server, discussion):
    article, reader, own = discussion
    for name, viewport in (("", {"width": 1280, "height": 900}), ("-phone", PHONE)):
        page = signed_in_page(
            browser, live_server, reader, java_script_enabled=False, viewport=viewport
        )
        page.goto(f"{live_server.url}{article.url}")

        page.locator(f"#comment-{own.pk}").get_by_role("link", name="Delete", exact=True).click()

        expect(page.get_by_role("heading", name="Delete your comment?")).to_be_visible()
        expect(page.locator("blockquote")).to_contain_text("My hasty words.")
        own.refresh_from_db()
        assert own.status == Comment.Status.PUBLISHED
        if name:
            assert too_small(page, ".confirm-actions .button, .confirm-actions a") == []
        screenshot(page, f"delete-confirmation{name}")
        page.context.close()

    page = signed_in_page(browser, live_server, reader, java_script_enabled=False)
    page.goto(f"{live_server.url}{article.url}")
    page.locator(f"#comment-{own.pk}").get_by_role("link", name="Delete", exact=True).click()
    page.get_by_role("link", name="Keep it").click()
    expect(page).to_have_url(re.compile(re.escape(article.url) + rf"\?comment={own.pk}"))
    expect(page.locator(f"#comment-{own.pk}")).to_contain_text("My hasty words.")

    page.locator(f"#comment-{own.pk}").get_by_role("link", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete comment").click()

    expect(page).to_have_url(re.compile(re.escape(article.url)))
    expect(page.locator("main")).not_to_contain_text("My hasty words.")
    own.refresh_from_db()
    assert own.status == Comment.Status.DELETED_BY_AUTHOR
    page.context.close()


def test_delete_with_javascript_asks_in_a_dialog_then_deletes_in_place(
    browser, live_server, discussion
):
    article, reader, own = discussion
    page = signed_in_page(browser, live_server, reader)
    page.goto(f"{live_server.url}{article.url}")
    page.evaluate("window.__same_document = true")
    questions = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))

    page.locator(f"#comment-{own.pk}").get_by_role("link", name="Delete", exact=True).click()

    expect(page.locator("main")).not_to_contain_text("My hasty words.")
    assert questions == ["Delete your comment? Replies to it stay."]
    assert page.evaluate("window.__same_document") is True
    own.refresh_from_db()
    assert own.status == Comment.Status.DELETED_BY_AUTHOR
    page.context.close()
