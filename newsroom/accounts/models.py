from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower


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
    anonymised_at = models.DateTimeField(null=True, blank=True)
    notify_replies = models.BooleanField(
        default=True,
        help_text="Email the reader when someone replies to or quotes one of their comments.",
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


def user_display(user: User) -> str:
    """How allauth names a user in its pages and emails."""
    return user.display_name or user.username
