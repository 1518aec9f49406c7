"""Two-factor sign-in is required of staff before the admin lets them in (issue 14.13)."""

from collections.abc import Callable
from urllib.parse import urlencode

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from newsroom.accounts.models import Viewer

ADMIN_PREFIXES = ("/admin/", "/django-admin/")  # Wagtail's admin (with moderation), Django's
ADMIN_LOGINS = ("/admin/login/", "/django-admin/login/")
ADMIN_LOGOUTS = ("/admin/logout/", "/django-admin/logout/")


def is_staff_member(user: Viewer) -> bool:
    """Editors, moderators and administrators: anyone the admin lets in."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


class StaffTwoFactorMiddleware:
    """Send staff without an authenticator app to set one up before any admin page.

    The admins' own password-only sign-in forms are replaced by the site's sign-in,
    which asks for the code, so no way into the admin skips the second factor.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path in ADMIN_LOGINS:
            query = {"next": request.GET["next"]} if request.GET.get("next") else {}
            login = reverse("account_login")
            return redirect(f"{login}?{urlencode(query)}" if query else login)
        if (
            settings.NEWSROOM_STAFF_TWO_FACTOR
            and path.startswith(ADMIN_PREFIXES)
            and path not in ADMIN_LOGOUTS
            and is_staff_member(request.user)
            and not is_mfa_enabled(request.user)
        ):
            messages.warning(
                request,
                "Staff accounts sign in with two factors: set up an authenticator app "
                "to reach the admin.",
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
