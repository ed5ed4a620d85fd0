"""Leaving: one-click unsubscribe (RFC 8058), the unsubscribe page, and the
manage page; unsubscribing deletes the address and its choices."""

from django.test import Client

from subscriptions.links import manage_url, one_click_url, unsubscribe_url
from subscriptions.models import Subscriber, Subscription
from tests.govuk_pages import text
from tests.subscriptions.followers import follow


def _path(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_one_click_unsubscribe_deletes_the_address_without_a_csrf_token(client, db):
    subscriber = follow(client)
    mail_program = Client(enforce_csrf_checks=True)

    response = mail_program.post(
        _path(one_click_url(subscriber)), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert not Subscription.objects.exists()


def test_one_click_unsubscribe_answers_the_same_when_posted_again(client, db):
    path = _path(one_click_url(follow(client)))
    mail_program = Client(enforce_csrf_checks=True)
    mail_program.post(path, {"List-Unsubscribe": "One-Click"})

    response = mail_program.post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200


def test_one_click_address_does_nothing_when_opened(client, db):
    subscriber = follow(client)

    response = client.get(_path(one_click_url(subscriber)))

    assert response.status_code == 405
    assert Subscriber.objects.exists()


def test_a_forged_link_unsubscribes_nobody(client, db):
    follow(client)

    Client(enforce_csrf_checks=True).post("/subscriptions/one-click/forged:token/")

    assert Subscriber.objects.exists()


def test_unsubscribe_page_asks_then_deletes_the_address(client, db):
    subscriber = follow(client)
    path = _path(unsubscribe_url(subscriber))

    page = client.get(path)
    assert Subscriber.objects.exists()
    assert "reader@example.com" in text(page)

    response = client.post(path)

    assert "You have unsubscribed" in text(response)
    assert not Subscriber.objects.exists()


def test_switching_to_the_weekly_digest(client, db):
    subscriber = follow(client)
    subscription = subscriber.subscriptions.get()

    response = client.post(
        _path(manage_url(subscriber)),
        {"subscription": subscription.pk, "action": "frequency", "frequency": "weekly"},
        follow=True,
    )

    assert "Your email updates have been changed" in text(response)
    assert "A weekly digest" in text(response)
    subscription.refresh_from_db()
    assert subscription.frequency == "weekly"


def test_stopping_one_topic_keeps_the_others(client, db):
    follow(client, topic="council:leeds", label="Leeds")
    subscriber = follow(client, topic="council:york", label="York")
    leeds = subscriber.subscriptions.get(topic="council:leeds")

    client.post(_path(manage_url(subscriber)), {"subscription": leeds.pk, "action": "remove"})

    assert list(Subscription.objects.values_list("topic", flat=True)) == ["council:york"]


def test_stopping_the_last_topic_deletes_the_address(client, db):
    subscriber = follow(client)
    only = subscriber.subscriptions.get()

    response = client.post(
        _path(manage_url(subscriber)), {"subscription": only.pk, "action": "remove"}
    )

    assert "You have unsubscribed" in text(response)
    assert not Subscriber.objects.exists()


def test_links_stop_working_once_unsubscribed(client, db):
    subscriber = follow(client)
    manage = _path(manage_url(subscriber))
    client.post(_path(unsubscribe_url(subscriber)))

    response = client.get(manage)

    assert response.status_code == 404
    assert "This link does not work" in text(response)


def test_a_manage_page_post_with_nonsense_changes_nothing(client, db):
    subscriber = follow(client)

    response = client.post(
        _path(manage_url(subscriber)), {"subscription": "x'; drop", "frequency": "hourly"}
    )

    assert response.status_code == 302
    assert Subscription.objects.get().frequency == "each"
