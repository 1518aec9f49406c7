"""What the discussion adds to what the apps below it do: teasers, account deletion, export."""

from typing import Any

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail import hooks

from newsroom.accounts.export import EXPORT_HOOK
from newsroom.accounts.models import User
from newsroom.accounts.services import ACCOUNT_DELETE_HOOK
from newsroom.articles.models import TEASERS_HOOK, ArticlePageQuerySet
from newsroom.discussion.models import Comment, DecisionNotice, ReplyNotification, Vote
from newsroom.discussion.services import comments_unlink_member_pages


@hooks.register(TEASERS_HOOK)
def count_published_comments(articles: ArticlePageQuerySet) -> ArticlePageQuerySet:
    """Each teaser shows its article's number of published comments."""
    # A subquery per teaser, read from the comment index, rather than a join grouped by every
    # column of the page: a busy article's thousands of comments are counted, never joined.
    published = (
        Comment.objects.published()
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return articles.annotate(comment_count=Coalesce(Subquery(published), 0))


@hooks.register(ACCOUNT_DELETE_HOOK)
def unlink_mentions_of_deleted_account(*, user: User, slugs: list[str]) -> None:
    """Old mentions of a deleted reader stay as text but no longer link anywhere."""
    comments_unlink_member_pages(slugs=slugs)


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


@hooks.register(EXPORT_HOOK)
def export_discussion(*, user: User) -> dict[str, Any]:
    """The reader's comments (with their status), votes, reply notifications and the notices
    of moderators' decisions on their comments."""
    comments = Comment.objects.filter(author=user).select_related("article").order_by("pk")
    votes = Vote.objects.filter(voter=user).order_by("pk")
    notifications = ReplyNotification.objects.filter(recipient=user).order_by("pk")
    decisions = (
        DecisionNotice.objects.filter(recipient=user).select_related("action").order_by("pk")
    )
    return {
        "comments": [
            {
                "id": comment.pk,
                "article": comment.article.title,
                "article_url": comment.article.url,
                "in_reply_to_comment": comment.parent_id,
                "quoted_comment": comment.quoted_id,
                "quoted_text": comment.quoted_text,
                "body": comment.body,
                "status": comment.status,
                "rejection_reason": comment.rejection_reason or None,
                "created_at": _when(comment.created_at),
                "edited_at": _when(comment.edited_at),
                "upvotes": comment.upvotes,
                "downvotes": comment.downvotes,
            }
            for comment in comments
        ],
        "votes": [
            {"comment": vote.comment_id, "value": vote.value, "at": _when(vote.created_at)}
            for vote in votes
        ],
        "notifications": [
            {"about_comment": note.comment_id, "at": _when(note.created_at)}
            for note in notifications
        ],
        "decision_notices": [
            {
                "about_comment": notice.comment_id,
                "decision": notice.action.action,
                "reason": notice.action.reason,
                "at": _when(notice.created_at),
                "read_at": _when(notice.read_at),
                "emailed_at": _when(notice.emailed_at),
            }
            for notice in decisions
        ],
    }
