"""Who follows what by email, and what has been announced to each topic.

Only the address and the choices are kept about a person: deleting the
Subscriber deletes the lot (its subscriptions cascade).
"""

import secrets

from django.db import models
from django.utils import timezone

from localdigital.core.markdown import render_markdown
from localdigital.core.models import EmailState, StateChangeRecord
from localdigital.core.plain_text import html_to_text

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


class BulletinState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"


class Bulletin(models.Model):
    """An email a content editor writes in Markdown and sends to everyone who
    follows one topic, in batches at the configured rate (services.bulletins)."""

    subject = models.CharField(max_length=150)
    body = models.TextField(help_text="Markdown: paragraphs, lists, links and headings.")
    # Both made from the body on save, so what is previewed is what is sent.
    body_html = models.TextField(editable=False, blank=True)
    body_text = models.TextField(editable=False, blank=True)
    topic = models.CharField(max_length=TOPIC_MAX_LENGTH)
    topic_label = models.CharField(max_length=255, editable=False, blank=True)
    state = models.CharField(max_length=10, choices=BulletinState, default=BulletinState.DRAFT)
    # The newest batch's time: the next waits BULLETIN_BATCH_SECONDS after it.
    last_batch_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("send_bulletin", "Can send a bulletin to its topic")]
        indexes = [models.Index(fields=["state", "-created_at"], name="bulletin_state_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=BulletinState.values), name="bulletin_state_valid"
            )
        ]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        self.body_text = html_to_text(self.body_html)
        super().save(*args, **kwargs)

    def followers(self):
        """Who it goes to: every confirmed follower of its topic, however often
        they hear of other things (a bulletin is sent once, not digested)."""
        return Subscriber.objects.filter(
            subscriptions__topic=self.topic, subscriptions__confirmed_at__isnull=False
        )

    def remaining_followers(self):
        """The followers it has not been queued for yet."""
        queued = BulletinRecipient.objects.filter(bulletin=self, subscriber=models.OuterRef("pk"))
        return self.followers().exclude(models.Exists(queued))

    def progress(self) -> dict[str, int]:
        """What staff see while it goes out: emails queued, sent by the outbox,
        failed for good (the outbox gave up), and followers still to queue."""
        states = self.recipients.aggregate(
            queued=models.Count("pk"),
            sent=models.Count("pk", filter=models.Q(email__state=EmailState.SENT)),
            failed=models.Count("pk", filter=models.Q(email__state=EmailState.FAILED)),
        )
        remaining = self.remaining_followers().count() if self.state != BulletinState.SENT else 0
        return {**states, "remaining": remaining}


class BulletinStateChange(StateChangeRecord):
    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="history")
    from_state = models.CharField(max_length=10, choices=BulletinState.choices, blank=True)
    to_state = models.CharField(max_length=10, choices=BulletinState.choices)

    class Meta(StateChangeRecord.Meta):
        verbose_name = "change of state"


class BulletinRecipient(models.Model):
    """One address a bulletin was queued for: recorded with its outbox email
    in one transaction, so a batch run again never emails anyone twice."""

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="recipients")
    # Kept when they unsubscribe later (nulled), so the counts stay true.
    subscriber = models.ForeignKey(Subscriber, on_delete=models.SET_NULL, null=True)
    email = models.ForeignKey(
        "localdigital.OutboundEmail", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    queued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["bulletin", "subscriber"], name="bulletin_recipient_once"
            )
        ]

    def __str__(self):
        return f"{self.bulletin} to {self.subscriber_id}"
