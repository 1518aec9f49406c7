"""Reads of the accounts app."""

from django.db.models import Q, QuerySet

from newsroom.accounts.models import NameClaim, User
from newsroom.accounts.names import name_key


def staff(*, exclude: User | None = None) -> QuerySet[User]:
    """Editors, moderators and administrators: everyone with a way into the admin."""
    admin_access = Q(groups__permissions__codename="access_admin") | Q(
        user_permissions__codename="access_admin"
    )
    people = User.objects.filter(Q(is_staff=True) | Q(is_superuser=True) | admin_access)
    if exclude is not None:
        people = people.exclude(pk=exclude.pk)
    return people.filter(anonymised_at__isnull=True).distinct()


def display_name_holder(*, name: str, reader: User | None = None) -> str | None:
    """Who already has ``name`` or a look-alike of it, other than ``reader``, if anyone.

    Answers "a reader", "a retired account" or "staff"; None when the name is free.
    """
    key = name_key(name)
    claim = NameClaim.objects.filter(key=key).first()
    if claim is not None and (reader is None or claim.user_id != reader.pk):
        return "a retired account" if claim.user_id is None else "a reader"
    others = User.objects.filter(display_name__iexact=name)
    if reader is not None:
        others = others.exclude(pk=reader.pk)
    if others.exists():
        return "a reader"
    for username, first, last, display_name in staff(exclude=reader).values_list(
        "username", "first_name", "last_name", "display_name"
    ):
        names = (username, f"{first} {last}", display_name or "")
        if any(other.strip() and name_key(other) == key for other in names):
            return "staff"
    return None


def member_slug_now(*, slug: str) -> str | None:
    """The current member-page slug of whoever once had ``slug``: old links follow a rename.

    None when nobody held it, or when its holder deleted their account (retired).
    """
    return (
        NameClaim.objects.filter(slug=slug, user__anonymised_at__isnull=True)
        .exclude(user__slug=None)
        .values_list("user__slug", flat=True)
        .first()
    )
