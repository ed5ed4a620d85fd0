"""Content editors write a bulletin in admin, preview both its parts, send a
test to themselves alone, and send it to its followers after a page that
says how many; then they see its progress, and can no longer change it."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from localdigital.core.models import OutboundEmail
from subscriptions.models import Bulletin, BulletinState
from tests.factories import content_editor_user
from tests.staff import sign_in_staff
from tests.subscriptions.bulletins import BODY, TOPIC_LABEL, bulletin, followers

pytestmark = pytest.mark.django_db

ADMIN = "/admin/subscriptions/bulletin/"


@pytest.fixture
def editor(client):
    user = content_editor_user(email="chris.evans@communities.gov.uk")
    sign_in_staff(client, user)
    return client


def test_an_editor_writes_a_bulletin_to_a_followed_topic(editor, client):
    followers(client, 1)

    response = editor.post(
        f"{ADMIN}add/", {"subject": "Round 8 of the fund", "topic": "news", "body": BODY}
    )

    assert response.status_code == 302
    item = Bulletin.objects.get()
    assert item.topic_label == TOPIC_LABEL
    assert item.state == BulletinState.DRAFT
    assert "<strong>1 April</strong>" in item.body_html


def test_a_topic_nobody_follows_is_refused(editor):
    response = editor.post(f"{ADMIN}add/", {"subject": "Hello", "topic": "nobody", "body": BODY})

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Bulletin.objects.exists()


def test_the_preview_shows_both_parts(editor):
    item = bulletin()

    response = editor.get(f"{ADMIN}{item.pk}/preview/")

    assert "<strong>1 April</strong>" in response.text
    assert "Read the guidance (https://example.com/guide)." in response.text


def test_a_test_goes_to_the_editor_alone(editor, client, django_capture_on_commit_callbacks):
    followers(client, 2)
    item = bulletin()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(f"{ADMIN}{item.pk}/send-test/", follow=True)

    assert "A test is on its way to chris.evans@communities.gov.uk" in response.text
    [email] = mail.outbox
    assert email.to == ["chris.evans@communities.gov.uk"]
    assert email.subject == "[Test] Round 8 of the fund"
    item.refresh_from_db()
    assert item.state == BulletinState.DRAFT


def test_sending_asks_first_with_the_count(editor, client):
    followers(client, 3)
    item = bulletin()

    response = editor.get(f"{ADMIN}{item.pk}/send/")

    assert 'value="Send to 3 subscribers"' in response.text
    assert not OutboundEmail.objects.filter(subject="Round 8 of the fund").exists()


def test_sending_emails_the_followers_and_shows_progress(
    editor, client, django_capture_on_commit_callbacks
):
    addresses = followers(client, 2)
    item = bulletin()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(f"{ADMIN}{item.pk}/send/", follow=True)

    assert "The bulletin is being sent" in response.text
    assert sorted(email.to[0] for email in mail.outbox) == sorted(addresses)
    page = editor.get(f"{ADMIN}{item.pk}/change/").text
    assert "2 queued, 2 sent, 0 failed, 0 still to queue" in page
    assert "Send a test to me" not in page


def test_a_sent_bulletin_cannot_be_sent_again(editor, client):
    followers(client, 1)
    item = bulletin(state=BulletinState.SENT)

    response = editor.post(f"{ADMIN}{item.pk}/send/", follow=True)

    assert "This bulletin has been sent already." in response.text
    assert not OutboundEmail.objects.filter(subject="Round 8 of the fund").exists()


def test_staff_without_the_permission_cannot_send(client):
    user = get_user_model().objects.create_user("viewer", is_staff=True)
    sign_in_staff(client, user)
    item = bulletin()

    assert client.post(f"{ADMIN}{item.pk}/send/").status_code == 403
