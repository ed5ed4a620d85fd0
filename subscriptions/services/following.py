"""Asking to follow, confirming, changing one's mind and leaving."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from localdigital.core.outbox import queue_email
from localdigital.core.ratelimit import within_limit
from localdigital.core.tokens import hash_token, new_token
from subscriptions import emails
from subscriptions.links import unsubscribe_headers
from subscriptions.models import Frequency, Subscriber, Subscription

CONFIRM_DAYS = 7
# Emails one address may be sent in an hour by people asking to follow
# things for it: enough for someone following several, no use for flooding it.
REQUESTS_PER_ADDRESS = 5


def follow_request(*, email: str, topic: str, label: str, frequency: str) -> None:
    """Ask `email` to confirm following `topic` (or tell them they already do).

    The same happens whether or not the address is known, so the page that
    calls this says the same either way: nobody learns who follows what.
    """
    follow_topics_request(email=email, topics=[(topic, label)], frequency=frequency)


def follow_topics_request(*, email: str, topics: list[tuple[str, str]], frequency: str) -> None:
    """Ask `email` to confirm following each (topic, label) it does not yet
    follow, with one email; if it follows them all already, say so instead."""
    email = email.strip().lower()
    if not within_limit(
        scope="follow-email", key=email, limit=REQUESTS_PER_ADDRESS, per_seconds=3600
    ):
        return
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(email=email)
        followed = set(subscriber.subscriptions.confirmed().values_list("topic", flat=True))
        new = [(topic, label) for topic, label in topics if topic not in followed]
        if not new:
            _say_already_following(subscriber, label=_joined([label for _, label in topics]))
            return
        for topic, label in new:
            Subscription.objects.update_or_create(
                subscriber=subscriber,
                topic=topic,
                defaults={"label": label, "frequency": frequency, "created_at": timezone.now()},
            )
        _ask_to_confirm(subscriber, label=_joined([label for _, label in new]))


def _joined(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


def _say_already_following(subscriber: Subscriber, *, label: str) -> None:
    subject, body = emails.already_following(subscriber=subscriber, label=label)
    queue_email(
        to=subscriber.email, subject=subject, body=body, headers=unsubscribe_headers(subscriber)
    )


def _ask_to_confirm(subscriber: Subscriber, *, label: str) -> None:
    token, subscriber.confirmation_hash = new_token()
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save(update_fields=["confirmation_hash", "confirmation_sent_at"])
    path = reverse("subscriptions:confirm", kwargs={"token": token})
    subject, body = emails.confirm(label=label, path=path, days=CONFIRM_DAYS)
    queue_email(to=subscriber.email, subject=subject, body=body)


def follow_confirm(*, token: str) -> Subscriber | None:
    """Confirm what the subscriber asked to follow; None for a link that is
    unknown, used already or past its CONFIRM_DAYS."""
    oldest = timezone.now() - datetime.timedelta(days=CONFIRM_DAYS)
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update()
            .filter(confirmation_hash=hash_token(token), confirmation_sent_at__gte=oldest)
            .exclude(confirmation_hash="")
            .first()
        )
        if subscriber is None:
            return None
        now = timezone.now()
        subscriber.subscriptions.filter(confirmed_at=None).update(confirmed_at=now)
        subscriber.confirmed_at = subscriber.confirmed_at or now
        # Single use: the link in the email now does nothing.
        subscriber.confirmation_hash = ""
        subscriber.save(update_fields=["confirmed_at", "confirmation_hash"])
    return subscriber


def subscription_set_frequency(
    *, subscriber: Subscriber, subscription_id: int, frequency: str
) -> bool:
    """Whether the subscriber's subscription was found and changed."""
    if frequency not in Frequency.values:
        return False
    with transaction.atomic():
        return bool(subscriber.subscriptions.filter(pk=subscription_id).update(frequency=frequency))


def subscription_remove(*, subscriber: Subscriber, subscription_id: int) -> bool:
    """Stop following one topic; with nothing left, the address is deleted.
    Whether the subscriber still exists."""
    with transaction.atomic():
        subscriber.subscriptions.filter(pk=subscription_id).delete()
        if not subscriber.subscriptions.exists():
            subscriber.delete()
            return False
    return True


def subscriber_delete(*, subscriber: Subscriber) -> None:
    """Unsubscribe from everything: the address and its choices are deleted."""
    with transaction.atomic():
        Subscriber.objects.filter(pk=subscriber.pk).delete()


def forget_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Delete what was asked for and never confirmed within CONFIRM_DAYS:
    addresses with nothing confirmed, and unconfirmed topics of the others."""
    oldest = (now or timezone.now()) - datetime.timedelta(days=CONFIRM_DAYS)
    with transaction.atomic():
        deleted, _ = Subscriber.objects.unconfirmed_since(oldest).delete()
        Subscription.objects.filter(confirmed_at=None, created_at__lt=oldest).delete()
    return deleted
