import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from newsroom.discussion.models import Comment
from newsroom.moderation.models import MODERATORS_GROUP
from newsroom.moderation.toxicity import toxicity_score
from tests.e2e.conftest import SCREENSHOTS, moderator_signs_in, screenshot, sign_in
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def people(live_server, home):
    toxicity_score("Load the model before the first request waits for it.")
    article = ArticlePageFactory(title="Ministers meet in Tokyo")
    regular = UserFactory(display_name="Hana K", slug="hana-k")
    CommentFactory.create_batch(2, article=article, author=regular)  # an established reader
    moderator = UserFactory(username="moderator", display_name="Desk Moderator", slug="desk")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    newcomer = UserFactory(display_name="Newcomer Ken", slug="newcomer-ken")
    return article, newcomer, regular, moderator


def test_a_held_comment_is_approved_reported_and_rejected_with_a_reason(
    live_server, people, browser
):
    article, newcomer, regular, _ = people
    base = live_server.url
    pages = {name: browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
             for name in ("author", "moderator", "reporter")}  # fmt: skip
    author, moderator, reporter = pages["author"], pages["moderator"], pages["reporter"]
    text = "First time here: I think the cable working group is the real news."

    # A new reader's first comment is held, and they are told so.
    sign_in(author, base, newcomer.email, article.url)
    author.get_by_label("Your comment", exact=True).fill(text)
    author.get_by_role("button", name="Post comment").click()
    expect(author.get_by_text("Your comment is awaiting review")).to_be_visible()
    comment = Comment.objects.get(body=text)
    assert comment.status == Comment.Status.PENDING

    # The moderator approves it from the Pending queue with one click.
    moderator_signs_in(moderator, base)
    item = moderator.locator(f"#mod-comment-{comment.pk}")
    expect(item).to_contain_text("New commenter (pre-moderated)")
    expect(item.locator(".mod-score")).to_contain_text(["profanity-check", "tox-block"])
    expect(moderator.get_by_role("link", name="Pending 1")).to_be_visible()
    screenshot(moderator, "moderation-pending")
    item.get_by_role("button", name="Approve").click()
    expect(item).to_contain_text("Approved “First time here: I think the cable")
    expect(item).to_contain_text("by Newcomer Ken.")

    # It appears on the article; another reader reports it.
    sign_in(reporter, base, regular.email, article.url)
    published = reporter.locator(f"#comment-{comment.pk}")
    expect(published).to_contain_text("the cable working group")
    published.get_by_role("link", name="Report comment by Newcomer Ken").click()
    reporter.get_by_label("Off topic").check()
    reporter.get_by_role("button", name="Send report").click()
    expect(reporter.get_by_text("your report was received")).to_be_visible()

    # The moderator rejects it from the Reported queue, with a reason.
    moderator.goto(f"{base}/admin/moderation/?queue=reported")
    item = moderator.locator(f"#mod-comment-{comment.pk}")
    expect(item).to_contain_text("Off topic by Hana K")
    screenshot(moderator, "moderation-reported")
    item.get_by_label("Reason for rejecting “First time here").select_option("off_topic")
    item.get_by_role("button", name="Reject").click()
    expect(item).to_contain_text("Rejected “First time here: I think the cable")

    # The author sees why; other readers no longer see it.
    author.reload()
    expect(
        author.get_by_text("A moderator rejected your comment: It is off topic.")
    ).to_be_visible()
    screenshot(author, "moderation-author-sees-reason")
    reporter.reload()
    expect(reporter.get_by_text("the cable working group")).to_have_count(0)
    moderator.goto(f"{base}/admin/moderation/log/")
    expect(moderator.get_by_role("cell", name="It is off topic")).to_be_visible()
    screenshot(moderator, "moderation-log")


def held(article, author, body):
    return CommentFactory(article=article, author=author, body=body, status="pending")


def test_decisions_in_place_with_the_keyboard_and_the_next_comment_focused(
    live_server, people, page
):
    article, newcomer, regular, _ = people
    first = held(article, newcomer, "A first held comment about the talks.")
    second = held(article, regular, "A second held comment, rather rude.")
    third = held(article, newcomer, "A third held comment, still waiting.")
    moderator_signs_in(page, live_server.url)
    expect(page.locator("#mod-tab-pending .mod-count")).to_have_text("3")
    expect(page.get_by_role("link", name="Moderation (3)")).to_be_visible()

    page.keyboard.press("j")  # the first comment takes the focus
    expect(page.locator(f"#mod-comment-{first.pk}")).to_be_focused()
    page.keyboard.press("a")
    expect(page.locator(f"#mod-comment-{first.pk}")).to_contain_text(
        "Approved “A first held comment about the talks.” by Newcomer Ken."
    )
    expect(page.locator(f"#mod-comment-{second.pk}")).to_be_focused()
    expect(page.locator("#mod-tab-pending .mod-count")).to_have_text("2")

    page.locator(f"#mod-comment-{second.pk}").get_by_label("Reason for rejecting").select_option(
        "abusive"
    )
    page.locator(f"#mod-comment-{second.pk}").focus()
    page.keyboard.press("r")
    expect(page.locator(f"#mod-comment-{second.pk}")).to_contain_text(
        "Rejected “A second held comment, rather rude.” by Hana K."
    )
    expect(page.locator(f"#mod-comment-{third.pk}")).to_be_focused()
    page.keyboard.press("k")
    expect(page.locator(f"#mod-comment-{second.pk}")).to_be_focused()
    screenshot(page, "moderation-decided-in-place")

    assert Comment.objects.get(pk=first.pk).status == "published"
    assert Comment.objects.get(pk=second.pk).status == "rejected"
    assert Comment.objects.get(pk=second.pk).rejection_reason == "abusive"
    assert Comment.objects.get(pk=third.pk).status == "pending"
    assert page.url.endswith("/admin/moderation/")  # no reload


def test_a_ban_asks_for_a_reason_and_confirmation_and_the_reader_is_told_why(
    live_server, people, browser
):
    article, newcomer, _, _ = people
    comment = held(article, newcomer, "Buy cheap watches at my shop.")
    gone = UserFactory(display_name="Gone Reader", slug="gone")
    held(article, gone, "Written before the account was deleted.")
    gone.anonymised_at = timezone.now()
    gone.save(update_fields=["anonymised_at"])
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    moderator_signs_in(page, live_server.url)

    deleted_item = page.locator(".mod-item", has_text="Written before the account was deleted.")
    expect(deleted_item.get_by_role("link", name="Ban")).to_have_count(0)
    expect(deleted_item.get_by_role("link", name="Suspend")).to_have_count(0)

    item = page.locator(f"#mod-comment-{comment.pk}")
    item.get_by_role("link", name="Ban Newcomer Ken").click()
    confirm = item.locator(".mod-confirm")
    expect(confirm).to_contain_text("Ban Newcomer Ken?")
    expect(confirm.get_by_label("Reason, shown to the reader")).to_be_focused()
    confirm.get_by_role("button", name="Yes, ban").click()  # no reason: the browser refuses
    assert not newcomer.sanctions.exists()
    confirm.get_by_label("Reason, shown to the reader").fill("Advertising, again and again.")
    screenshot(page, "moderation-ban-confirmation")
    confirm.get_by_role("button", name="Yes, ban").click()
    expect(page.get_by_text("Banned reader: Newcomer Ken. Reason: Advertising")).to_be_visible()
    assert newcomer.sanctions.get().reason == "Advertising, again and again."

    reader = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(reader, live_server.url, newcomer.email, article.url)
    expect(reader.get_by_text("Reason: Advertising, again and again.")).to_be_visible()


def test_bulk_decisions_fit_a_phone(live_server, people, browser):
    article, newcomer, _, _ = people
    comments = [held(article, newcomer, f"Held comment number {n}.") for n in range(3)]
    page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    moderator_signs_in(page, live_server.url)

    for comment in comments[:2]:
        page.locator(f"#mod-comment-{comment.pk} [data-bulk-action-checkbox]").check()
    footer = page.locator("[data-bulk-action-footer]")
    for name in ("Approve", "Reject"):
        button = footer.get_by_role("link", name=f"{name} the selected comments")
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (name, box)
    # The admin's hidden sidebar holds a lazy avatar that never loads on a phone.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    footer.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "moderation-bulk-phone.png"))
    footer.get_by_role("link", name="Approve the selected comments").click()
    expect(page.get_by_text("Held comment number 0.")).to_be_visible()
    page.get_by_role("button", name="Yes, approve").click()
    expect(page.get_by_text("2 comments approved.")).to_be_visible()
    statuses = [Comment.objects.get(pk=c.pk).status for c in comments]
    assert statuses == ["published", "published", "pending"]


def test_a_moderator_closes_a_discussion_without_republishing_the_article(
    live_server, people, page
):
    article, newcomer, _, _ = people
    held(article, newcomer, "Held on the article to close.")
    article.refresh_from_db()
    published_at, revisions = article.last_published_at, article.revisions.count()
    moderator_signs_in(page, live_server.url)

    page.get_by_role("link", name=article.title).first.click()
    bar = page.locator(".mod-discussion")
    expect(bar).to_contain_text("is open")
    bar.get_by_label("Reason (for the log)").fill("Threads turned into insults.")
    bar.get_by_role("button", name="Close the discussion").click()
    expect(page.get_by_text(f"The discussion of “{article.title}” is closed.")).to_be_visible()
    screenshot(page, "moderation-discussion-closed")

    article.refresh_from_db()
    assert not article.comments_open
    assert article.last_published_at == published_at and article.revisions.count() == revisions
    page.goto(live_server.url + article.url)
    expect(page.get_by_text("The discussion of this article is closed.")).to_be_visible()
    page.goto(live_server.url + "/admin/moderation/log/")
    expect(page.get_by_role("cell", name="Threads turned into insults.")).to_be_visible()
    expect(page.get_by_role("cell", name="Closed the discussion")).to_be_visible()
