from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from newsroom.accounts.export import account_data
from newsroom.accounts.forms import AccountDeleteForm, DisplayNameForm, EmailSettingsForm
from newsroom.accounts.http import SignedInRequest
from newsroom.accounts.services import (
    TooManyExports,
    account_delete,
    data_export_record,
    user_set_display_name,
    user_set_notify_replies,
)


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
                "We will email you when someone answers your comments or a moderator "
                "decides on one."
                if notify
                else "We will no longer email you about your comments.",
            )
            return redirect("accounts:account-settings")
    else:
        form = EmailSettingsForm(initial={"notify_replies": request.user.notify_replies})
    return _account_page(request, form=form)


def _account_page(
    request: SignedInRequest,
    *,
    form: EmailSettingsForm | None = None,
    name_form: DisplayNameForm | None = None,
    status: int = 200,
) -> HttpResponse:
    reader = request.user
    context = {
        "form": form or EmailSettingsForm(initial={"notify_replies": reader.notify_replies}),
        "name_form": name_form
        or DisplayNameForm(
            reader=reader,
            initial={"display_name": reader.display_name or reader.requested_display_name},
        ),
    }
    return render(request, "accounts/account_settings.html", context, status=status)


@login_required
@require_http_methods(["POST"])
def display_name_change(request: SignedInRequest) -> HttpResponse:
    """Choose a display name, or change it (once in 30 days)."""
    name_form = DisplayNameForm(request.POST, reader=request.user)
    if name_form.is_valid():
        try:
            user_set_display_name(
                user=request.user, display_name=name_form.cleaned_data["display_name"]
            )
        except ValidationError as error:
            name_form.add_error("display_name", error.message_dict.get("display_name", error))
        else:
            messages.success(request, "Your display name is saved.")
            return redirect("accounts:account-settings")
    return _account_page(request, name_form=name_form, status=400)


@login_required
@require_http_methods(["POST"])
def data_export(request: SignedInRequest) -> HttpResponse:
    """Download everything the site keeps about the signed-in reader, as JSON.

    A POST (it is logged, and counted against a daily allowance), answered as a file.
    """
    try:
        data_export_record(user=request.user)
    except TooManyExports:
        messages.error(
            request,
            f"You can download your data {settings.NEWSROOM_DATA_EXPORTS_PER_DAY} times a day. "
            "Please try again tomorrow.",
        )
        return _account_page(request, status=429)
    response = JsonResponse(account_data(user=request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = (
        f'attachment; filename="newsroom-data-{timezone.localdate():%Y-%m-%d}.json"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
