"""GOV.UK Notify as a way to send the outbox's email, chosen by configuration.

Notify sends email from a template. Ours has one: its subject is ((subject))
and its body ((body)), so the words stay ours, written in each app's emails.py.
The backend is a Django email backend, so the outbox sends through it exactly
as it sends through SMTP; Notify's answer decides what the outbox does next.
"""

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

from localdigital.core.outbox import DEFAULT_EMAIL_TIMEOUT_SECONDS, UndeliverableEmail

# Notify's answers that trying again cannot change: the request itself is
# wrong (a bad address, a missing template, a key refused). Too many requests
# (429) and Notify's own errors (5xx, or no answer) are worth a retry.
RETRY_STATUSES = {429}


def _one_click_unsubscribe_url(message) -> str | None:
    """Notify writes the List-Unsubscribe headers itself, from this address
    (RFC 8058's one-click POST), in place of the ones the outbox keeps."""
    header = (message.extra_headers or {}).get("List-Unsubscribe", "")
    return header.strip().removeprefix("<").removesuffix(">") or None


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, timeout: float | None = None, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.client = NotificationsAPIClient(
            settings.NOTIFY_API_KEY,
            base_url=settings.NOTIFY_BASE_URL,
            timeout=timeout or DEFAULT_EMAIL_TIMEOUT_SECONDS,
        )

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            for address in message.to:
                message.provider_reference = self._send(message, address)
        return len(email_messages)

    def _send(self, message, address: str) -> str:
        try:
            response = self.client.send_email_notification(
                email_address=address,
                template_id=settings.NOTIFY_TEMPLATE_ID,
                personalisation={"subject": message.subject, "body": message.body},
                reference=getattr(message, "reference", None) or None,
                one_click_unsubscribe_url=_one_click_unsubscribe_url(message),
            )
        except HTTPError as error:
            if 400 <= error.status_code < 500 and error.status_code not in RETRY_STATUSES:
                raise UndeliverableEmail(f"GOV.UK Notify refused it: {error}") from error
            raise
        return response["id"]
