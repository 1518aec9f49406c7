"""What a write to a comment tells the page cache (every announcement: core/page_cache.py)."""

from newsroom.articles.models import ArticlePage
from newsroom.core import page_cache
from newsroom.discussion.models import Comment


def comment_changed(comment: Comment, *, was_published: bool) -> None:
    """Called by each service that writes a comment, inside its transaction: the article's
    page is out of date, and when the comment became or stopped being published, so are the
    teasers counting the article's comments (page_cache retires again after commit)."""
    if was_published == (comment.status == Comment.Status.PUBLISHED):
        page_cache.article_changed(comment.article_id)
        return
    if Comment.article.is_cached(comment):  # as a new comment has it: nothing to read
        path = comment.article.path
    else:
        path = ArticlePage.objects.values_list("path", flat=True).get(pk=comment.article_id)
    page_cache.comment_count_changed(comment.article_id, path[: -ArticlePage.steplen])
