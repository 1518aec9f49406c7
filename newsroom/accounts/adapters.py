"""allauth glue: names are claimed on verification, and the reader finds their way back."""

from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress, EmailConfirmation
from django.contrib import messages
from django.http import HttpRequest
from django.urls import reverse

from newsroom.accounts.services import user_claim_requested_name


class AccountAdapter(DefaultAccountAdapter):
    def confirm_email(self, request: HttpRequest, email_address: EmailAddress) -> bool:
        """Verify the address, then claim the display name asked for at sign-up."""
        confirmed = super().confirm_email(request, email_address)
        user = email_address.user
        if confirmed and user.requested_display_name:
            name = user.requested_display_name
            if not user_claim_requested_name(user=user):
                messages.warning(
                    request,
                    f"Someone took the display name “{name}” before you confirmed. "
                    "Choose another on your account page before commenting.",
                )
        return confirmed

    def get_email_confirmation_url(
        self, request: HttpRequest, emailconfirmation: EmailConfirmation
    ) -> str:
        """The link in the email carries the page the reader signed up from.

        So the confirmation brings them back to the article (and its comment box)
        even when they open the email in another browser.
        """
        url = super().get_email_confirmation_url(request, emailconfirmation)
        next_url = request.POST.get("next") or request.GET.get("next") if request else None
        if next_url and next_url != reverse("account_signup") and self.is_safe_url(next_url):
            url = f"{url}?{urlencode({'next': next_url})}"
        return url
