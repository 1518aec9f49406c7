"""What the discussion adds to pages that the articles app renders."""

from django.db.models import Count, Q
from wagtail import hooks

from newsroom.articles.models import TEASERS_HOOK, ArticlePageQuerySet
from newsroom.discussion.models import Comment


@hooks.register(TEASERS_HOOK)
def count_published_comments(articles: ArticlePageQuerySet) -> ArticlePageQuerySet:
    """Each teaser shows its article's number of published comments."""
    return articles.annotate(
        comment_count=Count("comments", filter=Q(comments__status=Comment.Status.PUBLISHED))
    )
