"""axe-core finds no serious or critical violation on the pages readers, commenters and
moderators use (issue 12, "How it is checked"), in the demo as `make demo` serves it."""

import pytest
from playwright.sync_api import BrowserContext, expect

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage, SectionPage
from newsroom.demo import content
from newsroom.demo.discussion import READER_PASSWORD
from newsroom.demo.loader import DEMO_ACCOUNTS
from tests.demo.loading import USES_DEMO
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import screenshot, sign_in

pytestmark = USES_DEMO


@pytest.mark.parametrize(
    "where",
    ["/", "section", "article", "/listings/", "/search/?q=typhoon", "/accounts/signup/",
     "/accounts/login/", "member"],
)  # fmt: skip
def test_a_reader_page_has_no_serious_violation(demo_site, axe_context: BrowserContext, where):
    lead = ArticlePage.objects.get(slug=content.ARTICLES[0].slug)
    path = {
        "section": SectionPage.objects.get(slug="politics").url,
        "article": lead.url,
        "member": f"/members/{User.objects.get(username='demo-hana').slug}/",
    }.get(where, where)
    page = axe_context.new_page()

    page.goto(f"{demo_site.url}{path}")

    expect(page.locator("main")).to_be_visible()
    assert_accessible(page)


def test_the_article_signed_in_has_no_serious_violation(demo_site, axe_context: BrowserContext):
    lead = ArticlePage.objects.get(slug=content.ARTICLES[0].slug)
    page = axe_context.new_page()
    sign_in(page, demo_site.url, "grace@newsroom.invalid", lead.url, READER_PASSWORD)
    expect(page.get_by_role("textbox", name="Your comment")).to_be_visible()

    assert_accessible(page)

    # And with a reply form and an edit form open in place.
    page.get_by_role("link", name="Reply to comment by Hana Kurosawa").first.click()
    expect(page.get_by_label("Your reply to Hana Kurosawa")).to_be_focused()
    assert_accessible(page)
    screenshot(page, "axe-article-signed-in")


def test_the_moderation_queue_has_no_serious_violation(demo_site, axe_context: BrowserContext):
    moderator = next(a for a in DEMO_ACCOUNTS if a.username == "moderator")
    page = axe_context.new_page()
    sign_in(page, demo_site.url, moderator.email, "/admin/moderation/", moderator.password)
    expect(page.locator("main")).to_be_visible()

    assert_accessible(page)
    screenshot(page, "axe-moderation-queue")
