"""Guessing staff passwords is locked out, per account and per address (django-axes)."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.contrib.auth import get_user_model

from tests.staff import authenticator_of

pytestmark = pytest.mark.django_db

PASSWORD = "a long staff passphrase"
LOGIN = "/admin/login/"
CODE = "/admin/login/code/"


def text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture(autouse=True)
def staff(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
    for username in ("jo", "sam"):
        authenticator_of(
            get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
        )


def sign_in(client, username, password=PASSWORD, *, address="198.51.100.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def guess(client, username, *, address="198.51.100.7", times=5):
    for attempt in range(times):
        response = sign_in(client, username, f"wrong guess {attempt}", address=address)
        assert response.status_code in (200, 429)
    return response


def assert_locked_out(response):
    assert response.status_code == 429
    assert "Sign-in is locked for now" in text(response)
    assert "Sign-in is locked for 30 minutes" in text(response)
    assert response["Retry-After"] == "1800"


def test_the_right_password_after_five_wrong_ones_is_refused(client):
    guess(client, "jo")

    response = sign_in(client, "jo")

    assert_locked_out(response)
    assert client.get(CODE)["Location"] == LOGIN


def test_four_wrong_passwords_still_let_the_right_one_in(client):
    guess(client, "jo", times=4)

    assert sign_in(client, "jo")["Location"] == CODE


def test_the_account_is_locked_from_every_address(client):
    guess(client, "jo", address="198.51.100.7")

    assert_locked_out(sign_in(client, "jo", address="203.0.113.9"))


def test_the_address_is_locked_for_every_account(client):
    guess(client, "jo", address="198.51.100.7")

    assert_locked_out(sign_in(client, "sam", address="198.51.100.7"))


def test_another_account_from_another_address_still_signs_in(client):
    guess(client, "jo", address="198.51.100.7")

    assert sign_in(client, "sam", address="203.0.113.9")["Location"] == CODE


def test_guessing_at_many_accounts_from_one_address_is_locked_too(client):
    for attempt, username in enumerate(["jo", "sam", "alex", "kim", "lee"]):
        sign_in(client, username, f"wrong {attempt}")

    assert_locked_out(sign_in(client, "sam"))


def test_the_lock_lifts_after_the_cool_off(client):
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC), tick=False) as traveller:
        guess(client, "jo")
        traveller.shift(datetime.timedelta(minutes=31))

        assert sign_in(client, "jo")["Location"] == CODE


def test_the_address_counted_is_the_one_our_load_balancer_saw(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(5):
        client.post(
            LOGIN,
            {"username": f"nobody{attempt}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            # A visitor making up a new address each time gains nothing.
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 198.51.100.7",
        )

    response = client.post(
        LOGIN,
        {"username": "sam", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.3",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert_locked_out(response)


@pytest.mark.parametrize(
    "request_extra",
    [
        {"data": {"username": "x" * 10_000, "password": "wrong"}},
        {"data": {"username": "jo", "password": "p" * 10_000}},
        {"data": {"username": "jo", "password": "wrong"}, "HTTP_USER_AGENT": "u" * 10_000},
        {"data": {"username": "jo", "password": "wrong"}, "HTTP_X_FORWARDED_FOR": "not-an-ip"},
        {"data": {"username": "jo\u202e", "password": "wrong"}},
    ],
)
def test_hostile_sign_in_posts_are_refused_without_an_error(client, settings, request_extra):
    settings.TRUSTED_PROXY_COUNT = 1
    extra = dict(request_extra)
    data = extra.pop("data")

    for _ in range(6):
        response = client.post(LOGIN, data, **extra)
        assert response.status_code in (200, 429)
    assert client.get(CODE)["Location"] == LOGIN


def test_a_username_longer_than_any_account_is_refused_plainly(client):
    response = client.post(LOGIN, {"username": "x" * 151, "password": "wrong"})

    assert response.status_code == 200
    assert "Enter a username of 150 characters or fewer" in text(response)
