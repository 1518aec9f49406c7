import time
from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from newsroom.accounts.models import User
from newsroom.discussion.models import Comment
from newsroom.discussion.permissions import commenting_permission
from newsroom.discussion.services import (
    comment_create,
    comment_delete_by_author,
    comment_edit,
    report_create,
    vote_cast,
)
from newsroom.moderation.models import (
    MODERATORS_GROUP,
    Flag,
    ModerationAction,
    ModeratorNote,
    Report,
    Sanction,
    Term,
)
from newsroom.moderation.selectors import active_sanction, is_moderator
from newsroom.moderation.services import (
    comment_approve,
    comment_feature,
    comment_reject,
    comment_remove,
    comments_bulk_moderate,
    moderator_note_create,
    reader_ban,
    reader_sanctions_lift,
    reader_suspend,
)
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db
ABUSIVE = Report.Reason.REPORTED_ABUSIVE


def test_approving_a_held_comment_publishes_it_and_logs_who_did_it(article, moderator):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)

    comment_approve(comment=comment, moderator=moderator)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED
    entry = ModerationAction.objects.get()
    assert (entry.actor, entry.action, entry.comment, entry.reader) == (
        moderator, ModerationAction.Action.APPROVE, comment, comment.author,
    )  # fmt: skip


def test_trust_is_earned_by_approvals(article, moderator, settings):
    settings.NEWSROOM_PREMODERATE_FIRST = 2
    reader = UserFactory()
    for text in ("One.", "Two."):
        held = comment_create(article=article, author=reader, body=text)
        comment_approve(comment=held, moderator=moderator)

    assert comment_create(article=article, author=reader, body="Three.").status == "published"


def test_rejecting_needs_a_reason_from_the_list_and_keeps_the_comment(article, moderator):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    with pytest.raises(ValidationError):
        comment_reject(comment=comment, moderator=moderator, reason="because")

    comment_reject(comment=comment, moderator=moderator, reason="off_topic")

    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    assert comment.get_rejection_reason_display() == "It is off topic"
    assert ModerationAction.objects.get().reason == "It is off topic"


def test_removing_leaves_a_tombstone_not_a_deletion(article, moderator):
    comment = CommentFactory(article=article)

    comment_remove(comment=comment, moderator=moderator)

    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.REMOVED


def test_only_top_level_published_comments_can_be_featured(article, moderator):
    comment = CommentFactory(article=article)
    reply = CommentFactory(article=article, parent=comment)
    held = CommentFactory(article=article, status=Comment.Status.PENDING)

    comment_feature(comment=comment, moderator=moderator)
    for refused in (reply, held):
        with pytest.raises(ValidationError):
            comment_feature(comment=refused, moderator=moderator)

    assert Comment.objects.get(pk=comment.pk).is_featured
    assert not Comment.objects.filter(pk__in=[reply.pk, held.pk], is_featured=True).exists()


def test_a_banned_reader_is_told_of_the_ban_even_if_suspended_after(article, moderator):
    reader = UserFactory()
    reader_ban(reader=reader, moderator=moderator, reason="Threats.")
    reader_suspend(
        reader=reader,
        moderator=moderator,
        until=timezone.now() + timedelta(days=3),
        reason="Spam.",
    )

    assert active_sanction(reader).kind == Sanction.Kind.BAN
    assert "banned" in commenting_permission(user=reader, article=article).reason


def test_bulk_approve_logs_one_action_per_comment(article, moderator):
    comments = CommentFactory.create_batch(3, article=article, status=Comment.Status.PENDING)

    assert comments_bulk_moderate(comments=comments, moderator=moderator, action="approve") == 3

    assert Comment.objects.published().count() == 3
    assert ModerationAction.objects.filter(action="approve").count() == 3


@pytest.mark.parametrize(
    "act",
    [
        lambda c, u: comment_approve(comment=c, moderator=u),
        lambda c, u: comment_reject(comment=c, moderator=u, reason="spam"),
        lambda c, u: comment_remove(comment=c, moderator=u),
        lambda c, u: comment_feature(comment=c, moderator=u),
        lambda c, u: comments_bulk_moderate(comments=[c], moderator=u, action="approve"),
        lambda c, u: reader_ban(reader=c.author, moderator=u, reason="x"),
        lambda c, u: moderator_note_create(article=c.article, moderator=u, body="Hi"),
    ],
)
def test_readers_and_staff_who_do_not_moderate_cannot_moderate(article, act):
    comment = CommentFactory(article=article)
    staff = UserFactory(is_staff=True)

    for user in (UserFactory(), staff):
        with pytest.raises(PermissionDenied):
            act(comment, user)
    assert not ModerationAction.objects.exists()


def test_a_reader_reports_a_comment_once(article):
    comment = CommentFactory(article=article)
    reader = UserFactory()

    first, created = report_create(comment=comment, reporter=reader, reason=ABUSIVE)
    again, created_again = report_create(comment=comment, reporter=reader, reason=ABUSIVE)

    assert created and not created_again and first == again
    assert Report.objects.count() == 1


def test_one_report_per_reader_per_comment_is_a_database_constraint(article):
    comment, reader = CommentFactory(article=article), UserFactory()
    Report.objects.create(comment=comment, reporter=reader, reason=ABUSIVE)

    with pytest.raises(IntegrityError):
        Report.objects.create(comment=comment, reporter=reader, reason=ABUSIVE)


def test_other_needs_a_note(article):
    with pytest.raises(ValidationError):
        report_create(
            comment=CommentFactory(article=article), reporter=UserFactory(), reason="REPORTED_OTHER"
        )


def test_readers_cannot_report_their_own_comment(article):
    comment = CommentFactory(article=article)

    with pytest.raises(PermissionDenied):
        report_create(comment=comment, reporter=comment.author, reason=ABUSIVE)


def test_n_reports_hide_a_published_comment_pending_review(article, settings):
    settings.NEWSROOM_REPORTS_TO_HIDE = 2
    comment = CommentFactory(article=article)

    report_create(comment=comment, reporter=UserFactory(), reason=ABUSIVE)
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.PUBLISHED
    report_create(comment=comment, reporter=UserFactory(), reason="REPORTED_SPAM")

    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert Flag.DETECTED_REPORTED in comment.moderation_flags


def test_a_moderator_decision_resolves_the_reports(article, moderator):
    comment = CommentFactory(article=article)
    report_create(comment=comment, reporter=UserFactory(), reason=ABUSIVE)

    comment_approve(comment=comment, moderator=moderator)

    assert not Report.objects.open().exists()


def test_a_suspended_reader_cannot_comment_reply_vote_or_report_and_is_told_until_when(
    article, moderator
):
    reader = UserFactory()
    other = CommentFactory(article=article)
    until = timezone.now() + timedelta(days=3)
    reader_suspend(reader=reader, moderator=moderator, until=until, reason="Insults")

    permission = commenting_permission(user=reader, article=article)
    assert not permission.allowed and "suspended" in permission.reason
    assert str(timezone.localtime(until).year) in permission.reason
    with pytest.raises(PermissionDenied):
        comment_create(article=article, author=reader, body="Hello")
    with pytest.raises(PermissionDenied):
        comment_create(article=article, author=reader, body="Hello", parent=other)
    with pytest.raises(PermissionDenied):
        vote_cast(comment=other, voter=reader, value=1)
    with pytest.raises(PermissionDenied):
        report_create(comment=other, reporter=reader, reason=ABUSIVE)


def test_a_suspension_ends_by_itself_and_a_ban_does_not(article, moderator):
    suspended, banned = UserFactory(), UserFactory()
    reader_suspend(
        reader=suspended, moderator=moderator, until=timezone.now() + timedelta(days=1), reason="x"
    )
    reader_ban(reader=banned, moderator=moderator, reason="Spam account")
    Sanction.objects.filter(user=suspended).update(ends_at=timezone.now() - timedelta(seconds=1))

    assert commenting_permission(user=suspended, article=article).allowed
    assert "banned" in commenting_permission(user=banned, article=article).reason


def test_a_suspension_ends_at_its_time_in_a_process_that_asked_before(article, moderator):
    """The standing query is prepared once per thread: the time it compares with is the
    database's at each call, not the time it was first asked."""
    reader = UserFactory()
    ends = timezone.now() + timedelta(seconds=0.5)
    reader_suspend(reader=reader, moderator=moderator, until=ends, reason="Cool off")
    assert not commenting_permission(user=reader, article=article).allowed

    time.sleep(max(0, (ends - timezone.now()).total_seconds()) + 0.05)

    assert commenting_permission(user=reader, article=article).allowed


def test_lifting_a_ban_restores_the_reader_and_is_logged(article, moderator):
    reader = UserFactory()
    reader_ban(reader=reader, moderator=moderator, reason="Spam")

    reader_sanctions_lift(reader=reader, moderator=moderator)

    assert commenting_permission(user=reader, article=article).allowed
    assert list(ModerationAction.objects.values_list("action", flat=True)) == ["lift", "ban"]


def test_a_closed_discussion_is_read_only_and_says_so(home):
    article = ArticlePageFactory(comments_open=False)

    permission = commenting_permission(user=UserFactory(), article=article)

    assert not permission.allowed and "closed" in permission.reason


def test_discussions_close_automatically_n_days_after_publication(home, settings):
    settings.NEWSROOM_DISCUSSION_CLOSE_AFTER_DAYS = 7
    old = ArticlePageFactory(published_at=timezone.now() - timedelta(days=8))
    recent = ArticlePageFactory(published_at=timezone.now() - timedelta(days=6))
    reader = UserFactory()

    assert "7 days after publication" in commenting_permission(user=reader, article=old).reason
    assert commenting_permission(user=reader, article=recent).allowed


def test_moderator_notes_are_logged(article, moderator):
    note = moderator_note_create(article=article, moderator=moderator, body="Stay on topic.")

    assert ModeratorNote.objects.shown().get() == note
    assert ModerationAction.objects.get().action == "note"


def test_comment_moderation_is_its_own_permission_not_wagtails_moderators(article):
    editor_moderator = UserFactory(is_staff=True)
    editor_moderator.groups.add(Group.objects.get(name="Moderators"))  # Wagtail's: pages
    granted = UserFactory()
    granted.user_permissions.add(Permission.objects.get(codename="moderate_comments"))
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)

    with pytest.raises(PermissionDenied):
        comment_approve(comment=comment, moderator=editor_moderator)
    comment_approve(comment=comment, moderator=granted)

    assert not is_moderator(editor_moderator) and is_moderator(granted)
    assert (
        Group.objects.get(name=MODERATORS_GROUP)
        .permissions.filter(codename="moderate_comments")
        .exists()
    )


def test_who_moderates_is_asked_in_one_query_kept_for_the_request(django_assert_num_queries):
    member = UserFactory()
    member.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    gone = UserFactory(is_active=False)
    gone.groups.add(Group.objects.get(name=MODERATORS_GROUP))

    with django_assert_num_queries(1):
        assert is_moderator(member) and is_moderator(member)
    with django_assert_num_queries(0):
        assert is_moderator(UserFactory.build(is_superuser=True))
        assert not is_moderator(gone)


def test_the_migration_moves_wagtails_moderators_to_comment_moderators():
    migration = import_module("newsroom.moderation.migrations.0004_comment_moderators_group")
    wagtail_moderators = Group.objects.get(name="Moderators")
    member = UserFactory()
    member.groups.add(wagtail_moderators)
    wagtail_moderators.permissions.add(Permission.objects.get(codename="change_term"))

    migration.forwards(django_apps, None)

    assert list(member.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]
    assert not wagtail_moderators.permissions.filter(codename="change_term").exists()
    assert is_moderator(User.objects.get(pk=member.pk))


# Every change of a comment's status is in the log ----------------------------------------


def logged(**filters):
    return list(
        ModerationAction.objects.filter(**filters).values_list(
            "action", "actor_id", "rule", "comment_id", "reason"
        )
    )


def test_the_hide_after_n_reports_is_logged_as_the_rules_doing(article, settings):
    settings.NEWSROOM_REPORTS_TO_HIDE = 2
    comment = CommentFactory(article=article)

    for reason in (ABUSIVE, "REPORTED_SPAM"):
        report_create(comment=comment, reporter=UserFactory(), reason=reason)

    assert logged() == [
        (
            "hold",
            None,
            "reports_to_hide",
            comment.pk,
            "Hidden for review after 2 open reader reports",
        )
    ]
    assert str(ModerationAction.objects.get()).startswith("rule: reports_to_hide held")


def test_the_authors_deletion_is_logged_with_the_author(article):
    comment = CommentFactory(article=article)

    comment_delete_by_author(comment=comment, author=comment.author)

    assert logged() == [("delete_by_author", comment.author_id, "", comment.pk, "")]
    assert ModerationAction.objects.get().reader_id == comment.author_id


def test_an_edit_that_falls_back_to_pending_is_logged_with_the_rule(article, trusted):
    Term.objects.create(text="shill", kind=Term.Kind.SUSPECT)
    comment = CommentFactory(article=article, author=trusted, body="A calm first version.")

    comment_edit(comment=comment, editor=trusted, body="Only a shill would say that.")
    comment_edit(comment=comment, editor=trusted, body="Still a shill, held already.")

    assert logged() == [
        (
            "hold",
            None,
            "DETECTED_SUSPECT_WORD",
            comment.pk,
            "Held for review after an edit: Suspect word",
        )
    ]


def test_an_editor_publishing_the_discussion_closed_or_open_is_logged(article):
    editor = UserFactory(is_staff=True)

    article.comments_open = False
    article.save_revision(user=editor).publish()
    article.save_revision(user=editor).publish()  # no change: no line
    article.comments_open = True
    article.save_revision().publish()  # nobody named on the revision

    assert logged(article_id=article.pk) == [
        ("open_discussion", None, "published", None, "Published with the discussion open"),
        ("close_discussion", editor.pk, "", None, "Published with the discussion closed"),
    ]
