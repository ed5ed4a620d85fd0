"""Signing in to bid with an emailed single-use link, and signing out, as an officer does it."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from funding.apply.limits import SIGN_IN_LIMIT
from funding.models import SignInLink
from localdigital.core.models import OutboundEmail
from tests.factories import signed_council
from tests.funding.apply.journey import (
    CHECK_EMAIL,
    OFFICER,
    SIGN_IN,
    YOUR_BIDS,
    link_in,
    sign_in,
)
from tests.govuk_pages import error_summary, text, title

pytestmark = pytest.mark.django_db

EXPIRED_TITLE = "This link has expired or has been used"


@pytest.fixture
def council():
    return signed_council(name="Testshire County Council", email_domains="testshire.gov.uk")


def ask_for_link(client, email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(SIGN_IN, {"email": email})


def test_sign_in_page_asks_for_an_email_address(client):
    response = client.get(SIGN_IN)

    assert response.status_code == 200
    assert title(response) == "Sign in to bid – Local Digital"
    assert "Email address" in text(response)
    assert 'type="email"' in response.content.decode()
    assert 'autocomplete="email"' in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter your email address"),
        ("   ", "Enter your email address"),
        (
            "not-an-address",
            "Enter an email address in the correct format, like name@example.gov.uk",
        ),
    ],
)
def test_a_missing_or_malformed_address_is_explained_and_kept(client, typed, message):
    response = client.post(SIGN_IN, {"email": typed})

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert error_summary(response) == [message]
    assert 'href="#email"' in response.content.decode()
    if typed.strip():
        assert f'value="{typed}"' in response.content.decode()
    assert not SignInLink.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_asking_sends_exactly_one_email_with_a_link_that_signs_in(
    client, council, django_capture_on_commit_callbacks
):
    response = ask_for_link(client, OFFICER, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == CHECK_EMAIL
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [OFFICER]
    assert message.subject == "Sign in to bid to the Local Digital Fund"
    assert "15 minutes" in message.body
    path = link_in(message.body)
    # Only the token's hash is kept.
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert not SignInLink.objects.filter(token_hash=token).exists()

    page = client.get(CHECK_EMAIL)
    assert title(page) == "Check your email – Local Digital"
    assert f"We have sent a link to sign in to {OFFICER}" in text(page)
    assert "The link works once, for 15 minutes" in text(page)
    assert 'href="/fund/apply/sign-in/"' in page.content.decode()

    signed_in = client.post(path)
    assert signed_in.status_code == 302
    assert signed_in["Location"] == YOUR_BIDS
    bids_page = client.get(YOUR_BIDS)
    assert bids_page.status_code == 200
    assert f"Signed in as {OFFICER}" in text(bids_page)
    assert "You can bid for Testshire County Council" in text(bids_page)


def test_the_link_lasts_15_minutes(client, council):
    before = timezone.now()
    client.post(SIGN_IN, {"email": OFFICER})

    link = SignInLink.objects.get()
    assert link.email == OFFICER
    lifetime = link.expires_at - before
    assert (
        datetime.timedelta(minutes=14, seconds=59)
        < lifetime
        <= datetime.timedelta(minutes=15, seconds=1)
    )


def test_opening_the_link_shows_a_button_and_does_not_use_it(client, council):
    client.post(SIGN_IN, {"email": OFFICER})
    path = link_in(OutboundEmail.objects.get().body)

    for _ in range(3):  # as an email scanner might, several times
        response = client.get(path)
        assert response.status_code == 200
        assert f"Select the button to sign in as {OFFICER}" in text(response)
        assert '<form method="post"' in response.content.decode()

    assert SignInLink.objects.get().used_at is None
    assert client.get(YOUR_BIDS).status_code == 302  # not signed in by opening it
    assert client.post(path).status_code == 302
    assert client.get(YOUR_BIDS).status_code == 200


def test_the_link_works_once(client, council):
    client.post(SIGN_IN, {"email": OFFICER})
    path = link_in(OutboundEmail.objects.get().body)
    assert client.post(path).status_code == 302
    other = client.__class__()

    used_again = other.post(path)
    opened_again = other.get(path)

    for response in (used_again, opened_again):
        assert response.status_code == 410
        assert title(response) == f"{EXPIRED_TITLE} – Local Digital"
        assert "Ask for a new link to sign in" in text(response)
        assert 'href="/fund/apply/sign-in/"' in response.content.decode()
    assert other.get(YOUR_BIDS).status_code == 302


def test_the_link_stops_working_when_it_expires(client, council):
    client.post(SIGN_IN, {"email": OFFICER})
    path = link_in(OutboundEmail.objects.get().body)
    SignInLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert client.get(path).status_code == 410
    response = client.post(path)

    assert response.status_code == 410
    assert EXPIRED_TITLE in text(response)
    assert SignInLink.objects.get().used_at is None
    assert client.get(YOUR_BIDS).status_code == 302


@pytest.mark.parametrize("token", ["made-up", "x" * 500, "%00%ff", "ünïcode"])
def test_a_made_up_link_is_explained_not_an_error(client, token):
    for response in (client.get(f"{SIGN_IN}{token}/"), client.post(f"{SIGN_IN}{token}/")):
        assert response.status_code == 410
        assert EXPIRED_TITLE in text(response)


def test_known_and_unknown_addresses_get_the_same_answer(
    client, council, django_capture_on_commit_callbacks
):
    unknown = "someone@nowhere.example"
    known_response = ask_for_link(client, OFFICER, django_capture_on_commit_callbacks)
    known_page = text(client.get(CHECK_EMAIL))
    stranger = client.__class__()
    unknown_response = ask_for_link(stranger, unknown, django_capture_on_commit_callbacks)
    unknown_page = text(stranger.get(CHECK_EMAIL))

    assert known_response.status_code == unknown_response.status_code == 302
    assert known_response["Location"] == unknown_response["Location"]
    assert known_response.content == unknown_response.content
    assert known_page.replace(OFFICER, "ADDRESS") == unknown_page.replace(unknown, "ADDRESS")
    # Both are sent a link: what they may do once signed in is another matter.
    assert sorted(message.to[0] for message in mail.outbox) == sorted([OFFICER, unknown])


def test_after_signing_in_the_officer_goes_where_they_were_going(client, council):
    wanted = "/fund/apply/bids/12345/"
    first = client.get(wanted)
    assert first.status_code == 302
    assert first["Location"] == "/fund/apply/sign-in/?next=%2Ffund%2Fapply%2Fbids%2F12345%2F"
    form = client.get(first["Location"])
    assert f'name="next" value="{wanted}"' in form.content.decode()

    response = sign_in(client, OFFICER, next_url=wanted)

    assert response["Location"] == wanted


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/path", "javascript:alert(1)"]
)
def test_a_next_address_off_the_site_is_ignored(client, council, next_url):
    response = sign_in(client, OFFICER, next_url=next_url)

    assert response["Location"] == YOUR_BIDS


def test_signing_in_gives_a_new_session_key(client, council):
    client.get(SIGN_IN)
    client.post(SIGN_IN, {"email": OFFICER})
    key_before = client.session.session_key

    client.post(link_in(OutboundEmail.objects.get().body))

    assert client.session.session_key != key_before


def test_asking_too_often_from_one_place_gets_429(client):
    for number in range(SIGN_IN_LIMIT["limit"]):
        response = client.post(SIGN_IN, {"email": f"officer{number}@testshire.gov.uk"})
        assert response.status_code == 302

    response = client.post(SIGN_IN, {"email": "one.more@testshire.gov.uk"})

    assert response.status_code == 429
    assert "You have sent too many forms in a short time" in text(response)
    assert SignInLink.objects.count() == SIGN_IN_LIMIT["limit"]
    # Reading the page is never limited.
    assert client.get(SIGN_IN).status_code == 200


def test_a_filled_in_honeypot_is_thanked_and_ignored(client):
    response = client.post(SIGN_IN, {"email": OFFICER, "website": "http://spam.example"})

    assert response.status_code == 302
    assert response["Location"] == CHECK_EMAIL
    assert not SignInLink.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_every_apply_page_says_who_is_signed_in_with_a_sign_out_button(client, council):
    sign_in(client, OFFICER)

    response = client.get(YOUR_BIDS)

    html = response.content.decode()
    assert f"Signed in as {OFFICER}" in text(response)
    assert 'action="/fund/apply/sign-out/"' in html
    assert "Sign out" in text(response)


def test_signing_out(client, council):
    sign_in(client, OFFICER)
    page = client.get("/fund/apply/sign-out/")
    assert page.status_code == 200
    assert f"You are signed in as {OFFICER}" in text(page)

    response = client.post("/fund/apply/sign-out/")

    assert response.status_code == 302
    done = client.get(response["Location"])
    assert title(done) == "You have signed out – Local Digital"
    assert "Signed in as" not in text(done)
    assert client.get(YOUR_BIDS).status_code == 302
    # A second visit just says so.
    assert title(client.get("/fund/apply/sign-out/")) == "You are not signed in – Local Digital"


def test_signing_out_and_in_have_no_other_methods(client):
    assert client.put(SIGN_IN).status_code == 405
    assert client.delete("/fund/apply/sign-out/").status_code == 405
    assert client.post(CHECK_EMAIL).status_code == 405
