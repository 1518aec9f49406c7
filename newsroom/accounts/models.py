from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The site's user: readers, editors and moderators alike.

    A project-owned model from the first migration, so that profiles, display
    names and anonymisation can grow here without a painful swap later.
    """
