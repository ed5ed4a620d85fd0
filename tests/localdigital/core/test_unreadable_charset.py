"""A post in a character set we do not read is answered 400, before its body is read
(localdigital.core.middleware.RefuseUnreadableCharsetMiddleware)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from funding.models import SignInLink
from localdigital.core.middleware import readable_charset
from signatories.models import SignUp
from tests.funding.apply.sections import new_draft, officer_email, signed_in

pytestmark = pytest.mark.django_db

# Not text encodings at all (these gave 500s), text codecs no form is sent in,
# and names no codec has.
UNREADABLE = ["rot13", "base64", "hex", "zlib", "bz2", "undefined", "idna", "utf-7", "klingon", ""]
READABLE = ["utf-8", "UTF-8", "utf8", "us-ascii", "iso-8859-1", "latin-1", "windows-1252"]


def post_endpoints(draft) -> list[str]:
    return [
        reverse("sign:organisation"),
        reverse("sign:your-details"),
        reverse("apply:sign-in"),
        reverse("apply:section", kwargs={"pk": draft.pk, "section": "project"}),
        reverse("apply:section", kwargs={"pk": draft.pk, "section": "attachments"}),
        f"/{settings.ADMIN_URL}login/",
    ]


def multipart(charset: str) -> str:
    return f"multipart/form-data; boundary=zzz; charset={charset}"


MULTIPART_BODY = (
    b'--zzz\r\nContent-Disposition: form-data; name="email"\r\n\r\n'
    b"priya.shah@testshire.gov.uk\r\n--zzz--\r\n"
)


def post_bytes(client: Client, path: str, body: bytes, content_type: str):
    # generic() sends the bytes as they are; post() would first encode them
    # in the charset named, which for these fails in the test client itself.
    return client.generic("POST", path, body, content_type=content_type)


@pytest.mark.parametrize("charset", UNREADABLE)
def test_a_post_in_an_unreadable_charset_is_answered_400_everywhere(charset):
    draft = new_draft()
    # The CSRF check reads the body first: the test client's usual exemption
    # would hide what a real browser's post meets.
    client = signed_in(officer_email(draft))
    client.handler.enforce_csrf_checks = True
    for path in post_endpoints(draft):
        for content_type, body in [
            (multipart(charset), MULTIPART_BODY),
            (f"application/x-www-form-urlencoded; charset={charset}", b"email=a%40b.gov.uk"),
        ]:
            response = post_bytes(client, path, body, content_type)

            assert response.status_code == 400, (path, content_type)
            assert b"Sorry, there is a problem with your request" in response.content
            assert b"govuk-template" in response.content


def test_nothing_is_done_with_a_refused_post():
    client = Client()

    response = post_bytes(client, reverse("apply:sign-in"), MULTIPART_BODY, multipart("rot13"))

    assert response.status_code == 400
    assert not SignInLink.objects.exists()
    assert not SignUp.objects.exists()


@pytest.mark.parametrize("charset", READABLE)
def test_a_post_in_a_charset_forms_are_sent_in_is_read(charset):
    # Multipart: an urlencoded post in anything but UTF-8 Django itself refuses.
    response = post_bytes(Client(), reverse("apply:sign-in"), MULTIPART_BODY, multipart(charset))

    assert response.status_code == 302
    assert SignInLink.objects.get().email == "priya.shah@testshire.gov.uk"


def test_a_post_naming_no_charset_is_read():
    response = Client().post(reverse("apply:sign-in"), {"email": "priya.shah@testshire.gov.uk"})

    assert response.status_code == 302


@pytest.mark.parametrize("charset", UNREADABLE)
def test_unreadable_charsets_are_told_apart_from_readable_ones(charset):
    assert not readable_charset(charset)
    assert all(readable_charset(name) for name in READABLE)
