"""The addresses in every email to a follower: manage, unsubscribe, one-click.

Each carries the subscriber's id and link key, signed with the site's secret,
so it works for as long as they follow and never needs storing. Deleting the
subscriber (unsubscribing) makes every link they were sent worthless.
"""

from django.core import signing
from django.urls import reverse

from localdigital.core.site_address import absolute_url
from subscriptions.models import Subscriber

SALT = "subscriptions.links"


def link_token(subscriber: Subscriber) -> str:
    return signing.dumps([subscriber.pk, subscriber.link_key], salt=SALT, compress=True)


def subscriber_from(token: str) -> Subscriber | None:
    """The subscriber a link was made for; None if it is forged or they have gone."""
    try:
        pk, key = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Subscriber.objects.filter(pk=pk, link_key=key).first()


def manage_url(subscriber: Subscriber) -> str:
    return absolute_url(reverse("subscriptions:manage", kwargs={"token": link_token(subscriber)}))


def unsubscribe_url(subscriber: Subscriber) -> str:
    path = reverse("subscriptions:unsubscribe", kwargs={"token": link_token(subscriber)})
    return absolute_url(path)


def one_click_url(subscriber: Subscriber) -> str:
    path = reverse("subscriptions:one-click", kwargs={"token": link_token(subscriber)})
    return absolute_url(path)


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """RFC 8058's headers: mail programs show an "Unsubscribe" button that
    POSTs to the address without opening a page (and so without a CSRF token)."""
    return {
        "List-Unsubscribe": f"<{one_click_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
