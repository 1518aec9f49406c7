"""The request a view behind login_required receives: its user is signed in."""

from newsroom.accounts.models import User
from newsroom.core.http import HtmxHttpRequest


class SignedInRequest(HtmxHttpRequest):
    user: User
