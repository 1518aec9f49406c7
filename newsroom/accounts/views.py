from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsroom.accounts.forms import AccountDeleteForm, EmailSettingsForm
from newsroom.accounts.models import User
from newsroom.accounts.services import account_delete, user_set_notify_replies
from newsroom.discussion.notifications import unsubscribe_token_read
from newsroom.discussion.selectors import comments_by_member

MEMBER_COMMENTS_PER_PAGE = 20


def member_detail(request: HttpRequest, slug: str) -> HttpResponse:
    member = get_object_or_404(User, slug=slug, anonymised_at__isnull=True)
    paginator = Paginator(comments_by_member(member=member), MEMBER_COMMENTS_PER_PAGE)
    try:
        comments = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of comments.") from error
    return render(request, "accounts/member_detail.html", {"member": member, "comments": comments})


@login_required
def account_delete_view(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        account_delete(user=request.user)
        logout(request)
        messages.success(
            request, "Your account has been deleted. Your comments stay, without your name."
        )
        return redirect(settings.LOGIN_REDIRECT_URL)
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/account_delete.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = EmailSettingsForm(request.POST)
        if form.is_valid():
            notify = form.cleaned_data["notify_replies"]
            user_set_notify_replies(user=request.user, notify_replies=notify)
            messages.success(
                request,
                "We will email you when someone answers your comments."
                if notify
                else "We will no longer email you when someone answers your comments.",
            )
            return redirect("accounts:account-settings")
    else:
        form = EmailSettingsForm(initial={"notify_replies": request.user.notify_replies})
    return render(request, "accounts/account_settings.html", {"form": form})


def _is_one_click_unsubscribe(request: HttpRequest) -> bool:
    """A mail provider's RFC 8058 one-click POST: no session and no CSRF token, by design."""
    return request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click"


@csrf_exempt  # checked below, except for RFC 8058 one-click posts
@require_http_methods(["GET", "POST"])
def notifications_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every reply email: GET asks to confirm, POST switches the emails off.

    No sign-in needed: the signed token names the reader. A GET changes nothing,
    because mail scanners open links. The confirmation form posts with a CSRF token;
    a mail provider's one-click unsubscribe (the List-Unsubscribe-Post header) posts
    without one, and the token in the URL is what authorises it.
    """
    if request.method == "POST" and not _is_one_click_unsubscribe(request):
        # The callback is None: passing this (exempt) view would skip the check.
        refused = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
    try:
        reader = User.objects.filter(pk=unsubscribe_token_read(token=token)).first()
    except signing.BadSignature:
        reader = None
    if reader is None:
        return render(
            request, "accounts/notifications_unsubscribe.html", {"invalid": True}, status=400
        )
    done = request.method == "POST"
    if done:
        user_set_notify_replies(user=reader, notify_replies=False)
    return render(request, "accounts/notifications_unsubscribe.html", {"done": done})
