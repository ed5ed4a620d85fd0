"""Limits on how often one address may post the journey's forms."""

import pytest

from signatories.models import SignUp
from signatories.sign.limits import EMAIL_LIMIT, QUESTION_LIMIT
from tests.govuk_pages import text, title

pytestmark = pytest.mark.django_db


def test_question_pages_answer_429_after_the_limit(client):
    for _ in range(QUESTION_LIMIT["limit"]):
        assert client.post("/sign/your-details/", {}).status_code == 200

    response = client.post("/sign/your-details/", {})

    assert response.status_code == 429
    assert title(response).startswith("You have sent too many forms in a short time")
    assert "go back and try again" in text(response)
    assert 0 < int(response["Retry-After"]) <= QUESTION_LIMIT["per_seconds"]
    # The limit is on one scope: other question pages share it.
    assert client.post("/sign/project/", {}).status_code == 429


def test_reading_pages_is_never_limited(client):
    for _ in range(QUESTION_LIMIT["limit"] + 5):
        assert client.get("/sign/your-details/").status_code == 200


def test_each_address_has_its_own_limit(client):
    for _ in range(QUESTION_LIMIT["limit"] + 1):
        client.post("/sign/your-details/", {}, REMOTE_ADDR="192.0.2.1")

    assert client.post("/sign/your-details/", {}, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post("/sign/your-details/", {}, REMOTE_ADDR="192.0.2.2").status_code == 200


def test_forged_forwarded_for_header_does_not_get_round_the_limit(client):
    for number in range(QUESTION_LIMIT["limit"]):
        client.post("/sign/your-details/", {}, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")

    response = client.post("/sign/your-details/", {}, HTTP_X_FORWARDED_FOR="198.51.100.250")

    assert response.status_code == 429


def test_pages_that_send_email_have_a_stricter_limit(client):
    for _ in range(EMAIL_LIMIT["limit"]):
        assert client.post("/sign/new-link/", {"reference": "", "email": ""}).status_code == 200

    assert client.post("/sign/new-link/", {"reference": "", "email": ""}).status_code == 429
    response = client.post("/sign/check-answers/")
    assert response.status_code == 429
    assert "You have sent too many forms" in text(response)
    assert not SignUp.objects.exists()
    # Question pages have their own, more generous, count.
    assert client.post("/sign/your-details/", {}).status_code == 200
