"""A new reader is told why their comment waits, and is told when a moderator decides."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Browser, expect

from newsroom.discussion.models import Comment
from newsroom.moderation.models import MODERATORS_GROUP
from newsroom.moderation.rules import HOLD_REASONS
from tests.e2e.conftest import SCREENSHOTS, moderator_signs_in, screenshot, sign_in
from tests.factories import ArticlePageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
NEW_READER = HOLD_REASONS["DETECTED_NEW_COMMENTER"]


def test_a_new_reader_learns_why_their_comment_waits_and_then_that_it_was_approved(
    live_server, home, browser: Browser, mailoutbox
):
    article = ArticlePageFactory(title="Ferries return to the harbour")
    newcomer = UserFactory(display_name="Newcomer Rio", slug="newcomer-rio")
    moderator = UserFactory(username="moderator", display_name="Desk Moderator", slug="desk")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    base = live_server.url
    viewport = {"width": 1280, "height": 900}
    reader = browser.new_context(viewport=viewport).new_page()
    desk = browser.new_context(viewport=viewport).new_page()
    text = "Glad the morning ferry is back; the detour took an hour."

    # Posting in place: the held comment says why it waits, for how long and what comes next.
    sign_in(reader, base, newcomer.email, article.url)
    reader.get_by_label("Your comment", exact=True).fill(text)
    reader.get_by_role("button", name="Post comment").click()
    expect(reader.locator(".comment__notice")).to_have_count(1)
    comment = Comment.objects.get(body=text)
    notice = reader.locator(f"#comment-{comment.pk} .comment__notice")
    expect(notice).to_contain_text("Your comment is awaiting review.")
    expect(notice).to_contain_text(NEW_READER)
    expect(notice).to_contain_text("we will tell you when a moderator has approved or rejected")
    screenshot(reader, "held-comment-explanation")
    reader.locator(f"#comment-{comment.pk}").screenshot(path=SCREENSHOTS / "held-comment-card.png")

    # Without JavaScript, the page the form leads to says the same.
    plain = browser.new_context(viewport=viewport, java_script_enabled=False).new_page()
    sign_in(plain, base, newcomer.email, article.url)
    plain.get_by_label("Your comment", exact=True).fill("And the fares stayed the same.")
    plain.get_by_role("button", name="Post comment").click()
    plain.wait_for_url("**?comment=*")
    second = Comment.objects.get(body="And the fares stayed the same.")
    expect(plain.locator(f"#comment-{second.pk} .comment__notice")).to_contain_text(NEW_READER)

    # The moderator approves the first in the queue.
    moderator_signs_in(desk, base)
    item = desk.locator(f"#mod-comment-{comment.pk}")
    item.get_by_role("button", name="Approve").click()
    expect(item).to_contain_text("Approved")

    # Next visit: the header says there is news; the member page tells it, once as new.
    reader.goto(f"{base}{article.url}")
    header_link = reader.get_by_role("link", name="1 new notice")
    expect(header_link).to_be_visible()
    reader.locator(".site-header").screenshot(path=SCREENSHOTS / "decision-notice-header.png")
    reader.set_viewport_size({"width": 390, "height": 844})
    expect(header_link).to_be_in_viewport()
    reader.locator(".site-header").screenshot(path=SCREENSHOTS / "decision-notice-header-390.png")
    reader.set_viewport_size(viewport)
    header_link.click()
    decision = reader.locator(".member-notice").first
    expect(decision).to_contain_text(
        "A moderator approved your comment on “Ferries return to the harbour”. It is now published."
    )
    expect(decision).to_contain_text("New")
    screenshot(reader, "decision-notice")
    reader.reload()
    expect(reader.locator(".member-notice--new")).to_have_count(0)
    expect(reader.get_by_role("link", name="1 new notice")).to_have_count(0)

    # And one email, once.
    assert [message.to for message in mailoutbox] == [[newcomer.email]]
    assert mailoutbox[0].subject.endswith("was approved")
