"""Notifications about a reader's comments: someone answered one, or a moderator decided
on one that was held for review. Who is told, and what the page and the email say.

No queries and no sending here: the tasks in newsroom.discussion.tasks read the rows,
then ask these functions whom to email and build the messages from their answers.
One preference (``User.notify_replies``, "emails about my comments") and one unsubscribe
link cover both kinds.
"""

import email.message
import email.policy
from collections.abc import Mapping
from dataclasses import dataclass
from email.headerregistry import BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import Message
from email.policy import EmailPolicy, Policy
from typing import cast

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import Truncator

from newsroom.accounts.models import User
from newsroom.core.html import plain_text
from newsroom.discussion.models import Comment, DecisionNotice
from newsroom.moderation.models import ModerationAction

EXCERPT_CHARS = 300
# Only unsubscribe links carry this salt, so no other signed value can stand in for one.
UNSUBSCRIBE_SALT = "newsroom.discussion.reply-notifications.unsubscribe"


class _UnfoldedHeader(UnstructuredHeader):
    """A header written on one line, however long (RFC 5322 allows 998 characters).

    The standard library folds a long unbroken URL into RFC 2047 encoded words
    (CPython gh-85725); mail clients do not decode those in List-Unsubscribe, so the
    link would be lost.
    """

    def fold(self, *, policy: email.policy.Policy) -> str:
        return f"List-Unsubscribe: {self}{policy.linesep}"


_HEADERS = HeaderRegistry()
# The registry mixes BaseHeader in itself; the stubs want it already there.
_HEADERS.map_to_type("list-unsubscribe", cast(type[BaseHeader], _UnfoldedHeader))


class NotificationEmail(EmailMessage):
    """An EmailMessage whose List-Unsubscribe header stays on one line, whatever the mailer."""

    def message(
        self, *, policy: "Policy[Message[str, str]] | None" = None
    ) -> email.message.EmailMessage:
        if not isinstance(policy, EmailPolicy):
            policy = email.policy.default
        return super().message(policy=policy.clone(header_factory=_HEADERS))


@dataclass(frozen=True)
class ReplyRecipient:
    """A reader to tell about an answer, and how they were answered."""

    user: User
    email: str
    replied: bool
    quoted: bool

    @property
    def action(self) -> str:
        if self.replied and self.quoted:
            return "replied to and quoted your comment"
        return "replied to your comment" if self.replied else "quoted your comment"


def _wants_email(user: User, address: str | None) -> bool:
    """Whether a reader may be emailed about their comments at ``address``."""
    return bool(address) and user.is_active and not user.anonymised_at and user.notify_replies


def answered_author_ids(*, comment: Comment) -> set[int]:
    """The authors of the comments this one answers (replies to or quotes)."""
    answered = (comment.in_reply_to, comment.quoted)
    return {other.author_id for other in answered if other is not None}


def reply_recipients(*, comment: Comment, addresses: Mapping[int, str]) -> list[ReplyRecipient]:
    """The readers to email about a published answer, each once.

    ``addresses`` maps reader ids to their verified primary email address; a reader
    without one is not emailed. Neither is the answer's own author, a deleted or
    deactivated account, a reader who opted out, or the author of an answered comment
    that is gone (deleted by its author or taken down).
    """
    if comment.status != Comment.Status.PUBLISHED:
        return []

    def answered_author(other: Comment | None) -> User | None:
        if other is None or other.is_gone or other.author_id == comment.author_id:
            return None
        return other.author

    # in_reply_to, not parent: past the deepest level the parent is not the comment answered.
    replied_to = answered_author(comment.in_reply_to)
    quoted = answered_author(comment.quoted)
    recipients = []
    for user in {user.pk: user for user in (replied_to, quoted) if user is not None}.values():
        address = addresses.get(user.pk)
        if not _wants_email(user, address):
            continue
        recipients.append(
            ReplyRecipient(
                user=user,
                email=address or "",
                replied=user == replied_to,
                quoted=user == quoted,
            )
        )
    return recipients


def unsubscribe_token_make(*, user: User) -> str:
    """A link token that stops reply emails to this reader; it does not expire."""
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_read(*, token: str) -> int:
    """The reader id in an unsubscribe token; raises signing.BadSignature if forged."""
    user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(user_id, int):
        raise signing.BadSignature("An unsubscribe token holds a reader id.")
    return user_id


def reply_notification_message(
    *, comment: Comment, recipient: ReplyRecipient, base_url: str
) -> NotificationEmail:
    """The plain-text email telling ``recipient`` about ``comment``; ``base_url`` is the site's.

    Plain text only: the excerpt is the answer's visible text, so nothing a reader
    typed can become markup in another reader's mail client.
    """
    return _notification_email(
        kind="reply_notification",
        comment=comment,
        user=recipient.user,
        to=recipient.email,
        base_url=base_url,
        author_name=comment.author.public_name or "A former reader",
        action=recipient.action,
    )


def _notification_email(
    *, kind: str, comment: Comment, user: User, to: str, base_url: str, **context: object
) -> NotificationEmail:
    """One plain-text email to ``user`` about ``comment``, from the templates
    ``discussion/email/<kind>_subject.txt`` and ``_body.txt``: what every notification
    says (the site, the comment's excerpt and address, how to stop these emails) beside
    the ``context`` of its kind."""
    base_url = base_url.rstrip("/")
    unsubscribe_url = base_url + reverse(
        "members:notifications-unsubscribe", kwargs={"token": unsubscribe_token_make(user=user)}
    )
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "recipient_name": user.display_name or "reader",
        "article_title": comment.article.title,
        "excerpt": Truncator(plain_text(comment.body_html)).chars(EXCERPT_CHARS),
        "comment_url": base_url + comment.get_absolute_url(),
        "unsubscribe_url": unsubscribe_url,
        "settings_url": base_url + reverse("accounts:account-settings"),
        **context,
    }
    subject = render_to_string(f"discussion/email/{kind}_subject.txt", context)
    return NotificationEmail(
        subject=" ".join(subject.split()),  # one line: a header cannot hold a line break
        body=render_to_string(f"discussion/email/{kind}_body.txt", context),
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            # RFC 8058: mail providers may unsubscribe with one POST to that address.
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


# The status a comment has while a decision stands.
DECIDED_STATUS: dict[str, str] = {
    ModerationAction.Action.APPROVE: Comment.Status.PUBLISHED,
    ModerationAction.Action.REJECT: Comment.Status.REJECTED,
}


def decision_summary(notice: DecisionNotice) -> str:
    """What a moderator decided on the reader's held comment, and why, in one or two sentences."""
    title = notice.comment.article.title
    if notice.action.action == ModerationAction.Action.APPROVE:
        return f"A moderator approved your comment on “{title}”. It is now published."
    return (
        f"A moderator rejected your comment on “{title}”: readers do not see it. "
        f"Reason: {notice.action.reason}."
    )


def decision_email_address(*, notice: DecisionNotice, address: str | None) -> str:
    """Where to email a decision, or "" for no email.

    ``address`` is the reader's verified primary address, if any. No email when the reader
    opted out or left, or when the decision no longer stands by the time the task runs (a
    moderator changed their mind, or the author deleted the comment): the page says what
    holds now.
    """
    stands = DECIDED_STATUS.get(notice.action.action) == notice.comment.status
    if not (stands and address and _wants_email(notice.recipient, address)):
        return ""
    return address


def decision_notification_message(
    *, notice: DecisionNotice, to: str, base_url: str
) -> NotificationEmail:
    """The plain-text email telling a reader what a moderator decided on their held comment."""
    return _notification_email(
        kind="decision_notification",
        comment=notice.comment,
        user=notice.recipient,
        to=to,
        base_url=base_url,
        approved=notice.action.action == ModerationAction.Action.APPROVE,
        summary=decision_summary(notice),
    )
