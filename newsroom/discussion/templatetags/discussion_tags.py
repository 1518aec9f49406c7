from datetime import datetime, timedelta

from django import template
from django.http import HttpRequest
from django.utils import timezone
from django.utils.timesince import timesince

from newsroom.articles.models import ArticlePage
from newsroom.discussion.forms import CommentForm
from newsroom.discussion.models import Comment
from newsroom.discussion.selectors import discussion_context

register = template.Library()


@register.simple_tag(takes_context=True)
def discussion_for(context, article: ArticlePage) -> dict:
    """The discussion under an article, in the order and focus the URL asks for.

    Loaded once near the top of the article page, so the header's comment count
    and the stream below read the same data.
    """
    request: HttpRequest = context["request"]
    focus_id = request.GET.get("comment", "")
    focus = Comment.objects.filter(pk=int(focus_id)).first() if focus_id.isdigit() else None
    data = discussion_context(
        request=request, article=article, sort=request.GET.get("sort"), focus=focus
    )
    data["form"] = CommentForm()
    return data


@register.filter
def signed(number: int) -> str:
    """A net score as the reference shows it: "+2", "0", "-3"."""
    return f"{number:+d}" if number else "0"


@register.filter
def ago(moment: datetime) -> str:
    """Relative time for a comment: "just now", "5 minutes ago", "2 days ago"."""
    if timezone.now() - moment < timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment, depth=1)} ago"
