"""Who follows what by email, and what has been announced to each topic.

Only the address and the choices are kept about a person: deleting the
Subscriber deletes the lot (its subscriptions cascade).
"""

import secrets

from django.db import models
from django.utils import timezone

TOPIC_MAX_LENGTH = 120


class Frequency(models.TextChoices):
    EACH = "each", "An email for each update"
    WEEKLY = "weekly", "A weekly digest"


def new_link_key() -> str:
    return secrets.token_urlsafe(16)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)

    def unconfirmed_since(self, moment):
        """Addresses that never confirmed anything and asked before `moment`."""
        return self.filter(confirmed_at=None, confirmation_sent_at__lt=moment)


class Subscriber(models.Model):
    """One email address that follows, or has asked to follow, one or more topics."""

    email = models.EmailField(unique=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Signed into every link of its emails with the site's secret
    # (subscriptions.links): the database alone makes no working link.
    link_key = models.CharField(max_length=40, default=new_link_key, editable=False)
    # The hash of the newest confirmation link's token (localdigital.core.tokens).
    confirmation_hash = models.CharField(max_length=64, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # The last weekly digest: the next one covers what was announced since.
    digest_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        indexes = [
            models.Index(
                fields=["confirmation_sent_at"],
                condition=models.Q(confirmed_at=None),
                name="subscriber_unconfirmed_idx",
            )
        ]

    def __str__(self):
        return self.email


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)


class Subscription(models.Model):
    """One topic one subscriber follows, and how often they hear of it."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.CharField(max_length=TOPIC_MAX_LENGTH)
    # Worded by the app that owns the topic when it was followed, so that the
    # manage page and the emails can name it without asking that app.
    label = models.CharField(max_length=255)
    frequency = models.CharField(max_length=10, choices=Frequency, default=Frequency.EACH)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["label", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "topic"], name="one_subscription_per_topic"
            ),
            models.CheckConstraint(
                condition=models.Q(frequency__in=Frequency.values),
                name="subscription_frequency_valid",
            ),
        ]
        indexes = [
            # Who is sent an announcement: the confirmed followers of its topics.
            models.Index(
                fields=["topic", "frequency"],
                condition=models.Q(confirmed_at__isnull=False),
                name="subscription_followers_idx",
            )
        ]

    def __str__(self):
        return self.label


class Announcement(models.Model):
    """Something new under one or more topics: emailed to those who follow
    each of them at once (by the worker), and listed in weekly digests."""

    # The owner's own name for what it announced ("update:12"), so that it
    # can withdraw it (a hidden update leaves the digests too).
    key = models.CharField(max_length=120, unique=True)
    subject = models.CharField(max_length=200)
    title = models.CharField(max_length=255)
    text = models.TextField(help_text="Plain text: what the email says about it.")
    url = models.URLField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class AnnouncementTopic(models.Model):
    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(max_length=TOPIC_MAX_LENGTH)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "topic"], name="announcement_topic_once"
            )
        ]
        indexes = [models.Index(fields=["topic", "announcement"], name="announcement_by_topic_idx")]

    def __str__(self):
        return self.topic
