"""Views parse the request, call one service or selector, and render.

Every action answers htmx with the partial it replaces, and plain form posts
with a redirect (or, on an error, a page that keeps what the reader typed), so
everything works with JavaScript off.
"""

from functools import cache
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from newsroom.accounts.http import SignedInRequest
from newsroom.accounts.models import User, Viewer
from newsroom.accounts.selectors import member_slug_now
from newsroom.accounts.services import user_set_notify_replies
from newsroom.articles.models import ArticlePage, visible_q
from newsroom.articles.selectors import visible_article
from newsroom.core.http import HtmxHttpRequest
from newsroom.core.params import MAX_ID, int_param
from newsroom.core.ratelimit import rate_limited
from newsroom.discussion import live_region, services
from newsroom.discussion.forms import CommentForm, EditForm, ReportForm, VoteForm
from newsroom.discussion.fragments import footer_for_reader
from newsroom.discussion.models import Comment, CommentQuerySet
from newsroom.discussion.notifications import unsubscribe_token_read
from newsroom.discussion.permissions import commenting_permission, shares_pages
from newsroom.discussion.selectors import (
    MAX_STATE_COMMENTS,
    CommentStream,
    comment_thread_for_viewer,
    comment_voted_for_viewer,
    comments_awaiting_review_by_member,
    comments_by_member,
    decision_notices_for_reader,
    discussion_context,
    reader_discussion_state,
    sort_or_default,
    votable_comment,
)
from newsroom.moderation.rules import NudgeRequired

# "Show more" pages through at most this many threads; beyond it an offset is a 400.
MAX_OFFSET = 10**9


def _article(article_id: int) -> ArticlePage:
    article = visible_article(article_id)
    if article is None:
        raise Http404("No such article.")
    return article


# What a comment's card reads beside the comment: its article, its author, and the authors of
# the comments it answers and quotes. A vote's buttons read only the first two.
CARD_RELATED = ("article", "author", "in_reply_to__author", "quoted__author")
VOTE_RELATED = ("article", "author")


def _comments(related: tuple[str, ...] = CARD_RELATED) -> CommentQuerySet:
    return (
        Comment.objects.select_related(*related)
        .defer("article__body")
        .filter(visible_q("article__"))
    )


def _comment(pk: int, *, viewer: Viewer, related: tuple[str, ...] = CARD_RELATED) -> Comment:
    """A comment the viewer may see: anything else is a 404 that says nothing of it."""
    return get_object_or_404(_comments(related).visible_to(viewer), pk=pk)


def _votable(pk: int, *, viewer: Viewer) -> Comment:
    """A published comment, read with what a vote reads of it (votable_comment). Any other
    comment (its buttons are gone; rare) is read again as _comment reads it: one the viewer
    may see is then refused by vote_cast (403), one they may not is a 404."""
    comment = votable_comment(pk)
    if comment is None:
        return _comment(pk, viewer=viewer, related=VOTE_RELATED)
    return comment


def _published(pk: int) -> Comment:
    """A comment readers may answer, quote, vote on or report."""
    return get_object_or_404(_comments().published(), pk=pk)


def _own(pk: int, *, author: User) -> Comment:
    """One of the reader's own comments, for editing and deleting."""
    return get_object_or_404(_comments().filter(author=author), pk=pk)


def _error_status(error: Exception) -> int:
    return 403 if isinstance(error, PermissionDenied) else 400


def _error_messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error) or "You cannot do that."]


def _render_discussion(
    request: SignedInRequest,
    article: ArticlePage,
    *,
    form: CommentForm | None = None,
    errors: list[str] | tuple[()] = (),
    status: int = 200,
    **stream_options: Any,
) -> HttpResponse:
    context = discussion_context(request=request, article=article, **stream_options)
    context.update(form=form or CommentForm.fresh(), errors=errors)
    if request.htmx:
        return render(request, "discussion/partials/_discussion.html", context, status=status)
    return render(request, "discussion/comment_form_page.html", context, status=status)


@require_POST
@login_required
def comment_create(request: SignedInRequest, article_id: int) -> HttpResponse:
    article = _article(article_id)
    form = CommentForm(request.POST)
    sort = sort_or_default(request.POST.get("sort"))
    if not form.is_valid():
        return _render_discussion(request, article, form=form, status=400, sort=sort)
    if rate_limited(request, "comment"):
        errors = ["You are posting too fast. Please wait a minute and try again."]
        return _render_discussion(request, article, form=form, errors=errors, status=429, sort=sort)
    data = form.cleaned_data
    try:
        comment = services.comment_create(
            article=article,
            author=request.user,
            body=data["body"],
            parent=_answered(data["parent"], field="parent"),
            quoted=_answered(data["quoted"], field="quoted_text"),
            quoted_text=data["quoted_text"],
            confirmed_nudge=form.nudge_confirmed(),
            submission_key=data["submission_key"],
        )
    except NudgeRequired as nudge:
        # Asked once, the text kept in the form: posting it again goes through.
        form.ask_once()
        return _render_discussion(
            request, article, form=form, errors=nudge.messages, status=200, sort=sort
        )
    except (ValidationError, PermissionDenied) as error:
        errors = _error_messages(error)
        return _render_discussion(
            request, article, form=form, errors=errors, status=_error_status(error), sort=sort
        )
    if request.htmx:
        response = _render_discussion(request, article, sort=sort, focus=comment)
        return live_region.announced(response, live_region.comment_posted(comment))
    return redirect(f"{article.url}?comment={comment.pk}&sort={sort}#{comment.anchor}")


def _answered(pk: int | None, *, field: str) -> Comment | None:
    """The comment a reply answers or quotes; one that does not exist is an error, never a
    reason to post the answer as a top-level comment."""
    if pk is None:
        return None
    comment = Comment.objects.filter(pk=pk).first()
    if comment is None:
        raise ValidationError({field: "That comment can no longer be answered or quoted."})
    return comment


def _shown_ids(raw: str) -> list[int] | None:
    """The comment ids a shared page shows ("12,15,20"), or None for anything else."""
    parts = [part for part in raw.split(",") if part]
    if len(parts) > MAX_STATE_COMMENTS or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    ids = [int(part) for part in parts]
    return ids if all(0 < pk <= MAX_ID for pk in ids) else None


@cache
def _control_urls() -> dict[str, str]:
    """What reader_state.js needs to build a comment's controls: each address with the
    comment's id as 0 (worked out once per process)."""
    names = ("vote", "reply", "report", "edit", "delete")
    return {name: reverse(f"discussion:comment-{name}", args=[0]) for name in names}


def _private(state: dict[str, Any]) -> JsonResponse:
    response = JsonResponse(state)
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def reader_state(request: HtmxHttpRequest) -> HttpResponse:
    """A signed-in reader's own state, for a page served to them from the shared copy.

    The page's script (reader_state.js) puts it in: the account links, and on an article
    their votes, which of their comments they may still edit, and the comment form; or,
    ``personal``, it fetches the page rendered for them (staff, moderators, a reader with
    held comments there). Never stored by any cache: it is about one reader.
    """
    article_id = int_param(request.GET, "article")
    ids = _shown_ids(request.GET.get("ids", ""))
    if ids is None:
        return HttpResponseBadRequest(
            f"ids: up to {MAX_STATE_COMMENTS:,} comment ids, separated by commas."
        )
    user = request.user
    if not user.is_authenticated:
        return _private({"signed_in": False})
    if not shares_pages(user):
        return _private({"signed_in": True, "personal": True})
    discussion = None
    if article_id is not None:
        article = _article(article_id)
        own_state = reader_discussion_state(reader=user, article=article, comment_ids=ids)
        if own_state.hidden:
            return _private({"signed_in": True, "personal": True})
        discussion = {
            "can_post": own_state.permission.allowed,
            "footer": footer_for_reader(
                request,
                article=article,
                permission=own_state.permission,
                sort=sort_or_default(request.GET.get("sort")),
            ),
            "votes": own_state.votes,
            "own": own_state.own,
            "urls": _control_urls(),
        }
    return _private(
        {
            "signed_in": True,
            "personal": False,
            "csrf": get_token(request),
            "account": render_to_string("includes/_account_nav.html", request=request),
            "discussion": discussion,
        }
    )


@require_GET
def comment_list(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """More threads: appended in place by htmx, or a page of its own without JavaScript."""
    article = _article(article_id)
    context = discussion_context(
        request=request,
        article=article,
        sort=request.GET.get("sort"),
        offset=int_param(request.GET, "offset", default=0, maximum=MAX_OFFSET) or 0,
        pinned=int_param(request.GET, "pinned"),
    )
    if not request.htmx:
        return render(request, "discussion/comment_list.html", context)
    response = render(request, "discussion/partials/_threads.html", context)
    stream = cast(CommentStream, context["stream"])
    return live_region.announced(response, live_region.more_loaded(len(stream.threads)))


def comment_permalink(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The address of a comment: its place in its article's discussion, for whoever may see it.

    A moderator also follows it to a held or rejected comment (the queue's "view" link);
    anyone else learns nothing of a comment they may not see, not even its article.
    """
    comment = (
        _comments().visible_to(request.user, asked_for=pk).filter(pk=pk).first()
        if pk <= MAX_ID
        else None
    )
    if comment is None:
        return render(request, "discussion/comment_unavailable.html", status=404)
    return redirect(f"{comment.article.url}?comment={comment.pk}#{comment.anchor}")


@login_required
def comment_reply(request: SignedInRequest, pk: int) -> HttpResponse:
    """The reply (or quote) form for one comment: inline with htmx, a page of its own without."""
    parent = _published(pk)
    quoting = "quote" in request.GET
    initial = {"quoted": parent.pk} if quoting else {"parent": parent.pk}
    context = {
        "article": parent.article,
        "target": parent,
        "quoting": quoting,
        "form": CommentForm.fresh(**initial),
        "permission": commenting_permission(user=request.user, article=parent.article),
    }
    template = (
        "discussion/partials/_reply_form.html" if request.htmx else "discussion/comment_reply.html"
    )
    return render(request, template, context)


@login_required
def comment_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    comment = _own(pk, author=request.user)
    form = EditForm(request.POST or None, initial={"body": comment.body})
    errors, status = [], 200
    if request.method == "POST" and form.is_valid():
        try:
            comment = services.comment_edit(
                comment=comment,
                editor=request.user,
                body=form.cleaned_data["body"],
                confirmed_nudge=form.nudge_confirmed(),
            )
        except NudgeRequired as nudge:
            form.ask_once()
            errors = nudge.messages
        except (ValidationError, PermissionDenied) as error:
            errors, status = _error_messages(error), _error_status(error)
        else:
            return _after_change(request, comment, said=live_region.EDIT_SAVED)
    elif request.method == "POST":
        status = 400
    template = (
        "discussion/partials/_edit_form.html" if request.htmx else "discussion/comment_edit.html"
    )
    return render(
        request, template, {"comment": comment, "form": form, "errors": errors}, status=status
    )


@require_http_methods(["GET", "POST"])
@login_required
def comment_delete(request: SignedInRequest, pk: int) -> HttpResponse:
    """Delete one's own comment: a GET asks first (the confirmation without JavaScript;
    htmx asks with ``hx-confirm`` and posts straight away), the POST deletes."""
    comment = _own(pk, author=request.user)
    if request.method == "GET":
        if comment.is_gone:
            return redirect(f"{comment.article.url}?comment={comment.pk}#{comment.anchor}")
        return render(request, "discussion/comment_delete.html", {"comment": comment})
    try:
        comment = services.comment_delete_by_author(comment=comment, author=request.user)
    except PermissionDenied as error:
        return HttpResponse(str(error), status=403)
    return _after_change(request, comment, said=live_region.COMMENT_DELETED)


def _after_change(request: SignedInRequest, comment: Comment, *, said: str) -> HttpResponse:
    if request.htmx:
        shown = comment_thread_for_viewer(comment=comment, viewer=request.user)
        if shown is None:  # withdrawn without a trace: the comment leaves the page
            return live_region.announced(HttpResponse(""), said)
        response = render(request, "discussion/partials/_comment.html", {"card": shown})
        return live_region.announced(response, said)
    return redirect(f"{comment.article.url}?comment={comment.pk}#{comment.anchor}")


@require_POST
@login_required
def comment_vote(request: SignedInRequest, pk: int) -> HttpResponse:
    comment = _votable(pk, viewer=request.user)
    form = VoteForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("A vote is up, down or clear.")
    if rate_limited(request, "vote"):
        return HttpResponse("You are voting too fast. Please wait a minute.", status=429)
    value = form.vote_value()
    try:
        comment = services.vote_cast(comment=comment, voter=request.user, value=value)
    except (ValidationError, PermissionDenied) as error:
        return HttpResponse(" ".join(_error_messages(error)), status=_error_status(error))
    if not request.htmx:
        return redirect(f"{comment.article.url}?comment={comment.pk}#{comment.anchor}")
    # Only the vote buttons change: no thread to load again. They read the card and the
    # form's token, nothing of the page's context (the context processors cost a vote as
    # much as the buttons).
    shown = comment_voted_for_viewer(comment=comment, viewer=request.user, vote=value)
    buttons = {"card": shown, "csrf_token": get_token(request)}
    response = HttpResponse(render_to_string("discussion/partials/_vote_buttons.html", buttons))
    said = live_region.score_changed(score=shown.comment.score, author_name=shown.author_name)
    return live_region.announced(response, said)


@login_required
def comment_report(request: SignedInRequest, pk: int) -> HttpResponse:
    """Report a comment to the moderators: a small form inline with htmx, a page without."""
    comment = _published(pk)
    form = ReportForm(request.POST or None)
    errors, status, received = [], 200, False
    if request.method == "POST" and form.is_valid():
        if rate_limited(request, "report"):
            errors, status = ["You are reporting too fast. Please wait a minute."], 429
        else:
            try:
                services.report_create(
                    comment=comment,
                    reporter=request.user,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
            except (ValidationError, PermissionDenied) as error:
                errors, status = _error_messages(error), _error_status(error)
            else:
                received = True
    elif request.method == "POST":
        status = 400
    context = {"comment": comment, "form": form, "errors": errors, "received": received}
    template = (
        "discussion/partials/_report_form.html"
        if request.htmx
        else "discussion/comment_report.html"
    )
    return render(request, template, context, status=status)


# Member pages and the reply emails' unsubscribe link live under /members/.

MEMBER_COMMENTS_PER_PAGE = 20


def member_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    member = User.objects.filter(slug=slug, anonymised_at__isnull=True).first()
    if member is None:
        current = member_slug_now(slug=slug)  # a name the member had before a change
        if current is None:
            raise Http404("No such member.")
        return redirect("members:member-detail", current, permanent=True)
    paginator = Paginator(comments_by_member(member=member), MEMBER_COMMENTS_PER_PAGE)
    try:
        comments = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of comments.") from error
    awaiting, notices = [], []
    if request.user.pk == member.pk:  # what only the member sees
        awaiting = comments_awaiting_review_by_member(member=member)
        notices = decision_notices_for_reader(reader=member)
        services.decision_notices_mark_read(
            reader=member, notice_ids=[notice.pk for notice in notices if notice.new]
        )
    return render(
        request,
        "discussion/member_detail.html",
        {"member": member, "comments": comments, "awaiting_review": awaiting, "notices": notices},
    )


def _no_response(request: HttpRequest) -> HttpResponse:
    raise AssertionError("only the CSRF check runs")


def _is_one_click_unsubscribe(request: HtmxHttpRequest) -> bool:
    """A mail provider's RFC 8058 one-click POST: no session and no CSRF token, by design."""
    return request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click"


@csrf_exempt  # checked below, except for RFC 8058 one-click posts
@require_http_methods(["GET", "POST"])
def notifications_unsubscribe(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """The link in every reply email: GET asks to confirm, POST switches the emails off.

    No sign-in needed: the signed token names the reader. A GET changes nothing,
    because mail scanners open links. The confirmation form posts with a CSRF token;
    a mail provider's one-click unsubscribe (the List-Unsubscribe-Post header) posts
    without one, and the token in the URL is what authorises it.
    """
    if request.method == "POST" and not _is_one_click_unsubscribe(request):
        # The callback is None: passing this (exempt) view would skip the check.
        refused = CsrfViewMiddleware(_no_response).process_view(request, _no_response, (), {})
        if refused is not None:
            return refused
    try:
        reader = User.objects.filter(pk=unsubscribe_token_read(token=token)).first()
    except signing.BadSignature:
        reader = None
    if reader is None:
        return render(
            request, "discussion/notifications_unsubscribe.html", {"invalid": True}, status=400
        )
    done = request.method == "POST"
    if done:
        user_set_notify_replies(user=reader, notify_replies=False)
    return render(request, "discussion/notifications_unsubscribe.html", {"done": done})
