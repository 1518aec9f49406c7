"""A reader's own data, as one JSON document (issue 14.11).

The accounts app writes the profile; every app above it that keeps something
about the reader adds its part through the ``account_data_export`` Wagtail hook:
``fn(user=...) -> {"section": [...]}`` (comments and votes from the discussion,
reports and sanctions from moderation, notifications...), so this module never
imports them.
"""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone
from wagtail import hooks

from newsroom.accounts.models import User

EXPORT_HOOK = "account_data_export"


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def account_profile(*, user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "email": user.email,
        "display_name": user.display_name,
        "display_name_requested": user.requested_display_name or None,
        "member_page_slug": user.slug,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "reply_emails": user.notify_replies,
        "names": [
            {"slug": slug, "claimed_at": _when(claimed_at)}
            for slug, claimed_at in user.name_claims.order_by("claimed_at").values_list(
                "slug", "claimed_at"
            )
        ],
        "email_addresses": [
            {"email": email, "verified": verified, "primary": primary}
            for email, verified, primary in EmailAddress.objects.filter(user=user).values_list(
                "email", "verified", "primary"
            )
        ],
        "two_factor": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "data_exports": [
            _when(at) for at in user.data_exports.values_list("created_at", flat=True)
        ],
    }


def account_data(*, user: User) -> dict[str, Any]:
    """Everything the site keeps about ``user``, ready for ``json.dumps``."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "profile": account_profile(user=user),
    }
    for contribute in hooks.get_hooks(EXPORT_HOOK):
        data.update(contribute(user=user))
    return data
