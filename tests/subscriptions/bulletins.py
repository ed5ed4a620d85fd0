"""Helpers for the tests of bulletins: followers of a topic, and a bulletin to them."""

from subscriptions.models import Bulletin
from tests.subscriptions.followers import follow

TOPIC = "news"
TOPIC_LABEL = "news from Local Digital"
BODY = "## Round 8 is coming\n\nBids open on **1 April**. Read [the guidance](https://example.com/guide)."


def followers(client, count: int, *, topic: str = TOPIC, frequency: str = "each") -> list[str]:
    addresses = [f"reader{n}@example.com" for n in range(count)]
    for address in addresses:
        follow(client, topic=topic, label=TOPIC_LABEL, frequency=frequency, email=address)
    return addresses


def bulletin(**fields) -> Bulletin:
    return Bulletin.objects.create(
        **{
            "subject": "Round 8 of the fund",
            "body": BODY,
            "topic": TOPIC,
            "topic_label": TOPIC_LABEL,
            **fields,
        }
    )
