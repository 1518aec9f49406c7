"""A signed-in reader served the shared copy: the page their script makes of it is the page
rendered for them, and it works as that page does."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from newsroom.core import page_cache
from newsroom.discussion.models import Comment
from newsroom.discussion.services import vote_cast
from tests.e2e.conftest import screenshot, signed_in_page
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The page's structure, with what differs between two renders for the same reader left
# out: the values of the per-render tokens.
CANONICAL = """
(selectors) => {
  const per_render = new Set(["csrfmiddlewaretoken", "submission_key"]);
  function shape(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent.replace(/\\s+/g, " ").trim();
      return text ? text : null;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const attributes = Array.from(node.attributes)
      .filter((a) => !(a.name === "value" && per_render.has(node.getAttribute("name"))))
      .map((a) => a.name + "=" + a.value)
      .sort();
    const children = Array.from(node.childNodes).map(shape).filter((c) => c !== null);
    return [node.tagName.toLowerCase(), attributes, children];
  }
  return selectors.map((s) => JSON.stringify(shape(document.querySelector(s))));
}
"""
PARTS = [".account-nav", "#comments"]
SHARED = page_cache.SHARED_COPY_COOKIE


@pytest.fixture(autouse=True)
def _cache_and_trust(page_cache, trusted_readers):
    """Shared copies need the page cache; the reader's comments publish at once."""


@pytest.fixture
def story(live_server, home):
    article = ArticlePageFactory(title="Ferries return to the island")
    reader = UserFactory(display_name="Kenji Reader")
    hana = UserFactory(display_name="Hana K", slug="hana-k")
    voted = CommentFactory(article=article, author=hana, body="The first boat was full.")
    CommentFactory(article=article, parent=voted, body="Fares went up.")
    CommentFactory(article=article, author=reader, body="I took the late one.")
    old = CommentFactory(article=article, author=reader, body="Weeks ago I asked.")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=3))
    vote_cast(comment=voted, voter=reader, value=1)
    return article, reader, voted


def parts(page: Page) -> list[str]:
    return page.evaluate(CANONICAL, PARTS)


def shared_load(page: Page, url: str) -> None:
    """Load the page as a reader whose earlier page set the cookie: from the shared copy."""
    # A cookie the page's script sets reaches the browser's network side a moment later.
    deadline = time.monotonic() + 5
    while not any(c["name"] == SHARED for c in page.context.cookies()):
        assert time.monotonic() < deadline, "the page never set the cookie"
        page.wait_for_timeout(20)
    with page.expect_response(url) as answer:
        page.goto(url)
    assert answer.value.headers.get("x-page-cache") in ("hit", "stale", "miss")
    expect(page.locator("body")).to_have_attribute("data-reader-state", "applied")


def reader_on_shared_copy(browser, live_server, article, reader) -> tuple[Page, str]:
    """The reader, whose first page set the cookie, on the article's shared copy."""
    url = live_server.url + article.url
    browser.new_page().goto(url)  # an anonymous reader: the copy is stored
    page = signed_in_page(browser, live_server, reader)
    page.goto(url)
    shared_load(page, url)
    return page, url


def test_the_shared_copy_made_the_readers_own_equals_the_page_rendered_for_them(
    browser, live_server, story
):
    article, reader, _ = story
    url = live_server.url + article.url
    anonymous = browser.new_page()
    anonymous.goto(url)  # the copy every reader shares is stored
    page = signed_in_page(browser, live_server, reader)

    with page.expect_response(url) as first:
        page.goto(url)  # no cookie yet: rendered for the reader, whose script sets it
    assert "x-page-cache" not in first.value.headers
    rendered = parts(page)
    shared_load(page, url)
    made = parts(page)

    screenshot(page, "shared-copy-signed-in")
    assert made == rendered
    assert "Kenji Reader" in made[0]
    expect(page.locator("#vote-up-" + str(story[2].pk))).to_have_attribute("aria-pressed", "true")


def test_on_the_shared_copy_a_reader_votes_replies_and_posts(browser, live_server, story):
    article, reader, voted = story
    page, url = reader_on_shared_copy(browser, live_server, article, reader)

    page.locator(f"#vote-down-{voted.pk}").click()
    expect(page.locator(f"#vote-{voted.pk} .vote__score")).to_have_text("-1")
    thread = page.locator(f"#comment-{voted.pk}")
    thread.locator(":scope > .comment__main > .comment__actions").get_by_text("Reply").click()
    reply = page.locator(f"#reply-slot-{voted.pk} textarea")
    expect(reply).to_be_focused()  # htmx has bound the form it swapped in
    reply.fill("Mine was on time.")
    page.locator(f"#reply-slot-{voted.pk}").get_by_role("button", name="Post reply").click()
    expect(page.locator(".comment--focus")).to_contain_text("Mine was on time.")
    page.locator("#comment-form textarea").fill("Good to have them back.")
    page.locator("#comment-form").get_by_role("button", name="Post comment").click()
    posted = page.locator(".comment--focus").filter(has_text="Good to have them back.")
    expect(posted).to_contain_text("Edit")

    shared_load(page, url)
    expect(page.locator(f"#vote-down-{voted.pk}")).to_have_attribute("aria-pressed", "true")
    assert Comment.objects.filter(author=reader).count() == 4


def test_a_reader_with_a_held_comment_sees_it_on_the_shared_copy(browser, live_server, story):
    article, reader, _ = story
    CommentFactory(
        article=article,
        author=reader,
        status=Comment.Status.PENDING,
        body="Held until a moderator looks.",
    )
    page, _ = reader_on_shared_copy(browser, live_server, article, reader)

    expect(
        page.locator(".comment").filter(has_text="Held until a moderator looks.")
    ).to_contain_text("Your comment is awaiting review.")


def test_signing_out_ends_the_sharing(browser, live_server, story):
    article, reader, _ = story
    page, url = reader_on_shared_copy(browser, live_server, article, reader)

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    page.goto(url)

    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"] == SHARED]
