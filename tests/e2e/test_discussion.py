import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from newsroom.discussion.models import Comment
from tests.e2e.conftest import screenshot
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a long and unusual passphrase"


@pytest.fixture(autouse=True)
def _trusted_readers(settings):
    """New readers publish at once here; their pre-moderation is tests/e2e/test_moderation.py."""
    settings.NEWSROOM_PREMODERATE_FIRST = 0
    settings.NEWSROOM_LINKS_MIN_APPROVED = 0


@pytest.fixture
def article(live_server, home):
    article = ArticlePageFactory(title="Ministers meet in Tokyo")
    earlier = CommentFactory(
        article=article,
        author=UserFactory(display_name="Hana K", slug="hana-k"),
        body="The talks went well. The details are still vague.",
        body_html="<p>The talks went well. The details are still vague.</p>",
    )
    return article, earlier


def focused_comment(page: Page, text: str):
    """The comment the page put in focus after posting (htmx swap or redirect)."""
    return page.locator("article.comment--focus").filter(has_text=text).last


def sign_up_and_verify(page: Page, base: str, article_url: str, name: str, email: str) -> None:
    """From the article's sign-in link to its comment box, signed in, in one browser."""
    page.goto(f"{base}{article_url}")
    page.get_by_role("link", name="Login to leave a comment").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_role("link", name="Create account").last.click()
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Display name:").fill(name)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again):").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()

    message = next(m for m in reversed(mail.outbox) if email in m.to)
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", message.body).group(1)
    page.goto(f"{base}{link}")
    page.get_by_role("button", name="Confirm").click()
    # Confirming in the browser that signed up signs the reader in, back at the comment box.
    expect(page).to_have_url(re.compile(re.escape(article_url) + "#comment-form$"))


def test_reader_signs_up_comments_replies_quotes_and_votes_in_place(live_server, article, page):
    article, earlier = article
    sign_up_and_verify(page, live_server.url, article.url, "Kaito M", "kaito@example.com")
    page.evaluate("window.__same_document = true")  # survives only if nothing reloads the page

    page.get_by_label("Your comment", exact=True).fill("A careful first comment.")
    page.get_by_role("button", name="Post comment").click()
    posted = focused_comment(page, "A careful first comment.")
    expect(posted).to_be_visible()
    expect(posted).to_be_focused()
    expect(page.locator("#comment-count")).to_have_text("2 comments")

    hana = page.locator(f"#comment-{earlier.pk}")
    hana.get_by_role("link", name="Reply to comment by Hana K").click()
    page.get_by_label("Your reply to Hana K").fill("I think the details will follow.")
    page.get_by_role("button", name="Post reply").click()
    reply = focused_comment(page, "I think the details will follow.")
    expect(reply).to_contain_text("in reply to Hana K")

    hana = page.locator(f"#comment-{earlier.pk}")
    body = hana.locator("[data-comment-body] p").first
    body.evaluate(
        """p => { const range = document.createRange(); const text = p.firstChild;
                  range.setStart(text, 0); range.setEnd(text, 20);
                  const s = window.getSelection(); s.removeAllRanges(); s.addRange(range); }"""
    )
    hana.get_by_role("link", name="Quote comment by Hana K").click()
    expect(page.locator("[data-quote-preview] blockquote")).to_have_text("The talks went well.")
    page.get_by_label("Your comment", exact=True).fill("Well is a strong word.")
    page.get_by_role("button", name="Post comment").click()
    quoting = focused_comment(page, "Well is a strong word.")
    expect(quoting.locator(".comment__quote")).to_contain_text("Hana K wrote")
    expect(quoting.locator(".comment__quote")).to_contain_text("The talks went well.…")

    hana = page.locator(f"#comment-{earlier.pk}")
    hana.get_by_role(
        "button", name=re.compile(r"^Vote up comment by Hana K, current score 0")
    ).click()
    expect(hana.locator(".vote__score").first).to_have_text("+1")
    expect(
        hana.get_by_role("button", name=re.compile(r"^Vote up .* current score \+1"))
    ).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__same_document") is True
    screenshot(page, "discussion-signed-in")

    assert Comment.objects.filter(article=article).count() == 4
    earlier.refresh_from_db()
    assert earlier.score == 1


def test_the_same_flow_works_with_javascript_off(live_server, article, browser: Browser):
    article, earlier = article
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    sign_up_and_verify(
        page, live_server.url, article.url, "NoScript Reader", "noscript@example.com"
    )

    page.get_by_label("Your comment", exact=True).fill("Posted without JavaScript.")
    page.get_by_role("button", name="Post comment").click()
    expect(focused_comment(page, "Posted without JavaScript.")).to_be_visible()

    page.locator(f"#comment-{earlier.pk}").get_by_role(
        "link", name="Reply to comment by Hana K"
    ).click()
    page.get_by_label("Your reply to Hana K").fill("A reply from a plain form.")
    page.get_by_role("button", name="Post reply").click()
    expect(focused_comment(page, "A reply from a plain form.")).to_contain_text(
        "in reply to Hana K"
    )

    page.locator(f"#comment-{earlier.pk}").get_by_role(
        "link", name="Quote comment by Hana K"
    ).click()
    page.get_by_label("Your comment quoting Hana K").fill("Quoted without scripts.")
    page.get_by_role("button", name="Post comment").click()
    quoting = focused_comment(page, "Quoted without scripts.")
    expect(quoting.locator(".comment__quote")).to_contain_text("The talks went well.")

    hana = page.locator(f"#comment-{earlier.pk}")
    hana.get_by_role("button", name=re.compile(r"^Vote up comment by Hana K")).click()
    expect(page.locator(f"#comment-{earlier.pk} .vote__score").first).to_have_text("+1")
    screenshot(page, "discussion-no-javascript")
    context.close()
