from django import template
from django.http import HttpRequest
from django.template import Context
from django.utils.safestring import SafeString

from newsroom.articles.models import ArticlePage
from newsroom.core.params import parse_int
from newsroom.discussion.cards import CommentCard
from newsroom.discussion.forms import CommentForm
from newsroom.discussion.fragments import FragmentRender
from newsroom.discussion.models import Comment
from newsroom.discussion.relative_time import ago
from newsroom.discussion.selectors import discussion_context

register = template.Library()


@register.simple_tag(takes_context=True)
def discussion_for(context, article: ArticlePage) -> dict:
    """The discussion under an article, in the order and focus the URL asks for.

    Loaded once near the top of the article page, so the header's comment count
    and the stream below read the same data.
    """
    request: HttpRequest = context["request"]
    focus_id = parse_int(request.GET.get("comment"))
    focus = (
        Comment.objects.visible_to(request.user, asked_for=focus_id)
        .filter(pk=focus_id, article=article)
        .first()
        if focus_id is not None
        else None
    )
    data = discussion_context(
        request=request,
        article=article,
        sort=request.GET.get("sort"),
        focus=focus,
        focus_unavailable="comment" in request.GET and focus is None,
    )
    data["form"] = CommentForm.fresh()
    return data


@register.filter
def signed(number: int) -> str:
    """A net score as the reference shows it: "+2", "0", "-3"."""
    return f"{number:+d}" if number else "0"


register.filter("ago", ago)


@register.simple_tag(takes_context=True)
def threads_html(context: Context, cards: list[CommentCard]) -> SafeString:
    """The threads as list items, each comment's shared HTML from the cache where kept."""
    stream = context.get("stream")
    render = FragmentRender(focus_id=stream.focus_id if stream else None)
    render.prefetch(cards)
    with context.push(fragments=render):
        items = [f"<li>{render.html(card, context)}</li>" for card in cards]
    render.store()
    return render.for_reader("".join(items), context)


@register.simple_tag(takes_context=True)
def comment_html(context: Context, card: CommentCard) -> SafeString:
    """One comment (a reply, inside its thread), through the same render as its thread."""
    render = context.get("fragments")
    if render is not None:  # inside the threads: joined, then given the token, by them
        return render.html(card, context)
    # A single comment a view renders (after an edit, say).
    stream = context.get("stream")
    render = FragmentRender(focus_id=stream.focus_id if stream else None)
    return render.for_reader(render.html(card, context), context)
