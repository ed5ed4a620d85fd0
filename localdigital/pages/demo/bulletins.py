"""A demonstration reader who follows news, and a draft bulletin to news for
the demo content editor to preview, test and send (`make run`). Made only
if missing, so running this again changes nothing."""

from django.db import transaction
from django.utils import timezone

from programme.topics import NEWS_LABEL, NEWS_TOPIC
from subscriptions.models import Bulletin, Subscriber, Subscription

READER = "demo.reader@example.com"
SUBJECT = "Round 7 of the fund: three weeks left to bid"
BODY = """## Three weeks left

Round 7 of the Local Digital Fund closes for bids in three weeks.

- Read the guidance on the round's page
- Find partner councils with the partner finder

Thank you for everything you share with other councils.
"""


@transaction.atomic
def create_demo_bulletins() -> None:
    now = timezone.now()
    reader, _ = Subscriber.objects.get_or_create(email=READER, defaults={"confirmed_at": now})
    Subscription.objects.get_or_create(
        subscriber=reader,
        topic=NEWS_TOPIC,
        defaults={"label": NEWS_LABEL, "confirmed_at": now},
    )
    if not Bulletin.objects.filter(subject=SUBJECT).exists():
        Bulletin.objects.create(
            subject=SUBJECT, body=BODY, topic=NEWS_TOPIC, topic_label=NEWS_LABEL
        )
