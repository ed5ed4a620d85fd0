"""Sending email without losing any.

A service that owes someone an email calls queue_email() inside its transaction.
The message is a row written in that transaction, so it exists if and only if
the change that caused it does. After commit the background worker is asked to
send it (localdigital.core.tasks): no web request waits for a mail server. If
sending fails, the worker's minute-by-minute sweep tries again with back-off,
until the message is sent or we give up and staff see it as failed in admin,
where they can retry it.
"""

import logging
from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from localdigital.core.models import OutboundEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
# What an attempt to send may change on the row.
ATTEMPT_FIELDS = [
    "state",
    "attempts",
    "last_error",
    "next_attempt_at",
    "sent_at",
    "provider_reference",
]
MAX_RETRY_DELAY = timedelta(hours=6)
# Without a timeout, a mail server that accepts the connection and then says
# nothing would hold the user's request and a database transaction open for ever.
DEFAULT_EMAIL_TIMEOUT_SECONDS = 10


class UndeliverableEmail(Exception):
    """The email service refused the message for good: trying again cannot help
    (GOV.UK Notify's 400, for an address it will not send to)."""


def queue_email(
    *,
    to: str,
    subject: str,
    body: str,
    reference: str = "",
    headers: dict | None = None,
    html_body: str = "",
) -> OutboundEmail:
    """Write an email to the outbox, to be sent once the caller's transaction commits.

    `headers` are sent with it as they are (List-Unsubscribe, say);
    `html_body`, if given, goes beside the plain text as its HTML alternative.

    Raises ValidationError for a message that could never be sent (a bad address,
    a subject with a line break) or that does not name its reference.
    """
    email = OutboundEmail(
        to_address=to,
        subject=subject,
        body=body,
        html_body=html_body,
        reference=reference,
        headers=headers or {},
    )
    # The database checks the constraints; this catches what only Python can.
    email.full_clean(validate_constraints=False)
    email.save()
    # robust: whatever goes wrong, the user's change is already committed and
    # the message is safe in the outbox, so their request must not fail.
    transaction.on_commit(lambda: _ask_worker_to_send(email.pk), robust=True)
    return email


def _ask_worker_to_send(email_id: int) -> None:
    # Imported here: the task module imports this one.
    from localdigital.core.tasks import send_outbox_email

    try:
        send_outbox_email.delay(email_id)
    except Exception as error:
        # The broker is down. The message is in the outbox all the same, and
        # the worker's sweep sends it once the broker is back.
        logger.warning("Could not ask the worker to send email %s: %s", email_id, error)


def send_email(*, email_id: int, now: datetime | None = None) -> str | None:
    """Try to send one message if it is due; return its new state.

    Returns None when there was nothing to do: the message is not due, has been
    sent already, or another worker is sending it right now.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # The row stays locked while we talk to the mail server, and a worker
        # that finds it locked skips it: two workers never send it twice.
        # (SQLite, used only on laptops, has no row locks and ignores this.)
        email = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .due(now)
            .filter(pk=email_id)
            .first()
        )
        if email is None:
            return None
        email.attempts += 1
        try:
            email.provider_reference = _deliver(email)
        except UndeliverableEmail as error:
            _record_failure(email, error=error, now=now, final=True)
        # Not just smtplib's errors and OSError: other backends (such as email
        # APIs) raise their own, and any failure must be recorded, never lost.
        except Exception as error:
            _record_failure(email, error=error, now=now)
        else:
            email.state = OutboundEmail.State.SENT
            email.sent_at = now
        email.save(update_fields=ATTEMPT_FIELDS)
    return email.state


def send_due_emails(*, now: datetime | None = None, limit: int = 100) -> Counter:
    """Try every due message, oldest first; count them by the state each ended in.

    `sent` were delivered, `queued` will be retried later, `failed` were given up on.
    """
    now = now or timezone.now()
    due_ids = list(
        OutboundEmail.objects.due(now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    outcomes = Counter()
    for email_id in due_ids:
        state = send_email(email_id=email_id, now=now)
        if state is not None:
            outcomes[state] += 1
    return outcomes


def retry_delay(*, attempts: int) -> timedelta:
    """How long to wait after `attempts` failures: 1, 2, 4, 8 ... minutes, up to 6 hours
    (starting from OUTBOX_FIRST_RETRY_SECONDS, a minute unless set)."""
    first = timedelta(seconds=getattr(settings, "OUTBOX_FIRST_RETRY_SECONDS", 60))
    # The cap on the exponent keeps timedelta from overflowing after many manual retries.
    return min(first * 2 ** min(attempts - 1, 20), MAX_RETRY_DELAY)


def _deliver(email: OutboundEmail) -> str:
    """Send through the configured backend; the service's own id for the message, if any."""
    timeout = getattr(settings, "EMAIL_TIMEOUT", None) or DEFAULT_EMAIL_TIMEOUT_SECONDS
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to_address],
        headers=email.headers or None,
        connection=get_connection(timeout=timeout),
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    # Read by email services that track messages (localdigital.core.notify).
    message.reference = email.reference
    message.send()
    return getattr(message, "provider_reference", "")


def _record_failure(
    email: OutboundEmail, *, error: Exception, now: datetime, final: bool = False
) -> None:
    email.last_error = f"{type(error).__name__}: {error}"
    # Logged by id and reference, not address or body: logs are not the place
    # for people's personal data.
    if final or email.attempts >= MAX_ATTEMPTS:
        email.state = OutboundEmail.State.FAILED
        logger.error(
            "Gave up sending email %s (reference %r) after %s attempts: %s",
            email.pk,
            email.reference,
            email.attempts,
            email.last_error,
        )
    else:
        email.next_attempt_at = now + retry_delay(attempts=email.attempts)
        logger.warning(
            "Could not send email %s (reference %r), attempt %s of %s; will retry at %s: %s",
            email.pk,
            email.reference,
            email.attempts,
            MAX_ATTEMPTS,
            email.next_attempt_at.isoformat(),
            email.last_error,
        )
