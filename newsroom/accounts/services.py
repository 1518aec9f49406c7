"""Writes of the accounts app."""

import secrets
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail import hooks

from newsroom.accounts.models import DataExport, NameClaim, User
from newsroom.accounts.names import name_key
from newsroom.accounts.validators import display_name_validate
from newsroom.core import page_cache

NAME_CHANGE_INTERVAL = timedelta(days=30)
# Called inside account_delete's transaction as fn(user=..., slugs=[...]) with every
# member-page slug the account ever had, so a higher app can neutralise what links to
# them (the discussion unlinks mentions in stored comment HTML).
ACCOUNT_DELETE_HOOK = "account_delete"


def _free_slug(name: str) -> str:
    """A slug no reader has or ever had: old and retired slugs stay taken."""
    base = slugify(name)[:30]
    if not base:  # a name in a script slugify keeps nothing of, such as 山田太郎
        base = f"member-{secrets.token_hex(3)}"
    slug, number = base, 1
    while NameClaim.objects.filter(slug=slug).exists() or User.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _record_current_name(user: User) -> None:
    """Claim the name a reader has from before claims existed (or from a fixture)."""
    if user.display_name and user.slug:
        key = name_key(user.display_name)
        if not NameClaim.objects.filter(key=key).exists():
            NameClaim.objects.create(key=key, slug=user.slug, user=user)


def _claim(*, user: User, name: str) -> None:
    """Give ``user`` the (validated) ``name``: their own old claim, or a new one."""
    _record_current_name(user)
    key = name_key(name)
    claim = NameClaim.objects.filter(key=key, user=user).first()
    if claim is None:
        claim = NameClaim(key=key, slug=_free_slug(name), user=user)
    claim.claimed_at = timezone.now()
    user.display_name, user.slug = name, claim.slug
    try:
        with transaction.atomic():  # two readers racing for one name: the constraints decide
            claim.save()
            user.save(update_fields=["display_name", "slug", "display_name_changed_at"])
    except IntegrityError as error:
        raise ValidationError({"display_name": "That display name is taken."}) from error


@transaction.atomic
def user_set_display_name(*, user: User, display_name: str) -> User:
    """Claim a display name; a reader who has one changes it at most once in 30 days.

    Old names stay the reader's (their member-page slugs redirect), so mentions
    written before the change still lead to them and no one else can take them.
    """
    locked = User.objects.select_for_update().get(pk=user.pk)
    name = display_name_validate(name=display_name, reader=locked)
    if name == locked.display_name:
        return user
    now = timezone.now()
    if locked.display_name:
        changed = locked.display_name_changed_at
        if changed and now < changed + NAME_CHANGE_INTERVAL:
            raise ValidationError(
                {
                    "display_name": "You can change your display name once in 30 days: "
                    f"next on {timezone.localtime(changed + NAME_CHANGE_INTERVAL):%B %-d, %Y}."
                }
            )
        locked.display_name_changed_at = now
    _claim(user=locked, name=name)
    user.display_name, user.slug = locked.display_name, locked.slug
    user.display_name_changed_at = locked.display_name_changed_at
    page_cache.site_changed()  # the name shows beside the reader's comments
    return user


@transaction.atomic
def user_request_display_name(*, user: User, display_name: str) -> User:
    """Note the name asked for at sign-up; it is claimed when the email is verified."""
    user.requested_display_name = display_name_validate(name=display_name, reader=user)
    user.save(update_fields=["requested_display_name"])
    return user


@transaction.atomic
def user_claim_requested_name(*, user: User) -> bool:
    """On email verification: claim the name asked for at sign-up, if it is still free.

    False when someone verified first with that name (or a look-alike); the reader
    then chooses another on their account page before commenting.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.display_name or not user.requested_display_name:
        return bool(user.display_name)
    try:
        with transaction.atomic():
            user_set_display_name(user=user, display_name=user.requested_display_name)
    except ValidationError:
        return False
    User.objects.filter(pk=user.pk).update(requested_display_name="")
    return True


@transaction.atomic
def user_set_notify_replies(*, user: User, notify_replies: bool) -> User:
    """Switch the emails about replies to and quotes of the reader's comments on or off."""
    user.notify_replies = notify_replies
    user.save(update_fields=["notify_replies"])
    return user


def _retire_names(*, user: User, now: datetime) -> list[str]:
    """Detach every name the reader held; return their slugs. Retired names are never reused."""
    _record_current_name(user)  # retired all the same
    claims = NameClaim.objects.filter(user=user)
    slugs = list(claims.values_list("slug", flat=True))
    claims.update(user=None, retired_at=now)
    return slugs


@transaction.atomic
def account_delete(*, user: User) -> User:
    """Anonymise the account: comments and votes stay, the person behind them does not.

    The row remains (comments and votes point at it), with no name, email,
    password or member page, so nothing on the site can lead back to them. Its
    names and slugs are retired (kept in NameClaim with no reader), so no later
    sign-up can take them and inherit the mentions of them; the hook lets the
    discussion turn those mentions into plain text.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    now = timezone.now()
    slugs = _retire_names(user=user, now=now)
    for hook in hooks.get_hooks(ACCOUNT_DELETE_HOOK):
        hook(user=user, slugs=slugs)
    EmailAddress.objects.filter(user=user).delete()
    user.username = f"deleted-{secrets.token_hex(8)}"
    user.email = ""
    user.first_name = user.last_name = ""
    user.display_name = None
    user.requested_display_name = ""
    user.slug = None
    user.is_active = False
    user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.anonymised_at = now
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    page_cache.site_changed()  # their comments lose the name
    return user


class TooManyExports(Exception):
    """The reader has downloaded their data as often as a day allows."""


@transaction.atomic
def data_export_record(*, user: User) -> DataExport:
    """Log one download of a reader's data, refusing more than the daily allowance.

    The row is both the log and the count, kept under the reader's row lock so two
    requests at once cannot both slip under the limit.
    """
    User.objects.select_for_update().get(pk=user.pk)
    since = timezone.now() - timedelta(days=1)
    if (
        user.data_exports.filter(created_at__gte=since).count()
        >= settings.NEWSROOM_DATA_EXPORTS_PER_DAY
    ):
        raise TooManyExports
    return DataExport.objects.create(user=user)
