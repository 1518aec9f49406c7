import email.policy
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from newsroom.accounts.services import account_delete, user_set_notify_replies
from newsroom.discussion.models import Comment
from newsroom.discussion.notifications import reply_recipients
from newsroom.discussion.services import comment_create, comment_delete_by_author
from newsroom.discussion.tasks import reply_notifications_send
from newsroom.moderation.models import MODERATORS_GROUP
from newsroom.moderation.services import comment_approve, comment_remove
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def queued_notifications(callbacks: list) -> list:
    """The reply-notification tasks among the on-commit callbacks (caches use them too)."""
    return [c for c in callbacks if getattr(c, "func", None) == reply_notifications_send.enqueue]


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://news.example.com"


@pytest.fixture
def article(home):
    return ArticlePageFactory(title="Rail fares rise in April")


@pytest.fixture
def ana():
    return UserFactory(username="ana", display_name="Ana Mori", slug="ana-mori")


@pytest.fixture
def ben():
    return UserFactory(username="ben", display_name="Ben Ota", slug="ben-ota")


@pytest.fixture
def answered(article, ana):
    return CommentFactory(article=article, author=ana, body="Fares should stay as they are.")


@pytest.fixture
def moderator():
    user = UserFactory(display_name="Mod Erika", slug="mod-erika")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


# The worker checks its connection as a worker should (close_old_connections), which ends a
# test transaction on PostgreSQL: this test commits for real.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_backend_the_worker_sends_the_email(
    mailoutbox, settings, article, answered, ben
):
    settings.TASKS = {"default": {"BACKEND": settings.TASK_BACKENDS["database"]}}

    comment_create(article=article, author=ben, body="Costs rose.", parent=answered)
    queued = list(DBTaskResult.objects.values_list("status", flat=True))
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert queued == ["READY"]
    assert [message.to for message in mailoutbox] == [["ana@example.com"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_reply_emails_the_author_of_the_comment_answered(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben
):
    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_create(
            article=article, author=ben, body="They *cannot* stay, costs rose.", parent=answered
        )

    (message,) = mailoutbox
    assert message.to == ["ana@example.com"]
    assert message.subject == (
        '[The Newsroom] Ben Ota replied to your comment on "Rail fares rise in April"'
    )
    assert "They cannot stay, costs rose." in message.body
    assert f"https://news.example.com/discussion/comments/{reply.pk}/" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://news.example.com/members/notifications/unsubscribe/")
    assert unsubscribe.strip("<>") in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_unsubscribe_header_survives_sending_on_one_line(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body="Hm.", parent=answered)

    (message,) = mailoutbox
    sent = message.message(policy=email.policy.SMTP).as_bytes().decode()
    header = message.extra_headers["List-Unsubscribe"]
    assert len(header) > 78  # long enough that the standard library would fold it
    assert f"List-Unsubscribe: {header}\r\n" in sent


def test_a_quote_emails_the_author_of_the_comment_quoted(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body="Exactly.", quoted=answered)

    (message,) = mailoutbox
    assert message.to == ["ana@example.com"]
    assert "Ben Ota quoted your comment" in message.subject


def test_replying_to_and_quoting_the_same_reader_sends_one_email(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body="No.", parent=answered, quoted=answered)

    (message,) = mailoutbox
    assert "Ben Ota replied to and quoted your comment" in message.subject


def test_a_reader_answered_twice_by_one_comment_is_one_recipient(article, answered, ana, ben):
    reply = CommentFactory(article=article, author=ben, parent=answered, quoted=answered)

    (recipient,) = reply_recipients(comment=reply, addresses={ana.pk: "ana@example.com"})

    assert (recipient.user, recipient.replied, recipient.quoted) == (ana, True, True)


def test_replying_to_one_reader_and_quoting_another_emails_both(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben
):
    quoted = CommentFactory(article=article, author=UserFactory(email="cho@example.com"))

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(
            article=article, author=ben, body="Both wrong.", parent=answered, quoted=quoted
        )

    assert sorted(message.to[0] for message in mailoutbox) == ["ana@example.com", "cho@example.com"]


def test_a_reply_below_the_deepest_level_emails_the_reader_answered_not_the_parent(
    django_capture_on_commit_callbacks, mailoutbox, article, ben
):
    top = CommentFactory(article=article)
    second = CommentFactory(article=article, parent=top)
    deepest = UserFactory(email="dai@example.com")
    third = CommentFactory(article=article, parent=second, author=deepest)

    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_create(article=article, author=ben, body="Deeper.", parent=third)

    assert reply.parent == second
    assert [message.to for message in mailoutbox] == [["dai@example.com"]]


def test_answering_yourself_sends_nothing(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ana
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(
            article=article, author=ana, body="And more.", parent=answered, quoted=answered
        )

    assert mailoutbox == []


def test_a_top_level_comment_queues_nothing(django_capture_on_commit_callbacks, article, ben):
    with django_capture_on_commit_callbacks() as callbacks:
        comment_create(article=article, author=ben, body="First!")

    assert queued_notifications(callbacks) == []


def test_nothing_is_sent_before_the_transaction_commits(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben
):
    with django_capture_on_commit_callbacks() as callbacks:
        comment_create(article=article, author=ben, body="Later.", parent=answered)
        assert mailoutbox == []

    (queued,) = queued_notifications(callbacks)
    queued()
    assert len(mailoutbox) == 1


def test_an_answer_taken_down_before_the_task_runs_sends_nothing(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben, moderator
):
    with django_capture_on_commit_callbacks() as callbacks:
        reply = comment_create(article=article, author=ben, body="Rude.", parent=answered)
    comment_remove(comment=reply, moderator=moderator)

    for callback in callbacks:
        callback()

    assert mailoutbox == []


def test_a_held_answer_emails_only_once_a_moderator_approves_it(
    django_capture_on_commit_callbacks, mailoutbox, settings, article, answered, moderator
):
    settings.NEWSROOM_PREMODERATE_FIRST = 1
    newcomer = UserFactory(display_name="New Reader", slug="new-reader")
    with django_capture_on_commit_callbacks(execute=True):
        held = comment_create(article=article, author=newcomer, body="Hi.", parent=answered)

    assert held.status == Comment.Status.PENDING
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held, moderator=moderator)

    # The answered reader learns of the answer; its author, of the moderator's decision.
    reply, decision = sorted(mailoutbox, key=lambda message: message.to != ["ana@example.com"])
    assert reply.to == ["ana@example.com"]
    assert "New Reader replied to your comment" in reply.subject
    assert decision.to == [newcomer.email] and decision.subject.endswith("was approved")


def test_approving_an_answer_again_does_not_email_again(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben, moderator
):
    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_create(article=article, author=ben, body="Agreed.", parent=answered)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        comment_approve(comment=reply, moderator=moderator)  # it was already shown
    assert queued_notifications(callbacks) == []

    comment_remove(comment=reply, moderator=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=reply, moderator=moderator)  # shown again after review

    assert len(mailoutbox) == 1


def test_a_task_run_twice_sends_one_email(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben
):
    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_create(article=article, author=ben, body="Agreed.", parent=answered)

    assert reply_notifications_send.call(comment_id=reply.pk) == 0
    assert len(mailoutbox) == 1


def test_readers_who_opted_out_get_nothing(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ana, ben
):
    user_set_notify_replies(user=ana, notify_replies=False)

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body="Hm.", parent=answered)

    assert mailoutbox == []


def test_deleted_accounts_get_nothing(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ana, ben
):
    account_delete(user=ana)

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body="Hm.", parent=answered)

    assert mailoutbox == []


def test_readers_without_a_verified_address_get_nothing(
    django_capture_on_commit_callbacks, mailoutbox, article, ben
):
    unverified = UserFactory(verified=False)
    EmailAddress.objects.create(user=unverified, email=unverified.email, primary=True)
    answered = CommentFactory(article=article, author=unverified)

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body="Hm.", parent=answered)

    assert mailoutbox == []


def test_a_reader_whose_comment_is_gone_gets_nothing(
    django_capture_on_commit_callbacks, mailoutbox, settings, article, answered, ana, moderator
):
    settings.NEWSROOM_PREMODERATE_FIRST = 1
    held = comment_create(
        article=article, author=UserFactory(), body="Late answer.", parent=answered
    )
    comment_delete_by_author(comment=answered, author=ana)

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held, moderator=moderator)

    # Only the answer's author hears, of the moderator's decision: nothing goes to Ana.
    assert [message.to for message in mailoutbox] == [[held.author.email]]


def test_the_email_is_plain_text_whatever_the_answer_holds(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben
):
    body = "<script>alert(1)</script> **Bold** claim & [a link](https://evil.example)."
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body=body, parent=answered)

    (message,) = mailoutbox
    assert message.message().get_content_type() == "text/plain"
    # The answer's visible text, as typed: no rendered tags, no entities, no link target.
    assert "<script>alert(1)</script> Bold claim & a link" in message.body
    for markup in ("<p>", "<strong>", "&lt;", "&amp;", "**", "evil.example"):
        assert markup not in message.body


def test_a_long_answer_is_cut_short_in_the_email(
    django_capture_on_commit_callbacks, mailoutbox, article, answered, ben
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body="word " * 500, parent=answered)

    (message,) = mailoutbox
    excerpt = next(line for line in message.body.splitlines() if line.startswith("  word"))
    assert len(excerpt.strip()) <= 300
    assert excerpt.endswith("…")


def test_the_unsubscribe_link_in_the_email_stops_the_next_one(
    django_capture_on_commit_callbacks, mailoutbox, client, article, answered, ben
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body="One.", parent=answered)
    link = re.search(r"https://news.example.com(/members/\S+/unsubscribe/\S+)", mailoutbox[0].body)

    assert client.get(link[1]).status_code == 200
    assert client.post(link[1]).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=ben, body="Two.", parent=answered)

    assert len(mailoutbox) == 1
