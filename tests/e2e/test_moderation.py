import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from newsroom.discussion.models import Comment
from newsroom.moderation.models import MODERATORS_GROUP
from newsroom.moderation.toxicity import toxicity_score
from tests.e2e.conftest import screenshot
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery staple"  # UserFactory's


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


def reader_signs_in(page: Page, base: str, user, next_url: str) -> None:
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.get_by_label("Email:").fill(user.email)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"**{next_url}")


def moderator_signs_in(page: Page, base: str) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/moderation/")
    page.locator("#id_username").fill("moderator")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/moderation/")


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
    reader_signs_in(author, base, newcomer, article.url)
    author.get_by_label("Your comment").fill(text)
    author.get_by_role("button", name="Post comment").click()
    expect(author.get_by_text("Your comment is awaiting review")).to_be_visible()
    comment = Comment.objects.get(body=text)
    assert comment.status == Comment.Status.PENDING

    # The moderator approves it from the Pending queue with one click.
    moderator_signs_in(moderator, base)
    item = moderator.locator(f"#mod-comment-{comment.pk}")
    expect(item).to_contain_text("New commenter (pre-moderated)")
    expect(moderator.get_by_role("link", name="Pending 1")).to_be_visible()
    screenshot(moderator, "moderation-pending")
    item.get_by_role("button", name="Approve").click()
    expect(moderator.get_by_text(f"Comment {comment.pk} approved.")).to_be_visible()

    # It appears on the article; another reader reports it.
    reader_signs_in(reporter, base, regular, article.url)
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
    item.get_by_label(f"Reason for rejecting comment {comment.pk}").select_option("off_topic")
    item.get_by_role("button", name="Reject").click()
    expect(moderator.get_by_text(f"Comment {comment.pk} rejected.")).to_be_visible()

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
