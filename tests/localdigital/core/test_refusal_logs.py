"""Django's refusals of bad requests are logged as one warning line each, with no
traceback (localdigital.core.logging.RefusalsOnOneLine); server errors keep theirs."""

import logging

import pytest
from django.conf import settings
from django.contrib.admin.exceptions import DisallowedModelAdminToField
from django.http import HttpResponse, HttpResponseBadRequest
from django.test import RequestFactory
from django.urls import reverse
from django.utils.log import log_response

pytestmark = pytest.mark.django_db


def refusal_lines(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] != "localdigital.requests"]


def assert_one_warning_line(lines: list[dict], logger: str) -> dict:
    [line] = refusal_lines(lines)
    assert line["logger"] == logger
    assert line["level"] == "WARNING"
    assert "exc_info" not in line
    assert "Traceback" not in str(line)
    return line


def test_a_request_for_another_host_is_one_warning_line(client, log_lines):
    response = client.get("/robots.txt", HTTP_HOST="evil.example")

    assert response.status_code == 400
    line = assert_one_warning_line(log_lines(), "django.security.DisallowedHost")
    assert "evil.example" in line["message"]


def test_a_suspicious_operation_is_one_warning_line(client, log_lines):
    response = client.get(f"/{settings.ADMIN_URL}?q=%00")

    assert response.status_code == 400
    assert_one_warning_line(log_lines(), "django.security.SuspiciousOperation")


def test_a_body_that_cannot_be_parsed_is_one_warning_line(client, log_lines):
    response = client.generic(
        "POST", reverse("apply:sign-in"), b"--x\r\n", content_type="multipart/form-data; boundary="
    )

    assert response.status_code == 400
    line = assert_one_warning_line(log_lines(), "django.request")
    assert line["message"].startswith("Bad request (Unable to parse request body)")


def test_a_body_over_the_size_limit_is_one_warning_line(client, log_lines, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100

    response = client.post(reverse("apply:sign-in"), {"email": "a" * 200 + "@testshire.gov.uk"})

    assert response.status_code == 400
    assert_one_warning_line(log_lines(), "django.security.RequestDataTooBig")


def test_a_charset_we_do_not_read_is_one_warning_line(client, log_lines):
    response = client.generic(
        "POST", reverse("apply:sign-in"), b"email=x", content_type="text/plain; charset=rot13"
    )

    assert response.status_code == 400
    assert_one_warning_line(log_lines(), "django.security.UnreadableCharset")


def test_an_admin_lookup_refused_is_one_warning_line(log_lines):
    # As Django's handler logs the admin's refusal of a ?_to_field it does not allow.
    refused = DisallowedModelAdminToField("The field password cannot be referenced.")
    log_response(
        str(refused),
        exception=refused,
        request=RequestFactory().get("/admin/auth/user/?_to_field=password"),
        response=HttpResponseBadRequest(),
        level="error",
        logger=logging.getLogger("django.security.DisallowedModelAdminToField"),
    )

    assert_one_warning_line(log_lines(), "django.security.DisallowedModelAdminToField")


def test_a_server_error_keeps_its_level_and_traceback(log_lines):
    try:
        raise RuntimeError("A bug of ours.")
    except RuntimeError as error:
        log_response(
            "Internal Server Error: %s",
            "/",
            exception=error,
            request=RequestFactory().get("/"),
            response=HttpResponse(status=500),
        )

    [line] = refusal_lines(log_lines())
    assert line["level"] == "ERROR"
    assert "Traceback" in line["exc_info"]
    assert "RuntimeError: A bug of ours." in line["exc_info"]
