"""Writes of the accounts app."""

import secrets

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from newsroom.accounts.models import User
from newsroom.core import page_cache


def _unique_slug(name: str, *, user: User) -> str:
    base = slugify(name)[:30] or "reader"
    slug, number = base, 1
    while User.objects.filter(slug=slug).exclude(pk=user.pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def user_set_display_name(*, user: User, display_name: str) -> User:
    user.display_name = display_name
    user.slug = _unique_slug(display_name, user=user)
    try:
        with transaction.atomic():
            user.save(update_fields=["display_name", "slug"])
    except IntegrityError as error:  # two sign-ups racing for one name
        from django.core.exceptions import ValidationError

        raise ValidationError({"display_name": "That display name is taken."}) from error
    page_cache.site_changed()  # the name shows beside the reader's comments
    return user


@transaction.atomic
def user_set_notify_replies(*, user: User, notify_replies: bool) -> User:
    """Switch the emails about replies to and quotes of the reader's comments on or off."""
    user.notify_replies = notify_replies
    user.save(update_fields=["notify_replies"])
    return user


@transaction.atomic
def account_delete(*, user: User) -> User:
    """Anonymise the account: comments and votes stay, the person behind them does not.

    The row remains (comments and votes point at it), with no name, email,
    password or member page, so nothing on the site can lead back to them.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    EmailAddress.objects.filter(user=user).delete()
    user.username = f"deleted-{secrets.token_hex(8)}"
    user.email = ""
    user.first_name = user.last_name = ""
    user.display_name = None
    user.slug = None
    user.is_active = False
    user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.anonymised_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    page_cache.site_changed()  # their comments lose the name
    return user
