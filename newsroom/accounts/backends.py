"""Django's and allauth's authentication backends, reading the signed-in reader by a
prepared query.

Every signed-in request reads its reader after its session, and the backend that signed
them in does it: Django's builds ``User.objects.get(pk=...)`` anew each time, which cost
a vote more than the rest of its reads together. Signing in, passwords and permissions
are the backends' own. A session names the backend that signed its reader in, so sessions
made under the library's paths were moved to these (migration accounts 0007).
"""

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db.models import QuerySet

from newsroom.accounts.models import User
from newsroom.core.prepared import columns, instance, prepared

_USER = columns(User)


@prepared(int)
def _user_row(user_id: int) -> QuerySet[User, tuple[Any, ...]]:
    return User.objects.filter(pk=user_id).values_list(*_USER)


class _ReadsUserPrepared:
    def get_user(self, user_id: Any) -> User | None:
        """The user of a session, unless they may no longer sign in (deactivated)."""
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        row = _user_row.row(pk)
        if row is None:
            return None
        user = instance(User, _USER, row)
        return user if self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class ModelBackend(_ReadsUserPrepared, DjangoModelBackend):
    """Django's: staff sign in to the admin with their username."""


class AuthenticationBackend(_ReadsUserPrepared, AllauthBackend):
    """allauth's: readers sign in with their email address."""
