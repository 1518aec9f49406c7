from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from newsroom.accounts.forms import AccountDeleteForm, EmailSettingsForm
from newsroom.accounts.http import SignedInRequest
from newsroom.accounts.services import account_delete, user_set_notify_replies


@login_required
def account_delete_view(request: SignedInRequest) -> HttpResponse:
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
def account_settings(request: SignedInRequest) -> HttpResponse:
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
