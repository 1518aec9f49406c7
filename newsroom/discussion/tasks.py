"""Notification emails as Django tasks, queued once the change is committed.

Each task takes one id only and reads everything again when it runs, so an answer
taken down or deleted in between sends nothing, a decision reversed in between is
not emailed, and an opt-out made in between is respected. Each email is claimed in
the database before it is sent, so a task run twice sends it once.
"""

from functools import partial

from allauth.account.models import EmailAddress
from django.core.mail import mailers
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from newsroom.core.addresses import site_url
from newsroom.discussion.models import Comment, DecisionNotice, ReplyNotification
from newsroom.discussion.notifications import (
    answered_author_ids,
    decision_email_address,
    decision_notification_message,
    reply_notification_message,
    reply_recipients,
)


def reply_notifications_enqueue(*, comment: Comment) -> None:
    """Queue the emails about a newly visible answer for after the transaction commits.

    Called inside the service's transaction: a worker must not read the answer before
    it is committed, and a rolled-back answer must send nothing. ``robust``: a queue that
    is down costs the emails, not the reader's posted comment.
    """
    if comment.in_reply_to_id is None and comment.quoted_id is None:
        return
    transaction.on_commit(
        partial(reply_notifications_send.enqueue, comment_id=comment.pk), robust=True
    )


def _claimed(*, comment: Comment, recipient_id: int) -> bool:
    """Record the email before sending it; False if it was already sent (or is being sent)."""
    try:
        with transaction.atomic():
            ReplyNotification.objects.create(comment=comment, recipient_id=recipient_id)
    except IntegrityError:
        return False
    return True


@task
def reply_notifications_send(*, comment_id: int) -> int:
    """Email the readers a published comment answers; the number of emails sent."""
    comment = (
        Comment.objects.select_related("author", "article", "in_reply_to__author", "quoted__author")
        .filter(pk=comment_id, status=Comment.Status.PUBLISHED)
        .first()
    )
    if comment is None:
        return 0
    addresses = dict(
        EmailAddress.objects.filter(
            user_id__in=answered_author_ids(comment=comment), primary=True, verified=True
        ).values_list("user_id", "email")
    )
    recipients = [
        recipient
        for recipient in reply_recipients(comment=comment, addresses=addresses)
        if _claimed(comment=comment, recipient_id=recipient.user.pk)
    ]
    if not recipients:
        return 0
    base_url = site_url()
    messages = [
        reply_notification_message(comment=comment, recipient=recipient, base_url=base_url)
        for recipient in recipients
    ]
    try:
        return mailers.default.send_messages(messages)
    except Exception:
        # Nothing went out that we know of: release the claims so that a retry sends.
        ReplyNotification.objects.filter(
            comment=comment, recipient_id__in=[recipient.user.pk for recipient in recipients]
        ).delete()
        raise


def decision_notification_enqueue(*, notice: DecisionNotice) -> None:
    """Queue the email about a moderator's decision for after the transaction commits."""
    transaction.on_commit(
        partial(decision_notification_send.enqueue, notice_id=notice.pk), robust=True
    )


@task
def decision_notification_send(*, notice_id: int) -> int:
    """Email a reader what a moderator decided on their held comment; 1 if sent, else 0."""
    notice = (
        DecisionNotice.objects.select_related("action", "recipient", "comment__article")
        .filter(pk=notice_id, emailed_at__isnull=True)
        .first()
    )
    if notice is None:
        return 0
    address = (
        EmailAddress.objects.filter(user_id=notice.recipient_id, primary=True, verified=True)
        .values_list("email", flat=True)
        .first()
    )
    to = decision_email_address(notice=notice, address=address)
    # The claim: of two runs of this task, only one sets the time.
    claimed = DecisionNotice.objects.filter(pk=notice.pk, emailed_at__isnull=True)
    if not to or not claimed.update(emailed_at=timezone.now()):
        return 0
    message = decision_notification_message(notice=notice, to=to, base_url=site_url())
    try:
        return mailers.default.send_messages([message])
    except Exception:
        # Nothing went out that we know of: release the claim so that a retry sends.
        DecisionNotice.objects.filter(pk=notice.pk).update(emailed_at=None)
        raise
