from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from newsroom.accounts.forms import AccountDeleteForm
from newsroom.accounts.models import User
from newsroom.accounts.services import account_delete
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
