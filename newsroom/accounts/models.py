from django.conf import settings
from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone


class User(AbstractUser):
    """The site's user: readers, editors and moderators alike.

    The public identity (display name and member-page slug) lives on the user
    row itself, so a comment stream gets its authors' names with one join.
    Deleting an account anonymises it: the row stays so that comments and votes
    keep their author, but the name, slug and email are gone.
    """

    # NULL, not "", for "no name": the case-insensitive unique constraint skips NULLs.
    display_name = models.CharField(max_length=30, null=True, blank=True)  # noqa: DJ001
    slug = models.SlugField(max_length=40, null=True, blank=True, unique=True)
    # The name asked for at sign-up; it becomes display_name (a NameClaim) only once the
    # email address is verified, so an unverified sign-up holds no name.
    requested_display_name = models.CharField(max_length=30, blank=True, default="")
    display_name_changed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    notify_replies = models.BooleanField(
        default=True,
        help_text="Email the reader about their comments: when someone replies to or quotes one, "
        "and when a moderator approves or rejects one held for review.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("display_name"),
                condition=Q(display_name__isnull=False),
                name="user_display_name_unique_ci",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def public_name(self) -> str:
        """The name shown beside a reader's comments; empty for deleted accounts."""
        return "" if self.anonymised_at else (self.display_name or "")


# Whoever is looking at a page: a signed-in user or an anonymous reader.
type Viewer = User | AnonymousUser


class NameClaim(models.Model):
    """A display name and its member-page slug, held for good once claimed.

    A reader claims a name when their email address is verified, and again on each
    rename; old claims stay theirs, so links to an old slug still lead to them and
    nobody else can take a name they had. Deleting the account detaches its claims
    (``user`` NULL, ``retired_at`` set): the name and slug are retired, never reused.
    ``key`` is the look-alike-folded form of the name (``names.name_key``), so the
    unique constraint refuses confusable names too.
    """

    key = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=40, unique=True, allow_unicode=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="name_claims",
    )
    claimed_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=True, retired_at__isnull=False)
                | Q(user__isnull=False, retired_at__isnull=True),
                name="nameclaim_held_or_retired",
            ),
        ]

    def __str__(self) -> str:
        return self.slug


class DataExport(models.Model):
    """One download of a reader's data: the log, and what the rate limit counts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.user_id} at {self.created_at:%Y-%m-%d %H:%M}"


def user_display(user: User) -> str:
    """How allauth names a user in its pages and emails."""
    return user.display_name or user.username
