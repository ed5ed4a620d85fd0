"""Signing officers in by an emailed, single-use link."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from funding import emails
from funding.models import SignInLink
from localdigital.core.outbox import queue_email
from localdigital.core.ratelimit import within_limit
from localdigital.core.tokens import hash_token, new_token

SIGN_IN_LINK_LIFETIME = datetime.timedelta(minutes=15)
# Sign-in emails one address may be sent in an hour at the asking of any one
# visitor: enough for an officer who lost one or two, too few to fill an
# inbox. Counted per address and visitor, so that others asking for the
# officer's address do not use up the officer's own.
SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR = 5
# And whoever asks, a ceiling on what one inbox is sent in an hour: well over
# what several visitors' full allowances add up to, still not a flood.
SIGN_IN_EMAILS_PER_HOUR = 50


def sign_in_link_minutes() -> int:
    """How long a link works, in the minutes the pages and the email say."""
    return int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60)


def sign_in_request(*, email: str, asked_from: str) -> None:
    """Email `email` a single-use link that signs them in, if its limits allow.

    `asked_from` is the asking visitor's address (ratelimit.client_address).
    Every address is sent a link, whether or not it belongs to a signed
    council, so that the page after asking looks the same for all: nobody
    can use it to find out which addresses we know. (What the officer may do
    once signed in depends on their organisations.) Over a limit, nothing is
    sent and the answer is the same.
    """
    email = email.strip()
    if not within_limit(
        scope="fund-sign-in-email",
        key=f"{email.lower()} {asked_from}",
        limit=SIGN_IN_EMAILS_PER_HOUR_PER_VISITOR,
        per_seconds=60 * 60,
    ):
        return
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    recent = SignInLink.objects.filter(email__iexact=email, created_at__gte=an_hour_ago)
    if recent.count() >= SIGN_IN_EMAILS_PER_HOUR:
        return
    token, token_hash = new_token()
    with transaction.atomic():
        # Spent links are of no use to anyone; a day on, they go.
        SignInLink.objects.filter(expires_at__lt=an_hour_ago - datetime.timedelta(days=1)).delete()
        SignInLink.objects.create(
            email=email,
            token_hash=token_hash,
            expires_at=timezone.now() + SIGN_IN_LINK_LIFETIME,
        )
        subject, body = emails.sign_in(
            path=reverse("apply:sign-in-link", kwargs={"token": token}),
            minutes=sign_in_link_minutes(),
        )
        queue_email(to=email, subject=subject, body=body)


def sign_in_link_find(*, token: str) -> SignInLink | None:
    """The usable link with this token, or None (unknown, used or expired)."""
    link = SignInLink.objects.filter(token_hash=hash_token(token)).first()
    return link if link is not None and link.is_usable() else None


def sign_in_link_use(*, token: str) -> str | None:
    """Use up the link and return the address it proves, or None if it cannot be used.

    The row is locked so that the same link, posted twice at once, signs in once.
    """
    with transaction.atomic():
        link = SignInLink.objects.select_for_update().filter(token_hash=hash_token(token)).first()
        if link is None or not link.is_usable():
            return None
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
        return link.email
