"""Sign-in that says "too many attempts" with the status that means it."""

from allauth.account.views import LoginView as AllauthLoginView
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse

LOCKED_OUT = "too_many_login_attempts"  # allauth's code for its failed-login rate limit


class LoginView(AllauthLoginView):
    """allauth's sign-in page, answering 429 while its failed-login lockout holds (allauth
    shows the message with a 200)."""

    def form_invalid(self, form) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, code=LOCKED_OUT):
            response.status_code = 429
        return response
