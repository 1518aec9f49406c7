"""The Content-Security-Policy breaks nothing: no violation on the reader's pages (with an
htmx vote) nor in the Wagtail admin and the moderation workspace."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from newsroom.moderation.models import MODERATORS_GROUP
from tests.e2e.conftest import screenshot
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery staple"  # UserFactory's


def violations_of(page: Page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def test_no_page_violates_the_content_security_policy(live_server, home, browser):
    article = ArticlePageFactory(title="Ministers meet in Tokyo")
    comment = CommentFactory(article=article, body="A comment to vote on.")
    reader = UserFactory(display_name="Hana K", slug="hana-k")
    moderator = UserFactory(username="moderator", display_name="Desk", slug="desk")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    base = live_server.url
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    violations = violations_of(page)

    page.goto(f"{base}/accounts/login/?next={article.url}")
    page.get_by_label("Email:").fill(reader.email)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{article.url}")
    vote = page.locator(f"#vote-{comment.pk}")
    vote.get_by_role("button", name=f"Vote up comment by {comment.author.display_name}").click()
    expect(vote.locator(".vote__score")).to_have_text("+1")  # swapped in by htmx

    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    violations += violations_of(admin)
    # The admin's own sign-in form sends staff to the site's (which asks for a second factor).
    admin.goto(f"{base}/admin/login/?next=/admin/")
    admin.get_by_label("Email:").fill(moderator.email)
    admin.get_by_label("Password:").fill(PASSWORD)
    admin.get_by_role("button", name="Sign in").click()
    admin.wait_for_url("**/admin/")
    for path in (
        "/admin/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/images/",
        "/admin/moderation/",
    ):
        admin.goto(base + path)
        admin.wait_for_load_state("load")
        expect(admin.locator("body")).not_to_contain_text("Server Error")
    admin.goto(f"{base}/admin/pages/{article.pk}/edit/")
    admin.wait_for_load_state("load")
    screenshot(admin, "csp-admin-page-editor")

    assert violations == []
