"""Hostile comments posted through the form never run in another reader's browser (issue 14)."""

import pytest
from playwright.sync_api import expect

from newsroom.discussion.models import Comment
from tests.e2e.conftest import screenshot, signed_in_page
from tests.factories import ArticlePageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAYLOADS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    "<svg/onload=alert('svg')>",
    "[click me](javascript:alert('link'))",
    "<a href=\"javascript:alert('a')\">a</a>",
    "<iframe src=\"javascript:alert('frame')\"></iframe>",
    "<details open ontoggle=alert('details')>",
    "\"><script>alert('attr')</script>",
    "{{ alert('template') }} {% csrf_token %}",
]


@pytest.fixture(autouse=True)
def _trusted_readers(settings):
    settings.NEWSROOM_PREMODERATE_FIRST = 0
    settings.NEWSROOM_LINKS_MIN_APPROVED = 0
    settings.NEWSROOM_TOXICITY_NUDGE = 1.01  # the words are about markup, not manners
    settings.NEWSROOM_RATE_LIMITS = {**settings.NEWSROOM_RATE_LIMITS, "comment": "100/minute"}


def test_posted_payloads_show_as_text_and_never_open_a_dialog(browser, live_server, home):
    article = ArticlePageFactory(title="Ministers meet in Tokyo")
    writer = signed_in_page(browser, live_server, UserFactory())
    dialogs = []
    writer.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    for payload in PAYLOADS:
        writer.goto(f"{live_server.url}{article.url}")
        writer.get_by_label("Your comment", exact=True).fill(payload)
        writer.get_by_role("button", name="Post comment").click()
        expect(writer.locator("article.comment--focus")).to_have_count(1)

    assert Comment.objects.filter(article=article).count() == len(PAYLOADS)
    reader = signed_in_page(browser, live_server, UserFactory())
    reader.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    reader.goto(f"{live_server.url}{article.url}")
    reader.wait_for_load_state("networkidle")
    for link in reader.locator(".comment__body a").all():
        link.click(modifiers=["Control"])  # a javascript: link would run on click

    assert dialogs == []
    # Template comments stay in the template: nothing of them reaches the page.
    expect(reader.get_by_text("htmx swaps 4xx answers too")).to_have_count(0)
    expect(reader.get_by_text("<script>alert('script')</script>")).to_be_visible()
    screenshot(reader, "hostile-comments")
