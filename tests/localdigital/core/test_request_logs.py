"""One JSON line a request, an id on every line written while serving it, and no tokens."""

import json
import logging
import re

import pytest
import sentry_sdk
from django.urls import reverse

from localdigital.core.logging import sentry_event_without_tokens, without_tokens
from tests.processes import run_in_fresh_process

pytestmark = pytest.mark.django_db

TOKEN = "QmFkVG9rZW5Gb3JMb2dzMTIz"
NEW_ID = re.compile(r"[0-9a-f]{32}")


def request_lines(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] == "localdigital.requests"]


def test_a_request_is_logged_as_one_json_line(client, log_lines):
    response = client.get("/robots.txt?email=priya.shah@example.gov.uk&token=secret")

    [line] = request_lines(log_lines())
    assert line["level"] == "INFO"
    assert line["message"] == "GET /robots.txt 200"
    assert line["method"] == "GET"
    assert line["path"] == "/robots.txt"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert NEW_ID.fullmatch(line["request_id"])
    assert line["request_id"] == response["X-Request-ID"]
    assert "time" in line


def test_the_query_string_is_never_logged(client, log_lines):
    client.get("/robots.txt?email=priya.shah@example.gov.uk&token=secret")

    written = json.dumps(log_lines())
    assert "priya.shah" not in written
    assert "secret" not in written


def test_each_request_has_its_own_id(client, log_lines):
    first = client.get("/robots.txt")["X-Request-ID"]
    second = client.get("/robots.txt")["X-Request-ID"]

    assert first != second
    assert [line["request_id"] for line in request_lines(log_lines())] == [first, second]


def test_a_line_written_while_serving_carries_the_request_id(client, log_lines):
    # An unknown confirmation link is answered 404; Django logs that as a warning.
    response = client.get(reverse("sign:confirm-email", kwargs={"token": TOKEN}))

    assert response.status_code == 404
    [warning] = [line for line in log_lines() if line["logger"] == "django.request"]
    assert warning["level"] == "WARNING"
    assert warning["message"] == "Not Found: /sign/confirm/…/"
    assert warning["status_code"] == 404
    assert warning["request_id"] == response["X-Request-ID"]
    assert "request" not in warning


def test_lines_written_between_requests_carry_no_id(client, log_lines):
    client.get("/robots.txt")
    logging.getLogger("localdigital.test").warning("Between requests.")

    [line] = [line for line in log_lines() if line["logger"] == "localdigital.test"]
    assert "request_id" not in line


def test_an_id_from_a_trusted_proxy_goes_back_in_the_response(client, log_lines, settings):
    settings.TRUST_REQUEST_ID_HEADER = True

    response = client.get("/robots.txt", headers={"X-Request-ID": "lb-7f3a.42_x"})

    assert response["X-Request-ID"] == "lb-7f3a.42_x"
    assert request_lines(log_lines())[0]["request_id"] == "lb-7f3a.42_x"


@pytest.mark.parametrize(
    "header", ["", "a b", "-starts-with-a-dash", "x" * 129, 'id" "forged', "ïd"]
)
def test_a_malformed_id_is_replaced_by_a_new_one(client, settings, header):
    settings.TRUST_REQUEST_ID_HEADER = True

    response = client.get("/robots.txt", headers={"X-Request-ID": header})

    assert NEW_ID.fullmatch(response["X-Request-ID"])


def test_an_id_sent_without_a_proxy_of_ours_is_not_taken(client, settings):
    settings.TRUST_REQUEST_ID_HEADER = False

    response = client.get("/robots.txt", headers={"X-Request-ID": "visitor-chose-this"})

    assert NEW_ID.fullmatch(response["X-Request-ID"])


@pytest.mark.parametrize(
    ("name", "logged"),
    [
        ("sign:confirm-email", "/sign/confirm/…/"),
        ("sign:edit", "/sign/edit/…/"),
        ("sign:approver-sign", "/sign/approve/…/"),
        ("apply:sign-in-link", "/fund/apply/sign-in/…/"),
    ],
)
def test_the_token_of_an_emailed_link_is_not_logged(client, log_lines, name, logged):
    response = client.get(reverse(name, kwargs={"token": TOKEN}))

    lines = log_lines()
    assert request_lines(lines)[0]["path"] == logged
    assert request_lines(lines)[0]["status"] == response.status_code
    assert TOKEN not in json.dumps(lines)


def test_pages_beside_the_links_are_logged_whole():
    assert without_tokens("/fund/apply/sign-in/") == "/fund/apply/sign-in/"
    assert without_tokens("/fund/apply/sign-in/check-your-email/") == (
        "/fund/apply/sign-in/check-your-email/"
    )
    assert without_tokens("/sign/confirmation/") == "/sign/confirmation/"


def test_sentry_is_sent_neither_the_token_nor_the_query_string():
    event = {
        "request": {
            "url": f"https://localdigital.example.gov.uk/sign/edit/{TOKEN}/",
            "query_string": "next=/fund/",
            "method": "GET",
        }
    }

    request = sentry_event_without_tokens(event, {})["request"]

    assert request == {"url": "https://localdigital.example.gov.uk/sign/edit/…/", "method": "GET"}


def test_sentry_is_off_unless_a_dsn_is_set():
    assert not sentry_sdk.get_client().is_active()


def test_with_a_dsn_sentry_reports_without_personal_data_or_tokens():
    # Port 9 discards: nothing is sent there, and nothing is sent at start anyway.
    result = run_in_fresh_process(
        {"DEBUG": "true", "SENTRY_DSN": "http://public@127.0.0.1:9/1"},
        "shell",
        "--no-imports",
        "-c",
        "import sentry_sdk; options = sentry_sdk.get_client().options;"
        "print(sentry_sdk.get_client().is_active(), options['send_default_pii'],"
        " options['before_send'].__name__,"
        " sorted(i for i in sentry_sdk.get_client().integrations if i in ('celery', 'django')))",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("True False sentry_event_without_tokens ['celery', 'django']")
