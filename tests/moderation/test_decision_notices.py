"""A moderator's decision on a held comment is told to its author: in the page, and by email
once if they allow it, with the reason for a rejection."""

import pytest
from django.urls import reverse

from newsroom.accounts.export import account_data
from newsroom.accounts.services import account_delete, user_set_notify_replies
from newsroom.discussion.models import Comment, DecisionNotice
from newsroom.discussion.tasks import decision_notification_send
from newsroom.moderation.models import Report
from newsroom.moderation.services import comment_approve, comment_reject, comments_bulk_moderate
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://news.example.com"


@pytest.fixture
def article(home):
    return ArticlePageFactory(title="Harbour reopens")


@pytest.fixture
def author():
    return UserFactory(username="nao", display_name="Nao Ito", slug="nao-ito")


@pytest.fixture
def held(article, author):
    return CommentFactory(
        article=article,
        author=author,
        body="The ferry times changed.",
        body_html="<p>The ferry times changed.</p>",
        status=Comment.Status.PENDING,
    )


def bulk_url(action, ids):
    url = reverse("wagtail_bulk_action", args=["discussion", "comment", action])
    return url + "?" + "&".join(f"id={pk}" for pk in ids)


def test_approving_a_held_comment_emails_its_author_once(
    django_capture_on_commit_callbacks, mailoutbox, held, moderator
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held, moderator=moderator)

    (message,) = mailoutbox
    assert message.to == ["nao@example.com"]
    assert message.subject == '[The Newsroom] Your comment on "Harbour reopens" was approved'
    assert "A moderator approved your comment on “Harbour reopens”." in message.body
    assert "The ferry times changed." in message.body
    assert f"https://news.example.com/discussion/comments/{held.pk}/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<https://news.example.com/members/notifications/unsubscribe/"
    )
    notice = DecisionNotice.objects.get()
    assert (notice.comment, notice.recipient) == (held, held.author)
    assert notice.action.action == "approve"
    assert notice.emailed_at is not None


def test_a_rejection_tells_the_author_the_moderators_reason(
    django_capture_on_commit_callbacks, mailoutbox, held, moderator
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_reject(comment=held, moderator=moderator, reason="off_topic")

    (message,) = mailoutbox
    assert message.subject == '[The Newsroom] Your comment on "Harbour reopens" was rejected'
    assert "Reason: It is off topic." in message.body


def test_the_email_task_run_twice_sends_once(
    django_capture_on_commit_callbacks, mailoutbox, held, moderator
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held, moderator=moderator)

    assert decision_notification_send.call(notice_id=DecisionNotice.objects.get().pk) == 0
    assert len(mailoutbox) == 1


def test_no_email_when_the_author_switched_emails_off_but_the_page_still_tells_them(
    django_capture_on_commit_callbacks, mailoutbox, held, author, moderator
):
    user_set_notify_replies(user=author, notify_replies=False)

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held, moderator=moderator)

    assert mailoutbox == []
    assert DecisionNotice.objects.get().emailed_at is None


def test_no_email_to_an_unverified_address_or_a_deleted_account(
    django_capture_on_commit_callbacks, mailoutbox, article, moderator
):
    unverified = UserFactory(verified=False)
    leaving = UserFactory()
    comments = [
        CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
        for reader in (unverified, leaving)
    ]
    account_delete(user=leaving)

    with django_capture_on_commit_callbacks(execute=True):
        comments_bulk_moderate(comments=comments, moderator=moderator, action="approve")

    assert mailoutbox == []


def test_approving_a_comment_readers_already_see_tells_nobody(
    django_capture_on_commit_callbacks, mailoutbox, article, author, moderator
):
    shown = CommentFactory(article=article, author=author)
    Report.objects.create(comment=shown, reporter=UserFactory(), reason="REPORTED_SPAM")

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=shown, moderator=moderator)

    assert mailoutbox == [] and not DecisionNotice.objects.exists()


def test_a_decision_reversed_before_its_email_goes_out_is_not_emailed(
    django_capture_on_commit_callbacks, mailoutbox, held, moderator
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        comment_approve(comment=held, moderator=moderator)
        comment_reject(comment=held, moderator=moderator, reason="spam")
    for callback in callbacks:
        callback()

    (message,) = mailoutbox
    assert message.subject.endswith("was rejected")
    assert DecisionNotice.objects.count() == 2


def test_a_rejected_comment_approved_on_second_thought_is_told_again(
    django_capture_on_commit_callbacks, mailoutbox, held, moderator
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_reject(comment=held, moderator=moderator, reason="spam")
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held, moderator=moderator)

    assert [m.subject.rsplit(" ", 1)[-1] for m in mailoutbox] == ["rejected", "approved"]


def test_bulk_approve_in_the_queue_notifies_each_author_once(
    client, django_capture_on_commit_callbacks, mailoutbox, article, moderator
):
    one, two = UserFactory(), UserFactory()
    comments = [
        CommentFactory(article=article, author=reader, status=Comment.Status.PENDING)
        for reader in (one, two)
    ]
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(bulk_url("approve", [c.pk for c in comments]))

    assert sorted(m.to[0] for m in mailoutbox) == sorted([one.email, two.email])
    assert sorted(DecisionNotice.objects.values_list("recipient", flat=True)) == sorted(
        [one.pk, two.pk]
    )


def test_the_author_sees_the_notice_on_their_member_page_once_as_new(
    client, held, author, moderator
):
    comment_reject(comment=held, moderator=moderator, reason="spam")
    client.force_login(author)
    page = reverse("members:member-detail", args=[author.slug])

    header = client.get(held.article.url).content.decode()
    first = client.get(page).content.decode()
    again = client.get(page).content.decode()

    assert "1 new notice" in header
    assert "A moderator rejected your comment on “Harbour reopens”" in first
    assert "Reason: It is spam or advertising." in first
    assert "member-notice--new" in first and "member-notice--new" not in again
    assert "Reason: It is spam or advertising." in again
    assert "new notice" not in client.get(held.article.url).content.decode()


def test_nobody_else_sees_a_readers_notices(client, held, author, moderator):
    comment_approve(comment=held, moderator=moderator)
    client.force_login(UserFactory())

    html = client.get(reverse("members:member-detail", args=[author.slug])).content.decode()

    assert "A moderator approved" not in html
    assert DecisionNotice.objects.unread().count() == 1


def test_the_readers_data_export_holds_their_decision_notices(held, author, moderator):
    comment_reject(comment=held, moderator=moderator, reason="spam")

    (notice,) = account_data(user=author)["decision_notices"]

    assert notice["about_comment"] == held.pk
    assert (notice["decision"], notice["reason"]) == ("reject", "It is spam or advertising")
    assert notice["read_at"] is None
